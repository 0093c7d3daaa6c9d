"""Writing the import: the service ``importeer`` brings the register in line with an export in
one transaction, in a fixed number of queries (bulk reads, bulk writes), and records what it
did in a ``RooImport``.

A regeling the import created carries ``roo_beheerd`` and is kept in line with the export
(``_werk_bij``); hand-entered deelnames in it stay. A regeling entered by hand is only linked
to its ROO versions (``_koppel``). Regelingen that disappear from the export are left alone.

What the import removes from a regeling (a version, a publicatie) it names in its messages. A
regeling whose chain in the export is incomplete (a version names a previous or next version
the export lacks) is not updated at all: a partial export would otherwise remove versions it
merely left out. A dry run (``proef=True``) does everything and rolls it back, and returns the
record unsaved, with what would change per regeling (``per_regeling``).
"""

import dataclasses
import datetime
import functools
from collections import Counter, defaultdict

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from municipalities.models import Partner
from registry.geldigheid import perioden_overlappen
from registry.protocol import bulk_aanmaken, bulk_bijwerken, kanaal, vastleggen, verwijderen
from registry.versie import verhoog as verhoog_versie

from ..models import Deelname, Publicatie, Regeling, RegelingVersie, RooImport
from .bekend import Bekend, unique_slug
from .deelnemers import Deelnemers, NieuwePartner
from .gewenst import Gewenst, bepaal_gewenst
from .ketens import ketens, ontbrekende_versies
from .lezen import Export, RooFout, Versie
from .teller import Teller

REGELING_VELDEN = [
    "naam",
    "doel",
    "vorm",
    "attributie",
    "delegatie",
    "mandaat",
    "status",
    "begindatum",
    "einddatum",
    "vestigingsplaats",
    "adres",
    "wettelijke_grondslagen",
    "bevoegdheden",
    "organisatiecode",
    "oin",
    "kvk_nummer",
    "rsin",
    "bron",
]
VERSIE_VELDEN = ["titel", "vorm", "doel", "begindatum", "einddatum"]
DEELNAME_VELDEN = [
    "einddatum",
    "namens_raad",
    "namens_college",
    "namens_burgemeester",
    "verdeelsleutel",
]


def set_changed_fields(obj, values: dict) -> list[str]:
    """Set the attributes of ``obj`` that differ from ``values`` and return their names."""
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    return changed


def importeer(
    export: Export, *, bron: str, vandaag: datetime.date | None = None, proef: bool = False
) -> RooImport:
    """Write the regelingen of ``export`` in one transaction and record what changed; with
    ``proef`` roll it all back and return the record unsaved. Either way the record carries
    ``per_regeling``: what changes in which regeling."""
    vandaag = vandaag or datetime.date.today()
    teller = Teller(list(export.meldingen))
    with transaction.atomic(), kanaal("import"):
        bekend = Bekend.lees()
        if not bekend.gemeenten:
            raise RooFout(
                "Het register bevat nog geen gemeenten, dus geen deelnemers om te koppelen; "
                "laad ze eerst met 'manage.py voorbeelddata'."
            )
        deelnemers = Deelnemers(bekend, export.organisaties, teller)
        alle = [
            (keten, bepaal_gewenst(keten, export, bekend, deelnemers, teller, vandaag))
            for keten in ketens(export.versies, teller.meldingen)
        ]
        partner_ids = _maak_partners(list(deelnemers.nieuwe_partners.values()), teller)

        regeling_van = dict(
            RegelingVersie.objects.exclude(roo_id=None).values_list("roo_id", "regeling_id")
        )
        gekoppeld = {}
        for keten, gewenst in alle:
            ids = {regeling_van[v.systeem_id] for v in keten if v.systeem_id in regeling_van}
            if len(ids) > 1:
                teller.overgeslagen(
                    "regelingen",
                    f"Regeling {keten[-1].systeem_id}: de versies staan bij verschillende "
                    f"regelingen in het register ({', '.join(map(str, sorted(ids)))}).",
                )
            elif ids and ids <= set(gekoppeld.values()):
                teller.overgeslagen(
                    "regelingen",
                    f"Regeling {keten[-1].systeem_id}: een andere keten uit de export hoort al "
                    f"bij dezelfde regeling in het register ({next(iter(ids))}).",
                )
            else:
                gekoppeld[id(gewenst)] = ids.pop() if ids else None
        bestaande = Regeling.objects.in_bulk([i for i in gekoppeld.values() if i])

        nieuw, beheerd, handmatig = [], [], []
        for keten, gewenst in alle:
            if id(gewenst) not in gekoppeld:
                continue
            regeling = bestaande.get(gekoppeld[id(gewenst)])
            ontbreekt = ontbrekende_versies(keten, export.versies)
            if ontbreekt:
                teller.meldingen.append(
                    f"{gewenst.velden['naam']}: de export is voor deze regeling onvolledig; "
                    f"versie {', '.join(ontbreekt)} ontbreekt, terwijl een andere versie ernaar "
                    "verwijst."
                )
            if regeling is None:
                nieuw.append((keten, gewenst))
            elif regeling.roo_beheerd and ontbreekt:
                teller.overgeslagen(
                    "regelingen",
                    f"{regeling.naam}: niet bijgewerkt omdat de export onvolledig is; er is "
                    "niets verwijderd.",
                )
                teller.wijziging(regeling.naam, "niet bijgewerkt: de export is onvolledig")
            elif regeling.roo_beheerd:
                beheerd.append((regeling, gewenst))
            else:
                handmatig.append((regeling, keten))

        _maak_aan(nieuw, bekend, partner_ids, teller)
        _werk_bij(beheerd, partner_ids, teller)
        _koppel(handmatig, teller)
        verhoog_versie()  # bulk_create and bulk_update send no signals
        resultaat = RooImport(
            gestart=timezone.now(),
            bron=bron[:500],
            schema=export.schema[:200],
            aantallen=teller.als_dict(),
            meldingen=list(dict.fromkeys(teller.meldingen)),
        )
        if proef:
            transaction.set_rollback(True)
        else:
            resultaat.save()
    resultaat.per_regeling = dict(teller.per_regeling)
    return resultaat


def _maak_partners(nieuwe: list[NieuwePartner], teller: Teller) -> dict[NieuwePartner, int]:
    """Create the partners the deelnemers of the export need; return their ids."""
    partners = bulk_aanmaken(Partner, (Partner(**dataclasses.asdict(p)) for p in nieuwe))
    teller.tel("partners", "aangemaakt", len(partners))
    return {nieuw: partner.pk for nieuw, partner in zip(nieuwe, partners, strict=True)}


def _nieuwe_deelnames(
    regeling: Regeling,
    gewenst: Gewenst,
    hand: dict,
    partner_ids: dict[NieuwePartner, int],
    teller: Teller,
) -> list[Deelname]:
    """Unsaved deelnames of ``gewenst``, without those that overlap a hand-entered deelname
    of the same deelnemer (``hand``: periods per (gemeente_id, partner_id))."""
    resultaat = []
    for deelname in gewenst.deelnames:
        gemeente_id, partner_id = deelname.deelnemer.ids(partner_ids)
        periode = (deelname.begindatum, deelname.einddatum)
        if any(perioden_overlappen(periode, p) for p in hand.get((gemeente_id, partner_id), ())):
            teller.overgeslagen(
                "deelnames",
                f"{regeling.naam}: een met de hand ingevoerde deelname van dezelfde deelnemer "
                "overlapt; die blijft staan.",
            )
            continue
        resultaat.append(
            Deelname(
                regeling=regeling,
                gemeente_id=gemeente_id,
                partner_id=partner_id,
                roo_beheerd=True,
                begindatum=deelname.begindatum,
                **{veld: getattr(deelname, veld) for veld in DEELNAME_VELDEN},
            )
        )
    return resultaat


def _maak_aan(
    nieuw: list[tuple[list[Versie], Gewenst]],
    bekend: Bekend,
    partner_ids: dict[NieuwePartner, int],
    teller: Teller,
):
    """Create the regelingen the register lacks, with everything that belongs to them."""
    regelingen = Regeling.objects.bulk_create(  # historie: vastgelegd na de thema's, hieronder
        Regeling(
            slug=unique_slug(
                slugify(gewenst.velden["naam"])[:100], bekend.regeling_slugs, keten[0].systeem_id
            ),
            roo_beheerd=True,
            **gewenst.velden,
        )
        for keten, gewenst in nieuw
    )
    teller.tel("regelingen", "aangemaakt", len(regelingen))
    versies, deelnames, publicaties, themas = [], [], [], []
    for regeling, (_, gewenst) in zip(regelingen, nieuw, strict=True):
        teller.wijziging(
            regeling.naam,
            f"nieuw, met {len(gewenst.versies)} versies, {len(gewenst.deelnames)} deelnames en "
            f"{len(gewenst.publicaties)} publicaties",
        )
        versies += [
            RegelingVersie(regeling=regeling, roo_id=roo_id, **velden)
            for roo_id, velden in gewenst.versies.items()
        ]
        deelnames += _nieuwe_deelnames(regeling, gewenst, {}, partner_ids, teller)
        publicaties += [
            Publicatie(regeling=regeling, url=url, soort=soort)
            for url, soort in gewenst.publicaties.items()
        ]
        themas += [
            Regeling.themas.through(regeling=regeling, thema_id=t) for t in sorted(gewenst.themas)
        ]
    _schrijf(teller, versies=versies, deelnames=deelnames, publicaties=publicaties, themas=themas)
    vastleggen(regelingen, "+")


def _schrijf(teller: Teller, *, versies, deelnames, publicaties, themas):
    """Create what belongs to regelingen; the links to thema's are recorded in the history
    of their regeling (by the caller, once its rows are final)."""
    teller.tel("versies", "aangemaakt", len(bulk_aanmaken(RegelingVersie, versies)))
    teller.tel("deelnames", "aangemaakt", len(bulk_aanmaken(Deelname, deelnames)))
    teller.tel("publicaties", "aangemaakt", len(bulk_aanmaken(Publicatie, publicaties)))
    koppelingen = Regeling.themas.through.objects.bulk_create(themas)  # historie: zie docstring
    teller.tel("thema's", "gekoppeld", len(koppelingen))


def _total_length(*groepen: dict) -> int:
    return sum(len(lijst) for groep in groepen for lijst in groep.values())


def _werk_bij(
    beheerd: list[tuple[Regeling, Gewenst]],
    partner_ids: dict[NieuwePartner, int],
    teller: Teller,
):
    """Bring regelingen the import owns in line with the export; hand deelnames stay."""
    ids = [regeling.pk for regeling, _ in beheerd]
    versies_van = defaultdict(dict)
    for versie in RegelingVersie.objects.filter(regeling_id__in=ids).exclude(roo_id=None):
        versies_van[versie.regeling_id][versie.roo_id] = versie
    roo_deelnames, hand_deelnames = defaultdict(dict), defaultdict(lambda: defaultdict(list))
    for d in Deelname.objects.filter(regeling_id__in=ids):
        if d.roo_beheerd:
            roo_deelnames[d.regeling_id][(d.gemeente_id, d.partner_id, d.begindatum)] = d
        else:
            hand_deelnames[d.regeling_id][(d.gemeente_id, d.partner_id)].append(
                (d.begindatum, d.einddatum)
            )
    publicaties_van = defaultdict(dict)
    for p in Publicatie.objects.filter(regeling_id__in=ids):
        publicaties_van[p.regeling_id][p.url] = p
    themas_van = defaultdict(dict)
    for koppeling_id, regeling_id, thema_id in Regeling.themas.through.objects.filter(
        regeling_id__in=ids
    ).values_list("id", "regeling_id", "thema_id"):
        themas_van[regeling_id][thema_id] = koppeling_id

    weg = defaultdict(list)
    bij = defaultdict(list)
    nieuw = defaultdict(list)
    andere_themas = []  # regelingen whose thema's change while their own fields do not
    for regeling, gewenst in beheerd:
        voor = _total_length(weg, bij, nieuw)
        wijziging = functools.partial(teller.wijziging, regeling.naam)
        if eigen := set_changed_fields(regeling, {v: gewenst.velden[v] for v in REGELING_VELDEN}):
            bij["regelingen"].append(regeling)
            wijziging(f"gewijzigd: {', '.join(eigen)}")

        bestaand = versies_van[regeling.pk]
        if ontbrekend := sorted(set(bestaand) - set(gewenst.versies)):
            weg["versies"] += [bestaand[roo_id].pk for roo_id in ontbrekend]
            teller.meldingen.append(
                f"{regeling.naam}: versie {', '.join(ontbrekend)} staat niet meer in de export "
                "en is verwijderd."
            )
            wijziging(f"versie {', '.join(ontbrekend)} verwijderd")
        for roo_id, velden_versie in gewenst.versies.items():
            versie = bestaand.get(roo_id)
            if versie is None:
                nieuw["versies"].append(
                    RegelingVersie(regeling=regeling, roo_id=roo_id, **velden_versie)
                )
                wijziging(f"versie {roo_id} nieuw")
            elif velden := set_changed_fields(versie, velden_versie):
                bij["versies"].append(versie)
                wijziging(f"versie {roo_id} gewijzigd: {', '.join(velden)}")

        bestaand = roo_deelnames[regeling.pk]
        kandidaten = _nieuwe_deelnames(
            regeling, gewenst, hand_deelnames[regeling.pk], partner_ids, teller
        )
        sleutels = set()
        deelnames = Counter()
        for deelname in kandidaten:
            sleutel = (deelname.gemeente_id, deelname.partner_id, deelname.begindatum)
            sleutels.add(sleutel)
            oud = bestaand.get(sleutel)
            if oud is None:
                nieuw["deelnames"].append(deelname)
                deelnames["nieuw"] += 1
            elif set_changed_fields(oud, {v: getattr(deelname, v) for v in DEELNAME_VELDEN}):
                bij["deelnames"].append(oud)
                deelnames["gewijzigd"] += 1
        verdwenen = [d.pk for s, d in bestaand.items() if s not in sleutels]
        weg["deelnames"] += verdwenen
        if verdwenen:
            deelnames["verwijderd"] += len(verdwenen)
        for actie, aantal in deelnames.items():
            wijziging(f"{aantal} deelname{'s' if aantal > 1 else ''} {actie}")

        bestaand = publicaties_van[regeling.pk]
        if ontbrekend := sorted(set(bestaand) - set(gewenst.publicaties)):
            weg["publicaties"] += [bestaand[url].pk for url in ontbrekend]
            teller.meldingen.append(
                f"{regeling.naam}: publicatie {', '.join(ontbrekend)} staat niet meer in de "
                "export en is verwijderd."
            )
            wijziging(f"publicatie {', '.join(ontbrekend)} verwijderd")
        for url, soort in gewenst.publicaties.items():
            if url not in bestaand:
                nieuw["publicaties"].append(Publicatie(regeling=regeling, url=url, soort=soort))
                wijziging(f"publicatie {url} nieuw")
            elif set_changed_fields(bestaand[url], {"soort": soort}):
                bij["publicaties"].append(bestaand[url])
                wijziging(f"publicatie {url} gewijzigd")

        oud_themas = themas_van[regeling.pk]
        weg_themas = [k for t, k in oud_themas.items() if t not in gewenst.themas]
        gekoppeld = sorted(gewenst.themas - oud_themas.keys())
        if weg_themas:
            weg["thema's"] += weg_themas
            wijziging(f"{len(weg_themas)} thema's ontkoppeld")
        if gekoppeld:
            nieuw["thema's"] += [
                Regeling.themas.through(regeling=regeling, thema_id=t) for t in gekoppeld
            ]
            wijziging(f"{len(gekoppeld)} thema's gekoppeld")
        if (weg_themas or gekoppeld) and not eigen:
            andere_themas.append(regeling)
        na = _total_length(weg, bij, nieuw)
        teller.tel("regelingen", "bijgewerkt" if na > voor else "ongewijzigd")

    teller.tel(
        "versies", "verwijderd", verwijderen(RegelingVersie.objects.filter(pk__in=weg["versies"]))
    )
    teller.tel(
        "deelnames", "verwijderd", verwijderen(Deelname.objects.filter(pk__in=weg["deelnames"]))
    )
    teller.tel(
        "publicaties",
        "verwijderd",
        verwijderen(Publicatie.objects.filter(pk__in=weg["publicaties"])),
    )
    ontkoppeld = Regeling.themas.through.objects.filter(pk__in=weg["thema's"])
    teller.tel("thema's", "ontkoppeld", ontkoppeld.delete()[0])  # historie: bij de regeling
    Regeling.objects.bulk_update(bij["regelingen"], REGELING_VELDEN)  # historie: hieronder
    bulk_bijwerken(RegelingVersie, bij["versies"], VERSIE_VELDEN)
    bulk_bijwerken(Deelname, bij["deelnames"], DEELNAME_VELDEN)
    bulk_bijwerken(Publicatie, bij["publicaties"], ["soort"])
    for soort in ("versies", "deelnames", "publicaties"):
        teller.tel(soort, "bijgewerkt", len(bij[soort]))
    _schrijf(
        teller,
        versies=nieuw["versies"],
        deelnames=nieuw["deelnames"],
        publicaties=nieuw["publicaties"],
        themas=nieuw["thema's"],
    )
    vastleggen([*bij["regelingen"], *andere_themas], "~")


def _koppel(handmatig: list[tuple[Regeling, list[Versie]]], teller: Teller):
    """Regelingen kept by hand: only fill in a missing systeemId on a version that starts on
    the same day, and report the ROO versions they lack."""
    versies_van = defaultdict(list)
    for versie in RegelingVersie.objects.filter(regeling_id__in=[r.pk for r, _ in handmatig]):
        versies_van[versie.regeling_id].append(versie)
    gekoppeld = []
    for regeling, keten in handmatig:
        bekend = {v.roo_id for v in versies_van[regeling.pk]}
        for versie in keten:
            if versie.systeem_id in bekend:
                continue
            zonder = [
                v for v in versies_van[regeling.pk] if not v.roo_id and v.begindatum == versie.begin
            ]
            if zonder:
                zonder[0].roo_id = versie.systeem_id
                gekoppeld.append(zonder[0])
                teller.wijziging(
                    regeling.naam, f"versie gekoppeld aan ROO-versie {versie.systeem_id}"
                )
            else:
                teller.meldingen.append(
                    f"{regeling.naam} wordt met de hand bijgehouden; ROO-versie "
                    f"{versie.systeem_id} ({versie.begin or 'begin onbekend'}) staat er niet bij."
                )
        teller.tel("regelingen", "met de hand bijgehouden")
    bulk_bijwerken(RegelingVersie, gekoppeld, ["roo_id"])
    teller.tel("versies", "gekoppeld", len(gekoppeld))

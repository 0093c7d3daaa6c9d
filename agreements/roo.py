"""Import of the ROO export (``exportOO.xml``): every gemeenschappelijke regeling with its
versions, deelnemers, publicaties, thema's and the identifiers of its GR body.

Two steps. ``lees_export`` streams the file once and keeps only compact records of the
regeling versions and of the few facts of organisaties the import needs; the DOM is cleared
as it goes, so memory follows the size of those facts, not of the file. ``importeer`` then
chains the versions into regelingen and writes everything in one transaction, in a fixed
number of queries (bulk reads, bulk writes).

What comes from where. Naam, vorm, doel, bevoegdheidsverkrijging, wettelijke grondslagen and
bevoegdheden come from the latest version; organisatiecode, OIN, KvK (only for a vorm with
legal personality) and the bezoekadres from the organisatie record of the GR body (the
version's own address first); thema's (beleidsterreinen with a known TOOI term) and
publicaties (instellingsbesluiten) from all versions together.

Ownership. A regeling the import created carries ``roo_beheerd``: the import keeps its fields,
versions, thema's, publicaties and the deelnames that carry ``roo_beheerd`` in line with the
export. Deelnames entered by hand stay. A regeling entered by hand (the seeded cases) is
found through the ROO systeemId of one of its versions and left as it is: the import only
fills in a missing systeemId on a version with the same begindatum and reports the ROO
versions it lacks. Regelingen that disappear from the export are left alone.

Periods. A version runs from ``datumInwerkingtreding`` to the day before
``datumUitwerkingtreding`` (exclusive in ROO), and at the latest to the day before its
successor starts. A deelnemer's deelname starts at its ``toetredingsDatum`` (the version start
when absent), runs through the consecutive versions that list it and ends with the last of
them, or the day before an ``uittredingsDatum`` (read as exclusive like the version end; ROO
practically never fills it in); a gemeente's deelname stays within the gemeente's life. The
regeling starts at the earliest version start or deelname start and ends with its last
version; it is opgeheven once that end has passed.
"""

import datetime
import itertools
import re
import shutil
import tempfile
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from municipalities.constants import PartnerSoort
from municipalities.models import KVK_REGEX, OIN_REGEX, Gemeente, Partner
from registry.geldigheid import perioden_overlappen

from .constants import VORMEN_MET_RECHTSPERSOONLIJKHEID, PublicatieSoort, Status, Vorm
from .models import Deelname, Publicatie, Regeling, RegelingVersie, RooImport, Thema

ROO_URL = "https://organisaties.overheid.nl/archive/exportOO.xml"
BRON = "Register van Overheidsorganisaties (CC0), ROO-import"
EEN_DAG = datetime.timedelta(days=1)

VORM_CODES = {
    "OL": Vorm.OPENBAAR_LICHAAM,
    "BVO": Vorm.BEDRIJFSVOERINGSORGANISATIE,
    "GO": Vorm.GEMEENSCHAPPELIJK_ORGAAN,
    "RZM": Vorm.REGELING_ZONDER_MEER,
}
TOOI_ID = re.compile(r"/tooi/id/(gemeente|provincie|waterschap|so|ministerie)/([a-z]+[0-9]+)$")
ORGANISATIECODE = re.compile(r"^(gm|pv|ws|so|mnre)[0-9]+$")
SOORT_VAN_PREFIX = {
    "pv": PartnerSoort.PROVINCIE,
    "ws": PartnerSoort.WATERSCHAP,
    "so": PartnerSoort.SAMENWERKINGSVERBAND,
    "mnre": PartnerSoort.RIJK,
}
BESTUURSORGANEN = {
    "gemeenteraad": "namens_raad",
    "college van burgemeester en wethouders": "namens_college",
    "burgemeester": "namens_burgemeester",
}


class RooFout(Exception):
    """The export cannot be read; the message is meant for the user (Dutch)."""


# --- Reading --------------------------------------------------------------------------------


@dataclass(slots=True)
class Deelnemer:
    systeem_id: str
    tooi: str
    naam: str
    toetreding: datetime.date | None
    uittreding: datetime.date | None
    verdeelsleutel: Decimal | None
    bestuursorganen: frozenset[str]


@dataclass(slots=True)
class Versie:
    systeem_id: str
    titel: str
    vorm_code: str
    begin: datetime.date | None
    uitwerking: datetime.date | None
    vorige: str = ""
    volgende: str = ""
    doel: str = ""
    bevoegdheidsverkrijgingen: frozenset[str] = frozenset()
    orgaan_id: str = ""
    orgaan_tooi: str = ""
    deelnemers: list[Deelnemer] = field(default_factory=list)
    besluiten: list[str] = field(default_factory=list)
    grondslagen: list[tuple[str, str]] = field(default_factory=list)
    bevoegdheden: list[tuple[str, str]] = field(default_factory=list)
    beleidsterreinen: list[tuple[str, str]] = field(default_factory=list)
    adres: tuple[str, str] = ("", "")


@dataclass(slots=True)
class Organisatie:
    systeem_id: str
    tooi: str
    naam: str
    codes: dict[str, str]
    adres: tuple[str, str] = ("", "")


@dataclass(slots=True)
class Export:
    schema: str
    versies: dict[str, Versie]
    organisaties: dict[str, Organisatie]
    meldingen: list[str] = field(default_factory=list)


def _lokaal(naam: str) -> str:
    return naam.rpartition("}")[2]


def _attr(el, naam: str) -> str:
    for sleutel, waarde in el.attrib.items():
        if _lokaal(sleutel) == naam:
            return waarde.strip()
    return ""


def _kinderen(el, *pad: str) -> list:
    """The elements at ``pad`` below ``el``, matched on local name."""
    huidige = [el]
    for naam in pad:
        huidige = [kind for ouder in huidige for kind in ouder if _lokaal(kind.tag) == naam]
    return huidige


def _tekst(el, *pad: str) -> str:
    gevonden = _kinderen(el, *pad)
    return (gevonden[0].text or "").strip() if gevonden else ""


def _datum(tekst: str, meldingen: list[str], waar: str) -> datetime.date | None:
    if not tekst:
        return None
    try:
        return datetime.date.fromisoformat(tekst[:10])
    except ValueError:
        meldingen.append(f"{waar}: ongeldige datum '{tekst}' genegeerd.")
        return None


def _bezoekadres(el) -> tuple[str, str]:
    """(adres, woonplaats) of the first Bezoekadres, e.g. ('Lloydsweg 17, 9641 KJ Veendam',
    'Veendam')."""
    for adres in _kinderen(el, "adressen", "adres"):
        soort = _tekst(adres, "adresType") or _attr(adres, "adresType")
        straat = _tekst(adres, "openbareRuimte")
        if soort.lower() != "bezoekadres" or not straat:
            continue
        nummer = _tekst(adres, "huisnummer") + _tekst(adres, "toevoeging")
        plaats = _tekst(adres, "woonplaats")
        regel = " ".join(d for d in (straat, nummer) if d)
        postcode_plaats = " ".join(d for d in (_tekst(adres, "postcode"), plaats) if d)
        return ", ".join(d for d in (regel, postcode_plaats) if d)[:200], plaats[:100]
    return "", ""


def _lees_versie(el, meldingen: list[str]) -> Versie:
    systeem_id = _attr(el, "systeemId")
    waar = f"Versie {systeem_id}"
    deelnemers = []
    for rij in _kinderen(el, "deelnemendeOrganisaties", "deelnemendeOrganisatie"):
        sleutel = _tekst(rij, "verdeelsleutel")
        verdeelsleutel = None
        if sleutel:
            try:
                verdeelsleutel = Decimal(sleutel.replace(",", ".")).quantize(Decimal("0.0001"))
            except InvalidOperation:
                verdeelsleutel = None
            if verdeelsleutel is None or not 0 <= verdeelsleutel <= 100:
                meldingen.append(f"{waar}: verdeelsleutel '{sleutel}' genegeerd.")
                verdeelsleutel = None
        deelnemers.append(
            Deelnemer(
                systeem_id=_attr(rij, "systeemId"),
                tooi=_attr(rij, "resourceIdentifierTOOI"),
                naam=_tekst(rij, "naam"),
                toetreding=_datum(_tekst(rij, "toetredingsDatum"), meldingen, waar),
                uittreding=_datum(_tekst(rij, "uittredingsDatum"), meldingen, waar),
                verdeelsleutel=verdeelsleutel,
                bestuursorganen=frozenset(
                    (o.text or "").strip().lower()
                    for o in _kinderen(rij, "bestuursorganen", "bestuursorgaan")
                ),
            )
        )
    orgaan = _kinderen(el, "regionaalSamenwerkingsorgaan")
    vorige, volgende = _kinderen(el, "previousVersion"), _kinderen(el, "nextVersion")
    return Versie(
        systeem_id=systeem_id,
        titel=_tekst(el, "titel"),
        vorm_code=_attr(_kinderen(el, "samenwerkingsvorm")[0], "afkorting")
        if _kinderen(el, "samenwerkingsvorm")
        else "",
        begin=_datum(_tekst(el, "datumInwerkingtreding"), meldingen, waar),
        uitwerking=_datum(_tekst(el, "datumUitwerkingtreding"), meldingen, waar),
        vorige=_attr(vorige[0], "systeemId") if vorige else "",
        volgende=_attr(volgende[0], "systeemId") if volgende else "",
        doel=_tekst(el, "doel"),
        bevoegdheidsverkrijgingen=frozenset(
            (b.text or "").strip().lower()
            for b in _kinderen(el, "bevoegdheidsverkrijgingen", "bevoegdheidsverkrijging")
        ),
        orgaan_id=_attr(orgaan[0], "systeemId") if orgaan else "",
        orgaan_tooi=_attr(orgaan[0], "resourceIdentifierTOOI") if orgaan else "",
        deelnemers=deelnemers,
        besluiten=[
            (r.text or "").strip()
            for r in _kinderen(el, "instellingsbesluiten", "referentie")
            if (r.text or "").strip()
        ],
        grondslagen=[
            (_tekst(g, "opschrift"), _tekst(g, "referentie"))
            for g in _kinderen(el, "wettelijkeGrondslagen", "wettelijkeGrondslag")
        ],
        bevoegdheden=[
            (_tekst(b, "kopArtikel"), _tekst(b, "inhoudArtikel"))
            for b in _kinderen(el, "bevoegdheden", "bevoegdheid")
        ],
        beleidsterreinen=[
            ((b.text or "").strip(), _attr(b, "resourceIdentifier"))
            for b in _kinderen(el, "beleidsterreinen", "beleidsterrein")
        ],
        adres=_bezoekadres(el),
    )


def _lees_organisatie(el) -> Organisatie:
    codes = {
        _attr(c, "naam"): (c.text or "").strip()
        for c in _kinderen(el, "identificatiecodes", "resourceIdentifier")
    }
    return Organisatie(
        systeem_id=_attr(el, "systeemId"),
        tooi=_attr(el, "resourceIdentifierTOOI"),
        naam=_tekst(el, "naam"),
        codes=codes,
        adres=_bezoekadres(el),
    )


def lees_export(bron, voortgang: Callable[[int, int], None] | None = None) -> Export:
    """Read the export at ``bron`` (a path or a binary file object) in one streaming pass;
    ``voortgang`` hears the number of versions and organisaties read now and then."""
    export = Export(schema="", versies={}, organisaties={})
    stapel = []
    gelezen = 0
    try:
        for gebeurtenis, el in ET.iterparse(bron, events=("start", "end")):
            if gebeurtenis == "start":
                if not stapel:
                    if _lokaal(el.tag) != "overheidsorganisaties":
                        raise RooFout(
                            f"Dit is geen ROO-export: het hoofdelement is '{_lokaal(el.tag)}' "
                            "in plaats van 'overheidsorganisaties'."
                        )
                    export.schema = el.tag[1:].partition("}")[0] if el.tag[0] == "{" else ""
                stapel.append(el)
                continue
            stapel.pop()
            naam = _lokaal(el.tag)
            ouder = _lokaal(stapel[-1].tag) if stapel else ""
            if naam == "regeling" and ouder == "gemeenschappelijkeRegelingen":
                versie = _lees_versie(el, export.meldingen)
                if not versie.systeem_id:
                    export.meldingen.append(
                        f"Regeling '{versie.titel}' zonder systeemId overgeslagen."
                    )
                else:
                    export.versies[versie.systeem_id] = versie
            elif naam == "organisatie" and ouder == "organisaties":
                organisatie = _lees_organisatie(el)
                if organisatie.systeem_id:
                    export.organisaties[organisatie.systeem_id] = organisatie
            else:
                continue
            stapel[-1].clear()  # the records read so far, and their subtrees
            gelezen += 1
            if voortgang and gelezen % 500 == 0:
                voortgang(len(export.versies), len(export.organisaties))
    except ET.ParseError as fout:
        regel, kolom = fout.position
        raise RooFout(
            f"Het bestand is geen geldige of geen volledige XML (regel {regel}, kolom {kolom}): "
            f"{fout}. Er is niets veranderd."
        ) from fout
    if voortgang:
        voortgang(len(export.versies), len(export.organisaties))
    if not export.versies:
        raise RooFout("De export bevat geen gemeenschappelijke regelingen; er is niets veranderd.")
    return export


def download(url: str = ROO_URL) -> Path:
    """Stream the export at ``url`` to a temporary file and return its path."""
    bestand, naam = tempfile.mkstemp(prefix="exportOO-", suffix=".xml")
    try:
        with open(bestand, "wb") as doel, urllib.request.urlopen(url, timeout=60) as antwoord:
            shutil.copyfileobj(antwoord, doel, length=1024 * 1024)
    except OSError as fout:
        Path(naam).unlink(missing_ok=True)
        raise RooFout(f"De ROO-export kon niet worden gedownload van {url}: {fout}") from fout
    return Path(naam)


# --- Chains and periods ---------------------------------------------------------------------


def ketens(versies: dict[str, Versie], meldingen: list[str]) -> list[list[Versie]]:
    """Group the versions into regelingen through previous/nextVersion (both ways, so one
    broken link does not split a chain); each chain sorted by start."""
    ouder = {sid: sid for sid in versies}

    def wortel(sid):
        while ouder[sid] != sid:
            ouder[sid] = ouder[ouder[sid]]
            sid = ouder[sid]
        return sid

    for versie in versies.values():
        for ander in (versie.vorige, versie.volgende):
            if ander in versies:
                ouder[wortel(ander)] = wortel(versie.systeem_id)
    groepen = defaultdict(list)
    for sid, versie in versies.items():
        groepen[wortel(sid)].append(versie)
    resultaat = []
    for groep in groepen.values():
        groep.sort(key=lambda v: (v.begin or datetime.date.min, int(v.systeem_id or 0)))
        keten = []
        for i, versie in enumerate(groep):
            if versie.begin and versie.uitwerking and versie.uitwerking <= versie.begin:
                meldingen.append(
                    f"Versie {versie.systeem_id} is nooit in werking geweest (uitwerkingtreding "
                    "niet na inwerkingtreding); overgeslagen."
                )
                continue
            if i + 1 < len(groep) and groep[i + 1].begin == versie.begin:
                meldingen.append(
                    f"Versie {versie.systeem_id} begint op dezelfde dag als versie "
                    f"{groep[i + 1].systeem_id}; alleen de laatste is overgenomen."
                )
                continue
            keten.append(versie)
        if keten:
            resultaat.append(keten)
    resultaat.sort(key=lambda k: int(k[0].systeem_id or 0))
    return resultaat


def versie_perioden(keten: list[Versie]) -> list[tuple[datetime.date | None, datetime.date | None]]:
    """(begindatum, einddatum) per version: einddatum is the day before the exclusive
    uitwerkingtreding, and at the latest the day before the next version starts."""
    perioden = []
    for i, versie in enumerate(keten):
        einde = versie.uitwerking - EEN_DAG if versie.uitwerking else None
        if i + 1 < len(keten) and keten[i + 1].begin:
            volgende_begin = keten[i + 1].begin - EEN_DAG
            if einde is None or einde > volgende_begin:
                einde = volgende_begin
        perioden.append((versie.begin, einde))
    return perioden


# --- Writing --------------------------------------------------------------------------------


@dataclass(slots=True)
class Bekend:
    """What the database holds that the import needs, read in a fixed number of queries."""

    gemeenten: dict[str, dict]
    gemeenten_op_naam: dict[str, list[dict]]
    partners: dict[str, int]
    partners_op_naam: dict[str, int]
    partner_slugs: set[str]
    themas: dict[str, int]
    regeling_slugs: set[str]

    @classmethod
    def lees(cls) -> "Bekend":
        gemeenten = {
            g["code"]: g
            for g in Gemeente.objects.values("id", "code", "naam", "begindatum", "einddatum")
        }
        op_naam = defaultdict(list)
        for g in gemeenten.values():
            op_naam[_naam_sleutel(g["naam"])].append(g)
        partners, partners_op_naam, slugs = {}, {}, set()
        for p in Partner.objects.values("id", "code", "naam", "slug"):
            if p["code"]:
                partners[p["code"]] = p["id"]
            partners_op_naam.setdefault(p["naam"].casefold(), p["id"])
            slugs.add(p["slug"])
        return cls(
            gemeenten=gemeenten,
            gemeenten_op_naam=dict(op_naam),
            partners=partners,
            partners_op_naam=partners_op_naam,
            partner_slugs=slugs,
            themas=dict(Thema.objects.exclude(tooi=None).values_list("tooi", "id")),
            regeling_slugs=set(Regeling.objects.values_list("slug", flat=True)),
        )


def _naam_sleutel(naam: str) -> str:
    naam = naam.strip()
    if naam.lower().startswith("gemeente "):
        naam = naam[len("gemeente ") :]
    return naam.casefold()


def _uniek(basis: str, bezet: set[str], reserve: str) -> str:
    """A slug not in ``bezet``: ``basis``, else ``basis-reserve``, else with a number; it is
    added to ``bezet``. ``basis`` is at most 100 characters, so the result fits 120."""
    kandidaten = itertools.chain(
        [basis, f"{basis}-{reserve}"], (f"{basis}-{reserve}-{n}" for n in itertools.count(2))
    )
    slug = next(k.strip("-") for k in kandidaten if k.strip("-") and k.strip("-") not in bezet)
    bezet.add(slug)
    return slug


class Teller:
    """Counts per kind of record and action, plus the messages of the run."""

    def __init__(self, meldingen: list[str]):
        self.aantallen = defaultdict(Counter)
        self.meldingen = meldingen

    def tel(self, soort: str, actie: str, aantal: int = 1):
        if aantal:
            self.aantallen[soort][actie] += aantal

    def overgeslagen(self, soort: str, reden: str):
        self.tel(soort, "overgeslagen")
        self.meldingen.append(reden)

    def als_dict(self) -> dict:
        return {
            soort: dict(sorted(acties.items())) for soort, acties in sorted(self.aantallen.items())
        }


class Deelnemers:
    """Resolves deelnemer rows to a gemeente or partner: by TOOI code, then through the
    systeemId's organisatie record (Organisatiecode), then by name; a body without any Dutch
    code becomes (or is found as) a partner of the soort 'overig'."""

    def __init__(self, bekend: Bekend, organisaties: dict[str, Organisatie], teller: Teller):
        self.bekend = bekend
        self.organisaties = organisaties
        self.teller = teller
        self.cache = {}
        self.nieuwe_partners: dict[str, Partner] = {}

    def zoek(self, rij: Deelnemer) -> tuple[str, object] | None:
        sleutel = (rij.systeem_id, rij.tooi, rij.naam)
        if sleutel not in self.cache:
            self.cache[sleutel] = self._zoek(rij)
        return self.cache[sleutel]

    def _zoek(self, rij: Deelnemer):
        organisatie = self.organisaties.get(rij.systeem_id)
        naam = rij.naam or (organisatie.naam if organisatie else "") or rij.systeem_id
        code = ""
        gevonden = TOOI_ID.search(rij.tooi)
        if gevonden:
            code = gevonden.group(2)
        elif organisatie:
            kandidaat = organisatie.codes.get("Organisatiecode", "").lower()
            gevonden = TOOI_ID.search(organisatie.tooi)
            if ORGANISATIECODE.match(kandidaat):
                code = kandidaat
            elif gevonden:
                code = gevonden.group(2)
        if code.startswith("gm"):
            gemeente = self.bekend.gemeenten.get(code.upper())
            if gemeente:
                return ("gemeente", gemeente)
            self.teller.overgeslagen(
                "deelnemers", f"Deelnemer '{naam}' ({code.upper()}) staat niet in het register."
            )
            return None
        prefix = re.match(r"[a-z]+", code).group() if code else ""
        if prefix in SOORT_VAN_PREFIX:
            return ("partner", self._partner(code, SOORT_VAN_PREFIX[prefix], naam, organisatie))
        kandidaten = self.bekend.gemeenten_op_naam.get(_naam_sleutel(naam), [])
        if len(kandidaten) == 1:
            return ("gemeente", kandidaten[0])
        if naam.lower().startswith("gemeente "):
            reden = (
                "meer gemeenten met die naam"
                if kandidaten
                else "geen gemeente met die naam of code in het register"
            )
            self.teller.overgeslagen(
                "deelnemers", f"Deelnemer '{naam}' (systeemId {rij.systeem_id}): {reden}."
            )
            return None
        return ("partner", self._partner("", PartnerSoort.OVERIG, naam, organisatie))

    def _partner(self, code, soort, naam, organisatie):
        bestaand = self.bekend.partners.get(code) if code else None
        if bestaand is None and not code:
            bestaand = self.bekend.partners_op_naam.get(naam.casefold())
        if bestaand is not None:
            return bestaand
        sleutel = code or naam.casefold()
        if sleutel not in self.nieuwe_partners:
            codes = organisatie.codes if organisatie else {}
            oin, kvk = codes.get("OIN", ""), codes.get("KVK-nummer", "")
            toelichting = "Aangemaakt door de ROO-import"
            if organisatie:
                toelichting += f" (systeemId {organisatie.systeem_id})"
            if not code:
                toelichting += (
                    "; zonder Nederlandse organisatiecode, bijv. een buitenlandse overheid"
                )
            self.nieuwe_partners[sleutel] = Partner(
                naam=((organisatie.naam if organisatie and code else "") or naam)[:200],
                soort=soort,
                code=code or None,
                slug=_uniek(code or slugify(naam)[:100], self.bekend.partner_slugs, "roo"),
                oin=oin if re.match(OIN_REGEX, oin) else "",
                kvk_nummer=kvk if re.match(KVK_REGEX, kvk) else "",
                toelichting=toelichting + ".",
            )
        return self.nieuwe_partners[sleutel]


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


def _publicatie_soort(url: str) -> str:
    if "lokaleregelgeving.overheid.nl" in url or "/CVDR" in url:
        return PublicatieSoort.CVDR
    if "stcrt-" in url:
        return PublicatieSoort.STAATSCOURANT
    if "gmb-" in url:
        return PublicatieSoort.GEMEENTEBLAD
    return PublicatieSoort.OVERIG


def _deelnames(keten, perioden, deelnemers, teller, waar) -> dict[tuple, dict]:
    """Per deelnemer, one deelname for each run of consecutive versions that list it."""
    rijen = defaultdict(dict)
    for i, versie in enumerate(keten):
        for rij in versie.deelnemers:
            gevonden = deelnemers.zoek(rij)
            if gevonden:
                soort, wie = gevonden
                sleutel = (
                    wie["id"] if soort == "gemeente" else wie if isinstance(wie, int) else id(wie)
                )
                rijen[(soort, sleutel)].setdefault(i, (rij, wie))
    resultaat = {}
    for (soort, sleutel), per_versie in rijen.items():
        vorig_einde = None
        runs = itertools.groupby(enumerate(sorted(per_versie)), lambda paar: paar[1] - paar[0])
        for _, run in runs:
            indices = [i for _, i in run]
            eerste, laatste = indices[0], indices[-1]
            run_rijen = [per_versie[i][0] for i in indices]
            rij, wie = per_versie[laatste]
            toetredingen = [r.toetreding for r in run_rijen if r.toetreding]
            begin = min(toetredingen) if toetredingen else perioden[eerste][0]
            if vorig_einde and (begin is None or begin <= vorig_einde):
                begin = perioden[eerste][0]  # joined again: the toetreding is the first one
            einde = perioden[laatste][1]
            if rij.uittreding and (einde is None or einde >= rij.uittreding):
                einde = rij.uittreding - EEN_DAG  # exclusive, like datumUitwerkingtreding
            deelname = {
                "soort": soort,
                "wie": wie,
                "namens_raad": False,
                "namens_college": False,
                "namens_burgemeester": False,
                "verdeelsleutel": rij.verdeelsleutel,
            }
            if soort == "gemeente":
                # Within the life of the gemeente: merged gemeenten linger in ROO versions.
                if wie["einddatum"] and (einde is None or einde > wie["einddatum"]):
                    einde = wie["einddatum"]
                if wie["begindatum"] and begin and begin < wie["begindatum"]:
                    begin = wie["begindatum"]
                for orgaan in rij.bestuursorganen:
                    if orgaan in BESTUURSORGANEN:
                        deelname[BESTUURSORGANEN[orgaan]] = True
            if begin and einde and einde < begin:
                naam = wie["naam"] if soort == "gemeente" else rij.naam
                teller.overgeslagen(
                    "deelnames",
                    f"{waar}: {naam} staat in versie {keten[eerste].systeem_id}, maar bestond "
                    "toen niet (meer).",
                )
                continue
            vorig_einde = einde
            resultaat[(soort, sleutel, begin)] = {
                **deelname,
                "begindatum": begin,
                "einddatum": einde,
            }
    return resultaat


@dataclass(slots=True)
class Gewenst:
    """The state of one regeling as the export describes it."""

    velden: dict
    versies: dict[str, dict]
    deelnames: dict[tuple, dict]
    publicaties: dict[str, str]
    themas: set[int]


def _gewenst(keten, export, bekend, deelnemers, teller, vandaag) -> Gewenst:
    laatste = keten[-1]
    perioden = versie_perioden(keten)
    waar = f"Regeling {laatste.systeem_id}"
    vorm = VORM_CODES.get(laatste.vorm_code.upper(), "")
    if not vorm:
        teller.meldingen.append(f"{waar}: onbekende samenwerkingsvorm '{laatste.vorm_code}'.")
    versies = {
        v.systeem_id: {
            "titel": v.titel[:300],
            "vorm": VORM_CODES.get(v.vorm_code.upper(), ""),
            "doel": v.doel,
            "begindatum": begin,
            "einddatum": einde,
        }
        for v, (begin, einde) in zip(keten, perioden, strict=True)
    }

    deelnames = _deelnames(keten, perioden, deelnemers, teller, waar)
    begins = [p[0] for p in perioden if p[0]]
    begins += [d["begindatum"] for d in deelnames.values() if d["begindatum"]]
    einde = perioden[-1][1]
    orgaan = export.organisaties.get(laatste.orgaan_id)
    codes = orgaan.codes if orgaan else {}
    organisatiecode = codes.get("Organisatiecode", "").lower()
    if not ORGANISATIECODE.match(organisatiecode) or len(organisatiecode) > 6:
        gevonden = TOOI_ID.search(laatste.orgaan_tooi or (orgaan.tooi if orgaan else ""))
        organisatiecode = gevonden.group(2) if gevonden and len(gevonden.group(2)) <= 6 else ""
    oin, kvk = codes.get("OIN", ""), codes.get("KVK-nummer", "")
    oin = oin if re.match(OIN_REGEX, oin) else ""
    kvk = kvk if re.match(KVK_REGEX, kvk) else ""
    if (oin or kvk) and vorm not in VORMEN_MET_RECHTSPERSOONLIJKHEID:
        teller.meldingen.append(
            f"{waar}: OIN/KvK van het orgaan niet overgenomen, de vorm heeft geen "
            "rechtspersoonlijkheid."
        )
        oin = kvk = ""
    adres, plaats = laatste.adres if laatste.adres[0] else (orgaan.adres if orgaan else ("", ""))
    themas = set()
    for v in keten:
        for naam, uri in v.beleidsterreinen:
            if uri in bekend.themas:
                themas.add(bekend.themas[uri])
            elif uri or naam:
                teller.meldingen.append(f"{waar}: beleidsterrein '{naam}' ({uri}) is geen thema.")
    publicaties = {}
    for v in keten:
        for url in v.besluiten:
            if len(url) <= 500 and url.startswith(("http://", "https://")):
                publicaties.setdefault(url, _publicatie_soort(url))
            else:
                teller.meldingen.append(f"{waar}: instellingsbesluit '{url[:80]}' overgeslagen.")
    velden = {
        "naam": laatste.titel[:300],
        "doel": laatste.doel,
        "vorm": vorm,
        "attributie": "attributie" in laatste.bevoegdheidsverkrijgingen,
        "delegatie": "delegatie" in laatste.bevoegdheidsverkrijgingen,
        "mandaat": "mandaat" in laatste.bevoegdheidsverkrijgingen,
        "status": Status.OPGEHEVEN if einde and einde < vandaag else Status.IN_WERKING,
        "begindatum": min(begins) if begins else None,
        "einddatum": einde,
        "vestigingsplaats": plaats,
        "adres": adres,
        "wettelijke_grondslagen": "\n".join(
            f"{o} ({r})" if o and r else o or r for o, r in laatste.grondslagen if o or r
        ),
        "bevoegdheden": "\n\n".join(
            "\n".join(d for d in (k, i) if d) for k, i in laatste.bevoegdheden if k or i
        ),
        "organisatiecode": organisatiecode,
        "oin": oin,
        "kvk_nummer": kvk,
        "bron": f"{BRON}, versies {', '.join(v.systeem_id for v in keten)}"[:300],
    }
    return Gewenst(velden, versies, deelnames, publicaties, themas)


def _deelnemer_ids(deelname: dict) -> tuple[int | None, int | None]:
    wie = deelname["wie"]
    if deelname["soort"] == "gemeente":
        return wie["id"], None
    return None, wie if isinstance(wie, int) else wie.pk


def importeer(export: Export, *, bron: str, vandaag: datetime.date | None = None) -> RooImport:
    """Write the regelingen of ``export`` in one transaction and record what changed."""
    vandaag = vandaag or datetime.date.today()
    teller = Teller(list(export.meldingen))
    with transaction.atomic():
        bekend = Bekend.lees()
        if not bekend.gemeenten:
            raise RooFout(
                "Het register bevat nog geen gemeenten, dus geen deelnemers om te koppelen; "
                "laad ze eerst met 'manage.py voorbeelddata'."
            )
        deelnemers = Deelnemers(bekend, export.organisaties, teller)
        alle = [
            (keten, _gewenst(keten, export, bekend, deelnemers, teller, vandaag))
            for keten in ketens(export.versies, teller.meldingen)
        ]
        nieuwe_partners = Partner.objects.bulk_create(deelnemers.nieuwe_partners.values())
        teller.tel("partners", "aangemaakt", len(nieuwe_partners))

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
            if regeling is None:
                nieuw.append((keten, gewenst))
            elif regeling.roo_beheerd:
                beheerd.append((regeling, gewenst))
            else:
                handmatig.append((regeling, keten))

        _maak_aan(nieuw, bekend, teller)
        _werk_bij(beheerd, teller)
        _koppel(handmatig, teller)
        return RooImport.objects.create(
            bron=bron[:500],
            schema=export.schema[:200],
            aantallen=teller.als_dict(),
            meldingen=list(dict.fromkeys(teller.meldingen)),
        )


def _nieuwe_deelnames(regeling, gewenst: Gewenst, hand: dict, teller: Teller) -> list[Deelname]:
    resultaat = []
    for deelname in gewenst.deelnames.values():
        gemeente_id, partner_id = _deelnemer_ids(deelname)
        periode = (deelname["begindatum"], deelname["einddatum"])
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
                begindatum=deelname["begindatum"],
                **{veld: deelname[veld] for veld in DEELNAME_VELDEN},
            )
        )
    return resultaat


def _maak_aan(nieuw: list, bekend: Bekend, teller: Teller):
    regelingen = Regeling.objects.bulk_create(
        Regeling(
            slug=_uniek(
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
        versies += [
            RegelingVersie(regeling=regeling, roo_id=roo_id, **velden)
            for roo_id, velden in gewenst.versies.items()
        ]
        deelnames += _nieuwe_deelnames(regeling, gewenst, {}, teller)
        publicaties += [
            Publicatie(regeling=regeling, url=url, soort=soort)
            for url, soort in gewenst.publicaties.items()
        ]
        themas += [
            Regeling.themas.through(regeling=regeling, thema_id=t) for t in sorted(gewenst.themas)
        ]
    _schrijf(teller, versies=versies, deelnames=deelnames, publicaties=publicaties, themas=themas)


def _schrijf(teller: Teller, *, versies, deelnames, publicaties, themas):
    teller.tel("versies", "aangemaakt", len(RegelingVersie.objects.bulk_create(versies)))
    teller.tel("deelnames", "aangemaakt", len(Deelname.objects.bulk_create(deelnames)))
    teller.tel("publicaties", "aangemaakt", len(Publicatie.objects.bulk_create(publicaties)))
    teller.tel("thema's", "gekoppeld", len(Regeling.themas.through.objects.bulk_create(themas)))


def _aantal(*groepen: dict) -> int:
    return sum(len(lijst) for groep in groepen for lijst in groep.values())


def _werk_bij(beheerd: list, teller: Teller):
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
    for regeling, gewenst in beheerd:
        voor = _aantal(weg, bij, nieuw)
        velden = [v for v in REGELING_VELDEN if getattr(regeling, v) != gewenst.velden[v]]
        for veld in velden:
            setattr(regeling, veld, gewenst.velden[veld])
        if velden:
            bij["regelingen"].append(regeling)

        bestaand = versies_van[regeling.pk]
        weg["versies"] += [v.pk for roo_id, v in bestaand.items() if roo_id not in gewenst.versies]
        for roo_id, velden_versie in gewenst.versies.items():
            versie = bestaand.get(roo_id)
            if versie is None:
                nieuw["versies"].append(
                    RegelingVersie(regeling=regeling, roo_id=roo_id, **velden_versie)
                )
            elif any(getattr(versie, k) != w for k, w in velden_versie.items()):
                for k, w in velden_versie.items():
                    setattr(versie, k, w)
                bij["versies"].append(versie)

        bestaand = roo_deelnames[regeling.pk]
        kandidaten = _nieuwe_deelnames(regeling, gewenst, hand_deelnames[regeling.pk], teller)
        sleutels = set()
        for deelname in kandidaten:
            sleutel = (deelname.gemeente_id, deelname.partner_id, deelname.begindatum)
            sleutels.add(sleutel)
            oud = bestaand.get(sleutel)
            if oud is None:
                nieuw["deelnames"].append(deelname)
            elif any(getattr(oud, v) != getattr(deelname, v) for v in DEELNAME_VELDEN):
                for v in DEELNAME_VELDEN:
                    setattr(oud, v, getattr(deelname, v))
                bij["deelnames"].append(oud)
        weg["deelnames"] += [d.pk for s, d in bestaand.items() if s not in sleutels]

        bestaand = publicaties_van[regeling.pk]
        weg["publicaties"] += [
            p.pk for url, p in bestaand.items() if url not in gewenst.publicaties
        ]
        for url, soort in gewenst.publicaties.items():
            if url not in bestaand:
                nieuw["publicaties"].append(Publicatie(regeling=regeling, url=url, soort=soort))
            elif bestaand[url].soort != soort:
                bestaand[url].soort = soort
                bij["publicaties"].append(bestaand[url])

        oud_themas = themas_van[regeling.pk]
        weg["thema's"] += [k for t, k in oud_themas.items() if t not in gewenst.themas]
        nieuw["thema's"] += [
            Regeling.themas.through(regeling=regeling, thema_id=t)
            for t in sorted(gewenst.themas - oud_themas.keys())
        ]
        na = _aantal(weg, bij, nieuw)
        teller.tel("regelingen", "bijgewerkt" if na > voor else "ongewijzigd")

    teller.tel(
        "versies", "verwijderd", RegelingVersie.objects.filter(pk__in=weg["versies"]).delete()[0]
    )
    teller.tel(
        "deelnames", "verwijderd", Deelname.objects.filter(pk__in=weg["deelnames"]).delete()[0]
    )
    teller.tel(
        "publicaties",
        "verwijderd",
        Publicatie.objects.filter(pk__in=weg["publicaties"]).delete()[0],
    )
    teller.tel(
        "thema's",
        "ontkoppeld",
        Regeling.themas.through.objects.filter(pk__in=weg["thema's"]).delete()[0],
    )
    Regeling.objects.bulk_update(bij["regelingen"], REGELING_VELDEN)
    RegelingVersie.objects.bulk_update(bij["versies"], VERSIE_VELDEN)
    Deelname.objects.bulk_update(bij["deelnames"], DEELNAME_VELDEN)
    Publicatie.objects.bulk_update(bij["publicaties"], ["soort"])
    for soort in ("versies", "deelnames", "publicaties"):
        teller.tel(soort, "bijgewerkt", len(bij[soort]))
    _schrijf(
        teller,
        versies=nieuw["versies"],
        deelnames=nieuw["deelnames"],
        publicaties=nieuw["publicaties"],
        themas=nieuw["thema's"],
    )


def _koppel(handmatig: list, teller: Teller):
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
            else:
                teller.meldingen.append(
                    f"{regeling.naam} wordt met de hand bijgehouden; ROO-versie "
                    f"{versie.systeem_id} ({versie.begin or 'begin onbekend'}) staat er niet bij."
                )
        teller.tel("regelingen", "met de hand bijgehouden")
    RegelingVersie.objects.bulk_update(gekoppeld, ["roo_id"])
    teller.tel("versies", "gekoppeld", len(gekoppeld))

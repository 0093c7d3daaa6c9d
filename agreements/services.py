"""Writes that change several models at once, each in one transaction: carrying a herindeling
through the deelnames (``pas_toe``), recording every change, and reversing it while nothing has
changed since (``maak_ongedaan``); filling the identifiers of gemeenten, partners and regelingen
from a copied data file (``vul_identificatoren``). The ROO import is the service of
``agreements.roo``."""

import csv
import datetime
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from municipalities.models import (
    KVK_REGEX,
    OIN_REGEX,
    ROO_ID_REGEX,
    RSIN_REGEX,
    WIKIDATA_REGEX,
    Gemeente,
    Herindeling,
    Partner,
)
from registry import versie
from registry.protocol import bulk_aanmaken, bulk_bijwerken, kanaal, verwijderen

from .constants import GEVOLG_UITLEG, VORMEN_MET_RECHTSPERSOONLIJKHEID, Gevolg, Mutatie, Rol
from .models import Deelname, HerindelingsMutatie, Herziening, Regeling
from .selectors import betrokken_regelingen, classificeer, dag_ervoor, indeling


def toestand(obj) -> dict:
    """The fields of a deelname or gemeente that applying a herindeling touches."""
    if isinstance(obj, Gemeente):
        velden = ["einddatum", "opvolger_id"]
    else:
        velden = [
            "regeling_id",
            "gemeente_id",
            "begindatum",
            "einddatum",
            "rol",
            "verdeelsleutel",
            "namens_raad",
            "namens_college",
            "namens_burgemeester",
        ]
    return {
        veld: (str(w) if isinstance(w, (datetime.date, Decimal)) else w)
        for veld in velden
        for w in [getattr(obj, veld)]
    }


def _mutatie(
    herindeling: Herindeling, soort: Mutatie, obj: Deelname | Gemeente, voor: dict | None = None
) -> HerindelingsMutatie:
    """The record of one change to a deelname or gemeente, to be undone later: its state
    ``voor`` the change (none for a new deelname) and after it, as it is now."""
    betreft = {"gemeente": obj} if isinstance(obj, Gemeente) else {"deelname": obj}
    return HerindelingsMutatie(
        herindeling=herindeling,
        soort=soort,
        voor=voor if voor is not None else {},
        na=toestand(obj),
        **betreft,
    )


def _controleer(herindeling: Herindeling, opgeheven: list[Gemeente]) -> None:
    fouten = []
    vorige_dag = dag_ervoor(herindeling.datum)
    if not opgeheven:
        fouten.append("Kies de gemeenten die worden opgeheven.")
    if herindeling.opvolger_id is None and any(
        not herindeling.opvolgers_van(g)[0].opvolger_id for g in opgeheven
    ):
        fouten.append(
            "Kies de opvolger, of leg voor elke opgeheven gemeente vast waar haar grondgebied "
            "naartoe gaat."
        )
    for opvolger in herindeling.opvolgers:
        if opvolger in opgeheven:
            fouten.append("De opvolger kan niet zelf worden opgeheven.")
        elif not opvolger.is_actief_op(herindeling.datum):
            fouten.append(
                f"{opvolger.naam} bestaat niet op {herindeling.datum:%d-%m-%Y}; "
                "leg eerst de (nieuwe) gemeente vast."
            )
    fouten.extend(
        f"{gemeente.naam} bestaat niet meer op {vorige_dag:%d-%m-%Y}."
        for gemeente in opgeheven
        if not gemeente.is_actief_op(vorige_dag)
    )
    later = Deelname.objects.filter(gemeente__in=opgeheven, begindatum__gt=vorige_dag)
    fouten.extend(
        f"{deelname.gemeente.naam} treedt na de herindeling nog toe tot {deelname.regeling}."
        for deelname in later.select_related("gemeente", "regeling")
    )
    if fouten:
        raise ValidationError(fouten)


class _Doorvoering:
    """The changes of one application of a herindeling, recorded as they are made."""

    def __init__(self, herindeling: Herindeling):
        self.herindeling = herindeling
        self.vorige_dag = dag_ervoor(herindeling.datum)
        self.mutaties: list[HerindelingsMutatie] = []
        self.tellingen = Counter()
        self.herzien: set[int] = set()

    def herzie(self, regeling, gevolg: Gevolg, toelichting: str) -> None:
        """Flag ``regeling`` for review (once per herindeling)."""
        if regeling.pk in self.herzien:
            return
        self.herzien.add(regeling.pk)
        Herziening.objects.create(
            herindeling=self.herindeling, regeling=regeling, gevolg=gevolg, toelichting=toelichting
        )
        self.tellingen["herzieningen"] += 1

    def beeindig(self, deelnames: list[Deelname]) -> None:
        for deelname in deelnames:
            if deelname.einddatum is None or deelname.einddatum > self.vorige_dag:
                voor = toestand(deelname)
                deelname.einddatum = self.vorige_dag
                deelname.save(update_fields=["einddatum"])
                self.mutaties.append(
                    _mutatie(self.herindeling, Mutatie.DEELNAME_BEEINDIGD, deelname, voor)
                )
                self.tellingen["beeindigd"] += 1

    def hef_op(self, gemeente: Gemeente, opvolger: Gemeente | None) -> None:
        """End ``gemeente`` on the day before; ``opvolger`` where it went wholly to one."""
        if gemeente.einddatum == self.vorige_dag and gemeente.opvolger_id == getattr(
            opvolger, "pk", None
        ):
            return
        voor = toestand(gemeente)
        # _controleer made sure the gemeente exists on the day before: the period stays valid.
        gemeente.einddatum, gemeente.opvolger = self.vorige_dag, opvolger
        gemeente.save(update_fields=["einddatum", "opvolger"])
        self.mutaties.append(_mutatie(self.herindeling, Mutatie.GEMEENTE_OPGEHEVEN, gemeente, voor))
        self.tellingen["gemeenten"] += 1

    def voeg_samen(self, gemeenten: list[Gemeente], opvolger: Gemeente) -> None:
        """``gemeenten`` go wholly to ``opvolger``: their deelnames end on the day before and
        pass to the opvolger where it has none (the law makes it their legal successor)."""
        datum = self.herindeling.datum
        if not Deelname.objects.filter(gemeente__in=gemeenten).exists():
            for gemeente in gemeenten:
                self.hef_op(gemeente, opvolger)
            return
        al_deelnemer = set(
            Deelname.objects.actief_op(datum)
            .filter(gemeente=opvolger)
            .values_list("regeling", flat=True)
        )
        # Where the opvolger joins later of its own, the deelname taken over runs until then.
        later_toegetreden = {}
        for regeling_id, begin in (
            Deelname.objects.filter(gemeente=opvolger, begindatum__gt=datum)
            .order_by("begindatum")
            .values_list("regeling", "begindatum")
        ):
            later_toegetreden.setdefault(regeling_id, begin)
        ids = {g.pk for g in gemeenten}
        met_opvolger = ids | {opvolger.pk}
        for regeling in betrokken_regelingen(met_opvolger, datum):
            # Classified as the herindelingsscan does, on the regelingen read once.
            betrokken, overige = indeling(regeling, met_opvolger, datum)
            gevolg = classificeer(
                {d.gemeente_id for d in betrokken},
                len(overige),
                opvolger.pk,
                regeling.deelnemers_volledig,
            )
            if gevolg != Gevolg.GEEN:
                self.herzie(regeling, gevolg, GEVOLG_UITLEG[gevolg])
            oude = [d for d in betrokken if d.gemeente_id in ids]
            einden = [d.einddatum for d in oude]
            self.beeindig(oude)
            if oude and regeling.is_actief_op(datum) and regeling.pk not in al_deelnemer:
                nieuw = _overgenomen_deelname(
                    self.herindeling,
                    regeling,
                    oude,
                    einden,
                    opvolger,
                    later_toegetreden.get(regeling.pk),
                )
                self.mutaties.append(_mutatie(self.herindeling, Mutatie.DEELNAME_AANGEMAAKT, nieuw))
                self.tellingen["aangemaakt"] += 1
        for gemeente in gemeenten:
            self.hef_op(gemeente, opvolger)

    def splits(self, gemeente: Gemeente, opvolgers: list[Gemeente]) -> None:
        """``gemeente`` is divided among ``opvolgers``: its deelnames end on the day before
        and none is carried over. Taking part is a decision of each raad (Wgr art. 1), so
        every regeling is flagged with which opvolgers already take part and which receive
        part of the territory without taking part."""
        datum = self.herindeling.datum
        for regeling in betrokken_regelingen({gemeente.pk}, datum):
            oude, _ = indeling(regeling, {gemeente.pk}, datum)
            deelnemend = {d.gemeente_id for d in regeling.deelnemers if d.is_actief_op(datum)}
            wel = [o.naam for o in opvolgers if o.pk in deelnemend]
            niet = [o.naam for o in opvolgers if o.pk not in deelnemend]
            toelichting = [f"Het grondgebied van {gemeente.naam} is verdeeld."]
            if wel:
                toelichting.append(f"Al deelnemer: {', '.join(wel)}.")
            if niet:
                toelichting.append(
                    f"Krijgen een deel van het grondgebied maar nemen niet deel: "
                    f"{', '.join(niet)}; hun raden beslissen of zij toetreden."
                )
            self.herzie(regeling, Gevolg.SPLITSING, " ".join(toelichting))
            self.beeindig(oude)
        self.hef_op(gemeente, None)


@transaction.atomic
@kanaal("herindeling")
def pas_toe(herindeling: Herindeling) -> dict | None:
    """Carry the herindeling through: a gemeente that goes wholly to one opvolger passes its
    deelnames on (``voeg_samen``), a divided one ends them and flags its regelingen for the
    raden of its opvolgers (``splits``); the gemeenten end, and every regeling with gevolgen
    is flagged for review. Returns the counts of what changed, or None when the herindeling
    was applied already."""
    herindeling = (
        Herindeling.objects.select_for_update(of=("self",))
        .select_related("opvolger")
        .prefetch_related("overgangen__opvolger")
        .get(pk=herindeling.pk)
    )
    if herindeling.toegepast_op:
        return None
    opgeheven = list(herindeling.opgeheven.order_by("naam", "pk"))
    _controleer(herindeling, opgeheven)
    doorvoering = _Doorvoering(herindeling)
    heel: dict[Gemeente, list[Gemeente]] = {}
    gesplitst: dict[Gemeente, list[Gemeente]] = {}
    for gemeente in opgeheven:
        naar = [o.opvolger for o in herindeling.opvolgers_van(gemeente)]
        if len(naar) == 1:
            heel.setdefault(naar[0], []).append(gemeente)
        else:
            gesplitst[gemeente] = naar
    for opvolger, gemeenten in heel.items():
        doorvoering.voeg_samen(gemeenten, opvolger)
    for gemeente, opvolgers in gesplitst.items():
        doorvoering.splits(gemeente, opvolgers)

    bulk_aanmaken(HerindelingsMutatie, doorvoering.mutaties)
    versie.verhoog()  # bulk_create sends no signals
    herindeling.toegepast_op = timezone.now()
    herindeling.save(update_fields=["toegepast_op"])
    return {
        soort: doorvoering.tellingen[soort]
        for soort in ("beeindigd", "aangemaakt", "gemeenten", "herzieningen")
    }


def _overgenomen_deelname(
    herindeling,
    regeling,
    oude: list[Deelname],
    einden,
    opvolger: Gemeente,
    eigen_toetreding: datetime.date | None = None,
) -> Deelname:
    """The opvolger's deelname that takes over from the ceasing gemeenten: their roles and
    mandates, their verdeelsleutels added up (when all are known), their latest end, or the
    day before the opvolger's own later toetreding."""
    rollen = {d.rol for d in oude}
    sleutels = [d.verdeelsleutel for d in oude]
    # A deelname that ended with the herindeling passes on without end; one that was to end
    # later anyway passes on until then.
    later = [e for e in einden if e is None or e >= herindeling.datum]
    einde = None if not later or None in later else max(later)
    if eigen_toetreding and (einde is None or einde >= eigen_toetreding):
        einde = dag_ervoor(eigen_toetreding)
    deelname = Deelname(
        regeling=regeling,
        gemeente=opvolger,
        begindatum=herindeling.datum,
        einddatum=einde,
        rol=rollen.pop() if len(rollen) == 1 else Rol.DEELNEMER,
        namens_raad=any(d.namens_raad for d in oude),
        namens_college=any(d.namens_college for d in oude),
        namens_burgemeester=any(d.namens_burgemeester for d in oude),
        verdeelsleutel=None if None in sleutels else sum(sleutels),
        toelichting=f"Overgenomen van {' en '.join(d.gemeente.naam for d in oude)} bij de "
        f"herindeling van {herindeling.datum:%d-%m-%Y} ({herindeling.naam}).",
    )
    deelname.full_clean()
    deelname.save()
    return deelname


@transaction.atomic
@kanaal("herindeling")
def maak_ongedaan(herindeling: Herindeling) -> int | None:
    """Undo an applied herindeling, as long as nothing it changed has been changed since.
    Returns the number of changes undone, or None when it was not applied."""
    herindeling = Herindeling.objects.select_for_update().get(pk=herindeling.pk)
    if not herindeling.toegepast_op:
        return None
    mutaties = list(herindeling.mutaties.select_related("deelname__gemeente", "gemeente"))
    gewijzigd = [
        str(m.deelname or m.gemeente)
        for m in mutaties
        if toestand(m.deelname or m.gemeente) != m.na
    ]
    if gewijzigd:
        raise ValidationError(
            "Ongedaan maken kan niet meer: sinds het toepassen is gewijzigd: "
            + "; ".join(gewijzigd)
            + "."
        )
    verwijderen(herindeling.mutaties.all())
    verwijderen(herindeling.herzieningen.all())
    for mutatie in reversed(mutaties):
        if mutatie.soort == Mutatie.DEELNAME_AANGEMAAKT:
            mutatie.deelname.delete()
        elif mutatie.soort == Mutatie.DEELNAME_BEEINDIGD:
            mutatie.deelname.einddatum = _datum(mutatie.voor["einddatum"])
            mutatie.deelname.save(update_fields=["einddatum"])
        else:
            mutatie.gemeente.einddatum = _datum(mutatie.voor["einddatum"])
            mutatie.gemeente.opvolger_id = mutatie.voor["opvolger_id"]
            mutatie.gemeente.save(update_fields=["einddatum", "opvolger"])
    herindeling.toegepast_op = None
    herindeling.save(update_fields=["toegepast_op"])
    return len(mutaties)


def _datum(waarde: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(waarde) if waarde else None


# --- Identifiers from a copied data file --------------------------------------------------

IDENTIFICATOREN = {
    # column of the data file: (field, format)
    "roo_id": ("roo_id", ROO_ID_REGEX),
    "oin": ("oin", OIN_REGEX),
    "kvk": ("kvk_nummer", KVK_REGEX),
    "rsin": ("rsin", RSIN_REGEX),
    "wikidata": ("wikidata", WIKIDATA_REGEX),
}


def vul_identificatoren(*, pad: Path) -> Counter:
    """Fill the empty identifiers (ROO systeemId, OIN, KvK, RSIN, Wikidata) of gemeenten,
    partners and regelingen from a CSV by organisatiecode (fixtures/identificatoren.csv); a
    value the register already has is kept, one in the wrong format is skipped. A regeling
    gets OIN, KvK and RSIN only in a vorm with legal personality (the database says so too),
    and no ROO systeemId: the ROO knows a regeling by its versions. Returns what was filled,
    per model."""
    with open(pad, newline="", encoding="utf-8") as bestand:
        rijen = {r["organisatiecode"].lower(): r for r in csv.DictReader(bestand)}
    gevuld = Counter()

    def vul(obj, rij, kolommen) -> bool:
        veranderd = False
        for kolom in kolommen:
            veld, patroon = IDENTIFICATOREN[kolom]
            waarde = rij.get(kolom, "")
            if waarde and not getattr(obj, veld) and re.fullmatch(patroon.strip("^$"), waarde):
                setattr(obj, veld, waarde)
                veranderd = True
        return veranderd

    alle = list(IDENTIFICATOREN)
    with transaction.atomic():
        for model, sleutel, kolommen in (
            (Gemeente, lambda g: g.code.lower(), alle),
            (Partner, lambda p: p.code or "", alle),
        ):
            bij = [
                o
                for o in model.objects.all()
                if (r := rijen.get(sleutel(o))) and vul(o, r, kolommen)
            ]
            bulk_bijwerken(model, bij, [IDENTIFICATOREN[k][0] for k in kolommen])
            gevuld[model._meta.verbose_name_plural] = len(bij)
        bij = []
        for regeling in Regeling.objects.exclude(organisatiecode=""):
            rij = rijen.get(regeling.organisatiecode.lower())
            rechtspersoon = regeling.vorm in VORMEN_MET_RECHTSPERSOONLIJKHEID
            kolommen = ["oin", "kvk", "rsin", "wikidata"] if rechtspersoon else ["wikidata"]
            if rij and vul(regeling, rij, kolommen):
                bij.append(regeling)
        bulk_bijwerken(Regeling, bij, ["oin", "kvk_nummer", "rsin", "wikidata"])
        gevuld["regelingen"] = len(bij)
    return gevuld

"""Writes that change several models at once, each in one transaction: carrying a herindeling
through the deelnames (``pas_toe``), recording every change, and reversing it while nothing has
changed since (``maak_ongedaan``). The ROO import is the service of ``agreements.roo``."""

import datetime
from collections import Counter
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from municipalities.models import Gemeente, Herindeling

from .constants import GEVOLG_UITLEG, Gevolg, Mutatie, Rol
from .models import Deelname, HerindelingsMutatie, Herziening
from .selectors import betrokken_regelingen, dag_ervoor, indeling, scan


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
    if herindeling.opvolger in opgeheven:
        fouten.append("De opvolger kan niet zelf worden opgeheven.")
    if not herindeling.opvolger.is_actief_op(herindeling.datum):
        fouten.append(
            f"{herindeling.opvolger.naam} bestaat niet op {herindeling.datum:%d-%m-%Y}; "
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


@transaction.atomic
def pas_toe(herindeling: Herindeling) -> dict | None:
    """Carry the herindeling through: end the deelnames of the ceasing gemeenten on the day
    before, give the opvolger a deelname where it has none, end the gemeenten themselves, and
    flag every regeling with gevolgen for review. Returns the counts of what changed, or None
    when the herindeling was applied already."""
    herindeling = (
        Herindeling.objects.select_for_update().select_related("opvolger").get(pk=herindeling.pk)
    )
    if herindeling.toegepast_op:
        return None
    opgeheven = list(herindeling.opgeheven.all())
    _controleer(herindeling, opgeheven)
    datum, opvolger = herindeling.datum, herindeling.opvolger
    vorige_dag = dag_ervoor(datum)
    uitkomst = scan(gemeenten=opgeheven, datum=datum, opvolger=opvolger)
    gevolgen = {r["identificatie"]: Gevolg(r["gevolg"]) for r in uitkomst["regelingen"]}
    al_deelnemer = set(
        Deelname.objects.actief_op(datum)
        .filter(gemeente=opvolger)
        .values_list("regeling", flat=True)
    )
    opgeheven_ids = {g.pk for g in opgeheven}
    mutaties, tellingen = [], Counter()

    for regeling in betrokken_regelingen(opgeheven_ids | {opvolger.pk}, datum):
        gevolg = gevolgen[regeling.slug]
        if gevolg != Gevolg.GEEN:
            Herziening.objects.create(
                herindeling=herindeling,
                regeling=regeling,
                gevolg=gevolg,
                toelichting=GEVOLG_UITLEG[gevolg],
            )
            tellingen["herzieningen"] += 1
        oude, _ = indeling(regeling, opgeheven_ids, datum)
        einden = [d.einddatum for d in oude]
        for deelname in oude:
            if deelname.einddatum is None or deelname.einddatum > vorige_dag:
                voor = toestand(deelname)
                deelname.einddatum = vorige_dag
                deelname.save(update_fields=["einddatum"])
                mutaties.append(_mutatie(herindeling, Mutatie.DEELNAME_BEEINDIGD, deelname, voor))
                tellingen["beeindigd"] += 1
        if oude and regeling.is_actief_op(datum) and regeling.pk not in al_deelnemer:
            nieuw = _overgenomen_deelname(herindeling, regeling, oude, einden)
            mutaties.append(_mutatie(herindeling, Mutatie.DEELNAME_AANGEMAAKT, nieuw))
            tellingen["aangemaakt"] += 1

    for gemeente in opgeheven:
        if gemeente.einddatum == vorige_dag and gemeente.opvolger_id == opvolger.pk:
            continue
        voor = toestand(gemeente)
        gemeente.einddatum, gemeente.opvolger = vorige_dag, opvolger
        gemeente.full_clean()
        gemeente.save(update_fields=["einddatum", "opvolger"])
        mutaties.append(_mutatie(herindeling, Mutatie.GEMEENTE_OPGEHEVEN, gemeente, voor))
        tellingen["gemeenten"] += 1

    HerindelingsMutatie.objects.bulk_create(mutaties)
    herindeling.toegepast_op = timezone.now()
    herindeling.save(update_fields=["toegepast_op"])
    return {
        soort: tellingen[soort]
        for soort in ("beeindigd", "aangemaakt", "gemeenten", "herzieningen")
    }


def _overgenomen_deelname(herindeling, regeling, oude: list[Deelname], einden) -> Deelname:
    """The opvolger's deelname that takes over from the ceasing gemeenten: their roles and
    mandates, their verdeelsleutels added up (when all are known), their latest end."""
    rollen = {d.rol for d in oude}
    sleutels = [d.verdeelsleutel for d in oude]
    # A deelname that ended with the herindeling passes on without end; one that was to end
    # later anyway passes on until then.
    later = [e for e in einden if e is None or e >= herindeling.datum]
    einde = None if not later or None in later else max(later)
    deelname = Deelname(
        regeling=regeling,
        gemeente=herindeling.opvolger,
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
    herindeling.mutaties.all().delete()
    herindeling.herzieningen.all().delete()
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

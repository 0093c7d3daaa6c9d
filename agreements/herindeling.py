"""Herindeling: what happens to the samenwerkingsverbanden when gemeenten merge (seed 004).

``scan`` classifies every regeling that a set of gemeenten takes part in on the day before a
(real or planned) herindeling; ``pas_toe`` carries a Herindeling through the deelnames and
records every change; ``maak_ongedaan`` reverses it while nothing has changed since.
"""

import datetime
from collections import Counter, defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from municipalities.models import Gemeente, Herindeling
from registry.geldigheid import overlapt_q

from .constants import GEVOLG_UITLEG, Gevolg, Mutatie, Rol
from .models import Deelname, HerindelingsMutatie, Herziening, Regeling
from .services import vorm_naam


def dag_ervoor(datum: datetime.date) -> datetime.date:
    """The last day before the herindeling (the calendar has no day before 1 January of year 1)."""
    return datum - datetime.timedelta(days=1) if datum > datetime.date.min else datum


def classificeer(betrokken: set[int], overige: int, opvolger_id: int | None) -> Gevolg:
    """The gevolg for one regeling: ``betrokken`` are the gemeenten of the herindeling that take
    part, ``overige`` the number of other deelnemers."""
    if not overige:
        return Gevolg.VERVALT
    if len(betrokken) > 1:
        return Gevolg.SAMENVOEGEN
    if betrokken == {opvolger_id}:
        return Gevolg.GEEN
    return Gevolg.GAAT_OVER


def _betrokken_regelingen(gemeente_ids: set[int], datum: datetime.date):
    """The regelingen the gemeenten take part in on the day before ``datum``, each with its
    ``deelnemers``: the deelnames that run on that day or on ``datum`` itself."""
    vorige_dag = dag_ervoor(datum)
    return (
        Regeling.objects.filter(
            pk__in=Deelname.objects.actief_op(vorige_dag)
            .filter(gemeente__in=gemeente_ids)
            .values("regeling")
        )
        .prefetch_related(
            "themas",
            Prefetch(
                "deelnames",
                queryset=Deelname.objects.filter(overlapt_q(vorige_dag, datum))
                .select_related("gemeente")
                .order_by("gemeente__naam", "pk"),
                to_attr="deelnemers",
            ),
        )
        .order_by("naam", "pk")
    )


def _indeling(regeling, ids: set[int], datum: datetime.date) -> tuple[list[Deelname], set]:
    """The deelnames of the herindeling's gemeenten on the day before, and the other
    deelnemers on the day itself (who joins with a concurrent herindeling counts too)."""
    vorige_dag = dag_ervoor(datum)
    betrokken = [
        d for d in regeling.deelnemers if d.gemeente_id in ids and d.is_actief_op(vorige_dag)
    ]
    overige = {
        (d.gemeente_id, d.partner_id)
        for d in regeling.deelnemers
        if d.gemeente_id not in ids and d.is_actief_op(datum)
    }
    return betrokken, overige


def scan(
    *, gemeenten: list[Gemeente], datum: datetime.date, opvolger: Gemeente | None = None
) -> dict:
    """Every regeling that ``gemeenten`` (and ``opvolger``) take part in on the day before
    ``datum``, classified; with counts per gevolg, thema and vorm. Without ``opvolger`` the
    gemeenten together form a new gemeente. Four queries."""
    ids = {g.pk for g in gemeenten} | ({opvolger.pk} if opvolger else set())
    opvolger_id = opvolger.pk if opvolger else None
    regels = []
    for regeling in _betrokken_regelingen(ids, datum):
        deelnames, overige = _indeling(regeling, ids, datum)
        betrokken = list({d.gemeente_id: d.gemeente for d in deelnames}.values())
        gevolg = classificeer({g.pk for g in betrokken}, len(overige), opvolger_id)
        regels.append(
            {
                "identificatie": regeling.slug,
                "naam": regeling.naam,
                "vorm": regeling.vorm or None,
                "vormNaam": vorm_naam(regeling.vorm),
                "themas": [t.naam for t in regeling.themas.all()],
                "gevolg": gevolg.value,
                "gevolgNaam": gevolg.label,
                "uitleg": GEVOLG_UITLEG[gevolg],
                "betrokkenGemeenten": [{"code": g.code, "naam": g.naam} for g in betrokken],
                "aantalOverigeDeelnemers": len(overige),
            }
        )
    return {
        "datum": datum,
        "gemeenten": [
            {"code": g.code, "naam": g.naam}
            for g in sorted({*gemeenten, *([opvolger] if opvolger else [])}, key=lambda g: g.naam)
        ],
        "opvolger": {"code": opvolger.code, "naam": opvolger.naam} if opvolger else None,
        "aantalRegelingen": len(regels),
        "perGevolg": [
            {
                "gevolg": gevolg.value,
                "gevolgNaam": gevolg.label,
                "aantal": sum(r["gevolg"] == gevolg for r in regels),
            }
            for gevolg in Gevolg
        ],
        "perThema": _tel(regels, lambda r: r["themas"] or ["Zonder thema"], "thema"),
        "perVorm": _tel(regels, lambda r: [r["vormNaam"]], "vorm"),
        "regelingen": regels,
    }


TELSLEUTELS = {
    Gevolg.VERVALT: "vervalt",
    Gevolg.GAAT_OVER: "gaatOver",
    Gevolg.SAMENVOEGEN: "samenvoegen",
    Gevolg.GEEN: "geen",
}


def _tel(regels: list[dict], groepen, sleutel: str) -> list[dict]:
    tellingen = defaultdict(Counter)
    for regel in regels:
        for groep in groepen(regel):
            tellingen[groep][regel["gevolg"]] += 1
    return [
        {
            sleutel: groep,
            "aantal": sum(telling.values()),
            **{TELSLEUTELS[gevolg]: telling[gevolg] for gevolg in Gevolg},
        }
        for groep, telling in sorted(tellingen.items(), key=lambda i: (-sum(i[1].values()), i[0]))
    ]


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
    for gemeente in opgeheven:
        if not gemeente.is_actief_op(vorige_dag):
            fouten.append(f"{gemeente.naam} bestaat niet meer op {vorige_dag:%d-%m-%Y}.")
    later = Deelname.objects.filter(gemeente__in=opgeheven, begindatum__gt=vorige_dag)
    for deelname in later.select_related("gemeente", "regeling"):
        fouten.append(
            f"{deelname.gemeente.naam} treedt na de herindeling nog toe tot {deelname.regeling}."
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

    for regeling in _betrokken_regelingen(opgeheven_ids | {opvolger.pk}, datum):
        gevolg = gevolgen[regeling.slug]
        if gevolg != Gevolg.GEEN:
            Herziening.objects.create(
                herindeling=herindeling,
                regeling=regeling,
                gevolg=gevolg,
                toelichting=GEVOLG_UITLEG[gevolg],
            )
            tellingen["herzieningen"] += 1
        oude, _ = _indeling(regeling, opgeheven_ids, datum)
        einden = [d.einddatum for d in oude]
        for deelname in oude:
            if deelname.einddatum is None or deelname.einddatum > vorige_dag:
                voor = toestand(deelname)
                deelname.einddatum = vorige_dag
                deelname.save(update_fields=["einddatum"])
                mutaties.append(
                    HerindelingsMutatie(
                        herindeling=herindeling,
                        soort=Mutatie.DEELNAME_BEEINDIGD,
                        deelname=deelname,
                        voor=voor,
                        na=toestand(deelname),
                    )
                )
                tellingen["beeindigd"] += 1
        if oude and regeling.is_actief_op(datum) and regeling.pk not in al_deelnemer:
            nieuw = _overgenomen_deelname(herindeling, regeling, oude, einden)
            mutaties.append(
                HerindelingsMutatie(
                    herindeling=herindeling,
                    soort=Mutatie.DEELNAME_AANGEMAAKT,
                    deelname=nieuw,
                    na=toestand(nieuw),
                )
            )
            tellingen["aangemaakt"] += 1

    for gemeente in opgeheven:
        if gemeente.einddatum == vorige_dag and gemeente.opvolger_id == opvolger.pk:
            continue
        voor = toestand(gemeente)
        gemeente.einddatum, gemeente.opvolger = vorige_dag, opvolger
        gemeente.full_clean()
        gemeente.save(update_fields=["einddatum", "opvolger"])
        mutaties.append(
            HerindelingsMutatie(
                herindeling=herindeling,
                soort=Mutatie.GEMEENTE_OPGEHEVEN,
                gemeente=gemeente,
                voor=voor,
                na=toestand(gemeente),
            )
        )
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

"""What changed between two dates, for a gemeente or a regeling, computed from the time-versioned
data itself (the periods of deelnames and regelingen, the versions of a regeling and the
herindelingen), not from a history of edits: the comparison of ``van`` and ``tot`` is the
register as it was on ``van`` against the register as it was on ``tot``.

Reads only (selectors); the pages and the API share them and give the Dutch names.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from municipalities.models import Gemeente, Herindeling
from registry.peildatum import OngeldigeParameter, parse_datum

from .models import Deelname, Regeling


@dataclass(frozen=True)
class Periode:
    van: datetime.date
    tot: datetime.date


def periode_uit(van: str | None, tot: str | None) -> Periode:
    """The two dates of a comparison (both required, ``van`` not after ``tot``), read by the
    register's one date rule; anything else is an ``OngeldigeParameter`` (a 400)."""
    begin = parse_datum(van, parameter="van")
    einde = parse_datum(tot, parameter="tot")
    if begin is None:
        raise OngeldigeParameter("van", "", "Geef de eerste datum van de vergelijking.")
    if einde is None:
        raise OngeldigeParameter("tot", "", "Geef de tweede datum van de vergelijking.")
    if begin > einde:
        raise OngeldigeParameter(
            "tot", tot or "", "De datum tot mag niet vóór de datum van liggen."
        )
    return Periode(begin, einde)


def op_datum(ids, datum: datetime.date) -> dict[int, Regeling]:
    """The regelingen ``ids`` as they were on ``datum`` (name and vorm of that day)."""
    return {r.pk: r for r in Regeling.objects.op_peildatum(datum).filter(pk__in=ids)}


def wijzigingen(ids, periode: Periode) -> tuple[list[dict], list[dict]]:
    """Of the regelingen ``ids``: which were renamed and which changed vorm between the dates."""
    op_van, op_tot = op_datum(ids, periode.van), op_datum(ids, periode.tot)
    hernoemd, vorm = [], []
    for pk in sorted(ids, key=lambda pk: (op_tot[pk].naam, pk)):
        voor, na = op_van[pk], op_tot[pk]
        if voor.naam != na.naam:
            hernoemd.append({"regeling": na, "naam_van": voor.naam, "naam_tot": na.naam})
        if voor.vorm != na.vorm:
            vorm.append(
                {
                    "regeling": na,
                    "vorm_van": voor.vorm,
                    "vorm_van_naam": voor.get_vorm_display() or "onbekend",
                    "vorm_tot": na.vorm,
                    "vorm_tot_naam": na.get_vorm_display() or "onbekend",
                }
            )
    return hernoemd, vorm


def beeindigd(regeling: Regeling, periode: Periode) -> bool:
    return bool(regeling.einddatum and periode.van <= regeling.einddatum < periode.tot)


def gemeente_verschil(*, gemeente: Gemeente, periode: Periode) -> dict:
    """The regelingen ``gemeente`` joined and left between the dates, those that ended (while
    it took part), were renamed or changed vorm, and the herindelingen it was part of."""
    deelnames = Deelname.objects.filter(gemeente=gemeente)
    op_van = set(deelnames.actief_op(periode.van).values_list("regeling_id", flat=True))
    op_tot = set(deelnames.actief_op(periode.tot).values_list("regeling_id", flat=True))
    alle = op_van | op_tot
    regelingen = op_datum(alle, periode.tot)
    weg = sorted(op_van - op_tot, key=lambda pk: (regelingen[pk].naam, pk))
    hernoemd, vorm = wijzigingen(op_van & op_tot, periode)
    herindelingen = (
        Herindeling.objects.filter(datum__gt=periode.van, datum__lte=periode.tot)
        .filter(Q(opgeheven=gemeente) | Q(opvolger=gemeente) | Q(overgangen__opvolger=gemeente))
        .distinct()
        .order_by("datum", "naam")
    )
    return {
        "gemeente": gemeente,
        "periode": periode,
        "toegetreden": sorted(
            (regelingen[pk] for pk in op_tot - op_van), key=lambda r: (r.naam, r.pk)
        ),
        "uitgetreden": [regelingen[pk] for pk in weg if not beeindigd(regelingen[pk], periode)],
        "beeindigd": [regelingen[pk] for pk in weg if beeindigd(regelingen[pk], periode)],
        "hernoemd": hernoemd,
        "vorm_gewijzigd": vorm,
        "herindelingen": list(herindelingen),
    }


def regeling_verschil(*, regeling: Regeling, periode: Periode) -> dict:
    """The deelnemers that joined and left ``regeling`` between the dates, whether it was
    renamed, changed vorm, began or ended."""

    def deelnemers(datum):
        rijen = (
            Deelname.objects.filter(regeling=regeling)
            .actief_tussen(datum, datum)
            .select_related("gemeente", "partner")
        )
        return {(d.gemeente_id, d.partner_id): d.deelnemer for d in rijen}

    op_van, op_tot = deelnemers(periode.van), deelnemers(periode.tot)
    hernoemd, vorm = wijzigingen({regeling.pk}, periode)
    op_tot_regeling = op_datum({regeling.pk}, periode.tot)[regeling.pk]

    def gesorteerd(sleutels, bron):
        return sorted((bron[s] for s in sleutels), key=lambda d: (d.naam, d.pk))

    return {
        "regeling": op_tot_regeling,
        "periode": periode,
        "toegetreden": gesorteerd(op_tot.keys() - op_van.keys(), op_tot),
        "uitgetreden": gesorteerd(op_van.keys() - op_tot.keys(), op_van),
        "hernoemd": hernoemd[0] if hernoemd else None,
        "vorm_gewijzigd": vorm[0] if vorm else None,
        "begonnen": bool(regeling.begindatum and periode.van < regeling.begindatum <= periode.tot),
        "beeindigd": beeindigd(regeling, periode),
    }

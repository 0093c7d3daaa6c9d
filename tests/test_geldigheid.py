"""Validity periods: ``actief_tussen`` finds every record whose period shares a day with a
window, open on either side, by the same rule as ``actief_op`` and ``perioden_overlappen``."""

import datetime
import itertools

import pytest

from agreements.grip import selectors
from municipalities.models import Partner
from registry.geldigheid import perioden_overlappen
from tests.factories import DeelnameFactory, PartnerFactory, RegelingFactory

pytestmark = pytest.mark.django_db

D = datetime.date

PERIODEN = [
    (None, None),
    (None, D(2019, 12, 31)),
    (D(2020, 1, 1), None),
    (D(2020, 1, 1), D(2020, 12, 31)),
    (D(2021, 6, 1), D(2021, 6, 1)),
    (D(2018, 1, 1), D(2018, 12, 31)),
]
GRENZEN = [None, D(2018, 12, 31), D(2019, 12, 31), D(2020, 1, 1), D(2021, 6, 1), D(2022, 1, 1)]


@pytest.fixture
def partners():
    return {
        PartnerFactory(begindatum=begin, einddatum=einde).pk: (begin, einde)
        for begin, einde in PERIODEN
    }


def test_actief_tussen_is_the_overlap_of_two_periods(partners):
    for begin, einde in itertools.product(GRENZEN, repeat=2):
        if begin and einde and einde < begin:
            continue
        verwacht = {
            pk for pk, periode in partners.items() if perioden_overlappen(periode, (begin, einde))
        }
        assert set(Partner.objects.actief_tussen(begin, einde).values_list("pk", flat=True)) == (
            verwacht
        ), (begin, einde)


def test_a_window_of_one_day_is_actief_op(partners):
    for dag in filter(None, GRENZEN):
        assert set(Partner.objects.actief_tussen(dag, dag)) == set(Partner.objects.actief_op(dag))


def test_an_open_window_is_every_record(partners):
    assert Partner.objects.actief_tussen(None, None).count() == len(PERIODEN)


def test_actief_tussen_looks_at_the_own_period_only():
    # A deelname in a regeling that has ended: actief_op asks the regeling too, actief_tussen not.
    deelname = DeelnameFactory(
        regeling=RegelingFactory(einddatum=D(2019, 12, 31)), begindatum=D(2015, 1, 1)
    )
    model = type(deelname)
    assert not model.objects.actief_op(D(2020, 6, 1)).exists()
    assert list(model.objects.actief_tussen(D(2020, 1, 1), D(2020, 12, 31))) == [deelname]


def test_the_verbonden_partijen_of_a_year_are_the_deelnames_in_that_year():
    eerder = DeelnameFactory(begindatum=D(2015, 1, 1), einddatum=D(2024, 12, 31))
    gemeente = eerder.gemeente
    laatste_dag = DeelnameFactory(gemeente=gemeente, begindatum=D(2025, 12, 31))
    voorbij = DeelnameFactory(
        gemeente=gemeente, regeling=RegelingFactory(einddatum=D(2024, 12, 31))
    )
    assert list(selectors.deelnames_in_jaar(gemeente, 2025)) == [laatste_dag]
    assert set(selectors.deelnames_in_jaar(gemeente, 2024)) == {eerder, voorbij}

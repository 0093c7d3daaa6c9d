"""Deadlines of grip op samenwerking, checked against the law in force: the zienswijze on a
regeling (Wgr art. 1 lid 2: 8 weeks, ending on the same weekday, Algemene termijnenwet), on an
ontwerpbegroting (art. 35 lid 1: 12 weeks from 1 July 2022, 8 before) and the legal dates of the
jaarcyclus (art. 34 lid 3, 34b: "vóór" a date is until the day before)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agreements.constants import Vorm
from agreements.grip import constants, selectors
from agreements.grip.constants import Jaarstuksoort, Procedureonderwerp, Stapsoort, Stapstatus
from agreements.grip.models import Procedurestap
from tests.factories import (
    DeelnameFactory,
    JaarstukFactory,
    ProcedurestapFactory,
    RegelingFactory,
    ZienswijzeFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def test_a_zienswijze_is_due_on_the_same_weekday_eight_weeks_after_it_was_asked():
    # The term starts the day after the request (Tuesday 10 March) and its last day is
    # Monday 4 May, the same weekday as the request, not the day before.
    stap = ProcedurestapFactory(datum=D(2026, 3, 9))
    assert stap.termijn == 8
    assert stap.uiterste_datum == D(2026, 5, 4)


@pytest.mark.parametrize(
    ("gevraagd", "uiterlijk"),
    [
        (D(2026, 3, 2), D(2026, 4, 28)),  # 27 April 2026: Koningsdag
        (D(2026, 3, 10), D(2026, 5, 6)),  # 5 May
        (D(2026, 3, 7), D(2026, 5, 4)),  # asked on a Saturday: the term ends on a Saturday
        (D(2026, 10, 30), D(2026, 12, 28)),  # Christmas and the weekend after it
        (D(2026, 3, 30), D(2026, 5, 26)),  # 25 May 2026: tweede Pinksterdag
        (D(2026, 3, 19), D(2026, 5, 15)),  # 14 May 2026: Hemelvaartsdag
    ],
)
def test_a_term_that_ends_on_a_weekend_or_feestdag_runs_to_the_next_working_day(
    gevraagd, uiterlijk
):
    assert ProcedurestapFactory(datum=gevraagd).uiterste_datum == uiterlijk


def test_the_algemeen_erkende_feestdagen_of_the_algemene_termijnenwet():
    assert constants.pasen(2026) == D(2026, 4, 5)
    assert constants.pasen(2025) == D(2025, 4, 20)
    assert constants.algemeen_erkende_feestdagen(2026) == {
        D(2026, 1, 1),
        D(2026, 4, 6),  # tweede Paasdag
        D(2026, 4, 27),  # Koningsdag
        D(2026, 5, 5),
        D(2026, 5, 14),  # Hemelvaartsdag
        D(2026, 5, 25),  # tweede Pinksterdag
        D(2026, 12, 25),
        D(2026, 12, 26),
    }
    assert constants.koningsdag(2025) == D(2025, 4, 26)  # 27 April 2025 is a Sunday
    assert constants.koningsdag(2013) == D(2013, 4, 30)  # Koninginnedag


def test_a_regeling_may_give_the_raad_a_longer_term():
    stap = ProcedurestapFactory(datum=D(2026, 3, 2), termijn_weken=10)
    assert stap.uiterste_datum == D(2026, 5, 11)


def test_without_the_date_it_was_asked_the_deadline_is_unknown():
    stap = ProcedurestapFactory(datum=None)
    assert stap.termijn == 8
    assert stap.uiterste_datum is None


def test_only_the_zienswijze_step_has_a_term():
    stap = ProcedurestapFactory(soort=Stapsoort.TOESTEMMING_RAAD, datum=D(2026, 3, 2))
    assert stap.termijn is None and stap.uiterste_datum is None
    stap.termijn_weken = 6
    with pytest.raises(ValidationError, match="hoort alleen bij de stap"):
        stap.full_clean()
    with transaction.atomic(), pytest.raises(IntegrityError):
        Procedurestap.objects.filter(pk=stap.pk).update(termijn_weken=6)


def test_zienswijze_and_toestemming_together_only_for_a_lichte_regeling():
    deelname = DeelnameFactory(regeling=RegelingFactory(vorm=Vorm.OPENBAAR_LICHAAM))
    stap = Procedurestap(
        regeling=deelname.regeling,
        gemeente=deelname.gemeente,
        soort=Stapsoort.ZIENSWIJZE_GEVRAAGD,
        tegelijk_met_toestemming=True,
    )
    with pytest.raises(ValidationError, match="lichte regeling"):
        stap.full_clean()
    deelname.regeling.vorm = Vorm.REGELING_ZONDER_MEER
    deelname.regeling.save()
    stap.full_clean()


def test_a_step_of_a_gemeente_that_does_not_take_part_is_refused():
    regeling = DeelnameFactory().regeling
    stap = ProcedurestapFactory.build(regeling=regeling, gemeente=DeelnameFactory().gemeente)
    with pytest.raises(ValidationError, match="neemt niet deel aan"):
        stap.full_clean()


def test_an_ontwerpbegroting_gives_the_raden_twelve_weeks():
    stuk = JaarstukFactory(soort=Jaarstuksoort.ONTWERPBEGROTING, ontvangen=D(2026, 4, 10))
    assert stuk.termijn == 12
    assert stuk.zienswijze_uiterlijk == D(2026, 7, 3)


@pytest.mark.parametrize(
    ("ontvangen", "jaar", "weken", "uiterlijk"),
    [
        (D(2022, 4, 8), 2023, 8, D(2022, 6, 3)),  # before the Wet versterking: 8 weeks
        (D(2022, 6, 30), 2023, 8, D(2022, 8, 25)),
        (D(2022, 7, 1), 2023, 12, D(2022, 9, 23)),  # in force 1 July 2022: 12 weeks
        (None, 2023, 8, None),  # sent in 2022, before July as usual
        (None, 2024, 12, None),
        (D(2015, 4, 1), 2016, 8, D(2015, 5, 27)),
    ],
)
def test_the_term_of_an_ontwerpbegroting_depends_on_when_it_was_sent(
    ontvangen, jaar, weken, uiterlijk
):
    stuk = JaarstukFactory(soort=Jaarstuksoort.ONTWERPBEGROTING, jaar=jaar, ontvangen=ontvangen)
    assert stuk.termijn == weken
    assert stuk.zienswijze_uiterlijk == uiterlijk
    # A term the regeling gives itself goes first.
    stuk.termijn_weken = 10
    assert stuk.termijn == 10


def test_a_kaderbrief_has_no_legal_term_for_a_zienswijze_unless_one_is_given():
    stuk = JaarstukFactory(soort=Jaarstuksoort.KADERBRIEF, ontvangen=D(2026, 4, 1))
    assert stuk.zienswijze_uiterlijk is None
    stuk.termijn_weken = 6
    assert stuk.zienswijze_uiterlijk == D(2026, 5, 13)


@pytest.mark.parametrize(
    ("soort", "jaar", "datum", "regel"),
    [
        # Wgr art. 34b: "vóór 15 april" of the year before the begrotingsjaar.
        (Jaarstuksoort.KADERBRIEF, 2027, D(2026, 4, 14), "vóór 15 april"),
        (Jaarstuksoort.VOORLOPIGE_JAARREKENING, 2025, D(2026, 4, 14), "vóór 15 april"),
        # Wgr art. 34 lid 3: begroting "vóór 1 augustus", jaarrekening "vóór 15 juli".
        (Jaarstuksoort.ONTWERPBEGROTING, 2027, D(2026, 7, 31), "vóór 1 augustus"),
        (Jaarstuksoort.JAARREKENING, 2025, D(2026, 7, 14), "vóór 15 juli"),
    ],
)
def test_the_legal_dates_of_the_jaarcyclus(soort, jaar, datum, regel):
    wettelijk = selectors.wettelijke_datum(soort, jaar)
    assert wettelijk.datum == datum
    assert regel in wettelijk.regel
    assert f"uiterlijk {datum.day} {['april', 'juli'][datum.month == 7]}" in wettelijk.regel
    assert "Wgr art. 34" in wettelijk.regel
    assert "uiterlijk 15 april" not in wettelijk.regel


def test_the_ontwerpbegroting_names_the_term_of_its_year():
    assert (
        "de raden hebben 12 weken"
        in selectors.wettelijke_datum(Jaarstuksoort.ONTWERPBEGROTING, 2024).regel
    )
    assert (
        "de raden hebben 8 weken"
        in selectors.wettelijke_datum(Jaarstuksoort.ONTWERPBEGROTING, 2022).regel
    )


def test_half_a_year_later_stays_in_a_short_month():
    assert selectors.maanden_later(D(2026, 8, 31), 6) == D(2027, 2, 28)
    assert selectors.maanden_later(D(2026, 3, 1), 6) == D(2026, 9, 1)
    assert selectors.jaren_later(D(2024, 2, 29), 4) == D(2028, 2, 29)
    assert selectors.jaren_later(D(2024, 2, 29), 1) == D(2025, 2, 28)


def test_a_zienswijze_is_open_until_the_raad_gave_it():
    gevraagd = ProcedurestapFactory(datum=D(2026, 3, 2))
    assert selectors.open_zienswijzen([gevraagd]) == [gevraagd]
    gegeven = ProcedurestapFactory.build(
        regeling=gevraagd.regeling,
        gemeente=gevraagd.gemeente,
        soort=Stapsoort.ZIENSWIJZE_GEGEVEN,
        status=Stapstatus.GEPLAND,
    )
    assert selectors.open_zienswijzen([gevraagd, gegeven]) == [gevraagd]
    gegeven.status = Stapstatus.AFGEROND
    assert selectors.open_zienswijzen([gevraagd, gegeven]) == []
    # A zienswijze on another subject (say an uittreding) stays open.
    gegeven.onderwerp = Procedureonderwerp.UITTREDEN
    assert selectors.open_zienswijzen([gevraagd, gegeven]) == [gevraagd]


def test_a_toestemming_given_together_closes_the_zienswijze():
    gevraagd = ProcedurestapFactory(datum=D(2026, 3, 2), tegelijk_met_toestemming=True)
    toestemming = ProcedurestapFactory.build(
        regeling=gevraagd.regeling,
        gemeente=gevraagd.gemeente,
        soort=Stapsoort.TOESTEMMING_RAAD,
        status=Stapstatus.AFGEROND,
    )
    assert selectors.open_zienswijzen([gevraagd, toestemming]) == []


def test_dates_at_the_end_of_the_calendar_do_not_break_the_computations():
    stap = ProcedurestapFactory(datum=D(9999, 12, 30))
    assert stap.uiterste_datum == D.max
    assert selectors.maanden_later(D(9999, 10, 1), 6) == D.max
    deelname = DeelnameFactory(regeling=RegelingFactory(vorm=Vorm.OPENBAAR_LICHAAM))
    for peildatum in (D(1, 1, 1), D(9999, 12, 31)):
        selectors.dashboard(gemeente=deelname.gemeente, peildatum=peildatum)


def test_validation_without_regeling_or_jaarstuk_names_what_is_missing():
    stap = ProcedurestapFactory.build(regeling=None, gemeente=None, tegelijk_met_toestemming=True)
    with pytest.raises(ValidationError) as fout:
        stap.full_clean()
    assert set(fout.value.message_dict) == {"regeling"}
    zienswijze = ZienswijzeFactory.build(jaarstuk=None, gemeente=None)
    with pytest.raises(ValidationError) as fout:
        zienswijze.full_clean()
    assert set(fout.value.message_dict) == {"jaarstuk", "gemeente"}

"""Lopende besluitvorming: regelingen in voorbereiding and open procedure steps of a gemeente."""

import datetime

import pytest
from django.db import IntegrityError

from agreements.constants import Status
from agreements.grip.constants import Stapsoort, Stapstatus
from agreements.grip.selectors import lopende_besluitvorming

from .factories import DeelnameFactory, GemeenteFactory, ProcedurestapFactory, RegelingFactory

D = datetime.date
pytestmark = pytest.mark.django_db
SOI = "Samenwerkingsovereenkomst informatievoorziening Groningen en Leeuwarden"


@pytest.mark.parametrize(
    "adres",
    [
        "/gemeenten/GM0014",
        "/gemeenten/GM0080",
        "/gemeenten/GM0014/dashboard?peildatum=2025-11-15",
        "/gemeenten/GM0080/dashboard?peildatum=2025-11-15",
    ],
)
def test_groningen_and_leeuwarden_see_the_samenwerkingsovereenkomst(client, voorbeelddata, adres):
    html = client.get(adres).content.decode()
    sectie = html[html.index("Lopende besluitvorming") :]
    assert SOI in sectie
    assert "in voorbereiding" in sectie


def test_the_planned_raad_decision_of_groningen_has_its_month(client, voorbeelddata):
    html = client.get("/gemeenten/GM0014/dashboard", {"peildatum": "2025-11-15"}).content.decode()
    sectie = html[html.index("Lopende besluitvorming") :].split("</section>")[0]
    assert "Toestemming raad" in sectie and "verwacht in december 2025" in sectie
    assert "86941-2025" in sectie


def test_search_finds_the_regeling_in_voorbereiding(client, voorbeelddata):
    assert SOI in client.get("/zoeken", {"zoek": "Leeuwarden"}).content.decode()


def test_a_step_done_after_the_peildatum_was_still_open_then():
    regeling = RegelingFactory(status=Status.IN_VOORBEREIDING, begindatum=None)
    gemeente = GemeenteFactory()
    DeelnameFactory(regeling=regeling, gemeente=gemeente, begindatum=None)
    ProcedurestapFactory(
        regeling=regeling, gemeente=gemeente, status=Stapstatus.AFGEROND, datum=D(2025, 10, 1)
    )
    gepland = ProcedurestapFactory(
        regeling=regeling,
        gemeente=gemeente,
        soort=Stapsoort.TOESTEMMING_RAAD,
        status=Stapstatus.GEPLAND,
        verwachte_maand=D(2025, 12, 1),
    )
    [voor] = lopende_besluitvorming(gemeente=gemeente, peildatum=D(2025, 9, 1))
    assert [s.soort for s in voor["stappen"]] == [Stapsoort.ZIENSWIJZE_GEVRAAGD, gepland.soort]
    [na] = lopende_besluitvorming(gemeente=gemeente, peildatum=D(2025, 11, 1))
    assert na["in_voorbereiding"] and [s.pk for s in na["stappen"]] == [gepland.pk]
    assert gepland.wanneer == "verwacht in december 2025"


def test_a_regeling_in_werking_without_open_steps_is_not_lopend():
    gemeente = GemeenteFactory()
    DeelnameFactory(gemeente=gemeente)
    assert lopende_besluitvorming(gemeente=gemeente, peildatum=D(2025, 1, 1)) == []


def test_an_expected_month_is_its_first_day_and_only_without_a_date():
    with pytest.raises(IntegrityError):
        ProcedurestapFactory(datum=D(2025, 12, 3), verwachte_maand=D(2025, 12, 1))


def test_an_expected_month_on_another_day_is_refused():
    with pytest.raises(IntegrityError):
        ProcedurestapFactory(verwachte_maand=D(2025, 12, 3))

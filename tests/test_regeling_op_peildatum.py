"""A regeling as it was on the peildatum: name, vorm, doel and status of the version in force."""

import datetime

import pytest

from agreements.constants import Status, Vorm
from agreements.models import Regeling

from .factories import DeelnameFactory, GemeenteFactory, RegelingFactory, RegelingVersieFactory

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def ggd():
    """A GGD that was renamed and changed its vorm in 2024, ended 2025; a deelnemer since 2010."""
    regeling = RegelingFactory(
        naam="GR Hecht",
        afkorting="Hecht",
        slug="hecht",
        vorm=Vorm.OPENBAAR_LICHAAM,
        begindatum=D(2010, 1, 1),
        einddatum=D(2025, 12, 31),
        status=Status.OPGEHEVEN,
        doel="Publieke gezondheid.",
    )
    RegelingVersieFactory(
        regeling=regeling,
        titel="Regionale Dienst Openbare Gezondheidszorg Hollands Midden",
        vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE,
        doel="",
        begindatum=D(2014, 1, 1),
        einddatum=D(2023, 12, 31),
    )
    RegelingVersieFactory(
        regeling=regeling, titel="GR Hecht", begindatum=D(2024, 1, 1), einddatum=D(2025, 12, 31)
    )
    DeelnameFactory(
        regeling=regeling, gemeente=GemeenteFactory(code="GM0626"), begindatum=D(2010, 1, 1)
    )
    return regeling


def namen(api, **params) -> list[str]:
    response = api.get("/api/v1/regelingen", params)
    assert response.status_code == 200, response.content
    return [r["naam"] for r in response.json()]


def test_the_api_calls_a_regeling_by_its_name_of_that_day(api, ggd):
    assert namen(api, gemeente="GM0626", peildatum="2018-06-01") == [
        "Regionale Dienst Openbare Gezondheidszorg Hollands Midden"
    ]
    assert namen(api, gemeente="GM0626", peildatum="2024-06-01") == ["GR Hecht"]


def test_vorm_doel_afkorting_and_status_are_those_of_that_day(api, ggd):
    oud = api.get("/api/v1/regelingen/hecht", {"peildatum": "2018-06-01"}).json()
    assert (oud["vorm"], oud["status"], oud["afkorting"]) == ("BVO", "in_werking", "")
    assert oud["doel"] == "Publieke gezondheid."  # the version says nothing: the regeling's own
    assert oud["rechtspersoonlijkheid"] is True
    nu = api.get("/api/v1/regelingen/hecht").json()
    assert (nu["naam"], nu["vorm"], nu["status"], nu["afkorting"]) == (
        "GR Hecht",
        "OL",
        "opgeheven",
        "Hecht",
    )


def test_before_its_first_known_version_it_has_that_name_and_says_it_is_not_known(client, ggd):
    html = client.get("/regelingen/hecht", {"peildatum": "2012-06-01"}).content.decode()
    assert "<h1>Regionale Dienst Openbare Gezondheidszorg Hollands Midden</h1>" in html
    assert "De naam op 1 juni 2012 is niet bekend" in html
    later = client.get("/regelingen/hecht", {"peildatum": "2018-06-01"}).content.decode()
    assert "nu heet zij <strong>GR Hecht</strong>" in later
    assert "niet bekend: de regeling bestond" not in later


def test_the_vorm_and_status_filters_mean_those_of_the_peildatum(api, ggd):
    assert namen(api, vorm="BVO", peildatum="2018-06-01") != []
    assert namen(api, vorm="BVO", peildatum="2024-06-01") == []
    assert namen(api, status="in_werking", peildatum="2020-01-01") == [
        "Regionale Dienst Openbare Gezondheidszorg Hollands Midden"
    ]
    assert namen(api, status="opgeheven", peildatum="2020-01-01") == []
    assert namen(api, status="opgeheven", peildatum="2026-06-01") == ["GR Hecht"]


def test_status_alle_lists_every_status(api, ggd):
    RegelingFactory(naam="In voorbereiding", status=Status.IN_VOORBEREIDING, begindatum=None)
    assert set(namen(api, status="alle", peildatum="2026-06-01")) == {
        "GR Hecht",
        "In voorbereiding",
    }


def test_the_list_page_shows_the_names_and_status_of_that_day(client, ggd):
    html = client.get(
        "/regelingen", {"gemeente": "GM0626", "peildatum": "2020-01-01"}
    ).content.decode()
    assert "Regionale Dienst Openbare Gezondheidszorg Hollands Midden" in html
    assert "GR Hecht" not in html
    assert "In werking" in html
    assert "/regelingen/hecht?peildatum=2020-01-01" in html


def test_search_finds_a_regeling_by_every_name_it_had(api, client, ggd):
    assert namen(api, zoek="Openbare Gezondheidszorg", status="alle") == ["GR Hecht"]
    assert (
        "GR Hecht" in client.get("/zoeken", {"zoek": "Openbare Gezondheidszorg"}).content.decode()
    )


def test_a_regeling_read_on_a_peildatum_cannot_be_saved(ggd):
    regeling = Regeling.objects.op_peildatum(D(2018, 6, 1)).get(pk=ggd.pk)
    assert regeling.naam.startswith("Regionale Dienst")
    with pytest.raises(ValueError):
        regeling.save()
    with pytest.raises(ValueError):
        Regeling.objects.bulk_update([regeling], ["naam"])
    ggd.refresh_from_db()
    assert ggd.naam == "GR Hecht"


def test_a_regeling_without_versions_keeps_its_own_fields(api):
    RegelingFactory(naam="Economie 071", vorm="", slug="economie-071")
    regeling = api.get("/api/v1/regelingen/economie-071", {"peildatum": "2018-06-01"}).json()
    assert (regeling["naam"], regeling["vorm"], regeling["status"]) == (
        "Economie 071",
        "",
        "in_werking",
    )


def test_voorschoten_on_1_june_2018_in_the_national_register(api, landelijk):
    regelingen = namen(api, gemeente="GM0626", peildatum="2018-06-01")
    assert "Gemeenschappelijke regeling Holland Rijnland" in regelingen
    assert "Regionale Dienst Openbare Gezondheidszorg Hollands Midden" in regelingen


def test_werkorganisatie_duivenvoorde_was_in_werking_on_1_january_2020(client, voorbeelddata):
    html = client.get(
        "/regelingen", {"gemeente": "GM0626", "peildatum": "2020-01-01"}
    ).content.decode()
    rij = html[html.index("Werkorganisatie Duivenvoorde") :].split("</tr>")[0]
    assert "In werking" in rij and "Opgeheven" not in rij


def test_sorting_on_naam_sorts_on_the_names_of_that_day(api, ggd):
    RegelingFactory(naam="Samenwerking Zuid", slug="zuid", begindatum=D(2010, 1, 1))
    assert namen(api, sort="naam", peildatum="2018-06-01") == [
        "Regionale Dienst Openbare Gezondheidszorg Hollands Midden",
        "Samenwerking Zuid",
    ]
    assert namen(api, sort="naam", peildatum="2024-06-01") == ["GR Hecht", "Samenwerking Zuid"]

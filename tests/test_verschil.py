"""What changed between two dates, per gemeente and per regeling, in pages and API."""

import datetime

import pytest

from agreements.constants import Vorm
from tests.factories import DeelnameFactory, RegelingVersieFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def test_voorschoten_between_2018_and_2025_names_duivenvoorde_as_ended(client, voorbeelddata):
    response = client.get("/gemeenten/GM0626/verschil?van=2018-01-01&tot=2025-01-01")
    assert response.status_code == 200
    pagina = response.content.decode()
    beeindigd = pagina.split("<h3>Beëindigd</h3>")[1].split("<h3>")[0]
    assert "Werkorganisatie Duivenvoorde" in beeindigd


def test_the_api_gives_the_same_comparison(api, voorbeelddata):
    response = api.get(
        "/api/v1/gemeenten/GM0626/verschil", {"van": "2018-01-01", "tot": "2025-01-01"}
    )
    assert response.status_code == 200
    data = response.json()
    assert data["gemeente"] == {"code": "GM0626", "naam": "Voorschoten"}
    assert (data["van"], data["tot"]) == ("2018-01-01", "2025-01-01")
    namen = [r["naam"] for r in data["beeindigd"]]
    assert any("Duivenvoorde" in naam for naam in namen)
    assert all(r["einddatum"] < "2025-01-01" for r in data["beeindigd"])
    assert not any("Duivenvoorde" in r["naam"] for r in data["uitgetreden"])


def test_haren_left_everything_at_the_herindeling(api, voorbeelddata):
    data = api.get(
        "/api/v1/gemeenten/GM0017/verschil", {"van": "2018-06-01", "tot": "2020-01-01"}
    ).json()
    assert [h["identificatie"] for h in data["herindelingen"]] == ["2019-groningen"]
    assert data["uitgetreden"] or data["beeindigd"]
    assert data["toegetreden"] == []
    groningen = api.get(
        "/api/v1/gemeenten/GM0014/verschil", {"van": "2018-06-01", "tot": "2020-01-01"}
    ).json()
    assert "2019-groningen" in [h["identificatie"] for h in groningen["herindelingen"]]


def test_the_same_day_twice_changes_nothing(api, voorbeelddata):
    data = api.get(
        "/api/v1/gemeenten/GM0626/verschil", {"van": "2020-01-01", "tot": "2020-01-01"}
    ).json()
    for lijst in ("toegetreden", "uitgetreden", "beeindigd", "hernoemd", "vormGewijzigd"):
        assert data[lijst] == [], lijst


def test_a_regeling_shows_its_deelnemers_joining_and_leaving(api, client, voorbeelddata):
    from agreements.models import Deelname

    deelname = Deelname.objects.filter(gemeente__code="GM0017").select_related("regeling").first()
    slug = deelname.regeling.slug
    data = api.get(
        f"/api/v1/regelingen/{slug}/verschil", {"van": "2018-06-01", "tot": "2020-01-01"}
    ).json()
    assert data["regeling"]["identificatie"] == slug
    assert {"soort": "gemeente", "identificatie": "GM0017", "naam": "Haren"} in data["uitgetreden"]
    pagina = client.get(f"/regelingen/{slug}/verschil?van=2018-06-01&tot=2020-01-01")
    assert pagina.status_code == 200
    assert "Haren" in pagina.content.decode().split("Uitgetreden deelnemers")[1]


def test_a_renamed_regeling_in_another_vorm_shows_both(api):
    deelname = DeelnameFactory(
        regeling__naam="Nieuwe naam", regeling__vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE
    )
    regeling = deelname.regeling
    RegelingVersieFactory(
        regeling=regeling,
        titel="Oude naam",
        vorm=Vorm.OPENBAAR_LICHAAM,
        begindatum=datetime.date(2015, 1, 1),
        einddatum=datetime.date(2019, 12, 31),
    )
    RegelingVersieFactory(regeling=regeling, begindatum=datetime.date(2020, 1, 1))
    vraag = {"van": "2018-01-01", "tot": "2021-01-01"}
    data = api.get(f"/api/v1/regelingen/{regeling.slug}/verschil", vraag).json()
    assert data["hernoemd"] == {
        "regeling": {"identificatie": regeling.slug, "naam": "Nieuwe naam"},
        "naamVan": "Oude naam",
        "naamTot": "Nieuwe naam",
    }
    assert (data["vormGewijzigd"]["vormVan"], data["vormGewijzigd"]["vormTot"]) == (
        Vorm.OPENBAAR_LICHAAM,
        Vorm.BEDRIJFSVOERINGSORGANISATIE,
    )
    gemeente = api.get(f"/api/v1/gemeenten/{deelname.gemeente.code}/verschil", vraag).json()
    assert [h["naamVan"] for h in gemeente["hernoemd"]] == ["Oude naam"]
    assert len(gemeente["vormGewijzigd"]) == 1


@pytest.mark.parametrize(
    "query",
    [
        {"van": "2018-02-30", "tot": "2025-01-01"},
        {"van": "2018-01-01", "tot": "gisteren"},
        {"van": "2025-01-01", "tot": "2018-01-01"},
        {"van": "2018-01-01"},
        {"tot": "2018-01-01"},
    ],
)
def test_bad_dates_are_a_400(api, client, voorbeelddata, query):
    response = api.get("/api/v1/gemeenten/GM0626/verschil", query)
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json()["invalidParams"][0]["name"] in {"van", "tot"}
    assert client.get("/gemeenten/GM0626/verschil", query).status_code == 400
    assert api.get("/api/v1/regelingen/bsgr/verschil", query).status_code in (400, 404)


def test_the_page_without_dates_shows_the_form(client, voorbeelddata):
    response = client.get("/gemeenten/GM0626/verschil")
    assert response.status_code == 200
    assert 'name="van"' in response.content.decode()


def test_a_comparison_takes_a_fixed_number_of_queries(
    api, voorbeelddata, django_assert_max_num_queries
):
    # gemeente, the deelnames on either date, the regelingen on three dates (two for the
    # renamed ones), the herindelingen.
    with django_assert_max_num_queries(10):  # 9 and the version of the register (ETag)
        api.get("/api/v1/gemeenten/GM0626/verschil", {"van": "2018-01-01", "tot": "2025-01-01"})


def test_the_edges_of_the_calendar_are_no_error(api, client, voorbeelddata):
    vraag = {"van": "0001-01-01", "tot": "9999-12-31"}
    assert api.get("/api/v1/gemeenten/GM0626/verschil", vraag).status_code == 200
    assert client.get("/gemeenten/GM0626/verschil", vraag).status_code == 200
    assert (
        api.get("/api/v1/regelingen/werkorganisatie-duivenvoorde/verschil", vraag).status_code
        == 200
    )

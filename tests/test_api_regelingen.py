import datetime

import pytest

from agreements.constants import Status, Vorm
from tests.factories import DeelnameFactory, GemeenteFactory, RegelingFactory, ThemaFactory

pytestmark = pytest.mark.django_db

# Every request runs in a transaction (ATOMIC_REQUESTS): a savepoint and its release, then
# count and page with the thema's (list), or the regeling with its four relations and the
# version of its ETag (detail).
LIJST = 2 + 1 + 3  # savepoint pair, the version of the register (ETag), the list
DETAIL = 2 + 1 + 6


def identificaties(response):
    assert response.status_code == 200, response.content
    return [item["identificatie"] for item in response.json()]


def test_voorschoten_takes_part_in_duivenvoorde_in_2020_not_in_2024(api, voorbeelddata):
    url = "/api/v1/regelingen"
    assert "werkorganisatie-duivenvoorde" in identificaties(
        api.get(url, {"gemeente": "GM0626", "peildatum": "2020-01-01"})
    )
    assert "werkorganisatie-duivenvoorde" not in identificaties(
        api.get(url, {"gemeente": "GM0626", "peildatum": "2024-01-01"})
    )


def test_without_peildatum_the_list_is_as_of_today(api, voorbeelddata):
    vandaag = identificaties(api.get("/api/v1/regelingen", {"pageSize": 100}))
    assert "holland-rijnland" in vandaag
    assert "werkorganisatie-duivenvoorde" not in vandaag
    assert "informatievoorziening-groningen-leeuwarden" not in vandaag


def test_a_status_filter_without_peildatum_includes_regelingen_in_preparation(api, voorbeelddata):
    assert identificaties(api.get("/api/v1/regelingen", {"status": "in_voorbereiding"})) == [
        "informatievoorziening-groningen-leeuwarden"
    ]


def test_a_status_filter_without_peildatum_finds_former_deelnemers(api, voorbeelddata):
    assert identificaties(
        api.get("/api/v1/regelingen", {"status": "opgeheven", "gemeente": "GM0626"})
    ) == ["werkorganisatie-duivenvoorde"]


def test_a_hoofdthema_includes_its_subthemas(api, db):
    hoofd = ThemaFactory(slug="natuur-en-milieu")
    sub = ThemaFactory(slug="afval", bovenliggend=hoofd)
    regeling = RegelingFactory()
    regeling.themas.add(sub)
    RegelingFactory()
    assert identificaties(api.get("/api/v1/regelingen", {"thema": "natuur-en-milieu"})) == [
        regeling.slug
    ]


def test_it_filters_on_vorm_provincie_partner_and_zoek(api, voorbeelddata):
    assert identificaties(api.get("/api/v1/regelingen", {"vorm": "BVO"})) == [
        "dienst-szw-noardwest-fryslan"
    ]
    groningen = identificaties(api.get("/api/v1/regelingen", {"provincie": "pv20", "pageSize": 50}))
    assert "omgevingsdienst-groningen" in groningen
    assert "holland-rijnland" not in groningen
    assert identificaties(api.get("/api/v1/regelingen", {"partner": "ws0616"})) == [
        "belastingsamenwerking-gouwe-rijnland"
    ]
    assert identificaties(api.get("/api/v1/regelingen", {"zoek": "omgevingsdienst"})) == [
        "omgevingsdienst-groningen"
    ]


def test_sort_is_deterministic_and_reversible(api, db):
    for naam in ["B", "A", "A"]:
        RegelingFactory(naam=naam)
    oplopend = identificaties(api.get("/api/v1/regelingen", {"sort": "naam"}))
    aflopend = identificaties(api.get("/api/v1/regelingen", {"sort": "-naam"}))
    assert oplopend[2] == aflopend[0]
    assert oplopend == identificaties(api.get("/api/v1/regelingen", {"sort": "naam"}))


@pytest.mark.parametrize(
    "parameters",
    [
        {"onbekend": "1"},
        {"pageSize": "abc"},
        {"pageSize": "²"},
        {"page": "٥"},
        {"pageSize": "0"},
        {"pageSize": "101"},
        {"page": "x"},
        {"peildatum": "2020-13-01"},
        {"vorm": "XYZ"},
        {"gemeente": "Voorschoten"},
        {"sort": "doel"},
        {"format": "pdf"},
    ],
)
def test_invalid_or_unknown_parameters_give_a_400_problem(api, db, parameters):
    response = api.get("/api/v1/regelingen", parameters)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    probleem = response.json()
    assert probleem["status"] == 400
    assert {p["name"] for p in probleem["invalidParams"]} == set(parameters)


def test_pagination_has_link_headers_and_total(api, db):
    RegelingFactory.create_batch(5)
    response = api.get("/api/v1/regelingen", {"pageSize": 2, "page": 2})
    assert len(response.json()) == 2
    assert response["X-Total-Count"] == "5"
    links = response["Link"]
    for rel in ("first", "prev", "next", "last"):
        assert f'rel="{rel}"' in links
    assert "page=3" in links


@pytest.mark.parametrize("pagina", ["9", "559311157960123456789"])
def test_a_page_past_the_end_is_a_404_problem(api, db, pagina):
    response = api.get("/api/v1/regelingen", {"page": pagina})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_detail_shows_deelnames_versies_and_publicaties(api, voorbeelddata):
    data = api.get("/api/v1/regelingen/werkorganisatie-duivenvoorde").json()
    assert data["vorm"] == Vorm.OPENBAAR_LICHAAM
    assert data["rechtspersoonlijkheid"] is True
    assert data["grondslagVorm"] == "Wgr art. 8 lid 1"
    assert data["einddatum"] == "2022-12-31"
    assert {d["deelnemer"]["identificatie"] for d in data["deelnames"]} == {"GM0626", "GM0629"}
    assert len(data["versies"]) == 2
    assert data["publicaties"]


def test_list_queries_do_not_grow_with_page_size(api, db, django_assert_num_queries):
    thema = ThemaFactory()
    gemeente = GemeenteFactory(code="GM9998")
    for _ in range(30):
        regeling = RegelingFactory()
        regeling.themas.add(thema)
        DeelnameFactory(regeling=regeling, gemeente=gemeente)
    with django_assert_num_queries(LIJST + 1):  # the filter looks the gemeente up first
        assert len(api.get("/api/v1/regelingen", {"pageSize": 5, "gemeente": "GM9998"}).json()) == 5
    with django_assert_num_queries(LIJST):
        api.get("/api/v1/regelingen", {"pageSize": 5})
    with django_assert_num_queries(LIJST):
        assert len(api.get("/api/v1/regelingen", {"pageSize": 30}).json()) == 30


def test_detail_queries_do_not_grow_with_deelnames(api, db, django_assert_num_queries):
    regeling = RegelingFactory(status=Status.IN_WERKING, begindatum=datetime.date(2010, 1, 1))
    DeelnameFactory.create_batch(12, regeling=regeling)
    with django_assert_num_queries(DETAIL):
        assert len(api.get(f"/api/v1/regelingen/{regeling.slug}").json()["deelnames"]) == 12

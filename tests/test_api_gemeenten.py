import pytest

from tests.factories import GemeenteFactory, PartnerFactory, ProvincieFactory, ThemaFactory

pytestmark = pytest.mark.django_db


def test_a_gemeente_is_addressed_by_its_cbs_code(api, voorbeelddata):
    data = api.get("/api/v1/gemeenten/GM0626").json()
    assert data["naam"] == "Voorschoten"
    assert data["provincie"] == "pv28"
    assert data["tooi"] == "https://identifier.overheid.nl/tooi/id/gemeente/gm0626"


def test_a_former_gemeente_stays_retrievable_with_its_successor(api, voorbeelddata):
    data = api.get("/api/v1/gemeenten/GM0017").json()
    assert data["einddatum"] == "2018-12-31"
    assert data["opvolger"] == "GM0014"


def test_the_list_shows_the_gemeenten_of_the_peildatum(api, voorbeelddata):
    vandaag = api.get("/api/v1/gemeenten", {"provincie": "pv20", "pageSize": 100}).json()
    assert "GM0017" not in {g["code"] for g in vandaag}
    toen = api.get(
        "/api/v1/gemeenten", {"provincie": "pv20", "peildatum": "2018-06-01", "pageSize": 100}
    ).json()
    assert "GM0017" in {g["code"] for g in toen}
    assert api.get("/api/v1/gemeenten", {"peildatum": "2025-06-01"})["X-Total-Count"] == "342"


def test_zoek_finds_by_name_or_code(api, voorbeelddata):
    assert [g["code"] for g in api.get("/api/v1/gemeenten", {"zoek": "voorscho"}).json()] == [
        "GM0626"
    ]
    assert [g["code"] for g in api.get("/api/v1/gemeenten", {"zoek": "gm0626"}).json()] == [
        "GM0626"
    ]


def test_an_unknown_cbs_code_is_a_404_problem(api, db):
    response = api.get("/api/v1/gemeenten/GM9999")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("url", "maak"),
    [
        ("/api/v1/gemeenten", lambda: GemeenteFactory.create_batch(25)),
        ("/api/v1/partners", lambda: PartnerFactory.create_batch(25)),
        ("/api/v1/themas", lambda: ThemaFactory.create_batch(25)),
    ],
)
def test_list_queries_do_not_grow_with_page_size(api, db, django_assert_num_queries, url, maak):
    ProvincieFactory()
    maak()
    for grootte in (5, 25):
        with django_assert_num_queries(2 + 3):  # savepoint pair, register version, count, page
            assert len(api.get(url, {"pageSize": grootte}).json()) == grootte


def test_partners_and_themas_are_addressed_by_identificatie(api, voorbeelddata):
    assert api.get("/api/v1/partners/pv20").json()["naam"] == "Provincie Groningen"
    afval = api.get("/api/v1/themas/natuur-en-milieu-afval").json()
    assert afval["hoofdthema"] == "natuur-en-milieu"
    assert afval["beleidsintensiteit"] == "beleidsarm"


def test_every_url_in_the_api_points_into_the_api(api, voorbeelddata):
    for pad in ("gemeenten", "partners", "themas", "regelingen", "deelnames"):
        [eerste] = api.get(f"/api/v1/{pad}", {"pageSize": 1}).json()
        assert f"/api/v1/{pad}/" in eerste["url"], eerste["url"]

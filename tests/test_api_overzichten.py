import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.constants import Vorm
from agreements.selectors import grootteklasse
from tests.factories import (
    DeelnameFactory,
    GemeenteFactory,
    ProvincieFactory,
    RegelingFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db


def test_the_overzicht_of_voorschoten_groups_by_vorm_and_thema(api, voorbeelddata):
    data = api.get("/api/v1/gemeenten/GM0626/overzicht", {"peildatum": "2020-01-01"}).json()
    assert data["aantalRegelingen"] == 5
    openbaar = next(g for g in data["perVorm"] if g["vorm"] == Vorm.OPENBAAR_LICHAAM)
    assert "werkorganisatie-duivenvoorde" in {r["identificatie"] for r in openbaar["regelingen"]}
    wassenaar = next(g for g in data["gemeenten"] if g["code"] == "GM0629")
    assert wassenaar["aantalGedeeldeRegelingen"] == 2  # Duivenvoorde and BSGR
    assert {p["identificatie"] for p in data["partners"]} == {"ws0616"}
    later = api.get("/api/v1/gemeenten/GM0626/overzicht", {"peildatum": "2024-01-01"}).json()
    assert later["aantalRegelingen"] == 4


def test_the_network_weighs_shared_regelingen(api, db):
    a, b, c = GemeenteFactory.create_batch(3)
    for gemeenten in ([a, b], [a, b, c]):
        regeling = RegelingFactory()
        for gemeente in gemeenten:
            DeelnameFactory(regeling=regeling, gemeente=gemeente)
    randen = api.get("/api/v1/netwerk").json()
    gewichten = {
        (r["gemeente"], r["andereGemeente"]): r["aantalGedeeldeRegelingen"] for r in randen
    }
    assert gewichten == {(a.code, b.code): 2, (a.code, c.code): 1, (b.code, c.code): 1}
    assert randen[0]["aantalGedeeldeRegelingen"] == 2
    assert len(api.get("/api/v1/netwerk", {"gemeente": c.code}).json()) == 2
    assert api.get("/api/v1/netwerk", {"peildatum": "2000-01-01"}).json() == []


def csv_rijen(response) -> list[list[str]]:
    assert response.status_code == 200
    inhoud = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(inhoud.decode("utf-8-sig")), delimiter=";"))


def test_the_network_and_the_figures_per_thema_export_to_csv(api, db):
    a, b, c = GemeenteFactory.create_batch(3)
    regeling = RegelingFactory(vorm=Vorm.OPENBAAR_LICHAAM)
    regeling.themas.add(ThemaFactory(naam="Afval", slug="afval"))
    for gemeente in (a, b, c):
        DeelnameFactory(regeling=regeling, gemeente=gemeente)
    kop, *rijen = csv_rijen(api.get("/api/v1/netwerk", {"gemeente": c.code, "format": "csv"}))
    assert kop == [
        "Gemeente",
        "Naam",
        "Andere gemeente",
        "Naam andere gemeente",
        "Aantal gedeelde regelingen",
    ]
    assert sorted((r[0], r[2], r[4]) for r in rijen) == [
        (a.code, c.code, "1"),
        (b.code, c.code, "1"),
    ]
    kop, rij = csv_rijen(api.get("/api/v1/cijfers/themas", {"format": "csv"}))
    assert kop[:4] == ["Thema", "Naam", "Aantal regelingen", "Aantal gemeenten"]
    assert rij[:4] == ["afval", "Afval", "1", "3"]


def test_figures_per_thema_and_provincie(api, db):
    thema = ThemaFactory()
    gemeenten = GemeenteFactory.create_batch(3, provincie=ProvincieFactory())
    publiek = RegelingFactory(vorm=Vorm.OPENBAAR_LICHAAM)
    privaat = RegelingFactory(vorm=Vorm.STICHTING)
    for regeling in (publiek, privaat):
        regeling.themas.add(thema)
    for gemeente in gemeenten:
        DeelnameFactory(regeling=publiek, gemeente=gemeente)
    DeelnameFactory(regeling=privaat, gemeente=gemeenten[0])

    [per_thema] = api.get("/api/v1/cijfers/themas").json()
    assert per_thema["aantalRegelingen"] == 2
    assert per_thema["aandeelPubliekrecht"] == 0.5
    assert per_thema["aantalGemeenten"] == 3
    verdeling = {k["klasse"]: k["aantalRegelingen"] for k in per_thema["deelnemersPerRegeling"]}
    assert verdeling["1"] == 1 and verdeling["3-4"] == 1

    [per_provincie] = api.get("/api/v1/cijfers/provincies").json()
    assert per_provincie["aantalGemeenten"] == 3
    assert per_provincie["gemiddeldAantalThemasPerGemeente"] == 1.0
    assert per_provincie["aantalGrensoverschrijdend"] == 0


@pytest.mark.parametrize(
    ("aantal", "klasse"), [(1, "1"), (2, "2"), (4, "3-4"), (19, "10-19"), (20, "20 of meer")]
)
def test_size_classes(aantal, klasse):
    assert grootteklasse(aantal) == klasse


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/gemeenten/GM9998/overzicht",
        "/api/v1/netwerk",
        "/api/v1/cijfers/themas",
        "/api/v1/cijfers/provincies",
    ],
)
def test_overview_queries_do_not_grow_with_the_register(api, db, django_assert_num_queries, url):
    def vul(aantal):
        for _ in range(aantal):
            regeling = RegelingFactory(begindatum=datetime.date(2010, 1, 1))
            regeling.themas.add(ThemaFactory())
            DeelnameFactory(regeling=regeling, gemeente=eerste)
            DeelnameFactory(regeling=regeling)

    eerste = GemeenteFactory(code="GM9998")
    vul(2)
    with CaptureQueriesContext(connection) as weinig:
        assert api.get(url).status_code == 200
    vul(8)
    with django_assert_num_queries(len(weinig)):
        assert api.get(url).status_code == 200


def test_a_hoofdthema_counts_its_subthemas_and_empty_regelingen_show(api, db):
    hoofd = ThemaFactory(naam="Natuur en milieu")
    afval = ThemaFactory(naam="Afval", bovenliggend=hoofd)
    regeling = RegelingFactory()
    regeling.themas.add(afval)
    rijen = {r["themaNaam"]: r for r in api.get("/api/v1/cijfers/themas").json()}
    assert rijen["Natuur en milieu"]["aantalRegelingen"] == 1
    verdeling = {
        k["klasse"]: k["aantalRegelingen"] for k in rijen["Afval"]["deelnemersPerRegeling"]
    }
    assert verdeling["0"] == 1


def test_the_art27_register_of_a_gemeente(api, voorbeelddata):
    regels = api.get("/api/v1/gemeenten/GM0626/register", {"peildatum": "2020-01-01"}).json()
    duivenvoorde = next(r for r in regels if r["identificatie"] == "werkorganisatie-duivenvoorde")
    assert duivenvoorde["ingesteldOrgaan"] == "Openbaar lichaam"
    assert {"Voorschoten", "Wassenaar"} <= set(duivenvoorde["deelnemers"])
    assert duivenvoorde["wettelijkeVoorschriften"]
    onbekend = next(r for r in regels if r["vorm"] is None)
    assert onbekend["ingesteldOrgaan"] is None
    later = api.get("/api/v1/gemeenten/GM0626/register", {"peildatum": "2024-01-01"}).json()
    assert "werkorganisatie-duivenvoorde" not in {r["identificatie"] for r in later}


def test_the_art27_register_exports_one_row_per_regeling(api, voorbeelddata):
    response = api.get(
        "/api/v1/gemeenten/GM0626/register", {"peildatum": "2020-01-01", "format": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        'attachment; filename="register-art27-GM0626-'
    )
    regels = b"".join(response.streaming_content if response.streaming else [response.content])
    kop, *rijen = csv.reader(io.StringIO(regels.decode("utf-8-sig")), delimiter=";")
    assert kop[:4] == ["Regeling", "Vorm", "Ingesteld orgaan (OL, BVO of GO)", "Deelnemers"]
    duivenvoorde = next(r for r in rijen if "Werkorganisatie Duivenvoorde" in r[0])
    assert len(rijen) == 5 and duivenvoorde[2] == "Openbaar lichaam"
    assert "Wassenaar" in duivenvoorde[3]


def test_the_art27_register_answers_bad_input_with_400_and_404(api, db):
    assert api.get("/api/v1/gemeenten/GM9998/register").status_code == 404
    response = api.get("/api/v1/gemeenten/GM0626/register", {"peildatum": "morgen"})
    assert response.status_code in (400, 404)


def test_the_art27_register_does_not_grow_its_queries(api, db):
    gemeente = GemeenteFactory(code="GM9998")

    def vul(aantal):
        for _ in range(aantal):
            regeling = RegelingFactory()
            DeelnameFactory(regeling=regeling, gemeente=gemeente)
            DeelnameFactory(regeling=regeling)

    vul(2)
    with CaptureQueriesContext(connection) as weinig:
        assert len(api.get("/api/v1/gemeenten/GM9998/register").json()) == 2
    vul(5)
    with CaptureQueriesContext(connection) as veel:
        assert len(api.get("/api/v1/gemeenten/GM9998/register").json()) == 7
    assert len(weinig) == len(veel) == 6  # 5, and the version of the register (ETag)

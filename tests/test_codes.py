"""Codes as users write them: gm0626 (as in a TOOI identifier) works like GM0626, PV28 like
pv28, on pages and in the API; a gemeente, thema, partner or provincie the register does not
have is a 400 that says so, not an empty list."""

import datetime
import re

import pytest

from tests.factories import (
    BijdrageFactory,
    DeelnameFactory,
    GemeenteFactory,
    PartnerFactory,
    ProvincieFactory,
    RaadsafspraakFactory,
    RegelingFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db

PROBLEM_JSON = "application/problem+json"


@pytest.fixture
def register(db):
    """Two regelingen of Voorschoten (Zuid-Holland), one with a thema and a waterschap; Haren, a
    former gemeente of Groningen, took part in the other until 2018."""
    zuid_holland = ProvincieFactory(code="pv28", naam="Provincie Zuid-Holland")
    groningen = ProvincieFactory(code="pv20", naam="Provincie Groningen")
    voorschoten = GemeenteFactory(code="GM0626", naam="Voorschoten", provincie=zuid_holland)
    haren = GemeenteFactory(
        code="GM0017", naam="Haren", provincie=groningen, einddatum=datetime.date(2018, 12, 31)
    )
    thema = ThemaFactory(slug="afval", naam="Afval")
    servicepunt = RegelingFactory(slug="servicepunt71", naam="Servicepunt71")
    servicepunt.themas.add(thema)
    DeelnameFactory(regeling=servicepunt, gemeente=voorschoten)
    DeelnameFactory(regeling=servicepunt, gemeente=None, partner=PartnerFactory(code="ws0155"))
    oud = RegelingFactory(slug="afvalbeheer", naam="Afvalbeheer")
    DeelnameFactory(regeling=oud, gemeente=voorschoten)
    DeelnameFactory(regeling=oud, gemeente=haren, einddatum=datetime.date(2018, 12, 31))
    BijdrageFactory(regeling=servicepunt, gemeente=voorschoten)
    RaadsafspraakFactory(gemeente=voorschoten)


def identificaties(response) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(r.get("identificatie") or r.get("code") for r in response.json())


def assert_onbekend(response, parameter: str, bericht: str):
    assert response.status_code == 400
    assert response["Content-Type"].startswith(PROBLEM_JSON)
    assert {"name": parameter, "code": "invalid_choice", "reason": bericht} in response.json()[
        "invalidParams"
    ]


# --- Codes in the address -----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/gemeenten/{code}",
        "/api/v1/gemeenten/{code}/overzicht",
        "/api/v1/gemeenten/{code}/register",
        "/api/v1/gemeenten/{code}/dashboard",
        "/api/v1/gemeenten/{code}/verbonden-partijen",
        "/api/v1/raadsafspraken/{code}",
    ],
)
def test_the_api_reads_a_cbs_code_in_small_letters_as_the_gemeente(api, register, url):
    klein = api.get(url.format(code="gm0626"))
    assert klein.status_code == 200, klein.content
    assert klein.json() == api.get(url.format(code="GM0626")).json()


def test_a_gemeente_addressed_in_small_letters_is_the_one_in_capitals(api, register):
    data = api.get("/api/v1/gemeenten/gm0626").json()
    assert data["code"] == "GM0626"
    assert data["url"].endswith("/api/v1/gemeenten/GM0626")
    assert api.get("/api/v1/gemeenten/gm9999").status_code == 404


@pytest.mark.parametrize(
    ("url", "canoniek"),
    [
        ("/gemeenten/gm0626", "/gemeenten/GM0626"),
        ("/gemeenten/Gm0626/register", "/gemeenten/GM0626/register"),
        ("/gemeenten/gm0626/dashboard", "/gemeenten/GM0626/dashboard"),
        ("/gemeenten/gm0626/verbonden-partijen", "/gemeenten/GM0626/verbonden-partijen"),
        ("/provincies/PV28", "/provincies/pv28"),
    ],
)
def test_a_page_asked_in_another_case_redirects_to_its_canonical_address(
    client, register, url, canoniek
):
    response = client.get(url, {"peildatum": "2020-01-01"})
    assert response.status_code == 301
    assert response["Location"] == f"{canoniek}?peildatum=2020-01-01"
    assert client.get(canoniek).status_code == 200


def test_the_list_of_gemeenten_goes_to_a_gemeente_in_small_letters(client, register):
    response = client.get("/gemeenten", {"gemeente": "gm0626"})
    assert response.status_code == 302 and response["Location"] == "/gemeenten/GM0626"


# --- Codes in query parameters ------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "parameters"),
    [
        ("/api/v1/regelingen", {"gemeente": "{gemeente}"}),
        ("/api/v1/regelingen", {"provincie": "{provincie}"}),
        ("/api/v1/deelnames", {"gemeente": "{gemeente}"}),
        ("/api/v1/gemeenten", {"provincie": "{provincie}"}),
        ("/api/v1/bijdragen", {"gemeente": "{gemeente}"}),
        ("/api/v1/raadsafspraken", {}),
        (
            "/api/v1/netwerk",
            {"gemeente": "{gemeente}", "provincie": "{provincie}", "peildatum": "2018-06-01"},
        ),
    ],
)
def test_a_filter_reads_a_code_in_another_case_as_the_register_keeps_it(
    api, register, url, parameters
):
    def vraag(gemeente, provincie):
        waarden = {
            n: w.format(gemeente=gemeente, provincie=provincie) for n, w in parameters.items()
        }
        response = api.get(url, waarden)
        assert response.status_code == 200, response.content
        return response.json()

    zoals_bewaard = vraag("GM0626", "pv28")
    assert zoals_bewaard
    assert vraag("gm0626", "PV28") == vraag("Gm0626", "Pv28") == zoals_bewaard


def test_the_regelingen_of_a_gemeente_in_small_letters(api, register):
    assert identificaties(api.get("/api/v1/regelingen", {"gemeente": "gm0626"})) == [
        "afvalbeheer",
        "servicepunt71",
    ]


def test_the_herindelingsscan_reads_codes_in_small_letters(api, register):
    response = api.get(
        "/api/v1/herindelingsscan",
        {"gemeenten": "gm0017", "opvolger": "gm0626", "datum": "2019-01-01"},
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["opvolger"] == {"code": "GM0626", "naam": "Voorschoten"}
    assert [r["identificatie"] for r in data["regelingen"]] == ["afvalbeheer", "servicepunt71"]


# --- Unknown codes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "parameter", "waarde", "bericht"),
    [
        ("/api/v1/regelingen", "gemeente", "GM9999", "Onbekende gemeente: GM9999."),
        ("/api/v1/regelingen", "gemeente", "gm9999", "Onbekende gemeente: GM9999."),
        ("/api/v1/regelingen", "thema", "bestaat-niet", "Onbekend thema: bestaat-niet."),
        ("/api/v1/regelingen", "partner", "ws9999", "Onbekende partner: ws9999."),
        ("/api/v1/regelingen", "provincie", "pv99", "Onbekende provincie: pv99."),
        ("/api/v1/regelingen", "provincie", "GM0626", "Onbekende provincie: gm0626."),
        ("/api/v1/deelnames", "gemeente", "GM9999", "Onbekende gemeente: GM9999."),
        ("/api/v1/deelnames", "partner", "ws9999", "Onbekende partner: ws9999."),
        ("/api/v1/gemeenten", "provincie", "PV99", "Onbekende provincie: pv99."),
        ("/api/v1/bijdragen", "gemeente", "GM9999", "Onbekende gemeente: GM9999."),
        ("/api/v1/vertegenwoordigers", "gemeente", "GM9999", "Onbekende gemeente: GM9999."),
        ("/api/v1/procedurestappen", "gemeente", "GM9999", "Onbekende gemeente: GM9999."),
        ("/api/v1/netwerk", "gemeente", "GM9999", "Onbekende gemeente: GM9999."),
        ("/api/v1/netwerk", "provincie", "pv99", "Onbekende provincie: pv99."),
    ],
)
def test_an_unknown_code_in_a_filter_is_a_400_naming_it(
    api, register, url, parameter, waarde, bericht
):
    assert_onbekend(api.get(url, {parameter: waarde}), parameter, bericht)
    # The exports refuse it too, rather than writing an empty file.
    assert_onbekend(api.get(url, {parameter: waarde, "format": "csv"}), parameter, bericht)


def test_every_unknown_filter_is_named(api, register):
    response = api.get(
        "/api/v1/regelingen", {"gemeente": "GM9999", "thema": "x", "peildatum": "gisteren"}
    )
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {
        "gemeente",
        "thema",
        "peildatum",
    }


def test_a_malformed_cbs_code_is_still_explained(api, register):
    response = api.get("/api/v1/regelingen", {"gemeente": "gm12"})
    assert response.status_code == 400
    assert response.json()["invalidParams"] == [
        {
            "name": "gemeente",
            "code": "invalid",
            "reason": "Een CBS-code is GM gevolgd door 4 cijfers.",
        }
    ]


def test_a_former_gemeente_is_known(api, register):
    assert identificaties(api.get("/api/v1/regelingen", {"gemeente": "GM0017"})) == []
    assert identificaties(
        api.get("/api/v1/regelingen", {"gemeente": "gm0017", "peildatum": "2018-06-01"})
    ) == ["afvalbeheer"]
    assert api.get("/api/v1/deelnames", {"gemeente": "GM0017"}).json() == []


def test_a_known_thema_and_partner_still_filter(api, register):
    assert identificaties(api.get("/api/v1/regelingen", {"thema": "afval"})) == ["servicepunt71"]
    assert identificaties(api.get("/api/v1/regelingen", {"partner": "ws0155"})) == ["servicepunt71"]


# --- Pages --------------------------------------------------------------------------------


def test_the_regelingen_page_answers_an_unknown_gemeente_with_a_400_and_the_form(client, register):
    response = client.get("/regelingen", {"gemeente": "GM9999"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Onbekende gemeente: GM9999." in html
    assert '<form method="get" class="filters"' in html and 'name="gemeente"' in html
    assert "Servicepunt71" not in html


@pytest.mark.parametrize(
    ("parameter", "waarde", "bericht"),
    [
        ("thema", "bestaat-niet", "Onbekend thema: bestaat-niet."),
        ("partner", "nergens", "Onbekende partner: nergens."),
        ("provincie", "pv99", "Onbekende provincie: pv99."),
    ],
)
def test_the_regelingen_page_answers_other_unknown_codes_with_a_400(
    client, register, parameter, waarde, bericht
):
    response = client.get("/regelingen", {parameter: waarde})
    assert response.status_code == 400 and bericht in response.content.decode()


def test_the_regelingen_page_reads_a_gemeente_in_small_letters(client, register):
    response = client.get("/regelingen", {"gemeente": "gm0626"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 regelingen gevonden" in html
    assert '<option value="GM0626" selected>' in html


def test_the_gemeenten_page_answers_an_unknown_provincie_with_a_400(client, register):
    response = client.get("/gemeenten", {"provincie": "pv99"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Onbekende provincie: pv99." in html and 'name="provincie"' in html
    bekend = client.get("/gemeenten", {"provincie": "PV28"}).content.decode()
    assert "Voorschoten" in bekend and "Haren" not in bekend
    assert '<option value="pv28" selected>' in bekend


# --- OpenAPI ------------------------------------------------------------------------------


def parameter(openapi: dict, pad: str, naam: str) -> dict:
    return next(p for p in openapi["paths"][pad]["get"]["parameters"] if p["name"] == naam)


@pytest.mark.parametrize(
    ("pad", "naam"),
    [
        ("/regelingen", "gemeente"),
        ("/regelingen", "thema"),
        ("/regelingen", "partner"),
        ("/regelingen", "provincie"),
        ("/deelnames", "gemeente"),
        ("/gemeenten", "provincie"),
        ("/bijdragen", "gemeente"),
        ("/netwerk", "gemeente"),
        ("/netwerk", "provincie"),
    ],
)
def test_the_openapi_document_says_an_unknown_code_is_a_400(api, db, pad, naam):
    openapi = api.get("/api/v1/openapi.json").json()
    beschrijving = parameter(openapi, pad, naam)["description"]
    assert "geeft 400" in beschrijving


def test_the_openapi_patterns_accept_codes_in_either_case(api, db):
    openapi = api.get("/api/v1/openapi.json").json()
    patronen = [
        parameter(openapi, "/regelingen", "gemeente")["schema"]["pattern"],
        parameter(openapi, "/gemeenten/{code}", "code")["schema"]["pattern"],
        parameter(openapi, "/gemeenten/{code}/overzicht", "code")["schema"]["pattern"],
        parameter(openapi, "/netwerk", "gemeente")["schema"]["pattern"],
    ]
    for patroon in patronen:
        assert re.fullmatch(patroon.strip("^$"), "gm0626") and re.fullmatch(
            patroon.strip("^$"), "GM0626"
        )
    provincie = parameter(openapi, "/regelingen", "provincie")["schema"]["pattern"]
    assert re.fullmatch(provincie.strip("^$"), "PV28")

"""One peildatum, one parser, one behaviour: a date (or jaar) that cannot be read is a 400 with
the same Dutch message on every page, list, overview and API endpoint; never another date."""

import datetime

import pytest

from registry.peildatum import (
    DATUM_FOUT,
    JAAR_FOUT,
    JAAR_MAX,
    JAAR_MIN,
    OngeldigeParameter,
    parse_datum,
    parse_jaar,
    parse_peildatum,
)
from tests.factories import (
    DeelnameFactory,
    GemeenteFactory,
    PartnerFactory,
    ProvincieFactory,
    RegelingFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date
PROBLEM = "application/problem+json"

# Refused by the one rule: not JJJJ-MM-DD, or no day of the calendar.
ONGELDIG = [
    "gisteren",
    "0000-01-01",
    "10000-01-01",
    "2025-02-30",
    "2025-13-01",
    "2025-1-1",
    "20250101",
    "01-01-2025",
    " 2025-01-01",
]
# The first and the last day of the calendar are dates like any other.
RANDEN = ["0001-01-01", "9999-12-31"]

PAGINAS = [
    "/",
    "/regelingen",
    "/regelingen/werkorganisatie",
    "/gemeenten",
    "/gemeenten/GM0626",
    "/gemeenten/GM0626/register",
    "/gemeenten/GM0626/dashboard",
    "/themas/afval",
    "/partners/ws0001",
    "/provincies/pv28",
    "/cijfers",
]
API = [
    "/api/v1/regelingen",
    "/api/v1/deelnames",
    "/api/v1/gemeenten",
    "/api/v1/partners",
    "/api/v1/vertegenwoordigers",
    "/api/v1/rapporteurs",
    "/api/v1/gemeenten/GM0626/overzicht",
    "/api/v1/gemeenten/GM0626/register",
    "/api/v1/gemeenten/GM0626/dashboard",
    "/api/v1/netwerk",
    "/api/v1/cijfers/themas",
    "/api/v1/cijfers/provincies",
]


@pytest.fixture
def register():
    """Voorschoten (GM0626) in a regeling with a thema, a partner and a provincie."""
    provincie = ProvincieFactory(code="pv28")
    gemeente = GemeenteFactory(code="GM0626", naam="Voorschoten", provincie=provincie)
    regeling = RegelingFactory(slug="werkorganisatie", naam="Werkorganisatie")
    regeling.themas.add(ThemaFactory(slug="afval", naam="Afval"))
    DeelnameFactory(regeling=regeling, gemeente=gemeente)
    DeelnameFactory(regeling=regeling, gemeente=None, partner=PartnerFactory(code="ws0001"))
    return gemeente


def assert_pagina_fout(response, waarde: str):
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ongeldige peildatum" in html
    assert DATUM_FOUT in html
    assert 'name="peildatum" type="date"' in html  # the form to choose again
    assert f"‘{waarde}’ is geen geldige peildatum" in html


def assert_api_fout(response, parameter: str = "peildatum", bericht: str = DATUM_FOUT):
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json()["invalidParams"] == [
        {"name": parameter, "code": "invalid", "reason": bericht}
    ]


# --- The parser -------------------------------------------------------------------------


def test_the_parser_reads_jjjj_mm_dd_and_gives_the_default_when_empty():
    assert parse_peildatum("2019-03-04") == D(2019, 3, 4)
    assert parse_peildatum("") == parse_peildatum(None) == D.today()
    assert parse_peildatum("", standaard=D(2018, 12, 31)) == D(2018, 12, 31)
    assert parse_datum(None) is None
    assert parse_datum("0001-01-01") == D.min and parse_datum("9999-12-31") == D.max


@pytest.mark.parametrize("waarde", ONGELDIG)
def test_the_parser_refuses_anything_else_with_a_dutch_message(waarde):
    with pytest.raises(OngeldigeParameter) as fout:
        parse_peildatum(waarde, standaard=D(2018, 12, 31))
    assert (fout.value.parameter, fout.value.waarde, str(fout.value)) == (
        "peildatum",
        waarde,
        DATUM_FOUT,
    )
    with pytest.raises(OngeldigeParameter, match="JJJJ-MM-DD") as fout:
        parse_datum(waarde)
    assert fout.value.parameter == "datum"


def test_the_year_has_its_bounds_once():
    assert parse_jaar(str(JAAR_MIN), 2025) == JAAR_MIN
    assert parse_jaar(str(JAAR_MAX), 2025) == JAAR_MAX
    assert parse_jaar("", 2025) == parse_jaar(None, 2025) == 2025
    for waarde in (str(JAAR_MIN - 1), str(JAAR_MAX + 1), "x", "2025.0", "-2025", "²"):
        with pytest.raises(OngeldigeParameter) as fout:
            parse_jaar(waarde, 2025)
        assert fout.value.parameter == "jaar" and fout.value.bericht == JAAR_FOUT


# --- Pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", PAGINAS)
def test_a_page_answers_a_bad_peildatum_with_a_400_and_the_form(client, register, url):
    assert_pagina_fout(client.get(url, {"peildatum": "gisteren"}), "gisteren")


@pytest.mark.parametrize("waarde", ONGELDIG)
@pytest.mark.parametrize(
    "url", ["/regelingen/werkorganisatie", "/regelingen", "/gemeenten/GM0626/dashboard"]
)
def test_every_refused_value_is_refused_on_the_pages(client, register, url, waarde):
    assert_pagina_fout(client.get(url, {"peildatum": waarde}), waarde)


@pytest.mark.parametrize("waarde", RANDEN)
@pytest.mark.parametrize("url", PAGINAS)
def test_the_first_and_last_day_of_the_calendar_are_shown(client, register, url, waarde):
    response = client.get(url, {"peildatum": waarde})
    assert response.status_code == 200


def test_an_empty_peildatum_is_today_or_the_last_day_of_a_former_gemeente(client, register):
    html = client.get("/gemeenten/GM0626", {"peildatum": ""}).content.decode()
    assert f'value="{D.today():%Y-%m-%d}"' in html
    GemeenteFactory(code="GM0017", naam="Haren", einddatum=D(2018, 12, 31))
    for url in ("/gemeenten/GM0017", "/gemeenten/GM0017/dashboard"):
        html = client.get(url, {"peildatum": ""}).content.decode()
        assert 'value="2018-12-31"' in html, url


def test_the_list_keeps_its_other_filters_errors_on_the_page(client, register):
    response = client.get("/regelingen", {"gemeente": "Voorschoten"})
    assert response.status_code == 400 and "Controleer de filters" in response.content.decode()


def test_the_verbonden_partijen_page_answers_a_bad_jaar_with_a_400_and_the_form(client, register):
    for waarde in (str(JAAR_MIN - 1), "vorig"):
        response = client.get("/gemeenten/GM0626/verbonden-partijen", {"jaar": waarde})
        assert response.status_code == 400
        html = response.content.decode()
        assert "Ongeldig jaar" in html and JAAR_FOUT in html
        assert f'name="jaar" type="number" min="{JAAR_MIN}" max="{JAAR_MAX}"' in html
    for waarde in (str(JAAR_MIN), str(JAAR_MAX), ""):
        response = client.get("/gemeenten/GM0626/verbonden-partijen", {"jaar": waarde})
        assert response.status_code == 200


# --- API --------------------------------------------------------------------------------


@pytest.mark.parametrize("url", API)
def test_the_api_answers_a_bad_peildatum_with_a_problem_naming_it(api, register, url):
    assert_api_fout(api.get(url, {"peildatum": "gisteren"}))


@pytest.mark.parametrize("waarde", ONGELDIG)
@pytest.mark.parametrize("url", ["/api/v1/regelingen", "/api/v1/gemeenten/GM0626/overzicht"])
def test_every_refused_value_is_refused_by_the_api(api, register, url, waarde):
    assert_api_fout(api.get(url, {"peildatum": waarde}))


@pytest.mark.parametrize("waarde", RANDEN)
@pytest.mark.parametrize("url", API)
def test_the_api_answers_on_the_first_and_last_day_of_the_calendar(api, register, url, waarde):
    assert api.get(url, {"peildatum": waarde}).status_code == 200


def test_the_api_refuses_a_bad_jaar_with_the_same_message(api, register):
    assert_api_fout(
        api.get("/api/v1/gemeenten/GM0626/verbonden-partijen", {"jaar": str(JAAR_MAX + 1)}),
        "jaar",
        JAAR_FOUT,
    )
    assert_api_fout(api.get("/api/v1/bijdragen", {"jaar": str(JAAR_MIN - 1)}), "jaar", JAAR_FOUT)
    assert api.get("/api/v1/bijdragen", {"jaar": str(JAAR_MIN)}).status_code == 200


# --- The datum of the herindelingsscan: the same rule -------------------------------------


@pytest.mark.parametrize("waarde", ONGELDIG)
def test_the_datum_of_the_herindelingsscan_follows_the_same_rule(api, client, register, waarde):
    parameters = {"gemeenten": "GM0626", "datum": waarde}
    assert_api_fout(api.get("/api/v1/herindelingsscan", parameters), "datum")
    response = client.get("/herindelingsscan", parameters)
    assert response.status_code == 200  # the scan page shows its errors beside its own fields
    assert DATUM_FOUT in response.content.decode()


@pytest.mark.parametrize("waarde", RANDEN)
def test_the_herindelingsscan_answers_on_the_first_and_last_day(api, client, register, waarde):
    parameters = {"gemeenten": "GM0626", "datum": waarde}
    assert api.get("/api/v1/herindelingsscan", parameters).status_code == 200
    assert (
        "Uitkomst voor Voorschoten" in client.get("/herindelingsscan", parameters).content.decode()
    )


def test_the_filter_fields_take_python_values_and_refuse_others_in_dutch():
    from django import forms

    from registry.filters import JaarVeld, PeildatumVeld

    assert PeildatumVeld().clean(D(2019, 3, 4)) == PeildatumVeld().clean("2019-03-04")
    assert JaarVeld().clean(JAAR_MIN) == JaarVeld().clean(str(JAAR_MIN)) == JAAR_MIN
    with pytest.raises(forms.ValidationError, match="JJJJ-MM-DD"):
        PeildatumVeld().clean("4-3-2019")
    with pytest.raises(forms.ValidationError, match=str(JAAR_MAX)):
        JaarVeld().clean(str(JAAR_MAX + 1))

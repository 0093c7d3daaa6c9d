"""The public pages: they answer, show the seeded facts and do not grow their queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    DeelnameFactory,
    GemeenteFactory,
    PartnerFactory,
    RegelingFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db


# The number of database queries of each page, whatever the amount of data (2 of them are the
# savepoint of ATOMIC_REQUESTS).
# Every page: 1 query for the version of the register (registry/http.py), and 1 more for
# each figure it reads from the cache (registry/versie.py), whether it is there or not.
VRAGEN = {
    "/": 9,
    "/zoeken?zoek=e": 7,
    "/regelingen": 10,
    "/regelingen/{slug}": 20,  # 16, 2 wijzigingshistorie, 1 register version, 1 map
    "/gemeenten": 7,
    "/gemeenten/GM9998": 12,  # 8, 2 for the lopende besluitvorming that grip adds, 1 map
    "/gemeenten/GM9998/register": 6,
    "/themas/{thema}": 11,
    "/partners/{partner}": 5,
    "/provincies/{provincie}": 13,
    "/cijfers": 10,
    "/herindelingsscan?gemeenten=GM9998&datum=2020-01-01": 10,  # 1 for the map
}


def test_home_has_the_search_box_and_figures(client, voorbeelddata, tekst):
    html = tekst(client, "/")
    assert 'role="search"' in html
    assert "<strong>342</strong> gemeenten" in html
    assert 'lang="nl"' in html
    assert 'href="/provincies/pv28"' in html and 'href="/themas/natuur-en-milieu"' in html


def test_home_goes_to_the_chosen_gemeente(client, voorbeelddata):
    response = client.get("/gemeenten", {"gemeente": "GM0626"})
    assert response.status_code == 302 and response["Location"] == "/gemeenten/GM0626"


def test_one_search_finds_gemeenten_regelingen_themas_and_partners(client, voorbeelddata, tekst):
    html = tekst(client, "/zoeken", zoek="haren")
    assert "/gemeenten/GM0017" in html and "opgeheven na 31 december 2018" in html
    html = tekst(client, "/zoeken", zoek="rijnland")
    assert "Holland Rijnland" in html  # a regeling
    assert "/partners/ws0616" in html  # the Hoogheemraadschap van Rijnland
    assert "/themas/natuur-en-milieu" in tekst(client, "/zoeken", zoek="natuur")
    assert "gevonden" not in tekst(client, "/zoeken")


def test_the_gemeenten_list_filters_on_provincie_and_peildatum(client, voorbeelddata, tekst):
    html = tekst(client, "/gemeenten", provincie="pv20", peildatum="2018-06-01")
    assert "Haren" in html and "Ten Boer" in html and "Voorschoten" not in html
    assert "Haren" not in tekst(client, "/gemeenten", provincie="pv20", peildatum="2019-06-01")
    fout = client.get("/gemeenten", {"peildatum": "gisteren"})  # tests/test_peildatum.py
    assert fout.status_code == 400 and "Geef een geldige datum" in fout.content.decode()


def test_the_art27_register_of_voorschoten_is_printable_and_exportable(
    client, voorbeelddata, tekst
):
    html = tekst(client, "/gemeenten/GM0626/register", peildatum="2020-01-01")
    assert "Register gemeenschappelijke regelingen Voorschoten" in html
    assert "Werkorganisatie Duivenvoorde" in html
    assert "a. Deelnemers" in html and "Wassenaar" in html
    assert "e. Openbaar lichaam, bedrijfsvoeringsorganisatie of gemeenschappelijk orgaan" in html
    assert "ja: Openbaar lichaam" in html
    assert "format=xlsx" in html and "format=csv" in html


def test_the_partner_page_shows_its_regelingen(client, voorbeelddata, tekst):
    html = tekst(client, "/partners/ws0616", peildatum="2020-01-01")
    assert "Hoogheemraadschap van Rijnland" in html
    assert "Belastingsamenwerking Gouwe-Rijnland" in html


def test_the_provincie_page_shows_its_gemeenten_and_figures(client, voorbeelddata, tekst):
    html = tekst(client, "/provincies/pv20", peildatum="2018-06-01")
    assert "Samenwerking in Provincie Groningen" in html
    assert "/gemeenten/GM0017?peildatum=2018-06-01" in html  # Haren, on that date
    assert "Regelingen per vorm" in html and 'class="staaf"' in html
    assert client.get("/provincies/pv99").status_code == 404


def test_every_page_type_has_the_peildatum_control(client, voorbeelddata, tekst):
    for url in [
        "/",
        "/regelingen/werkorganisatie-duivenvoorde",
        "/gemeenten/GM0626",
        "/gemeenten/GM0626/register",
        "/themas/natuur-en-milieu",
        "/partners/ws0616",
        "/provincies/pv28",
        "/cijfers",
    ]:
        html = tekst(client, url, peildatum="2019-03-04")
        assert 'name="peildatum" type="date" value="2019-03-04"' in html, url


def test_the_gemeente_page_of_voorschoten(client, voorbeelddata, tekst):
    html = tekst(client, "/gemeenten/GM0626", peildatum="2020-01-01")
    assert "Waar neemt Voorschoten aan deel?" in html
    assert "Werkorganisatie Duivenvoorde" in html
    assert "Wassenaar" in html
    assert "Werkorganisatie Duivenvoorde" not in tekst(
        client, "/gemeenten/GM0626", peildatum="2024-01-01"
    )


def test_a_former_gemeente_is_shown_on_its_last_day_with_its_successor(
    client, voorbeelddata, tekst
):
    html = tekst(client, "/gemeenten/GM0017")
    assert "opgegaan in" in html and "Groningen" in html
    assert "Omgevingsdienst Groningen" in html
    assert "Omgevingsdienst Groningen" in tekst(client, "/gemeenten/GM0017", peildatum="2018-06-01")


def test_the_regeling_page_of_duivenvoorde(client, voorbeelddata, tekst):
    html = tekst(client, "/regelingen/werkorganisatie-duivenvoorde", peildatum="2020-01-01")
    assert "Openbaar lichaam" in html
    assert "Wgr art. 8 lid 1" in html
    assert "Voorschoten" in html and "Wassenaar" in html
    assert "organisaties.overheid.nl" in html


def test_the_list_filters_on_thema_and_peildatum_and_offers_the_export(
    client, voorbeelddata, tekst
):
    html = tekst(client, "/regelingen", thema="natuur-en-milieu", peildatum="2020-01-01")
    assert "Afvalbeheer Regio Centraal Groningen" in html
    assert "Holland Rijnland" not in html
    assert "format=csv" in html and "thema=natuur-en-milieu" in html


def test_the_thema_page_lists_its_regelingen_with_subthemas(client, voorbeelddata, tekst):
    html = tekst(client, "/themas/natuur-en-milieu", peildatum="2020-01-01")
    assert "Thema: Natuur en milieu" in html
    assert "Afvalbeheer Regio Centraal Groningen" in html
    assert "Afval" in html  # a subthema, linked


def test_the_figures_per_provincie(client, voorbeelddata, tekst):
    html = tekst(client, "/cijfers", peildatum="2020-01-01")
    assert "Provincie Groningen" in html and "Provincie Zuid-Holland" in html
    assert "format=xlsx" in html


def test_the_list_offers_choices_and_a_date_control(client, voorbeelddata, tekst):
    html = tekst(client, "/regelingen")
    assert 'type="date"' in html
    assert '<option value="natuur-en-milieu-afval">Afval</option>' in html
    assert '<option value="GM0626">Voorschoten</option>' in html


def test_an_unknown_page_is_a_404(client, db):
    assert client.get("/gemeenten/GM9999").status_code == 404
    assert client.get("/regelingen/bestaat-niet").status_code == 404
    assert client.get("/themas/bestaat-niet").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/zoeken?zoek=e",
        "/regelingen",
        "/regelingen/{slug}",
        "/gemeenten",
        "/gemeenten/GM9998",
        "/gemeenten/GM9998/register",
        "/themas/{thema}",
        "/partners/{partner}",
        "/provincies/{provincie}",
        "/cijfers",
        "/herindelingsscan?gemeenten=GM9998&datum=2020-01-01",
    ],
)
def test_pages_do_not_grow_their_queries(client, db, url, tekst):
    gemeente = GemeenteFactory(code="GM9998")
    regeling = RegelingFactory()
    thema = ThemaFactory()
    partner = PartnerFactory()

    def vul(aantal):
        for _ in range(aantal):
            andere = RegelingFactory()
            andere.themas.add(ThemaFactory(), thema)
            DeelnameFactory(regeling=andere, gemeente=gemeente)
            DeelnameFactory(regeling=andere, gemeente=None, partner=partner)
            DeelnameFactory(regeling=regeling)
            GemeenteFactory(provincie=gemeente.provincie)

    adres = url.format(
        slug=regeling.slug,
        thema=thema.slug,
        partner=partner.slug,
        provincie=gemeente.provincie.code,
    )
    vul(2)
    with CaptureQueriesContext(connection) as weinig:
        tekst(client, adres)
    vul(6)
    with CaptureQueriesContext(connection) as veel:
        tekst(client, adres)
    assert len(veel) == len(weinig) == VRAGEN[url]


def test_a_missing_page_is_explained_in_dutch(client, db, settings):
    settings.DEBUG = False
    response = client.get("/regelingen/bestaat-niet")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()

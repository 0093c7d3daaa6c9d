"""The public pages: they answer, show the seeded facts and do not grow their queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import DeelnameFactory, GemeenteFactory, RegelingFactory, ThemaFactory

pytestmark = pytest.mark.django_db


def tekst(client, url, **parameters):
    response = client.get(url, parameters)
    assert response.status_code == 200
    return response.content.decode()


def test_home_has_the_search_box_and_figures(client, voorbeelddata):
    html = tekst(client, "/")
    assert 'role="search"' in html
    assert "342 gemeenten" in html
    assert 'lang="nl"' in html


def test_the_gemeente_page_of_voorschoten(client, voorbeelddata):
    html = tekst(client, "/gemeenten/GM0626", peildatum="2020-01-01")
    assert "Waar neemt Voorschoten aan deel?" in html
    assert "Werkorganisatie Duivenvoorde" in html
    assert "Wassenaar" in html
    assert "Werkorganisatie Duivenvoorde" not in tekst(
        client, "/gemeenten/GM0626", peildatum="2024-01-01"
    )


def test_a_former_gemeente_is_shown_on_its_last_day_with_its_successor(client, voorbeelddata):
    html = tekst(client, "/gemeenten/GM0017")
    assert "opgegaan in" in html and "Groningen" in html
    assert "Omgevingsdienst Groningen" in html
    assert "Omgevingsdienst Groningen" in tekst(client, "/gemeenten/GM0017", peildatum="2018-06-01")


def test_the_regeling_page_of_duivenvoorde(client, voorbeelddata):
    html = tekst(client, "/regelingen/werkorganisatie-duivenvoorde", peildatum="2020-01-01")
    assert "Openbaar lichaam" in html
    assert "Wgr art. 8 lid 1" in html
    assert "Voorschoten" in html and "Wassenaar" in html
    assert "organisaties.overheid.nl" in html


def test_the_list_filters_on_thema_and_peildatum_and_offers_the_export(client, voorbeelddata):
    html = tekst(client, "/regelingen", thema="natuur-en-milieu", peildatum="2020-01-01")
    assert "Afvalbeheer Regio Centraal Groningen" in html
    assert "Holland Rijnland" not in html
    assert "format=csv" in html and "thema=natuur-en-milieu" in html


def test_the_thema_page_lists_its_regelingen_with_subthemas(client, voorbeelddata):
    html = tekst(client, "/themas/natuur-en-milieu", peildatum="2020-01-01")
    assert "Thema: Natuur en milieu" in html
    assert "Afvalbeheer Regio Centraal Groningen" in html
    assert "Afval" in html  # a subthema, linked


def test_the_figures_per_provincie(client, voorbeelddata):
    html = tekst(client, "/cijfers", peildatum="2020-01-01")
    assert "Provincie Groningen" in html and "Provincie Zuid-Holland" in html
    assert "format=xlsx" in html


def test_the_list_offers_choices_and_a_date_control(client, voorbeelddata):
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
    ["/", "/regelingen", "/regelingen/{slug}", "/gemeenten/GM9998", "/themas/{thema}", "/cijfers"],
)
def test_pages_do_not_grow_their_queries(client, db, url):
    gemeente = GemeenteFactory(code="GM9998")
    regeling = RegelingFactory()
    thema = ThemaFactory()

    def vul(aantal):
        for _ in range(aantal):
            andere = RegelingFactory()
            andere.themas.add(ThemaFactory(), thema)
            DeelnameFactory(regeling=andere, gemeente=gemeente)
            DeelnameFactory(regeling=regeling)

    vul(2)
    with CaptureQueriesContext(connection) as weinig:
        tekst(client, url.format(slug=regeling.slug, thema=thema.slug))
    vul(6)
    with CaptureQueriesContext(connection) as veel:
        tekst(client, url.format(slug=regeling.slug, thema=thema.slug))
    assert len(veel) == len(weinig)

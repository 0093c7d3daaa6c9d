"""Unknown is not none: a regeling whose list of deelnemers is incomplete says so."""

import pytest

from .factories import DeelnameFactory, GemeenteFactory, RegelingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rga():
    regeling = RegelingFactory(
        naam="Regio Groningen-Assen", slug="rga", vorm="", deelnemers_volledig=False
    )
    DeelnameFactory(regeling=regeling, gemeente=GemeenteFactory(code="GM0017", naam="Haren"))
    return regeling


def test_the_regeling_page_says_not_every_deelnemer_is_known(client, rga):
    html = client.get("/regelingen/rga").content.decode()
    assert "Niet alle deelnemers bekend" in html
    assert "Haren" in html


def test_without_a_known_deelnemer_on_the_day_it_never_says_none(client, rga):
    html = client.get("/regelingen/rga", {"peildatum": "2010-01-01"}).content.decode()
    assert "Niet alle deelnemers bekend" in html
    assert "Geen deelnemers op deze datum" not in html


def test_a_complete_list_without_deelnemers_says_none(client):
    RegelingFactory(slug="leeg")
    html = client.get("/regelingen/leeg").content.decode()
    assert "Geen deelnemers op deze datum" in html
    assert "Niet alle deelnemers bekend" not in html


def test_the_art27_register_says_so_and_names_an_unknown_vorm(client, api, rga):
    html = client.get("/gemeenten/GM0017/register").content.decode()
    assert "niet alle deelnemers bekend" in html
    assert "Vorm onbekend" in html
    regel = api.get("/api/v1/gemeenten/GM0017/register").json()[0]
    assert regel["deelnemersVolledig"] is False
    csv = api.get("/api/v1/gemeenten/GM0017/register", {"format": "csv"}).content.decode(
        "utf-8-sig"
    )
    assert "Haren; (niet alle bekend)" in csv


def test_the_api_tells_whether_every_deelnemer_is_known(api, rga):
    assert api.get("/api/v1/regelingen/rga").json()["deelnemersVolledig"] is False

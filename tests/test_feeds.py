"""Atom feeds of the changes in the register: for the whole register, per regeling and per
gemeente, from the protocollering, with public fields only and never who made a change."""

import xml.etree.ElementTree as ET

import pytest

from agreements.models import Deelname
from tests.factories import DeelnameFactory, GemeenteFactory, RegelingFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    return [
        {
            "id": entry.findtext(f"{ATOM}id"),
            "title": entry.findtext(f"{ATOM}title"),
            "summary": entry.findtext(f"{ATOM}summary") or "",
            "link": entry.find(f"{ATOM}link").get("href"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


@pytest.fixture
def duivenvoorde(leest_eerst_api):
    regeling = RegelingFactory(naam="Werkorganisatie Duivenvoorde", slug="duivenvoorde")
    voorschoten = GemeenteFactory(code="GM0626", naam="Voorschoten")
    wassenaar = GemeenteFactory(code="GM0629", naam="Wassenaar")
    DeelnameFactory(regeling=regeling, gemeente=voorschoten)
    DeelnameFactory(regeling=regeling, gemeente=wassenaar)
    response = leest_eerst_api.patch(
        f"/api/v1/regelingen/{regeling.slug}",
        {"naam": "Werkorganisatie Duivenvoorde (opgeheven)", "toelichting": "intern"},
        format="json",
    )
    assert response.status_code == 200, response.content
    return regeling


def test_a_regeling_feed_names_what_changed_with_old_and_new_values(client, duivenvoorde):
    gelezen = entries(client, "/regelingen/duivenvoorde/wijzigingen.atom")
    nieuwste = gelezen[0]
    assert nieuwste["title"] == "Werkorganisatie Duivenvoorde (opgeheven) gewijzigd"
    assert (
        "Naam: Werkorganisatie Duivenvoorde → Werkorganisatie Duivenvoorde (opgeheven)"
        in nieuwste["summary"]
    )
    assert "Via API" in nieuwste["summary"]
    assert nieuwste["link"].endswith("/regelingen/duivenvoorde")
    titels = [e["title"] for e in gelezen]
    assert "Deelname van Voorschoten aan Werkorganisatie Duivenvoorde (opgeheven) toegevoegd" in (
        titels
    )
    # Stable ids: a feed reader updates an entry instead of showing it twice.
    assert [e["id"] for e in entries(client, "/regelingen/duivenvoorde/wijzigingen.atom")] == [
        e["id"] for e in gelezen
    ]


def test_a_feed_shows_no_user_and_no_field_that_is_not_public(client, duivenvoorde):
    for url in ("/wijzigingen.atom", "/regelingen/duivenvoorde/wijzigingen.atom"):
        tekst = client.get(url).content.decode()
        assert "admin" not in tekst  # the user who made the change
        assert "intern" not in tekst and "Toelichting" not in tekst  # not a public field


def test_a_change_of_only_non_public_fields_is_not_an_entry(client, leest_eerst_api):
    regeling = RegelingFactory(slug="stil")
    voor = len(entries(client, "/regelingen/stil/wijzigingen.atom"))
    response = leest_eerst_api.patch(
        "/api/v1/regelingen/stil", {"toelichting": "Alleen intern"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert len(entries(client, f"/regelingen/{regeling.slug}/wijzigingen.atom")) == voor


def test_the_gemeente_feed_has_its_own_deelnames_only(client, duivenvoorde, leest_eerst_api):
    wassenaar = Deelname.objects.get(gemeente__code="GM0629")
    response = leest_eerst_api.patch(
        f"/api/v1/deelnames/{wassenaar.uuid}", {"einddatum": "2022-12-31"}, format="json"
    )
    assert response.status_code == 200, response.content
    voor_voorschoten = [e["title"] for e in entries(client, "/gemeenten/GM0626/wijzigingen.atom")]
    assert not any("Wassenaar" in t for t in voor_voorschoten)
    assert any("Deelname van Voorschoten" in t for t in voor_voorschoten)
    assert any(t.endswith("(opgeheven) gewijzigd") for t in voor_voorschoten)  # its regeling
    voor_wassenaar = entries(client, "/gemeenten/GM0629/wijzigingen.atom")
    einde = next(e for e in voor_wassenaar if e["title"].startswith("Deelname van Wassenaar"))
    assert "gewijzigd" in einde["title"] and "31 december 2022" in einde["summary"]
    landelijk = [e["title"] for e in entries(client, "/wijzigingen.atom")]
    assert einde["title"] in landelijk


def test_a_deleted_deelname_is_an_entry(client, duivenvoorde, leest_eerst_api):
    wassenaar = Deelname.objects.get(gemeente__code="GM0629")
    assert leest_eerst_api.delete(f"/api/v1/deelnames/{wassenaar.uuid}").status_code == 204
    titels = [e["title"] for e in entries(client, "/regelingen/duivenvoorde/wijzigingen.atom")]
    assert titels[0] == (
        "Deelname van Wassenaar aan Werkorganisatie Duivenvoorde (opgeheven) verwijderd"
    )


def test_pages_point_to_their_feeds(client, duivenvoorde):
    regeling = client.get("/regelingen/duivenvoorde").content.decode()
    assert 'type="application/atom+xml"' in regeling
    assert "/regelingen/duivenvoorde/wijzigingen.atom" in regeling
    assert "/gemeenten/GM0626/wijzigingen.atom" in client.get("/gemeenten/GM0626").content.decode()


def test_an_unknown_gemeente_or_regeling_has_no_feed(client):
    assert client.get("/gemeenten/GM9999/wijzigingen.atom").status_code == 404
    assert client.get("/regelingen/bestaat-niet/wijzigingen.atom").status_code == 404


def test_a_feed_costs_the_same_queries_however_many_changes(client, duivenvoorde, queries):
    weinig = queries(client, "/wijzigingen.atom")
    for _ in range(5):
        DeelnameFactory(regeling=duivenvoorde)
    assert queries(client, "/wijzigingen.atom") == weinig

"""The maps for consumers: the gemeenten of a date as GeoJSON (RFC 7946, WGS84), and the
regeling, gemeente and lappendeken maps with the same figures as their pages."""

import re

import pytest

from tests.test_kaart import gemeenten_op_kaart

pytestmark = pytest.mark.django_db

GEOJSON = "application/geo+json"


def coordinaten(geometrie):
    ringen = geometrie["coordinates"]
    if geometrie["type"] == "Polygon":
        ringen = [ringen]
    for polygoon in ringen:
        yield from polygoon


def oppervlakte_met_teken(ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)) / 2


@pytest.mark.parametrize(("peildatum", "aantal"), [("2018-06-01", 380), ("2026-01-01", 342)])
def test_the_gemeenten_of_a_date_as_geojson_in_wgs84(api, voorbeelddata, peildatum, aantal):
    response = api.get("/api/v1/kaart/gemeenten", {"peildatum": peildatum})
    assert response.status_code == 200 and response["Content-Type"] == GEOJSON
    kaart = response.json()
    assert kaart["type"] == "FeatureCollection" and len(kaart["features"]) == aantal
    register = api.get("/api/v1/gemeenten", {"peildatum": peildatum, "pageSize": 1})
    assert int(register["X-Total-Count"]) == aantal  # the register's own gemeenten that day
    for feature in kaart["features"]:
        assert feature["type"] == "Feature"
        assert set(feature["properties"]) == {"code", "naam", "provincie", "provincieNaam"}
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        for i, ring in enumerate(coordinaten(feature["geometry"])):
            assert ring[0] == ring[-1]
            assert all(3 < lon < 8 and 50 < lat < 54 for lon, lat in ring)
            if i == 0:  # RFC 7946: an exterior ring is counterclockwise
                assert oppervlakte_met_teken(ring) > 0
    codes = {f["properties"]["code"] for f in kaart["features"]}
    assert ("GM0017" in codes) == (peildatum == "2018-06-01")
    voorschoten = next(f for f in kaart["features"] if f["id"] == "GM0626")
    assert voorschoten["properties"]["provincie"] == "pv28"
    assert voorschoten["properties"]["naam"] == "Voorschoten"


def test_before_2015_there_are_no_boundaries_and_bad_parameters_are_a_400(api, voorbeelddata):
    response = api.get("/api/v1/kaart/gemeenten", {"peildatum": "2014-12-31"})
    assert response.status_code == 404
    assert "geen grenzen van vóór 1-1-2015" in response.json()["detail"]
    assert api.get("/api/v1/kaart/gemeenten", {"peildatum": "gisteren"}).status_code == 400
    assert api.get("/api/v1/kaart/gemeenten", {"gemeente": "GM0626"}).status_code == 400
    response = api.get("/api/v1/kaart/lappendeken", {"thema": "bestaat-niet"})
    assert response.status_code == 400 and response.json()["invalidParams"][0]["name"] == "thema"
    assert api.get("/api/v1/kaart/lappendeken", {"vorm": "los"}).status_code == 400
    assert api.get("/api/v1/kaart/regelingen/bestaat-niet").status_code == 404
    response = api.get("/api/v1/kaart/gemeenten/GM0017", {"peildatum": "2020-01-01"})
    assert response.status_code == 400  # Haren no longer exists then


@pytest.mark.parametrize(
    ("pagina", "api_adres"),
    [
        ("/regelingen/holland-rijnland", "/api/v1/kaart/regelingen/holland-rijnland"),
        ("/gemeenten/GM0626", "/api/v1/kaart/gemeenten/GM0626"),
        (
            "/kaart?thema=natuur-en-milieu-afval",
            "/api/v1/kaart/lappendeken?thema=natuur-en-milieu-afval",
        ),
        ("/kaart", "/api/v1/kaart/lappendeken"),
    ],
)
def test_every_map_has_the_figures_of_its_page(client, api, voorbeelddata, pagina, api_adres):
    teken = "&" if "?" in pagina else "?"
    html = client.get(f"{pagina}{teken}peildatum=2020-01-01").content.decode()
    op_pagina = gemeenten_op_kaart(html)
    response = api.get(f"{api_adres}{teken}peildatum=2020-01-01")
    assert response.status_code == 200 and response["Content-Type"] == GEOJSON
    in_api = {f["id"]: f["properties"]["waarde"] for f in response.json()["features"]}
    # The page of a regeling is zoomed to its deelnemers: it shows part of the country.
    assert set(op_pagina) <= set(in_api)
    assert {c: w for c, w in in_api.items() if c in op_pagina} == op_pagina
    assert {c for c, w in in_api.items() if w} <= set(op_pagina)


def test_the_openapi_document_describes_the_maps_as_geojson(api, db):
    document = api.get("/api/v1/openapi.json").json()
    for pad in (
        "/kaart/gemeenten",
        "/kaart/gemeenten/{code}",
        "/kaart/regelingen/{identificatie}",
        "/kaart/lappendeken",
    ):
        antwoorden = document["paths"][pad]["get"]["responses"]
        assert GEOJSON in antwoorden["200"]["content"], pad
        assert "404" in antwoorden
    beschrijving = document["paths"]["/kaart/gemeenten"]["get"]["description"]
    assert re.search(r"RFC 7946", beschrijving) and "CC BY 4.0" in beschrijving

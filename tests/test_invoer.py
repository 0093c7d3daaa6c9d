"""Bad input is a 4xx, never a 500, and never breaks what others read: NUL and control characters
in paths, queries, headers and bodies, oversize and deeply nested bodies, endless searches."""

import base64
import json

import pytest
from django.test import Client

from tests.factories import DeelnameFactory, GemeenteFactory, RegelingFactory

pytestmark = pytest.mark.django_db(transaction=False)

PROBLEM_JSON = "application/problem+json"


def basic(gebruiker: str, wachtwoord: str = "x") -> str:
    return "Basic " + base64.b64encode(f"{gebruiker}:{wachtwoord}".encode()).decode()


@pytest.fixture
def gegevens(db):
    return DeelnameFactory(gemeente=GemeenteFactory(code="GM0626", naam="Voorschoten"))


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/gemeenten/GM%00626",
        "/api/v1/regelingen/%00",
        "/api/v1/deelnames/%00",
        "/api/v1/partners/a%00b",
        "/api/v1/themas/%00",
        "/api/v1/gemeenten/GM0626/overzicht%00",
        "/regelingen/%00",
        "/partners/%00",
        "/themas/a%00",
    ],
)
def test_a_nul_byte_in_the_path_is_a_400(client, gegevens, url):
    response = client.get(url)
    assert response.status_code == 400
    if url.startswith("/api/"):
        assert response["Content-Type"] == PROBLEM_JSON
        assert response.json()["status"] == 400
    else:
        assert "niet is toegestaan" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/regelingen?zoek=%00",
        "/api/v1/regelingen?gemeente=GM%00626",
        "/api/v1/deelnames?regeling=%00",
        "/api/v1/gemeenten?zoek=a%00",
        "/api/v1/regelingen?%00=1",
        "/api/v1/regelingen?zoek=a%1Bb",
        "/zoeken?zoek=%00",
        "/regelingen?zoek=%00",
        "/gemeenten?zoek=%07",
    ],
)
def test_a_control_character_in_the_query_is_a_400(client, gegevens, url):
    response = client.get(url)
    assert response.status_code == 400
    if url.startswith("/api/"):
        assert response["Content-Type"] == PROBLEM_JSON
        namen = [p["name"] for p in response.json()["invalidParams"]]
        assert namen


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_AUTHORIZATION": basic("beheer\x00der")},
        {"HTTP_AUTHORIZATION": basic("beheerder", "ge\x00heim")},
        {"HTTP_AUTHORIZATION": "Bearer a\x00b"},
        {"HTTP_X_IETS": "a\x00b"},
        {"HTTP_COOKIE": "sessionid=a\x00b"},
        {"HTTP_ACCEPT": "application/json\x00"},
    ],
)
@pytest.mark.parametrize("url", ["/api/v1/regelingen", "/regelingen"])
def test_a_control_character_in_a_header_is_a_400(gegevens, headers, url):
    response = Client().get(url, **headers)
    assert response.status_code == 400


@pytest.mark.parametrize("waarde", [base64.b64encode(b"\xff\xfe:x").decode(), "%%%"])
def test_a_basic_header_that_is_no_base64_text_is_a_400(api, gegevens, waarde):
    response = api.get("/api/v1/regelingen", HTTP_AUTHORIZATION=f"Basic {waarde}")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "Authorization"


def test_a_clean_basic_header_is_no_sign_in_but_no_400_either(api, admin_user):
    response = api.post(
        "/api/v1/themas", {}, format="json", HTTP_AUTHORIZATION=basic("admin", "password")
    )
    assert response.status_code == 401  # the API takes personal tokens, not HTTP Basic


@pytest.mark.parametrize(
    "veld, waarde",
    [
        ("regeling", "a\x00b"),
        ("gemeente", "GM\x000626"),
        ("partner", "\x00"),
        ("rol", "deel\x00nemer"),
        ("toelichting", "a\x00b"),
        ("toelichting", "bel\x07"),
    ],
)
def test_a_control_character_in_a_json_body_is_a_400_naming_the_field(
    leest_eerst_api, gegevens, stand, veld, waarde
):
    body = {"regeling": gegevens.regeling.slug, "gemeente": "GM0626", veld: waarde}
    voor = stand()
    response = leest_eerst_api.post(
        "/api/v1/deelnames", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == PROBLEM_JSON
    assert veld in [p["name"] for p in response.json()["invalidParams"]]
    assert stand() == voor


def test_a_control_character_in_a_json_key_is_a_400(leest_eerst_api, gegevens):
    response = leest_eerst_api.post(
        "/api/v1/deelnames", json.dumps({"a\x00": 1}), content_type="application/json"
    )
    assert response.status_code == 400


def test_a_lone_surrogate_in_a_json_body_is_a_400(leest_eerst_api, gegevens):
    regeling = gegevens.regeling
    response = leest_eerst_api.patch(
        f"/api/v1/regelingen/{regeling.slug}",
        '{"naam": "Naam \\ud800"}',
        content_type="application/json",
    )
    assert response.status_code == 400
    regeling.refresh_from_db()
    assert "\ud800" not in regeling.naam


def test_a_body_over_the_limit_is_a_413(leest_eerst_api, gegevens, settings):
    body = json.dumps({"toelichting": "x" * (3 * 1024 * 1024)})
    response = leest_eerst_api.post("/api/v1/deelnames", body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"] == PROBLEM_JSON
    assert str(settings.DATA_UPLOAD_MAX_MEMORY_SIZE) in response.json()["detail"].replace(".", "")


@pytest.mark.parametrize("diepte", [50, 100_000])
def test_deeply_nested_json_is_a_400(leest_eerst_api, gegevens, diepte):
    body = "[" * diepte + "]" * diepte
    response = leest_eerst_api.post(
        "/api/v1/deelnames", f'{{"regeling": {body}}}', content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_JSON


def test_ordinary_nesting_still_works(leest_eerst_api, gegevens):
    regeling = RegelingFactory()
    response = leest_eerst_api.patch(
        f"/api/v1/regelingen/{regeling.slug}",
        {"bevoegdheidsverkrijgingen": ["mandaat"]},
        format="json",
    )
    assert response.status_code == 200, response.content


def test_malformed_json_is_a_400(leest_eerst_api, gegevens):
    response = leest_eerst_api.post(
        "/api/v1/deelnames", '{"regeling": ', content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_JSON


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/regelingen",
        "/api/v1/gemeenten",
        "/api/v1/partners",
        "/api/v1/themas",
        "/zoeken",
        "/regelingen",
        "/gemeenten",
    ],
)
def test_an_endless_search_is_a_400(client, gegevens, url):
    response = client.get(url, {"zoek": "a" * 100_000})
    assert response.status_code == 400
    if url.startswith("/api/"):
        assert response.json()["invalidParams"][0]["name"] == "zoek"
        assert "200" in response.json()["invalidParams"][0]["reason"]


def test_a_long_but_bounded_search_still_works(client, gegevens):
    assert client.get("/api/v1/regelingen", {"zoek": "a" * 200}).status_code == 200
    assert client.get("/zoeken", {"zoek": "a" * 200}).status_code == 200


@pytest.mark.parametrize(
    "tekst, fout",
    [
        ("Naam\u200bmet nulbreedte", "onzichtbare"),
        ("\u202eGeheim", "onzichtbare"),
        ("Naam\x07", "stuurteken"),
        ("Naam\x00", "stuurteken"),
    ],
)
def test_a_name_with_invisible_or_control_characters_is_refused(leest_eerst_api, tekst, fout):
    regeling = RegelingFactory()
    response = leest_eerst_api.patch(
        f"/api/v1/regelingen/{regeling.slug}", {"naam": tekst}, format="json"
    )
    assert response.status_code == 400
    redenen = [p["reason"] for p in response.json()["invalidParams"] if p["name"] == "naam"]
    assert redenen and fout in redenen[0]


def test_a_text_may_keep_its_line_breaks_but_not_a_zero_width_space_in_a_name_only(
    leest_eerst_api,
):
    regeling = RegelingFactory()
    doel = "Het doel:\r\n\ta. het een;\nb. het ander\u200b."
    response = leest_eerst_api.patch(
        f"/api/v1/regelingen/{regeling.slug}", {"doel": doel}, format="json"
    )
    assert response.status_code == 200, response.content
    regeling.refresh_from_db()
    assert regeling.doel == doel


def test_texts_are_stored_in_nfc(leest_eerst_api):
    regeling = RegelingFactory()
    ontleed = "Cafe\u0301 de Zwaan"  # e + combining acute
    response = leest_eerst_api.patch(
        f"/api/v1/regelingen/{regeling.slug}",
        {"naam": ontleed, "doel": ontleed},
        format="json",
    )
    assert response.status_code == 200, response.content
    regeling.refresh_from_db()
    assert regeling.naam == regeling.doel == "Caf\u00e9 de Zwaan"
    assert response.json()["naam"] == "Caf\u00e9 de Zwaan"


def test_the_admin_refuses_control_characters_and_invisible_characters(
    admin_client, admin_url, regeling_formulier
):
    regeling = RegelingFactory(naam="Oude naam")
    for naam, fout in [("Na\x0bam", "stuurteken"), ("Na\u2066am", "onzichtbare")]:
        data = {**regeling_formulier(regeling), "naam": naam}
        response = admin_client.post(admin_url(regeling, "change", regeling.pk), data)
        assert response.status_code == 200  # the form again, with the error
        assert fout in response.content.decode()
    regeling.refresh_from_db()
    assert regeling.naam == "Oude naam"


def test_the_admin_stores_nfc(admin_client, admin_url, regeling_formulier):
    regeling = RegelingFactory()
    data = {**regeling_formulier(regeling), "naam": "Cafe\u0301"}
    response = admin_client.post(admin_url(regeling, "change", regeling.pk), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    regeling.refresh_from_db()
    assert regeling.naam == "Caf\u00e9"


def test_every_model_checks_its_texts(onze_modellen):
    from registry.tekens import TekstControle

    assert [m for m in onze_modellen if not issubclass(m, TekstControle)] == []

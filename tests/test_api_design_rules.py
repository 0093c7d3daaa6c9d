"""The NL API Design Rules 2.1 that this API promises, each checked."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.http import HttpResponseNotAllowed
from rest_framework.exceptions import ErrorDetail

from registry.api import ApiMiddleware, invalid_params

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture
def openapi(api):
    response = api.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_the_openapi_document_is_public_with_contact_version_and_servers(api, openapi):
    assert openapi["openapi"].startswith("3.0")
    assert set(openapi["info"]["contact"]) == {"name", "email", "url"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", openapi["info"]["version"])
    assert all(server["url"].endswith("/v1") for server in openapi["servers"])
    assert all(server["url"].startswith("https://") for server in openapi["servers"])
    assert api.get("/api/v1/openapi.json")["Access-Control-Allow-Origin"] == "*"
    yaml = api.get("/api/v1/openapi.yaml")
    assert yaml.status_code == 200
    assert b"openapi: 3.0" in yaml.content


def test_the_openapi_document_has_no_english_docstrings(api):
    tekst = api.get("/api/v1/openapi.json").content.decode()
    for engels in ("A resource of the register", "Run the model", "Spectacular"):
        assert engels not in tekst


def test_every_operation_and_parameter_is_described_and_documents_its_400(openapi):
    for pad, operaties in openapi["paths"].items():
        assert not pad.endswith("/"), pad
        for methode, operatie in operaties.items():
            assert operatie.get("summary") or operatie.get("description"), (pad, methode)
            assert "400" in operatie["responses"], (pad, methode)
            assert PROBLEM in operatie["responses"]["400"]["content"]
            for parameter in operatie.get("parameters", []):
                assert parameter.get("description"), (pad, methode, parameter["name"])


def test_the_api_version_header_equals_the_document_version(api, openapi):
    versie = openapi["info"]["version"]
    for url in ["/api/v1/regelingen", "/api/v1/regelingen/", "/api/v1/gemeenten/GM9999"]:
        assert api.get(url)["API-Version"] == versie


def test_a_trailing_slash_is_a_404_problem_not_a_redirect(api):
    response = api.get("/api/v1/regelingen/")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert response.json()["status"] == 404


@pytest.mark.parametrize("url", ["/api/v1/regelingen", "/api/v1/cijfers/themas"])
def test_head_is_get_without_a_body(api, url):
    # HEAD (RFC 9110 9.3.2) lets `curl -I` read the ETag and Last-Modified of a GET.
    response = api.head(url)
    assert response.status_code == 200
    assert response["ETag"] == api.get(url)["ETag"]
    assert response.content == b""


@pytest.mark.parametrize("url", ["/api/v1/regelingen", "/api/v1/cijfers/themas"])
def test_trace_is_not_allowed(api, url):
    response = api.generic("TRACE", url)
    assert response.status_code == 405
    assert response["Content-Type"] == PROBLEM
    assert "GET" in response["Allow"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1",
        "/api/v1/regelingen",
        "/api/v1/cijfers/themas",
        "/api/v1/herindelingen",
        "/api/v1/openapi.json",
        "/api/v1/openapi.yaml",
        "/api/v1/gemeenten/GM0626/dashboard",
    ],
)
def test_head_and_options_work_wherever_get_does(api, voorbeelddata, url):
    get = api.get(url)
    assert get.status_code == 200
    head = api.head(url)
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
    options = api.options(url)
    assert options.status_code == 200
    assert "GET" in options["Allow"]


@pytest.mark.parametrize(
    "url", ["/", "/regelingen", "/gemeenten/GM0626", "/gemeenten/GM0626/dashboard"]
)
def test_head_works_on_the_pages(client, voorbeelddata, url):
    assert client.get(url).status_code == 200
    assert client.head(url).status_code == 200


def test_a_get_from_another_origin_may_read_the_api(api, voorbeelddata):
    response = api.get("/api/v1/regelingen", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "API-Version" in response["Access-Control-Expose-Headers"]


def test_a_write_from_another_origin_is_not_allowed_by_cors(api):
    preflight = api.options(
        "/api/v1/regelingen",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    toegestaan = preflight.get("Access-Control-Allow-Methods", "")
    assert "POST" not in toegestaan and "DELETE" not in toegestaan
    assert "GET" in toegestaan


def test_cors_is_only_for_the_api(client, voorbeelddata):
    response = client.get("/regelingen", HTTP_ORIGIN="https://example.org")
    assert not response.has_header("Access-Control-Allow-Origin")


def test_the_api_root_lists_the_collections_and_the_documentation(api):
    response = api.get("/api/v1")
    assert response.status_code == 200
    data = response.json()
    assert {"gemeenten", "partners", "regelingen", "deelnames", "herindelingen"} <= set(
        data["collecties"]
    )
    assert data["collecties"]["regelingen"] == "http://testserver/api/v1/regelingen"
    assert data["documentatie"]["openapi"] == "http://testserver/api/v1/openapi.json"
    assert api.get(data["documentatie"]["html"]).status_code == 200


def test_a_method_an_address_does_not_offer_is_a_405_before_anything_else(api):
    response = api.put("/api/v1/regelingen?onbekend=1")
    assert response.status_code == 405
    assert response["Content-Type"] == PROBLEM


@pytest.mark.parametrize("url", ["/api/v1/regelingen", "/api/v1/netwerk"])
def test_a_repeated_parameter_is_a_400(api, url):
    response = api.get(f"{url}?page=x&page=1")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "page"


@pytest.mark.parametrize("url", ["/api/v1/regelingen", "/api/v1/netwerk"])
def test_an_export_still_checks_the_page_parameters(api, url):
    response = api.get(url, {"format": "csv", "pageSize": "null"})
    assert response.status_code == 400


@pytest.mark.parametrize("url", ["/api/v1/regelingen", "/api/v1/netwerk"])
def test_an_empty_parameter_is_a_400(api, url):
    response = api.get(url, {"peildatum": ""})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "peildatum"


def test_an_unknown_path_under_the_api_is_a_404_problem(api):
    response = api.get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert {"type", "title", "status", "detail"} <= set(response.json())


def test_a_server_error_is_a_500_problem(api, monkeypatch):
    from agreements.api import RegelingViewSet

    def kapot(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(RegelingViewSet, "list", kapot)
    api.raise_request_exception = False
    response = api.get("/api/v1/regelingen")
    assert response.status_code == 500
    assert response["Content-Type"] == PROBLEM
    assert "kapot" not in response.content.decode()


def test_security_headers_are_set(api, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000  # as when DEBUG is off (tests/test_deploy.py)
    response = api.get("/api/v1/regelingen", secure=True)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    # A read may be kept a short while (tests/test_http_cache.py); an error or a write never.
    assert response["Cache-Control"] == "public, max-age=60"
    assert api.get("/api/v1/regelingen?onbekend=1")["Cache-Control"] == "no-store"
    assert "max-age=31536000" in response["Strict-Transport-Security"]


def test_dates_are_dates(api, voorbeelddata):
    data = api.get("/api/v1/gemeenten/GM0017").json()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["einddatum"])


def test_the_human_docs_use_local_assets(api):
    response = api.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "redoc" in html.lower()
    assert 'lang="nl"' in html
    assert "/static/drf_spectacular_sidecar/" in html
    assert not re.search(r"(src|href)=\"https?://", html)  # nothing from elsewhere


def test_an_unknown_api_address_is_a_problem_404_even_without_the_static_manifest(
    api, db, settings, tmp_path
):
    settings.DEBUG = False  # as deployed: the HTML 404 page would need collectstatic's manifest
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    response = api.get("/api/v1/gemeenten/%C2%A0")  # (a control character is a 400)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_a_plain_django_error_under_the_api_becomes_a_problem_and_keeps_its_allow_header(rf):
    middleware = ApiMiddleware(lambda request: HttpResponseNotAllowed(["GET", "HEAD"]))
    response = middleware(rf.post("/api/v1/iets?x=1"))
    assert response.status_code == 405
    assert response["Content-Type"] == PROBLEM
    assert response["Allow"] == "GET, HEAD"
    probleem = json.loads(response.content)
    assert (probleem["status"], probleem["instance"]) == (405, "/api/v1/iets?x=1")
    assert response["X-Frame-Options"] == "DENY"


def test_a_plain_django_error_outside_the_api_is_left_alone(rf):
    oorspronkelijk = HttpResponseNotAllowed(["GET"])
    assert ApiMiddleware(lambda request: oorspronkelijk)(rf.post("/regelingen")) is oorspronkelijk


def test_invalid_params_name_nested_errors_by_their_path():
    fouten = {
        "deelnames": [{}, {"gemeente": [ErrorDetail("Onbekende gemeente.", "does_not_exist")]}],
        "non_field_errors": [ErrorDetail("Klopt niet.", "invalid")],
    }
    assert invalid_params(fouten) == [
        {"name": "deelnames.1.gemeente", "code": "does_not_exist", "reason": "Onbekende gemeente."},
        {"name": "nonFieldErrors", "code": "invalid", "reason": "Klopt niet."},
    ]


# The findings of the NL API Design Rules 2.1 Spectral ruleset on this document (issue 16), each
# checked here; tests/spectral/adr.yaml holds the same rules for Spectral itself.


def test_the_document_describes_the_path_that_serves_it(api, openapi):
    operatie = openapi["paths"]["/openapi.json"]["get"]
    assert operatie["tags"] == ["documentatie"]
    assert api.get("/api/v1/openapi.json").status_code == 200


def test_every_tag_of_an_operation_is_defined_globally(openapi):
    gedefinieerd = {tag["name"] for tag in openapi["tags"]}
    for pad, operaties in openapi["paths"].items():
        for methode, operatie in operaties.items():
            assert set(operatie.get("tags", [])) <= gedefinieerd, (pad, methode)


def test_every_schema_name_is_camel_case(openapi):
    for naam in openapi["components"]["schemas"]:
        assert re.fullmatch(r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)*", naam), naam


def test_every_component_is_used(openapi):
    tekst = json.dumps(openapi)
    for soort in ("schemas", "headers", "parameters", "responses"):
        for naam in openapi["components"].get(soort, {}):
            assert f'"#/components/{soort}/{naam}"' in tekst, (soort, naam)


def test_the_server_url_is_the_configured_absolute_https_url(openapi):
    # API_BASIS_URL in the environment (registry/settings.py), https://samenwerkingsregister.nl/api/v1
    # by default.
    assert [server["url"] for server in openapi["servers"]] == [django_settings.API_BASIS_URL]
    assert django_settings.API_BASIS_URL.startswith("https://")


SPECTRAL = os.environ.get("SPECTRAL") or shutil.which("spectral")


@pytest.mark.skipif(not SPECTRAL, reason="Spectral niet geïnstalleerd (zet SPECTRAL of PATH)")
def test_spectral_reports_nothing(api, tmp_path):
    document = tmp_path / "openapi.json"
    document.write_bytes(api.get("/api/v1/openapi.json").content)
    regels = Path(__file__).parent / "spectral" / "adr.yaml"
    uitvoer = tmp_path / "bevindingen.json"
    subprocess.run(
        [
            SPECTRAL,
            "lint",
            "-q",
            "-r",
            str(regels),
            "-f",
            "json",
            "-o",
            str(uitvoer),
            str(document),
        ],
        capture_output=True,
        timeout=300,
    )
    bevindingen = json.loads(uitvoer.read_text())
    assert bevindingen == [], bevindingen[:5]


def test_the_examples_are_a_real_gemeente_and_a_real_regeling(api, voorbeelddata, openapi):
    def voorbeeld(pad):
        inhoud = openapi["paths"][pad]["get"]["responses"]["200"]["content"]["application/json"]
        return next(iter(inhoud["examples"].values()))["value"]

    gemeente = voorbeeld("/gemeenten/{code}")
    echt = api.get("/api/v1/gemeenten/GM0626").json()
    assert {k: v for k, v in gemeente.items() if k != "url"} == {
        k: v for k, v in echt.items() if k != "url"
    }
    regeling = voorbeeld("/regelingen/{identificatie}")
    echt = api.get(f"/api/v1/regelingen/{regeling['identificatie']}").json()
    for veld in ("naam", "vorm", "begindatum", "einddatum", "organisatiecode", "oin", "bronUrl"):
        assert regeling[veld] == echt[veld], veld
    assert voorbeeld("/regelingen")[0]["identificatie"] == "werkorganisatie-duivenvoorde"


@pytest.mark.parametrize("url", ["/api/v1/netwerk?format=csv", "/api/v1/regelingen?format=xlsx"])
def test_options_describes_an_address_in_json_whatever_format_is_asked(api, db, url):
    response = api.options(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")


def test_an_unknown_format_of_the_download_is_a_400(api, db):
    response = api.get("/api/v1/downloads", {"format": "AAA"})
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM

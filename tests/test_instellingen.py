"""The settings read from the environment: safe when deployed (DEBUG off), and the WSGI entry
point that serves the register."""

import json
import runpy
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import pytest
from django.core import signals
from django.db import close_old_connections

import registry

INSTELLINGEN = str(Path(registry.__file__).with_name("settings.py"))


def lees_instellingen(monkeypatch, **omgeving) -> dict:
    """The settings module run afresh with ``omgeving`` as environment (None: unset)."""
    for naam, waarde in omgeving.items():
        if waarde is None:
            monkeypatch.delenv(naam, raising=False)
        else:
            monkeypatch.setenv(naam, waarde)
    return runpy.run_path(INSTELLINGEN)


def test_without_debug_a_secret_key_is_required(monkeypatch):
    with pytest.raises(RuntimeError, match="SECRET_KEY moet gezet zijn"):
        lees_instellingen(monkeypatch, DEBUG="false", SECRET_KEY=None)


def test_deployed_it_serves_static_files_from_the_manifest(monkeypatch):
    instellingen = lees_instellingen(monkeypatch, DEBUG="false", SECRET_KEY="geheim")
    assert instellingen["SECRET_KEY"] == "geheim" and not instellingen["DEBUG"]
    assert instellingen["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_in_development_it_has_a_local_key_and_plain_static_files(monkeypatch):
    instellingen = lees_instellingen(monkeypatch, DEBUG="true", SECRET_KEY=None)
    assert instellingen["SECRET_KEY"] == "alleen-voor-lokale-ontwikkeling"
    assert instellingen["STORAGES"]["staticfiles"]["BACKEND"] == (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )


@pytest.fixture
def zonder_verbindingen_sluiten():
    """As Django's test client does: no closing of database connections around a request."""
    for signaal in (signals.request_started, signals.request_finished):
        signaal.disconnect(close_old_connections)
    yield
    for signaal in (signals.request_started, signals.request_finished):
        signaal.connect(close_old_connections)


def test_the_wsgi_entry_point_serves_the_register(zonder_verbindingen_sluiten, db):
    # db: every read asks the version of the register (registry/versie.py) first.
    from registry.wsgi import application

    environ = {"PATH_INFO": "/api/v1/bestaat-niet"}
    setup_testing_defaults(environ)
    antwoord = {}
    inhoud = b"".join(
        application(
            environ, lambda status, headers: antwoord.update(status=status, **dict(headers))
        )
    )
    assert antwoord["status"] == "404 Not Found"
    assert antwoord["Content-Type"] == "application/problem+json"
    assert json.loads(inhoud)["instance"] == "/api/v1/bestaat-niet"

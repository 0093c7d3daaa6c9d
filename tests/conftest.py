"""Fixtures shared by the test modules: the seed data, API clients, the models of our apps
and a snapshot of their rows, and helpers to read pages and admin screens."""

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from registry.protocol import laatste_versie

ONZE_APPS = ("municipalities", "agreements", "grip", "meldingen", "redactie")


@pytest.fixture(autouse=True)
def geen_tellers():
    """Every test starts with empty request counters (the API throttles keep them in the
    cache)."""
    cache.clear()


@pytest.fixture(autouse=True)
def lege_cache():
    """Every test starts with an empty cache: the database rolls back between tests, the
    cache (keyed on the register's version) would not."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def voorbeelddata(db):
    call_command("voorbeelddata", verbosity=0)


@pytest.fixture
def landelijk(db):
    """The seeded cases and the national ROO snapshot, as `make run` loads them (a few seconds)."""
    call_command("voorbeelddata", "--landelijk", verbosity=0)


@pytest.fixture
def api():
    return APIClient()


class LeestEerst(APIClient):
    """An API client that, as a careful program does, reads a resource before it changes it:
    a PUT, PATCH or DELETE without If-Match sends the ETag of a GET of the same address."""

    def _met_etag(self, path: str, extra: dict) -> dict:
        if "HTTP_IF_MATCH" not in extra and (etag := self.get(path).get("ETag")):
            extra["HTTP_IF_MATCH"] = etag
        return extra

    def put(self, path, data=None, format=None, content_type=None, follow=False, **extra):
        return super().put(path, data, format, content_type, follow, **self._met_etag(path, extra))

    def patch(self, path, data=None, format=None, content_type=None, follow=False, **extra):
        extra = self._met_etag(path, extra)
        return super().patch(path, data, format, content_type, follow, **extra)

    def delete(self, path, data=None, format=None, content_type=None, follow=False, **extra):
        extra = self._met_etag(path, extra)
        return super().delete(path, data, format, content_type, follow, **extra)


@pytest.fixture
def leest_eerst_api(admin_user):
    """A beheerder's API client that sends the If-Match of what it read."""
    client = LeestEerst()
    client.force_authenticate(admin_user)
    return client


@pytest.fixture
def beheerder_api(admin_user):
    client = APIClient()
    client.force_authenticate(admin_user)
    return client


def if_match(client, adres: str) -> dict:
    """The If-Match header of a write to ``adres``: the ETag of what a GET reads there."""
    response = client.get(adres)
    assert response.status_code == 200, response.content
    return {"HTTP_IF_MATCH": response["ETag"]}


@pytest.fixture
def onze_modellen() -> list:
    """Every concrete model of municipalities, agreements and grip (not their history)."""
    return [
        model
        for label in ONZE_APPS
        for model in apps.get_app_config(label).get_models()
        if not model._meta.proxy and not is_historie(model)
    ]


def is_historie(model) -> bool:
    """A history model of django-simple-history (of a model or of its many-to-many links)."""
    return hasattr(model, "instance_type")


@pytest.fixture
def stand():
    """A function that reads every row of our apps (many-to-many links included, their
    history not: an undone change leaves its trace), to show that a refused write changed
    nothing."""

    def stand() -> dict:
        return {
            model._meta.label: list(model.objects.order_by("pk").values())
            for label in ONZE_APPS
            for model in apps.get_app_config(label).get_models(include_auto_created=True)
            if not is_historie(model)
        }

    return stand


@pytest.fixture
def tekst():
    """A function that reads a page that answers 200, as text."""

    def tekst(client, url, **parameters) -> str:
        response = client.get(url, parameters)
        assert response.status_code == 200
        return response.content.decode()

    return tekst


@pytest.fixture
def admin_url():
    """A function that gives the address of an admin view of a model."""

    def admin_url(model, view, *args) -> str:
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)

    return admin_url


@pytest.fixture
def queries():
    """A function that counts the database queries of a page that answers 200."""

    def queries(client, url) -> int:
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200
        return len(context.captured_queries)

    return queries


GRIP_INLINES = [
    "procedurestappen",
    "jaarstukken",
    "vertegenwoordigers",
    "rapporteurs",
    "bijdragen",
    "jaarcijfers",
    "evaluaties",
    "beeindiging",
]


@pytest.fixture
def regeling_formulier():
    """A function that gives the POST data of the regeling change form in the admin, with
    ``nieuwe_rijen`` empty rows per inline to fill in."""

    def regeling_formulier(regeling, **nieuwe_rijen) -> dict:
        data = {
            "naam": regeling.naam,
            "slug": regeling.slug,
            "vorm": regeling.vorm,
            "status": regeling.status,
            "bron": regeling.bron,
            "versie_bij_openen": laatste_versie(regeling),  # the version the form was opened on
        }
        for inline in ("deelnames", "versies", "publicaties", *GRIP_INLINES):
            data[f"{inline}-TOTAL_FORMS"] = str(nieuwe_rijen.get(inline, 0))
            data[f"{inline}-INITIAL_FORMS"] = "0"
        return data

    return regeling_formulier

"""HTTP caching: every read answers an ETag and Last-Modified from the version of the register;
a conditional GET that matches is a 304 before anything is rendered; a write changes it."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import Deelname
from agreements.selectors import netwerk
from registry import versie

pytestmark = pytest.mark.django_db

OVERZICHT = "/api/v1/gemeenten/GM0626/overzicht"


def test_overview_answers_etag_then_304_then_new_etag_after_a_change(
    voorbeelddata, api, leest_eerst_api
):
    eerste = api.head(OVERZICHT)  # curl -I
    assert eerste.status_code == 200
    etag = eerste["ETag"]
    assert etag.startswith('"') and eerste["Last-Modified"]
    assert eerste["Cache-Control"] == "public, max-age=60"

    herhaald = api.get(OVERZICHT, HTTP_IF_NONE_MATCH=etag)
    assert herhaald.status_code == 304
    assert herhaald["ETag"] == etag
    assert herhaald.content == b""

    deelname = Deelname.objects.filter(gemeente__code="GM0626").first()
    gewijzigd = leest_eerst_api.patch(
        f"/api/v1/deelnames/{deelname.uuid}", {"toelichting": "Gewijzigd"}, format="json"
    )
    assert gewijzigd.status_code == 200
    assert "no-store" in gewijzigd["Cache-Control"]  # a write is never kept

    na = api.get(OVERZICHT, HTTP_IF_NONE_MATCH=etag)
    assert na.status_code == 200
    assert na["ETag"] != etag


def test_a_matching_conditional_get_is_answered_before_rendering(voorbeelddata, client):
    etag = client.get("/gemeenten/GM0626")["ETag"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/gemeenten/GM0626", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert len(queries) == 1  # the version of the register, nothing else


def test_if_modified_since_gives_304_until_the_register_changes(voorbeelddata, api):
    gewijzigd = api.get(OVERZICHT)["Last-Modified"]
    assert api.get(OVERZICHT, HTTP_IF_MODIFIED_SINCE=gewijzigd).status_code == 304


def test_etag_depends_on_request_format_and_credentials(voorbeelddata, api, admin_user):
    gewoon = api.get(OVERZICHT)["ETag"]
    assert api.get(OVERZICHT, {"peildatum": "2020-01-01"})["ETag"] != gewoon
    assert api.get(OVERZICHT, HTTP_ACCEPT="text/csv")["ETag"] != gewoon
    api.force_login(admin_user)
    ingelogd = api.get(OVERZICHT)
    assert ingelogd["ETag"] != gewoon
    assert ingelogd["Cache-Control"] == "private, no-cache"


def test_a_view_that_sets_its_own_etag_keeps_it_and_gets_304(voorbeelddata, rf):
    from django.http import HttpResponse

    from registry.http import HttpCacheMiddleware

    def view(request):
        response = HttpResponse("object")
        response["ETag"] = '"eigen-1"'
        return response

    middleware = HttpCacheMiddleware(view)
    response = middleware(rf.get("/api/v1/deelnames/x"))
    assert response["ETag"] == '"eigen-1"'
    assert (
        middleware(rf.get("/api/v1/deelnames/x", HTTP_IF_NONE_MATCH='"eigen-1"')).status_code == 304
    )


def test_errors_and_writes_get_no_cache_headers(voorbeelddata, api):
    response = api.get("/api/v1/gemeenten/GM9999/overzicht")
    assert response.status_code == 404
    assert "ETag" not in response
    assert response["Cache-Control"] == "no-store"


def test_every_write_advances_the_version_also_many_to_many(voorbeelddata):
    from agreements.models import Regeling, Thema

    voor = versie.huidige()
    regeling = Regeling.objects.first()
    regeling.themas.add(Thema.objects.exclude(regelingen=regeling).first())
    na = versie.huidige()
    assert na.nummer > voor.nummer and na.sleutel != voor.sleutel


def test_national_aggregates_are_cached_under_the_version(voorbeelddata, django_assert_num_queries):
    import datetime

    dag = datetime.date(2024, 1, 1)
    eerste = netwerk(peildatum=dag)
    with django_assert_num_queries(1):  # only the version of the register
        assert netwerk(peildatum=dag) == eerste
    assert any(rand["andere_gemeente"] == "GM0626" for rand in eerste)
    for deelname in Deelname.objects.actief_op(dag).filter(gemeente__code="GM0626"):
        deelname.delete()  # each delete advances the version
    assert not any(
        "GM0626" in (r["gemeente"], r["andere_gemeente"]) for r in netwerk(peildatum=dag)
    )
    cache.clear()

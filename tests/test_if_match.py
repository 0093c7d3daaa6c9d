"""No lost update: a resource is read with its ETag and written back with If-Match (428
without, 412 when stale, both problem+json); two concurrent writes with one ETag never both
succeed; the admin refuses to save over a version that changed since its form was opened."""

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from agreements.models import Regeling
from registry.protocol import kanaal
from tests.conftest import if_match
from tests.factories import DeelnameFactory, RegelingFactory

PROBLEM = "application/problem+json"


@pytest.fixture
def regeling(db):
    return RegelingFactory(naam="Oorspronkelijk", afkorting="")


def adres_van(regeling) -> str:
    return f"/api/v1/regelingen/{regeling.slug}"


def test_a_resource_and_a_write_carry_the_etag_of_its_version(beheerder_api, regeling):
    gelezen = beheerder_api.get(adres_van(regeling))
    assert gelezen["ETag"].startswith('"') and gelezen["ETag"].endswith('"')
    assert beheerder_api.get(adres_van(regeling))["ETag"] == gelezen["ETag"]  # stable
    response = beheerder_api.patch(
        adres_van(regeling), {"afkorting": "OO"}, format="json", HTTP_IF_MATCH=gelezen["ETag"]
    )
    assert response.status_code == 200
    assert response["ETag"] not in ("", gelezen["ETag"])
    assert beheerder_api.get(adres_van(regeling))["ETag"] == response["ETag"]


def test_a_created_resource_carries_its_etag(beheerder_api, regeling):
    response = beheerder_api.post(
        "/api/v1/deelnames",
        {"regeling": regeling.slug, "gemeente": DeelnameFactory().gemeente.code},
        format="json",
    )
    assert response.status_code == 201, response.content
    adres = f"/api/v1/deelnames/{response.json()['identificatie']}"
    assert beheerder_api.get(adres)["ETag"] == response["ETag"]


@pytest.mark.parametrize("methode", ["put", "patch", "delete"])
@pytest.mark.parametrize("waarde", [None, "", "*"])
def test_a_write_without_if_match_is_a_428_and_changes_nothing(
    beheerder_api, regeling, stand, methode, waarde
):
    voor = stand()
    headers = {} if waarde is None else {"HTTP_IF_MATCH": waarde}
    data = beheerder_api.get(adres_van(regeling)).json() if methode == "put" else {"naam": "X"}
    response = getattr(beheerder_api, methode)(adres_van(regeling), data, format="json", **headers)
    assert response.status_code == 428
    assert response["Content-Type"] == PROBLEM
    assert "If-Match" in response.json()["detail"]
    assert stand() == voor


@pytest.mark.parametrize("methode", ["put", "patch", "delete"])
def test_a_write_with_a_stale_etag_is_a_412_and_changes_nothing(
    beheerder_api, regeling, stand, methode
):
    oud = if_match(beheerder_api, adres_van(regeling))
    gelezen = beheerder_api.get(adres_van(regeling)).json()
    with kanaal("commando"):  # someone else changes it in between
        regeling.naam = "Door een ander"
        regeling.save()
    voor = stand()
    data = gelezen if methode == "put" else {"naam": "Mijn wijziging"}
    response = getattr(beheerder_api, methode)(adres_van(regeling), data, format="json", **oud)
    assert response.status_code == 412
    assert response["Content-Type"] == PROBLEM
    assert stand() == voor
    regeling.refresh_from_db()
    assert regeling.naam == "Door een ander"


def test_the_etag_of_another_resource_does_not_match(beheerder_api, regeling):
    ander = RegelingFactory()
    response = beheerder_api.patch(
        adres_van(regeling),
        {"naam": "X"},
        format="json",
        **if_match(beheerder_api, adres_van(ander)),
    )
    assert response.status_code == 412


def test_permissions_and_existence_come_before_the_precondition(api, beheerder_api, regeling):
    assert api.patch(adres_van(regeling), {"naam": "X"}, format="json").status_code == 401
    assert beheerder_api.patch("/api/v1/regelingen/bestaat-niet", {}).status_code == 404


def test_the_openapi_document_requires_if_match_on_every_write(api, db):
    document = api.get("/api/v1/openapi.json").json()
    schrijvend = [
        (pad, methode, operatie)
        for pad, operaties in document["paths"].items()
        for methode, operatie in operaties.items()
        if methode in ("put", "patch", "delete")
    ]
    assert len(schrijvend) > 30
    for pad, methode, operatie in schrijvend:
        header = [p for p in operatie["parameters"] if p["name"] == "If-Match"]
        assert header and header[0]["in"] == "header" and header[0]["required"], (pad, methode)
        assert {"412", "428"} <= set(operatie["responses"]), (pad, methode)
        lezen = document["paths"][pad]["get"]["responses"]["200"]
        assert "ETag" in lezen["headers"], pad


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has no row locks: writes are serialised"
)
def test_of_two_concurrent_patches_with_one_etag_exactly_one_succeeds(admin_user):
    regeling = RegelingFactory(naam="Oorspronkelijk")
    adres = adres_van(regeling)
    lezer = APIClient()
    lezer.force_authenticate(admin_user)
    etag = lezer.get(adres)["ETag"]
    versies = Regeling.history.filter(id=regeling.pk).count()
    start = threading.Barrier(2)
    statussen = {}

    def schrijf(naam):
        client = APIClient()
        client.force_authenticate(admin_user)
        start.wait()
        try:
            response = client.patch(adres, {"naam": naam}, format="json", HTTP_IF_MATCH=etag)
            statussen[naam] = response.status_code
        finally:
            connection.close()

    draden = [threading.Thread(target=schrijf, args=(naam,)) for naam in ("Eerste", "Tweede")]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert sorted(statussen.values()) == [200, 412]
    winnaar = next(naam for naam, status in statussen.items() if status == 200)
    regeling.refresh_from_db()
    assert regeling.naam == winnaar
    assert Regeling.history.filter(id=regeling.pk).count() == versies + 1  # exactly one write


def test_the_admin_refuses_to_save_over_a_newer_version_and_says_who_made_it(
    admin_client, admin_url, regeling_formulier, django_user_model, regeling
):
    data = regeling_formulier(regeling) | {"naam": "Mijn wijziging", "begindatum": "2015-01-01"}
    formulier = admin_client.get(admin_url(Regeling, "change", regeling.pk))
    assert (
        formulier.context["adminform"].form.initial["versie_bij_openen"]
        == (data["versie_bij_openen"])
    )
    collega = django_user_model.objects.create_user("collega", is_staff=True)
    with kanaal("admin", gebruiker=collega):  # a colleague saves while the form is open
        regeling.naam = "Wijziging van de collega"
        regeling.save()
    response = admin_client.post(admin_url(Regeling, "change", regeling.pk), data)
    assert response.status_code == 200
    fouten = " ".join(response.context["adminform"].form.non_field_errors())
    assert "gewijzigd sinds u het opende" in fouten
    assert "collega" in fouten
    regeling.refresh_from_db()
    assert regeling.naam == "Wijziging van de collega"

    data["versie_bij_openen"] = regeling.history.latest("history_id").history_id
    assert admin_client.post(admin_url(Regeling, "change", regeling.pk), data).status_code == 302
    regeling.refresh_from_db()
    assert regeling.naam == "Mijn wijziging"


def test_the_admin_refuses_a_form_without_its_version(
    admin_client, admin_url, regeling_formulier, regeling
):
    data = regeling_formulier(regeling) | {"naam": "Mijn wijziging", "begindatum": "2015-01-01"}
    del data["versie_bij_openen"]
    response = admin_client.post(admin_url(Regeling, "change", regeling.pk), data)
    assert response.status_code == 200
    regeling.refresh_from_db()
    assert regeling.naam == "Oorspronkelijk"

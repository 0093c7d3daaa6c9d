"""What is typed in the admin is read as a Dutch user means it (a decimal comma), a value no form
offers (a tampered choice, id or number) is a form error, never a 500, and a deelname cannot
start before its regeling, in the admin and the API alike."""

import datetime
from decimal import Decimal

import pytest
from django.db.models import F

from agreements.grip.models import Bijdrage
from agreements.models import Deelname
from registry.protocol import laatste_versie
from tests.factories import BijdrageFactory, DeelnameFactory, GemeenteFactory, RegelingFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def bijdrage_formulier(bijdrage, **waarden) -> dict:
    return {
        "regeling": bijdrage.regeling_id,
        "gemeente": bijdrage.gemeente_id,
        "jaar": bijdrage.jaar,
        "begroot": "",
        "gerealiseerd": "",
        "verdeelsleutel": "",
        "basis": bijdrage.basis,
        "toelichting": "",
        "bron": "",
        "versie_bij_openen": laatste_versie(bijdrage),
        **waarden,
    }


@pytest.mark.parametrize(
    "invoer, verwacht",
    [("1250,50", Decimal("1250.50")), ("1250.50", Decimal("1250.50")), ("-3,5", Decimal("-3.5"))],
)
def test_an_amount_with_a_decimal_comma_is_read(admin_client, admin_url, invoer, verwacht):
    bijdrage = BijdrageFactory()
    data = bijdrage_formulier(bijdrage, begroot=invoer, verdeelsleutel="12,5")
    response = admin_client.post(admin_url(Bijdrage, "change", bijdrage.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    bijdrage.refresh_from_db()
    assert bijdrage.begroot == verwacht
    assert bijdrage.verdeelsleutel == Decimal("12.5")


def test_the_form_shows_amounts_with_a_decimal_comma(admin_client, admin_url):
    bijdrage = BijdrageFactory(begroot=Decimal("1250.50"))
    html = admin_client.get(admin_url(Bijdrage, "change", bijdrage.pk)).content.decode()
    assert 'value="1250,50"' in html


def test_a_deelname_share_with_a_decimal_comma_is_read_in_the_regeling_form(
    admin_client, admin_url, regeling_formulier
):
    deelname = DeelnameFactory()
    regeling = deelname.regeling
    data = regeling_formulier(regeling)
    data.update(
        {
            "deelnames-TOTAL_FORMS": "1",
            "deelnames-INITIAL_FORMS": "1",
            "deelnames-0-id": deelname.pk,
            "deelnames-0-regeling": regeling.pk,
            "deelnames-0-gemeente": deelname.gemeente_id,
            "deelnames-0-rol": deelname.rol,
            "deelnames-0-verdeelsleutel": "33,3333",
        }
    )
    response = admin_client.post(admin_url(regeling, "change", regeling.pk), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    deelname.refresh_from_db()
    assert deelname.verdeelsleutel == Decimal("33.3333")


@pytest.mark.parametrize(
    "veld, waarde",
    [
        ("basis", "bestaat-niet"),
        ("gemeente", "999999"),
        ("gemeente", "abc"),
        ("regeling", "\x00"),
        ("jaar", "twintig"),
        ("jaar", "99999999999999999999999"),
        ("begroot", "veel"),
        ("begroot", "1e400"),
        ("begroot", "NaN"),
        ("verdeelsleutel", "Infinity"),
        ("toelichting", "a\x00b"),
    ],
)
def test_a_tampered_value_is_a_form_error(admin_client, admin_url, stand, veld, waarde):
    bijdrage = BijdrageFactory()
    voor = stand()
    data = bijdrage_formulier(bijdrage, **{veld: waarde})
    response = admin_client.post(admin_url(Bijdrage, "change", bijdrage.pk), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert stand() == voor


def test_a_tampered_inline_value_is_a_form_error(admin_client, admin_url, regeling_formulier):
    regeling = RegelingFactory()
    data = regeling_formulier(regeling, deelnames=1)
    data.update({"deelnames-0-gemeente": "424242", "deelnames-0-rol": "baas"})
    response = admin_client.post(admin_url(regeling, "change", regeling.pk), data)
    assert response.status_code == 200
    assert not regeling.deelnames.exists()


def test_a_deelname_cannot_start_before_its_regeling_in_the_api(leest_eerst_api):
    regeling = RegelingFactory(begindatum=D(2020, 1, 1))
    gemeente = GemeenteFactory()
    body = {"regeling": regeling.slug, "gemeente": gemeente.code, "begindatum": "2019-12-31"}
    response = leest_eerst_api.post("/api/v1/deelnames", body, format="json")
    assert response.status_code == 400
    reden = next(p for p in response.json()["invalidParams"] if p["name"] == "begindatum")
    assert "De regeling begint op 01-01-2020" in reden["reason"]
    body["begindatum"] = "2020-01-01"
    assert leest_eerst_api.post("/api/v1/deelnames", body, format="json").status_code == 201


def test_a_deelname_cannot_start_before_its_regeling_in_the_admin(
    admin_client, admin_url, regeling_formulier
):
    regeling = RegelingFactory(begindatum=D(2020, 1, 1))
    gemeente = GemeenteFactory()
    data = regeling_formulier(regeling, deelnames=1)
    data.update(
        {
            "begindatum": "2020-01-01",
            "deelnames-0-gemeente": gemeente.pk,
            "deelnames-0-rol": "deelnemer",
            "deelnames-0-begindatum": "2019-06-01",
        }
    )
    response = admin_client.post(admin_url(regeling, "change", regeling.pk), data)
    assert response.status_code == 200
    assert "een deelname kan niet eerder beginnen" in response.content.decode()
    assert not regeling.deelnames.exists()


def test_a_regeling_cannot_start_after_its_deelnames(leest_eerst_api):
    deelname = DeelnameFactory(
        regeling=RegelingFactory(begindatum=D(2015, 1, 1)), begindatum=D(2016, 1, 1)
    )
    regeling = deelname.regeling
    response = leest_eerst_api.patch(
        f"/api/v1/regelingen/{regeling.slug}", {"begindatum": "2017-01-01"}, format="json"
    )
    assert response.status_code == 400
    assert "01-01-2016" in response.content.decode()
    regeling.refresh_from_db()
    assert regeling.begindatum == D(2015, 1, 1)


def test_the_seeded_and_national_data_keep_the_rule(landelijk):
    assert Deelname.objects.count() > 4000
    eerder = Deelname.objects.filter(begindatum__lt=F("regeling__begindatum"))
    assert list(eerder.values_list("regeling__naam", "begindatum")) == []


def test_every_admin_screen_reads_input_the_same_way():
    from django.contrib import admin

    from registry.admin import BeheerInvoer

    eigen = [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in ("municipalities", "agreements", "grip")
    ]
    inlines = [inline for model_admin in eigen for inline in model_admin.inlines]
    assert eigen and inlines
    assert [a for a in eigen if not isinstance(a, BeheerInvoer)] == []
    assert [i for i in inlines if not issubclass(i, BeheerInvoer)] == []

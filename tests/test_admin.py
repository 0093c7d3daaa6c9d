import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements.constants import Vorm
from agreements.models import Deelname, Regeling, Thema
from municipalities.models import Gemeente, Partner
from tests.factories import (
    DeelnameFactory,
    GemeenteFactory,
    PartnerFactory,
    ProvincieFactory,
    RegelingFactory,
    RegelingVersieFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db

MODELLEN = [Gemeente, Partner, Thema, Regeling, Deelname]


def maak_register(aantal):
    provincie = ProvincieFactory(code="pv28")
    thema = ThemaFactory()
    for _ in range(aantal):
        regeling = RegelingFactory(vorm=Vorm.OPENBAAR_LICHAAM)
        regeling.themas.add(thema)
        RegelingVersieFactory(regeling=regeling)
        opgeheven = GemeenteFactory(provincie=provincie, einddatum=datetime.date(2018, 12, 31))
        opgeheven.opvolger = GemeenteFactory(provincie=provincie)
        opgeheven.save()
        DeelnameFactory(regeling=regeling, gemeente=opgeheven, einddatum=opgeheven.einddatum)
        DeelnameFactory(regeling=regeling, gemeente=None, partner=PartnerFactory())


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


def regeling_formulier(regeling, **nieuwe_rijen) -> dict:
    """The POST data of the regeling change form, with empty inline rows to fill in."""
    data = {
        "naam": regeling.naam,
        "slug": regeling.slug,
        "vorm": regeling.vorm,
        "status": regeling.status,
        "bron": regeling.bron,
    }
    for inline in ("deelnames", "versies", "publicaties", *GRIP_INLINES):
        data[f"{inline}-TOTAL_FORMS"] = str(nieuwe_rijen.get(inline, 0))
        data[f"{inline}-INITIAL_FORMS"] = "0"
    return data


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("model", MODELLEN, ids=lambda m: m.__name__)
def test_every_change_list_renders_without_n_plus_1(admin_client, model):
    maak_register(2)
    weinig = queries(admin_client, admin_url(model, "changelist"))
    maak_register(5)
    assert queries(admin_client, admin_url(model, "changelist")) == weinig


@pytest.mark.parametrize("model", MODELLEN, ids=lambda m: m.__name__)
def test_every_change_form_renders(admin_client, model):
    maak_register(1)
    assert admin_client.get(admin_url(model, "add")).status_code == 200
    obj = model.objects.first()
    response = admin_client.get(admin_url(model, "change", obj.pk))
    assert response.status_code == 200


def test_the_gemeente_form_does_not_grow_per_deelname(admin_client):
    gemeente = GemeenteFactory()
    DeelnameFactory(gemeente=gemeente)
    weinig = queries(admin_client, admin_url(Gemeente, "change", gemeente.pk))
    DeelnameFactory.create_batch(4, gemeente=gemeente)
    assert queries(admin_client, admin_url(Gemeente, "change", gemeente.pk)) == weinig


def test_the_regeling_list_filters_on_peildatum_vorm_and_provincie(admin_client):
    maak_register(1)
    url = admin_url(Regeling, "changelist")
    assert (
        admin_client.get(url, {"peildatum": "2020-01-01", "provincie": "pv28"}).status_code == 200
    )
    response = admin_client.get(url, {"peildatum": "geen-datum"})
    assert response.status_code == 302  # Django admin's answer to an invalid lookup


def test_the_gemeente_shows_its_deelnames(admin_client):
    maak_register(1)
    deelname = Deelname.objects.filter(gemeente__isnull=False).first()
    response = admin_client.get(admin_url(Gemeente, "change", deelname.gemeente.pk))
    assert deelname.regeling.naam in response.content.decode()


def test_the_admin_refuses_overlapping_deelnames_in_one_form(admin_client):
    regeling = RegelingFactory()
    gemeente = GemeenteFactory()
    url = admin_url(Regeling, "change", regeling.pk)
    data = regeling_formulier(regeling, deelnames=2)
    for i, begin in enumerate(["2015-01-01", "2018-01-01"]):
        data |= {
            f"deelnames-{i}-gemeente": gemeente.pk,
            f"deelnames-{i}-rol": "deelnemer",
            f"deelnames-{i}-begindatum": begin,
        }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "overlappen in tijd" in response.content.decode()
    assert not Deelname.objects.exists()


def test_the_admin_refuses_overlapping_versions_in_one_form(admin_client):
    regeling = RegelingFactory()
    data = regeling_formulier(regeling, versies=2)
    for i, begin in enumerate(["2015-01-01", "2018-01-01"]):
        data |= {f"versies-{i}-titel": "Versie", f"versies-{i}-begindatum": begin}
    response = admin_client.post(admin_url(Regeling, "change", regeling.pk), data)
    assert response.status_code == 200
    assert "Twee versies van de regeling overlappen in tijd." in response.content.decode()
    assert not regeling.versies.exists()

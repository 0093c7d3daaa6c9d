"""The beheerschermen of grip op samenwerking: every list without N+1, every form renders, the
regeling form carries the grip inlines and explains refusals in Dutch."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements.constants import Vorm
from agreements.grip.constants import Functie, Toetsantwoord, Toetsvraag
from agreements.grip.models import (
    Bijdrage,
    Evaluatie,
    Jaarcijfers,
    Jaarstuk,
    Procedurestap,
    Raadsafspraak,
    Rapporteur,
    Toetsing,
    Vertegenwoordiger,
    Zienswijze,
)
from tests.factories import (
    BijdrageFactory,
    DeelnameFactory,
    EvaluatieFactory,
    JaarcijfersFactory,
    JaarstukFactory,
    ProcedurestapFactory,
    RapporteurFactory,
    RegelingFactory,
    VertegenwoordigerFactory,
)
from tests.test_admin import regeling_formulier

pytestmark = pytest.mark.django_db

MODELLEN = [
    Procedurestap,
    Jaarstuk,
    Vertegenwoordiger,
    Rapporteur,
    Bijdrage,
    Jaarcijfers,
    Evaluatie,
    Raadsafspraak,
]


def maak(aantal):
    for _ in range(aantal):
        deelname = DeelnameFactory()
        regeling, gemeente = deelname.regeling, deelname.gemeente
        ProcedurestapFactory(regeling=regeling, gemeente=gemeente, datum=datetime.date(2026, 3, 2))
        stuk = JaarstukFactory(regeling=regeling)
        Zienswijze.objects.create(jaarstuk=stuk, gemeente=gemeente)
        v = VertegenwoordigerFactory(regeling=regeling, gemeente=gemeente, functie=Functie.RAADSLID)
        RapporteurFactory(regeling=regeling, gemeente=gemeente, naam=v.naam)
        BijdrageFactory(regeling=regeling, gemeente=gemeente)
        JaarcijfersFactory(regeling=regeling)
        evaluatie = EvaluatieFactory(regeling=regeling, gemeente=gemeente)
        Toetsing.objects.create(
            evaluatie=evaluatie, vraag=Toetsvraag.JURIDISCH_2, antwoord=Toetsantwoord.VOLDOET
        )
        Raadsafspraak.objects.create(gemeente=gemeente, evaluatie_interval_jaren=4)


def url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def queries(client, adres):
    with CaptureQueriesContext(connection) as context:
        response = client.get(adres)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("model", MODELLEN, ids=lambda m: m.__name__)
def test_every_grip_change_list_renders_without_n_plus_1(admin_client, model):
    maak(2)
    weinig = queries(admin_client, url(model, "changelist"))
    maak(5)
    assert queries(admin_client, url(model, "changelist")) == weinig


@pytest.mark.parametrize("model", MODELLEN, ids=lambda m: m.__name__)
def test_every_grip_form_renders(admin_client, model):
    maak(1)
    assert admin_client.get(url(model, "add")).status_code == 200
    assert admin_client.get(url(model, "change", model.objects.first().pk)).status_code == 200


def test_the_vertegenwoordiger_list_shows_the_dubbele_pet(admin_client):
    maak(1)
    html = admin_client.get(url(Vertegenwoordiger, "changelist")).content.decode()
    assert "Rapporteur van de raad en lid van het algemeen bestuur" in html


def test_the_regeling_form_refuses_zienswijze_with_toestemming_for_an_openbaar_lichaam(
    admin_client,
):
    deelname = DeelnameFactory(regeling=RegelingFactory(vorm=Vorm.OPENBAAR_LICHAAM))
    regeling = deelname.regeling
    data = regeling_formulier(regeling, deelnames=0, procedurestappen=1)
    data |= {
        "procedurestappen-0-gemeente": deelname.gemeente.pk,
        "procedurestappen-0-onderwerp": "treffen",
        "procedurestappen-0-soort": "zienswijze_gevraagd",
        "procedurestappen-0-status": "afgerond",
        "procedurestappen-0-tegelijk_met_toestemming": "on",
    }
    response = admin_client.post(url(type(regeling), "change", regeling.pk), data)
    assert response.status_code == 200
    assert "Alleen bij een lichte regeling" in response.content.decode()
    assert not Procedurestap.objects.exists()
    del data["procedurestappen-0-tegelijk_met_toestemming"]
    response = admin_client.post(url(type(regeling), "change", regeling.pk), data)
    assert response.status_code == 302
    assert Procedurestap.objects.get().regeling == regeling

"""The beheerschermen of grip op samenwerking: every list without N+1, every form renders, the
regeling form carries the grip inlines and explains refusals in Dutch."""

import datetime

import pytest

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


@pytest.mark.parametrize("model", MODELLEN, ids=lambda m: m.__name__)
def test_every_grip_change_list_renders_without_n_plus_1(admin_client, admin_url, queries, model):
    maak(2)
    weinig = queries(admin_client, admin_url(model, "changelist"))
    maak(5)
    assert queries(admin_client, admin_url(model, "changelist")) == weinig
    response = admin_client.get(admin_url(model, "changelist"))
    assert response.context["cl"].result_count == model.objects.count() == 7


@pytest.mark.parametrize("model", MODELLEN, ids=lambda m: m.__name__)
def test_every_grip_form_renders(admin_client, admin_url, model):
    maak(1)
    assert admin_client.get(admin_url(model, "add")).status_code == 200
    obj = model.objects.first()
    response = admin_client.get(admin_url(model, "change", obj.pk))
    assert response.status_code == 200
    assert response.context["original"] == obj


def test_the_vertegenwoordiger_list_shows_the_dubbele_pet(admin_client, admin_url):
    maak(1)
    html = admin_client.get(admin_url(Vertegenwoordiger, "changelist")).content.decode()
    assert "Rapporteur van de raad en lid van het algemeen bestuur" in html


def test_a_vertegenwoordiger_no_longer_in_office_has_no_dubbele_pet_today(admin_client, admin_url):
    maak(1)
    Vertegenwoordiger.objects.update(einddatum=datetime.date(2023, 12, 31))
    response = admin_client.get(admin_url(Vertegenwoordiger, "changelist"))
    [vertegenwoordiger] = response.context["cl"].result_list
    assert vertegenwoordiger.is_rapporteur  # the same person is still rapporteur
    assert response.context["cl"].model_admin.dubbele_pet(vertegenwoordiger) == ""
    assert "Rapporteur van de raad en lid van het algemeen bestuur" not in (
        response.content.decode()
    )


def test_the_regeling_form_refuses_zienswijze_with_toestemming_for_an_openbaar_lichaam(
    admin_client, admin_url, regeling_formulier
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
    response = admin_client.post(admin_url(type(regeling), "change", regeling.pk), data)
    assert response.status_code == 200
    assert "Alleen bij een lichte regeling" in response.content.decode()
    assert not Procedurestap.objects.exists()
    del data["procedurestappen-0-tegelijk_met_toestemming"]
    response = admin_client.post(admin_url(type(regeling), "change", regeling.pk), data)
    assert response.status_code == 302
    assert Procedurestap.objects.get().regeling == regeling

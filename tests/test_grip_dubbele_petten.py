"""Dubbele petten (seed 002): a collegelid in the bestuur of a samenwerking, or a raadslid who
sits in it while being the raad's rapporteur for that same samenwerking — both on one date."""

import datetime

import pytest

from agreements.grip import selectors
from agreements.grip.constants import Bestuursorgaan, Functie
from tests.factories import DeelnameFactory, RapporteurFactory, VertegenwoordigerFactory

pytestmark = pytest.mark.django_db

D = datetime.date
PEILDATUM = D(2026, 3, 1)


def zetel(**velden):
    deelname = DeelnameFactory()
    return VertegenwoordigerFactory(
        regeling=deelname.regeling, gemeente=deelname.gemeente, **velden
    )


def petten(gemeente, peildatum=PEILDATUM):
    return {
        v.naam: v.dubbele_pet
        for v in selectors.dashboard(gemeente=gemeente, peildatum=peildatum)["dubbele_petten"]
    }


@pytest.mark.parametrize(
    ("functie", "orgaan"),
    [
        (Functie.WETHOUDER, Bestuursorgaan.ALGEMEEN_BESTUUR),
        (Functie.WETHOUDER, Bestuursorgaan.DAGELIJKS_BESTUUR),
        (Functie.BURGEMEESTER, Bestuursorgaan.BESTUURSCOMMISSIE),
        (Functie.BURGEMEESTER, Bestuursorgaan.BESTUUR),
    ],
)
def test_a_collegelid_in_the_bestuur_wears_a_dubbele_pet(functie, orgaan):
    v = zetel(naam="A. Bakker", functie=functie, orgaan=orgaan)
    assert petten(v.gemeente) == {
        "A. Bakker": f"{functie.label} en lid van het {orgaan.label.lower()}"
    }


def test_a_raadslid_in_the_algemeen_bestuur_alone_does_not():
    v = zetel(naam="B. de Vries", functie=Functie.RAADSLID)
    assert petten(v.gemeente) == {}
    assert selectors.dubbele_pet(v, set()) == ""


def test_a_raadslid_who_is_also_the_rapporteur_of_that_gr_does():
    v = zetel(naam="B. de Vries", functie=Functie.RAADSLID)
    RapporteurFactory(regeling=v.regeling, gemeente=v.gemeente, naam="  b. de  vries ")
    assert petten(v.gemeente) == {
        "B. de Vries": "Rapporteur van de raad en lid van het algemeen bestuur"
    }


def test_being_rapporteur_for_another_gr_is_no_dubbele_pet():
    v = zetel(naam="B. de Vries", functie=Functie.RAADSLID)
    andere = DeelnameFactory(gemeente=v.gemeente)
    RapporteurFactory(regeling=andere.regeling, gemeente=v.gemeente, naam="B. de Vries")
    assert petten(v.gemeente) == {}


def test_seat_and_rapporteurship_must_overlap_the_peildatum():
    v = zetel(naam="C. Jansen", functie=Functie.RAADSLID, einddatum=D(2025, 12, 31))
    RapporteurFactory(regeling=v.regeling, gemeente=v.gemeente, naam="C. Jansen")
    assert petten(v.gemeente) == {}
    assert petten(v.gemeente, D(2025, 6, 1)) == {
        "C. Jansen": "Rapporteur van de raad en lid van het algemeen bestuur"
    }
    wethouder = zetel(naam="D. Smit", begindatum=D(2026, 4, 1))
    assert petten(wethouder.gemeente) == {}
    assert "D. Smit" in petten(wethouder.gemeente, D(2026, 4, 1))


def test_the_regeling_page_and_the_api_flag_the_dubbele_pet(client, api):
    v = zetel(naam="E. Visser", functie=Functie.WETHOUDER)
    html = client.get(f"/regelingen/{v.regeling.slug}").content.decode()
    assert "E. Visser" in html and "Dubbele pet" in html
    rij = api.get("/api/v1/vertegenwoordigers", {"gemeente": v.gemeente.code}).json()[0]
    assert rij["dubbelePet"] == "Wethouder en lid van het algemeen bestuur"
    raadslid = zetel(naam="F. Mulder", functie=Functie.RAADSLID)
    rij = api.get("/api/v1/vertegenwoordigers", {"gemeente": raadslid.gemeente.code}).json()[0]
    assert rij["dubbelePet"] == ""

"""The grip resources of the API: public reading, writing for staff, Dutch 400s instead of
500s, strict parameters, and lists that do not grow their queries."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.constants import Vorm
from agreements.grip.constants import Toetsantwoord, Toetsvraag
from agreements.grip.models import Bijdrage, Procedurestap, Toetsing, Zienswijze
from tests.factories import (
    BeeindigingFactory,
    BijdrageFactory,
    DeelnameFactory,
    EvaluatieFactory,
    JaarcijfersFactory,
    JaarstukFactory,
    ProcedurestapFactory,
    RaadsafspraakFactory,
    RapporteurFactory,
    RegelingFactory,
    ToetsingFactory,
    VertegenwoordigerFactory,
    ZienswijzeFactory,
)

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
D = datetime.date


def redenen(response) -> str:
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == PROBLEM
    return " ".join(p["reason"] for p in response.json()["invalidParams"])


def test_reading_is_public_and_writing_needs_staff(api):
    deelname = DeelnameFactory()
    body = {
        "regeling": deelname.regeling.slug,
        "gemeente": deelname.gemeente.code,
        "soort": "zienswijze_gevraagd",
        "datum": "2026-03-02",
    }
    assert api.get("/api/v1/procedurestappen").status_code == 200
    response = api.post("/api/v1/procedurestappen", body, format="json")
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM
    assert not Procedurestap.objects.exists()


def een_van_elk() -> dict:
    """One row of every grip resource, by the last part of its address."""
    deelname = DeelnameFactory()
    regeling, gemeente = deelname.regeling, deelname.gemeente
    stuk = JaarstukFactory(regeling=regeling)
    evaluatie = EvaluatieFactory(regeling=regeling, gemeente=gemeente)
    return {
        "procedurestappen": ProcedurestapFactory(regeling=regeling, gemeente=gemeente).uuid,
        "jaarstukken": stuk.uuid,
        "zienswijzen": ZienswijzeFactory(jaarstuk=stuk, gemeente=gemeente).uuid,
        "vertegenwoordigers": VertegenwoordigerFactory(regeling=regeling, gemeente=gemeente).uuid,
        "rapporteurs": RapporteurFactory(regeling=regeling, gemeente=gemeente).uuid,
        "bijdragen": BijdrageFactory(regeling=regeling, gemeente=gemeente).uuid,
        "jaarcijfers": JaarcijfersFactory(regeling=regeling).uuid,
        "evaluaties": evaluatie.uuid,
        "toetsingen": ToetsingFactory(evaluatie=evaluatie).uuid,
        "beeindigingen": BeeindigingFactory(regeling=regeling).regeling.slug,
        "raadsafspraken": RaadsafspraakFactory(gemeente=gemeente).gemeente.code,
    }


@pytest.mark.parametrize(("gebruiker", "status"), [(None, 401), ("raadslid", 403)])
def test_only_staff_writes_any_grip_resource_and_a_refusal_changes_nothing(
    api, django_user_model, stand, gebruiker, status, onze_modellen
):
    rijen = een_van_elk()
    grip = [m for m in onze_modellen if m._meta.app_label == "grip"]
    assert len(rijen) == len(grip)  # one per model
    voor = stand()
    if gebruiker:
        api.force_authenticate(django_user_model.objects.create_user(gebruiker))
    for lijst, sleutel in rijen.items():
        adres = f"/api/v1/{lijst}/{sleutel}"
        gelezen = api.get(adres)
        assert gelezen.status_code == 200
        for response in [
            api.post(f"/api/v1/{lijst}", gelezen.json(), format="json"),
            api.put(adres, gelezen.json(), format="json"),
            api.patch(adres, {"bron": "Gewijzigd"}, format="json"),
            api.delete(adres),
        ]:
            assert response.status_code == status, (lijst, response.request["REQUEST_METHOD"])
            assert response["Content-Type"] == PROBLEM
    assert stand() == voor


def test_staff_records_a_zienswijze_step_and_gets_its_deadline(beheerder_api):
    deelname = DeelnameFactory()
    body = {
        "regeling": deelname.regeling.slug,
        "gemeente": deelname.gemeente.code,
        "soort": "zienswijze_gevraagd",
        "status": "afgerond",
        "datum": "2026-03-02",
        "raadsvoorstel": "123-2026",
        "portefeuillehouder": "Jansen",
    }
    response = beheerder_api.post("/api/v1/procedurestappen", body, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    # 8 weeks end on Koningsdag 2026, so on the next working day (Algemene termijnenwet).
    assert data["uitersteDatum"] == "2026-04-28" and data["termijn"] == 8
    assert data["url"].endswith(data["identificatie"])
    assert beheerder_api.get(data["url"]).json()["raadsvoorstel"] == "123-2026"


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"soort": "toestemming_raad", "termijnWeken": 6}, "hoort alleen bij de stap"),
        ({"tegelijkMetToestemming": True}, "lichte regeling"),
        ({"termijnWeken": 0}, ""),
        ({"gemeente": "GM9990"}, ""),
        ({"soort": "bestaat-niet"}, ""),
    ],
)
def test_bad_procedure_steps_are_a_400_not_a_500(beheerder_api, wijziging, melding):
    deelname = DeelnameFactory(regeling=RegelingFactory(vorm=Vorm.OPENBAAR_LICHAAM))
    body = {
        "regeling": deelname.regeling.slug,
        "gemeente": deelname.gemeente.code,
        "soort": "zienswijze_gevraagd",
        **wijziging,
    }
    assert melding in redenen(beheerder_api.post("/api/v1/procedurestappen", body, format="json"))
    assert not Procedurestap.objects.exists()


def test_a_step_for_a_gemeente_that_does_not_take_part_is_a_400(beheerder_api):
    regeling = RegelingFactory()
    andere = DeelnameFactory().gemeente
    body = {"regeling": regeling.slug, "gemeente": andere.code, "soort": "ondertekening"}
    reden = redenen(beheerder_api.post("/api/v1/procedurestappen", body, format="json"))
    assert "neemt niet deel aan" in reden
    assert not Procedurestap.objects.exists()


def test_a_second_bijdrage_for_the_same_year_is_a_dutch_400(beheerder_api):
    bijdrage = BijdrageFactory()  # of a gemeente that takes part
    body = {
        "regeling": bijdrage.regeling.slug,
        "gemeente": bijdrage.gemeente.code,
        "jaar": bijdrage.jaar,
        "begroot": "10.00",
    }
    reden = redenen(beheerder_api.post("/api/v1/bijdragen", body, format="json"))
    assert "al een bijdrage" in reden
    assert Bijdrage.objects.count() == 1


def test_om_niet_with_an_amount_is_refused(beheerder_api):
    deelname = DeelnameFactory()
    body = {
        "regeling": deelname.regeling.slug,
        "gemeente": deelname.gemeente.code,
        "jaar": 2025,
        "begroot": "10.00",
        "basis": "om_niet",
    }
    assert "om niet" in redenen(beheerder_api.post("/api/v1/bijdragen", body, format="json"))
    assert not Bijdrage.objects.exists()


def test_a_zienswijze_needs_a_real_jaarstuk_identification(beheerder_api):
    deelname = DeelnameFactory()
    body = {"jaarstuk": "geen-uuid", "gemeente": deelname.gemeente.code}
    redenen(beheerder_api.post("/api/v1/zienswijzen", body, format="json"))
    body["jaarstuk"] = str(uuid.uuid4())
    redenen(beheerder_api.post("/api/v1/zienswijzen", body, format="json"))
    assert not Zienswijze.objects.exists()
    stuk = JaarstukFactory(regeling=deelname.regeling)
    body["jaarstuk"] = str(stuk.uuid)
    response = beheerder_api.post("/api/v1/zienswijzen", body, format="json")
    assert response.status_code == 201, response.content
    assert Zienswijze.objects.get().jaarstuk == stuk
    reden = redenen(beheerder_api.post("/api/v1/zienswijzen", body, format="json"))
    assert "al een zienswijze" in reden
    assert Zienswijze.objects.count() == 1


def test_toetsingen_answer_the_toetsingskader_once_per_question(beheerder_api, api):
    evaluatie = EvaluatieFactory()
    body = {"evaluatie": str(evaluatie.uuid), "vraag": "bedrijfseconomisch_7", "antwoord": "deels"}
    response = beheerder_api.post("/api/v1/toetsingen", body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["onderdeel"] == "bedrijfseconomisch"
    assert "al beantwoord" in redenen(beheerder_api.post("/api/v1/toetsingen", body, format="json"))
    assert Toetsing.objects.count() == 1
    toetsing = api.get(f"/api/v1/evaluaties/{evaluatie.uuid}").json()["toetsingen"][0]
    assert toetsing["vraagTekst"] == "Ontvlechtingskosten later"


def test_beeindiging_and_raadsafspraak_by_their_natural_keys(beheerder_api, api):
    regeling = RegelingFactory()
    body = {
        "regeling": regeling.slug,
        "opzegtermijnMaanden": 24,
        "ontvlechtingskosten": "Uittreder betaalt.",
    }
    assert beheerder_api.post("/api/v1/beeindigingen", body, format="json").status_code == 201
    assert api.get(f"/api/v1/beeindigingen/{regeling.slug}").json()["opzegtermijnMaanden"] == 24
    gemeente = DeelnameFactory().gemeente
    body = {"gemeente": gemeente.code, "evaluatieIntervalJaren": 0}
    assert redenen(beheerder_api.post("/api/v1/raadsafspraken", body, format="json"))
    body["evaluatieIntervalJaren"] = 4
    assert beheerder_api.post("/api/v1/raadsafspraken", body, format="json").status_code == 201
    assert api.get(f"/api/v1/raadsafspraken/{gemeente.code}").json()["evaluatieIntervalJaren"] == 4


@pytest.mark.parametrize(
    ("url", "parameters"),
    [
        ("/api/v1/procedurestappen", {"onbekend": "1"}),
        ("/api/v1/procedurestappen", {"gemeente": "Groningen"}),
        ("/api/v1/jaarstukken", {"jaar": "vorig"}),
        ("/api/v1/vertegenwoordigers", {"peildatum": "2026-13-01"}),
        ("/api/v1/toetsingen", {"evaluatie": "x"}),
        ("/api/v1/bijdragen", {"format": "pdf"}),
    ],
)
def test_unknown_or_invalid_parameters_are_a_400(api, url, parameters):
    redenen(api.get(url, parameters))


def test_an_unknown_identification_is_a_404_problem(api):
    response = api.get(f"/api/v1/procedurestappen/{uuid.uuid4()}")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert api.get("/api/v1/procedurestappen/niet-een-uuid").status_code == 404


def test_vertegenwoordigers_answer_on_a_peildatum(api):
    v = VertegenwoordigerFactory(begindatum=D(2022, 6, 1), einddatum=D(2026, 5, 31))
    assert len(api.get("/api/v1/vertegenwoordigers", {"peildatum": "2026-05-31"}).json()) == 1
    assert api.get("/api/v1/vertegenwoordigers", {"peildatum": "2026-06-01"}).json() == []
    assert (
        api.get(
            "/api/v1/vertegenwoordigers", {"peildatum": "2026-01-01", "regeling": v.regeling.slug}
        ).json()[0]["naam"]
        == v.naam
    )


def test_a_list_exports_to_csv(api):
    BijdrageFactory(jaar=2025)
    response = api.get("/api/v1/bijdragen", {"format": "csv"})
    assert response.status_code == 200
    inhoud = b"".join(response.streaming_content).decode("utf-8-sig")
    assert inhoud.splitlines()[0].startswith("Identificatie;Regeling;Gemeente;Jaar")


def maak(aantal):
    for _ in range(aantal):
        deelname = DeelnameFactory()
        regeling, gemeente = deelname.regeling, deelname.gemeente
        ProcedurestapFactory(regeling=regeling, gemeente=gemeente)
        stuk = JaarstukFactory(regeling=regeling)
        Zienswijze.objects.create(jaarstuk=stuk, gemeente=gemeente)
        VertegenwoordigerFactory(regeling=regeling, gemeente=gemeente)
        RapporteurFactory(regeling=regeling, gemeente=gemeente)
        BijdrageFactory(regeling=regeling, gemeente=gemeente)
        JaarcijfersFactory(regeling=regeling)
        evaluatie = EvaluatieFactory(regeling=regeling, gemeente=gemeente)
        Toetsing.objects.create(
            evaluatie=evaluatie, vraag=Toetsvraag.STRATEGISCH_2, antwoord=Toetsantwoord.VOLDOET
        )


# Per list: the count query and the page (and its prefetches or the rapporteurs of the
# dubbele petten), plus the test's savepoint pair.
# Each with the version of the register (the ETag of the answer, registry/http.py).
LIJSTEN = {
    "procedurestappen": 5,
    "jaarstukken": 6,
    "zienswijzen": 5,
    "vertegenwoordigers": 6,
    "rapporteurs": 5,
    "bijdragen": 5,
    "jaarcijfers": 5,
    "evaluaties": 6,
    "toetsingen": 5,
}


@pytest.mark.parametrize(("lijst", "aantal"), LIJSTEN.items())
def test_grip_lists_do_not_grow_their_queries(api, lijst, aantal):
    url = f"/api/v1/{lijst}"
    parameters = (
        {"peildatum": "2026-01-01"} if lijst in ("vertegenwoordigers", "rapporteurs") else {}
    )

    def tel():
        with CaptureQueriesContext(connection) as context:
            response = api.get(url, parameters)
            assert response.status_code == 200
            assert response.json()
        return len(context)

    maak(2)
    weinig = tel()
    maak(5)
    assert tel() == weinig == aantal


@pytest.mark.parametrize(("peildatum", "aantal"), [("0001-01-01", 0), ("9999-12-31", 1)])
def test_extreme_peildatums_answer(api, peildatum, aantal):
    gemeente = DeelnameFactory(regeling=RegelingFactory(vorm=Vorm.OPENBAAR_LICHAAM)).gemeente
    response = api.get(f"/api/v1/gemeenten/{gemeente.code}/dashboard", {"peildatum": peildatum})
    assert response.status_code == 200
    data = response.json()
    assert (data["gemeente"]["code"], data["peildatum"]) == (gemeente.code, peildatum)
    assert data["aantalRegelingen"] == aantal  # the regeling runs from 2015 without end


def test_a_year_outside_the_calendar_of_the_register_is_a_400(api):
    redenen(api.get("/api/v1/bijdragen", {"jaar": "99999999999999999999"}))

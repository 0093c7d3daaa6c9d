"""The dashboard of a gemeente for its griffie: deadlines of the coming half year, evaluations
due, bijdragen, regelingen without rapporteur and dubbele petten, on a peildatum."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.constants import Vorm
from agreements.grip import selectors
from agreements.grip.constants import Jaarstuksoort, Stapsoort, Stapstatus
from agreements.grip.models import Raadsafspraak, Zienswijze
from tests.factories import (
    BijdrageFactory,
    DeelnameFactory,
    EvaluatieFactory,
    GemeenteFactory,
    JaarstukFactory,
    ProcedurestapFactory,
    RapporteurFactory,
    RegelingFactory,
    ThemaFactory,
    VertegenwoordigerFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def termijnen(dashboard):
    return [(t["datum"], t["regeling"].slug, t["soort"]) for t in dashboard["termijnen"]]


# --- The seeded gemeente: Voorschoten (seed 002 gives the interval; ROO the toetredingen) ---


def test_voorschoten_sees_the_legal_dates_of_its_grs_in_the_coming_half_year(voorbeelddata):
    from municipalities.models import Gemeente

    voorschoten = Gemeente.objects.get(code="GM0626")
    dashboard = selectors.dashboard(gemeente=voorschoten, peildatum=D(2026, 3, 1))
    assert dashboard["tot"] == D(2026, 9, 1)
    gevonden = termijnen(dashboard)
    for slug in ("belastingsamenwerking-gouwe-rijnland", "holland-rijnland"):
        assert (D(2026, 4, 14), slug, "kaderbrief") in gevonden  # vóór 15 april (art. 34b)
        assert (D(2026, 4, 14), slug, "voorlopige_jaarrekening") in gevonden
        assert (D(2026, 7, 14), slug, "jaarrekening") in gevonden
        assert (D(2026, 7, 31), slug, "ontwerpbegroting") in gevonden
    # Duivenvoorde ended in 2022; Hart van Holland and Economie 071 have no known vorm.
    assert {slug for _, slug, _ in gevonden} == {
        "belastingsamenwerking-gouwe-rijnland",
        "holland-rijnland",
    }
    # "Upcoming" depends on the peildatum: on 14 April the kaderbrief is still due, on 15 April
    # it is late.
    op_tijd = termijnen(selectors.dashboard(gemeente=voorschoten, peildatum=D(2026, 4, 14)))
    assert [t for t in op_tijd if t[2] == "kaderbrief"]
    later = termijnen(selectors.dashboard(gemeente=voorschoten, peildatum=D(2026, 4, 15)))
    assert not [t for t in later if t[2] == "kaderbrief"]


def test_voorschoten_evaluations_are_overdue_four_years_after_toetreding(voorbeelddata):
    from municipalities.models import Gemeente

    voorschoten = Gemeente.objects.get(code="GM0626")
    dashboard = selectors.dashboard(gemeente=voorschoten, peildatum=D(2026, 3, 1))
    assert dashboard["evaluatie_interval"] == 4
    te_laat = {e["regeling"].slug: e["volgende"] for e in dashboard["evaluaties_te_laat"]}
    assert te_laat == {
        "belastingsamenwerking-gouwe-rijnland": D(2015, 1, 1),
        "holland-rijnland": D(2014, 4, 1),
    }
    # Hart van Holland and Economie 071: no date of toetreding, so unknown, not overdue.
    onbekend = {e["regeling"].slug for e in dashboard["evaluaties"] if e["volgende"] is None}
    assert onbekend == {"hart-van-holland", "economie-071"}


def test_the_dashboard_page_of_voorschoten(client, voorbeelddata):
    response = client.get("/gemeenten/GM0626/dashboard", {"peildatum": "2026-03-01"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Grip op samenwerking: Voorschoten" in html
    assert "14 april 2026" in html and "Kaderbrief 2027" in html
    assert "vóór 15 april van het jaar vóór het begrotingsjaar, dus uiterlijk 14 april" in html
    assert "2 evaluaties te laat" in html
    assert "Regelingen zonder rapporteur" in html
    assert "data-afdrukken" in html and "afdrukken.js" in html
    assert 'href="/regelingen/holland-rijnland"' in html  # the page, not the API
    assert 'href="/api/v1/regelingen' not in html
    gemeente = client.get("/gemeenten/GM0626").content.decode()
    assert "/gemeenten/GM0626/dashboard" in gemeente
    assert "/gemeenten/GM0626/verbonden-partijen" in gemeente


def test_the_dashboard_api_of_voorschoten(api, voorbeelddata):
    response = api.get("/api/v1/gemeenten/GM0626/dashboard", {"peildatum": "2026-03-01"})
    assert response.status_code == 200
    data = response.json()
    assert data["termijnenTot"] == "2026-09-01"
    assert data["termijnen"][0] == {
        "datum": "2026-04-14",
        "soort": "kaderbrief",
        "regeling": {
            "identificatie": "belastingsamenwerking-gouwe-rijnland",
            "naam": "Gemeenschappelijke Regeling Belastingsamenwerking Gouwe-Rijnland",
        },
        "omschrijving": "Kaderbrief 2027 — bij de raden vóór 15 april van het jaar vóór het "
        "begrotingsjaar, dus uiterlijk 14 april (Wgr art. 34b)",
        "status": "verwacht",
    }
    assert [e["teLaat"] for e in data["evaluaties"]].count(True) == 2


@pytest.mark.parametrize(
    "parameters", [{"peildatum": "gisteren"}, {"jaar": "2025"}, {"format": "csv"}]
)
def test_bad_dashboard_parameters_are_a_400(api, parameters):
    gemeente = GemeenteFactory()
    response = api.get(f"/api/v1/gemeenten/{gemeente.code}/dashboard", parameters)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


# --- With factories ---------------------------------------------------------------------


def test_an_open_zienswijze_is_listed_with_its_deadline_until_it_is_given():
    deelname = DeelnameFactory()
    stap = ProcedurestapFactory(
        regeling=deelname.regeling, gemeente=deelname.gemeente, datum=D(2026, 3, 2)
    )
    dashboard = selectors.dashboard(gemeente=deelname.gemeente, peildatum=D(2026, 3, 10))
    # Eight weeks end on Koningsdag (27 April 2026): the term runs to the next working day.
    assert (D(2026, 4, 28), deelname.regeling.slug, "zienswijze") in termijnen(dashboard)
    # After the deadline it is no longer upcoming.
    na = selectors.dashboard(gemeente=deelname.gemeente, peildatum=D(2026, 4, 29))
    assert not [t for t in termijnen(na) if t[2] == "zienswijze"]
    ProcedurestapFactory(
        regeling=stap.regeling,
        gemeente=stap.gemeente,
        soort=Stapsoort.ZIENSWIJZE_GEGEVEN,
        status=Stapstatus.AFGEROND,
    )
    dashboard = selectors.dashboard(gemeente=deelname.gemeente, peildatum=D(2026, 3, 10))
    assert not [t for t in termijnen(dashboard) if t[2] == "zienswijze"]


def test_a_zienswijze_on_an_ontwerpbegroting_is_listed_until_the_raad_gave_it():
    deelname = DeelnameFactory(regeling=RegelingFactory(vorm=Vorm.GEMEENSCHAPPELIJK_ORGAAN))
    stuk = JaarstukFactory(
        regeling=deelname.regeling,
        soort=Jaarstuksoort.ONTWERPBEGROTING,
        jaar=2027,
        ontvangen=D(2026, 4, 10),
    )
    dashboard = selectors.dashboard(gemeente=deelname.gemeente, peildatum=D(2026, 4, 20))
    assert termijnen(dashboard) == [(D(2026, 7, 3), deelname.regeling.slug, "zienswijze")]
    Zienswijze.objects.create(jaarstuk=stuk, gemeente=deelname.gemeente, datum=D(2026, 6, 20))
    assert (
        termijnen(selectors.dashboard(gemeente=deelname.gemeente, peildatum=D(2026, 4, 20))) == []
    )


def test_a_jaarstuk_that_arrived_says_so():
    deelname = DeelnameFactory(regeling=RegelingFactory(vorm=Vorm.OPENBAAR_LICHAAM))
    JaarstukFactory(
        regeling=deelname.regeling,
        soort=Jaarstuksoort.KADERBRIEF,
        jaar=2027,
        ontvangen=D(2026, 3, 20),
    )
    dashboard = selectors.dashboard(gemeente=deelname.gemeente, peildatum=D(2026, 4, 1))
    kaderbrief = next(t for t in dashboard["termijnen"] if t["soort"] == "kaderbrief")
    assert kaderbrief["status"] == "ontvangen op 20-03-2026"


def test_an_evaluation_resets_the_due_date_and_without_interval_nothing_is_due():
    deelname = DeelnameFactory(begindatum=D(2015, 1, 1))
    gemeente = deelname.gemeente
    stand = selectors.dashboard(gemeente=gemeente, peildatum=D(2026, 3, 1))["evaluaties"][0]
    assert stand["volgende"] is None and not stand["te_laat"]
    Raadsafspraak.objects.create(gemeente=gemeente, evaluatie_interval_jaren=4)
    stand = selectors.dashboard(gemeente=gemeente, peildatum=D(2026, 3, 1))["evaluaties"][0]
    assert stand["volgende"] == D(2019, 1, 1) and stand["te_laat"]
    # A joint evaluation by all deelnemers counts; one of another raad does not.
    EvaluatieFactory(
        regeling=deelname.regeling,
        gemeente=DeelnameFactory(regeling=deelname.regeling).gemeente,
        datum=D(2025, 1, 1),
    )
    assert selectors.dashboard(gemeente=gemeente, peildatum=D(2026, 3, 1))["evaluaties"][0][
        "te_laat"
    ]
    EvaluatieFactory(regeling=deelname.regeling, gemeente=None, datum=D(2024, 6, 1))
    stand = selectors.dashboard(gemeente=gemeente, peildatum=D(2026, 3, 1))["evaluaties"][0]
    assert stand["volgende"] == D(2028, 6, 1) and not stand["te_laat"]
    # An evaluation after the peildatum is not known on the peildatum.
    assert selectors.dashboard(gemeente=gemeente, peildatum=D(2024, 1, 1))["evaluaties"][0][
        "te_laat"
    ]


def test_bijdragen_per_year_and_per_thema_and_regelingen_without_rapporteur():
    gemeente = GemeenteFactory()
    afval, jeugd = ThemaFactory(naam="Afval"), ThemaFactory(naam="Jeugd")
    eerste = DeelnameFactory(gemeente=gemeente).regeling
    eerste.themas.add(afval)
    tweede = DeelnameFactory(gemeente=gemeente).regeling
    tweede.themas.add(afval, jeugd)
    BijdrageFactory(
        regeling=eerste, gemeente=gemeente, jaar=2026, begroot=Decimal("100"), gerealiseerd=None
    )
    BijdrageFactory(
        regeling=tweede,
        gemeente=gemeente,
        jaar=2026,
        begroot=Decimal("50"),
        gerealiseerd=Decimal("40"),
    )
    BijdrageFactory(regeling=tweede, gemeente=gemeente, jaar=2025, begroot=Decimal("45"))
    RapporteurFactory(regeling=tweede, gemeente=gemeente)
    dashboard = selectors.dashboard(gemeente=gemeente, peildatum=D(2026, 3, 1))
    assert dashboard["bijdragen_per_jaar"] == [
        {"jaar": 2025, "begroot": Decimal("45"), "gerealiseerd": None},
        {"jaar": 2026, "begroot": Decimal("150"), "gerealiseerd": Decimal("40")},
    ]
    assert dashboard["bijdragen_per_thema"] == [
        {"thema": "Afval", "begroot": Decimal("150"), "gerealiseerd": Decimal("40")},
        {"thema": "Jeugd", "begroot": Decimal("50"), "gerealiseerd": Decimal("40")},
    ]
    assert dashboard["zonder_rapporteur"] == [eerste]


def vul_register(gemeente, aantal):
    for _ in range(aantal):
        regeling = DeelnameFactory(gemeente=gemeente, begindatum=D(2015, 1, 1)).regeling
        regeling.themas.add(ThemaFactory())
        ProcedurestapFactory(regeling=regeling, gemeente=gemeente, datum=D(2026, 3, 2))
        JaarstukFactory(regeling=regeling, ontvangen=D(2026, 4, 1))
        BijdrageFactory(regeling=regeling, gemeente=gemeente, jaar=2026)
        EvaluatieFactory(regeling=regeling, gemeente=gemeente)
        RapporteurFactory(regeling=regeling, gemeente=gemeente)
        VertegenwoordigerFactory(regeling=regeling, gemeente=gemeente)


@pytest.mark.parametrize(
    ("url", "aantal"),
    [
        # 13, and 2 for the lopende besluitvorming (regelingen in voorbereiding, open steps)
        (
            "/gemeenten/{code}/dashboard?peildatum=2026-03-10",
            16,
        ),  # 15, and the version of the register (ETag)
        (
            "/api/v1/gemeenten/{code}/dashboard?peildatum=2026-03-10",
            16,
        ),  # 15, and the version of the register (ETag)
    ],
)
def test_the_dashboard_does_not_grow_its_queries(client, url, aantal):
    # gemeente, deelnames, their thema's, rapporteurs, vertegenwoordigers, bijdragen,
    # raadsafspraak, evaluaties, procedurestappen, zienswijzen, jaarstukken, and the test's
    # savepoint pair around the request.
    gemeente = GemeenteFactory()
    Raadsafspraak.objects.create(gemeente=gemeente, evaluatie_interval_jaren=4)

    def tel():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url.format(code=gemeente.code)).status_code == 200
        return len(context)

    vul_register(gemeente, 2)
    weinig = tel()
    vul_register(gemeente, 5)
    assert tel() == weinig == aantal

"""The deadlines of a gemeente in the agenda: /gemeenten/<code>/termijnen.ics (RFC 5545)."""

import datetime

import pytest
from icalendar import Calendar

from agreements.grip.models import Procedurestap
from agreements.models import Regeling

pytestmark = pytest.mark.django_db

D = datetime.date


def events(client, url) -> list:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    kalender = Calendar.from_ical(response.content)
    assert kalender.name == "VCALENDAR"
    assert str(kalender["VERSION"]) == "2.0"
    assert kalender["PRODID"]
    return list(kalender.walk("VEVENT"))


def per_uid(lijst) -> dict:
    return {str(e["UID"]): e for e in lijst}


def test_the_feed_of_groningen_has_the_planned_raad_decision_and_the_kaderbrieven(
    client, voorbeelddata
):
    lijst = events(client, "/gemeenten/GM0014/termijnen.ics?peildatum=2025-11-01")
    titels = [str(e["SUMMARY"]) for e in lijst]
    besluit = [
        e
        for e in lijst
        if "Samenwerkingsovereenkomst informatievoorziening" in str(e["SUMMARY"])
        and "toestemming raad" in str(e["SUMMARY"])
    ]
    assert len(besluit) == 1
    assert besluit[0]["DTSTART"].dt == D(2025, 12, 1)
    assert besluit[0]["DTEND"].dt == D(2026, 1, 1)  # the expected month, all days of it
    assert str(besluit[0]["SUMMARY"]).startswith("Verwacht in december 2025: toestemming raad")
    kaderbrieven = [t for t in titels if t.startswith("Kaderbrief")]
    assert kaderbrieven
    assert any("Wgr art. 34b" in str(e["DESCRIPTION"]) for e in lijst)
    for event in lijst:
        assert event["UID"] and event["DTSTAMP"] and event["DTSTART"]
    assert len(per_uid(lijst)) == len(lijst)  # every UID once


def test_the_feed_on_today_has_them_too(client, voorbeelddata):
    lijst = events(client, "/gemeenten/GM0014/termijnen.ics")
    titels = [str(e["SUMMARY"]) for e in lijst]
    assert any("toestemming raad (Groningen): Samenwerkingsovereenkomst" in t for t in titels)
    assert any(t.startswith("Kaderbrief") for t in titels)


def test_the_uids_are_stable_across_requests_and_unrelated_changes(client, voorbeelddata):
    url = "/gemeenten/GM0014/termijnen.ics?peildatum=2025-11-01"
    eerst = per_uid(events(client, url))
    assert per_uid(events(client, url)).keys() == eerst.keys()

    # An unrelated change: a new regeling elsewhere and a step that moves to another month.
    Regeling.objects.create(naam="Iets anders", bron="test")
    stap = Procedurestap.objects.get(
        gemeente__code="GM0014", soort="toestemming_raad", verwachte_maand=D(2025, 12, 1)
    )
    stap.verwachte_maand = D(2026, 1, 1)
    stap.save()
    daarna = per_uid(events(client, url))
    assert daarna.keys() == eerst.keys()
    uid = next(u for u in eerst if str(stap.uuid) in u)
    assert daarna[uid]["DTSTART"].dt == D(2026, 1, 1)  # the same event, moved


def test_the_dashboard_links_to_the_feed(client, voorbeelddata):
    pagina = client.get("/gemeenten/GM0014/dashboard").content.decode()
    assert 'href="/gemeenten/GM0014/termijnen.ics"' in pagina


def test_a_bad_peildatum_is_a_400_and_an_unknown_gemeente_a_404(client, voorbeelddata):
    assert client.get("/gemeenten/GM0014/termijnen.ics?peildatum=2025-02-30").status_code == 400
    assert client.get("/gemeenten/GM9999/termijnen.ics").status_code == 404


def test_the_feed_takes_a_fixed_number_of_queries(
    client, voorbeelddata, django_assert_max_num_queries
):
    # gemeente, deelnames, the termijnen (steps, zienswijzen, jaarstukken), lopende
    # besluitvorming (two), the raadsafspraak and the evaluations, and the session/auth rows.
    with django_assert_max_num_queries(14):  # 13 and the version of the register (ETag)
        client.get("/gemeenten/GM0014/termijnen.ics")


@pytest.mark.parametrize("peildatum", ["0001-01-01", "0001-06-30", "9999-12-31"])
def test_the_edges_of_the_calendar_are_no_error(client, voorbeelddata, peildatum):
    events(client, f"/gemeenten/GM0014/termijnen.ics?peildatum={peildatum}")

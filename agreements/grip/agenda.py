"""The deadlines of a gemeente as an iCalendar feed (RFC 5545), for the agenda of the griffie:
everything the dashboard knows — zienswijzen, the jaarcyclus of each GR, evaluations due and the
planned steps of the lopende besluitvorming — over a wider window than the dashboard's half year.

Every event has a UID derived from what it is about (the uuid of the procedurestap or jaarstuk,
the soort, year and regeling of a legal date, the regeling of an evaluation) and never from its
place in the list, so that a calendar that subscribes updates an event instead of doubling it.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from icalendar import Calendar, Event

from agreements.models import Deelname
from municipalities.models import Gemeente

from . import selectors

# The window of the feed around the peildatum: a year back, two years ahead.
TERUG_MAANDEN = 12
VOORUIT_MAANDEN = 24


def uid_domein() -> str:
    return urlsplit(settings.API_BASIS_URL).hostname or "samenwerkingsregister.nl"


def kop(omschrijving: str) -> str:
    """The head of a termijn's omschrijving ("Kaderbrief 2026 — bij de raden ..." → "Kaderbrief
    2026", "Zienswijze (treffen), gevraagd op ..." → "Zienswijze (treffen)")."""
    return omschrijving.split(", ")[0].split(" — ")[0]


def hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def gebeurtenissen(*, gemeente: Gemeente, peildatum: datetime.date) -> list[dict]:
    """The events of the feed of ``gemeente``: dicts with ``sleutel`` (stable), ``begin``,
    ``einde`` (exclusive, all-day), ``titel``, ``beschrijving`` and ``regeling``."""
    # A year back, or from the first day of the calendar for a peildatum in year 1.
    van = (
        selectors.maanden_later(peildatum, -TERUG_MAANDEN)
        if peildatum.year > 1
        else datetime.date.min
    )
    tot = selectors.maanden_later(peildatum, VOORUIT_MAANDEN)
    deelnames = list(
        Deelname.objects.actief_op(peildatum)
        .filter(gemeente=gemeente)
        .select_related("regeling")
        .order_by("regeling__naam", "regeling_id", "begindatum")
    )
    regelingen = list({d.regeling_id: d.regeling for d in deelnames}.values())
    een_dag = datetime.timedelta(days=1)

    resultaat = [
        {
            "sleutel": t["sleutel"],
            "begin": t["datum"],
            "einde": t["datum"] + een_dag,
            "titel": f"{kop(t['omschrijving'])}: {t['regeling'].naam}",
            "beschrijving": f"{t['omschrijving']}. Stand: {t['status']}."
            + ("" if t["artikel"] in t["omschrijving"] else f" ({t['artikel']})"),
            "regeling": t["regeling"],
        }
        for t in selectors.termijnen(
            gemeente=gemeente, regelingen=regelingen, peildatum=van, tot=tot
        )
    ]

    for lopend in selectors.lopende_besluitvorming(gemeente=gemeente, peildatum=peildatum):
        regeling = lopend["regeling"]
        for stap in lopend["stappen"]:
            if stap.datum:
                begin, einde, wanneer = stap.datum, stap.datum + een_dag, ""
            elif stap.verwachte_maand:
                begin = stap.verwachte_maand
                einde = selectors.maanden_later(begin, 1)
                wanneer = f"verwacht in {date_format(begin, 'F Y')}: "
            else:
                continue  # no date at all: nothing to put in an agenda
            wie = stap.gemeente.naam if stap.gemeente_id else "alle deelnemers"
            resultaat.append(
                {
                    "sleutel": f"procedurestap-{stap.uuid}",
                    "begin": begin,
                    "einde": einde,
                    "titel": hoofdletter(
                        f"{wanneer}{stap.get_soort_display().lower()} ({wie}): {regeling.naam}"
                    ),
                    "beschrijving": f"Stap van de procedure van Wgr art. 1 "
                    f"({stap.get_onderwerp_display().lower()}), status "
                    f"{stap.get_status_display().lower()}."
                    + (f" Raadsvoorstel {stap.raadsvoorstel}." if stap.raadsvoorstel else ""),
                    "regeling": regeling,
                }
            )

    for rij in selectors.evaluatiestand(
        gemeente=gemeente,
        deelnames=deelnames,
        peildatum=peildatum,
        interval=selectors.evaluatie_interval(gemeente),
    ):
        if rij["volgende"] is None or not van <= rij["volgende"] <= tot:
            continue
        regeling = rij["regeling"]
        resultaat.append(
            {
                "sleutel": f"evaluatie-{regeling.slug}",
                "begin": rij["volgende"],
                "einde": rij["volgende"] + een_dag,
                "titel": f"Evaluatie {'te laat' if rij['te_laat'] else 'verwacht'}: "
                f"{regeling.naam}",
                "beschrijving": "De raad evalueert zijn samenwerkingen volgens zijn eigen "
                "afspraak; "
                + (
                    f"laatste evaluatie {rij['laatste'].titel} ({rij['laatste'].datum:%d-%m-%Y})."
                    if rij["laatste"]
                    else "geen evaluatie geregistreerd, gerekend vanaf de toetreding."
                ),
                "regeling": regeling,
            }
        )
    return sorted(resultaat, key=lambda g: (g["begin"], g["sleutel"]))


def agenda(*, gemeente: Gemeente, peildatum: datetime.date, adres) -> bytes:
    """The iCalendar document of ``gemeente``; ``adres`` makes a path absolute (the request's
    ``build_absolute_uri``)."""
    kalender = Calendar()
    kalender.add("prodid", "-//Samenwerkingsregister//Termijnen//NL")
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("method", "PUBLISH")
    kalender.add("x-wr-calname", f"Termijnen samenwerking {gemeente.naam}")
    kalender.add("x-wr-timezone", settings.TIME_ZONE)
    nu = timezone.now().replace(microsecond=0)
    domein = uid_domein()
    for gebeurtenis in gebeurtenissen(gemeente=gemeente, peildatum=peildatum):
        event = Event()
        event.add("uid", f"{gemeente.code.lower()}-{gebeurtenis['sleutel']}@{domein}")
        event.add("dtstamp", nu)
        event.add("dtstart", gebeurtenis["begin"])
        event.add("dtend", gebeurtenis["einde"])
        event.add("summary", gebeurtenis["titel"])
        event.add("description", gebeurtenis["beschrijving"])
        event.add("url", adres(gebeurtenis["regeling"].get_absolute_url()))
        event.add("transp", "TRANSPARENT")
        kalender.add_component(event)
    return kalender.to_ical()

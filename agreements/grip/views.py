"""Public pages of grip op samenwerking: the dashboard of a gemeente for its griffie (the
half-yearly report to the raad that Voorschoten's 'Visie op samenwerking' asks for) and its
verbonden partijen (BBV art. 15)."""

import datetime

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from municipalities.models import Gemeente
from registry.peildatum import JAAR_MAX, JAAR_MIN, parse_jaar, peildatum_uit

from . import agenda, selectors


def dashboard(request, code):
    gemeente = get_object_or_404(Gemeente, code=code)
    peildatum = peildatum_uit(request, standaard=gemeente.einddatum)
    return render(
        request,
        "grip/dashboard.html",
        {"dashboard": selectors.dashboard(gemeente=gemeente, peildatum=peildatum)},
    )


def verbonden_partijen(request, code):
    gemeente = get_object_or_404(Gemeente, code=code)
    laatste_jaar = gemeente.einddatum.year if gemeente.einddatum else datetime.date.today().year
    jaar = parse_jaar(request.GET.get("jaar"), laatste_jaar)
    return render(
        request,
        "grip/verbonden_partijen.html",
        {
            "overzicht": selectors.verbonden_partijen(gemeente=gemeente, jaar=jaar),
            "jaar_min": JAAR_MIN,
            "jaar_max": JAAR_MAX,
        },
    )


def termijnen_ics(request, code):
    """The deadlines of the gemeente as an iCalendar feed (see agenda.py)."""
    gemeente = get_object_or_404(Gemeente, code=code)
    peildatum = peildatum_uit(request, standaard=gemeente.einddatum)
    response = HttpResponse(
        agenda.agenda(gemeente=gemeente, peildatum=peildatum, adres=request.build_absolute_uri),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="termijnen-{gemeente.code}.ics"'
    return response

"""The date parameters of pages, API and commands, read in one place and by one rule.

A date (the ``peildatum``, the ``datum`` of a herindeling) is written JJJJ-MM-DD and may be any
day of the calendar, 0001-01-01 up to and including 9999-12-31; a ``jaar`` is a whole number from
``JAAR_MIN`` up to and including ``JAAR_MAX``, the years the register keeps figures for. An
empty or absent value is the default (for a peildatum: today). Anything else raises
``OngeldigeParameter`` with a Dutch message: a page answers it with a 400 page that shows the
message and the form (``OngeldigeParameterMiddleware``), the API with problem+json naming the
parameter (``registry.api.exception_handler``), a command with its error.
"""

import datetime
import re

from django.shortcuts import render

# The years the register keeps figures for (jaarstukken, bijdragen, jaarcijfers).
JAAR_MIN = 1900
JAAR_MAX = 2100
JAAR_SCHEMA = {"type": "integer", "minimum": JAAR_MIN, "maximum": JAAR_MAX}
JAAR_UITLEG = f"Jaar (JJJJ, {JAAR_MIN} tot en met {JAAR_MAX})."

DATUM_PATROON = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
JAAR_PATROON = re.compile(r"[0-9]{1,4}")
DATUM_FOUT = "Geef een geldige datum als JJJJ-MM-DD."
JAAR_FOUT = f"Geef een jaar van {JAAR_MIN} tot en met {JAAR_MAX}."


class OngeldigeParameter(ValueError):
    """A query parameter that cannot be read; ``bericht`` says so in Dutch."""

    def __init__(self, parameter: str, waarde: str, bericht: str):
        super().__init__(bericht)
        self.parameter = parameter
        self.waarde = waarde
        self.bericht = bericht


def parse_datum(
    waarde: str | None,
    standaard: datetime.date | None = None,
    *,
    parameter: str = "datum",
) -> datetime.date | None:
    """The date in ``waarde`` (JJJJ-MM-DD); ``standaard`` when it is empty or absent."""
    if waarde is None or waarde == "":
        return standaard
    if DATUM_PATROON.fullmatch(waarde):
        try:
            return datetime.date.fromisoformat(waarde)
        except ValueError:  # a day that is not in the calendar, such as 2025-02-30
            pass
    raise OngeldigeParameter(parameter, waarde, DATUM_FOUT)


def parse_peildatum(waarde: str | None, standaard: datetime.date | None = None) -> datetime.date:
    """The peildatum in ``waarde``; when it is empty or absent ``standaard``, else today."""
    return parse_datum(waarde, standaard, parameter="peildatum") or datetime.date.today()


def parse_jaar(waarde: str | None, standaard: int) -> int:
    """The year in ``waarde``, from ``JAAR_MIN`` to ``JAAR_MAX``; ``standaard`` when empty."""
    if waarde is None or waarde == "":
        return standaard
    if JAAR_PATROON.fullmatch(waarde) and JAAR_MIN <= int(waarde) <= JAAR_MAX:
        return int(waarde)
    raise OngeldigeParameter("jaar", waarde, JAAR_FOUT)


def peildatum_uit(request, standaard: datetime.date | None = None) -> datetime.date:
    """The peildatum of a web page: ``?peildatum=``, else ``standaard``, else today."""
    return parse_peildatum(request.GET.get("peildatum"), standaard)


class OngeldigeParameterMiddleware:
    """A page whose date parameter cannot be read answers 400 with the message and the form
    to choose again, instead of showing another date than the one asked for. Listed before
    ``ApiMiddleware``, which answers anything under /api/ first (DRF's exception handler has
    turned the exception into problem+json there already)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OngeldigeParameter):
            return None
        return render(
            request,
            "peildatum_fout.html",
            {"fout": exception, "jaar_min": JAAR_MIN, "jaar_max": JAAR_MAX},
            status=400,
        )

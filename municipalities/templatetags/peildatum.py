"""Links that keep the peildatum: ``{{ regeling|op_peildatum:peildatum }}`` is the page of the
regeling as it was on that date. The lowest app holds it, so that every template can load it."""

import datetime

from django import template
from django.utils.http import urlencode

register = template.Library()


def met_peildatum(adres: str, peildatum: datetime.date | str | None) -> str:
    """``adres`` with ``?peildatum=YYYY-MM-DD``, or as it is when there is no peildatum."""
    if not peildatum:
        return adres
    if isinstance(peildatum, datetime.datetime):
        peildatum = peildatum.date()
    waarde = peildatum.isoformat() if isinstance(peildatum, datetime.date) else str(peildatum)
    return f"{adres}?{urlencode({'peildatum': waarde})}"


@register.filter
def op_peildatum(obj, peildatum) -> str:
    """The page of ``obj`` (a model with ``get_absolute_url``, or an address made with
    ``{% url … as adres %}``) on ``peildatum``."""
    adres = obj if isinstance(obj, str) else obj.get_absolute_url()
    return met_peildatum(adres, peildatum)

"""A bar chart as HTML: a table whose cells carry a bar, readable without CSS or JavaScript."""

from django import template
from django.urls import reverse

from municipalities.templatetags.peildatum import met_peildatum

register = template.Library()


@register.inclusion_tag("includes/staafdiagram.html")
def staafdiagram(rijen, label, waarde, titel, kop, url_naam="", sleutel="", peildatum=None):
    """One bar per row of ``rijen`` (dicts): ``label`` and ``waarde`` name their keys. With
    ``url_naam`` and ``sleutel`` each label links to that page of the row, on ``peildatum``."""
    hoogste = max((r[waarde] or 0 for r in rijen), default=0) or 1
    return {
        "titel": titel,
        "kop": kop,
        "staven": [
            {
                "label": r[label],
                "waarde": r[waarde],
                "breedte": f"{100 * (r[waarde] or 0) / hoogste:.1f}",
                "url": met_peildatum(reverse(url_naam, args=[r[sleutel]]), peildatum)
                if url_naam
                else "",
            }
            for r in rijen
        ],
    }

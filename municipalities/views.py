from django.shortcuts import get_object_or_404, render

from agreements.services import gemeente_overzicht
from registry.filters import peildatum_uit

from .models import Gemeente


def gemeente_detail(request, code):
    """Waar neemt de gemeente aan deel? A former gemeente is shown on its last day."""
    gemeente = get_object_or_404(
        Gemeente.objects.select_related("provincie", "opvolger"), code=code
    )
    peildatum = peildatum_uit(request, standaard=gemeente.einddatum)
    return render(
        request,
        "municipalities/gemeente_detail.html",
        {
            "gemeente": gemeente,
            "peildatum": peildatum,
            "overzicht": gemeente_overzicht(gemeente=gemeente, peildatum=peildatum),
        },
    )

"""The public list of gemeenten. The pages of one gemeente, partner or provincie show their
regelingen and so live in ``agreements``."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from registry.converters import cbs_code
from registry.peildatum import peildatum_uit

from .constants import PartnerSoort
from .filters import GemeenteFilter
from .models import Gemeente, Partner

PAGINA_GROOTTE = 50


def gemeente_lijst(request):
    """All gemeenten on the peildatum, by name or provincie; ``?gemeente=`` goes straight to one."""
    code = cbs_code(request.GET.get("gemeente", ""))
    if Gemeente.objects.filter(code=code).exists():
        return redirect("gemeente-pagina", code=code)
    peildatum_uit(request)  # a peildatum that cannot be read is a 400 page, not an empty list
    filterset = GemeenteFilter(
        request.GET, queryset=Gemeente.objects.select_related("provincie").order_by("naam", "pk")
    )
    # An unknown provincie gives no list but a 400 with the form and why.
    geldig = filterset.is_valid()
    gemeenten = filterset.qs if geldig else Gemeente.objects.none()
    pagina = Paginator(gemeenten, PAGINA_GROOTTE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "municipalities/gemeente_lijst.html",
        {
            "filter": filterset,
            "pagina": pagina,
            "query": query.urlencode(),
            # As it was asked, so that the links to the gemeenten keep it.
            "peildatum": request.GET.get("peildatum", ""),
            "provincies": Partner.objects.filter(soort=PartnerSoort.PROVINCIE).order_by("naam"),
        },
        status=200 if geldig else 400,
    )

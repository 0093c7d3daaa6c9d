"""Public pages of gemeenten, partners and provincies."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render

from agreements import services
from agreements.models import Deelname
from registry.filters import peildatum_uit
from registry.geldigheid import verdeel_op

from .constants import PartnerSoort
from .filters import GemeenteFilter
from .models import Gemeente, Partner

PAGINA_GROOTTE = 50


def gemeente_lijst(request):
    """All gemeenten on the peildatum, by name or provincie; ``?gemeente=`` goes straight to one."""
    code = request.GET.get("gemeente", "")
    if Gemeente.objects.filter(code=code).exists():
        return redirect("gemeente-pagina", code=code)
    filterset = GemeenteFilter(
        request.GET, queryset=Gemeente.objects.select_related("provincie").order_by("naam", "pk")
    )
    pagina = Paginator(filterset.qs, PAGINA_GROOTTE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "municipalities/gemeente_lijst.html",
        {
            "filter": filterset,
            "pagina": pagina,
            "query": query.urlencode(),
            "provincies": Partner.objects.filter(soort=PartnerSoort.PROVINCIE).order_by("naam"),
        },
    )


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
            "overzicht": services.gemeente_overzicht(gemeente=gemeente, peildatum=peildatum),
        },
    )


def gemeente_register(request, code):
    """The register of Wgr art. 27 of one gemeente, made to be printed."""
    gemeente = get_object_or_404(Gemeente, code=code)
    peildatum = peildatum_uit(request, standaard=gemeente.einddatum)
    return render(
        request,
        "municipalities/gemeente_register.html",
        {
            "gemeente": gemeente,
            "peildatum": peildatum,
            "regels": services.art27_register(gemeente=gemeente, peildatum=peildatum),
        },
    )


def partner_detail(request, slug):
    """A partner (provincie, waterschap, rijk, another verband, …) and the regelingen it is in."""
    partner = get_object_or_404(
        Partner.objects.prefetch_related(
            Prefetch(
                "deelnames",
                queryset=Deelname.objects.select_related("regeling").order_by(
                    "regeling__naam", "begindatum", "pk"
                ),
            )
        ),
        slug=slug,
    )
    peildatum = peildatum_uit(request)
    huidige, overige = verdeel_op(partner.deelnames.all(), peildatum)
    return render(
        request,
        "municipalities/partner_detail.html",
        {
            "partner": partner,
            "peildatum": peildatum,
            "huidige": huidige,
            "overige": overige,
        },
    )


def provincie_detail(request, code):
    """A provincie: its gemeenten, how much each works together, and the NHL figures."""
    provincie = get_object_or_404(Partner, soort=PartnerSoort.PROVINCIE, code=code)
    peildatum = peildatum_uit(request)
    return render(
        request,
        "municipalities/provincie_detail.html",
        {
            "provincie": provincie,
            "peildatum": peildatum,
            **services.provincie_overzicht(provincie=provincie, peildatum=peildatum),
        },
    )

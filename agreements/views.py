"""Public pages of the register: what a raadslid or griffier reads. Server-rendered, no
JavaScript needed; the filters are the API's (agreements/filters.py)."""

import datetime

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from municipalities.models import Gemeente

from .constants import Vorm
from .filters import RegelingFilter
from .models import Deelname, Regeling

PAGINA_GROOTTE = 25

# Short labels for the filter form; the API's longer descriptions become the help text.
KORTE_LABELS = {
    "peildatum": "Peildatum",
    "gemeente": "Gemeente (CBS-code)",
    "partner": "Partner",
    "provincie": "Provincie (code)",
    "thema": "Thema",
    "vorm": "Vorm",
    "status": "Status",
    "zoek": "Zoekterm",
    "sort": "Sortering",
}


def peildatum_uit(request, standaard: datetime.date | None = None) -> datetime.date:
    try:
        return datetime.date.fromisoformat(request.GET.get("peildatum", ""))
    except ValueError:
        return standaard or datetime.date.today()


def home(request):
    vandaag = datetime.date.today()
    return render(
        request,
        "agreements/home.html",
        {
            "aantal_regelingen": Regeling.objects.actief_op(vandaag).count(),
            "aantal_gemeenten": Gemeente.objects.actief_op(vandaag).count(),
            "aantal_deelnames": Deelname.objects.actief_op(vandaag).count(),
            "vormen": Vorm.choices,
        },
    )


def regeling_lijst(request):
    filterset = RegelingFilter(
        request.GET, queryset=Regeling.objects.prefetch_related("themas").order_by("naam", "id")
    )
    for naam, veld in filterset.form.fields.items():
        veld.help_text, veld.label = veld.label, KORTE_LABELS.get(naam, veld.label)
    pagina = Paginator(filterset.qs, PAGINA_GROOTTE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    export = {k: v for k, v in query.items() if v}
    return render(
        request,
        "agreements/regeling_lijst.html",
        {"filter": filterset, "pagina": pagina, "query": query.urlencode(), "export": export},
    )


def regeling_detail(request, slug):
    regeling = get_object_or_404(
        Regeling.objects.prefetch_related(
            "themas",
            "versies",
            "publicaties",
            Prefetch(
                "deelnames",
                queryset=Deelname.objects.select_related("gemeente", "partner").order_by(
                    "gemeente__naam", "partner__naam", "begindatum"
                ),
            ),
        ),
        slug=slug,
    )
    peildatum = peildatum_uit(request)
    deelnames = list(regeling.deelnames.all())
    return render(
        request,
        "agreements/regeling_detail.html",
        {
            "regeling": regeling,
            "peildatum": peildatum,
            "huidige": [d for d in deelnames if d.is_actief_op(peildatum)],
            "overige": [d for d in deelnames if not d.is_actief_op(peildatum)],
        },
    )

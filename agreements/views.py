"""Public pages of the register: what a raadslid or griffier reads. Server-rendered, no
JavaScript needed; the filters are the API's (agreements/filters.py)."""

import datetime

from django import forms
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from municipalities.constants import PartnerSoort
from municipalities.models import Gemeente, Partner
from registry.filters import peildatum_uit

from . import services
from .constants import Vorm
from .filters import RegelingFilter
from .models import Deelname, Regeling, Thema

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


def kies_uit(form):
    """Short labels, lists to choose from and a date control: the API's FilterSet, for people."""
    for naam, veld in form.fields.items():
        veld.help_text, veld.label = veld.label, KORTE_LABELS.get(naam, veld.label)
    vandaag = datetime.date.today()
    keuzes = {
        "thema": Thema.objects.values_list("slug", "naam"),
        "provincie": Partner.objects.filter(soort=PartnerSoort.PROVINCIE).values_list(
            "code", "naam"
        ),
        "gemeente": Gemeente.objects.actief_op(vandaag).values_list("code", "naam"),
    }
    for naam, opties in keuzes.items():
        form.fields[naam].widget = forms.Select(choices=[("", "Alle"), *opties])
    form.fields["peildatum"].widget = forms.DateInput(attrs={"type": "date"})


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
    kies_uit(filterset.form)
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


def thema_detail(request, slug):
    thema = get_object_or_404(Thema.objects.select_related("bovenliggend"), slug=slug)
    peildatum = peildatum_uit(request)
    regelingen = RegelingFilter(
        {"thema": slug, "peildatum": peildatum.isoformat()},
        queryset=Regeling.objects.order_by("naam", "id"),
    ).qs
    cijfers = next(
        (r for r in services.statistieken_per_thema(peildatum=peildatum) if r["thema"] == slug),
        None,
    )
    return render(
        request,
        "agreements/thema_detail.html",
        {
            "thema": thema,
            "subthemas": thema.subthemas.all(),
            "peildatum": peildatum,
            "regelingen": regelingen,
            "cijfers": cijfers,
        },
    )


def cijfers(request):
    """The NHL figures per provincie, recomputed from the register."""
    peildatum = peildatum_uit(request)
    return render(
        request,
        "agreements/cijfers.html",
        {
            "peildatum": peildatum,
            "provincies": services.statistieken_per_provincie(peildatum=peildatum),
        },
    )

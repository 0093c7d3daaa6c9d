"""Public pages of the register: what a raadslid or griffier reads. Server-rendered, no
JavaScript needed; the filters are the API's (agreements/filters.py)."""

import datetime
import re
from collections import defaultdict

from django import forms
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.forms.utils import flatatt
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from municipalities.constants import PartnerSoort
from municipalities.filters import zoek_naam_of_code
from municipalities.grenzen import GRENZEN_VANAF
from municipalities.kaart import ATTRIBUTIE, teken
from municipalities.models import Gemeente, Herindeling, Partner
from registry import datapakket
from registry.converters import CBS_CODE
from registry.filters import ZOEK_FOUT, ZOEK_MAX
from registry.geldigheid import verdeel_op
from registry.peildatum import peildatum_uit
from registry.sections import sections

from . import downloads as dataset
from . import kaart, selectors, verschil
from .constants import Gevolg, Vorm
from .filters import RegelingFilter, zoek_regeling
from .models import Deelname, Herziening, Regeling, Thema

PAGINA_GROOTTE = 25
MAXIMUM_PER_SOORT = 50

# Short labels for the filter form; the API's longer descriptions become the help text.
KORTE_LABELS = {
    "peildatum": "Peildatum",
    "gemeente": "Gemeente",
    "partner": "Partner",
    "provincie": "Provincie",
    "thema": "Thema",
    "vorm": "Vorm",
    "status": "Status",
    "zoek": "Zoekterm",
    "sort": "Sortering",
}


class KeuzeLijst(forms.Select):
    """A list to choose from that writes its options itself: Django renders every option
    through a template, which for ~400 gemeenten and ~200 partners cost more than the rest of
    the page together. The same HTML as forms.Select."""

    def render(self, name, value, attrs=None, renderer=None):
        kenmerken = self.build_attrs(self.attrs, attrs)
        kenmerken["name"] = name
        gekozen = "" if value is None else str(value)
        opties = mark_safe(
            "".join(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    code,
                    mark_safe(" selected") if str(code) == gekozen else "",
                    label,
                )
                for code, label in self.choices
            )
        )
        return format_html("<select{}>{}</select>", flatatt(kenmerken), opties)


def kies_uit(form):
    """Short labels, lists to choose from and a date control: the API's FilterSet, for people."""
    for naam, veld in form.fields.items():
        veld.help_text, veld.label = veld.label, KORTE_LABELS.get(naam, veld.label)
    keuzes = {
        "thema": Thema.objects.values_list("slug", "naam"),
        "provincie": Partner.objects.filter(soort=PartnerSoort.PROVINCIE).values_list(
            "code", "naam"
        ),
        "partner": Partner.objects.order_by("naam").values_list("slug", "naam"),
        # Former gemeenten too: the list can be asked on a date in the past.
        "gemeente": [
            (code, f"{naam} (t/m {einde:%Y})" if einde else naam)
            for code, naam, einde in Gemeente.objects.order_by("naam", "einddatum").values_list(
                "code", "naam", "einddatum"
            )
        ],
    }
    for naam, opties in keuzes.items():
        form.fields[naam].widget = KeuzeLijst(choices=[("", "Alle"), *opties])
    for naam in ("vorm", "status"):
        form.fields[naam].empty_label = "Alle"
        form.fields[naam].widget.choices = form.fields[naam].choices
    form.fields["peildatum"].widget = forms.DateInput(attrs={"type": "date"})


def kaart_context(
    inhoud, peildatum: datetime.date, svg: str, geojson: str, parameters: dict | None = None
) -> dict:
    """A map for a page (includes/kaart.html): the SVG, its legend, and where to download it
    as SVG and as GeoJSON; or, before the register's boundaries begin, only that it has none."""
    query = "?" + urlencode({"peildatum": peildatum.isoformat(), **(parameters or {})})
    if inhoud is None:
        return {"geen_grenzen": True, "vanaf": GRENZEN_VANAF, "peildatum": peildatum}
    per_sleutel = {k.sleutel: k for k in inhoud.klassen}
    rijen = [
        {
            **kaart.rij_van(vlak, inhoud.peildatum),
            "waarde": inhoud.waarden[vlak.code][1],
            "klasse": per_sleutel[inhoud.waarden[vlak.code][0]].label,
        }
        for vlak in inhoud.vlakken
        if vlak.code in inhoud.waarden and inhoud.waarden[vlak.code][1] not in ("0", None)
    ]
    rijen.sort(key=lambda r: (-int(r["waarde"]) if r["waarde"].isdigit() else 0, r["naam"]))
    return {
        "rijen": rijen,
        "svg": mark_safe(teken(inhoud)),  # teken() escapes every text
        "inhoud": inhoud,
        "svg_adres": svg + query,
        "geojson_adres": geojson + query,
        "attributie": ATTRIBUTIE,
    }


def svg_download(inhoud, naam: str) -> HttpResponse:
    """A map as an SVG file with its legend, to put in a raadsvoorstel."""
    if inhoud is None:
        raise Http404(f"Het register heeft geen grenzen van vóór {GRENZEN_VANAF:%-d-%-m-%Y}.")
    response = HttpResponse(
        teken(inhoud, met_legenda=True), content_type="image/svg+xml; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="kaart-{naam}-{inhoud.peildatum:%Y-%m-%d}.svg"'
    )
    return response


def home(request):
    peildatum = peildatum_uit(request)
    return render(
        request,
        "agreements/home.html",
        {
            "peildatum": peildatum,
            "aantal_regelingen": Regeling.objects.actief_op(peildatum).count(),
            "aantal_gemeenten": Gemeente.objects.actief_op(peildatum).count(),
            "aantal_deelnames": Deelname.objects.actief_op(peildatum).count(),
            "gemeenten": Gemeente.objects.actief_op(peildatum).values_list("code", "naam"),
            "hoofdthemas": Thema.objects.filter(bovenliggend=None).values_list("slug", "naam"),
            "provincies": Partner.objects.filter(soort=PartnerSoort.PROVINCIE)
            .order_by("naam")
            .values_list("code", "naam"),
            "vormen": Vorm.choices,
        },
    )


def zoeken(request):
    """One search box for gemeenten, regelingen, thema's and partners."""
    zoek = request.GET.get("zoek", "").strip()
    resultaten = {}
    if len(zoek) > ZOEK_MAX:
        return render(
            request,
            "agreements/zoeken.html",
            {"zoek": "", "fout": ZOEK_FOUT, "vandaag": datetime.date.today()},
            status=400,
        )
    if zoek:
        # Former gemeenten and ended regelingen are found too: a search is not on a date.
        resultaten = {
            "gemeenten": zoek_naam_of_code(Gemeente.objects.order_by("naam", "pk"), "", zoek),
            "regelingen": zoek_regeling(Regeling.objects.order_by("naam", "pk"), "", zoek),
            "themas": Thema.objects.filter(naam__icontains=zoek).order_by("naam"),
            "partners": zoek_naam_of_code(Partner.objects.order_by("naam", "pk"), "", zoek),
        }
        resultaten = {soort: list(qs[:MAXIMUM_PER_SOORT]) for soort, qs in resultaten.items()}
    return render(
        request,
        "agreements/zoeken.html",
        {"zoek": zoek, "resultaten": resultaten, "vandaag": datetime.date.today()},
    )


def regeling_lijst(request):
    peildatum = peildatum_uit(request)  # one that cannot be read is a 400 page, not an empty list
    filterset = RegelingFilter(
        request.GET, queryset=Regeling.objects.prefetch_related("themas").order_by("naam", "id")
    )
    kies_uit(filterset.form)
    # A filter that cannot be read, or names a gemeente, partner, provincie or thema the
    # register does not have, gives no list (and no export) but a 400 with the form and why.
    geldig = filterset.is_valid()
    regelingen = filterset.qs if geldig else Regeling.objects.none()
    pagina = Paginator(regelingen, PAGINA_GROOTTE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    export = {k: v for k, v in query.items() if v}
    return render(
        request,
        "agreements/regeling_lijst.html",
        {
            "filter": filterset,
            "pagina": pagina,
            "query": query.urlencode(),
            "export": export,
            "peildatum": peildatum,
        },
        status=200 if geldig else 400,
    )


def deelnames_op_peildatum(request, deelnames) -> dict:
    """The peildatum of the page and the deelnames split on it, for includes/deelnames.html:
    those running on that day (``huidige``) and those before or after it (``overige``)."""
    peildatum = peildatum_uit(request)
    huidige, overige = verdeel_op(deelnames, peildatum)
    return {"peildatum": peildatum, "huidige": huidige, "overige": overige}


def regeling_detail(request, slug):
    """A regeling as it was on the peildatum: its name, vorm and status of that day."""
    regeling = get_object_or_404(
        Regeling.objects.op_peildatum(peildatum_uit(request)).prefetch_related(
            "themas",
            "versies",
            "publicaties",
            Prefetch("herzieningen", queryset=Herziening.objects.select_related("herindeling")),
            Prefetch(
                "deelnames",
                queryset=Deelname.objects.select_related("gemeente", "partner").order_by(
                    "gemeente__naam", "partner__naam", "begindatum"
                ),
            ),
        ),
        slug=slug,
    )
    context = {"regeling": regeling, **deelnames_op_peildatum(request, regeling.deelnames.all())}
    context["sections"] = sections("regeling", regeling=regeling, peildatum=context["peildatum"])
    context["wijzigingen"] = selectors.wijzigingshistorie(regeling)
    context["kaart"] = kaart_context(
        kaart.regeling_kaart(regeling=regeling, peildatum=context["peildatum"]),
        context["peildatum"],
        reverse("regeling-kaart-svg", args=[slug]),
        reverse("kaart-regeling", args=[slug]),
    )
    return render(request, "agreements/regeling_detail.html", context)


def regeling_svg(request, slug):
    regeling = get_object_or_404(Regeling, slug=slug)
    peildatum = peildatum_uit(request)
    return svg_download(kaart.regeling_kaart(regeling=regeling, peildatum=peildatum), slug)


def thema_detail(request, slug):
    thema = get_object_or_404(Thema.objects.select_related("bovenliggend"), slug=slug)
    peildatum = peildatum_uit(request)
    regelingen = RegelingFilter(
        {"thema": thema, "peildatum": peildatum.isoformat()},
        queryset=Regeling.objects.order_by("naam", "id"),
    ).qs
    return render(
        request,
        "agreements/thema_detail.html",
        {
            "thema": thema,
            "subthemas": thema.subthemas.all(),
            "peildatum": peildatum,
            "regelingen": regelingen,
            **selectors.thema_cijfers(thema=thema, peildatum=peildatum),
        },
    )


def cijfers(request):
    """The NHL figures per provincie and by beleidsintensiteit, recomputed from the register."""
    peildatum = peildatum_uit(request)
    return render(
        request,
        "agreements/cijfers.html",
        {"peildatum": peildatum, **selectors.cijfers(peildatum=peildatum)},
    )


def codes_van(tekst: str) -> tuple[str, list[str]]:
    """Gemeenten as a person types them, names or CBS codes with commas, as the API's CBS codes;
    and the names that are not exactly one gemeente."""
    delen = [deel.strip() for deel in tekst.split(",") if deel.strip()]
    namen = [d for d in delen if not re.fullmatch(CBS_CODE, d.upper())]
    per_naam = defaultdict(list)
    if namen:
        vraag = Q()
        for naam in namen:
            vraag |= Q(naam__iexact=naam)
        for code, naam in Gemeente.objects.filter(vraag).values_list("code", "naam"):
            per_naam[naam.lower()].append(code)
    codes, onbekend = [], []
    for deel in delen:
        if deel not in namen:
            codes.append(deel.upper())
        elif len(per_naam[deel.lower()]) == 1:
            codes.append(per_naam[deel.lower()][0])
        else:
            onbekend.append(deel)
    return ",".join(codes), onbekend


def scan_uitkomst(request) -> tuple[dict | None, dict]:
    """The herindelingsscan of the parameters of the page, and what is wrong with them."""
    uitkomst, fouten = None, {}
    if request.GET:
        data = request.GET.dict()
        data["gemeenten"], onbekend = codes_van(data.get("gemeenten", ""))
        try:
            if onbekend:
                raise Gemeente.DoesNotExist(f"Onbekende gemeente: {', '.join(onbekend)}.")
            uitkomst = selectors.scan(**selectors.scan_argumenten(data))
        except selectors.OngeldigeScan as fout:
            fouten = fout.fouten
        except Gemeente.DoesNotExist as fout:
            fouten = {"gemeenten": [str(fout)]}
    return uitkomst, fouten


def scan_kaart(uitkomst: dict):
    return kaart.scan_kaart(
        uitkomst=uitkomst, datum=datetime.date.fromisoformat(str(uitkomst["datum"]))
    )


def herindelingsscan_svg(request):
    uitkomst, fouten = scan_uitkomst(request)
    if not uitkomst:
        raise Http404("Geef de gemeenten en de datum van de herindeling.")
    return svg_download(scan_kaart(uitkomst), "herindelingsscan")


def herindelingsscan(request):
    """The herindelingsscan for people: the API's parameters, the result grouped by gevolg."""
    uitkomst, fouten = scan_uitkomst(request)
    scan_kaart_context = None
    if uitkomst:
        inhoud = scan_kaart(uitkomst)
        scan_kaart_context = kaart_context(
            inhoud,
            inhoud.peildatum if inhoud else uitkomst["datum"],
            reverse("scan-kaart-svg"),
            reverse("herindelingsscan"),
        )
        if inhoud:  # the download takes the parameters of the scan, not a peildatum
            query = request.GET.urlencode()
            scan_kaart_context["svg_adres"] = f"{reverse('scan-kaart-svg')}?{query}"
            scan_kaart_context["geojson_adres"] = ""
    if uitkomst:
        per_gevolg = {g: [] for g in Gevolg}
        for regel in uitkomst["regelingen"]:
            per_gevolg[Gevolg(regel["gevolg"])].append(regel)
        uitkomst["groepen"] = [(g.label, g.value, regels) for g, regels in per_gevolg.items()]
    return render(
        request,
        "agreements/herindelingsscan.html",
        {
            "fouten": fouten,
            "uitkomst": uitkomst,
            "kaart": scan_kaart_context,
            "gevolgen": Gevolg,
            "gemeenten": Gemeente.objects.order_by("naam", "code").values_list("code", "naam"),
            "herindelingen": Herindeling.objects.select_related("opvolger").prefetch_related(
                "opgeheven"
            ),
        },
    )


def gemeente_detail(request, code):
    """Waar neemt de gemeente aan deel? A former gemeente is shown on its last day."""
    gemeente = get_object_or_404(
        Gemeente.objects.select_related("provincie", "opvolger"), code=code
    )
    peildatum = peildatum_uit(request, standaard=gemeente.einddatum)
    if not gemeente.is_actief_op(peildatum):
        # Before it was formed or after it ceased: say so, and where to look instead.
        return render(
            request,
            "agreements/gemeente_niet_op_peildatum.html",
            {
                "gemeente": gemeente,
                "peildatum": peildatum,
                "opgeheven": bool(gemeente.einddatum and peildatum > gemeente.einddatum),
                "opvolgers": gemeente.opvolgers,
                "eerste_dag_zonder": gemeente.einddatum + datetime.timedelta(days=1)
                if gemeente.einddatum and gemeente.einddatum < datetime.date.max
                else None,
            },
        )
    overzicht = selectors.gemeente_overzicht(gemeente=gemeente, peildatum=peildatum)
    return render(
        request,
        "agreements/gemeente_detail.html",
        {
            "gemeente": gemeente,
            "peildatum": peildatum,
            "overzicht": overzicht,
            "sections": sections("gemeente", gemeente=gemeente, peildatum=peildatum),
            "kaart": kaart_context(
                kaart.gemeente_kaart(gemeente=gemeente, overzicht=overzicht, peildatum=peildatum),
                peildatum,
                reverse("gemeente-kaart-svg", args=[gemeente.code]),
                reverse("kaart-gemeente", args=[gemeente.code]),
            ),
        },
    )


def gemeente_svg(request, code):
    gemeente = get_object_or_404(Gemeente, code=code)
    peildatum = peildatum_uit(request, standaard=gemeente.einddatum)
    if not gemeente.is_actief_op(peildatum):
        raise Http404(f"{gemeente.naam} bestaat niet op {peildatum:%-d-%-m-%Y}.")
    overzicht = selectors.gemeente_overzicht(gemeente=gemeente, peildatum=peildatum)
    return svg_download(
        kaart.gemeente_kaart(gemeente=gemeente, overzicht=overzicht, peildatum=peildatum),
        gemeente.code,
    )


def gemeente_register(request, code):
    """The register of Wgr art. 27 of one gemeente, made to be printed."""
    gemeente = get_object_or_404(Gemeente, code=code)
    peildatum = peildatum_uit(request, standaard=gemeente.einddatum)
    return render(
        request,
        "agreements/gemeente_register.html",
        {
            "gemeente": gemeente,
            "peildatum": peildatum,
            "regels": selectors.art27_register(gemeente=gemeente, peildatum=peildatum),
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
    return render(
        request,
        "agreements/partner_detail.html",
        {"partner": partner, **deelnames_op_peildatum(request, partner.deelnames.all())},
    )


def provincie_detail(request, code):
    """A provincie: its gemeenten, how much each works together, and the NHL figures."""
    provincie = get_object_or_404(Partner, soort=PartnerSoort.PROVINCIE, code=code)
    peildatum = peildatum_uit(request)
    return render(
        request,
        "agreements/provincie_detail.html",
        {
            "provincie": provincie,
            "peildatum": peildatum,
            **selectors.provincie_overzicht(provincie=provincie, peildatum=peildatum),
        },
    )


def vergelijking(request) -> verschil.Periode | None:
    """The two dates of a comparison page; None while the form has not been filled in."""
    van, tot = request.GET.get("van"), request.GET.get("tot")
    if not van and not tot:
        return None
    return verschil.periode_uit(van, tot)


def gemeente_verschil(request, code):
    """What changed for a gemeente between two dates."""
    gemeente = get_object_or_404(Gemeente, code=code)
    periode = vergelijking(request)
    return render(
        request,
        "agreements/gemeente_verschil.html",
        {
            "gemeente": gemeente,
            "periode": periode,
            "verschil": periode and verschil.gemeente_verschil(gemeente=gemeente, periode=periode),
        },
    )


def regeling_verschil(request, slug):
    """What changed in a regeling between two dates."""
    regeling = get_object_or_404(Regeling, slug=slug)
    periode = vergelijking(request)
    return render(
        request,
        "agreements/regeling_verschil.html",
        {
            "regeling": regeling,
            "periode": periode,
            "verschil": periode and verschil.regeling_verschil(regeling=regeling, periode=periode),
        },
    )


def downloads(request):
    """The whole register on a date as a download: recent months, any date, and what is in it."""
    return render(
        request,
        "agreements/downloads.html",
        {
            "maanden": dataset.eerste_van_de_maand(datetime.date.today()),
            "bronnen": datapakket.bronnen(),
        },
    )


def lappendeken_filters(request):
    """The filters of /kaart: thema, vorm and peildatum, as the regelingen list reads them."""
    data = {k: request.GET.get(k, "") for k in ("thema", "vorm", "peildatum")}
    filterset = RegelingFilter(data, queryset=Regeling.objects.none())
    velden = filterset.form.fields
    for naam in ("thema", "vorm", "peildatum"):
        velden[naam].help_text, velden[naam].label = velden[naam].label, KORTE_LABELS[naam]
    velden["thema"].widget = forms.Select(
        choices=[("", "Geen: het aantal regelingen"), *Thema.objects.values_list("slug", "naam")]
    )
    velden["vorm"].empty_label = "Alle"
    velden["vorm"].widget.choices = velden["vorm"].choices
    velden["peildatum"].widget = forms.DateInput(attrs={"type": "date"})
    geldig = filterset.is_valid()
    thema = filterset.form.cleaned_data.get("thema") if geldig else None
    vorm = filterset.form.cleaned_data.get("vorm", "") if geldig else ""
    return filterset, geldig, thema, vorm or ""


def lappendeken(request):
    """The lappendeken: per thema, which verband each gemeente takes part in; without a thema,
    how many regelingen."""
    peildatum = peildatum_uit(request)
    filterset, geldig, thema, vorm = lappendeken_filters(request)
    uitkomst = kaart.lappendeken(peildatum=peildatum, thema=thema, vorm=vorm) if geldig else None
    parameters = {k: v for k, v in (("thema", thema.slug if thema else ""), ("vorm", vorm)) if v}
    return render(
        request,
        "agreements/kaart.html",
        {
            "filter": filterset,
            "velden": [filterset.form[naam] for naam in ("thema", "vorm", "peildatum")],
            "peildatum": peildatum,
            "thema": thema,
            "uitkomst": uitkomst,
            "kaart": kaart_context(
                uitkomst["kaart"] if uitkomst else None,
                peildatum,
                reverse("kaart-svg"),
                reverse("kaart-lappendeken"),
                parameters,
            )
            if geldig
            else None,
        },
        status=200 if geldig else 400,
    )


def lappendeken_svg(request):
    peildatum = peildatum_uit(request)
    filterset, geldig, thema, vorm = lappendeken_filters(request)
    if not geldig:
        raise Http404("Onbekend thema of onbekende vorm.")
    uitkomst = kaart.lappendeken(peildatum=peildatum, thema=thema, vorm=vorm)
    return svg_download(
        uitkomst["kaart"] if uitkomst else None, thema.slug if thema else "regelingen"
    )

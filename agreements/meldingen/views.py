"""The pages of "Klopt er iets niet?": the form for a regeling or a gemeente, and the thanks.
Plain HTML forms with CSRF, a honeypot, a minimum time to fill in and a limit per IP address."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from agreements.models import Regeling
from municipalities.models import Gemeente
from registry.peildatum import peildatum_uit

from . import services
from .forms import HONINGPOT, TOKEN, MeldingFormulier, formulier_token

logger = logging.getLogger(__name__)

UUR = 3600


def binnen_limiet(request) -> bool:
    """Count a submission from the client's IP address; true while it has sent at most
    MELDINGEN_PER_UUR in the hour since its first. The cache keeps a keyed hash of the address,
    never the address itself."""
    adres = request.META.get("REMOTE_ADDR", "")
    sleutel = "meldingen:" + salted_hmac("meldingen.limiet", adres).hexdigest()
    cache.add(sleutel, 0, timeout=UUR)
    try:
        aantal = cache.incr(sleutel)
    except ValueError:  # expired between add and incr
        cache.set(sleutel, 1, timeout=UUR)
        aantal = 1
    return aantal <= settings.MELDINGEN_PER_UUR


def formulier(request, *, onderwerp, soort: str, sleutel: str, pagina: str, bedankt: str):
    status = 200
    if request.method == "POST":
        if not binnen_limiet(request):
            response = render(
                request,
                "meldingen/te_veel.html",
                {"onderwerp": onderwerp, "pagina": pagina, "per_uur": settings.MELDINGEN_PER_UUR},
                status=429,
            )
            response["Retry-After"] = str(UUR)
            return response
        if request.POST.get(HONINGPOT):
            # A bot: it gets the same answer as a person, and nothing is stored or sent.
            logger.info("Melding over %s niet opgeslagen: honeypot ingevuld", sleutel)
            return redirect(bedankt)
        form = MeldingFormulier(request.POST, soort=soort, sleutel=sleutel)
        if form.is_valid():
            services.meld(
                onderwerp=onderwerp, **form.cleaned_data, basis_url=request.build_absolute_uri("/")
            )
            return redirect(bedankt)
        form.markeer_fouten()
        status = 400
    else:
        form = MeldingFormulier(
            soort=soort, sleutel=sleutel, initial={"peildatum": peildatum_uit(request)}
        )
    return render(
        request,
        "meldingen/formulier.html",
        {
            "form": form,
            "onderwerp": onderwerp,
            "soort": soort,
            "pagina": pagina,
            "honingpot": HONINGPOT,
            "token_naam": TOKEN,
            "token": formulier_token(sleutel),
            "bewaartermijn": settings.MELDINGEN_BEWAARTERMIJN_DAGEN,
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def regeling_melding(request, slug):
    regeling = get_object_or_404(Regeling, slug=slug)
    return formulier(
        request,
        onderwerp=regeling,
        soort="regeling",
        sleutel=f"regeling:{regeling.slug}",
        pagina=regeling.get_absolute_url(),
        bedankt=reverse("melding-regeling-verstuurd", args=[slug]),
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def gemeente_melding(request, code):
    gemeente = get_object_or_404(Gemeente, code=code)
    return formulier(
        request,
        onderwerp=gemeente,
        soort="gemeente",
        sleutel=f"gemeente:{gemeente.code}",
        pagina=gemeente.get_absolute_url(),
        bedankt=reverse("melding-gemeente-verstuurd", args=[code]),
    )


def verstuurd(request, *, onderwerp, pagina: str):
    return render(
        request,
        "meldingen/verstuurd.html",
        {
            "onderwerp": onderwerp,
            "pagina": pagina,
            "bewaartermijn": settings.MELDINGEN_BEWAARTERMIJN_DAGEN,
        },
    )


@require_GET
def regeling_verstuurd(request, slug):
    regeling = get_object_or_404(Regeling, slug=slug)
    return verstuurd(request, onderwerp=regeling, pagina=regeling.get_absolute_url())


@require_GET
def gemeente_verstuurd(request, code):
    gemeente = get_object_or_404(Gemeente, code=code)
    return verstuurd(request, onderwerp=gemeente, pagina=gemeente.get_absolute_url())

"""Bad input is refused where it enters, with a 4xx and a Dutch reason, never a 500.

- ``InvoerMiddleware``: NUL and other control characters in the path, the query or a header are
  a 400, and a body larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` is a 413, before any view,
  session or database sees them (PostgreSQL cannot hold a NUL byte and answers a query with one
  with an error);
- ``JSONParser``: the API's JSON parser, which bounds how deeply a body nests and refuses control
  characters in any key or string of it, naming where;
- the rules for the characters of stored texts are in ``registry.tekens``.
"""

import base64
import binascii
import re

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from rest_framework import exceptions, parsers

from .tekens import STUURTEKEN_REGEL, tekenfout

# In a header: C0 but tab, and DEL. (Headers arrive as ISO-8859-1, so a byte of UTF-8 text may
# look like a C1 character there; those are left to the view that reads the header.)
STUURTEKEN_HEADER = re.compile("[\x00-\x08\x0a-\x1f\x7f]")

# How deeply a JSON body may nest: the deepest the API reads is a list of objects in an object.
MAX_DIEPTE = 20

TE_GROOT_FOUT = (
    "De inhoud van het verzoek is te groot: hoogstens %(grens)s bytes, dit verzoek heeft er "
    "%(lengte)s."
)
TE_DIEP_FOUT = f"De JSON is te diep genest: hoogstens {MAX_DIEPTE} niveaus."


def _json_fouten(data) -> dict[str, str]:
    """Where a parsed JSON body nests too deeply or holds a control character: by the path of
    the value (``deelnemers.0.gemeente``) as invalidParams names it."""
    fouten: dict[str, str] = {}
    stapel = [("", data, 1)]
    while stapel:
        pad, waarde, diepte = stapel.pop()
        if isinstance(waarde, str):
            if reden := tekenfout(waarde):
                fouten.setdefault(pad or "nonFieldErrors", reden)
            continue
        if not isinstance(waarde, (dict, list)):
            continue
        if diepte > MAX_DIEPTE:
            fouten.setdefault(pad or "nonFieldErrors", TE_DIEP_FOUT)
            continue
        items = waarde.items() if isinstance(waarde, dict) else enumerate(waarde)
        for sleutel, kind in items:
            sleutel = str(sleutel)
            kind_pad = f"{pad}.{sleutel}" if pad else sleutel
            if reden := tekenfout(sleutel, patroon=STUURTEKEN_REGEL):
                fouten.setdefault(STUURTEKEN_REGEL.sub("?", kind_pad), reden)
                continue
            stapel.append((kind_pad, kind, diepte + 1))
    return fouten


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing a body that nests more than MAX_DIEPTE levels or holds a
    control character (400 with invalidParams, before any field or database reads it)."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as fout:  # deeper than Python's own limit
            raise exceptions.ParseError(TE_DIEP_FOUT) from fout
        if fouten := _json_fouten(data):
            raise exceptions.ValidationError(
                {
                    pad: [exceptions.ErrorDetail(reden, "ongeldig_teken")]
                    for pad, reden in sorted(fouten.items())
                }
            )
        return data


class InvoerMiddleware:
    """Refuse a request with a control character in its path, query or headers (400), or with a
    body over DATA_UPLOAD_MAX_MEMORY_SIZE (413): problem+json under /api/, a Dutch page
    elsewhere. Listed early: the session middleware reads the cookie header from the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if antwoord := self.controleer(request):
            return antwoord
        return self.get_response(request)

    def controleer(self, request):
        fouten = []
        if reden := tekenfout(request.path, patroon=STUURTEKEN_REGEL):
            fouten.append(("path", reden))
        for naam, waarden in request.GET.lists():
            for tekst in (naam, *waarden):
                if reden := tekenfout(tekst, patroon=STUURTEKEN_REGEL):
                    fouten.append((STUURTEKEN_REGEL.sub("?", naam), reden))
                    break
        for sleutel, waarde in request.META.items():
            if not sleutel.startswith(("HTTP_", "CONTENT_")) or not isinstance(waarde, str):
                continue
            if reden := tekenfout(waarde, patroon=STUURTEKEN_HEADER):
                fouten.append((header_naam(sleutel), reden))
        if reden := basic_fout(request.META.get("HTTP_AUTHORIZATION", "")):
            fouten.append(("Authorization", reden))
        if fouten:
            return self.antwoord(request, 400, fouten)
        lengte = request.META.get("CONTENT_LENGTH") or "0"
        grens = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if not lengte.isdigit():
            return self.antwoord(request, 400, [("Content-Length", "Geen geldige lengte.")])
        if grens is not None and int(lengte) > grens:
            reden = TE_GROOT_FOUT % {"grens": grens, "lengte": int(lengte)}
            return self.antwoord(request, 413, [("Content-Length", reden)], detail=reden)
        return None

    @staticmethod
    def antwoord(request, status_code: int, fouten: list[tuple[str, str]], detail: str = ""):
        # Imported here: registry.api imports DRF's views, which read the settings.
        from .api import API_PREFIX, probleem

        if request.path.startswith(API_PREFIX):
            response = JsonResponse(
                probleem(
                    status_code,
                    detail or "De vraag bevat een teken dat niet is toegestaan.",
                    instance=STUURTEKEN_REGEL.sub("", request.path),
                    invalidParams=[
                        {"name": naam, "code": "ongeldig_teken", "reason": reden}
                        for naam, reden in fouten
                    ],
                ),
                status=status_code,
                content_type="application/problem+json",
            )
            response["API-Version"] = settings.API_VERSION
            return response
        return render(
            request,
            "invoer_fout.html",
            {"status": status_code, "fouten": [reden for _, reden in fouten]},
            status=status_code,
        )


def basic_fout(header: str) -> str | None:
    """Why the user name and password of an HTTP Basic header cannot be read (they reach the
    database as they are), or None: no Basic header, or one that can."""
    soort, _, waarde = header.partition(" ")
    if soort.lower() != "basic" or not waarde:
        return None
    try:
        gegevens = base64.b64decode(waarde.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return "De gegevens van HTTP Basic zijn geen geldige base64-gecodeerde UTF-8-tekst."
    return tekenfout(gegevens, patroon=STUURTEKEN_REGEL)


def header_naam(sleutel: str) -> str:
    """The name of a header as a client wrote it: HTTP_X_API_KEY is X-Api-Key."""
    return sleutel.removeprefix("HTTP_").replace("_", "-").title()


class PermissionsPolicyMiddleware:
    """The Permissions-Policy header (settings.PERMISSIONS_POLICY) on every response: the register
    uses no camera, microphone, location or payment, so no page may ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

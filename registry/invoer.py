"""Bad input is refused where it enters, with a 4xx and a Dutch reason, never a 500.

- ``InvoerMiddleware``: NUL and other control characters in the path, the query or a header are
  a 400, and a body larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` is a 413, before any view,
  session or database sees them (PostgreSQL cannot hold a NUL byte and answers a query with one
  with an error);
- ``JSONParser``: the API's JSON parser, which bounds how deeply a body nests and refuses control
  characters in any key or string of it, naming where;
- ``TekstControle``: a model mixin whose ``clean_fields`` normalises every text to Unicode NFC
  and refuses control characters, and in names also invisible characters (zero width, bidi
  overrides); admin forms and API serializers both run it through ``full_clean``.
"""

import base64
import binascii
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import JsonResponse
from django.shortcuts import render
from rest_framework import exceptions, parsers

# C0 control characters except tab, line feed and carriage return, DEL, C1 control characters,
# lone surrogates (JSON can carry them as "\ud800"; no database can store them) and the
# noncharacters U+FFFE and U+FFFF. A text with line breaks may have the three.
STUURTEKEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# In a value of one line (a path, a query parameter): every control character.
STUURTEKEN_REGEL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# In a header: C0 but tab, and DEL. (Headers arrive as ISO-8859-1, so a byte of UTF-8 text may
# look like a C1 character there; those are left to the view that reads the header.)
STUURTEKEN_HEADER = re.compile("[\x00-\x08\x0a-\x1f\x7f]")
# Invisible in a name, and so able to make two names that look the same differ: zero-width
# space, non-joiner and joiner, the left-to-right and right-to-left marks, the bidi embeddings,
# overrides and isolates, the word joiner and invisible operators, and the byte order mark.
ONZICHTBAAR = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

# Model fields that hold a name or title, where invisible characters are refused too.
NAAMVELDEN = {"naam", "titel", "afkorting"}
# How deeply a JSON body may nest: the deepest the API reads is a list of objects in an object.
MAX_DIEPTE = 20

STUURTEKEN_FOUT = (
    "Bevat een teken dat niet is toegestaan: een NUL- of ander stuurteken (zoals U+%(code)s)."
)
ONZICHTBAAR_FOUT = (
    "Een naam mag geen onzichtbare tekens bevatten (zoals U+%(code)s: een teken zonder breedte "
    "of voor de schrijfrichting)."
)
TE_GROOT_FOUT = (
    "De inhoud van het verzoek is te groot: hoogstens %(grens)s bytes, dit verzoek heeft er "
    "%(lengte)s."
)
TE_DIEP_FOUT = f"De JSON is te diep genest: hoogstens {MAX_DIEPTE} niveaus."


def code(teken: str) -> str:
    return f"{ord(teken):04X}"


def tekenfout(tekst: str, *, patroon=STUURTEKEN, naam: bool = False) -> str | None:
    """The Dutch reason why ``tekst`` cannot be stored, or None when it can."""
    if fout := patroon.search(tekst):
        return STUURTEKEN_FOUT % {"code": code(fout.group())}
    if naam and (fout := ONZICHTBAAR.search(tekst)):
        return ONZICHTBAAR_FOUT % {"code": code(fout.group())}
    return None


def zonder_onzichtbaar(tekst: str) -> str:
    """``tekst`` in NFC without invisible characters: for names read from another source (the
    ROO export has zero-width spaces in some titles), which are cleaned rather than refused."""
    return ONZICHTBAAR.sub("", unicodedata.normalize("NFC", tekst)).strip()


class TekstControle:
    """Mixin for models: every text field in NFC, without control characters, names also without
    invisible characters. Runs in ``full_clean``, so in the admin and the API alike."""

    def clean_fields(self, exclude=None):
        fouten = {}
        for veld in self._meta.concrete_fields:
            if not isinstance(veld, (models.CharField, models.TextField)):
                continue
            if exclude and veld.name in exclude:
                continue
            waarde = getattr(self, veld.attname)
            if not isinstance(waarde, str):
                continue
            genormaliseerd = unicodedata.normalize("NFC", waarde)
            if genormaliseerd != waarde:
                setattr(self, veld.attname, genormaliseerd)
            if reden := tekenfout(genormaliseerd, naam=veld.name in NAAMVELDEN):
                fouten[veld.name] = [ValidationError(reden, code="ongeldig_teken")]
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            for naam, berichten in error.error_dict.items():
                fouten.setdefault(naam, berichten)
        if fouten:
            raise ValidationError(fouten)


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
            if (sleutel.startswith("HTTP_") or sleutel.startswith("CONTENT_")) and isinstance(
                waarde, str
            ):
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

"""What every endpoint under /api/ shares, as the NL API Design Rules ask: problem+json errors
(RFC 9457), who may write, pagination with Link headers, and the API-Version and security
headers. The base views are in viewsets.py."""

import logging
import re

from django.conf import settings
from django.db import IntegrityError
from django.db.models import ProtectedError
from django.http import JsonResponse
from django.views.defaults import page_not_found
from rest_framework import exceptions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle
from rest_framework.utils.urls import replace_query_param

from .peildatum import OngeldigeParameter

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
PROBLEM_JSON = "application/problem+json"

TITELS = {
    400: "Ongeldige vraag",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    409: "Conflict",
    412: "Gewijzigd sinds het lezen",
    415: "Mediatype niet ondersteund",
    428: "If-Match ontbreekt",
    429: "Te veel verzoeken",
    500: "Interne fout",
}
DETAILS = {
    404: "Er is geen resource op dit adres.",
    405: "Deze methode is op dit adres niet toegestaan.",
    500: "Er ging iets mis bij het verwerken van de vraag.",
}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = (
        "Dit kan niet worden verwijderd: andere gegevens in het register verwijzen ernaar."
    )
    default_code = "protected"


class IfMatchOntbreekt(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = (
        "Stuur de header If-Match mee met de ETag van de versie die u hebt gelezen (GET), zodat "
        "u geen wijziging van een ander overschrijft."
    )
    default_code = "if_match_ontbreekt"


class GewijzigdSindsLezen(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = (
        "Dit gegeven is gewijzigd sinds u het las: de ETag in If-Match is niet meer de huidige. "
        "Lees het opnieuw (GET) en stuur de nieuwe ETag mee."
    )
    default_code = "gewijzigd"


class ProblemJSONRenderer(JSONRenderer):
    media_type = PROBLEM_JSON
    format = "problem+json"


def verwijderen_geweigerd(fout: ProtectedError) -> str:
    """Why a delete is refused, in Dutch: what still refers to it, and what to do instead."""
    soorten = sorted({str(obj._meta.verbose_name_plural) for obj in fout.protected_objects})
    return (
        "Dit kan niet worden verwijderd: er zijn nog "
        + ", ".join(soorten)
        + " die ernaar verwijzen. Een regeling of gemeente die ophoudt, verwijdert u niet: "
        "beëindig de regeling (einddatum) of hef de gemeente op met een herindeling."
    )


def probleem(status_code: int, detail: str = "", instance: str = "", **extra) -> dict:
    return {
        "type": f"https://datatracker.ietf.org/doc/html/rfc9110#status.{status_code}",
        "title": TITELS.get(status_code, "Fout"),
        "status": status_code,
        "detail": detail or DETAILS.get(status_code, TITELS.get(status_code, "Fout")),
        "instance": instance,
        **extra,
    }


def invalid_params(fouten, prefix: str = "") -> list[dict]:
    """Flatten DRF validation errors into the invalidParams list of the NL API rules."""
    if isinstance(fouten, dict):
        return [
            param
            for naam, sub in fouten.items()
            for param in invalid_params(sub, f"{prefix}.{naam}" if prefix else naam)
        ]
    if isinstance(fouten, list) and fouten and not isinstance(fouten[0], str):
        return [
            param
            for i, sub in enumerate(fouten)
            for param in invalid_params(sub, f"{prefix}.{i}" if prefix else str(i))
        ]
    items = fouten if isinstance(fouten, list) else [fouten]
    naam = "nonFieldErrors" if prefix in ("", "non_field_errors") else prefix
    return [
        {"name": naam, "code": getattr(fout, "code", "invalid"), "reason": str(fout)}
        for fout in items
    ]


def exception_handler(exc, context):
    # Imported here: rest_framework.views reads the settings that name this module.
    from rest_framework.views import exception_handler as drf_exception_handler

    request = context["request"]
    if isinstance(exc, OngeldigeParameter):
        exc = exceptions.ValidationError(
            {exc.parameter: [exceptions.ErrorDetail(exc.bericht, "invalid")]}
        )
    elif isinstance(exc, ProtectedError):
        exc = Conflict(verwijderen_geweigerd(exc))
    elif isinstance(exc, exceptions.Throttled):
        exc = exceptions.Throttled(
            exc.wait,
            f"Te veel verzoeken. Probeer het over {exc.wait:.0f} seconden opnieuw, of log in "
            "met een persoonlijke token.",
        )
    elif isinstance(exc, IntegrityError):
        exc = exceptions.ValidationError(
            "De gegevens zijn in strijd met een regel van het register.", code="integrity"
        )
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    extra = {}
    if isinstance(exc, exceptions.ValidationError):
        extra["invalidParams"] = invalid_params(exc.detail)
        detail = "De vraag bevat ongeldige parameters of gegevens."
    else:
        detail = str(getattr(exc, "detail", "")) or ""
    response.data = probleem(response.status_code, detail, request.get_full_path(), **extra)
    request.accepted_renderer = ProblemJSONRenderer()
    request.accepted_media_type = PROBLEM_JSON
    return response


class AnoniemeLimiet(AnonRateThrottle):
    """Requests without a login, per address: ``API_LIMIET_ANONIEM`` (read when asked, so
    that tests and schemathesis can raise it)."""

    def get_rate(self):
        return settings.API_LIMIET_ANONIEM


class GebruikersLimiet(UserRateThrottle):
    """Requests with a login, per user: ``API_LIMIET_GEBRUIKER``."""

    def get_rate(self):
        return settings.API_LIMIET_GEBRUIKER


class Pagination(PageNumberPagination):
    """page and pageSize (bounded); the page itself as a JSON array, navigation in headers."""

    page_size = 20
    max_page_size = 100
    page_query_param = "page"
    page_size_query_param = "pageSize"
    page_query_description = "Nummer van de pagina, vanaf 1."
    page_size_query_description = "Aantal resultaten per pagina: 1 tot en met 100, standaard 20."

    def get_page_size(self, request):
        return self._positief_getal(request, self.page_size_query_param, self.page_size)

    def paginate_queryset(self, queryset, request, view=None):
        self.valideer(request)
        return super().paginate_queryset(queryset, request, view)

    def valideer(self, request):
        self._positief_getal(request, self.page_query_param, 1)
        self.get_page_size(request)

    def _positief_getal(self, request, parameter, standaard):
        waarde = request.query_params.get(parameter)
        if waarde is None:
            return standaard
        if not re.fullmatch(r"[0-9]+", waarde) or int(waarde) < 1:
            raise exceptions.ValidationError(
                {parameter: [exceptions.ErrorDetail("Geef een geheel getal vanaf 1.", "invalid")]}
            )
        if parameter == self.page_size_query_param and int(waarde) > self.max_page_size:
            raise exceptions.ValidationError(
                {
                    parameter: [
                        exceptions.ErrorDetail(
                            f"De paginagrootte is hoogstens {self.max_page_size}.", "max_value"
                        )
                    ]
                }
            )
        return int(waarde)

    def get_paginated_response(self, data):
        return Response(data, headers=self.headers())

    def headers(self) -> dict:
        pagina = self.page
        laatste = max(pagina.paginator.num_pages, 1)
        url = self.request.build_absolute_uri()
        links = {"first": 1, "last": laatste}
        if pagina.has_previous():
            links["prev"] = pagina.previous_page_number()
        if pagina.has_next():
            links["next"] = pagina.next_page_number()
        return {
            "Link": ", ".join(
                f'<{replace_query_param(url, self.page_query_param, nummer)}>; rel="{rel}"'
                for rel, nummer in links.items()
            ),
            "X-Total-Count": str(pagina.paginator.count),
            "X-Pagination-Page": str(pagina.number),
            "X-Pagination-Limit": str(pagina.paginator.per_page),
        }

    def get_paginated_response_schema(self, schema):
        return schema

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters


class ApiMiddleware:
    """Headers and problem+json for everything under /api/, also for Django's own 404/405/500."""

    SECURITY_HEADERS = {
        # Content-Security-Policy and Strict-Transport-Security come from django-csp and
        # Django's SecurityMiddleware, for pages and API alike.
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX):
            return response
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith(
            PROBLEM_JSON
        ):
            response = self.probleem_response(request, response.status_code, response)
        response["API-Version"] = settings.API_VERSION
        for header, waarde in self.SECURITY_HEADERS.items():
            response.setdefault(header, waarde)
        if "openapi" in request.path:
            response["Access-Control-Allow-Origin"] = "*"
        return response

    def process_exception(self, request, exception):
        if not request.path.startswith(API_PREFIX):
            return None
        logger.exception("Fout bij %s %s", request.method, request.path)
        return self.probleem_response(request, status.HTTP_500_INTERNAL_SERVER_ERROR)

    @staticmethod
    def probleem_response(request, status_code, oorspronkelijk=None):
        response = JsonResponse(
            probleem(status_code, instance=request.get_full_path()),
            status=status_code,
            content_type=PROBLEM_JSON,
        )
        if oorspronkelijk is not None and oorspronkelijk.has_header("Allow"):
            response["Allow"] = oorspronkelijk["Allow"]
        return response


def niet_gevonden(request, exception):
    """The 404 handler: problem+json under /api/ (without rendering the HTML page), else the
    Dutch 404 page."""
    if request.path.startswith(API_PREFIX):
        return ApiMiddleware.probleem_response(request, status.HTTP_404_NOT_FOUND)
    return page_not_found(request, exception)

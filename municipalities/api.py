import datetime

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import views
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from registry.converters import CBS_CODE_INVOER, cbs_code
from registry.peildatum import parse_peildatum
from registry.viewsets import RegisterViewSet, StrictQueryParamsMixin, crud_schema

from .filters import GemeenteFilter, PartnerFilter
from .grenzen import GRENZEN_VANAF
from .kaart import ATTRIBUTIE, geojson, heeft_grenzen
from .models import Gemeente, Herindeling, Partner
from .serializers import GemeenteSerializer, HerindelingSerializer, PartnerSerializer

VOORSCHOTEN = OpenApiExample(
    "Voorschoten",
    summary="Gemeente Voorschoten (uit de voorbeelddata)",
    response_only=True,
    value={
        "url": "https://samenwerkingsregister.nl/api/v1/gemeenten/GM0626",
        "code": "GM0626",
        "naam": "Voorschoten",
        "tooi": "https://identifier.overheid.nl/tooi/id/gemeente/gm0626",
        "organisatiecode": "gm0626",
        "rooId": "35396",
        "oin": "00000001001797621000",
        "kvkNummer": "27381083",
        "rsin": "001797621",
        "wikidata": "Q848324",
        "provincie": "pv28",
        "begindatum": None,
        "einddatum": None,
        "opvolger": None,
        "inwoners": 25975,
        "inwonersPeiljaar": None,
    },
)


@crud_schema(
    "gemeenten",
    "gemeente",
    "Gemeenten die op de peildatum bestaan; één gemeente ook als zij is opgeheven.",
    VOORSCHOTEN,
)
class GemeenteViewSet(RegisterViewSet):
    queryset = Gemeente.objects.select_related("provincie", "opvolger").order_by("naam", "code")
    serializer_class = GemeenteSerializer
    filterset_class = GemeenteFilter
    lookup_field = "code"
    lookup_value_regex = CBS_CODE_INVOER
    export_naam = "gemeenten"

    def lookup_value(self, value: str) -> str:
        return cbs_code(value)


@crud_schema(
    "partners",
    "partner",
    "Provincies, waterschappen, rijk, samenwerkingsorganisaties "
    "en andere deelnemers die geen gemeente zijn.",
)
class PartnerViewSet(RegisterViewSet):
    queryset = Partner.objects.order_by("naam", "id")
    serializer_class = PartnerSerializer
    filterset_class = PartnerFilter
    lookup_field = "slug"
    lookup_url_kwarg = "identificatie"
    export_naam = "partners"


@extend_schema_view(
    list=extend_schema(
        summary="Herindelingen",
        description="Gemeentelijke herindelingen: wanneer welke gemeenten opgaan in welke "
        "opvolger, met bron en of de herindeling al is doorgevoerd in de deelnames.",
    ),
    retrieve=extend_schema(summary="Eén herindeling", description="Eén herindeling."),
)
class HerindelingViewSet(RegisterViewSet):
    http_method_names = ["get", "head", "options"]
    queryset = Herindeling.objects.select_related("opvolger").prefetch_related(
        "opgeheven", "overgangen__gemeente", "overgangen__opvolger"
    )
    serializer_class = HerindelingSerializer
    lookup_field = "slug"
    lookup_url_kwarg = "identificatie"
    export_naam = "herindelingen"


class GeoJsonRenderer(JSONRenderer):
    """GeoJSON (RFC 7946) under its own media type."""

    media_type = "application/geo+json"
    format = "geojson"


GEEN_GRENZEN = (
    f"Het register heeft geen grenzen van vóór {GRENZEN_VANAF:%-d-%-m-%Y}: kies een latere "
    "peildatum."
)
PEILDATUM_KAART = OpenApiParameter(
    "peildatum",
    datetime.date,
    description="Peildatum (JJJJ-MM-DD): de gemeenten en hun grenzen op deze datum, vanaf "
    f"{GRENZEN_VANAF:%Y-%m-%d}; standaard vandaag.",
)


def geojson_antwoord(beschrijving: str) -> dict:
    """The responses of a map in the OpenAPI document: GeoJSON, or 404 before 2015."""
    return {
        (200, GeoJsonRenderer.media_type): OpenApiResponse(
            OpenApiTypes.OBJECT, description=beschrijving
        ),
        404: OpenApiResponse(description=GEEN_GRENZEN),
    }


class KaartView(StrictQueryParamsMixin, views.APIView):
    # A map as GeoJSON on a peildatum (default today); before 2015 a 404 that says why.
    http_method_names = ["get"]
    renderer_classes = [GeoJsonRenderer]
    extra_query_params: tuple[str, ...] = ("peildatum",)

    def peildatum(self) -> datetime.date:
        peildatum = parse_peildatum(self.request.query_params.get("peildatum"))
        if not heeft_grenzen(peildatum):
            raise NotFound(GEEN_GRENZEN)
        return peildatum


@extend_schema_view(
    get=extend_schema(
        operation_id="kaart_gemeenten",
        tags=["kaart"],
        summary="Kaart van de gemeenten",
        description="De gemeenten die op de peildatum bestaan met hun grenzen, als GeoJSON "
        "FeatureCollection (RFC 7946, WGS84 lengte- en breedtegraad), met CBS-code, naam en "
        f"provincie. {ATTRIBUTIE}",
        parameters=[PEILDATUM_KAART],
        responses=geojson_antwoord("De gemeenten van de peildatum als GeoJSON."),
    )
)
class KaartGemeentenView(KaartView):
    def get(self, request):
        return Response(geojson(None, self.peildatum()))

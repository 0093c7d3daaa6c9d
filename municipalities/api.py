from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view

from registry.converters import CBS_CODE_INVOER, cbs_code
from registry.viewsets import RegisterViewSet, crud_schema

from .filters import GemeenteFilter, PartnerFilter
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

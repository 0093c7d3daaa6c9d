from drf_spectacular.utils import extend_schema, extend_schema_view

from registry.converters import CBS_CODE_INVOER, cbs_code
from registry.viewsets import RegisterViewSet, crud_schema

from .filters import GemeenteFilter, PartnerFilter
from .models import Gemeente, Herindeling, Partner
from .serializers import GemeenteSerializer, HerindelingSerializer, PartnerSerializer


@crud_schema(
    "gemeenten",
    "gemeente",
    "Gemeenten die op de peildatum bestaan; één gemeente ook als zij is opgeheven.",
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
    http_method_names = ["get", "head"]
    queryset = Herindeling.objects.select_related("opvolger").prefetch_related(
        "opgeheven", "overgangen__gemeente", "overgangen__opvolger"
    )
    serializer_class = HerindelingSerializer
    lookup_field = "slug"
    lookup_url_kwarg = "identificatie"
    export_naam = "herindelingen"

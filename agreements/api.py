from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import SAFE_METHODS

from registry.peildatum import parse_peildatum
from registry.viewsets import RegisterViewSet, crud_schema

from .constants import Rol
from .filters import DeelnameFilter, RegelingFilter, ThemaFilter
from .models import Deelname, Regeling, Thema
from .serializers import (
    BESTUURSORGANEN,
    DeelnameSerializer,
    RegelingDetailSerializer,
    RegelingExportSerializer,
    RegelingSerializer,
    ThemaSerializer,
)

ROLLEN = {str(code): str(label) for code, label in Rol.choices}


@crud_schema("thema's", "thema", "Beleidsterreinen (TOOI), met domein en beleidsintensiteit.")
class ThemaViewSet(RegisterViewSet):
    queryset = Thema.objects.select_related("bovenliggend").order_by("naam", "id")
    serializer_class = ThemaSerializer
    filterset_class = ThemaFilter
    lookup_field = "slug"
    lookup_url_kwarg = "identificatie"
    export_naam = "themas"


@crud_schema(
    "regelingen",
    "regeling",
    "Regelingen die op de peildatum gelden, gefilterd op deelnemer, thema, vorm, provincie, "
    "status of zoekterm.",
)
class RegelingViewSet(RegisterViewSet):
    queryset = Regeling.objects.prefetch_related("themas").order_by("naam", "id")
    filterset_class = RegelingFilter
    lookup_field = "slug"
    lookup_url_kwarg = "identificatie"
    export_naam = "regelingen"

    def get_serializer_class(self):
        if self.action == "retrieve":
            return RegelingDetailSerializer
        if self.action == "list" and self.export_formaat():
            return RegelingExportSerializer
        return RegelingSerializer

    def export_queryset(self, queryset):
        # The deelnemers on the peildatum of the list, for every regeling in one query per part.
        deelnames = Deelname.objects.actief_op(self.filterset.peildatum_waarde())
        return queryset.prefetch_related(
            Prefetch(
                "deelnames",
                queryset=deelnames.select_related("gemeente", "partner"),
                to_attr="deelnemers_op_peildatum",
            )
        )

    def toegestane_parameters(self) -> set[str]:
        extra = {"peildatum"} if self.action == "retrieve" else set()
        return super().toegestane_parameters() | extra

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "peildatum",
                OpenApiTypes.DATE,
                description="De regeling zoals zij was op deze datum (naam, vorm, doel en status "
                "van de versie die toen gold); standaard vandaag.",
            )
        ]
    )
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action == "retrieve" and self.request.method in SAFE_METHODS:
            peildatum = parse_peildatum(self.request.query_params.get("peildatum"))
            queryset = queryset.op_peildatum(peildatum)
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch(
                    "deelnames",
                    queryset=Deelname.objects.select_related("gemeente", "partner").order_by(
                        "begindatum", "id"
                    ),
                ),
                "versies",
                "publicaties",
            )
        return queryset


@crud_schema(
    "deelnames",
    "deelname",
    "Deelnames van gemeenten en partners die op de peildatum lopen, in regelingen die dan gelden.",
)
class DeelnameViewSet(RegisterViewSet):
    queryset = Deelname.objects.select_related("regeling", "gemeente", "partner").order_by(
        "regeling__naam", "begindatum", "id"
    )
    serializer_class = DeelnameSerializer
    filterset_class = DeelnameFilter
    lookup_field = "uuid"
    lookup_url_kwarg = "identificatie"
    export_naam = "deelnames"
    export_percentages = {"verdeelsleutel": 100}
    export_velden = (
        "uuid",
        "regeling__slug",
        "gemeente__code",
        "partner__slug",
        "gemeente__naam",
        "partner__naam",
        "rol",
        "begindatum",
        "einddatum",
        "namens_raad",
        "namens_college",
        "namens_burgemeester",
        "verdeelsleutel",
        "toelichting",
    )

    def export_rij(self, waarden: tuple) -> list:
        # The columns of DeelnameSerializer: tests/test_api_exports.py compares the two.
        (uuid, regeling, gemeente, partner, gemeente_naam, partner_naam, rol, begin, einde) = (
            waarden[:9]
        )
        raad, college, burgemeester, verdeelsleutel, toelichting = waarden[9:]
        organen = [
            naam
            for naam, aan in zip(BESTUURSORGANEN, (raad, college, burgemeester), strict=True)
            if aan
        ]
        return [
            str(uuid),
            regeling,
            gemeente,
            partner,
            gemeente_naam or partner_naam,
            ROLLEN.get(rol, rol),
            begin,
            einde,
            organen,
            verdeelsleutel,
            toelichting,
        ]

from django.db.models import Prefetch

from registry.viewsets import RegisterViewSet, crud_schema

from .filters import DeelnameFilter, RegelingFilter, ThemaFilter
from .models import Deelname, Regeling, Thema
from .serializers import (
    DeelnameSerializer,
    RegelingDetailSerializer,
    RegelingSerializer,
    ThemaSerializer,
)


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
        return RegelingDetailSerializer if self.action == "retrieve" else RegelingSerializer

    def get_queryset(self):
        queryset = super().get_queryset()
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

import itertools
from collections import defaultdict

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework.permissions import SAFE_METHODS

from registry.peildatum import parse_peildatum
from registry.viewsets import RegisterViewSet, crud_schema

from .constants import VORMEN, Rechtsgebied, Rol, Status, Vorm
from .filters import DeelnameFilter, RegelingFilter, ThemaFilter
from .models import Deelname, Regeling, Thema
from .serializers import (
    BESTUURSORGANEN,
    BEVOEGDHEIDSVERKRIJGINGEN,
    DeelnameSerializer,
    RegelingDetailSerializer,
    RegelingExportSerializer,
    RegelingSerializer,
    ThemaSerializer,
)

ROLLEN = {str(code): str(label) for code, label in Rol.choices}
VORM_LABELS = {str(code): str(label) for code, label in Vorm.choices}
STATUS_LABELS = {str(code): str(label) for code, label in Status.choices}
RECHTSGEBIED_LABELS = {str(code): str(label) for code, label in Rechtsgebied.choices}
EXPORT_DEEL = 500


@crud_schema("thema's", "thema", "Beleidsterreinen (TOOI), met domein en beleidsintensiteit.")
class ThemaViewSet(RegisterViewSet):
    queryset = Thema.objects.select_related("bovenliggend").order_by("naam", "id")
    serializer_class = ThemaSerializer
    filterset_class = ThemaFilter
    lookup_field = "slug"
    lookup_url_kwarg = "identificatie"
    export_naam = "themas"


DUIVENVOORDE = OpenApiExample(
    "Werkorganisatie Duivenvoorde",
    summary="Werkorganisatie Duivenvoorde van Voorschoten en Wassenaar (uit de voorbeelddata)",
    response_only=True,
    value={
        "url": "https://samenwerkingsregister.nl/api/v1/regelingen/werkorganisatie-duivenvoorde",
        "identificatie": "werkorganisatie-duivenvoorde",
        "naam": "Gemeenschappelijke Regeling Werkorganisatie Duivenvoorde",
        "afkorting": "",
        "doel": "Doel van de Werkorganisatie is het zijn van een goede, sterke, "
        "toekomstbestendige en kostenefficiënte ambtelijke organisatie, die in staat is tot een "
        "kwalitatief goede en doelmatige uitvoering van de door de deelnemende bestuursorganen "
        "aan Werkorganisatie V&W opgedragen taken.",
        "vorm": "OL",
        "rechtsgebied": "publiekrecht",
        "grondslagVorm": "Wgr art. 8 lid 1",
        "rechtspersoonlijkheid": True,
        "bevoegdheidsverkrijgingen": ["mandaat"],
        "themas": [],
        "status": "opgeheven",
        "deelnemersVolledig": True,
        "begindatum": "2013-01-01",
        "einddatum": "2022-12-31",
        "vestigingsplaats": "Wassenaar",
        "adres": "Johan de Wittstraat 45, 2242 LV Wassenaar",
        "wettelijkeVoorschriften": "Algemene wet bestuursrecht "
        "(http://wetten.overheid.nl/jci1.3:c:BWBR0005537)\nGemeentewet "
        "(http://wetten.overheid.nl/jci1.3:c:BWBR0005416)\nWet gemeenschappelijke regelingen "
        "(http://wetten.overheid.nl/jci1.3:c:BWBR0003740)",
        "overgedragenBevoegdheden": "Artikel 5 Bevoegdheden\n1. De colleges alsmede de "
        "burgemeesters van de gemeenten kunnen bevoegdheden in mandaat verlenen en daarmee taken "
        "opdragen aan het dagelijks bestuur of de concerndirectie.",
        "organisatiecode": "so0714",
        "tooi": "https://identifier.overheid.nl/tooi/id/so/so0714",
        "oin": "00000001823662330000",
        "kvkNummer": "56802935",
        "rsin": "",
        "wikidata": "",
        "bron": "Register van Overheidsorganisaties (CC0), regeling 28604223 en de gegevens van "
        "de organisatie so0714",
        "bronRegistratienummer": "",
        "bronUrl": "https://organisaties.overheid.nl/28604223/"
        "gemeenschappelijke-regeling-werkorganisatie-duivenvoorde",
    },
)


@crud_schema(
    "regelingen",
    "regeling",
    "Regelingen die op de peildatum gelden, gefilterd op deelnemer, thema, vorm, provincie, "
    "status of zoekterm.",
    DUIVENVOORDE,
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

    export_velden = (
        "pk",
        "slug",
        "naam",
        "afkorting",
        "doel",
        "vorm",
        "attributie",
        "delegatie",
        "mandaat",
        "status",
        "deelnemers_volledig",
        "begindatum",
        "einddatum",
        "vestigingsplaats",
        "adres",
        "wettelijke_grondslagen",
        "bevoegdheden",
        "organisatiecode",
        "oin",
        "kvk_nummer",
        "rsin",
        "wikidata",
        "bron",
        "bron_registratienummer",
        "bron_url",
    )

    def export_rijen(self, queryset):
        """The rows of RegelingExportSerializer from values_list, in parts: per part one
        query for the thema's and one for the deelnemers on the peildatum."""
        peildatum = self.filterset.peildatum_waarde()
        # Read as on the peildatum (op_peildatum): the name, vorm, doel and status of then.
        velden = [
            f"{veld}_op" if f"{veld}_op" in queryset.query.annotations else veld
            for veld in self.export_velden
        ]
        rijen = queryset.values_list(*velden).iterator(chunk_size=EXPORT_DEEL * 4)
        while deel := list(itertools.islice(rijen, EXPORT_DEEL * 4)):
            ids = [rij[0] for rij in deel]
            themas = defaultdict(list)
            for regeling_id, slug in (
                Regeling.themas.through.objects.filter(regeling_id__in=ids)
                .order_by("thema__naam", "thema_id")
                .values_list("regeling_id", "thema__slug")
            ):
                themas[regeling_id].append(slug)
            deelnemers = defaultdict(list)
            for regeling_id, gemeente, pk, gemeente_naam, partner_naam in (
                Deelname.objects.actief_op(peildatum)
                .filter(regeling_id__in=ids)
                .order_by()
                .values_list("regeling_id", "gemeente_id", "pk", "gemeente__naam", "partner__naam")
            ):
                naam = gemeente_naam if gemeente else partner_naam
                deelnemers[regeling_id].append((gemeente is None, naam, pk))
            deelnemers = {r: [d[1] for d in sorted(lijst)] for r, lijst in deelnemers.items()}
            for rij in deel:
                yield self.export_rij(rij, themas[rij[0]], deelnemers.get(rij[0], []))

    def export_rij(self, waarden: tuple, themas=(), deelnemers=()) -> list:
        # The columns of RegelingExportSerializer: tests/test_export_stroom.py compares them.
        (_, slug, naam, afkorting, doel, vorm, attributie, delegatie, mandaat, status) = waarden[
            :10
        ]
        eigenschappen = VORMEN.get(vorm)
        return [
            slug,
            naam,
            afkorting,
            doel,
            VORM_LABELS.get(vorm, vorm),
            RECHTSGEBIED_LABELS.get(eigenschappen.rechtsgebied) if eigenschappen else None,
            eigenschappen.grondslag if eigenschappen else None,
            eigenschappen.rechtspersoonlijkheid if eigenschappen else None,
            [
                naam
                for naam, aan in zip(
                    BEVOEGDHEIDSVERKRIJGINGEN, (attributie, delegatie, mandaat), strict=True
                )
                if aan
            ],
            list(themas),
            STATUS_LABELS.get(status, status),
            list(dict.fromkeys(deelnemers)),
            *self.met_tooi(waarden[10:]),
        ]

    def met_tooi(self, rest: tuple) -> list:
        """The columns from deelnemersVolledig on, with the TOOI URI (derived from the
        organisatiecode, as Regeling.tooi does) after the organisatiecode."""
        plek = self.export_velden.index("organisatiecode") - 10
        organisatiecode = rest[plek]
        tooi = Regeling(organisatiecode=organisatiecode).tooi
        return [*rest[: plek + 1], tooi, *rest[plek + 1 :]]

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

"""API of grip op samenwerking: the resources (read for everyone, write for staff) and the
dashboard and verbonden partijen of a gemeente. The work is done in selectors.py."""

import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from agreements.overzichten import PEILDATUM, GemeenteKort, RegelingKort, gemeente_selectie
from municipalities.models import Gemeente
from registry.converters import CBS_CODE_INVOER, cbs_code
from registry.peildatum import JAAR_SCHEMA, parse_jaar
from registry.viewsets import OverzichtView, RegisterViewSet, crud_schema

from . import selectors
from .constants import Verdeelbasis
from .filters import (
    BijdrageFilter,
    EvaluatieFilter,
    JaarcijfersFilter,
    JaarstukFilter,
    ProcedurestapFilter,
    RapporteurFilter,
    ToetsingFilter,
    VertegenwoordigerFilter,
    ZienswijzeFilter,
)
from .models import (
    Beeindiging,
    Bijdrage,
    Evaluatie,
    Jaarcijfers,
    Jaarstuk,
    Procedurestap,
    Raadsafspraak,
    Rapporteur,
    Toetsing,
    Vertegenwoordiger,
    Zienswijze,
)
from .serializers import (
    BeeindigingSerializer,
    BijdrageSerializer,
    EvaluatieSerializer,
    JaarcijfersSerializer,
    JaarstukSerializer,
    ProcedurestapSerializer,
    RaadsafspraakSerializer,
    RapporteurSerializer,
    ToetsingSerializer,
    VertegenwoordigerSerializer,
    ZienswijzeSerializer,
)


class GripViewSet(RegisterViewSet):
    lookup_field = "uuid"
    lookup_url_kwarg = "identificatie"
    lookup_value_regex = "[0-9a-fA-F-]{36}"


@crud_schema(
    "procedurestappen",
    "procedurestap",
    "De stappen van de Wgr-procedure (art. 1) per regeling en per deelnemende gemeente: "
    "ontwerp, zienswijze met uiterste datum, toestemming, besluit, ondertekening, publicatie en "
    "inwerkingtreding.",
)
class ProcedurestapViewSet(GripViewSet):
    queryset = Procedurestap.objects.select_related("regeling", "gemeente").order_by(
        "regeling__naam", "gemeente__naam", "datum", "id"
    )
    serializer_class = ProcedurestapSerializer
    filterset_class = ProcedurestapFilter
    export_naam = "procedurestappen"


@crud_schema(
    "jaarstukken",
    "jaarstuk",
    "Kaderbrief, ontwerpbegroting en (voorlopige) jaarrekening van een regeling, met de "
    "wettelijke datums (Wgr art. 34, 34b en 35) en de zienswijzen van de raden.",
)
class JaarstukViewSet(GripViewSet):
    queryset = (
        Jaarstuk.objects.select_related("regeling")
        .prefetch_related(
            Prefetch("zienswijzen", queryset=Zienswijze.objects.select_related("gemeente"))
        )
        .order_by("regeling__naam", "-jaar", "soort", "id")
    )
    serializer_class = JaarstukSerializer
    filterset_class = JaarstukFilter
    export_naam = "jaarstukken"


@crud_schema("zienswijzen", "zienswijze", "De zienswijzen van de raden op jaarstukken.")
class ZienswijzeViewSet(GripViewSet):
    queryset = Zienswijze.objects.select_related("jaarstuk", "gemeente").order_by(
        "jaarstuk__regeling__naam", "-jaarstuk__jaar", "gemeente__naam", "id"
    )
    serializer_class = ZienswijzeSerializer
    filterset_class = ZienswijzeFilter
    export_naam = "zienswijzen"


@crud_schema(
    "vertegenwoordigers",
    "vertegenwoordiger",
    "Wie een gemeente op de peildatum vertegenwoordigt in het algemeen of dagelijks bestuur, een "
    "bestuurscommissie of het bestuur van een samenwerking, met de dubbele petten: een "
    "burgemeester of wethouder in dat bestuur, of een raadslid dat er zitting in heeft en "
    "tegelijk rapporteur van de raad voor die samenwerking is.",
)
class VertegenwoordigerViewSet(GripViewSet):
    queryset = Vertegenwoordiger.objects.select_related("regeling", "gemeente").order_by(
        "regeling__naam", "gemeente__naam", "orgaan", "naam", "id"
    )
    serializer_class = VertegenwoordigerSerializer
    filterset_class = VertegenwoordigerFilter
    export_naam = "vertegenwoordigers"

    def get_serializer_context(self):
        # The rapporteurs in office on the same date as the seats, in one query.
        context = super().get_serializer_context()
        peildatum = datetime.date.today()
        if self.action == "list":
            filterset = self.filterset_class(self.request.query_params)
            if filterset.is_valid():
                peildatum = filterset.peildatum_waarde()
        context["rapporteurs"] = selectors.rapporteur_sleutels(
            Rapporteur.objects.actief_op(peildatum).only("regeling_id", "gemeente_id", "naam")
        )
        return context


@crud_schema(
    "rapporteurs",
    "rapporteur",
    "De rapporteurs die een raad op de peildatum voor een samenwerking heeft aangesteld.",
)
class RapporteurViewSet(GripViewSet):
    queryset = Rapporteur.objects.select_related("regeling", "gemeente").order_by(
        "regeling__naam", "gemeente__naam", "naam", "id"
    )
    serializer_class = RapporteurSerializer
    filterset_class = RapporteurFilter
    export_naam = "rapporteurs"


@crud_schema(
    "bijdragen",
    "bijdrage",
    "De bijdrage van een gemeente aan een samenwerking per jaar, begroot en gerealiseerd, met de "
    "verdeelsleutel en haar basis.",
)
class BijdrageViewSet(GripViewSet):
    queryset = Bijdrage.objects.select_related("regeling", "gemeente").order_by(
        "regeling__naam", "gemeente__naam", "-jaar", "id"
    )
    serializer_class = BijdrageSerializer
    filterset_class = BijdrageFilter
    export_naam = "bijdragen"
    export_percentages = {"verdeelsleutel": 100}


@crud_schema(
    "jaarcijfers",
    "jaarcijfers",
    "Eigen en vreemd vermogen aan begin en eind van het jaar, resultaat en risico's van een "
    "samenwerking (BBV art. 15).",
)
class JaarcijfersViewSet(GripViewSet):
    queryset = Jaarcijfers.objects.select_related("regeling").order_by(
        "regeling__naam", "-jaar", "id"
    )
    serializer_class = JaarcijfersSerializer
    filterset_class = JaarcijfersFilter
    export_naam = "jaarcijfers"


@crud_schema(
    "evaluaties",
    "evaluatie",
    "Evaluaties van samenwerkingen, door één raad of door alle deelnemers, met de antwoorden op "
    "het toetsingskader.",
)
class EvaluatieViewSet(GripViewSet):
    queryset = (
        Evaluatie.objects.select_related("regeling", "gemeente")
        .prefetch_related("toetsingen")
        .order_by("regeling__naam", "-datum", "id")
    )
    serializer_class = EvaluatieSerializer
    filterset_class = EvaluatieFilter
    export_naam = "evaluaties"


@crud_schema(
    "toetsingen",
    "toetsing",
    "De antwoorden op het toetsingskader (strategisch, bedrijfsvoering, bedrijfseconomisch, "
    "juridisch) in een evaluatie.",
)
class ToetsingViewSet(GripViewSet):
    queryset = Toetsing.objects.select_related("evaluatie").order_by(
        "evaluatie__regeling__naam", "-evaluatie__datum", "id"
    )
    serializer_class = ToetsingSerializer
    filterset_class = ToetsingFilter
    export_naam = "toetsingen"


@crud_schema(
    "beëindigingen",
    "beëindiging",
    "Opzegtermijn, voorwaarden van uittreding en ontvlechtingskosten van een regeling (Wgr "
    "art. 9), op de identificatie van de regeling.",
)
class BeeindigingViewSet(RegisterViewSet):
    queryset = Beeindiging.objects.select_related("regeling").order_by("regeling__naam", "id")
    serializer_class = BeeindigingSerializer
    lookup_field = "regeling__slug"
    lookup_url_kwarg = "identificatie"
    export_naam = "beeindigingen"


@crud_schema(
    "raadsafspraken",
    "raadsafspraak",
    "Wat een raad heeft afgesproken over grip op samenwerking, zoals hoe vaak hij evalueert; op "
    "de CBS-code van de gemeente.",
)
class RaadsafspraakViewSet(RegisterViewSet):
    queryset = Raadsafspraak.objects.select_related("gemeente").order_by("gemeente__naam")
    serializer_class = RaadsafspraakSerializer
    lookup_field = "gemeente__code"
    lookup_url_kwarg = "code"
    lookup_value_regex = CBS_CODE_INVOER
    export_naam = "raadsafspraken"

    def lookup_value(self, value: str) -> str:
        return cbs_code(value)


# --- Dashboard ----------------------------------------------------------------------------


class Termijn(serializers.Serializer):
    datum = serializers.DateField()
    soort = serializers.CharField()
    regeling = RegelingKort()
    omschrijving = serializers.CharField()
    status = serializers.CharField()


class EvaluatieKort(serializers.Serializer):
    datum = serializers.DateField()
    titel = serializers.CharField()


class Evaluatiestand(serializers.Serializer):
    regeling = RegelingKort()
    laatsteEvaluatie = EvaluatieKort(source="laatste", allow_null=True)
    volgendeEvaluatie = serializers.DateField(source="volgende", allow_null=True)
    teLaat = serializers.BooleanField(source="te_laat")


class Bedragen(serializers.Serializer):
    begroot = serializers.DecimalField(max_digits=17, decimal_places=2, allow_null=True)
    gerealiseerd = serializers.DecimalField(max_digits=17, decimal_places=2, allow_null=True)


class BijdragenInJaar(Bedragen):
    jaar = serializers.IntegerField()


class BijdragenPerThema(Bedragen):
    thema = serializers.CharField()


class DubbelePet(serializers.Serializer):
    naam = serializers.CharField()
    functie = serializers.CharField()
    orgaan = serializers.CharField()
    regeling = RegelingKort()
    reden = serializers.CharField(source="dubbele_pet")


class LopendeStap(serializers.Serializer):
    soort = serializers.CharField()
    soortNaam = serializers.CharField(source="get_soort_display")
    status = serializers.CharField()
    gemeente = serializers.CharField(source="gemeente.code", read_only=True, allow_null=True)
    datum = serializers.DateField(allow_null=True)
    verwachteMaand = serializers.DateField(
        source="verwachte_maand",
        allow_null=True,
        help_text="De eerste dag van de maand waarin de stap wordt verwacht, als alleen die "
        "bekend is.",
    )
    wanneer = serializers.CharField()
    raadsvoorstel = serializers.CharField()


class LopendeRegeling(serializers.Serializer):
    regeling = RegelingKort()
    inVoorbereiding = serializers.BooleanField(source="in_voorbereiding")
    stappen = LopendeStap(many=True)


class Dashboard(serializers.Serializer):
    gemeente = GemeenteKort()
    peildatum = serializers.DateField()
    termijnenTot = serializers.DateField(source="tot")
    aantalRegelingen = serializers.IntegerField(source="aantal_regelingen")
    evaluatieIntervalJaren = serializers.IntegerField(source="evaluatie_interval", allow_null=True)
    termijnen = Termijn(many=True)
    evaluaties = Evaluatiestand(many=True)
    bijdragenPerJaar = BijdragenInJaar(source="bijdragen_per_jaar", many=True)
    bijdragenPerThema = BijdragenPerThema(source="bijdragen_per_thema", many=True)
    zonderRapporteur = RegelingKort(source="zonder_rapporteur", many=True)
    dubbelePetten = DubbelePet(source="dubbele_petten", many=True)
    lopendeBesluitvorming = LopendeRegeling(source="lopend.regelingen", many=True)


@extend_schema(
    summary="Dashboard van een gemeente",
    description="De halfjaarlijkse rapportage van de griffie aan de raad op de peildatum: "
    "termijnen in het komende halfjaar (zienswijzen, kaderbrieven, begrotingen, jaarrekeningen), "
    "evaluaties en welke te laat zijn, bijdragen per jaar en per thema, regelingen zonder "
    "rapporteur, dubbele petten en de lopende besluitvorming (regelingen in voorbereiding en "
    "open procedurestappen met wat er van hun datum bekend is).",
    parameters=[PEILDATUM],
    responses=Dashboard,
)
class DashboardView(OverzichtView):
    def get_renderers(self):
        # The dashboard is JSON only; its tables are exported by the resources themselves.
        return [r for r in super().get_renderers() if r.format not in ("csv", "xlsx")]

    def get(self, request, code):
        gemeente = get_object_or_404(Gemeente, code=code)
        peildatum = self.peildatum()
        return Response(Dashboard(selectors.dashboard(gemeente=gemeente, peildatum=peildatum)).data)


# --- Verbonden partijen -------------------------------------------------------------------


class VerbondenPartij(serializers.Serializer):
    regeling = RegelingKort()
    vorm = serializers.CharField(allow_null=True)
    vormNaam = serializers.CharField(source="vorm_naam")
    vestigingsplaats = serializers.CharField()
    openbaarBelang = serializers.CharField(source="openbaar_belang")
    bestuurlijkBelang = serializers.ListField(
        source="bestuurlijk_belang", child=serializers.CharField()
    )
    bijdrageBegroot = serializers.DecimalField(
        source="bijdrage_begroot", max_digits=15, decimal_places=2, allow_null=True
    )
    bijdrageGerealiseerd = serializers.DecimalField(
        source="bijdrage_gerealiseerd", max_digits=15, decimal_places=2, allow_null=True
    )
    verdeelsleutel = serializers.DecimalField(max_digits=7, decimal_places=4, allow_null=True)
    basisVerdeelsleutel = serializers.CharField(source="basis_verdeelsleutel", allow_null=True)
    eigenVermogenBegin = serializers.DecimalField(
        source="eigen_vermogen_begin", max_digits=15, decimal_places=2, allow_null=True
    )
    eigenVermogenEind = serializers.DecimalField(
        source="eigen_vermogen_eind", max_digits=15, decimal_places=2, allow_null=True
    )
    vreemdVermogenBegin = serializers.DecimalField(
        source="vreemd_vermogen_begin", max_digits=15, decimal_places=2, allow_null=True
    )
    vreemdVermogenEind = serializers.DecimalField(
        source="vreemd_vermogen_eind", max_digits=15, decimal_places=2, allow_null=True
    )
    resultaat = serializers.DecimalField(max_digits=15, decimal_places=2, allow_null=True)
    risicos = serializers.CharField()

    def to_representation(self, instance):
        return super().to_representation(partij_waarden(instance))


class BbvGroepData(serializers.Serializer):
    groep = serializers.CharField()
    groepNaam = serializers.CharField(source="groep.label")
    totaalBegroot = serializers.DecimalField(
        source="totaal_begroot", max_digits=17, decimal_places=2, allow_null=True
    )
    totaalGerealiseerd = serializers.DecimalField(
        source="totaal_gerealiseerd", max_digits=17, decimal_places=2, allow_null=True
    )
    partijen = VerbondenPartij(many=True)


class VerbondenPartijen(serializers.Serializer):
    gemeente = GemeenteKort()
    jaar = serializers.IntegerField()
    groepen = BbvGroepData(many=True)


def partij_waarden(partij: dict) -> dict:
    """A verbonden partij of the selector (regeling, bijdrage and jaarcijfers) as plain values:
    an unknown vorm or basis is None, no risico's is an empty text."""
    regeling, bijdrage, cijfers = partij["regeling"], partij["bijdrage"], partij["cijfers"]

    def uit(bron, veld):
        return getattr(bron, veld) if bron is not None else None

    return {
        "regeling": regeling,
        "vorm": regeling.vorm or None,
        "vorm_naam": regeling.get_vorm_display() or "Onbekend",
        "vestigingsplaats": regeling.vestigingsplaats,
        "openbaar_belang": regeling.doel,
        "bestuurlijk_belang": partij["bestuurlijk_belang"],
        "bijdrage_begroot": uit(bijdrage, "begroot"),
        "bijdrage_gerealiseerd": uit(bijdrage, "gerealiseerd"),
        "verdeelsleutel": uit(bijdrage, "verdeelsleutel"),
        "basis_verdeelsleutel": uit(bijdrage, "basis") or None,
        "eigen_vermogen_begin": uit(cijfers, "eigen_vermogen_begin"),
        "eigen_vermogen_eind": uit(cijfers, "eigen_vermogen_eind"),
        "vreemd_vermogen_begin": uit(cijfers, "vreemd_vermogen_begin"),
        "vreemd_vermogen_eind": uit(cijfers, "vreemd_vermogen_eind"),
        "resultaat": uit(cijfers, "resultaat"),
        "risicos": uit(cijfers, "risicos") or "",
    }


EXPORT_KOLOMMEN = {
    "groepNaam": "Groep (BBV art. 15)",
    "regeling": "Verbonden partij",
    "vormNaam": "Vorm",
    "vestigingsplaats": "Vestigingsplaats",
    "openbaarBelang": "Openbaar belang",
    "bestuurlijkBelang": "Bestuurlijk belang",
    "bijdrageBegroot": "Bijdrage begroot (€)",
    "bijdrageGerealiseerd": "Bijdrage gerealiseerd (€)",
    "verdeelsleutel": "Verdeelsleutel (%)",
    "basisVerdeelsleutel": "Basis verdeelsleutel",
    "eigenVermogenBegin": "Eigen vermogen 1 januari (€)",
    "eigenVermogenEind": "Eigen vermogen 31 december (€)",
    "vreemdVermogenBegin": "Vreemd vermogen 1 januari (€)",
    "vreemdVermogenEind": "Vreemd vermogen 31 december (€)",
    "resultaat": "Resultaat (€)",
    "risicos": "Risico's",
}


def export_waarde(kolom: str, waarde):
    """A cell of the export: the basis of the verdeelsleutel in words, the rest as it is."""
    if kolom == "basisVerdeelsleutel" and waarde:
        return Verdeelbasis(waarde).label
    return waarde


@extend_schema(
    summary="Verbonden partijen van een gemeente",
    description="De verbonden partijen van de gemeente in een jaar, ingedeeld zoals BBV art. 15 "
    "voorschrijft (gemeenschappelijke regelingen, vennootschappen en coöperaties, stichtingen en "
    "verenigingen, overige), met openbaar, bestuurlijk en financieel belang, eigen en vreemd "
    "vermogen aan begin en eind van het jaar, resultaat en risico's. Ook als CSV of Excel.",
    parameters=[
        OpenApiParameter(
            "jaar",
            JAAR_SCHEMA,
            description="Begrotings- of verantwoordingsjaar (JJJJ); standaard dit jaar.",
        )
    ],
    responses=VerbondenPartijen,
)
class VerbondenPartijenView(OverzichtView):
    extra_query_params = ("jaar",)
    export_naam = "verbonden-partijen"

    def get(self, request, code):
        gemeente = get_object_or_404(Gemeente, code=code)
        jaar = parse_jaar(request.query_params.get("jaar"), datetime.date.today().year)
        overzicht = selectors.verbonden_partijen(gemeente=gemeente, jaar=jaar)
        data = VerbondenPartijen(overzicht).data
        if self.export_formaat():
            rijen = (
                [
                    export_waarde(kolom, {**partij, "groepNaam": groep["groepNaam"]}[kolom])
                    for kolom in EXPORT_KOLOMMEN
                ]
                for groep in data["groepen"]
                for partij in groep["partijen"]
            )
            return Response(
                self.tabel(
                    list(EXPORT_KOLOMMEN.values()),
                    rijen,
                    filters=[gemeente_selectie(gemeente)],
                    jaar=jaar,
                    percentages={EXPORT_KOLOMMEN["verdeelsleutel"]: 100},
                )
            )
        return Response(data)

"""Serializers of the grip resources: every resource by its uuid, regelingen by their
identificatie and gemeenten by their CBS-code, never by a database number."""

import datetime
import uuid

from rest_framework import serializers

from agreements.serializers import regeling_veld
from municipalities.serializers import gemeente_veld
from registry.serializers import ChoiceMethodField, ModelValidatieMixin, identiteit

from . import selectors
from .constants import Toetsonderdeel, toetsonderdeel
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


class UUIDRelatedField(serializers.SlugRelatedField):
    """A related resource by its uuid; anything that is no uuid is refused (400)."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="uuid", **kwargs)

    def to_internal_value(self, data):
        try:
            uuid.UUID(str(data))
        except ValueError:
            self.fail("invalid")
        return super().to_internal_value(data)


def termijn_weken():
    """``termijnWeken``: the term for a zienswijze as entered; empty is the term of the law."""
    return serializers.IntegerField(
        source="termijn_weken",
        allow_null=True,
        required=False,
        min_value=1,
        max_value=52,
        label="Termijn zienswijze (weken); leeg is de wettelijke termijn",
    )


class GripSerializer(ModelValidatieMixin, serializers.HyperlinkedModelSerializer):
    identificatie = serializers.UUIDField(source="uuid", read_only=True, label="Identificatie")
    documentUrl = serializers.URLField(
        source="document_url",
        required=False,
        allow_blank=True,
        max_length=500,
        label="Adres document",
    )

    class Meta:
        # The model's own validation (full_clean) checks the unique constraints, in Dutch.
        validators = []


class ProcedurestapSerializer(GripSerializer):
    url = identiteit("procedurestap-detail", "uuid")
    regeling = regeling_veld()
    gemeente = gemeente_veld(allow_null=True, required=False)
    termijnWeken = termijn_weken()
    tegelijkMetToestemming = serializers.BooleanField(
        source="tegelijk_met_toestemming",
        required=False,
        label="Zienswijze en toestemming tegelijk",
    )
    termijn = serializers.IntegerField(
        read_only=True, allow_null=True, label="Geldende termijn zienswijze (weken)"
    )
    uitersteDatum = serializers.DateField(
        source="uiterste_datum", read_only=True, allow_null=True, label="Uiterste datum zienswijze"
    )
    verwachteMaand = serializers.DateField(
        source="verwachte_maand",
        allow_null=True,
        required=False,
        label="Verwachte maand",
        help_text="De eerste dag van de maand waarin de stap wordt verwacht, als alleen die "
        "bekend is (bijvoorbeeld van de langetermijnagenda van de raad); alleen zonder datum.",
    )

    class Meta(GripSerializer.Meta):
        model = Procedurestap
        fields = [
            "url",
            "identificatie",
            "regeling",
            "gemeente",
            "onderwerp",
            "soort",
            "status",
            "datum",
            "verwachteMaand",
            "termijnWeken",
            "termijn",
            "uitersteDatum",
            "tegelijkMetToestemming",
            "raadsvoorstel",
            "portefeuillehouder",
            "documentUrl",
            "toelichting",
            "bron",
        ]


class ZienswijzeKortSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True, label="Gemeente")
    geenZienswijze = serializers.BooleanField(
        source="geen_zienswijze", read_only=True, label="Geen zienswijze"
    )

    class Meta:
        model = Zienswijze
        fields = ["gemeente", "datum", "geenZienswijze", "inhoud"]


class JaarstukSerializer(GripSerializer):
    url = identiteit("jaarstuk-detail", "uuid")
    regeling = regeling_veld()
    termijnWeken = termijn_weken()
    wettelijkeDatum = serializers.SerializerMethodField(label="Wettelijke uiterste datum")
    wettelijkeRegel = serializers.SerializerMethodField(label="Wettelijke regel")
    zienswijzeUiterlijk = serializers.DateField(
        source="zienswijze_uiterlijk", read_only=True, allow_null=True, label="Zienswijze uiterlijk"
    )
    zienswijzen = ZienswijzeKortSerializer(many=True, read_only=True, label="Zienswijzen")

    class Meta(GripSerializer.Meta):
        model = Jaarstuk
        fields = [
            "url",
            "identificatie",
            "regeling",
            "soort",
            "jaar",
            "ontvangen",
            "vastgesteld",
            "termijnWeken",
            "zienswijzeUiterlijk",
            "wettelijkeDatum",
            "wettelijkeRegel",
            "documentUrl",
            "toelichting",
            "bron",
            "zienswijzen",
        ]

    def get_wettelijkeDatum(self, obj) -> datetime.date:  # camelCase: the name of the API field
        return selectors.wettelijke_datum(obj.soort, obj.jaar).datum

    def get_wettelijkeRegel(self, obj) -> str:  # camelCase: the name of the API field
        return selectors.wettelijke_datum(obj.soort, obj.jaar).regel


class ZienswijzeSerializer(GripSerializer):
    url = identiteit("zienswijze-detail", "uuid")
    jaarstuk = UUIDRelatedField(queryset=Jaarstuk.objects.all(), label="Jaarstuk (identificatie)")
    gemeente = gemeente_veld()
    geenZienswijze = serializers.BooleanField(
        source="geen_zienswijze", required=False, label="Geen zienswijze"
    )

    class Meta(GripSerializer.Meta):
        model = Zienswijze
        fields = [
            "url",
            "identificatie",
            "jaarstuk",
            "gemeente",
            "datum",
            "geenZienswijze",
            "inhoud",
            "documentUrl",
            "bron",
        ]


class VertegenwoordigerSerializer(GripSerializer):
    url = identiteit("vertegenwoordiger-detail", "uuid")
    regeling = regeling_veld()
    gemeente = gemeente_veld()
    begindatum = serializers.DateField(allow_null=True, required=False, label="Begin zitting")
    einddatum = serializers.DateField(allow_null=True, required=False, label="Laatste dag zitting")
    dubbelePet = serializers.SerializerMethodField(
        label="Dubbele pet: waarom, of leeg als die er niet is"
    )

    class Meta(GripSerializer.Meta):
        model = Vertegenwoordiger
        fields = [
            "url",
            "identificatie",
            "regeling",
            "gemeente",
            "naam",
            "functie",
            "orgaan",
            "voorzitter",
            "begindatum",
            "einddatum",
            "dubbelePet",
            "bron",
        ]

    def get_dubbelePet(self, obj) -> str:  # camelCase: the name of the API field
        return selectors.dubbele_pet(obj, self.context.get("rapporteurs", set()))


class RapporteurSerializer(GripSerializer):
    url = identiteit("rapporteur-detail", "uuid")
    regeling = regeling_veld()
    gemeente = gemeente_veld()
    begindatum = serializers.DateField(allow_null=True, required=False, label="Begin")
    einddatum = serializers.DateField(allow_null=True, required=False, label="Laatste dag")

    class Meta(GripSerializer.Meta):
        model = Rapporteur
        fields = [
            "url",
            "identificatie",
            "regeling",
            "gemeente",
            "naam",
            "begindatum",
            "einddatum",
            "bron",
        ]


class BijdrageSerializer(GripSerializer):
    url = identiteit("bijdrage-detail", "uuid")
    regeling = regeling_veld()
    gemeente = gemeente_veld()

    class Meta(GripSerializer.Meta):
        model = Bijdrage
        fields = [
            "url",
            "identificatie",
            "regeling",
            "gemeente",
            "jaar",
            "begroot",
            "gerealiseerd",
            "verdeelsleutel",
            "basis",
            "toelichting",
            "bron",
        ]


def bedrag(source: str, label: str):
    return serializers.DecimalField(
        source=source,
        max_digits=15,
        decimal_places=2,
        allow_null=True,
        required=False,
        label=label,
    )


class JaarcijfersSerializer(GripSerializer):
    url = identiteit("jaarcijfers-detail", "uuid")
    regeling = regeling_veld()
    eigenVermogenBegin = bedrag("eigen_vermogen_begin", "Eigen vermogen 1 januari")
    eigenVermogenEind = bedrag("eigen_vermogen_eind", "Eigen vermogen 31 december")
    vreemdVermogenBegin = bedrag("vreemd_vermogen_begin", "Vreemd vermogen 1 januari")
    vreemdVermogenEind = bedrag("vreemd_vermogen_eind", "Vreemd vermogen 31 december")

    class Meta(GripSerializer.Meta):
        model = Jaarcijfers
        fields = [
            "url",
            "identificatie",
            "regeling",
            "jaar",
            "eigenVermogenBegin",
            "eigenVermogenEind",
            "vreemdVermogenBegin",
            "vreemdVermogenEind",
            "resultaat",
            "risicos",
            "bron",
        ]


class ToetsingKortSerializer(serializers.ModelSerializer):
    onderdeel = serializers.SerializerMethodField(label="Onderdeel van het toetsingskader")
    vraagTekst = serializers.CharField(source="get_vraag_display", read_only=True, label="Vraag")

    class Meta:
        model = Toetsing
        fields = ["onderdeel", "vraag", "vraagTekst", "antwoord", "toelichting"]

    def get_onderdeel(self, obj) -> str:
        return toetsonderdeel(obj.vraag)


class EvaluatieSerializer(GripSerializer):
    url = identiteit("evaluatie-detail", "uuid")
    regeling = regeling_veld()
    gemeente = gemeente_veld(allow_null=True, required=False)
    toetsingen = ToetsingKortSerializer(many=True, read_only=True, label="Toetsingskader")

    class Meta(GripSerializer.Meta):
        model = Evaluatie
        fields = [
            "url",
            "identificatie",
            "regeling",
            "gemeente",
            "datum",
            "titel",
            "conclusie",
            "documentUrl",
            "bron",
            "toetsingen",
        ]


class ToetsingSerializer(GripSerializer):
    url = identiteit("toetsing-detail", "uuid")
    evaluatie = UUIDRelatedField(
        queryset=Evaluatie.objects.all(), label="Evaluatie (identificatie)"
    )
    onderdeel = ChoiceMethodField(Toetsonderdeel.choices, label="Onderdeel van het toetsingskader")

    class Meta(GripSerializer.Meta):
        model = Toetsing
        fields = [
            "url",
            "identificatie",
            "evaluatie",
            "onderdeel",
            "vraag",
            "antwoord",
            "toelichting",
        ]

    def get_onderdeel(self, obj) -> str:
        return toetsonderdeel(obj.vraag)


class BeeindigingSerializer(ModelValidatieMixin, serializers.ModelSerializer):
    regeling = regeling_veld()
    opzegtermijnMaanden = serializers.IntegerField(
        source="opzegtermijn_maanden",
        allow_null=True,
        required=False,
        min_value=0,
        max_value=120,
        label="Opzegtermijn (maanden)",
    )

    class Meta:
        model = Beeindiging
        validators = []
        fields = [
            "regeling",
            "opzegtermijnMaanden",
            "uittredingsvoorwaarden",
            "ontvlechtingskosten",
            "bron",
        ]


class RaadsafspraakSerializer(ModelValidatieMixin, serializers.ModelSerializer):
    gemeente = gemeente_veld()
    evaluatieIntervalJaren = serializers.IntegerField(
        source="evaluatie_interval_jaren",
        min_value=1,
        max_value=20,
        label="Evalueren elke (jaren)",
    )

    class Meta:
        model = Raadsafspraak
        validators = []
        fields = ["gemeente", "evaluatieIntervalJaren", "bron"]

import datetime

from rest_framework import serializers

from registry.peildatum import JAAR_MAX
from registry.serializers import ModelValidatieMixin, bron_url_veld, identiteit

from .constants import PartnerSoort
from .models import (
    KVK_REGEX,
    PEILJAAR_MIN,
    ROO_ID_REGEX,
    Gemeente,
    Herindeling,
    Overgang,
    Partner,
)


def gemeente_veld(label: str = "Gemeente", **kwargs) -> serializers.SlugRelatedField:
    """A gemeente by its CBS-code."""
    return serializers.SlugRelatedField(
        slug_field="code", queryset=Gemeente.objects.all(), label=label, **kwargs
    )


def kvk_nummer_veld() -> serializers.RegexField:
    """``kvkNummer``: the (optional) KvK-nummer of a partner or a regeling's organisation."""
    return serializers.RegexField(
        KVK_REGEX, source="kvk_nummer", required=False, allow_blank=True, label="KvK-nummer"
    )


def roo_id_veld() -> serializers.RegexField:
    """``rooId``: the systeemId of the organisation in the Register van Overheidsorganisaties."""
    return serializers.RegexField(
        ROO_ID_REGEX,
        source="roo_id",
        required=False,
        allow_blank=True,
        max_length=20,
        label="ROO-systeemId",
    )


class GemeenteSerializer(ModelValidatieMixin, serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="gemeente-detail", lookup_field="code")
    tooi = serializers.CharField(read_only=True, label="TOOI-identificatie")
    organisatiecode = serializers.CharField(
        read_only=True, label="Organisatiecode (ROO/TOOI): de CBS-code in kleine letters"
    )
    rooId = roo_id_veld()
    kvkNummer = kvk_nummer_veld()
    provincie = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Partner.objects.filter(soort=PartnerSoort.PROVINCIE),
        allow_null=True,
        required=False,
        label="Provincie",
    )
    opvolger = gemeente_veld(allow_null=True, required=False, label="Opvolger")
    inwonersPeiljaar = serializers.IntegerField(
        source="inwoners_peiljaar",
        allow_null=True,
        required=False,
        min_value=PEILJAAR_MIN,
        max_value=JAAR_MAX,
        label="Peiljaar inwoners",
    )

    class Meta:
        model = Gemeente
        fields = [
            "url",
            "code",
            "naam",
            "tooi",
            "organisatiecode",
            "rooId",
            "oin",
            "kvkNummer",
            "rsin",
            "wikidata",
            "provincie",
            "begindatum",
            "einddatum",
            "opvolger",
            "inwoners",
            "inwonersPeiljaar",
        ]


class PartnerSerializer(ModelValidatieMixin, serializers.HyperlinkedModelSerializer):
    url = identiteit("partner-detail", "slug")
    identificatie = serializers.SlugField(
        source="slug", required=False, max_length=120, label="Identificatie"
    )
    tooi = serializers.CharField(read_only=True, label="TOOI-identificatie")
    rooId = roo_id_veld()
    kvkNummer = kvk_nummer_veld()

    class Meta:
        model = Partner
        fields = [
            "url",
            "identificatie",
            "naam",
            "soort",
            "code",
            "tooi",
            "rooId",
            "kvkNummer",
            "oin",
            "rsin",
            "wikidata",
            "begindatum",
            "einddatum",
            "toelichting",
        ]


class OvergangSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(
        slug_field="code", read_only=True, label="Opgeheven gemeente"
    )
    naar = serializers.SlugRelatedField(
        source="opvolger", slug_field="code", read_only=True, label="Naar"
    )
    aandeel = serializers.DecimalField(
        max_digits=4,
        decimal_places=3,
        coerce_to_string=False,
        read_only=True,
        allow_null=True,
        label="Aandeel van het grondgebied (0 tot 1)",
    )

    class Meta:
        model = Overgang
        fields = ["gemeente", "naar", "aandeel"]


class HerindelingSerializer(serializers.HyperlinkedModelSerializer):
    url = identiteit("herindeling-detail", "slug")
    identificatie = serializers.CharField(source="slug", read_only=True, label="Identificatie")
    opgeheven = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True, label="Opgeheven gemeenten"
    )
    opvolger = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        allow_null=True,
        label="Opvolger",
        help_text="De gemeente die verder gaat of nieuw wordt gevormd; null bij een splitsing.",
    )
    opvolgers = serializers.SerializerMethodField(label="Alle gemeenten die grondgebied krijgen")
    overgangen = OvergangSerializer(
        many=True,
        read_only=True,
        label="Overgangen van grondgebied",
        help_text="Waar het grondgebied van een opgeheven gemeente (ook) naartoe gaat als dat "
        "niet (alleen) de opvolger is; een gemeente met meer overgangen is gesplitst.",
    )
    nieuweGemeente = serializers.BooleanField(
        source="nieuwe_gemeente", read_only=True, label="Nieuw gevormde gemeente"
    )
    bronUrl = bron_url_veld(read_only=True)
    toegepastOp = serializers.DateTimeField(
        source="toegepast_op",
        read_only=True,
        default_timezone=datetime.UTC,  # the API's DATETIME_FORMAT ends in Z
        label="Toegepast op",
    )

    class Meta:
        model = Herindeling
        fields = [
            "url",
            "identificatie",
            "naam",
            "datum",
            "opgeheven",
            "opvolger",
            "opvolgers",
            "overgangen",
            "nieuweGemeente",
            "wet",
            "staatsblad",
            "bron",
            "bronUrl",
            "toegepastOp",
        ]
        read_only_fields = fields

    def get_opvolgers(self, herindeling) -> list[str]:
        return [gemeente.code for gemeente in herindeling.opvolgers]

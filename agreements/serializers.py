from rest_framework import serializers

from municipalities.models import Gemeente, Partner
from municipalities.serializers import gemeente_veld, kvk_nummer_veld
from registry.serializers import (
    BooleanLijstField,
    ChoiceMethodField,
    ModelValidatieMixin,
    bron_url_veld,
    identiteit,
)

from .constants import Rechtsgebied
from .models import Deelname, Publicatie, Regeling, RegelingVersie, Thema

BESTUURSORGANEN = {
    "raad": "namens_raad",
    "college": "namens_college",
    "burgemeester": "namens_burgemeester",
}
BEVOEGDHEIDSVERKRIJGINGEN = {
    "attributie": "attributie",
    "delegatie": "delegatie",
    "mandaat": "mandaat",
}


def regeling_veld(**kwargs) -> serializers.SlugRelatedField:
    """A regeling by its identificatie."""
    return serializers.SlugRelatedField(
        slug_field="slug", queryset=Regeling.objects.all(), label="Regeling", **kwargs
    )


class ThemaSerializer(ModelValidatieMixin, serializers.HyperlinkedModelSerializer):
    url = identiteit("thema-detail", "slug")
    identificatie = serializers.SlugField(source="slug", max_length=120, label="Identificatie")
    hoofdthema = serializers.SlugRelatedField(
        source="bovenliggend",
        slug_field="slug",
        queryset=Thema.objects.all(),
        allow_null=True,
        required=False,
        label="Hoofdthema",
    )

    class Meta:
        model = Thema
        fields = [
            "url",
            "identificatie",
            "naam",
            "hoofdthema",
            "tooi",
            "domein",
            "beleidsintensiteit",
        ]


class DeelnemerSerializer(serializers.Serializer):
    """Who takes part: a gemeente or a partner, with its identifier and name."""

    soort = serializers.SerializerMethodField(label="Soort deelnemer")
    identificatie = serializers.SerializerMethodField(label="Identificatie deelnemer")
    naam = serializers.CharField(read_only=True, label="Naam deelnemer")

    def get_soort(self, obj) -> str:
        return "gemeente" if isinstance(obj, Gemeente) else obj.soort

    def get_identificatie(self, obj) -> str:
        return obj.code if isinstance(obj, Gemeente) else obj.slug


class DeelnameSerializer(ModelValidatieMixin, serializers.HyperlinkedModelSerializer):
    url = identiteit("deelname-detail", "uuid")
    identificatie = serializers.UUIDField(source="uuid", read_only=True, label="Identificatie")
    regeling = regeling_veld()
    gemeente = gemeente_veld(allow_null=True, required=False)
    partner = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Partner.objects.all(),
        allow_null=True,
        required=False,
        label="Partner",
    )
    deelnemer = DeelnemerSerializer(read_only=True, label="Deelnemer")
    begindatum = serializers.DateField(allow_null=True, required=False, label="Datum toetreding")
    einddatum = serializers.DateField(allow_null=True, required=False, label="Datum uittreding")
    bestuursorganen = BooleanLijstField(
        BESTUURSORGANEN, required=False, label="Namens welke bestuursorganen"
    )

    class Meta:
        model = Deelname
        fields = [
            "url",
            "identificatie",
            "regeling",
            "gemeente",
            "partner",
            "deelnemer",
            "rol",
            "begindatum",
            "einddatum",
            "bestuursorganen",
            "verdeelsleutel",
            "toelichting",
        ]


class DeelnameInRegelingSerializer(DeelnameSerializer):
    class Meta(DeelnameSerializer.Meta):
        fields = [
            f
            for f in DeelnameSerializer.Meta.fields
            if f not in ("regeling", "gemeente", "partner")
        ]


class VersieSerializer(serializers.ModelSerializer):
    begindatum = serializers.DateField(
        read_only=True, allow_null=True, label="Datum inwerkingtreding"
    )
    einddatum = serializers.DateField(read_only=True, allow_null=True, label="Laatste dag")
    rooId = serializers.CharField(
        source="roo_id", read_only=True, allow_null=True, label="ROO-systeemId"
    )
    bronUrl = bron_url_veld(read_only=True)

    class Meta:
        model = RegelingVersie
        fields = [
            "titel",
            "vorm",
            "doel",
            "begindatum",
            "einddatum",
            "rooId",
            "bronUrl",
        ]


class PublicatieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Publicatie
        fields = ["soort", "titel", "url", "datum"]


class RegelingSerializer(ModelValidatieMixin, serializers.HyperlinkedModelSerializer):
    url = identiteit("regeling-detail", "slug")
    identificatie = serializers.SlugField(
        source="slug", required=False, max_length=120, label="Identificatie"
    )
    rechtsgebied = ChoiceMethodField(Rechtsgebied.choices, label="Rechtsgebied")
    grondslagVorm = serializers.SerializerMethodField(label="Wettelijke grondslag van de vorm")
    rechtspersoonlijkheid = serializers.SerializerMethodField(label="Eigen rechtspersoonlijkheid")
    bevoegdheidsverkrijgingen = BooleanLijstField(
        BEVOEGDHEIDSVERKRIJGINGEN, required=False, label="Bevoegdheidsverkrijgingen"
    )
    themas = serializers.SlugRelatedField(
        slug_field="slug", queryset=Thema.objects.all(), many=True, required=False, label="Thema's"
    )
    begindatum = serializers.DateField(
        allow_null=True, required=False, label="Datum inwerkingtreding"
    )
    einddatum = serializers.DateField(allow_null=True, required=False, label="Laatste dag")
    wettelijkeVoorschriften = serializers.CharField(
        source="wettelijke_grondslagen",
        required=False,
        allow_blank=True,
        label="Wettelijke voorschriften",
    )
    overgedragenBevoegdheden = serializers.CharField(
        source="bevoegdheden", required=False, allow_blank=True, label="Overgedragen bevoegdheden"
    )
    kvkNummer = kvk_nummer_veld()
    tooi = serializers.CharField(
        read_only=True,
        label="TOOI-identificatie van de organisatie van de regeling (leeg als onbekend)",
    )
    bronRegistratienummer = serializers.CharField(
        source="bron_registratienummer",
        required=False,
        allow_blank=True,
        max_length=50,
        label="Registratienummer bron",
    )
    bronUrl = bron_url_veld(required=False, max_length=500)
    deelnemersVolledig = serializers.BooleanField(
        source="deelnemers_volledig",
        required=False,
        label="Alle deelnemers bekend",
        help_text="Onwaar als de bron maar een deel van de deelnemers noemt.",
    )

    class Meta:
        model = Regeling
        fields = [
            "url",
            "identificatie",
            "naam",
            "afkorting",
            "doel",
            "vorm",
            "rechtsgebied",
            "grondslagVorm",
            "rechtspersoonlijkheid",
            "bevoegdheidsverkrijgingen",
            "themas",
            "status",
            "deelnemersVolledig",
            "begindatum",
            "einddatum",
            "vestigingsplaats",
            "adres",
            "wettelijkeVoorschriften",
            "overgedragenBevoegdheden",
            "organisatiecode",
            "tooi",
            "oin",
            "kvkNummer",
            "rsin",
            "wikidata",
            "bron",
            "bronRegistratienummer",
            "bronUrl",
        ]

    def get_rechtsgebied(self, obj) -> str | None:
        return obj.eigenschappen.rechtsgebied if obj.eigenschappen else None

    def get_grondslagVorm(self, obj) -> str | None:  # camelCase: the name of the API field
        return obj.eigenschappen.grondslag if obj.eigenschappen else None

    def get_rechtspersoonlijkheid(self, obj) -> bool | None:
        return obj.eigenschappen.rechtspersoonlijkheid if obj.eigenschappen else None


class RegelingExportSerializer(RegelingSerializer):
    # A regeling in the export of the list: with the names of its deelnemers on the peildatum,
    # which the view prefetches as ``deelnemers_op_peildatum``.
    deelnemersOpPeildatum = serializers.SerializerMethodField(label="Deelnemers op de peildatum")

    class Meta(RegelingSerializer.Meta):
        fields = [
            veld
            for naam in RegelingSerializer.Meta.fields
            for veld in ([naam, "deelnemersOpPeildatum"] if naam == "status" else [naam])
        ]

    def get_deelnemersOpPeildatum(self, obj) -> list[str]:  # camelCase: the name of the field
        deelnames = sorted(
            obj.deelnemers_op_peildatum,
            key=lambda d: (d.gemeente_id is None, d.deelnemer.naam, d.pk),
        )
        return list(dict.fromkeys(d.deelnemer.naam for d in deelnames))


class RegelingDetailSerializer(RegelingSerializer):
    deelnames = DeelnameInRegelingSerializer(many=True, read_only=True, label="Deelnames")
    versies = VersieSerializer(many=True, read_only=True, label="Versies")
    publicaties = PublicatieSerializer(many=True, read_only=True, label="Publicaties")

    class Meta(RegelingSerializer.Meta):
        fields = [*RegelingSerializer.Meta.fields, "deelnames", "versies", "publicaties"]

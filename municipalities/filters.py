import django_filters
from django.db.models import Q

from registry.converters import CBS_CODE_INVOER, PROVINCIE_CODE_INVOER, cbs_code, provincie_code
from registry.filters import CodeFilter, PeildatumFilterSet, Sortering, ZoekFilter

from .constants import TOOI_BASIS, PartnerSoort
from .models import Gemeente, Partner, cbs_validator


def tooi_code(uri: str) -> str:
    """The organisatiecode at the end of a TOOI URI (…/tooi/id/gemeente/gm0626 → gm0626)."""
    return uri.rstrip("/").rsplit("/", 1)[-1].lower()


class IdentificatieFilterSet(PeildatumFilterSet):
    """Finds a gemeente, partner or regeling by one of its identifiers; an identifier nobody
    has gives an empty list. ``tooi_veld`` holds the organisatiecode a TOOI URI ends in."""

    tooi_veld = "code"

    tooi = django_filters.CharFilter(
        method="filter_tooi",
        label=f"TOOI-identificatie (URI), bijv. {TOOI_BASIS}gemeente/gm0626.",
    )
    oin = django_filters.CharFilter(field_name="oin", label="OIN (20 cijfers).")
    kvkNummer = django_filters.CharFilter(field_name="kvk_nummer", label="KvK-nummer (8 cijfers).")
    rsin = django_filters.CharFilter(field_name="rsin", label="RSIN (9 cijfers).")
    wikidata = django_filters.CharFilter(
        field_name="wikidata", lookup_expr="iexact", label="Wikidata-identificatie (Q…)."
    )

    def filter_tooi(self, queryset, name, value):
        if not value.lower().startswith(TOOI_BASIS):
            return queryset.none()
        return queryset.filter(**{f"{self.tooi_veld}__iexact": tooi_code(value)})


def zoek_naam_of_code(queryset, name, value):
    return queryset.filter(Q(naam__icontains=value) | Q(code__iexact=value))


# How each kind of row is named in a parameter (registry.filters.CodeVeld): a gemeente by its CBS
# code in any case, a former one too; a provincie by its code in any case; a partner by its
# identificatie.
def gemeente_als_parameter() -> dict:
    return {
        "queryset": Gemeente.objects.all(),
        "code_veld": "code",
        "normaliseer": cbs_code,
        "validators": [cbs_validator],
        "onbekend": "Onbekende gemeente: %(waarde)s.",
    }


def provincie_als_parameter() -> dict:
    return {
        "queryset": Partner.objects.filter(soort=PartnerSoort.PROVINCIE),
        "code_veld": "code",
        "normaliseer": provincie_code,
        "onbekend": "Onbekende provincie: %(waarde)s.",
    }


def partner_als_parameter() -> dict:
    return {
        "queryset": Partner.objects.all(),
        "code_veld": "slug",
        "onbekend": "Onbekende partner: %(waarde)s.",
    }


GEMEENTE_UITLEG = (
    "Ook in kleine letters, zoals in een TOOI-identificatie (gm0626). Een code die geen gemeente "
    "in het register is (ook geen opgeheven gemeente) geeft 400."
)
PROVINCIE_UITLEG = "Ook in hoofdletters (PV28). Een code die geen provincie is geeft 400."
PARTNER_UITLEG = "Een identificatie die geen partner in het register is geeft 400."


def gemeente_filter(label: str = "Gemeente (CBS-code).", **kwargs) -> CodeFilter:
    return CodeFilter(
        **gemeente_als_parameter(),
        patroon=CBS_CODE_INVOER,
        uitleg=GEMEENTE_UITLEG,
        label=label,
        **kwargs,
    )


def provincie_filter(label: str = "Provincie (code, bijv. pv28).", **kwargs) -> CodeFilter:
    return CodeFilter(
        **provincie_als_parameter(),
        patroon=PROVINCIE_CODE_INVOER,
        uitleg=PROVINCIE_UITLEG,
        label=label,
        **kwargs,
    )


def partner_filter(label: str = "Partner (identificatie).", **kwargs) -> CodeFilter:
    return CodeFilter(**partner_als_parameter(), uitleg=PARTNER_UITLEG, label=label, **kwargs)


class GemeenteFilter(IdentificatieFilterSet):
    rooId = django_filters.CharFilter(field_name="roo_id", label="ROO-systeemId.")
    organisatiecode = django_filters.CharFilter(
        field_name="code", lookup_expr="iexact", label="Organisatiecode (ROO/TOOI), bijv. gm0626."
    )
    provincie = provincie_filter()
    zoek = ZoekFilter(method=zoek_naam_of_code, label="Zoek op naam of CBS-code.")
    sort = Sortering(fields=["naam", "code"], label="Sortering: naam of code; - voor aflopend.")

    class Meta:
        model = Gemeente
        fields = []


class PartnerFilter(IdentificatieFilterSet):
    rooId = django_filters.CharFilter(field_name="roo_id", label="ROO-systeemId.")
    organisatiecode = django_filters.CharFilter(
        field_name="code", lookup_expr="iexact", label="Organisatiecode (ROO/TOOI), bijv. pv28."
    )
    soort = django_filters.ChoiceFilter(choices=PartnerSoort.choices, label="Soort partner.")
    zoek = ZoekFilter(method=zoek_naam_of_code, label="Zoek op naam of code.")
    sort = Sortering(fields=["naam", "code"], label="Sortering: naam of code; - voor aflopend.")

    class Meta:
        model = Partner
        fields = []

import django_filters
from django.db.models import Q

from registry.filters import PeildatumFilterSet, Sortering

from .constants import PartnerSoort
from .models import Gemeente, Partner


def zoek_naam_of_code(queryset, name, value):
    return queryset.filter(Q(naam__icontains=value) | Q(code__iexact=value))


class GemeenteFilter(PeildatumFilterSet):
    provincie = django_filters.CharFilter(
        field_name="provincie__code", label="Provincie (code, bijv. pv28)."
    )
    zoek = django_filters.CharFilter(method=zoek_naam_of_code, label="Zoek op naam of CBS-code.")
    sort = Sortering(fields=["naam", "code"], label="Sortering: naam of code; - voor aflopend.")

    class Meta:
        model = Gemeente
        fields = []


class PartnerFilter(PeildatumFilterSet):
    soort = django_filters.ChoiceFilter(choices=PartnerSoort.choices, label="Soort partner.")
    zoek = django_filters.CharFilter(method=zoek_naam_of_code, label="Zoek op naam of code.")
    sort = Sortering(fields=["naam", "code"], label="Sortering: naam of code; - voor aflopend.")

    class Meta:
        model = Partner
        fields = []

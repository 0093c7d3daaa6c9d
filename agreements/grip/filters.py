"""Filters of the grip resources in the API (django-filter)."""

import django_filters

from municipalities.filters import gemeente_filter
from registry.filters import PeildatumFilterSet, jaar_filter

from .constants import Bestuursorgaan, Functie, Jaarstuksoort, Stapsoort, Stapstatus
from .models import (
    Bijdrage,
    Evaluatie,
    Jaarcijfers,
    Jaarstuk,
    Procedurestap,
    Rapporteur,
    Toetsing,
    Vertegenwoordiger,
    Zienswijze,
)


def regeling_filter(veld: str = "regeling__slug"):
    return django_filters.CharFilter(field_name=veld, label="Regeling (identificatie).")


class ProcedurestapFilter(django_filters.FilterSet):
    regeling = regeling_filter()
    gemeente = gemeente_filter()
    soort = django_filters.ChoiceFilter(choices=Stapsoort.choices, label="Stap.")
    status = django_filters.ChoiceFilter(choices=Stapstatus.choices, label="Status van de stap.")

    class Meta:
        model = Procedurestap
        fields = []


class JaarstukFilter(django_filters.FilterSet):
    regeling = regeling_filter()
    soort = django_filters.ChoiceFilter(choices=Jaarstuksoort.choices, label="Soort stuk.")
    jaar = jaar_filter()

    class Meta:
        model = Jaarstuk
        fields = []


class ZienswijzeFilter(django_filters.FilterSet):
    regeling = regeling_filter("jaarstuk__regeling__slug")
    gemeente = gemeente_filter()
    jaar = jaar_filter("jaarstuk__jaar")

    class Meta:
        model = Zienswijze
        fields = []


class VertegenwoordigerFilter(PeildatumFilterSet):
    regeling = regeling_filter()
    gemeente = gemeente_filter()
    functie = django_filters.ChoiceFilter(choices=Functie.choices, label="Functie in de gemeente.")
    orgaan = django_filters.ChoiceFilter(choices=Bestuursorgaan.choices, label="Orgaan.")

    class Meta:
        model = Vertegenwoordiger
        fields = []


class RapporteurFilter(PeildatumFilterSet):
    regeling = regeling_filter()
    gemeente = gemeente_filter()

    class Meta:
        model = Rapporteur
        fields = []


class BijdrageFilter(django_filters.FilterSet):
    regeling = regeling_filter()
    gemeente = gemeente_filter()
    jaar = jaar_filter()

    class Meta:
        model = Bijdrage
        fields = []


class JaarcijfersFilter(django_filters.FilterSet):
    regeling = regeling_filter()
    jaar = jaar_filter()

    class Meta:
        model = Jaarcijfers
        fields = []


class EvaluatieFilter(django_filters.FilterSet):
    regeling = regeling_filter()
    gemeente = gemeente_filter()

    class Meta:
        model = Evaluatie
        fields = []


class ToetsingFilter(django_filters.FilterSet):
    evaluatie = django_filters.UUIDFilter(
        field_name="evaluatie__uuid", label="Evaluatie (identificatie)."
    )
    regeling = regeling_filter("evaluatie__regeling__slug")

    class Meta:
        model = Toetsing
        fields = []

"""The filter pieces that API and web pages share (django-filter)."""

import datetime

import django_filters
from django import forms
from drf_spectacular.utils import extend_schema_field

from .peildatum import JAAR_SCHEMA, JAAR_UITLEG, OngeldigeParameter, parse_datum, parse_jaar


class PeildatumVeld(forms.DateField):
    """A date by the rule of registry.peildatum (JJJJ-MM-DD), with its Dutch message."""

    def to_python(self, value):
        if isinstance(value, datetime.date):
            return value
        try:
            return parse_datum(value)
        except OngeldigeParameter as fout:
            raise forms.ValidationError(fout.bericht, code="invalid") from None


class PeildatumFilter(django_filters.DateFilter):
    field_class = PeildatumVeld


class JaarVeld(forms.IntegerField):
    """A year by the rule of registry.peildatum (JAAR_MIN to JAAR_MAX), with its Dutch message."""

    def to_python(self, value):
        if isinstance(value, int):
            return value
        try:
            return parse_jaar(value, None)
        except OngeldigeParameter as fout:
            raise forms.ValidationError(fout.bericht, code="invalid") from None


@extend_schema_field(JAAR_SCHEMA)
class JaarFilter(django_filters.NumberFilter):
    field_class = JaarVeld


def jaar_filter(veld: str = "jaar") -> JaarFilter:
    return JaarFilter(field_name=veld, label=JAAR_UITLEG)


class Sortering(django_filters.OrderingFilter):
    """The ``sort`` parameter; the primary key breaks ties so every order is deterministic."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "pk") if value else qs


class PeildatumFilterSet(django_filters.FilterSet):
    """A FilterSet whose result is always "as on the peildatum": today when none is given."""

    peildatum = PeildatumFilter(
        label="Peildatum (JJJJ-MM-DD): het register zoals het was op deze datum; standaard vandaag."
    )

    def peildatum_waarde(self) -> datetime.date:
        return self.form.cleaned_data.get("peildatum") or datetime.date.today()

    def pas_peildatum_toe(self) -> bool:
        return True

    def filter_queryset(self, queryset):
        for naam, waarde in self.form.cleaned_data.items():
            if naam != "peildatum":
                queryset = self.filters[naam].filter(queryset, waarde)
        if self.pas_peildatum_toe():
            queryset = queryset.actief_op(self.peildatum_waarde())
        return queryset

"""The filter pieces that API and web pages share (django-filter)."""

import datetime
import re

import django_filters
from django import forms
from django.db import models
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field

from .exports import Filterwaarde, filterwaarde
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


# The longest search term: longer ones are no search (and SQLite refuses a LIKE pattern of more
# than 50,000 bytes). A page and the API answer 400 naming ``zoek``.
ZOEK_MAX = 200
ZOEK_FOUT = f"Een zoekterm is hoogstens {ZOEK_MAX} tekens lang."


class ZoekFilter(django_filters.CharFilter):
    """The ``zoek`` parameter: text of at most ZOEK_MAX characters."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", ZOEK_MAX)
        kwargs.setdefault("error_messages", {"max_length": ZOEK_FOUT})
        kwargs["label"] = f"{kwargs.get('label', '')} Hoogstens {ZOEK_MAX} tekens.".strip()
        super().__init__(*args, **kwargs)
        self._spectacular_annotation = {
            "field": {"type": "string", "maxLength": ZOEK_MAX, "description": self.label}
        }


class CodeVeld(forms.CharField):
    """A row of the register named by its code as people write it: normalised first
    (``normaliseer``, such as ``cbs_code``: gm0626 is GM0626), checked by ``validators`` (the
    pattern, with its Dutch message), then looked up by ``code_veld`` in ``queryset``. The clean
    value is the row; a code that names none is refused with ``onbekend``, a Dutch message
    with ``%(waarde)s`` ("Onbekende gemeente: %(waarde)s."), not answered with nothing."""

    def __init__(self, *, queryset, code_veld: str, onbekend: str, normaliseer=None, **kwargs):
        self.queryset = queryset
        self.code_veld = code_veld
        self.onbekend = onbekend
        self.normaliseer = normaliseer
        super().__init__(**kwargs)

    def to_python(self, value) -> str:
        value = super().to_python(value)
        return self.normaliseer(value) if value and self.normaliseer else value

    def clean(self, value):
        if isinstance(value, self.queryset.model):  # a page that has the row already
            return value
        code = super().clean(value)  # normalised, required and pattern checked
        if code in self.empty_values:
            return None
        try:
            return self.queryset.get(**{self.code_veld: code})
        except self.queryset.model.DoesNotExist:
            raise forms.ValidationError(
                self.onbekend, code="invalid_choice", params={"waarde": code}
            ) from None

    def prepare_value(self, value):
        # A form shows the code as the register keeps it (a list to choose from then marks it).
        if isinstance(value, models.Model):
            return getattr(value, self.code_veld)
        return self.to_python(value) if isinstance(value, str) else value


class CodeFilter(django_filters.Filter):
    """A filter on a row of the register by its code (``CodeVeld``): an unknown code is a 400,
    not an empty list. In the OpenAPI document a string with ``patroon``, described by the
    label and ``uitleg`` (which says what an unknown code gives); pages show the label only."""

    field_class = CodeVeld

    def __init__(self, *args, patroon: str | None = None, uitleg: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        schema = {"type": "string", "description": f"{self.label} {uitleg}".strip()}
        if patroon:
            schema["pattern"] = f"^{patroon}$"
        self._spectacular_annotation = {"field": schema}  # as extend_schema_field sets it


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, leaving the FilterSet it used on the view (``view.filterset``)
    so that an export can say what was selected."""

    def get_filterset(self, request, queryset, view):
        filterset = super().get_filterset(request, queryset, view)
        view.filterset = filterset
        return filterset


# Filters whose value is no selection and so stays out of the name of an export.
NIET_IN_NAAM = {"sort"}
KORTE_LABELS = {"zoek": "Zoekterm"}


def korte_label(naam: str, label) -> str:
    """The name of a filter for people: its label up to the first explanation ("Gemeente" of
    "Gemeente (CBS-code): regelingen waaraan …")."""
    if naam in KORTE_LABELS:
        return KORTE_LABELS[naam]
    kort = re.split(r" \(|[:;.]", str(label or ""), maxsplit=1)[0].strip()
    return kort or naam.capitalize()


def selectie(form, zonder=("peildatum", "jaar")) -> list[Filterwaarde]:
    """What a valid form (of a FilterSet, or the parameters of an overview) selects, as an
    export describes it: Dutch labels, a choice by its label, a row by its name and code.
    Parameters in ``zonder`` are said by the export in their own way."""
    waarden = []
    for naam, waarde in form.cleaned_data.items():
        if naam in zonder or waarde in (None, "", [], ()):
            continue
        veld = form.fields[naam]
        label = korte_label(naam, veld.label)
        if isinstance(veld, CodeVeld):
            gekozen = filterwaarde(label, waarde, getattr(waarde, veld.code_veld))
        else:
            keuzes = {str(k): str(v) for k, v in getattr(veld, "choices", ())}
            items = waarde if isinstance(waarde, (list, tuple)) else [waarde]
            tekst = [
                item.isoformat() if isinstance(item, datetime.date) else str(item) for item in items
            ]
            gekozen = Filterwaarde(
                label, ", ".join(keuzes.get(t, t) for t in tekst), "-".join(tekst)
            )
        if naam in NIET_IN_NAAM:
            gekozen = Filterwaarde(gekozen.label, gekozen.waarde)
        waarden.append(gekozen)
    return waarden


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

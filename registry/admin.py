"""Admin pieces shared by the apps."""

import datetime

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db import models


class VeiligeAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete widget, which looks up the submitted value to show it again: a
    value that is no id at all ("abc", a tampered form) would raise an error while rendering
    the form with its errors. Here such a value is simply not shown."""

    def optgroups(self, name, value, attr=None):
        opties = self.field.remote_field.model._meta
        doel = opties.get_field(getattr(self.field.remote_field, "field_name", opties.pk.attname))
        leesbaar = []
        for waarde in value:
            try:
                doel.to_python(waarde)
            except ValidationError:
                continue
            leesbaar.append(waarde)
        return super().optgroups(name, leesbaar, attr)


class BeheerInvoer:
    """Mixin for every ModelAdmin and inline of the register: amounts and percentages shown and
    typed as Dutch numbers, with a decimal comma (12,5; a point is read as well), and a
    tampered value in an autocomplete field a form error, not a 500."""

    formfield_overrides = {models.DecimalField: {"localize": True}}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        veld = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if type(getattr(veld, "widget", None)) is AutocompleteSelect:
            veld.widget.__class__ = VeiligeAutocompleteSelect
        return veld


class PeildatumFilter(admin.SimpleListFilter):
    """Filter a change list on "valid on a date" (the peildatum) via ``actief_op``."""

    title = "geldig op"
    parameter_name = "peildatum"

    def lookups(self, request, model_admin):
        vandaag = datetime.date.today()
        return [
            (vandaag.isoformat(), "Vandaag"),
            *[(f"{jaar}-01-01", f"1 januari {jaar}") for jaar in range(vandaag.year, 2014, -1)],
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            datum = datetime.date.fromisoformat(self.value())
        except ValueError as error:
            raise IncorrectLookupParameters("Ongeldige peildatum.") from error
        return queryset.actief_op(datum)

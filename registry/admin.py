"""Admin pieces shared by the apps."""

import datetime

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters


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


class VasteIdentificatieAdmin:
    """For a ModelAdmin of a model with ``vaste_velden`` (registry/houders.py): shown, not
    editable, once the object exists."""

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            velden += [veld for veld in self.model.vaste_velden if veld not in velden]
        return velden

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None else super().get_prepopulated_fields(request, obj)

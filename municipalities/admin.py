"""Beheerschermen of gemeenten, partners and herindelingen. What a gemeente or partner takes
part in, and carrying a herindeling through the deelnames, are added by ``agreements``."""

from django.contrib import admin

from registry.admin import BeheerInvoer, PeildatumFilter, RegisterAdmin, VasteIdentificatieAdmin

from .models import Gemeente, Partner


@admin.register(Gemeente)
class GemeenteAdmin(BeheerInvoer, VasteIdentificatieAdmin, RegisterAdmin):
    list_display = ["naam", "code", "provincie", "begindatum", "einddatum", "opvolger"]
    list_filter = [PeildatumFilter, "provincie"]
    list_select_related = ["provincie", "opvolger"]
    search_fields = ["naam", "code"]
    autocomplete_fields = ["provincie", "opvolger"]
    readonly_fields = ["tooi"]
    fieldsets = [
        (None, {"fields": ["naam", "code", "tooi", "provincie"]}),
        ("Geldigheid", {"fields": ["begindatum", "einddatum", "opvolger"]}),
        ("Inwoners", {"fields": ["inwoners", "inwoners_peiljaar"]}),
    ]

    @admin.display(description="TOOI-identificatie")
    def tooi(self, obj):
        return obj.tooi


@admin.register(Partner)
class PartnerAdmin(BeheerInvoer, VasteIdentificatieAdmin, RegisterAdmin):
    list_display = ["naam", "soort", "code", "kvk_nummer", "begindatum", "einddatum"]
    list_filter = [PeildatumFilter, "soort"]
    search_fields = ["naam", "code", "kvk_nummer"]

from django.contrib import admin

from agreements.models import Deelname
from registry.admin import PeildatumFilter

from .models import Gemeente, Partner


class DeelnameVanGemeenteInline(admin.TabularInline):
    """The deelnames of a gemeente, to read; they are entered on the regeling."""

    model = Deelname
    fk_name = "gemeente"
    fields = ["regeling", "rol", "begindatum", "einddatum", "verdeelsleutel"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "deelnames aan regelingen (te wijzigen bij de regeling)"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("regeling", "gemeente", "partner")


class DeelnameVanPartnerInline(DeelnameVanGemeenteInline):
    fk_name = "partner"


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["naam", "code", "provincie", "begindatum", "einddatum", "opvolger"]
    list_filter = [PeildatumFilter, "provincie"]
    list_select_related = ["provincie", "opvolger"]
    search_fields = ["naam", "code"]
    autocomplete_fields = ["provincie", "opvolger"]
    readonly_fields = ["tooi"]
    inlines = [DeelnameVanGemeenteInline]
    fieldsets = [
        (None, {"fields": ["naam", "code", "tooi", "provincie"]}),
        ("Geldigheid", {"fields": ["begindatum", "einddatum", "opvolger"]}),
        ("Inwoners", {"fields": ["inwoners", "inwoners_peiljaar"]}),
    ]

    @admin.display(description="TOOI-identificatie")
    def tooi(self, obj):
        return obj.tooi


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "code", "kvk_nummer", "begindatum", "einddatum"]
    list_filter = [PeildatumFilter, "soort"]
    search_fields = ["naam", "code", "kvk_nummer"]
    inlines = [DeelnameVanPartnerInline]

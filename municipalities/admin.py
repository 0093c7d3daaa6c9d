from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from agreements.herindeling import maak_ongedaan, pas_toe
from agreements.models import Deelname, HerindelingsMutatie, Herziening
from registry.admin import PeildatumFilter

from .models import Gemeente, Herindeling, Partner


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


class HerindelingForm(forms.ModelForm):
    class Meta:
        model = Herindeling
        fields = [
            "slug",
            "naam",
            "datum",
            "opgeheven",
            "opvolger",
            "nieuwe_gemeente",
            "wet",
            "staatsblad",
            "bron",
            "bron_url",
        ]

    def clean(self):
        gegevens = super().clean()
        if gegevens.get("opvolger") in (gegevens.get("opgeheven") or []):
            raise forms.ValidationError("De opvolger kan niet zelf worden opgeheven.")
        return gegevens


class HerzieningInline(admin.TabularInline):
    model = Herziening
    fields = ["regeling", "gevolg", "toelichting", "afgehandeld"]
    readonly_fields = ["regeling", "gevolg", "toelichting"]
    extra = 0
    can_delete = False
    verbose_name_plural = "regelingen te herzien (ontstaan bij het doorvoeren)"

    def has_add_permission(self, request, obj=None):
        return False


class MutatieInline(admin.TabularInline):
    model = HerindelingsMutatie
    fields = ["soort", "deelname", "gemeente", "voor", "na"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "wat het doorvoeren heeft gewijzigd"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("deelname__regeling", "deelname__gemeente", "gemeente")
        )


@admin.register(Herindeling)
class HerindelingAdmin(admin.ModelAdmin):
    form = HerindelingForm
    list_display = ["naam", "datum", "opvolger", "toegepast_op"]
    list_select_related = ["opvolger"]
    search_fields = ["naam", "opvolger__naam", "opgeheven__naam"]
    autocomplete_fields = ["opvolger", "opgeheven"]
    prepopulated_fields = {"slug": ["naam"]}
    readonly_fields = ["toegepast_op"]
    inlines = [HerzieningInline, MutatieInline]
    actions = ["doorvoeren", "ongedaan_maken"]

    def _voer_uit(self, request, queryset, functie, gedaan: str, niets: str):
        for herindeling in queryset:
            try:
                uitkomst = functie(herindeling)
            except ValidationError as fout:
                self.message_user(request, f"{herindeling}: {' '.join(fout.messages)}", "error")
            else:
                self.message_user(
                    request, f"{herindeling}: {niets if uitkomst is None else gedaan}"
                )

    @admin.action(description="Doorvoeren in de deelnames")
    def doorvoeren(self, request, queryset):
        self._voer_uit(request, queryset, pas_toe, "doorgevoerd.", "was al doorgevoerd.")

    @admin.action(description="Doorvoeren ongedaan maken")
    def ongedaan_maken(self, request, queryset):
        self._voer_uit(
            request, queryset, maak_ongedaan, "ongedaan gemaakt.", "was niet doorgevoerd."
        )

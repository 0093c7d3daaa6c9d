"""Beheerschermen of regelingen and what belongs to them; the deelnames of a gemeente or
partner on its own page, and the herindeling with its actions (they change deelnames)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from municipalities.admin import GemeenteAdmin, PartnerAdmin
from municipalities.constants import PartnerSoort
from municipalities.models import Gemeente, Herindeling, Overgang, Partner
from registry.admin import BeheerInvoer, PeildatumFilter, RegisterAdmin, VasteIdentificatieAdmin
from registry.geldigheid import perioden_overlappen

from .models import (
    Deelname,
    HerindelingsMutatie,
    Herziening,
    Inzage,
    Publicatie,
    Regeling,
    RegelingVersie,
    RooImport,
    Thema,
)
from .redactie import rollen
from .redactie.beheer import EigenObjectenMixin
from .services import maak_ongedaan, pas_toe


class ProvincieFilter(admin.SimpleListFilter):
    title = "provincie"
    parameter_name = "provincie"

    def lookups(self, request, model_admin):
        return Partner.objects.filter(soort=PartnerSoort.PROVINCIE).values_list("code", "naam")

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(
            pk__in=Deelname.objects.filter(gemeente__provincie__code=self.value()).values(
                "regeling"
            )
        )


class GeenVerwijderingMetGegevens:
    """Deleting what other data refers to is refused (PROTECT); say what to do instead."""

    instead = ""

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected and self.instead:
            messages.warning(request, self.instead)
        return deleted, model_count, perms_needed, protected


@admin.register(Thema)
class ThemaAdmin(BeheerInvoer, EigenObjectenMixin, VasteIdentificatieAdmin, RegisterAdmin):
    vrij_te_kiezen = True
    list_display = ["naam", "bovenliggend", "domein", "beleidsintensiteit"]
    list_filter = ["domein", "beleidsintensiteit"]
    list_select_related = ["bovenliggend"]
    search_fields = ["naam"]
    prepopulated_fields = {"slug": ["naam"]}
    autocomplete_fields = ["bovenliggend"]


class GeenOverlapFormSet(BaseInlineFormSet):
    """Refuse rows of one form whose periods overlap while they share ``sleutel``; the
    database would refuse them too, but without a message a person can act on."""

    sleutel: tuple[str, ...] = ()
    melding = ""

    def clean(self):
        super().clean()
        gezien = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            sleutel = tuple(data.get(veld) for veld in self.sleutel)
            periode = (data.get("begindatum"), data.get("einddatum"))
            for andere_sleutel, andere_periode in gezien:
                if andere_sleutel == sleutel and perioden_overlappen(periode, andere_periode):
                    raise ValidationError(self.melding)
            gezien.append((sleutel, periode))


class DeelnameFormSet(GeenOverlapFormSet):
    sleutel = ("gemeente", "partner")
    melding = "Twee deelnames van dezelfde deelnemer overlappen in tijd."


class VersieFormSet(GeenOverlapFormSet):
    melding = "Twee versies van de regeling overlappen in tijd."


class DeelnameInline(BeheerInvoer, EigenObjectenMixin, admin.TabularInline):
    model = Deelname
    formset = DeelnameFormSet
    fields = [
        "gemeente",
        "partner",
        "rol",
        "begindatum",
        "einddatum",
        "namens_raad",
        "namens_college",
        "namens_burgemeester",
        "verdeelsleutel",
        "roo_beheerd",
    ]
    readonly_fields = ["roo_beheerd"]
    autocomplete_fields = ["gemeente", "partner"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("gemeente", "partner")


class VersieInline(BeheerInvoer, EigenObjectenMixin, admin.TabularInline):
    model = RegelingVersie
    formset = VersieFormSet
    fields = ["titel", "vorm", "begindatum", "einddatum", "roo_id", "bron_url"]
    extra = 0


class PublicatieInline(BeheerInvoer, EigenObjectenMixin, admin.TabularInline):
    model = Publicatie
    fields = ["soort", "titel", "url", "datum"]
    extra = 0


@admin.register(Regeling)
class RegelingAdmin(
    BeheerInvoer,
    GeenVerwijderingMetGegevens,
    EigenObjectenMixin,
    VasteIdentificatieAdmin,
    RegisterAdmin,
):
    vrij_te_kiezen = True
    instead = (
        "Een regeling met deelnames of andere gegevens verwijdert u niet: beëindig de regeling "
        "(einddatum, status opgeheven), dan blijft haar geschiedenis in het register."
    )
    list_display = ["naam", "afkorting", "vorm", "status", "begindatum", "einddatum"]
    list_filter = [PeildatumFilter, "vorm", "status", "themas", ProvincieFilter, "roo_beheerd"]
    search_fields = ["naam", "afkorting", "doel", "slug"]
    prepopulated_fields = {"slug": ["naam"]}
    filter_horizontal = ["themas"]
    readonly_fields = ["grondslag", "rechtspersoonlijkheid"]
    inlines = [DeelnameInline, VersieInline, PublicatieInline]
    fieldsets = [
        (None, {"fields": ["naam", "afkorting", "slug", "doel", "themas", "status"]}),
        (
            "Vorm en bevoegdheden",
            {
                "fields": [
                    "vorm",
                    "grondslag",
                    "rechtspersoonlijkheid",
                    ("attributie", "delegatie", "mandaat"),
                    "wettelijke_grondslagen",
                    "bevoegdheden",
                ]
            },
        ),
        ("Geldigheid", {"fields": ["begindatum", "einddatum"]}),
        (
            "Organisatie",
            {"fields": ["vestigingsplaats", "adres", "organisatiecode", "oin", "kvk_nummer"]},
        ),
        ("Bron", {"fields": ["bron", "bron_registratienummer", "bron_url", "roo_beheerd"]}),
    ]

    @admin.display(description="wettelijke grondslag van de vorm")
    def grondslag(self, obj):
        return obj.eigenschappen.grondslag if obj.eigenschappen else "—"

    @admin.display(description="eigen rechtspersoonlijkheid", boolean=True)
    def rechtspersoonlijkheid(self, obj):
        return obj.eigenschappen.rechtspersoonlijkheid if obj.eigenschappen else None


@admin.register(Deelname)
class DeelnameAdmin(BeheerInvoer, EigenObjectenMixin, RegisterAdmin):
    list_display = ["regeling", "gemeente", "partner", "rol", "begindatum", "einddatum"]
    list_filter = [PeildatumFilter, "rol", "regeling__vorm", "roo_beheerd"]
    list_select_related = ["regeling", "gemeente", "partner"]
    search_fields = ["regeling__naam", "gemeente__naam", "gemeente__code", "partner__naam"]
    autocomplete_fields = ["regeling", "gemeente", "partner"]


@admin.register(Inzage)
class InzageAdmin(BeheerInvoer, admin.ModelAdmin):
    """Who read what is not public (the audit export of the wijzigingen), and when; written by
    that export only, and never changed."""

    list_display = ["moment", "gebruikersnaam", "wat", "aantal"]
    search_fields = ["gebruikersnaam", "wat"]
    fields = list_display
    readonly_fields = list_display

    def has_view_permission(self, request, obj=None):
        return rollen.is_beheerder(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RooImport)
class RooImportAdmin(BeheerInvoer, EigenObjectenMixin, RegisterAdmin):
    """The record of each ROO import; written by ``manage.py importeer_roo`` only."""

    list_display = ["gestart", "bron", "schema"]
    fields = ["gestart", "bron", "schema", "aantallen", "meldingen"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class DeelnameVanGemeenteInline(BeheerInvoer, EigenObjectenMixin, admin.TabularInline):
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


class GemeenteMetDeelnamesAdmin(GeenVerwijderingMetGegevens, EigenObjectenMixin, GemeenteAdmin):
    inlines = [DeelnameVanGemeenteInline]
    instead = (
        "Een gemeente met deelnames of andere gegevens verwijdert u niet: een gemeente die "
        "ophoudt te bestaan, krijgt een einddatum en een opvolger (een herindeling)."
    )


class PartnerMetDeelnamesAdmin(EigenObjectenMixin, PartnerAdmin):
    vrij_te_kiezen = True
    inlines = [DeelnameVanPartnerInline]


admin.site.unregister(Gemeente)
admin.site.register(Gemeente, GemeenteMetDeelnamesAdmin)
admin.site.unregister(Partner)
admin.site.register(Partner, PartnerMetDeelnamesAdmin)


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


class OvergangInline(BeheerInvoer, admin.TabularInline):
    """Where the territory of an opgeheven gemeente goes when that is not (only) the opvolger;
    more than one row for a gemeente is a split."""

    model = Overgang
    fields = ["gemeente", "opvolger", "aandeel"]
    autocomplete_fields = ["gemeente", "opvolger"]
    extra = 0
    verbose_name_plural = "overgangen van grondgebied (bij een splitsing of een andere opvolger)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("gemeente", "opvolger")


class HerzieningInline(BeheerInvoer, admin.TabularInline):
    model = Herziening
    fields = ["regeling", "gevolg", "toelichting", "afgehandeld"]
    readonly_fields = ["regeling", "gevolg", "toelichting"]
    extra = 0
    can_delete = False
    verbose_name_plural = "regelingen te herzien (ontstaan bij het doorvoeren)"

    def has_add_permission(self, request, obj=None):
        return False


class MutatieInline(BeheerInvoer, admin.TabularInline):
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
class HerindelingAdmin(BeheerInvoer, EigenObjectenMixin, VasteIdentificatieAdmin, RegisterAdmin):
    form = HerindelingForm
    list_display = ["naam", "datum", "opvolger", "toegepast_op"]
    list_select_related = ["opvolger"]
    search_fields = ["naam", "opvolger__naam", "opgeheven__naam"]
    autocomplete_fields = ["opvolger", "opgeheven"]
    prepopulated_fields = {"slug": ["naam"]}
    readonly_fields = ["toegepast_op"]
    inlines = [OvergangInline, HerzieningInline, MutatieInline]
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

    def has_doorvoeren_permission(self, request):
        return request.user.has_perm("municipalities.doorvoeren_herindeling")

    @admin.action(description="Doorvoeren in de deelnames", permissions=["doorvoeren"])
    def doorvoeren(self, request, queryset):
        self._voer_uit(request, queryset, pas_toe, "doorgevoerd.", "was al doorgevoerd.")

    @admin.action(description="Doorvoeren ongedaan maken", permissions=["doorvoeren"])
    def ongedaan_maken(self, request, queryset):
        self._voer_uit(
            request, queryset, maak_ongedaan, "ongedaan gemaakt.", "was niet doorgevoerd."
        )

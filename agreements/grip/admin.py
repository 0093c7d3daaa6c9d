"""Beheerschermen of grip op samenwerking: lists of their own, and inlines that this app adds
to the regeling admin of ``agreements`` (which knows nothing of grip)."""

import datetime

from django.contrib import admin
from django.db.models import Exists, OuterRef

from agreements.admin import RegelingAdmin
from agreements.models import Regeling
from agreements.redactie.beheer import EigenObjectenMixin
from registry.admin import BeheerInvoer, PeildatumFilter, RegisterAdmin

from . import selectors
from .models import (
    Beeindiging,
    Bijdrage,
    Evaluatie,
    Jaarcijfers,
    Jaarstuk,
    Procedurestap,
    Raadsafspraak,
    Rapporteur,
    Toetsing,
    Vertegenwoordiger,
    Zienswijze,
)


class GemeenteInline(BeheerInvoer, EigenObjectenMixin, admin.TabularInline):
    autocomplete_fields = ["gemeente"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("gemeente")


class ProcedurestapInline(GemeenteInline):
    model = Procedurestap
    fields = [
        "gemeente",
        "onderwerp",
        "soort",
        "status",
        "datum",
        "verwachte_maand",
        "termijn_weken",
        "tegelijk_met_toestemming",
        "uiterste_datum",
        "raadsvoorstel",
        "portefeuillehouder",
        "document_url",
    ]
    readonly_fields = ["uiterste_datum"]
    show_change_link = True

    @admin.display(description="uiterste datum zienswijze")
    def uiterste_datum(self, obj):
        return obj.uiterste_datum or "—"


class JaarstukInline(BeheerInvoer, EigenObjectenMixin, admin.TabularInline):
    model = Jaarstuk
    fields = ["soort", "jaar", "ontvangen", "vastgesteld", "termijn_weken", "document_url"]
    show_change_link = True
    extra = 0


class VertegenwoordigerInline(GemeenteInline):
    model = Vertegenwoordiger
    fields = ["gemeente", "naam", "functie", "orgaan", "voorzitter", "begindatum", "einddatum"]


class RapporteurInline(GemeenteInline):
    model = Rapporteur
    fields = ["gemeente", "naam", "begindatum", "einddatum"]


class BijdrageInline(GemeenteInline):
    model = Bijdrage
    fields = ["gemeente", "jaar", "begroot", "gerealiseerd", "verdeelsleutel", "basis"]


class JaarcijfersInline(BeheerInvoer, EigenObjectenMixin, admin.TabularInline):
    model = Jaarcijfers
    fields = [
        "jaar",
        "eigen_vermogen_begin",
        "eigen_vermogen_eind",
        "vreemd_vermogen_begin",
        "vreemd_vermogen_eind",
        "resultaat",
        "risicos",
    ]
    extra = 0


class EvaluatieInline(GemeenteInline):
    model = Evaluatie
    fields = ["gemeente", "datum", "titel", "document_url"]
    show_change_link = True


class BeeindigingInline(BeheerInvoer, EigenObjectenMixin, admin.StackedInline):
    model = Beeindiging
    fields = ["opzegtermijn_maanden", "uittredingsvoorwaarden", "ontvlechtingskosten", "bron"]
    max_num = 1
    extra = 0


class RegelingMetGripAdmin(RegelingAdmin):
    inlines = [
        *RegelingAdmin.inlines,
        ProcedurestapInline,
        JaarstukInline,
        VertegenwoordigerInline,
        RapporteurInline,
        BijdrageInline,
        JaarcijfersInline,
        EvaluatieInline,
        BeeindigingInline,
    ]


admin.site.unregister(Regeling)
admin.site.register(Regeling, RegelingMetGripAdmin)


@admin.register(Procedurestap)
class ProcedurestapAdmin(BeheerInvoer, EigenObjectenMixin, RegisterAdmin):
    list_display = ["regeling", "gemeente", "onderwerp", "soort", "status", "datum", "uiterste"]
    list_filter = ["soort", "status", "onderwerp"]
    list_select_related = ["regeling", "gemeente"]
    search_fields = ["regeling__naam", "gemeente__naam", "raadsvoorstel", "portefeuillehouder"]
    autocomplete_fields = ["regeling", "gemeente"]
    readonly_fields = ["uiterste"]

    @admin.display(description="uiterste datum zienswijze")
    def uiterste(self, obj):
        return obj.uiterste_datum


class ZienswijzeInline(GemeenteInline):
    model = Zienswijze
    fields = ["gemeente", "datum", "geen_zienswijze", "inhoud", "document_url", "bron"]


@admin.register(Jaarstuk)
class JaarstukAdmin(BeheerInvoer, EigenObjectenMixin, RegisterAdmin):
    list_display = ["regeling", "soort", "jaar", "ontvangen", "zienswijze_uiterlijk", "wettelijk"]
    list_filter = ["soort", "jaar"]
    list_select_related = ["regeling"]
    search_fields = ["regeling__naam"]
    autocomplete_fields = ["regeling"]
    inlines = [ZienswijzeInline]

    @admin.display(description="zienswijze uiterlijk")
    def zienswijze_uiterlijk(self, obj):
        return obj.zienswijze_uiterlijk

    @admin.display(description="wettelijke datum")
    def wettelijk(self, obj):
        return selectors.wettelijke_datum(obj.soort, obj.jaar).datum


@admin.register(Vertegenwoordiger)
class VertegenwoordigerAdmin(BeheerInvoer, EigenObjectenMixin, RegisterAdmin):
    list_display = [
        "naam",
        "functie",
        "orgaan",
        "regeling",
        "gemeente",
        "begindatum",
        "einddatum",
        "dubbele_pet",
    ]
    list_filter = [PeildatumFilter, "functie", "orgaan"]
    list_select_related = ["regeling", "gemeente"]
    search_fields = ["naam", "regeling__naam", "gemeente__naam"]
    autocomplete_fields = ["regeling", "gemeente"]

    def get_queryset(self, request):
        rapporteur = Rapporteur.objects.actief_op(datetime.date.today()).filter(
            regeling=OuterRef("regeling"),
            gemeente=OuterRef("gemeente"),
            naam__iexact=OuterRef("naam"),
        )
        return super().get_queryset(request).annotate(is_rapporteur=Exists(rapporteur))

    @admin.display(description="dubbele pet vandaag")
    def dubbele_pet(self, obj):
        if not obj.is_actief_op(datetime.date.today()):
            return ""
        sleutels = (
            {(obj.regeling_id, obj.gemeente_id, selectors.naam_sleutel(obj.naam))}
            if obj.is_rapporteur
            else set()
        )
        return selectors.dubbele_pet(obj, sleutels)


@admin.register(Rapporteur)
class RapporteurAdmin(BeheerInvoer, EigenObjectenMixin, RegisterAdmin):
    list_display = ["naam", "regeling", "gemeente", "begindatum", "einddatum"]
    list_filter = [PeildatumFilter]
    list_select_related = ["regeling", "gemeente"]
    search_fields = ["naam", "regeling__naam", "gemeente__naam"]
    autocomplete_fields = ["regeling", "gemeente"]


@admin.register(Bijdrage)
class BijdrageAdmin(BeheerInvoer, EigenObjectenMixin, RegisterAdmin):
    list_display = ["regeling", "gemeente", "jaar", "begroot", "gerealiseerd", "basis"]
    list_filter = ["jaar", "basis"]
    list_select_related = ["regeling", "gemeente"]
    search_fields = ["regeling__naam", "gemeente__naam"]
    autocomplete_fields = ["regeling", "gemeente"]


@admin.register(Jaarcijfers)
class JaarcijfersAdmin(BeheerInvoer, EigenObjectenMixin, RegisterAdmin):
    list_display = ["regeling", "jaar", "eigen_vermogen_eind", "vreemd_vermogen_eind", "resultaat"]
    list_filter = ["jaar"]
    list_select_related = ["regeling"]
    search_fields = ["regeling__naam"]
    autocomplete_fields = ["regeling"]


class ToetsingInline(BeheerInvoer, EigenObjectenMixin, admin.TabularInline):
    model = Toetsing
    fields = ["vraag", "antwoord", "toelichting"]
    extra = 0


@admin.register(Evaluatie)
class EvaluatieAdmin(BeheerInvoer, EigenObjectenMixin, RegisterAdmin):
    list_display = ["titel", "regeling", "gemeente", "datum"]
    list_filter = ["datum"]
    list_select_related = ["regeling", "gemeente"]
    search_fields = ["titel", "regeling__naam", "gemeente__naam"]
    autocomplete_fields = ["regeling", "gemeente"]
    inlines = [ToetsingInline]


@admin.register(Raadsafspraak)
class RaadsafspraakAdmin(BeheerInvoer, EigenObjectenMixin, RegisterAdmin):
    list_display = ["gemeente", "evaluatie_interval_jaren", "bron"]
    list_select_related = ["gemeente"]
    search_fields = ["gemeente__naam", "gemeente__code"]
    autocomplete_fields = ["gemeente"]

"""The work list of meldingen: beheerders (and the redacteuren of the organisations that keep the
data) set the status and answer; an answer is e-mailed to the melder."""

from django.contrib import admin, messages
from django.utils.html import format_html

from agreements.models import Regeling
from agreements.redactie import rollen
from municipalities.models import Gemeente

from . import services
from .models import Melding


@admin.register(Melding)
class MeldingAdmin(admin.ModelAdmin):
    list_display = ["aangemaakt", "onderwerp_link", "onderdeel", "status", "afgehandeld_op"]
    list_display_links = ["aangemaakt"]
    list_filter = ["status", "onderdeel"]
    list_select_related = ["regeling", "gemeente"]
    search_fields = ["tekst", "regeling__naam", "gemeente__naam", "gemeente__code"]
    date_hierarchy = "aangemaakt"
    fieldsets = [
        (None, {"fields": ["onderwerp_link", "onderdeel", "peildatum", "tekst", "gaat_naar"]}),
        (
            "Melder (niet openbaar)",
            {
                "fields": ["naam", "email", "contactgegevens_verwijderd_op"],
                "description": "Naam en e-mailadres worden verwijderd als de melding langer dan "
                "de bewaartermijn is afgehandeld (manage.py ruim_meldingen_op).",
            },
        ),
        (
            "Behandeling",
            {"fields": ["aangemaakt", "status", "antwoord", "afgehandeld_op", "beantwoord_op"]},
        ),
    ]
    readonly_fields = [
        "onderwerp_link",
        "onderdeel",
        "peildatum",
        "tekst",
        "gaat_naar",
        "naam",
        "email",
        "contactgegevens_verwijderd_op",
        "aangemaakt",
        "afgehandeld_op",
        "beantwoord_op",
    ]

    @admin.display(description="onderwerp")
    def onderwerp_link(self, melding: Melding) -> str:
        onderwerp = melding.onderwerp
        return format_html('<a href="{}">{}</a>', onderwerp.get_absolute_url(), onderwerp)

    @admin.display(description="gaat naar")
    def gaat_naar(self, melding: Melding) -> str:
        organisaties = ", ".join(melding.houders)
        return f"{organisaties} en de beheerders" if organisaties else "de beheerders"

    def get_queryset(self, request):
        """A redacteur sees the meldingen about what their organisations keep."""
        meldingen = super().get_queryset(request)
        sleutels = rollen.organisaties(request.user)
        if sleutels is None:
            return meldingen
        return meldingen.filter(
            Regeling.houders_q(sleutels, prefix="regeling__")
            | Gemeente.houders_q(sleutels, prefix="gemeente__")
        )

    def has_add_permission(self, request):
        return False  # meldingen come from the public form

    def save_model(self, request, obj, form, change):
        gemaild = services.behandel(melding=obj, status=obj.status, antwoord=obj.antwoord)
        if gemaild:
            self.message_user(request, "Het antwoord is naar de melder gemaild.")
        elif "antwoord" in form.changed_data and obj.antwoord and not obj.email:
            self.message_user(
                request,
                "De melder heeft geen e-mailadres achtergelaten: het antwoord is niet verstuurd.",
                messages.WARNING,
            )

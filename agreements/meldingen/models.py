"""A melding: someone says that something on the page of a regeling or gemeente is wrong."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.utils import timezone

from registry.protocol import Historie
from registry.tekens import TekstControle

from .constants import MAXIMALE_LENGTE, Onderdeel, Status


class Melding(TekstControle, models.Model):
    regeling = models.ForeignKey(
        "agreements.Regeling",
        verbose_name="regeling",
        on_delete=models.CASCADE,
        related_name="meldingen",
        null=True,
        blank=True,
    )
    gemeente = models.ForeignKey(
        "municipalities.Gemeente",
        verbose_name="gemeente",
        on_delete=models.CASCADE,
        related_name="meldingen",
        null=True,
        blank=True,
    )
    onderdeel = models.CharField("onderdeel", max_length=20, choices=Onderdeel.choices, blank=True)
    tekst = models.TextField("wat klopt er niet", max_length=MAXIMALE_LENGTE)
    peildatum = models.DateField(
        "peildatum",
        null=True,
        blank=True,
        help_text="De datum waarop de melder de pagina bekeek (?peildatum=).",
    )
    naam = models.CharField("naam van de melder", max_length=200, blank=True)
    email = models.EmailField("e-mailadres van de melder", blank=True)
    houders = models.JSONField(
        "gaat naar",
        default=list,
        blank=True,
        help_text="De organisaties die deze gegevens bijhouden, bij het melden.",
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.NIEUW)
    aangemaakt = models.DateTimeField("gemeld op", default=timezone.now, editable=False)
    afgehandeld_op = models.DateTimeField("afgehandeld op", null=True, blank=True)
    antwoord = models.TextField("antwoord", max_length=MAXIMALE_LENGTE, blank=True)
    beantwoord_op = models.DateTimeField(
        "antwoord gemaild op",
        null=True,
        blank=True,
        help_text="Wanneer het antwoord naar de melder is gemaild.",
    )
    contactgegevens_verwijderd_op = models.DateTimeField(
        "contactgegevens verwijderd op", null=True, blank=True
    )

    # The melder's name and address stay out of the history: they are removed after the
    # bewaartermijn, and a copy must not outlive them.
    history = Historie(excluded_fields=["naam", "email"])

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        ordering = ["-aangemaakt", "-id"]
        indexes = [models.Index(fields=["status", "afgehandeld_op"], name="melding_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(regeling__isnull=False, gemeente__isnull=True)
                | Q(regeling__isnull=True, gemeente__isnull=False),
                name="melding_over_een_onderwerp",
                violation_error_message="Een melding gaat over één regeling of één gemeente.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="melding_status_geldig",
                violation_error_message="Onbekende status.",
            ),
            models.CheckConstraint(
                condition=Q(status=Status.AFGEHANDELD, afgehandeld_op__isnull=False)
                | (~Q(status=Status.AFGEHANDELD) & Q(afgehandeld_op__isnull=True)),
                name="melding_afgehandeld_op",
                violation_error_message="Alleen een afgehandelde melding heeft een datum van "
                "afhandeling, en die heeft er altijd een.",
            ),
            models.CheckConstraint(
                condition=Q(
                    GreaterThanOrEqual(Length("tekst"), 1),
                    LessThanOrEqual(Length("tekst"), MAXIMALE_LENGTE),
                ),
                name="melding_tekst_lengte",
                violation_error_message="Beschrijf wat er niet klopt, in hoogstens "
                f"{MAXIMALE_LENGTE} tekens.",
            ),
            models.CheckConstraint(
                condition=Q(contactgegevens_verwijderd_op__isnull=True) | Q(naam="", email=""),
                name="melding_contactgegevens_verwijderd",
                violation_error_message="Verwijderde contactgegevens zijn leeg.",
            ),
        ]

    def __str__(self):
        return f"Melding over {self.onderwerp} ({self.aangemaakt:%d-%m-%Y})"

    @property
    def onderwerp(self):
        """The regeling or the gemeente the melding is about."""
        return self.regeling or self.gemeente

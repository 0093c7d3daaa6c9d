import datetime
import hashlib
import hmac
import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from agreements.models import Regeling
from municipalities.models import Gemeente
from registry.houders import regeling_sleutel
from registry.protocol import Historie
from registry.tekens import TekstControle

TOKEN_VOORVOEGSEL = "sr"
TOKEN_PATROON = re.compile(r"sr_([0-9a-f]{8})_([A-Za-z0-9_-]{43})")
TOKEN_HOOGSTENS_DAGEN = 366


class Redacteur(TekstControle, models.Model):
    """A user who edits for one or more organisations: gemeenten, and regelingen whose
    secretariaat the user works for."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="gebruiker",
        on_delete=models.CASCADE,
        related_name="redacteur",
    )
    gemeenten = models.ManyToManyField(
        Gemeente,
        verbose_name="gemeenten",
        blank=True,
        related_name="redacteuren",
        help_text="De redacteur houdt bij wat deze gemeenten bijhouden: hun deelnames en alles "
        "daarover, en de regelingen waarvan zij centrum- of gastheergemeente zijn.",
    )
    regelingen = models.ManyToManyField(
        Regeling,
        verbose_name="regelingen (secretariaat)",
        blank=True,
        related_name="redacteuren",
        help_text="De redacteur werkt voor het secretariaat van deze regelingen en houdt hun "
        "eigen gegevens bij.",
    )

    history = Historie(m2m_fields=["gemeenten", "regelingen"])

    class Meta:
        verbose_name = "redacteur"
        verbose_name_plural = "redacteuren"
        ordering = ["gebruiker__username"]

    def __str__(self):
        return str(self.gebruiker)

    def organisaties(self) -> frozenset[str]:
        """The organisation keys of registry/houders.py this redacteur edits for."""
        return frozenset(
            [
                *self.gemeenten.values_list("code", flat=True),
                *(
                    regeling_sleutel(slug)
                    for slug in self.regelingen.values_list("slug", flat=True)
                ),
            ]
        )


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(TekstControle, models.Model):
    """A personal token for writing through the API. Only a SHA-256 hash is stored: the token
    itself is shown once, when it is made. It expires, and can be withdrawn."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gebruiker",
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    naam = models.CharField("naam", max_length=100, help_text="Waarvoor de token dient.")
    prefix = models.CharField(
        "begin", max_length=8, unique=True, editable=False, help_text="Om de token te vinden."
    )
    sleutel = models.CharField("SHA-256 van de token", max_length=64, editable=False)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    verloopt_op = models.DateField(
        "geldig tot en met",
        help_text=f"Verplicht; hoogstens {TOKEN_HOOGSTENS_DAGEN} dagen na vandaag.",
    )
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True, editable=False)

    history = Historie(excluded_fields=["sleutel"])  # who made and withdrew which token

    class Meta:
        verbose_name = "API-token"
        verbose_name_plural = "API-tokens"
        ordering = ["gebruiker", "-aangemaakt"]
        constraints = [
            models.CheckConstraint(
                condition=Q(prefix__regex=r"^[0-9a-f]{8}$") & Q(sleutel__regex=r"^[0-9a-f]{64}$"),
                name="apitoken_alleen_hash",
                violation_error_message="Een token wordt alleen als hash bewaard.",
            ),
        ]

    def __str__(self):
        return f"{self.naam} ({TOKEN_VOORVOEGSEL}_{self.prefix}_…)"

    def clean(self):
        super().clean()
        if self.pk is None and self.verloopt_op:
            vandaag = timezone.localdate()
            if self.verloopt_op < vandaag:
                raise ValidationError({"verloopt_op": "Kies een datum vanaf vandaag."})
            if self.verloopt_op > vandaag + datetime.timedelta(days=TOKEN_HOOGSTENS_DAGEN):
                raise ValidationError(
                    {"verloopt_op": f"Een token is hoogstens {TOKEN_HOOGSTENS_DAGEN} dagen geldig."}
                )

    def genereer(self) -> str:
        """Give this (unsaved) token a new secret; returns the token, to show once."""
        self.prefix = secrets.token_hex(4)
        token = f"{TOKEN_VOORVOEGSEL}_{self.prefix}_{secrets.token_urlsafe(32)}"
        self.sleutel = token_hash(token)
        return token

    @property
    def status(self) -> str:
        if self.ingetrokken_op:
            return "ingetrokken"
        if self.verloopt_op < timezone.localdate():
            return "verlopen"
        return "geldig"

    def past_bij(self, token: str) -> bool:
        return hmac.compare_digest(self.sleutel, token_hash(token))

    def trek_in(self):
        if not self.ingetrokken_op:
            self.ingetrokken_op = timezone.now()
            self.save(update_fields=["ingetrokken_op"])

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import slugify

from registry.converters import CBS_CODE
from registry.geldigheid import Geldigheid
from registry.peildatum import JAAR_MAX
from registry.slugs import DerivedSlug

from .constants import CBS_CODE_FOUT, PARTNER_CODES, TOOI_BASIS, PartnerSoort

KVK_REGEX = r"^[0-9]{8}$"
OIN_REGEX = r"^[0-9]{20}$"
kvk_validator = RegexValidator(KVK_REGEX, "Een KvK-nummer bestaat uit 8 cijfers.")
oin_validator = RegexValidator(OIN_REGEX, "Een OIN bestaat uit 20 cijfers.")
cbs_validator = RegexValidator(f"^{CBS_CODE}$", CBS_CODE_FOUT)
# Inhabitants are counted since the first censuses, before the register's other figures begin.
PEILJAAR_MIN = 1800


def kvk_en_oin_constraints(prefix: str) -> list[models.CheckConstraint]:
    """The format of the (optional) fields kvk_nummer and oin, guarded by the database."""
    return [
        models.CheckConstraint(
            condition=Q(kvk_nummer="") | Q(kvk_nummer__regex=KVK_REGEX),
            name=f"{prefix}_kvk_nummer_8_cijfers",
            violation_error_message=kvk_validator.message,
        ),
        models.CheckConstraint(
            condition=Q(oin="") | Q(oin__regex=OIN_REGEX),
            name=f"{prefix}_oin_20_cijfers",
            violation_error_message=oin_validator.message,
        ),
    ]


class Partner(Geldigheid, DerivedSlug):
    """Every participant that is not a gemeente: provincie, waterschap, GR body, ministry, ..."""

    slug = models.SlugField(
        "identificatie",
        max_length=120,
        unique=True,
        help_text="Vaste identificatie in adressen van website en API: de code, of anders "
        "een afgeleide van de naam.",
    )
    naam = models.CharField("naam", max_length=200)
    soort = models.CharField("soort", max_length=30, choices=PartnerSoort.choices)
    code = models.CharField(
        "code",
        max_length=10,
        unique=True,
        null=True,
        blank=True,
        help_text="Organisatiecode uit ROO/TOOI: pvNN (provincie), wsNNNN (waterschap), "
        "soNNNN (samenwerkingsorganisatie) of mnreNNNN (ministerie).",
    )
    kvk_nummer = models.CharField(
        "KvK-nummer", max_length=8, blank=True, validators=[kvk_validator]
    )
    oin = models.CharField("OIN", max_length=20, blank=True, validators=[oin_validator])
    toelichting = models.TextField("toelichting", blank=True)

    class Meta:
        verbose_name = "partner"
        verbose_name_plural = "partners"
        ordering = ["naam", "id"]
        constraints = [
            *Geldigheid.Meta.constraints,
            models.CheckConstraint(
                condition=Q(code__isnull=True)
                | Q(
                    *[
                        Q(soort=soort, code__regex=pattern)
                        for soort, (_, pattern) in PARTNER_CODES.items()
                    ],
                    _connector=Q.OR,
                ),
                name="partner_code_past_bij_soort",
                violation_error_message="De code past niet bij de soort partner.",
            ),
            *kvk_en_oin_constraints("partner"),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("partner-pagina", args=[self.slug])

    def slug_source(self) -> str:
        return self.code or slugify(self.naam)

    def clean(self):
        super().clean()
        if self.code:
            self.code = self.code.lower()

    @property
    def tooi(self) -> str:
        if not self.code:
            return ""
        return f"{TOOI_BASIS}{PARTNER_CODES[self.soort][0]}/{self.code}"


class Gemeente(Geldigheid):
    code = models.CharField(
        "CBS-code",
        max_length=6,
        unique=True,
        validators=[cbs_validator],
        help_text="Bijvoorbeeld GM0626. Een opgeheven gemeente houdt haar code.",
    )
    naam = models.CharField("naam", max_length=100)
    provincie = models.ForeignKey(
        Partner,
        verbose_name="provincie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"soort": PartnerSoort.PROVINCIE},
        related_name="gemeenten",
    )
    opvolger = models.ForeignKey(
        "self",
        verbose_name="opvolger",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="voorgangers",
        help_text="De gemeente die na een herindeling verder gaat.",
    )
    inwoners = models.PositiveIntegerField("inwoners", null=True, blank=True)
    inwoners_peiljaar = models.PositiveSmallIntegerField("peiljaar inwoners", null=True, blank=True)

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["naam", "code"]
        constraints = [
            *Geldigheid.Meta.constraints,
            models.CheckConstraint(
                condition=Q(code__regex=f"^{CBS_CODE}$"),
                name="gemeente_code_cbs",
                violation_error_message=CBS_CODE_FOUT,
            ),
            models.CheckConstraint(
                condition=Q(opvolger__isnull=True) | Q(einddatum__isnull=False),
                name="gemeente_opvolger_alleen_na_einde",
                violation_error_message="Alleen een opgeheven gemeente (met einddatum) heeft "
                "een opvolger.",
            ),
            models.CheckConstraint(
                condition=~Q(opvolger=F("pk")),
                name="gemeente_niet_eigen_opvolger",
                violation_error_message="Een gemeente kan niet haar eigen opvolger zijn.",
            ),
            models.CheckConstraint(
                condition=Q(inwoners_peiljaar__isnull=True) | Q(inwoners__isnull=False),
                name="gemeente_peiljaar_met_inwoners",
                violation_error_message="Een peiljaar hoort bij een aantal inwoners.",
            ),
            models.CheckConstraint(
                condition=Q(inwoners_peiljaar__isnull=True)
                | Q(inwoners_peiljaar__gte=PEILJAAR_MIN, inwoners_peiljaar__lte=JAAR_MAX),
                name="gemeente_peiljaar_plausibel",
                violation_error_message=f"Het peiljaar moet tussen {PEILJAAR_MIN} en {JAAR_MAX} "
                "liggen.",
            ),
        ]

    def __str__(self):
        return f"{self.naam} ({self.code})"

    def get_absolute_url(self) -> str:
        return reverse("gemeente-pagina", args=[self.code])

    def clean(self):
        super().clean()
        if self.provincie_id and self.provincie.soort != PartnerSoort.PROVINCIE:
            raise ValidationError({"provincie": "Kies een partner van de soort provincie."})

    @property
    def tooi(self) -> str:
        return f"{TOOI_BASIS}gemeente/{self.code.lower()}"


class Herindeling(models.Model):
    """A gemeentelijke herindeling: on ``datum`` the ``opgeheven`` gemeenten cease and
    ``opvolger`` continues or is newly formed. A planned one has no ``toegepast_op`` yet;
    applying it carries it through the deelnames (agreements/services.py)."""

    slug = models.SlugField(
        "identificatie",
        max_length=120,
        unique=True,
        help_text="Vaste identificatie in adressen, bijvoorbeeld 2019-groningen.",
    )
    naam = models.CharField("naam", max_length=200)
    datum = models.DateField(
        "datum", help_text="De eerste dag van de nieuwe indeling (meestal 1 januari)."
    )
    opgeheven = models.ManyToManyField(
        Gemeente, verbose_name="opgeheven gemeenten", related_name="opgeheven_bij"
    )
    opvolger = models.ForeignKey(
        Gemeente,
        verbose_name="opvolger",
        on_delete=models.PROTECT,
        related_name="opvolger_bij",
        help_text="De gemeente die verder gaat of die nieuw wordt gevormd.",
    )
    nieuwe_gemeente = models.BooleanField(
        "nieuw gevormde gemeente",
        default=False,
        help_text="Aan als de opvolger bij deze herindeling nieuw is ontstaan.",
    )
    wet = models.CharField("wet", max_length=300, blank=True)
    staatsblad = models.CharField("Staatsblad", max_length=50, blank=True)
    bron = models.CharField(
        "bron", max_length=500, help_text="Waar de feiten van deze herindeling vandaan komen."
    )
    bron_url = models.URLField("adres bron", max_length=500, blank=True)
    toegepast_op = models.DateTimeField(
        "toegepast op",
        null=True,
        blank=True,
        editable=False,
        help_text="Wanneer de herindeling is doorgevoerd in de deelnames.",
    )

    class Meta:
        verbose_name = "herindeling"
        verbose_name_plural = "herindelingen"
        ordering = ["-datum", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(bron=""),
                name="herindeling_bron_verplicht",
                violation_error_message="Vermeld de bron van de herindeling.",
            ),
        ]

    def __str__(self):
        return self.naam

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import slugify

from registry.converters import CBS_CODE
from registry.geldigheid import Geldigheid
from registry.houders import GEEN, NIEMAND, VasteIdentificatie, gemeente_q
from registry.peildatum import JAAR_MAX
from registry.protocol import Historie
from registry.slugs import DerivedSlug
from registry.tekens import TekstControle

from .constants import CBS_CODE_FOUT, PARTNER_CODES, TOOI_BASIS, PartnerSoort

KVK_REGEX = r"^[0-9]{8}$"
OIN_REGEX = r"^[0-9]{20}$"
RSIN_REGEX = r"^[0-9]{9}$"
WIKIDATA_REGEX = r"^Q[1-9][0-9]*$"
ROO_ID_REGEX = r"^[0-9]+$"
kvk_validator = RegexValidator(KVK_REGEX, "Een KvK-nummer bestaat uit 8 cijfers.")
oin_validator = RegexValidator(OIN_REGEX, "Een OIN bestaat uit 20 cijfers.")
rsin_validator = RegexValidator(RSIN_REGEX, "Een RSIN bestaat uit 9 cijfers.")
wikidata_validator = RegexValidator(
    WIKIDATA_REGEX, "Een Wikidata-identificatie is Q gevolgd door cijfers, bijv. Q848324."
)
roo_id_validator = RegexValidator(ROO_ID_REGEX, "Een ROO-systeemId bestaat uit cijfers.")
cbs_validator = RegexValidator(f"^{CBS_CODE}$", CBS_CODE_FOUT)
# Inhabitants are counted since the first censuses, before the register's other figures begin.
PEILJAAR_MIN = 1800


def rsin_veld():
    return models.CharField(
        "RSIN",
        max_length=9,
        blank=True,
        validators=[rsin_validator],
        help_text="Rechtspersonen en Samenwerkingsverbanden Informatienummer (uit het ROO).",
    )


def wikidata_veld():
    return models.CharField(
        "Wikidata",
        max_length=20,
        blank=True,
        validators=[wikidata_validator],
        help_text="Identificatie in Wikidata, bijv. Q848324.",
    )


def roo_id_veld():
    return models.CharField(
        "ROO-systeemId",
        max_length=20,
        blank=True,
        validators=[roo_id_validator],
        help_text="systeemId van de organisatie in het Register van Overheidsorganisaties.",
    )


def identificatie_constraints(prefix: str, *velden: str) -> list[models.CheckConstraint]:
    """The format of the (optional) identifiers rsin, wikidata and roo_id, by the database."""
    regels = {
        "rsin": (RSIN_REGEX, rsin_validator.message),
        "wikidata": (WIKIDATA_REGEX, wikidata_validator.message),
        "roo_id": (ROO_ID_REGEX, roo_id_validator.message),
    }
    return [
        models.CheckConstraint(
            condition=Q(**{veld: ""}) | Q(**{f"{veld}__regex": regels[veld][0]}),
            name=f"{prefix}_{veld}_formaat",
            violation_error_message=regels[veld][1],
        )
        for veld in velden
    ]


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


class Partner(VasteIdentificatie, Geldigheid, DerivedSlug):
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
    rsin = rsin_veld()
    roo_id = roo_id_veld()
    wikidata = wikidata_veld()
    toelichting = models.TextField("toelichting", blank=True)

    vaste_velden = ("slug",)
    history = Historie()

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
            *identificatie_constraints("partner", "rsin", "roo_id", "wikidata"),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("partner-pagina", args=[self.slug])

    def slug_source(self) -> str:
        return self.code or slugify(self.naam)

    def houders(self) -> frozenset[str]:
        """Partners are kept by the beheerders of the register."""
        return NIEMAND

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return GEEN

    def clean(self):
        super().clean()
        if self.code:
            self.code = self.code.lower()

    @property
    def tooi(self) -> str:
        if not self.code:
            return ""
        return f"{TOOI_BASIS}{PARTNER_CODES[self.soort][0]}/{self.code}"

    @property
    def organisatiecode(self) -> str:
        return self.code or ""

    @property
    def roo_ids(self) -> list[str]:
        return [self.roo_id] if self.roo_id else []


class Gemeente(VasteIdentificatie, Geldigheid):
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
    oin = models.CharField("OIN", max_length=20, blank=True, validators=[oin_validator])
    kvk_nummer = models.CharField(
        "KvK-nummer", max_length=8, blank=True, validators=[kvk_validator]
    )
    rsin = rsin_veld()
    roo_id = roo_id_veld()
    wikidata = wikidata_veld()

    vaste_velden = ("code",)

    history = Historie()

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
            *kvk_en_oin_constraints("gemeente"),
            *identificatie_constraints("gemeente", "rsin", "roo_id", "wikidata"),
        ]

    def __str__(self):
        return f"{self.naam} ({self.code})"

    def get_absolute_url(self) -> str:
        return reverse("gemeente-pagina", args=[self.code])

    def houders(self) -> frozenset[str]:
        """A gemeente keeps its own record (registry/houders.py)."""
        return frozenset({self.code})

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return gemeente_q(sleutels, prefix)

    def clean(self):
        super().clean()
        if self.provincie_id and self.provincie.soort != PartnerSoort.PROVINCIE:
            raise ValidationError({"provincie": "Kies een partner van de soort provincie."})

    @property
    def opvolgers(self) -> list["Gemeente"]:
        """The gemeenten this one went into: its opvolger, or those that received its territory
        at a split (ordered by the share they received)."""
        if self.opvolger_id:
            return [self.opvolger]
        return [o.opvolger for o in self.overgangen_van.select_related("opvolger")]

    @property
    def tooi(self) -> str:
        return f"{TOOI_BASIS}gemeente/{self.code.lower()}"

    @property
    def organisatiecode(self) -> str:
        """The organisatiecode of the ROO and TOOI: the CBS code in lower case (gm0626)."""
        return self.code.lower()

    @property
    def roo_ids(self) -> list[str]:
        return [self.roo_id] if self.roo_id else []


class Herindeling(TekstControle, VasteIdentificatie, models.Model):
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
        null=True,
        blank=True,
        related_name="opvolger_bij",
        help_text="De gemeente die verder gaat of die nieuw wordt gevormd. Een opgeheven "
        "gemeente waarvan het grondgebied (ook) naar een andere gemeente gaat, krijgt "
        "overgangen; leeg als elke opgeheven gemeente die heeft (een splitsing).",
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

    vaste_velden = ("slug",)
    history = Historie(m2m_fields=["opgeheven"])

    class Meta:
        verbose_name = "herindeling"
        verbose_name_plural = "herindelingen"
        ordering = ["-datum", "naam"]
        permissions = [
            ("doorvoeren_herindeling", "Kan een herindeling doorvoeren en ongedaan maken"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(bron=""),
                name="herindeling_bron_verplicht",
                violation_error_message="Vermeld de bron van de herindeling.",
            ),
        ]

    def __str__(self):
        return self.naam

    def houders(self) -> frozenset[str]:
        """A herindeling changes many gemeenten: only a beheerder keeps it."""
        return NIEMAND

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return GEEN

    def opvolgers_van(self, gemeente: Gemeente) -> list["Overgang"]:
        """Where the territory of ``gemeente`` goes: its overgangen, else wholly to the
        opvolger of the herindeling (an unsaved Overgang without aandeel)."""
        eigen = [o for o in self.overgangen.all() if o.gemeente_id == gemeente.pk]
        return eigen or [Overgang(herindeling=self, gemeente=gemeente, opvolger=self.opvolger)]

    @property
    def opvolgers(self) -> list[Gemeente]:
        """Every gemeente that receives territory, the opvolger first."""
        gemeenten = [self.opvolger] if self.opvolger_id else []
        for overgang in self.overgangen.all():
            if overgang.opvolger not in gemeenten:
                gemeenten.append(overgang.opvolger)
        return gemeenten


class Overgang(TekstControle, models.Model):
    """Part of a herindeling: (part of) the territory of one opgeheven gemeente goes to one
    opvolger. A gemeente with several overgangen is split (Haaren in 2021 to Vught, Oisterwijk,
    Tilburg and Boxtel)."""

    herindeling = models.ForeignKey(
        Herindeling, verbose_name="herindeling", on_delete=models.CASCADE, related_name="overgangen"
    )
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name="opgeheven gemeente",
        on_delete=models.PROTECT,
        related_name="overgangen_van",
    )
    opvolger = models.ForeignKey(
        Gemeente, verbose_name="naar", on_delete=models.PROTECT, related_name="overgangen_naar"
    )
    aandeel = models.DecimalField(
        "aandeel van het grondgebied",
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Het deel van de oppervlakte dat naar deze gemeente gaat (0 tot 1); leeg als "
        "onbekend.",
    )

    history = Historie()

    class Meta:
        verbose_name = "overgang van grondgebied"
        verbose_name_plural = "overgangen van grondgebied"
        ordering = ["herindeling", "gemeente__naam", "-aandeel", "opvolger__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["herindeling", "gemeente", "opvolger"],
                name="overgang_uniek",
                violation_error_message="Deze overgang staat al bij de herindeling.",
            ),
            models.CheckConstraint(
                condition=~Q(gemeente=F("opvolger")),
                name="overgang_naar_een_andere_gemeente",
                violation_error_message="Een gemeente gaat niet naar zichzelf over.",
            ),
            models.CheckConstraint(
                condition=Q(aandeel__isnull=True) | Q(aandeel__gte=0, aandeel__lte=1),
                name="overgang_aandeel_0_tot_1",
                violation_error_message="Het aandeel ligt tussen 0 en 1.",
            ),
        ]

    def __str__(self):
        deel = f" ({self.aandeel:.0%})" if self.aandeel is not None else ""
        return f"{self.gemeente} → {self.opvolger}{deel}"

    def houders(self) -> frozenset[str]:
        return NIEMAND

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return GEEN


class Grens(Geldigheid):
    """The territory of a gemeente over a period in which it did not change, as the maps draw it
    and the API gives it. Derived from the CBS maps and the herindelingen by ``manage.py grenzen``
    (municipalities/grenzen.py); never edited by hand."""

    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", on_delete=models.CASCADE, related_name="grenzen"
    )
    bron = models.CharField(
        "bron",
        max_length=500,
        help_text="De kaart waaruit de grens komt, of de grenzen waaruit zij is samengesteld.",
    )
    pad = models.TextField(
        "SVG-pad",
        help_text="De grens als SVG-pad in hectometers van het Rijksdriehoekstelsel, y naar "
        "beneden (zie municipalities/kaart.py), vereenvoudigd voor een landelijke kaart.",
    )
    geometrie = models.JSONField(
        "geometrie", help_text="GeoJSON-geometrie (RFC 7946) in WGS84, lengte- en breedtegraad."
    )
    oppervlakte = models.PositiveIntegerField("oppervlakte (ha)")
    x_min = models.IntegerField()
    y_min = models.IntegerField()
    x_max = models.IntegerField()
    y_max = models.IntegerField()
    label_x = models.IntegerField(help_text="Een punt binnen de gemeente voor een label.")
    label_y = models.IntegerField()
    buren = models.JSONField(
        "buren", default=list, blank=True, help_text="CBS-codes van de gemeenten die eraan grenzen."
    )

    class Meta:
        verbose_name = "grens"
        verbose_name_plural = "grenzen"
        ordering = ["gemeente__naam", "begindatum"]
        constraints = [
            *Geldigheid.Meta.constraints,
            models.UniqueConstraint(
                fields=["gemeente", "begindatum"],
                name="grens_een_per_gemeente_en_begindatum",
                violation_error_message="Deze gemeente heeft al een grens vanaf die datum.",
            ),
            models.CheckConstraint(
                condition=Q(begindatum__isnull=False),
                name="grens_met_begindatum",
                violation_error_message="Een grens heeft een begindatum.",
            ),
        ]

    def __str__(self):
        return f"{self.gemeente} vanaf {self.begindatum:%Y-%m-%d}"

    def houders(self) -> frozenset[str]:
        return NIEMAND  # derived by a command, edited by nobody

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return GEEN

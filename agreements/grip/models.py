"""Grip op samenwerking (after Voorschoten's 'Visie op samenwerking'): what the gemeenteraad
needs to steer its regelingen. Besluitvorming (the Wgr steps per gemeente), the jaarcyclus
(kaderbrief, begroting, jaarrekening and the raad's zienswijzen), vertegenwoordiging and
rapporteurs, financiën (BBV art. 15), evaluaties with the toetsingskader, and the rules on
beëindiging (Wgr art. 9).

The computations (deadlines, dubbele petten, BBV groups, the dashboard) are in selectors.py.
"""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format

from agreements.constants import Vorm
from agreements.models import Regeling
from municipalities.models import Gemeente
from registry.geldigheid import Geldigheid
from registry.houders import NIEMAND, gemeente_q
from registry.peildatum import JAAR_MAX, JAAR_MIN
from registry.protocol import Historie
from registry.tekens import TekstControle

from .constants import (
    ZIENSWIJZE_WEKEN_BEGROTING,
    ZIENSWIJZE_WEKEN_REGELING,
    Bestuursorgaan,
    Functie,
    Jaarstuksoort,
    Procedureonderwerp,
    Stapsoort,
    Stapstatus,
    Toetsantwoord,
    Toetsvraag,
    Verdeelbasis,
    verlengd_tot_werkdag,
    zienswijze_weken_begroting,
)

BEDRAG = {"max_digits": 15, "decimal_places": 2, "null": True, "blank": True}


def identificatie():
    return models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)


def bron():
    return models.CharField(
        "bron", max_length=300, blank=True, help_text="Het document waar dit gegeven uit komt."
    )


def jaar_veld(label: str):
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(JAAR_MIN), MaxValueValidator(JAAR_MAX)]
    )


def jaar_constraint(naam: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(jaar__gte=JAAR_MIN, jaar__lte=JAAR_MAX),
        name=naam,
        violation_error_message=f"Het jaar moet tussen {JAAR_MIN} en {JAAR_MAX} liggen.",
    )


def weken_later(datum: datetime.date | None, weken: int) -> datetime.date | None:
    """The same weekday ``weken`` weeks after ``datum``: the last day of a term of that many
    weeks that starts the day after ``datum``."""
    if datum is None:
        return None
    try:
        return datum + datetime.timedelta(weeks=weken)
    except OverflowError:  # a date at the end of the calendar
        return datetime.date.max


class VanDeelnemer(TekstControle, models.Model):
    """A fact about a regeling that concerns one gemeente (its ``gemeente``): that gemeente must
    take part in the regeling, at any time. Where the gemeente may be empty, the fact concerns
    the regeling as a whole and there is nothing to check."""

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        regeling = self.betrokken_regeling()
        gemeente = self.gemeente if self.gemeente_id else None
        if (
            regeling
            and gemeente
            and regeling.pk
            and gemeente.pk
            and not regeling.deelnames.filter(gemeente=gemeente).exists()
        ):
            raise ValidationError(
                {"gemeente": f"{gemeente.naam} neemt niet deel aan {regeling.naam}."}
            )

    def betrokken_regeling(self) -> Regeling | None:
        """The regeling the fact is about; ``None`` while it has none."""
        return self.regeling if self.regeling_id else None

    def houders(self) -> frozenset[str]:
        """The gemeente the fact is about keeps it; a fact about the regeling as a whole is
        kept by whoever keeps the regeling."""
        if self.gemeente_id:
            return frozenset({self.gemeente.code})
        regeling = self.betrokken_regeling()
        return regeling.houders() if regeling else NIEMAND

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        eigen = gemeente_q(sleutels, f"{prefix}gemeente__")
        if not cls._meta.get_field("gemeente").null:
            return eigen
        return eigen | Q(**{f"{prefix}gemeente__isnull": True}) & Regeling.houders_q(
            sleutels, f"{prefix}regeling__"
        )


class Procedurestap(VanDeelnemer):
    """One step of the Wgr procedure (art. 1) for one regeling, as it runs in one gemeente; a
    step without gemeente concerns the regeling as a whole (e.g. its inwerkingtreding)."""

    uuid = identificatie()
    regeling = models.ForeignKey(
        Regeling,
        verbose_name="regeling",
        on_delete=models.PROTECT,
        related_name="procedurestappen",
    )
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="procedurestappen",
        help_text="Leeg als de stap de regeling als geheel betreft.",
    )
    onderwerp = models.CharField(
        "onderwerp",
        max_length=20,
        choices=Procedureonderwerp.choices,
        default=Procedureonderwerp.TREFFEN,
        help_text="Treffen omvat ook wijzigen, toetreden en uittreden (Wgr art. 1 lid 5).",
    )
    soort = models.CharField("stap", max_length=30, choices=Stapsoort.choices)
    status = models.CharField(
        "status", max_length=30, choices=Stapstatus.choices, default=Stapstatus.GEPLAND
    )
    datum = models.DateField("datum", null=True, blank=True, help_text="Leeg als onbekend.")
    verwachte_maand = models.DateField(
        "verwachte maand",
        null=True,
        blank=True,
        help_text="Als alleen de maand bekend is, bijvoorbeeld van de langetermijnagenda van de "
        "raad: de eerste dag van die maand. Leeg als de datum bekend is.",
    )
    termijn_weken = models.PositiveSmallIntegerField(
        "termijn (weken)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=f"Alleen bij 'zienswijze gevraagd'; leeg is de wettelijke termijn van "
        f"{ZIENSWIJZE_WEKEN_REGELING} weken (Wgr art. 1).",
    )
    tegelijk_met_toestemming = models.BooleanField(
        "zienswijze en toestemming tegelijk",
        default=False,
        help_text="Bij een lichte regeling mogen zienswijze en toestemming tegelijk worden "
        "gevraagd.",
    )
    raadsvoorstel = models.CharField("registratienummer raadsvoorstel", max_length=50, blank=True)
    portefeuillehouder = models.CharField("portefeuillehouder", max_length=100, blank=True)
    document_url = models.URLField("adres document", max_length=500, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    bron = bron()

    history = Historie()

    class Meta:
        verbose_name = "procedurestap"
        verbose_name_plural = "procedurestappen"
        ordering = ["regeling", "gemeente", "datum", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(termijn_weken__isnull=True)
                | Q(
                    soort=Stapsoort.ZIENSWIJZE_GEVRAAGD, termijn_weken__gte=1, termijn_weken__lte=52
                ),
                name="procedurestap_termijn_alleen_bij_zienswijze",
                violation_error_message="Een termijn (1 tot 52 weken) hoort alleen bij de stap "
                "'zienswijze gevraagd'.",
            ),
            models.CheckConstraint(
                condition=Q(tegelijk_met_toestemming=False)
                | Q(soort=Stapsoort.ZIENSWIJZE_GEVRAAGD),
                name="procedurestap_tegelijk_alleen_bij_zienswijze",
                violation_error_message="Alleen de zienswijze kan tegelijk met de toestemming "
                "worden gevraagd.",
            ),
            models.CheckConstraint(
                condition=Q(verwachte_maand__isnull=True)
                | Q(datum__isnull=True, verwachte_maand__day=1),
                name="procedurestap_maand_alleen_zonder_datum",
                violation_error_message="Een verwachte maand is de eerste dag van die maand en "
                "hoort alleen bij een stap zonder datum.",
            ),
        ]

    def __str__(self):
        wie = self.gemeente.naam if self.gemeente_id else "alle deelnemers"
        return f"{self.get_soort_display()} ({wie})"

    @property
    def wanneer(self) -> str:
        """What is known of its date: the day, the expected month, or that it is unknown."""
        if self.datum:
            return date_format(self.datum, "j F Y")
        if self.verwachte_maand:
            return f"verwacht in {date_format(self.verwachte_maand, 'F Y')}"
        return "datum onbekend"

    def clean(self):
        if (
            self.tegelijk_met_toestemming
            and self.regeling_id
            and self.regeling.vorm != Vorm.REGELING_ZONDER_MEER
        ):
            raise ValidationError(
                {
                    "tegelijk_met_toestemming": "Alleen bij een lichte regeling (regeling zonder "
                    "meer) mogen zienswijze en toestemming tegelijk worden gevraagd."
                }
            )
        super().clean()

    @property
    def termijn(self) -> int | None:
        if self.soort != Stapsoort.ZIENSWIJZE_GEVRAAGD:
            return None
        return self.termijn_weken or ZIENSWIJZE_WEKEN_REGELING

    @property
    def uiterste_datum(self) -> datetime.date | None:
        """The last day on which the raad can give its zienswijze (Wgr art. 1 lid 2): the term
        starts the day after it was asked and ends on the same weekday ``termijn`` weeks later,
        or the next working day when that is a Saturday, Sunday or feestdag (Algemene
        termijnenwet art. 1)."""
        einde = weken_later(self.datum, self.termijn) if self.termijn else None
        return verlengd_tot_werkdag(einde) if einde else None


class Jaarstuk(TekstControle, models.Model):
    """A document of the jaarcyclus of a GR (Wgr art. 34-35) for one year: the begrotingsjaar
    for kaderbrief and (ontwerp)begroting, the boekjaar for a jaarrekening."""

    uuid = identificatie()
    regeling = models.ForeignKey(
        Regeling, verbose_name="regeling", on_delete=models.PROTECT, related_name="jaarstukken"
    )
    soort = models.CharField("soort", max_length=30, choices=Jaarstuksoort.choices)
    jaar = jaar_veld("jaar")
    ontvangen = models.DateField(
        "ontvangen door de raden", null=True, blank=True, help_text="Leeg als onbekend."
    )
    vastgesteld = models.DateField("vastgesteld door het algemeen bestuur", null=True, blank=True)
    termijn_weken = models.PositiveSmallIntegerField(
        "termijn zienswijze (weken)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=f"Leeg: bij een ontwerpbegroting de wettelijke {ZIENSWIJZE_WEKEN_BEGROTING} "
        "weken (Wgr art. 35), bij andere stukken geen termijn.",
    )
    document_url = models.URLField("adres document", max_length=500, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    bron = bron()

    history = Historie()

    class Meta:
        verbose_name = "jaarstuk"
        verbose_name_plural = "jaarstukken"
        ordering = ["regeling", "-jaar", "soort", "id"]
        constraints = [
            jaar_constraint("jaarstuk_jaar_plausibel"),
            models.UniqueConstraint(
                fields=["regeling", "soort", "jaar"],
                name="jaarstuk_uniek_per_jaar",
                violation_error_message="Deze regeling heeft dit stuk voor dit jaar al.",
            ),
            models.CheckConstraint(
                condition=Q(termijn_weken__isnull=True)
                | Q(termijn_weken__gte=1, termijn_weken__lte=52),
                name="jaarstuk_termijn_1_tot_52_weken",
                violation_error_message="De termijn is 1 tot 52 weken.",
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.jaar} — {self.regeling}"

    def houders(self) -> frozenset[str]:
        return self.regeling.houders()

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return Regeling.houders_q(sleutels, f"{prefix}regeling__")

    @property
    def termijn(self) -> int | None:
        """The weeks the raden have for a zienswijze: the term given, else for an
        ontwerpbegroting the one of Wgr art. 35 lid 1 on the day the raden received it (12
        weeks from 1 July 2022, 8 before). Without that day: the term on 1 January of the year
        before the begrotingsjaar, the year in which it is sent."""
        if self.termijn_weken:
            return self.termijn_weken
        if self.soort != Jaarstuksoort.ONTWERPBEGROTING:
            return None
        verzonden = self.ontvangen or datetime.date(max(self.jaar - 1, 1), 1, 1)
        return zienswijze_weken_begroting(verzonden)

    @property
    def zienswijze_uiterlijk(self) -> datetime.date | None:
        return weken_later(self.ontvangen, self.termijn) if self.termijn else None


class Zienswijze(VanDeelnemer):
    """The zienswijze of one raad on a jaarstuk."""

    uuid = identificatie()
    jaarstuk = models.ForeignKey(
        Jaarstuk, verbose_name="jaarstuk", on_delete=models.PROTECT, related_name="zienswijzen"
    )
    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, related_name="zienswijzen"
    )
    datum = models.DateField("datum raadsbesluit", null=True, blank=True)
    geen_zienswijze = models.BooleanField(
        "geen zienswijze", default=False, help_text="De raad besloot geen zienswijze te geven."
    )
    inhoud = models.TextField("inhoud", blank=True)
    document_url = models.URLField("adres document", max_length=500, blank=True)
    bron = bron()

    history = Historie()

    class Meta:
        verbose_name = "zienswijze"
        verbose_name_plural = "zienswijzen"
        ordering = ["jaarstuk", "gemeente__naam", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jaarstuk", "gemeente"],
                name="zienswijze_een_per_raad",
                violation_error_message="Deze raad heeft al een zienswijze op dit stuk.",
            ),
        ]

    def __str__(self):
        return f"Zienswijze van {self.gemeente.naam} op {self.jaarstuk}"

    def betrokken_regeling(self) -> Regeling | None:
        return self.jaarstuk.regeling if self.jaarstuk_id else None


class Vertegenwoordiger(Geldigheid, VanDeelnemer):
    """Who represents a gemeente in a bestuursorgaan of the samenwerking, and when."""

    uuid = identificatie()
    regeling = models.ForeignKey(
        Regeling,
        verbose_name="regeling",
        on_delete=models.PROTECT,
        related_name="vertegenwoordigers",
    )
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        related_name="vertegenwoordigers",
    )
    naam = models.CharField("naam", max_length=200)
    functie = models.CharField(
        "functie in de gemeente",
        max_length=20,
        choices=Functie.choices,
        help_text="Burgemeester, wethouder of raadslid tijdens de zitting.",
    )
    orgaan = models.CharField("orgaan", max_length=30, choices=Bestuursorgaan.choices)
    voorzitter = models.BooleanField("voorzitter", default=False)
    bron = bron()

    history = Historie()

    class Meta:
        verbose_name = "vertegenwoordiger"
        verbose_name_plural = "vertegenwoordigers"
        ordering = ["regeling", "gemeente", "orgaan", "naam", "id"]
        constraints = [
            *Geldigheid.Meta.constraints,
            models.UniqueConstraint(
                fields=["regeling", "gemeente", "orgaan", "naam", "begindatum"],
                name="vertegenwoordiger_uniek",
                violation_error_message="Deze vertegenwoordiger staat al zo bij de regeling.",
            ),
        ]

    def __str__(self):
        return f"{self.naam} ({self.get_functie_display().lower()}, {self.get_orgaan_display()})"


class Rapporteur(Geldigheid, VanDeelnemer):
    """The raadslid the raad has appointed to follow one GR (Voorschoten's 'Visie op
    samenwerking')."""

    uuid = identificatie()
    regeling = models.ForeignKey(
        Regeling, verbose_name="regeling", on_delete=models.PROTECT, related_name="rapporteurs"
    )
    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, related_name="rapporteurs"
    )
    naam = models.CharField("naam", max_length=200)
    bron = bron()

    history = Historie()

    class Meta:
        verbose_name = "rapporteur"
        verbose_name_plural = "rapporteurs"
        ordering = ["regeling", "gemeente", "naam", "id"]
        constraints = [*Geldigheid.Meta.constraints]

    def __str__(self):
        return f"{self.naam} (rapporteur {self.gemeente.naam})"


class Bijdrage(VanDeelnemer):
    """What one gemeente pays a samenwerking in one year, and on what basis (BBV art. 15:
    the financieel belang)."""

    uuid = identificatie()
    regeling = models.ForeignKey(
        Regeling, verbose_name="regeling", on_delete=models.PROTECT, related_name="bijdragen"
    )
    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, related_name="bijdragen"
    )
    jaar = jaar_veld("jaar")
    begroot = models.DecimalField("begroot (€)", **BEDRAG)
    gerealiseerd = models.DecimalField("gerealiseerd (€)", **BEDRAG)
    verdeelsleutel = models.DecimalField(
        "verdeelsleutel (%)",
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    basis = models.CharField(
        "basis verdeelsleutel", max_length=20, choices=Verdeelbasis.choices, blank=True
    )
    toelichting = models.TextField("toelichting", blank=True)
    bron = bron()

    history = Historie()

    class Meta:
        verbose_name = "bijdrage"
        verbose_name_plural = "bijdragen"
        ordering = ["regeling", "gemeente", "-jaar", "id"]
        constraints = [
            jaar_constraint("bijdrage_jaar_plausibel"),
            models.UniqueConstraint(
                fields=["regeling", "gemeente", "jaar"],
                name="bijdrage_een_per_jaar",
                violation_error_message="Deze gemeente heeft voor dit jaar al een bijdrage aan "
                "deze regeling.",
            ),
            models.CheckConstraint(
                condition=Q(verdeelsleutel__isnull=True)
                | Q(verdeelsleutel__gte=0, verdeelsleutel__lte=100),
                name="bijdrage_verdeelsleutel_percentage",
                violation_error_message="De verdeelsleutel is een percentage tussen 0 en 100.",
            ),
            models.CheckConstraint(
                condition=~Q(basis=Verdeelbasis.OM_NIET)
                | (
                    (Q(begroot__isnull=True) | Q(begroot=0))
                    & (Q(gerealiseerd__isnull=True) | Q(gerealiseerd=0))
                ),
                name="bijdrage_om_niet_zonder_bedrag",
                violation_error_message="Wie om niet deelneemt, betaalt geen bijdrage.",
            ),
        ]

    def __str__(self):
        return f"Bijdrage {self.jaar} van {self.gemeente.naam} aan {self.regeling}"


class Jaarcijfers(TekstControle, models.Model):
    """The figures of the samenwerking itself for one year that BBV art. 15 asks for."""

    uuid = identificatie()
    regeling = models.ForeignKey(
        Regeling, verbose_name="regeling", on_delete=models.PROTECT, related_name="jaarcijfers"
    )
    jaar = jaar_veld("jaar")
    eigen_vermogen_begin = models.DecimalField("eigen vermogen 1 januari (€)", **BEDRAG)
    eigen_vermogen_eind = models.DecimalField("eigen vermogen 31 december (€)", **BEDRAG)
    vreemd_vermogen_begin = models.DecimalField("vreemd vermogen 1 januari (€)", **BEDRAG)
    vreemd_vermogen_eind = models.DecimalField("vreemd vermogen 31 december (€)", **BEDRAG)
    resultaat = models.DecimalField("financieel resultaat (€)", **BEDRAG)
    risicos = models.TextField("risico's", blank=True)
    bron = bron()

    history = Historie()

    class Meta:
        verbose_name = "jaarcijfers"
        verbose_name_plural = "jaarcijfers"
        ordering = ["regeling", "-jaar", "id"]
        constraints = [
            jaar_constraint("jaarcijfers_jaar_plausibel"),
            models.UniqueConstraint(
                fields=["regeling", "jaar"],
                name="jaarcijfers_een_per_jaar",
                violation_error_message="Deze regeling heeft voor dit jaar al cijfers.",
            ),
            models.CheckConstraint(
                condition=(Q(vreemd_vermogen_begin__isnull=True) | Q(vreemd_vermogen_begin__gte=0))
                & (Q(vreemd_vermogen_eind__isnull=True) | Q(vreemd_vermogen_eind__gte=0)),
                name="jaarcijfers_vreemd_vermogen_niet_negatief",
                violation_error_message="Vreemd vermogen kan niet negatief zijn.",
            ),
        ]

    def __str__(self):
        return f"Jaarcijfers {self.jaar} — {self.regeling}"

    def houders(self) -> frozenset[str]:
        return self.regeling.houders()

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return Regeling.houders_q(sleutels, f"{prefix}regeling__")


class Evaluatie(VanDeelnemer):
    """An evaluation of a samenwerking, by one raad or (without gemeente) by all deelnemers."""

    uuid = identificatie()
    regeling = models.ForeignKey(
        Regeling, verbose_name="regeling", on_delete=models.PROTECT, related_name="evaluaties"
    )
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluaties",
        help_text="Leeg als de deelnemers samen evalueerden.",
    )
    datum = models.DateField("datum")
    titel = models.CharField("titel", max_length=300)
    conclusie = models.TextField("conclusie", blank=True)
    document_url = models.URLField("adres document", max_length=500, blank=True)
    bron = bron()

    history = Historie()

    class Meta:
        verbose_name = "evaluatie"
        verbose_name_plural = "evaluaties"
        ordering = ["regeling", "-datum", "id"]

    def __str__(self):
        return f"{self.titel} ({self.datum:%d-%m-%Y})"


class Toetsing(TekstControle, models.Model):
    """The answer to one question of the toetsingskader (constants.TOETSINGSKADER) in an
    evaluatie."""

    uuid = identificatie()
    evaluatie = models.ForeignKey(
        Evaluatie, verbose_name="evaluatie", on_delete=models.CASCADE, related_name="toetsingen"
    )
    vraag = models.CharField("vraag", max_length=30, choices=Toetsvraag.choices)
    antwoord = models.CharField("antwoord", max_length=30, choices=Toetsantwoord.choices)
    toelichting = models.TextField("toelichting", blank=True)

    history = Historie()

    class Meta:
        verbose_name = "toetsing"
        verbose_name_plural = "toetsingskader"
        ordering = ["evaluatie", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluatie", "vraag"],
                name="toetsing_een_antwoord_per_vraag",
                violation_error_message="Deze vraag is in deze evaluatie al beantwoord.",
            ),
        ]

    def __str__(self):
        return f"{self.get_vraag_display()}: {self.get_antwoord_display()}"

    def houders(self) -> frozenset[str]:
        return self.evaluatie.houders()

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return Evaluatie.houders_q(sleutels, f"{prefix}evaluatie__")


class Raadsafspraak(TekstControle, models.Model):
    """What a raad has agreed on grip on its samenwerkingen, e.g. how often it evaluates."""

    gemeente = models.OneToOneField(
        Gemeente,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        related_name="raadsafspraak",
    )
    evaluatie_interval_jaren = models.PositiveSmallIntegerField(
        "evalueren elke (jaren)",
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="Na hoeveel jaar de raad een samenwerking opnieuw evalueert.",
    )
    bron = bron()

    history = Historie()

    class Meta:
        verbose_name = "raadsafspraak"
        verbose_name_plural = "raadsafspraken"
        ordering = ["gemeente__naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(evaluatie_interval_jaren__gte=1, evaluatie_interval_jaren__lte=20),
                name="raadsafspraak_interval_1_tot_20_jaar",
                violation_error_message="Het evaluatie-interval is 1 tot 20 jaar.",
            ),
        ]

    def __str__(self):
        return f"Raadsafspraak {self.gemeente.naam}"

    def houders(self) -> frozenset[str]:
        return frozenset({self.gemeente.code})

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return gemeente_q(sleutels, f"{prefix}gemeente__")


class Beeindiging(TekstControle, models.Model):
    """How a samenwerking can be ended or left (Wgr art. 9; the case of Haren, 'Verbetering
    regionale samenwerking')."""

    regeling = models.OneToOneField(
        Regeling, verbose_name="regeling", on_delete=models.PROTECT, related_name="beeindiging"
    )
    opzegtermijn_maanden = models.PositiveSmallIntegerField(
        "opzegtermijn (maanden)", null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    uittredingsvoorwaarden = models.TextField("voorwaarden uittreding", blank=True)
    ontvlechtingskosten = models.TextField(
        "ontvlechtingskosten", blank=True, help_text="Wie betaalt wat bij uittreding of opheffing."
    )
    bron = bron()

    history = Historie()

    class Meta:
        verbose_name = "beëindiging"
        verbose_name_plural = "beëindiging"
        constraints = [
            models.CheckConstraint(
                condition=Q(opzegtermijn_maanden__isnull=True) | Q(opzegtermijn_maanden__lte=120),
                name="beeindiging_opzegtermijn_plausibel",
                violation_error_message="De opzegtermijn is hoogstens 120 maanden.",
            ),
        ]

    def __str__(self):
        return f"Beëindiging {self.regeling}"

    def houders(self) -> frozenset[str]:
        return self.regeling.houders()

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return Regeling.houders_q(sleutels, f"{prefix}regeling__")

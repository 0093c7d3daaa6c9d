import datetime
import uuid
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.db.models.query import ModelIterable
from django.dispatch import receiver
from django.urls import reverse
from django.utils.text import slugify

from municipalities.constants import TOOI_BASIS
from municipalities.models import (
    Gemeente,
    Herindeling,
    Partner,
    identificatie_constraints,
    kvk_en_oin_constraints,
    kvk_validator,
    oin_validator,
    rsin_veld,
    wikidata_veld,
)
from registry.geldigheid import Geldigheid, GeldigheidQuerySet, actief_op_q
from registry.houders import (
    GEEN,
    NIEMAND,
    VasteIdentificatie,
    gemeente_q,
    gemeentecodes,
    regeling_sleutel,
    regelingen,
)
from registry.protocol import Historie, niet_openbaar_gelezen
from registry.slugs import DerivedSlug
from registry.tekens import TekstControle

from .constants import (
    VORMEN,
    VORMEN_MET_ORGAAN,
    VORMEN_MET_RECHTSPERSOONLIJKHEID,
    Beleidsintensiteit,
    Domein,
    Gevolg,
    Mutatie,
    PublicatieSoort,
    Rol,
    Status,
    Vorm,
    VormEigenschappen,
)


def regeling_actief_q(datum: datetime.date, prefix: str = "") -> Q:
    """A regeling counts on ``datum`` when it is in force then; one in preparation never does."""
    return actief_op_q(datum, prefix) & ~Q(**{f"{prefix}status": Status.IN_VOORBEREIDING})


class Thema(TekstControle, VasteIdentificatie, models.Model):
    naam = models.CharField("naam", max_length=120, unique=True)
    slug = models.SlugField("identificatie", max_length=120, unique=True)
    bovenliggend = models.ForeignKey(
        "self",
        verbose_name="hoofdthema",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subthemas",
    )
    tooi = models.URLField(
        "TOOI-thema",
        unique=True,
        null=True,
        blank=True,
        help_text="Begrip uit de TOOI-thesaurus van beleidsterreinen.",
    )
    domein = models.CharField(
        "domein",
        max_length=20,
        choices=Domein.choices,
        help_text="Beleidsvoering of bedrijfsvoering (visie Voorschoten).",
    )
    beleidsintensiteit = models.CharField(
        "beleidsintensiteit",
        max_length=20,
        choices=Beleidsintensiteit.choices,
        blank=True,
        help_text="Beleidsrijk of beleidsarm (onderzoek NHL); leeg als dat niet bekend is.",
    )

    vaste_velden = ("slug",)
    history = Historie()

    class Meta:
        verbose_name = "thema"
        verbose_name_plural = "thema's"
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(bovenliggend=models.F("pk")),
                name="thema_niet_eigen_hoofdthema",
                violation_error_message="Een thema kan niet zijn eigen hoofdthema zijn.",
            ),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("thema-pagina", args=[self.slug])

    def houders(self) -> frozenset[str]:
        """The thesaurus is kept by the beheerders of the register."""
        return NIEMAND

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return GEEN


def houders_via_regeling(objs) -> dict[int, frozenset[str]]:
    """``houders()`` of many objects that are kept by whoever keeps their regeling."""
    regelingen = Regeling.houders_van_veel(
        list(Regeling.objects.filter(pk__in={o.regeling_id for o in objs}))
    )
    return {o.pk: regelingen[o.regeling_id] for o in objs}


class OpPeildatumIterable(ModelIterable):
    """Regelingen read with ``op_peildatum``: each shows its name, afkorting, vorm, doel and status
    of that day in its own fields, and refuses to be saved (it is a view of the past)."""

    VELDEN = ["naam", "afkorting", "vorm", "doel", "status"]

    def __iter__(self):
        for regeling in super().__iter__():
            regeling.huidige_naam = regeling.naam
            for veld in self.VELDEN:
                setattr(regeling, veld, getattr(regeling, f"{veld}_op"))
            regeling.zoals_op_peildatum = True
            yield regeling


class RegelingQuerySet(GeldigheidQuerySet):
    def actief_op(self, datum: datetime.date):
        return self.filter(regeling_actief_q(datum))

    def bulk_update(self, objs, fields, batch_size=None):
        objs = list(objs)
        if any(regeling.zoals_op_peildatum for regeling in objs):
            raise ValueError("A regeling read as on a peildatum is a view of the past.")
        return super().bulk_update(objs, fields, batch_size=batch_size)

    def op_peildatum(self, datum: datetime.date):
        """Each regeling as it was on ``datum``: ``naam_op``, ``vorm_op`` and ``doel_op`` of the
        version in force then, ``afkorting_op`` (known only for the current name) and
        ``status_op``. Before its first known version a regeling carries that version's name
        with ``naam_onbekend_op``; in a gap or after its end, the version before. Where a
        version leaves a field empty, the regeling's own value stands."""
        versies = RegelingVersie.objects.filter(regeling=OuterRef("pk"))
        tot_dan = versies.filter(Q(begindatum__lte=datum) | Q(begindatum__isnull=True)).order_by(
            F("begindatum").desc(nulls_last=True), "-pk"
        )
        eerste = versies.order_by(F("begindatum").asc(nulls_first=True), "pk")
        laatste = versies.order_by(F("begindatum").desc(nulls_first=True), "-pk")

        def uit_versie(veld: str, eigen: str):
            soort = Regeling._meta.get_field(eigen)
            gekozen = Case(
                When(Exists(tot_dan), then=Subquery(tot_dan.values(veld)[:1])),
                default=Subquery(eerste.values(veld)[:1]),
                output_field=soort,
            )
            return Coalesce(NullIf(gekozen, Value("")), F(eigen), output_field=soort)

        queryset = self.alias(
            versie_op=Subquery(tot_dan.values("pk")[:1]),
            laatste_versie=Subquery(laatste.values("pk")[:1]),
        ).annotate(
            naam_op=uit_versie("titel", "naam"),
            vorm_op=uit_versie("vorm", "vorm"),
            doel_op=uit_versie("doel", "doel"),
            naam_onbekend_op=Exists(versies) & ~Exists(tot_dan),
            afkorting_op=Case(
                When(
                    Q(laatste_versie__isnull=True) | Q(versie_op=F("laatste_versie")),
                    then=F("afkorting"),
                ),
                default=Value(""),
            ),
            status_op=Case(
                When(status=Status.IN_VOORBEREIDING, then=Value(Status.IN_VOORBEREIDING)),
                When(actief_op_q(datum), then=Value(Status.IN_WERKING)),
                When(einddatum__lt=datum, then=Value(Status.OPGEHEVEN)),
                default=F("status"),
                output_field=models.CharField(),
            ),
        )
        queryset._iterable_class = OpPeildatumIterable
        return queryset


def uitvoerende_deelnames():
    """The deelnames through which a gemeente carries out a regeling now (centrumgemeente,
    gastheergemeente): that gemeente keeps the regeling's data too."""
    return Deelname.objects.exclude(rol=Rol.DEELNEMER).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=datetime.date.today()),
        gemeente__isnull=False,
    )


class Regeling(VasteIdentificatie, Geldigheid, DerivedSlug):
    slug = models.SlugField(
        "identificatie",
        max_length=120,
        unique=True,
        help_text="Vaste identificatie in adressen van website en API.",
    )
    naam = models.CharField("naam", max_length=300)
    afkorting = models.CharField("afkorting", max_length=50, blank=True)
    doel = models.TextField("doel", blank=True)
    vorm = models.CharField(
        "vorm",
        max_length=30,
        choices=Vorm.choices,
        blank=True,
        help_text="Leeg als de vorm niet bekend is.",
    )
    attributie = models.BooleanField("attributie", default=False)
    delegatie = models.BooleanField("delegatie", default=False)
    mandaat = models.BooleanField("mandaat", default=False)
    themas = models.ManyToManyField(
        Thema, verbose_name="thema's", blank=True, related_name="regelingen"
    )
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.IN_WERKING
    )
    deelnemers_volledig = models.BooleanField(
        "alle deelnemers bekend",
        default=True,
        help_text="Uit als de bron maar een deel van de deelnemers noemt: het register zegt dan "
        "'niet alle deelnemers bekend' in plaats van 'geen deelnemers' en trekt geen conclusies "
        "uit wie ontbreekt.",
    )
    vestigingsplaats = models.CharField("vestigingsplaats", max_length=100, blank=True)
    adres = models.CharField("adres", max_length=200, blank=True)
    wettelijke_grondslagen = models.TextField(
        "wettelijke voorschriften",
        blank=True,
        help_text="De wettelijke voorschriften op grond waarvan bevoegdheden worden "
        "uitgeoefend (Wgr art. 27 lid 1 onder b).",
    )
    bevoegdheden = models.TextField(
        "overgedragen bevoegdheden",
        blank=True,
        help_text="De bevoegdheden die aan de samenwerking zijn overgedragen "
        "(Wgr art. 27 lid 1 onder c).",
    )
    organisatiecode = models.CharField(
        "organisatiecode",
        max_length=6,
        blank=True,
        help_text="ROO-code van de organisatie van de regeling, bijv. so0714.",
    )
    oin = models.CharField("OIN", max_length=20, blank=True, validators=[oin_validator])
    kvk_nummer = models.CharField(
        "KvK-nummer", max_length=8, blank=True, validators=[kvk_validator]
    )
    rsin = rsin_veld()
    wikidata = wikidata_veld()
    bron = models.CharField(
        "bron",
        max_length=300,
        help_text="Het document waar de gegevens vandaan komen.",
    )
    bron_registratienummer = models.CharField("registratienummer bron", max_length=50, blank=True)
    bron_url = models.URLField("adres bron", max_length=500, blank=True)
    roo_beheerd = models.BooleanField(
        "bijgehouden door de ROO-import",
        default=False,
        help_text="Aan: de ROO-import houdt de gegevens, versies, publicaties en de eigen "
        "deelnames van deze regeling bij. Uit: met de hand beheerd; de import koppelt alleen "
        "ontbrekende ROO-nummers en verandert verder niets.",
    )

    zoals_op_peildatum = False  # set on regelingen read with op_peildatum
    vaste_velden = ("slug",)
    objects = RegelingQuerySet.as_manager()

    history = Historie(m2m_fields=["themas"])

    class Meta:
        verbose_name = "regeling"
        verbose_name_plural = "regelingen"
        ordering = ["naam", "id"]
        # The order of every list and export of regelingen (issue 15: checked with EXPLAIN).
        indexes = [models.Index(fields=["naam", "id"], name="regeling_naam_id")]
        constraints = [
            *Geldigheid.Meta.constraints,
            models.CheckConstraint(
                condition=Q(oin="", kvk_nummer="") | Q(vorm__in=VORMEN_MET_RECHTSPERSOONLIJKHEID),
                name="regeling_oin_kvk_alleen_met_rechtspersoonlijkheid",
                violation_error_message="Alleen een vorm met eigen rechtspersoonlijkheid heeft "
                "een OIN of KvK-nummer.",
            ),
            *kvk_en_oin_constraints("regeling"),
            *identificatie_constraints("regeling", "rsin", "wikidata"),
            models.CheckConstraint(
                condition=~Q(status=Status.OPGEHEVEN) | Q(einddatum__isnull=False),
                name="regeling_opgeheven_met_einddatum",
                violation_error_message="Een opgeheven regeling heeft een einddatum.",
            ),
            models.CheckConstraint(
                condition=~Q(bron=""),
                name="regeling_bron_verplicht",
                violation_error_message="Vermeld de bron van de gegevens.",
            ),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("regeling-pagina", args=[self.slug])

    def save(self, *args, **kwargs):
        if self.zoals_op_peildatum:
            raise ValueError("A regeling read as on a peildatum is a view of the past.")
        super().save(*args, **kwargs)

    def slug_source(self) -> str:
        return slugify(self.afkorting or self.naam)

    def houders(self) -> frozenset[str]:
        """The secretariaat of the regeling itself, and the gemeenten that carry it out now
        (centrumgemeente, gastheergemeente)."""
        uitvoerders = (
            uitvoerende_deelnames().filter(regeling=self).values_list("gemeente__code", flat=True)
            if self.pk
            else []
        )
        return frozenset({regeling_sleutel(self.slug), *uitvoerders})

    @classmethod
    def houders_van_veel(cls, regelingen) -> dict[int, frozenset[str]]:
        """``houders()`` of many regelingen at once (for the history of a bulk write)."""
        uitvoerders = defaultdict(set)
        for regeling_id, code in (
            uitvoerende_deelnames()
            .filter(regeling_id__in=[r.pk for r in regelingen])
            .values_list("regeling_id", "gemeente__code")
        ):
            uitvoerders[regeling_id].add(code)
        return {r.pk: frozenset({regeling_sleutel(r.slug), *uitvoerders[r.pk]}) for r in regelingen}

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        uitvoerend = uitvoerende_deelnames().filter(gemeente__code__in=gemeentecodes(sleutels))
        return Q(**{f"{prefix}slug__in": regelingen(sleutels)}) | Q(
            **{f"{prefix}pk__in": uitvoerend.values("regeling_id")}
        )

    def clean(self):
        super().clean()
        if self.pk and self.begindatum:
            eerder = self.deelnames.filter(begindatum__lt=self.begindatum).order_by("begindatum")
            if eerste := eerder.first():
                raise ValidationError(
                    {
                        "begindatum": f"De deelname van {eerste.deelnemer} begint al op "
                        f"{eerste.begindatum:%d-%m-%Y}; een regeling kan niet later beginnen "
                        "dan haar deelnames. Pas eerst die deelname aan."
                    }
                )
        if self.pk:
            rollen = set(self.deelnames.exclude(rol=Rol.DEELNEMER).values_list("rol", flat=True))
            toegestaan = self.eigenschappen.uitvoerende_rol if self.eigenschappen else None
            if rollen - {toegestaan}:
                raise ValidationError(
                    {
                        "vorm": "Bij deze vorm past de rol van "
                        + " en ".join(Rol(rol).label.lower() for rol in sorted(rollen))
                        + " van een deelnemer niet; pas eerst die deelname aan."
                    }
                )

    @property
    def eigenschappen(self) -> VormEigenschappen | None:
        return VORMEN.get(self.vorm)

    @property
    def ingesteld_orgaan(self) -> str | None:
        """Wgr art. 27 sub e: the body set up (OL, BVO or GO), "" for none, None if unknown."""
        if not self.vorm:
            return None
        return self.get_vorm_display() if self.vorm in VORMEN_MET_ORGAAN else ""

    @property
    def tooi(self) -> str:
        """The TOOI URI of the organisation of the regeling (a samenwerkingsorganisatie,
        soNNNN); empty when its organisatiecode is not known."""
        if not self.organisatiecode.startswith("so"):
            return ""
        return f"{TOOI_BASIS}so/{self.organisatiecode}"

    @property
    def roo_ids(self) -> list[str]:
        """The ROO systeemIds of its versions (the ROO knows a regeling only by its versions)."""
        return [v.roo_id for v in self.versies.all() if v.roo_id]

    @property
    def bevoegdheidsverkrijgingen(self) -> list[str]:
        return [b for b in ("attributie", "delegatie", "mandaat") if getattr(self, b)]


class RegelingVersie(Geldigheid):
    """One amendment of a regeling: what it said from begindatum to einddatum."""

    regeling = models.ForeignKey(
        Regeling, verbose_name="regeling", on_delete=models.CASCADE, related_name="versies"
    )
    titel = models.CharField("titel", max_length=300)
    vorm = models.CharField("vorm", max_length=30, choices=Vorm.choices, blank=True)
    doel = models.TextField("doel", blank=True)
    roo_id = models.CharField(
        "ROO-systeemId",
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        help_text="systeemId van deze versie in het Register van Overheidsorganisaties.",
    )
    bron_url = models.URLField("adres bron", max_length=500, blank=True)

    history = Historie()

    class Meta:
        verbose_name = "versie"
        verbose_name_plural = "versies"
        ordering = ["regeling", "begindatum", "id"]
        constraints = [*Geldigheid.Meta.constraints]

    def __str__(self):
        return f"{self.titel} ({self.begindatum or 'onbekend'} – {self.einddatum or ''})"

    def houders(self) -> frozenset[str]:
        return self.regeling.houders()

    @classmethod
    def houders_van_veel(cls, objs) -> dict[int, frozenset[str]]:
        return houders_via_regeling(objs)

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return Regeling.houders_q(sleutels, f"{prefix}regeling__")

    def clean(self):
        super().clean()
        if self.regeling_id and (
            self.regeling.versies.exclude(pk=self.pk)
            .actief_tussen(self.begindatum, self.einddatum)
            .exists()
        ):
            raise ValidationError("Deze versie overlapt in tijd met een andere versie.")


class Publicatie(TekstControle, models.Model):
    regeling = models.ForeignKey(
        Regeling, verbose_name="regeling", on_delete=models.CASCADE, related_name="publicaties"
    )
    soort = models.CharField("soort", max_length=20, choices=PublicatieSoort.choices)
    titel = models.CharField("titel", max_length=300, blank=True)
    url = models.URLField("adres", max_length=500)
    datum = models.DateField("datum", null=True, blank=True)

    history = Historie()

    class Meta:
        verbose_name = "publicatie"
        verbose_name_plural = "publicaties"
        ordering = ["regeling", "datum", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["regeling", "url"],
                name="publicatie_uniek_per_regeling",
                violation_error_message="Deze publicatie staat al bij de regeling.",
            ),
        ]

    def __str__(self):
        return self.titel or self.url

    def houders(self) -> frozenset[str]:
        return self.regeling.houders()

    @classmethod
    def houders_van_veel(cls, objs) -> dict[int, frozenset[str]]:
        return houders_via_regeling(objs)

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return Regeling.houders_q(sleutels, f"{prefix}regeling__")


class DeelnameQuerySet(GeldigheidQuerySet):
    def actief_op(self, datum: datetime.date):
        """Deelnames running on ``datum`` in a regeling that is in force on ``datum``."""
        return self.filter(actief_op_q(datum) & regeling_actief_q(datum, "regeling__"))


class Deelname(Geldigheid):
    """One participant in one regeling over one period: begindatum is the toetreding."""

    uuid = models.UUIDField("identificatie", default=uuid.uuid4, unique=True, editable=False)
    regeling = models.ForeignKey(
        Regeling, verbose_name="regeling", on_delete=models.PROTECT, related_name="deelnames"
    )
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deelnames",
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name="partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deelnames",
    )
    rol = models.CharField("rol", max_length=20, choices=Rol.choices, default=Rol.DEELNEMER)
    namens_raad = models.BooleanField("namens de raad", default=False)
    namens_college = models.BooleanField("namens het college", default=False)
    namens_burgemeester = models.BooleanField("namens de burgemeester", default=False)
    verdeelsleutel = models.DecimalField(
        "verdeelsleutel (%)",
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Aandeel in de kosten, in procenten.",
    )
    toelichting = models.TextField("toelichting", blank=True)
    roo_beheerd = models.BooleanField(
        "uit de ROO-import",
        default=False,
        help_text="Afgeleid uit de deelnemerslijsten van het ROO en bijgehouden door de "
        "import. Met de hand ingevoerde deelnames laat de import ongemoeid.",
    )

    objects = DeelnameQuerySet.as_manager()

    history = Historie()

    class Meta:
        verbose_name = "deelname"
        verbose_name_plural = "deelnames"
        ordering = ["regeling", "begindatum", "id"]
        # The regelingen of one gemeente (or partner): the deelnames of that deelnemer, with
        # their regeling, without reading the table.
        indexes = [
            models.Index(fields=["gemeente", "regeling"], name="deelname_gemeente_regeling"),
            models.Index(fields=["partner", "regeling"], name="deelname_partner_regeling"),
        ]
        constraints = [
            *Geldigheid.Meta.constraints,
            models.CheckConstraint(
                condition=Q(gemeente__isnull=False, partner__isnull=True)
                | Q(gemeente__isnull=True, partner__isnull=False),
                name="deelname_precies_een_deelnemer",
                violation_error_message="Een deelname heeft precies één deelnemer: een gemeente "
                "of een partner.",
            ),
            models.CheckConstraint(
                condition=Q(rol=Rol.DEELNEMER) | Q(gemeente__isnull=False),
                name="deelname_uitvoerende_rol_alleen_gemeente",
                violation_error_message="Alleen een gemeente kan centrumgemeente of "
                "gastheergemeente zijn.",
            ),
            models.CheckConstraint(
                condition=Q(verdeelsleutel__isnull=True)
                | Q(verdeelsleutel__gte=0, verdeelsleutel__lte=100),
                name="deelname_verdeelsleutel_percentage",
                violation_error_message="De verdeelsleutel is een percentage tussen 0 en 100.",
            ),
        ]

    def __str__(self):
        return f"{self.deelnemer} in {self.regeling}" if self.regeling_id else str(self.deelnemer)

    @property
    def deelnemer(self):
        return self.gemeente or self.partner

    def houders(self) -> frozenset[str]:
        """The gemeente that takes part, and whoever keeps the regeling."""
        eigen = {self.gemeente.code} if self.gemeente_id else set()
        return frozenset(eigen) | self.regeling.houders()

    @classmethod
    def houders_van_veel(cls, deelnames) -> dict[int, frozenset[str]]:
        """``houders()`` of many deelnames at once (for the history of a bulk write)."""
        codes = dict(
            Gemeente.objects.filter(pk__in={d.gemeente_id for d in deelnames}).values_list(
                "pk", "code"
            )
        )
        regelingen = Regeling.houders_van_veel(
            list(Regeling.objects.filter(pk__in={d.regeling_id for d in deelnames}))
        )
        return {
            d.pk: frozenset({codes[d.gemeente_id]} if d.gemeente_id else set())
            | regelingen.get(d.regeling_id, NIEMAND)
            for d in deelnames
        }

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return gemeente_q(sleutels, f"{prefix}gemeente__") | Regeling.houders_q(
            sleutels, f"{prefix}regeling__"
        )

    @property
    def bestuursorganen(self) -> list[str]:
        return [o for o in ("raad", "college", "burgemeester") if getattr(self, f"namens_{o}")]

    def clean(self):
        super().clean()
        if not self.regeling_id:
            return
        eigenschappen = self.regeling.eigenschappen
        toegestaan = eigenschappen.uitvoerende_rol if eigenschappen else None
        if self.rol != Rol.DEELNEMER and self.rol != toegestaan:
            raise ValidationError(
                {
                    "rol": f"Bij de vorm '{self.regeling.get_vorm_display() or 'onbekend'}' hoort "
                    f"geen rol '{self.get_rol_display()}'."
                }
            )
        begin = self.regeling.begindatum
        if begin and self.begindatum and self.begindatum < begin:
            raise ValidationError(
                {
                    "begindatum": f"De regeling begint op {begin:%d-%m-%Y}; een deelname kan "
                    "niet eerder beginnen."
                }
            )
        einde = self.gemeente.einddatum if self.gemeente_id else None
        if einde and (self.einddatum is None or self.einddatum > einde):
            raise ValidationError(
                {
                    "einddatum": f"{self.gemeente.naam} bestaat tot en met {einde:%d-%m-%Y}; "
                    "de deelname eindigt uiterlijk dan."
                }
            )
        if self.gemeente_id:
            deelnemer = {"gemeente_id": self.gemeente_id}
        elif self.partner_id:
            deelnemer = {"partner_id": self.partner_id}
        else:
            return
        if (
            self.regeling.deelnames.exclude(pk=self.pk)
            .actief_tussen(self.begindatum, self.einddatum)
            .filter(**deelnemer)
            .exists()
        ):
            raise ValidationError(
                f"{self.deelnemer} neemt in deze periode al deel aan deze regeling."
            )


class Herziening(TekstControle, models.Model):
    """A regeling to review after an applied herindeling, and why."""

    herindeling = models.ForeignKey(
        Herindeling,
        verbose_name="herindeling",
        on_delete=models.PROTECT,
        related_name="herzieningen",
    )
    regeling = models.ForeignKey(
        Regeling, verbose_name="regeling", on_delete=models.PROTECT, related_name="herzieningen"
    )
    gevolg = models.CharField("gevolg", max_length=20, choices=Gevolg.choices)
    afgehandeld = models.BooleanField("afgehandeld", default=False)
    toelichting = models.TextField("toelichting", blank=True)

    history = Historie()

    class Meta:
        verbose_name = "herziening na herindeling"
        verbose_name_plural = "herzieningen na herindeling"
        ordering = ["herindeling", "regeling__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["herindeling", "regeling"],
                name="herziening_uniek_per_herindeling",
                violation_error_message="Deze regeling staat al op de lijst van deze herindeling.",
            ),
        ]

    def __str__(self):
        return f"{self.regeling}: {self.get_gevolg_display()}"

    def houders(self) -> frozenset[str]:
        return self.regeling.houders()

    @classmethod
    def houders_van_veel(cls, objs) -> dict[int, frozenset[str]]:
        return houders_via_regeling(objs)

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return Regeling.houders_q(sleutels, f"{prefix}regeling__")


class HerindelingsMutatie(TekstControle, models.Model):
    """One change that applying a herindeling made, with the state before and after, so that
    it can be undone while nothing has changed since."""

    herindeling = models.ForeignKey(
        Herindeling, verbose_name="herindeling", on_delete=models.PROTECT, related_name="mutaties"
    )
    soort = models.CharField("soort", max_length=30, choices=Mutatie.choices)
    deelname = models.ForeignKey(
        Deelname, verbose_name="deelname", on_delete=models.PROTECT, null=True, blank=True
    )
    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, null=True, blank=True
    )
    voor = models.JSONField("toestand ervoor", default=dict, blank=True)
    na = models.JSONField("toestand erna", default=dict, blank=True)

    history = Historie()

    class Meta:
        verbose_name = "wijziging door herindeling"
        verbose_name_plural = "wijzigingen door herindeling"
        ordering = ["herindeling", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deelname__isnull=False, gemeente__isnull=True)
                | Q(deelname__isnull=True, gemeente__isnull=False),
                name="mutatie_deelname_of_gemeente",
                violation_error_message="Een wijziging betreft een deelname of een gemeente.",
            ),
        ]

    def __str__(self):
        return f"{self.herindeling}: {self.get_soort_display()}"

    def houders(self) -> frozenset[str]:
        """A trace of a herindeling, written by the service only."""
        return NIEMAND

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return GEEN


WIJZIGINGEN = {"aangemaakt", "bijgewerkt", "verwijderd", "gekoppeld", "ontkoppeld"}


class RooImport(TekstControle, models.Model):
    """One run of the ROO import: where the export came from and what it changed."""

    gestart = models.DateTimeField("gestart", auto_now_add=True)
    bron = models.CharField("bron", max_length=500, help_text="Bestand of adres van de export.")
    schema = models.CharField(
        "schema", max_length=200, blank=True, help_text="Namespace van de export."
    )
    aantallen = models.JSONField(
        "aantallen",
        default=dict,
        help_text="Per soort gegeven: aangemaakt, bijgewerkt, ongewijzigd, verwijderd, "
        "overgeslagen.",
    )
    meldingen = models.JSONField(
        "meldingen",
        default=list,
        blank=True,
        help_text="Wat is overgeslagen of opgevallen, en waarom.",
    )

    history = Historie()

    class Meta:
        verbose_name = "ROO-import"
        verbose_name_plural = "ROO-imports"
        ordering = ["-gestart", "-id"]

    def __str__(self):
        return f"ROO-import {self.gestart:%d-%m-%Y %H:%M}"

    def houders(self) -> frozenset[str]:
        """The record of an import, written by the command only."""
        return NIEMAND

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return GEEN

    @property
    def wijzigingen(self) -> int:
        """How many records the run created, changed, linked or removed."""
        return sum(
            aantal
            for acties in self.aantallen.values()
            for actie, aantal in acties.items()
            if actie in WIJZIGINGEN
        )


class Inzage(TekstControle, models.Model):
    """A read of what is not public (the audit export of the history, with who changed what):
    who read what, when. Written by the view that shows it, never changed."""

    moment = models.DateTimeField("moment", auto_now_add=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gebruiker",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leeg als het account later is verwijderd; de gebruikersnaam blijft.",
    )
    gebruikersnaam = models.CharField("gebruikersnaam", max_length=150)
    wat = models.CharField("wat", max_length=1000, help_text="Het opgevraagde adres.")
    aantal = models.PositiveIntegerField("aantal regels", default=0)

    class Meta:
        verbose_name = "inzage in niet-openbare gegevens"
        verbose_name_plural = "inzages in niet-openbare gegevens"
        ordering = ["-moment", "-id"]

    def __str__(self):
        return f"{self.gebruikersnaam}: {self.wat}"

    def houders(self) -> frozenset[str]:
        return NIEMAND  # a beheerder's record

    @classmethod
    def houders_q(cls, sleutels, prefix: str = "") -> Q:
        return GEEN


@receiver(niet_openbaar_gelezen)
def leg_inzage_vast(sender, request, aantal: int = 0, **kwargs):
    Inzage.objects.create(
        gebruiker=request.user if request.user.is_authenticated else None,
        gebruikersnaam=request.user.get_username(),
        wat=request.get_full_path()[:1000],
        aantal=aantal,
    )

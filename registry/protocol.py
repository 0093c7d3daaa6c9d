"""Protocollering: every create, update and delete of the register leaves an append-only
history row (django-simple-history) that says who, on behalf of which organisation, when,
through which path (``kanaal``) and the full record after the change, so that the old and new
values of every field can be read back (``wijzigingen``).

A write names its path with ``with kanaal("import"):``; requests get "admin", "api" or "web"
from ``KanaalMiddleware``, anything else is "shell". Bulk writes go through ``bulk_aanmaken``,
``bulk_bijwerken`` and ``verwijderen`` (or ``vastleggen``), which write their history rows in
bulk as well; a test keeps other bulk writes out of the code.
"""

import contextlib
import contextvars
import dataclasses
import datetime
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from operator import attrgetter

from django.apps import apps
from django.db import models
from django.dispatch import Signal, receiver
from django.utils import timezone
from django.utils.formats import date_format
from simple_history.models import HistoricalRecords
from simple_history.signals import post_create_historical_record, pre_create_historical_record

from . import versie

KANALEN = {
    "admin": "beheerschermen",
    "api": "API",
    "web": "website",
    "import": "ROO-import",
    "herindeling": "herindeling",
    "commando": "beheercommando",
    "shell": "shell",
}
SOORTEN = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}


@dataclasses.dataclass(frozen=True)
class Context:
    kanaal: str
    gebruiker: object = None  # a User, or a request whose user is read when a row is written
    request: object = None


_context: contextvars.ContextVar[Context | None] = contextvars.ContextVar("protocol", default=None)
# (model label, pk) of the rows whose history a bulk helper wrote itself (see Historie).
_vastgelegd: contextvars.ContextVar[frozenset] = contextvars.ContextVar(
    "vastgelegd", default=frozenset()
)


@contextlib.contextmanager
def kanaal(naam: str, gebruiker=None) -> Iterator[None]:
    """Record the writes inside the block as made through ``naam`` by ``gebruiker`` (by
    default the user of the surrounding block or request)."""
    if naam not in KANALEN:
        raise ValueError(f"Unknown kanaal {naam!r}")
    vorige = _context.get()
    if gebruiker is None and vorige is not None:
        nieuw = dataclasses.replace(vorige, kanaal=naam)
    else:
        nieuw = Context(naam, gebruiker)
    token = _context.set(nieuw)
    try:
        yield
    finally:
        _context.reset(token)


def huidig_kanaal() -> str:
    context = _context.get()
    return context.kanaal if context else "shell"


def huidige_gebruiker():
    """The signed-in user the writes are made by, or None (a command, the import)."""
    context = _context.get()
    if context is None:
        return None
    if context.gebruiker is not None:
        return context.gebruiker
    user = getattr(context.request, "user", None)  # set by DRF after the middleware ran
    return user if user is not None and user.is_authenticated else None


class KanaalMiddleware:
    """Names the path of a request's writes: the admin, the API or the website."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            naam = "admin"
        elif request.path.startswith("/api/"):
            naam = "api"
        else:
            naam = "web"
        token = _context.set(Context(naam, request=request))
        try:
            return self.get_response(request)
        finally:
            _context.reset(token)


def organisaties_van(instance) -> str:
    """The organisations that keep ``instance`` (its ``houders()``, where the model says),
    sorted and comma-joined."""
    houders = getattr(instance, "houders", None)
    return ",".join(sorted(houders())) if callable(houders) else ""


class Wijziging(models.Model):
    """What every history row holds besides the record itself."""

    kanaal = models.CharField("kanaal", max_length=20, choices=list(KANALEN.items()))
    organisaties = models.TextField(
        "namens", blank=True, help_text="De organisaties die het gegeven bijhouden."
    )
    gebruikersnaam = models.CharField(
        "gebruikersnaam",
        max_length=150,
        blank=True,
        help_text="Blijft staan als het account later wordt verwijderd.",
    )

    class Meta:
        abstract = True


class Historie(HistoricalRecords):
    """HistoricalRecords with the fields of ``Wijziging``, the user of the current
    ``kanaal``, and no second row for a delete whose history a bulk helper wrote."""

    def __init__(self, **kwargs):
        super().__init__(bases=[Wijziging], **kwargs)

    def get_history_user(self, instance):
        gebruiker = getattr(instance, "_history_user", None)
        return gebruiker if gebruiker is not None else huidige_gebruiker()

    def post_delete(self, instance, using=None, **kwargs):
        if (instance._meta.label, instance.pk) in _vastgelegd.get():
            return
        super().post_delete(instance, using=using, **kwargs)

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        # A save followed by setting its many-to-many fields in the same request or block (a
        # form, a serializer) is one change: the row of the save gets the new links instead
        # of a second row. Anywhere else a change of links is a row of its own.
        rij, context = getattr(instance, "_historie_rij", (None, None))
        if (
            rij is not None
            and context is not None
            and context is _context.get()
            and action in ("post_add", "post_remove", "post_clear")
        ):
            for veld in rij._history_m2m_fields:
                self.m2m_models[veld].objects.filter(history=rij).delete()
            self.create_historical_record_m2ms(rij, instance)
            return
        super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)


# Sent when someone reads what is not public (who changed what): ``request`` and ``aantal``
# (how many rows). ``agreements`` records it as an Inzage.
niet_openbaar_gelezen = Signal()


@receiver(pre_create_historical_record)
def _vul_wijziging(sender, instance, history_instance, history_user=None, **kwargs):
    history_instance.kanaal = huidig_kanaal()
    history_instance.organisaties = organisaties_van(instance)
    history_instance.gebruikersnaam = getattr(history_user, "username", "") or ""


@receiver(post_create_historical_record)
def _onthoud_rij(sender, instance, history_instance, **kwargs):
    instance._historie_rij = (history_instance, _context.get())


def historie_model(model: type[models.Model]) -> type[models.Model] | None:
    manager = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, manager).model if manager else None


def koppelingshistorie(model: type[models.Model], naam: str) -> type[models.Model]:
    """The history model of the many-to-many links ``naam`` of ``model`` (one row per link
    per history row of ``model``)."""
    return HistoricalRecords.m2m_models[model._meta.get_field(naam)]


def vastleggen(objs: Iterable[models.Model], soort: str) -> list:
    """Write one history row per object (``soort`` "+", "~" or "-") in bulk, with a snapshot
    of its many-to-many links, as the objects are now."""
    objs = list(objs)
    if not objs:
        return []
    model = type(objs[0])
    historisch = historie_model(model)
    gebruiker = huidige_gebruiker()
    nu = timezone.now()
    veel = getattr(model, "houders_van_veel", None)  # houders() of all objs in a few queries
    houders = veel(objs) if veel else {}
    rijen = [
        historisch(
            history_date=nu,
            history_type=soort,
            history_user=gebruiker,
            kanaal=huidig_kanaal(),
            organisaties=",".join(sorted(houders[obj.pk])) if veel else organisaties_van(obj),
            gebruikersnaam=getattr(gebruiker, "username", "") or "",
            **{veld.attname: getattr(obj, veld.attname) for veld in historisch.tracked_fields},
        )
        for obj in objs
    ]
    historisch.objects.bulk_create(rijen)
    for veld in historisch._history_m2m_fields:
        _koppelingen_vastleggen(model, veld, objs, rijen)
    versie.verhoog()  # a bulk write sends no signals, so it advances the version itself
    return rijen


def _koppelingen_vastleggen(model, veld, objs, rijen) -> None:
    m2m_historie = koppelingshistorie(model, veld.name)
    through = veld.remote_field.through
    eigen = veld.m2m_field_name()
    per_obj = defaultdict(list)
    for koppeling in through.objects.filter(**{f"{eigen}__in": [o.pk for o in objs]}):
        per_obj[getattr(koppeling, f"{eigen}_id")].append(koppeling)
    velden = [f.attname for f in through._meta.fields]
    m2m_historie.objects.bulk_create(
        m2m_historie(history=rij, **{naam: getattr(k, naam) for naam in velden})
        for obj, rij in zip(objs, rijen, strict=True)
        for k in per_obj[obj.pk]
    )


def bulk_aanmaken(model: type[models.Model], objs: Iterable[models.Model]) -> list:
    """``bulk_create`` with a history row per created object."""
    gemaakt = model.objects.bulk_create(list(objs))
    vastleggen(gemaakt, "+")
    return gemaakt


def bulk_bijwerken(model: type[models.Model], objs: Iterable[models.Model], velden) -> int:
    """``bulk_update`` with a history row per changed object."""
    objs = list(objs)
    if not objs:
        return 0
    aantal = model.objects.bulk_update(objs, velden)
    vastleggen(objs, "~")
    return aantal


def verwijderen(queryset: models.QuerySet) -> int:
    """Delete the rows of ``queryset`` with their history written in bulk (rows deleted
    with them by a cascade record their own). Returns how many rows of its model went."""
    objs = list(queryset)
    if not objs:
        return 0
    vastleggen(objs, "-")
    token = _vastgelegd.set(_vastgelegd.get() | {(o._meta.label, o.pk) for o in objs})
    try:
        _, per_model = queryset.model.objects.filter(pk__in=[o.pk for o in objs]).delete()
    finally:
        _vastgelegd.reset(token)
    return per_model.get(queryset.model._meta.label, 0)


@dataclasses.dataclass(frozen=True)
class Veldwijziging:
    veld: str
    label: str
    oud: object
    nieuw: object


@dataclasses.dataclass(frozen=True)
class Regel:
    """One history row read back: what changed and how."""

    rij: models.Model
    soort: str
    datum: datetime.datetime
    kanaal: str
    organisaties: str
    gebruiker: str
    wijzigingen: list[Veldwijziging]


def wijzigingen(rij, vorige=None, velden: Iterable[str] | None = None) -> list[Veldwijziging]:
    """The fields ``rij`` changed compared to the row before it (``vorige``, read when not
    given; none for a creation), with old and new values; only ``velden`` when given."""
    if vorige is None and rij.history_type != "+":
        vorige = rij.prev_record
    opties = rij.instance_type._meta
    namen = set(velden) if velden is not None else None
    if vorige is None:
        gevolgd = {f.name for f in rij.tracked_fields if f.editable}
        namen = gevolgd if namen is None else namen & gevolgd
        return [
            Veldwijziging(naam, _label(opties, naam), None, getattr(rij, _attname(opties, naam)))
            for naam in sorted(namen)
            if getattr(rij, _attname(opties, naam)) not in (None, "")
        ]
    delta = rij.diff_against(vorige, included_fields=namen)
    return [Veldwijziging(c.field, _label(opties, c.field), c.old, c.new) for c in delta.changes]


def weergave(model, naam: str, waarde) -> str:
    """A stored value as a person reads it: the label of a choice, ja/nee, a Dutch date,
    "leeg" for nothing."""
    if waarde is None or waarde == "":
        return "leeg"
    if isinstance(waarde, list):  # the links of a many-to-many field
        return "; ".join(", ".join(f"{k} {v}" for k, v in rij.items()) for rij in waarde) or "geen"
    veld = model._meta.get_field(naam)
    if veld.choices:
        return str(dict(veld.flatchoices).get(waarde, waarde))
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, datetime.date):
        return date_format(waarde, "j F Y")
    return str(waarde)


def _attname(opties, naam: str) -> str:
    return opties.get_field(naam).attname


def _label(opties, naam: str) -> str:
    return str(opties.get_field(naam).verbose_name)


def regels(rijen: Iterable, velden: Iterable[str] | None = None) -> list[Regel]:
    """History rows of one object (in any order) as ``Regel``s, newest first, each compared
    to the one before it without reading more (except many-to-many snapshots)."""
    rijen = sorted(rijen, key=lambda r: (r.history_date, r.history_id))
    resultaat = []
    for i, rij in enumerate(rijen):
        vorige = rijen[i - 1] if i else None
        if vorige is None and rij.history_type != "+":
            lijst = []  # the earliest row we have is not a creation: nothing to compare it to
        else:
            lijst = wijzigingen(rij, vorige, velden)
        resultaat.append(
            Regel(
                rij=rij,
                soort=SOORTEN[rij.history_type],
                datum=rij.history_date,
                kanaal=KANALEN.get(rij.kanaal, rij.kanaal),
                organisaties=rij.organisaties,
                gebruiker=rij.gebruikersnaam,
                wijzigingen=lijst,
            )
        )
    return resultaat[::-1]


def laatste_versie(obj) -> int:
    """The id of the newest history row of ``obj`` (0 when it has none): its version."""
    historisch = historie_model(type(obj))
    return (
        historisch.objects.filter(**{obj._meta.pk.attname: obj.pk})
        .order_by("-history_id")
        .values_list("history_id", flat=True)
        .first()
        or 0
    )


def laatste_rij(obj):
    historisch = historie_model(type(obj))
    return (
        historisch.objects.filter(**{obj._meta.pk.attname: obj.pk}).order_by("-history_id").first()
    )


def _begin_van(datum: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(datum, datetime.time()))


def audit(vanaf: datetime.date, tot: datetime.date) -> list[tuple[type[models.Model], Regel]]:
    """Every history row of the register from ``vanaf`` up to and including ``tot`` (local
    dates), oldest first, each with its model and compared to the row before it."""
    begin, eind = _begin_van(vanaf), _begin_van(tot + datetime.timedelta(days=1))
    resultaat = []
    for model in apps.get_models():
        historisch = historie_model(model)
        if historisch is None:
            continue
        pk = model._meta.pk.attname
        in_periode = historisch.objects.filter(history_date__gte=begin, history_date__lt=eind)
        rijen = historisch.objects.filter(
            **{f"{pk}__in": in_periode.values(pk)}, history_date__lt=eind
        ).order_by(pk, "history_date", "history_id")
        for _, groep in itertools.groupby(rijen.iterator(), key=attrgetter(pk)):
            resultaat += [(model, r) for r in regels(list(groep)) if r.datum >= begin]
    resultaat.sort(key=lambda paar: (paar[1].datum, paar[0]._meta.label, paar[1].rij.history_id))
    return resultaat

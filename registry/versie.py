"""The version of the register: one row that every write of the register's apps advances in
the same transaction, so that the new version becomes visible exactly when the write commits
(and never if it rolls back). Results computed from the whole register are cached under it
(``bewaard``), and the ETag and Last-Modified of every page and API response derive from it
(registry/http.py): a write is visible at once, on every server that shares the database, and
nothing stale is served.

Writes through the ORM (admin, API, commands, fixtures) advance it through the model signals
of the apps named in ``settings.REGISTER_APPS``; a path that writes around the signals
(``QuerySet.update``, ``bulk_create``, raw SQL) calls ``verhoog()`` itself. Generic: this
module imports no app.
"""

import datetime
import hashlib
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

BEWAARTIJD = 24 * 60 * 60  # seconds; a new version makes older entries unreachable anyway


@dataclass(frozen=True)
class Versie:
    nummer: int
    sleutel: str
    gewijzigd: datetime.datetime


def _model():
    from .models import RegisterVersie

    return RegisterVersie


def huidige(using: str = DEFAULT_DB_ALIAS) -> Versie:
    """The version as this transaction sees it (one small query)."""
    model = _model()
    rij = model.objects.using(using).filter(pk=1).values_list("nummer", "sleutel", "gewijzigd")
    gevonden = rij.first()
    if gevonden is None:  # an emptied database (a flush): start again
        versie, _ = model.objects.using(using).get_or_create(
            pk=1, defaults={"sleutel": uuid.uuid4().hex}
        )
        gevonden = (versie.nummer, versie.sleutel, versie.gewijzigd)
    return Versie(*gevonden)


def verhoog(using: str = DEFAULT_DB_ALIAS) -> None:
    """Advance the version in the current transaction."""
    model = _model()
    nieuw = {"nummer": F("nummer") + 1, "sleutel": uuid.uuid4().hex, "gewijzigd": timezone.now()}
    bijgewerkt = model.objects.using(using).filter(pk=1).update(**nieuw)  # historie: a counter
    if not bijgewerkt:
        model.objects.using(using).get_or_create(pk=1, defaults={"sleutel": uuid.uuid4().hex})


def _telt(sender) -> bool:
    return sender is not None and sender._meta.app_label in settings.REGISTER_APPS


def _na_schrijven(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    if _telt(sender):
        verhoog(using)


def _na_koppelen(sender, action, using=DEFAULT_DB_ALIAS, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and _telt(sender):
        verhoog(using)


def verbind() -> None:
    post_save.connect(_na_schrijven, dispatch_uid="registry.versie.save")
    post_delete.connect(_na_schrijven, dispatch_uid="registry.versie.delete")
    m2m_changed.connect(_na_koppelen, dispatch_uid="registry.versie.m2m")


def sleutel(*delen) -> str:
    tekst = ":".join(str(deel) for deel in delen)
    return hashlib.sha256(tekst.encode()).hexdigest()[:32]


def bewaard(naam: str, *delen, bereken):
    """``bereken()`` once per version of the register and ``delen`` (the peildatum, a filter):
    kept in Django's cache (local memory, or Redis with CACHE_URL) under the version."""
    cache_sleutel = f"register:{naam}:{sleutel(huidige().sleutel, *delen)}"
    waarde = cache.get(cache_sleutel)
    if waarde is None:
        waarde = bereken()
        cache.set(cache_sleutel, waarde, BEWAARTIJD)
    return waarde

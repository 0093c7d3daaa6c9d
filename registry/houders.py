"""Who keeps an object of the register (its *houders*), as organisation keys, in one place.

Every editable model answers ``houders() -> frozenset[str]`` for one object and
``houders_q(sleutels, prefix="")`` for a queryset: the Q that selects the objects kept by one
of ``sleutels`` (so that admin lists, autocomplete, inlines, actions, exports and the API filter
the same way). A key is a gemeente's CBS code ("GM0626") for what the gemeente keeps, or
``regeling:<identificatie>`` for what the secretariaat of a regeling keeps. An empty set means
that only a beheerder keeps the object. Which organisations a user belongs to is decided by
``agreements.redactie``; this module knows no users.

Identifiers that addresses are made of are fixed once an object exists (``VasteIdentificatie``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

REGELING = "regeling:"
NIEMAND: frozenset[str] = frozenset()
GEEN = Q(pk__in=[])  # selects nothing


def regeling_sleutel(identificatie: str) -> str:
    return f"{REGELING}{identificatie}"


def gemeentecodes(sleutels) -> set[str]:
    return {s for s in sleutels if not s.startswith(REGELING)}


def regelingen(sleutels) -> set[str]:
    return {s.removeprefix(REGELING) for s in sleutels if s.startswith(REGELING)}


def gemeente_q(sleutels, prefix: str = "") -> Q:
    """Q for "about a gemeente of ``sleutels``", through ``prefix`` (``"gemeente__"``)."""
    return Q(**{f"{prefix}code__in": gemeentecodes(sleutels)})


class VasteIdentificatie(models.Model):
    """A model whose ``vaste_velden`` (the identifiers in its addresses) cannot change once it
    is saved: clean() explains it in Dutch, save() refuses it."""

    vaste_velden: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if fouten := self.fouten_identificatie():
            raise ValidationError(fouten)
        super().save(*args, **kwargs)
        self._onthoud_identificatie()

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._onthoud_identificatie()
        return instance

    def _onthoud_identificatie(self):
        self._vast = {
            veld: self.__dict__[veld] for veld in self.vaste_velden if veld in self.__dict__
        }

    def gewijzigde_identificaties(self) -> list[str]:
        vast = getattr(self, "_vast", {})
        return [veld for veld, waarde in vast.items() if getattr(self, veld) != waarde]

    def fouten_identificatie(self) -> dict[str, str]:
        return {
            veld: f"De {self._meta.get_field(veld).verbose_name} ligt vast zodra het gegeven "
            f"bestaat: adressen en koppelingen verwijzen ernaar. Het was '{self._vast[veld]}'."
            for veld in self.gewijzigde_identificaties()
        }

    def clean(self):
        super().clean()
        if fouten := self.fouten_identificatie():
            raise ValidationError(fouten)

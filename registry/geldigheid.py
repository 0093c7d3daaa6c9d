"""Validity periods (geldigheid) and the peildatum query, in one place.

A period runs from ``begindatum`` up to and including ``einddatum``. An empty
``begindatum`` means "start unknown" (valid since ever as far as the register knows),
an empty ``einddatum`` means "no end". Every model with a period inherits from
``Geldigheid`` and so shares the constraint, the validation, ``actief_op`` (valid on a day) and
``actief_tussen`` (valid on some day of a period).
"""

import datetime

from django.db import models
from django.db.models import F, Q

from .tekens import TekstControle


def actief_op_q(datum: datetime.date, prefix: str = "") -> Q:
    """Q for "valid on ``datum``", optionally through a relation (``prefix="regeling__"``)."""
    begin, einde = f"{prefix}begindatum", f"{prefix}einddatum"
    return (Q(**{f"{begin}__isnull": True}) | Q(**{f"{begin}__lte": datum})) & (
        Q(**{f"{einde}__isnull": True}) | Q(**{f"{einde}__gte": datum})
    )


def actief_tussen_q(
    begin: datetime.date | None, einde: datetime.date | None, prefix: str = ""
) -> Q:
    """Q for "valid on at least one day of [``begin``, ``einde``]" (None: open on that side),
    optionally through a relation (``prefix="regeling__"``)."""
    q = Q()
    if einde is not None:
        q &= Q(**{f"{prefix}begindatum__isnull": True}) | Q(**{f"{prefix}begindatum__lte": einde})
    if begin is not None:
        q &= Q(**{f"{prefix}einddatum__isnull": True}) | Q(**{f"{prefix}einddatum__gte": begin})
    return q


class GeldigheidQuerySet(models.QuerySet):
    def actief_op(self, datum: datetime.date):
        return self.filter(actief_op_q(datum))

    def actief_tussen(self, begin: datetime.date | None, einde: datetime.date | None):
        """The records whose own period shares at least one day with [``begin``, ``einde``];
        None leaves that side open. (Unlike ``Deelname.objects.actief_op`` it does not look at
        the regeling.)"""
        return self.filter(actief_tussen_q(begin, einde))


class Geldigheid(TekstControle, models.Model):
    begindatum = models.DateField("begindatum", null=True, blank=True)
    einddatum = models.DateField(
        "einddatum", null=True, blank=True, help_text="Laatste dag van geldigheid."
    )

    objects = GeldigheidQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(begindatum__isnull=True)
                | Q(einddatum__isnull=True)
                | Q(einddatum__gte=F("begindatum")),
                name="%(app_label)s_%(class)s_einde_na_begin",
                violation_error_message="De einddatum ligt vóór de begindatum.",
            ),
        ]

    def is_actief_op(self, datum: datetime.date) -> bool:
        """The same rule as ``actief_op``, for an object already in memory."""
        return (self.begindatum is None or self.begindatum <= datum) and (
            self.einddatum is None or self.einddatum >= datum
        )


def verdeel_op(objecten, datum: datetime.date) -> tuple[list, list]:
    """Objects already in memory split into those running on ``datum`` and the others."""
    objecten = list(objecten)
    return (
        [o for o in objecten if o.is_actief_op(datum)],
        [o for o in objecten if not o.is_actief_op(datum)],
    )


def perioden_overlappen(a: tuple, b: tuple) -> bool:
    """Whether two (begindatum, einddatum) periods share a day; None is open-ended."""
    laag, hoog = datetime.date.min, datetime.date.max
    return (a[0] or laag) <= (b[1] or hoog) and (b[0] or laag) <= (a[1] or hoog)


def geen_overlap_sql(vendor: str, tabel: str, naam: str, groep: list[str]) -> tuple[list, list]:
    """SQL that lets the database refuse overlapping periods within a group of columns.

    PostgreSQL gets an exclusion constraint (btree_gist), SQLite a pair of triggers.
    Rows where a group column is NULL are not compared. Returns (forwards, backwards).
    """
    if vendor == "postgresql":
        kolommen = ", ".join(f"{kolom} WITH =" for kolom in groep)
        waar = " AND ".join(f"{kolom} IS NOT NULL" for kolom in groep)
        return (
            [
                f"ALTER TABLE {tabel} ADD CONSTRAINT {naam} EXCLUDE USING gist ({kolommen}, "
                f"daterange(begindatum, einddatum, '[]') WITH &&) WHERE ({waar})"
            ],
            [f"ALTER TABLE {tabel} DROP CONSTRAINT {naam}"],
        )
    if vendor == "sqlite":
        gelijk = " AND ".join(f"b.{kolom} = NEW.{kolom}" for kolom in groep)
        waar = " AND ".join(f"NEW.{kolom} IS NOT NULL" for kolom in groep)
        overlap = (
            "COALESCE(b.begindatum, '0001-01-01') <= COALESCE(NEW.einddatum, '9999-12-31') "
            "AND COALESCE(NEW.begindatum, '0001-01-01') <= COALESCE(b.einddatum, '9999-12-31')"
        )
        forwards = []
        for moment, extra in (("INSERT", ""), ("UPDATE", " AND b.id <> NEW.id")):
            forwards.append(
                f"CREATE TRIGGER {naam}_{moment.lower()} BEFORE {moment} ON {tabel} "
                f"WHEN {waar} AND EXISTS "
                f"(SELECT 1 FROM {tabel} b WHERE {gelijk} AND {overlap}{extra}) "
                f"BEGIN SELECT RAISE(ABORT, '{naam}'); END"
            )
        return forwards, [f"DROP TRIGGER {naam}_insert", f"DROP TRIGGER {naam}_update"]
    raise NotImplementedError(f"Geen overlapcontrole voor database '{vendor}'.")

"""What the register already holds that the import needs, read in a fixed number of queries
before anything is matched or written, and the choice of free slugs against it."""

import datetime
import itertools
from collections import defaultdict
from dataclasses import dataclass

from municipalities.models import Gemeente, Partner

from ..models import Regeling, Thema


@dataclass(frozen=True, slots=True)
class BekendeGemeente:
    """A gemeente of the register, with the facts a deelname of it needs."""

    id: int
    code: str
    naam: str
    begindatum: datetime.date | None
    einddatum: datetime.date | None


@dataclass(slots=True)
class Bekend:
    """What the database holds that the import needs, read in a fixed number of queries."""

    gemeenten: dict[str, BekendeGemeente]
    gemeenten_op_naam: dict[str, list[BekendeGemeente]]
    partners: dict[str, int]
    partners_op_naam: dict[str, int]
    partner_slugs: set[str]
    themas: dict[str, int]
    regeling_slugs: set[str]

    @classmethod
    def lees(cls) -> "Bekend":
        gemeenten = {
            g["code"]: BekendeGemeente(**g)
            for g in Gemeente.objects.values("id", "code", "naam", "begindatum", "einddatum")
        }
        op_naam = defaultdict(list)
        for g in gemeenten.values():
            op_naam[naam_sleutel(g.naam)].append(g)
        partners, partners_op_naam, slugs = {}, {}, set()
        for p in Partner.objects.values("id", "code", "naam", "slug"):
            if p["code"]:
                partners[p["code"]] = p["id"]
            partners_op_naam.setdefault(p["naam"].casefold(), p["id"])
            slugs.add(p["slug"])
        return cls(
            gemeenten=gemeenten,
            gemeenten_op_naam=dict(op_naam),
            partners=partners,
            partners_op_naam=partners_op_naam,
            partner_slugs=slugs,
            themas=dict(Thema.objects.exclude(tooi=None).values_list("tooi", "id")),
            regeling_slugs=set(Regeling.objects.values_list("slug", flat=True)),
        )


def naam_sleutel(naam: str) -> str:
    """The key to find a gemeente by name: without 'Gemeente ' in front, case-folded."""
    naam = naam.strip()
    if naam.lower().startswith("gemeente "):
        naam = naam[len("gemeente ") :]
    return naam.casefold()


def unique_slug(basis: str, bezet: set[str], reserve: str) -> str:
    """A slug not in ``bezet``: ``basis``, else ``basis-reserve``, else with a number; it is
    added to ``bezet``. ``basis`` is at most 100 characters, so the result fits 120."""
    kandidaten = itertools.chain(
        [basis, f"{basis}-{reserve}"], (f"{basis}-{reserve}-{n}" for n in itertools.count(2))
    )
    slug = next(k.strip("-") for k in kandidaten if k.strip("-") and k.strip("-") not in bezet)
    bezet.add(slug)
    return slug

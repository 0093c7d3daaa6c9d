"""Reads of the register, shaped for pages, overviews and exports; they write nothing.

Overviews on a peildatum: per gemeente, the network of gemeenten, the figures per thema and per
provincie of the NHL study, recomputed from the data; the art. 27 register of a gemeente; and
the herindelingsscan, which classifies every regeling that a set of gemeenten takes part in on
the day before a (real or planned) herindeling. Each function reads what it needs in a fixed
number of queries, whatever the size of the register, and computes the rest in Python. They
return plain Python (dicts with snake_case keys, models); the API's camelCase names live in the
serializers (overzichten.py)."""

import dataclasses
import datetime
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Count, Prefetch
from django.urls import reverse

from municipalities.constants import PartnerSoort
from municipalities.models import Gemeente, Partner
from registry.converters import CBS_CODE_INVOER, cbs_code
from registry.peildatum import OngeldigeParameter, parse_datum
from registry.protocol import (
    KANALEN,
    Regel,
    Veldwijziging,
    koppelingshistorie,
    regels,
    weergave,
)
from registry.protocol import wijzigingen as veldwijzigingen
from registry.versie import bewaard

from .constants import GEVOLG_UITLEG, VORMEN, Beleidsintensiteit, Gevolg, Rechtsgebied, Vorm
from .models import Deelname, Regeling, Thema

# Buckets of the number of deelnemers per regeling (NHL: many small verbanden of 2-4 partners).
GROOTTEKLASSEN = [
    (0, 0, "0"),
    (1, 1, "1"),
    (2, 2, "2"),
    (3, 4, "3-4"),
    (5, 9, "5-9"),
    (10, 19, "10-19"),
]
GROOTSTE_KLASSE = "20 of meer"
ONBEKEND = "onbekend"  # a regeling whose vorm, and so its rechtsgebied, is not known


def grootteklasse(aantal: int) -> str:
    for laag, hoog, naam in GROOTTEKLASSEN:
        if laag <= aantal <= hoog:
            return naam
    return GROOTSTE_KLASSE


@dataclass
class Stand:
    """The register on a peildatum, read in four queries."""

    regelingen: dict[int, dict]
    deelnames: list[dict]
    themas_per_regeling: dict[int, set[int]]
    themas: dict[int, dict]

    @classmethod
    def op(cls, peildatum: datetime.date, *, binnen=None) -> "Stand":
        """The register on ``peildatum``; with ``binnen`` (a subquery of regeling ids) only
        those regelingen, their deelnames and thema's: the cost of the answer, not of the
        register. ``.order_by()``: the models' default ordering would sort every row."""
        regelingen = Regeling.objects.actief_op(peildatum)
        deelnames = Deelname.objects.actief_op(peildatum)
        koppelingen = Regeling.themas.through.objects.all()
        if binnen is not None:
            regelingen = regelingen.filter(pk__in=binnen)
            deelnames = deelnames.filter(regeling_id__in=binnen)
            koppelingen = koppelingen.filter(regeling_id__in=binnen)
        regelingen = {
            r["id"]: {"id": r["id"], "slug": r["slug"], "naam": r["naam_op"], "vorm": r["vorm_op"]}
            for r in regelingen.op_peildatum(peildatum)
            .values("id", "slug", "naam_op", "vorm_op")
            .order_by()
        }
        deelnames = list(
            deelnames.values(
                "regeling_id", "gemeente_id", "gemeente__provincie__code", "partner_id"
            ).order_by()
        )
        themas_per_regeling = defaultdict(set)
        for regeling_id, thema_id in koppelingen.values_list("regeling_id", "thema_id").order_by():
            if regeling_id in regelingen:
                themas_per_regeling[regeling_id].add(thema_id)
        themas = {
            t["id"]: t
            for t in Thema.objects.values(
                "id", "slug", "naam", "bovenliggend_id", "beleidsintensiteit"
            ).order_by()
        }
        return cls(regelingen, deelnames, themas_per_regeling, themas)

    def deelnemers_per_regeling(self) -> Counter:
        return Counter(d["regeling_id"] for d in self.deelnames)

    def lijn(self, thema_id: int) -> list[int]:
        """The thema and the themas above it, up to its hoofdthema (the last)."""
        lijn = [thema_id]
        while (boven := self.themas[lijn[-1]]["bovenliggend_id"]) and boven not in lijn:
            lijn.append(boven)
        return lijn

    def hoofdthema(self, thema_id: int) -> int:
        """The hoofdthema of a thema: a subthema counts as its bovenliggend thema."""
        return self.lijn(thema_id)[-1]

    def hoofdthemas(self, regeling_id: int) -> set[int]:
        """The hoofdthema's of a regeling, each once, however many of its subthema's it has."""
        return {self.hoofdthema(t) for t in self.themas_per_regeling.get(regeling_id, ())}

    def beleidsintensiteit(self, thema_id: int) -> str:
        """Beleidsrijk or beleidsarm as the thema says, else as the thema above it says;
        "" when none says it."""
        return next(
            (i for t in self.lijn(thema_id) if (i := self.themas[t]["beleidsintensiteit"])), ""
        )

    def per_beleidsintensiteit(self, regeling_ids, binnen: set[int] | None = None) -> list[dict]:
        """Publiekrecht against privaatrecht by beleidsintensiteit, as in the NHL study: each
        regeling counts once for every beleidsintensiteit of its thema's (only those in
        ``binnen`` when given); a regeling without one counts as onbekend."""
        tellingen = defaultdict(Counter)
        for regeling_id in regeling_ids:
            themas = self.themas_per_regeling.get(regeling_id, set())
            if binnen is not None:
                themas = themas & binnen
            vorm = self.regelingen[regeling_id]["vorm"]
            rechtsgebied = VORMEN[vorm].rechtsgebied if vorm else ONBEKEND
            for intensiteit in {self.beleidsintensiteit(t) for t in themas} or {""}:
                tellingen[intensiteit][rechtsgebied] += 1
        rijen = []
        for intensiteit in (Beleidsintensiteit.BELEIDSARM, Beleidsintensiteit.BELEIDSRIJK, ""):
            telling = tellingen[intensiteit]
            bekend = sum(telling[r] for r in Rechtsgebied)
            rijen.append(
                {
                    "beleidsintensiteit": intensiteit or None,
                    "beleidsintensiteit_naam": Beleidsintensiteit(intensiteit).label
                    if intensiteit
                    else "Onbekend",
                    "aantal_regelingen": sum(telling.values()),
                    **{r.value: telling[r] for r in Rechtsgebied},
                    "vorm_onbekend": telling[ONBEKEND],
                    "aandeel_publiekrecht": round(telling[Rechtsgebied.PUBLIEKRECHT] / bekend, 4)
                    if bekend
                    else None,
                }
            )
        return rijen

    def cijfers(self, regeling_ids: set[int]) -> dict:
        """Counts by vorm, public law share and size distribution for a set of regelingen."""
        per_vorm = Counter(self.regelingen[r]["vorm"] for r in regeling_ids)
        bekend = [r for r in regeling_ids if self.regelingen[r]["vorm"]]
        publiek = [
            r
            for r in bekend
            if VORMEN[self.regelingen[r]["vorm"]].rechtsgebied == Rechtsgebied.PUBLIEKRECHT
        ]
        per_rechtsgebied = Counter(
            VORMEN[self.regelingen[r]["vorm"]].rechtsgebied
            if self.regelingen[r]["vorm"]
            else ONBEKEND
            for r in regeling_ids
        )
        aantallen = self.deelnemers_per_regeling()
        verdeling = Counter(grootteklasse(aantallen[r]) for r in regeling_ids)
        klassen = [naam for _, _, naam in GROOTTEKLASSEN] + [GROOTSTE_KLASSE]
        return {
            "aantal_regelingen": len(regeling_ids),
            "per_vorm": [
                {
                    "vorm": vorm or None,
                    "vorm_naam": vorm_naam(vorm),
                    "aantal": aantal,
                }
                for vorm, aantal in sorted(per_vorm.items(), key=lambda item: (-item[1], item[0]))
            ],
            "aandeel_publiekrecht": round(len(publiek) / len(bekend), 4) if bekend else None,
            "per_rechtsgebied": {
                soort: per_rechtsgebied[soort] for soort in [*Rechtsgebied.values, ONBEKEND]
            },
            "deelnemers_per_regeling": [
                {"klasse": klasse, "aantal_regelingen": verdeling[klasse]} for klasse in klassen
            ],
        }


def vorm_naam(vorm: str) -> str:
    return Vorm(vorm).label if vorm else "Onbekend"


def regeling_kort(regeling) -> dict:
    return {"identificatie": regeling["slug"], "naam": regeling["naam"]}


def gemeente_overzicht(*, gemeente: Gemeente, peildatum: datetime.date) -> dict:
    """Where a gemeente takes part on the peildatum: by vorm and thema, with whom, how often."""
    eigen_ids = (
        Deelname.objects.actief_op(peildatum).filter(gemeente=gemeente).values("regeling_id")
    )
    stand = Stand.op(peildatum, binnen=eigen_ids)
    eigen = {d["regeling_id"] for d in stand.deelnames if d["gemeente_id"] == gemeente.pk}
    eigen_regelingen = sorted((stand.regelingen[r] for r in eigen), key=lambda r: r["naam"])

    per_vorm = defaultdict(list)
    per_thema = defaultdict(list)  # per hoofdthema, each regeling once, with its subthema's
    for regeling in eigen_regelingen:
        per_vorm[regeling["vorm"]].append(regeling_kort(regeling))
        subthemas = defaultdict(set)
        for thema_id in stand.themas_per_regeling.get(regeling["id"], ()):
            hoofdthema = stand.hoofdthema(thema_id)
            subthemas[hoofdthema] |= {thema_id} - {hoofdthema}
        for hoofdthema, subs in subthemas.items() or [(None, set())]:
            per_thema[hoofdthema].append(
                {
                    **regeling_kort(regeling),
                    "subthemas": sorted(stand.themas[t]["naam"] for t in subs),
                }
            )

    gemeenten, partners = Counter(), Counter()
    for d in stand.deelnames:
        if d["regeling_id"] in eigen and d["gemeente_id"] != gemeente.pk:
            if d["gemeente_id"]:
                gemeenten[d["gemeente_id"]] += 1
            else:
                partners[d["partner_id"]] += 1
    namen_gemeenten = {
        g.pk: g for g in Gemeente.objects.filter(pk__in=gemeenten).only("code", "naam")
    }
    namen_partners = {
        p.pk: p for p in Partner.objects.filter(pk__in=partners).only("slug", "naam", "soort")
    }
    return {
        "gemeente": {"code": gemeente.code, "naam": gemeente.naam},
        "peildatum": peildatum,
        "aantal_regelingen": len(eigen),
        "aantal_themas": len([t for t in per_thema if t is not None]),
        "per_vorm": [
            {
                "vorm": vorm or None,
                "vorm_naam": vorm_naam(vorm),
                "aantal": len(lijst),
                "regelingen": lijst,
            }
            for vorm, lijst in sorted(per_vorm.items(), key=lambda item: (-len(item[1]), item[0]))
        ],
        "per_thema": [
            {
                "thema": stand.themas[thema_id]["slug"] if thema_id else None,
                "thema_naam": stand.themas[thema_id]["naam"] if thema_id else "Zonder thema",
                "aantal": len(lijst),
                "regelingen": lijst,
            }
            for thema_id, lijst in sorted(
                per_thema.items(),
                key=lambda item: (
                    item[0] is None,  # "Zonder thema" last
                    -len(item[1]),
                    stand.themas[item[0]]["naam"] if item[0] else "",
                ),
            )
        ],
        "gemeenten": [
            {
                "code": namen_gemeenten[pk].code,
                "naam": namen_gemeenten[pk].naam,
                "aantal_gedeelde_regelingen": aantal,
            }
            for pk, aantal in sorted(
                gemeenten.items(), key=lambda item: (-item[1], namen_gemeenten[item[0]].naam)
            )
        ],
        "partners": [
            {
                "identificatie": namen_partners[pk].slug,
                "naam": namen_partners[pk].naam,
                "soort": namen_partners[pk].soort,
                "aantal_gedeelde_regelingen": aantal,
            }
            for pk, aantal in sorted(
                partners.items(), key=lambda item: (-item[1], namen_partners[item[0]].naam)
            )
        ],
    }


def netwerk(*, peildatum: datetime.date, provincie: str | None = None) -> list[dict]:
    """The lappendeken (``_netwerk``), computed once per version of the register."""
    return bewaard("netwerk", peildatum, provincie, bereken=lambda: _netwerk(peildatum, provincie))


def _netwerk(peildatum: datetime.date, provincie: str | None) -> list[dict]:
    """The weighted gemeente-gemeente edges (the lappendeken): how many regelingen each pair of
    gemeenten shares on the peildatum, heaviest first. With ``provincie``: edges that touch a
    gemeente of that provincie."""
    leden = defaultdict(set)
    for d in (
        Deelname.objects.actief_op(peildatum)
        .filter(gemeente__isnull=False)
        .values("regeling_id", "gemeente_id")
        .order_by()
    ):
        leden[d["regeling_id"]].add(d["gemeente_id"])
    gewichten = Counter(
        paar
        for gemeenten in leden.values()
        for paar in itertools.combinations(sorted(gemeenten), 2)
    )
    gemeenten = {
        g["id"]: g
        for g in Gemeente.objects.filter(pk__in={pk for paar in gewichten for pk in paar}).values(
            "id", "code", "naam", "provincie__code"
        )
    }
    randen = [
        {
            "gemeente": gemeenten[a]["code"],
            "gemeente_naam": gemeenten[a]["naam"],
            "andere_gemeente": gemeenten[b]["code"],
            "andere_gemeente_naam": gemeenten[b]["naam"],
            "aantal_gedeelde_regelingen": gewicht,
        }
        for (a, b), gewicht in gewichten.items()
        if provincie is None
        or provincie in (gemeenten[a]["provincie__code"], gemeenten[b]["provincie__code"])
    ]
    return sorted(
        randen,
        key=lambda r: (-r["aantal_gedeelde_regelingen"], r["gemeente"], r["andere_gemeente"]),
    )


class ThemaStand:
    """The regelingen of each thema on a peildatum (a thema above others counts theirs too,
    each regeling once) and the gemeenten that take part in each regeling."""

    def __init__(self, stand: Stand):
        self.stand = stand
        self.per_thema = defaultdict(set)
        for regeling_id, thema_ids in stand.themas_per_regeling.items():
            for thema_id in thema_ids:
                for boven in stand.lijn(thema_id):
                    self.per_thema[boven].add(regeling_id)
        self.gemeenten_per_regeling = defaultdict(set)
        for d in stand.deelnames:
            if d["gemeente_id"]:
                self.gemeenten_per_regeling[d["regeling_id"]].add(d["gemeente_id"])

    def cijfers(self, pk: int) -> dict:
        stand, thema = self.stand, self.stand.themas[pk]
        regelingen = self.per_thema[pk]
        return {
            "thema": thema["slug"],
            "thema_naam": thema["naam"],
            "hoofdthema": stand.themas[stand.hoofdthema(pk)]["slug"]
            if thema["bovenliggend_id"]
            else None,
            "beleidsintensiteit": stand.beleidsintensiteit(pk) or None,
            "aantal_gemeenten": len(
                set().union(*(self.gemeenten_per_regeling[r] for r in regelingen))
            ),
            **stand.cijfers(regelingen),
        }


def statistieken_per_thema(*, peildatum: datetime.date) -> list[dict]:
    """The NHL figures of every thema with regelingen on the peildatum; a hoofdthema counts
    the regelingen of its subthema's, each regeling once."""
    return bewaard("cijfers-themas", peildatum, bereken=lambda: _per_thema(peildatum))


def _per_thema(peildatum: datetime.date) -> list[dict]:
    themas = ThemaStand(Stand.op(peildatum))
    return [
        themas.cijfers(pk)
        for pk, thema in sorted(themas.stand.themas.items(), key=lambda item: item[1]["naam"])
        if themas.per_thema[pk]
    ]


def thema_cijfers(*, thema: Thema, peildatum: datetime.date) -> dict:
    """The figures of one thema on the peildatum (None without regelingen) and its regelingen
    by beleidsintensiteit and rechtsgebied, from the thema and its subthema's (only the
    beleidsintensiteiten it has regelingen for). Computed once per version of the register."""
    return bewaard(
        "thema-cijfers", thema.pk, peildatum, bereken=lambda: _thema_cijfers(thema, peildatum)
    )


def _thema_cijfers(thema: Thema, peildatum: datetime.date) -> dict:
    themas = ThemaStand(Stand.op(peildatum))
    regelingen = themas.per_thema[thema.pk]
    binnen = {pk for pk in themas.stand.themas if thema.pk in themas.stand.lijn(pk)}
    return {
        "cijfers": themas.cijfers(thema.pk) if regelingen else None,
        "per_beleidsintensiteit": [
            rij
            for rij in themas.stand.per_beleidsintensiteit(regelingen, binnen)
            if rij["aantal_regelingen"]
        ],
    }


def statistieken_per_provincie(*, peildatum: datetime.date) -> list[dict]:
    """The NHL figures per provincie; the themas of a gemeente are hoofdthema's, each once (22
    subthema's of one omgevingsdienst are one or a few hoofdthema's, not 22 themas). Computed
    once per version of the register."""
    return bewaard(
        "cijfers-provincies",
        peildatum,
        bereken=lambda: _per_provincie(Stand.op(peildatum), peildatum),
    )


def cijfers(*, peildatum: datetime.date) -> dict:
    """The figures page: per provincie, and publiekrecht against privaatrecht by
    beleidsintensiteit over every regeling on the peildatum. Computed once per version."""
    return bewaard("cijfers", peildatum, bereken=lambda: _cijfers(peildatum))


def _cijfers(peildatum: datetime.date) -> dict:
    stand = Stand.op(peildatum)
    return {
        "provincies": _per_provincie(stand, peildatum),
        "per_beleidsintensiteit": stand.per_beleidsintensiteit(stand.regelingen),
    }


def _per_provincie(stand: Stand, peildatum: datetime.date) -> list[dict]:
    provincies = Partner.objects.filter(soort=PartnerSoort.PROVINCIE).order_by("code")
    gemeenten_per_provincie = defaultdict(list)
    for pk, code in Gemeente.objects.actief_op(peildatum).values_list("id", "provincie__code"):
        gemeenten_per_provincie[code].append(pk)
    regelingen_per_provincie = defaultdict(set)
    provincies_per_regeling = defaultdict(set)
    themas_per_gemeente = defaultdict(set)
    for d in stand.deelnames:
        if d["gemeente_id"]:
            code = d["gemeente__provincie__code"]
            regelingen_per_provincie[code].add(d["regeling_id"])
            provincies_per_regeling[d["regeling_id"]].add(code)
            themas_per_gemeente[d["gemeente_id"]] |= stand.hoofdthemas(d["regeling_id"])
    resultaat = []
    for provincie in provincies:
        regelingen = regelingen_per_provincie[provincie.code]
        gemeenten = gemeenten_per_provincie[provincie.code]
        resultaat.append(
            {
                "provincie": provincie.code,
                "provincie_naam": provincie.naam,
                "aantal_gemeenten": len(gemeenten),
                "gemiddeld_aantal_themas_per_gemeente": (
                    round(sum(len(themas_per_gemeente[g]) for g in gemeenten) / len(gemeenten), 2)
                    if gemeenten
                    else None
                ),
                "aantal_grensoverschrijdend": len(
                    [r for r in regelingen if len(provincies_per_regeling[r]) > 1]
                ),
                **stand.cijfers(regelingen),
            }
        )
    return resultaat


def art27_register(*, gemeente: Gemeente, peildatum: datetime.date) -> list[dict]:
    """The register of Wgr art. 27 for one gemeente on the peildatum: per regeling it takes part
    in, (a) the deelnemers, (b) the legal provisions, (c) the powers transferred, (d) address and
    place of establishment, (e) whether an openbaar lichaam, bedrijfsvoeringsorganisatie or
    gemeenschappelijk orgaan was set up. Three queries, whatever the size of the register."""
    deelnames = Deelname.objects.actief_op(peildatum)
    regelingen = (
        Regeling.objects.actief_op(peildatum)
        .op_peildatum(peildatum)
        .filter(pk__in=deelnames.filter(gemeente=gemeente).values("regeling"))
        .prefetch_related(
            Prefetch(
                "deelnames",
                queryset=deelnames.select_related("gemeente", "partner").order_by(
                    "gemeente__naam", "partner__naam", "pk"
                ),
                to_attr="deelnemers",
            )
        )
        .order_by("naam_op", "pk")
    )
    return [
        {
            "identificatie": r.slug,
            "naam": r.naam,
            "vorm": r.vorm or None,
            "vorm_naam": vorm_naam(r.vorm),
            "ingesteld_orgaan": r.ingesteld_orgaan,
            "deelnemers": [(d.gemeente or d.partner).naam for d in r.deelnemers],
            "deelnemers_volledig": r.deelnemers_volledig,
            "wettelijke_voorschriften": r.wettelijke_grondslagen,
            "overgedragen_bevoegdheden": r.bevoegdheden,
            "bevoegdheidsverkrijgingen": r.bevoegdheidsverkrijgingen,
            "vestigingsplaats": r.vestigingsplaats,
            "adres": r.adres,
            "begindatum": r.begindatum,
            "bron": r.bron,
            "bron_url": r.bron_url,
        }
        for r in regelingen
    ]


def provincie_overzicht(*, provincie: Partner, peildatum: datetime.date) -> dict:
    """A provincie on the peildatum: its gemeenten with the number of regelingen each takes
    part in, most first, and the NHL figures of the provincie."""
    aantallen = dict(
        Deelname.objects.actief_op(peildatum)
        .filter(gemeente__provincie=provincie)
        .values("gemeente_id")
        .annotate(aantal=Count("regeling", distinct=True))
        .values_list("gemeente_id", "aantal")
    )
    gemeenten = sorted(
        (
            {"code": g.code, "naam": g.naam, "aantal_regelingen": aantallen.get(g.pk, 0)}
            for g in Gemeente.objects.actief_op(peildatum).filter(provincie=provincie)
        ),
        key=lambda g: (-g["aantal_regelingen"], g["naam"]),
    )
    cijfers = next(
        r
        for r in statistieken_per_provincie(peildatum=peildatum)
        if r["provincie"] == provincie.code
    )
    return {"gemeenten": gemeenten, "cijfers": cijfers}


# --- Herindelingsscan ----------------------------------------------------------------------

GEMEENTEN_LIJST = rf"^{CBS_CODE_INVOER}(,{CBS_CODE_INVOER})*$"
GEMEENTEN_FOUT = "Geef CBS-codes (GM en vier cijfers), gescheiden door komma's."
OPVOLGER_FOUT = "Geef een CBS-code: GM en vier cijfers."
VERPLICHT = "Dit veld is vereist."


@dataclass(frozen=True)
class Parameterfout:
    """Why one parameter cannot be read: a code for the API, a Dutch message for people."""

    code: str
    bericht: str

    def __str__(self) -> str:
        return self.bericht


class OngeldigeScan(ValueError):
    """Parameters of the herindelingsscan that cannot be read, per parameter."""

    def __init__(self, fouten: dict[str, list[Parameterfout]]):
        super().__init__(" ".join(f"{naam}: {' '.join(map(str, f))}" for naam, f in fouten.items()))
        self.fouten = fouten


def scan_argumenten(parameters: Mapping[str, str]) -> dict:
    """The arguments of ``scan`` from the parameters as people and programs give them:
    ``gemeenten`` (CBS codes with commas, in capitals or not), ``datum`` (JJJJ-MM-DD) and an
    optional ``opvolger`` (a CBS code; empty is none). Raises OngeldigeScan naming every
    parameter that cannot be read, then Gemeente.DoesNotExist naming the codes that are not in
    the register: an unknown code is not a malformed request but a gemeente that is not there."""
    fouten = {}
    codes = parameters.get("gemeenten") or ""
    if not codes:
        fouten["gemeenten"] = [Parameterfout("required", VERPLICHT)]
    elif not re.fullmatch(GEMEENTEN_LIJST, codes):
        fouten["gemeenten"] = [Parameterfout("invalid", GEMEENTEN_FOUT)]
    try:
        datum = parse_datum(parameters.get("datum"))
        if datum is None:
            fouten["datum"] = [Parameterfout("required", VERPLICHT)]
    except OngeldigeParameter as fout:
        fouten["datum"] = [Parameterfout("invalid", fout.bericht)]
    opvolger = parameters.get("opvolger") or None
    if opvolger is not None and not re.fullmatch(CBS_CODE_INVOER, opvolger):
        fouten["opvolger"] = [Parameterfout("invalid", OPVOLGER_FOUT)]
    if fouten:
        raise OngeldigeScan(fouten)

    codes = set(cbs_code(codes).split(","))
    opvolger = cbs_code(opvolger) if opvolger else None
    gemeenten = {g.code: g for g in Gemeente.objects.filter(code__in=codes | {opvolger})}
    onbekend = sorted((codes | ({opvolger} if opvolger else set())) - set(gemeenten))
    if onbekend:
        raise Gemeente.DoesNotExist(f"Onbekende gemeente: {', '.join(onbekend)}.")
    return {
        "gemeenten": [gemeenten[c] for c in sorted(codes)],
        "datum": datum,
        "opvolger": gemeenten.get(opvolger),
    }


SCAN_KOLOMMEN = [
    "Regeling",
    "Vorm",
    "Thema's",
    "Gevolg",
    "Betrokken gemeenten",
    "Overige deelnemers",
    "Toelichting",
]


def scan_rijen(uitkomst: dict):
    """The rows of the export of a scan, one per regeling, in the order of SCAN_KOLOMMEN."""
    return (
        [
            r["naam"],
            r["vorm_naam"],
            r["themas"],
            r["gevolg_naam"],
            [g["naam"] for g in r["betrokken_gemeenten"]],
            r["aantal_overige_deelnemers"]
            if r["deelnemers_volledig"]
            else f"{r['aantal_overige_deelnemers']} bekend; niet alle deelnemers bekend",
            r["uitleg"],
        ]
        for r in uitkomst["regelingen"]
    )


def dag_ervoor(datum: datetime.date) -> datetime.date:
    """The last day before the herindeling (the calendar has no day before 1 January of year 1)."""
    return datum - datetime.timedelta(days=1) if datum > datetime.date.min else datum


def classificeer(
    betrokken: set[int], overige: int, opvolger_id: int | None, volledig: bool = True
) -> Gevolg:
    """The gevolg for one regeling: ``betrokken`` are the gemeenten of the herindeling that take
    part, ``overige`` the number of other deelnemers; without a complete list of deelnemers
    (``volledig``) no other deelnemer is no proof that there is none."""
    if not overige:
        return Gevolg.VERVALT if volledig else Gevolg.ONBEKEND
    if len(betrokken) > 1:
        return Gevolg.SAMENVOEGEN
    if betrokken == {opvolger_id}:
        return Gevolg.GEEN
    return Gevolg.GAAT_OVER


def betrokken_regelingen(gemeente_ids: set[int], datum: datetime.date):
    """The regelingen the gemeenten take part in on the day before ``datum``, each with its
    ``deelnemers``: the deelnames that run on that day or on ``datum`` itself."""
    vorige_dag = dag_ervoor(datum)
    return (
        Regeling.objects.op_peildatum(vorige_dag)
        .filter(
            pk__in=Deelname.objects.actief_op(vorige_dag)
            .filter(gemeente__in=gemeente_ids)
            .values("regeling")
        )
        .prefetch_related(
            "themas",
            Prefetch(
                "deelnames",
                queryset=Deelname.objects.actief_tussen(vorige_dag, datum)
                .select_related("gemeente")
                .order_by("gemeente__naam", "pk"),
                to_attr="deelnemers",
            ),
        )
        .order_by("naam_op", "pk")
    )


def indeling(regeling, ids: set[int], datum: datetime.date) -> tuple[list[Deelname], set]:
    """The deelnames of the herindeling's gemeenten on the day before, and the other
    deelnemers on the day itself (who joins with a concurrent herindeling counts too)."""
    vorige_dag = dag_ervoor(datum)
    betrokken = [
        d for d in regeling.deelnemers if d.gemeente_id in ids and d.is_actief_op(vorige_dag)
    ]
    overige = {
        (d.gemeente_id, d.partner_id)
        for d in regeling.deelnemers
        if d.gemeente_id not in ids and d.is_actief_op(datum)
    }
    return betrokken, overige


def scan(
    *, gemeenten: list[Gemeente], datum: datetime.date, opvolger: Gemeente | None = None
) -> dict:
    """Every regeling that ``gemeenten`` (and ``opvolger``) take part in on the day before
    ``datum``, classified; with counts per gevolg, thema and vorm. Without ``opvolger`` the
    gemeenten together form a new gemeente. Four queries."""
    ids = {g.pk for g in gemeenten} | ({opvolger.pk} if opvolger else set())
    opvolger_id = opvolger.pk if opvolger else None
    regels = []
    for regeling in betrokken_regelingen(ids, datum):
        deelnames, overige = indeling(regeling, ids, datum)
        betrokken = list({d.gemeente_id: d.gemeente for d in deelnames}.values())
        gevolg = classificeer(
            {g.pk for g in betrokken}, len(overige), opvolger_id, regeling.deelnemers_volledig
        )
        regels.append(
            {
                "identificatie": regeling.slug,
                "naam": regeling.naam,
                "vorm": regeling.vorm or None,
                "vorm_naam": vorm_naam(regeling.vorm),
                "themas": [t.naam for t in regeling.themas.all()],
                "gevolg": gevolg.value,
                "gevolg_naam": gevolg.label,
                "uitleg": GEVOLG_UITLEG[gevolg],
                "betrokken_gemeenten": [{"code": g.code, "naam": g.naam} for g in betrokken],
                "aantal_overige_deelnemers": len(overige),
                "deelnemers_volledig": regeling.deelnemers_volledig,
            }
        )
    return {
        "datum": datum,
        "gemeenten": [
            {"code": g.code, "naam": g.naam}
            for g in sorted({*gemeenten, *([opvolger] if opvolger else [])}, key=lambda g: g.naam)
        ],
        "opvolger": {"code": opvolger.code, "naam": opvolger.naam} if opvolger else None,
        "aantal_regelingen": len(regels),
        "per_gevolg": [
            {
                "gevolg": gevolg.value,
                "gevolg_naam": gevolg.label,
                "aantal": sum(r["gevolg"] == gevolg for r in regels),
            }
            for gevolg in Gevolg
        ],
        "per_thema": _tel(regels, lambda r: r["themas"] or ["Zonder thema"], "thema"),
        "per_vorm": _tel(regels, lambda r: [r["vorm_naam"]], "vorm"),
        "regelingen": regels,
    }


def _tel(regels: list[dict], groepen, sleutel: str) -> list[dict]:
    tellingen = defaultdict(Counter)
    for regel in regels:
        for groep in groepen(regel):
            tellingen[groep][regel["gevolg"]] += 1
    return [
        {
            sleutel: groep,
            "aantal": sum(telling.values()),
            **{gevolg.value: telling[gevolg] for gevolg in Gevolg},
        }
        for groep, telling in sorted(tellingen.items(), key=lambda i: (-sum(i[1].values()), i[0]))
    ]


# The fields of a regeling whose changes anyone may see on its page: what the page and the API
# show. Not there: ``roo_beheerd`` (how the register keeps it) and who made a change (a
# person's name, for the beheerders' audit export only).
OPENBARE_VELDEN = (
    "naam",
    "afkorting",
    "doel",
    "vorm",
    "attributie",
    "delegatie",
    "mandaat",
    "status",
    "deelnemers_volledig",
    "begindatum",
    "einddatum",
    "vestigingsplaats",
    "adres",
    "wettelijke_grondslagen",
    "bevoegdheden",
    "organisatiecode",
    "oin",
    "kvk_nummer",
    "bron",
    "bron_registratienummer",
    "bron_url",
)
HISTORIE_REGELS = 20


def wijzigingshistorie(regeling: Regeling, *, aantal: int = HISTORIE_REGELS) -> list[Regel]:
    """The newest ``aantal`` changes of the public fields of ``regeling`` and its thema's,
    newest first, each field with its label and old and new value as text (two queries)."""
    historisch = Regeling.history.model
    koppelingen = koppelingshistorie(Regeling, "themas")
    rijen = list(
        historisch.objects.filter(id=regeling.pk)
        .order_by("-history_date", "-history_id")
        .prefetch_related(
            Prefetch(
                "historicalregeling_themas_set",
                queryset=koppelingen.objects.select_related("thema"),
            )
        )[: aantal + 1]
    )
    oplopend = rijen[::-1]
    resultaat = []
    for i, rij in enumerate(oplopend):
        vorige = oplopend[i - 1] if i else None
        if vorige is None and rij.history_type != "+":
            continue  # the oldest row read: only there to compare the next one with
        regel = regels([r for r in (vorige, rij) if r is not None], OPENBARE_VELDEN)[0]
        wijzigingen = [
            Veldwijziging(
                w.veld,
                w.label,
                weergave(Regeling, w.veld, w.oud),
                weergave(Regeling, w.veld, w.nieuw),
            )
            for w in regel.wijzigingen
        ]
        oud, nieuw = (_themas_van(vorige) if vorige else []), _themas_van(rij)
        if oud != nieuw:
            wijzigingen.append(
                Veldwijziging(
                    "themas", "thema's", ", ".join(oud) or "geen", ", ".join(nieuw) or "geen"
                )
            )
        if wijzigingen or regel.soort != "gewijzigd":
            resultaat.append(dataclasses.replace(regel, wijzigingen=wijzigingen))
    return resultaat[::-1]


def _themas_van(rij) -> list[str]:
    return sorted(k.thema.naam for k in rij.historicalregeling_themas_set.all() if k.thema)


# What the change feeds show of a deelname (its regeling and deelnemer are in its title).
DEELNAME_OPENBARE_VELDEN = ("rol", "begindatum", "einddatum", "verdeelsleutel", "toelichting")
SOORT_TITELS = {"+": "toegevoegd", "~": "gewijzigd", "-": "verwijderd"}


@dataclass(frozen=True)
class Wijziging:
    """A public change of a regeling or deelname, as a feed reader shows it."""

    sleutel: str  # stable: the model and the id of its history row
    titel: str
    adres: str
    datum: datetime.datetime
    kanaal: str
    organisaties: str
    wijzigingen: list[Veldwijziging]


def _voorgangers(historisch, rijen: list) -> dict:
    """For each history row, the row of the same object just before it (one query)."""
    per_object = defaultdict(list)
    for rij in historisch.objects.filter(id__in={r.id for r in rijen}).order_by(
        "history_date", "history_id"
    ):
        per_object[rij.id].append(rij)
    voor = {}
    for reeks in per_object.values():
        for vorige, rij in itertools.pairwise(reeks):
            voor[rij.history_id] = vorige
    return voor


def recente_wijzigingen(
    *, gemeente: Gemeente | None = None, regeling: Regeling | None = None, aantal: int = 50
) -> list[Wijziging]:
    """The newest ``aantal`` changes of public fields of regelingen and deelnames, newest first:
    of the whole register, of the deelnames of ``gemeente`` and the regelingen it ever took part
    in, or of ``regeling`` and its deelnames. A fixed number of queries."""
    regelingen = Regeling.history.model.objects.all()
    deelnames = Deelname.history.model.objects.all()
    if regeling is not None:
        regelingen = regelingen.filter(id=regeling.pk)
        deelnames = deelnames.filter(regeling_id=regeling.pk)
    if gemeente is not None:
        deelnames = deelnames.filter(gemeente_id=gemeente.pk)
        regelingen = regelingen.filter(id__in=deelnames.values("regeling_id"))
    volgorde = ("-history_date", "-history_id")
    gekozen = sorted(
        [
            *((Regeling, r) for r in regelingen.order_by(*volgorde)[:aantal]),
            *((Deelname, r) for r in deelnames.order_by(*volgorde)[:aantal]),
        ],
        key=lambda paar: (paar[1].history_date, paar[1].history_id),
        reverse=True,
    )[:aantal]
    voor = {
        model: _voorgangers(model.history.model, [r for m, r in gekozen if m is model])
        for model in (Regeling, Deelname)
    }
    regeling_ids = {r.id if m is Regeling else r.regeling_id for m, r in gekozen}
    slugs = dict(Regeling.objects.filter(pk__in=regeling_ids).values_list("pk", "slug"))
    namen = dict(Regeling.objects.filter(pk__in=regeling_ids).values_list("pk", "naam"))
    deelnemers = {
        ("gemeente", pk): naam
        for pk, naam in Gemeente.objects.filter(
            pk__in={r.gemeente_id for m, r in gekozen if m is Deelname}
        ).values_list("pk", "naam")
    } | {
        ("partner", pk): naam
        for pk, naam in Partner.objects.filter(
            pk__in={r.partner_id for m, r in gekozen if m is Deelname}
        ).values_list("pk", "naam")
    }
    resultaat = []
    for model, rij in gekozen:
        vorige = voor[model].get(rij.history_id)
        if model is Regeling:
            velden, naam = OPENBARE_VELDEN, rij.naam
            regeling_id = rij.id
        else:
            velden, regeling_id = DEELNAME_OPENBARE_VELDEN, rij.regeling_id
            naam = namen.get(regeling_id, "een opgeheven regeling")
        if rij.history_type == "~" and vorige is None:
            continue  # nothing to compare with
        veranderd = [] if rij.history_type == "-" else veldwijzigingen(rij, vorige, velden)
        if rij.history_type == "~" and not veranderd:
            continue  # only fields that are not public changed
        if model is Deelname:
            deelnemer = deelnemers.get(("gemeente", rij.gemeente_id)) or deelnemers.get(
                ("partner", rij.partner_id), "een deelnemer"
            )
            titel = f"Deelname van {deelnemer} aan {naam} {SOORT_TITELS[rij.history_type]}"
        else:
            titel = f"{naam} {SOORT_TITELS[rij.history_type]}"
        slug = slugs.get(regeling_id)
        resultaat.append(
            Wijziging(
                sleutel=f"{model._meta.model_name}/{rij.history_id}",
                titel=titel,
                adres=reverse("regeling-pagina", args=[slug]) if slug else reverse("home"),
                datum=rij.history_date,
                kanaal=KANALEN.get(rij.kanaal, rij.kanaal),
                organisaties=rij.organisaties.replace(",", ", "),
                wijzigingen=[
                    Veldwijziging(
                        w.veld,
                        w.label,
                        weergave(model, w.veld, w.oud),
                        weergave(model, w.veld, w.nieuw),
                    )
                    for w in veranderd
                ],
            )
        )
    return resultaat

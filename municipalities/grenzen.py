"""The boundaries of every gemeente on every date since 1 January 2015, derived once from the
CBS maps shipped in ``municipalities/geo`` and the register's own gemeenten and herindelingen,
and stored as ``Grens`` rows (``manage.py grenzen``; ``voorbeelddata`` runs it).

A gemeente's territory changes only when it receives territory at a herindeling (as opvolger,
or through an overgang of a split). Between two such dates its shape is that of a CBS map of a
date in the period (the latest such map). A period without a map is composed: the gemeente's
own shape of the day before (if it existed) with the shapes of the gemeenten that went into it;
of a gemeente that was divided, only the part that lies within the receiving gemeente's shape
on a later map (after a split, the later map decides).

shapely does the geometry (union, intersection, simplification, neighbours), pyproj the
transformation from the Dutch grid (RD New, EPSG:28992) to WGS84 for GeoJSON.
"""

import datetime
import functools
import gzip
import json
import pathlib
from collections import defaultdict
from dataclasses import dataclass

import numpy
import pyproj
import shapely
from django.db import transaction
from shapely.geometry import mapping, shape

from .models import Gemeente, Grens, Herindeling, Overgang

GEO = pathlib.Path(__file__).resolve().parent / "geo"
GRENZEN_VANAF = datetime.date(2015, 1, 1)
BRON = "CBS, Kadaster (CBS Gebiedsindelingen), CC BY 4.0, vereenvoudigd"
# The CBS maps: the first day they show, and their file.
KAARTEN = [
    (datetime.date(2015, 1, 1), "gemeenten-2015"),
    (datetime.date(2022, 1, 1), "gemeenten-2022"),
    (datetime.date(2023, 1, 1), "gemeenten-2025"),
]
PROVINCIES = "provincies-2022"
# SVG coordinates: hectometres of RD, y flipped so that the north is up.
EENHEID = 100
Y_BOVEN = 620_000
VEREENVOUDIGING = 120  # metres, for the path of a national map
WGS84_DECIMALEN = 5  # about a metre


def lees_kaart(naam: str) -> list[dict]:
    with gzip.open(GEO / f"{naam}.geojson.gz", "rt", encoding="utf-8") as bestand:
        return json.load(bestand)["features"]


@functools.cache
def kaart(naam: str) -> dict:
    """The shapes of one CBS map by CBS code."""
    return {f["properties"]["code"]: shape(f["geometry"]) for f in lees_kaart(naam)}


def svg_pad(geometrie, tolerantie: float = VEREENVOUDIGING) -> str:
    """A (multi)polygon as a compact SVG path: simplified, in whole hectometres, y down, with
    relative line commands; rings that shrink to fewer than three points are left out."""
    delen = []
    vereenvoudigd = geometrie.simplify(tolerantie)
    for polygoon in getattr(vereenvoudigd, "geoms", [vereenvoudigd]):
        for ring in [polygoon.exterior, *polygoon.interiors]:
            punten = []
            for x, y in ring.coords[:-1]:
                punt = (round(x / EENHEID), round((Y_BOVEN - y) / EENHEID))
                if not punten or punt != punten[-1]:
                    punten.append(punt)
            if len(punten) < 3:
                continue
            (x0, y0), stappen = punten[0], []
            vorige = punten[0]
            for x, y in punten[1:]:
                stappen.append(f"{x - vorige[0]} {y - vorige[1]}")
                vorige = (x, y)
            delen.append(f"M{x0} {y0}l" + " ".join(stappen) + "z")
    return "".join(delen).replace(" -", "-")


@functools.cache
def naar_wgs84() -> pyproj.Transformer:
    return pyproj.Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)


def wgs84(geometrie) -> dict:
    """RFC 7946 geometry: longitude/latitude, exterior rings counterclockwise."""
    transformer = naar_wgs84()

    def transformeer(coordinaten):
        lengte, breedte = transformer.transform(coordinaten[:, 0], coordinaten[:, 1])
        return numpy.round(numpy.column_stack([lengte, breedte]), WGS84_DECIMALEN)

    gericht = shapely.orient_polygons(geometrie, exterior_cw=False)
    return mapping(shapely.transform(gericht, transformeer))


@functools.cache
def provinciepaden() -> tuple[str, ...]:
    """The provincie borders as SVG paths (the provincies did not change since 2015)."""
    return tuple(svg_pad(shape(f["geometry"])) for f in lees_kaart(PROVINCIES))


@dataclass
class Periode:
    gemeente: Gemeente
    begindatum: datetime.date
    einddatum: datetime.date | None
    bron: str = ""
    vorm: object = None

    def bevat(self, datum: datetime.date) -> bool:
        return self.begindatum <= datum and (self.einddatum is None or datum <= self.einddatum)


class Afleiding:
    """The periods of unchanged territory of every gemeente and their shapes."""

    def __init__(self):
        self.herindelingen = list(
            Herindeling.objects.prefetch_related("opgeheven", "overgangen").order_by("datum")
        )
        self.ontvangt = defaultdict(list)  # gemeente id → herindelingen it receives territory at
        for herindeling in self.herindelingen:
            ontvangers = {herindeling.opvolger_id} | {
                o.opvolger_id for o in herindeling.overgangen.all()
            }
            for pk in ontvangers - {None}:
                self.ontvangt[pk].append(herindeling)
        self.perioden = defaultdict(list)
        for gemeente in Gemeente.objects.order_by("code"):
            begin = max(gemeente.begindatum or GRENZEN_VANAF, GRENZEN_VANAF)
            if gemeente.einddatum and gemeente.einddatum < begin:
                continue
            wissels = sorted(
                {
                    h.datum
                    for h in self.ontvangt[gemeente.pk]
                    if h.datum > begin and (not gemeente.einddatum or h.datum <= gemeente.einddatum)
                }
            )
            beginnen = [begin, *wissels]
            eindes = [d - datetime.timedelta(days=1) for d in wissels] + [gemeente.einddatum]
            self.perioden[gemeente.pk] = [
                Periode(gemeente, b, e) for b, e in zip(beginnen, eindes, strict=True)
            ]

    def periode(self, gemeente_id: int, datum: datetime.date) -> Periode | None:
        return next((p for p in self.perioden[gemeente_id] if p.bevat(datum)), None)

    def vorm(self, periode: Periode):
        if periode.vorm is None:
            periode.vorm, periode.bron = self.leid_af(periode)
        return periode.vorm

    def leid_af(self, periode: Periode):
        code = periode.gemeente.code
        op_kaart = [
            (datum, naam) for datum, naam in KAARTEN if periode.bevat(datum) and code in kaart(naam)
        ]
        if op_kaart:
            datum, naam = op_kaart[-1]
            return kaart(naam)[code], f"{BRON}: kaart van {datum:%-d-%-m-%Y}"
        dag_ervoor = periode.begindatum - datetime.timedelta(days=1)
        delen, namen, ontbreekt = [], [], []
        eerder = self.periode(periode.gemeente.pk, dag_ervoor)
        if eerder and self.vorm(eerder) is not None:
            delen.append(self.vorm(eerder))
            namen.append(periode.gemeente.naam)
        for herindeling in self.ontvangt[periode.gemeente.pk]:
            if herindeling.datum != periode.begindatum:
                continue
            for opgeheven in herindeling.opgeheven.all():
                overgangen = herindeling.opvolgers_van(opgeheven)
                if periode.gemeente.pk not in {o.opvolger_id for o in overgangen}:
                    continue
                voorganger = self.periode(opgeheven.pk, dag_ervoor)
                if voorganger is None or self.vorm(voorganger) is None:
                    continue
                deel = self.vorm(voorganger)
                if len(overgangen) > 1:  # divided: the part within a later map's shape
                    later = self.later_op_kaart(code, periode.begindatum)
                    if later is None:  # no map shows the division yet: left out, and said so
                        ontbreekt.append(opgeheven.naam)
                        continue
                    deel = deel.intersection(later.buffer(VEREENVOUDIGING))
                delen.append(deel)
                namen.append(opgeheven.naam)
        if not delen:
            return None, ""
        vorm = shapely.union_all(delen).buffer(0)
        bron = f"{BRON}: samengesteld uit {', '.join(namen)}"
        if ontbreekt:
            bron += f"; zonder het deel van {', '.join(ontbreekt)} (nog op geen kaart verdeeld)"
        return vorm, bron

    @staticmethod
    def later_op_kaart(code: str, datum: datetime.date):
        for kaartdatum, naam in KAARTEN:
            if kaartdatum >= datum and code in kaart(naam):
                return kaart(naam)[code]
        return None


def buren_per_periode(perioden: list[Periode]) -> dict[int, list[str]]:
    """For each period (by index), the CBS codes of the gemeenten that touch it in a period
    that overlaps it."""
    vormen = [p.vorm for p in perioden]
    boom = shapely.STRtree(vormen)
    buren = defaultdict(set)
    links, rechts = boom.query(vormen, predicate="dwithin", distance=VEREENVOUDIGING)
    for a, b in zip(links, rechts, strict=True):
        pa, pb = perioden[a], perioden[b]
        if a == b or pa.gemeente.pk == pb.gemeente.pk:
            continue
        if pa.begindatum <= (pb.einddatum or datetime.date.max) and pb.begindatum <= (
            pa.einddatum or datetime.date.max
        ):
            buren[a].add(pb.gemeente.code)
    return {i: sorted(codes) for i, codes in buren.items()}


def grondslag() -> tuple:
    """What the boundaries are derived from besides the maps: the gemeenten and herindelingen."""
    return (
        tuple(Gemeente.objects.order_by("pk").values_list("pk", "code", "begindatum", "einddatum")),
        tuple(
            Herindeling.objects.order_by("pk").values_list("pk", "datum", "opvolger", "opgeheven")
        ),
        tuple(
            Overgang.objects.order_by("pk").values_list(
                "herindeling", "gemeente", "opvolger", "aandeel"
            )
        ),
    )


# The last derivation in this process, by its grondslag: loading the seed data again (as every
# test does) stores the same boundaries without deriving them again.
_afgeleid: dict[tuple, list[dict]] = {}


def leid_grenzen_af() -> tuple[list[dict], list]:
    afleiding = Afleiding()
    perioden, zonder = [], []
    for lijst in afleiding.perioden.values():
        for periode in lijst:
            if afleiding.vorm(periode) is None:
                zonder.append((periode.gemeente.code, periode.begindatum))
            else:
                perioden.append(periode)
    buren = buren_per_periode(perioden)
    grenzen = []
    for i, periode in enumerate(perioden):
        x_min, y_min, x_max, y_max = periode.vorm.bounds
        punt = periode.vorm.representative_point()
        grenzen.append(
            {
                "gemeente_id": periode.gemeente.pk,
                "begindatum": periode.begindatum,
                "einddatum": periode.einddatum,
                "bron": periode.bron,
                "pad": svg_pad(periode.vorm),
                "geometrie": wgs84(periode.vorm),
                "oppervlakte": round(periode.vorm.area / 10_000),
                "x_min": round(x_min / EENHEID),
                "x_max": round(x_max / EENHEID),
                "y_min": round((Y_BOVEN - y_max) / EENHEID),
                "y_max": round((Y_BOVEN - y_min) / EENHEID),
                "label_x": round(punt.x / EENHEID),
                "label_y": round((Y_BOVEN - punt.y) / EENHEID),
                "buren": buren.get(i, []),
            }
        )
    return grenzen, zonder


@transaction.atomic
def bereken_grenzen() -> dict:
    """Replace every ``Grens`` by those derived from the maps and the herindelingen. Returns the
    number of boundaries stored and the gemeenten (code, begindatum) left without a shape."""
    sleutel = grondslag()
    if sleutel not in _afgeleid:
        _afgeleid.clear()
        _afgeleid[sleutel] = leid_grenzen_af()
    grenzen, zonder = _afgeleid[sleutel]
    Grens.objects.all().delete()
    nieuw = [Grens(**velden) for velden in grenzen]
    Grens.objects.bulk_create(nieuw, batch_size=200)  # historie: derived, no register data
    return {"grenzen": len(grenzen), "zonder": zonder}

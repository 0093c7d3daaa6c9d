"""Maps of gemeenten drawn on the server as SVG, and the same as GeoJSON.

Coordinates are the Dutch grid (RD, a flat projection) in hectometres with y down, as
``manage.py grenzen`` stored them, so drawing needs no map library: each gemeente is an ``<a>``
around a ``<path>``, linked to its page on the same peildatum, with ``data-gemeente`` (CBS code)
and, when the map colours it, ``data-waarde``. The boundaries of a date are read once and kept
in the cache; a drawn map is kept under the hash of what it shows (``kaart_cache_sleutel``).
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Max
from django.urls import reverse
from django.utils.html import escape

from .grenzen import BRON, GRENZEN_VANAF, provinciepaden
from .models import Grens

# ColorBrewer (Cynthia Brewer, colorbrewer2.org): a sequential scheme that colour-blind readers
# and greyscale print keep apart (YlGnBu), and a qualitative one for categories (Paired), whose
# colours are told apart by the letters on the map and in the legend, not by colour alone.
OPLOPEND = ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"]
CATEGORIEEN = [
    "#a6cee3",
    "#1f78b4",
    "#b2df8a",
    "#33a02c",
    "#fb9a99",
    "#e31a1c",
    "#fdbf6f",
    "#ff7f00",
    "#cab2d6",
    "#6a3d9a",
    "#ffff99",
    "#b15928",
]
LEEG = "#ffffff"
RAND = "#8c8c8c"
MEERDERE = "meerdere"  # the id of the hatch pattern of "takes part in several"
ZELF = "zelf"  # the id of the pattern of the gemeente a map is about
ATTRIBUTIE = f"Bron grenzen: {BRON}."
MARGE = 60  # hectometres around a detail map


@dataclass(frozen=True)
class Vlak:
    """One gemeente on the map of a date."""

    code: str
    naam: str
    pad: str
    vak: tuple[int, int, int, int]
    punt: tuple[int, int]
    oppervlakte: int
    buren: tuple[str, ...]
    provincie: str | None
    provincie_naam: str | None


@dataclass
class Klasse:
    """An entry of the legend: what a colour (and a letter or pattern) means."""

    sleutel: str
    label: str
    kleur: str
    teken: str = ""  # a letter on the map, where colour alone would carry the meaning
    patroon: str = ""  # the id of a pattern instead of the colour
    aantal: int = 0


class Vlakken(list):
    """The gemeenten of a date on the map, and the version of the boundaries they come from."""

    def __init__(self, vlakken=(), versie: str = ""):
        super().__init__(vlakken)
        self.versie = versie


@dataclass
class Kaart:
    """What a map shows: for each coloured gemeente the key of its Klasse and its value."""

    titel: str
    beschrijving: str
    peildatum: datetime.date
    klassen: list[Klasse]
    waarden: dict[str, tuple[str, str]]  # code → (klasse sleutel, data-waarde)
    toelichting: dict[str, str] = field(default_factory=dict)  # code → text for <title>
    omlijnd: set[str] = field(default_factory=set)
    uitsnede: set[str] | None = None  # zoom to these gemeenten; None: the whole country
    vlakken: Vlakken = field(default_factory=Vlakken)  # vlakken_op(peildatum)


def heeft_grenzen(datum: datetime.date) -> bool:
    return datum >= GRENZEN_VANAF


def grenzen_versie() -> str:
    """Changes whenever ``manage.py grenzen`` replaces the boundaries (new rows, new ids)."""
    stand = Grens.objects.aggregate(aantal=Count("pk"), hoogste=Max("pk"))
    return f"{stand['aantal']}-{stand['hoogste']}"


def kaart_cache_sleutel(versie: str, *delen) -> str:
    """The cache key of what is drawn: the boundaries' version and whatever the map shows.
    (With a register version that advances on every write, it can take that instead of the
    hash of the figures and so skip computing them.)"""
    inhoud = json.dumps([versie, *delen], sort_keys=True, default=str)
    return "kaart:" + hashlib.sha256(inhoud.encode()).hexdigest()


def vlakken_op(datum: datetime.date) -> Vlakken:
    """The gemeenten of ``datum`` with their boundaries; none before ``GRENZEN_VANAF``. One
    query for the version of the boundaries, and one the first time for a date."""
    if not heeft_grenzen(datum):
        return Vlakken()
    versie = grenzen_versie()
    if versie.startswith("0-"):  # no boundaries derived (yet)
        return Vlakken()
    sleutel = f"kaart:vlakken:{versie}:{datum.isoformat()}"
    vlakken = cache.get(sleutel)
    if vlakken is None:
        vlakken = [
            Vlak(
                code=g.gemeente.code,
                naam=g.gemeente.naam,
                pad=g.pad,
                vak=(g.x_min, g.y_min, g.x_max, g.y_max),
                punt=(g.label_x, g.label_y),
                oppervlakte=g.oppervlakte,
                buren=tuple(g.buren),
                provincie=g.gemeente.provincie.code if g.gemeente.provincie else None,
                provincie_naam=g.gemeente.provincie.naam if g.gemeente.provincie else None,
            )
            for g in Grens.objects.actief_op(datum)
            .select_related("gemeente__provincie")
            .defer("geometrie")
            .order_by("gemeente__code")
        ]
        cache.set(sleutel, vlakken, timeout=None)
    return Vlakken(vlakken, versie)


def geometrieen_op(vlakken: Vlakken, datum: datetime.date) -> dict[str, dict]:
    """The GeoJSON geometry (WGS84) of every gemeente of ``datum``, by CBS code."""
    if not heeft_grenzen(datum):
        return {}
    sleutel = f"kaart:geometrie:{vlakken.versie}:{datum.isoformat()}"
    geometrieen = cache.get(sleutel)
    if geometrieen is None:
        geometrieen = dict(
            Grens.objects.actief_op(datum).values_list("gemeente__code", "geometrie")
        )
        cache.set(sleutel, geometrieen, timeout=None)
    return geometrieen


def kleur_naar_aantal(aantallen: dict[str, int], enkelvoud: str, meervoud: str) -> tuple:
    """Classes of a count (ColorBrewer YlGnBu): 0 blank, then up to five ranges of about equal
    numbers of gemeenten. Returns the Klassen and the waarden of a Kaart."""
    positief = sorted(a for a in aantallen.values() if a > 0)
    grenzen = []
    for i in range(1, 6):
        if positief:
            grens = positief[min(len(positief) - 1, round(i * len(positief) / 5) - 1)]
            if not grenzen or grens > grenzen[-1]:
                grenzen.append(grens)
    klassen = [Klasse("0", f"0 {meervoud}", LEEG)]
    onder = 1
    kleuren = OPLOPEND[-len(grenzen) :] if grenzen else []
    for grens, kleur in zip(grenzen, kleuren, strict=True):
        naam = enkelvoud if grens == 1 else meervoud
        label = f"{onder} {naam}" if grens == onder else f"{onder} tot en met {grens} {meervoud}"
        klassen.append(Klasse(f"{onder}-{grens}", label, kleur))
        onder = grens + 1
    waarden = {}
    for code, aantal in aantallen.items():
        klasse = next(
            (k for k in klassen[1:] if aantal <= int(k.sleutel.split("-")[1])), klassen[0]
        )
        if aantal == 0:
            klasse = klassen[0]
        klasse.aantal += 1
        waarden[code] = (klasse.sleutel, str(aantal))
    return klassen, waarden


def _vak(vlakken: list[Vlak], codes: set[str] | None) -> tuple[int, int, int, int]:
    gekozen = [v for v in vlakken if codes is None or v.code in codes] or vlakken
    x0 = min(v.vak[0] for v in gekozen)
    y0 = min(v.vak[1] for v in gekozen)
    x1 = max(v.vak[2] for v in gekozen)
    y1 = max(v.vak[3] for v in gekozen)
    if codes is not None:
        marge = max(MARGE, (x1 - x0) // 8, (y1 - y0) // 8)
        x0, y0, x1, y1 = x0 - marge, y0 - marge, x1 + marge, y1 + marge
    return x0, y0, x1, y1


def _legenda_svg(klassen: list[Klasse], x: int, y: int, breedte: int, schaal: float) -> tuple:
    """The legend below the map (for the downloaded SVG): rows of swatch and label."""
    regel = round(70 * schaal)
    letter = round(45 * schaal)
    kolommen = 2 if len(klassen) > 6 else 1
    per_kolom = -(-len(klassen) // kolommen)
    delen = [f'<g class="legenda" font-size="{letter}" font-family="sans-serif">']
    for i, klasse in enumerate(klassen):
        kx = x + (i // per_kolom) * (breedte // kolommen)
        ky = y + (i % per_kolom) * regel
        vul = f"url(#{klasse.patroon})" if klasse.patroon else klasse.kleur
        delen.append(
            f'<rect x="{kx}" y="{ky}" width="{letter}" height="{letter}" fill="{vul}" '
            f'stroke="#000"/><text x="{kx + round(letter * 1.4)}" y="{ky + letter - 4}">'
            f"{escape(f'{klasse.teken} ' if klasse.teken else '')}{escape(klasse.label)}</text>"
        )
    delen.append("</g>")
    return "".join(delen), per_kolom * regel


def teken(kaart: Kaart, *, met_legenda: bool = False, id_voorvoegsel: str = "kaart") -> str:
    """The map as SVG markup (a string to put in a page as it is, or to download)."""
    vlakken = kaart.vlakken
    sleutel = kaart_cache_sleutel(
        vlakken.versie,
        "svg",
        met_legenda,
        id_voorvoegsel,
        kaart.titel,
        kaart.beschrijving,
        kaart.peildatum,
        [vars(k) for k in kaart.klassen],
        kaart.waarden,
        kaart.toelichting,
        sorted(kaart.omlijnd),
        sorted(kaart.uitsnede) if kaart.uitsnede is not None else None,
    )
    svg = cache.get(sleutel)
    if svg is None:
        svg = _teken(kaart, vlakken, met_legenda, id_voorvoegsel)
        cache.set(sleutel, svg, timeout=60 * 60 * 24)
    return svg


def _teken(kaart: Kaart, vlakken: list[Vlak], met_legenda: bool, voorvoegsel: str) -> str:
    x0, y0, x1, y1 = _vak(vlakken, kaart.uitsnede)
    breedte, hoogte = x1 - x0, y1 - y0
    schaal = max(breedte, hoogte) / 3000  # text and lines keep their size when zoomed in
    lijn = round(max(1.0, 3 * schaal), 1)
    legenda, legenda_hoogte = "", 0
    if met_legenda:
        legenda, legenda_hoogte = _legenda_svg(
            kaart.klassen, x0, y1 + round(40 * schaal), breedte, schaal
        )
        legenda_hoogte += round(140 * schaal)
    per_sleutel = {k.sleutel: k for k in kaart.klassen}
    titel_id, desc_id = f"{voorvoegsel}-titel", f"{voorvoegsel}-beschrijving"
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kaart" '
        f'viewBox="{x0} {y0} {breedte} {hoogte + legenda_hoogte}" '
        f'aria-labelledby="{titel_id} {desc_id}">',
        f'<title id="{titel_id}">{escape(kaart.titel)}</title>',
        f'<desc id="{desc_id}">{escape(kaart.beschrijving)} {escape(ATTRIBUTIE)}</desc>',
        "<defs>"
        f'<pattern id="{MEERDERE}" patternUnits="userSpaceOnUse" width="{round(24 * schaal) or 1}"'
        f' height="{round(24 * schaal) or 1}" patternTransform="rotate(45)">'
        f'<rect width="100%" height="100%" fill="#d9d9d9"/>'
        f'<rect width="{round(10 * schaal) or 1}" height="100%" fill="#525252"/></pattern>'
        f'<pattern id="{ZELF}" patternUnits="userSpaceOnUse" width="{round(20 * schaal) or 1}"'
        f' height="{round(20 * schaal) or 1}">'
        f'<rect width="100%" height="100%" fill="#fff"/>'
        f'<circle cx="{round(10 * schaal) or 1}" cy="{round(10 * schaal) or 1}" '
        f'r="{round(5 * schaal) or 1}" fill="#000"/></pattern>'
        "</defs>",
        f'<g class="gemeenten" stroke="{RAND}" stroke-width="{lijn}" stroke-linejoin="round">',
    ]
    peildatum = kaart.peildatum.isoformat()
    for vlak in vlakken:
        if vlak.vak[2] < x0 or vlak.vak[0] > x1 or vlak.vak[3] < y0 or vlak.vak[1] > y1:
            continue
        klasse_sleutel, waarde = kaart.waarden.get(vlak.code, (None, None))
        klasse = per_sleutel.get(klasse_sleutel)
        if vlak.code in kaart.omlijnd:
            vul = f"url(#{ZELF})"
        elif klasse is None:
            vul = LEEG
        else:
            vul = f"url(#{klasse.patroon})" if klasse.patroon else klasse.kleur
        naam = vlak.naam
        if vlak.code in kaart.toelichting:
            naam = f"{vlak.naam}: {kaart.toelichting[vlak.code]}"
        adres = reverse("gemeente-pagina", args=[vlak.code]) + f"?peildatum={peildatum}"
        data_waarde = f' data-waarde="{escape(waarde)}"' if waarde is not None else ""
        delen.append(
            f'<a href="{adres}" data-gemeente="{vlak.code}"{data_waarde}>'
            f"<title>{escape(naam)}</title>"
            f'<path d="{vlak.pad}" fill="{vul}"/></a>'
        )
    delen.append("</g>")
    delen.append(
        f'<g class="provincies" fill="none" stroke="#000" stroke-width="{round(lijn * 2, 1)}" '
        f'pointer-events="none" aria-hidden="true">'
        + "".join(f'<path d="{pad}"/>' for pad in provinciepaden())
        + "</g>"
    )
    letters = _letters(kaart, vlakken, per_sleutel)
    if letters:
        grootte = round(48 * schaal)
        delen.append(
            f'<g class="labels" font-size="{grootte}" font-family="sans-serif" '
            f'font-weight="bold" text-anchor="middle" pointer-events="none" aria-hidden="true" '
            f'paint-order="stroke" stroke="#fff" stroke-width="{round(grootte / 5)}">'
            + "".join(f'<text x="{x}" y="{y}">{escape(t)}</text>' for t, x, y in letters)
            + "</g>"
        )
    omlijnd = [v for v in vlakken if v.code in kaart.omlijnd]
    if omlijnd:
        delen.append(
            f'<g class="omlijnd" fill="none" stroke="#000" stroke-width="{round(lijn * 3, 1)}" '
            'pointer-events="none" aria-hidden="true">'
            + "".join(f'<path d="{v.pad}"/>' for v in omlijnd)
            + "</g>"
        )
    delen.append(legenda)
    if met_legenda:
        delen.append(
            f'<text x="{x0}" y="{y1 + legenda_hoogte - round(30 * schaal)}" '
            f'font-size="{round(36 * schaal)}" font-family="sans-serif">'
            f"{escape(kaart.titel)}. {escape(ATTRIBUTIE)}</text>"
        )
    delen.append("</svg>")
    return "".join(delen)


def _letters(kaart: Kaart, vlakken: list[Vlak], per_sleutel: dict) -> list[tuple]:
    """One letter per category with a letter, at the gemeente of the category nearest to the
    middle of its gemeenten."""
    per_klasse = {}
    for vlak in vlakken:
        klasse = per_sleutel.get(kaart.waarden.get(vlak.code, (None,))[0])
        if klasse and klasse.teken:
            per_klasse.setdefault(klasse.sleutel, []).append(vlak)
    letters = []
    for sleutel, leden in per_klasse.items():
        mx = sum(v.punt[0] for v in leden) / len(leden)
        my = sum(v.punt[1] for v in leden) / len(leden)
        midden = min(leden, key=lambda v: (v.punt[0] - mx) ** 2 + (v.punt[1] - my) ** 2)
        letters.append((per_sleutel[sleutel].teken, *midden.punt))
    return letters


def kleur_categorieen(leden: dict[str, set[str]], vlakken: list[Vlak]) -> dict[str, str]:
    """A colour of the qualitative palette for each category (by its member gemeenten), so that
    categories whose gemeenten border each other get different colours where the palette allows."""
    buren = {v.code: set(v.buren) for v in vlakken}
    kleuren, gebruik = {}, dict.fromkeys(CATEGORIEEN, 0)
    for categorie in sorted(leden, key=lambda c: (-len(leden[c]), c)):
        rondom = set().union(*(buren.get(code, set()) | {code} for code in leden[categorie]))
        bezet = {kleuren[andere] for andere in kleuren if rondom & leden[andere]}
        vrij = [k for k in CATEGORIEEN if k not in bezet] or CATEGORIEEN
        kleuren[categorie] = min(vrij, key=lambda k: gebruik[k])
        gebruik[kleuren[categorie]] += 1
    return kleuren


def letter(index: int) -> str:
    """A, B, …, Z, AA, AB, …: the label of the index-th category."""
    tekst = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        tekst = chr(65 + rest) + tekst
    return tekst


def geojson(kaart: Kaart | None, datum: datetime.date) -> dict:
    """The gemeenten of ``datum`` as a GeoJSON FeatureCollection (RFC 7946), with what the map
    shows of each (its class and value) when ``kaart`` is given."""
    vlakken = kaart.vlakken if kaart else vlakken_op(datum)
    geometrieen = geometrieen_op(vlakken, datum)
    per_sleutel = {k.sleutel: k for k in kaart.klassen} if kaart else {}
    features = []
    for vlak in vlakken:
        eigenschappen = {
            "code": vlak.code,
            "naam": vlak.naam,
            "provincie": vlak.provincie,
            "provincieNaam": vlak.provincie_naam,
        }
        if kaart is not None:
            klasse_sleutel, waarde = kaart.waarden.get(vlak.code, (None, None))
            klasse = per_sleutel.get(klasse_sleutel)
            eigenschappen["waarde"] = waarde
            eigenschappen["klasse"] = klasse.label if klasse else None
            eigenschappen["kleur"] = klasse.kleur if klasse else None
            if vlak.code in kaart.omlijnd:
                eigenschappen["omlijnd"] = True
        features.append(
            {
                "type": "Feature",
                "id": vlak.code,
                "geometry": geometrieen[vlak.code],
                "properties": eigenschappen,
            }
        )
    return {"type": "FeatureCollection", "features": features}

"""The maps of regelingen: who takes part in a regeling, with whom a gemeente works, the
lappendeken per thema, and the area a herindelingsscan touches. Each is a ``Kaart`` (what is
coloured, municipalities/kaart.py draws it) with the rows of the table beside it; the pages, the
SVG downloads and the GeoJSON of the API use the same functions, so they show the same figures."""

import datetime
from collections import defaultdict

from django.urls import reverse

from municipalities.kaart import (
    MEERDERE,
    Kaart,
    Klasse,
    heeft_grenzen,
    kleur_categorieen,
    kleur_naar_aantal,
    letter,
    vlakken_op,
)
from municipalities.models import Gemeente
from registry import versie
from registry.geldigheid import actief_op_q

from . import selectors
from .constants import Gevolg
from .filters import RegelingFilter
from .models import Deelname, Regeling

DEELNEMER = "deelnemer"
KLEUR_DEELNEMER = "#2c7fb8"  # ColorBrewer YlGnBu


def regeling_kaart(*, regeling: Regeling, peildatum: datetime.date) -> Kaart | None:
    """The deelnemers on the peildatum filled, the other gemeenten blank; zoomed to them. A
    deelnemer is what the page lists for that day: a deelname whose own period holds it."""
    if not heeft_grenzen(peildatum):
        return None
    vlakken = vlakken_op(peildatum)
    if not vlakken:
        return None
    codes = set(
        Deelname.objects.filter(
            actief_op_q(peildatum), regeling=regeling, gemeente__isnull=False
        ).values_list("gemeente__code", flat=True)
    )
    op_kaart = {v.code for v in vlakken}
    klasse = Klasse(DEELNEMER, "Deelnemer", KLEUR_DEELNEMER, aantal=len(codes & op_kaart))
    return Kaart(
        titel=f"Deelnemende gemeenten van {regeling.naam} op {peildatum:%-d-%-m-%Y}",
        beschrijving=f"{klasse.aantal} gemeenten nemen deel; zij zijn ingekleurd, de andere "
        "gemeenten zijn wit. De dikke lijnen zijn de provinciegrenzen.",
        peildatum=peildatum,
        vlakken=vlakken,
        klassen=[klasse, Klasse("", "Neemt niet deel", "#ffffff")],
        waarden={code: (DEELNEMER, DEELNEMER) for code in codes},
        toelichting={code: "deelnemer" for code in codes},
        uitsnede=codes & op_kaart or None,
    )


def gemeente_kaart(*, gemeente: Gemeente, overzicht: dict, peildatum: datetime.date):
    """Every other gemeente coloured by the number of regelingen it shares with ``gemeente`` on
    the peildatum (``overzicht`` is selectors.gemeente_overzicht); the gemeente outlined."""
    if not heeft_grenzen(peildatum):
        return None
    vlakken = vlakken_op(peildatum)
    if not vlakken:
        return None
    aantallen = {v.code: 0 for v in vlakken if v.code != gemeente.code}
    for rij in overzicht["gemeenten"]:
        if rij["code"] in aantallen:
            aantallen[rij["code"]] = rij["aantal_gedeelde_regelingen"]
    klassen, waarden = kleur_naar_aantal(aantallen, "gedeelde regeling", "gedeelde regelingen")
    klassen.append(Klasse("zelf", gemeente.naam, "#ffffff", patroon="zelf", aantal=1))
    return Kaart(
        titel=f"Met wie {gemeente.naam} samenwerkt op {peildatum:%-d-%-m-%Y}",
        beschrijving=f"Elke gemeente gekleurd naar het aantal regelingen dat zij met "
        f"{gemeente.naam} deelt; {gemeente.naam} zelf is omlijnd en gestippeld.",
        peildatum=peildatum,
        vlakken=vlakken,
        klassen=klassen,
        waarden=waarden,
        toelichting={
            code: f"{aantal} gedeelde regeling{'en' if aantal != 1 else ''}"
            for code, aantal in aantallen.items()
        },
        omlijnd={gemeente.code},
    )


def lappendeken_regelingen(*, peildatum: datetime.date, thema=None, vorm: str = ""):
    """The regelingen in force on the peildatum with the thema (and its subthema's) and vorm."""
    filterset = RegelingFilter(
        {"peildatum": peildatum.isoformat(), "thema": thema.slug if thema else "", "vorm": vorm},
        queryset=Regeling.objects.all(),
    )
    return filterset.qs


def rij_van(vlak, peildatum: datetime.date) -> dict:
    """A gemeente in the table beside a map: its name, provincie and the link to its page."""
    return {
        "code": vlak.code,
        "naam": vlak.naam,
        "provincie": vlak.provincie_naam or "onbekend",
        "adres": f"{reverse('gemeente-pagina', args=[vlak.code])}?peildatum={peildatum}",
    }


def lappendeken(*, peildatum: datetime.date, thema=None, vorm: str = "") -> dict | None:
    """With a thema: each gemeente coloured by the verband it takes part in for that thema
    (hatched where it takes part in several), a letter per verband; without: the number of
    regelingen per gemeente. Returns the Kaart and the rows of its table. A national figure:
    computed once per version of the register (registry/versie.py)."""
    return versie.bewaard(
        "lappendeken",
        peildatum,
        thema.slug if thema else "",
        vorm,
        bereken=lambda: bereken_lappendeken(peildatum=peildatum, thema=thema, vorm=vorm),
    )


def bereken_lappendeken(*, peildatum: datetime.date, thema=None, vorm: str = "") -> dict | None:
    if not heeft_grenzen(peildatum):
        return None
    vlakken = vlakken_op(peildatum)
    if not vlakken:
        return None
    gekozen = lappendeken_regelingen(peildatum=peildatum, thema=thema, vorm=vorm)
    # Without a thema only their number counts: the regelingen stay a subquery.
    regelingen = {r.pk: r for r in gekozen} if thema else {}
    per_gemeente = defaultdict(set)
    for regeling_id, code in (
        Deelname.objects.actief_op(peildatum)
        .filter(regeling_id__in=gekozen.values("pk") if thema is None else regelingen)
        .filter(gemeente__isnull=False)
        .values_list("regeling_id", "gemeente__code")
    ):
        per_gemeente[code].add(regeling_id)
    namen = {v.code: v for v in vlakken}
    if thema is None:
        aantallen = {v.code: len(per_gemeente[v.code]) for v in vlakken}
        klassen, waarden = kleur_naar_aantal(aantallen, "regeling", "regelingen")
        rijen = [
            {**rij_van(v, peildatum), "waarde": aantallen[v.code], "regelingen": []}
            for v in vlakken
        ]
        filter_tekst = f" van de vorm {dict(vorm_keuzes())[vorm]}" if vorm else ""
        return {
            "kaart": Kaart(
                titel=f"Aantal regelingen{filter_tekst} per gemeente op {peildatum:%-d-%-m-%Y}",
                beschrijving="Elke gemeente gekleurd naar het aantal regelingen waaraan zij op "
                "de peildatum deelneemt; wit is geen.",
                peildatum=peildatum,
                vlakken=vlakken,
                klassen=klassen,
                waarden=waarden,
                toelichting={
                    c: f"{a} regeling{'en' if a != 1 else ''}" for c, a in aantallen.items()
                },
            ),
            "rijen": sorted(rijen, key=lambda r: (-r["waarde"], r["naam"])),
            "verbanden": [],
        }
    leden = defaultdict(set)
    for code, ids in per_gemeente.items():
        if code in namen:
            for regeling_id in ids:
                leden[regeling_id].add(code)
    kleuren = kleur_categorieen({str(pk): codes for pk, codes in leden.items()}, vlakken)
    volgorde = sorted(leden, key=lambda pk: regelingen[pk].naam)
    klassen, tekens = [], {}
    for i, pk in enumerate(volgorde):
        tekens[pk] = letter(i)
        klassen.append(
            Klasse(
                regelingen[pk].slug,
                regelingen[pk].naam,
                kleuren[str(pk)],
                teken=tekens[pk],
                aantal=sum(1 for ids in per_gemeente.values() if ids == {pk}),
            )
        )
    meerdere = Klasse(
        MEERDERE, "Neemt deel aan meer dan één van deze verbanden", "#d9d9d9", patroon=MEERDERE
    )
    waarden, toelichting = {}, {}
    for code, ids in per_gemeente.items():
        if code not in namen or not ids:
            continue
        gesorteerd = sorted(ids, key=lambda pk: regelingen[pk].naam)
        slugs = " ".join(regelingen[pk].slug for pk in gesorteerd)
        waarden[code] = (regelingen[gesorteerd[0]].slug if len(ids) == 1 else MEERDERE, slugs)
        toelichting[code] = "; ".join(f"{tekens[pk]}: {regelingen[pk].naam}" for pk in gesorteerd)
        if len(ids) > 1:
            meerdere.aantal += 1
    if meerdere.aantal:
        klassen.append(meerdere)
    klassen.append(
        Klasse(
            "",
            "Neemt aan geen van deze verbanden deel",
            "#ffffff",
            aantal=len(namen) - len(waarden),
        )
    )
    rijen = []
    for v in vlakken:
        if per_gemeente[v.code]:
            eigen = sorted(per_gemeente[v.code], key=lambda pk: regelingen[pk].naam)
            rijen.append(
                {
                    **rij_van(v, peildatum),
                    "waarde": len(eigen),
                    "regelingen": [
                        {
                            "teken": tekens[pk],
                            "naam": regelingen[pk].naam,
                            "slug": regelingen[pk].slug,
                        }
                        for pk in eigen
                    ],
                    "verbanden": "; ".join(f"{tekens[pk]}: {regelingen[pk].naam}" for pk in eigen),
                }
            )
    verbanden = [
        {
            "teken": tekens[pk],
            "naam": regelingen[pk].naam,
            "slug": regelingen[pk].slug,
            "kleur": kleuren[str(pk)],
            "gemeenten": len(leden[pk]),
            "provincies": sorted({namen[c].provincie_naam or "onbekend" for c in leden[pk]}),
        }
        for pk in volgorde
    ]
    return {
        "kaart": Kaart(
            titel=f"Lappendeken {thema.naam} op {peildatum:%-d-%-m-%Y}",
            beschrijving=f"Elke gemeente gekleurd naar het verband waaraan zij voor {thema.naam} "
            "deelneemt, met de letter van dat verband; gearceerd waar zij aan meer dan één "
            "deelneemt. De dikke lijnen zijn de provinciegrenzen: zo is te zien waar een verband "
            "die overschrijdt.",
            peildatum=peildatum,
            vlakken=vlakken,
            klassen=klassen,
            waarden=waarden,
            toelichting=toelichting,
        ),
        "rijen": sorted(rijen, key=lambda r: r["naam"]),
        "verbanden": verbanden,
    }


def vorm_keuzes():
    return RegelingFilter.base_filters["vorm"].extra["choices"]


def scan_kaart(*, uitkomst: dict, datum: datetime.date) -> Kaart | None:
    """The gemeenten of a herindelingsscan outlined, and every gemeente coloured by the number
    of the scanned regelingen with consequences (any gevolg but 'geen') it takes part in on the
    day before: the area they cover."""
    peildatum = selectors.dag_ervoor(datum)  # the map of the day before the herindeling
    if not heeft_grenzen(peildatum):
        return None
    vlakken = vlakken_op(peildatum)
    if not vlakken:
        return None
    betrokken = {g["code"] for g in uitkomst["gemeenten"]}
    slugs = {r["identificatie"] for r in uitkomst["regelingen"] if r["gevolg"] != Gevolg.GEEN}
    per_gemeente = defaultdict(set)
    for slug, code in (
        Deelname.objects.actief_op(peildatum)
        .filter(regeling__slug__in=slugs, gemeente__isnull=False)
        .values_list("regeling__slug", "gemeente__code")
    ):
        per_gemeente[code].add(slug)
    aantallen = {v.code: len(per_gemeente[v.code]) for v in vlakken if v.code not in betrokken}
    klassen, waarden = kleur_naar_aantal(aantallen, "regeling", "regelingen")
    klassen.append(
        Klasse("zelf", "Betrokken gemeente", "#ffffff", patroon="zelf", aantal=len(betrokken))
    )
    gebied = {code for code, s in per_gemeente.items() if s} | betrokken
    return Kaart(
        titel=f"Gebied van de regelingen van de herindeling op {datum:%-d-%-m-%Y}",
        beschrijving="De betrokken gemeenten omlijnd en gestippeld; elke andere gemeente "
        "gekleurd naar het aantal van de gescande regelingen waaraan zij deelneemt.",
        peildatum=peildatum,
        vlakken=vlakken,
        klassen=klassen,
        waarden=waarden,
        toelichting={
            code: f"{len(per_gemeente[code])} van de gescande regelingen" for code in gebied
        },
        omlijnd=betrokken,
        uitsnede={v.code for v in vlakken} & gebied or None,
    )

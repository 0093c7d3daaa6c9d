"""Grip op samenwerking: the computations behind the griffie's working tool.

Legal dates of the jaarcyclus, deadlines of zienswijzen, due evaluations, dubbele petten, the
verbonden partijen of BBV art. 15 and the dashboard per gemeente. Plain functions; each reads
what it needs in a fixed number of queries and computes the rest in Python, and returns plain
Python (dicts with snake_case keys, models); the API's camelCase names live in api.py.
"""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, Q

from agreements.constants import Status, Vorm
from agreements.models import Deelname, Regeling
from municipalities.models import Gemeente
from registry.geldigheid import actief_tussen_q

from .constants import (
    COLLEGELEDEN,
    STAPVOLGORDE,
    BBVGroep,
    Jaarstuksoort,
    Stapsoort,
    Stapstatus,
    Toetsonderdeel,
    bbv_groep,
    toetsonderdeel,
    zienswijze_weken_begroting,
)
from .models import (
    Bijdrage,
    Evaluatie,
    Jaarcijfers,
    Jaarstuk,
    Procedurestap,
    Raadsafspraak,
    Rapporteur,
    Vertegenwoordiger,
    Zienswijze,
)

# The vormen with an own begroting and jaarrekening (Wgr art. 34-35; art. 50 for the
# bedrijfsvoeringsorganisatie): they send kaderbrief, ontwerpbegroting and jaarrekening.
VORMEN_MET_JAARCYCLUS = (Vorm.OPENBAAR_LICHAAM, Vorm.BEDRIJFSVOERINGSORGANISATIE)

# The dashboard looks half a year ahead: the raad is informed twice a year (Voorschoten's 'Visie
# op samenwerking').
VOORUITBLIK_MAANDEN = 6


def maanden_later(datum: datetime.date, maanden: int) -> datetime.date:
    """The same day ``maanden`` months later; the last day of a shorter month if needed."""
    maand = datum.month - 1 + maanden
    jaar, maand = datum.year + maand // 12, maand % 12 + 1
    if jaar > datetime.MAXYEAR:
        return datetime.date.max
    return datum.replace(
        year=jaar, month=maand, day=min(datum.day, calendar.monthrange(jaar, maand)[1])
    )


@dataclass(frozen=True)
class WettelijkeDatum:
    datum: datetime.date  # the last day on which it is in time
    regel: str
    artikel: str


def wettelijke_datum(soort: str, jaar: int) -> WettelijkeDatum:
    """The legal deadline of a jaarstuk: ``jaar`` is the begrotingsjaar of a kaderbrief or
    (ontwerp)begroting and the boekjaar of a (voorlopige) jaarrekening. The law says "vóór"
    a date, so the last day in time is the day before it."""
    if soort == Jaarstuksoort.KADERBRIEF:
        # Wgr art. 34b: the algemene financiële en beleidsmatige kaders go to the raden "vóór
        # 15 april van het jaar voorafgaand aan dat waarvoor de begroting dient".
        return WettelijkeDatum(
            datetime.date(jaar - 1, 4, 14),
            "bij de raden vóór 15 april van het jaar vóór het begrotingsjaar, dus uiterlijk "
            "14 april (Wgr art. 34b)",
            "Wgr art. 34b",
        )
    if soort == Jaarstuksoort.VOORLOPIGE_JAARREKENING:
        # Wgr art. 34b: the voorlopige jaarrekening goes with the kaders, "vóór 15 april" of
        # the year after the boekjaar (the year before the next begrotingsjaar but one).
        return WettelijkeDatum(
            datetime.date(jaar + 1, 4, 14),
            "bij de raden vóór 15 april na het boekjaar, dus uiterlijk 14 april (Wgr art. 34b)",
            "Wgr art. 34b",
        )
    if soort == Jaarstuksoort.ONTWERPBEGROTING:
        # Wgr art. 34 lid 3: the begroting goes to gedeputeerde staten "vóór 1 augustus van
        # het jaar voorafgaande aan dat waarvoor zij dient"; art. 35 lid 1: the raden receive
        # the ontwerpbegroting 12 weeks (before 1 July 2022: 8) before the algemeen bestuur.
        weken = zienswijze_weken_begroting(datetime.date(max(jaar - 1, 1), 1, 1))
        return WettelijkeDatum(
            datetime.date(jaar - 1, 7, 31),
            "begroting vastgesteld en bij gedeputeerde staten vóór 1 augustus van het jaar vóór "
            f"het begrotingsjaar, dus uiterlijk 31 juli (Wgr art. 34 lid 3); de raden hebben "
            f"{weken} weken voor een zienswijze (Wgr art. 35 lid 1)",
            "Wgr art. 34 lid 3 en art. 35 lid 1",
        )
    # Wgr art. 34 lid 3: the jaarrekening goes to gedeputeerde staten "vóór 15 juli van het jaar
    # volgende op het jaar waarvoor zij dient".
    return WettelijkeDatum(
        datetime.date(jaar + 1, 7, 14),
        "vastgesteld en bij gedeputeerde staten vóór 15 juli na het boekjaar, dus uiterlijk "
        "14 juli (Wgr art. 34 lid 3)",
        "Wgr art. 34 lid 3",
    )


def jaren_later(datum: datetime.date, jaren: int) -> datetime.date:
    return maanden_later(datum, 12 * jaren)


# --- Dubbele petten -----------------------------------------------------------------------


def naam_sleutel(naam: str) -> str:
    return " ".join(naam.lower().split())


def dubbele_pet(vertegenwoordiger: Vertegenwoordiger, rapporteurs: set[tuple]) -> str:
    """Why this seat is a dubbele pet, or "" when it is none.

    A dubbele pet (Voorschoten's 'Visie op samenwerking') is a seat in the bestuur of a
    samenwerking (algemeen or dagelijks bestuur, bestuurscommissie, bestuur) held by someone who
    also has to weigh that samenwerking for the gemeente:
    - a collegelid (burgemeester or wethouder) of the gemeente: in the bestuur they serve the
      GR, in the college the gemeente, and the raad holds them to account for both;
    - a raadslid who is also the raad's rapporteur for that same samenwerking: the one who
      informs the raad about the bestuur sits in it.
    ``rapporteurs`` holds (regeling_id, gemeente_id, name key) of the rapporteurs in office at
    the same date; seat and rapporteurship are both taken on that date by the caller.
    """
    orgaan = vertegenwoordiger.get_orgaan_display().lower()
    if vertegenwoordiger.functie in COLLEGELEDEN:
        return f"{vertegenwoordiger.get_functie_display()} en lid van het {orgaan}"
    sleutel = (
        vertegenwoordiger.regeling_id,
        vertegenwoordiger.gemeente_id,
        naam_sleutel(vertegenwoordiger.naam),
    )
    if sleutel in rapporteurs:
        return f"Rapporteur van de raad en lid van het {orgaan}"
    return ""


def rapporteur_sleutels(rapporteurs) -> set[tuple]:
    return {(r.regeling_id, r.gemeente_id, naam_sleutel(r.naam)) for r in rapporteurs}


def met_dubbele_petten(vertegenwoordigers, rapporteurs) -> list[Vertegenwoordiger]:
    sleutels = rapporteur_sleutels(rapporteurs)
    for vertegenwoordiger in vertegenwoordigers:
        vertegenwoordiger.dubbele_pet = dubbele_pet(vertegenwoordiger, sleutels)
    return list(vertegenwoordigers)


# --- Evaluaties ---------------------------------------------------------------------------


def volgende_evaluatie(
    *,
    laatste: datetime.date | None,
    begin: datetime.date | None,
    interval_jaren: int | None,
) -> datetime.date | None:
    """When the next evaluation is due: ``interval_jaren`` after the last one, or after the
    start of the deelname when there has been none; unknown without interval or start."""
    vanaf = laatste or begin
    if vanaf is None or not interval_jaren:
        return None
    return jaren_later(vanaf, interval_jaren)


def evaluatie_interval(gemeente: Gemeente) -> int | None:
    """The raad's own interval between evaluations, if it agreed one."""
    afspraak = Raadsafspraak.objects.filter(gemeente=gemeente).first()
    return afspraak.evaluatie_interval_jaren if afspraak else None


def evaluatiestand(
    *,
    gemeente: Gemeente,
    deelnames: list[Deelname],
    peildatum: datetime.date,
    interval: int | None,
) -> list[dict]:
    """Per regeling of ``deelnames``: the last evaluation by this raad or by all deelnemers
    together (on or before the peildatum), the next one due and whether it is overdue."""
    laatste = {}
    for evaluatie in Evaluatie.objects.filter(
        Q(gemeente=gemeente) | Q(gemeente__isnull=True),
        regeling__in=[d.regeling_id for d in deelnames],
        datum__lte=peildatum,
    ).order_by("datum", "id"):
        laatste[evaluatie.regeling_id] = evaluatie
    rijen = []
    for deelname in deelnames:
        evaluatie = laatste.get(deelname.regeling_id)
        volgende = volgende_evaluatie(
            laatste=evaluatie.datum if evaluatie else None,
            begin=deelname.begindatum or deelname.regeling.begindatum,
            interval_jaren=interval,
        )
        rijen.append(
            {
                "regeling": deelname.regeling,
                "laatste": evaluatie,
                "volgende": volgende,
                "te_laat": volgende is not None and volgende < peildatum,
            }
        )
    return rijen


# --- Termijnen ----------------------------------------------------------------------------


def open_zienswijzen(stappen: list[Procedurestap]) -> list[Procedurestap]:
    """The zienswijzen asked (with a date) that the raad has not yet answered: no completed
    'zienswijze gegeven' step, nor, when both were asked together, a completed toestemming."""
    beantwoord = {
        (s.regeling_id, s.gemeente_id, s.onderwerp)
        for s in stappen
        if s.status == Stapstatus.AFGEROND
        and s.soort in (Stapsoort.ZIENSWIJZE_GEGEVEN, Stapsoort.TOESTEMMING_RAAD)
    }
    return [
        s
        for s in stappen
        if s.soort == Stapsoort.ZIENSWIJZE_GEVRAAGD
        and s.datum
        and (s.regeling_id, s.gemeente_id, s.onderwerp) not in beantwoord
    ]


def termijnen(
    *,
    gemeente: Gemeente,
    regelingen: list[Regeling],
    peildatum: datetime.date,
    tot: datetime.date,
) -> list[dict]:
    """Deadlines from the peildatum up to and including ``tot`` for the raad of ``gemeente``:
    its open zienswijzen on regelingen (Wgr art. 1) and on jaarstukken (art. 35), and the legal
    dates of the jaarcyclus of each GR with an own begroting (art. 34, 34b)."""
    stappen = list(Procedurestap.objects.filter(gemeente=gemeente).select_related("regeling"))
    resultaat = [
        {
            "datum": stap.uiterste_datum,
            "soort": "zienswijze",
            "regeling": stap.regeling,
            "omschrijving": f"Zienswijze ({stap.get_onderwerp_display().lower()}), "
            f"gevraagd op {stap.datum:%d-%m-%Y}, termijn {stap.termijn} weken"
            + ("; tegelijk met de toestemming" if stap.tegelijk_met_toestemming else ""),
            "status": "open",
            "artikel": "Wgr art. 1 lid 2",
            "sleutel": f"zienswijze-{stap.uuid}",
        }
        for stap in open_zienswijzen(stappen)
        if peildatum <= stap.uiterste_datum <= tot
    ]

    per_id = {r.pk: r for r in regelingen}
    gegeven = set(
        Zienswijze.objects.filter(gemeente=gemeente, jaarstuk__regeling__in=per_id).values_list(
            "jaarstuk_id", flat=True
        )
    )
    stukken = {}
    for stuk in Jaarstuk.objects.filter(
        regeling__in=per_id, jaar__in=range(peildatum.year - 1, tot.year + 3)
    ):
        stukken[(stuk.regeling_id, stuk.soort, stuk.jaar)] = stuk
        uiterlijk = stuk.zienswijze_uiterlijk
        if uiterlijk and peildatum <= uiterlijk <= tot and stuk.pk not in gegeven:
            resultaat.append(
                {
                    "datum": uiterlijk,
                    "soort": "zienswijze",
                    "regeling": per_id[stuk.regeling_id],
                    "omschrijving": f"Zienswijze op {stuk.get_soort_display().lower()} "
                    f"{stuk.jaar}, ontvangen op {stuk.ontvangen:%d-%m-%Y}, termijn "
                    f"{stuk.termijn} weken",
                    "status": "open",
                    "artikel": "Wgr art. 35",
                    "sleutel": f"zienswijze-{stuk.uuid}",
                }
            )

    for regeling in regelingen:
        if regeling.vorm not in VORMEN_MET_JAARCYCLUS:
            continue
        # Only years whose legal dates exist in the calendar (a peildatum in year 1 or 9999).
        for jaar in range(max(peildatum.year - 1, 2), min(tot.year + 2, datetime.MAXYEAR)):
            for soort in Jaarstuksoort:
                wettelijk = wettelijke_datum(soort, jaar)
                if not peildatum <= wettelijk.datum <= tot:
                    continue
                stuk = stukken.get((regeling.pk, soort, jaar))
                ontvangen = stuk.ontvangen if stuk else None
                resultaat.append(
                    {
                        "datum": wettelijk.datum,
                        "soort": soort.value,
                        "regeling": regeling,
                        "omschrijving": f"{soort.label} {jaar} — {wettelijk.regel}",
                        "status": f"ontvangen op {ontvangen:%d-%m-%Y}" if ontvangen else "verwacht",
                        "artikel": wettelijk.artikel,
                        "sleutel": f"{soort.value}-{jaar}-{regeling.slug}",
                    }
                )
    return sorted(resultaat, key=lambda t: (t["datum"], t["regeling"].naam, t["omschrijving"]))


# --- Lopende besluitvorming ------------------------------------------------------------------


def lopende_besluitvorming(*, gemeente: Gemeente, peildatum: datetime.date) -> list[dict]:
    """What is on its way to the raad of ``gemeente`` on the peildatum: every regeling in
    voorbereiding that it takes part in or has a procedure for, and every step of the Wgr
    procedure (art. 1) of its own or of such a regeling as a whole that was still open then
    (not done, or done after the peildatum), each with what is known of its date. Two queries."""
    betrokken = Q(deelnames__gemeente=gemeente) | Q(procedurestappen__gemeente=gemeente)
    in_voorbereiding = Q(status=Status.IN_VOORBEREIDING) | Q(begindatum__gt=peildatum)
    regelingen = {
        r.pk: r
        for r in Regeling.objects.filter(betrokken)
        .filter(in_voorbereiding)
        .exclude(einddatum__lt=peildatum)
        .distinct()
    }
    stappen = (
        Procedurestap.objects.filter(
            Q(gemeente=gemeente) | Q(gemeente__isnull=True, regeling__in=regelingen)
        )
        .exclude(status=Stapstatus.NIET_VAN_TOEPASSING)
        .exclude(status=Stapstatus.AFGEROND, datum__lte=peildatum)
        .exclude(status=Stapstatus.AFGEROND, datum__isnull=True)
        .select_related("regeling")
        .order_by("regeling__naam", "regeling_id", "id")
    )
    per_regeling = defaultdict(list)
    for stap in stappen:
        per_regeling[stap.regeling_id].append(stap)
        regelingen.setdefault(stap.regeling_id, stap.regeling)
    return [
        {
            "regeling": regeling,
            "in_voorbereiding": regeling.status == Status.IN_VOORBEREIDING
            or bool(regeling.begindatum and regeling.begindatum > peildatum),
            "stappen": sorted(
                per_regeling[regeling.pk], key=lambda s: (STAPVOLGORDE[s.soort], s.pk)
            ),
        }
        for regeling in sorted(regelingen.values(), key=lambda r: (r.naam, r.pk))
    ]


# --- Verbonden partijen (BBV art. 15) -----------------------------------------------------

BBV_VOLGORDE = list(BBVGroep)


def jaar_grenzen(jaar: int) -> tuple[datetime.date, datetime.date]:
    """The first and the last day of ``jaar``."""
    return datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)


def deelnames_in_jaar(gemeente: Gemeente, jaar: int):
    """The deelnames of ``gemeente`` that run on some day of ``jaar`` in a regeling that is
    not in preparation and runs on some day of that year."""
    begin, einde = jaar_grenzen(jaar)
    return (
        Deelname.objects.actief_tussen(begin, einde)
        .filter(actief_tussen_q(begin, einde, "regeling__"), gemeente=gemeente)
        .exclude(regeling__status=Status.IN_VOORBEREIDING)
        .select_related("regeling")
        .order_by("regeling__naam", "regeling_id", "begindatum")
    )


def verbonden_partijen(*, gemeente: Gemeente, jaar: int) -> dict:
    """The verbonden partijen of ``gemeente`` in ``jaar``, grouped as BBV art. 15 prescribes,
    with the openbaar, bestuurlijk and financieel belang, the vermogen at start and end of the
    year, the resultaat and the risico's. Regelingen that are only an agreement are left out
    (see constants.bbv_groep)."""
    regelingen = {}
    for deelname in deelnames_in_jaar(gemeente, jaar):
        if bbv_groep(deelname.regeling.vorm) is not None:
            regelingen.setdefault(deelname.regeling_id, deelname.regeling)
    bijdragen = {
        b.regeling_id: b
        for b in Bijdrage.objects.filter(gemeente=gemeente, jaar=jaar, regeling__in=regelingen)
    }
    cijfers = {
        c.regeling_id: c for c in Jaarcijfers.objects.filter(jaar=jaar, regeling__in=regelingen)
    }
    zetels = defaultdict(list)
    for v in (
        Vertegenwoordiger.objects.actief_tussen(*jaar_grenzen(jaar))
        .filter(gemeente=gemeente, regeling__in=regelingen)
        .order_by("orgaan", "naam", "id")
    ):
        zetels[v.regeling_id].append(
            f"{v.naam} ({v.get_functie_display().lower()}, {v.get_orgaan_display().lower()})"
        )
    groepen = defaultdict(list)
    for regeling in regelingen.values():
        bijdrage, cijfer = bijdragen.get(regeling.pk), cijfers.get(regeling.pk)
        groepen[bbv_groep(regeling.vorm)].append(
            {
                "regeling": regeling,
                "bestuurlijk_belang": zetels[regeling.pk],
                "bijdrage": bijdrage,
                "cijfers": cijfer,
            }
        )
    return {
        "gemeente": gemeente,
        "jaar": jaar,
        "groepen": [
            {
                "groep": groep,
                "partijen": groepen[groep],
                "totaal_begroot": som(
                    r["bijdrage"] and r["bijdrage"].begroot for r in groepen[groep]
                ),
                "totaal_gerealiseerd": som(
                    r["bijdrage"] and r["bijdrage"].gerealiseerd for r in groepen[groep]
                ),
            }
            for groep in BBV_VOLGORDE
        ],
    }


def som(bedragen) -> Decimal | None:
    """The sum of the known amounts, or None when none is known."""
    bekend = [b for b in bedragen if b is not None]
    return sum(bekend, Decimal(0)) if bekend else None


# --- Dashboard ----------------------------------------------------------------------------


def dashboard(*, gemeente: Gemeente, peildatum: datetime.date) -> dict:
    """The griffie's half-yearly report to the raad (Voorschoten's 'Visie op samenwerking') on a
    peildatum: deadlines of the coming half year, evaluations due, bijdragen per year and per
    thema, regelingen without rapporteur and dubbele petten."""
    tot = maanden_later(peildatum, VOORUITBLIK_MAANDEN)
    deelnames = list(
        Deelname.objects.actief_op(peildatum)
        .filter(gemeente=gemeente)
        .select_related("regeling")
        .prefetch_related("regeling__themas")
        .order_by("regeling__naam", "regeling_id", "begindatum")
    )
    regelingen = list({d.regeling_id: d.regeling for d in deelnames}.values())

    rapporteurs = list(
        Rapporteur.objects.actief_op(peildatum).filter(gemeente=gemeente, regeling__in=regelingen)
    )
    met_rapporteur = {r.regeling_id for r in rapporteurs}
    vertegenwoordigers = met_dubbele_petten(
        Vertegenwoordiger.objects.actief_op(peildatum)
        .filter(gemeente=gemeente, regeling__in=regelingen)
        .select_related("regeling")
        .order_by("regeling__naam", "orgaan", "naam", "id"),
        rapporteurs,
    )

    bijdragen = list(
        Bijdrage.objects.filter(gemeente=gemeente).select_related("regeling").order_by("jaar")
    )
    per_jaar = defaultdict(list)
    for bijdrage in bijdragen:
        per_jaar[bijdrage.jaar].append(bijdrage)
    themas_per_regeling = {r.pk: list(r.themas.all()) for r in regelingen}
    per_thema = defaultdict(list)
    for bijdrage in per_jaar.get(peildatum.year, []):
        for thema in themas_per_regeling.get(bijdrage.regeling_id) or [None]:
            per_thema[thema.naam if thema else "Zonder thema"].append(bijdrage)

    interval = evaluatie_interval(gemeente)
    evaluaties = evaluatiestand(
        gemeente=gemeente, deelnames=deelnames, peildatum=peildatum, interval=interval
    )
    return {
        "gemeente": gemeente,
        "peildatum": peildatum,
        "tot": tot,
        "aantal_regelingen": len(regelingen),
        "termijnen": termijnen(
            gemeente=gemeente, regelingen=regelingen, peildatum=peildatum, tot=tot
        ),
        "evaluatie_interval": interval,
        "evaluaties": evaluaties,
        "evaluaties_te_laat": [e for e in evaluaties if e["te_laat"]],
        "bijdragen_per_jaar": [
            {
                "jaar": jaar,
                "begroot": som(b.begroot for b in lijst),
                "gerealiseerd": som(b.gerealiseerd for b in lijst),
            }
            for jaar, lijst in sorted(per_jaar.items())
        ],
        "bijdragen_per_thema": [
            {
                "thema": naam,
                "begroot": som(b.begroot for b in lijst),
                "gerealiseerd": som(b.gerealiseerd for b in lijst),
            }
            for naam, lijst in sorted(per_thema.items())
        ],
        "lopend": {
            "gemeente": gemeente,
            "regelingen": lopende_besluitvorming(gemeente=gemeente, peildatum=peildatum),
        },
        "zonder_rapporteur": [r for r in regelingen if r.pk not in met_rapporteur],
        "dubbele_petten": [v for v in vertegenwoordigers if v.dubbele_pet],
    }


# --- One regeling -------------------------------------------------------------------------


def regeling_grip(*, regeling: Regeling, peildatum: datetime.date) -> dict:
    """What the public page of a regeling shows of its besluitvorming, jaarcyclus,
    vertegenwoordiging, financiën, evaluaties and beëindiging."""
    stappen = sorted(
        Procedurestap.objects.filter(regeling=regeling).select_related("gemeente"),
        key=lambda s: (
            s.gemeente_id is None,
            s.gemeente.naam if s.gemeente_id else "",
            s.onderwerp,
            STAPVOLGORDE[s.soort],
            s.datum or datetime.date.max,
        ),
    )
    per_gemeente = defaultdict(list)
    for stap in stappen:
        per_gemeente[stap.gemeente.naam if stap.gemeente_id else "Alle deelnemers"].append(stap)
    rapporteurs = list(
        Rapporteur.objects.actief_op(peildatum).filter(regeling=regeling).select_related("gemeente")
    )
    vertegenwoordigers = met_dubbele_petten(
        Vertegenwoordiger.objects.actief_op(peildatum)
        .filter(regeling=regeling)
        .select_related("gemeente")
        .order_by("gemeente__naam", "orgaan", "naam", "id"),
        rapporteurs,
    )
    jaarstukken = list(
        Jaarstuk.objects.filter(regeling=regeling).prefetch_related(
            Prefetch("zienswijzen", queryset=Zienswijze.objects.select_related("gemeente"))
        )
    )
    for stuk in jaarstukken:
        stuk.wettelijk = wettelijke_datum(stuk.soort, stuk.jaar)
    evaluaties = list(
        Evaluatie.objects.filter(regeling=regeling)
        .select_related("gemeente")
        .prefetch_related("toetsingen")
    )
    for evaluatie in evaluaties:
        evaluatie.kader = toetsingskader(evaluatie)
    beeindiging = getattr(regeling, "beeindiging", None) if regeling.pk else None
    return {
        "procedure": list(per_gemeente.items()),
        "jaarstukken": jaarstukken,
        "vertegenwoordigers": vertegenwoordigers,
        "rapporteurs": rapporteurs,
        "bijdragen": list(
            Bijdrage.objects.filter(regeling=regeling)
            .select_related("gemeente")
            .order_by("-jaar", "gemeente__naam")
        ),
        "jaarcijfers": list(Jaarcijfers.objects.filter(regeling=regeling)),
        "evaluaties": evaluaties,
        "beeindiging": beeindiging,
    }


def toetsingskader(evaluatie: Evaluatie) -> list[tuple[str, list]]:
    """The answers of an evaluatie, grouped by the four parts of the toetsingskader."""
    per_onderdeel = defaultdict(list)
    for toetsing in evaluatie.toetsingen.all():
        per_onderdeel[toetsonderdeel(toetsing.vraag)].append(toetsing)
    return [
        (onderdeel.label, per_onderdeel[onderdeel.value])
        for onderdeel in Toetsonderdeel
        if per_onderdeel[onderdeel.value]
    ]

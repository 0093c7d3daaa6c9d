"""Choices and legal terms of grip op samenwerking."""

import datetime

from django.db import models

from agreements.constants import VORMEN, Rechtsgebied, Vorm

# Legal terms of the Wet gemeenschappelijke regelingen (Wgr); the computations that use them are
# in models.py (the deadline of a zienswijze) and selectors.py (the dates of the jaarcyclus).

# Wgr art. 1 lid 2: the raden may give their zienswijze on the ontwerp (treffen, wijzigen,
# toetreden, uittreden, opheffen) within 8 weeks. The term starts the day after the request and
# ends at the end of the same weekday 8 weeks later: asked on Monday 2 March, due on Monday
# 27 April. The Algemene termijnenwet (art. 1) only extends a term that ends on a Saturday,
# Sunday or algemeen erkende feestdag (art. 3) to the next day that is none of these.
ZIENSWIJZE_WEKEN_REGELING = 8

# Wgr art. 35 lid 1: the dagelijks bestuur sends the ontwerpbegroting to the raden twelve weeks
# before it is offered to the algemeen bestuur, since the Wet versterking democratische
# legitimiteit Wgr (in force 1 July 2022); before that eight weeks. The register takes that term
# as the time the raden have for their zienswijze (art. 35 lid 3), counted from the day the
# raden received the ontwerpbegroting.
ZIENSWIJZE_WEKEN_BEGROTING = 12
ZIENSWIJZE_WEKEN_BEGROTING_TOT_2022 = 8
VERSTERKING_WGR = datetime.date(2022, 7, 1)  # in force: Wet versterking democratische legitimiteit


def zienswijze_weken_begroting(datum: datetime.date) -> int:
    """The term of art. 35 lid 1 for an ontwerpbegroting sent on ``datum``."""
    if datum < VERSTERKING_WGR:
        return ZIENSWIJZE_WEKEN_BEGROTING_TOT_2022
    return ZIENSWIJZE_WEKEN_BEGROTING


def pasen(jaar: int) -> datetime.date:
    """Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = jaar % 19, jaar // 100, jaar % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    maand, dag = divmod(h + ell - 7 * m + 114, 31)
    return datetime.date(jaar, maand, dag + 1)


def koningsdag(jaar: int) -> datetime.date:
    """The day the King's (until 2013 the Queen's) birthday is celebrated: 27 April (30 April
    until 2013), the day before when that is a Sunday."""
    dag = datetime.date(jaar, 4, 27 if jaar >= 2014 else 30)
    return dag - datetime.timedelta(days=1) if dag.weekday() == 6 else dag


def algemeen_erkende_feestdagen(jaar: int) -> set[datetime.date]:
    """Algemene termijnenwet art. 3 lid 1: Nieuwjaarsdag, tweede Paas- en Pinksterdag,
    Hemelvaartsdag, beide Kerstdagen, Koningsdag and 5 May. (Days made equal to these by
    decree, art. 3 lid 2, are not in it.)"""
    paasdag = pasen(jaar)
    return {
        datetime.date(jaar, 1, 1),
        paasdag + datetime.timedelta(days=1),
        paasdag + datetime.timedelta(days=39),  # Hemelvaartsdag
        paasdag + datetime.timedelta(days=50),  # tweede Pinksterdag
        koningsdag(jaar),
        datetime.date(jaar, 5, 5),
        datetime.date(jaar, 12, 25),
        datetime.date(jaar, 12, 26),
    }


def verlengd_tot_werkdag(datum: datetime.date) -> datetime.date:
    """Algemene termijnenwet art. 1 lid 1: a legal term that ends on a Saturday, Sunday or
    algemeen erkende feestdag runs on to the next day that is none of these."""
    while datum < datetime.date.max and (
        datum.weekday() >= 5 or datum in algemeen_erkende_feestdagen(datum.year)
    ):
        datum += datetime.timedelta(days=1)
    return datum


class Procedureonderwerp(models.TextChoices):
    """What the Wgr procedure is about: treffen includes wijzigen, toetreden and uittreden
    (Wgr art. 1 lid 5)."""

    TREFFEN = "treffen", "Treffen (aangaan)"
    WIJZIGEN = "wijzigen", "Wijzigen"
    TOETREDEN = "toetreden", "Toetreden"
    UITTREDEN = "uittreden", "Uittreden"
    OPHEFFEN = "opheffen", "Opheffen"


class Stapsoort(models.TextChoices):
    """The steps of Wgr art. 1, in their usual order."""

    BESLUIT_COLLEGE = "besluit_college", "Besluit college"
    ONTWERP_ONTVANGEN = "ontwerp_ontvangen", "Ontwerp ontvangen"
    ZIENSWIJZE_GEVRAAGD = "zienswijze_gevraagd", "Zienswijze gevraagd"
    ZIENSWIJZE_GEGEVEN = "zienswijze_gegeven", "Zienswijze gegeven"
    TOESTEMMING_RAAD = "toestemming_raad", "Toestemming raad"
    ONDERTEKENING = "ondertekening", "Ondertekening"
    PUBLICATIE = "publicatie", "Publicatie"
    INWERKINGTREDING = "inwerkingtreding", "Inwerkingtreding"


STAPVOLGORDE = {soort: nummer for nummer, soort in enumerate(Stapsoort)}


class Stapstatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    AFGEROND = "afgerond", "Afgerond"
    NIET_VAN_TOEPASSING = "niet_van_toepassing", "Niet van toepassing"


class Jaarstuksoort(models.TextChoices):
    KADERBRIEF = "kaderbrief", "Kaderbrief"
    ONTWERPBEGROTING = "ontwerpbegroting", "Ontwerpbegroting"
    VOORLOPIGE_JAARREKENING = "voorlopige_jaarrekening", "Voorlopige jaarrekening"
    JAARREKENING = "jaarrekening", "Jaarrekening"


class Bestuursorgaan(models.TextChoices):
    """A seat in the bestuur of the samenwerking."""

    ALGEMEEN_BESTUUR = "algemeen_bestuur", "Algemeen bestuur"
    DAGELIJKS_BESTUUR = "dagelijks_bestuur", "Dagelijks bestuur"
    BESTUURSCOMMISSIE = "bestuurscommissie", "Bestuurscommissie"
    BESTUUR = "bestuur", "Bestuur (bedrijfsvoeringsorganisatie, orgaan of rechtspersoon)"


class Functie(models.TextChoices):
    """The office the representative holds in the gemeente."""

    BURGEMEESTER = "burgemeester", "Burgemeester"
    WETHOUDER = "wethouder", "Wethouder"
    RAADSLID = "raadslid", "Raadslid"
    OVERIG = "overig", "Anders"


COLLEGELEDEN = (Functie.BURGEMEESTER, Functie.WETHOUDER)


class Verdeelbasis(models.TextChoices):
    """How the costs are divided (Voorschoten's 'Visie op samenwerking': per inwoner, gemiddelde
    kosten, mix)."""

    PER_INWONER = "per_inwoner", "Per inwoner"
    GELIJK = "gelijk", "Gelijke delen"
    NAAR_AFNAME = "naar_afname", "Naar afname"
    OM_NIET = "om_niet", "Om niet"
    MIX = "mix", "Mix"


class BBVGroep(models.TextChoices):
    """The groups of verbonden partijen in begroting and jaarverslag (BBV art. 15)."""

    GEMEENSCHAPPELIJKE_REGELINGEN = "gemeenschappelijke_regelingen", "Gemeenschappelijke regelingen"
    VENNOOTSCHAPPEN_EN_COOPERATIES = (
        "vennootschappen_en_cooperaties",
        "Vennootschappen en coöperaties",
    )
    STICHTINGEN_EN_VERENIGINGEN = "stichtingen_en_verenigingen", "Stichtingen en verenigingen"
    OVERIGE = "overige", "Overige verbonden partijen"


PRIVATE_BBV_GROEPEN = {
    Vorm.BV: BBVGroep.VENNOOTSCHAPPEN_EN_COOPERATIES,
    Vorm.NV: BBVGroep.VENNOOTSCHAPPEN_EN_COOPERATIES,
    Vorm.CV: BBVGroep.VENNOOTSCHAPPEN_EN_COOPERATIES,
    Vorm.COOPERATIE: BBVGroep.VENNOOTSCHAPPEN_EN_COOPERATIES,
    Vorm.STICHTING: BBVGroep.STICHTINGEN_EN_VERENIGINGEN,
    Vorm.VERENIGING: BBVGroep.STICHTINGEN_EN_VERENIGINGEN,
}


def bbv_groep(vorm: str) -> str | None:
    """The BBV group of a vorm, or None when the vorm is no verbonden partij.

    Every public-law vorm is a gemeenschappelijke regeling; private-law legal persons go to
    their group; a vorm that is only an agreement (overeenkomst, gastheer, convenant,
    intentieverklaring, bestuursovereenkomst, not laid down) creates no partij in which the
    gemeente has a bestuurlijk belang, so it is none. An unknown vorm is listed under "overige"
    so the griffie sees it and can fill it in.
    """
    if not vorm:
        return BBVGroep.OVERIGE
    if VORMEN[vorm].rechtsgebied == Rechtsgebied.PUBLIEKRECHT:
        return BBVGroep.GEMEENSCHAPPELIJKE_REGELINGEN
    return PRIVATE_BBV_GROEPEN.get(vorm)


class Toetsonderdeel(models.TextChoices):
    """The four parts of the toetsingskader in Voorschoten's 'Visie op samenwerking'."""

    STRATEGISCH = "strategisch", "Strategisch"
    BEDRIJFSVOERING = "bedrijfsvoering", "Bedrijfsvoering"
    BEDRIJFSECONOMISCH = "bedrijfseconomisch", "Bedrijfseconomisch"
    JURIDISCH = "juridisch", "Juridisch"


# The questions of the toetsingskader, as Voorschoten's 'Visie op samenwerking' lists them under
# each part.
TOETSINGSKADER = {
    Toetsonderdeel.STRATEGISCH: [
        "Wat wil je?",
        "Waarom wil je samenwerken?",
        "Hoe wil je samenwerken?",
        "Willen we ook op termijn samenwerken?",
        "Hoe kan er grip gehouden worden op de samenwerking?",
        "Wat mag het kosten c.q. wat moet het de gemeente opleveren?",
        "Is er draagvlak bij bestuur en organisatie?",
    ],
    Toetsonderdeel.BEDRIJFSVOERING: [
        "Kostenafweging",
        "Prestatieafweging",
        "Risicoafweging",
        "Continuïteitsafweging",
        "Impact op de organisatie",
        "Gevolgen voor dienstverlening",
        "Aanstuurbaarheid",
    ],
    Toetsonderdeel.BEDRIJFSECONOMISCH: [
        "Businessplan",
        "Risicoafdekking",
        "Uitvoering",
        "Personele component",
        "Reorganisatie",
        "Overblijvende overheadkosten",
        "Ontvlechtingskosten later",
        "Btw",
        "Vennootschapsbelasting",
        "Aanbestedingsregels",
        "Aansprakelijkheid",
    ],
    Toetsonderdeel.JURIDISCH: [
        "Wet markt en overheid",
        "Publiekrechtelijke weg (Wet gemeenschappelijke regelingen)",
        "Convenant",
        "Privaatrechtelijke weg (overeenkomst of oprichting rechtspersoon)",
        "Beperking artikel 160, tweede lid Gemeentewet",
    ],
}

Toetsvraag = models.TextChoices(
    "Toetsvraag",
    [
        (f"{onderdeel.value}_{nummer}".upper(), (f"{onderdeel.value}_{nummer}", vraag))
        for onderdeel, vragen in TOETSINGSKADER.items()
        for nummer, vraag in enumerate(vragen, start=1)
    ],
)


def toetsonderdeel(vraag: str) -> str:
    return vraag.rsplit("_", 1)[0]


class Toetsantwoord(models.TextChoices):
    VOLDOET = "voldoet", "Voldoet"
    DEELS = "deels", "Voldoet deels"
    VOLDOET_NIET = "voldoet_niet", "Voldoet niet"
    NIET_VAN_TOEPASSING = "niet_van_toepassing", "Niet van toepassing"

from dataclasses import dataclass

from django.db import models


class Rechtsgebied(models.TextChoices):
    PUBLIEKRECHT = "publiekrecht", "Publiekrecht (Wgr)"
    PRIVAATRECHT = "privaatrecht", "Privaatrecht"
    BESTUURLIJK = "bestuurlijk", "Bestuurlijke afspraak of niet vastgelegd"


class Vorm(models.TextChoices):
    OPENBAAR_LICHAAM = "OL", "Openbaar lichaam"
    BEDRIJFSVOERINGSORGANISATIE = "BVO", "Bedrijfsvoeringsorganisatie"
    GEMEENSCHAPPELIJK_ORGAAN = "GO", "Gemeenschappelijk orgaan"
    CENTRUMGEMEENTE = "CG", "Centrumgemeenteregeling"
    REGELING_ZONDER_MEER = "RZM", "Regeling zonder meer (lichte regeling)"
    STICHTING = "STICHTING", "Stichting"
    VERENIGING = "VERENIGING", "Vereniging"
    COOPERATIE = "COOPERATIE", "Coöperatie"
    BV = "BV", "Besloten vennootschap (bv)"
    NV = "NV", "Naamloze vennootschap (nv)"
    CV = "CV", "Commanditaire vennootschap (cv)"
    OVEREENKOMST = "OVEREENKOMST", "(Dienstverlenings)overeenkomst"
    GASTHEER = "GASTHEER", "Gastheergemeenteconstructie"
    CONVENANT = "CONVENANT", "Convenant"
    INTENTIEVERKLARING = "INTENTIEVERKLARING", "Intentieverklaring"
    BESTUURSOVEREENKOMST = "BESTUURSOVEREENKOMST", "Bestuursovereenkomst"
    NIET_VASTGELEGD = "NIET_VASTGELEGD", "Niet vastgelegd"


class Rol(models.TextChoices):
    DEELNEMER = "deelnemer", "Deelnemer"
    CENTRUMGEMEENTE = "centrumgemeente", "Centrumgemeente"
    GASTHEER = "gastheer", "Gastheergemeente"


@dataclass(frozen=True)
class VormEigenschappen:
    rechtsgebied: str
    grondslag: str
    rechtspersoonlijkheid: bool
    uitleg: str
    uitvoerende_rol: str | None = None


VORMEN = {
    Vorm.OPENBAAR_LICHAAM: VormEigenschappen(
        Rechtsgebied.PUBLIEKRECHT,
        "Wgr art. 8 lid 1",
        True,
        "Een zelfstandige overheidsorganisatie met een algemeen bestuur, een dagelijks bestuur "
        "en een voorzitter.",
    ),
    Vorm.BEDRIJFSVOERINGSORGANISATIE: VormEigenschappen(
        Rechtsgebied.PUBLIEKRECHT,
        "Wgr art. 8 lid 3",
        True,
        "Een zelfstandige organisatie met één bestuur, alleen voor ondersteunende en "
        "uitvoerende taken.",
    ),
    Vorm.GEMEENSCHAPPELIJK_ORGAAN: VormEigenschappen(
        Rechtsgebied.PUBLIEKRECHT,
        "Wgr art. 8 lid 2",
        False,
        "Een gezamenlijk orgaan zonder eigen rechtspersoonlijkheid, bijvoorbeeld een "
        "gezamenlijke rekenkamer.",
    ),
    Vorm.CENTRUMGEMEENTE: VormEigenschappen(
        Rechtsgebied.PUBLIEKRECHT,
        "Wgr art. 8 lid 4",
        False,
        "Eén gemeente, de centrumgemeente, voert taken uit voor de andere deelnemers, meestal "
        "in mandaat.",
        Rol.CENTRUMGEMEENTE,
    ),
    Vorm.REGELING_ZONDER_MEER: VormEigenschappen(
        Rechtsgebied.PUBLIEKRECHT,
        "Wgr art. 1",
        False,
        "De lichtste vorm: afspraken onder de Wgr zonder eigen organisatie, in feite een "
        "samenwerkingsovereenkomst.",
        Rol.CENTRUMGEMEENTE,
    ),
    Vorm.STICHTING: VormEigenschappen(
        Rechtsgebied.PRIVAATRECHT, "BW boek 2, titel 6", True, "Een privaatrechtelijke stichting."
    ),
    Vorm.VERENIGING: VormEigenschappen(
        Rechtsgebied.PRIVAATRECHT, "BW boek 2, titel 2", True, "Een vereniging met leden."
    ),
    Vorm.COOPERATIE: VormEigenschappen(
        Rechtsgebied.PRIVAATRECHT,
        "BW boek 2, titel 3",
        True,
        "Een coöperatie: een vereniging die voorziet in bepaalde stoffelijke behoeften van haar "
        "leden.",
    ),
    Vorm.BV: VormEigenschappen(
        Rechtsgebied.PRIVAATRECHT, "BW boek 2, titel 5", True, "Een besloten vennootschap."
    ),
    Vorm.NV: VormEigenschappen(
        Rechtsgebied.PRIVAATRECHT, "BW boek 2, titel 4", True, "Een naamloze vennootschap."
    ),
    Vorm.CV: VormEigenschappen(
        Rechtsgebied.PRIVAATRECHT,
        "Wetboek van Koophandel art. 19",
        False,
        "Een commanditaire vennootschap, zonder rechtspersoonlijkheid.",
    ),
    Vorm.OVEREENKOMST: VormEigenschappen(
        Rechtsgebied.PRIVAATRECHT,
        "BW boek 6 en 7",
        False,
        "Een overeenkomst tussen gemeenten, bijvoorbeeld een dienstverleningsovereenkomst.",
        Rol.GASTHEER,
    ),
    Vorm.GASTHEER: VormEigenschappen(
        Rechtsgebied.PRIVAATRECHT,
        "BW boek 6 en 7",
        False,
        "Eén gemeente, de gastheergemeente, huisvest de gezamenlijke dienst en voert die uit "
        "voor de andere gemeenten.",
        Rol.GASTHEER,
    ),
    Vorm.CONVENANT: VormEigenschappen(
        Rechtsgebied.BESTUURLIJK, "geen (bestuurlijke afspraak)", False, "Een convenant."
    ),
    Vorm.INTENTIEVERKLARING: VormEigenschappen(
        Rechtsgebied.BESTUURLIJK,
        "geen (bestuurlijke afspraak)",
        False,
        "Een verklaring van voornemens om samen te werken.",
    ),
    Vorm.BESTUURSOVEREENKOMST: VormEigenschappen(
        Rechtsgebied.BESTUURLIJK,
        "geen (bestuurlijke afspraak)",
        False,
        "Een overeenkomst tussen bestuursorganen over de uitoefening van hun taken.",
    ),
    Vorm.NIET_VASTGELEGD: VormEigenschappen(
        Rechtsgebied.BESTUURLIJK, "geen", False, "Samenwerking die niet is vastgelegd."
    ),
}

VORMEN_MET_RECHTSPERSOONLIJKHEID = [v for v, e in VORMEN.items() if e.rechtspersoonlijkheid]
# The bodies a regeling can set up (Wgr art. 27 lid 1 sub e).
VORMEN_MET_ORGAAN = [
    Vorm.OPENBAAR_LICHAAM,
    Vorm.BEDRIJFSVOERINGSORGANISATIE,
    Vorm.GEMEENSCHAPPELIJK_ORGAAN,
]


class Status(models.TextChoices):
    IN_VOORBEREIDING = "in_voorbereiding", "In voorbereiding"
    IN_WERKING = "in_werking", "In werking"
    OPGEHEVEN = "opgeheven", "Opgeheven"


class Domein(models.TextChoices):
    BELEIDSVOERING = "beleidsvoering", "Beleidsvoering"
    BEDRIJFSVOERING = "bedrijfsvoering", "Bedrijfsvoering"


class Beleidsintensiteit(models.TextChoices):
    BELEIDSRIJK = "beleidsrijk", "Beleidsrijk"
    BELEIDSARM = "beleidsarm", "Beleidsarm"


class PublicatieSoort(models.TextChoices):
    CVDR = "cvdr", "CVDR (lokale regelgeving)"
    GEMEENTEBLAD = "gemeenteblad", "Gemeenteblad"
    STAATSCOURANT = "staatscourant", "Staatscourant"
    RAADSVOORSTEL = "raadsvoorstel", "Raadsvoorstel"
    OVERIG = "overig", "Overig"


class Gevolg(models.TextChoices):
    """What a herindeling means for a regeling (the herindelingsscan)."""

    VERVALT = "vervalt", "Vervalt / herijken"
    GAAT_OVER = "gaat_over", "Deelname gaat over"
    SAMENVOEGEN = "samenvoegen", "Samenvoegen"
    GEEN = "geen", "Geen gevolgen"


GEVOLG_UITLEG = {
    Gevolg.VERVALT: "Alle deelnemers komen in één gemeente terecht: de regeling verliest haar "
    "doel en moet worden herijkt of opgeheven.",
    Gevolg.GAAT_OVER: "De deelname van de opgeheven gemeente gaat over op de opvolger.",
    Gevolg.SAMENVOEGEN: "Meer dan één betrokken gemeente neemt deel: de deelnames worden één, "
    "met gevolgen voor de verdeelsleutel en de vertegenwoordiging in het bestuur.",
    Gevolg.GEEN: "Alleen de gemeente die verder gaat neemt deel; er verandert niets.",
}


class Mutatie(models.TextChoices):
    DEELNAME_BEEINDIGD = "deelname_beeindigd", "Deelname beëindigd"
    DEELNAME_AANGEMAAKT = "deelname_aangemaakt", "Deelname aangemaakt"
    GEMEENTE_OPGEHEVEN = "gemeente_opgeheven", "Gemeente opgeheven"


# --- Grip op samenwerking (issue 7): besluitvorming, jaarcyclus, vertegenwoordiging, financiën,
# evaluatie.

# Legal terms of the Wgr (DOMAIN.md §3). The computations that use them are in agreements/grip.py.
ZIENSWIJZE_WEKEN_REGELING = 8  # art. 1 lid 2: a raad may give a zienswijze within 8 weeks
ZIENSWIJZE_WEKEN_BEGROTING = 12  # art. 35 lid 1 (since 1 July 2022): ontwerpbegroting, 12 weeks


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
    """How the costs are divided (seed 002: per inwoner, gemiddelde kosten, mix)."""

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
    """The four parts of the toetsingskader of Voorschoten (seed 002, §3)."""

    STRATEGISCH = "strategisch", "Strategisch"
    BEDRIJFSVOERING = "bedrijfsvoering", "Bedrijfsvoering"
    BEDRIJFSECONOMISCH = "bedrijfseconomisch", "Bedrijfseconomisch"
    JURIDISCH = "juridisch", "Juridisch"


# The questions of the toetsingskader, as seed 002 lists them under each part.
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

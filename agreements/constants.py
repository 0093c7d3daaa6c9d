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
    ONBEKEND = "onbekend", "Gevolg onbekend"
    SPLITSING = "splitsing", "Grondgebied verdeeld"


GEVOLG_UITLEG = {
    Gevolg.VERVALT: "Alle deelnemers komen in één gemeente terecht: de regeling verliest haar "
    "doel en moet worden herijkt of opgeheven.",
    Gevolg.GAAT_OVER: "De deelname van de opgeheven gemeente gaat over op de opvolger.",
    Gevolg.SAMENVOEGEN: "Meer dan één betrokken gemeente neemt deel: de deelnames worden één, "
    "met gevolgen voor de verdeelsleutel en de vertegenwoordiging in het bestuur.",
    Gevolg.GEEN: "Alleen de gemeente die verder gaat neemt deel; er verandert niets.",
    Gevolg.ONBEKEND: "Niet alle deelnemers van de regeling zijn bekend: of er na de herindeling "
    "nog andere deelnemers zijn, weet het register niet. Stel de deelnemerslijst vast voordat u "
    "conclusies trekt.",
    Gevolg.SPLITSING: "Het grondgebied van een opgeheven gemeente is verdeeld over meer "
    "gemeenten: haar deelname eindigt en gaat niet vanzelf over; de raden van de opvolgers "
    "beslissen of zij (blijven) deelnemen.",
}


class Mutatie(models.TextChoices):
    DEELNAME_BEEINDIGD = "deelname_beeindigd", "Deelname beëindigd"
    DEELNAME_AANGEMAAKT = "deelname_aangemaakt", "Deelname aangemaakt"
    GEMEENTE_OPGEHEVEN = "gemeente_opgeheven", "Gemeente opgeheven"

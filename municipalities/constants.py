from django.db import models

from registry.converters import PROVINCIE_CODE

TOOI_BASIS = "https://identifier.overheid.nl/tooi/id/"
CBS_CODE_FOUT = "Een CBS-code is GM gevolgd door 4 cijfers."


class PartnerSoort(models.TextChoices):
    PROVINCIE = "provincie", "Provincie"
    WATERSCHAP = "waterschap", "Waterschap"
    RIJK = "rijk", "Rijk / ministerie"
    SAMENWERKINGSVERBAND = (
        "samenwerkingsverband",
        "Gemeenschappelijke regeling of samenwerkingsorganisatie",
    )
    MAATSCHAPPELIJK = "maatschappelijk", "Maatschappelijke organisatie"
    ONDERWIJS = "onderwijs", "Onderwijsinstelling"
    BEDRIJF = "bedrijf", "Bedrijf"
    OVERIG = "overig", "Overig"


# TOOI kind and code pattern of the identifier of each sort of partner that has one.
PARTNER_CODES = {
    PartnerSoort.PROVINCIE: ("provincie", f"^{PROVINCIE_CODE}$"),
    PartnerSoort.WATERSCHAP: ("waterschap", r"^ws[0-9]{4}$"),
    PartnerSoort.SAMENWERKINGSVERBAND: ("so", r"^so[0-9]{4}$"),
    PartnerSoort.RIJK: ("ministerie", r"^mnre[0-9]{4}$"),
}

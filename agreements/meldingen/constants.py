"""Choices of a melding: its status, and the part of the page it is about."""

from django.db import models


class Status(models.TextChoices):
    NIEUW = "nieuw", "Nieuw"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    AFGEHANDELD = "afgehandeld", "Afgehandeld"


class Onderdeel(models.TextChoices):
    """What on the page the melding is about; the form offers the parts of the kind of page."""

    NAAM = "naam", "Naam, afkorting of vorm"
    DATUMS = "datums", "Datums (begin, einde, status)"
    DEELNEMERS = "deelnemers", "Deelnemers of deelnames"
    INHOUD = "inhoud", "Doel, bevoegdheden of wettelijke voorschriften"
    THEMAS = "themas", "Thema's"
    ADRES = "adres", "Vestigingsplaats, adres of bron"
    GEGEVENS = "gegevens", "CBS-code, provincie of opheffing"
    BESLUITVORMING = "besluitvorming", "Besluitvorming, termijnen of financiën"
    ANDERS = "anders", "Iets anders"


ONDERDELEN = {
    "regeling": [
        Onderdeel.NAAM,
        Onderdeel.DATUMS,
        Onderdeel.DEELNEMERS,
        Onderdeel.INHOUD,
        Onderdeel.THEMAS,
        Onderdeel.ADRES,
        Onderdeel.BESLUITVORMING,
        Onderdeel.ANDERS,
    ],
    "gemeente": [
        Onderdeel.GEGEVENS,
        Onderdeel.DEELNEMERS,
        Onderdeel.BESLUITVORMING,
        Onderdeel.ANDERS,
    ],
}

# The longest text a melding can hold: a few paragraphs, enough for an error and its source.
MAXIMALE_LENGTE = 5000

"""The public grip data in the download of a peildatum (registry/datapakket.py), after the
resources of the register itself: procedure steps, jaarstukken and zienswijzen, evaluations
with their toetsing, bijdragen and jaarcijfers up to the peildatum, and the raadsafspraken and
beëindigingsafspraken. Vertegenwoordigers and rapporteurs are left out: they name persons."""

from django.db.models import Q

from registry.datapakket import Bron, registreer

from .models import (
    Beeindiging,
    Bijdrage,
    Evaluatie,
    Jaarcijfers,
    Jaarstuk,
    Procedurestap,
    Raadsafspraak,
    Toetsing,
    Zienswijze,
)

GEMEENTEN = {
    "title": "Raadsvoorstellen en documenten van gemeenten: de bron van elke rij staat in haar "
    "kolom bron, zie fixtures/README.md (grip.json)",
    "path": "fixtures/README.md",
}


def tot_en_met(veld: str):
    """Rows whose ``veld`` (a date) is on or before the peildatum, or unknown."""
    return lambda datum: Q(**{f"{veld}__isnull": True}) | Q(**{f"{veld}__lte": datum})


def registreer_bronnen() -> None:
    for naam, titel, beschrijving, model, filter_ in [
        (
            "procedurestappen",
            "Procedurestappen",
            "De stappen van de Wgr-procedure (art. 1) per regeling en gemeente.",
            Procedurestap,
            tot_en_met("datum"),
        ),
        (
            "jaarstukken",
            "Jaarstukken",
            "Kaderbrief, (ontwerp)begroting en (voorlopige) jaarrekening per regeling en jaar.",
            Jaarstuk,
            tot_en_met("ontvangen"),
        ),
        (
            "zienswijzen",
            "Zienswijzen",
            "Zienswijzen van de raden op jaarstukken.",
            Zienswijze,
            tot_en_met("datum"),
        ),
        (
            "evaluaties",
            "Evaluaties",
            "Evaluaties van samenwerkingen, door één raad of door alle deelnemers.",
            Evaluatie,
            tot_en_met("datum"),
        ),
        (
            "toetsingen",
            "Toetsingen",
            "Antwoorden op het toetsingskader van een evaluatie.",
            Toetsing,
            lambda datum: Q(),
        ),
        (
            "bijdragen",
            "Bijdragen",
            "Begrote en gerealiseerde bijdragen van gemeenten per jaar.",
            Bijdrage,
            lambda datum: Q(jaar__lte=datum.year),
        ),
        (
            "jaarcijfers",
            "Jaarcijfers",
            "Vermogen, resultaat en risico's van een regeling per jaar.",
            Jaarcijfers,
            lambda datum: Q(jaar__lte=datum.year),
        ),
        (
            "raadsafspraken",
            "Raadsafspraken",
            "Afspraken van een raad over grip, zoals het interval van evaluaties.",
            Raadsafspraak,
            lambda datum: Q(),
        ),
        (
            "beeindigingen",
            "Beëindigingsafspraken",
            "Opzegtermijn, uittredingsvoorwaarden en ontvlechtingskosten per regeling.",
            Beeindiging,
            lambda datum: Q(),
        ),
    ]:
        heeft_uuid = any(f.name == "uuid" for f in model._meta.concrete_fields)
        registreer(
            Bron(
                naam,
                titel,
                beschrijving,
                model,
                lambda datum, model=model, filter_=filter_: model.objects.filter(filter_(datum)),
                sleutel="uuid" if heeft_uuid else "pk",
                bronnen=(GEMEENTEN,),
            )
        )

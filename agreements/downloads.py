"""The resources of the register in the download of a peildatum (registry/datapakket.py): what
is valid on that day — gemeenten, partners, regelingen with their name and vorm of that day,
their versions up to then, the deelnames running then — with the herindelingen up to then and
the gemeenten and partners those refer to, and the thema's. Registered in
``AgreementsConfig.ready()``; grip adds its own resources after these."""

import datetime
import os
import tempfile

from django.db.models import Q

from municipalities.models import Gemeente, Herindeling, Overgang, Partner
from registry.datapakket import CC_BY, Bron, Extra, registreer, schrijf_sqlite, schrijf_zip
from registry.geldigheid import actief_op_q

from .models import Deelname, Regeling, RegelingVersie, Thema

ZIP_TYPE = "application/zip"
SQLITE_TYPE = "application/vnd.sqlite3"
TITEL = "Samenwerkingsregister"
RECENTE_MAANDEN = 12

ROO = {
    "title": "Register van Overheidsorganisaties (ROO), landelijke export van mei 2026 (CC0)",
    "path": "https://organisaties.overheid.nl/archive/exportOO.xml",
}
POLDER = {
    "title": "Identificatoren (ROO-systeemId, OIN, KvK, RSIN, Wikidata) uit de CC0-spiegel "
    "polder van het ROO, met OIN uit het COR van Logius en Wikidata (mei 2026)",
    "path": "fixtures/identificatoren.csv",
}
CASUSSEN = {
    "title": "De voorbeeldcasussen: de bron van elke regeling staat in haar kolommen bron en "
    "bron_url (raadsvoorstellen, documenten van gemeenten, ROO/OpenGR), zie fixtures/README.md",
    "path": "fixtures/README.md",
}
CBS = {
    "title": "CBS Gebiedsindelingen: gemeentekaarten van 1 januari 2015 en 2022 (CC BY 4.0), met "
    "wet en Staatsblad uit de Eerste Kamer; de bron van elke herindeling staat in haar kolom bron",
    "path": "https://www.cbs.nl/nl-nl/dossier/nederland-regionaal/geografische-data",
}
TOOI = {
    "title": "TOOI-thesaurus van beleidsterreinen (Waardelijsten, CC0)",
    "path": "https://standaarden.overheid.nl/tooi/waardelijsten/",
}


GELDIG = Extra(
    "geldig_op_peildatum",
    "boolean",
    "Waar als de rij op de peildatum geldt; onwaar voor een rij die alleen is opgenomen omdat "
    "een andere rij ernaar verwijst (een opgeheven gemeente van een herindeling).",
    lambda obj, datum: obj.is_actief_op(datum),
)


def herindelingen(datum: datetime.date):
    return Herindeling.objects.filter(datum__lte=datum)


def deelnames(datum: datetime.date):
    return Deelname.objects.actief_op(datum)


def partners(datum: datetime.date):
    return Partner.objects.filter(
        Q(actief_op_q(datum))
        | Q(pk__in=deelnames(datum).values("partner"))
        | Q(pk__in=Gemeente.objects.filter(actief_op_q(datum)).values("provincie"))
    )


def gemeenten(datum: datetime.date):
    gebeurd = herindelingen(datum)
    return Gemeente.objects.filter(
        Q(actief_op_q(datum))
        | Q(pk__in=deelnames(datum).values("gemeente"))
        | Q(pk__in=gebeurd.values("opgeheven"))
        | Q(pk__in=gebeurd.values("opvolger"))
        | Q(pk__in=Overgang.objects.filter(herindeling__in=gebeurd).values("gemeente"))
        | Q(pk__in=Overgang.objects.filter(herindeling__in=gebeurd).values("opvolger"))
    )


def regelingen(datum: datetime.date):
    return Regeling.objects.actief_op(datum).op_peildatum(datum)


def registreer_bronnen() -> None:
    registreer(
        Bron(
            "partners",
            "Partners",
            "Deelnemers die geen gemeente zijn (provincies, waterschappen, samenwerkings"
            "organisaties, ministeries), met hun identificatoren.",
            Partner,
            partners,
            sleutel="slug",
            extra=(
                Extra(
                    "tooi", "string", "TOOI-identificatie (leeg als onbekend).", lambda p, d: p.tooi
                ),
                GELDIG,
            ),
            bronnen=(ROO, POLDER),
        )
    )
    registreer(
        Bron(
            "gemeenten",
            "Gemeenten",
            "De gemeenten op de peildatum en de opgeheven gemeenten waarnaar een herindeling "
            "verwijst, met CBS-code, TOOI, organisatiecode en de andere identificatoren. De "
            "opvolger staat er pas bij als de gemeente op de peildatum al is opgeheven.",
            Gemeente,
            gemeenten,
            sleutel="code",
            extra=(
                Extra("tooi", "string", "TOOI-identificatie.", lambda g, d: g.tooi),
                Extra(
                    "organisatiecode",
                    "string",
                    "Organisatiecode (ROO/TOOI): de CBS-code in kleine letters.",
                    lambda g, d: g.organisatiecode,
                ),
                GELDIG,
            ),
            bronnen=(ROO, POLDER),
        )
    )
    registreer(
        Bron(
            "herindelingen",
            "Herindelingen",
            "Gemeentelijke herindelingen tot en met de peildatum.",
            Herindeling,
            herindelingen,
            sleutel="slug",
            weglaten=("toegepast_op",),
            licenties=(CC_BY,),
            bronnen=(CBS,),
        )
    )
    registreer(
        Bron(
            "herindeling_opgeheven",
            "Opgeheven gemeenten per herindeling",
            "Welke gemeenten bij welke herindeling zijn opgeheven.",
            Herindeling.opgeheven.through,
            lambda datum: Herindeling.opgeheven.through.objects.filter(
                herindeling__in=herindelingen(datum)
            ),
            licenties=(CC_BY,),
            bronnen=(CBS,),
        )
    )
    registreer(
        Bron(
            "overgangen",
            "Overgangen van grondgebied",
            "Waar het grondgebied van een opgeheven gemeente heen ging, met het aandeel.",
            Overgang,
            lambda datum: Overgang.objects.filter(herindeling__in=herindelingen(datum)),
            licenties=(CC_BY,),
            bronnen=(CBS,),
        )
    )
    registreer(
        Bron(
            "themas",
            "Thema's",
            "Beleidsterreinen uit de TOOI-thesaurus, met domein en beleidsintensiteit.",
            Thema,
            lambda datum: Thema.objects.all(),
            sleutel="slug",
            bronnen=(TOOI,),
        )
    )
    registreer(
        Bron(
            "regelingen",
            "Regelingen",
            "De regelingen die op de peildatum in werking zijn, met naam, afkorting, vorm, doel "
            "en status van die dag en de identificatoren van hun organisatie.",
            Regeling,
            regelingen,
            sleutel="slug",
            extra=(
                Extra(
                    "tooi",
                    "string",
                    "TOOI-identificatie van de organisatie van de regeling (leeg als onbekend).",
                    lambda r, d: r.tooi,
                ),
            ),
            bronnen=(ROO, POLDER, CASUSSEN),
        )
    )
    registreer(
        Bron(
            "regeling_themas",
            "Thema's per regeling",
            "Op welke thema's een regeling betrekking heeft.",
            Regeling.themas.through,
            lambda datum: Regeling.themas.through.objects.all(),
            bronnen=(ROO, CASUSSEN),
        )
    )
    registreer(
        Bron(
            "regeling_versies",
            "Versies van regelingen",
            "Elke versie van een regeling die op de peildatum is begonnen (of waarvan het begin "
            "onbekend is), met titel, vorm en ROO-systeemId.",
            RegelingVersie,
            lambda datum: RegelingVersie.objects.filter(
                Q(begindatum__isnull=True) | Q(begindatum__lte=datum)
            ),
            bronnen=(ROO, CASUSSEN),
        )
    )
    registreer(
        Bron(
            "deelnames",
            "Deelnames",
            "Wie op de peildatum deelneemt aan welke regeling, sinds wanneer en namens welk "
            "bestuursorgaan.",
            Deelname,
            deelnames,
            sleutel="uuid",
            bronnen=(ROO, CASUSSEN),
        )
    )


def bestandsnaam(peildatum: datetime.date, formaat: str) -> str:
    return f"samenwerkingsregister-{peildatum.isoformat()}.{formaat}"


def maak(*, peildatum: datetime.date, formaat: str):
    """The download of ``peildatum`` in a temporary file (zip or sqlite), opened for reading at
    its start; the file is gone once it is closed."""
    if formaat == "zip":
        bestand = tempfile.TemporaryFile()  # noqa: SIM115  (closed by the response)
        schrijf_zip(peildatum, bestand, TITEL)
        bestand.seek(0)
        return bestand
    descriptor, pad = tempfile.mkstemp(suffix=".sqlite")
    os.close(descriptor)
    try:
        os.unlink(pad)  # sqlite3 creates it anew
        schrijf_sqlite(peildatum, pad, TITEL)
        bestand = open(pad, "rb")  # noqa: SIM115  (closed by the response)
    finally:
        if os.path.exists(pad):
            os.unlink(pad)  # the open file stays readable until it is closed
    return bestand


def eerste_van_de_maand(vandaag: datetime.date, aantal: int = RECENTE_MAANDEN) -> list:
    """The first days of the last ``aantal`` months, this month first."""
    dagen, dag = [], vandaag.replace(day=1)
    for _ in range(aantal):
        dagen.append(dag)
        dag = (dag - datetime.timedelta(days=1)).replace(day=1)
    return dagen

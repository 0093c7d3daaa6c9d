"""Benchmark: the ROO import at national size.

Writes a synthetic export like the national one (about 4,500 organisaties, 550 regelingen in
1,190 versions, 9,500 deelnemer rows, some 30 MB) into a fresh SQLite database with the
voorbeelddata (or the one DATABASE_URL names), imports it twice and compares the times with their
goals; the second run must change nothing. Run with ``make bench``; it prints a table and
exits non-zero when a goal is missed.
"""

import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from agreements.models import Deelname, RooImport  # noqa: E402
from municipalities.models import Gemeente  # noqa: E402

REGELINGEN = 550
VERSIES_PER_REGELING = (1, 1, 2, 2, 3, 4)
DEELNEMERS_PER_VERSIE = (2, 14)
ORGANISATIES = 4500
VORMEN = ("OL", "OL", "OL", "BVO", "GO", "RZM")

# Goals in seconds.
DOELEN = {"eerste import": 20, "tweede import (niets veranderd)": 20}


def schrijf_export(pad: Path, codes: list[str]):
    rng = random.Random(2026)
    opvulling = escape("Beschrijving van de organisatie. " * 150)
    with pad.open("w", encoding="utf-8") as uit:
        uit.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<p:overheidsorganisaties '
            'xmlns:p="https://organisaties.overheid.nl/static/schema/oo/export/2.6.9">\n'
            "<p:organisaties>\n"
        )
        for i in range(ORGANISATIES):
            uit.write(
                f'<p:organisatie p:systeemId="{100000 + i}"><p:naam>Organisatie {i}</p:naam>'
                "<p:types><p:type>Regionaal samenwerkingsorgaan</p:type></p:types>"
                '<p:identificatiecodes><p:resourceIdentifier p:naam="Organisatiecode">'
                f"so{i % 10000:04d}</p:resourceIdentifier></p:identificatiecodes>"
                f"<p:beschrijving>{opvulling}</p:beschrijving></p:organisatie>\n"
            )
        uit.write("</p:organisaties>\n<p:gemeenschappelijkeRegelingen>\n")
        for r in range(REGELINGEN):
            aantal = VERSIES_PER_REGELING[r % len(VERSIES_PER_REGELING)]
            leden = rng.sample(codes, rng.randint(*DEELNEMERS_PER_VERSIE))
            for v in range(aantal):
                sid = (r + 1) * 10 + v
                if v and len(leden) > 2 and rng.random() < 0.3:
                    leden.pop()
                rijen = "".join(
                    '<p:deelnemendeOrganisatie p:resourceIdentifierTOOI="https://identifier.'
                    f'overheid.nl/tooi/id/gemeente/{code.lower()}"><p:naam>Gemeente</p:naam>'
                    "<p:toetredingsDatum>2012-01-01</p:toetredingsDatum><p:bestuursorganen>"
                    "<p:bestuursorgaan>College van burgemeester en wethouders</p:bestuursorgaan>"
                    "</p:bestuursorganen></p:deelnemendeOrganisatie>"
                    for code in leden
                )
                einde = (
                    f"<p:datumUitwerkingtreding>{2017 + v}-01-01</p:datumUitwerkingtreding>"
                    f'<p:nextVersion p:systeemId="{sid + 1}">x</p:nextVersion>'
                    if v + 1 < aantal
                    else ""
                )
                vorige = (
                    f'<p:previousVersion p:systeemId="{sid - 1}">x</p:previousVersion>' if v else ""
                )
                uit.write(
                    f'<p:regeling p:systeemId="{sid}"><p:titel>Regeling {r}</p:titel>'
                    f'<p:samenwerkingsvorm p:afkorting="{VORMEN[r % len(VORMEN)]}">x'
                    "</p:samenwerkingsvorm><p:bevoegdheidsverkrijgingen><p:bevoegdheidsverkrijging>"
                    "Mandaat</p:bevoegdheidsverkrijging></p:bevoegdheidsverkrijgingen>"
                    f'<p:regionaalSamenwerkingsorgaan p:systeemId="{100000 + r}">x'
                    "</p:regionaalSamenwerkingsorgaan>"
                    f"<p:deelnemendeOrganisaties>{rijen}</p:deelnemendeOrganisaties>"
                    "<p:instellingsbesluiten><p:referentie>https://lokaleregelgeving.overheid.nl/"
                    f"CVDR{sid}/1</p:referentie></p:instellingsbesluiten>"
                    f"<p:doel>Doel van regeling {r}.</p:doel>"
                    f"<p:datumInwerkingtreding>{2016 + v}-01-01</p:datumInwerkingtreding>"
                    f"{einde}{vorige}</p:regeling>\n"
                )
        uit.write("</p:gemeenschappelijkeRegelingen>\n</p:overheidsorganisaties>\n")


def main():
    call_command("migrate", verbosity=0)
    call_command("voorbeelddata", verbosity=0)
    codes = list(Gemeente.objects.filter(einddatum=None).values_list("code", flat=True))
    pad = Path(tempfile.mkdtemp()) / "exportOO.xml"
    schrijf_export(pad, codes)
    print(f"export: {pad.stat().st_size / 1e6:.1f} MB")
    gemist = False
    for naam, doel in DOELEN.items():
        begin = time.perf_counter()
        call_command("importeer_roo", str(pad), stdout=io.StringIO())
        duur = time.perf_counter() - begin
        resultaat = RooImport.objects.first()
        print(f"{naam:<35} {duur:6.1f} s  (doel {doel} s)  {resultaat.wijzigingen} wijzigingen")
        gemist |= duur > doel
    gemist |= resultaat.wijzigingen != 0
    print(f"deelnames: {Deelname.objects.count()}")
    sys.exit(1 if gemist else 0)


if __name__ == "__main__":
    main()

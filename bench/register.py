"""Benchmark: the API and the public pages at national size (about 450 regelingen and 9,500
deelnames).

Builds a synthetic register in a fresh SQLite database (or the one DATABASE_URL names), then
times every list and overview endpoint and every page type and compares the median with its
goal. Run with
``make bench``; it prints a table and exits non-zero when a goal is missed.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from agreements.constants import Vorm  # noqa: E402
from agreements.models import Deelname, Regeling, Thema  # noqa: E402
from municipalities.models import Gemeente  # noqa: E402

REGELINGEN = 450
DEELNAMES_PER_REGELING = (2, 40)
HERHALINGEN = 7

# Median response time goals in milliseconds.
DOELEN = {
    "/api/v1/regelingen?pageSize=100": 150,
    "/api/v1/regelingen?gemeente=GM0014&peildatum=2020-01-01": 150,
    "/api/v1/deelnames?pageSize=100": 150,
    "/api/v1/gemeenten?pageSize=100": 100,
    "/api/v1/gemeenten/GM0014/overzicht": 400,
    "/api/v1/netwerk?pageSize=100": 800,
    "/api/v1/cijfers/themas": 600,
    "/api/v1/cijfers/provincies": 600,
    "/api/v1/deelnames?format=csv": 3000,
    "/api/v1/gemeenten/GM0014/register": 300,
    # The public pages.
    "/": 300,
    "/zoeken?zoek=groningen": 200,
    "/regelingen": 300,
    "/regelingen?thema=natuur-en-milieu&peildatum=2020-01-01": 300,
    "/regelingen/bench-1": 150,
    "/gemeenten": 200,
    "/gemeenten/GM0014": 500,
    "/gemeenten/GM0014/register": 300,
    "/themas/natuur-en-milieu": 800,
    "/partners/pv20": 150,
    "/provincies/pv20": 800,
    "/cijfers": 800,
}


def bouw_register():
    call_command("collectstatic", interactive=False, verbosity=0)  # pages need the manifest
    call_command("migrate", verbosity=0)
    call_command("voorbeelddata", verbosity=0)
    rng = random.Random(2026)
    gemeenten = list(Gemeente.objects.filter(einddatum=None))
    themas = list(Thema.objects.all())
    vormen = [Vorm.OPENBAAR_LICHAAM, Vorm.BEDRIJFSVOERINGSORGANISATIE, Vorm.REGELING_ZONDER_MEER]
    regelingen = Regeling.objects.bulk_create(
        Regeling(
            slug=f"bench-{i}",
            naam=f"Bench regeling {i}",
            vorm=rng.choice(vormen),
            bron="Benchmark",
            begindatum="2015-01-01",
        )
        for i in range(REGELINGEN)
    )
    Regeling.themas.through.objects.bulk_create(
        Regeling.themas.through(regeling=r, thema=t)
        for r in regelingen
        for t in rng.sample(themas, 2)
    )
    Deelname.objects.bulk_create(
        Deelname(regeling=r, gemeente=g, begindatum="2015-01-01")
        for r in regelingen
        for g in rng.sample(gemeenten, rng.randint(*DEELNAMES_PER_REGELING))
    )


def meet(client, url):
    tijden = []
    for _ in range(HERHALINGEN):
        begin = time.perf_counter()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        tijden.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(tijden)


def main():
    bouw_register()
    print(f"{Regeling.objects.count()} regelingen, {Deelname.objects.count()} deelnames")
    client = Client()
    gemist = 0
    for url, doel in DOELEN.items():
        mediaan = meet(client, url)
        ok = mediaan <= doel
        gemist += not ok
        print(f"{'ok ' if ok else 'TE TRAAG'} {mediaan:8.1f} ms (doel {doel} ms)  {url}")
    sys.exit(1 if gemist else 0)


if __name__ == "__main__":
    main()

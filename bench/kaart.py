"""Benchmark: the map pages at national size (the seed data with the national ROO snapshot, as
`make run` loads it) against the same pages without their map, and the size of the national SVG.

Goals: a page with its map takes at most twice the time of the page without it (median, the
boundaries of the date in the cache as after the first request), and the SVG of the national
map is under 400 kB. Run with ``python bench/kaart.py``; it prints a table and exits non-zero
when a goal is missed. The first request of a date (boundaries not yet in the cache) is shown
too, without a goal.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from agreements import kaart  # noqa: E402
from agreements.models import Deelname, Regeling  # noqa: E402

HERHALINGEN = 9
MAXIMALE_VERHOUDING = 2.0
MAXIMALE_SVG = 400_000
PAGINAS = [
    "/regelingen/holland-rijnland?peildatum=2026-01-01",
    "/gemeenten/GM0014?peildatum=2026-01-01",
    "/gemeenten/GM0017?peildatum=2018-06-01",
    "/herindelingsscan?gemeenten=GM0017,GM0009,GM0014&datum=2019-01-01&opvolger=GM0014",
]
ZONDER_KAART = {
    "regeling_kaart": lambda **_: None,
    "gemeente_kaart": lambda **_: None,
    "scan_kaart": lambda **_: None,
}


def mediaan(client, url) -> float:
    tijden = []
    for _ in range(HERHALINGEN):
        begin = time.perf_counter()
        response = client.get(url)
        tijden.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(tijden)


def main():
    call_command("collectstatic", interactive=False, verbosity=0)  # pages need the manifest
    call_command("migrate", verbosity=0)
    call_command("voorbeelddata", "--landelijk", verbosity=0)
    print(f"{Regeling.objects.count()} regelingen, {Deelname.objects.count()} deelnames")
    client = Client()
    gemist = 0
    for url in PAGINAS:
        cache.clear()
        begin = time.perf_counter()
        client.get(url)
        eerste = (time.perf_counter() - begin) * 1000
        met = mediaan(client, url)
        with mock.patch.multiple(kaart, **ZONDER_KAART):
            zonder = mediaan(client, url)
        verhouding = met / zonder
        ok = verhouding <= MAXIMALE_VERHOUDING
        gemist += not ok
        print(
            f"{'ok ' if ok else 'TE TRAAG'} {met:7.1f} ms met kaart, {zonder:7.1f} ms zonder: "
            f"{verhouding:.2f}× (doel ≤ {MAXIMALE_VERHOUDING}×; eerste keer {eerste:.0f} ms)  "
            f"{url}"
        )
    for url in ("/kaart.svg?peildatum=2026-01-01", "/kaart.svg?peildatum=2018-06-01"):
        grootte = len(client.get(url).content)
        ok = grootte < MAXIMALE_SVG
        gemist += not ok
        print(f"{'ok ' if ok else 'TE GROOT'} {grootte / 1000:7.1f} kB (doel < 400 kB)  {url}")
    for url in (
        "/kaart?peildatum=2026-01-01",
        "/kaart?thema=natuur-en-milieu-afval&peildatum=2026-01-01",
        "/api/v1/kaart/gemeenten?peildatum=2026-01-01",
    ):
        print(f"    {mediaan(client, url):7.1f} ms  {url}")
    sys.exit(1 if gemist else 0)


if __name__ == "__main__":
    main()

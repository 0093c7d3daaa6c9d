"""Benchmark: the register at 1, 10 and 100 times the country, each endpoint against its limit.

For every scale N (``--schalen 1,10,100``) it creates its own PostgreSQL database bench_N,
builds the register with ``manage.py maak_schaal --schaal N``, serves it with gunicorn as
deployed (DEBUG off, gunicorn.conf.py, 2 workers) and measures every endpoint of ENDPOINTS:
median and p95 over HERHALINGEN requests, the first byte of exports, and in the same run the
*limit* for the same rows: one hand-written SQL query through psycopg, encoded with orjson, or
``COPY … CSV`` for an export. Queries per request are counted in-process (Django's test
client and CaptureQueriesContext on the same database), cold and with a warm cache. At
scale 1 it also measures throughput under bounded load from loopback, and runs a second
server on the same database (and Redis at 127.0.0.1:6379 when it answers) to show that a
write through one is visible at once through the other.

It prints everything and writes bench/RESULTS.md. Ratios are the goals, not milliseconds.
Add an endpoint by adding a line to ENDPOINTS (the map pages are there when they exist).

    make bench                      # 1, 10 and 100
    BENCH_SCHALEN=1,10 make bench   # fewer
"""

import argparse
import base64
import datetime
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import orjson
import psycopg
from psycopg.rows import dict_row

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
POORT = int(os.environ.get("BENCH_POORT", "8731"))
PEILDATUM = "2026-05-01"  # the day of the national snapshot
GEMEENTE = "GM0626"
REDIS = ("127.0.0.1", 6379)
# Requests per endpoint and scale (fewer at 100x, and for exports), to bound the runtime.
HERHALINGEN = {1: 15, 10: 9, 100: 5}
EXPORT_HERHALINGEN = {1: 3, 10: 2, 100: 1}
LAST_SECONDEN = 4
LAST_DRADEN = 4

ACTIEF_R = (
    "r.status <> 'in_voorbereiding' AND (r.begindatum IS NULL OR r.begindatum <= %(d)s)"
    " AND (r.einddatum IS NULL OR r.einddatum >= %(d)s)"
)
ACTIEF_D = (
    "(d.begindatum IS NULL OR d.begindatum <= %(d)s)"
    " AND (d.einddatum IS NULL OR d.einddatum >= %(d)s)"
)

SQL_REGELINGEN_GEMEENTE = f"""
SELECT r.id, r.slug, r.naam, r.afkorting, r.vorm, r.status, r.begindatum, r.einddatum,
       count(*) OVER () AS totaal,
       ARRAY(SELECT t.slug FROM agreements_regeling_themas rt
             JOIN agreements_thema t ON t.id = rt.thema_id WHERE rt.regeling_id = r.id) AS themas
FROM agreements_regeling r
WHERE {ACTIEF_R} AND EXISTS (
    SELECT 1 FROM agreements_deelname d JOIN municipalities_gemeente g ON g.id = d.gemeente_id
    WHERE d.regeling_id = r.id AND g.code = %(gemeente)s AND {ACTIEF_D})
ORDER BY r.naam, r.id LIMIT 20"""

SQL_REGELING = """
SELECT r.*,
  (SELECT json_agg(x) FROM (
     SELECT d.uuid, d.rol, d.begindatum, d.einddatum, d.verdeelsleutel, d.toelichting,
            g.code, g.naam, p.slug AS partner, p.naam AS partner_naam
     FROM agreements_deelname d
     LEFT JOIN municipalities_gemeente g ON g.id = d.gemeente_id
     LEFT JOIN municipalities_partner p ON p.id = d.partner_id
     WHERE d.regeling_id = r.id ORDER BY d.begindatum, d.id) x) AS deelnames,
  (SELECT json_agg(v ORDER BY v.begindatum, v.id) FROM agreements_regelingversie v
   WHERE v.regeling_id = r.id) AS versies,
  (SELECT json_agg(pu ORDER BY pu.datum, pu.id) FROM agreements_publicatie pu
   WHERE pu.regeling_id = r.id) AS publicaties,
  ARRAY(SELECT t.slug FROM agreements_regeling_themas rt JOIN agreements_thema t
        ON t.id = rt.thema_id WHERE rt.regeling_id = r.id) AS themas
FROM agreements_regeling r WHERE r.slug = %(slug)s"""

SQL_OVERZICHT = f"""
WITH eigen AS (
  SELECT DISTINCT d.regeling_id FROM agreements_deelname d
  JOIN municipalities_gemeente g ON g.id = d.gemeente_id
  JOIN agreements_regeling r ON r.id = d.regeling_id
  WHERE g.code = %(gemeente)s AND {ACTIEF_D} AND {ACTIEF_R})
SELECT json_build_object(
  'regelingen', (SELECT json_agg(json_build_object('slug', r.slug, 'naam', r.naam,
      'vorm', r.vorm, 'themas', ARRAY(SELECT rt.thema_id FROM agreements_regeling_themas rt
      WHERE rt.regeling_id = r.id)) ORDER BY r.naam)
    FROM agreements_regeling r WHERE r.id IN (SELECT regeling_id FROM eigen)),
  'gemeenten', (SELECT json_agg(x) FROM (
    SELECT g.code, g.naam, count(*) AS aantal FROM agreements_deelname d
    JOIN municipalities_gemeente g ON g.id = d.gemeente_id
    WHERE d.regeling_id IN (SELECT regeling_id FROM eigen) AND {ACTIEF_D}
      AND g.code <> %(gemeente)s
    GROUP BY g.code, g.naam ORDER BY aantal DESC, g.naam) x),
  'partners', (SELECT json_agg(x) FROM (
    SELECT p.slug, p.naam, count(*) AS aantal FROM agreements_deelname d
    JOIN municipalities_partner p ON p.id = d.partner_id
    WHERE d.regeling_id IN (SELECT regeling_id FROM eigen) AND {ACTIEF_D}
    GROUP BY p.slug, p.naam ORDER BY aantal DESC, p.naam) x))"""

SQL_NETWERK = f"""
SELECT a.code, a.naam, b.code AS andere, b.naam AS andere_naam, count(*) AS aantal
FROM agreements_deelname d JOIN agreements_deelname e
  ON e.regeling_id = d.regeling_id AND e.gemeente_id > d.gemeente_id
JOIN agreements_regeling r ON r.id = d.regeling_id
JOIN municipalities_gemeente a ON a.id = d.gemeente_id
JOIN municipalities_gemeente b ON b.id = e.gemeente_id
WHERE {ACTIEF_R} AND {ACTIEF_D}
  AND (e.begindatum IS NULL OR e.begindatum <= %(d)s)
  AND (e.einddatum IS NULL OR e.einddatum >= %(d)s)
GROUP BY a.code, a.naam, b.code, b.naam ORDER BY aantal DESC, a.code, b.code LIMIT 20"""

SQL_THEMAS = f"""
SELECT t.slug, t.naam, count(DISTINCT r.id) AS regelingen,
       count(DISTINCT d.gemeente_id) AS gemeenten,
       count(DISTINCT r.id) FILTER (WHERE r.vorm = 'openbaar_lichaam') AS ol
FROM agreements_thema t
JOIN agreements_regeling_themas rt ON rt.thema_id = t.id
JOIN agreements_regeling r ON r.id = rt.regeling_id
LEFT JOIN agreements_deelname d ON d.regeling_id = r.id AND {ACTIEF_D}
WHERE {ACTIEF_R} GROUP BY t.slug, t.naam ORDER BY t.naam"""

SQL_REGELING_LIJST = f"""
SELECT r.id, r.slug, r.naam, r.afkorting, r.vorm, r.status, count(*) OVER () AS totaal,
       ARRAY(SELECT t.naam FROM agreements_regeling_themas rt JOIN agreements_thema t
             ON t.id = rt.thema_id WHERE rt.regeling_id = r.id) AS themas
FROM agreements_regeling r WHERE {ACTIEF_R} ORDER BY r.naam, r.id LIMIT 25"""

COPY_REGELINGEN = f"""
COPY (SELECT r.slug, r.naam, r.afkorting, r.vorm, r.status,
  (SELECT string_agg(coalesce(g.naam, p.naam), '; ' ORDER BY coalesce(g.naam, p.naam))
   FROM agreements_deelname d LEFT JOIN municipalities_gemeente g ON g.id = d.gemeente_id
   LEFT JOIN municipalities_partner p ON p.id = d.partner_id
   WHERE d.regeling_id = r.id AND {ACTIEF_D}),
  (SELECT string_agg(t.slug, '; ') FROM agreements_regeling_themas rt
   JOIN agreements_thema t ON t.id = rt.thema_id WHERE rt.regeling_id = r.id),
  r.doel, r.begindatum, r.einddatum, r.vestigingsplaats, r.adres, r.wettelijke_grondslagen,
  r.bevoegdheden, r.organisatiecode, r.oin, r.kvk_nummer, r.bron, r.bron_url
FROM agreements_regeling r WHERE {ACTIEF_R} ORDER BY r.naam, r.id)
TO STDOUT WITH (FORMAT csv, HEADER, DELIMITER ';')"""

COPY_DEELNAMES = f"""
COPY (SELECT d.uuid, r.slug, g.code, p.slug, coalesce(g.naam, p.naam), d.rol, d.begindatum,
  d.einddatum, concat_ws('; ', CASE WHEN d.namens_raad THEN 'raad' END,
  CASE WHEN d.namens_college THEN 'college' END,
  CASE WHEN d.namens_burgemeester THEN 'burgemeester' END), d.verdeelsleutel, d.toelichting
FROM agreements_deelname d JOIN agreements_regeling r ON r.id = d.regeling_id
LEFT JOIN municipalities_gemeente g ON g.id = d.gemeente_id
LEFT JOIN municipalities_partner p ON p.id = d.partner_id
WHERE {ACTIEF_D} AND {ACTIEF_R} ORDER BY r.naam, d.begindatum, d.id)
TO STDOUT WITH (FORMAT csv, HEADER, DELIMITER ';')"""


@dataclass
class Endpoint:
    naam: str
    pad: str  # may name {slug} (the regeling with the most deelnames) and {gemeente}
    limiet: str  # SQL (JSON through orjson) or COPY
    soort: str = "api"  # api, pagina, export
    landelijk: bool = False  # a national aggregate: served from the cache when repeated
    per: str = ""  # "gemeente", "regeling", "thema": must not grow with the register
    schalen: tuple = (1, 10, 100)
    herhalingen: int = 0  # at most this many requests (0: as HERHALINGEN says)


ENDPOINTS = [
    Endpoint(
        "regelingen van een gemeente op een peildatum",
        f"/api/v1/regelingen?gemeente={{gemeente}}&peildatum={PEILDATUM}",
        SQL_REGELINGEN_GEMEENTE,
        per="gemeente",
    ),
    Endpoint(
        "een regeling met al haar deelnames",
        f"/api/v1/regelingen/{{slug}}?peildatum={PEILDATUM}",
        SQL_REGELING,
        per="regeling",
    ),
    Endpoint(
        "gemeenten/GM0626/overzicht",
        f"/api/v1/gemeenten/{{gemeente}}/overzicht?peildatum={PEILDATUM}",
        SQL_OVERZICHT,
        per="gemeente",
    ),
    Endpoint("netwerk", f"/api/v1/netwerk?peildatum={PEILDATUM}", SQL_NETWERK, landelijk=True),
    Endpoint(
        "cijfers/themas",
        f"/api/v1/cijfers/themas?peildatum={PEILDATUM}",
        SQL_THEMAS,
        landelijk=True,
    ),
    Endpoint(
        "regelingen?format=csv",
        f"/api/v1/regelingen?format=csv&peildatum={PEILDATUM}",
        COPY_REGELINGEN,
        soort="export",
    ),
    Endpoint(
        "deelnames?format=csv",
        f"/api/v1/deelnames?format=csv&peildatum={PEILDATUM}",
        COPY_DEELNAMES,
        soort="export",
    ),
    Endpoint(
        "deelnames?format=xlsx",
        f"/api/v1/deelnames?format=xlsx&peildatum={PEILDATUM}",
        COPY_DEELNAMES,
        soort="export",
        schalen=(1, 10),
        herhalingen=1,
    ),
    Endpoint(
        "pagina /gemeenten/GM0626",
        f"/gemeenten/{{gemeente}}?peildatum={PEILDATUM}",
        SQL_OVERZICHT,
        soort="pagina",
        per="gemeente",
    ),
    Endpoint(
        "pagina /regelingen",
        f"/regelingen?peildatum={PEILDATUM}",
        SQL_REGELING_LIJST,
        soort="pagina",
    ),
    Endpoint(
        "pagina /cijfers",
        f"/cijfers?peildatum={PEILDATUM}",
        SQL_THEMAS,
        soort="pagina",
        landelijk=True,
    ),
    # Map pages (issue 14) go here when they exist, e.g.
    # Endpoint("pagina /kaart", "/kaart", SQL_NETWERK, soort="pagina", landelijk=True),
]


def percentiel(waarden: list[float], p: float) -> float:
    geordend = sorted(waarden)
    return geordend[min(len(geordend) - 1, round(p * (len(geordend) - 1)))]


@dataclass
class Meting:
    mediaan: float
    p95: float
    eerste_byte: float = 0.0
    grootte: int = 0
    regels: int = 0


class Server:
    """gunicorn as the Dockerfile runs it (gunicorn.conf.py), on loopback."""

    def __init__(self, database: str, poort: int, omgeving: dict):
        self.poort = poort
        env = {
            **os.environ,
            **omgeving,
            "DATABASE_URL": database,
            "DEBUG": "false",
            "SECRET_KEY": "bench",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "GUNICORN_BIND": f"127.0.0.1:{poort}",
            "WEB_CONCURRENCY": "2",
        }
        gunicorn = str(Path(PYTHON).with_name("gunicorn"))
        self.proces = subprocess.Popen(
            [gunicorn, "registry.wsgi", "--access-logfile", "/dev/null"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(ROOT / "bench" / f".gunicorn-{poort}.log", "w"),  # noqa: SIM115
        )
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        self.get("/api/v1/regelingen?pageSize=1")  # every worker imports lazily: warm up
        self.get("/api/v1/regelingen?pageSize=1")

    def verbinding(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.poort, timeout=600)

    def get(self, pad: str, headers: dict | None = None, verbinding=None):
        eigen = verbinding is None
        verbinding = verbinding or self.verbinding()
        begin = time.perf_counter()
        verbinding.request("GET", pad, headers=headers or {})
        response = verbinding.getresponse()
        eerste = time.perf_counter() - begin
        body = response.read()  # raises IncompleteRead when a chunked body is cut off
        duur = time.perf_counter() - begin
        if eigen:
            verbinding.close()
        return response, body, eerste, duur

    def geheugen_mb(self) -> float:
        """The highest resident memory of any worker so far (VmHWM)."""
        kinderen = Path(f"/proc/{self.proces.pid}/task/{self.proces.pid}/children")
        hoogste = 0
        for pid in kinderen.read_text().split():
            for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
                if regel.startswith("VmHWM"):
                    hoogste = max(hoogste, int(regel.split()[1]))
        return hoogste / 1024

    def stop(self):
        self.proces.terminate()
        self.proces.wait(30)


def meet_endpoint(server: Server, pad: str, herhalingen: int) -> Meting:
    tijden, eersten = [], []
    verbinding = server.verbinding()
    grootte = regels = 0
    for _ in range(herhalingen):
        response, body, eerste, duur = server.get(pad, verbinding=verbinding)
        if response.status != 200:
            raise RuntimeError(f"{pad}: {response.status} {body[:300]!r}")
        tijden.append(duur * 1000)
        eersten.append(eerste * 1000)
        grootte, regels = len(body), body.count(b"\n")
    verbinding.close()
    return Meting(
        statistics.median(tijden),
        percentiel(tijden, 0.95),
        statistics.median(eersten),
        grootte,
        regels,
    )


def meet_limiet(conn, sql: str, parameters: dict, herhalingen: int) -> tuple[float, int]:
    tijden, grootte = [], 0
    for _ in range(herhalingen):
        begin = time.perf_counter()
        with conn.cursor(row_factory=dict_row) as cursor:
            if sql.lstrip().startswith("COPY"):
                stukken = []
                with cursor.copy(sql.replace("%(d)s", f"'{parameters['d']}'")) as copy:
                    stukken.extend(bytes(stuk) for stuk in copy)
                data = b"".join(stukken)
            else:
                cursor.execute(sql, parameters)
                data = orjson.dumps(cursor.fetchall(), default=str)
        tijden.append((time.perf_counter() - begin) * 1000)
        grootte = len(data)
    return statistics.median(tijden), grootte


def tel_vragen(database: str, paden: list[str]) -> dict:
    """Queries per request, counted in-process on the same database: cold and warm cache."""
    uitvoer = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "tellen.py"), *paden],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database, "DEBUG": "false", "SECRET_KEY": "bench"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(uitvoer.stdout.strip().splitlines()[-1])


def last(server: Server, pad: str, headers: dict | None = None) -> tuple[float, int, int]:
    """Requests per second with LAST_DRADEN keep-alive clients for LAST_SECONDEN."""
    tellingen, fouten = [0] * LAST_DRADEN, [0] * LAST_DRADEN
    einde = time.perf_counter() + LAST_SECONDEN

    def client(i):
        verbinding = server.verbinding()
        while time.perf_counter() < einde:
            try:
                verbinding.request("GET", pad, headers=headers or {})
                response = verbinding.getresponse()
                response.read()
                if response.status in (200, 304):
                    tellingen[i] += 1
                else:
                    fouten[i] += 1
            except (OSError, http.client.HTTPException):
                fouten[i] += 1
                verbinding.close()
                verbinding = server.verbinding()
        verbinding.close()

    draden = [threading.Thread(target=client, args=(i,)) for i in range(LAST_DRADEN)]
    begin = time.perf_counter()
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    duur = time.perf_counter() - begin
    return sum(tellingen) / duur, sum(tellingen), sum(fouten)


def redis_draait() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def bouw(schaal: int) -> tuple[str, float]:
    naam = f"bench_{schaal}"
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {naam} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {naam}")
    database = f"{PG}/{naam}"
    env = {**os.environ, "DATABASE_URL": database, "SECRET_KEY": "bench", "DEBUG": "false"}
    begin = time.perf_counter()
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [PYTHON, "manage.py", "maak_schaal", "--schaal", str(schaal)], cwd=ROOT, env=env, check=True
    )
    return database, time.perf_counter() - begin


def twee_servers(database: str, a: Server) -> list[str]:
    """A write through one server is visible at once through another on the same database."""
    regels = []
    env = {"CACHE_URL": "redis://127.0.0.1:6379/7"} if redis_draait() else {}
    subprocess.run(
        [
            PYTHON,
            "manage.py",
            "createsuperuser",
            "--noinput",
            "--username",
            "bench",
            "--email",
            "b@x.nl",
        ],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database, "DJANGO_SUPERUSER_PASSWORD": "bench"},
        check=False,
        capture_output=True,
    )
    b = Server(database, POORT + 1, env)
    try:
        with psycopg.connect(database) as conn:
            uuid = conn.execute(
                "SELECT d.uuid FROM agreements_deelname d JOIN municipalities_gemeente g "
                "ON g.id = d.gemeente_id WHERE g.code = %s ORDER BY d.id LIMIT 1",
                (GEMEENTE,),
            ).fetchone()[0]
        overzicht = f"/api/v1/gemeenten/{GEMEENTE}/overzicht"
        etag_voor = b.get(overzicht)[0].getheader("ETag")
        tekst = f"bench {datetime.datetime.now().isoformat()}"
        verbinding = a.verbinding()
        sleutel = base64.b64encode(b"bench:bench").decode()
        verbinding.request(
            "PATCH",
            f"/api/v1/deelnames/{uuid}",
            body=json.dumps({"toelichting": tekst}),
            headers={"Content-Type": "application/json", "Authorization": f"Basic {sleutel}"},
        )
        status = verbinding.getresponse()
        status.read()
        response, body, _, _ = b.get(f"/api/v1/deelnames/{uuid}")
        gezien = json.loads(body)["toelichting"] == tekst
        etag_na = b.get(overzicht)[0].getheader("ETag")
        regels.append(
            f"- Twee servers op loopback (poort {a.poort} en {b.poort}), één PostgreSQL, "
            f"cache: {'Redis 127.0.0.1:6379' if env else 'lokaal geheugen per server'}. "
            f"PATCH via de eerste: {status.status}; direct daarna via de tweede gelezen: "
            f"{'de nieuwe toelichting' if gezien else 'NIET de nieuwe toelichting'}; ETag van "
            f"het overzicht via de tweede {'NIET ' if etag_na == etag_voor else ''}veranderd."
        )
    finally:
        b.stop()
    return regels


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schalen", default=os.environ.get("BENCH_SCHALEN", "1,10,100"))
    args = parser.parse_args()
    schalen = [int(s) for s in args.schalen.split(",")]
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "false", "SECRET_KEY": "bench"},
        check=True,
    )
    resultaten: dict[int, dict] = {}
    extra: list[str] = []
    begin_alles = time.perf_counter()
    for schaal in schalen:
        database, bouwtijd = bouw(schaal)
        with psycopg.connect(database, autocommit=True) as conn:
            aantallen = conn.execute(
                "SELECT (SELECT count(*) FROM agreements_regeling), "
                "(SELECT count(*) FROM agreements_regelingversie), "
                "(SELECT count(*) FROM agreements_deelname), "
                "(SELECT count(*) FROM agreements_publicatie)"
            ).fetchone()
            # The regeling with the most deelnames, among the originals (the same at any scale).
            slug = conn.execute(
                "SELECT r.slug FROM agreements_regeling r JOIN agreements_deelname d "
                "ON d.regeling_id = r.id GROUP BY r.id, r.slug ORDER BY count(*) DESC, r.id LIMIT 1"
            ).fetchone()[0]
        print(
            f"\n== Schaal {schaal}: {aantallen[0]} regelingen, {aantallen[1]} versies, "
            f"{aantallen[2]} deelnames, {aantallen[3]} publicaties (gebouwd in {bouwtijd:.0f} s)"
        )
        endpoints = [e for e in ENDPOINTS if schaal in e.schalen]
        paden = {e.naam: e.pad.format(slug=slug, gemeente=GEMEENTE) for e in endpoints}
        # Exports read a fixed number of queries whatever their size (tests/test_export_stroom.py):
        # at 100x they are not counted again, which would take minutes.
        vragen = tel_vragen(
            database,
            [paden[e.naam] for e in endpoints if e.soort != "export" or schaal < 100],
        )
        server = Server(database, POORT, {})
        rijen = {}
        try:
            with psycopg.connect(database, autocommit=True) as conn:
                for e in endpoints:
                    n = (EXPORT_HERHALINGEN if e.soort == "export" else HERHALINGEN)[schaal]
                    n = min(n, e.herhalingen or n)
                    pad = paden[e.naam]
                    koud = None
                    if e.landelijk:  # the first request after a write computes; then cached
                        koud = server.get(pad)[3] * 1000
                    meting = meet_endpoint(server, pad, n)
                    limiet, limiet_grootte = meet_limiet(
                        conn, e.limiet, {"d": PEILDATUM, "gemeente": GEMEENTE, "slug": slug}, n
                    )
                    rijen[e.naam] = {
                        "meting": meting,
                        "limiet": limiet,
                        "limiet_grootte": limiet_grootte,
                        "koud": koud,
                        "vragen": vragen.get(pad, "—"),
                    }
                    print(
                        f"{e.naam:48} {meting.mediaan:9.1f} ms (p95 {meting.p95:8.1f}) "
                        f"limiet {limiet:8.1f} ms  ratio {meting.mediaan / limiet:6.2f}  "
                        f"vragen {vragen.get(pad, '—')}"
                        + (
                            f"  eerste byte {meting.eerste_byte:.0f} ms"
                            if e.soort == "export"
                            else ""
                        )
                        + (f"  koud {koud:.0f} ms" if koud is not None else "")
                    )
            geheugen = server.geheugen_mb()
            overzicht = paden["gemeenten/GM0626/overzicht"]
            etag = server.get(overzicht)[0].getheader("ETag")
            status_304 = server.get(overzicht, {"If-None-Match": etag})[0].status
            doorvoer = {}
            if schaal == 1:
                for naam in (
                    "regelingen van een gemeente op een peildatum",
                    "pagina /gemeenten/GM0626",
                ):
                    doorvoer[naam] = last(server, paden[naam])
                doorvoer["overzicht, voorwaardelijk (304)"] = last(
                    server, overzicht, {"If-None-Match": etag}
                )
                extra += twee_servers(database, server)
        finally:
            server.stop()
        resultaten[schaal] = {
            "aantallen": aantallen,
            "bouwtijd": bouwtijd,
            "rijen": rijen,
            "geheugen": geheugen,
            "status_304": status_304,
            "doorvoer": doorvoer,
        }
    duur = time.perf_counter() - begin_alles
    rapport = schrijf_rapport(resultaten, extra, duur)
    (ROOT / "bench" / "RESULTS.md").write_text(rapport)
    print("\n" + rapport)


def schrijf_rapport(resultaten: dict, extra: list[str], duur: float) -> str:
    schalen = sorted(resultaten)
    belasting = os.getloadavg()
    regels = [
        "# Benchmark: het register bij 1, 10 en 100 keer het land",
        "",
        f"Gemaakt door `make bench` (bench/register.py) op {datetime.date.today():%d-%m-%Y}, "
        f"in {duur / 60:.1f} minuten, PostgreSQL, gunicorn met gunicorn.conf.py (2 workers, "
        f"gthread), DEBUG uit. Machine: {os.cpu_count()} cores, load average bij het einde "
        f"{belasting[0]:.1f} — gedeeld met andere processen, dus de milliseconden zijn ruis; "
        "de verhoudingen tellen.",
        "",
        "Limiet: dezelfde rijen met één handgeschreven SQL-vraag via psycopg en orjson, of "
        "`COPY … CSV` voor een export, in dezelfde run. Ratio = mediaan endpoint / mediaan "
        "limiet. Vragen = databasevragen per request (koud / met warme cache), in-process geteld.",
        "",
        "Schaal N is de landelijke momentopname N keer (`manage.py maak_schaal`). De kopieën "
        "delen de ~400 gemeenten (er zijn niet meer CBS-codes): per gemeente groeit het antwoord "
        "zelf dus mee met N (GM0626 heeft bij 100× honderd keer zoveel regelingen). Vergelijk de "
        "groei van zo'n endpoint daarom met de groei van zijn limiet; een pagina van 20 "
        "(regelingen van een gemeente) en één regeling groeien niet mee.",
        "",
    ]
    for schaal in schalen:
        r = resultaten[schaal]
        a = r["aantallen"]
        regels += [
            f"## Schaal {schaal}: {a[0]} regelingen, {a[1]} versies, {a[2]} deelnames, "
            f"{a[3]} publicaties (gebouwd in {r['bouwtijd']:.0f} s)",
            "",
            "| endpoint | mediaan ms | p95 ms | limiet ms | ratio | vragen | opmerking |",
            "|---|---:|---:|---:|---:|---|---|",
        ]
        for naam, rij in r["rijen"].items():
            m = rij["meting"]
            opmerking = []
            if m.eerste_byte and any(e.naam == naam and e.soort == "export" for e in ENDPOINTS):
                opmerking.append(f"eerste byte {m.eerste_byte:.0f} ms, {m.grootte / 1e6:.1f} MB")
                if naam.endswith("csv"):
                    opmerking.append(
                        f"{m.regels} regels (COPY: {rij['limiet_grootte'] / 1e6:.1f} MB)"
                    )
            if rij["koud"] is not None:
                opmerking.append(
                    f"eerste keer (berekend) {rij['koud']:.0f} ms, daarna uit de cache"
                )
            regels.append(
                f"| {naam} | {m.mediaan:.1f} | {m.p95:.1f} | {rij['limiet']:.1f} | "
                f"{m.mediaan / rij['limiet']:.2f} | {rij['vragen']} | {'; '.join(opmerking)} |"
            )
        regels += [
            "",
            f"Hoogste geheugen van een worker (VmHWM): {r['geheugen']:.0f} MB. "
            f"Voorwaardelijke GET met de ETag van het overzicht: {r['status_304']}.",
            "",
        ]
        for naam, (per_seconde, goed, fout) in r["doorvoer"].items():
            regels.append(
                f"- Doorvoer {naam}: {per_seconde:.0f} requests/s ({goed} goed, {fout} fouten; "
                f"{LAST_DRADEN} clients op dezelfde machine, {LAST_SECONDEN} s)"
            )
        regels.append("")
    if len(schalen) > 1:
        laag, hoog = schalen[0], schalen[-1]
        regels += [
            f"## Groei van {laag} naar {hoog}",
            "",
            f"| endpoint | tijd {hoog}×/{laag}× | limiet {hoog}×/{laag}× | ratio {laag}× | "
            f"ratio {hoog}× |",
            "|---|---:|---:|---:|---:|",
        ]
        for naam in resultaten[laag]["rijen"]:
            if naam not in resultaten[hoog]["rijen"]:
                continue
            x, y = resultaten[laag]["rijen"][naam], resultaten[hoog]["rijen"][naam]
            regels.append(
                f"| {naam} | {y['meting'].mediaan / x['meting'].mediaan:.1f} | "
                f"{y['limiet'] / x['limiet']:.1f} | {x['meting'].mediaan / x['limiet']:.2f} | "
                f"{y['meting'].mediaan / y['limiet']:.2f} |"
            )
        regels.append("")
    if extra:
        regels += ["## Meer dan één server", "", *extra, ""]
    regels += ["## Doelen", "", *doelen(resultaten), ""]
    return "\n".join(regels)


def doelen(resultaten: dict) -> list[str]:
    """The goals of issue 15, each met or not, from the figures above."""

    def ratio(rij):
        return rij["meting"].mediaan / rij["limiet"]

    def regel(gehaald: bool, tekst: str) -> str:
        return f"- {'gehaald' if gehaald else '**niet gehaald**'}: {tekst}"

    uit = []
    for schaal, grens in ((10, 2), (100, 3)):
        if schaal in resultaten:
            rijen = resultaten[schaal]["rijen"]
            boven = [f"{n} ({ratio(r):.1f})" for n, r in rijen.items() if ratio(r) > grens]
            uit.append(
                regel(
                    not boven,
                    f"elk endpoint bij schaal {schaal} binnen {grens}× de limiet"
                    + (f"; erboven: {', '.join(boven)}" if boven else ""),
                )
            )
    schalen = sorted(resultaten)
    if len(schalen) > 1:
        laag, hoog = resultaten[schalen[0]]["rijen"], resultaten[schalen[-1]]["rijen"]
        vragen = [
            n
            for n in laag
            if n in hoog
            and "—" not in (laag[n]["vragen"], hoog[n]["vragen"])
            and laag[n]["vragen"] != hoog[n]["vragen"]
        ]
        uit.append(
            regel(
                not vragen,
                "vragen per request onafhankelijk van de schaal"
                + (f"; anders: {', '.join(vragen)}" if vragen else ""),
            )
        )
        for e in ENDPOINTS:
            if e.naam in laag and e.naam in hoog and (e.per or e.landelijk):
                groei = hoog[e.naam]["meting"].mediaan / laag[e.naam]["meting"].mediaan
                limietgroei = hoog[e.naam]["limiet"] / laag[e.naam]["limiet"]
                if e.per:  # the answer may grow itself (see above): at most 3x its limit
                    grens = 3 * max(1.0, limietgroei)
                    uitleg = f"doel ≤ 3× de groei van de limiet, {limietgroei:.1f}×"
                else:
                    grens, uitleg = 1.5, "doel: niet, herhaald uit de cache"
                uit.append(
                    regel(
                        groei <= grens,
                        f"{e.naam} groeit {groei:.1f}× van {schalen[0]} naar {schalen[-1]} "
                        f"({uitleg})",
                    )
                )
    if 100 in resultaten and "deelnames?format=csv" in resultaten[100]["rijen"]:
        rij = resultaten[100]["rijen"]["deelnames?format=csv"]
        uit.append(regel(ratio(rij) <= 3, f"deelnames-CSV bij 100× {ratio(rij):.1f}× COPY"))
        uit.append(
            regel(
                rij["meting"].eerste_byte < 1000, f"eerste byte {rij['meting'].eerste_byte:.0f} ms"
            )
        )
        uit.append(
            regel(
                resultaten[100]["geheugen"] < 150,
                f"geheugen van een worker {resultaten[100]['geheugen']:.0f} MB (< 150 MB)",
            )
        )
    if 1 in resultaten:
        for naam, doel in (
            ("regelingen van een gemeente op een peildatum", 500),
            ("pagina /gemeenten/GM0626", 200),
        ):
            if naam in resultaten[1]["doorvoer"]:
                per_seconde, _, fout = resultaten[1]["doorvoer"][naam]
                uit.append(
                    regel(
                        per_seconde >= doel and not fout,
                        f"doorvoer {naam}: {per_seconde:.0f}/s (doel ≥ {doel}/s, 0 fouten)",
                    )
                )
    uit.append(
        regel(
            all(r["status_304"] == 304 for r in resultaten.values()),
            "een voorwaardelijke GET die past krijgt 304",
        )
    )
    return uit


if __name__ == "__main__":
    main()

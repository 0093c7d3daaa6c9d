"""Load test: reads and concurrent edits by several redacteuren against gunicorn on PostgreSQL.

It creates its own PostgreSQL database ``belasting_<pid>`` (dropped at the end), loads it with
``manage.py migrate`` and ``manage.py voorbeelddata --landelijk``, makes five redacteuren with a
personal API token each (four gemeenten; two of them edit for the SAME gemeente, so that their
edits of the same deelnames meet) and serves the register with gunicorn as deployed (DEBUG off,
gunicorn.conf.py, bound to 127.0.0.1 on a free port). Then, for ``--seconden`` (default 180;
``--snel`` is 20), reader threads ask a mix of anonymous API requests and pages (half of the
repeats with If-None-Match), and one writer thread per redacteur reads a deelname of its
gemeente (GET, ETag) and changes its toelichting to a unique value (PATCH with If-Match). Only
loopback, and it stops by itself.

At the end it checks, from the database, every acknowledged write (a 200 on PATCH):

- present: the deelname has that value now, or a later acknowledged write replaced it;
- logged: exactly one history row has that value, with kanaal "api" and the redacteur's name;
- no lost update: no two acknowledged writes carried the same If-Match, and every acknowledged
  write of a deelname was based on the version the previous one made (its ETag).

A 412 is correct behaviour (someone else wrote first) and is counted apart. It prints the
figures and writes bench/BELASTING.md.

    make belasting                                   # 3 minutes
    .venv/bin/python bench/belasting.py --snel       # 20 seconds, to try
"""

import argparse
import datetime
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
GEMEENTE = "GM0626"
# Redacteuren: (username, index of the gemeente in GEMEENTEN). The first two share a gemeente.
GEMEENTEN = [GEMEENTE, "GM0599", "GM0363", "GM0344"]
REDACTEUREN = [("redacteur-a1", 0), ("redacteur-a2", 0), ("redacteur-b", 1)]
REDACTEUREN += [("redacteur-c", 2), ("redacteur-d", 3)]
DEELNAMES_PER_GEMEENTE = 3  # few, so that the two redacteuren of one gemeente collide often

# Run inside ``manage.py shell``: users, redacteuren, tokens, and what to read and edit.
OPZET = """
import json, os
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from agreements.models import Deelname, Regeling
from agreements.redactie.models import ApiToken, Redacteur
from agreements.redactie.rollen import REDACTEUREN
from municipalities.models import Gemeente
import datetime
from django.utils import timezone

invoer = json.loads(os.environ["BELASTING_INVOER"])
groep = Group.objects.get_or_create(name=REDACTEUREN)[0]
uit = {"redacteuren": {}, "deelnames": {}, "slugs": []}
for code in invoer["gemeenten"]:
    uit["deelnames"][code] = [
        str(u) for u in Deelname.objects.filter(gemeente__code=code)
        .order_by("id").values_list("uuid", flat=True)[: invoer["per_gemeente"]]
    ]
for naam, code in invoer["redacteuren"]:
    user = get_user_model().objects.create_user(username=naam, email=f"{naam}@example.org")
    user.groups.add(groep)
    Redacteur.objects.create(gebruiker=user).gemeenten.add(Gemeente.objects.get(code=code))
    token = ApiToken(gebruiker=user, naam="belasting",
                     verloopt_op=timezone.localdate() + datetime.timedelta(days=1))
    tekst = token.genereer()
    token.full_clean()
    token.save()
    uit["redacteuren"][naam] = {"token": tekst, "gemeente": code}
uit["slugs"] = list(
    Regeling.objects.filter(deelnames__gemeente__code=invoer["gemeenten"][0])
    .order_by("slug").values_list("slug", flat=True).distinct()[:5]
)
print("BELASTING " + json.dumps(uit))
"""

# Run inside ``manage.py shell``: the current toelichting and the history of the deelnames.
UITLEZEN = """
import json, os
from agreements.models import Deelname
uuids = json.loads(os.environ["BELASTING_INVOER"])
huidig = {str(u): t for u, t in Deelname.objects.filter(uuid__in=uuids)
          .values_list("uuid", "toelichting")}
historie = {}
for rij in (Deelname.history.filter(uuid__in=uuids).order_by("history_id")
            .values("history_id", "uuid", "toelichting", "kanaal", "gebruikersnaam")):
    historie.setdefault(str(rij["uuid"]), []).append(
        [rij["history_id"], rij["toelichting"], rij["kanaal"], rij["gebruikersnaam"]])
print("BELASTING " + json.dumps({"huidig": huidig, "historie": historie}))
"""


@dataclass(frozen=True)
class Schrijfactie:
    """One acknowledged write: a 200 on PATCH."""

    uuid: str
    waarde: str
    gebruiker: str
    if_match: str
    etag: str  # the ETag of the version the write made (response header)


@dataclass
class Controle:
    bevestigd: int = 0
    aanwezig: int = 0
    gelogd: int = 0
    verloren: int = 0  # lost updates
    toch_geschreven: int = 0  # refused (412) and yet in the data or the history
    fouten: list[str] = field(default_factory=list)

    @property
    def in_orde(self) -> bool:
        return (
            self.aanwezig == self.gelogd == self.bevestigd
            and self.verloren == 0
            and self.toch_geschreven == 0
        )


def controleer(
    schrijfacties: list[Schrijfactie],
    huidig: dict[str, str],
    historie: dict[str, list[tuple[int, str, str, str]]],
    geweigerd: Sequence[tuple[str, str]] = (),
) -> Controle:
    """Check the acknowledged writes against the database as it is afterwards.

    ``huidig``: uuid → current toelichting; ``historie``: uuid → its history rows
    (history_id, toelichting, kanaal, gebruikersnaam) in order of history_id; ``geweigerd``:
    (uuid, value) of the writes refused with 412, which must have left no trace."""
    uitkomst = Controle(bevestigd=len(schrijfacties))
    for uuid, waarde in geweigerd:
        if huidig.get(uuid) == waarde or any(r[1] == waarde for r in historie.get(uuid, [])):
            uitkomst.toch_geschreven += 1
            uitkomst.fouten.append(f"{uuid} {waarde!r}: geweigerd (412) en toch geschreven")
    # The history row of each acknowledged write (when there is exactly one).
    rij_van: dict[Schrijfactie, int] = {}
    for actie in schrijfacties:
        rijen = [r for r in historie.get(actie.uuid, []) if r[1] == actie.waarde]
        if len(rijen) == 1 and rijen[0][2] == "api" and rijen[0][3] == actie.gebruiker:
            uitkomst.gelogd += 1
            rij_van[actie] = rijen[0][0]
        else:
            uitkomst.fouten.append(
                f"{actie.uuid} {actie.waarde!r}: {len(rijen)} historierijen "
                f"{[(r[2], r[3]) for r in rijen]}, verwacht 1 (api, {actie.gebruiker})"
            )
    per_deelname: dict[str, list[Schrijfactie]] = defaultdict(list)
    for actie in schrijfacties:
        per_deelname[actie.uuid].append(actie)
    for uuid, acties in per_deelname.items():
        for actie in acties:
            later = any(
                andere is not actie
                and actie in rij_van
                and andere in rij_van
                and rij_van[andere] > rij_van[actie]
                for andere in acties
            )
            if huidig.get(uuid) == actie.waarde or later:
                uitkomst.aanwezig += 1
            else:
                uitkomst.fouten.append(f"{uuid} {actie.waarde!r}: niet aanwezig en niet vervangen")
        verloren: set[Schrijfactie] = set()
        # No two acknowledged writes on the same version.
        for if_match, aantal in Counter(a.if_match for a in acties).items():
            if aantal > 1:
                verloren.update([a for a in acties if a.if_match == if_match][1:])
                uitkomst.fouten.append(f"{uuid}: {aantal} writes bevestigd met If-Match {if_match}")
        # Each acknowledged write was made on the version of the acknowledged write before it.
        geordend = sorted((a for a in acties if a in rij_van), key=rij_van.__getitem__)
        for vorige, volgende in zip(geordend, geordend[1:], strict=False):
            if volgende.if_match != vorige.etag:
                verloren.add(volgende)
                uitkomst.fouten.append(
                    f"{uuid} {volgende.waarde!r}: gebaseerd op {volgende.if_match}, "
                    f"niet op {vorige.etag} van {vorige.waarde!r}"
                )
        uitkomst.verloren += len(verloren)
    return uitkomst


def manage(database: str, *args: str, invoer=None) -> str:
    env = {**os.environ, "DATABASE_URL": database, "SECRET_KEY": "belasting", "DEBUG": "false"}
    if invoer is not None:
        env["BELASTING_INVOER"] = json.dumps(invoer)
    uit = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return uit


def shell(database: str, code: str, invoer) -> dict:
    uit = manage(database, "shell", "-c", code, invoer=invoer)
    regel = next(r for r in uit.splitlines() if r.startswith("BELASTING "))
    return json.loads(regel.removeprefix("BELASTING "))


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Tellingen:
    """Status counts and latencies of one kind of request, shared by threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statussen: Counter = Counter()
        self.tijden: list[float] = []

    def noteer(self, status: int | str, duur: float):
        with self.lock:
            self.statussen[status] += 1
            self.tijden.append(duur)

    @property
    def aantal(self) -> int:
        return sum(self.statussen.values())

    def percentiel(self, p: int) -> float:
        if len(self.tijden) < 2:
            return self.tijden[0] * 1000 if self.tijden else 0.0
        return statistics.quantiles(self.tijden, n=100)[p - 1] * 1000


class Klant:
    """One keep-alive connection to the server; reconnects after an error."""

    def __init__(self, poort: int):
        self.poort = poort
        self.verbinding = None

    def vraag(self, methode: str, pad: str, headers: dict, body: bytes | None = None):
        for poging in range(2):
            if self.verbinding is None:
                self.verbinding = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=60)
            try:
                self.verbinding.request(methode, pad, body=body, headers=headers)
                response = self.verbinding.getresponse()
                inhoud = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.verbinding.close()
                    self.verbinding = None
                return response, inhoud
            except (http.client.HTTPException, OSError):
                self.verbinding.close()
                self.verbinding = None
                if poging:
                    raise
        raise AssertionError("unreachable")


def lezer(poort: int, paden: list[str], einde: float, tellingen: Tellingen, seed: int):
    klant = Klant(poort)
    kans = random.Random(seed)
    etags: dict[str, str] = {}
    while time.monotonic() < einde:
        pad = kans.choice(paden)
        headers = {"Accept": "application/json" if pad.startswith("/api/") else "text/html"}
        if pad in etags and kans.random() < 0.5:
            headers["If-None-Match"] = etags[pad]
        begin = time.perf_counter()
        try:
            response, _ = klant.vraag("GET", pad, headers)
        except (http.client.HTTPException, OSError):
            tellingen.noteer("verbindingsfout", time.perf_counter() - begin)
            continue
        tellingen.noteer(response.status, time.perf_counter() - begin)
        if response.getheader("ETag"):
            etags[pad] = response.getheader("ETag")


def schrijver(
    poort: int,
    naam: str,
    token: str,
    uuids: list[str],
    einde: float,
    tellingen: Tellingen,
    acties: list[Schrijfactie],
    geweigerd: list[tuple[str, str]],
    eigen: Counter,
    seed: int,
):
    klant = Klant(poort)
    kans = random.Random(seed)
    auth = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    nummer = 0
    # Once without If-Match: the server must refuse it (428).
    eerste = True
    while time.monotonic() < einde:
        uuid = kans.choice(uuids)
        pad = f"/api/v1/deelnames/{uuid}"
        begin = time.perf_counter()
        try:
            response, _ = klant.vraag("GET", pad, auth)
        except (http.client.HTTPException, OSError):
            tellingen.noteer("verbindingsfout", time.perf_counter() - begin)
            continue
        etag = response.getheader("ETag")
        if response.status != 200 or not etag:
            tellingen.noteer(f"GET {response.status}", time.perf_counter() - begin)
            continue
        nummer += 1
        waarde = f"belasting {naam} {nummer}"
        headers = {**auth, "Content-Type": "application/json"}
        if not eerste:
            headers["If-Match"] = etag
        eerste = False
        body = json.dumps({"toelichting": waarde}).encode()
        begin = time.perf_counter()
        try:
            response, _ = klant.vraag("PATCH", pad, headers, body)
        except (http.client.HTTPException, OSError):
            tellingen.noteer("verbindingsfout", time.perf_counter() - begin)
            continue
        tellingen.noteer(response.status, time.perf_counter() - begin)
        eigen[response.status] += 1
        if response.status == 200:
            acties.append(Schrijfactie(uuid, waarde, naam, etag, response.getheader("ETag") or ""))
        elif response.status == 412:
            geweigerd.append((uuid, waarde))


def start_server(database: str, poort: int, log) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "DEBUG": "false",
        "SECRET_KEY": "belasting",
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "API_BASIS_URL": f"http://127.0.0.1:{poort}/api/v1",
        "API_THROTTLE_ANON": "1000000/min",
        "API_THROTTLE_USER": "1000000/min",
        "GUNICORN_BIND": f"127.0.0.1:{poort}",
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "2"),
    }
    gunicorn = str(Path(PYTHON).with_name("gunicorn"))
    proces = subprocess.Popen(
        [gunicorn, "registry.wsgi", "--access-logfile", "/dev/null"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
            break
        except OSError:
            if proces.poll() is not None:
                raise SystemExit("gunicorn stopte meteen; zie de log") from None
            time.sleep(0.1)
    klant = Klant(poort)
    for _ in range(4):  # every worker imports lazily: warm up
        klant.vraag("GET", "/api/v1/regelingen?pageSize=1", {})
    return proces


def vijfxx(statussen: Counter) -> int:
    return sum(n for s, n in statussen.items() if isinstance(s, int) and s >= 500)


def ms(waarde: float) -> str:
    return f"{waarde:.0f} ms"


def statusregel(statussen: Counter) -> str:
    vijfhonderd = vijfxx(statussen)
    delen = [f"{s}: {statussen[s]}" for s in (200, 304, 412, 428, 429)]
    delen.append(f"5xx: {vijfhonderd}")
    rest = {s: n for s, n in statussen.items() if s not in (200, 304, 412, 428, 429)}
    rest = {s: n for s, n in rest.items() if not (isinstance(s, int) and s >= 500)}
    delen += [f"{s}: {n}" for s, n in sorted(rest.items(), key=str)]
    return ", ".join(delen)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconden", type=int, default=180, help="duur van de belasting")
    parser.add_argument("--snel", action="store_true", help="20 seconden, om te proberen")
    parser.add_argument("--lezers", type=int, default=4, help="aantal lezende threads")
    parser.add_argument("--uitvoer", default=str(ROOT / "bench" / "BELASTING.md"))
    args = parser.parse_args()
    seconden = 20 if args.snel else args.seconden
    naam = f"belasting_{os.getpid()}"
    database = f"{PG}/{naam}"
    begin_alles = time.perf_counter()
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{naam}"')
    proces = None
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (read after the server stops)
    try:
        print(f"database {naam}: migrate en voorbeelddata --landelijk …", flush=True)
        manage(database, "collectstatic", "--noinput", "-v0")
        manage(database, "migrate", "--noinput", "-v0")
        manage(database, "voorbeelddata", "--landelijk", "-v0")
        opzet = shell(
            database,
            OPZET,
            {
                "gemeenten": GEMEENTEN,
                "per_gemeente": DEELNAMES_PER_GEMEENTE,
                "redacteuren": [[n, GEMEENTEN[i]] for n, i in REDACTEUREN],
            },
        )
        leeg = [code for code, lijst in opzet["deelnames"].items() if not lijst]
        if leeg:
            raise SystemExit(f"Geen deelnames van {', '.join(leeg)} in de voorbeelddata")
        with psycopg.connect(database) as conn:
            aantallen = conn.execute(
                "SELECT (SELECT count(*) FROM agreements_regeling),"
                " (SELECT count(*) FROM agreements_deelname)"
            ).fetchone()
        poort = vrije_poort()
        proces = start_server(database, poort, log)
        paden = [
            f"/api/v1/regelingen?gemeente={GEMEENTE}",
            f"/api/v1/gemeenten/{GEMEENTE}/overzicht",
            f"/gemeenten/{GEMEENTE}",
            *(f"/regelingen/{slug}" for slug in opzet["slugs"][:3]),
            *(f"/api/v1/deelnames?gemeente={code}" for code in GEMEENTEN),
        ]
        lezen, schrijven = Tellingen(), Tellingen()
        acties: list[Schrijfactie] = []
        geweigerd: list[tuple[str, str]] = []
        per_redacteur = {redacteur: Counter() for redacteur in opzet["redacteuren"]}
        print(
            f"{seconden} s: {args.lezers} lezers, {len(REDACTEUREN)} redacteuren, "
            f"127.0.0.1:{poort}",
            flush=True,
        )
        start = time.monotonic()
        einde = start + seconden
        draden = [
            threading.Thread(target=lezer, args=(poort, paden, einde, lezen, i))
            for i in range(args.lezers)
        ]
        for i, (redacteur, gegevens) in enumerate(opzet["redacteuren"].items()):
            uuids = opzet["deelnames"][gegevens["gemeente"]]
            draden.append(
                threading.Thread(
                    target=schrijver,
                    args=(
                        poort,
                        redacteur,
                        gegevens["token"],
                        uuids,
                        einde,
                        schrijven,
                        acties,
                        geweigerd,
                        per_redacteur[redacteur],
                        i,
                    ),
                )
            )
        for draad in draden:
            draad.start()
        for draad in draden:
            draad.join()
        duur = time.monotonic() - start
        proces.terminate()
        proces.wait(30)
        proces = None
        uuids = sorted({u for lijst in opzet["deelnames"].values() for u in lijst})
        stand = shell(database, UITLEZEN, uuids)
        controle = controleer(acties, stand["huidig"], stand["historie"], geweigerd)
    finally:
        if proces is not None:
            proces.terminate()
            proces.wait(30)
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
    log.seek(0)
    fouten_log = [r for r in log.read().splitlines() if "Traceback" in r or "ERROR" in r]
    rapport = schrijf_rapport(
        seconden=seconden,
        duur=duur,
        lezers=args.lezers,
        aantallen=aantallen,
        paden=paden,
        lezen=lezen,
        schrijven=schrijven,
        per_redacteur={
            r: (opzet["redacteuren"][r]["gemeente"], c) for r, c in per_redacteur.items()
        },
        controle=controle,
        fouten_log=fouten_log,
        totaal=time.perf_counter() - begin_alles,
    )
    print(rapport)
    Path(args.uitvoer).write_text(rapport)
    if not controle.in_orde or vijfxx(lezen.statussen + schrijven.statussen):
        sys.exit(1)


def schrijf_rapport(
    *,
    seconden,
    duur,
    lezers,
    aantallen,
    paden,
    lezen,
    schrijven,
    per_redacteur,
    controle,
    fouten_log,
    totaal,
) -> str:
    def pct(deel: int) -> str:
        return f"{100 * deel / controle.bevestigd:.1f} %" if controle.bevestigd else "–"

    regels = [
        "# Belasting: lezen en gelijktijdig bewerken",
        "",
        f"Gemaakt door `bench/belasting.py` op {datetime.date.today().isoformat()}: "
        f"{duur:.0f} s belasting (gevraagd {seconden} s; alles samen {totaal / 60:.1f} min), "
        f"PostgreSQL, gunicorn met gunicorn.conf.py ({os.environ.get('WEB_CONCURRENCY', '2')} "
        f"workers, gthread), alleen 127.0.0.1. Landelijke voorbeelddata: {aantallen[0]} "
        f"regelingen, {aantallen[1]} deelnames. Machine: {os.cpu_count()} CPU-kernen, gedeeld "
        "met de lezers en schrijvers zelf (en ander werk).",
        "",
        f"- {lezers} lezers, anoniem, zonder pauze; bij de helft van de herhalingen met "
        "If-None-Match. Paden: " + ", ".join(f"`{p}`" for p in paden) + ".",
        f"- {len(REDACTEUREN)} redacteuren met elk een eigen API-token, van gemeenten "
        + ", ".join(GEMEENTEN[i] for _, i in REDACTEUREN)
        + f" (de eerste twee dezelfde); elk bewerkt {DEELNAMES_PER_GEMEENTE} deelnames van "
        "de eigen gemeente: GET (ETag), dan PATCH van de toelichting met If-Match en een unieke "
        "waarde. De eerste PATCH van elke redacteur gaat zonder If-Match (verwacht: 428).",
        "",
        "| | verzoeken | per seconde | p50 | p95 | statussen |",
        "|---|---:|---:|---:|---:|---|",
        f"| lezen | {lezen.aantal} | {lezen.aantal / duur:.1f} | {ms(lezen.percentiel(50))} "
        f"| {ms(lezen.percentiel(95))} | {statusregel(lezen.statussen)} |",
        f"| schrijven (PATCH) | {schrijven.aantal} | {schrijven.aantal / duur:.1f} "
        f"| {ms(schrijven.percentiel(50))} | {ms(schrijven.percentiel(95))} "
        f"| {statusregel(schrijven.statussen)} |",
        "",
        "Een 412 is juist gedrag: een andere redacteur schreef tussen GET en PATCH, de tweede "
        "moet opnieuw lezen. De GET vóór elke PATCH is niet meegeteld. Er komen weinig 304's: "
        "elke wijziging geeft het register een nieuwe versie, en daarmee elke lijst en pagina "
        "een nieuwe ETag.",
        "",
        "| redacteur | gemeente | PATCH | 200 | 412 | 428 | anders |",
        "|---|---|---:|---:|---:|---:|---:|",
        *(
            f"| {r} | {g} | {sum(c.values())} | {c[200]} | {c[412]} | {c[428]} "
            f"| {sum(c.values()) - c[200] - c[412] - c[428]} |"
            for r, (g, c) in per_redacteur.items()
        ),
        "",
        "## Controle van de bevestigde writes",
        "",
        f"- bevestigd (200 op PATCH): {controle.bevestigd}",
        f"- aanwezig (nu de waarde, of vervangen door een latere bevestigde write): "
        f"{controle.aanwezig} ({pct(controle.aanwezig)})",
        f"- gelogd (precies één historierij, kanaal api, de juiste gebruikersnaam): "
        f"{controle.gelogd} ({pct(controle.gelogd)})",
        f"- verloren updates (twee bevestigd op dezelfde versie, of een write op een oudere "
        f"versie): {controle.verloren}",
        f"- geweigerd (412) en toch geschreven: {controle.toch_geschreven}",
        f"- 5xx: {vijfxx(lezen.statussen + schrijven.statussen)}; "
        f"fouten in de log van gunicorn: {len(fouten_log)}",
        "",
        f"**Uitkomst: {'in orde' if controle.in_orde and not fouten_log else 'NIET in orde'}.**",
    ]
    if controle.fouten:
        regels += ["", "Afwijkingen (de eerste 20):", ""]
        regels += [f"- {f}" for f in controle.fouten[:20]]
    if fouten_log:
        regels += ["", "Uit de log van gunicorn (de eerste 10 regels):", ""]
        regels += [f"    {r}" for r in fouten_log[:10]]
    return "\n".join(regels) + "\n"


if __name__ == "__main__":
    main()

"""Deployed as documented, the register is hardened by default: `check --deploy` with only DEBUG,
SECRET_KEY and ALLOWED_HOSTS set reports nothing; pages and API send HSTS, a
Content-Security-Policy, Permissions-Policy and Referrer-Policy; gunicorn names no version;
sessions end after inactivity; nothing creates an account."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings

BASIS = Path(__file__).resolve().parent.parent


def omgeving(**extra) -> dict:
    """The environment of a deployment that sets only what the README asks, and nothing of the
    environment the tests run in."""
    houden = {"PATH", "HOME", "LANG", "PYTHONPATH", "VIRTUAL_ENV", "DATABASE_URL"}
    return {
        **{k: v for k, v in os.environ.items() if k in houden},
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "register.example.org",
        **extra,
    }


def test_check_deploy_reports_nothing():
    uitkomst = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=BASIS,
        env=omgeving(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    assert "System check identified no issues" in uitkomst.stdout


def test_every_silenced_check_says_why():
    tekst = (BASIS / "registry" / "settings.py").read_text()
    for check in django_settings.SILENCED_SYSTEM_CHECKS:
        regels = tekst.split(f'"{check}"')[0].splitlines()[-3:]
        assert any(regel.strip().startswith("#") for regel in regels), check


@pytest.fixture
def gedeployed(settings):
    """The security settings as they are with DEBUG off (the tests run with DEBUG on)."""
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_SSL_REDIRECT = True
    return settings


@pytest.mark.parametrize("url", ["/", "/regelingen", "/api/v1/regelingen", "/api/v1/docs"])
def test_pages_and_api_send_the_security_headers(client, db, gedeployed, url):
    response = client.get(url, secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] in ("same-origin", "no-referrer")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_plain_http_is_redirected_to_https(client, db, gedeployed):
    response = client.get("/regelingen")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_the_api_docs_may_run_redoc_but_no_inline_script(client, db):
    csp = client.get("/api/v1/docs")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert "'unsafe-inline'" in directives["style-src"]
    assert "blob:" in directives["worker-src"]
    assert directives["script-src"] == "'self'"


def test_no_page_has_an_inline_script(client, voorbeelddata):
    for url in ["/", "/regelingen", "/gemeenten/GM0626", "/cijfers", "/admin/login/"]:
        html = client.get(url).content.decode()
        for stuk in html.split("<script")[1:]:
            kop = stuk.split(">", 1)[0]
            assert "src=" in kop or "application/json" in kop, (url, kop)


def test_sessions_end_after_inactivity(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert 0 < settings.SESSION_COOKIE_AGE <= 8 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_cookies_are_secure_in_the_compose_file():
    compose = (BASIS / "docker-compose.yml").read_text()
    assert "SECURE_COOKIES: ${SECURE_COOKIES:-true}" in compose


def test_nothing_creates_an_account():
    for pad in [*BASIS.glob("fixtures/*.json"), *BASIS.glob("agreements/grip/fixtures/*.json")]:
        modellen = {rij["model"] for rij in json.loads(pad.read_text())}
        assert not {m for m in modellen if m.startswith("auth.")}, pad
    for pad in ["docker-compose.yml", "Dockerfile", "gunicorn.conf.py"]:
        tekst = (BASIS / pad).read_text()
        assert "createsuperuser --" not in tekst and "create_user" not in tekst, pad


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gunicorn_names_no_version(tmp_path):
    poort = vrije_poort()
    database = tmp_path / "leeg.sqlite3"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=BASIS,
        env=omgeving(DATABASE_URL=f"sqlite:///{database}"),
        check=True,
    )
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{poort}",
            "--workers",
            "1",
            "registry.wsgi",
        ],
        cwd=BASIS,
        env=omgeving(
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            DATABASE_URL=f"sqlite:///{database}",
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{poort}/api/v1/openapi.json") as r:
                    server = r.headers.get("Server", "")
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not start")
    finally:
        proces.terminate()
        proces.wait(timeout=10)
    assert "/" not in server and not any(teken.isdigit() for teken in server), server

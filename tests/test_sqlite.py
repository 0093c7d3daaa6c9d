"""SQLite, the database of `make run`, survives several users at once: WAL, a busy timeout and
transactions that take the write lock when they begin, so that concurrent writes wait for each
other instead of failing with "database is locked"."""

import threading

import pytest
from django.conf import settings
from django.db import OperationalError, connection, connections, transaction

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="alleen voor SQLite",
)

SCHRIJVERS = 8
RONDES = 25


@pytest.fixture
def bestand(django_db_blocker, tmp_path):
    """A second alias on a database file (the test database lives in memory, without WAL), with
    the settings of the default database; outside the test database, which it does not touch."""
    django_db_blocker.unblock()
    alias = "gelijktijdig"
    connections.settings[alias] = {
        **connection.settings_dict,
        "NAME": str(tmp_path / "register.sqlite3"),
        "TEST": {"NAME": str(tmp_path / "register.sqlite3")},
    }
    with connections[alias].cursor() as cursor:
        cursor.execute("CREATE TABLE teller (id INTEGER PRIMARY KEY, schrijver INT, stand INT)")
    yield alias
    connections[alias].close()
    del connections[alias]
    del connections.settings[alias]
    django_db_blocker.restore()


def schrijf(alias: str, schrijver: int, fouten: list):
    try:
        for _ in range(RONDES):
            # A request as ATOMIC_REQUESTS runs it: read, then write, in one transaction.
            with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM teller")
                (stand,) = cursor.fetchone()
                cursor.execute(
                    "INSERT INTO teller (schrijver, stand) VALUES (%s, %s)", [schrijver, stand]
                )
    except OperationalError as fout:
        fouten.append(str(fout))
    finally:
        connections[alias].close()


def test_the_database_runs_in_wal_mode(bestand):
    with connections[bestand].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


def test_concurrent_writers_never_meet_a_locked_database(bestand):
    fouten: list[str] = []
    draden = [
        threading.Thread(target=schrijf, args=(bestand, i, fouten)) for i in range(SCHRIJVERS)
    ]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert fouten == []
    with connections[bestand].cursor() as cursor:
        cursor.execute("SELECT COUNT(*), COUNT(DISTINCT stand) FROM teller")
        aantal, standen = cursor.fetchone()
    # Every write landed, and each saw the writes before it: the transactions ran one by one.
    assert aantal == standen == SCHRIJVERS * RONDES

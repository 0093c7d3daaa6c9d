"""The whole register on a date as a download: CSVs with a Frictionless datapackage.json in a
zip, or one SQLite file, for any peildatum."""

import csv
import datetime
import io
import json
import sqlite3
import zipfile

import pytest
from frictionless import Package

from agreements.downloads import eerste_van_de_maand

pytestmark = pytest.mark.django_db


def download(api, **query) -> zipfile.ZipFile:
    response = api.get("/api/v1/downloads", query)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def rijen(archief: zipfile.ZipFile, naam: str) -> list[dict]:
    return list(csv.DictReader(io.TextIOWrapper(archief.open(f"{naam}.csv"), encoding="utf-8")))


def test_the_download_of_2018_validates_and_has_harens_deelnames(api, voorbeelddata, tmp_path):
    archief = download(api, peildatum="2018-06-01")
    archief.extractall(tmp_path)
    rapport = Package(str(tmp_path / "datapackage.json")).validate()
    assert rapport.valid, rapport.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    haren = [d for d in rijen(archief, "deelnames") if d["gemeente"] == "GM0017"]
    assert len(haren) >= 4
    gemeenten = {g["code"]: g for g in rijen(archief, "gemeenten")}
    assert gemeenten["GM0017"]["geldig_op_peildatum"] == "true"


def test_the_download_of_2020_has_none_of_harens_deelnames(api, voorbeelddata):
    archief = download(api, peildatum="2020-01-01")
    deelnames = rijen(archief, "deelnames")
    assert deelnames
    assert not [d for d in deelnames if d["gemeente"] == "GM0017"]
    # Haren is still there, as the gemeente the herindeling Groningen 2019 abolished.
    gemeenten = {g["code"]: g for g in rijen(archief, "gemeenten")}
    assert gemeenten["GM0017"]["geldig_op_peildatum"] == "false"
    assert gemeenten["GM0017"]["opvolger"] == "GM0014"
    assert "2019-groningen" in [h["identificatie"] for h in rijen(archief, "herindelingen")]


def test_the_datapackage_describes_keys_licences_and_sources(api, voorbeelddata):
    pakket = json.loads(download(api, peildatum="2024-03-01").read("datapackage.json"))
    assert pakket["profile"] == "tabular-data-package"
    resources = {r["name"]: r for r in pakket["resources"]}
    assert {
        "gemeenten",
        "partners",
        "regelingen",
        "regeling_versies",
        "deelnames",
        "themas",
        "herindelingen",
        "procedurestappen",
        "jaarstukken",
    } <= set(resources)
    deelnames = resources["deelnames"]["schema"]
    assert deelnames["primaryKey"] == ["identificatie"]
    assert {
        "fields": "regeling",
        "reference": {"resource": "regelingen", "fields": "identificatie"},
    } in deelnames["foreignKeys"]
    assert {"fields": "gemeente", "reference": {"resource": "gemeenten", "fields": "code"}} in (
        deelnames["foreignKeys"]
    )
    assert resources["gemeenten"]["licenses"][0]["name"] == "CC0-1.0"
    assert resources["herindelingen"]["licenses"][0]["name"] == "CC-BY-4.0"
    assert any("ROO" in s["title"] for s in resources["regelingen"]["sources"])
    assert any("bron" in s["title"] for s in resources["regelingen"]["sources"])
    velden = {f["name"]: f for f in resources["gemeenten"]["schema"]["fields"]}
    assert {
        "code",
        "tooi",
        "organisatiecode",
        "roo_id",
        "oin",
        "kvk_nummer",
        "rsin",
        "wikidata",
    } <= set(velden)
    assert velden["einddatum"]["type"] == "date"
    assert velden["inwoners"]["type"] == "integer"


def test_the_identifiers_are_in_the_download(api, voorbeelddata):
    gemeenten = {g["code"]: g for g in rijen(download(api, peildatum="2024-03-01"), "gemeenten")}
    voorschoten = gemeenten["GM0626"]
    assert voorschoten["tooi"] == "https://identifier.overheid.nl/tooi/id/gemeente/gm0626"
    assert (voorschoten["roo_id"], voorschoten["wikidata"]) == ("35396", "Q848324")


def test_a_regeling_carries_its_name_of_that_day(api, voorbeelddata):
    from tests.factories import DeelnameFactory, RegelingVersieFactory

    deelname = DeelnameFactory(regeling__naam="Nieuwe naam")
    RegelingVersieFactory(
        regeling=deelname.regeling,
        titel="Oude naam",
        begindatum=datetime.date(2015, 1, 1),
        einddatum=datetime.date(2019, 12, 31),
    )
    RegelingVersieFactory(regeling=deelname.regeling, begindatum=datetime.date(2020, 1, 1))
    regelingen = {
        r["identificatie"]: r for r in rijen(download(api, peildatum="2018-06-01"), "regelingen")
    }
    assert regelingen[deelname.regeling.slug]["naam"] == "Oude naam"
    versies = rijen(download(api, peildatum="2018-06-01"), "regeling_versies")
    assert [v["titel"] for v in versies if v["regeling"] == deelname.regeling.slug] == ["Oude naam"]


def test_the_same_as_one_sqlite_file(api, voorbeelddata, tmp_path):
    response = api.get("/api/v1/downloads", {"peildatum": "2018-06-01", "formaat": "sqlite"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.sqlite3"
    pad = tmp_path / "register.sqlite"
    pad.write_bytes(b"".join(response.streaming_content))
    db = sqlite3.connect(pad)
    try:
        assert (
            db.execute("SELECT count(*) FROM deelnames WHERE gemeente = 'GM0017'").fetchone()[0]
            >= 4
        )
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        naam = db.execute("SELECT naam FROM gemeenten WHERE code = 'GM0626'").fetchone()[0]
        assert naam == "Voorschoten"
        pakket = json.loads(db.execute("SELECT descriptor FROM datapackage").fetchone()[0])
        assert pakket["name"] == "samenwerkingsregister-2018-06-01"
    finally:
        db.close()


@pytest.mark.parametrize(
    "query", [{"peildatum": "2018-02-30"}, {"formaat": "xml"}, {"peildatum": ""}, {"onbekend": "1"}]
)
def test_bad_parameters_are_a_400(api, query):
    response = api.get("/api/v1/downloads", query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_the_page_lists_recent_months_and_what_is_in_it(client, voorbeelddata):
    pagina = client.get("/downloads").content.decode()
    eerste = datetime.date.today().replace(day=1)
    assert f'href="/api/v1/downloads?peildatum={eerste.isoformat()}"' in pagina
    assert "formaat=sqlite" in pagina
    assert "deelnames.csv" in pagina and "CC0-1.0" in pagina


def test_the_first_days_of_the_recent_months():
    assert eerste_van_de_maand(datetime.date(2024, 3, 15), 3) == [
        datetime.date(2024, 3, 1),
        datetime.date(2024, 2, 1),
        datetime.date(2024, 1, 1),
    ]


def test_the_download_reads_each_resource_in_two_queries(
    api, voorbeelddata, django_assert_max_num_queries
):
    from registry.datapakket import bronnen

    # Per resource the keys of its rows and then the rows themselves (in chunks of 2000).
    with django_assert_max_num_queries(2 * len(bronnen()) + 3):  # and the register version
        b"".join(api.get("/api/v1/downloads", {"peildatum": "2018-06-01"}).streaming_content)


@pytest.mark.parametrize("peildatum", ["0001-01-01", "9999-12-31"])
def test_the_edges_of_the_calendar_are_no_error(api, voorbeelddata, peildatum):
    archief = download(api, peildatum=peildatum)
    assert "datapackage.json" in archief.namelist()

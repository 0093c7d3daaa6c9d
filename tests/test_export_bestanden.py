"""Exports say what they are: a file name with the selection and the day, labels instead of
codes, the deelnemers of each regeling, a formatted sheet and a second sheet about the file."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from agreements.constants import Rol, Status, Vorm
from tests.factories import (
    BijdrageFactory,
    DeelnameFactory,
    GemeenteFactory,
    PartnerFactory,
    RegelingFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date
VANDAAG = D.today().isoformat()


def inhoud(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def bestandsnaam(response) -> str:
    kop = response["Content-Disposition"]
    assert kop.startswith("attachment")
    return kop.split('filename="', 1)[1].rstrip('"')


def csv_rijen(response) -> list[list[str]]:
    tekst = inhoud(response).decode("utf-8")
    assert tekst.startswith("\ufeff")
    return list(csv.reader(io.StringIO(tekst[1:]), delimiter=";"))


def werkboek(response):
    return load_workbook(io.BytesIO(inhoud(response)))


def tabel(blad) -> list[dict]:
    kop, *rijen = blad.iter_rows(values_only=True)
    return [dict(zip(kop, rij, strict=True)) for rij in rijen]


def over(response) -> dict:
    boek = werkboek(response)
    assert boek.sheetnames[1] == "Over dit bestand"
    return {kop: waarde for kop, waarde in boek["Over dit bestand"].iter_rows(values_only=True)}


@pytest.fixture
def regeling(db):
    """An openbaar lichaam of Wassenaar and Voorschoten with a waterschap, on 2020-01-01; Leiden
    left in 2018."""
    regeling = RegelingFactory(naam="Servicepunt71", vorm=Vorm.OPENBAAR_LICHAAM)
    wassenaar = GemeenteFactory(code="GM0629", naam="Wassenaar")
    voorschoten = GemeenteFactory(code="GM0626", naam="Voorschoten")
    DeelnameFactory(regeling=regeling, gemeente=wassenaar, verdeelsleutel=Decimal("12.5"))
    DeelnameFactory(regeling=regeling, gemeente=voorschoten, rol=Rol.CENTRUMGEMEENTE)
    DeelnameFactory(
        regeling=regeling, gemeente=None, partner=PartnerFactory(naam="Hoogheemraadschap Rijnland")
    )
    DeelnameFactory(
        regeling=regeling, gemeente=GemeenteFactory(naam="Leiden"), einddatum=D(2018, 12, 31)
    )
    return regeling


# --- File names ---------------------------------------------------------------------------


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_the_file_name_carries_the_selection_and_the_peildatum(api, regeling, formaat):
    response = api.get(
        "/api/v1/regelingen", {"format": formaat, "gemeente": "GM0626", "peildatum": "2020-01-01"}
    )
    assert bestandsnaam(response) == f"regelingen-GM0626-2020-01-01.{formaat}"


def test_without_a_peildatum_the_name_carries_the_day_of_the_export(api, regeling):
    response = api.get("/api/v1/regelingen", {"format": "csv", "vorm": "OL", "status": "alle"})
    assert bestandsnaam(response) == f"regelingen-OL-alle-{VANDAAG}.csv"
    assert bestandsnaam(api.get("/api/v1/themas", {"format": "xlsx"})) == f"themas-{VANDAAG}.xlsx"


def test_values_in_the_name_are_ascii_and_a_code_is_written_as_the_register_keeps_it(api, regeling):
    response = api.get(
        "/api/v1/regelingen",
        {"format": "csv", "gemeente": "gm0626", "zoek": 'Café / "71"', "sort": "-naam"},
    )
    # The sort order is no selection and stays out of the name.
    assert bestandsnaam(response) == f"regelingen-GM0626-Cafe-71-{VANDAAG}.csv"


def test_overviews_carry_their_gemeente_and_peildatum_or_jaar(api, regeling):
    peildatum = {"format": "xlsx", "peildatum": "2020-01-01"}
    namen = {
        url: bestandsnaam(api.get(url, parameters))
        for url, parameters in [
            ("/api/v1/gemeenten/GM0626/overzicht", peildatum),
            ("/api/v1/gemeenten/GM0626/register", {**peildatum, "format": "csv"}),
            ("/api/v1/netwerk", {**peildatum, "gemeente": "GM0629"}),
            ("/api/v1/cijfers/themas", peildatum),
            ("/api/v1/cijfers/provincies", {"format": "csv"}),
            ("/api/v1/gemeenten/GM0626/verbonden-partijen", {"format": "xlsx", "jaar": "2025"}),
            (
                "/api/v1/herindelingsscan",
                {"format": "xlsx", "gemeenten": "GM0629,GM0626", "datum": "2021-01-01"},
            ),
        ]
    }
    assert list(namen.values()) == [
        "gemeente-overzicht-GM0626-2020-01-01.xlsx",
        "register-art27-GM0626-2020-01-01.csv",
        "netwerk-GM0629-2020-01-01.xlsx",
        "cijfers-per-thema-2020-01-01.xlsx",
        f"cijfers-per-provincie-{VANDAAG}.csv",
        "verbonden-partijen-GM0626-2025.xlsx",
        "herindelingsscan-GM0626-GM0629-2021-01-01.xlsx",
    ]


def test_a_list_with_a_jaar_carries_the_jaar(api, db):
    bijdrage = BijdrageFactory(jaar=2025)
    response = api.get(
        "/api/v1/bijdragen", {"format": "csv", "jaar": "2025", "gemeente": bijdrage.gemeente.code}
    )
    assert bestandsnaam(response) == f"bijdragen-{bijdrage.gemeente.code}-2025.csv"


# --- CSV ----------------------------------------------------------------------------------


def test_a_csv_starts_with_its_header_row(api, regeling):
    kop, *rijen = csv_rijen(api.get("/api/v1/regelingen", {"format": "csv"}))
    assert kop[:2] == ["Identificatie", "Naam"]
    assert [rij[1] for rij in rijen] == ["Servicepunt71"]


# --- The sheet "Over dit bestand" ---------------------------------------------------------


def test_the_second_sheet_says_what_the_file_holds_and_where_it_comes_from(api, regeling):
    voor = datetime.datetime.now().replace(microsecond=0) - datetime.timedelta(minutes=1)
    response = api.get(
        "/api/v1/regelingen",
        {"format": "xlsx", "gemeente": "gm0626", "vorm": "OL", "peildatum": "2020-01-01"},
    )
    gegevens = over(response)
    assert gegevens["Bestand"] == "regelingen-GM0626-OL-2020-01-01.xlsx"
    assert gegevens["Peildatum"] == datetime.datetime(2020, 1, 1)
    assert gegevens["Filter: Gemeente"] == "Voorschoten (GM0626)"
    assert gegevens["Filter: Vorm van samenwerking op de peildatum"] == "Openbaar lichaam"
    assert gegevens["Aantal rijen"] == 1
    assert gegevens["Bron"].startswith("Samenwerkingsregister; gegevens uit o.a. het ")
    assert settings.ROO_MOMENTOPNAME_BRON in gegevens["Bron"]
    assert "mei 2026" in gegevens["Bron"]
    assert "CC0 1.0" in gegevens["Licentie"] and "kolom Bron" in gegevens["Licentie"]
    assert voor <= gegevens["Geëxporteerd op"] <= voor + datetime.timedelta(minutes=5)
    assert gegevens["Adres"].startswith("http://testserver/api/v1/regelingen?")


def test_the_second_sheet_of_a_list_without_peildatum_or_filters_says_so(api, db):
    ThemaFactory()
    gegevens = over(api.get("/api/v1/themas", {"format": "xlsx"}))
    assert gegevens["Peildatum"].startswith("Geen")
    assert gegevens["Filters"].startswith("Geen")
    assert gegevens["Aantal rijen"] == 1


def test_the_second_sheet_of_overviews(api, regeling):
    overzicht = over(
        api.get("/api/v1/gemeenten/gm0626/register", {"format": "xlsx", "peildatum": "2020-01-01"})
    )
    assert overzicht["Peildatum"] == datetime.datetime(2020, 1, 1)
    assert overzicht["Filter: Gemeente"] == "Voorschoten (GM0626)"
    partijen = over(
        api.get("/api/v1/gemeenten/GM0626/verbonden-partijen", {"format": "xlsx", "jaar": "2025"})
    )
    assert partijen["Jaar"] == 2025 and "Peildatum" not in partijen
    scan = over(
        api.get(
            "/api/v1/herindelingsscan",
            {"format": "xlsx", "gemeenten": "GM0626", "opvolger": "GM0629", "datum": "2021-01-01"},
        )
    )
    assert scan["Datum van de herindeling"] == datetime.datetime(2021, 1, 1)
    assert scan["Filter: Gemeenten"] == "Voorschoten (GM0626)"
    assert scan["Filter: Opvolger"] == "Wassenaar (GM0629)"


# --- Labels instead of codes --------------------------------------------------------------


def test_exports_show_labels_where_the_json_shows_codes(api, regeling):
    json = api.get("/api/v1/regelingen").json()[0]
    assert (json["vorm"], json["status"], json["rechtsgebied"]) == (
        "OL",
        "in_werking",
        "publiekrecht",
    )
    [rij] = tabel(werkboek(api.get("/api/v1/regelingen", {"format": "xlsx"})).worksheets[0])
    assert (rij["Vorm"], rij["Status"], rij["Rechtsgebied"]) == (
        "Openbaar lichaam",
        "In werking",
        "Publiekrecht (Wgr)",
    )
    kop, *rijen = csv_rijen(api.get("/api/v1/deelnames", {"format": "csv"}))
    rollen = {rij[kop.index("Deelnemer")]: rij[kop.index("Rol")] for rij in rijen}
    assert rollen["Voorschoten"] == "Centrumgemeente" and rollen["Wassenaar"] == "Deelnemer"


def test_a_regeling_as_it_was_shows_the_label_of_its_vorm_and_status_then(api, db):
    RegelingFactory(vorm=Vorm.CENTRUMGEMEENTE, status=Status.OPGEHEVEN, einddatum=D(2019, 12, 31))
    kop, rij = csv_rijen(api.get("/api/v1/regelingen", {"format": "csv", "status": "alle"}))
    assert rij[kop.index("Vorm")] == "Centrumgemeenteregeling"
    assert rij[kop.index("Status")] == "Opgeheven"


# --- Deelnemers in the regelingen export --------------------------------------------------


def test_the_regelingen_export_has_the_deelnemers_on_the_peildatum(api, regeling):
    kop, rij = csv_rijen(
        api.get("/api/v1/regelingen", {"format": "csv", "peildatum": "2020-01-01"})
    )
    assert rij[kop.index("Deelnemers op de peildatum")] == (
        "Voorschoten; Wassenaar; Hoogheemraadschap Rijnland"
    )
    kop, rij = csv_rijen(
        api.get("/api/v1/regelingen", {"format": "csv", "peildatum": "2017-01-01"})
    )
    assert "Leiden" in rij[kop.index("Deelnemers op de peildatum")].split("; ")


def test_the_deelnemers_cost_no_query_per_regeling(api, db):
    def vul(aantal):
        for _ in range(aantal):
            DeelnameFactory.create_batch(3, regeling=RegelingFactory())

    def vragen() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as context:
            rijen = csv_rijen(api.get("/api/v1/regelingen", {"format": "csv"}))
        return len(context), len(rijen) - 1

    vul(2)
    weinig, aantal = vragen()
    assert aantal == 2
    vul(10)
    veel, aantal = vragen()
    assert aantal == 12
    assert veel == weinig


# --- Formatting ---------------------------------------------------------------------------


def test_the_header_row_is_bold_and_frozen_and_columns_fit_their_content(api, regeling):
    blad = werkboek(api.get("/api/v1/regelingen", {"format": "xlsx"})).worksheets[0]
    assert blad.freeze_panes == "A2"
    assert all(cel.font.b for cel in blad[1])
    assert not any(cel.font.b for cel in blad[2])
    breedtes = {kop.value: blad.column_dimensions[kop.column_letter].width for kop in blad[1]}
    assert all(10 <= breedte <= 60 for breedte in breedtes.values())
    assert breedtes["Deelnemers op de peildatum"] > breedtes["OIN"]
    assert breedtes["Deelnemers op de peildatum"] >= len(
        "Voorschoten; Wassenaar; Hoogheemraadschap"
    )


def test_percentages_are_formatted_as_percentages_and_dates_as_dates(api, regeling):
    blad = werkboek(api.get("/api/v1/deelnames", {"format": "xlsx"})).worksheets[0]
    kop = [cel.value for cel in blad[1]]
    sleutel = kop.index("Verdeelsleutel (%)")
    toetreding = kop.index("Datum toetreding")
    wassenaar = next(rij for rij in blad.iter_rows(min_row=2) if rij[2].value == "GM0629")
    assert wassenaar[sleutel].value == pytest.approx(0.125)
    assert wassenaar[sleutel].number_format == "0.00%"
    assert wassenaar[toetreding].value == datetime.datetime(2015, 1, 1)
    assert wassenaar[toetreding].number_format == "yyyy-mm-dd"
    # The CSV keeps the value of the API.
    kop, *rijen = csv_rijen(api.get("/api/v1/deelnames", {"format": "csv"}))
    assert "12.5000" in {rij[kop.index("Verdeelsleutel (%)")] for rij in rijen}


def test_a_share_of_the_figures_is_a_percentage(api, regeling):
    blad = werkboek(api.get("/api/v1/cijfers/provincies", {"format": "xlsx"})).worksheets[0]
    kop = [cel.value for cel in blad[1]]
    aandelen = [rij[kop.index("Aandeel publiekrecht")] for rij in blad.iter_rows(min_row=2)]
    assert any(cel.value == 1 for cel in aandelen)
    assert all(cel.number_format == "0.00%" for cel in aandelen if cel.value is not None)


def test_a_control_character_in_a_value_never_breaks_the_xlsx(api, db):
    # In a filter it is refused (tests/test_invoer.py); a stored one is left out of the cell.
    PartnerFactory(naam="Bad\x16 naam\x1b")
    assert api.get("/api/v1/partners", {"format": "xlsx", "zoek": "Bad\x16"}).status_code == 400
    response = api.get("/api/v1/partners", {"format": "xlsx", "zoek": "Bad"})
    assert response.status_code == 200
    boek = werkboek(response)
    assert "Bad" in {waarde for _, waarde in boek["Over dit bestand"].iter_rows(values_only=True)}
    assert [r["Naam"] for r in tabel(boek.worksheets[0])] == ["Bad naam"]

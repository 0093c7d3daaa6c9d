"""No stored value breaks an export or runs in a spreadsheet: a text that looks like a formula is
text (CSV: with a leading apostrophe; xlsx: a text cell), a text that looks like a date but is
none stays text, what xlsx cannot hold is left out, and numbers and dates stay what they are."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from registry.exports import XLSX_CEL_MAX, cell_value, xlsx_value
from tests.factories import BijdrageFactory, DeelnameFactory, GemeenteFactory, RegelingFactory

pytestmark = pytest.mark.django_db

NAMEN = [
    "2024-13-45",
    "2024-02-30",
    '=HYPERLINK("x")',
    "+31 71 123 4567",
    "-2+3",
    "@SUM(A1)",
    "\tTab",
    "\rTerug",
    "Bel\x07 en nul",
]


def inhoud(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def regelingen(db):
    gemeente = GemeenteFactory(code="GM0626", naam="Voorschoten")
    regelingen = [RegelingFactory(naam=f"Regeling {i}") for i in range(len(NAMEN))]
    # Stored past the validation (as an older import or a direct database write could).
    for regeling, naam in zip(regelingen, NAMEN, strict=True):
        type(regeling).objects.filter(pk=regeling.pk).update(naam=naam)
        DeelnameFactory(regeling=regeling, gemeente=gemeente)
    return regelingen


def test_csv_holds_every_row_with_formulas_escaped(api, regelingen):
    response = api.get("/api/v1/regelingen", {"format": "csv", "status": "alle"})
    assert response.status_code == 200
    tekst = inhoud(response).decode("utf-8")[1:]
    rijen = list(csv.DictReader(io.StringIO(tekst), delimiter=";"))
    namen = {rij["Naam"] for rij in rijen}
    assert len(rijen) == len(NAMEN)
    assert "2024-13-45" in namen and "2024-02-30" in namen
    assert '\'=HYPERLINK("x")' in namen
    assert "'+31 71 123 4567" in namen and "'-2+3" in namen and "'@SUM(A1)" in namen
    assert "'\tTab" in namen and "'\rTerug" in namen
    assert not any(naam[:1] in "=+-@\t\r" for naam in namen)


def test_xlsx_holds_every_row_as_text(api, regelingen):
    response = api.get("/api/v1/regelingen", {"format": "xlsx", "status": "alle"})
    assert response.status_code == 200
    blad = load_workbook(io.BytesIO(inhoud(response)))["regelingen"]
    kop = [cel.value for cel in blad[1]]
    kolom = kop.index("Naam")
    cellen = {rij[kolom].value: rij[kolom] for rij in blad.iter_rows(min_row=2)}
    assert len(cellen) == len(NAMEN)
    formule = cellen['=HYPERLINK("x")']
    assert formule.data_type == "s"
    assert formule.value == '=HYPERLINK("x")'
    assert formule.quotePrefix
    assert cellen["2024-13-45"].data_type == "s"
    assert "Bel en nul" in cellen  # the control character left out
    assert all(cel.data_type == "s" for cel in cellen.values())


def test_numbers_and_dates_stay_numbers_and_dates(api, db):
    bijdrage = BijdrageFactory(begroot=Decimal("-1250.50"))
    response = api.get("/api/v1/bijdragen", {"format": "xlsx"})
    assert response.status_code == 200
    blad = load_workbook(io.BytesIO(inhoud(response))).worksheets[0]
    kop = [cel.value for cel in blad[1]]
    rij = list(blad.iter_rows(min_row=2))[0]
    bedrag = rij[next(i for i, k in enumerate(kop) if k and k.startswith("Begroot"))]
    assert bedrag.data_type == "n" and bedrag.value == pytest.approx(float(bijdrage.begroot))
    assert cell_value(-5) == -5
    assert cell_value(Decimal("-1.5")) == Decimal("-1.5")
    assert cell_value("2024-02-29") == datetime.date(2024, 2, 29)
    assert cell_value(datetime.date(2024, 1, 1)) == datetime.date(2024, 1, 1)


@pytest.mark.parametrize(
    "waarde, csv_tekst",
    [
        ("2024-13-45", "2024-13-45"),
        ("=1+1", "'=1+1"),
        ("gewoon", "gewoon"),
        ("a=b", "a=b"),
        ("\ud800x", "x"),
    ],
)
def test_cell_value(waarde, csv_tekst):
    assert cell_value(waarde) == csv_tekst


def test_xlsx_leaves_out_what_it_cannot_hold():
    assert xlsx_value("a\x01b\x1fc") == "abc"
    assert len(xlsx_value("x" * 40_000)) == XLSX_CEL_MAX
    assert xlsx_value("=1+1") == "=1+1"  # text: the cell says so, not an apostrophe

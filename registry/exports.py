"""CSV and Excel exports of every list and overview.

A view hands over a ``Tabel``: Dutch column headers, an iterable of rows, and what was asked
for: the peildatum (or jaar) and the filters (``Filterwaarde``). Lists stream their rows
straight from the database (``stream``); overviews, which are small, go through the renderers.
Both write the same files, named after what they hold (``regelingen-GM0626-2020-01-01.xlsx``).
A CSV starts with its header row; an xlsx has a bold, frozen header row, columns sized to their
content, dates and percentages formatted as such, and a second sheet "Over dit bestand" that
says what the file holds, where the data come from, under which licence and when it was made.
"""

import csv
import datetime
import decimal
import itertools
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from rest_framework.renderers import BaseRenderer

CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATEN = ("csv", "xlsx")

OVER_DIT_BESTAND = "Over dit bestand"
LICENTIE = (
    "Gegevens uit het Register van Overheidsorganisaties (ROO): CC0 1.0 "
    "(https://creativecommons.org/publicdomain/zero/1.0/deed.nl). De eigen bron van elke rij "
    "staat in de kolom Bron, waar die er is."
)
GEEN_PEILDATUM = "Geen: de gegevens zoals zij bij de export in het register stonden."
GEEN_FILTERS = "Geen: alles wat het register heeft."

# Column widths in characters, and how many rows are read ahead to measure them (the rest
# streams after them without being measured).
BREEDTE_MIN = 10
BREEDTE_MAX = 60
BREEDTE_STEEKPROEF = 200
XLSX_CEL_MAX = 32767  # the most characters an xlsx cell holds
DATUM_FORMAAT = "yyyy-mm-dd"
TIJD_FORMAAT = "yyyy-mm-dd hh:mm"
PERCENTAGE_FORMAAT = "0.00%"
VET = Font(bold=True)


def bron() -> str:
    """Where the data of an export come from, with the date of the ROO snapshot."""
    return f"Samenwerkingsregister; gegevens uit o.a. het {settings.ROO_MOMENTOPNAME_BRON}"


def ascii_slug(waarde, lengte: int = 40) -> str:
    """``waarde`` safe in a file name: ASCII letters and digits joined by hyphens, case kept
    (GM0626 stays GM0626, "Zuid-Holland & Utrecht" becomes Zuid-Holland-Utrecht)."""
    tekst = unicodedata.normalize("NFKD", str(waarde)).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", tekst).strip("-")[:lengte].strip("-")


@dataclass(frozen=True)
class Filterwaarde:
    """One filter of an export: its Dutch label, its value as people read it, and the value
    as the file name carries it (empty: not in the name, such as a sort order)."""

    label: str
    waarde: str
    in_naam: str = ""


def filterwaarde(label: str, rij, code: str) -> Filterwaarde:
    """A filter on one row of the register (a gemeente, a thema): its name and its code."""
    tekst = str(rij)
    return Filterwaarde(label, tekst if code in tekst else f"{tekst} ({code})", code)


@dataclass
class Tabel:
    kolommen: list[str]
    rijen: Iterable[list]
    naam: str
    filters: list[Filterwaarde] = field(default_factory=list)
    # The day the table shows (the peildatum; ``datum_label`` says what else it is), or its jaar.
    datum: datetime.date | None = None
    jaar: int | None = None
    datum_label: str = "Peildatum"
    # Columns (by header) that hold a percentage: 100 when the value is in percent (12.5 for
    # 12.5 %), 1 when it is a fraction (0.125).
    percentages: dict[str, int] = field(default_factory=dict)
    adres: str = ""  # the address the export was asked on

    def bestandsnaam(self, extensie: str) -> str:
        """The name, the selection and the day (or jaar): regelingen-GM0626-2020-01-01.xlsx.
        Without either the day of the export."""
        if self.datum is not None:
            dag = self.datum.isoformat()
        elif self.jaar is not None:
            dag = str(self.jaar)
        else:
            dag = datetime.date.today().isoformat()
        delen = [self.naam, *(f.in_naam for f in self.filters), dag]
        return "-".join(deel for deel in map(ascii_slug, delen) if deel) + f".{extensie}"


# A text that a spreadsheet would read as a formula (OWASP, "CSV injection"): in CSV it gets a
# leading apostrophe, in xlsx it is written as a text cell that Excel keeps as text when edited.
FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")
# Lone surrogates: no UTF-8 file can hold them (and they would end a streamed CSV mid-way).
SURROGAAT = re.compile("[\ud800-\udfff]")
DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")


def cell_value(waarde, formaat: str = "csv"):
    """A value as a spreadsheet understands it: text, number or date. Every cell of a CSV or
    xlsx export goes through here. A date of the API ("2024-02-29") is a date; a text that only
    looks like one ("2024-13-45") stays text. A text that starts like a formula gets an
    apostrophe in CSV; for xlsx (``formaat="xlsx"``) it stays as it is (``xlsx_cel`` makes it a
    text cell), without the characters xlsx cannot hold and at most XLSX_CEL_MAX long."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, (int, float, decimal.Decimal, datetime.date)):
        return waarde
    if isinstance(waarde, dict):
        waarde = waarde.get("naam") or waarde.get("identificatie") or ""
    elif isinstance(waarde, (list, tuple)):
        waarde = "; ".join(str(cell_value(item, "xlsx")) for item in waarde)
    tekst = SURROGAAT.sub("", str(waarde))
    if DATUM.fullmatch(tekst):
        try:
            return datetime.date.fromisoformat(tekst)  # a date from the API stays a date
        except ValueError:
            pass  # a text such as "2024-13-45": text
    if formaat == "xlsx":
        return ILLEGAL_CHARACTERS_RE.sub("", tekst)[:XLSX_CEL_MAX]
    return f"'{tekst}" if tekst.startswith(FORMULE_BEGIN) else tekst


class _Regel:
    def write(self, value):
        return value


AFGEBROKEN = "### EXPORT AFGEBROKEN: dit bestand is onvolledig. Vraag de export opnieuw op."
CSV_DEEL = 200  # rows per chunk of a streamed CSV


def csv_regels(tabel: Tabel) -> Iterator[str]:
    """CSV as Dutch spreadsheets open it: UTF-8 with BOM, semicolon as separator; a line
    break in a text stays in its (quoted) field. Streamed in chunks of CSV_DEEL rows.

    Never cut off silently: when reading the rows fails halfway, the last line says so
    (AFGEBROKEN) and the error is raised again, so that the server aborts the response (a
    chunked response without its final chunk, which every HTTP client reports as an error)."""
    schrijver = csv.writer(_Regel(), delimiter=";")
    yield "\ufeff" + schrijver.writerow(tabel.kolommen)
    rijen = iter(tabel.rijen)
    try:
        while deel := list(itertools.islice(rijen, CSV_DEEL)):
            yield "".join(schrijver.writerow([cell_value(w) for w in rij]) for rij in deel)
    except Exception:
        yield "\r\n" + AFGEBROKEN + "\r\n"
        raise


TIJDSTIP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})")


def xlsx_value(waarde, schaal: int | None = None):
    """A cell's value in Excel: as ``cell_value``, a moment of the API (2026-05-01T10:00:00Z) as
    the Dutch time, and a percentage (``schaal`` 100: in percent) as the fraction Excel shows."""
    waarde = cell_value(waarde, "xlsx")
    if isinstance(waarde, str) and TIJDSTIP.fullmatch(waarde):
        moment = datetime.datetime.fromisoformat(waarde)
        return timezone.localtime(moment).replace(tzinfo=None)
    if schaal and isinstance(waarde, (int, float, decimal.Decimal)):
        return waarde / schaal
    return waarde


def breedte(waarde) -> int:
    """How many characters a value needs in a column."""
    if isinstance(waarde, datetime.datetime):
        return len("2026-05-01 10:00")
    if isinstance(waarde, datetime.date):
        return len("2026-05-01")
    return max((len(regel) for regel in str(waarde).splitlines()), default=0)


def kolombreedtes(kolommen: list[str], rijen: list[list]) -> list[int]:
    """The width of each column: its widest value (the bold header a little wider), with a
    margin, from BREEDTE_MIN to BREEDTE_MAX."""
    return [
        min(
            BREEDTE_MAX,
            max(
                BREEDTE_MIN,
                int(len(kop) * 1.1) + 2,
                *(breedte(rij[i]) + 2 for rij in rijen if i < len(rij)),
            ),
        )
        for i, kop in enumerate(kolommen)
    ]


WRAP = Alignment(wrap_text=True, vertical="top")


def xlsx_cel(blad, waarde, *, schaal: int | None = None, vet: bool = False) -> WriteOnlyCell:
    if isinstance(waarde, str):
        waarde = cell_value(waarde, "xlsx")
    cel = WriteOnlyCell(blad, value=waarde)
    if isinstance(waarde, str):
        cel.data_type = "s"  # text, also when it starts with "=" (openpyxl would write a formula)
        cel.quotePrefix = waarde.startswith(FORMULE_BEGIN)  # and Excel keeps it text when edited
    if vet:
        cel.font = VET
    if isinstance(waarde, str) and "\n" in waarde:
        cel.alignment = WRAP  # paragraphs and lists keep their line breaks
    if schaal and isinstance(waarde, (int, float, decimal.Decimal)):
        cel.number_format = PERCENTAGE_FORMAAT
    elif isinstance(waarde, datetime.datetime):
        cel.number_format = TIJD_FORMAAT
    elif isinstance(waarde, datetime.date):
        cel.number_format = DATUM_FORMAAT
    return cel


def over_dit_bestand(tabel: Tabel, aantal: int) -> list[tuple[str, object]]:
    """The rows of the sheet "Over dit bestand": what the file holds and where it comes from."""
    if tabel.datum is not None:
        dag = [(tabel.datum_label, tabel.datum)]
    elif tabel.jaar is not None:
        dag = [("Jaar", tabel.jaar)]
    else:
        dag = [("Peildatum", GEEN_PEILDATUM)]
    filters = [(f"Filter: {f.label}", f.waarde) for f in tabel.filters] or [
        ("Filters", GEEN_FILTERS)
    ]
    return [
        ("Bestand", tabel.bestandsnaam("xlsx")),
        *dag,
        *filters,
        ("Aantal rijen", aantal),
        ("Bron", bron()),
        ("Licentie", LICENTIE),
        ("Geëxporteerd op", timezone.localtime().replace(tzinfo=None, microsecond=0)),
        *([("Adres", tabel.adres)] if tabel.adres else []),
    ]


def xlsx_bestand(tabel: Tabel):
    """Write the table to a temporary xlsx file, row by row (openpyxl write-only mode): the
    columns are sized to the header and the first BREEDTE_STEEKPROEF rows, read ahead."""
    werkboek = Workbook(write_only=True)
    blad = werkboek.create_sheet(title=tabel.naam[:31] or "Export")
    schalen = [tabel.percentages.get(kop) for kop in tabel.kolommen]
    rijen = (
        [xlsx_value(waarde, schaal) for waarde, schaal in zip(rij, schalen, strict=False)]
        for rij in tabel.rijen
    )
    vooraf = list(itertools.islice(rijen, BREEDTE_STEEKPROEF))
    for i, breedte_ in enumerate(kolombreedtes(tabel.kolommen, vooraf), start=1):
        blad.column_dimensions[get_column_letter(i)].width = breedte_
    blad.freeze_panes = "A2"
    blad.append([xlsx_cel(blad, kop, vet=True) for kop in tabel.kolommen])
    aantal = 0
    for rij in itertools.chain(vooraf, rijen):
        blad.append(
            [
                xlsx_cel(blad, waarde, schaal=schaal)
                for waarde, schaal in zip(rij, schalen, strict=False)
            ]
        )
        aantal += 1

    over = werkboek.create_sheet(title=OVER_DIT_BESTAND)
    regels = over_dit_bestand(tabel, aantal)
    over.column_dimensions["A"].width = max(BREEDTE_MIN, *(len(k) + 2 for k, _ in regels))
    over.column_dimensions["B"].width = 2 * BREEDTE_MAX
    for kop, waarde in regels:
        over.append([xlsx_cel(over, kop, vet=True), xlsx_cel(over, waarde)])

    bestand = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the response that sends it
    werkboek.save(bestand)
    bestand.seek(0)
    return bestand


def stream(tabel: Tabel, formaat: str):
    if formaat == "csv":
        response = StreamingHttpResponse(
            csv_regels(tabel), content_type=f"{CSV_TYPE}; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{tabel.bestandsnaam("csv")}"'
        return response
    return FileResponse(
        xlsx_bestand(tabel),
        as_attachment=True,
        filename=tabel.bestandsnaam("xlsx"),
        content_type=XLSX_TYPE,
    )


class CSVRenderer(BaseRenderer):
    media_type = CSV_TYPE
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return "".join(csv_regels(data)).encode("utf-8")


class XLSXRenderer(BaseRenderer):
    media_type = XLSX_TYPE
    format = "xlsx"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        with xlsx_bestand(data) as bestand:
            return bestand.read()

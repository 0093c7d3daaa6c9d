"""CSV and Excel exports of every list and overview.

A view hands over a ``Tabel``: Dutch column headers and an iterable of rows. Lists stream
their rows straight from the database (``stream``); overviews, which are small, go through the
renderers. Both write the same files.
"""

import csv
import datetime
import decimal
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment
from rest_framework.renderers import BaseRenderer

CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATEN = ("csv", "xlsx")


@dataclass
class Tabel:
    kolommen: list[str]
    rijen: Iterable[list]
    naam: str

    def bestandsnaam(self, extensie: str) -> str:
        return f"{self.naam}-{datetime.date.today().isoformat()}.{extensie}"


def cell_value(waarde):
    """A value as a spreadsheet understands it: text, number or date."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dict):
        return waarde.get("naam") or waarde.get("identificatie") or ""
    if isinstance(waarde, (list, tuple)):
        return "; ".join(str(cell_value(item)) for item in waarde)
    if isinstance(waarde, (int, float, decimal.Decimal, datetime.date)):
        return waarde
    if isinstance(waarde, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde):
        return datetime.date.fromisoformat(waarde)  # a date from the API stays a date
    return str(waarde)


class _Regel:
    def write(self, value):
        return value


def csv_regels(tabel: Tabel) -> Iterator[str]:
    """CSV as Dutch spreadsheets open it: UTF-8 with BOM, semicolon as separator; a line
    break in a text stays in its (quoted) field."""
    schrijver = csv.writer(_Regel(), delimiter=";")
    yield "\ufeff" + schrijver.writerow(tabel.kolommen)
    for rij in tabel.rijen:
        yield schrijver.writerow([cell_value(waarde) for waarde in rij])


WRAP = Alignment(wrap_text=True, vertical="top")


def xlsx_bestand(tabel: Tabel):
    """Write the table to a temporary xlsx file, row by row (openpyxl write-only mode). Text
    with line breaks (paragraphs, lists) keeps them, in a cell that wraps its text."""
    werkboek = Workbook(write_only=True)
    blad = werkboek.create_sheet(title=tabel.naam[:31])
    blad.append(tabel.kolommen)
    for rij in tabel.rijen:
        cellen = []
        for waarde in rij:
            waarde = cell_value(waarde)
            if isinstance(waarde, str) and "\n" in waarde:
                waarde = WriteOnlyCell(blad, waarde)
                waarde.alignment = WRAP
            cellen.append(waarde)
        blad.append(cellen)
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

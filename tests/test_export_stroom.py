"""Exports that stream and always finish: rows straight from the database, the same columns
as the serializer, a fixed number of queries whatever the number of rows, and a failure
halfway that a client sees."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.api import DeelnameViewSet
from registry import exports
from registry.viewsets import als_label, keuzelabels
from tests.factories import DeelnameFactory

pytestmark = pytest.mark.django_db


def lees_csv(response) -> list[list[str]]:
    tekst = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(tekst), delimiter=";"))


def test_the_fast_deelnames_export_has_the_rows_of_the_serializer(voorbeelddata, rf):
    from agreements.models import Deelname
    from agreements.serializers import DeelnameSerializer

    view = DeelnameViewSet()
    queryset = DeelnameViewSet.queryset.all()
    snel = [
        [exports.cell_value(w) for w in view.export_rij(rij)]
        for rij in queryset.values_list(*view.export_velden)
    ]
    serializer = DeelnameSerializer(context={"request": rf.get("/")})
    velden = {n: v for n, v in serializer.fields.items() if n != "url"}
    labels = {n: keuzelabels(v) for n, v in velden.items()}
    traag = [
        [exports.cell_value(als_label(data[n], labels[n])) for n in velden]
        for data in DeelnameSerializer(queryset, many=True, context={"request": rf.get("/")}).data
    ]
    assert len(snel) == Deelname.objects.count() > 50
    assert snel == traag


def test_the_fast_regelingen_export_has_the_rows_of_the_serializer(voorbeelddata, api, monkeypatch):
    from agreements.api import RegelingViewSet

    snel = lees_csv(api.get("/api/v1/regelingen", {"format": "csv", "peildatum": "2024-01-01"}))
    # The same export through the serializer (as before issue 15).
    monkeypatch.setattr(RegelingViewSet, "export_velden", ())
    traag = lees_csv(api.get("/api/v1/regelingen", {"format": "csv", "peildatum": "2024-01-01"}))
    assert len(snel) > 10
    assert snel == traag


def test_the_deelnames_csv_reads_a_fixed_number_of_queries(api, db):
    def tel(aantal):
        DeelnameFactory.create_batch(aantal)
        with CaptureQueriesContext(connection) as vragen:
            rijen = lees_csv(api.get("/api/v1/deelnames", {"format": "csv"}))
        return len(vragen), len(rijen)

    weinig, rijen_weinig = tel(3)
    veel, rijen_veel = tel(40)
    assert rijen_veel - rijen_weinig == 40
    assert veel == weinig


def test_a_failure_halfway_ends_the_file_with_a_visible_error(api, db, monkeypatch):
    DeelnameFactory.create_batch(3)
    origineel = DeelnameViewSet.export_rij
    gelezen = []

    def faalt_bij_de_derde(self, waarden):
        gelezen.append(waarden)
        if len(gelezen) == 3:
            raise RuntimeError("verbinding met de database verbroken")
        return origineel(self, waarden)

    monkeypatch.setattr(DeelnameViewSet, "export_rij", faalt_bij_de_derde)
    monkeypatch.setattr(exports, "CSV_DEEL", 1)  # the first rows have left already
    response = api.get("/api/v1/deelnames", {"format": "csv"})
    assert response.status_code == 200  # the header had been sent
    delen = []
    with pytest.raises(RuntimeError):  # the server aborts the response: no final chunk
        delen.extend(deel.decode("utf-8") for deel in response.streaming_content)
    tekst = "".join(delen)
    assert tekst.count("\r\n") >= 3  # header and two rows arrived
    assert tekst.rstrip().endswith(exports.AFGEBROKEN)

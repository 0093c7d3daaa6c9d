import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from tests.factories import DeelnameFactory, GemeenteFactory, RegelingFactory

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_rijen(response):
    inhoud = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(inhoud), delimiter=";"))


def test_regelingen_export_to_csv_with_dutch_headers_and_the_filter(api, voorbeelddata):
    response = api.get(
        "/api/v1/regelingen", {"format": "csv", "gemeente": "GM0626", "peildatum": "2020-01-01"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    kop, *rijen = csv_rijen(response)
    assert kop[:3] == ["Identificatie", "Naam", "Afkorting"]
    assert "Datum inwerkingtreding" in kop
    assert "werkorganisatie-duivenvoorde" in {rij[0] for rij in rijen}
    assert len(rijen) == 5


def test_regelingen_export_to_xlsx(api, voorbeelddata):
    response = api.get("/api/v1/regelingen", {"format": "xlsx", "vorm": "OL", "pageSize": 1})
    assert response["Content-Type"] == XLSX
    blad = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0][:2] == ("Identificatie", "Naam")
    assert len(rijen) - 1 == 5  # every OL in force today, not one page
    begin = rijen[0].index("Datum inwerkingtreding")
    assert all(isinstance(rij[begin], datetime.datetime) for rij in rijen[1:])


def test_the_accept_header_selects_the_export(api, voorbeelddata):
    response = api.get("/api/v1/gemeenten", HTTP_ACCEPT="text/csv")
    assert response["Content-Type"].startswith("text/csv")
    assert len(csv_rijen(response)) == 343


def test_an_export_streams_rows_from_the_database(
    api, voorbeelddata, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = api.get("/api/v1/deelnames", {"format": "csv"})
        rijen = csv_rijen(response)
    assert len(rijen) > 20


def test_overviews_export_too(api, voorbeelddata):
    response = api.get("/api/v1/cijfers/provincies", {"format": "csv"})
    kop, *rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert kop[0] == "Provincie"
    assert len(rijen) == 12
    response = api.get("/api/v1/gemeenten/GM0626/overzicht", {"format": "xlsx"})
    blad = load_workbook(io.BytesIO(response.content)).active
    assert next(blad.iter_rows(values_only=True))[0] == "Indeling"


def test_a_single_resource_does_not_export(api, voorbeelddata):
    response = api.get("/api/v1/gemeenten/GM0626", {"format": "csv"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "format"


def test_nested_values_export_as_names(api, voorbeelddata):
    response = api.get("/api/v1/deelnames", {"format": "csv", "regeling": "equalit"})
    kop, rij = csv_rijen(response)
    assert rij[kop.index("Deelnemer")] == "Woerden"


def test_the_network_exports_the_same_rows(api, db):
    a, b = GemeenteFactory.create_batch(2)
    regeling = RegelingFactory()
    for gemeente in (a, b):
        DeelnameFactory(regeling=regeling, gemeente=gemeente)
    response = api.get("/api/v1/netwerk", {"format": "csv", "gemeente": a.code})
    kop, *rijen = csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    assert kop[0] == "Gemeente" and kop[-1] == "Aantal gedeelde regelingen"
    assert rijen == [[a.code, a.naam, b.code, b.naam, "1"]]

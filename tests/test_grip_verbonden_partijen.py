"""The verbonden partijen of a gemeente (BBV art. 15): grouped by vorm, with the financial
figures entered, as page and as CSV/xlsx export."""

import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from agreements.constants import VORMEN, Status, Vorm
from agreements.grip import selectors
from agreements.grip.constants import BBVGroep, Functie, Verdeelbasis, bbv_groep
from tests.factories import (
    BijdrageFactory,
    DeelnameFactory,
    GemeenteFactory,
    JaarcijfersFactory,
    RegelingFactory,
    VertegenwoordigerFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date

GROEPEN = {
    Vorm.OPENBAAR_LICHAAM: BBVGroep.GEMEENSCHAPPELIJKE_REGELINGEN,
    Vorm.BEDRIJFSVOERINGSORGANISATIE: BBVGroep.GEMEENSCHAPPELIJKE_REGELINGEN,
    Vorm.GEMEENSCHAPPELIJK_ORGAAN: BBVGroep.GEMEENSCHAPPELIJKE_REGELINGEN,
    Vorm.CENTRUMGEMEENTE: BBVGroep.GEMEENSCHAPPELIJKE_REGELINGEN,
    Vorm.REGELING_ZONDER_MEER: BBVGroep.GEMEENSCHAPPELIJKE_REGELINGEN,
    Vorm.BV: BBVGroep.VENNOOTSCHAPPEN_EN_COOPERATIES,
    Vorm.NV: BBVGroep.VENNOOTSCHAPPEN_EN_COOPERATIES,
    Vorm.CV: BBVGroep.VENNOOTSCHAPPEN_EN_COOPERATIES,
    Vorm.COOPERATIE: BBVGroep.VENNOOTSCHAPPEN_EN_COOPERATIES,
    Vorm.STICHTING: BBVGroep.STICHTINGEN_EN_VERENIGINGEN,
    Vorm.VERENIGING: BBVGroep.STICHTINGEN_EN_VERENIGINGEN,
    Vorm.OVEREENKOMST: None,
    Vorm.GASTHEER: None,
    Vorm.CONVENANT: None,
    Vorm.INTENTIEVERKLARING: None,
    Vorm.BESTUURSOVEREENKOMST: None,
    Vorm.NIET_VASTGELEGD: None,
}


def test_every_vorm_has_its_bbv_group():
    assert set(GROEPEN) == set(VORMEN)
    for vorm, groep in GROEPEN.items():
        assert bbv_groep(vorm) == groep, vorm
    assert bbv_groep("") == BBVGroep.OVERIGE


def maak_gemeente_met_partijen():
    gemeente = GemeenteFactory(code="GM0997")
    partijen = {}
    for vorm, naam in [
        (Vorm.OPENBAAR_LICHAAM, "Omgevingsdienst"),
        (Vorm.COOPERATIE, "Coöperatie ICT"),
        (Vorm.STICHTING, "Stichting Sport"),
        ("", "Regio zonder vorm"),
        (Vorm.CONVENANT, "Convenant Veiligheid"),
    ]:
        partijen[naam] = DeelnameFactory(
            gemeente=gemeente, regeling=RegelingFactory(naam=naam, vorm=vorm)
        ).regeling
    return gemeente, partijen


def test_the_regelingen_of_a_gemeente_are_grouped_the_bbv_way():
    gemeente, partijen = maak_gemeente_met_partijen()
    overzicht = selectors.verbonden_partijen(gemeente=gemeente, jaar=2025)
    groepen = {
        g["groep"]: [p["regeling"].naam for p in g["partijen"]] for g in overzicht["groepen"]
    }
    assert list(groepen) == list(BBVGroep)
    assert groepen == {
        BBVGroep.GEMEENSCHAPPELIJKE_REGELINGEN: ["Omgevingsdienst"],
        BBVGroep.VENNOOTSCHAPPEN_EN_COOPERATIES: ["Coöperatie ICT"],
        BBVGroep.STICHTINGEN_EN_VERENIGINGEN: ["Stichting Sport"],
        BBVGroep.OVERIGE: ["Regio zonder vorm"],
    }


def test_only_deelnames_in_the_year_and_regelingen_in_force_count():
    gemeente = GemeenteFactory()
    DeelnameFactory(
        gemeente=gemeente, regeling=RegelingFactory(naam="Vroeger"), einddatum=D(2024, 12, 31)
    )
    DeelnameFactory(
        gemeente=gemeente, regeling=RegelingFactory(naam="Halverwege"), einddatum=D(2025, 6, 30)
    )
    DeelnameFactory(
        gemeente=gemeente,
        regeling=RegelingFactory(naam="In voorbereiding", status=Status.IN_VOORBEREIDING),
    )
    namen = [
        p["regeling"].naam
        for g in selectors.verbonden_partijen(gemeente=gemeente, jaar=2025)["groepen"]
        for p in g["partijen"]
    ]
    assert namen == ["Halverwege"]


def test_the_figures_entered_are_shown_with_totals_per_group():
    gemeente, partijen = maak_gemeente_met_partijen()
    od = partijen["Omgevingsdienst"]
    BijdrageFactory(
        regeling=od,
        gemeente=gemeente,
        jaar=2025,
        begroot=Decimal("1250000.00"),
        gerealiseerd=Decimal("1198000.50"),
        verdeelsleutel=Decimal("12.5"),
    )
    BijdrageFactory(regeling=od, gemeente=gemeente, jaar=2024, begroot=Decimal("1.00"))
    JaarcijfersFactory(
        regeling=od,
        jaar=2025,
        eigen_vermogen_begin=Decimal("300000"),
        eigen_vermogen_eind=Decimal("350000"),
        vreemd_vermogen_begin=Decimal("2000000"),
        vreemd_vermogen_eind=Decimal("1900000"),
        resultaat=Decimal("50000"),
        risicos="Weerstandsvermogen laag.",
    )
    VertegenwoordigerFactory(
        regeling=od, gemeente=gemeente, naam="A. Bakker", functie=Functie.WETHOUDER
    )
    overzicht = selectors.verbonden_partijen(gemeente=gemeente, jaar=2025)
    gr = overzicht["groepen"][0]
    assert gr["totaal_begroot"] == Decimal("1250000.00")
    assert gr["totaal_gerealiseerd"] == Decimal("1198000.50")
    assert gr["partijen"][0]["cijfers"].resultaat == Decimal("50000")
    assert gr["partijen"][0]["bestuurlijk_belang"] == ["A. Bakker (wethouder, algemeen bestuur)"]
    assert overzicht["groepen"][1]["totaal_begroot"] is None  # nothing entered: unknown, not 0


def test_the_export_groups_and_carries_the_figures(api):
    gemeente, partijen = maak_gemeente_met_partijen()
    BijdrageFactory(
        regeling=partijen["Omgevingsdienst"],
        gemeente=gemeente,
        jaar=2025,
        begroot=Decimal("1250000.00"),
        basis=Verdeelbasis.PER_INWONER,
    )
    JaarcijfersFactory(
        regeling=partijen["Omgevingsdienst"], jaar=2025, resultaat=Decimal("-7500.25")
    )
    url = f"/api/v1/gemeenten/{gemeente.code}/verbonden-partijen"
    response = api.get(url, {"jaar": 2025, "format": "csv"})
    assert response.status_code == 200
    regels = response.content.decode("utf-8-sig").splitlines()
    assert regels[0].startswith("Groep (BBV art. 15);Verbonden partij;Vorm")
    assert regels[1].startswith("Gemeenschappelijke regelingen;Omgevingsdienst;Openbaar lichaam")
    assert ";1250000.00;" in regels[1]
    assert ";Per inwoner;" in regels[1] and ";-7500.25;" in regels[1]
    assert [r.split(";")[0] for r in regels[2:]] == [
        "Vennootschappen en coöperaties",
        "Stichtingen en verenigingen",
        "Overige verbonden partijen",
    ]
    xlsx = api.get(url, {"jaar": 2025, "format": "xlsx"})
    blad = load_workbook(io.BytesIO(xlsx.content)).active
    rijen = list(blad.values)
    assert rijen[1][1] == "Omgevingsdienst" and rijen[1][6] == 1250000


def test_the_json_and_the_page(api, client):
    gemeente, partijen = maak_gemeente_met_partijen()
    data = api.get(f"/api/v1/gemeenten/{gemeente.code}/verbonden-partijen", {"jaar": 2025}).json()
    assert [g["groepNaam"] for g in data["groepen"]] == [g.label for g in BBVGroep]
    html = client.get(
        f"/gemeenten/{gemeente.code}/verbonden-partijen", {"jaar": 2025}
    ).content.decode()
    assert "Vennootschappen en coöperaties" in html and "Coöperatie ICT" in html
    assert "Convenant Veiligheid" not in html
    assert "format=xlsx" in html


@pytest.mark.parametrize("bad", [{"jaar": "x"}, {"jaar": "1800"}, {"onbekend": "1"}])
def test_bad_parameters_are_a_400(api, bad):
    gemeente = GemeenteFactory()
    response = api.get(f"/api/v1/gemeenten/{gemeente.code}/verbonden-partijen", bad)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/gemeenten/{code}/verbonden-partijen?jaar=2025",
        "/api/v1/gemeenten/{code}/verbonden-partijen?jaar=2025&format=csv",
        "/gemeenten/{code}/verbonden-partijen?jaar=2025",
    ],
)
def test_verbonden_partijen_do_not_grow_their_queries(client, url):
    # the register version, gemeente, deelnames, bijdragen, jaarcijfers, vertegenwoordigers, the
    # test's own savepoint pair around the request.
    gemeente = GemeenteFactory()

    def vul(aantal):
        for _ in range(aantal):
            regeling = DeelnameFactory(gemeente=gemeente).regeling
            BijdrageFactory(regeling=regeling, gemeente=gemeente)
            JaarcijfersFactory(regeling=regeling)
            VertegenwoordigerFactory(regeling=regeling, gemeente=gemeente)

    def tel():
        with CaptureQueriesContext(connection) as context:
            response = client.get(url.format(code=gemeente.code))
            assert response.status_code == 200
            if response.streaming:
                b"".join(response.streaming_content)
        return len(context)

    vul(2)
    weinig = tel()
    vul(5)
    assert tel() == weinig == 8

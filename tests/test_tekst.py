"""Text as it was written: the doel, bevoegdheden and wettelijke voorschriften of a regeling
keep their paragraphs and lists, from the ROO import to the pages, the printed art. 27 register
and the CSV and Excel exports."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.template import Context, Template
from openpyxl import load_workbook

from agreements.models import Regeling, RegelingVersie, RooImport
from agreements.roo.lezen import lees_export
from registry.text import restore_line_breaks

from .factories import DeelnameFactory, GemeenteFactory, RegelingFactory

ROO = Path(__file__).parent / "roo"
SNAPSHOT = Path(__file__).resolve().parent.parent / "fixtures" / "roo" / "exportOO-2026-05.xml.xz"

# As the ROO gives it: the line breaks between the items are lost.
DOEL_ROO = (
    "1. In het kader van deze regeling worden de belangen van de deelnemers behartigd op het "
    "gebied van:a. de heffing en invordering van belastingen;b. de uitvoering van de Wet "
    "waardering onroerende zaken en het verstrekken van vastgoedgegevens aan de deelnemers en "
    "derden.2. Het samenwerkingsverband kan de deelnemers adviseren."
)
DOEL = (
    "1. In het kader van deze regeling worden de belangen van de deelnemers behartigd op het "
    "gebied van:\n"
    "a. de heffing en invordering van belastingen;\n"
    "b. de uitvoering van de Wet waardering onroerende zaken en het verstrekken van "
    "vastgoedgegevens aan de deelnemers en derden.\n"
    "2. Het samenwerkingsverband kan de deelnemers adviseren."
)


def render(tekst: str) -> str:
    return Template("{% load tekst %}{{ tekst|paragraphs }}").render(Context({"tekst": tekst}))


# --- Restoring the line breaks ------------------------------------------------------------


def test_a_list_that_runs_on_gets_its_line_breaks_back():
    assert restore_line_breaks(DOEL_ROO) == DOEL


def test_bullets_and_items_in_brackets_get_their_lines():
    tekst = "de volgende belastingen:-onroerende-zaakbelastingen;-hondenbelasting;-rioolheffing"
    assert restore_line_breaks(tekst).split("\n") == [
        "de volgende belastingen:",
        "-onroerende-zaakbelastingen;",
        "-hondenbelasting;",
        "-rioolheffing",
    ]
    assert restore_line_breaks("taken:(a) innen;(b) heffen.").split("\n") == [
        "taken:",
        "(a) innen;",
        "(b) heffen.",
    ]


def test_a_sub_list_and_a_list_that_goes_on_after_it():
    tekst = (
        "1. Het lichaam heeft tot taak.2. Het lichaam is belast met:a. afval;b. milieu;"
        "i. de eerste wet;ii. de tweede wet.3. Slot."
    )
    assert restore_line_breaks(tekst).split("\n") == [
        "1. Het lichaam heeft tot taak.",
        "2. Het lichaam is belast met:",
        "a. afval;",
        "b. milieu;",
        "i. de eerste wet;",
        "ii. de tweede wet.",
        "3. Slot.",
    ]


@pytest.mark.parametrize(
    "tekst",
    [
        "Taken, o.a. de heffing van belastingen.",
        "Zie art. 2.3. van de wet en artikel 4.1 onder a.",
        "Bedoeld in artikel 5, lid 2, a. de heffing.",
        "De regeling van 2010.1. Dat is geen lijst, want er gaat geen 1 aan vooraf.",
        "Een streepje in onroerende-zaakbelasting en een getal: 12.5 procent.",
        "Zonder lijst: gewoon een zin.",
    ],
)
def test_abbreviations_numbers_and_plain_sentences_stay_as_they_are(tekst):
    assert restore_line_breaks(tekst) == tekst


def test_existing_line_breaks_stay_and_restoring_twice_changes_nothing():
    tekst = "Artikel 5 Bevoegdheden\n" + DOEL_ROO + "\r\n\r\n\r\nArtikel 6\tMandaat  "
    hersteld = restore_line_breaks(tekst)
    assert hersteld == "Artikel 5 Bevoegdheden\n" + DOEL + "\n\nArtikel 6 Mandaat"
    assert restore_line_breaks(hersteld) == hersteld


def test_the_national_snapshot_reads_with_its_lists_on_lines_of_their_own():
    export = lees_export(SNAPSHOT)
    teksten = [v.doel for v in export.versies.values()]
    teksten += [inhoud for v in export.versies.values() for _, inhoud in v.bevoegdheden]
    samen = "\n".join(teksten)
    assert "gebied van:\na. de heffing en invordering van belastingen;\nb. de uitvoering" in samen
    assert "aan de deelnemers en derden.\nc. De inrichting" in samen
    # Items that run on from the text before them (":a. ", ";b. ", "derden.2. Het"): of the
    # thousands in the export, only those whose list is not recognisable are left.
    run_on = re.compile(r"[a-z]{2}[:;][a-z]\. |[a-z]{3}\.[2-9]\. [A-Z]")
    in_export = sum(len(run_on.findall(t.replace("\n", ""))) for t in teksten)
    assert in_export > 2000
    assert len(run_on.findall(samen)) < in_export / 10


# --- The import ---------------------------------------------------------------------------


@pytest.fixture
def export_met_lijsten(tmp_path, db):
    GemeenteFactory(code="GM0901", naam="Aamstad")
    GemeenteFactory(code="GM0902", naam="Beekdorp")
    tekst = (ROO / "basis.xml").read_text()
    tekst = tekst.replace(
        "Heffen en invorderen van belastingen en de uitvoering van de Wet WOZ.", DOEL_ROO
    ).replace(
        "Aan het bestuur wordt de heffing van belastingen overgedragen.",
        "1. Aan het bestuur wordt de heffing overgedragen van:-onroerende-zaakbelasting;"
        "-rioolheffing.2. Het bestuur int.",
    )
    pad = tmp_path / "export.xml"
    pad.write_text(tekst)
    return pad


def importeer(pad) -> RooImport:
    call_command("importeer_roo", str(pad), stdout=io.StringIO())
    return RooImport.objects.first()


def test_the_import_stores_the_text_with_its_line_breaks(export_met_lijsten):
    importeer(export_met_lijsten)
    regeling = Regeling.objects.get(versies__roo_id="1001")
    assert regeling.doel == DOEL
    assert RegelingVersie.objects.get(roo_id="1002").doel == DOEL
    assert regeling.bevoegdheden.split("\n\n")[0].split("\n") == [
        "Artikel 5 Bevoegdheden",
        "1. Aan het bestuur wordt de heffing overgedragen van:",
        "-onroerende-zaakbelasting;",
        "-rioolheffing.",
        "2. Het bestuur int.",
    ]


def test_importing_again_updates_a_text_stored_without_its_line_breaks(export_met_lijsten):
    importeer(export_met_lijsten)
    regeling = Regeling.objects.get(versies__roo_id="1001")
    Regeling.objects.filter(pk=regeling.pk).update(doel=DOEL_ROO)  # as an older import left it
    RegelingVersie.objects.filter(roo_id="1002").update(doel=DOEL_ROO)
    resultaat = importeer(export_met_lijsten)
    assert resultaat.aantallen["regelingen"]["bijgewerkt"] == 1
    assert resultaat.aantallen["versies"]["bijgewerkt"] == 1
    regeling.refresh_from_db()
    assert regeling.doel == DOEL
    assert importeer(export_met_lijsten).wijzigingen == 0


def test_the_seeded_cases_keep_their_lists_on_lines_of_their_own(voorbeelddata):
    regeling = Regeling.objects.get(slug="belastingsamenwerking-gouwe-rijnland")
    assert "gebied van:\na. de heffing en invordering van belastingen;\nb. de uitvoering" in (
        regeling.doel
    )
    assert "kent:\n-onroerende-zaakbelastingen;\n-hondenbelasting;\n" in regeling.bevoegdheden
    for tekst in Regeling.objects.values_list("doel", "bevoegdheden"):
        for deel in tekst:
            assert restore_line_breaks(deel) == deel


# --- Pages --------------------------------------------------------------------------------


def test_paragraphs_and_lists_become_html_and_the_text_is_escaped():
    html = render("Artikel 5\n" + DOEL + "\n\nNog een alinea <script>alert(1)</script> & meer")
    assert html == (
        "<p>Artikel 5</p>"
        "<ol><li>In het kader van deze regeling worden de belangen van de deelnemers behartigd "
        'op het gebied van:<ol type="a"><li>de heffing en invordering van belastingen;</li>'
        "<li>de uitvoering van de Wet waardering onroerende zaken en het verstrekken van "
        "vastgoedgegevens aan de deelnemers en derden.</li></ol></li>"
        "<li>Het samenwerkingsverband kan de deelnemers adviseren.</li></ol>"
        "<p>Nog een alinea &lt;script&gt;alert(1)&lt;/script&gt; &amp; meer</p>"
    )


def test_lines_bullets_and_a_list_that_does_not_start_at_one():
    assert render("Wet A\nWet B") == "<p>Wet A<br>Wet B</p>"
    assert render("Taken:\n- innen;\n- heffen.") == (
        "<p>Taken:</p><ul><li>innen;</li><li>heffen.</li></ul>"
    )
    assert render("c. derde\nd. vierde") == (
        '<ol type="a" start="3"><li>derde</li><li>vierde</li></ol>'
    )
    assert render("") == ""


def test_the_regeling_page_shows_doel_voorschriften_and_bevoegdheden_as_written(
    client, voorbeelddata, tekst
):
    html = tekst(client, "/regelingen/belastingsamenwerking-gouwe-rijnland")
    assert 'op het gebied van:<ol type="a"><li>de heffing en invordering van belastingen;</li>' in (
        html
    )
    assert "<ul><li>onroerende-zaakbelastingen;</li><li>hondenbelasting;</li>" in html
    assert "Waterschapswet (http://wetten.overheid.nl/jci1.3:c:BWBR0005108)<br>Gemeentewet" in html
    assert "gebied van:a." not in html and "derden.2." not in html


def test_a_text_typed_by_hand_is_escaped_on_the_page(client, db, tekst):
    regeling = RegelingFactory(doel="<b>vet</b>\n1. een\n2. <i>twee</i>")
    html = tekst(client, f"/regelingen/{regeling.slug}")
    assert "<p>&lt;b&gt;vet&lt;/b&gt;</p><ol><li>een</li><li>&lt;i&gt;twee&lt;/i&gt;</li></ol>" in (
        html
    )
    assert "<b>vet</b>" not in html


def test_the_art27_register_shows_the_lists_and_prints_compactly(client, voorbeelddata, tekst):
    html = tekst(client, "/gemeenten/GM0626/register", peildatum="2020-01-01")
    assert "<ul><li>onroerende-zaakbelastingen;</li>" in html
    assert "<p>Verkregen door delegatie, mandaat.</p><p>Artikel 5 Overdracht Bevoegdheden</p>" in (
        html
    )
    css = (Path(__file__).resolve().parent.parent / "static" / "register.css").read_text()
    afdruk = "".join(re.findall(r"@media print \{(.*?)\n\}", css, re.S))
    # No forced page break per regeling: a regeling may run on to the next page.
    assert not re.search(r"\.registerregel[^{]*\{[^}]*break-(inside|before|after)", afdruk)
    assert re.search(r"\.register \{ font-size: 8\.5pt", afdruk)


# --- Exports ------------------------------------------------------------------------------


@pytest.fixture
def regeling_met_lijsten(db):
    gemeente = GemeenteFactory(code="GM0626", naam="Voorschoten")
    regeling = RegelingFactory(
        doel=DOEL,
        bevoegdheden="Artikel 5\n" + DOEL,
        wettelijke_grondslagen="Wet A\nWet B",
        begindatum=None,
    )
    DeelnameFactory(regeling=regeling, gemeente=gemeente, begindatum=None)
    return regeling


def test_the_csv_export_keeps_the_line_breaks_in_its_cells(api, regeling_met_lijsten):
    response = api.get("/api/v1/gemeenten/GM0626/register", {"format": "csv"})
    kop, rij = csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    assert rij[kop.index("Overgedragen bevoegdheden")] == "Artikel 5\n" + DOEL
    assert rij[kop.index("Wettelijke voorschriften")] == "Wet A\nWet B"


def test_the_excel_export_keeps_the_line_breaks_and_wraps_the_text(api, regeling_met_lijsten):
    response = api.get("/api/v1/gemeenten/GM0626/register", {"format": "xlsx"})
    blad = load_workbook(io.BytesIO(response.content)).active
    kop = [cel.value for cel in blad[1]]
    cel = blad.cell(row=2, column=kop.index("Overgedragen bevoegdheden") + 1)
    assert cel.value == "Artikel 5\n" + DOEL
    assert cel.alignment.wrap_text
    naam = blad.cell(row=2, column=kop.index("Regeling") + 1)
    assert not naam.alignment.wrap_text  # text without line breaks stays as it was


def test_the_regelingen_export_keeps_the_doel_as_written(api, regeling_met_lijsten):
    response = api.get("/api/v1/regelingen", {"format": "csv"})
    inhoud = b"".join(response.streaming_content).decode("utf-8-sig")
    kop, rij = csv.reader(io.StringIO(inhoud), delimiter=";")
    assert rij[kop.index("Doel")] == DOEL

import datetime
import io
import lzma
import re
import tempfile
from decimal import Decimal
from pathlib import Path
from urllib.error import URLError

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.constants import PublicatieSoort, Status, Vorm
from agreements.models import Deelname, Publicatie, Regeling, RegelingVersie, RooImport
from municipalities.constants import PartnerSoort
from municipalities.models import Partner

from .factories import (
    DeelnameFactory,
    GemeenteFactory,
    ProvincieFactory,
    RegelingFactory,
    RegelingVersieFactory,
    ThemaFactory,
)

ROO = Path(__file__).parent / "roo"
BASIS = ROO / "basis.xml"
GEWIJZIGD = ROO / "gewijzigd.xml"
THEMA_TOOI = "https://identifier.overheid.nl/tooi/def/thes/top/c_test0001"
D = datetime.date
NS = "https://organisaties.overheid.nl/static/schema/oo/export/2.6.9"


@pytest.fixture
def register(db):
    """The gemeenten, provincie and thema the test exports refer to."""
    provincie = ProvincieFactory(code="pv27", naam="Provincie Noordland")
    return {
        "provincie": provincie,
        "aamstad": GemeenteFactory(code="GM0901", naam="Aamstad", provincie=provincie),
        "beekdorp": GemeenteFactory(code="GM0902", naam="Beekdorp", provincie=provincie),
        "oudmeer": GemeenteFactory(
            code="GM0903", naam="Oudmeer", provincie=provincie, einddatum=D(2018, 12, 31)
        ),
        "zeewijk": GemeenteFactory(
            code="GM0904", naam="Zeewijk", provincie=provincie, begindatum=D(2019, 1, 1)
        ),
        "thema": ThemaFactory(tooi=THEMA_TOOI),
    }


def importeer(pad, **opties) -> RooImport:
    call_command("importeer_roo", str(pad), stdout=io.StringIO(), **opties)
    return RooImport.objects.first()


def belastingen() -> Regeling:
    return Regeling.objects.get(versies__roo_id="1001")


def deelnames(regeling) -> dict:
    return {
        (d.gemeente.code if d.gemeente else d.partner.naam): (d.begindatum, d.einddatum)
        for d in regeling.deelnames.select_related("gemeente", "partner")
    }


def momentopname() -> list:
    """Everything the import writes, to compare two states of the database."""
    return [
        list(Regeling.objects.order_by("pk").values()),
        list(RegelingVersie.objects.order_by("pk").values()),
        list(Deelname.objects.order_by("pk").values()),
        list(Publicatie.objects.order_by("pk").values()),
        list(Partner.objects.order_by("pk").values()),
        list(Regeling.themas.through.objects.order_by("pk").values()),
    ]


def test_it_imports_the_fields_of_a_regeling_from_its_latest_version(register):
    importeer(BASIS)
    regeling = belastingen()
    assert regeling.naam == "Gemeenschappelijke regeling Belastingen Aamstad-Beekdorp 2020"
    assert regeling.slug == "gemeenschappelijke-regeling-belastingen-aamstad-beekdorp-2020"
    assert regeling.vorm == Vorm.OPENBAAR_LICHAAM
    assert (regeling.attributie, regeling.delegatie, regeling.mandaat) == (False, True, True)
    assert regeling.doel == "Heffen en invorderen van belastingen en de uitvoering van de Wet WOZ."
    assert regeling.wettelijke_grondslagen == (
        "Wet gemeenschappelijke regelingen (http://wetten.overheid.nl/jci1.3:c:BWBR0003740)\n"
        "Gemeentewet (http://wetten.overheid.nl/jci1.3:c:BWBR0005416)"
    )
    assert regeling.bevoegdheden == (
        "Artikel 5 Bevoegdheden\nAan het bestuur wordt de heffing van belastingen overgedragen."
        "\n\nArtikel 6 Mandaat\nDe colleges verlenen mandaat voor de invordering."
    )
    assert list(regeling.themas.all()) == [register["thema"]]
    assert regeling.roo_beheerd
    assert regeling.bron.startswith("Register van Overheidsorganisaties (CC0)")


def test_it_takes_the_identifiers_and_address_of_the_gr_body(register):
    importeer(BASIS)
    regeling = belastingen()
    assert regeling.organisatiecode == "so9901"
    assert regeling.oin == "00000001812345678000"
    assert regeling.kvk_nummer == "12345678"
    assert regeling.adres == "Kerkstraat 12a, 9999 AB Beekdorp"
    assert regeling.vestigingsplaats == "Beekdorp"


def test_a_body_without_legal_personality_gets_no_oin(register):
    resultaat = importeer(BASIS)
    rekenkamer = Regeling.objects.get(versies__roo_id="3001")
    assert rekenkamer.vorm == Vorm.GEMEENSCHAPPELIJK_ORGAAN
    assert rekenkamer.attributie
    assert rekenkamer.organisatiecode == "so9903"
    assert rekenkamer.oin == ""
    assert any("3001: OIN/KvK" in m for m in resultaat.meldingen)


def test_versions_are_chained_into_one_regeling_and_the_exclusive_end_becomes_the_day_before(
    register,
):
    importeer(BASIS)
    regeling = belastingen()
    versies = list(
        regeling.versies.values_list("roo_id", "titel", "vorm", "begindatum", "einddatum")
    )
    assert versies == [
        (
            "1001",
            "Gemeenschappelijke regeling Belastingen Aamstad-Beekdorp",
            Vorm.OPENBAAR_LICHAAM,
            D(2016, 1, 1),
            D(2019, 12, 31),
        ),
        (
            "1002",
            "Gemeenschappelijke regeling Belastingen Aamstad-Beekdorp 2020",
            Vorm.OPENBAAR_LICHAAM,
            D(2020, 1, 1),
            None,
        ),
    ]
    assert Regeling.objects.count() == 3
    assert (regeling.begindatum, regeling.einddatum, regeling.status) == (
        D(2010, 5, 1),
        None,
        Status.IN_WERKING,
    )


def test_a_regeling_whose_last_version_ended_is_opgeheven(register):
    importeer(BASIS)
    grenswerk = Regeling.objects.get(versies__roo_id="2001")
    assert grenswerk.vorm == Vorm.REGELING_ZONDER_MEER
    assert (grenswerk.begindatum, grenswerk.einddatum) == (D(2018, 3, 1), D(2021, 6, 30))
    assert grenswerk.status == Status.OPGEHEVEN
    assert grenswerk.adres == "Marktplein 1, 9999 AA Aamstad"
    assert grenswerk.organisatiecode == ""


def test_deelnames_run_from_toetreding_to_the_last_version_that_lists_them(register):
    importeer(BASIS)
    assert deelnames(belastingen()) == {
        # In both versions, joined before ROO knew the regeling.
        "GM0901": (D(2010, 5, 1), None),
        # Missing from the second version: left the day before it started.
        "GM0902": (D(2016, 1, 1), D(2019, 12, 31)),
        # Found by name (no TOOI, no code); lingers in ROO, clipped to its last day.
        "GM0903": (D(2012, 1, 1), D(2018, 12, 31)),
        # Found through its organisatie record's Organisatiecode.
        "GM0904": (D(2020, 1, 1), None),
        "Provincie Noordland": (D(2016, 1, 1), D(2019, 12, 31)),
        # No toetredingsDatum in the first version: the version start.
        "Waterschap De Polder": (D(2016, 1, 1), None),
    }
    assert all(d.roo_beheerd for d in Deelname.objects.all())


def test_it_takes_verdeelsleutel_and_bestuursorganen_from_the_latest_row(register):
    importeer(BASIS)
    aamstad = belastingen().deelnames.get(gemeente=register["aamstad"])
    assert aamstad.verdeelsleutel == Decimal("62.5")
    assert (aamstad.namens_college, aamstad.namens_raad, aamstad.namens_burgemeester) == (
        True,
        True,
        False,
    )
    provincie = belastingen().deelnames.get(partner=register["provincie"])
    assert not provincie.namens_college


def test_participants_that_are_not_gemeenten_become_partners_of_their_soort(register):
    resultaat = importeer(BASIS)
    partners = {
        p.naam: (p.soort, p.code, p.oin) for p in Partner.objects.exclude(soort="provincie")
    }
    assert partners == {
        "Waterschap De Polder": (PartnerSoort.WATERSCHAP, "ws0999", ""),
        "Binnenlandse Zaken en Koninkrijksrelaties": (PartnerSoort.RIJK, "mnre1034", ""),
        "Veiligheidsregio Noordland": (
            PartnerSoort.SAMENWERKINGSVERBAND,
            "so9902",
            "00000001899999999000",
        ),
        "Gemeinde Grenzdorf": (PartnerSoort.OVERIG, None, ""),
    }
    assert Partner.objects.filter(soort="provincie").count() == 1
    grenswerk = Regeling.objects.get(versies__roo_id="2001")
    assert set(deelnames(grenswerk)) == {
        "GM0901",
        "Binnenlandse Zaken en Koninkrijksrelaties",
        "Veiligheidsregio Noordland",
        "Gemeinde Grenzdorf",
    }
    assert resultaat.aantallen["partners"] == {"aangemaakt": 4}
    assert resultaat.aantallen["deelnemers"] == {"overgeslagen": 1}
    assert any("Gemeente Overschelde" in m for m in resultaat.meldingen)


def test_instellingsbesluiten_become_publicaties(register):
    importeer(BASIS)
    publicaties = set(belastingen().publicaties.values_list("url", "soort"))
    assert publicaties == {
        ("https://lokaleregelgeving.overheid.nl/CVDR100001/1", PublicatieSoort.CVDR),
        ("https://lokaleregelgeving.overheid.nl/CVDR100001/2", PublicatieSoort.CVDR),
        (
            "https://zoek.officielebekendmakingen.nl/stcrt-2019-12345.html",
            PublicatieSoort.STAATSCOURANT,
        ),
    }


def test_an_unknown_beleidsterrein_is_reported_not_invented(register):
    resultaat = importeer(BASIS)
    assert any("c_onbekend" in m for m in resultaat.meldingen)
    assert belastingen().themas.count() == 1


def test_importing_the_same_export_twice_changes_nothing(register):
    eerste = importeer(BASIS)
    voor = momentopname()
    tweede = importeer(BASIS)
    assert eerste.wijzigingen > 0
    assert tweede.wijzigingen == 0
    assert tweede.aantallen["regelingen"] == {"ongewijzigd": 3}
    assert momentopname() == voor
    assert RooImport.objects.count() == 2


def test_a_newer_export_updates_what_changed(register):
    importeer(BASIS)
    uuids = dict(belastingen().deelnames.values_list("gemeente__code", "uuid"))
    resultaat = importeer(GEWIJZIGD)
    regeling = belastingen()
    assert regeling.naam == "Gemeenschappelijke regeling Belastingen Aamstad 2024"
    assert regeling.vorm == Vorm.BEDRIJFSVOERINGSORGANISATIE
    assert (regeling.delegatie, regeling.mandaat) == (False, True)
    assert regeling.oin == "00000001812345678000"
    assert list(regeling.versies.values_list("roo_id", "einddatum")) == [
        ("1001", D(2019, 12, 31)),
        ("1002", D(2023, 12, 31)),
        ("1003", None),
    ]
    assert deelnames(regeling)["GM0904"] == (D(2020, 1, 1), D(2023, 12, 31))
    aamstad = regeling.deelnames.get(gemeente__code="GM0901")
    assert (aamstad.verdeelsleutel, aamstad.namens_raad) == (Decimal("100"), False)
    # An update keeps the identity of a deelname.
    assert dict(regeling.deelnames.values_list("gemeente__code", "uuid")) == uuids
    assert regeling.publicaties.count() == 4
    assert resultaat.aantallen["regelingen"] == {"bijgewerkt": 1, "ongewijzigd": 1}
    assert resultaat.aantallen["versies"] == {"aangemaakt": 1, "bijgewerkt": 1}
    assert resultaat.aantallen["deelnames"] == {"bijgewerkt": 2}
    # A regeling missing from the newer export stays as it was.
    assert Regeling.objects.filter(versies__roo_id="3001").exists()
    assert importeer(GEWIJZIGD).wijzigingen == 0


def test_a_newer_export_removes_a_version_and_deelname_it_no_longer_has(register):
    importeer(GEWIJZIGD)
    assert deelnames(belastingen())["GM0904"] == (D(2020, 1, 1), D(2023, 12, 31))
    resultaat = importeer(BASIS)
    assert list(belastingen().versies.values_list("roo_id", flat=True)) == ["1001", "1002"]
    assert deelnames(belastingen())["GM0904"] == (D(2020, 1, 1), None)
    assert resultaat.aantallen["versies"]["verwijderd"] == 1


def test_hand_entered_deelnames_in_an_imported_regeling_are_kept(register):
    importeer(BASIS)
    regeling = belastingen()
    hand = DeelnameFactory(
        regeling=regeling, gemeente=register["beekdorp"], begindatum=D(2024, 1, 1)
    )
    regeling.deelnames.filter(gemeente=register["zeewijk"]).delete()
    eigen = DeelnameFactory(
        regeling=regeling, gemeente=register["zeewijk"], begindatum=D(2019, 6, 1)
    )
    resultaat = importeer(GEWIJZIGD)
    assert Deelname.objects.filter(pk__in=[hand.pk, eigen.pk]).count() == 2
    eigen.refresh_from_db()
    assert (eigen.begindatum, eigen.einddatum, eigen.roo_beheerd) == (D(2019, 6, 1), None, False)
    assert not regeling.deelnames.filter(gemeente=register["zeewijk"], roo_beheerd=True).exists()
    assert any("met de hand ingevoerde deelname" in m for m in resultaat.meldingen)


def test_a_regeling_entered_by_hand_is_linked_not_duplicated_nor_overwritten(register):
    regeling = RegelingFactory(naam="Belastingen (met de hand)", vorm=Vorm.OPENBAAR_LICHAAM)
    RegelingVersieFactory(
        regeling=regeling, roo_id="1001", begindatum=D(2016, 1, 1), einddatum=D(2019, 12, 31)
    )
    zonder_nummer = RegelingVersieFactory(regeling=regeling, begindatum=D(2020, 1, 1))
    DeelnameFactory(regeling=regeling, gemeente=register["beekdorp"], begindatum=None)
    voor = list(Regeling.objects.filter(pk=regeling.pk).values())
    resultaat = importeer(BASIS)
    assert Regeling.objects.count() == 3
    assert list(Regeling.objects.filter(pk=regeling.pk).values()) == voor
    assert deelnames(regeling) == {"GM0902": (None, None)}
    zonder_nummer.refresh_from_db()
    assert zonder_nummer.roo_id == "1002"
    assert resultaat.aantallen["regelingen"] == {"aangemaakt": 2, "met de hand bijgehouden": 1}
    assert resultaat.aantallen["versies"]["gekoppeld"] == 1
    assert importeer(BASIS).wijzigingen == 0


def test_a_regeling_entered_by_hand_reports_the_roo_versions_it_lacks(register):
    regeling = RegelingFactory(naam="Belastingen (met de hand)")
    RegelingVersieFactory(regeling=regeling, roo_id="1001", begindatum=D(2016, 1, 1))
    resultaat = importeer(BASIS)
    assert regeling.versies.count() == 1
    assert any("ROO-versie 1002 (2020-01-01) staat er niet bij" in m for m in resultaat.meldingen)


def test_the_seeded_regelingen_are_linked_to_their_roo_chain(voorbeelddata, tmp_path):
    """Omgevingsdienst Groningen is seeded with its three ROO versions."""
    odg = Regeling.objects.get(slug="omgevingsdienst-groningen")
    voor = (momentopname(), Regeling.objects.count(), deelnames(odg))
    pad = tmp_path / "exportOO.xml"
    pad.write_text(
        BASIS.read_text()
        .replace('systeemId="1001"', 'systeemId="25196023"')
        .replace('systeemId="1002"', 'systeemId="28515165"')
    )
    resultaat = importeer(pad)
    assert Regeling.objects.filter(versies__roo_id="25196023").get() == odg
    assert deelnames(odg) == voor[2]
    assert Regeling.objects.count() == voor[1] + 2
    assert resultaat.aantallen["regelingen"] == {"aangemaakt": 2, "met de hand bijgehouden": 1}
    odg_na = Regeling.objects.filter(pk=odg.pk).values().get()
    assert odg_na == next(r for r in voor[0][0] if r["id"] == odg.pk)


def zonder_ids(tabellen: list) -> list:
    """A momentopname without database ids, to compare two imports into emptied tables."""
    return [
        [
            {k: v for k, v in rij.items() if k == "roo_id" or not k.endswith(("id", "uuid"))}
            for rij in tabel
        ]
        for tabel in tabellen
    ]


@pytest.mark.parametrize(
    "namespace",
    [
        'xmlns:p="https://almanak.overheid.nl/static/schema/oo/export/2.4.23"',
        'xmlns:oo="https://organisaties.overheid.nl/static/schema/oo/export/2.6.9"',
    ],
)
def test_the_schema_version_and_prefix_do_not_matter(register, tmp_path, namespace):
    importeer(BASIS)
    verwacht = momentopname()
    Deelname.objects.all().delete()  # a regeling with deelnames is not deleted (PROTECT)
    Regeling.objects.all().delete()
    Partner.objects.exclude(soort="provincie").delete()
    tekst = BASIS.read_text()
    if namespace.startswith("xmlns:oo"):
        tekst = re.sub(r"(</?| )p:", r"\1oo:", tekst)
    tekst = tekst.replace(
        'xmlns:p="https://organisaties.overheid.nl/static/schema/oo/export/2.6.9"', namespace
    )
    pad = tmp_path / "oud.xml"
    pad.write_text(tekst)
    resultaat = importeer(pad)
    assert resultaat.schema == namespace.split('"')[1]
    assert zonder_ids(momentopname()) == zonder_ids(verwacht)


@pytest.mark.parametrize(
    "inhoud, melding",
    [
        (
            f"<p:overheidsorganisaties xmlns:p='{NS}'><p:regeling></p:overheidsorganisaties>",
            "geen geldige",
        ),
        ("<html><body>Onderhoud</body></html>", "geen ROO-export"),
        (
            f"<p:overheidsorganisaties xmlns:p='{NS}'><p:organisaties/></p:overheidsorganisaties>",
            "geen gemeenschappelijke regelingen",
        ),
        ("", "geen geldige"),
    ],
)
def test_a_broken_file_gives_a_dutch_error_and_changes_nothing(register, tmp_path, inhoud, melding):
    importeer(BASIS)
    voor = momentopname()
    pad = tmp_path / "kapot.xml"
    pad.write_text(inhoud)
    with pytest.raises(CommandError, match=melding):
        importeer(pad)
    assert momentopname() == voor
    assert RooImport.objects.count() == 1


def test_a_truncated_file_changes_nothing(register, tmp_path):
    importeer(BASIS)
    voor = momentopname()
    pad = tmp_path / "afgebroken.xml"
    tekst = GEWIJZIGD.read_text()
    pad.write_text(tekst[: int(len(tekst) * 0.9)])
    with pytest.raises(CommandError, match="geen geldige of geen volledige XML"):
        importeer(pad)
    assert momentopname() == voor


def test_an_xz_compressed_export_is_read_as_it_is(register, tmp_path):
    pad = tmp_path / "exportOO.xml.xz"
    pad.write_bytes(lzma.compress(BASIS.read_bytes()))
    assert importeer(pad).wijzigingen > 0
    assert belastingen().deelnames.exists()
    # The same export uncompressed finds nothing to change.
    assert importeer(BASIS).wijzigingen == 0


def test_a_truncated_xz_file_changes_nothing(register, tmp_path):
    importeer(BASIS)
    voor = momentopname()
    pad = tmp_path / "afgebroken.xml.xz"
    inhoud = lzma.compress(GEWIJZIGD.read_bytes())
    pad.write_bytes(inhoud[: len(inhoud) // 2])
    with pytest.raises(CommandError, match="beschadigd of onvolledig"):
        importeer(pad)
    assert momentopname() == voor


def test_an_empty_register_asks_for_the_gemeenten_first(db):
    with pytest.raises(CommandError, match="nog geen gemeenten"):
        importeer(BASIS)
    assert not Regeling.objects.exists()


def test_a_missing_file_gives_a_dutch_error(db, tmp_path):
    with pytest.raises(CommandError, match="kan niet worden gelezen"):
        importeer(tmp_path / "bestaat-niet.xml")


def test_without_a_path_it_downloads_the_export(register, monkeypatch, tmp_path):
    gevraagd = []

    def urlopen(url, timeout):
        gevraagd.append(url)
        return io.BytesIO(BASIS.read_bytes())

    monkeypatch.setattr("agreements.roo.lezen.urllib.request.urlopen", urlopen)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    call_command("importeer_roo", stdout=io.StringIO())
    assert gevraagd == ["https://organisaties.overheid.nl/archive/exportOO.xml"]
    assert Regeling.objects.count() == 3
    assert RooImport.objects.get().bron == gevraagd[0]
    assert list(tmp_path.iterdir()) == []


def test_a_failed_download_gives_a_dutch_error(db, monkeypatch, tmp_path):
    def urlopen(url, timeout):
        raise URLError("netwerk dicht")

    monkeypatch.setattr("agreements.roo.lezen.urllib.request.urlopen", urlopen)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(CommandError, match="kon niet worden gedownload"):
        call_command("importeer_roo", stdout=io.StringIO())
    assert list(tmp_path.iterdir()) == []


def test_the_command_prints_a_summary_and_with_v2_progress_and_messages(register):
    uit, fout = io.StringIO(), io.StringIO()
    call_command("importeer_roo", str(BASIS), stdout=uit, stderr=fout, verbosity=2)
    assert "regelingen: 3 aangemaakt" in uit.getvalue()
    assert "Gemeente Overschelde" in uit.getvalue()
    assert "4 versies en 7 organisaties gelezen" in fout.getvalue()
    uit = io.StringIO()
    call_command("importeer_roo", str(BASIS), stdout=uit, stderr=io.StringIO())
    assert "Geen wijzigingen." in uit.getvalue()
    assert "Gemeente Overschelde" not in uit.getvalue()


def versie(sid, begin, einde="", vorige="", volgende="", rijen=()) -> str:
    """One p:regeling record; ``rijen`` are (TOOI code, toetredingsDatum[, uittredingsDatum])."""
    deelnemers = "".join(
        '<p:deelnemendeOrganisatie p:resourceIdentifierTOOI="https://identifier.overheid.nl/'
        f'tooi/id/gemeente/{code}"><p:naam>x</p:naam>'
        + (f"<p:toetredingsDatum>{datum}</p:toetredingsDatum>" if datum else "")
        + "".join(f"<p:uittredingsDatum>{uit}</p:uittredingsDatum>" for uit in uittreding)
        + "</p:deelnemendeOrganisatie>"
        for code, datum, *uittreding in rijen
    )
    return (
        f'<p:regeling p:systeemId="{sid}"><p:titel>Regeling {sid}</p:titel>'
        '<p:samenwerkingsvorm p:afkorting="GO">Gemeenschappelijk orgaan</p:samenwerkingsvorm>'
        f"<p:deelnemendeOrganisaties>{deelnemers}</p:deelnemendeOrganisaties>"
        f"<p:datumInwerkingtreding>{begin}</p:datumInwerkingtreding>"
        + (f"<p:datumUitwerkingtreding>{einde}</p:datumUitwerkingtreding>" if einde else "")
        + (f'<p:previousVersion p:systeemId="{vorige}">x</p:previousVersion>' if vorige else "")
        + (f'<p:nextVersion p:systeemId="{volgende}">x</p:nextVersion>' if volgende else "")
        + "</p:regeling>"
    )


def schrijf_export(pad, *versies) -> Path:
    pad.write_text(
        f'<p:overheidsorganisaties xmlns:p="{NS}"><p:gemeenschappelijkeRegelingen>'
        + "".join(versies)
        + "</p:gemeenschappelijkeRegelingen></p:overheidsorganisaties>"
    )
    return pad


def test_a_deelnemer_that_leaves_and_joins_again_gets_a_second_deelname(register, tmp_path):
    pad = schrijf_export(
        tmp_path / "export.xml",
        versie(1, "2016-01-01", "2018-01-01", volgende=2, rijen=[("gm0901", "2010-01-01")]),
        versie(2, "2018-01-01", "2020-01-01", vorige=1, volgende=3, rijen=[("gm0902", "")]),
        versie(3, "2020-01-01", vorige=2, rijen=[("gm0901", "2010-01-01"), ("gm0902", "")]),
    )
    importeer(pad)
    regeling = Regeling.objects.get()
    assert list(
        regeling.deelnames.order_by("gemeente__code", "begindatum").values_list(
            "gemeente__code", "begindatum", "einddatum"
        )
    ) == [
        ("GM0901", D(2010, 1, 1), D(2017, 12, 31)),
        ("GM0901", D(2020, 1, 1), None),
        ("GM0902", D(2018, 1, 1), None),
    ]
    assert regeling.begindatum == D(2010, 1, 1)


def test_a_gemeente_listed_after_it_ceased_to_exist_is_skipped(register, tmp_path):
    pad = schrijf_export(
        tmp_path / "export.xml",
        # No toetredingsDatum: the version start, after Oudmeer's last day.
        versie(1, "2020-01-01", rijen=[("gm0901", "2020-01-01"), ("gm0903", "")]),
    )
    resultaat = importeer(pad)
    assert list(Deelname.objects.values_list("gemeente__code", flat=True)) == ["GM0901"]
    assert resultaat.aantallen["deelnames"] == {"aangemaakt": 1, "overgeslagen": 1}
    assert any(
        "Oudmeer staat in versie 1, maar bestond toen niet" in m for m in resultaat.meldingen
    )


def test_an_uittredingsdatum_ends_the_deelname_the_day_before(register, tmp_path):
    pad = schrijf_export(
        tmp_path / "export.xml",
        versie(1, "2016-01-01", rijen=[("gm0901", "2016-01-01"), ("gm0902", "", "2021-04-01")]),
    )
    importeer(pad)
    assert deelnames(Regeling.objects.get()) == {
        "GM0901": (D(2016, 1, 1), None),
        "GM0902": (D(2016, 1, 1), D(2021, 3, 31)),
    }


def test_two_regelingen_with_the_same_title_get_their_own_slug(register, tmp_path):
    pad = schrijf_export(tmp_path / "export.xml", versie(7, "2016-01-01"), versie(8, "2017-01-01"))
    pad.write_text(pad.read_text().replace("Regeling 8", "Regeling 7"))
    importeer(pad)
    assert sorted(Regeling.objects.values_list("slug", flat=True)) == ["regeling-7", "regeling-7-8"]


def test_a_version_that_never_took_effect_is_skipped(register, tmp_path):
    pad = schrijf_export(
        tmp_path / "export.xml",
        versie(1, "2016-01-01", "2024-05-01", volgende=2),
        versie(2, "2024-05-01", "2024-05-01", vorige=1, volgende=3),
        versie(3, "2024-05-01", vorige=2),
    )
    resultaat = importeer(pad)
    assert list(RegelingVersie.objects.values_list("roo_id", "begindatum", "einddatum")) == [
        ("1", D(2016, 1, 1), D(2024, 4, 30)),
        ("3", D(2024, 5, 1), None),
    ]
    assert any("Versie 2 is nooit in werking geweest" in m for m in resultaat.meldingen)


def test_of_two_versions_starting_on_the_same_day_only_the_last_is_taken(register, tmp_path):
    pad = schrijf_export(
        tmp_path / "export.xml",
        versie(1, "2016-01-01", volgende=2),
        versie(2, "2016-01-01", vorige=1),
    )
    resultaat = importeer(pad)
    assert list(RegelingVersie.objects.values_list("roo_id", "begindatum", "einddatum")) == [
        ("2", D(2016, 1, 1), None)
    ]
    assert (
        "Versie 1 begint op dezelfde dag als versie 2; alleen de laatste is overgenomen."
        in resultaat.meldingen
    )


def test_a_bad_date_or_verdeelsleutel_is_ignored_and_reported(register, tmp_path):
    pad = schrijf_export(
        tmp_path / "export.xml",
        versie(1, "2016-01-01", rijen=[("gm0901", "1-1-2016"), ("gm0902", "2016-01-01")]),
    )
    rijen = pad.read_text().split("<p:naam>x</p:naam>")
    pad.write_text(
        rijen[0]
        + "<p:naam>x</p:naam><p:verdeelsleutel>veel</p:verdeelsleutel>"
        + rijen[1]
        + "<p:naam>x</p:naam><p:verdeelsleutel>12,5</p:verdeelsleutel>"
        + rijen[2]
    )
    resultaat = importeer(pad)
    assert "Versie 1: ongeldige datum '1-1-2016' genegeerd." in resultaat.meldingen
    assert "Versie 1: verdeelsleutel 'veel' genegeerd." in resultaat.meldingen
    assert dict(Deelname.objects.values_list("gemeente__code", "verdeelsleutel")) == {
        "GM0901": None,
        "GM0902": Decimal("12.5000"),
    }
    # Without a date of toetreding, Aamstad takes part from the start of the version.
    assert deelnames(Regeling.objects.get())["GM0901"] == (D(2016, 1, 1), None)


def test_a_verdeelsleutel_above_100_percent_is_ignored(register, tmp_path):
    pad = schrijf_export(tmp_path / "export.xml", versie(1, "2016-01-01", rijen=[("gm0901", "")]))
    pad.write_text(
        pad.read_text().replace(
            "<p:naam>x</p:naam>", "<p:naam>x</p:naam><p:verdeelsleutel>150</p:verdeelsleutel>"
        )
    )
    resultaat = importeer(pad)
    assert "Versie 1: verdeelsleutel '150' genegeerd." in resultaat.meldingen
    assert Deelname.objects.get().verdeelsleutel is None


def export_met(aantal: int) -> str:
    """A valid export with ``aantal`` regelingen of two versions and three deelnemers each."""
    rij = (
        '<p:deelnemendeOrganisatie p:resourceIdentifierTOOI="https://identifier.overheid.nl/'
        'tooi/id/gemeente/{code}"><p:naam>x</p:naam><p:toetredingsDatum>2015-01-01'
        "</p:toetredingsDatum></p:deelnemendeOrganisatie>"
    )
    rijen = "".join(rij.format(code=c) for c in ("gm0901", "gm0902", "gm0904"))
    regelingen = []
    for i in range(aantal):
        for v, (begin, eind, link) in enumerate(
            [
                (
                    "2016-01-01",
                    "<p:datumUitwerkingtreding>2020-01-01</p:datumUitwerkingtreding>",
                    f'<p:nextVersion p:systeemId="{i}2">x</p:nextVersion>',
                ),
                ("2020-01-01", "", f'<p:previousVersion p:systeemId="{i}1">x</p:previousVersion>'),
            ],
            start=1,
        ):
            regelingen.append(
                f'<p:regeling p:systeemId="{i}{v}"><p:titel>Regeling {i}</p:titel>'
                '<p:samenwerkingsvorm p:afkorting="OL">Openbaar lichaam</p:samenwerkingsvorm>'
                "<p:instellingsbesluiten><p:referentie>https://lokaleregelgeving.overheid.nl/"
                f"CVDR{i}/{v}</p:referentie></p:instellingsbesluiten>"
                f'<p:beleidsterreinen><p:beleidsterrein p:resourceIdentifier="{THEMA_TOOI}">x'
                "</p:beleidsterrein></p:beleidsterreinen>"
                f"<p:deelnemendeOrganisaties>{rijen}</p:deelnemendeOrganisaties>"
                f"<p:datumInwerkingtreding>{begin}</p:datumInwerkingtreding>{eind}{link}"
                "</p:regeling>"
            )
    return (
        f'<p:overheidsorganisaties xmlns:p="{NS}"><p:gemeenschappelijkeRegelingen>'
        + "".join(regelingen)
        + "</p:gemeenschappelijkeRegelingen></p:overheidsorganisaties>"
    )


def tel_queries(pad) -> int:
    """The queries of an import, a bulk insert that the database splits into batches (SQLite
    takes at most 999 parameters) counted once."""
    with CaptureQueriesContext(connection) as queries:
        importeer(pad)
    statements = [q["sql"].split("(", 1)[0] for q in queries.captured_queries]
    return sum(
        1
        for i, sql in enumerate(statements)
        if not (i and sql.startswith("INSERT") and sql == statements[i - 1])
    )


def test_the_number_of_queries_does_not_grow_with_the_export(register, tmp_path):
    klein, groot = tmp_path / "klein.xml", tmp_path / "groot.xml"
    klein.write_text(export_met(2))
    groot.write_text(export_met(20))
    eerste_klein = tel_queries(klein)
    tweede_klein = tel_queries(klein)
    Deelname.objects.all().delete()
    Regeling.objects.all().delete()
    eerste_groot = tel_queries(groot)
    tweede_groot = tel_queries(groot)
    assert Regeling.objects.count() == 20
    assert Deelname.objects.count() == 60
    assert eerste_groot == eerste_klein
    assert tweede_groot == tweede_klein
    # The reads, one bulk write per kind of record and one of its history rows (with a query
    # for the organisations that keep them), the version of the register, the record.
    assert eerste_klein <= 40
    assert tweede_klein <= 22


def test_the_record_of_an_import_can_be_read_in_the_admin(register, admin_client):
    resultaat = importeer(BASIS)
    lijst = admin_client.get("/admin/agreements/rooimport/")
    assert lijst.status_code == 200
    assert list(lijst.context["cl"].result_list) == [resultaat]
    pagina = admin_client.get(f"/admin/agreements/rooimport/{resultaat.pk}/change/")
    assert pagina.status_code == 200
    assert "Gemeente Overschelde" in pagina.content.decode()

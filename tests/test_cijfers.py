"""Figures that compare with the NHL study: a gemeente works together on hoofdthema's (a
subthema counts as its hoofdthema, each hoofdthema once), public against private law by
beleidsintensiteit on /cijfers and per thema, and the gemeente page grouped by hoofdthema."""

import csv
import datetime
import io

import pytest

from agreements import selectors
from agreements.constants import Beleidsintensiteit, Vorm
from municipalities.models import Gemeente

from .factories import (
    DeelnameFactory,
    GemeenteFactory,
    ProvincieFactory,
    RegelingFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def omgevingsdienst():
    """One regeling with many TOOI subthema's of two hoofdthema's, and one with its hoofdthema
    itself, for the two gemeenten of one provincie."""
    milieu = ThemaFactory(naam="Natuur en milieu")
    verkeer = ThemaFactory(naam="Verkeer")
    subthemas = [
        ThemaFactory(naam=naam, bovenliggend=milieu)
        for naam in ("Afval", "Bodem", "Geluid", "Lucht", "Water")
    ] + [ThemaFactory(naam="Openbaar vervoer", bovenliggend=verkeer)]
    provincie = ProvincieFactory(code="pv20", naam="Provincie Groningen")
    stad = GemeenteFactory(code="GM0014", naam="Groningen", provincie=provincie)
    dorp = GemeenteFactory(code="GM0015", naam="Dorp", provincie=provincie)
    odg = RegelingFactory(naam="Omgevingsdienst", vorm=Vorm.OPENBAAR_LICHAAM)
    odg.themas.add(*subthemas)
    afval = RegelingFactory(naam="Afvalbeheer", vorm=Vorm.STICHTING)
    afval.themas.add(milieu)
    for gemeente in (stad, dorp):
        DeelnameFactory(regeling=odg, gemeente=gemeente)
    DeelnameFactory(regeling=afval, gemeente=stad)
    return {"milieu": milieu, "verkeer": verkeer, "odg": odg, "afval": afval, "stad": stad}


def test_a_gemeente_counts_hoofdthemas_each_once(api, omgevingsdienst):
    [groningen] = [
        r for r in api.get("/api/v1/cijfers/provincies").json() if r["provincie"] == "pv20"
    ]
    # Groningen: Natuur en milieu and Verkeer (six subthema's and a hoofdthema), Dorp the same
    # two from the omgevingsdienst: 2 each, not 7.
    assert groningen["gemiddeldAantalThemasPerGemeente"] == 2.0


def test_a_deeper_thema_counts_as_its_hoofdthema():
    hoofd = ThemaFactory(naam="Zorg")
    sub = ThemaFactory(naam="Jeugd", bovenliggend=hoofd)
    subsub = ThemaFactory(naam="Jeugdhulp", bovenliggend=sub)
    gemeente = GemeenteFactory(provincie=ProvincieFactory())
    regeling = RegelingFactory()
    regeling.themas.add(sub, subsub)
    DeelnameFactory(regeling=regeling, gemeente=gemeente)
    [provincie] = selectors.statistieken_per_provincie(peildatum=D.today())
    assert provincie["gemiddeld_aantal_themas_per_gemeente"] == 1.0
    rijen = {r["thema_naam"]: r for r in selectors.statistieken_per_thema(peildatum=D.today())}
    assert {naam: r["aantal_regelingen"] for naam, r in rijen.items()} == {
        "Zorg": 1,
        "Jeugd": 1,
        "Jeugdhulp": 1,
    }
    assert rijen["Jeugdhulp"]["hoofdthema"] == hoofd.slug and rijen["Zorg"]["hoofdthema"] is None


def test_the_seeded_omgevingsdienst_no_longer_makes_groningen_work_on_22_themas(voorbeelddata):
    per_provincie = {
        r["provincie"]: r for r in selectors.statistieken_per_provincie(peildatum=D(2026, 5, 1))
    }
    # Omgevingsdienst Groningen has 22 TOOI thema's of 8 hoofdthema's: 8, not 22; the Dienst
    # SZW Noardwest Fryslân 3 subthema's of Sociale zekerheid for 4 of the 18 gemeenten.
    assert per_provincie["pv20"]["gemiddeld_aantal_themas_per_gemeente"] == 8.0
    assert per_provincie["pv21"]["gemiddeld_aantal_themas_per_gemeente"] == 0.22


def test_the_figures_per_thema_say_public_against_private_and_beleidsintensiteit(
    api, omgevingsdienst
):
    milieu = omgevingsdienst["milieu"]
    milieu.beleidsintensiteit = Beleidsintensiteit.BELEIDSARM
    milieu.save()
    rijen = {r["themaNaam"]: r for r in api.get("/api/v1/cijfers/themas").json()}
    assert rijen["Natuur en milieu"]["aantalRegelingen"] == 2  # the omgevingsdienst once
    assert rijen["Natuur en milieu"]["perRechtsgebied"] == {
        "publiekrecht": 1,
        "privaatrecht": 1,
        "bestuurlijk": 0,
        "onbekend": 0,
    }
    assert rijen["Natuur en milieu"]["beleidsintensiteit"] == "beleidsarm"
    assert rijen["Afval"]["beleidsintensiteit"] == "beleidsarm"  # from its hoofdthema
    assert rijen["Afval"]["hoofdthema"] == milieu.slug
    assert rijen["Verkeer"]["beleidsintensiteit"] is None


def test_cijfers_shows_public_and_private_law_by_beleidsintensiteit(client, omgevingsdienst, tekst):
    omgevingsdienst["milieu"].beleidsintensiteit = Beleidsintensiteit.BELEIDSARM
    omgevingsdienst["milieu"].save()
    omgevingsdienst["verkeer"].beleidsintensiteit = Beleidsintensiteit.BELEIDSRIJK
    omgevingsdienst["verkeer"].save()
    RegelingFactory(vorm="")  # no thema, no vorm
    rijen = {
        r["beleidsintensiteit"]: r
        for r in selectors.cijfers(peildatum=D.today())["per_beleidsintensiteit"]
    }
    # The omgevingsdienst counts for both its beleidsarm and its beleidsrijk hoofdthema.
    assert (rijen["beleidsarm"]["publiekrecht"], rijen["beleidsarm"]["privaatrecht"]) == (1, 1)
    assert rijen["beleidsarm"]["aandeel_publiekrecht"] == 0.5
    assert (rijen["beleidsrijk"]["publiekrecht"], rijen["beleidsrijk"]["privaatrecht"]) == (1, 0)
    assert rijen[None]["aantal_regelingen"] == 1 and rijen[None]["vorm_onbekend"] == 1
    assert rijen[None]["aandeel_publiekrecht"] is None
    html = tekst(client, "/cijfers")
    assert "Publiekrecht en privaatrecht naar beleidsintensiteit" in html
    assert '<th scope="row">Beleidsarm</th>' in html and '<th scope="row">Onbekend</th>' in html
    assert "50%" in html
    assert "Hoofdthema's per gemeente (gemiddeld)" in html


def test_the_thema_page_compares_public_and_private_law(client, omgevingsdienst, tekst):
    afval = omgevingsdienst["milieu"].subthemas.get(naam="Afval")
    afval.beleidsintensiteit = Beleidsintensiteit.BELEIDSARM
    afval.save()
    html = tekst(client, f"/themas/{omgevingsdienst['milieu'].slug}")
    assert "Publiekrecht en privaatrecht naar beleidsintensiteit" in html
    # The omgevingsdienst: afval (beleidsarm) and other subthema's (onbekend); the afvalbeheer
    # stichting only the hoofdthema (onbekend). No row for beleidsrijk.
    rijen = selectors.thema_cijfers(thema=omgevingsdienst["milieu"], peildatum=D.today())
    assert [
        (r["beleidsintensiteit"], r["publiekrecht"], r["privaatrecht"])
        for r in rijen["per_beleidsintensiteit"]
    ] == [("beleidsarm", 1, 0), (None, 1, 1)]
    assert '<th scope="row">Beleidsrijk</th>' not in html
    assert "Regelingen per vorm" in html and 'class="staaf"' in html
    # A thema without regelingen shows no figures.
    leeg = ThemaFactory(naam="Leeg")
    assert "Publiekrecht en privaatrecht" not in tekst(client, f"/themas/{leeg.slug}")


def test_the_gemeente_lists_each_regeling_once_under_its_hoofdthema(api, omgevingsdienst):
    data = api.get("/api/v1/gemeenten/GM0014/overzicht").json()
    assert data["aantalThemas"] == 2
    assert [(g["themaNaam"], g["aantal"]) for g in data["perThema"]] == [
        ("Natuur en milieu", 2),
        ("Verkeer", 1),
    ]
    milieu = {r["naam"]: r["subthemas"] for r in data["perThema"][0]["regelingen"]}
    assert milieu == {
        "Afvalbeheer": [],
        "Omgevingsdienst": ["Afval", "Bodem", "Geluid", "Lucht", "Water"],
    }
    assert data["perThema"][1]["regelingen"][0]["subthemas"] == ["Openbaar vervoer"]


def test_the_gemeente_page_has_one_heading_per_hoofdthema(client, voorbeelddata, tekst):
    html = tekst(client, "/gemeenten/GM0014", peildatum="2026-05-01")
    per_thema = html[html.index("<h2>Per thema</h2>") :].split("<h2>")[1]
    koppen = [kop.split("</h3>")[0] for kop in per_thema.split("<h3>")[1:]]
    assert len(koppen) == len(set(koppen)) == 9  # 8 hoofdthema's and "Zonder thema"
    omgevingsdienst = "Gemeenschappelijke regeling Omgevingsdienst Groningen"
    # Once under each of its 8 hoofdthema's, not under 22 thema's.
    assert html.count(f">{omgevingsdienst}</a>") == 8
    assert (
        f'>{omgevingsdienst}</a> <span class="subthemas">— Afval, Bodem, Geluid, Lucht, '
        "Natuur- en landschapsbeheer, Stoffen, Water</span>"
    ) in html
    assert 'href="/themas/natuur-en-milieu?peildatum=2026-05-01">Natuur en milieu</a> (' in html
    groningen = Gemeente.objects.get(code="GM0014")
    overzicht = selectors.gemeente_overzicht(gemeente=groningen, peildatum=D(2026, 5, 1))
    assert overzicht["aantal_themas"] == 8
    assert f"op {overzicht['aantal_themas']} hoofdthema&#x27;s" in html


def test_regelingen_without_thema_come_last(api, omgevingsdienst):
    DeelnameFactory(regeling=RegelingFactory(naam="Zonder"), gemeente=omgevingsdienst["stad"])
    DeelnameFactory(regeling=RegelingFactory(naam="Ook zonder"), gemeente=omgevingsdienst["stad"])
    DeelnameFactory(regeling=RegelingFactory(naam="Nog een"), gemeente=omgevingsdienst["stad"])
    groepen = api.get("/api/v1/gemeenten/GM0014/overzicht").json()["perThema"]
    assert groepen[-1]["thema"] is None and groepen[-1]["aantal"] == 3


def test_the_exports_name_the_subthemas_and_the_rechtsgebieden(api, omgevingsdienst):
    inhoud = api.get("/api/v1/gemeenten/GM0014/overzicht", {"format": "csv"}).content
    rijen = list(csv.reader(io.StringIO(inhoud.decode("utf-8-sig")), delimiter=";"))
    milieu = next(r for r in rijen if r[:2] == ["Thema", "Natuur en milieu"])
    assert milieu[3] == "Afvalbeheer; Omgevingsdienst (Afval, Bodem, Geluid, Lucht, Water)"
    inhoud = api.get("/api/v1/cijfers/themas", {"format": "csv"}).content
    kop, *rijen = csv.reader(io.StringIO(inhoud.decode("utf-8-sig")), delimiter=";")
    rij = next(r for r in rijen if r[1] == "Natuur en milieu")
    assert rij[kop.index("Publiekrecht")] == "1" and rij[kop.index("Privaatrecht")] == "1"

"""The maps: boundaries for every date since 2015, and the SVG maps of the regeling, gemeente,
lappendeken and herindelingsscan pages with their legends, tables and downloads."""

import datetime
import re
from collections import Counter

import pytest
from django.core.management import call_command
from shapely.geometry import shape

from agreements import selectors
from municipalities.grenzen import bereken_grenzen
from municipalities.models import Gemeente, Grens, Herindeling
from tests.factories import DeelnameFactory

pytestmark = pytest.mark.django_db

GEMEENTE = re.compile(r'<a href="([^"]+)" data-gemeente="(GM\d{4})"(?: data-waarde="([^"]*)")?>')


def gemeenten_op_kaart(html: str) -> dict[str, str | None]:
    """The gemeenten of the (one) map of a page, with their data-waarde."""
    svg = html[html.index('<svg xmlns="http://www.w3.org/2000/svg" class="kaart"') :]
    svg = svg[: svg.index("</svg>")]
    return {code: waarde or None for _, code, waarde in GEMEENTE.findall(svg)}


def grens(code: str, datum: str):
    return shape(
        Grens.objects.actief_op(datetime.date.fromisoformat(datum))
        .get(gemeente__code=code)
        .geometrie
    )


@pytest.mark.parametrize(
    ("datum", "aantal"), [("2015-01-01", 393), ("2018-06-01", 380), ("2026-01-01", 342)]
)
def test_every_gemeente_of_a_date_has_one_boundary(voorbeelddata, datum, aantal):
    dag = datetime.date.fromisoformat(datum)
    gemeenten = set(Gemeente.objects.actief_op(dag).values_list("code", flat=True))
    grenzen = Counter(Grens.objects.actief_op(dag).values_list("gemeente__code", flat=True))
    assert len(gemeenten) == aantal
    assert set(grenzen) == gemeenten and set(grenzen.values()) == {1}


def test_haren_has_its_own_shape_in_2018_and_is_part_of_groningen_in_2020(
    client, voorbeelddata, tekst
):
    op_2018 = gemeenten_op_kaart(tekst(client, "/gemeenten/GM0017", peildatum="2018-06-01"))
    assert "GM0017" in op_2018 and "GM0009" in op_2018 and len(op_2018) == 380
    op_2020 = gemeenten_op_kaart(tekst(client, "/gemeenten/GM0014", peildatum="2020-01-01"))
    assert "GM0017" not in op_2020 and "GM0009" not in op_2020 and "GM0014" in op_2020

    groningen = grens("GM0014", "2020-01-01")
    for voorganger in ("GM0014", "GM0017", "GM0009"):  # Groningen, Haren, Ten Boer
        vroeger = grens(voorganger, "2018-06-01")
        assert vroeger.intersection(groningen).area / vroeger.area > 0.95
    samen = sum(
        Grens.objects.actief_op(datetime.date(2018, 6, 1)).get(gemeente__code=code).oppervlakte
        for code in ("GM0014", "GM0017", "GM0009")
    )
    nu = Grens.objects.actief_op(datetime.date(2020, 1, 1)).get(gemeente__code="GM0014")
    assert abs(nu.oppervlakte - samen) / samen < 0.12  # two maps, simplified differently


def test_a_merger_after_the_last_map_is_the_union_of_its_predecessors(voorbeelddata):
    leiden, voorschoten = Gemeente.objects.get(code="GM0546"), Gemeente.objects.get(code="GM0626")
    for gemeente in (leiden, voorschoten):
        gemeente.einddatum = datetime.date(2027, 12, 31)
        gemeente.save()
    nieuw = Gemeente.objects.create(
        code="GM9901", naam="Leiden-Voorschoten", begindatum=datetime.date(2028, 1, 1)
    )
    herindeling = Herindeling.objects.create(
        slug="2028-leiden-voorschoten",
        naam="Leiden en Voorschoten",
        datum=datetime.date(2028, 1, 1),
        opvolger=nieuw,
        nieuwe_gemeente=True,
        bron="Test",
    )
    herindeling.opgeheven.set([leiden, voorschoten])
    uitkomst = bereken_grenzen()
    assert uitkomst["zonder"] == []
    samengesteld = Grens.objects.get(gemeente=nieuw)
    assert "samengesteld uit Leiden, Voorschoten" in samengesteld.bron
    samen = grens("GM0546", "2027-06-01").union(grens("GM0626", "2027-06-01"))
    assert grens("GM9901", "2028-06-01").symmetric_difference(samen).area < samen.area * 0.01
    assert Grens.objects.actief_op(datetime.date(2028, 6, 1)).count() == 341


def test_the_map_of_holland_rijnland_fills_exactly_its_deelnemers(
    client, api, voorbeelddata, tekst
):
    for peildatum in ("2016-06-01", "2024-01-01"):
        kaart = gemeenten_op_kaart(
            tekst(client, "/regelingen/holland-rijnland", peildatum=peildatum)
        )
        gevuld = {code for code, waarde in kaart.items() if waarde == "deelnemer"}
        deelnames = api.get(
            "/api/v1/deelnames",
            {"regeling": "holland-rijnland", "peildatum": peildatum, "pageSize": 100},
        ).json()
        deelnemers = {d["gemeente"] for d in deelnames if d["gemeente"]}
        assert gevuld == deelnemers and len(deelnemers) >= 10
        assert set(kaart) > gevuld  # the others are on the map too, blank


def test_each_gemeente_links_to_its_page_on_the_same_peildatum(client, voorbeelddata, tekst):
    html = tekst(client, "/kaart", peildatum="2019-06-01")
    links = GEMEENTE.findall(html)
    assert len(links) == 355
    assert all(adres == f"/gemeenten/{code}?peildatum=2019-06-01" for adres, code, _ in links)
    assert "<title>Voorschoten: " in html
    assert re.search(r'<svg [^>]*aria-labelledby="kaart-titel kaart-beschrijving"', html)
    assert "Bron grenzen: CBS, Kadaster (CBS Gebiedsindelingen), CC BY 4.0" in html


def test_the_gemeente_map_colours_every_gemeente_it_shares_regelingen_with(
    client, voorbeelddata, tekst
):
    html = tekst(client, "/gemeenten/GM0626", peildatum="2020-01-01")
    kaart = gemeenten_op_kaart(html)
    overzicht = selectors.gemeente_overzicht(
        gemeente=Gemeente.objects.get(code="GM0626"), peildatum=datetime.date(2020, 1, 1)
    )
    gedeeld = {g["code"]: str(g["aantal_gedeelde_regelingen"]) for g in overzicht["gemeenten"]}
    assert {c: w for c, w in kaart.items() if w not in ("0", None)} == gedeeld
    assert kaart["GM0626"] is None  # the gemeente itself: outlined, not a value
    assert 'class="omlijnd"' in html
    for code, aantal in gedeeld.items():  # the table below the map has all of them
        naam = Gemeente.objects.get(code=code).naam
        assert re.search(
            rf">{re.escape(naam)}</a></td><td>[^<]*</td><td class=\"getal\">{aantal}<", html
        )


def test_the_lappendeken_of_a_thema_colours_by_verband(client, voorbeelddata, tekst):
    html = tekst(client, "/kaart", thema="natuur-en-milieu-afval", peildatum="2020-01-01")
    kaart = gemeenten_op_kaart(html)
    regelingen = selectors_regelingen("natuur-en-milieu-afval", "2020-01-01")
    assert regelingen
    verwacht = {}
    for slug, codes in regelingen.items():
        for code in codes:
            verwacht.setdefault(code, []).append(slug)
    gekleurd = {c: sorted(w.split()) for c, w in kaart.items() if w}
    assert gekleurd == {c: sorted(s) for c, s in verwacht.items()}
    assert 'aria-label="Legenda"' in html and "<h2>Verbanden</h2>" in html
    assert "Verbanden per gemeente op 1 januari 2020" in html
    for slug in regelingen:
        assert f'href="/regelingen/{slug}?peildatum=2020-01-01"' in html


def selectors_regelingen(thema: str, peildatum: str) -> dict[str, set[str]]:
    """The deelnemende gemeenten of each regeling of a thema (and its subthema's) in force."""
    from agreements.kaart import lappendeken_regelingen
    from agreements.models import Deelname, Thema

    dag = datetime.date.fromisoformat(peildatum)
    uitkomst = {}
    for regeling in lappendeken_regelingen(peildatum=dag, thema=Thema.objects.get(slug=thema)):
        uitkomst[regeling.slug] = set(
            Deelname.objects.actief_op(dag)
            .filter(regeling=regeling, gemeente__isnull=False)
            .values_list("gemeente__code", flat=True)
        )
    return {slug: codes for slug, codes in uitkomst.items() if codes}


def test_the_lappendeken_without_thema_colours_by_number_of_regelingen(
    client, api, voorbeelddata, tekst
):
    html = tekst(client, "/kaart", peildatum="2020-01-01")
    kaart = gemeenten_op_kaart(html)
    assert len(kaart) == 355 and all(w is not None and w.isdigit() for w in kaart.values())
    for code in ("GM0626", "GM0014", "GM0363"):
        aantal = api.get("/api/v1/regelingen", {"gemeente": code, "peildatum": "2020-01-01"})[
            "X-Total-Count"
        ]
        assert kaart[code] == str(aantal)
    assert "Aantal regelingen per gemeente op 1 januari 2020" in html
    assert "0 regelingen" in html  # the legend names the blank class
    openbaar = gemeenten_op_kaart(tekst(client, "/kaart", vorm="OL", peildatum="2020-01-01"))
    for code in ("GM0626", "GM0014"):
        aantal = api.get(
            "/api/v1/regelingen", {"gemeente": code, "vorm": "OL", "peildatum": "2020-01-01"}
        )["X-Total-Count"]
        assert openbaar[code] == aantal and int(aantal) <= int(kaart[code])


def test_a_gemeente_in_several_verbanden_of_a_thema_is_hatched(client, voorbeelddata, tekst):
    regelingen = selectors_regelingen("natuur-en-milieu-afval", "2020-01-01")
    slug = sorted(regelingen)[0]
    andere = sorted(regelingen)[1]
    code = sorted(regelingen[andere] - regelingen[slug])[0]
    from agreements.models import Regeling

    DeelnameFactory(
        regeling=Regeling.objects.get(slug=slug),
        gemeente=Gemeente.objects.get(code=code),
        begindatum=datetime.date(2019, 1, 1),
    )
    html = tekst(client, "/kaart", thema="natuur-en-milieu-afval", peildatum="2020-01-01")
    assert sorted(gemeenten_op_kaart(html)[code].split()) == sorted([slug, andere])
    assert re.search(
        rf'data-gemeente="{code}"[^>]*><title>[^<]*</title><path d="[^"]*" fill="url\(#meerdere\)"',
        html,
    )
    assert "Neemt deel aan meer dan één van deze verbanden" in html


def test_a_map_follows_a_change_in_the_data(client, voorbeelddata, tekst):
    voor = gemeenten_op_kaart(tekst(client, "/regelingen/holland-rijnland", peildatum="2020-01-01"))
    assert voor.get("GM0637") != "deelnemer"  # Zoetermeer
    from agreements.models import Regeling

    DeelnameFactory(
        regeling=Regeling.objects.get(slug="holland-rijnland"),
        gemeente=Gemeente.objects.get(code="GM0637"),
        begindatum=datetime.date(2019, 1, 1),
    )
    na = gemeenten_op_kaart(tekst(client, "/regelingen/holland-rijnland", peildatum="2020-01-01"))
    assert na["GM0637"] == "deelnemer"


def test_before_2015_the_register_says_it_has_no_boundaries(client, voorbeelddata, tekst):
    for url in ("/kaart", "/gemeenten/GM0017", "/regelingen/holland-rijnland"):
        html = tekst(client, url, peildatum="2014-06-01")
        assert 'class="kaart"' not in html
        assert "geen grenzen van gemeenten van vóór 1 januari 2015" in html
    assert client.get("/kaart.svg", {"peildatum": "2014-06-01"}).status_code == 404


def test_every_map_downloads_as_svg_with_its_legend(client, voorbeelddata):
    for url in (
        "/kaart.svg?peildatum=2020-01-01",
        "/kaart.svg?thema=natuur-en-milieu-afval&peildatum=2020-01-01",
        "/regelingen/holland-rijnland/kaart.svg?peildatum=2020-01-01",
        "/gemeenten/GM0626/kaart.svg?peildatum=2020-01-01",
        "/herindelingsscan/kaart.svg?gemeenten=GM0017,GM0009,GM0014&datum=2019-01-01"
        "&opvolger=GM0014",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
        assert response["Content-Disposition"].startswith('attachment; filename="kaart-')
        svg = response.content.decode()
        assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
        assert '<g class="legenda"' in svg and "CC BY 4.0" in svg
    landelijk = client.get("/kaart.svg", {"peildatum": "2026-01-01"})
    assert len(landelijk.content) < 400_000
    assert len(GEMEENTE.findall(landelijk.content.decode())) == 342


def test_the_map_pages_link_to_their_downloads(client, voorbeelddata, tekst):
    html = tekst(client, "/kaart", thema="natuur-en-milieu-afval", peildatum="2020-01-01")
    assert 'href="/kaart.svg?peildatum=2020-01-01&amp;thema=natuur-en-milieu-afval"' in html
    assert (
        'href="/api/v1/kaart/lappendeken?peildatum=2020-01-01&amp;thema=natuur-en-milieu-afval"'
        in html
    )
    html = tekst(client, "/regelingen/holland-rijnland", peildatum="2020-01-01")
    assert 'href="/regelingen/holland-rijnland/kaart.svg?peildatum=2020-01-01"' in html


def test_the_lappendeken_is_reachable_from_home_themas_and_cijfers(client, voorbeelddata, tekst):
    assert 'href="/kaart?peildatum=' in tekst(client, "/", peildatum="2020-01-01")
    assert 'href="/kaart?thema=natuur-en-milieu&amp;peildatum=2020-01-01"' in tekst(
        client, "/themas/natuur-en-milieu", peildatum="2020-01-01"
    )
    assert 'href="/kaart?peildatum=2020-01-01"' in tekst(client, "/cijfers", peildatum="2020-01-01")


def test_an_unknown_thema_on_the_map_is_a_400_with_the_form(client, voorbeelddata):
    response = client.get("/kaart", {"thema": "bestaat-niet"})
    assert response.status_code == 400
    assert "Onbekend thema" in response.content.decode()


def test_the_scan_maps_the_gemeenten_involved_and_the_area_of_the_regelingen(
    client, voorbeelddata, tekst
):
    html = tekst(
        client,
        "/herindelingsscan",
        gemeenten="GM0017,GM0009,GM0014",
        datum="2019-01-01",
        opvolger="GM0014",
    )
    kaart = gemeenten_op_kaart(html)
    assert {"GM0017", "GM0009", "GM0014"} <= set(kaart)  # the map of the day before
    assert re.search(
        r'data-gemeente="GM0017"><title>[^<]*</title><path d="[^"]*" fill="url\(#zelf\)"', html
    )
    buiten = {c for c, w in kaart.items() if w not in (None, "0")}
    assert buiten and "Gemeenten die deelnemen aan regelingen met gevolgen" in html


def test_the_map_pages_do_not_grow_their_queries(
    client, voorbeelddata, django_assert_max_num_queries
):
    zonder, met = "/kaart?peildatum=2020-01-01", "/kaart?thema=natuur-en-milieu-afval"
    client.get(zonder)  # the boundaries of that date into the cache
    # The savepoint pair, the version of the register (twice: the ETag, the cached lappendeken),
    # the thema's of the form, the version of the boundaries, the deelnames; with a thema also
    # the thema (twice: the form, the filter) and its regelingen.
    with django_assert_max_num_queries(8):
        assert client.get(zonder).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(met + "&peildatum=2020-01-01").status_code == 200


def test_the_grenzen_command_says_what_it_stored(voorbeelddata, capsys):
    call_command("grenzen")
    assert "427 grenzen opgeslagen." in capsys.readouterr().out


@pytest.mark.parametrize("peildatum", ["0001-01-01", "9999-12-31"])
def test_the_maps_answer_on_the_first_and_last_day_of_the_calendar(client, api, db, peildatum):
    call_command("voorbeelddata", verbosity=0)
    for url in ("/kaart", "/kaart.svg", "/gemeenten/GM0626", "/regelingen/holland-rijnland"):
        assert client.get(url, {"peildatum": peildatum}).status_code in (200, 404), url
    verwacht = 404 if peildatum < "2015" else 200
    assert api.get("/api/v1/kaart/gemeenten", {"peildatum": peildatum}).status_code == verwacht
    assert client.get("/kaart.svg", {"peildatum": peildatum}).status_code == verwacht
    scan = {"gemeenten": "GM0626", "datum": peildatum}
    assert client.get("/herindelingsscan/kaart.svg", scan).status_code == verwacht


def test_a_split_that_no_map_shows_yet_is_left_out_and_said_so(voorbeelddata):
    from municipalities.models import Overgang

    voorschoten = Gemeente.objects.get(code="GM0626")
    voorschoten.einddatum = datetime.date(2027, 12, 31)
    voorschoten.save()
    herindeling = Herindeling.objects.create(
        slug="2028-voorschoten",
        naam="Voorschoten verdeeld",
        datum=datetime.date(2028, 1, 1),
        bron="Test",
    )
    herindeling.opgeheven.set([voorschoten])
    for code, aandeel in (("GM0546", "0.6"), ("GM0629", "0.4")):  # Leiden, Wassenaar
        Overgang.objects.create(
            herindeling=herindeling,
            gemeente=voorschoten,
            opvolger=Gemeente.objects.get(code=code),
            aandeel=aandeel,
        )
    bereken_grenzen()
    leiden = Grens.objects.actief_op(datetime.date(2028, 6, 1)).get(gemeente__code="GM0546")
    assert "zonder het deel van Voorschoten (nog op geen kaart verdeeld)" in leiden.bron
    assert shape(leiden.geometrie).equals_exact(grens("GM0546", "2027-06-01"), 1e-9)
    assert Grens.objects.actief_op(datetime.date(2028, 6, 1)).count() == 341

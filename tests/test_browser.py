"""The public pages in a real browser: accessibility (axe-core, WCAG 2.1 AA) and keyboard-only
use of search, filters, the date control and the export.

Needs Debian's chromium (/usr/bin/chromium) and axe-core from npm (``npm ci``); without them
these tests are skipped, unless BROWSERTESTS=verplicht (as in .ci/run), when they fail."""

import csv
import io
import os
import pathlib
import re

import pytest
from django.core.management import call_command

from agreements.meldingen.models import Melding

CHROMIUM = pathlib.Path("/usr/bin/chromium")
AXE = pathlib.Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

sync_api = pytest.importorskip("playwright.sync_api")
ontbreekt = [str(p) for p in (CHROMIUM, AXE) if not p.exists()]
if ontbreekt:
    if os.environ.get("BROWSERTESTS") == "verplicht":
        raise RuntimeError(f"Browsertests verplicht, maar dit ontbreekt: {', '.join(ontbreekt)}")
    pytest.skip(f"ontbreekt: {', '.join(ontbreekt)}", allow_module_level=True)

# Playwright's synchronous API keeps an event loop in this thread; the ORM calls of the tests
# themselves (loading the seed data) are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PAGINAS = [
    "/",
    "/zoeken?zoek=haren",
    "/regelingen?thema=natuur-en-milieu&peildatum=2020-01-01",
    "/regelingen/werkorganisatie-duivenvoorde",
    "/gemeenten?provincie=pv20",
    "/gemeenten/GM0626",
    "/gemeenten/GM0017?peildatum=2018-06-01",
    "/gemeenten/GM0017?peildatum=2020-01-01",
    "/gemeenten/GM0014?peildatum=2025-11-15",
    "/gemeenten/GM0626/register?peildatum=2020-01-01",
    "/themas/natuur-en-milieu",
    "/partners/ws0616",
    "/provincies/pv20",
    "/cijfers",
    "/herindelingsscan?gemeenten=GM0017,GM0009,GM0014&datum=2019-01-01&opvolger=GM0014",
    "/regelingen/informatievoorziening-groningen-leeuwarden",
    "/gemeenten/GM0626/dashboard?peildatum=2026-03-01",
    "/gemeenten/GM0014/dashboard?peildatum=2025-11-15",
    "/gemeenten/GM0626/verbonden-partijen",
    "/regelingen/werkorganisatie-duivenvoorde/melding",
    "/gemeenten/GM0626/melding?peildatum=2020-01-01",
    "/gemeenten/GM0626/melding/verstuurd",
    "/kaart",
    "/kaart?thema=natuur-en-milieu-afval&peildatum=2020-01-01",
    "/regelingen/holland-rijnland?peildatum=2020-01-01",
]


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def pagina(browser, live_server, transactional_db):
    call_command("voorbeelddata", verbosity=0)
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    # What the Content-Security-Policy blocks shows as a console error: a page must not need it.
    # (Except the logo Redoc fetches from its own CDN for its footer: blocked on purpose, the
    # register loads nothing from elsewhere.)
    geblokkeerd = []

    def console(bericht):
        if "Content Security Policy" in bericht.text and "cdn.redoc.ly" not in bericht.text:
            geblokkeerd.append(bericht.text)

    page.on("console", console)
    yield page
    context.close()
    assert geblokkeerd == []


def tab_naar(page, selector: str, maximaal: int = 60):
    """Press Tab until the element matching ``selector`` has the focus, as a keyboard user."""
    for _ in range(maximaal):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is niet met Tab te bereiken")


def typ_datum(page, datum: str):
    """Type a date (JJJJ-MM-DD) into the focused date control, segment by segment, in the order
    the control shows: day first as in Dutch, or month first in a browser with only en-US."""
    jaar, maand, dag = datum.split("-")
    page.keyboard.type(dag + maand + jaar)
    if page.evaluate("document.activeElement.value") != datum:
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
        page.keyboard.type(maand + dag + jaar)
    assert page.evaluate("document.activeElement.value") == datum


def overtredingen(page) -> list:
    """What axe-core finds against WCAG 2.1 AA on the page as it is now."""
    # Evaluated through the DevTools protocol, which the page's CSP (no inline scripts) allows.
    page.evaluate(AXE.read_text())
    resultaat = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    return [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in resultaat["violations"]
    ]


@pytest.mark.parametrize("url", PAGINAS)
def test_no_accessibility_violations(pagina, url):
    assert pagina.goto(url).status == 200
    assert overtredingen(pagina) == []


def test_every_page_has_one_h1_and_the_landmarks(pagina):
    for url in PAGINAS:
        pagina.goto(url)
        assert pagina.locator("h1").count() == 1, url
        for landmark in ("banner", "navigation", "main", "search", "contentinfo"):
            assert pagina.get_by_role(landmark).count() >= 1, (url, landmark)


def test_the_skip_link_comes_first_and_leads_to_the_content(pagina):
    pagina.goto("/")
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.textContent") == "Direct naar de inhoud"
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(re.compile("#inhoud$"))
    pagina.keyboard.press("Tab")  # the next stop is in the content, past the navigation
    assert pagina.evaluate("document.activeElement.closest('main') !== null")


def test_search_with_the_keyboard(pagina):
    pagina.goto("/")
    tab_naar(pagina, "#zoekterm")
    pagina.keyboard.type("Haren")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(re.compile(r"/zoeken\?zoek=Haren"))
    tab_naar(pagina, "a[href='/gemeenten/GM0017']")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(re.compile(r"/gemeenten/GM0017$"))
    assert "Waar neemt Haren aan deel?" in pagina.locator("h1").inner_text()


def test_filter_and_change_the_peildatum_with_the_keyboard(pagina):
    pagina.goto("/regelingen")
    tab_naar(pagina, "#id_peildatum")
    typ_datum(pagina, "2020-01-01")
    tab_naar(pagina, "#id_thema")
    pagina.keyboard.type("Natuur en milieu")  # type-to-select in a closed select
    tab_naar(pagina, "form.filters button[type=submit]")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(re.compile(r"thema=natuur-en-milieu"))
    assert "peildatum=2020-01-01" in pagina.url
    assert pagina.get_by_role("link", name="Afvalbeheer Regio Centraal Groningen").count() == 1
    assert pagina.get_by_role("link", name=re.compile("Holland Rijnland")).count() == 0


def test_the_gemeente_page_on_an_earlier_peildatum_with_the_keyboard(pagina):
    pagina.goto("/gemeenten/GM0017?peildatum=2018-12-31")
    tab_naar(pagina, "#peildatum")
    typ_datum(pagina, "2018-06-01")
    pagina.keyboard.press("Enter")  # implicit submission of the peildatum form
    pagina.wait_for_url(re.compile(r"peildatum=2018-06-01"))
    assert "1 juni 2018" in pagina.get_by_role("status").inner_text()
    assert pagina.get_by_role("link", name=re.compile("Omgevingsdienst Groningen")).count() >= 1


def test_the_export_holds_exactly_what_is_on_screen(pagina):
    pagina.goto("/regelingen?thema=natuur-en-milieu&peildatum=2020-01-01")
    op_scherm = [
        naam.strip() for naam in pagina.locator("tbody td:first-child a").all_inner_texts()
    ]
    tab_naar(pagina, "a[href*='format=csv']")
    with pagina.expect_download() as download:
        pagina.keyboard.press("Enter")
    inhoud = pathlib.Path(download.value.path()).read_text(encoding="utf-8-sig")
    kop, *rijen = csv.reader(io.StringIO(inhoud), delimiter=";")
    assert sorted(rij[kop.index("Naam")] for rij in rijen) == sorted(op_scherm)
    assert op_scherm


def test_the_printed_register_keeps_its_headings_and_drops_the_controls(pagina):
    pagina.goto("/gemeenten/GM0626/register?peildatum=2020-01-01")
    pagina.emulate_media(media="print")
    for verborgen in ("header nav", "form.filters", ".exports", "footer"):
        assert not pagina.locator(verborgen).first.is_visible(), verborgen
    assert pagina.locator("h1").is_visible()
    koppen = pagina.locator("main h2")
    assert koppen.count() == 5 and koppen.first.is_visible()
    breedte = pagina.evaluate("document.querySelector('main').scrollWidth")
    assert breedte <= pagina.viewport_size["width"]  # nothing sticks out of the page


@pytest.mark.parametrize("breedte", [1280, 360])
def test_the_report_form_with_its_errors_is_accessible_and_fits_a_phone(pagina, breedte):
    pagina.set_viewport_size({"width": breedte, "height": 800})
    pagina.goto("/regelingen/werkorganisatie-duivenvoorde")
    pagina.get_by_role("link", name="Meld een fout op deze pagina").click()
    pagina.wait_for_url(re.compile(r"/regelingen/werkorganisatie-duivenvoorde/melding"))
    assert not pagina.locator("input[name=website]").is_visible()  # the honeypot
    pagina.get_by_role("button", name="Melding versturen").click()  # empty, and too fast
    assert "Uw melding is nog niet verstuurd" in pagina.get_by_role("alert").inner_text()
    assert pagina.get_by_label("Wat klopt er niet?").get_attribute("aria-invalid") == "true"
    assert overtredingen(pagina) == []
    # Nothing in the content sticks out sideways (the header is the base layout's own).
    uitstekend = pagina.evaluate(
        "[...document.querySelectorAll('main *')]"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth).length"
    )
    assert uitstekend == 0


def test_report_an_error_with_the_keyboard(pagina, settings):
    settings.MELDINGEN_MINIMALE_SECONDEN = 0  # the live server runs in this process
    pagina.goto("/gemeenten/GM0626/melding")
    tab_naar(pagina, "#id_onderdeel")
    pagina.keyboard.type("Deelnemers")
    tab_naar(pagina, "#id_tekst")
    pagina.keyboard.type("Voorschoten neemt sinds 2025 niet meer deel aan Duivenvoorde.")
    tab_naar(pagina, "form.meldformulier button[type=submit]")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(re.compile(r"/gemeenten/GM0626/melding/verstuurd$"))
    assert pagina.locator("h1").inner_text() == "Bedankt voor uw melding"
    melding = Melding.objects.get()
    assert (melding.gemeente.code, melding.onderdeel) == ("GM0626", "deelnemers")


def test_the_api_docs_and_the_admin_work_under_the_content_security_policy(pagina):
    # The fixture fails the test on any console message that the policy blocked something.
    assert pagina.goto("/api/v1/docs").status == 200
    # Redoc renders the document it fetched (generating it may take a while under load).
    pagina.locator("redoc h1").first.wait_for(timeout=60_000)
    assert "Samenwerkingsregister API" in pagina.locator("redoc h1").first.inner_text()
    assert pagina.goto("/admin/login/").status == 200
    assert pagina.get_by_role("button", name="Aanmelden").count() == 1


def test_every_gemeente_of_a_map_is_reached_and_followed_with_the_keyboard(pagina):
    pagina.goto("/regelingen/holland-rijnland?peildatum=2020-01-01")
    op_kaart = pagina.eval_on_selector_all(
        "svg.kaart a", "links => links.map(a => a.dataset.gemeente)"
    )
    assert len(op_kaart) > 13
    tab_naar(pagina, "svg.kaart a", maximaal=120)
    bereikt = []
    while pagina.evaluate("document.activeElement.matches('svg.kaart a')"):
        bereikt.append(pagina.evaluate("document.activeElement.dataset.gemeente"))
        pagina.keyboard.press("Tab")
    assert bereikt == op_kaart
    zichtbaar = pagina.evaluate(
        "() => { const a = document.querySelector('svg.kaart a[data-waarde]'); a.focus();"
        " return getComputedStyle(a.querySelector('path')).stroke; }"
    )
    assert zichtbaar == "rgb(225, 112, 0)"  # the focus shows on the map itself
    code = pagina.evaluate("document.activeElement.dataset.gemeente")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(re.compile(rf"/gemeenten/{code}\?peildatum=2020-01-01$"))


def test_the_map_can_be_skipped_with_the_keyboard(pagina):
    pagina.goto("/kaart?peildatum=2020-01-01")
    tab_naar(pagina, ".kaart-figuur > a.overslaan", maximaal=40)
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(re.compile("#lappendeken-na$"))


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/regelingen?thema=natuur-en-milieu&peildatum=2020-01-01",
        "/gemeenten/GM0626",
        "/kaart?thema=natuur-en-milieu-afval&peildatum=2020-01-01",
        "/regelingen/holland-rijnland",
        "/herindelingsscan?gemeenten=GM0017,GM0009,GM0014&datum=2019-01-01&opvolger=GM0014",
        "/gemeenten/GM0626/dashboard?peildatum=2026-03-01",
    ],
)
def test_every_page_works_on_a_phone_360_pixels_wide(pagina, url):
    pagina.set_viewport_size({"width": 360, "height": 740})
    assert pagina.goto(url).status == 200
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 360
    for link in pagina.locator("header nav a").all():  # the navigation wraps, nothing cut off
        vak = link.bounding_box()
        assert vak["x"] >= 0 and vak["x"] + vak["width"] <= 360
    kaart = pagina.locator("svg.kaart")
    if kaart.count():
        vak = kaart.bounding_box()
        assert vak["width"] <= 360 and vak["height"] > 100


def test_a_map_prints_on_a4_with_its_legend(pagina):
    pagina.set_viewport_size({"width": 718, "height": 1047})  # A4 within its margins, at 96 dpi
    pagina.goto("/kaart?thema=natuur-en-milieu-afval&peildatum=2020-01-01")
    pagina.emulate_media(media="print")
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 718
    kaart = pagina.locator("svg.kaart").bounding_box()
    assert kaart["width"] <= 718 and kaart["height"] <= 1047 * 0.85
    assert (
        pagina.locator("ul.legenda").is_visible()
        and not pagina.locator(".exports").first.is_visible()
    )

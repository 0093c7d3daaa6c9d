"""The grip section of the public regeling page: the procedure of seed 000, a computed
deadline, and the other parts, in a fixed number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.grip.constants import Functie, Jaarstuksoort, Toetsantwoord, Toetsvraag
from agreements.grip.models import Beeindiging, Toetsing, Zienswijze
from tests.factories import (
    BijdrageFactory,
    DeelnameFactory,
    EvaluatieFactory,
    JaarcijfersFactory,
    JaarstukFactory,
    ProcedurestapFactory,
    RapporteurFactory,
    RegelingFactory,
    VertegenwoordigerFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def test_groningen_leeuwarden_shows_its_procedure_from_seed_000(client, voorbeelddata, tekst):
    html = tekst(client, "/regelingen/informatievoorziening-groningen-leeuwarden")
    deel = html[html.index("Besluitvorming en grip") :]
    assert "Procedure (Wet gemeenschappelijke regelingen, art. 1)" in deel
    for stap in [
        "Besluit college",
        "Zienswijze gevraagd",
        "Zienswijze gegeven",
        "Toestemming raad",
    ]:
        assert stap in deel
    assert "Ondertekening" in deel and "Inwerkingtreding" in deel
    assert "tegelijk met toestemming" in deel
    assert "86941-2025, portefeuillehouder Broeksma" in deel
    assert "geen zienswijzen in te dienen" in deel
    assert deel.index("<h4>Groningen</h4>") < deel.index("<h4>Leeuwarden</h4>")
    # The seed gives no date, so no deadline is invented.
    assert "onbekend: 8 weken na de datum van het verzoek" in deel


def test_a_zienswijze_step_shows_its_deadline_computed_from_the_date_it_was_asked(client, tekst):
    deelname = DeelnameFactory()
    ProcedurestapFactory(
        regeling=deelname.regeling,
        gemeente=deelname.gemeente,
        datum=D(2026, 3, 2),
        raadsvoorstel="123-2026",
    )
    html = tekst(client, f"/regelingen/{deelname.regeling.slug}")
    assert "2 maart 2026" in html
    assert "28 april 2026 (8 weken)" in html  # 27 April: Koningsdag


def test_the_other_parts_of_the_grip_section(client, tekst):
    deelname = DeelnameFactory()
    regeling, gemeente = deelname.regeling, deelname.gemeente
    stuk = JaarstukFactory(
        regeling=regeling, soort=Jaarstuksoort.ONTWERPBEGROTING, jaar=2027, ontvangen=D(2026, 4, 10)
    )
    Zienswijze.objects.create(jaarstuk=stuk, gemeente=gemeente, inhoud="Zorgen over de indexatie.")
    VertegenwoordigerFactory(
        regeling=regeling, gemeente=gemeente, naam="A. Bakker", functie=Functie.RAADSLID
    )
    RapporteurFactory(regeling=regeling, gemeente=gemeente, naam="R. Rapporteur")
    BijdrageFactory(regeling=regeling, gemeente=gemeente, jaar=2025, begroot=Decimal("1234567.89"))
    JaarcijfersFactory(
        regeling=regeling, jaar=2025, resultaat=Decimal("-500"), risicos="Renterisico."
    )
    evaluatie = EvaluatieFactory(
        regeling=regeling, titel="Evaluatie 2024", conclusie="Voortzetten."
    )
    Toetsing.objects.create(
        evaluatie=evaluatie,
        vraag=Toetsvraag.JURIDISCH_1,
        antwoord=Toetsantwoord.VOLDOET,
        toelichting="Geen markttaak.",
    )
    Beeindiging.objects.create(
        regeling=regeling,
        opzegtermijn_maanden=12,
        ontvlechtingskosten="Voor rekening van de uittreder.",
    )
    html = tekst(client, f"/regelingen/{regeling.slug}", peildatum="2026-01-01")
    assert "Ontwerpbegroting 2027" in html and "3 juli 2026" in html
    assert "Zorgen over de indexatie." in html
    assert "A. Bakker" in html and "R. Rapporteur" in html
    assert "€ 1.234.567,89" in html and "€ -500,00" in html and "Renterisico." in html
    assert (
        "Toetsingskader: juridisch" in html
        and "Wet markt en overheid" in html
        and "Voldoet" in html
    )
    assert "12 maanden" in html and "Voor rekening van de uittreder." in html


def test_the_regeling_page_does_not_grow_its_queries_with_grip_data(client, tekst):
    regeling = RegelingFactory()

    def vul(aantal):
        for _ in range(aantal):
            gemeente = DeelnameFactory(regeling=regeling).gemeente
            ProcedurestapFactory(regeling=regeling, gemeente=gemeente, datum=D(2026, 3, 2))
            stuk = JaarstukFactory(regeling=regeling, jaar=2000 + Zienswijze.objects.count())
            Zienswijze.objects.create(jaarstuk=stuk, gemeente=gemeente)
            VertegenwoordigerFactory(regeling=regeling, gemeente=gemeente)
            RapporteurFactory(regeling=regeling, gemeente=gemeente)
            BijdrageFactory(regeling=regeling, gemeente=gemeente)
            evaluatie = EvaluatieFactory(regeling=regeling, gemeente=gemeente)
            Toetsing.objects.create(
                evaluatie=evaluatie, vraag=Toetsvraag.STRATEGISCH_1, antwoord=Toetsantwoord.DEELS
            )

    def tel():
        with CaptureQueriesContext(connection) as context:
            tekst(client, f"/regelingen/{regeling.slug}")
        return len(context)

    vul(2)
    weinig = tel()
    vul(5)
    assert tel() == weinig

"""Herindeling: the scan's classification, applying it to the deelnames, undo and idempotence,
a new gemeente formed from several, and the seeded Groningen 2019 case in API and pages."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.constants import Gevolg, Rol, Vorm
from agreements.models import Deelname, HerindelingsMutatie, Herziening
from agreements.selectors import (
    SCAN_KOLOMMEN,
    OngeldigeScan,
    scan,
    scan_argumenten,
    scan_rijen,
)
from agreements.services import maak_ongedaan, pas_toe
from municipalities.models import Gemeente, Herindeling
from tests.factories import (
    DeelnameFactory,
    GemeenteFactory,
    HerindelingFactory,
    OvergangFactory,
    PartnerFactory,
    RegelingFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db

DATUM = datetime.date(2019, 1, 1)
DAG_ERVOOR = datetime.date(2018, 12, 31)


@pytest.fixture
def gemeenten():
    haren = GemeenteFactory(code="GM9917", naam="Haren")
    ten_boer = GemeenteFactory(code="GM9909", naam="Ten Boer")
    groningen = GemeenteFactory(code="GM9914", naam="Groningen")
    ander = GemeenteFactory(code="GM9901", naam="Tynaarlo")
    return haren, ten_boer, groningen, ander


def regeling_met(*deelnemers, **velden):
    regeling = RegelingFactory(**velden)
    for deelnemer in deelnemers:
        if deelnemer.__class__.__name__ == "Partner":
            DeelnameFactory(regeling=regeling, gemeente=None, partner=deelnemer)
        else:
            DeelnameFactory(regeling=regeling, gemeente=deelnemer)
    return regeling


@pytest.fixture
def regelingen(gemeenten):
    haren, ten_boer, groningen, ander = gemeenten
    return {
        Gevolg.VERVALT: regeling_met(haren, ten_boer, groningen, naam="Alleen onder elkaar"),
        Gevolg.SAMENVOEGEN: regeling_met(haren, groningen, ander, naam="Afvalbeheer"),
        Gevolg.GAAT_OVER: regeling_met(haren, PartnerFactory(), naam="Met het waterschap"),
        Gevolg.GEEN: regeling_met(groningen, ander, naam="Zonder Haren"),
        "buiten": regeling_met(ander, GemeenteFactory(code="GM9902"), naam="Buiten de scan"),
    }


@pytest.fixture
def herindeling(gemeenten):
    haren, ten_boer, groningen, _ = gemeenten
    herindeling = Herindeling.objects.create(
        slug="2019-groningen",
        naam="Groningen, Haren en Ten Boer",
        datum=DATUM,
        opvolger=groningen,
        bron="test",
    )
    herindeling.opgeheven.set([haren, ten_boer])
    return herindeling


def gevolgen(uitkomst) -> dict:
    return {r["naam"]: r["gevolg"] for r in uitkomst["regelingen"]}


def test_the_scan_classifies_every_regeling(gemeenten, regelingen):
    haren, ten_boer, groningen, _ = gemeenten
    uitkomst = scan(gemeenten=[haren, ten_boer], datum=DATUM, opvolger=groningen)
    assert gevolgen(uitkomst) == {
        "Alleen onder elkaar": Gevolg.VERVALT,
        "Afvalbeheer": Gevolg.SAMENVOEGEN,
        "Met het waterschap": Gevolg.GAAT_OVER,
        "Zonder Haren": Gevolg.GEEN,
    }
    assert {g["gevolg"]: g["aantal"] for g in uitkomst["per_gevolg"]} == {
        "vervalt": 1,
        "gaat_over": 1,
        "samenvoegen": 1,
        "geen": 1,
        "onbekend": 0,
        "splitsing": 0,
    }
    samen = next(r for r in uitkomst["regelingen"] if r["naam"] == "Afvalbeheer")
    assert [g["naam"] for g in samen["betrokken_gemeenten"]] == ["Groningen", "Haren"]
    assert samen["aantal_overige_deelnemers"] == 1


def test_without_opvolger_a_lone_deelname_passes_to_the_new_gemeente(gemeenten, regelingen):
    uitkomst = scan(gemeenten=list(gemeenten[:3]), datum=DATUM)
    assert gevolgen(uitkomst)["Zonder Haren"] == Gevolg.GAAT_OVER
    assert uitkomst["opvolger"] is None


def test_a_deelnemer_who_joins_on_the_day_itself_keeps_the_regeling_alive(gemeenten):
    haren, _, groningen, _ = gemeenten
    regeling = regeling_met(haren, groningen)
    DeelnameFactory(regeling=regeling, begindatum=DATUM)  # e.g. a gemeente formed that day
    uitkomst = scan(gemeenten=[haren], datum=DATUM, opvolger=groningen)
    assert gevolgen(uitkomst)[regeling.naam] == Gevolg.SAMENVOEGEN


def test_the_scan_counts_per_thema_and_vorm(gemeenten):
    haren, _, groningen, ander = gemeenten
    afval = ThemaFactory(naam="Afval")
    regeling = regeling_met(haren, groningen, ander, vorm=Vorm.OPENBAAR_LICHAAM)
    regeling.themas.add(afval)
    regeling_met(haren, ander, vorm=Vorm.OPENBAAR_LICHAAM)
    uitkomst = scan(gemeenten=[haren], datum=DATUM, opvolger=groningen)
    assert uitkomst["per_vorm"] == [
        {
            "vorm": "Openbaar lichaam",
            "aantal": 2,
            "vervalt": 0,
            "gaat_over": 1,
            "samenvoegen": 1,
            "geen": 0,
            "onbekend": 0,
            "splitsing": 0,
        }
    ]
    assert {r["thema"]: r["aantal"] for r in uitkomst["per_thema"]} == {
        "Afval": 1,
        "Zonder thema": 1,
    }


def test_the_scan_reads_a_fixed_number_of_queries(gemeenten, regelingen):
    haren, ten_boer, groningen, ander = gemeenten
    with CaptureQueriesContext(connection) as weinig:
        scan(gemeenten=[haren, ten_boer], datum=DATUM, opvolger=groningen)
    for _ in range(5):
        regeling_met(haren, groningen, ander).themas.add(ThemaFactory())
    with CaptureQueriesContext(connection) as veel:
        scan(gemeenten=[haren, ten_boer], datum=DATUM, opvolger=groningen)
    assert len(weinig) == len(veel) == 3


def test_applying_ends_takes_over_and_flags(gemeenten, regelingen, herindeling):
    haren, ten_boer, groningen, _ = gemeenten
    DeelnameFactory(regeling=regelingen[Gevolg.GAAT_OVER], gemeente=ten_boer)
    Deelname.objects.filter(regeling=regelingen[Gevolg.GAAT_OVER]).update(
        verdeelsleutel=Decimal("20"), rol=Rol.DEELNEMER
    )
    tellingen = pas_toe(herindeling)

    assert tellingen == {"beeindigd": 5, "aangemaakt": 1, "gemeenten": 2, "herzieningen": 3}
    for gemeente in (haren, ten_boer):
        gemeente.refresh_from_db()
        assert gemeente.einddatum == DAG_ERVOOR and gemeente.opvolger == groningen
        assert not Deelname.objects.actief_op(DATUM).filter(gemeente=gemeente).exists()
        assert Deelname.objects.actief_op(DAG_ERVOOR).filter(gemeente=gemeente).exists()
    overgenomen = Deelname.objects.get(regeling=regelingen[Gevolg.GAAT_OVER], gemeente=groningen)
    assert overgenomen.begindatum == DATUM and overgenomen.einddatum is None
    assert overgenomen.verdeelsleutel == Decimal("40")  # Haren's and Ten Boer's share added up
    assert "Haren en Ten Boer" in overgenomen.toelichting
    # Groningen already takes part: no second deelname, but flagged for review
    assert (
        Deelname.objects.filter(regeling=regelingen[Gevolg.SAMENVOEGEN], gemeente=groningen).count()
        == 1
    )
    assert dict(Herziening.objects.values_list("regeling__naam", "gevolg")) == {
        "Alleen onder elkaar": Gevolg.VERVALT,
        "Afvalbeheer": Gevolg.SAMENVOEGEN,
        "Met het waterschap": Gevolg.SAMENVOEGEN,  # Haren and Ten Boer both took part
    }
    assert herindeling.mutaties.count() == 8


def test_applying_twice_does_nothing_the_second_time(gemeenten, regelingen, herindeling):
    assert pas_toe(herindeling) is not None
    aantal = Deelname.objects.count(), herindeling.mutaties.count(), Herziening.objects.count()
    assert pas_toe(herindeling) is None
    assert (
        Deelname.objects.count(),
        herindeling.mutaties.count(),
        Herziening.objects.count(),
    ) == aantal


def test_undo_restores_everything(gemeenten, regelingen, herindeling):
    def stand():
        return sorted(map(str, Deelname.objects.values_list("regeling", "gemeente", "einddatum")))

    voor = stand()
    pas_toe(herindeling)
    assert maak_ongedaan(herindeling) == 7
    assert stand() == voor
    herindeling.refresh_from_db()
    assert herindeling.toegepast_op is None
    assert not Herziening.objects.exists() and not herindeling.mutaties.exists()
    gemeenten[0].refresh_from_db()
    assert gemeenten[0].einddatum is None and gemeenten[0].opvolger is None
    assert maak_ongedaan(herindeling) is None
    assert pas_toe(herindeling) is not None  # and it can be applied again


def test_undo_refuses_once_something_changed_since(gemeenten, regelingen, herindeling):
    pas_toe(herindeling)
    overgenomen = Deelname.objects.get(regeling=regelingen[Gevolg.GAAT_OVER], gemeente=gemeenten[2])
    overgenomen.verdeelsleutel = Decimal("12.5")
    overgenomen.save()
    with pytest.raises(ValidationError, match="sinds het toepassen is gewijzigd"):
        maak_ongedaan(herindeling)
    herindeling.refresh_from_db()
    assert herindeling.toegepast_op is not None  # nothing was undone
    assert Deelname.objects.filter(pk=overgenomen.pk).exists()


def test_a_herindeling_that_forms_a_new_gemeente_from_several(gemeenten):
    a, b, _, ander = gemeenten
    nieuw = GemeenteFactory(code="GM9990", naam="Nieuwstad", begindatum=DATUM)
    samen = regeling_met(a, b, ander)
    alleen_a = regeling_met(a, ander)
    herindeling = Herindeling.objects.create(
        slug="nieuwstad",
        naam="Nieuwstad",
        datum=DATUM,
        opvolger=nieuw,
        nieuwe_gemeente=True,
        bron="test",
    )
    herindeling.opgeheven.set([a, b])
    pas_toe(herindeling)
    assert set(
        Deelname.objects.actief_op(DATUM).filter(gemeente=nieuw).values_list("regeling", flat=True)
    ) == {
        samen.pk,
        alleen_a.pk,
    }
    assert Deelname.objects.filter(regeling=samen, gemeente=nieuw).count() == 1  # two became one
    assert dict(Herziening.objects.values_list("regeling", "gevolg")) == {
        samen.pk: Gevolg.SAMENVOEGEN,
        alleen_a.pk: Gevolg.GAAT_OVER,
    }


def test_applying_refuses_an_impossible_herindeling_and_changes_nothing(gemeenten, regelingen):
    haren, _, groningen, _ = gemeenten
    nog_niet = GemeenteFactory(code="GM9991", begindatum=datetime.date(2020, 1, 1))
    herindeling = Herindeling.objects.create(
        slug="te-vroeg", naam="Te vroeg", datum=DATUM, opvolger=nog_niet, bron="test"
    )
    herindeling.opgeheven.set([haren, groningen])
    DeelnameFactory(
        regeling=regelingen["buiten"], gemeente=haren, begindatum=datetime.date(2019, 6, 1)
    )
    voor = sorted(Deelname.objects.values_list("pk", "einddatum"))
    with pytest.raises(ValidationError) as fout:
        pas_toe(herindeling)
    assert "bestaat niet op 01-01-2019" in str(fout.value)
    assert "treedt na de herindeling nog toe" in str(fout.value)
    assert sorted(Deelname.objects.values_list("pk", "einddatum")) == voor
    assert not Herziening.objects.exists()


def test_the_commands_apply_undo_and_scan(gemeenten, regelingen, herindeling, capsys):
    call_command("herindeling", "2019-groningen")
    assert (
        capsys.readouterr()
        .out.strip()
        .endswith(
            "doorgevoerd: 4 deelnames beëindigd, 1 overgenomen door de opvolger, "
            "2 gemeenten opgeheven, 3 regelingen te herzien."
        )
    )
    call_command("herindeling", "2019-groningen")
    assert "al doorgevoerd" in capsys.readouterr().out
    call_command("herindeling", "2019-groningen", "--ongedaan-maken")
    assert "ongedaan gemaakt" in capsys.readouterr().out
    call_command(
        "herindelingsscan", "GM9917", "GM9909", "--opvolger", "GM9914", "--datum", "2019-01-01"
    )
    uitvoer = capsys.readouterr().out
    assert "Vervalt / herijken" in uitvoer and "Afvalbeheer" in uitvoer
    call_command("herindelingsscan", "GM9917", "--datum", "2019-01-01", "--csv")
    assert capsys.readouterr().out.startswith("\ufeffRegeling;Vorm;Thema's;Gevolg")


@pytest.mark.parametrize(
    ("geval", "melding"),
    [
        ("geen gemeenten", "Kies de gemeenten die worden opgeheven."),
        ("opvolger opgeheven", "De opvolger kan niet zelf worden opgeheven."),
        ("al opgeheven", "Haren bestaat niet meer op 31-12-2018."),
    ],
)
def test_applying_refuses_an_impossible_choice_of_gemeenten(
    gemeenten, regelingen, herindeling, stand, geval, melding
):
    haren, _, groningen, _ = gemeenten
    if geval == "geen gemeenten":
        herindeling.opgeheven.clear()
    elif geval == "opvolger opgeheven":
        herindeling.opgeheven.add(groningen)
    else:
        Gemeente.objects.filter(pk=haren.pk).update(einddatum=datetime.date(2017, 12, 31))
    voor = stand()
    with pytest.raises(ValidationError) as fout:
        pas_toe(herindeling)
    assert melding in fout.value.messages
    assert stand() == voor


def test_the_command_refuses_an_unknown_herindeling(db):
    with pytest.raises(CommandError, match="Onbekende herindeling: 2030-nergens."):
        call_command("herindeling", "2030-nergens")


def test_the_command_explains_a_refusal_and_changes_nothing(gemeenten, herindeling, stand):
    herindeling.opgeheven.clear()
    voor = stand()
    with pytest.raises(CommandError, match="Kies de gemeenten die worden opgeheven."):
        call_command("herindeling", herindeling.slug)
    assert stand() == voor

    tynaarlo = gemeenten[3]
    pas_toe(HerindelingFactory(slug="tynaarlo", opgeheven=[tynaarlo]))
    later = stand()
    Gemeente.objects.filter(pk=tynaarlo.pk).update(einddatum=datetime.date(2018, 6, 30))
    with pytest.raises(CommandError, match="sinds het toepassen is gewijzigd: Tynaarlo"):
        call_command("herindeling", "tynaarlo", "--ongedaan-maken")
    assert stand()["agreements.HerindelingsMutatie"] == later["agreements.HerindelingsMutatie"]
    assert Herindeling.objects.get(slug="tynaarlo").toegepast_op is not None


def test_the_command_undoes_a_single_change_and_knows_when_there_is_nothing_to_undo(
    gemeenten, capsys
):
    haren, _, groningen, _ = gemeenten  # Haren takes part in nothing: one change only
    HerindelingFactory(slug="haren", opgeheven=[haren], opvolger=groningen)
    call_command("herindeling", "haren", "--ongedaan-maken")
    assert capsys.readouterr().out == (
        "Deze herindeling was niet doorgevoerd; er is niets veranderd.\n"
    )
    call_command("herindeling", "haren")
    haren.refresh_from_db()
    assert haren.einddatum == DAG_ERVOOR and haren.opvolger == groningen
    call_command("herindeling", "haren", "--ongedaan-maken")
    assert (
        capsys.readouterr()
        .out.splitlines()[-1]
        .endswith("ongedaan gemaakt: 1 wijziging teruggedraaid.")
    )
    haren.refresh_from_db()
    assert haren.einddatum is None and haren.opvolger is None


@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [
        (["GM9917", "--datum", "morgen"], "datum: Geef een geldige datum"),
        (["GM9917", "--datum", "2019-01-01", "--opvolger", "Groningen"], "opvolger: Geef een"),
        (["GM9917", "GM9999", "--datum", "2019-01-01"], "Onbekende gemeente: GM9999."),
        (
            ["GM9917", "--datum", "2019-01-01", "--opvolger", "GM9998"],
            "Onbekende gemeente: GM9998.",
        ),
    ],
)
def test_the_scan_command_explains_bad_input(gemeenten, argumenten, melding):
    with pytest.raises(CommandError, match=melding):
        call_command("herindelingsscan", *argumenten)


# The herindeling in the admin: its form and its actions.


def admin_actie(client, url, actie, *herindelingen) -> list[tuple[str, str]]:
    """Run an action of the herindeling change list; the messages the list then shows."""
    response = client.post(
        url, {"action": actie, "_selected_action": [h.pk for h in herindelingen]}, follow=True
    )
    assert response.redirect_chain == [(url, 302)]
    return [(m.level_tag, m.message) for m in response.context["messages"]]


def test_the_admin_actions_apply_and_undo_a_herindeling(
    admin_client, admin_url, gemeenten, regelingen, herindeling, stand
):
    haren, ten_boer, groningen, _ = gemeenten
    url = admin_url(Herindeling, "changelist")
    voor = stand()

    assert admin_actie(admin_client, url, "doorvoeren", herindeling) == [
        ("info", "Groningen, Haren en Ten Boer: doorgevoerd.")
    ]
    for gemeente in (haren, ten_boer):
        assert not Deelname.objects.actief_op(DATUM).filter(gemeente=gemeente).exists()
    assert Deelname.objects.actief_op(DATUM).get(
        regeling=regelingen[Gevolg.GAAT_OVER], gemeente=groningen
    )
    assert Herziening.objects.count() == 3
    doorgevoerd = stand()

    assert admin_actie(admin_client, url, "doorvoeren", herindeling) == [
        ("info", "Groningen, Haren en Ten Boer: was al doorgevoerd.")
    ]
    assert stand() == doorgevoerd

    assert admin_actie(admin_client, url, "ongedaan_maken", herindeling) == [
        ("info", "Groningen, Haren en Ten Boer: ongedaan gemaakt.")
    ]
    assert stand() == voor
    assert admin_actie(admin_client, url, "ongedaan_maken", herindeling) == [
        ("info", "Groningen, Haren en Ten Boer: was niet doorgevoerd.")
    ]
    assert stand() == voor


def test_the_admin_actions_report_a_refusal_per_herindeling(
    admin_client, admin_url, gemeenten, regelingen, herindeling
):
    haren, _, groningen, ander = gemeenten
    url = admin_url(Herindeling, "changelist")
    te_vroeg = HerindelingFactory(
        naam="Te vroeg",
        opgeheven=[ander],
        opvolger=GemeenteFactory(begindatum=datetime.date(2020, 1, 1)),
    )
    meldingen = admin_actie(admin_client, url, "doorvoeren", herindeling, te_vroeg)
    assert sorted(meldingen) == [
        (
            "error",
            f"Te vroeg: {te_vroeg.opvolger.naam} bestaat niet op 01-01-2019; leg eerst "
            "de (nieuwe) gemeente vast.",
        ),
        ("info", "Groningen, Haren en Ten Boer: doorgevoerd."),
    ]
    te_vroeg.refresh_from_db()
    assert te_vroeg.toegepast_op is None
    assert not HerindelingsMutatie.objects.filter(herindeling=te_vroeg).exists()

    overgenomen = Deelname.objects.get(regeling=regelingen[Gevolg.GAAT_OVER], gemeente=groningen)
    overgenomen.verdeelsleutel = Decimal("12.5")
    overgenomen.save()
    [(niveau, melding)] = admin_actie(admin_client, url, "ongedaan_maken", herindeling)
    assert niveau == "error"
    assert melding.startswith(
        "Groningen, Haren en Ten Boer: Ongedaan maken kan niet meer: sinds het toepassen is "
        "gewijzigd: "
    )
    herindeling.refresh_from_db()
    assert herindeling.toegepast_op is not None
    assert Deelname.objects.filter(pk=overgenomen.pk).exists()
    haren.refresh_from_db()
    assert haren.einddatum == DAG_ERVOOR


def herindeling_formulier(**velden) -> dict:
    return {
        "slug": "2019-groningen",
        "naam": "Groningen, Haren en Ten Boer",
        "datum": "2019-01-01",
        "bron": "Wet samenvoeging Groningen, Haren en Ten Boer",
        "overgangen-TOTAL_FORMS": "0",
        "overgangen-INITIAL_FORMS": "0",
        "herzieningen-TOTAL_FORMS": "0",
        "herzieningen-INITIAL_FORMS": "0",
        "mutaties-TOTAL_FORMS": "0",
        "mutaties-INITIAL_FORMS": "0",
        **velden,
    }


def test_the_admin_form_refuses_an_opvolger_that_is_itself_opgeheven(
    admin_client, admin_url, gemeenten
):
    haren, ten_boer, groningen, _ = gemeenten
    url = admin_url(Herindeling, "add")
    data = herindeling_formulier(opgeheven=[haren.pk, groningen.pk], opvolger=groningen.pk)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "De opvolger kan niet zelf worden opgeheven." in response.content.decode()
    assert not Herindeling.objects.exists()
    data["opgeheven"] = [haren.pk, ten_boer.pk]
    assert admin_client.post(url, data).status_code == 302
    herindeling = Herindeling.objects.get()
    assert set(herindeling.opgeheven.all()) == {haren, ten_boer}
    assert herindeling.opvolger == groningen and herindeling.toegepast_op is None


def test_the_admin_shows_what_applying_changed_without_letting_it_be_added_to(
    admin_client, admin_url, gemeenten, regelingen, herindeling
):
    pas_toe(herindeling)
    response = admin_client.get(admin_url(Herindeling, "change", herindeling.pk))
    assert response.status_code == 200
    inlines = {i.formset.prefix: i for i in response.context["inline_admin_formsets"]}
    assert {f.instance for f in inlines["herzieningen"].formset.forms} == set(
        herindeling.herzieningen.all()
    )
    assert {f.instance for f in inlines["mutaties"].formset.forms} == set(
        herindeling.mutaties.all()
    )
    assert len(inlines["mutaties"].formset.forms) == 7
    assert not inlines["herzieningen"].has_add_permission
    assert not inlines["mutaties"].has_add_permission
    assert "Alleen onder elkaar" in response.content.decode()


# The seeded case (Groningen 2019) through the API and the pages.


def test_the_scan_of_groningen_2019_in_the_api(api, voorbeelddata):
    data = api.get(
        "/api/v1/herindelingsscan",
        {"gemeenten": "GM0017,GM0009,GM0014", "datum": "2019-01-01"},
    ).json()
    afval = next(r for r in data["regelingen"] if "Afvalbeheer" in r["naam"])
    assert afval["gevolg"] == "samenvoegen"
    assert {g["code"] for g in afval["betrokkenGemeenten"]} == {"GM0014", "GM0017"}
    csv = api.get(
        "/api/v1/herindelingsscan",
        {"gemeenten": "GM0017,GM0009,GM0014", "datum": "2019-01-01", "format": "csv"},
    )
    assert csv.status_code == 200 and "Samenvoegen" in csv.content.decode()


@pytest.mark.parametrize(
    ("parameters", "fout"),
    [
        ({"gemeenten": "GM0017", "datum": "morgen"}, "datum"),
        ({"gemeenten": "GM0017,Haren", "datum": "2019-01-01"}, "gemeenten"),
        ({"gemeenten": "GM0017,", "datum": "2019-01-01"}, "gemeenten"),
        ({"gemeenten": "GM0017", "datum": "2019-01-01", "opvolger": "Groningen"}, "opvolger"),
        ({"datum": "2019-01-01"}, "gemeenten"),
    ],
)
def test_the_scan_answers_bad_input_with_400(api, voorbeelddata, parameters, fout):
    response = api.get("/api/v1/herindelingsscan", parameters)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalidParams"]] == [fout]


@pytest.mark.parametrize(
    "parameters",
    [
        {"gemeenten": "GM9999", "datum": "2019-01-01"},
        {"gemeenten": "GM0017", "datum": "2019-01-01", "opvolger": "GM9999"},
    ],
)
def test_the_scan_of_an_unknown_gemeente_is_a_404(api, voorbeelddata, parameters):
    response = api.get("/api/v1/herindelingsscan", parameters)
    assert response.status_code == 404
    assert "Onbekende gemeente: GM9999." in response.json()["detail"]


def test_history_stays_true_after_the_seeded_herindeling(api, voorbeelddata):
    def regelingen(gemeente, peildatum):
        deelnames = api.get("/api/v1/deelnames", {"gemeente": gemeente, "peildatum": peildatum})
        return {d["regeling"] for d in deelnames.json()}

    assert regelingen("GM0017", "2018-06-01")
    assert regelingen("GM0017", "2019-06-01") == set()
    groningen = regelingen("GM0014", "2019-06-01")
    assert "regio-groningen-assen" in groningen  # taken over from Haren
    assert "regio-groningen-assen" not in regelingen("GM0014", "2018-06-01")
    seed = api.get("/api/v1/herindelingen/2019-groningen").json()
    assert seed["opgeheven"] == ["GM0017", "GM0009"] and seed["toegepastOp"].endswith("Z")


def test_the_scan_page(client, voorbeelddata):
    response = client.get(
        "/herindelingsscan",
        {"gemeenten": "GM0017,GM0009,GM0014", "datum": "2019-01-01", "opvolger": "GM0014"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Samenvoegen (3)" in html and "Afvalbeheer Regio Centraal Groningen" in html
    assert "format=xlsx" in html
    fout = client.get("/herindelingsscan", {"gemeenten": "GM0017", "datum": "1-1-2019"})
    assert fout.status_code == 200 and "Geef een geldige datum" in fout.content.decode()
    onbekend = client.get("/herindelingsscan", {"gemeenten": "GM9999", "datum": "2019-01-01"})
    assert "Onbekende gemeente: GM9999." in onbekend.content.decode()
    assert (
        "te herzien na de herindeling"
        in client.get("/regelingen/regio-groningen-assen").content.decode().lower()
    )


def test_the_scan_page_without_a_question_shows_the_form_and_the_known_herindelingen(
    client, voorbeelddata
):
    response = client.get("/herindelingsscan")
    assert response.status_code == 200
    assert response.context["uitkomst"] is None and not response.context["fouten"]
    html = response.content.decode()
    assert 'name="gemeenten"' in html and "Uitkomst voor" not in html
    assert "?gemeenten=GM0017,GM0009,GM0014&amp;datum=2019-01-01&amp;opvolger=GM0014" in html


def test_the_scan_page_takes_names_as_a_person_types_them(client, voorbeelddata):
    html = client.get(
        "/herindelingsscan", {"gemeenten": "haren, Ten Boer,gm0014", "datum": "2019-01-01"}
    ).content.decode()
    assert "Uitkomst voor Groningen, Haren, Ten Boer" in html
    fout = client.get("/herindelingsscan", {"gemeenten": "Harenn", "datum": "2019-01-01"})
    assert "Onbekende gemeente: Harenn." in fout.content.decode()


def test_a_date_at_the_start_of_the_calendar_is_no_error(api, voorbeelddata):
    response = api.get("/api/v1/herindelingsscan", {"gemeenten": "GM0017", "datum": "0001-01-01"})
    assert response.status_code == 200  # deelnames with an unknown begindatum count
    uitkomst = response.json()
    assert uitkomst["aantalRegelingen"] == len(uitkomst["regelingen"]) > 0
    assert sum(g["aantal"] for g in uitkomst["perGevolg"]) == uitkomst["aantalRegelingen"]
    for regeling in uitkomst["regelingen"]:
        assert "GM0017" in {g["code"] for g in regeling["betrokkenGemeenten"]}


# The parameters of the scan, read by one plain function for page, command and API.


def test_the_scan_parameters_are_read_without_the_api(gemeenten):
    haren, ten_boer, groningen, _ = gemeenten
    assert scan_argumenten(
        {"gemeenten": "GM9917,GM9909", "datum": "2019-01-01", "opvolger": "GM9914"}
    ) == {"gemeenten": [ten_boer, haren], "datum": DATUM, "opvolger": groningen}
    assert scan_argumenten({"gemeenten": "GM9917", "datum": "2019-01-01", "opvolger": ""}) == {
        "gemeenten": [haren],
        "datum": DATUM,
        "opvolger": None,
    }


def test_every_scan_parameter_that_cannot_be_read_is_named_in_dutch(gemeenten):
    with pytest.raises(OngeldigeScan) as fout:
        scan_argumenten({"gemeenten": "GM9917,", "datum": "1-1-2019", "opvolger": "Groningen"})
    assert {
        naam: [(f.code, str(f)) for f in lijst] for naam, lijst in fout.value.fouten.items()
    } == {
        "gemeenten": [("invalid", "Geef CBS-codes (GM en vier cijfers), gescheiden door komma's.")],
        "datum": [("invalid", "Geef een geldige datum als JJJJ-MM-DD.")],
        "opvolger": [("invalid", "Geef een CBS-code: GM en vier cijfers.")],
    }
    with pytest.raises(OngeldigeScan) as fout:
        scan_argumenten({})
    assert {naam: [f.code for f in lijst] for naam, lijst in fout.value.fouten.items()} == {
        "gemeenten": ["required"],
        "datum": ["required"],
    }
    with pytest.raises(Gemeente.DoesNotExist, match="Onbekende gemeente: GM0001, GM0002."):
        scan_argumenten({"gemeenten": "GM9917,GM0002", "datum": "2019-01-01", "opvolger": "GM0001"})


def test_the_command_names_what_it_cannot_read(gemeenten):
    with pytest.raises(CommandError, match="datum: Geef een geldige datum als JJJJ-MM-DD."):
        call_command("herindelingsscan", "GM9917", "--datum", "2019-1-1")
    with pytest.raises(CommandError, match="Onbekende gemeente: GM0002."):
        call_command("herindelingsscan", "GM0002", "--datum", "2019-01-01")


def test_the_export_rows_of_the_scan(gemeenten, regelingen):
    haren, ten_boer, groningen, _ = gemeenten
    uitkomst = scan(gemeenten=[haren, ten_boer], datum=DATUM, opvolger=groningen)
    rijen = {rij[0]: rij for rij in scan_rijen(uitkomst)}
    assert len(SCAN_KOLOMMEN) == len(rijen["Afvalbeheer"]) == 7
    assert rijen["Afvalbeheer"][3:6] == ["Samenvoegen", ["Groningen", "Haren"], 1]


def test_an_incomplete_list_of_deelnemers_never_concludes_vervalt(gemeenten):
    haren, ten_boer, groningen, _ = gemeenten
    regeling = regeling_met(haren, ten_boer)
    regeling.deelnemers_volledig = False
    regeling.save()
    uitkomst = scan(gemeenten=[haren, ten_boer], datum=DATUM, opvolger=groningen)
    regel = next(r for r in uitkomst["regelingen"] if r["naam"] == regeling.naam)
    assert regel["gevolg"] == Gevolg.ONBEKEND
    assert "Niet alle deelnemers" in regel["uitleg"]
    rij = next(r for r in scan_rijen(uitkomst) if r[0] == regeling.naam)
    assert rij[5] == "0 bekend; niet alle deelnemers bekend"


def test_the_scan_of_groningen_2019_does_not_say_regio_groningen_assen_vervalt(api, voorbeelddata):
    uitkomst = api.get(
        "/api/v1/herindelingsscan",
        {"gemeenten": "GM0017,GM0009", "datum": "2019-01-01", "opvolger": "GM0014"},
    ).json()
    rga = next(r for r in uitkomst["regelingen"] if r["identificatie"] == "regio-groningen-assen")
    assert rga["gevolg"] != "vervalt"
    assert rga["deelnemersVolledig"] is False


# A split: the territory of one gemeente goes to several (Haaren in 2021).


@pytest.fixture
def splitsing(db):
    haaren = GemeenteFactory(code="GM9788", naam="Haaren")
    vught, oisterwijk, tilburg = (
        GemeenteFactory(code=f"GM98{n}", naam=naam)
        for n, naam in (("65", "Vught"), ("24", "Oisterwijk"), ("55", "Tilburg"))
    )
    herindeling = HerindelingFactory(opvolger=None, datum=DATUM)
    herindeling.opgeheven.set([haaren])
    for opvolger, aandeel in ((vught, "0.5"), (oisterwijk, "0.3"), (tilburg, "0.2")):
        OvergangFactory(
            herindeling=herindeling, gemeente=haaren, opvolger=opvolger, aandeel=Decimal(aandeel)
        )
    regeling = regeling_met(haaren, vught, oisterwijk)
    return herindeling, haaren, (vught, oisterwijk, tilburg), regeling


def test_a_split_gemeente_has_every_successor(splitsing):
    herindeling, haaren, opvolgers, _ = splitsing
    assert herindeling.opvolgers == list(opvolgers)
    assert [o.opvolger for o in herindeling.opvolgers_van(haaren)] == list(opvolgers)


def test_a_split_ends_the_deelname_and_flags_the_regeling_for_the_raden(splitsing):
    herindeling, haaren, (vught, oisterwijk, tilburg), regeling = splitsing
    voor = Deelname.objects.count()
    assert pas_toe(herindeling)["aangemaakt"] == 0
    assert Deelname.objects.count() == voor  # nothing carried over: each raad decides
    assert not Deelname.objects.actief_op(DATUM).filter(gemeente=haaren).exists()
    herziening = Herziening.objects.get(herindeling=herindeling, regeling=regeling)
    assert herziening.gevolg == Gevolg.SPLITSING
    assert "Al deelnemer: Vught, Oisterwijk." in herziening.toelichting
    assert "nemen niet deel: Tilburg" in herziening.toelichting
    haaren.refresh_from_db()
    assert haaren.einddatum == DATUM - datetime.timedelta(days=1) and haaren.opvolger is None


def test_a_split_can_be_undone(splitsing):
    herindeling, haaren, _, regeling = splitsing
    pas_toe(herindeling)
    maak_ongedaan(herindeling)
    haaren.refresh_from_db()
    assert haaren.einddatum is None
    assert Deelname.objects.actief_op(DATUM).filter(gemeente=haaren, regeling=regeling).exists()


def test_a_herindeling_without_opvolger_needs_overgangen_for_every_gemeente(db):
    herindeling = HerindelingFactory(opvolger=None)
    herindeling.opgeheven.set([GemeenteFactory()])
    with pytest.raises(ValidationError, match="Kies de opvolger"):
        pas_toe(herindeling)

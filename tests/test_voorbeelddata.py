import datetime
from pathlib import Path

import pytest
from django.core.management import call_command

from agreements.constants import Rol, Status, Vorm
from agreements.models import Deelname, Publicatie, Regeling, RegelingVersie, Thema
from municipalities.models import Gemeente, Herindeling, Partner

pytestmark = pytest.mark.django_db

D = datetime.date


def regelingen_van(code, datum):
    return set(
        Deelname.objects.actief_op(datum)
        .filter(gemeente__code=code)
        .values_list("regeling__slug", flat=True)
    )


def test_342_gemeenten_exist_on_1_june_2025(voorbeelddata):
    assert Gemeente.objects.actief_op(D(2025, 6, 1)).count() == 342


def test_the_number_of_gemeenten_in_earlier_years(voorbeelddata):
    # 380 gemeenten in 2018 and 355 in 2019: merged gemeenten carry their start date.
    assert Gemeente.objects.actief_op(D(2018, 6, 1)).count() == 380
    assert Gemeente.objects.actief_op(D(2019, 6, 1)).count() == 355


def test_the_12_provincies_are_there(voorbeelddata):
    assert Partner.objects.filter(soort="provincie").count() == 12
    assert not Gemeente.objects.actief_op(D(2025, 6, 1)).filter(provincie=None).exists()


def test_voorschoten_takes_part_in_duivenvoorde_in_2020_and_not_in_2024(voorbeelddata):
    assert "werkorganisatie-duivenvoorde" in regelingen_van("GM0626", D(2020, 1, 1))
    assert "werkorganisatie-duivenvoorde" not in regelingen_van("GM0626", D(2024, 1, 1))
    duivenvoorde = Regeling.objects.get(slug="werkorganisatie-duivenvoorde")
    assert duivenvoorde.vorm == Vorm.OPENBAAR_LICHAAM
    assert set(duivenvoorde.deelnames.values_list("gemeente__code", flat=True)) == {
        "GM0626",
        "GM0629",
    }


def test_groningen_leeuwarden_is_a_regeling_zonder_meer_between_gm0014_and_gm0080(voorbeelddata):
    regeling = Regeling.objects.get(slug="informatievoorziening-groningen-leeuwarden")
    assert regeling.vorm == Vorm.REGELING_ZONDER_MEER
    assert regeling.status == Status.IN_VOORBEREIDING
    assert regeling.bron_registratienummer == "86941-2025"
    assert set(regeling.deelnames.values_list("gemeente__code", flat=True)) == {
        "GM0014",
        "GM0080",
    }


def test_haren_ended_on_31_december_2018_with_groningen_as_successor(voorbeelddata):
    haren = Gemeente.objects.get(code="GM0017")
    assert haren.einddatum == D(2018, 12, 31)
    assert haren.opvolger.code == "GM0014"
    assert Gemeente.objects.get(code="GM0009").opvolger.code == "GM0014"


def test_haren_took_part_in_its_verbanden_until_the_herindeling(voorbeelddata):
    assert {
        "afvalbeheer-regio-centraal-groningen",
        "meerschap-paterswolde",
        "omgevingsdienst-groningen",
    } <= regelingen_van("GM0017", D(2018, 6, 1))
    assert regelingen_van("GM0017", D(2019, 1, 1)) == set()


def test_a_regeling_opgeheven_op_25_januari_ended_on_24_januari(voorbeelddata):
    # "Opgeheven op 25 januari 2016" (ROO/OpenGR): the first day without the regeling, as the
    # ROO gives an end; the register keeps the last day.
    regeling = Regeling.objects.get(slug="samenwerkingsverband-zuidlaardermeergemeenten")
    assert regeling.einddatum == D(2016, 1, 24)
    assert "laatste dag 24 januari 2016" in regeling.bron
    assert set(regeling.deelnames.values_list("einddatum", flat=True)) == {D(2016, 1, 24)}
    assert "samenwerkingsverband-zuidlaardermeergemeenten" in regelingen_van(
        "GM0017", D(2016, 1, 24)
    )
    assert "samenwerkingsverband-zuidlaardermeergemeenten" not in regelingen_van(
        "GM0017", D(2016, 1, 25)
    )
    assert not Regeling.objects.actief_op(D(2016, 1, 25)).filter(pk=regeling.pk).exists()


def test_every_seeded_version_ends_the_day_before_the_roo_ends_it(voorbeelddata):
    from agreements.roo.lezen import lees_export

    export = lees_export(
        Path(__file__).resolve().parent.parent / "fixtures" / "roo" / "exportOO-2026-05.xml.xz"
    )
    versies = RegelingVersie.objects.exclude(roo_id=None)
    assert versies.count() >= 18
    for versie in versies:
        roo = export.versies[versie.roo_id]
        assert versie.begindatum == roo.begin, versie.roo_id
        laatste = roo.uitwerking - datetime.timedelta(days=1) if roo.uitwerking else None
        assert versie.einddatum == laatste, versie.roo_id
    # A gemeente ends the day before the ROO's eindDatum too: Weesp, 24 March 2022.
    assert Gemeente.objects.get(code="GM0457").einddatum == D(2022, 3, 23)


def test_every_seeded_regeling_names_its_source(voorbeelddata):
    assert Regeling.objects.count() >= 10
    assert not Regeling.objects.filter(bron="").exists()
    for regeling in Regeling.objects.exclude(versies=None):
        assert regeling.bron_url.startswith("https://organisaties.overheid.nl/")


def test_the_gastheer_of_equalit_is_woerden(voorbeelddata):
    gastheer = Deelname.objects.get(regeling__slug="equalit", rol=Rol.GASTHEER)
    assert gastheer.gemeente.code == "GM0632"


def test_themas_know_domein_and_beleidsintensiteit(voorbeelddata):
    afval = Thema.objects.get(slug="natuur-en-milieu-afval")
    assert afval.bovenliggend.slug == "natuur-en-milieu"
    assert afval.beleidsintensiteit == "beleidsarm"
    assert Thema.objects.get(slug="organisatie-en-bedrijfsvoering").domein == "bedrijfsvoering"


def test_the_seed_data_passes_every_validation_rule(voorbeelddata, onze_modellen):
    for model in (Gemeente, Partner, Thema, Regeling, RegelingVersie, Publicatie, Deelname):
        assert model in onze_modellen
    gecontroleerd = set()
    for model in onze_modellen:
        for obj in model.objects.all():
            obj.full_clean()
            gecontroleerd.add(model._meta.label)
    # The seed fills grip and the applied herindeling too, not only the register itself.
    assert {
        "grip.Procedurestap",
        "grip.Raadsafspraak",
        "municipalities.Herindeling",
        "agreements.HerindelingsMutatie",
        "agreements.Herziening",
    } <= gecontroleerd


def test_it_does_not_load_twice(voorbeelddata):
    aantal = Deelname.objects.count()
    call_command("voorbeelddata", verbosity=0)
    assert Deelname.objects.count() == aantal


def test_with_the_national_snapshot_the_register_holds_the_country(landelijk):
    assert Regeling.objects.count() >= 500
    assert Gemeente.objects.actief_op(D(2025, 6, 1)).count() == 342
    # The hand-kept cases are linked, never imported a second time.
    assert Regeling.objects.filter(naam__icontains="Werkorganisatie Duivenvoorde").count() == 1
    assert Regeling.objects.filter(naam__icontains="Regio Holland Rijnland").count() == 1
    # The herindelingen are carried through the imported deelnames too.
    assert regelingen_van("GM0017", D(2019, 6, 1)) == set()
    assert regelingen_van("GM0788", D(2020, 6, 1)) != set()  # Haaren, split in 2021
    assert regelingen_van("GM0788", D(2021, 6, 1)) == set()


def test_every_herindeling_since_2015_is_seeded_and_carried_through(voorbeelddata):
    herindelingen = Herindeling.objects.all()
    assert herindelingen.count() >= 25
    assert not herindelingen.filter(toegepast_op__isnull=True).exists()
    # Every former gemeente ceased at a herindeling: its history is right on every date.
    opgeheven = set(herindelingen.values_list("opgeheven__code", flat=True))
    beeindigd = set(Gemeente.objects.filter(einddatum__isnull=False).values_list("code", flat=True))
    assert beeindigd <= opgeheven
    for herindeling in herindelingen:
        assert herindeling.bron
        assert herindeling.staatsblad == "" or herindeling.staatsblad.startswith("Stb. ")


def test_haaren_was_split_among_four_gemeenten(api, voorbeelddata):
    haaren = api.get("/api/v1/herindelingen/2021-splitsing-haaren").json()
    assert haaren["opgeheven"] == ["GM0788"] and haaren["opvolger"] is None
    assert set(haaren["opvolgers"]) == {"GM0865", "GM0824", "GM0855", "GM0757"}
    assert Gemeente.objects.get(code="GM0788").einddatum == D(2020, 12, 31)


def test_littenseradiel_went_to_three_gemeenten_and_leeuwarderadeel_to_leeuwarden(voorbeelddata):
    herindeling = Herindeling.objects.get(slug="2018-noordwest-fryslan")
    littenseradiel = Gemeente.objects.get(code="GM0140")
    assert {o.opvolger.code for o in herindeling.opvolgers_van(littenseradiel)} == {
        "GM1900",
        "GM0080",
        "GM1949",
    }
    leeuwarderadeel = Gemeente.objects.get(code="GM0081")
    assert leeuwarderadeel.opvolgers == [Gemeente.objects.get(code="GM0080")]


def test_a_former_gemeente_on_a_later_date_says_where_it_went(client, voorbeelddata):
    response = client.get("/gemeenten/GM0017", {"peildatum": "2020-01-01"})
    html = response.content.decode()
    assert "Haren bestond op 1 januari 2020 niet meer" in html
    assert 'href="/gemeenten/GM0014?peildatum=2020-01-01">Groningen</a> op 1 januari 2019' in html
    assert 'href="/gemeenten/GM0017?peildatum=2018-12-31"' in html
    assert "<table" not in html and "dashboard" not in html


def test_a_gemeente_before_it_was_formed_says_so(client, voorbeelddata):
    html = client.get("/gemeenten/GM1966", {"peildatum": "2017-01-01"}).content.decode()
    assert "Het Hogeland bestond op 1 januari 2017 nog niet" in html

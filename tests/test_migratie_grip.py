"""Grip becoming its own app (agreements 0006, grip 0001 and 0002) keeps every row.

A database at the state just before the move (agreements 0005_grip), with a row in every grip
table, its permissions and a user holding one of them, is migrated forward; afterwards each
row is there, with the same values, in the renamed ``grip_*`` tables, and the content types
(and with them the permissions) belong to the app ``grip``."""

import datetime
import importlib
from decimal import Decimal

import pytest
from django.apps import apps as huidige_apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

D = datetime.date

# The state before grip became its own app: its models still in agreements.
VOOR_DE_VERHUIZING = [("agreements", "0005_grip"), ("municipalities", "0002_herindeling")]
ONZE_APPS = {"municipalities", "agreements", "grip", "meldingen", "redactie"}

# The models the migration renames and whose content types it moves.
GRIP_MODELLEN = importlib.import_module("agreements.grip.migrations.0002_eigen_tabellen").MODELLEN


@pytest.fixture
def executor(transactional_db):
    """A migration executor; afterwards, whatever happened, the database is migrated to the
    leaf nodes again, so the tests after this one find the schema they expect."""
    executor = MigrationExecutor(connection)
    try:
        yield executor
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
        ContentType.objects.clear_cache()


def maak_grip_rijen(apps) -> dict:
    """One row in every grip table (with the rows they need), through the historical models
    of agreements 0005. Returns per model name the primary key of its row."""

    def model(naam):
        app = "municipalities" if naam in {"Partner", "Gemeente"} else "agreements"
        return apps.get_model(app, naam)

    provincie = model("Partner").objects.create(
        slug="pv28", naam="Zuid-Holland", soort="provincie", code="pv28"
    )
    gemeente = model("Gemeente").objects.create(
        code="GM0626", naam="Voorschoten", provincie=provincie, begindatum=D(1900, 1, 1)
    )
    regeling = model("Regeling").objects.create(
        slug="werkorganisatie-duivenvoorde",
        naam="Werkorganisatie Duivenvoorde",
        vorm="OL",
        begindatum=D(2014, 1, 1),
        bron="Staatscourant",
    )
    model("Deelname").objects.create(regeling=regeling, gemeente=gemeente, begindatum=D(2014, 1, 1))
    jaarstuk = model("Jaarstuk").objects.create(
        regeling=regeling,
        soort="ontwerpbegroting",
        jaar=2019,
        ontvangen=D(2018, 4, 15),
        vastgesteld=D(2018, 7, 4),
        termijn_weken=10,
        document_url="https://example.org/begroting-2019.pdf",
        toelichting="Met meerjarenraming",
        bron="Agenda algemeen bestuur",
    )
    evaluatie = model("Evaluatie").objects.create(
        regeling=regeling,
        gemeente=gemeente,
        datum=D(2017, 11, 30),
        titel="Evaluatie Duivenvoorde",
        conclusie="Voortzetten",
        document_url="https://example.org/evaluatie.pdf",
        bron="Raadsinformatiebrief",
    )
    rijen = {
        "Jaarstuk": jaarstuk,
        "Evaluatie": evaluatie,
        "Procedurestap": model("Procedurestap").objects.create(
            regeling=regeling,
            gemeente=gemeente,
            onderwerp="toetreden",
            soort="zienswijze_gevraagd",
            status="afgerond",
            datum=D(2013, 5, 1),
            termijn_weken=10,
            tegelijk_met_toestemming=True,
            raadsvoorstel="2013/042",
            portefeuillehouder="Wethouder Bedrijfsvoering",
            document_url="https://example.org/raadsvoorstel.pdf",
            toelichting="Zienswijze met voorbehoud",
            bron="Raadsbesluit",
        ),
        "Zienswijze": model("Zienswijze").objects.create(
            jaarstuk=jaarstuk,
            gemeente=gemeente,
            datum=D(2018, 6, 21),
            geen_zienswijze=False,
            inhoud="De raad vraagt om een lagere bijdrage.",
            document_url="https://example.org/zienswijze.pdf",
            bron="Raadsbesluit",
        ),
        "Vertegenwoordiger": model("Vertegenwoordiger").objects.create(
            regeling=regeling,
            gemeente=gemeente,
            naam="J. de Vries",
            functie="burgemeester",
            orgaan="dagelijks_bestuur",
            voorzitter=True,
            begindatum=D(2018, 5, 1),
            einddatum=D(2022, 3, 31),
            bron="Aanwijzingsbesluit",
        ),
        "Rapporteur": model("Rapporteur").objects.create(
            regeling=regeling,
            gemeente=gemeente,
            naam="A. Jansen",
            begindatum=D(2018, 6, 1),
            einddatum=D(2022, 3, 31),
            bron="Raadsbesluit",
        ),
        "Bijdrage": model("Bijdrage").objects.create(
            regeling=regeling,
            gemeente=gemeente,
            jaar=2019,
            begroot=Decimal("1234567.89"),
            gerealiseerd=Decimal("1200000.50"),
            verdeelsleutel=Decimal("37.5000"),
            basis="mix",
            toelichting="Naar afname en per inwoner",
            bron="Begroting 2019",
        ),
        "Jaarcijfers": model("Jaarcijfers").objects.create(
            regeling=regeling,
            jaar=2019,
            eigen_vermogen_begin=Decimal("-1500.00"),
            eigen_vermogen_eind=Decimal("2500.25"),
            vreemd_vermogen_begin=Decimal("10000.00"),
            vreemd_vermogen_eind=Decimal("9000.75"),
            resultaat=Decimal("4000.25"),
            risicos="Frictiekosten bij uittreding",
            bron="Jaarrekening 2019",
        ),
        "Toetsing": model("Toetsing").objects.create(
            evaluatie=evaluatie,
            vraag="strategisch_2",
            antwoord="deels",
            toelichting="Het doel is alleen deels gehaald.",
        ),
        "Raadsafspraak": model("Raadsafspraak").objects.create(
            gemeente=gemeente, evaluatie_interval_jaren=4, bron="Motie grip"
        ),
        "Beeindiging": model("Beeindiging").objects.create(
            regeling=regeling,
            opzegtermijn_maanden=24,
            uittredingsvoorwaarden="Opzeggen vóór 1 juli",
            ontvlechtingskosten="De uittredende gemeente betaalt",
            bron="Regeling art. 40",
        ),
    }
    return {naam: obj.pk for naam, obj in rijen.items()}


def kolommen(model) -> list[str]:
    return [veld.attname for veld in model._meta.concrete_fields]


def test_grip_becoming_its_own_app_keeps_every_row_and_its_values(executor):
    # Django's own apps (contenttypes, auth, ...) stay where they are.
    doel = VOOR_DE_VERHUIZING + [
        node for node in executor.loader.graph.leaf_nodes() if node[0] not in ONZE_APPS
    ]
    executor.migrate(doel)
    oud = executor.loader.project_state(doel).apps

    # A database of that time: the content types of grip's models in agreements.
    OudContentType = oud.get_model("contenttypes", "ContentType")
    OudContentType.objects.filter(app_label="grip").delete()
    contenttypes = {
        naam: OudContentType.objects.get_or_create(app_label="agreements", model=naam)[0].pk
        for naam in GRIP_MODELLEN
    }
    inzage = oud.get_model("auth", "Permission").objects.get_or_create(
        content_type_id=contenttypes["procedurestap"],
        codename="view_procedurestap",
        defaults={"name": "Can view procedurestap"},
    )[0]
    oud.get_model("auth", "User").objects.create(username="griffier").user_permissions.add(inzage)

    assert "agreements_procedurestap" in connection.introspection.table_names()
    pks = maak_grip_rijen(oud)
    assert {naam.lower() for naam in pks} == set(GRIP_MODELLEN)  # every grip table has a row
    # The columns of that time; later migrations may add columns of their own.
    oude_kolommen = {naam: kolommen(oud.get_model("agreements", naam)) for naam in pks}
    waarden = {
        naam: oud.get_model("agreements", naam).objects.values(*oude_kolommen[naam]).get(pk=pk)
        for naam, pk in pks.items()
    }

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    tabellen = connection.introspection.table_names()
    for naam, pk in pks.items():
        model = huidige_apps.get_model("grip", naam)
        assert model._meta.db_table == f"grip_{naam.lower()}" in tabellen
        assert f"agreements_{naam.lower()}" not in tabellen
        assert model.objects.count() == 1
        assert model.objects.values(*oude_kolommen[naam]).get(pk=pk) == waarden[naam], naam
        assert ContentType.objects.get(pk=contenttypes[naam.lower()]).app_label == "grip"
    assert not ContentType.objects.filter(app_label="agreements", model__in=GRIP_MODELLEN)
    griffier = get_user_model().objects.get(username="griffier")
    assert griffier.has_perm("grip.view_procedurestap")
    assert not griffier.has_perm("agreements.view_procedurestap")

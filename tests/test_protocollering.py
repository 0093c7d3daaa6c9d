"""Protocollering: every write (admin, API, import, herindeling apply and undo, commands)
leaves a history row with who, on behalf of whom, when, through which path and the old and
new values; the regeling page shows the public part; the audit export is for beheerders and
is itself recorded; and no write path in the code escapes it."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.apps import apps

from agreements.models import (
    Deelname,
    HerindelingsMutatie,
    Herziening,
    Inzage,
    Publicatie,
    Regeling,
    RegelingVersie,
)
from agreements.services import maak_ongedaan, pas_toe
from municipalities.models import Gemeente, Grens, Herindeling
from registry.protocol import historie_model, kanaal, wijzigingen
from tests.conftest import ONZE_APPS, if_match, is_historie
from tests.factories import (
    DeelnameFactory,
    GemeenteFactory,
    RegelingFactory,
    ThemaFactory,
    VertegenwoordigerFactory,
)
from tests.test_importeer_roo import BASIS, GEWIJZIGD, importeer, register  # noqa: F401

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def laatste(obj):
    return obj.history.order_by("-history_id").first()


def veranderd(rij) -> dict:
    return {w.veld: (w.oud, w.nieuw) for w in wijzigingen(rij)}


def nieuwe_rijen(model, sinds: int):
    return historie_model(model).objects.filter(history_id__gt=sinds)


def hoogste(model) -> int:
    return (
        historie_model(model)
        .objects.order_by("-history_id")
        .values_list("history_id", flat=True)
        .first()
        or 0
    )


def test_every_model_of_our_apps_keeps_history(onze_modellen):
    zonder = [m for m in onze_modellen if historie_model(m) is None]
    # Inzage is itself the append-only record of reads; a Grens is derived from the CBS maps
    # and the herindelingen by a command (manage.py grenzen), and edited by nobody.
    assert set(zonder) == {Inzage, Grens}


def test_an_admin_change_records_the_user_and_the_old_and_new_values(
    admin_client, admin_url, regeling_formulier
):
    regeling = RegelingFactory(naam="Oude naam")
    data = regeling_formulier(regeling) | {"naam": "Nieuwe naam", "begindatum": "2015-01-01"}
    response = admin_client.post(admin_url(Regeling, "change", regeling.pk), data)
    assert response.status_code == 302
    rij = laatste(regeling)
    assert (rij.history_type, rij.kanaal, rij.history_user.username) == ("~", "admin", "admin")
    assert rij.gebruikersnaam == "admin"
    assert veranderd(rij) == {"naam": ("Oude naam", "Nieuwe naam")}


def test_the_admin_shows_the_history_of_an_object_with_old_and_new_values(admin_client, admin_url):
    regeling = RegelingFactory(naam="Oude naam")
    with kanaal("commando"):
        regeling.naam = "Nieuwe naam"
        regeling.save()
    pagina = admin_client.get(admin_url(Regeling, "history", regeling.pk)).content.decode()
    assert "Oude naam" in pagina
    assert "Nieuwe naam" in pagina
    assert "commando" in pagina
    # Who changed what is not public: the read is recorded.
    inzage = Inzage.objects.get()
    assert (inzage.gebruikersnaam, inzage.aantal) == ("admin", 2)
    assert inzage.wat == admin_url(Regeling, "history", regeling.pk)


def test_an_api_write_records_the_user_and_the_old_and_new_values(beheerder_api):
    regeling = RegelingFactory(afkorting="")
    thema = ThemaFactory()
    adres = f"/api/v1/regelingen/{regeling.slug}"
    voor = hoogste(Regeling)
    response = beheerder_api.patch(
        adres,
        {"afkorting": "TV", "themas": [thema.slug]},
        format="json",
        **if_match(beheerder_api, adres),
    )
    assert response.status_code == 200, response.content
    rijen = list(nieuwe_rijen(Regeling, voor))
    assert len(rijen) == 1  # the save and its thema's are one change
    rij = rijen[0]
    assert (rij.kanaal, rij.history_user.username) == ("api", "admin")
    assert veranderd(rij)["afkorting"] == ("", "TV")
    assert [k.thema_id for k in rij.themas.all()] == [thema.pk]


def test_an_api_delete_records_the_object_and_what_went_with_it(beheerder_api):
    deelname = DeelnameFactory()
    vertegenwoordiger = VertegenwoordigerFactory(
        regeling=deelname.regeling, gemeente=deelname.gemeente
    )
    adres = f"/api/v1/deelnames/{deelname.uuid}"
    response = beheerder_api.delete(adres, **if_match(beheerder_api, adres))
    assert response.status_code == 204
    weg = Deelname.history.filter(id=deelname.pk).latest("history_id")
    assert (weg.history_type, weg.kanaal, weg.gebruikersnaam) == ("-", "api", "admin")
    adres = f"/api/v1/regelingen/{deelname.regeling.slug}"
    response = beheerder_api.delete(adres, **if_match(beheerder_api, adres))
    assert response.status_code == 409  # a vertegenwoordiger still refers to it
    vertegenwoordiger.delete()
    response = beheerder_api.delete(adres, **if_match(beheerder_api, adres))
    assert response.status_code == 204
    assert laatste(deelname.regeling).history_type == "-"


def test_the_import_records_each_record_it_creates_changes_and_deletes(register):  # noqa: F811
    modellen = {"versies": RegelingVersie, "deelnames": Deelname, "publicaties": Publicatie}
    voor = {soort: hoogste(model) for soort, model in modellen.items()}
    eerste = importeer(BASIS)
    for soort, model in modellen.items():
        rijen = nieuwe_rijen(model, voor[soort])
        assert rijen.count() == eerste.aantallen[soort]["aangemaakt"]
        assert set(rijen.values_list("kanaal", "history_type")) == {("import", "+")}
    nieuw = Regeling.history.filter(history_type="+", kanaal="import")
    assert nieuw.count() == eerste.aantallen["regelingen"]["aangemaakt"]
    assert all(rij.history_user is None for rij in nieuw)

    voor = {soort: hoogste(model) for soort, model in modellen.items()}
    regelingen_voor = hoogste(Regeling)
    tweede = importeer(GEWIJZIGD)
    for soort, model in modellen.items():
        rijen = nieuwe_rijen(model, voor[soort])
        aantallen = tweede.aantallen.get(soort, {})
        for teken, acties in [
            ("+", ["aangemaakt"]),
            ("~", ["bijgewerkt", "gekoppeld"]),
            ("-", ["verwijderd"]),
        ]:
            assert rijen.filter(history_type=teken).count() == sum(
                aantallen.get(actie, 0) for actie in acties
            ), (soort, teken)
    gewijzigd = nieuwe_rijen(Regeling, regelingen_voor).filter(history_type="~")
    assert gewijzigd.exists()
    assert all(veranderd(rij) for rij in gewijzigd)  # each with its old and new values


def test_applying_and_undoing_a_herindeling_records_each_change(admin_user):
    oud, opvolger = GemeenteFactory(naam="Oud"), GemeenteFactory(naam="Opvolger")
    deelname = DeelnameFactory(gemeente=oud)
    herindeling = Herindeling.objects.create(
        slug="test", naam="Test", datum="2021-01-01", opvolger=opvolger, bron="test"
    )
    herindeling.opgeheven.set([oud])
    voor = {m: hoogste(m) for m in (Deelname, Gemeente, Herziening, HerindelingsMutatie)}
    with kanaal("admin", gebruiker=admin_user):
        tellingen = pas_toe(herindeling)
    mutaties = HerindelingsMutatie.objects.count()
    assert nieuwe_rijen(Deelname, voor[Deelname]).count() == (
        tellingen["beeindigd"] + tellingen["aangemaakt"]
    )
    assert nieuwe_rijen(Gemeente, voor[Gemeente]).count() == tellingen["gemeenten"]
    assert nieuwe_rijen(Herziening, voor[Herziening]).count() == tellingen["herzieningen"]
    assert nieuwe_rijen(HerindelingsMutatie, voor[HerindelingsMutatie]).count() == mutaties
    beeindigd = laatste(deelname)
    assert (beeindigd.kanaal, beeindigd.gebruikersnaam) == ("herindeling", "admin")
    assert veranderd(beeindigd) == {"einddatum": (None, beeindigd.einddatum)}
    opgeheven = laatste(oud)
    assert set(veranderd(opgeheven)) == {"einddatum", "opvolger"}

    with kanaal("commando"):
        assert maak_ongedaan(herindeling) == mutaties
    hersteld = laatste(deelname)
    assert (hersteld.kanaal, hersteld.gebruikersnaam) == ("herindeling", "")
    assert veranderd(hersteld) == {"einddatum": (beeindigd.einddatum, None)}
    # The trace of the undone application stays: the rows of its mutaties, deleted.
    assert HerindelingsMutatie.history.filter(history_type="-").count() == mutaties


def test_the_seed_data_is_recorded_as_loaded_by_a_command(voorbeelddata):
    for model in (Gemeente, Regeling, Deelname):
        assert model.history.filter(history_type="+").count() >= model.objects.count() > 0
    assert Gemeente.history.filter(history_type="+").first().kanaal == "commando"


def test_a_row_names_the_organisations_that_keep_the_object():
    regeling = RegelingFactory(slug="samen")
    assert laatste(regeling).organisaties == "regeling:samen"
    deelname = DeelnameFactory(regeling=regeling, gemeente__code="GM0626")
    assert laatste(deelname).organisaties == "GM0626,regeling:samen"


def test_the_regeling_page_shows_its_public_history_only(client, beheerder_api):
    regeling = RegelingFactory(naam="Oude naam", roo_beheerd=False)
    adres = f"/api/v1/regelingen/{regeling.slug}"
    response = beheerder_api.patch(
        adres, {"naam": "Nieuwe naam"}, format="json", **if_match(beheerder_api, adres)
    )
    assert response.status_code == 200
    with kanaal("commando"):
        regeling.refresh_from_db()
        regeling.roo_beheerd = True  # not a public field
        regeling.save()
    pagina = client.get(f"/regelingen/{regeling.slug}").content.decode()
    historie = pagina[pagina.index('id="wijzigingshistorie"') :]
    assert "Naam: Oude naam → Nieuwe naam" in historie
    assert "API" in historie
    assert "ROO-import" not in historie and "bijgehouden door" not in historie.lower()
    assert "admin" not in historie  # who made a change is for the audit export only
    assert historie.count("<tr>") == 1 + 2  # the header, the change and the creation


def test_the_audit_export_is_for_beheerders_and_is_recorded(api, beheerder_api, django_user_model):
    regeling = RegelingFactory(naam="Oude naam")
    with kanaal("commando"):
        regeling.naam = "Nieuwe naam"
        regeling.save()
    assert api.get("/api/v1/wijzigingen").status_code == 401
    api.force_authenticate(django_user_model.objects.create_user("raadslid"))
    assert api.get("/api/v1/wijzigingen").status_code == 403
    assert not Inzage.objects.exists()

    response = beheerder_api.get("/api/v1/wijzigingen")
    assert response.status_code == 200
    regels = [r for r in response.json() if r["gegeven"] == "regeling"]
    assert [r["wijziging"] for r in regels] == ["aangemaakt", "gewijzigd"]
    assert {"veld": "naam", "label": "naam", "oud": "Oude naam", "nieuw": "Nieuwe naam"} in (
        regels[1]["velden"]
    )
    assert regels[1]["kanaal"] == "beheercommando"
    inzage = Inzage.objects.get()
    assert (inzage.gebruikersnaam, inzage.wat) == ("admin", "/api/v1/wijzigingen")

    export = beheerder_api.get("/api/v1/wijzigingen", {"format": "csv"})
    assert export.status_code == 200
    tekst = export.content.decode("utf-8-sig")
    assert "naam: Oude naam → Nieuwe naam" in tekst
    assert next(csv.reader(io.StringIO(tekst), delimiter=";"))[0]
    assert Inzage.objects.count() == 2


def test_the_audit_export_refuses_a_period_that_ends_before_it_starts(beheerder_api):
    response = beheerder_api.get(
        "/api/v1/wijzigingen", {"vanaf": "2025-02-01", "tot": "2025-01-01"}
    )
    assert response.status_code == 400


# Bulk writes skip the signals that record history (a delete, also of a queryset, sends them
# for every row): outside registry/protocol.py (the bulk helpers) every one must say on its
# line how its history is written ("# historie: ...").
BULK = re.compile(
    r"\.(bulk_create|bulk_update|update|_raw_delete|raw)\(|through\.objects\b.*\.delete\("
)
BRONNEN = ["agreements", "municipalities", "registry"]


def test_no_bulk_write_in_the_code_escapes_the_history():
    zonder = []
    for map_ in BRONNEN:
        for pad in sorted((ROOT / map_).rglob("*.py")):
            if "migrations" in pad.parts or pad.name == "protocol.py":
                continue
            for nummer, regel in enumerate(pad.read_text().splitlines(), 1):
                if not BULK.search(regel) or "# historie:" in regel:
                    continue
                if re.search(r"\b(kwargs|data|velden|fouten|extra|context)\.update\(", regel):
                    continue  # a dict, not a queryset
                if re.search(r"\bdef \w+\(|super\(\)\.(bulk_update\(|update\(request)", regel):
                    continue  # RegelingQuerySet's guard around bulk_update; a view's update
                zonder.append(f"{pad.relative_to(ROOT)}:{nummer}: {regel.strip()}")
    assert zonder == []


def test_every_history_model_is_known_to_the_tests():
    historie = [m for m in apps.get_models() if is_historie(m)]
    assert historie and all(m._meta.app_label in ONZE_APPS for m in historie)

"""Roles: a redacteur edits what their organisation keeps (``houders()``), in the admin and the
API alike; a beheerder edits everything; a staff account without permissions writes nothing."""

import datetime
import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command
from django.urls import reverse

from agreements.constants import Rol, Vorm
from agreements.grip.models import Bijdrage, Procedurestap, Rapporteur, Vertegenwoordiger
from agreements.models import Deelname, HerindelingsMutatie, Regeling
from agreements.redactie.rollen import BEHEERDERS, REDACTEUREN, eigen
from municipalities.models import Gemeente, Herindeling
from registry.protocol import laatste_versie
from tests.conftest import LeestEerst, is_historie
from tests.factories import (
    ApiTokenFactory,
    BijdrageFactory,
    DeelnameFactory,
    EvaluatieFactory,
    GebruikerFactory,
    GemeenteFactory,
    HerindelingFactory,
    HerindelingsMutatieFactory,
    ProcedurestapFactory,
    RaadsafspraakFactory,
    RapporteurFactory,
    RedacteurFactory,
    RegelingFactory,
    VertegenwoordigerFactory,
)

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture
def register():
    """Voorschoten (A) and Leiden (B) in one regeling that neither keeps; a regeling that B
    carries out as centrumgemeente; facts of each gemeente in both."""
    a = GemeenteFactory(code="GM0626", naam="Voorschoten")
    b = GemeenteFactory(code="GM0546", naam="Leiden")
    samen = RegelingFactory(naam="Samen", vorm=Vorm.OPENBAAR_LICHAAM)
    van_b = RegelingFactory(naam="Van Leiden", vorm=Vorm.CENTRUMGEMEENTE)
    c = GemeenteFactory(code="GM0599", naam="Rotterdam")  # in neither regeling
    rijen = {"samen": samen, "van_b": van_b, "a": a, "b": b, "c": c}
    for gemeente, sleutel in ((a, "a"), (b, "b")):
        rijen[f"deelname_{sleutel}"] = DeelnameFactory(regeling=samen, gemeente=gemeente)
        rijen[f"vertegenwoordiger_{sleutel}"] = VertegenwoordigerFactory(
            regeling=samen, gemeente=gemeente
        )
        rijen[f"rapporteur_{sleutel}"] = RapporteurFactory(regeling=samen, gemeente=gemeente)
        rijen[f"bijdrage_{sleutel}"] = BijdrageFactory(regeling=samen, gemeente=gemeente)
        rijen[f"procedurestap_{sleutel}"] = ProcedurestapFactory(regeling=samen, gemeente=gemeente)
        rijen[f"raadsafspraak_{sleutel}"] = RaadsafspraakFactory(gemeente=gemeente)
    DeelnameFactory(regeling=van_b, gemeente=b, rol=Rol.CENTRUMGEMEENTE)
    rijen["deelname_a_bij_b"] = DeelnameFactory(regeling=van_b, gemeente=a)
    return rijen


@pytest.fixture
def redacteur_a(register):
    return RedacteurFactory(gemeenten=[register["a"]]).gebruiker


@pytest.fixture
def admin_a(client, redacteur_a):
    client.force_login(redacteur_a)
    return client


@pytest.fixture
def api_a(redacteur_a):
    api = LeestEerst()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {ApiTokenFactory(gebruiker=redacteur_a).tekst}")
    return api


# One concept: houders() of an object and houders_q() of its model agree.


def editable_models():
    return [
        model
        for label in ("municipalities", "agreements", "grip")
        for model in apps.get_app_config(label).get_models()
        if not is_historie(model)
    ]


def test_every_model_says_who_keeps_it_and_the_queryset_agrees(register):
    sleutels = [
        frozenset({"GM0626"}),
        frozenset({"GM0546"}),
        frozenset({f"regeling:{register['samen'].slug}"}),
        frozenset({"GM0626", f"regeling:{register['van_b'].slug}"}),
    ]
    EvaluatieFactory(regeling=register["samen"])  # about the regeling as a whole
    for model in editable_models():
        objecten = list(model.objects.all())
        for keys in sleutels:
            verwacht = {obj.pk for obj in objecten if obj.houders() & keys}
            gevonden = set(model.objects.filter(model.houders_q(keys)).values_list("pk", flat=True))
            assert gevonden == verwacht, (model.__name__, keys)


def test_a_gemeente_keeps_its_deelnames_and_facts_a_regeling_its_own_data(register):
    a, b, van_b = register["a"], register["b"], register["van_b"]
    assert a.houders() == {"GM0626"}
    assert register["samen"].houders() == {f"regeling:{register['samen'].slug}"}
    assert van_b.houders() == {f"regeling:{van_b.slug}", "GM0546"}  # the centrumgemeente
    assert register["deelname_a"].houders() == {"GM0626", f"regeling:{register['samen'].slug}"}
    assert register["deelname_a_bij_b"].houders() == {"GM0626", "GM0546", f"regeling:{van_b.slug}"}
    assert register["vertegenwoordiger_b"].houders() == {b.code}
    stap = ProcedurestapFactory(regeling=van_b, voor_alle_deelnemers=True)
    assert stap.houders() == van_b.houders()


# The admin.


def ids(response) -> set[int]:
    return {obj.pk for obj in response.context["cl"].result_list}


@pytest.mark.parametrize(
    ("model", "naam"),
    [
        (Deelname, "deelname"),
        (Vertegenwoordiger, "vertegenwoordiger"),
        (Rapporteur, "rapporteur"),
        (Bijdrage, "bijdrage"),
        (Procedurestap, "procedurestap"),
    ],
)
def test_the_admin_lists_changes_and_deletes_only_what_the_redacteur_keeps(
    admin_a, admin_url, register, model, naam
):
    eigen_rij, andere = register[f"{naam}_a"], register[f"{naam}_b"]
    response = admin_a.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    assert eigen_rij.pk in ids(response)
    assert andere.pk not in ids(response)

    assert admin_a.get(admin_url(model, "change", eigen_rij.pk)).status_code == 200
    # Another gemeente's row "does not exist" for this redacteur: a redirect, not the form.
    assert admin_a.get(admin_url(model, "change", andere.pk)).status_code == 302
    assert admin_a.get(admin_url(model, "delete", andere.pk)).status_code == 302
    admin_a.post(admin_url(model, "delete", andere.pk), {"post": "yes"})
    admin_a.post(
        admin_url(model, "changelist"),
        {"action": "delete_selected", "_selected_action": [andere.pk], "post": "yes"},
    )
    assert model.objects.filter(pk=andere.pk).exists()


def test_the_redacteur_edits_the_own_deelname_but_cannot_give_it_away(admin_a, admin_url, register):
    deelname = register["deelname_a"]
    url = admin_url(Deelname, "change", deelname.pk)
    data = {
        "regeling": deelname.regeling.pk,
        "gemeente": deelname.gemeente.pk,
        "rol": Rol.DEELNEMER,
        "begindatum": "2015-01-01",
        "versie_bij_openen": laatste_versie(deelname),
    }
    assert admin_a.post(url, data).status_code == 302
    deelname.refresh_from_db()
    assert deelname.begindatum == datetime.date(2015, 1, 1)

    data["versie_bij_openen"] = laatste_versie(deelname)
    response = admin_a.post(url, {**data, "gemeente": register["c"].pk})
    assert response.status_code == 200
    assert "alleen gegevens vastleggen die uw eigen organisatie bijhoudt" in (
        response.content.decode()
    )
    deelname.refresh_from_db()
    assert deelname.gemeente == register["a"]


def test_the_redacteur_adds_only_what_the_own_organisation_keeps(admin_a, admin_url, register):
    url = admin_url(Rapporteur, "add")
    data = {
        "regeling": register["samen"].pk,
        "naam": "J. Jansen",
        "begindatum": "2024-01-01",
    }
    assert admin_a.post(url, {**data, "gemeente": register["b"].pk}).status_code == 200
    assert not Rapporteur.objects.filter(naam="J. Jansen").exists()
    assert admin_a.post(url, {**data, "gemeente": register["a"].pk}).status_code == 302
    assert Rapporteur.objects.get(naam="J. Jansen").gemeente == register["a"]


def test_autocomplete_offers_only_the_own_gemeenten(admin_a, register):
    response = admin_a.get(
        reverse("admin:autocomplete"),
        {"app_label": "agreements", "model_name": "deelname", "field_name": "gemeente"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == [str(register["a"])]


def test_autocomplete_offers_every_regeling_to_refer_to(admin_a, register):
    response = admin_a.get(
        reverse("admin:autocomplete"),
        {"app_label": "agreements", "model_name": "deelname", "field_name": "regeling"},
    )
    assert {r["text"] for r in response.json()["results"]} == {"Samen", "Van Leiden"}
    lijst = admin_a.get(reverse("admin:agreements_regeling_changelist"))
    assert ids(lijst) == set()  # but changes none of them


def test_the_regeling_page_of_a_centrumgemeente_shows_only_its_own_grip_rows(
    client, admin_url, register
):
    b, van_b = register["b"], register["van_b"]
    eigen_rij = VertegenwoordigerFactory(regeling=van_b, gemeente=b)
    andere = VertegenwoordigerFactory(regeling=van_b, gemeente=register["a"])
    client.force_login(RedacteurFactory(gemeenten=[b]).gebruiker)
    response = client.get(admin_url(Regeling, "change", van_b.pk))
    assert response.status_code == 200
    formsets = {f.formset.prefix: f for f in response.context["inline_admin_formsets"]}
    rijen = {form.instance.pk for form in formsets["vertegenwoordigers"].formset.forms}
    assert rijen == {eigen_rij.pk}
    assert andere.pk not in rijen
    # The regeling nobody of B keeps is not B's to change.
    assert client.get(admin_url(Regeling, "change", register["samen"].pk)).status_code == 302


def test_a_redacteur_sees_no_herindeling_and_cannot_run_one(admin_a, admin_url, register):
    herindeling = HerindelingFactory(opgeheven=[register["a"]], opvolger=register["b"])
    url = admin_url(Herindeling, "changelist")
    assert ids(admin_a.get(url)) == set()
    admin_a.post(url, {"action": "doorvoeren", "_selected_action": [herindeling.pk]})
    herindeling.refresh_from_db()
    assert herindeling.toegepast_op is None


def test_a_user_who_may_only_view_herindelingen_cannot_apply_or_undo_them(
    client, admin_url, register, django_user_model
):
    from django.contrib.auth.models import Permission

    gebruiker = GebruikerFactory()
    gebruiker.user_permissions.add(Permission.objects.get(codename="view_herindeling"))
    client.force_login(gebruiker)
    herindeling = HerindelingFactory(opgeheven=[register["a"]], opvolger=register["b"])
    url = admin_url(Herindeling, "changelist")
    response = client.get(url)
    assert response.status_code == 200
    assert "doorvoeren" not in dict(
        response.context["cl"].model_admin.get_actions(response.wsgi_request)
    )
    for actie in ("doorvoeren", "ongedaan_maken"):
        client.post(url, {"action": actie, "_selected_action": [herindeling.pk]})
    herindeling.refresh_from_db()
    assert herindeling.toegepast_op is None


def test_a_beheerder_edits_everything(client, admin_url, register):
    client.force_login(GebruikerFactory(groepen=[BEHEERDERS]))
    response = client.get(admin_url(Deelname, "changelist"))
    assert ids(response) == set(Deelname.objects.values_list("pk", flat=True))
    assert client.get(admin_url(Deelname, "change", register["deelname_b"].pk)).status_code == 200


def test_the_queryset_helper_limits_to_what_a_user_keeps(register, redacteur_a):
    assert set(eigen(Deelname.objects.all(), redacteur_a)) == {
        register["deelname_a"],
        register["deelname_a_bij_b"],
    }
    zonder = GebruikerFactory(groepen=[REDACTEUREN])  # a redacteur of no organisation
    assert not eigen(Deelname.objects.all(), zonder).exists()
    assert not eigen(Deelname.objects.all(), AnonymousUser()).exists()
    redacteur_a.is_active = False
    assert not eigen(Deelname.objects.all(), redacteur_a).exists()


# The API.


def test_the_api_lets_a_redacteur_write_only_what_the_organisation_keeps(api_a, register, stand):
    a, b = register["deelname_a"], register["deelname_b"]
    response = api_a.patch(f"/api/v1/deelnames/{a.uuid}", {"toelichting": "Eigen"}, format="json")
    assert response.status_code == 200, response.content
    voor = stand()
    for response in [
        api_a.patch(f"/api/v1/deelnames/{b.uuid}", {"toelichting": "Niet"}, format="json"),
        api_a.delete(f"/api/v1/deelnames/{b.uuid}"),
        api_a.patch(f"/api/v1/deelnames/{a.uuid}", {"gemeente": "GM0599"}, format="json"),
        api_a.post(
            "/api/v1/deelnames",
            {"regeling": register["samen"].slug, "gemeente": "GM0599"},
            format="json",
        ),
        api_a.patch(
            f"/api/v1/vertegenwoordigers/{register['vertegenwoordiger_b'].uuid}",
            {"naam": "Niet"},
            format="json",
        ),
        api_a.patch("/api/v1/gemeenten/GM0546", {"naam": "Niet"}, format="json"),
        api_a.patch(
            f"/api/v1/regelingen/{register['samen'].slug}", {"naam": "Niet"}, format="json"
        ),
        api_a.delete("/api/v1/raadsafspraken/GM0546"),
    ]:
        assert response.status_code == 403, (response.request, response.content)
        assert response["Content-Type"] == PROBLEM
    assert stand() == voor
    response = api_a.post(
        "/api/v1/rapporteurs",
        {
            "regeling": register["samen"].slug,
            "gemeente": "GM0626",
            "naam": "P. de Vries",
            "begindatum": "2024-01-01",
        },
        format="json",
    )
    assert response.status_code == 201, response.content


def test_a_staff_user_without_permissions_cannot_write_through_the_api(api, register, stand):
    staf = GebruikerFactory()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {ApiTokenFactory(gebruiker=staf).tekst}")
    voor = stand()
    samen = register["samen"]
    for response in [
        api.delete(f"/api/v1/regelingen/{samen.slug}"),
        api.patch(f"/api/v1/regelingen/{samen.slug}", {"naam": "Anders"}, format="json"),
        api.patch(f"/api/v1/deelnames/{register['deelname_a'].uuid}", {}, format="json"),
        api.post("/api/v1/gemeenten", {"code": "GM9999", "naam": "Nieuw"}, format="json"),
    ]:
        assert response.status_code == 403, response.request
    assert stand() == voor


# Identifiers and deletion.


def test_identifiers_are_fixed_in_the_model(register):
    gemeente = Gemeente.objects.get(code="GM0626")
    gemeente.code = "GM0627"
    with pytest.raises(Exception, match="ligt vast"):
        gemeente.full_clean()
    with pytest.raises(Exception, match="ligt vast"):
        gemeente.save()
    regeling = Regeling.objects.get(pk=register["samen"].pk)
    regeling.slug = "anders"
    with pytest.raises(Exception, match="ligt vast"):
        regeling.save()
    assert Regeling.objects.filter(slug=register["samen"].slug).exists()


def test_identifiers_are_refused_by_the_api_and_read_only_in_the_admin(
    leest_eerst_api, admin_client, admin_url, register
):
    samen = register["samen"]
    response = leest_eerst_api.patch(
        f"/api/v1/regelingen/{samen.slug}", {"identificatie": "anders"}, format="json"
    )
    assert response.status_code == 400, response.content
    assert "ligt vast" in response.json()["invalidParams"][0]["reason"]
    response = leest_eerst_api.patch("/api/v1/gemeenten/GM0626", {"code": "GM0627"}, format="json")
    assert response.status_code == 400
    assert Gemeente.objects.filter(code="GM0626").exists()

    response = admin_client.get(admin_url(Gemeente, "change", register["a"].pk))
    assert "code" not in response.context["adminform"].form.fields
    response = admin_client.get(admin_url(Regeling, "change", samen.pk))
    assert "slug" not in response.context["adminform"].form.fields
    assert "slug" in admin_client.get(admin_url(Regeling, "add")).context["adminform"].form.fields


def test_a_regeling_or_gemeente_with_deelnames_is_not_deleted(
    leest_eerst_api, admin_client, admin_url, register
):
    samen = register["samen"]
    response = leest_eerst_api.delete(f"/api/v1/regelingen/{samen.slug}")
    assert response.status_code == 409
    assert response["Content-Type"] == PROBLEM
    assert "beëindig de regeling (einddatum)" in response.json()["detail"]
    assert leest_eerst_api.delete("/api/v1/gemeenten/GM0626").status_code == 409
    assert Regeling.objects.filter(pk=samen.pk).exists()

    response = admin_client.post(admin_url(Regeling, "delete", samen.pk), {"post": "yes"})
    assert response.status_code == 200  # the page that lists what protects it
    assert "beëindig de regeling" in response.content.decode()
    assert Regeling.objects.filter(pk=samen.pk).exists()
    assert Deelname.objects.filter(regeling=samen).count() == 2


def test_a_tampered_inline_row_of_another_gemeente_is_a_form_error(
    client, admin_url, register, regeling_formulier
):
    b, van_b = register["b"], register["van_b"]
    andere = VertegenwoordigerFactory(regeling=van_b, gemeente=register["a"], naam="A. de Vries")
    client.force_login(RedacteurFactory(gemeenten=[b]).gebruiker)
    data = regeling_formulier(van_b)
    data.update(
        {
            "vertegenwoordigers-TOTAL_FORMS": "1",
            "vertegenwoordigers-INITIAL_FORMS": "1",
            "vertegenwoordigers-0-id": str(andere.pk),
            "vertegenwoordigers-0-regeling": str(van_b.pk),
            "vertegenwoordigers-0-gemeente": str(register["a"].pk),
            "vertegenwoordigers-0-naam": "Overschreven",
            "vertegenwoordigers-0-functie": andere.functie,
            "vertegenwoordigers-0-orgaan": andere.orgaan,
            "vertegenwoordigers-0-begindatum": "2022-06-01",
        }
    )
    response = client.post(admin_url(Regeling, "change", van_b.pk), data)
    assert response.status_code == 200  # the form again, with the error
    andere.refresh_from_db()
    assert andere.naam == "A. de Vries"


def test_a_redacteur_changes_the_own_gemeente_only(admin_a, admin_url, register):
    assert admin_a.get(admin_url(Gemeente, "change", register["a"].pk)).status_code == 200
    assert admin_a.get(admin_url(Gemeente, "change", register["b"].pk)).status_code == 302
    lijst = admin_a.get(admin_url(Gemeente, "changelist"))
    assert ids(lijst) == {register["a"].pk}


def test_an_applied_herindeling_keeps_its_trace(admin_client, admin_url):
    mutatie = HerindelingsMutatieFactory()
    herindeling = mutatie.herindeling
    response = admin_client.post(admin_url(Herindeling, "delete", herindeling.pk), {"post": "yes"})
    assert response.status_code == 200  # the page that lists what protects it
    assert Herindeling.objects.filter(pk=herindeling.pk).exists()
    assert HerindelingsMutatie.objects.filter(pk=mutatie.pk).exists()


def test_the_command_makes_a_redacteur_of_a_gemeente_who_edits_only_its_own(register):
    uit = io.StringIO()
    call_command(
        "maak_redacteur", "griffie-a", "--gemeente", register["a"].code.lower(), stdout=uit
    )
    assert register["a"].code in uit.getvalue()
    gebruiker = get_user_model().objects.get(username="griffie-a")
    assert gebruiker.is_staff and not gebruiker.has_usable_password()
    assert set(eigen(Deelname.objects.all(), gebruiker)) == {
        register["deelname_a"],
        register["deelname_a_bij_b"],
    }
    assert gebruiker.redacteur.history.filter(kanaal="commando").exists()
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("maak_redacteur", "griffie-x", "--gemeente", "GM9999")

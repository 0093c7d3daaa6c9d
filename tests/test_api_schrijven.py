import pytest
from django.db import IntegrityError

from agreements.models import Deelname, Regeling
from tests.conftest import if_match
from tests.factories import DeelnameFactory, GemeenteFactory, RegelingFactory

pytestmark = pytest.mark.django_db

NIEUWE_REGELING = {
    "naam": "Gemeenschappelijke regeling Testverband",
    "vorm": "OL",
    "status": "in_werking",
    "bron": "Besluit van de colleges",
    "bevoegdheidsverkrijgingen": ["mandaat"],
}


def test_reading_is_public_but_writing_needs_a_login(api, db):
    response = api.post("/api/v1/regelingen", NIEUWE_REGELING, format="json")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert not Regeling.objects.exists()


def test_a_logged_in_user_who_is_not_staff_may_not_write(api, django_user_model, stand):
    deelname = DeelnameFactory()
    regeling, gemeente = deelname.regeling, deelname.gemeente
    voor = stand()
    api.force_authenticate(django_user_model.objects.create_user("raadslid"))
    assert api.post("/api/v1/regelingen", NIEUWE_REGELING, format="json").status_code == 403
    for response in [
        api.patch(f"/api/v1/regelingen/{regeling.slug}", {"naam": "Anders"}, format="json"),
        api.put(f"/api/v1/regelingen/{regeling.slug}", NIEUWE_REGELING, format="json"),
        api.delete(f"/api/v1/regelingen/{regeling.slug}"),
        api.delete(f"/api/v1/deelnames/{deelname.uuid}"),
        api.patch(f"/api/v1/gemeenten/{gemeente.code}", {"naam": "Anders"}, format="json"),
        api.post("/api/v1/deelnames", {"regeling": regeling.slug, "gemeente": gemeente.code}),
    ]:
        assert response.status_code == 403, response.request
        assert response["Content-Type"] == "application/problem+json"
    assert stand() == voor


def test_staff_creates_a_regeling(beheerder_api):
    response = beheerder_api.post("/api/v1/regelingen", NIEUWE_REGELING, format="json")
    assert response.status_code == 201, response.content
    regeling = Regeling.objects.get()
    assert regeling.slug == "gemeenschappelijke-regeling-testverband"
    assert regeling.mandaat and not regeling.delegatie


def test_the_model_rules_give_a_400_with_dutch_reasons(beheerder_api):
    body = {**NIEUWE_REGELING, "vorm": "RZM", "oin": "00000001823662330000"}
    response = beheerder_api.post("/api/v1/regelingen", body, format="json")
    assert response.status_code == 400
    redenen = [p["reason"] for p in response.json()["invalidParams"]]
    assert any("eigen rechtspersoonlijkheid" in reden for reden in redenen)
    assert not Regeling.objects.exists()


def test_an_overlapping_deelname_is_a_400_not_a_500(beheerder_api):
    bestaand = DeelnameFactory()
    body = {"regeling": bestaand.regeling.slug, "gemeente": bestaand.gemeente.code}
    response = beheerder_api.post("/api/v1/deelnames", body, format="json")
    assert response.status_code == 400
    assert "neemt in deze periode al deel" in response.content.decode()
    assert Deelname.objects.count() == 1


def test_a_deelname_needs_exactly_one_deelnemer(beheerder_api):
    regeling = RegelingFactory()
    response = beheerder_api.post("/api/v1/deelnames", {"regeling": regeling.slug}, format="json")
    assert response.status_code == 400
    assert not Deelname.objects.exists()


def test_bestuursorganen_are_written_as_a_list(beheerder_api):
    regeling, gemeente = RegelingFactory(), GemeenteFactory()
    body = {
        "regeling": regeling.slug,
        "gemeente": gemeente.code,
        "bestuursorganen": ["raad", "burgemeester"],
        "begindatum": "2020-01-01",
    }
    response = beheerder_api.post("/api/v1/deelnames", body, format="json")
    assert response.status_code == 201, response.content
    deelname = Deelname.objects.get()
    assert (deelname.namens_raad, deelname.namens_college, deelname.namens_burgemeester) == (
        True,
        False,
        True,
    )


def test_a_malformed_body_is_a_400_problem(beheerder_api):
    response = beheerder_api.generic(
        "POST", "/api/v1/regelingen", "{niet json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert not Regeling.objects.exists()


def test_deleting_a_gemeente_that_takes_part_is_a_409(beheerder_api, stand):
    deelname = DeelnameFactory()
    voor = stand()
    adres = f"/api/v1/gemeenten/{deelname.gemeente.code}"
    response = beheerder_api.delete(adres, **if_match(beheerder_api, adres))
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert stand() == voor  # the gemeente and its deelname are still there


def test_patch_changes_only_what_is_sent(beheerder_api):
    regeling = RegelingFactory(afkorting="")
    adres = f"/api/v1/regelingen/{regeling.slug}"
    response = beheerder_api.patch(
        adres, {"afkorting": "TV"}, format="json", **if_match(beheerder_api, adres)
    )
    assert response.status_code == 200, response.content
    regeling.refresh_from_db()
    assert regeling.afkorting == "TV"
    assert regeling.bron == "Testgegevens"


def test_a_duplicate_identificatie_is_explained(beheerder_api):
    RegelingFactory(slug="testverband")
    body = {**NIEUWE_REGELING, "identificatie": "testverband"}
    response = beheerder_api.post("/api/v1/regelingen", body, format="json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "identificatie"
    assert Regeling.objects.get().naam != NIEUWE_REGELING["naam"]  # the first one, unchanged


def test_a_partner_code_is_stored_in_lower_case(beheerder_api):
    body = {"naam": "Provincie Zuid-Holland", "soort": "provincie", "code": "PV28"}
    response = beheerder_api.post("/api/v1/partners", body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["code"] == "pv28"


def test_a_write_the_database_refuses_after_validation_is_a_400_not_a_500(
    beheerder_api, monkeypatch
):
    def weiger(*args, **kwargs):
        raise IntegrityError("regeling_oin_kvk_alleen_met_rechtspersoonlijkheid")

    monkeypatch.setattr(Regeling, "save", weiger)  # e.g. a concurrent write got there first
    response = beheerder_api.post("/api/v1/regelingen", NIEUWE_REGELING, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"] == [
        {
            "name": "nonFieldErrors",
            "code": "integrity",
            "reason": "De gegevens zijn in strijd met een regel van het register.",
        }
    ]


@pytest.mark.parametrize(
    "veld, waarde",
    [
        ("naam", 0),
        ("bronRegistratienummer", 12),
        ("hoofdthema", ""),
        ("hoofdthema", 0),
        ("deelnemersVolledig", 0),
        ("themas", [0]),
        ("themas", {}),
        ("bevoegdheidsverkrijgingen", {}),
    ],
)
def test_a_write_is_as_strict_as_the_schema(beheerder_api, db, veld, waarde):
    response = beheerder_api.post(
        "/api/v1/themas" if veld in ("naam", "hoofdthema") else "/api/v1/regelingen",
        {"identificatie": "streng", "naam": "Streng", veld: waarde},
        format="json",
    )
    assert response.status_code == 400
    assert veld in {p["name"] for p in response.json()["invalidParams"]}

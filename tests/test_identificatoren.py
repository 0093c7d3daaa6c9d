"""Every identifier the data knows, both ways: shown in pages and API, and found by the API."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agreements.models import Regeling
from municipalities.models import Gemeente, Partner
from tests.factories import GemeenteFactory, RegelingVersieFactory

pytestmark = pytest.mark.django_db

TOOI = "https://identifier.overheid.nl/tooi/id/"


def test_the_tooi_uri_of_voorschoten_finds_voorschoten(api, voorbeelddata):
    response = api.get("/api/v1/gemeenten", {"tooi": f"{TOOI}gemeente/gm0626"})
    assert response.status_code == 200
    assert [g["naam"] for g in response.json()] == ["Voorschoten"]


def test_voorschoten_carries_every_identifier_with_its_source(api, voorbeelddata):
    data = api.get("/api/v1/gemeenten/GM0626").json()
    assert data["tooi"] == f"{TOOI}gemeente/gm0626"
    assert data["organisatiecode"] == "gm0626"
    assert data["rooId"] == "35396"
    assert data["oin"] == "00000001001797621000"
    assert data["kvkNummer"] == "27381083"
    assert data["rsin"] == "001797621"
    assert data["wikidata"] == "Q848324"


@pytest.mark.parametrize(
    "parameter, waarde",
    [
        ("oin", "00000001001797621000"),
        ("kvkNummer", "27381083"),
        ("rsin", "001797621"),
        ("wikidata", "q848324"),
        ("rooId", "35396"),
        ("organisatiecode", "GM0626"),
        ("tooi", f"{TOOI.upper()}GEMEENTE/GM0626"),
    ],
)
def test_a_gemeente_is_found_by_any_identifier(api, voorbeelddata, parameter, waarde):
    response = api.get("/api/v1/gemeenten", {parameter: waarde})
    assert [g["code"] for g in response.json()] == ["GM0626"]


@pytest.mark.parametrize(
    "parameter, waarde",
    [("oin", "1" * 20), ("tooi", "https://example.org/gm0626"), ("wikidata", "Q1")],
)
def test_an_identifier_nobody_has_finds_nothing(api, voorbeelddata, parameter, waarde):
    response = api.get("/api/v1/gemeenten", {parameter: waarde})
    assert response.status_code == 200
    assert response.json() == []


def test_a_partner_is_found_by_its_tooi_and_oin(api, voorbeelddata):
    zuid_holland = api.get("/api/v1/partners", {"tooi": f"{TOOI}provincie/pv28"}).json()
    assert [p["identificatie"] for p in zuid_holland] == ["pv28"]
    assert zuid_holland[0]["wikidata"] == "Q694"
    oin = zuid_holland[0]["oin"]
    assert [p["code"] for p in api.get("/api/v1/partners", {"oin": oin}).json()] == ["pv28"]


def test_a_regeling_is_found_by_the_roo_id_of_a_version(api, voorbeelddata):
    versie = RegelingVersieFactory(roo_id="99990001")
    response = api.get("/api/v1/regelingen", {"rooId": "99990001", "status": "alle"})
    assert [r["identificatie"] for r in response.json()] == [versie.regeling.slug]
    assert api.get("/api/v1/regelingen", {"rooId": "99990002"}).json() == []


def test_a_regeling_with_an_organisatiecode_has_a_tooi_and_is_found_by_it(api, voorbeelddata):
    regeling = Regeling.objects.exclude(organisatiecode="").filter(status="in_werking").first()
    data = api.get(f"/api/v1/regelingen/{regeling.slug}").json()
    assert data["tooi"] == f"{TOOI}so/{regeling.organisatiecode}"
    gevonden = api.get("/api/v1/regelingen", {"tooi": data["tooi"], "status": "alle"}).json()
    assert [r["identificatie"] for r in gevonden] == [regeling.slug]


def test_the_pages_show_the_identifiers_and_unknown_as_unknown(client, voorbeelddata):
    pagina = client.get("/gemeenten/GM0626").content.decode()
    for waarde in ("GM0626", "gm0626", "35396", "00000001001797621000", "27381083", "001797621"):
        assert waarde in pagina
    assert 'href="https://www.wikidata.org/wiki/Q848324"' in pagina
    gemeente = GemeenteFactory(code="GM9998", naam="Nergenshuizen")
    pagina = client.get(gemeente.get_absolute_url()).content.decode()
    lijst = pagina.split('id="identificatoren"')[1]
    assert "<dt>OIN</dt><dd>onbekend</dd>" in lijst
    assert "<dt>Wikidata</dt><dd>onbekend</dd>" in lijst
    partner = Partner.objects.get(code="pv28")
    assert "Q694" in client.get(partner.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "veld, waarde", [("rsin", "12345"), ("wikidata", "848324"), ("roo_id", "abc")]
)
def test_the_database_refuses_an_identifier_in_the_wrong_format(voorbeelddata, veld, waarde):
    gemeente = Gemeente.objects.get(code="GM0626")
    setattr(gemeente, veld, waarde)
    with pytest.raises(ValidationError):
        gemeente.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Gemeente.objects.filter(pk=gemeente.pk).update(**{veld: waarde})

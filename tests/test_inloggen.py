"""Signing in: the admin login locks after repeated failures (django-axes), the organisation's
identity provider signs a redacteur in (OpenID Connect against a fake provider, no network),
and anonymous API reads are throttled (429 problem+json with Retry-After)."""

import time
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
import responses
from django.contrib.auth import get_user_model
from django.urls import include, path, reverse

from agreements.redactie.models import Redacteur
from agreements.redactie.rollen import REDACTEUREN
from registry.urls import urlpatterns as register_urls
from tests.factories import ApiTokenFactory, GemeenteFactory, RegelingFactory

pytestmark = pytest.mark.django_db

# The addresses with the OIDC views on, as registry/urls.py adds them when OIDC_RP_CLIENT_ID
# is set.
urlpatterns = [path("oidc/", include("mozilla_django_oidc.urls")), *register_urls]


@pytest.fixture
def snel_wachtwoord(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def inloggen(client, gebruikersnaam, wachtwoord):
    return client.post(
        reverse("admin:login"),
        {"username": gebruikersnaam, "password": wachtwoord, "next": "/admin/"},
    )


def test_the_admin_login_locks_after_30_failures_for_that_name_from_that_address(
    client, settings, snel_wachtwoord, django_user_model
):
    django_user_model.objects.create_user("redacteur", password="Juist-wachtwoord-1", is_staff=True)
    django_user_model.objects.create_user("collega", password="Ook-juist-2", is_staff=True)
    assert settings.AXES_FAILURE_LIMIT == 30
    antwoorden = [inloggen(client, "redacteur", "fout").status_code for _ in range(30)]
    assert antwoorden == [200] * 29 + [429]
    # The 31st attempt, with the right password, is refused too: the account is locked here.
    response = inloggen(client, "redacteur", "Juist-wachtwoord-1")
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked (username and address together).
    assert inloggen(client, "collega", "Ook-juist-2").status_code == 302


def test_a_successful_login_resets_the_count(client, snel_wachtwoord, django_user_model):
    django_user_model.objects.create_user("redacteur", password="Juist-wachtwoord-1", is_staff=True)
    for _ in range(29):
        inloggen(client, "redacteur", "fout")
    assert inloggen(client, "redacteur", "Juist-wachtwoord-1").status_code == 302
    client.logout()
    assert inloggen(client, "redacteur", "fout").status_code == 200


# OpenID Connect against a fake identity provider.

IDP = "https://idp.example.org"


@pytest.fixture
def oidc(settings):
    settings.OIDC_RP_CLIENT_ID = "register"
    settings.OIDC_RP_CLIENT_SECRET = "gedeeld-geheim-van-minstens-32-tekens"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{IDP}/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{IDP}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{IDP}/userinfo"
    settings.OIDC_RP_SIGN_ALGO = "HS256"
    settings.OIDC_CLAIM_ORGANISATIES = "organisaties"
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "agreements.redactie.oidc.OrganisatieBackend",
    ]
    return settings


def aanmelden_bij_idp(client, settings, claims) -> object:
    """Start the sign-in, let the fake provider answer, and follow the callback."""
    response = client.get("/oidc/authenticate/")
    assert response.status_code == 302
    vraag = parse_qs(urlparse(response["Location"]).query)
    assert response["Location"].startswith(f"{IDP}/auth")
    id_token = jwt.encode(
        {
            "iss": IDP,
            "aud": "register",
            "sub": claims["sub"],
            "nonce": vraag["nonce"][0],
            "exp": int(time.time()) + 300,
        },
        settings.OIDC_RP_CLIENT_SECRET,
        algorithm="HS256",
    )
    with responses.RequestsMock() as idp:
        idp.post(f"{IDP}/token", json={"id_token": id_token, "access_token": "toegang"})
        idp.get(f"{IDP}/userinfo", json=claims)
        return client.get("/oidc/callback/", {"code": "code-1", "state": vraag["state"][0]})


@pytest.mark.urls(__name__)
def test_the_identity_provider_signs_in_a_redacteur_of_the_organisations_it_names(client, oidc):
    voorschoten = GemeenteFactory(code="GM0626")
    regeling = RegelingFactory(slug="holland-rijnland")
    claims = {
        "sub": "abc-123",
        "preferred_username": "j.jansen@voorschoten.nl",
        "email": "j.jansen@voorschoten.nl",
        "given_name": "Jan",
        "family_name": "Jansen",
        "organisaties": ["gm0626", "regeling:holland-rijnland"],
    }
    response = aanmelden_bij_idp(client, oidc, claims)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    gebruiker = get_user_model().objects.get(username="j.jansen@voorschoten.nl")
    assert client.session["_auth_user_id"] == str(gebruiker.pk)
    assert gebruiker.is_staff and not gebruiker.is_superuser
    assert list(gebruiker.groups.values_list("name", flat=True)) == [REDACTEUREN]
    redacteur = Redacteur.objects.get(gebruiker=gebruiker)
    assert list(redacteur.gemeenten.all()) == [voorschoten]
    assert list(redacteur.regelingen.all()) == [regeling]
    assert client.get("/admin/").status_code == 200

    # At the next sign-in the claim decides again.
    client.logout()
    aanmelden_bij_idp(client, oidc, {**claims, "organisaties": []})
    assert not redacteur.gemeenten.exists()


@pytest.mark.urls(__name__)
def test_the_identity_provider_without_a_username_signs_nobody_in(client, oidc):
    response = aanmelden_bij_idp(client, oidc, {"sub": "abc-123"})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert not get_user_model().objects.exists()


def test_without_oidc_settings_there_is_no_oidc_address(client):
    assert client.get("/oidc/authenticate/").status_code == 404
    assert "Inloggen via uw organisatie" not in client.get(reverse("admin:login")).content.decode()


# Throttling.


def test_anonymous_reads_beyond_the_limit_get_a_429_with_retry_after(api, settings):
    settings.API_LIMIET_ANONIEM = "3/min"
    assert [api.get("/api/v1/themas").status_code for _ in range(3)] == [200] * 3
    response = api.get("/api/v1/themas")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert 0 < int(response["Retry-After"]) <= 60
    assert "Te veel verzoeken" in response.json()["detail"]
    # A user with a token has a limit of their own.
    token = ApiTokenFactory().tekst
    assert api.get("/api/v1/themas", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


# OIDC is configured by the environment alone.


def test_oidc_is_off_without_a_client_id_and_on_with_its_addresses(monkeypatch):
    from tests.test_instellingen import lees_instellingen

    uit = lees_instellingen(monkeypatch, OIDC_RP_CLIENT_ID=None)
    assert "agreements.redactie.oidc.OrganisatieBackend" not in uit["AUTHENTICATION_BACKENDS"]
    with pytest.raises(RuntimeError, match="zet ook OIDC_OP_TOKEN_ENDPOINT"):
        lees_instellingen(
            monkeypatch,
            OIDC_RP_CLIENT_ID="register",
            OIDC_OP_AUTHORIZATION_ENDPOINT=f"{IDP}/auth",
            OIDC_OP_TOKEN_ENDPOINT=None,
            OIDC_OP_USER_ENDPOINT=f"{IDP}/userinfo",
        )
    aan = lees_instellingen(
        monkeypatch,
        OIDC_RP_CLIENT_ID="register",
        OIDC_OP_AUTHORIZATION_ENDPOINT=f"{IDP}/auth",
        OIDC_OP_TOKEN_ENDPOINT=f"{IDP}/token",
        OIDC_OP_USER_ENDPOINT=f"{IDP}/userinfo",
        OIDC_CLAIM_ORGANISATIES="organisaties",
    )
    assert aan["AUTHENTICATION_BACKENDS"][-1] == "agreements.redactie.oidc.OrganisatieBackend"
    assert aan["AUTHENTICATION_BACKENDS"][0] == "axes.backends.AxesStandaloneBackend"
    assert aan["OIDC_OP_TOKEN_ENDPOINT"] == f"{IDP}/token"
    assert aan["OIDC_CLAIM_ORGANISATIES"] == "organisaties"


@pytest.mark.parametrize(
    ("waarde", "lijst"),
    [
        ("GM0626, regeling:holland-rijnland", ["GM0626", "regeling:holland-rijnland"]),
        (["gm0626"], ["gm0626"]),
        (None, []),
        (42, []),
    ],
)
def test_the_organisations_claim_is_a_list_or_a_string(waarde, lijst):
    from agreements.redactie.oidc import als_lijst

    assert als_lijst(waarde) == lijst


@pytest.mark.urls(__name__)
def test_without_an_organisations_claim_the_organisations_stay_as_they_are(client, oidc):
    oidc.OIDC_CLAIM_ORGANISATIES = ""
    response = aanmelden_bij_idp(client, oidc, {"sub": "x", "preferred_username": "p.smit"})
    assert response.status_code == 302
    gebruiker = get_user_model().objects.get(username="p.smit")
    assert not Redacteur.objects.filter(gebruiker=gebruiker).exists()

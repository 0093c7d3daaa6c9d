"""Personal API tokens: made in the admin (shown once, stored as a SHA-256 hash), with an
expiry, withdrawn in the admin; ``Authorization: Bearer``. HTTP Basic is not accepted."""

import base64
import datetime
import hashlib
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from agreements.redactie.models import ApiToken
from agreements.redactie.rollen import BEHEERDERS
from tests.factories import ApiTokenFactory, DeelnameFactory, GebruikerFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture
def deelname():
    return DeelnameFactory()


def patch(api, deelname, **headers):
    """A PATCH of ``deelname`` with the If-Match of a GET, as a careful program sends it."""
    adres = f"/api/v1/deelnames/{deelname.uuid}"
    etag = api.get(adres, **headers).get("ETag", "")
    return api.patch(
        adres,
        {"toelichting": "Via een token"},
        format="json",
        HTTP_IF_MATCH=etag,
        **headers,
    )


def test_the_admin_shows_a_new_token_once_and_keeps_only_its_hash(client, admin_url):
    gebruiker = GebruikerFactory(groepen=[BEHEERDERS])
    client.force_login(gebruiker)
    verloopt = timezone.localdate() + datetime.timedelta(days=90)
    response = client.post(
        admin_url(ApiToken, "add"),
        {"gebruiker": gebruiker.pk, "naam": "koppeling", "verloopt_op": verloopt.isoformat()},
        follow=True,
    )
    assert response.status_code == 200
    berichten = " ".join(m.message for m in response.context["messages"])
    token = re.search(r"sr_[0-9a-f]{8}_[A-Za-z0-9_-]{43}", berichten)[0]
    opgeslagen = ApiToken.objects.get()
    assert opgeslagen.sleutel == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(list(ApiToken.objects.values()))
    # The change page never shows it again.
    pagina = client.get(admin_url(ApiToken, "change", opgeslagen.pk)).content.decode()
    assert token not in pagina
    assert opgeslagen.verloopt_op == verloopt


def test_the_expiry_is_required_and_at_most_a_year(client, admin_url):
    gebruiker = GebruikerFactory(groepen=[BEHEERDERS])
    client.force_login(gebruiker)
    url = admin_url(ApiToken, "add")
    for verloopt in [
        "",
        (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        (timezone.localdate() + datetime.timedelta(days=400)).isoformat(),
    ]:
        response = client.post(
            url, {"gebruiker": gebruiker.pk, "naam": "x", "verloopt_op": verloopt}
        )
        assert response.status_code == 200
    assert not ApiToken.objects.exists()


def test_a_bearer_token_writes_and_token_works_too(api, beheerder_token, deelname):
    assert (
        patch(api, deelname, HTTP_AUTHORIZATION=f"Bearer {beheerder_token.tekst}").status_code
        == 200
    )
    assert (
        patch(api, deelname, HTTP_AUTHORIZATION=f"Token {beheerder_token.tekst}").status_code == 200
    )
    deelname.refresh_from_db()
    assert deelname.toelichting == "Via een token"


@pytest.fixture
def beheerder_token():
    return ApiTokenFactory(gebruiker=GebruikerFactory(groepen=[BEHEERDERS]))


@pytest.mark.parametrize(
    ("kopregel", "reden"),
    [
        ("Bearer sr_00000000_" + "a" * 43, "bestaat niet"),
        ("Bearer onzin", "bestaat niet"),
        ("Bearer twee delen", "precies één token"),
        ("Bearer \u00e9", "bestaat niet"),
    ],
)
def test_an_unknown_token_is_a_401_problem(api, deelname, kopregel, reden):
    response = patch(api, deelname, HTTP_AUTHORIZATION=kopregel)
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert reden in response.json()["detail"]


def test_an_expired_or_withdrawn_token_is_refused(
    api, beheerder_token, deelname, client, admin_url
):
    ApiToken.objects.filter(pk=beheerder_token.pk).update(
        verloopt_op=timezone.localdate() - datetime.timedelta(days=1)
    )
    response = patch(api, deelname, HTTP_AUTHORIZATION=f"Bearer {beheerder_token.tekst}")
    assert response.status_code == 401
    assert "verlopen" in response.json()["detail"]

    token = ApiTokenFactory(gebruiker=GebruikerFactory(groepen=[BEHEERDERS]))
    client.force_login(token.gebruiker)
    client.post(
        admin_url(ApiToken, "changelist"), {"action": "intrekken", "_selected_action": [token.pk]}
    )
    token.refresh_from_db()
    assert token.ingetrokken_op is not None
    response = patch(api, deelname, HTTP_AUTHORIZATION=f"Bearer {token.tekst}")
    assert response.status_code == 401
    assert "ingetrokken" in response.json()["detail"]
    assert ApiToken.objects.filter(pk=token.pk).exists()  # withdrawn, not deleted


def test_a_redacteur_sees_and_makes_only_own_tokens(client, admin_url):
    from agreements.redactie.rollen import REDACTEUREN

    eigen = ApiTokenFactory(gebruiker=GebruikerFactory(groepen=[REDACTEUREN]))
    ander = ApiTokenFactory()
    client.force_login(eigen.gebruiker)
    lijst = client.get(admin_url(ApiToken, "changelist")).context["cl"].result_list
    assert list(lijst) == [eigen]
    verloopt = (timezone.localdate() + datetime.timedelta(days=5)).isoformat()
    client.post(
        admin_url(ApiToken, "add"),
        {"gebruiker": ander.gebruiker.pk, "naam": "tweede", "verloopt_op": verloopt},
    )
    assert ApiToken.objects.get(naam="tweede").gebruiker == eigen.gebruiker


def test_http_basic_is_not_accepted(api, admin_user, deelname):
    admin_user.set_password("geheim-wachtwoord")
    admin_user.save()
    basic = base64.b64encode(f"{admin_user.username}:geheim-wachtwoord".encode()).decode()
    response = patch(api, deelname, HTTP_AUTHORIZATION=f"Basic {basic}")
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM


def test_the_command_makes_a_token_that_works(api, deelname, capsys):
    gebruiker = GebruikerFactory(groepen=[BEHEERDERS])
    call_command("maak_token", gebruiker.username, "--naam", "schemathesis", "--dagen", "1")
    token = capsys.readouterr().out.strip()
    assert patch(api, deelname, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    assert ApiToken.objects.get().naam == "schemathesis"


def test_a_saved_token_cannot_be_changed_in_the_admin(client, admin_url, beheerder_token):
    client.force_login(beheerder_token.gebruiker)
    voor = ApiToken.objects.values().get()
    response = client.post(
        admin_url(ApiToken, "change", beheerder_token.pk), {"naam": "anders"}, follow=True
    )
    assert response.status_code == 200
    assert ApiToken.objects.values().get() == voor


def test_the_token_of_an_inactive_account_is_refused(api, beheerder_token, deelname):
    beheerder_token.gebruiker.is_active = False
    beheerder_token.gebruiker.save()
    response = patch(api, deelname, HTTP_AUTHORIZATION=f"Bearer {beheerder_token.tekst}")
    assert response.status_code == 401
    assert "niet actief" in response.json()["detail"]


@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [(["niemand"], "Er is geen gebruiker"), (["iemand", "--dagen", "400"], "0 tot 366 dagen")],
)
def test_the_command_explains_what_it_refuses(argumenten, melding):
    GebruikerFactory(username="iemand")
    with pytest.raises(CommandError, match=melding):
        call_command("maak_token", *argumenten)
    assert not ApiToken.objects.exists()

"""Klopt er iets niet? The form on the pages of regelingen and gemeenten, its defences against
bots and floods, the work list of the beheerders, and the removal of the melder's contact
details a set time after a melding is handled."""

import datetime
import io
import time

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from agreements.meldingen.constants import MAXIMALE_LENGTE, Onderdeel, Status
from agreements.meldingen.forms import HONINGPOT, TOKEN, formulier_token
from agreements.meldingen.models import Melding
from agreements.meldingen.selectors import BEHEERDERS
from tests.factories import (
    DeelnameFactory,
    GemeenteFactory,
    MeldingFactory,
    RedacteurFactory,
    RegelingFactory,
)

pytestmark = pytest.mark.django_db

NAAM = "Jantje Melder"
EMAIL = "jantje.melder@voorbeeld.nl"


@pytest.fixture(autouse=True)
def lege_cache():
    """The rate limit counts in the cache; every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def regeling():
    regeling = RegelingFactory(naam="Werkorganisatie Duivenvoorde", slug="duivenvoorde")
    DeelnameFactory(regeling=regeling, gemeente=GemeenteFactory(code="GM0626", naam="Voorschoten"))
    return regeling


@pytest.fixture
def gemeente(regeling):
    return regeling.deelnames.get().gemeente


@pytest.fixture
def beheerders():
    """Two beheerders with an address; an inactive one, one without an address and a member of
    staff who is no beheerder, who all get nothing."""
    User.objects.create_superuser("hoofd", "hoofd@register.nl", "x")
    User.objects.create_superuser("oud", "oud@register.nl", "x", is_active=False)
    User.objects.create_superuser("zonder", "", "x")
    lid = User.objects.create_user("lid", "lid@register.nl", "x", is_staff=True)
    lid.groups.add(Group.objects.get(name=BEHEERDERS))
    User.objects.create_user("medewerker", "medewerker@register.nl", "x", is_staff=True)
    return ["hoofd@register.nl", "lid@register.nl"]


def adressen(soort, onderwerp) -> tuple[str, str, str]:
    """The page, the form and the thanks of a regeling or a gemeente."""
    if soort == "regeling":
        pagina = f"/regelingen/{onderwerp.slug}"
    else:
        pagina = f"/gemeenten/{onderwerp.code}"
    return pagina, f"{pagina}/melding", f"{pagina}/melding/verstuurd"


def sleutel(soort, onderwerp) -> str:
    return f"regeling:{onderwerp.slug}" if soort == "regeling" else f"gemeente:{onderwerp.code}"


def velden(soort, onderwerp, *, seconden_geleden=60, **anders) -> dict:
    """What a person sends who opened the form ``seconden_geleden`` ago."""
    return {
        TOKEN: formulier_token(sleutel(soort, onderwerp), tijdstip=time.time() - seconden_geleden),
        "tekst": "Voorschoten is per 1 januari 2025 uitgetreden.",
        "onderdeel": Onderdeel.DEELNEMERS,
        "naam": NAAM,
        "email": EMAIL,
        "peildatum": "2025-01-01",
        **anders,
    }


@pytest.fixture(params=["regeling", "gemeente"])
def onderwerp(request, regeling, gemeente):
    return request.param, regeling if request.param == "regeling" else gemeente


def test_the_page_links_to_the_form_on_the_same_peildatum(client, tekst, onderwerp):
    soort, obj = onderwerp
    pagina, formulier, _ = adressen(soort, obj)
    html = tekst(client, pagina, peildatum="2020-01-01")
    assert "Klopt er iets niet?" in html
    assert f'href="{formulier}?peildatum=2020-01-01"' in html


def test_the_form_has_csrf_a_honeypot_and_a_signed_timestamp(
    client, onderwerp, django_assert_max_num_queries
):
    soort, obj = onderwerp
    _, formulier, _ = adressen(soort, obj)
    with django_assert_max_num_queries(4):  # the version, the regeling or gemeente, a savepoint
        response = client.get(formulier, {"peildatum": "2020-01-01"})
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    html = response.content.decode()
    assert "<h1>Klopt er iets niet?</h1>" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'name="{HONINGPOT}"' in html
    assert f'name="{TOKEN}"' in html
    assert 'value="2020-01-01"' in html
    assert 'name="tekst"' in html and 'name="email"' in html


def test_the_form_offers_the_parts_of_its_kind_of_page(client, regeling, gemeente):
    op_regeling = client.get(f"/regelingen/{regeling.slug}/melding").content.decode()
    op_gemeente = client.get(f"/gemeenten/{gemeente.code}/melding").content.decode()
    assert Onderdeel.THEMAS.label.replace("'", "&#x27;") in op_regeling
    assert Onderdeel.GEGEVENS.label in op_gemeente
    assert Onderdeel.THEMAS.label.replace("'", "&#x27;") not in op_gemeente


def test_a_report_is_stored_as_new_and_mailed_to_the_beheerders(
    client, onderwerp, beheerders, django_capture_on_commit_callbacks
):
    soort, obj = onderwerp
    pagina, formulier, verstuurd = adressen(soort, obj)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(formulier, velden(soort, obj))
    assert response.status_code == 302 and response["Location"] == verstuurd

    melding = Melding.objects.get()
    assert melding.onderwerp == obj
    assert melding.status == Status.NIEUW and melding.afgehandeld_op is None
    assert (melding.naam, melding.email) == (NAAM, EMAIL)
    assert melding.onderdeel == Onderdeel.DEELNEMERS
    assert melding.peildatum == datetime.date(2025, 1, 1)
    assert melding.houders == sorted(obj.houders()) != []  # nobody keeps these as redacteur

    [bericht] = mail.outbox
    assert sorted(bericht.to) == beheerders
    assert str(obj) in bericht.subject
    assert "Voorschoten is per 1 januari 2025 uitgetreden." in bericht.body
    assert f"/admin/meldingen/melding/{melding.pk}/change/" in bericht.body
    assert NAAM not in bericht.body and EMAIL not in bericht.body  # contact stays in the register

    bedankt = client.get(verstuurd).content.decode()
    assert "Bedankt voor uw melding" in bedankt and "Wat gebeurt er nu?" in bedankt
    assert f'href="{pagina}"' in bedankt


def test_name_and_address_may_be_left_out(client, regeling):
    response = client.post(
        f"/regelingen/{regeling.slug}/melding",
        velden("regeling", regeling, naam="", email="", onderdeel="", peildatum=""),
    )
    assert response.status_code == 302
    melding = Melding.objects.get()
    assert (melding.naam, melding.email, melding.onderdeel, melding.peildatum) == ("", "", "", None)


def test_the_report_goes_to_the_redacteuren_of_the_organisations_that_keep_the_data(
    client, gemeente, beheerders, django_capture_on_commit_callbacks
):
    RedacteurFactory(gebruiker__email="griffie@voorschoten.nl", gemeenten=[gemeente])
    RedacteurFactory(gebruiker__email="griffie@leiden.nl", gemeenten=[GemeenteFactory()])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/gemeenten/{gemeente.code}/melding", velden("gemeente", gemeente))
    assert Melding.objects.get().houders == ["GM0626"]
    [bericht] = mail.outbox
    assert sorted(bericht.to) == sorted([*beheerders, "griffie@voorschoten.nl"])


def test_a_redacteur_sees_only_the_meldingen_about_what_they_keep(client, regeling, admin_url):
    voorschoten = regeling.deelnames.get().gemeente
    eigen = MeldingFactory(over_gemeente=True, gemeente=voorschoten)
    MeldingFactory(over_gemeente=True)  # another gemeente
    MeldingFactory(regeling=regeling)  # kept by the secretariaat of the regeling
    client.force_login(RedacteurFactory(gemeenten=[voorschoten]).gebruiker)
    lijst = client.get(admin_url(Melding, "changelist"))
    assert list(lijst.context["cl"].result_list) == [eigen]
    andere = Melding.objects.exclude(pk=eigen.pk).first()
    assert client.get(admin_url(Melding, "change", andere.pk)).status_code == 302
    assert client.get(admin_url(Melding, "change", eigen.pk)).status_code == 200


def test_a_filled_honeypot_looks_sent_but_stores_and_mails_nothing(
    client, onderwerp, beheerders, django_capture_on_commit_callbacks
):
    soort, obj = onderwerp
    _, formulier, verstuurd = adressen(soort, obj)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(formulier, velden(soort, obj, **{HONINGPOT: "https://spam.example"}))
    assert response.status_code == 302 and response["Location"] == verstuurd
    assert not Melding.objects.exists()
    assert mail.outbox == []


def test_a_form_sent_right_after_it_was_shown_is_refused(client, onderwerp):
    soort, obj = onderwerp
    _, formulier, _ = adressen(soort, obj)
    response = client.post(formulier, velden(soort, obj, seconden_geleden=0))
    assert response.status_code == 400
    assert "Dat ging erg snel" in response.content.decode()
    assert "Voorschoten is per 1 januari 2025 uitgetreden." in response.content.decode()  # kept
    assert not Melding.objects.exists()


@pytest.mark.parametrize(
    ("token", "fout"),
    [
        (lambda r: None, "niet compleet aangekomen"),
        (lambda r: "geknoeid", "niet compleet aangekomen"),
        (lambda r: formulier_token("gemeente:GM0626", tijdstip=time.time() - 60), "andere pagina"),
        (
            lambda r: formulier_token(f"regeling:{r.slug}", tijdstip=time.time() - 3 * 86400),
            "te lang open",
        ),
    ],
    ids=["zonder", "ongeldig", "andere-pagina", "verlopen"],
)
def test_a_form_without_a_valid_token_of_this_page_is_refused(client, regeling, token, fout):
    data = velden("regeling", regeling)
    if token(regeling) is None:
        del data[TOKEN]
    else:
        data[TOKEN] = token(regeling)
    response = client.post(f"/regelingen/{regeling.slug}/melding", data)
    assert response.status_code == 400
    assert fout in response.content.decode()
    assert not Melding.objects.exists()


def test_too_many_reports_from_one_address_get_a_friendly_429(client, regeling, settings):
    settings.MELDINGEN_PER_UUR = 2
    formulier = f"/regelingen/{regeling.slug}/melding"
    for _ in range(2):
        assert client.post(formulier, velden("regeling", regeling)).status_code == 302
    response = client.post(formulier, velden("regeling", regeling))
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Probeert u het over een uur opnieuw" in response.content.decode()
    assert Melding.objects.count() == 2
    # Bots that fill the honeypot count too; another address is not held back.
    anders = client.post(formulier, velden("regeling", regeling), REMOTE_ADDR="192.0.2.7")
    assert anders.status_code == 302
    assert Melding.objects.count() == 3


def test_a_report_without_the_csrf_token_is_refused(regeling):
    response = Client(enforce_csrf_checks=True).post(
        f"/regelingen/{regeling.slug}/melding", velden("regeling", regeling)
    )
    assert response.status_code == 403
    assert not Melding.objects.exists()


@pytest.mark.parametrize(
    ("veld", "waarde"),
    [
        ("tekst", ""),
        ("tekst", "   "),
        ("tekst", "fout\x00hier"),
        ("tekst", "x" * (MAXIMALE_LENGTE + 1)),
        ("naam", "Jan\x00"),
        ("naam", "n" * 201),
        ("email", "geen-adres"),
        ("email", "a\x00@b.nl"),
        ("onderdeel", "bestaat-niet"),
        ("peildatum", "2025-13-45"),
    ],
    ids=lambda w: w[:20] if isinstance(w, str) else w,
)
def test_bad_input_is_a_400_that_says_what_to_fix(client, regeling, veld, waarde):
    response = client.post(
        f"/regelingen/{regeling.slug}/melding", velden("regeling", regeling, **{veld: waarde})
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Uw melding is nog niet verstuurd" in html
    assert not Melding.objects.exists()


def test_the_field_with_an_error_is_marked_and_linked_to_its_message(client, regeling):
    response = client.post(
        f"/regelingen/{regeling.slug}/melding", velden("regeling", regeling, tekst="")
    )
    html = response.content.decode()
    assert "<title>Fout: Klopt er iets niet?" in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_tekst_fout id_tekst_helptext"' in html
    assert 'id="id_tekst_fout"' in html and "Beschrijf wat er niet klopt." in html


def test_a_part_of_the_other_kind_of_page_is_refused(client, gemeente):
    response = client.post(
        f"/gemeenten/{gemeente.code}/melding",
        velden("gemeente", gemeente, onderdeel=Onderdeel.THEMAS),
    )
    assert response.status_code == 400


def test_a_body_too_large_to_read_is_a_413(client, regeling, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post(
        f"/regelingen/{regeling.slug}/melding",
        velden("regeling", regeling, naam="n" * 20_000),
    )
    assert response.status_code == 413
    assert not Melding.objects.exists()


def test_unknown_pages_and_bad_peildatums(client, regeling):
    assert client.get("/regelingen/bestaat-niet/melding").status_code == 404
    assert client.post("/regelingen/bestaat-niet/melding", {}).status_code == 404
    assert client.get("/gemeenten/GM9999/melding").status_code == 404
    assert client.get(f"/regelingen/{regeling.slug}/melding?peildatum=morgen").status_code == 400
    assert client.put(f"/regelingen/{regeling.slug}/melding").status_code == 405
    assert client.post(f"/regelingen/{regeling.slug}/melding/verstuurd").status_code == 405


def test_contact_details_never_appear_on_public_pages_or_in_the_api(client, regeling, gemeente):
    MeldingFactory(regeling=regeling, naam=NAAM, email=EMAIL)
    MeldingFactory(regeling=None, gemeente=gemeente, naam=NAAM, email=EMAIL)
    adres = f"/regelingen/{regeling.slug}"
    paginas = [
        adres,
        f"{adres}/melding",
        f"{adres}/melding/verstuurd",
        f"/gemeenten/{gemeente.code}",
        f"/gemeenten/{gemeente.code}/melding",
        f"/gemeenten/{gemeente.code}/melding/verstuurd",
        f"/gemeenten/{gemeente.code}/register",
        f"/api/v1/regelingen/{regeling.slug}",
        "/api/v1/regelingen?format=csv",
        f"/api/v1/gemeenten/{gemeente.code}",
        f"/api/v1/gemeenten/{gemeente.code}/overzicht?format=csv",
        f"/api/v1/gemeenten/{gemeente.code}/register",
        "/api/v1/deelnames",
        "/api/v1/openapi.json",
    ]
    for url in paginas:
        response = client.get(url)
        assert response.status_code == 200, url
        html = b"".join(
            response.streaming_content if response.streaming else [response.content]
        ).decode()
        assert NAAM not in html and EMAIL not in html, url


@pytest.fixture
def meldingen():
    """Handled 31 and 29 days ago, new for a year, and handled long ago without contact."""
    nu = timezone.now()
    return {
        "oud": MeldingFactory(afgehandeld=True, afgehandeld_op=nu - datetime.timedelta(days=31)),
        "recent": MeldingFactory(afgehandeld=True, afgehandeld_op=nu - datetime.timedelta(days=29)),
        "open": MeldingFactory(aangemaakt=nu - datetime.timedelta(days=365)),
        "anoniem": MeldingFactory(
            afgehandeld=True, afgehandeld_op=nu - datetime.timedelta(days=90), naam="", email=""
        ),
    }


def test_cleanup_blanks_contact_details_after_the_period_and_not_before(meldingen):
    uitvoer = io.StringIO()
    call_command("ruim_meldingen_op", stdout=uitvoer)
    assert "Contactgegevens verwijderd bij 1 melding " in uitvoer.getvalue()
    for naam, melding in meldingen.items():
        na = Melding.objects.get(pk=melding.pk)
        assert na.tekst == melding.tekst and na.antwoord == melding.antwoord  # the report stays
        if naam == "oud":
            assert (na.naam, na.email) == ("", "")
            assert na.contactgegevens_verwijderd_op is not None
        else:
            assert (na.naam, na.email) == (melding.naam, melding.email)
            assert na.contactgegevens_verwijderd_op is None


def test_cleanup_run_again_changes_nothing(meldingen):
    call_command("ruim_meldingen_op", verbosity=0)
    stand = list(Melding.objects.order_by("pk").values())
    uitvoer = io.StringIO()
    call_command("ruim_meldingen_op", stdout=uitvoer)
    assert "bij 0 meldingen" in uitvoer.getvalue()
    assert list(Melding.objects.order_by("pk").values()) == stand


def test_the_period_is_a_setting(meldingen, settings):
    settings.MELDINGEN_BEWAARTERMIJN_DAGEN = 7
    call_command("ruim_meldingen_op", verbosity=0)
    assert set(Melding.objects.filter(email="").values_list("pk", flat=True)) == {
        meldingen[n].pk for n in ("oud", "recent", "anoniem")
    }


def test_the_work_list_filters_on_status(admin_client, admin_url):
    nieuw = MeldingFactory(tekst="Een nieuwe melding")
    MeldingFactory(afgehandeld=True, tekst="Een afgehandelde melding")
    lijst = admin_client.get(admin_url(Melding, "changelist"), {"status__exact": "nieuw"})
    html = lijst.content.decode()
    assert lijst.status_code == 200
    assert list(lijst.context["cl"].result_list) == [nieuw]
    assert str(nieuw.regeling) in html
    alle = admin_client.get(admin_url(Melding, "changelist"))
    assert len(alle.context["cl"].result_list) == 2
    assert admin_client.get(admin_url(Melding, "add")).status_code == 403


def test_the_work_list_renders_without_n_plus_1(admin_client, admin_url, queries):
    MeldingFactory()
    MeldingFactory(over_gemeente=True)
    weinig = queries(admin_client, admin_url(Melding, "changelist"))
    MeldingFactory.create_batch(3)
    MeldingFactory.create_batch(3, over_gemeente=True)
    assert queries(admin_client, admin_url(Melding, "changelist")) == weinig


def test_an_answer_is_mailed_to_the_melder_and_handling_sets_the_date(
    admin_client, admin_url, django_capture_on_commit_callbacks
):
    melding = MeldingFactory(naam=NAAM, email=EMAIL)
    wijzigen = admin_url(Melding, "change", melding.pk)
    scherm = admin_client.get(wijzigen).content.decode()
    assert EMAIL in scherm  # the beheerder sees it
    assert "de beheerders" in scherm  # whom it went to
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            wijzigen, {"status": Status.AFGEHANDELD, "antwoord": "Aangepast, dank u wel."}
        )
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.status == Status.AFGEHANDELD
    assert melding.afgehandeld_op is not None and melding.beantwoord_op is not None
    [bericht] = mail.outbox
    assert bericht.to == [EMAIL]
    assert f"Beste {NAAM}," in bericht.body and "Aangepast, dank u wel." in bericht.body

    # Saved again with the same answer: no second e-mail; reopened: no date of handling.
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            wijzigen, {"status": Status.IN_BEHANDELING, "antwoord": "Aangepast, dank u wel."}
        )
    melding.refresh_from_db()
    assert melding.status == Status.IN_BEHANDELING and melding.afgehandeld_op is None
    assert len(mail.outbox) == 1


def test_an_answer_without_an_address_is_not_sent_and_the_beheerder_is_told(
    admin_client, admin_url, django_capture_on_commit_callbacks
):
    melding = MeldingFactory(naam="", email="")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            admin_url(Melding, "change", melding.pk),
            {"status": Status.AFGEHANDELD, "antwoord": "Opgelost."},
            follow=True,
        )
    assert "geen e-mailadres" in response.content.decode()
    assert mail.outbox == []
    melding.refresh_from_db()
    assert melding.antwoord == "Opgelost." and melding.beantwoord_op is None


@pytest.mark.parametrize(
    "velden",
    [
        {"gemeente_id": None, "regeling_id": None},
        {"status": Status.AFGEHANDELD, "afgehandeld_op": None},
        {"status": Status.NIEUW, "afgehandeld_op": timezone.now()},
        {"status": "zoek"},
        {"tekst": ""},
        {"contactgegevens_verwijderd_op": timezone.now()},
    ],
    ids=[
        "geen-onderwerp",
        "afgehandeld-zonder-datum",
        "datum-zonder-afgehandeld",
        "status",
        "leeg",
        "verwijderd-niet-leeg",
    ],
)
def test_the_database_guards_a_melding(velden):
    melding = MeldingFactory()
    for veld, waarde in velden.items():
        setattr(melding, veld, waarde)
    with pytest.raises(IntegrityError), transaction.atomic():
        melding.save()


def test_the_database_refuses_a_melding_about_two_things():
    melding = MeldingFactory()
    melding.gemeente = GemeenteFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        melding.save()

import datetime

import pytest

from agreements.constants import Vorm
from agreements.models import Deelname, Regeling, Thema
from municipalities.models import Gemeente, Partner
from tests.factories import (
    DeelnameFactory,
    GemeenteFactory,
    PartnerFactory,
    ProvincieFactory,
    RegelingFactory,
    RegelingVersieFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db

MODELLEN = [Gemeente, Partner, Thema, Regeling, Deelname]


def maak_register(aantal):
    provincie = ProvincieFactory(code="pv28")
    thema = ThemaFactory()
    for _ in range(aantal):
        regeling = RegelingFactory(vorm=Vorm.OPENBAAR_LICHAAM)
        regeling.themas.add(thema)
        RegelingVersieFactory(regeling=regeling)
        opgeheven = GemeenteFactory(provincie=provincie, einddatum=datetime.date(2018, 12, 31))
        opgeheven.opvolger = GemeenteFactory(provincie=provincie)
        opgeheven.save()
        DeelnameFactory(regeling=regeling, gemeente=opgeheven, einddatum=opgeheven.einddatum)
        DeelnameFactory(regeling=regeling, gemeente=None, partner=PartnerFactory())


@pytest.mark.parametrize("model", MODELLEN, ids=lambda m: m.__name__)
def test_every_change_list_renders_without_n_plus_1(admin_client, admin_url, queries, model):
    maak_register(2)
    weinig = queries(admin_client, admin_url(model, "changelist"))
    maak_register(5)
    assert queries(admin_client, admin_url(model, "changelist")) == weinig
    response = admin_client.get(admin_url(model, "changelist"))
    assert response.context["cl"].result_count == model.objects.count()


@pytest.mark.parametrize("model", MODELLEN, ids=lambda m: m.__name__)
def test_every_change_form_renders(admin_client, admin_url, model):
    maak_register(1)
    assert admin_client.get(admin_url(model, "add")).status_code == 200
    obj = model.objects.first()
    response = admin_client.get(admin_url(model, "change", obj.pk))
    assert response.status_code == 200
    assert response.context["original"] == obj
    assert response.context["adminform"].form.instance == obj


def test_the_gemeente_form_does_not_grow_per_deelname(admin_client, admin_url, queries):
    gemeente = GemeenteFactory()
    DeelnameFactory(gemeente=gemeente)
    weinig = queries(admin_client, admin_url(Gemeente, "change", gemeente.pk))
    DeelnameFactory.create_batch(4, gemeente=gemeente)
    assert queries(admin_client, admin_url(Gemeente, "change", gemeente.pk)) == weinig


def getoond(client, url, **parameters) -> set[str]:
    """The names of the objects a change list shows."""
    response = client.get(url, parameters)
    assert response.status_code == 200
    return {obj.naam for obj in response.context["cl"].result_list}


def test_the_regeling_list_filters_on_peildatum_vorm_and_provincie(admin_client, admin_url):
    zuid_holland, groningen = ProvincieFactory(code="pv28"), ProvincieFactory(code="pv20")
    for naam, provincie, velden in [
        ("Leidse regio", zuid_holland, {"vorm": Vorm.OPENBAAR_LICHAAM}),
        ("Groninger bedrijfsvoering", groningen, {"vorm": Vorm.BEDRIJFSVOERINGSORGANISATIE}),
        ("Opgeheven in 2022", zuid_holland, {"opgeheven": True}),
        ("Vanaf 2024", zuid_holland, {"begindatum": datetime.date(2024, 1, 1)}),
    ]:
        DeelnameFactory(
            regeling=RegelingFactory(naam=naam, **velden),
            gemeente=GemeenteFactory(provincie=provincie),
            begindatum=velden.get("begindatum", datetime.date(2015, 1, 1)),
        )
    url = admin_url(Regeling, "changelist")
    alle = {"Leidse regio", "Groninger bedrijfsvoering", "Opgeheven in 2022", "Vanaf 2024"}
    assert getoond(admin_client, url) == alle
    assert getoond(admin_client, url, peildatum="2020-01-01") == alle - {"Vanaf 2024"}
    assert getoond(admin_client, url, peildatum="2024-06-01") == alle - {"Opgeheven in 2022"}
    assert getoond(admin_client, url, provincie="pv28") == alle - {"Groninger bedrijfsvoering"}
    assert getoond(admin_client, url, peildatum="2020-01-01", provincie="pv28") == {
        "Leidse regio",
        "Opgeheven in 2022",
    }
    assert getoond(admin_client, url, vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE) == {
        "Groninger bedrijfsvoering"
    }
    response = admin_client.get(url, {"peildatum": "geen-datum"})
    assert response.status_code == 302  # Django admin's answer to an invalid lookup


def test_the_gemeente_list_filters_on_peildatum(admin_client, admin_url):
    haren = GemeenteFactory(naam="Haren", opgeheven=True)
    nieuw = GemeenteFactory(naam="Nieuwstad", begindatum=datetime.date(2019, 1, 1))
    url = admin_url(Gemeente, "changelist")
    assert getoond(admin_client, url, peildatum="2018-06-01") == {"Haren", haren.opvolger.naam}
    assert getoond(admin_client, url, peildatum="2019-01-01") == {
        haren.opvolger.naam,
        nieuw.naam,
    }


def test_the_gemeente_shows_its_deelnames(admin_client, admin_url):
    maak_register(1)
    deelname = Deelname.objects.filter(gemeente__isnull=False).first()
    response = admin_client.get(admin_url(Gemeente, "change", deelname.gemeente.pk))
    assert deelname.regeling.naam in response.content.decode()


def test_the_admin_refuses_overlapping_deelnames_in_one_form(
    admin_client, admin_url, regeling_formulier
):
    regeling = RegelingFactory()
    gemeente = GemeenteFactory()
    url = admin_url(Regeling, "change", regeling.pk)
    data = regeling_formulier(regeling, deelnames=2)
    for i, begin in enumerate(["2015-01-01", "2018-01-01"]):
        data |= {
            f"deelnames-{i}-gemeente": gemeente.pk,
            f"deelnames-{i}-rol": "deelnemer",
            f"deelnames-{i}-begindatum": begin,
        }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "overlappen in tijd" in response.content.decode()
    assert not Deelname.objects.exists()


def test_the_admin_refuses_overlapping_versions_in_one_form(
    admin_client, admin_url, regeling_formulier
):
    regeling = RegelingFactory()
    data = regeling_formulier(regeling, versies=2)
    for i, begin in enumerate(["2015-01-01", "2018-01-01"]):
        data |= {f"versies-{i}-titel": "Versie", f"versies-{i}-begindatum": begin}
    response = admin_client.post(admin_url(Regeling, "change", regeling.pk), data)
    assert response.status_code == 200
    assert "Twee versies van de regeling overlappen in tijd." in response.content.decode()
    assert not regeling.versies.exists()


def test_a_row_marked_for_deletion_does_not_count_as_overlap(
    admin_client, admin_url, regeling_formulier
):
    regeling, gemeente, andere = RegelingFactory(), GemeenteFactory(), GemeenteFactory()
    data = regeling_formulier(regeling, deelnames=3)
    rijen = [
        (gemeente, "2015-01-01", {"DELETE": "on"}),  # added, then struck out again
        (gemeente, "2016-01-01", {}),
        (andere, "2016-01-01", {}),  # another deelnemer in the same period
    ]
    for i, (deelnemer, begin, extra) in enumerate(rijen):
        data |= {
            f"deelnames-{i}-gemeente": deelnemer.pk,
            f"deelnames-{i}-rol": "deelnemer",
            f"deelnames-{i}-begindatum": begin,
            **{f"deelnames-{i}-{veld}": waarde for veld, waarde in extra.items()},
        }
    response = admin_client.post(admin_url(Regeling, "change", regeling.pk), data)
    assert response.status_code == 302
    assert set(regeling.deelnames.values_list("gemeente", "begindatum")) == {
        (gemeente.pk, datetime.date(2016, 1, 1)),
        (andere.pk, datetime.date(2016, 1, 1)),
    }

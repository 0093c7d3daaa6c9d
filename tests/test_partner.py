import pytest
from django.db import IntegrityError

from municipalities.constants import PartnerSoort
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("soort", "code"),
    [
        (PartnerSoort.PROVINCIE, "pv20"),
        (PartnerSoort.WATERSCHAP, "ws0616"),
        (PartnerSoort.SAMENWERKINGSVERBAND, "so0721"),
        (PartnerSoort.RIJK, "mnre1034"),
        (PartnerSoort.BEDRIJF, None),
    ],
)
def test_it_accepts_the_identifier_that_fits_the_soort(soort, code):
    partner = PartnerFactory(soort=soort, code=code)
    assert partner.pk
    partner.refresh_from_db()
    assert (partner.soort, partner.code) == (soort, code)


@pytest.mark.parametrize(
    ("soort", "code"),
    [
        (PartnerSoort.PROVINCIE, "ws0616"),
        (PartnerSoort.WATERSCHAP, "pv20"),
        (PartnerSoort.SAMENWERKINGSVERBAND, "so72"),
        (PartnerSoort.BEDRIJF, "so0721"),
    ],
)
def test_the_database_refuses_an_identifier_that_does_not_fit_the_soort(soort, code):
    with pytest.raises(IntegrityError):
        PartnerFactory(soort=soort, code=code)


@pytest.mark.parametrize(("veld", "waarde"), [("kvk_nummer", "1234"), ("oin", "123")])
def test_the_database_refuses_malformed_kvk_and_oin(veld, waarde):
    with pytest.raises(IntegrityError):
        PartnerFactory(**{veld: waarde})


def test_the_tooi_identifier_of_a_provincie():
    assert PartnerFactory.build(soort=PartnerSoort.PROVINCIE, code="pv20").tooi == (
        "https://identifier.overheid.nl/tooi/id/provincie/pv20"
    )


def test_a_partner_without_code_has_no_tooi_identifier_and_a_slug_from_its_name():
    partner = PartnerFactory.build(zonder_code=True, naam="Stichting Welzijn", slug="")
    partner.full_clean(exclude=["slug"])
    assert partner.code is None and partner.tooi == ""
    partner.save()
    assert partner.slug == "stichting-welzijn"


def test_validation_writes_the_code_in_lower_case():
    partner = PartnerFactory.build(soort=PartnerSoort.WATERSCHAP, code="WS0616")
    partner.full_clean()
    assert partner.code == "ws0616"

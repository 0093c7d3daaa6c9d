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
    assert PartnerFactory(soort=soort, code=code).pk


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

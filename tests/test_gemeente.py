import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError

from municipalities.models import Gemeente
from tests.factories import GemeenteFactory, PartnerFactory, ProvincieFactory

pytestmark = pytest.mark.django_db


def test_it_derives_the_tooi_identifier_from_the_cbs_code():
    assert GemeenteFactory.build(code="GM0014").tooi == (
        "https://identifier.overheid.nl/tooi/id/gemeente/gm0014"
    )


@pytest.mark.parametrize("code", ["GM14", "gm0014", "GM00141", "XX0014"])
def test_the_database_refuses_a_malformed_cbs_code(code):
    with pytest.raises((IntegrityError, DataError)):
        GemeenteFactory(code=code)


def test_validation_explains_a_malformed_cbs_code_in_dutch():
    gemeente = GemeenteFactory.build(code="GM14")
    with pytest.raises(ValidationError) as error:
        gemeente.full_clean()
    assert "GM gevolgd door 4 cijfers" in str(error.value)


def test_the_database_refuses_a_duplicate_cbs_code():
    GemeenteFactory(code="GM0014")
    with pytest.raises(IntegrityError):
        GemeenteFactory(code="GM0014")


def test_the_database_refuses_an_end_before_the_start():
    with pytest.raises(IntegrityError):
        GemeenteFactory(begindatum=datetime.date(2020, 1, 1), einddatum=datetime.date(2019, 1, 1))


def test_the_database_refuses_a_successor_of_a_gemeente_that_still_exists():
    groningen = GemeenteFactory()
    with pytest.raises(IntegrityError):
        GemeenteFactory(opvolger=groningen)


def test_the_database_refuses_a_gemeente_that_succeeds_itself():
    haren = GemeenteFactory(einddatum=datetime.date(2018, 12, 31))
    haren.opvolger = haren
    with pytest.raises(IntegrityError):
        haren.save()


def test_the_database_refuses_a_peiljaar_without_inwoners():
    with pytest.raises(IntegrityError):
        GemeenteFactory(inwoners=None, inwoners_peiljaar=2024)


def test_validation_refuses_a_provincie_that_is_no_provincie():
    gemeente = GemeenteFactory.build(provincie=PartnerFactory())
    with pytest.raises(ValidationError) as error:
        gemeente.full_clean()
    assert "soort provincie" in str(error.value)


def test_actief_op_knows_which_gemeenten_existed_on_a_date():
    provincie = ProvincieFactory()
    haren = GemeenteFactory(provincie=provincie, einddatum=datetime.date(2018, 12, 31))
    nieuw = GemeenteFactory(provincie=provincie, begindatum=datetime.date(2019, 1, 1))
    altijd = GemeenteFactory(provincie=provincie)

    assert set(Gemeente.objects.actief_op(datetime.date(2018, 12, 31))) == {haren, altijd}
    assert set(Gemeente.objects.actief_op(datetime.date(2019, 1, 1))) == {nieuw, altijd}

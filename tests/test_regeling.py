import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from agreements.constants import Status, Vorm
from agreements.models import Regeling
from tests.factories import RegelingFactory, RegelingVersieFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("vorm", [Vorm.OPENBAAR_LICHAAM, Vorm.BEDRIJFSVOERINGSORGANISATIE])
def test_a_vorm_with_legal_personality_may_have_oin_and_kvk(vorm):
    assert RegelingFactory(vorm=vorm, oin="00000001823662330000", kvk_nummer="56802935").pk


@pytest.mark.parametrize(
    "vorm", [Vorm.REGELING_ZONDER_MEER, Vorm.GEMEENSCHAPPELIJK_ORGAAN, Vorm.CENTRUMGEMEENTE]
)
@pytest.mark.parametrize("veld", [{"oin": "00000001823662330000"}, {"kvk_nummer": "56802935"}])
def test_the_database_refuses_oin_or_kvk_without_legal_personality(vorm, veld):
    with pytest.raises(IntegrityError):
        RegelingFactory(vorm=vorm, **veld)


def test_validation_explains_oin_without_legal_personality_in_dutch():
    regeling = RegelingFactory.build(vorm=Vorm.REGELING_ZONDER_MEER, oin="00000001823662330000")
    with pytest.raises(ValidationError) as error:
        regeling.full_clean()
    assert "eigen rechtspersoonlijkheid" in str(error.value)


def test_the_database_refuses_an_opgeheven_regeling_without_end_date():
    with pytest.raises(IntegrityError):
        RegelingFactory(status=Status.OPGEHEVEN, einddatum=None)


def test_the_database_refuses_a_regeling_without_source():
    with pytest.raises(IntegrityError):
        RegelingFactory(bron="")


def test_the_database_refuses_a_duplicate_slug():
    RegelingFactory(slug="odg")
    with pytest.raises(IntegrityError):
        RegelingFactory(slug="odg")


def test_the_vorm_gives_legal_basis_and_personality():
    regeling = RegelingFactory.build(vorm=Vorm.GEMEENSCHAPPELIJK_ORGAAN)
    assert regeling.eigenschappen.grondslag == "Wgr art. 8 lid 2"
    assert regeling.eigenschappen.rechtspersoonlijkheid is False


def test_it_lists_its_bevoegdheidsverkrijgingen():
    regeling = RegelingFactory.build(mandaat=True, delegatie=True)
    assert regeling.bevoegdheidsverkrijgingen == ["delegatie", "mandaat"]


def test_actief_op_leaves_out_regelingen_in_preparation_and_ended_ones():
    lopend = RegelingFactory(begindatum=datetime.date(2013, 1, 1))
    RegelingFactory(status=Status.IN_VOORBEREIDING, begindatum=None)
    RegelingFactory(
        status=Status.OPGEHEVEN,
        begindatum=datetime.date(2013, 1, 1),
        einddatum=datetime.date(2022, 12, 31),
    )
    assert list(Regeling.objects.actief_op(datetime.date(2024, 1, 1))) == [lopend]


def test_the_database_refuses_overlapping_versions():
    versie = RegelingVersieFactory(
        begindatum=datetime.date(2018, 1, 1), einddatum=datetime.date(2021, 8, 31)
    )
    RegelingVersieFactory(regeling=versie.regeling, begindatum=datetime.date(2021, 9, 1))
    with pytest.raises(IntegrityError):
        RegelingVersieFactory(regeling=versie.regeling, begindatum=datetime.date(2021, 8, 31))


def test_validation_explains_overlapping_versions_in_dutch():
    versie = RegelingVersieFactory(begindatum=datetime.date(2018, 1, 1))
    nieuw = RegelingVersieFactory.build(
        regeling=versie.regeling, begindatum=datetime.date(2019, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        nieuw.full_clean()
    assert "overlapt in tijd" in str(error.value)

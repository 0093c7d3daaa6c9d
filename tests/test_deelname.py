import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agreements.constants import Rol, Status, Vorm
from agreements.models import Deelname
from registry.geldigheid import geen_overlap_sql
from tests.factories import DeelnameFactory, GemeenteFactory, PartnerFactory, RegelingFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def test_the_database_refuses_a_deelname_without_participant():
    with pytest.raises(IntegrityError):
        DeelnameFactory(gemeente=None, partner=None)


def test_the_database_refuses_a_deelname_with_two_participants():
    with pytest.raises(IntegrityError):
        DeelnameFactory(partner=PartnerFactory())


def test_the_database_refuses_a_partner_as_centrumgemeente():
    regeling = RegelingFactory(vorm=Vorm.CENTRUMGEMEENTE)
    with pytest.raises(IntegrityError):
        DeelnameFactory(
            regeling=regeling, gemeente=None, partner=PartnerFactory(), rol=Rol.CENTRUMGEMEENTE
        )


@pytest.mark.parametrize("sleutel", ["-1", "100.5"])
def test_the_database_refuses_a_verdeelsleutel_outside_0_to_100(sleutel):
    with pytest.raises(IntegrityError):
        DeelnameFactory(verdeelsleutel=sleutel)


def test_the_database_refuses_a_toetreding_after_the_uittreding():
    with pytest.raises(IntegrityError):
        DeelnameFactory(begindatum=D(2020, 1, 1), einddatum=D(2019, 1, 1))


@pytest.mark.parametrize(
    ("begin", "einde"),
    [(D(2016, 1, 1), None), (None, D(2015, 1, 1)), (D(2019, 12, 31), D(2020, 6, 1))],
)
def test_the_database_refuses_overlapping_deelnames_of_one_gemeente(begin, einde):
    eerste = DeelnameFactory(begindatum=D(2015, 1, 1), einddatum=D(2019, 12, 31))
    with pytest.raises(IntegrityError), transaction.atomic():
        DeelnameFactory(
            regeling=eerste.regeling, gemeente=eerste.gemeente, begindatum=begin, einddatum=einde
        )


def test_the_database_refuses_overlap_on_update_too():
    eerste = DeelnameFactory(begindatum=D(2015, 1, 1), einddatum=D(2019, 12, 31))
    tweede = DeelnameFactory(
        regeling=eerste.regeling, gemeente=eerste.gemeente, begindatum=D(2021, 1, 1)
    )
    tweede.begindatum = D(2019, 6, 1)
    with pytest.raises(IntegrityError):
        tweede.save()


def test_the_database_refuses_overlapping_deelnames_of_one_partner():
    partner = PartnerFactory()
    eerste = DeelnameFactory(gemeente=None, partner=partner)
    with pytest.raises(IntegrityError):
        DeelnameFactory(regeling=eerste.regeling, gemeente=None, partner=partner)


GROEP = ("agreements_deelname", "deelname_gemeente_geen_overlap", ["regeling_id", "gemeente_id"])


def test_the_overlap_guard_is_an_exclusion_constraint_on_postgresql():
    vooruit, terug = geen_overlap_sql("postgresql", *GROEP)
    assert vooruit == [
        "ALTER TABLE agreements_deelname ADD CONSTRAINT deelname_gemeente_geen_overlap "
        "EXCLUDE USING gist (regeling_id WITH =, gemeente_id WITH =, "
        "daterange(begindatum, einddatum, '[]') WITH &&) "
        "WHERE (regeling_id IS NOT NULL AND gemeente_id IS NOT NULL)"
    ]
    assert terug == [
        "ALTER TABLE agreements_deelname DROP CONSTRAINT deelname_gemeente_geen_overlap"
    ]


def test_the_overlap_guard_is_a_pair_of_triggers_on_sqlite():
    vooruit, terug = geen_overlap_sql("sqlite", *GROEP)
    assert [regel.split(" WHEN ")[0] for regel in vooruit] == [
        "CREATE TRIGGER deelname_gemeente_geen_overlap_insert BEFORE INSERT ON agreements_deelname",
        "CREATE TRIGGER deelname_gemeente_geen_overlap_update BEFORE UPDATE ON agreements_deelname",
    ]
    assert "b.id <> NEW.id" in vooruit[1] and "b.id <> NEW.id" not in vooruit[0]
    assert terug == [
        "DROP TRIGGER deelname_gemeente_geen_overlap_insert",
        "DROP TRIGGER deelname_gemeente_geen_overlap_update",
    ]


def test_there_is_no_overlap_guard_for_another_database():
    with pytest.raises(NotImplementedError, match="Geen overlapcontrole voor database 'mysql'."):
        geen_overlap_sql("mysql", *GROEP)


def test_it_accepts_a_second_period_after_the_first():
    eerste = DeelnameFactory(begindatum=D(2015, 1, 1), einddatum=D(2019, 12, 31))
    assert DeelnameFactory(
        regeling=eerste.regeling, gemeente=eerste.gemeente, begindatum=D(2020, 1, 1)
    ).pk


def test_validation_explains_overlap_in_dutch():
    eerste = DeelnameFactory()
    nieuw = DeelnameFactory.build(regeling=eerste.regeling, gemeente=eerste.gemeente)
    with pytest.raises(ValidationError) as error:
        nieuw.full_clean()
    assert "neemt in deze periode al deel" in str(error.value)


def test_validation_without_regeling_names_the_missing_regeling():
    deelname = DeelnameFactory.build(regeling=None, gemeente=GemeenteFactory())
    with pytest.raises(ValidationError) as error:
        deelname.full_clean()
    assert set(error.value.message_dict) == {"regeling"}


def test_validation_refuses_a_role_the_vorm_does_not_know():
    deelname = DeelnameFactory.build(
        regeling=RegelingFactory(vorm=Vorm.OPENBAAR_LICHAAM),
        gemeente=GemeenteFactory(),
        rol=Rol.CENTRUMGEMEENTE,
    )
    with pytest.raises(ValidationError) as error:
        deelname.full_clean()
    assert "hoort geen rol" in str(error.value)


def test_a_centrumregeling_accepts_its_centrumgemeente():
    deelname = DeelnameFactory.build(
        regeling=RegelingFactory(vorm=Vorm.CENTRUMGEMEENTE),
        gemeente=GemeenteFactory(),
        rol=Rol.CENTRUMGEMEENTE,
    )
    deelname.full_clean()


def test_actief_op_needs_both_the_deelname_and_the_regeling_to_run():
    regeling = RegelingFactory(
        begindatum=D(2013, 1, 1), einddatum=D(2022, 12, 31), status=Status.OPGEHEVEN
    )
    deelname = DeelnameFactory(regeling=regeling, begindatum=D(2013, 1, 1))
    DeelnameFactory(regeling=RegelingFactory(status=Status.IN_VOORBEREIDING), begindatum=None)

    assert list(Deelname.objects.actief_op(D(2020, 1, 1))) == [deelname]
    assert list(Deelname.objects.actief_op(D(2024, 1, 1))) == []
    assert list(Deelname.objects.actief_op(D(2012, 12, 31))) == []


def test_validation_refuses_a_deelname_running_past_the_end_of_its_gemeente():
    haren = GemeenteFactory(einddatum=D(2018, 12, 31))
    deelname = DeelnameFactory.build(regeling=RegelingFactory(), gemeente=haren, einddatum=None)
    with pytest.raises(ValidationError) as error:
        deelname.full_clean()
    assert "bestaat tot en met 31-12-2018" in str(error.value)
    deelname.einddatum = D(2018, 12, 31)
    deelname.full_clean()


def test_validation_refuses_a_vorm_that_does_not_fit_the_roles_of_its_deelnemers():
    regeling = RegelingFactory(vorm=Vorm.CENTRUMGEMEENTE)
    DeelnameFactory(regeling=regeling, rol=Rol.CENTRUMGEMEENTE)
    regeling.vorm = Vorm.OPENBAAR_LICHAAM
    with pytest.raises(ValidationError) as error:
        regeling.full_clean()
    assert "centrumgemeente" in str(error.value)

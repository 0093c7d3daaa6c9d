"""maak_schaal: a register of N times the country, deterministic, with the same shape."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from agreements.models import Deelname, Publicatie, Regeling, RegelingVersie
from registry import versie

pytestmark = pytest.mark.django_db


def aantallen() -> dict:
    return {
        "regelingen": Regeling.objects.count(),
        "versies": RegelingVersie.objects.count(),
        "deelnames": Deelname.objects.count(),
        "publicaties": Publicatie.objects.count(),
        "themas": Regeling.themas.through.objects.count(),
    }


def maak(schaal: int) -> tuple[dict, list]:
    """The counts and the rows of scale ``schaal``, then the register as it was (empty)."""
    with transaction.atomic():
        call_command(
            "maak_schaal", "--schaal", str(schaal), "--zonder-landelijk", stdout=io.StringIO()
        )
        uitkomst = (
            aantallen(),
            list(
                Deelname.objects.order_by("pk").values_list(
                    "pk", "uuid", "regeling__slug", "gemeente_id", "partner_id", "begindatum"
                )
            ),
        )
        transaction.set_rollback(True)
    return uitkomst


def test_scale_three_is_three_times_scale_one_with_the_same_dates():
    een, _ = maak(1)
    voor = versie.huidige()
    with transaction.atomic():
        call_command("maak_schaal", "--schaal", "3", "--zonder-landelijk", stdout=io.StringIO())
        assert aantallen() == {soort: 3 * aantal for soort, aantal in een.items()}
        origineel = Regeling.objects.order_by("pk").first()
        kopie = Regeling.objects.get(slug=f"{origineel.slug}-2")
        assert kopie.naam == f"{origineel.naam} 2"
        assert (kopie.begindatum, kopie.einddatum, kopie.vorm, kopie.status) == (
            origineel.begindatum,
            origineel.einddatum,
            origineel.vorm,
            origineel.status,
        )
        assert set(kopie.themas.all()) == set(origineel.themas.all())
        assert sorted(kopie.deelnames.values_list("gemeente_id", "partner_id", "begindatum")) == (
            sorted(origineel.deelnames.values_list("gemeente_id", "partner_id", "begindatum"))
        )
        assert versie.huidige().sleutel != voor.sleutel
        transaction.set_rollback(True)


def test_an_existing_register_is_refused(voorbeelddata):
    with pytest.raises(CommandError):
        call_command("maak_schaal", "--schaal", "2")

"""Who a melding goes to: the organisations that keep the data, and the people who read it."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from agreements.redactie.models import Redacteur
from agreements.redactie.rollen import BEHEERDERS
from registry import houders

from .models import Melding


def houders_van(onderwerp) -> list[str]:
    """The keys of the organisations that keep the data of a regeling or gemeente ("GM0626",
    "regeling:<identificatie>"), from its ``houders()``."""
    return sorted(onderwerp.houders())


def beheerders_emails() -> set[str]:
    """The e-mail addresses of the active beheerders: superusers and the group Beheerders."""
    return set(
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__name=BEHEERDERS), is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def redacteuren_emails(organisaties: list[str]) -> set[str]:
    """The e-mail addresses of the active redacteuren of ``organisaties`` (keys of
    registry/houders.py): of the gemeenten among them and of the secretariaten of the regelingen."""
    if not organisaties:
        return set()
    return set(
        Redacteur.objects.filter(
            Q(gemeenten__code__in=houders.gemeentecodes(organisaties))
            | Q(regelingen__slug__in=houders.regelingen(organisaties)),
            gebruiker__is_active=True,
        )
        .exclude(gebruiker__email="")
        .values_list("gebruiker__email", flat=True)
    )


def ontvangers(melding: Melding) -> list[str]:
    """Who is told of a new melding: the beheerders and the redacteuren of its organisations."""
    return sorted(beheerders_emails() | redacteuren_emails(melding.houders))

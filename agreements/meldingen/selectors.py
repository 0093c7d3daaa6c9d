"""Who a melding goes to: the organisations that keep the data, and the people who read it."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q

from .models import Melding

# Members of this group (and superusers) are the beheerders of the register.
BEHEERDERS = "Beheerders"
# The model that links users to the organisations they keep data for (step 9, "rollen"). Until it
# exists a melding goes to the beheerders only; ``redacteuren`` is the one place to wire it.
REDACTEUR_MODEL = "rollen.Redacteur"


def houders_van(onderwerp) -> list[str]:
    """The keys of the organisations that keep the data of a regeling or gemeente ("GM0626",
    "regeling:<identificatie>"), from its ``houders()``; none where the model has no such method
    yet, so that the melding goes to the beheerders only."""
    houders = getattr(onderwerp, "houders", None)
    return sorted(houders()) if callable(houders) else []


def beheerders_emails() -> set[str]:
    """The e-mail addresses of the active beheerders: superusers and the group Beheerders."""
    return set(
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__name=BEHEERDERS), is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def redacteuren_emails(organisaties: list[str]) -> set[str]:
    """The e-mail addresses of the active redacteuren of ``organisaties``, when the project has
    a redacteur model (with ``gebruiker`` and ``organisatie``); none before."""
    if not organisaties:
        return set()
    try:
        redacteur = apps.get_model(REDACTEUR_MODEL)
    except LookupError:
        return set()
    return set(
        redacteur.objects.filter(organisatie__in=organisaties, gebruiker__is_active=True)
        .exclude(gebruiker__email="")
        .values_list("gebruiker__email", flat=True)
    )


def ontvangers(melding: Melding) -> list[str]:
    """Who is told of a new melding: the beheerders and the redacteuren of its organisations."""
    return sorted(beheerders_emails() | redacteuren_emails(melding.houders))

"""Writing meldingen: making one (and telling who keeps the data), handling and answering it,
and removing the contact details of the melder a set time after it was handled."""

import datetime
import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from agreements.models import Regeling
from municipalities.models import Gemeente
from registry.protocol import bulk_bijwerken

from . import selectors
from .constants import Status
from .models import Melding

logger = logging.getLogger(__name__)


def verstuur(*, onderwerp: str, tekst: str, aan: list[str]) -> None:
    """Send one e-mail after the transaction commits; a failing mail server is logged, and the
    melding stays in the work list of the admin."""

    def versturen():
        try:
            EmailMessage(onderwerp, tekst, to=aan).send()
        except OSError:
            logger.exception("E-mail %r niet verstuurd", onderwerp)

    if aan:
        transaction.on_commit(versturen)


@transaction.atomic
def meld(
    *,
    onderwerp: Regeling | Gemeente,
    tekst: str,
    onderdeel: str = "",
    naam: str = "",
    email: str = "",
    peildatum: datetime.date | None = None,
    basis_url: str = "",
) -> Melding:
    """Store a melding about a regeling or gemeente and tell the beheerders and the redacteuren
    of the organisations that keep its data. The e-mail holds no contact details of the melder:
    those stay in the register, where they are removed after the bewaartermijn."""
    melding = Melding.objects.create(
        regeling=onderwerp if isinstance(onderwerp, Regeling) else None,
        gemeente=onderwerp if isinstance(onderwerp, Gemeente) else None,
        onderdeel=onderdeel,
        tekst=tekst,
        naam=naam,
        email=email,
        peildatum=peildatum,
        houders=selectors.houders_van(onderwerp),
    )
    verstuur(
        onderwerp=f"Melding over {onderwerp}",
        tekst=render_to_string(
            "meldingen/mail/nieuw.txt",
            {
                "melding": melding,
                "beheer_url": urljoin(
                    basis_url, reverse("admin:meldingen_melding_change", args=[melding.pk])
                ),
            },
        ),
        aan=selectors.ontvangers(melding),
    )
    return melding


@transaction.atomic
def behandel(*, melding: Melding, status: str, antwoord: str) -> bool:
    """Set the status and the answer of a melding; a new answer is e-mailed to the melder when
    an address was given. Says whether it was."""
    vorige = Melding.objects.select_for_update().get(pk=melding.pk)
    nu = timezone.now()
    melding.status = status
    if status == Status.AFGEHANDELD:
        melding.afgehandeld_op = vorige.afgehandeld_op or nu
    else:
        melding.afgehandeld_op = None
    melding.antwoord = antwoord
    gemaild = bool(antwoord.strip() and antwoord != vorige.antwoord and vorige.email)
    if gemaild:
        melding.beantwoord_op = nu
        verstuur(
            onderwerp=f"Antwoord op uw melding over {melding.onderwerp}",
            tekst=render_to_string(
                "meldingen/mail/antwoord.txt",
                {
                    "melding": vorige,
                    "antwoord": antwoord,
                    "bewaartermijn": settings.MELDINGEN_BEWAARTERMIJN_DAGEN,
                },
            ),
            aan=[vorige.email],
        )
    melding.save(update_fields=["status", "afgehandeld_op", "antwoord", "beantwoord_op"])
    return gemaild


def bewaartermijn() -> datetime.timedelta:
    return datetime.timedelta(days=settings.MELDINGEN_BEWAARTERMIJN_DAGEN)


def ruim_contactgegevens_op(*, nu: datetime.datetime | None = None) -> int:
    """Blank the name and e-mail address of the melder of every melding handled longer than the
    bewaartermijn ago. Running it again changes nothing. Gives how many were blanked."""
    nu = nu or timezone.now()
    meldingen = list(
        Melding.objects.filter(
            status=Status.AFGEHANDELD, afgehandeld_op__lt=nu - bewaartermijn()
        ).exclude(naam="", email="")
    )
    for melding in meldingen:
        melding.naam, melding.email, melding.contactgegevens_verwijderd_op = "", "", nu
    return bulk_bijwerken(Melding, meldingen, ["naam", "email", "contactgegevens_verwijderd_op"])

"""Make (or update) a redacteur: a staff account in the group Redacteuren that edits for the
given gemeenten and regelingen (secretariaat). Signing in is through a token (``maak_token``),
the identity provider (OIDC) or a password a beheerder sets in the admin."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from agreements.models import Regeling
from agreements.redactie.models import Redacteur
from agreements.redactie.rollen import REDACTEUREN
from municipalities.models import Gemeente
from registry.protocol import kanaal


class Command(BaseCommand):
    help = "Maak een redacteur van gemeenten en/of regelingen (secretariaat)."

    def add_arguments(self, parser):
        parser.add_argument("gebruiker", help="gebruikersnaam")
        parser.add_argument(
            "--gemeente", action="append", default=[], help="CBS-code, bijv. GM0626"
        )
        parser.add_argument(
            "--regeling", action="append", default=[], help="identificatie van de regeling"
        )
        parser.add_argument("--email", default="", help="e-mailadres (voor meldingen)")

    def handle(self, *args, gebruiker, gemeente, regeling, email, **options):
        gemeenten = list(Gemeente.objects.filter(code__in=[c.upper() for c in gemeente]))
        regelingen = list(Regeling.objects.filter(slug__in=regeling))
        if len(gemeenten) != len(set(gemeente)) or len(regelingen) != len(set(regeling)):
            raise CommandError("Een van de gemeenten of regelingen bestaat niet.")
        if not gemeenten and not regelingen:
            raise CommandError("Noem ten minste één gemeente of regeling.")
        with transaction.atomic(), kanaal("commando"):
            user, nieuw = get_user_model().objects.get_or_create(
                username=gebruiker, defaults={"email": email}
            )
            if nieuw:
                user.set_unusable_password()
            user.is_staff = True
            user.save()
            user.groups.add(Group.objects.get(name=REDACTEUREN))
            redacteur, _ = Redacteur.objects.get_or_create(gebruiker=user)
            redacteur.gemeenten.add(*gemeenten)
            redacteur.regelingen.add(*regelingen)
        self.stdout.write(
            f"{gebruiker} is redacteur van {', '.join(sorted(redacteur.organisaties()))}."
        )

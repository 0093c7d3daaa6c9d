"""Make a personal API token for an existing user and print it (once); e.g. for a script or
for the throwaway account of ``make schemathesis``."""

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from agreements.redactie.models import TOKEN_HOOGSTENS_DAGEN, ApiToken


class Command(BaseCommand):
    help = "Maak een persoonlijke API-token voor een gebruiker en toon hem (eenmalig)."

    def add_arguments(self, parser):
        parser.add_argument("gebruiker", help="gebruikersnaam")
        parser.add_argument("--naam", default="token", help="waarvoor de token dient")
        parser.add_argument(
            "--dagen", type=int, default=30, help=f"geldig (1 tot {TOKEN_HOOGSTENS_DAGEN})"
        )

    def handle(self, *args, gebruiker, naam, dagen, **options):
        if not 0 <= dagen <= TOKEN_HOOGSTENS_DAGEN:
            raise CommandError(f"Een token is 0 tot {TOKEN_HOOGSTENS_DAGEN} dagen geldig.")
        try:
            user = get_user_model().objects.get(username=gebruiker)
        except get_user_model().DoesNotExist as fout:
            raise CommandError(f"Er is geen gebruiker '{gebruiker}'.") from fout
        token = ApiToken(
            gebruiker=user,
            naam=naam,
            verloopt_op=timezone.localdate() + datetime.timedelta(days=dagen),
        )
        tekst = token.genereer()
        token.full_clean()
        token.save()
        self.stdout.write(tekst)

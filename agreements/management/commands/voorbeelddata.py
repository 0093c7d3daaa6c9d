from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from agreements.models import Regeling
from agreements.services import pas_toe
from municipalities.models import Gemeente, Herindeling

FIXTURES = ["gemeenten", "themas", "regelingen", "herindelingen"]


def fixtures() -> list[str]:
    """The register's own fixtures, then those that apps declare as ``voorbeelddata``."""
    eigen = [
        naam for config in apps.get_app_configs() for naam in getattr(config, "voorbeelddata", [])
    ]
    return [*FIXTURES, *eigen]


class Command(BaseCommand):
    help = (
        "Laadt de voorbeelddata (gemeenten, thema's, de voorbeeldcasussen en de herindelingen) "
        "in een leeg register en voert de herindelingen door."
    )

    def handle(self, *args, **options):
        if Gemeente.objects.exists() or Regeling.objects.exists():
            self.stdout.write("Het register bevat al gegevens; voorbeelddata niet opnieuw geladen.")
            return
        with transaction.atomic():
            call_command("loaddata", *fixtures(), verbosity=options["verbosity"])
            # The herindelingen are carried through the deelnames as a griffie would: recorded.
            for herindeling in Herindeling.objects.order_by("datum"):
                pas_toe(herindeling)

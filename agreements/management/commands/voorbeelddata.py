from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from agreements.models import Regeling
from municipalities.models import Gemeente

FIXTURES = ["gemeenten", "themas", "regelingen", "grip"]


class Command(BaseCommand):
    help = (
        "Laadt de voorbeelddata (gemeenten, thema's en de voorbeeldcasussen) in een leeg register."
    )

    def handle(self, *args, **options):
        if Gemeente.objects.exists() or Regeling.objects.exists():
            self.stdout.write("Het register bevat al gegevens; voorbeelddata niet opnieuw geladen.")
            return
        with transaction.atomic():
            call_command("loaddata", *FIXTURES, verbosity=options["verbosity"])

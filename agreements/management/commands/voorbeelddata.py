from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from agreements import roo
from agreements.models import Regeling
from agreements.services import pas_toe, vul_identificatoren
from municipalities.grenzen import bereken_grenzen
from municipalities.models import Gemeente, Herindeling
from registry.protocol import historie_model, kanaal, vastleggen

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
        "in een leeg register, met --landelijk ook de landelijke momentopname van het ROO, "
        "voert de herindelingen door en leidt de grenzen voor de kaarten af."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--landelijk",
            action="store_true",
            help="Importeert ook alle gemeenschappelijke regelingen uit de meegeleverde "
            f"momentopname ({settings.ROO_MOMENTOPNAME_BRON}).",
        )

    def handle(self, *args, landelijk=False, **options):
        if Gemeente.objects.exists() or Regeling.objects.exists():
            self.stdout.write("Het register bevat al gegevens; voorbeelddata niet opnieuw geladen.")
            return
        with transaction.atomic(), kanaal("commando"):
            call_command("loaddata", *fixtures(), verbosity=options["verbosity"])
            # loaddata saves raw, without history: the rows it loaded are recorded here.
            for model in apps.get_models():
                if historie_model(model) is not None:
                    vastleggen(model.objects.order_by("pk"), "+")
            if landelijk:
                self.importeer_momentopname(options["verbosity"])
            vul_identificatoren(pad=settings.IDENTIFICATOREN)
            # The herindelingen are carried through the deelnames as a griffie would: recorded.
            for herindeling in Herindeling.objects.order_by("datum"):
                pas_toe(herindeling)
            bereken_grenzen()  # the boundaries of every date, for the maps

    def importeer_momentopname(self, verbosity: int):
        try:
            export = roo.lees_export(settings.ROO_MOMENTOPNAME)
            resultaat = roo.importeer(export, bron=settings.ROO_MOMENTOPNAME_BRON)
        except (OSError, roo.RooFout) as fout:
            raise CommandError(f"De landelijke momentopname is niet ingelezen: {fout}") from fout
        if verbosity:
            self.stdout.write(str(resultaat))

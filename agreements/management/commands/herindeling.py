from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from agreements.services import maak_ongedaan, pas_toe
from municipalities.models import Herindeling


class Command(BaseCommand):
    help = (
        "Voert een herindeling door in de deelnames (in één transactie, vastgelegd), "
        "of maakt dat ongedaan zolang er sindsdien niets is gewijzigd."
    )

    def add_arguments(self, parser):
        parser.add_argument("identificatie", help="bijvoorbeeld 2019-groningen")
        parser.add_argument("--ongedaan-maken", action="store_true")

    def handle(self, *args, **options):
        try:
            herindeling = Herindeling.objects.get(slug=options["identificatie"])
        except Herindeling.DoesNotExist:
            raise CommandError(f"Onbekende herindeling: {options['identificatie']}.") from None
        try:
            if options["ongedaan_maken"]:
                aantal = maak_ongedaan(herindeling)
                melding = (
                    "Deze herindeling was niet doorgevoerd; er is niets veranderd."
                    if aantal is None
                    else f"{herindeling} ongedaan gemaakt: {aantal} wijziging"
                    f"{'' if aantal == 1 else 'en'} teruggedraaid."
                )
            else:
                tellingen = pas_toe(herindeling)
                melding = (
                    "Deze herindeling was al doorgevoerd; er is niets veranderd."
                    if tellingen is None
                    else f"{herindeling} doorgevoerd: {tellingen['beeindigd']} deelnames "
                    f"beëindigd, {tellingen['aangemaakt']} overgenomen door de opvolger, "
                    f"{tellingen['gemeenten']} gemeenten opgeheven, "
                    f"{tellingen['herzieningen']} regelingen te herzien."
                )
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from None
        self.stdout.write(melding)

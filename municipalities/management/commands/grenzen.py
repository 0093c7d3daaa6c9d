from django.core.management.base import BaseCommand

from municipalities.grenzen import GRENZEN_VANAF, bereken_grenzen


class Command(BaseCommand):
    help = (
        "Leidt de grenzen van elke gemeente op elke datum sinds "
        f"{GRENZEN_VANAF:%-d-%-m-%Y} af uit de meegeleverde CBS-kaarten en de herindelingen "
        "van het register, en slaat ze op (vervangt de vorige)."
    )

    def handle(self, *args, **options):
        uitkomst = bereken_grenzen()
        if options["verbosity"]:
            self.stdout.write(f"{uitkomst['grenzen']} grenzen opgeslagen.")
        for code, begindatum in uitkomst["zonder"]:
            self.stderr.write(f"Geen grens voor {code} vanaf {begindatum:%Y-%m-%d}.")

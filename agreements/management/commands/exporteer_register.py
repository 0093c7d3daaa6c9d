import sys

from django.core.management.base import BaseCommand

from registry import registerbestand

# The apps whose rows are the register (the accounts are not: they stay with the installation).
REGISTER_APPS = ("municipalities", "agreements", "grip")


class Command(BaseCommand):
    help = (
        "Schrijft het hele register (gemeenten, partners, regelingen, deelnames, grip en "
        "herindelingen, met hun eigen nummers) naar één JSON-bestand, dat importeer_register "
        "in een andere database precies zo terugzet."
    )

    def add_arguments(self, parser):
        parser.add_argument("pad", nargs="?", help="Bestand om naar te schrijven (anders stdout).")

    def handle(self, *args, pad=None, verbosity=1, **options):
        if pad is None:
            registerbestand.schrijf(sys.stdout, app_labels=REGISTER_APPS)
            return
        with open(pad, "w", encoding="utf-8") as bestand:
            aantallen = registerbestand.schrijf(bestand, app_labels=REGISTER_APPS)
        if verbosity:
            self.stdout.write(f"{sum(aantallen.values())} rijen geschreven naar {pad}.")

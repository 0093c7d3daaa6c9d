from django.core.management.base import BaseCommand, CommandError

from registry import registerbestand

from .exporteer_register import REGISTER_APPS


class Command(BaseCommand):
    help = (
        "Zet een export van exporteer_register terug, in één transactie: in een leeg register, "
        "of met --vervang in plaats van wat het register nu heeft."
    )

    def add_arguments(self, parser):
        parser.add_argument("pad", help="Het bestand van exporteer_register.")
        parser.add_argument(
            "--vervang",
            action="store_true",
            help="Vervang wat het register nu heeft door de export.",
        )

    def handle(self, *args, pad, vervang=False, verbosity=1, **options):
        try:
            with open(pad, encoding="utf-8") as bestand:
                aantallen = registerbestand.lees(bestand, app_labels=REGISTER_APPS, vervang=vervang)
        except OSError as fout:
            raise CommandError(f"Het bestand {pad} kan niet worden gelezen: {fout}") from fout
        except registerbestand.RegisterbestandFout as fout:
            raise CommandError(f"{fout} Er is niets veranderd.") from fout
        if verbosity:
            self.stdout.write(f"{sum(aantallen.values())} rijen ingelezen uit {pad}.")

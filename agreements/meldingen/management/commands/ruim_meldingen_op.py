"""Remove the contact details of meldingen handled longer than the bewaartermijn ago."""

from django.conf import settings
from django.core.management.base import BaseCommand

from agreements.meldingen.services import ruim_contactgegevens_op


class Command(BaseCommand):
    help = (
        "Verwijdert naam en e-mailadres van de melder bij meldingen die langer dan "
        "MELDINGEN_BEWAARTERMIJN_DAGEN geleden zijn afgehandeld. Opnieuw draaien verandert niets."
    )

    def handle(self, *args, **options):
        aantal = ruim_contactgegevens_op()
        if options["verbosity"]:
            self.stdout.write(
                f"Contactgegevens verwijderd bij {aantal} melding{'en' if aantal != 1 else ''} "
                f"(afgehandeld meer dan {settings.MELDINGEN_BEWAARTERMIJN_DAGEN} dagen geleden)."
            )

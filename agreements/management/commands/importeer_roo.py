from django.core.management.base import BaseCommand, CommandError

from agreements import roo


class Command(BaseCommand):
    help = (
        "Importeert alle gemeenschappelijke regelingen uit de export van het Register van "
        "Overheidsorganisaties (exportOO.xml): uit het bestand PAD, of zonder PAD gedownload "
        f"van {roo.ROO_URL}."
    )

    def add_arguments(self, parser):
        parser.add_argument("pad", nargs="?", help="Pad naar exportOO.xml (anders downloaden).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            dest="proef",
            help="Laat zien wat er zou veranderen (aantallen en per regeling) en sla niets op.",
        )

    def handle(self, *args, pad=None, verbosity=1, proef=False, **options):
        toon_voortgang = verbosity >= 2 or (verbosity >= 1 and self.stderr.isatty())
        tijdelijk = None
        try:
            if pad is None:
                if verbosity:
                    self.stdout.write(f"Downloaden van {roo.ROO_URL} ...")
                tijdelijk = roo.download()
            bestand = tijdelijk or pad
            try:
                export = roo.lees_export(
                    bestand, voortgang=self.voortgang if toon_voortgang else None
                )
            except OSError as fout:
                raise roo.RooFout(f"Het bestand {pad} kan niet worden gelezen: {fout}") from fout
            if toon_voortgang:
                self.stderr.write("")
            resultaat = roo.importeer(export, bron=pad or roo.ROO_URL, proef=proef)
        except roo.RooFout as fout:
            raise CommandError(str(fout)) from fout
        finally:
            if tijdelijk:
                tijdelijk.unlink(missing_ok=True)
        if proef:
            self.stdout.write("Proefimport (--dry-run): er is niets opgeslagen.")
        if verbosity or proef:
            self.stdout.write(samenvatting(resultaat, max(verbosity, 1)))
        if proef:
            self.stdout.write(per_regeling(resultaat.per_regeling))

    def voortgang(self, versies: int, organisaties: int):
        regel = f"\r{versies} versies en {organisaties} organisaties gelezen"
        self.stderr.write(regel, style_func=str, ending="")
        self.stderr.flush()


def samenvatting(resultaat, verbosity: int) -> str:
    regels = [f"{resultaat} ({resultaat.schema or 'schema onbekend'})"]
    for soort, acties in resultaat.aantallen.items():
        regels.append(f"  {soort}: " + ", ".join(f"{n} {actie}" for actie, n in acties.items()))
    if not resultaat.wijzigingen:
        regels.append("Geen wijzigingen.")
    if resultaat.meldingen and verbosity >= 2:
        regels.append(f"{len(resultaat.meldingen)} meldingen:")
        regels += [f"  - {melding}" for melding in resultaat.meldingen]
    elif resultaat.meldingen:
        regels.append(
            f"{len(resultaat.meldingen)} meldingen; toon ze met -v 2 of in de beheerschermen."
        )
    return "\n".join(regels)


def per_regeling(wijzigingen: dict[str, list[str]]) -> str:
    """What would change, per regeling (by name): one line each."""
    if not wijzigingen:
        return "Geen regeling zou veranderen."
    regels = [f"Per regeling ({len(wijzigingen)}):"]
    regels += [
        f"  {naam}: {'; '.join(wat)}"
        for naam, wat in sorted(wijzigingen.items(), key=lambda item: item[0].lower())
    ]
    return "\n".join(regels)

from django.core.management.base import BaseCommand, CommandError

from agreements.selectors import SCAN_KOLOMMEN, OngeldigeScan, scan, scan_argumenten, scan_rijen
from municipalities.models import Gemeente
from registry.exports import Tabel, csv_regels


class Command(BaseCommand):
    help = (
        "Herindelingsscan: wat een (echte of voorgenomen) herindeling betekent voor de "
        "regelingen waaraan de gemeenten deelnemen."
    )

    def add_arguments(self, parser):
        parser.add_argument("gemeenten", nargs="+", help="CBS-codes, bijvoorbeeld GM0017 GM0009")
        parser.add_argument("--datum", required=True, help="datum van de herindeling, JJJJ-MM-DD")
        parser.add_argument("--opvolger", help="CBS-code van de gemeente die verder gaat")
        parser.add_argument("--csv", action="store_true", help="uitvoer als CSV (voor Excel)")

    def handle(self, *args, **options):
        data = {"gemeenten": ",".join(options["gemeenten"]), "datum": options["datum"]}
        if options["opvolger"]:
            data["opvolger"] = options["opvolger"]
        try:
            uitkomst = scan(**scan_argumenten(data))
        except (OngeldigeScan, Gemeente.DoesNotExist) as fout:
            raise CommandError(str(fout)) from None
        if options["csv"]:
            self.stdout.write(
                "".join(csv_regels(Tabel(SCAN_KOLOMMEN, scan_rijen(uitkomst), ""))), ending=""
            )
            return
        for regel in uitkomst["regelingen"]:
            betrokken = ", ".join(g["naam"] for g in regel["betrokken_gemeenten"])
            self.stdout.write(f"{regel['gevolg_naam']:<20} {regel['naam']} ({betrokken})")
        self.stdout.write(
            f"{uitkomst['aantal_regelingen']} regelingen: "
            + ", ".join(f"{g['gevolg_naam'].lower()} {g['aantal']}" for g in uitkomst["per_gevolg"])
        )

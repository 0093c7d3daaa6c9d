"""A register of N times the country, for the benchmark (bench/register.py).

Loads the voorbeelddata with the national ROO snapshot (scale 1: 558 regelingen, ~1,180
versions, ~4,300 deelnames, their publicaties and thema's), then copies every regeling N-1
times with its versions, publicaties, thema's and deelnames: the same dates, vormen, statuses
and thema's, the same gemeenten and partners (the country has ~400 CBS codes; a copy cannot
invent new ones), so that scale N has N times the regelingen and deelnames in the same
distributions. Copy k of a regeling is called "<naam> <k>" with identificatie "<slug>-<k>".
Deterministic: the same N gives the same rows, ids and uuids.

Fast: one INSERT … SELECT per table and copy, in the database (seconds at scale 100). It
writes around the model signals, so it advances the version of the register itself once, and
it is outside the protocollering (no history rows: benchmark data, not a change of the
register).
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max

from agreements.models import Deelname, Publicatie, Regeling, RegelingVersie
from registry import versie


def kolommen(model) -> list[str]:
    return [veld.column for veld in model._meta.concrete_fields]


class Command(BaseCommand):
    help = "Bouwt een register van N keer het land (de landelijke momentopname, N keer)."

    def add_arguments(self, parser):
        parser.add_argument("--schaal", type=int, default=1, help="N: 1, 10, 100, …")
        parser.add_argument(
            "--zonder-landelijk",
            action="store_true",
            help="Alleen de voorbeelddata als land (voor tests), niet de landelijke momentopname.",
        )

    def handle(self, *args, schaal: int, zonder_landelijk: bool = False, **options):
        if schaal < 1:
            raise CommandError("De schaal is een geheel getal vanaf 1.")
        if Regeling.objects.exists():
            raise CommandError("Het register bevat al regelingen; begin met een lege database.")
        call_command("voorbeelddata", *([] if zonder_landelijk else ["--landelijk"]), verbosity=0)
        with transaction.atomic():
            self.kopieer(schaal)
            versie.verhoog()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            f"Schaal {schaal}: {Regeling.objects.count()} regelingen, "
            f"{RegelingVersie.objects.count()} versies, {Deelname.objects.count()} deelnames, "
            f"{Publicatie.objects.count()} publicaties, "
            f"{Regeling.themas.through.objects.count()} thema-koppelingen."
        )

    def kopieer(self, schaal: int):
        themas = Regeling.themas.through
        tabellen = [Regeling, RegelingVersie, Publicatie, themas, Deelname]
        stap = {model: (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1 for model in tabellen}
        regeling_stap = stap[Regeling]
        # k is the copy: a column of generate_series on PostgreSQL (one statement per table),
        # a literal per copy elsewhere.
        if connection.vendor == "postgresql":
            kopieen = [("k", f" CROSS JOIN generate_series(1, {schaal - 1}) AS k")]
            if schaal == 1:
                kopieen = []
        else:
            kopieen = [(str(k), "") for k in range(1, schaal)]
        for k, bron in kopieen:
            tekst = "CAST(k AS text)" if k == "k" else f"'{k}'"
            regeling_id = f"regeling_id + {k} * {regeling_stap}"
            aanpassingen = {
                Regeling: {
                    "naam": f"substr(naam, 1, 290) || ' ' || {tekst}",
                    "slug": f"substr(slug, 1, 110) || '-' || {tekst}",
                },
                RegelingVersie: {
                    "titel": f"substr(titel, 1, 290) || ' ' || {tekst}",
                    "roo_id": "NULL",
                    "regeling_id": regeling_id,
                },
                Publicatie: {"regeling_id": regeling_id},
                themas: {"regeling_id": regeling_id},
                Deelname: {"regeling_id": regeling_id, "uuid": self.uuid_sql(k)},
            }
            with connection.cursor() as cursor:
                for model in tabellen:
                    velden = kolommen(model)
                    expressies = {"id": f"id + {k} * {stap[model]}", **aanpassingen[model]}
                    tabel = connection.ops.quote_name(model._meta.db_table)
                    namen = ", ".join(connection.ops.quote_name(v) for v in velden)
                    waarden = ", ".join(
                        expressies.get(v, f"{tabel}.{connection.ops.quote_name(v)}") for v in velden
                    )
                    cursor.execute(
                        f"INSERT INTO {tabel} ({namen}) SELECT {waarden} "
                        f"FROM {tabel}{bron} WHERE {tabel}.id < {stap[model]}"
                    )
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), tabellen):
                cursor.execute(sql)

    @staticmethod
    def uuid_sql(k: str) -> str:
        """A deterministic uuid per copy and original id: k in the first 8 hex digits."""
        if connection.vendor == "postgresql":
            return f"CAST(lpad(to_hex({k}), 8, '0') || lpad(to_hex(id), 24, '0') AS uuid)"
        return f"printf('%08x%024x', {k}, id)"

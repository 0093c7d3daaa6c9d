"""The whole register as one portable JSON file, and back (``manage.py exporteer_register`` and
``importeer_register``): every row of every model of the given apps, the links of many-to-many
fields included, with their own primary keys, so that an import into another database (SQLite
to PostgreSQL, or a fresh one after a restore) reproduces the register exactly.

Django's serializers do the work, with the "python" format written as JSON by an encoder that
keeps what ``dumpdata`` loses: the microseconds of a moment, and the full precision of decimals.
An import runs in one transaction: it refuses a file of another kind or version, and replaces
what the register holds only when asked to (``vervang``).
"""

import datetime
import decimal
import json
import uuid

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

FORMAAT = "samenwerkingsregister"
VERSIE = 1


class RegisterbestandFout(Exception):
    """The file cannot be imported; the message is meant for the user (Dutch)."""


class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.date, datetime.time)):
            return o.isoformat()
        if isinstance(o, (decimal.Decimal, uuid.UUID)):
            return str(o)
        return super().default(o)


def modellen(app_labels: tuple[str, ...]) -> list:
    """The models whose rows make up the register: those of ``app_labels``, the tables of
    many-to-many links included, in the order of their apps."""
    return [
        model
        for label in app_labels
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.managed
    ]


def schrijf(bestand, *, app_labels: tuple[str, ...]) -> dict[str, int]:
    """Write every row of ``app_labels`` to ``bestand`` (a text file); return counts per model."""
    aantallen = {}
    rijen = []
    for model in modellen(app_labels):
        # The links of a many-to-many field are written as rows of their own table (with
        # their own ids), not as a list on the row that holds the field.
        velden = [veld.name for veld in model._meta.local_fields if not veld.primary_key]
        deel = serializers.serialize("python", model._base_manager.order_by("pk"), fields=velden)
        rijen += deel
        aantallen[model._meta.label] = len(deel)
    json.dump(
        {
            "formaat": FORMAAT,
            "versie": VERSIE,
            "geexporteerdOp": timezone.now(),
            "aantallen": aantallen,
            "rijen": rijen,
        },
        bestand,
        cls=Encoder,
        ensure_ascii=False,
    )
    return aantallen


def lees(bestand, *, app_labels: tuple[str, ...], vervang: bool = False) -> dict[str, int]:
    """Load a file written by ``schrijf`` into the register, in one transaction. An empty
    register is filled; one that holds rows is replaced only with ``vervang``."""
    try:
        inhoud = json.load(bestand)
    except (ValueError, UnicodeDecodeError) as fout:
        raise RegisterbestandFout(f"Het bestand is geen geldige JSON: {fout}.") from fout
    if not isinstance(inhoud, dict) or inhoud.get("formaat") != FORMAAT:
        raise RegisterbestandFout("Dit is geen export van het Samenwerkingsregister.")
    if inhoud.get("versie") != VERSIE:
        raise RegisterbestandFout(
            f"Deze export heeft versie {inhoud.get('versie')}; dit register leest versie {VERSIE}."
        )
    gekozen = modellen(app_labels)
    labels = {model._meta.label for model in gekozen}
    if onbekend := sorted(
        {rij.get("model", "") for rij in inhoud["rijen"]} - {label.lower() for label in labels}
    ):
        raise RegisterbestandFout(
            f"De export bevat gegevens die dit register niet kent: {', '.join(onbekend)}."
        )
    aantallen: dict[str, int] = {}
    with transaction.atomic():
        if any(model._base_manager.exists() for model in gekozen):
            if not vervang:
                raise RegisterbestandFout(
                    "Het register is niet leeg; geef --vervang om het te vervangen door de export."
                )
            for model in reversed(gekozen):
                model._base_manager.all()._raw_delete(connection.alias)  # historie: in the file
        with connection.constraint_checks_disabled():
            try:
                for object in serializers.deserialize("python", inhoud["rijen"]):
                    object.save(save_m2m=False)
                    label = object.object._meta.label
                    aantallen[label] = aantallen.get(label, 0) + 1
            except serializers.base.DeserializationError as fout:
                raise RegisterbestandFout(f"De export kan niet worden gelezen: {fout}") from fout
        connection.check_constraints(table_names=[m._meta.db_table for m in gekozen])
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), gekozen):
                cursor.execute(sql)
    return aantallen

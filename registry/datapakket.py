"""The whole register on a peildatum as a dataset: one CSV per resource with a
``datapackage.json`` (Frictionless Data Package, https://specs.frictionlessdata.io/) in a zip,
or the same tables in one SQLite file.

Each app registers the resources it owns (``registreer``, from its ``AppConfig.ready()``, as
with ``registry.sections``), so that this module imports no app. A resource names its model, the
rows on a peildatum and where they come from; the columns follow from the model's fields. A
foreign key becomes the natural key of the row it points to (the CBS code of a gemeente, the
identificatie of a regeling), and a row that points to a row outside the dataset is left out, so
that every foreign key of the package holds. Rows are read in chunks and written to a file as
they come: memory follows the number of keys, not the size of the dataset.
"""

import csv
import datetime
import io
import json
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models

CC0 = {
    "name": "CC0-1.0",
    "title": "Creative Commons Zero v1.0 Universal",
    "path": "https://creativecommons.org/publicdomain/zero/1.0/",
}
CC_BY = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
DEEL = 2000

TYPES = {
    "AutoField": "integer",
    "BigAutoField": "integer",
    "BooleanField": "boolean",
    "DateField": "date",
    "DateTimeField": "datetime",
    "DecimalField": "number",
    "FloatField": "number",
    "IntegerField": "integer",
    "PositiveIntegerField": "integer",
    "PositiveSmallIntegerField": "integer",
    "SmallIntegerField": "integer",
}
SQLITE_TYPES = {
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
}


@dataclass(frozen=True)
class Extra:
    """A column that is not a field of the model: ``waarde(obj, peildatum)`` gives its value."""

    naam: str
    type: str
    beschrijving: str
    waarde: Callable


@dataclass(frozen=True)
class Bron:
    """One resource of the dataset. ``rijen(peildatum)`` gives the queryset of the rows;
    ``sleutel`` is the field that identifies a row ("code", "slug", "uuid" or "pk")."""

    naam: str
    titel: str
    beschrijving: str
    model: type[models.Model]
    rijen: Callable[[datetime.date], models.QuerySet]
    sleutel: str = "pk"
    extra: tuple[Extra, ...] = ()
    weglaten: tuple[str, ...] = ()
    licenties: tuple[dict, ...] = (CC0,)
    bronnen: tuple[dict, ...] = ()

    @property
    def sleutelkolom(self) -> str:
        return {"pk": "id", "slug": "identificatie", "uuid": "identificatie"}.get(
            self.sleutel, self.sleutel
        )

    def velden(self) -> list[models.Field]:
        pk = self.model._meta.pk
        return [
            f
            for f in self.model._meta.concrete_fields
            if f.name not in self.weglaten
            and not isinstance(f, models.JSONField)
            and (f is not pk or self.sleutel == "pk")
        ]


_bronnen: list[Bron] = []


def registreer(bron: Bron) -> None:
    """Add ``bron`` to the dataset, after those registered before it (which its foreign keys
    may point to)."""
    if all(b.naam != bron.naam for b in _bronnen):
        _bronnen.append(bron)


def bronnen() -> list[Bron]:
    return list(_bronnen)


def _bron_van(model) -> Bron | None:
    return next((b for b in _bronnen if b.model is model), None)


@dataclass
class Tabel:
    bron: Bron
    kolommen: list[dict]  # Frictionless field descriptors, with "_sql" for SQLite
    sleutels: list[dict] = field(default_factory=list)  # foreignKeys
    rijen: Iterator[list] = iter(())


def _kolom(f: models.Field, naam: str, type_: str) -> dict:
    beschrijving = str(f.verbose_name)
    if f.help_text:
        beschrijving += f": {f.help_text}"
    kolom = {"name": naam, "type": type_, "description": beschrijving}
    if f.choices and type_ == "string":
        kolom["constraints"] = {"enum": [str(c) for c, _ in f.flatchoices]}
    return kolom


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, (datetime.date, datetime.datetime)):
        return waarde.isoformat()
    if isinstance(waarde, Decimal):
        return format(waarde, "f")
    return str(waarde)


def tabellen(peildatum: datetime.date) -> Iterator[Tabel]:
    """The tables of the dataset on ``peildatum``, in the order of registration, each with
    rows that are read only when they are iterated."""
    sleutels_per_bron: dict[str, dict] = {}
    for bron in _bronnen:
        queryset = bron.rijen(peildatum)
        eigen = {
            pk: str(sleutel)
            for pk, sleutel in queryset.order_by().values_list("pk", bron.sleutel).distinct()
        }
        sleutels_per_bron[bron.naam] = eigen
        kolommen, foreign_keys, lezers, vereist = [], [], [], []
        for f in bron.velden():
            if f.is_relation:
                doel = _bron_van(f.related_model)
                if doel is None:
                    continue
                doel_sleutels = eigen if doel is bron else sleutels_per_bron[doel.naam]
                kolom = _kolom(f, f.name, "string")
                kolommen.append(kolom)
                foreign_keys.append(
                    {
                        "fields": f.name,
                        "reference": {
                            "resource": "" if doel is bron else doel.naam,
                            "fields": doel.sleutelkolom,
                        },
                    }
                )
                lezers.append(lambda obj, f=f, s=doel_sleutels: s.get(getattr(obj, f.attname)))
                if doel is not bron:  # a row that points outside the dataset is left out
                    vereist.append((f.attname, doel_sleutels))
                continue
            naam = bron.sleutelkolom if f.name == bron.sleutel else f.name
            if f.primary_key:
                naam = "id"
            type_ = TYPES.get(f.get_internal_type(), "string")
            kolommen.append(_kolom(f, naam, type_))
            lezers.append(lambda obj, f=f: getattr(obj, f.attname))
        for extra in bron.extra:
            kolommen.append(
                {"name": extra.naam, "type": extra.type, "description": extra.beschrijving}
            )
            lezers.append(lambda obj, extra=extra: extra.waarde(obj, peildatum))
        plaats = next(i for i, k in enumerate(kolommen) if k["name"] == bron.sleutelkolom)
        kolommen.insert(0, kolommen.pop(plaats))  # the key first
        lezers.insert(0, lezers.pop(plaats))
        sleutelkolom = kolommen[0]
        sleutelkolom["constraints"] = {
            **sleutelkolom.get("constraints", {}),
            "required": True,
            "unique": True,
        }

        def rijen(queryset=queryset, lezers=lezers, vereist=vereist):
            for obj in queryset.order_by("pk").distinct().iterator(chunk_size=DEEL):
                if any(
                    getattr(obj, attname) is not None and getattr(obj, attname) not in sleutels
                    for attname, sleutels in vereist
                ):
                    continue
                yield [lezer(obj) for lezer in lezers]

        yield Tabel(bron, kolommen, foreign_keys, rijen())


def beschrijving(bron: Bron, tabel: Tabel) -> dict:
    """The Frictionless descriptor of one resource."""
    return {
        "name": bron.naam,
        "path": f"{bron.naam}.csv",
        "profile": "tabular-data-resource",
        "title": bron.titel,
        "description": bron.beschrijving,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "licenses": list(bron.licenties),
        "sources": list(bron.bronnen),
        "schema": {
            "fields": tabel.kolommen,
            "primaryKey": [bron.sleutelkolom],
            "foreignKeys": tabel.sleutels,
            "missingValues": [""],
        },
    }


def pakket(peildatum: datetime.date, resources: list[dict], titel: str) -> dict:
    licenties = {lic["name"]: lic for r in resources for lic in r["licenses"]}
    return {
        "name": f"samenwerkingsregister-{peildatum.isoformat()}",
        "title": f"{titel} op {peildatum.isoformat()}",
        "description": "Het hele register zoals het was op de peildatum, berekend uit de "
        "geldigheid van elke rij. Licentie en bronnen staan per resource; de bron van elke "
        "casus staat in de kolom bron van de rij.",
        "profile": "tabular-data-package",
        "version": peildatum.isoformat(),
        "created": datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat(),
        "keywords": ["gemeenschappelijke regelingen", "Wgr", "samenwerking", "gemeenten"],
        "licenses": list(licenties.values()),
        "resources": resources,
    }


def schrijf_zip(peildatum: datetime.date, bestand, titel: str) -> None:
    """The CSVs and ``datapackage.json`` of ``peildatum`` into the open binary ``bestand``."""
    resources = []
    with zipfile.ZipFile(bestand, "w", compression=zipfile.ZIP_DEFLATED) as archief:
        for tabel in tabellen(peildatum):
            with archief.open(f"{tabel.bron.naam}.csv", "w") as ruw:
                tekst = io.TextIOWrapper(ruw, encoding="utf-8", newline="")
                schrijver = csv.writer(tekst, lineterminator="\n")
                schrijver.writerow([k["name"] for k in tabel.kolommen])
                for rij in tabel.rijen:
                    schrijver.writerow([_tekst(w) for w in rij])
                tekst.flush()
                tekst.detach()
            resources.append(beschrijving(tabel.bron, tabel))
        archief.writestr(
            "datapackage.json",
            json.dumps(pakket(peildatum, resources, titel), ensure_ascii=False, indent=2),
        )


def _sql(waarde):
    """A value as SQLite stores it: booleans as 0/1, amounts as REAL, dates as ISO text."""
    if waarde is None or isinstance(waarde, (int, float, str)):
        return int(waarde) if isinstance(waarde, bool) else waarde
    if isinstance(waarde, Decimal):
        return float(waarde)
    return _tekst(waarde)


def _sql_naam(naam: str) -> str:
    return '"' + naam.replace('"', '""') + '"'


def schrijf_sqlite(peildatum: datetime.date, pad: str, titel: str) -> None:
    """The same tables into a new SQLite database at ``pad``, with primary and foreign keys
    and the data package descriptor in the table ``datapackage``."""
    verbinding = sqlite3.connect(pad)
    resources = []
    try:
        for tabel in tabellen(peildatum):
            kolommen = [
                f"{_sql_naam(k['name'])} {SQLITE_TYPES.get(k['type'], 'TEXT')}"
                for k in tabel.kolommen
            ]
            kolommen.append(f"PRIMARY KEY ({_sql_naam(tabel.bron.sleutelkolom)})")
            for fk in tabel.sleutels:
                doel = fk["reference"]["resource"] or tabel.bron.naam
                kolommen.append(
                    f"FOREIGN KEY ({_sql_naam(fk['fields'])}) REFERENCES "
                    f"{_sql_naam(doel)} ({_sql_naam(fk['reference']['fields'])})"
                )
            verbinding.execute(f"CREATE TABLE {_sql_naam(tabel.bron.naam)} ({', '.join(kolommen)})")
            plaatsen = ", ".join("?" * len(tabel.kolommen))
            insert = f"INSERT INTO {_sql_naam(tabel.bron.naam)} VALUES ({plaatsen})"
            rijen = ([_sql(w) for w in rij] for rij in tabel.rijen)
            verbinding.executemany(insert, rijen)
            resources.append(beschrijving(tabel.bron, tabel))
        verbinding.execute("CREATE TABLE datapackage (descriptor TEXT NOT NULL)")
        verbinding.execute(
            "INSERT INTO datapackage VALUES (?)",
            [json.dumps(pakket(peildatum, resources, titel), ensure_ascii=False)],
        )
        verbinding.commit()
    finally:
        verbinding.close()

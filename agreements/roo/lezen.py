"""Reading the ROO export: one streaming pass over ``exportOO.xml`` that keeps compact records
of the regeling versions and of the few facts of organisaties the import needs.

The DOM is cleared as the pass goes, so memory follows the size of those records, not of the
file. An xz-compressed export (as the national snapshot that ships with the register) is read
as it is. Nothing here touches the database; ``download`` fetches the export to a temporary file.

Long texts (doel, the content of a bevoegdheid) keep the line breaks they have. The export
itself has none: between the items of a list they are lost ("op het gebied van:a. de
heffing;b. de uitvoering", "derden.2. Het bestuur"), so the reader puts them back
(``registry.text.restore_line_breaks``).
"""

import datetime
import lzma
import re
import shutil
import tempfile
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from registry.tekens import zonder_onzichtbaar
from registry.text import restore_line_breaks

ROO_URL = "https://organisaties.overheid.nl/archive/exportOO.xml"
# The namespace of every ROO export: its schema version at the end (2.6.9 in 2026); before the
# ROO moved to organisaties.overheid.nl it was almanak.overheid.nl.
ROO_NAMESPACE = re.compile(
    r"https://(organisaties|almanak)\.overheid\.nl/static/schema/oo/export/[0-9][0-9.]*"
)
ROO_NAMESPACE_VOORBEELD = "https://organisaties.overheid.nl/static/schema/oo/export/…"
XZ_MAGIC = b"\xfd7zXZ\x00"


class RooFout(Exception):
    """The export cannot be read or imported; the message is meant for the user (Dutch)."""


@dataclass(slots=True)
class DeelnemerRij:
    """One deelnemendeOrganisatie row of a version, as the export gives it."""

    systeem_id: str
    tooi: str
    naam: str
    toetreding: datetime.date | None
    uittreding: datetime.date | None
    verdeelsleutel: Decimal | None
    bestuursorganen: frozenset[str]


@dataclass(slots=True)
class Versie:
    """One regeling record of the export: a version of a gemeenschappelijke regeling."""

    systeem_id: str
    titel: str
    vorm_code: str
    begin: datetime.date | None
    uitwerking: datetime.date | None
    vorige: str = ""
    volgende: str = ""
    doel: str = ""
    bevoegdheidsverkrijgingen: frozenset[str] = frozenset()
    orgaan_id: str = ""
    orgaan_tooi: str = ""
    deelnemers: list[DeelnemerRij] = field(default_factory=list)
    besluiten: list[str] = field(default_factory=list)
    grondslagen: list[tuple[str, str]] = field(default_factory=list)
    bevoegdheden: list[tuple[str, str]] = field(default_factory=list)
    beleidsterreinen: list[tuple[str, str]] = field(default_factory=list)
    adres: tuple[str, str] = ("", "")


@dataclass(slots=True)
class Organisatie:
    """The facts of an organisatie record the import needs: its codes and address."""

    systeem_id: str
    tooi: str
    naam: str
    codes: dict[str, str]
    adres: tuple[str, str] = ("", "")


@dataclass(slots=True)
class Export:
    """What one pass over the export keeps, with the messages about what it skipped."""

    schema: str
    versies: dict[str, Versie]
    organisaties: dict[str, Organisatie]
    meldingen: list[str] = field(default_factory=list)


def _local_name(naam: str) -> str:
    return naam.rpartition("}")[2]


def _attr(el, naam: str) -> str:
    for sleutel, waarde in el.attrib.items():
        if _local_name(sleutel) == naam:
            return waarde.strip()
    return ""


def _children(el, *pad: str) -> list:
    """The elements at ``pad`` below ``el``, matched on local name."""
    huidige = [el]
    for naam in pad:
        huidige = [kind for ouder in huidige for kind in ouder if _local_name(kind.tag) == naam]
    return huidige


def _text(el, *pad: str) -> str:
    """A short text (a title, name, code or date) without the invisible characters the export
    has in some of them ("\u200b\u200bGemeenschappelijke Regeling VRBZO 2024\u200b")."""
    gevonden = _children(el, *pad)
    return zonder_onzichtbaar(gevonden[0].text or "") if gevonden else ""


def _long_text(el, *pad: str) -> str:
    """A text of paragraphs and lists, with the line breaks the export has and those it lost."""
    gevonden = _children(el, *pad)
    return restore_line_breaks(gevonden[0].text or "") if gevonden else ""


def _parse_date(tekst: str, meldingen: list[str], waar: str) -> datetime.date | None:
    if not tekst:
        return None
    try:
        return datetime.date.fromisoformat(tekst[:10])
    except ValueError:
        meldingen.append(f"{waar}: ongeldige datum '{tekst}' genegeerd.")
        return None


def _bezoekadres(el) -> tuple[str, str]:
    """(adres, woonplaats) of the first Bezoekadres, e.g. ('Lloydsweg 17, 9641 KJ Veendam',
    'Veendam')."""
    for adres in _children(el, "adressen", "adres"):
        soort = _text(adres, "adresType") or _attr(adres, "adresType")
        straat = _text(adres, "openbareRuimte")
        if soort.lower() != "bezoekadres" or not straat:
            continue
        nummer = _text(adres, "huisnummer") + _text(adres, "toevoeging")
        plaats = _text(adres, "woonplaats")
        regel = " ".join(d for d in (straat, nummer) if d)
        postcode_plaats = " ".join(d for d in (_text(adres, "postcode"), plaats) if d)
        return ", ".join(d for d in (regel, postcode_plaats) if d)[:200], plaats[:100]
    return "", ""


def _lees_versie(el, meldingen: list[str]) -> Versie:
    systeem_id = _attr(el, "systeemId")
    waar = f"Versie {systeem_id}"
    deelnemers = []
    for rij in _children(el, "deelnemendeOrganisaties", "deelnemendeOrganisatie"):
        sleutel = _text(rij, "verdeelsleutel")
        verdeelsleutel = None
        if sleutel:
            try:
                verdeelsleutel = Decimal(sleutel.replace(",", ".")).quantize(Decimal("0.0001"))
            except InvalidOperation:
                verdeelsleutel = None
            if verdeelsleutel is None or not 0 <= verdeelsleutel <= 100:
                meldingen.append(f"{waar}: verdeelsleutel '{sleutel}' genegeerd.")
                verdeelsleutel = None
        deelnemers.append(
            DeelnemerRij(
                systeem_id=_attr(rij, "systeemId"),
                tooi=_attr(rij, "resourceIdentifierTOOI"),
                naam=_text(rij, "naam"),
                toetreding=_parse_date(_text(rij, "toetredingsDatum"), meldingen, waar),
                uittreding=_parse_date(_text(rij, "uittredingsDatum"), meldingen, waar),
                verdeelsleutel=verdeelsleutel,
                bestuursorganen=frozenset(
                    (o.text or "").strip().lower()
                    for o in _children(rij, "bestuursorganen", "bestuursorgaan")
                ),
            )
        )
    orgaan = _children(el, "regionaalSamenwerkingsorgaan")
    vorige, volgende = _children(el, "previousVersion"), _children(el, "nextVersion")
    return Versie(
        systeem_id=systeem_id,
        titel=_text(el, "titel"),
        vorm_code=_attr(_children(el, "samenwerkingsvorm")[0], "afkorting")
        if _children(el, "samenwerkingsvorm")
        else "",
        begin=_parse_date(_text(el, "datumInwerkingtreding"), meldingen, waar),
        uitwerking=_parse_date(_text(el, "datumUitwerkingtreding"), meldingen, waar),
        vorige=_attr(vorige[0], "systeemId") if vorige else "",
        volgende=_attr(volgende[0], "systeemId") if volgende else "",
        doel=_long_text(el, "doel"),
        bevoegdheidsverkrijgingen=frozenset(
            (b.text or "").strip().lower()
            for b in _children(el, "bevoegdheidsverkrijgingen", "bevoegdheidsverkrijging")
        ),
        orgaan_id=_attr(orgaan[0], "systeemId") if orgaan else "",
        orgaan_tooi=_attr(orgaan[0], "resourceIdentifierTOOI") if orgaan else "",
        deelnemers=deelnemers,
        besluiten=[
            (r.text or "").strip()
            for r in _children(el, "instellingsbesluiten", "referentie")
            if (r.text or "").strip()
        ],
        grondslagen=[
            (_text(g, "opschrift"), _text(g, "referentie"))
            for g in _children(el, "wettelijkeGrondslagen", "wettelijkeGrondslag")
        ],
        bevoegdheden=[
            (_text(b, "kopArtikel"), _long_text(b, "inhoudArtikel"))
            for b in _children(el, "bevoegdheden", "bevoegdheid")
        ],
        beleidsterreinen=[
            ((b.text or "").strip(), _attr(b, "resourceIdentifier"))
            for b in _children(el, "beleidsterreinen", "beleidsterrein")
        ],
        adres=_bezoekadres(el),
    )


def _lees_organisatie(el) -> Organisatie:
    codes = {
        _attr(c, "naam"): (c.text or "").strip()
        for c in _children(el, "identificatiecodes", "resourceIdentifier")
    }
    return Organisatie(
        systeem_id=_attr(el, "systeemId"),
        tooi=_attr(el, "resourceIdentifierTOOI"),
        naam=_text(el, "naam"),
        codes=codes,
        adres=_bezoekadres(el),
    )


def open_export(pad: str | Path):
    """Open an export file for reading, decompressing it on the fly when it is xz-compressed."""
    with open(pad, "rb") as bestand:
        compressed = bestand.read(len(XZ_MAGIC)) == XZ_MAGIC
    return lzma.open(pad, "rb") if compressed else open(pad, "rb")


def lees_export(bron, voortgang: Callable[[int, int], None] | None = None) -> Export:
    """Read the export at ``bron`` (a path, possibly of an xz file, or a binary file object) in
    one streaming pass; ``voortgang`` hears the number of versions and organisaties read now
    and then."""
    bestand = open_export(bron) if isinstance(bron, str | Path) else nullcontext(bron)
    try:
        with bestand as stroom:
            return _lees(stroom, voortgang)
    except (lzma.LZMAError, EOFError) as fout:
        raise RooFout(
            f"Het gecomprimeerde bestand is beschadigd of onvolledig: {fout}. "
            "Er is niets veranderd."
        ) from fout


def _lees(bron, voortgang: Callable[[int, int], None] | None) -> Export:
    export = Export(schema="", versies={}, organisaties={})
    stapel = []
    gelezen = 0
    try:
        for gebeurtenis, el in ET.iterparse(bron, events=("start", "end")):
            if gebeurtenis == "start":
                if not stapel:
                    if _local_name(el.tag) != "overheidsorganisaties":
                        raise RooFout(
                            f"Dit is geen ROO-export: het hoofdelement is '{_local_name(el.tag)}' "
                            "in plaats van 'overheidsorganisaties'."
                        )
                    export.schema = el.tag[1:].partition("}")[0] if el.tag[0] == "{" else ""
                    if not ROO_NAMESPACE.fullmatch(export.schema):
                        raise RooFout(
                            "Dit is geen ROO-export: de namespace is "
                            f"'{export.schema or 'geen'}' in plaats van "
                            f"'{ROO_NAMESPACE_VOORBEELD}'. Er is niets veranderd."
                        )
                stapel.append(el)
                continue
            stapel.pop()
            naam = _local_name(el.tag)
            ouder = _local_name(stapel[-1].tag) if stapel else ""
            if naam == "regeling" and ouder == "gemeenschappelijkeRegelingen":
                versie = _lees_versie(el, export.meldingen)
                if not versie.systeem_id:
                    export.meldingen.append(
                        f"Regeling '{versie.titel}' zonder systeemId overgeslagen."
                    )
                else:
                    export.versies[versie.systeem_id] = versie
            elif naam == "organisatie" and ouder == "organisaties":
                organisatie = _lees_organisatie(el)
                if organisatie.systeem_id:
                    export.organisaties[organisatie.systeem_id] = organisatie
            else:
                continue
            stapel[-1].clear()  # the records read so far, and their subtrees
            gelezen += 1
            if voortgang and gelezen % 500 == 0:
                voortgang(len(export.versies), len(export.organisaties))
    except ET.ParseError as fout:
        regel, kolom = fout.position
        raise RooFout(
            f"Het bestand is geen geldige of geen volledige XML (regel {regel}, kolom {kolom}): "
            f"{fout}. Er is niets veranderd."
        ) from fout
    if voortgang:
        voortgang(len(export.versies), len(export.organisaties))
    if not export.versies:
        raise RooFout("De export bevat geen gemeenschappelijke regelingen; er is niets veranderd.")
    return export


def download(url: str = ROO_URL) -> Path:
    """Stream the export at ``url`` to a temporary file and return its path."""
    bestand, naam = tempfile.mkstemp(prefix="exportOO-", suffix=".xml")
    try:
        with open(bestand, "wb") as doel, urllib.request.urlopen(url, timeout=60) as antwoord:
            shutil.copyfileobj(antwoord, doel, length=1024 * 1024)
    except OSError as fout:
        Path(naam).unlink(missing_ok=True)
        raise RooFout(f"De ROO-export kon niet worden gedownload van {url}: {fout}") from fout
    return Path(naam)

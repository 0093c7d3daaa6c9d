"""What the export says one regeling should be: from a chain of versions, the fields of the
regeling, its versions, deelnames, publicaties and thema's (``Gewenst``). Nothing here writes
to the database; the writer compares this with what the register holds.

Naam, vorm, doel, bevoegdheidsverkrijging, wettelijke grondslagen and bevoegdheden come from
the latest version; organisatiecode, OIN, KvK (only for a vorm with legal personality) and the
bezoekadres from the organisatie record of the GR body (the version's own address first);
thema's and publicaties from all versions together.

A deelnemer's deelname starts at its ``toetredingsDatum`` (the version start when absent),
runs through the consecutive versions that list it and ends with the last of them, or the day
before an ``uittredingsDatum``; a gemeente's deelname stays within the gemeente's life.
"""

import datetime
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from municipalities.models import KVK_REGEX, OIN_REGEX, RSIN_REGEX

from ..constants import VORMEN_MET_RECHTSPERSOONLIJKHEID, PublicatieSoort, Status, Vorm
from .bekend import Bekend
from .deelnemers import ORGANISATIECODE, TOOI_ID, Deelnemers, GevondenDeelnemer
from .ketens import EEN_DAG, versie_perioden
from .lezen import Export, Versie
from .teller import Teller

BRON = "Register van Overheidsorganisaties (CC0), ROO-import"
VORM_CODES = {
    "OL": Vorm.OPENBAAR_LICHAAM,
    "BVO": Vorm.BEDRIJFSVOERINGSORGANISATIE,
    "GO": Vorm.GEMEENSCHAPPELIJK_ORGAAN,
    "RZM": Vorm.REGELING_ZONDER_MEER,
}
BESTUURSORGANEN = {
    "gemeenteraad": "namens_raad",
    "college van burgemeester en wethouders": "namens_college",
    "burgemeester": "namens_burgemeester",
}


@dataclass(frozen=True, slots=True)
class GewensteDeelname:
    """One deelname as the export describes it; the fields are those of ``Deelname``."""

    deelnemer: GevondenDeelnemer
    begindatum: datetime.date | None
    einddatum: datetime.date | None
    namens_raad: bool
    namens_college: bool
    namens_burgemeester: bool
    verdeelsleutel: Decimal | None


@dataclass(slots=True)
class Gewenst:
    """The state of one regeling as the export describes it."""

    velden: dict
    versies: dict[str, dict]
    deelnames: list[GewensteDeelname]
    publicaties: dict[str, str]
    themas: set[int]


def _publicatie_soort(url: str) -> str:
    if "lokaleregelgeving.overheid.nl" in url or "/CVDR" in url:
        return PublicatieSoort.CVDR
    if "stcrt-" in url:
        return PublicatieSoort.STAATSCOURANT
    if "gmb-" in url:
        return PublicatieSoort.GEMEENTEBLAD
    return PublicatieSoort.OVERIG


def _deelnames(
    keten: list[Versie],
    perioden: list[tuple[datetime.date | None, datetime.date | None]],
    deelnemers: Deelnemers,
    teller: Teller,
    waar: str,
) -> list[GewensteDeelname]:
    """Per deelnemer, one deelname for each run of consecutive versions that list it."""
    rijen = defaultdict(dict)
    for i, versie in enumerate(keten):
        for rij in versie.deelnemers:
            deelnemer = deelnemers.zoek(rij)
            if deelnemer is not None:
                rijen[deelnemer].setdefault(i, rij)
    resultaat = {}
    for deelnemer, per_versie in rijen.items():
        gemeente = deelnemer.gemeente
        vorig_einde = None
        runs = itertools.groupby(enumerate(sorted(per_versie)), lambda paar: paar[1] - paar[0])
        for _, run in runs:
            indices = [i for _, i in run]
            eerste, laatste = indices[0], indices[-1]
            run_rijen = [per_versie[i] for i in indices]
            rij = per_versie[laatste]
            toetredingen = [r.toetreding for r in run_rijen if r.toetreding]
            begin = min(toetredingen) if toetredingen else perioden[eerste][0]
            if vorig_einde and (begin is None or begin <= vorig_einde):
                begin = perioden[eerste][0]  # joined again: the toetreding is the first one
            einde = perioden[laatste][1]
            if rij.uittreding and (einde is None or einde >= rij.uittreding):
                einde = rij.uittreding - EEN_DAG  # exclusive, like datumUitwerkingtreding
            namens = set()
            if gemeente is not None:
                # Within the life of the gemeente: merged gemeenten linger in ROO versions.
                if gemeente.einddatum and (einde is None or einde > gemeente.einddatum):
                    einde = gemeente.einddatum
                if gemeente.begindatum and begin and begin < gemeente.begindatum:
                    begin = gemeente.begindatum
                namens = {BESTUURSORGANEN[o] for o in rij.bestuursorganen if o in BESTUURSORGANEN}
            if begin and einde and einde < begin:
                naam = gemeente.naam if gemeente is not None else rij.naam
                teller.overgeslagen(
                    "deelnames",
                    f"{waar}: {naam} staat in versie {keten[eerste].systeem_id}, maar bestond "
                    "toen niet (meer).",
                )
                continue
            vorig_einde = einde
            resultaat[(deelnemer, begin)] = GewensteDeelname(
                deelnemer=deelnemer,
                begindatum=begin,
                einddatum=einde,
                namens_raad="namens_raad" in namens,
                namens_college="namens_college" in namens,
                namens_burgemeester="namens_burgemeester" in namens,
                verdeelsleutel=rij.verdeelsleutel,
            )
    return list(resultaat.values())


def bepaal_gewenst(
    keten: list[Versie],
    export: Export,
    bekend: Bekend,
    deelnemers: Deelnemers,
    teller: Teller,
    vandaag: datetime.date,
) -> Gewenst:
    """The state of the regeling that the chain of versions ``keten`` describes."""
    laatste = keten[-1]
    perioden = versie_perioden(keten)
    waar = f"Regeling {laatste.systeem_id}"
    vorm = VORM_CODES.get(laatste.vorm_code.upper(), "")
    if not vorm:
        teller.meldingen.append(f"{waar}: onbekende samenwerkingsvorm '{laatste.vorm_code}'.")
    versies = {
        v.systeem_id: {
            "titel": v.titel[:300],
            "vorm": VORM_CODES.get(v.vorm_code.upper(), ""),
            "doel": v.doel,
            "begindatum": begin,
            "einddatum": einde,
        }
        for v, (begin, einde) in zip(keten, perioden, strict=True)
    }

    deelnames = _deelnames(keten, perioden, deelnemers, teller, waar)
    begins = [p[0] for p in perioden if p[0]]
    begins += [d.begindatum for d in deelnames if d.begindatum]
    einde = perioden[-1][1]
    orgaan = export.organisaties.get(laatste.orgaan_id)
    codes = orgaan.codes if orgaan else {}
    organisatiecode = codes.get("Organisatiecode", "").lower()
    if not ORGANISATIECODE.match(organisatiecode) or len(organisatiecode) > 6:
        gevonden = TOOI_ID.search(laatste.orgaan_tooi or (orgaan.tooi if orgaan else ""))
        organisatiecode = gevonden.group(2) if gevonden and len(gevonden.group(2)) <= 6 else ""
    oin, kvk, rsin = codes.get("OIN", ""), codes.get("KVK-nummer", ""), codes.get("rsin", "")
    oin = oin if re.match(OIN_REGEX, oin) else ""
    kvk = kvk if re.match(KVK_REGEX, kvk) else ""
    rsin = rsin if re.match(RSIN_REGEX, rsin) else ""
    if (oin or kvk) and vorm not in VORMEN_MET_RECHTSPERSOONLIJKHEID:
        teller.meldingen.append(
            f"{waar}: OIN/KvK van het orgaan niet overgenomen, de vorm heeft geen "
            "rechtspersoonlijkheid."
        )
        oin = kvk = rsin = ""
    adres, plaats = laatste.adres if laatste.adres[0] else (orgaan.adres if orgaan else ("", ""))
    themas = set()
    for v in keten:
        for naam, uri in v.beleidsterreinen:
            if uri in bekend.themas:
                themas.add(bekend.themas[uri])
            elif uri or naam:
                teller.meldingen.append(f"{waar}: beleidsterrein '{naam}' ({uri}) is geen thema.")
    publicaties = {}
    for v in keten:
        for url in v.besluiten:
            if len(url) <= 500 and url.startswith(("http://", "https://")):
                publicaties.setdefault(url, _publicatie_soort(url))
            else:
                teller.meldingen.append(f"{waar}: instellingsbesluit '{url[:80]}' overgeslagen.")
    velden = {
        "naam": laatste.titel[:300],
        "doel": laatste.doel,
        "vorm": vorm,
        "attributie": "attributie" in laatste.bevoegdheidsverkrijgingen,
        "delegatie": "delegatie" in laatste.bevoegdheidsverkrijgingen,
        "mandaat": "mandaat" in laatste.bevoegdheidsverkrijgingen,
        "status": Status.OPGEHEVEN if einde and einde < vandaag else Status.IN_WERKING,
        "begindatum": min(begins) if begins else None,
        "einddatum": einde,
        "vestigingsplaats": plaats,
        "adres": adres,
        "wettelijke_grondslagen": "\n".join(
            f"{o} ({r})" if o and r else o or r for o, r in laatste.grondslagen if o or r
        ),
        "bevoegdheden": "\n\n".join(
            "\n".join(d for d in (k, i) if d) for k, i in laatste.bevoegdheden if k or i
        ),
        "organisatiecode": organisatiecode,
        "oin": oin,
        "kvk_nummer": kvk,
        "rsin": rsin,
        "bron": f"{BRON}, versies {', '.join(v.systeem_id for v in keten)}"[:300],
    }
    return Gewenst(velden, versies, deelnames, publicaties, themas)

"""Chaining the versions of the export into regelingen, and the period of each version.

A version runs from ``datumInwerkingtreding`` to the day before ``datumUitwerkingtreding``
(exclusive in ROO), and at the latest to the day before its successor starts.
"""

import datetime
from collections import defaultdict

from .lezen import Versie

EEN_DAG = datetime.timedelta(days=1)


def ketens(versies: dict[str, Versie], meldingen: list[str]) -> list[list[Versie]]:
    """Group the versions into regelingen through previous/nextVersion (both ways, so one
    broken link does not split a chain); each chain sorted by start."""
    parent = {sid: sid for sid in versies}  # union-find over the systeemIds

    def root(sid):
        while parent[sid] != sid:
            parent[sid] = parent[parent[sid]]
            sid = parent[sid]
        return sid

    for versie in versies.values():
        for ander in (versie.vorige, versie.volgende):
            if ander in versies:
                parent[root(ander)] = root(versie.systeem_id)
    groepen = defaultdict(list)
    for sid, versie in versies.items():
        groepen[root(sid)].append(versie)
    resultaat = []
    for groep in groepen.values():
        groep.sort(key=lambda v: (v.begin or datetime.date.min, int(v.systeem_id or 0)))
        keten = []
        for i, versie in enumerate(groep):
            if versie.begin and versie.uitwerking and versie.uitwerking <= versie.begin:
                meldingen.append(
                    f"Versie {versie.systeem_id} is nooit in werking geweest (uitwerkingtreding "
                    "niet na inwerkingtreding); overgeslagen."
                )
                continue
            if i + 1 < len(groep) and groep[i + 1].begin == versie.begin:
                meldingen.append(
                    f"Versie {versie.systeem_id} begint op dezelfde dag als versie "
                    f"{groep[i + 1].systeem_id}; alleen de laatste is overgenomen."
                )
                continue
            keten.append(versie)
        if keten:
            resultaat.append(keten)
    resultaat.sort(key=lambda k: int(k[0].systeem_id or 0))
    return resultaat


def ontbrekende_versies(keten: list[Versie], versies: dict[str, Versie]) -> list[str]:
    """The systeemIds that the versions of ``keten`` name as previous or next version but that
    the export lacks: the export is partial for this regeling (the national export has none)."""
    return sorted({a for v in keten for a in (v.vorige, v.volgende) if a and a not in versies})


def versie_perioden(keten: list[Versie]) -> list[tuple[datetime.date | None, datetime.date | None]]:
    """(begindatum, einddatum) per version: einddatum is the day before the exclusive
    uitwerkingtreding, and at the latest the day before the next version starts."""
    perioden = []
    for i, versie in enumerate(keten):
        einde = versie.uitwerking - EEN_DAG if versie.uitwerking else None
        if i + 1 < len(keten) and keten[i + 1].begin:
            volgende_begin = keten[i + 1].begin - EEN_DAG
            if einde is None or einde > volgende_begin:
                einde = volgende_begin
        perioden.append((versie.begin, einde))
    return perioden

"""The tally of one import run: counts per kind of record and action, the messages that end
up in the ``RooImport`` record, and what changes per regeling (which a dry run lists)."""

from collections import Counter, defaultdict


class Teller:
    """Counts per kind of record and action, plus the messages of the run."""

    def __init__(self, meldingen: list[str]):
        self.aantallen = defaultdict(Counter)
        self.meldingen = meldingen
        self.per_regeling: dict[str, list[str]] = defaultdict(list)

    def wijziging(self, regeling: str, wat: str):
        """Note what changes in one regeling (by its name)."""
        self.per_regeling[regeling].append(wat)

    def tel(self, soort: str, actie: str, aantal: int = 1):
        if aantal:
            self.aantallen[soort][actie] += aantal

    def overgeslagen(self, soort: str, reden: str):
        self.tel(soort, "overgeslagen")
        self.meldingen.append(reden)

    def als_dict(self) -> dict:
        return {
            soort: dict(sorted(acties.items())) for soort, acties in sorted(self.aantallen.items())
        }

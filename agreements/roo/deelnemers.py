"""Matching the deelnemer rows of the export to the register: each row becomes a
``GevondenDeelnemer`` (a gemeente, a known partner or a partner the import will create), or is
skipped with a message. Nothing here writes to the database."""

import re
from dataclasses import dataclass

from django.utils.text import slugify

from municipalities.constants import PartnerSoort
from municipalities.models import KVK_REGEX, OIN_REGEX, RSIN_REGEX

from .bekend import Bekend, BekendeGemeente, naam_sleutel, unique_slug
from .lezen import DeelnemerRij, Organisatie
from .teller import Teller

TOOI_ID = re.compile(r"/tooi/id/(gemeente|provincie|waterschap|so|ministerie)/([a-z]+[0-9]+)$")
ORGANISATIECODE = re.compile(r"^(gm|pv|ws|so|mnre)[0-9]+$")
SOORT_VAN_PREFIX = {
    "pv": PartnerSoort.PROVINCIE,
    "ws": PartnerSoort.WATERSCHAP,
    "so": PartnerSoort.SAMENWERKINGSVERBAND,
    "mnre": PartnerSoort.RIJK,
}


@dataclass(frozen=True, slots=True)
class NieuwePartner:
    """A partner the export names and the register lacks: the fields of the ``Partner`` the
    import creates before the deelnames that refer to it."""

    naam: str
    soort: str
    code: str | None
    slug: str
    oin: str
    kvk_nummer: str
    rsin: str
    roo_id: str
    toelichting: str


@dataclass(frozen=True, slots=True)
class GevondenDeelnemer:
    """A deelnemer row matched to the register; exactly one of the three is set. Equal values
    are the same deelnemer, so it can serve as a key."""

    gemeente: BekendeGemeente | None = None
    partner_id: int | None = None
    nieuwe_partner: NieuwePartner | None = None

    def ids(self, nieuwe_partner_ids: dict[NieuwePartner, int]) -> tuple[int | None, int | None]:
        """(gemeente_id, partner_id) of a Deelname; a new partner must have been written."""
        if self.gemeente is not None:
            return self.gemeente.id, None
        if self.nieuwe_partner is not None:
            return None, nieuwe_partner_ids[self.nieuwe_partner]
        return None, self.partner_id


class Deelnemers:
    """Resolves deelnemer rows to a gemeente or partner: by TOOI code, then through the
    systeemId's organisatie record (Organisatiecode), then by name; a body without any Dutch
    code becomes (or is found as) a partner of the soort 'overig'."""

    def __init__(self, bekend: Bekend, organisaties: dict[str, Organisatie], teller: Teller):
        self.bekend = bekend
        self.organisaties = organisaties
        self.teller = teller
        self.cache: dict[tuple[str, str, str], GevondenDeelnemer | None] = {}
        self.nieuwe_partners: dict[str, NieuwePartner] = {}

    def zoek(self, rij: DeelnemerRij) -> GevondenDeelnemer | None:
        sleutel = (rij.systeem_id, rij.tooi, rij.naam)
        if sleutel not in self.cache:
            self.cache[sleutel] = self._zoek(rij)
        return self.cache[sleutel]

    def _zoek(self, rij: DeelnemerRij) -> GevondenDeelnemer | None:
        organisatie = self.organisaties.get(rij.systeem_id)
        naam = rij.naam or (organisatie.naam if organisatie else "") or rij.systeem_id
        code = ""
        gevonden = TOOI_ID.search(rij.tooi)
        if gevonden:
            code = gevonden.group(2)
        elif organisatie:
            kandidaat = organisatie.codes.get("Organisatiecode", "").lower()
            gevonden = TOOI_ID.search(organisatie.tooi)
            if ORGANISATIECODE.match(kandidaat):
                code = kandidaat
            elif gevonden:
                code = gevonden.group(2)
        if code.startswith("gm"):
            gemeente = self.bekend.gemeenten.get(code.upper())
            if gemeente is not None:
                return GevondenDeelnemer(gemeente=gemeente)
            self.teller.overgeslagen(
                "deelnemers", f"Deelnemer '{naam}' ({code.upper()}) staat niet in het register."
            )
            return None
        prefix = re.match(r"[a-z]+", code).group() if code else ""
        if prefix in SOORT_VAN_PREFIX:
            return self._partner(code, SOORT_VAN_PREFIX[prefix], naam, organisatie)
        kandidaten = self.bekend.gemeenten_op_naam.get(naam_sleutel(naam), [])
        if len(kandidaten) == 1:
            return GevondenDeelnemer(gemeente=kandidaten[0])
        if naam.lower().startswith("gemeente "):
            reden = (
                "meer gemeenten met die naam"
                if kandidaten
                else "geen gemeente met die naam of code in het register"
            )
            self.teller.overgeslagen(
                "deelnemers", f"Deelnemer '{naam}' (systeemId {rij.systeem_id}): {reden}."
            )
            return None
        return self._partner("", PartnerSoort.OVERIG, naam, organisatie)

    def _partner(
        self, code: str, soort: str, naam: str, organisatie: Organisatie | None
    ) -> GevondenDeelnemer:
        bestaand = self.bekend.partners.get(code) if code else None
        if bestaand is None and not code:
            bestaand = self.bekend.partners_op_naam.get(naam.casefold())
        if bestaand is not None:
            return GevondenDeelnemer(partner_id=bestaand)
        sleutel = code or naam.casefold()
        if sleutel not in self.nieuwe_partners:
            codes = organisatie.codes if organisatie else {}
            oin, kvk = codes.get("OIN", ""), codes.get("KVK-nummer", "")
            rsin = codes.get("rsin", "")
            toelichting = "Aangemaakt door de ROO-import"
            if organisatie:
                toelichting += f" (systeemId {organisatie.systeem_id})"
            if not code:
                toelichting += (
                    "; zonder Nederlandse organisatiecode, bijv. een buitenlandse overheid"
                )
            self.nieuwe_partners[sleutel] = NieuwePartner(
                naam=((organisatie.naam if organisatie and code else "") or naam)[:200],
                soort=soort,
                code=code or None,
                slug=unique_slug(code or slugify(naam)[:100], self.bekend.partner_slugs, "roo"),
                oin=oin if re.match(OIN_REGEX, oin) else "",
                kvk_nummer=kvk if re.match(KVK_REGEX, kvk) else "",
                rsin=rsin if re.match(RSIN_REGEX, rsin) else "",
                roo_id=organisatie.systeem_id if organisatie else "",
                toelichting=toelichting + ".",
            )
        return GevondenDeelnemer(nieuwe_partner=self.nieuwe_partners[sleutel])

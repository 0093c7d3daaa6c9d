"""Which characters a text of the register may hold, in one place.

Every text in NFC; no control characters (a text with paragraphs keeps tab, line feed and
carriage return); in a name or title no invisible characters either (zero width, bidi
overrides), which would let two names that look the same differ. ``TekstControle`` applies that
to every text field of a model in ``full_clean``, so the admin and the API refuse alike;
``registry.invoer`` applies it to what arrives in a request.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models

# C0 control characters except tab, line feed and carriage return, DEL, C1 control characters,
# lone surrogates (JSON can carry them as "\ud800"; no database can store them) and the
# noncharacters U+FFFE and U+FFFF. A text with line breaks may have the three.
STUURTEKEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# In a value of one line (a path, a query parameter): every control character.
STUURTEKEN_REGEL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Invisible in a name, and so able to make two names that look the same differ: zero-width
# space, non-joiner and joiner, the left-to-right and right-to-left marks, the bidi embeddings,
# overrides and isolates, the word joiner and invisible operators, and the byte order mark.
ONZICHTBAAR = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

# Model fields that hold a name or title, where invisible characters are refused too.
NAAMVELDEN = {"naam", "titel", "afkorting"}

STUURTEKEN_FOUT = (
    "Bevat een teken dat niet is toegestaan: een NUL- of ander stuurteken (zoals U+%(code)s)."
)
ONZICHTBAAR_FOUT = (
    "Een naam mag geen onzichtbare tekens bevatten (zoals U+%(code)s: een teken zonder breedte "
    "of voor de schrijfrichting)."
)


def code(teken: str) -> str:
    return f"{ord(teken):04X}"


def tekenfout(tekst: str, *, patroon=STUURTEKEN, naam: bool = False) -> str | None:
    """The Dutch reason why ``tekst`` cannot be stored, or None when it can."""
    if fout := patroon.search(tekst):
        return STUURTEKEN_FOUT % {"code": code(fout.group())}
    if naam and (fout := ONZICHTBAAR.search(tekst)):
        return ONZICHTBAAR_FOUT % {"code": code(fout.group())}
    return None


def zonder_onzichtbaar(tekst: str) -> str:
    """``tekst`` in NFC without invisible characters: for names read from another source (the
    ROO export has zero-width spaces in some titles), which are cleaned rather than refused."""
    return ONZICHTBAAR.sub("", unicodedata.normalize("NFC", tekst)).strip()


class TekstControle:
    """Mixin for models: every text field in NFC, without control characters, names also without
    invisible characters. Runs in ``full_clean``, so in the admin and the API alike."""

    def clean_fields(self, exclude=None):
        fouten = {}
        for veld in self._meta.concrete_fields:
            if not isinstance(veld, (models.CharField, models.TextField)):
                continue
            if exclude and veld.name in exclude:
                continue
            waarde = getattr(self, veld.attname)
            if not isinstance(waarde, str):
                continue
            genormaliseerd = unicodedata.normalize("NFC", waarde)
            if genormaliseerd != waarde:
                setattr(self, veld.attname, genormaliseerd)
            if reden := tekenfout(genormaliseerd, naam=veld.name in NAAMVELDEN):
                fouten[veld.name] = [ValidationError(reden, code="ongeldig_teken")]
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            for naam, berichten in error.error_dict.items():
                fouten.setdefault(naam, berichten)
        if fouten:
            raise ValidationError(fouten)

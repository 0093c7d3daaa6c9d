"""Plain text as it was written: paragraphs, lines and numbered lists.

Long texts of a regeling (its doel, bevoegdheden and wettelijke voorschriften) are plain text:
a blank line separates paragraphs, a newline separates lines, and a line that starts with a
list marker ("1.", "a.", "b)", "(c)", "ii.", "-", "•") is an item of a list.

Texts from the ROO export arrive with their line breaks lost: "op het gebied van:a. de heffing
en invordering van belastingen;b. de uitvoering van de Wet WOZ ... en derden.2. Het algemeen
bestuur". ``restore_line_breaks`` puts a newline back before each list item that runs on from
the text before it. It only does so where the marker follows punctuation without a space and
continues a list (``a`` after ``:``, ``b`` after ``a``, ``2`` after ``1``), so "o.a. de", "art.
2.3. van de wet" and "lid 2, a" stay as they are. ``text_blocks`` reads a text into paragraphs
and (nested) lists for a page; the template filter ``paragraphs`` renders them as HTML.
"""

import re
from dataclasses import dataclass, field

ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
BULLETS = "-•–·"

# A list marker at the start of a line (or of an item that runs on): "1." "1)" "(1)" "a."
# "b)" "(c)" "ii." "-" "•", and "4.2" (a numbered sub-article: it ends a list, starts none).
MARKER = re.compile(
    r"(?P<marker>"
    r"(?P<hoofd>\d{1,2})\.(?P<sub>\d{1,2})\.?"
    r"|\((?P<haakjes>\d{1,2}|[a-z]{1,4})\)"
    r"|(?P<waarde>\d{1,2}|[a-z]{1,4})(?P<teken>[.)])"
    r"|(?P<bullet>[" + re.escape(BULLETS) + r"])"
    r")"
)
# What may follow "2." without a space: a capital or "[" ("derden.2.Het", "2.[Toelichting").
AFTER_DOT = re.compile(r"[\[A-Z]")
SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class Marker:
    """A list marker: its ``style`` (which list it belongs to) and ``ordinal`` (its place in
    that list: 1 for "1.", "a." and "i."; None for a bullet). ``length`` is its length in the
    text, white space after it included."""

    style: tuple
    ordinal: int | None
    length: int
    sub: bool = False


def _interpretations(tekst: str, pos: int) -> list[Marker]:
    """The markers the text at ``pos`` may be: "i" is both the ninth letter and roman one."""
    gevonden = MARKER.match(tekst, pos)
    if not gevonden:
        return []
    einde = gevonden.end()
    spatie = len(tekst[einde:]) - len(tekst[einde:].lstrip(" \t"))
    if einde + spatie == len(tekst):
        return []  # a marker with nothing after it
    lengte = einde + spatie - pos
    if gevonden["bullet"]:
        return [Marker(("bullet", gevonden["bullet"]), None, lengte)]
    # Straight after the marker, without a space, only "2.Het" or "2.[Toelichting".
    if not spatie and not (tekst[einde - 1] == "." and AFTER_DOT.match(tekst, einde)):
        return []
    if gevonden["hoofd"]:
        return [Marker(("sub", int(gevonden["hoofd"])), int(gevonden["sub"]), lengte, sub=True)]
    waarde = gevonden["haakjes"] or gevonden["waarde"]
    vorm = "()" if gevonden["haakjes"] else gevonden["teken"]
    if waarde.isdigit():
        return [Marker(("1", vorm), int(waarde), lengte)]
    opties = []
    if len(waarde) == 1:
        opties.append(Marker(("a", vorm), ord(waarde) - ord("a") + 1, lengte))
    if waarde in ROMAN:
        opties.append(Marker(("i", vorm), ROMAN.index(waarde) + 1, lengte))
    return opties


def _follows(marker: Marker, laatste: dict) -> bool:
    vorige = laatste.get(marker.style)
    if marker.ordinal is None:
        return vorige is not None
    return vorige is not None and marker.ordinal == vorige + 1


def _starts(marker: Marker) -> bool:
    return marker.ordinal in (None, 1)


def _choose(opties: list[Marker], laatste: dict) -> Marker | None:
    """The interpretation that continues a list, else one that starts one."""
    for marker in opties:
        if _follows(marker, laatste):
            return marker
    return next((marker for marker in opties if _starts(marker)), None)


def _word_before(tekst: str, pos: int) -> str:
    """The word that ends at the punctuation before ``pos``: 'derden' in 'derden.2.'."""
    begin = pos - 1
    while begin > 0 and not tekst[begin - 1].isspace():
        begin -= 1
    return tekst[begin : pos - 1]


def _may_break(tekst: str, pos: int, marker: Marker, volgt: bool) -> bool:
    """Whether the punctuation before ``pos`` ends a sentence or a clause rather than an
    abbreviation or a number ("o.a.", "art.", "2.3."); ``volgt``: the marker continues a list."""
    leesteken = tekst[pos - 1]
    if marker.style[0] == "bullet":
        return leesteken in ":;"
    if leesteken in ":;":
        return True
    woord = _word_before(tekst, pos)
    letters = re.sub(r"[\W\d_]", "", woord)
    if leesteken == ",":
        return volgt and len(letters) >= 2
    if woord[-1:].isdigit():
        # "artikel 5.b. Bestuurlijk", "artikel 11.97.2. Vaststellen": only an item that
        # continues a list and starts with a capital.
        tekst_na = tekst[pos + marker.length : pos + marker.length + 1]
        return volgt and tekst_na.isupper()
    return len(letters) >= 2 and not re.search(r"\b\w\.\w", woord)


def _seed(regel: str, pos: int, opties: list[Marker]) -> tuple[Marker | None, bool]:
    """A marker that starts a list without punctuation right before it, and whether a line
    break belongs before it once the next item confirms the list: "taken: a. de zorg;b. ..."
    (after a colon and a space) and "Artikel 7 Beleid1. Aan ...2. De" (a 1 glued to a word).
    Elsewhere after a space ("artikel 1. Het", "genoemd onder a. tot en met h.") it only counts
    for the list that may follow; it is not broken off."""
    voor = regel[pos - 1]
    marker = next((m for m in opties if _starts(m) and m.ordinal), None)
    if marker is None:
        return None, False
    if voor.isspace():
        return marker, regel[: pos - 1].endswith(":")
    if voor.isalpha() and voor.islower() and marker.style[0] == "1":
        return marker, True
    return None, False


def _restore_paragraph(regels: list[str]) -> list[str]:
    """The lines of one paragraph, each split where a list item runs on; what a list has
    counted so far carries over from line to line."""
    laatste: dict = {}
    resultaat = []
    for regel in regels:
        breuken = set()
        zaad: dict = {}  # style -> where its first item starts, to break once confirmed
        for pos in range(len(regel)):
            if pos and regel[pos - 1].isalnum() and not regel[pos].isdigit():
                continue
            opties = _interpretations(regel, pos)
            if not opties:
                continue
            if pos == 0:
                marker = _choose(opties, laatste)
            elif regel[pos - 1] in ".:;,":
                opties = [m for m in opties if _may_break(regel, pos, m, _follows(m, laatste))]
                marker = _choose(opties, laatste)
                if marker is None:
                    continue
                breuken.add(pos)
                if marker.ordinal == 2 and marker.style in zaad:
                    breuken.add(zaad.pop(marker.style))
            else:
                marker, breken = _seed(regel, pos, opties)
                if marker is None:
                    continue
                if breken:
                    zaad[marker.style] = pos
                else:
                    zaad.pop(marker.style, None)
            if marker is not None:
                laatste[marker.style] = marker.ordinal
        breuken = sorted(breuken)
        grenzen = zip([0, *breuken], [*breuken, len(regel)], strict=True)
        resultaat.extend(regel[i:j].strip() for i, j in grenzen)
    return resultaat


def normalize(tekst: str) -> str:
    """Newlines as ``\\n``, runs of spaces and tabs as one space, no space at the ends of a
    line, at most one blank line in a row and none at the start or end."""
    regels = [SPACES.sub(" ", r).strip() for r in re.split(r"\r\n|\r|\n", tekst or "")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(regels)).strip("\n")


def restore_line_breaks(tekst: str) -> str:
    """The text with a line break before each list item that runs on from the text before it
    (see the module docstring); existing line breaks stay."""
    return "\n\n".join(
        "\n".join(_restore_paragraph(alinea.split("\n")))
        for alinea in normalize(tekst).split("\n\n")
    )


# --- Reading a text into blocks -----------------------------------------------------------


@dataclass
class Item:
    """An item of a list: its lines and the lists it holds."""

    lines: list[str] = field(default_factory=list)
    lists: list["ListBlock"] = field(default_factory=list)


@dataclass
class ListBlock:
    """A list: ``kind`` "1", "a" or "i" (ordered, as HTML's ``type``) or "bullet"."""

    style: tuple
    start: int | None
    items: list[Item] = field(default_factory=list)
    last: int | None = None

    @property
    def kind(self) -> str:
        return self.style[0]


@dataclass
class Paragraph:
    """A paragraph: its lines."""

    lines: list[str] = field(default_factory=list)


def _line_marker(regel: str, open_lists: list[ListBlock]) -> Marker | None:
    opties = _interpretations(regel, 0)
    if not opties:
        return None
    laatste = {lijst.style: lijst.last for lijst in open_lists}
    return _choose(opties, laatste) or opties[0]


def text_blocks(tekst: str) -> list[Paragraph | ListBlock]:
    """The paragraphs and lists of a text, lists nested where an item holds a list."""
    blokken: list[Paragraph | ListBlock] = []
    for alinea in normalize(tekst).split("\n\n"):
        blokken.append(Paragraph())  # a blank line ends what came before
        open_lists: list[ListBlock] = []
        for regel in alinea.split("\n"):
            if not regel:
                continue
            marker = _line_marker(regel, open_lists)
            if (
                marker is not None
                and not marker.sub
                and _place_item(marker, regel[marker.length :].strip(), open_lists, blokken)
            ):
                continue
            if marker is None and open_lists:
                open_lists[-1].items[-1].lines.append(regel)  # runs on in the item
                continue
            open_lists.clear()  # text before any list, or a sub-article: a line of a paragraph
            if not isinstance(blokken[-1], Paragraph):
                blokken.append(Paragraph())
            blokken[-1].lines.append(regel)
    return [b for b in blokken if not (isinstance(b, Paragraph) and not b.lines)]


def _place_item(marker: Marker, tekst: str, open_lists: list[ListBlock], blokken: list) -> bool:
    """Add an item to the list it continues, or open a list (nested in the current item when
    one is open); False when the marker fits nowhere."""
    for diepte in range(len(open_lists) - 1, -1, -1):
        lijst = open_lists[diepte]
        if lijst.style == marker.style and (
            marker.ordinal is None or lijst.last == marker.ordinal - 1
        ):
            del open_lists[diepte + 1 :]
            lijst.items.append(Item([tekst] if tekst else []))
            lijst.last = marker.ordinal
            return True
    if open_lists and not _starts(marker):
        return False
    lijst = ListBlock(marker.style, marker.ordinal, [Item([tekst] if tekst else [])])
    lijst.last = marker.ordinal
    if open_lists:
        open_lists[-1].items[-1].lists.append(lijst)
    else:
        blokken.append(lijst)
    open_lists.append(lijst)
    return True

r"""The text the matchers read: invisible and typographic variants of scraped text mapped to
the plain characters the rules are written with, while every offset can still be mapped back
into the original text.

Scraped and PDF-extracted articles carry characters a reader never sees: zero-width spaces,
soft hyphens and word joiners inside words and numbers ('Fran\u00adce', '524\u200b000 000 $'),
Unicode spaces ('524\u202f000'), non-breaking hyphens ('F\u201116'), letter-like apostrophes
('l\u02bcInde'), typographic ligatures from PDFs ('con\ufb01rmé'), stray control bytes.

>>> original = "La Fran\u00adce a payé 524\u200b000 000 $."
>>> clean = clean_text(original)
>>> clean.text
'La France a payé 524 000 000 $.'
>>> start, end = clean.to_original(clean.text.index("524"), clean.text.index("$") + 1)
>>> original[start:end] == "524\u200b000 000 $"
True
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

#: Characters with no width: removed (a zero-width one between digit groups is a group space).
INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u034f"  # combining grapheme joiner
    "\u061c"  # Arabic letter mark
    "\u180e"  # Mongolian vowel separator
    "\u200b\u200c\u200d"  # zero-width space, non-joiner, joiner
    "\u200e\u200f"  # left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # bidirectional embeddings and overrides
    "\u2060\u2061\u2062\u2063\u2064"  # word joiner, invisible operators
    "\u2066\u2067\u2068\u2069"  # bidirectional isolates
    "\ufeff"  # zero-width no-break space (a byte order mark inside the text)
)
#: Unicode spaces, read as a plain space (spaCy splits words on ' ' only).
SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
#: Line and page breaks other than '\n', read as '\n' ('\f' between the pages of a PDF text).
BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
#: Control characters (NUL included), read as a space; '\t', '\n', '\r' are kept.
CONTROLS = "".join(
    chr(c) for c in [*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, 0x7F, *range(0x80, 0xA0)] if c != 0x85
)
#: Hyphens that are always a hyphen ('F\u201116' is 'F-16').
HYPHENS = "\u2010\u2011"
#: Dashes that are a hyphen when glued between a letter and a letter or digit ('Su\u201335').
DASHES = "\u2012\u2013\u2212\ufe63\uff0d"
#: Marks written for an apostrophe between two letters ("l\u02bcInde", "l`Algérie").
APOSTROPHE_LOOKALIKES = "\u02bc\u2032\u0060\u00b4\uff07"
#: Typographic ligatures of PDF texts.
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}

_ONE_TO_ONE = str.maketrans(
    {**dict.fromkeys(SPACES + CONTROLS, " "), **dict.fromkeys(BREAKS, "\n"), **dict.fromkeys(HYPHENS, "-")}
)
_ANY = re.compile(
    "["
    + re.escape(INVISIBLE + SPACES + BREAKS + CONTROLS + HYPHENS + DASHES + APOSTROPHE_LOOKALIKES + "".join(LIGATURES))
    + "]"
)
_INVISIBLE = re.compile(f"[{INVISIBLE}]+")
_GROUP_AFTER = re.compile(r"\d{3}(?!\d)")
_GLUED_DASH = re.compile(rf"(?<=[^\W\d_])[{DASHES}](?=[^\W_])")
_GLUED_APOSTROPHE = re.compile(rf"(?<=[^\W\d_])[{re.escape(APOSTROPHE_LOOKALIKES)}](?=[^\W\d_])")
_LIGATURE = re.compile("[" + "".join(LIGATURES) + "]")
_RESIZED = re.compile(f"[{INVISIBLE}]+|[{''.join(LIGATURES)}]")


@dataclass
class CleanText:
    """A text as the matchers read it, and the way back to the original's offsets.

    Each change is recorded as an edit: the original range [`original_starts[i]`, `original_ends[i]`)
    became the clean range [`clean_starts[i]`, `clean_ends[i]`); a text needing no resizing has none.
    """

    text: str
    original_starts: list[int] = field(default_factory=list)
    original_ends: list[int] = field(default_factory=list)
    clean_starts: list[int] = field(default_factory=list)
    clean_ends: list[int] = field(default_factory=list)

    def original_start(self, position: int) -> int:
        """Original offset of the clean character at `position` (a start offset)."""
        i = bisect_right(self.clean_starts, position) - 1
        if i < 0:
            return position
        if position >= self.clean_ends[i]:
            return self.original_ends[i] + position - self.clean_ends[i]
        return self.original_starts[i]  # inside a ligature's letters: the ligature

    def original_end(self, position: int) -> int:
        """Original offset just after the clean character before `position` (an end offset)."""
        return self.original_start(position - 1) + 1 if position > 0 else 0

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """A clean [start, end) range as an original range."""
        first = self.original_start(start)
        return first, max(first, self.original_end(end))

    def to_clean(self, position: int) -> int:
        """Clean offset of the original offset `position` (inside a removed run: where it was)."""
        i = bisect_left(self.original_starts, position) - 1
        if i < 0:
            return position
        if position >= self.original_ends[i]:
            return self.clean_ends[i] + position - self.original_ends[i]
        return self.clean_starts[i]


def clean_text(text: str) -> CleanText:
    """The text the matchers read (see the module docstring); most texts are returned as they are.

    >>> clean_text("l\\u02bcInde, le F\\u201116, con\\ufb01rmé").text
    "l'Inde, le F-16, confirmé"
    """
    if not _ANY.search(text):
        return CleanText(text)
    text = text.translate(_ONE_TO_ONE)
    text = _GLUED_DASH.sub("-", text)
    text = _GLUED_APOSTROPHE.sub("'", text)
    if not (_INVISIBLE.search(text) or _LIGATURE.search(text)):
        return CleanText(text)
    return _resized(text)


def _resized(text: str) -> CleanText:
    """Remove the invisible characters and expand the ligatures, recording each edit."""
    clean = CleanText("")
    parts: list[str] = []
    length = 0  # length of the clean text so far
    last = 0  # original position copied up to
    for match in _RESIZED.finditer(text):
        start, end = match.span()
        parts.append(text[last:start])
        length += start - last
        if match.group() in LIGATURES:
            replacement = LIGATURES[match.group()]
        else:  # '524\u200b000 000 $': between digit groups, a group space
            between_digits = start > 0 and text[start - 1].isdigit() and _GROUP_AFTER.match(text, end)
            replacement = " " if between_digits else ""
        clean.original_starts.append(start)
        clean.original_ends.append(end)
        clean.clean_starts.append(length)
        clean.clean_ends.append(length + len(replacement))
        parts.append(replacement)
        length += len(replacement)
        last = end
    parts.append(text[last:])
    clean.text = "".join(parts)
    return clean

"""The crawl header: a `date YYYY-MM` (or `date YYYY-MM-DD`) prefix on the first line.

Only the prefix is header. In most crawled files the rest of that line is the article's
first paragraph (the lede, where the deal usually is), so it is article text like any
other. It is also kept as the document's title when it reads as a headline: short, no
sentence punctuation inside, or ending in a credit such as "(DR)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.partial_date import PartialDate

_PREFIX = re.compile(r"^[ \t\ufeff]*date[ \t]+(?P<date>\d{4}-\d{2}(?:-\d{2})?)(?=[ \t\r\n]|$)[ \t]*")
_CREDIT = re.compile(r"^(?P<title>.*?)[ \t]*\([ \t]*(?P<credit>[^()]{1,60}?)[ \t]*\)$")
#: A full stop, question or exclamation mark followed by more text: a sentence ends inside.
_SENTENCE_END = re.compile(r"[.!?…][\"»”’)]*[ \t]+\S")
_URL = re.compile(r"^(?:https?://|www\.)\S+$")
#: Longest line still read as a headline (real headlines are under 150 characters).
MAX_TITLE_CHARS = 200


@dataclass(frozen=True)
class Header:
    """What the header says, and where the article text starts.

    `body_start` is right after the prefix: the rest of the first line is article text.
    `credit_span` ([start, end) offsets of the credit inside its parentheses) is page
    furniture: nothing is extracted from it.
    """

    date: PartialDate | None
    title: str
    credit: str
    body_start: int
    credit_span: tuple[int, int] | None = None
    url: str = ""


def parse_header(text: str) -> Header:
    """Split off the crawl prefix, if any, and read the rest of its line.

    >>> header = parse_header(" date 2024-06 Himars (DR)\\n\\nLe Maroc...")
    >>> header.date.iso(), header.title, header.credit
    ('2024-06', 'Himars', 'DR')
    >>> parse_header("date 2025-09-18 Le Portugal a confirmé l'achat. Six avions suivront.").title
    ''
    """
    match = _PREFIX.match(text)
    if not match:
        return Header(date=None, title="", credit="", body_start=0)
    body_start = match.end()
    line_end = text.find("\n", body_start)
    line = text[body_start : len(text) if line_end == -1 else line_end].rstrip()
    title, credit, credit_span, url = _read_first_line(line, body_start)
    return Header(
        date=PartialDate.parse(match.group("date")),
        title=title,
        credit=credit,
        body_start=body_start,
        credit_span=credit_span,
        url=url,
    )


def _read_first_line(line: str, offset: int) -> tuple[str, str, tuple[int, int] | None, str]:
    """(title, credit, credit span, url) of the line after the prefix."""
    if _URL.match(line):
        return "", "", None, line
    title, credit, credit_span = line, "", None
    credit_match = _CREDIT.match(line)
    if credit_match:
        title, credit = credit_match.group("title").strip(), credit_match.group("credit").strip()
        credit_span = (offset + credit_match.start("credit"), offset + credit_match.end("credit"))
    if not is_headline(title, credited=bool(credit_match)):
        return "", "", None, ""
    return title, credit, credit_span, ""


def is_headline(line: str, *, credited: bool = False) -> bool:
    """A line that reads as a title rather than a paragraph.

    >>> is_headline("Le Maroc commande 18 HIMARS aux États-Unis")
    True
    >>> is_headline("Le Maroc a commandé 18 HIMARS. La livraison suivra en 2026.")
    False
    """
    line = line.strip()
    if not line or _SENTENCE_END.search(line):
        return False
    if line.endswith(".") and not line.endswith("..."):
        return False
    return credited or len(line) <= MAX_TITLE_CHARS

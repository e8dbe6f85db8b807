"""The header line crawled articles start with: `date YYYY-MM <title> (<credit>)`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.partial_date import PartialDate

_HEADER = re.compile(
    r"^[ \t\ufeff]*date[ \t]+(?P<date>\d{4}-\d{2}(?:-\d{2})?)"
    r"(?:[ \t]+(?P<rest>[^\n]*?))?[ \t]*(?:\r?\n|$)"
)
_CREDIT = re.compile(r"^(?P<title>.*?)[ \t]*\((?P<credit>[^()]*)\)$")


@dataclass(frozen=True)
class Header:
    """What the header line says, and where the article body starts."""

    date: PartialDate | None
    title: str
    credit: str
    body_start: int


def parse_header(text: str) -> Header:
    """Split off the crawled header line, if any.

    >>> parse_header(" date 2024-06 Himars (DR)\\n\\nLe Maroc...").credit
    'DR'
    """
    match = _HEADER.match(text)
    if not match:
        return Header(date=None, title="", credit="", body_start=0)
    rest = (match.group("rest") or "").strip()
    title, credit = rest, ""
    credit_match = _CREDIT.match(rest)
    if credit_match:
        title, credit = credit_match.group("title").strip(), credit_match.group("credit").strip()
    return Header(
        date=PartialDate.parse(match.group("date")),
        title=title,
        credit=credit,
        body_start=match.end(),
    )

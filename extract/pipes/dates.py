"""DATE: '11 avril 2023' -> 2023-04-11; 'avril 2023' -> 2023-04; 'l'an dernier' -> year before the document's.

dateparser reads the text, but never fills a part the text does not give: the precision
is the one written, and a missing year comes only from the document date.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Doc

from extract.partial_date import PartialDate
from extract.pipes.items import Candidate, LexItem, items_ending_at
from extract.ruleset import PatternRule

_YEAR_IN_TEXT = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@lru_cache(maxsize=1)
def _date_parser() -> DateDataParser:
    return DateDataParser(
        languages=["fr"],
        settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY", "STRICT_PARSING": False},
    )


@lru_cache(maxsize=4096)
def _parse(text: str) -> tuple[int, int, int, str] | None:
    try:
        data = _date_parser().get_date_data(text)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    return data.date_obj.year, data.date_obj.month, data.date_obj.day, str(data.period)


def parse_french_date(text: str, reference: PartialDate | None = None) -> PartialDate | None:
    """A French date at the precision written; a missing year comes from `reference`.

    >>> parse_french_date("11 avril", PartialDate(2024, 6)).iso()
    '2024-04-11'
    >>> parse_french_date("11 avril") is None
    True
    """
    parsed = _parse(" ".join(text.split()))
    if parsed is None:
        return None
    year, month, day, period = parsed
    if not _YEAR_IN_TEXT.search(text):
        if reference is None:
            return None
        year = reference.year
    try:
        if period == "year":
            return PartialDate(year)
        if period == "month":
            return PartialDate(year, month)
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _is_lone_year_of_something_else(doc: Doc, start: int, end: int) -> bool:
    """'2000 soldats': a four-digit number right before a content word is not a year.

    A year cue just before it ('pour 2023 atteint', rules/lexicons/year_cues.csv) keeps it.
    """
    if items_ending_at(doc, start, "year_cues"):
        return False
    if end >= len(doc):
        return False
    following = doc[end]
    return following.is_alpha and following.is_lower and not following.is_stop


def normalize_date(doc: Doc, start: int, end: int, items: list[LexItem], rule: PatternRule) -> Candidate | None:
    """ISO 8601 at the written precision; empty value when the document date cannot complete it."""
    reference: PartialDate | None = doc._.ref_date
    relative = next((i for i in items if i.cls == "relative_date"), None)
    if relative is not None:
        period, offset = relative.value
        value = ""
        if reference is not None and (period == "year" or reference.month is not None):
            value = reference.shifted(period, offset).iso()
        return Candidate("DATE", start, end, value, "", rule.id, extra={"relative": True})
    classes = {i.cls for i in items}
    if classes == {"year", "number"} or classes == {"year"}:
        if _is_lone_year_of_something_else(doc, start, end):
            return None
    text = doc[start:end].text
    date = parse_french_date(text, reference)
    if date is None:
        # A real date shape whose year the document cannot give: keep it, value unknown.
        if "month" in classes and "year" not in classes and reference is None:
            return Candidate("DATE", start, end, "", "", rule.id)
        return None
    return Candidate("DATE", start, end, date.iso(), "", rule.id)

"""DATE: '11 avril 2023' -> 2023-04-11; 'avril 2023' -> 2023-04; 'l'an dernier' -> year before the document's.

dateparser reads the text, but never fills a part the text does not give: the precision
is the one written, and a missing year comes only from the document date.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Doc

from extract.date_forms import ANY_YEAR, read_plain_date, written_date
from extract.partial_date import PartialDate
from extract.pipes.date_guards import holds, is_number_not_date
from extract.pipes.items import Candidate, LexItem, items_ending_at, items_starting_at
from extract.rules import PatternRule
from extract.textnorm import fold

_YEAR_IN_TEXT = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: Word classes of a month: full names and dotted abbreviations ('avril', 'nov.'), and the
#: abbreviations without a dot ('fév', 'jan') that are a month only next to a day or a year.
MONTH_CLASSES = frozenset({"month", "month_abbreviations"})


@lru_cache(maxsize=1)
def _date_parser() -> DateDataParser:
    return DateDataParser(
        languages=["fr", "en"],  # English for a quoted post: 'May 25, 2022'
        settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY", "STRICT_PARSING": False},
    )


@lru_cache(maxsize=4096)
def _parse(text: str) -> tuple[int, int, int, str] | None:
    """(year, month, day, precision) of a written date; a year not written is a placeholder."""
    plain = read_plain_date(text)  # the common forms, without dateparser's cost (ms a string)
    if plain is not None:
        year, month, day = plain
        period = "day" if day is not None else "month" if month is not None else "year"
        return year or ANY_YEAR, month or 1, day or 1, period
    try:
        data = _date_parser().get_date_data(text)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    return data.date_obj.year, data.date_obj.month, data.date_obj.day, str(data.period)


def parse_french_date(text: str, reference: PartialDate | None = None) -> PartialDate | None:
    """A French date at the precision written; a missing year comes from `reference`.

    The string is first rewritten into what dateparser reads (`extract.date_forms`): ordinal
    and 'premier' days, 'de l'année' before a year, two-digit years, 'dernier jour de'.

    >>> parse_french_date("11 avril", PartialDate(2024, 6)).iso()
    '2024-04-11'
    >>> parse_french_date("11 avril") is None
    True
    >>> parse_french_date("dernier jour de février", PartialDate(2024)).iso()
    '2024-02-29'
    """
    written = written_date(text)
    parsed = _parse(written.text)
    if parsed is None:
        return None
    year, month, day, period = parsed
    if not _YEAR_IN_TEXT.search(written.text):
        if reference is None:
            return None
        year = reference.year
    if written.last_day:
        if period != "month":
            return None
        day, period = calendar.monthrange(year, month)[1], "day"
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


def _year_after(doc: Doc, end: int, reference: PartialDate | None) -> PartialDate | None:
    """The year a partial date shares with what follows it: 'juin et décembre 2023' -> 2023,
    'février l'an dernier' -> the year before the document's."""
    i = end
    relative = items_starting_at(doc, i, "relative_date")
    if relative and relative[0].value[0] == "year":
        return reference.shifted("year", relative[0].value[1]) if reference is not None else None
    if i < len(doc) and doc[i].lower_ in ("et", ",", "ou", "à", "au"):
        i += 1
        if i < len(doc) and doc[i].lower_ in ("le", "en", "au"):
            i += 1
        days = items_starting_at(doc, i, "day")
        i = days[0].end if days else i
        months = [m for cls in MONTH_CLASSES for m in items_starting_at(doc, i, cls)]
        if months:
            years = items_starting_at(doc, months[0].end, "year")
            if years:
                return PartialDate(int(years[0].value))
    return None


def _weekday(doc: Doc, start: int, end: int, weekday: int, rule: PatternRule) -> Candidate | None:
    """'a annoncé jeudi': a day the document's own date fixes (see `reference_date.resolve_weekdays`).

    The value is left empty here; 'mardi 10 septembre' is the date pattern's, not a weekday.
    """
    if items_starting_at(doc, end, "day") or (end < len(doc) and doc[end].text[:1].isdigit()):
        return None  # 'mardi 10 septembre', 'vendredi 17/03/2023': part of a full date
    shift = items_starting_at(doc, end, "month_shifts")
    after = bool(shift) and int(shift[0].value) > 0
    return Candidate("DATE", start, end, "", "", rule.id, extra={"relative": True, "weekday": weekday, "after": after})


def _is_decade_or_name(doc: Doc, start: int) -> bool:
    """'dans les années 1970 et 1980' names decades; 'World Air Forces 2023', 'Vision 2030' name things."""
    i = start - 1
    while i >= 0 and (doc[i].text in (",", "et") or (doc[i].text.isdigit() and len(doc[i].text) == 4)):
        i -= 1
    if i >= 0 and fold(doc[i].text) == "annees":
        return True
    previous = doc[start - 1] if start > 0 else None
    return (
        previous is not None
        and previous.is_title
        and previous.is_alpha
        and not previous.is_sent_start
        and not items_ending_at(doc, start, "month")
        and not items_ending_at(doc, start, "year_cues")
    )


def _shifted_month(
    text: str, reference: PartialDate | None, direction: int, start: int, end: int, rule: PatternRule
) -> Candidate:
    """'en mai dernier' in an article of 2023-04 -> 2022-05; 'en juin prochain' -> 2023-06.

    Counted from the document date, which must give its month; otherwise the value stays empty.
    """
    value = ""
    if reference is not None and reference.month is not None:
        date = parse_french_date(text, PartialDate(reference.year))
        if date is not None and date.month is not None:
            year = reference.year
            if direction < 0 and date.month > reference.month:
                year -= 1
            elif direction > 0 and date.month <= reference.month:
                year += 1
            completed = parse_french_date(text, PartialDate(year))
            value = completed.iso() if completed else ""
    return Candidate("DATE", start, end, value, "", rule.id, extra={"relative": True})


def normalize_date(doc: Doc, start: int, end: int, items: list[LexItem], rule: PatternRule) -> Candidate | None:
    """ISO 8601 at the written precision; empty value when the document date cannot complete it."""
    reference = PartialDate.parse(doc._.ref_date)
    relative = next((i for i in items if i.cls == "relative_date"), None)
    if relative is not None:
        period, offset = relative.value
        value = ""
        if reference is not None and (period == "year" or reference.month is not None):
            value = reference.shifted(period, offset).iso()
        return Candidate("DATE", start, end, value, "", rule.id, extra={"relative": True})
    weekday = next((i for i in items if i.cls == "weekdays"), None)
    if weekday is not None:
        return _weekday(doc, start, end, int(weekday.value), rule)
    if is_number_not_date(doc, start, end):
        return None  # 'n° 11/2023', '2023.11 %'
    if not holds(doc, start, end):
        return None  # 'le 6 mars, 2000 soldats', 'le 3 mars 12 F-16', 'en mars. 2023 sera', 'En 2023, avril et mai'
    classes = {i.cls for i in items}
    if classes == {"year", "number"} or classes == {"year"}:
        if _is_lone_year_of_something_else(doc, start, end) or _is_decade_or_name(doc, start):
            return None
    text = doc[start:end].text
    has_month = bool(classes & MONTH_CLASSES)
    if "year" not in classes and has_month:
        shared = _year_after(doc, end, reference)
        if shared is not None:  # 'en juin et décembre 2023', 'en février l'an dernier'
            reference = shared
    shift = items_starting_at(doc, end, "month_shifts") if "year" not in classes else []
    if shift and has_month:
        return _shifted_month(text, reference, int(shift[0].value), start, end, rule)
    date = parse_french_date(text, reference)
    if date is None:
        # A real date shape whose year the document cannot give: keep it, value unknown.
        if has_month and "year" not in classes and reference is None:
            return Candidate("DATE", start, end, "", "", rule.id)
        return None
    return Candidate("DATE", start, end, date.iso(), "", rule.id)

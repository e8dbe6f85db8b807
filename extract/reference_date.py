"""A reference date for articles that carry none, read from the text itself.

Many files have no crawl header and no `date` column, so "le 11 septembre" or "en janvier"
cannot be completed. The text sometimes fixes the year on its own:
- the latest full date it states ("vendredi 12 juillet 2019 ... mi-septembre" -> 2019);
- a weekday with a day and month ("jeudi 9 mars") that falls on that weekday in exactly one
  of the years the text names.
Only then are partial dates completed; relative forms ("l'an dernier", "en mai dernier")
count from the publication date, which stays unknown, so they are left empty.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from extract.mention import Mention
from extract.partial_date import PartialDate
from extract.pipes.dates import parse_french_date

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_WEEKDAY_BEFORE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\s+(?:le\s+)?$", re.IGNORECASE)


def infer_reference_date(text: str, mentions: list[Mention]) -> PartialDate | None:
    """The date the text itself anchors, or None when nothing fixes the year.

    `mentions` are the text's mentions as extracted without a reference date.
    """
    dates = [m for m in mentions if m.label == "DATE"]
    full = [d for d in (PartialDate.parse(m.value) for m in dates if len(m.value) == 10) if d is not None]
    if full:
        return max(full, key=lambda d: (d.year, d.month or 0, d.day or 0))
    years = {int(m.value[:4]) for m in dates if m.value[:4].isdigit()}
    for mention in dates:
        if mention.value or mention.extra.get("relative"):
            continue
        weekday = _WEEKDAY_BEFORE.search(text[max(0, mention.start - 15) : mention.start])
        day_month = parse_french_date(mention.text, PartialDate(2000))  # any leap year reads "29 février"
        if weekday is None or day_month is None or day_month.day is None or day_month.month is None:
            continue
        wanted = WEEKDAYS.index(weekday.group(1).lower())
        fitting = [y for y in sorted(years) if _weekday(y, day_month.month, day_month.day) == wanted]
        if len(fitting) == 1:
            return PartialDate(fitting[0], day_month.month, day_month.day)
    return None


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return calendar.weekday(year, month, day)
    except ValueError:
        return None


def complete_dates(mentions: list[Mention], reference: PartialDate) -> list[Mention]:
    """Partial DATE mentions completed with the year of an inferred `reference` (relative ones stay empty)."""
    completed = []
    for mention in mentions:
        if mention.label == "DATE" and not mention.value and not mention.extra.get("relative"):
            date = parse_french_date(mention.text, reference)
            if date is not None:
                mention = replace(mention, value=date.iso())
        completed.append(mention)
    return completed


def resolve_weekdays(mentions: list[Mention], reference: PartialDate | None, *, exact: bool) -> list[Mention]:
    """Date the weekdays ('a annoncé jeudi') from the article's day; drop them when it has none.

    The day is the document date (`reference`) when it gives one (`exact`), else the latest
    full date the text states in the document's month (a dateline: 'vendredi 17/03/2023');
    without a document date, weekdays are left out. Without `exact`,
    the article may be from the day after that date, so 'jeudi' after 'mercredi 19 juin' is
    the 20th. 'lundi prochain' is the next Monday.
    """
    anchor = _day_anchor(mentions, reference)
    kept = []
    for mention in mentions:
        weekday = mention.extra.get("weekday")
        if weekday is None:
            kept.append(mention)
            continue
        if anchor is None:
            continue  # a weekday nothing dates says nothing
        if mention.extra.get("after"):
            day = anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
        else:
            limit = anchor if exact else anchor + timedelta(days=1)
            day = limit - timedelta(days=(limit.weekday() - weekday) % 7)
        kept.append(replace(mention, value=day.isoformat()))
    return kept


def _day_anchor(mentions: list[Mention], reference: PartialDate | None) -> date | None:
    if reference is None:
        return None
    if reference.day is not None and reference.month is not None:
        return date(reference.year, reference.month, reference.day)
    days = []
    for mention in mentions:
        parsed = PartialDate.parse(mention.value) if mention.label == "DATE" and len(mention.value) == 10 else None
        if parsed is None or parsed.month is None or parsed.day is None or mention.extra.get("weekday") is not None:
            continue
        if parsed.year != reference.year or (reference.month is not None and parsed.month != reference.month):
            continue
        days.append(date(parsed.year, parsed.month, parsed.day))
    return max(days) if days else None

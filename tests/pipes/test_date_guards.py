"""extract/pipes/date_guards.py: when a match of a date pattern is not a date.

Each row: a text, the part a date pattern matched, then what the guards say of that span:
how its last part is joined (`loose_join`), whether the date keeps it (`holds`), whether nothing
after it could take its last part (`closes_there`) and whether it is a number shaped like a date
(`is_number_not_date`). The Docs come from the tagger (days, years, reference words are items).
"""

from __future__ import annotations

import pytest

from extract.pipes.date_guards import (
    _chain_start,
    _glued,
    _number_chain_after,
    closes_there,
    holds,
    is_number_not_date,
    loose_join,
    year_first,
)
from tests.pipes.test_tagger import tag, words


def span(text: str, part: str):
    doc = tag(text)
    start = text.index(part)
    found = doc.char_span(start, start + len(part))
    assert found is not None, f"test case error: {part!r} is not whole tokens of {text!r}"
    return doc, found.start, found.end


GUARDS = {
    # text, part: loose_join, holds, closes_there, is_number_not_date
    "two-digit-year": ("le 1er mars 21", "1er mars 21", "strict", True, True, False),
    "two-digit-year-before-a-system": ("le 3 mars 12 F-16", "3 mars 12", "strict", False, False, False),
    "two-digit-year-before-a-hyphen": ("mars 98 -", "mars 98", "strict", False, False, False),
    "stray-full-stop": ("en mars. 2023 sera", "mars. 2023", "strict", False, False, False),
    "stray-full-stop-continuing": ("en mars. 2023 à Kiev", "mars. 2023", "strict", True, True, False),
    "year-first": ("2023, nov et", "2023, nov", "strict", False, True, False),
    "english-order": ("March 6, 2023", "March 6, 2023", "", True, True, False),
    "comma-before-a-noun": ("le 6 mars, 2000 soldats", "6 mars, 2000", "mild", False, False, False),
    "comma-before-a-system": ("le 6 mars, 2000 F-16", "6 mars, 2000", "mild", False, False, False),
    "comma-before-a-name": ("le 6 mars, 2023 Paris a signé", "6 mars, 2023", "mild", True, False, False),
    "comma-before-a-stop-word": ("le 6 mars, 2023 et plus", "6 mars, 2023", "mild", True, True, False),
    "comma-before-a-code": ("le 6 mars, 2000 XK-99", "6 mars, 2000", "mild", False, False, False),
    "comma-before-a-capital-noun": ("le 6 mars, 2000 Chars", "6 mars, 2000", "mild", False, False, False),
    "comma-at-the-end": ("le 6 mars, 2023.", "6 mars, 2023", "mild", True, True, False),
    "de-year": ("novembre de 2023", "novembre de 2023", "mild", True, True, False),
    "firm": ("avril 2023", "avril 2023", "", True, True, False),
    "one-token": ("en 2023", "2023", "", True, True, False),
    "after-a-reference-word": ("n° 11/2023", "11/2023", "", True, True, True),
    "reference-word-one-digit": ("n° 5/2023", "5/2023", "", True, True, True),
    "day-after-a-number-run": ("le 5-14 juillet", "14 juillet", "", True, True, True),
    "page": ("page 2023", "2023", "", True, True, True),
    "percent-sign": ("le 2023.11 %", "2023.11", "", True, True, True),
    "percent-words": ("2023 pour cent", "2023", "", True, True, True),
    "inside-a-run": ("31-11-2023-45", "31-11-2023", "", True, False, True),
    "run-after": ("le 12/11/2023-45", "12/11/2023", "", True, False, True),
    "run-before": ("5-11/2023", "11/2023", "", True, True, True),
    "spaced-hyphen-before": ("5 - 11/2023", "11/2023", "", True, True, False),
    "reference-before-a-colon": ("Tél. : 05.12.2023", "05.12.2023", "", True, True, True),
    "a-date": ("le 12/11/2023", "12/11/2023", "", True, True, False),
    "written-date": ("le 11 avril 2023", "11 avril 2023", "", True, True, False),
}


@pytest.mark.parametrize(("text", "part", "join", "kept", "closes", "number"), GUARDS.values(), ids=GUARDS.keys())
def test_guards(text, part, join, kept, closes, number):
    doc, start, end = span(text, part)
    assert loose_join(doc, start, end) == join
    assert holds(doc, start, end) is kept
    assert closes_there(doc, end) is closes
    assert is_number_not_date(doc, start, end) is number


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        ("2023, nov et", "2023", True),
        ("2023,", "2023", True),
        ("2023 et nov", "2023", False),
        ("avril, nov", "avril", False),
        ("2023", "2023", False),
    ],
)
def test_year_first(text, part, expected):
    doc, start, _ = span(text, part)
    assert year_first(doc, start) is expected


@pytest.mark.parametrize(
    ("text", "continuing", "expected"),
    [
        ("mars 2023 et", True, True),
        ("mars 2023 et", False, False),
        ("mars 2023 sera", True, False),
        ("mars 2023\n", True, True),
    ],
)
def test_closes_there_continuing(text, continuing, expected):
    doc = tag(text)
    assert closes_there(doc, 2, continuing=continuing) is expected


@pytest.mark.parametrize(
    ("doc", "start", "expected"),
    [
        (words("31", "-", "11", "-", "2023", glued=(0, 1, 2, 3)), 4, 0),
        (words("31", "-", "11", "-", "2023", glued=(0, 1, 3)), 4, 4),  # "31-11 -2023": the run stops at the space
        (words("31", "-", "11", "-", "2023", glued=(0, 2, 3)), 4, 2),
        (words("x", "-", "2023", glued=(0, 1)), 2, 2),  # a word, not a number, before the hyphen
        (words("no5", "-", "2023", glued=(0, 1)), 2, 0),  # a word ending with a digit
        (words("5", "+", "2023", glued=(0, 1)), 2, 2),  # '+' joins no date parts
        (words("-", "2023", glued=(0,)), 1, 1),
    ],
)
def test_chain_start(doc, start, expected):
    assert _chain_start(doc, start) == expected


@pytest.mark.parametrize(
    ("doc", "end", "expected"),
    [
        (words("2023", "-", "45", glued=(0, 1)), 1, True),
        (words("2023", "-", "4a", glued=(0, 1)), 1, True),  # a digit first
        (words("2023", "-", "45", glued=(1,)), 1, False),
        (words("2023", "-", "45", glued=(0,)), 1, False),
        (words("2023", "-", "x", glued=(0, 1)), 1, False),
        (words("2023", "-", glued=(0,)), 1, False),
        (words("2023", "+", "45", glued=(0, 1)), 1, False),
    ],
)
def test_number_chain_after(doc, end, expected):
    assert _number_chain_after(doc, end) is expected


def test_glued():
    doc = words("a", "b", "c", "d", glued=(0, 1))
    assert _glued(0, 2, doc) and not _glued(0, 3, doc) and _glued(2, 2, doc)

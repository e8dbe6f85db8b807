"""PartialDate: a date at the precision the source gives (a year, a month or a day), and the
written forms rewritten for dateparser (extract/date_forms.py)."""

from __future__ import annotations

import pytest

from extract.date_forms import WrittenDate, four_digit_year, written_date
from extract.partial_date import PartialDate


@pytest.mark.parametrize(
    ("text", "expected", "precision", "iso"),
    [
        ("2024", PartialDate(2024), "year", "2024"),
        ("2024-06", PartialDate(2024, 6), "month", "2024-06"),
        ("2024-6", PartialDate(2024, 6), "month", "2024-06"),
        ("2024-06-11", PartialDate(2024, 6, 11), "day", "2024-06-11"),
        ("2024-02-29", PartialDate(2024, 2, 29), "day", "2024-02-29"),  # a leap year
        ("  2024-12-31 texte après", PartialDate(2024, 12, 31), "day", "2024-12-31"),
        ("2024-01-01", PartialDate(2024, 1, 1), "day", "2024-01-01"),
        ("0987", PartialDate(987), "year", "0987"),
    ],
)
def test_parse_keeps_the_precision_written(text, expected, precision, iso):
    date = PartialDate.parse(text)
    assert date == expected
    assert date.precision == precision
    assert date.iso() == iso


@pytest.mark.parametrize(
    "text",
    ["", None, "juin 2024", "24-06", "2024-13", "2024-00", "2023-02-29", "2024-04-31", "2024-06-00", "x2024"],
)
def test_parse_gives_none_for_what_is_not_a_calendar_date(text):
    assert PartialDate.parse(text) is None


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ((2024, None, 5), "a day needs a month"),
        ((2024, 0), "month 0 out of range"),
        ((2024, 13), "month 13 out of range"),
        ((2023, 2, 29), "day 29 out of range"),
        ((2024, 6, 0), "day 0 out of range"),
        ((2024, 6, 31), "day 31 out of range"),
    ],
)
def test_impossible_dates_are_refused(parts, message):
    with pytest.raises(ValueError, match=f"^{message}$"):
        PartialDate(*parts)


@pytest.mark.parametrize(
    ("date", "period", "offset", "expected"),
    [
        (PartialDate(2024, 6, 11), "year", -1, PartialDate(2023)),
        (PartialDate(2024), "year", 2, PartialDate(2026)),
        (PartialDate(2024, 1), "month", -1, PartialDate(2023, 12)),
        (PartialDate(2024, 12), "month", 1, PartialDate(2025, 1)),
        (PartialDate(2024, 6, 11), "month", 3, PartialDate(2024, 9)),
        (PartialDate(2024, 6), "month", -18, PartialDate(2022, 12)),
        (PartialDate(2024, 6), "month", 0, PartialDate(2024, 6)),
    ],
)
def test_shifted_moves_by_whole_periods_at_their_precision(date, period, offset, expected):
    assert date.shifted(period, offset) == expected


def test_a_month_shift_needs_a_month():
    with pytest.raises(ValueError, match="^a month shift needs a month$"):
        PartialDate(2024).shifted("month", 1)


@pytest.mark.parametrize(
    ("two_digits", "year"), [(0, 2000), (23, 2023), (49, 2049), (50, 1950), (98, 1998), (99, 1999)]
)
def test_four_digit_year(two_digits, year):
    assert four_digit_year(two_digits) == year


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("premier mars 21", WrittenDate("1 mars 2021")),
        ("Première semaine", WrittenDate("1 semaine")),
        ("1er mars 2024", WrittenDate("1 mars 2024")),
        ("4e jour de juillet de 2021", WrittenDate("4 juillet 2021")),
        ("4ème jour d'août 2021", WrittenDate("4 août 2021")),
        ("21st March 2024", WrittenDate("21 March 2024")),
        ("3rd May", WrittenDate("3 May")),
        ("31e, puis", WrittenDate("31, puis")),
        ("nov. de l'année 2023", WrittenDate("nov. 2023")),
        ("novembre de 2023", WrittenDate("novembre 2023")),
        ("novembre de l'an 2023", WrittenDate("novembre 2023")),
        ("novembre d’ 2023", WrittenDate("novembre 2023")),
        ("juin  \n 2024", WrittenDate("juin 2024")),
        ("3/11/98", WrittenDate("3/11/1998")),
        ("3.11.23", WrittenDate("3.11.2023")),
        ("03-11-49", WrittenDate("03-11-2049")),
        ("3/11-23", WrittenDate("3/11-23")),  # two separators that differ: not a numeric date
        ("mars '23", WrittenDate("mars 2023")),
        ("mars ’ 98", WrittenDate("mars 1998")),
        ("nov. 98", WrittenDate("nov. 1998")),
        ("1er mars 21", WrittenDate("1 mars 2021")),
        ("mars 2023", WrittenDate("mars 2023")),
        ("le 23", WrittenDate("le 2023")),
        ("23", WrittenDate("23")),  # two digits alone: no word before them
        ("dernier jour d'octobre 2021", WrittenDate("octobre 2021", last_day=True)),
        ("Dernier jour de février 2024", WrittenDate("février 2024", last_day=True)),
        ("le dernier jour de mars", WrittenDate("le dernier mars")),  # 'dernier jour' only at the start
        ("de 2023", WrittenDate("de 2023")),
        ("de 1850", WrittenDate("de 1850")),
    ],
)
def test_written_date(written, expected):
    assert written_date(written) == expected

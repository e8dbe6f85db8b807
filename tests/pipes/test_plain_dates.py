"""The plain date forms read without dateparser (`extract.date_forms.read_plain_date`).

The fast reader must say what dateparser says on every form it takes, and leave every other
form to dateparser: each table is checked against dateparser itself, not against copied values.
"""

import pytest

from extract.date_forms import _month_names, read_plain_date
from extract.pipes.dates import _date_parser
from extract.textnorm import fold

MONTH_NAMES = {
    1: ["janvier", "janv.", "Janvier", "jan", "january"],
    2: ["février", "fevrier", "févr.", "fév", "feb"],
    3: ["mars", "MARS", "march"],
    4: ["avril", "avr.", "april"],
    5: ["mai", "Mai", "may"],
    6: ["juin", "jun"],
    7: ["juillet", "juil.", "july"],
    8: ["août", "aout", "aoû"],
    9: ["septembre", "sept.", "sept", "sep"],
    10: ["octobre", "oct."],
    11: ["novembre", "nov.", "November"],
    12: ["décembre", "decembre", "déc.", "dec"],
}
PLAIN = [
    *(
        f"{day}{name}{year}"
        for names in MONTH_NAMES.values()
        for name in names
        for day in ("", "1 ", "28 ")
        for year in ("", " 2023")
    ),
    "31 décembre 1999",
    "30 avril 2024",
    "29 février 2024",
    "29 février",
    "07 mai 2023",
    "2023",
    "1999",
    "2050",
    "12/03/2023",
    "12.03.2023",
    "12-03-2023",
    "3/11/1998",
    "31/12/2024",
    "1/1/2000",
]
#: Forms the fast reader leaves to dateparser: other words, other orders, impossible days.
LEFT = [
    "mi-mai 2023",
    "fin mai 2023",
    "March 12, 2023",
    "12 mai, 2023",
    "lundi 12 mai 2023",
    "1850",
    "2150",
    "31 février 2024",
    "29 février 2023",
    "0 mai 2023",
    "32 mai 2023",
    "31 avril",
    "13/13/2023",
    "12/03/23",
    "2023-03-12",
    "printemps 2023",
    "mai mai",
    "12 2023",
    "",
]


def dateparser_reads(text: str) -> tuple[int, int, int, str] | None:
    data = _date_parser().get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.year, data.date_obj.month, data.date_obj.day, str(data.period)


@pytest.mark.parametrize("text", PLAIN)
def test_plain_form_reads_as_dateparser_does(text):
    year, month, day = read_plain_date(text)
    expected_year, expected_month, expected_day, period = dateparser_reads(text)
    assert period == ("day" if day else "month" if month else "year")
    if year is not None:
        assert year == expected_year
    assert month is None or month == expected_month
    assert day is None or day == expected_day


@pytest.mark.parametrize("text", LEFT)
def test_other_forms_are_left_to_dateparser(text):
    assert read_plain_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 sept. 2023", (2023, 9, 12)),
        ("sept. 2023", (2023, 9, None)),
        ("aout", (None, 8, None)),
        ("29 février", (None, 2, 29)),
        ("2023", (2023, None, None)),
        ("03/11/1998", (1998, 11, 3)),
    ],
)
def test_parts_not_written_stay_empty(text, expected):
    assert read_plain_date(text) == expected


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("janvier", 1),
        ("january", 1),
        ("fevrier", 2),
        ("fevr", 2),
        ("mai", 5),
        ("may", 5),
        ("aout", 8),
        ("august", 8),
        ("sept", 9),
        ("decembre", 12),
        ("december", 12),
    ],
)
def test_month_names_from_dateparser_locales(name, number):
    """The month names are read from dateparser's French and English data, folded, numbered from 1."""
    assert _month_names()[name] == number


def test_month_names_cover_the_year_folded():
    names = _month_names()
    assert set(names.values()) == set(range(1, 13))
    assert all(name == fold(name) for name in names)

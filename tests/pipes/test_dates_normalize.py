"""`parse_french_date` and `normalize_date` (extract/pipes/dates.py) at the function level.

`parse_french_date` on strings; `normalize_date` through the pattern step only (no resolver), so
every DATE candidate of a text is seen with its value, rule and `extra` (relative, weekday).
"""

from __future__ import annotations

import pytest

from extract.partial_date import PartialDate
from extract.pipes.dates import parse_french_date
from tests.extractors import EXTRACTORS

PARSED = [
    ("11 avril 2023", None, "2023-04-11"),
    ("avril 2023", None, "2023-04"),
    ("2023", None, "2023"),
    ("1er janvier 2000", None, "2000-01-01"),
    ("premier mai 2021", None, "2021-05-01"),
    ("May 25, 2022", None, "2022-05-25"),  # English, read by dateparser
    ("11 avril", PartialDate(2024, 6), "2024-04-11"),  # the year from the reference
    ("avril", PartialDate(2024), "2024-04"),
    ("11 avril", None, None),  # no year written, no reference
    ("dernier jour de février", PartialDate(2024), "2024-02-29"),
    ("dernier jour de février 2023", None, "2023-02-28"),
    ("dernier jour de 2023", None, None),  # the last day of a year is not written this way
    ("31 février 2023", None, None),
    ("n'importe quoi", None, None),
]


@pytest.mark.parametrize(("text", "reference", "expected"), PARSED)
def test_parse_french_date(text, reference, expected):
    date = parse_french_date(text, reference)
    assert (date.iso() if date is not None else None) == expected


def date_candidates(text: str, date: str | None) -> list[tuple[str, str, str, dict]]:
    """(text, value, rule id, extra) of the DATE candidates the patterns yield."""
    component = EXTRACTORS().nlp.get_pipe("arms_extractor")
    doc = component.nlp.make_doc(text)
    doc._.ref_date = date
    for step in component.steps[:4]:
        doc = step(doc)
    dates = [c for c in doc._.arms_candidates if c.label == "DATE"]
    assert all(c.unit == "" for c in dates)
    return [(doc[c.start : c.end].text, c.value, c.rule_id, c.extra) for c in dates]


RELATIVE = {"relative": True}
MONTH = "date-month-after-preposition"

CANDIDATES = {
    "month-last": ("2023-04", "Il est arrivé en mai dernier.", [("mai", "2022-05", MONTH, RELATIVE)]),
    "month-next": ("2023-04", "Il arrivera en juin prochain.", [("juin", "2023-06", MONTH, RELATIVE)]),
    "month-last-same-year": ("2023-04", "Il est arrivé en mars dernier.", [("mars", "2023-03", MONTH, RELATIVE)]),
    "month-next-next-year": ("2023-04", "Il arrivera en avril prochain.", [("avril", "2024-04", MONTH, RELATIVE)]),
    "month-last-this-month": ("2023-04", "Il est arrivé en avril dernier.", [("avril", "2023-04", MONTH, RELATIVE)]),
    "leap-day-last-year": (  # 2023-02-29 does not exist: no value
        "2024-01",
        "Il est arrivé le 29 février dernier.",
        [("29 février", "", "date-day-month", RELATIVE)],
    ),
    "leap-day-this-year": (
        "2024-03",
        "Il est arrivé le 29 février dernier.",
        [("29 février", "2024-02-29", "date-day-month", RELATIVE)],
    ),
    "month-shift-no-month": ("2023", "Il est arrivé en mai dernier.", [("mai", "", MONTH, RELATIVE)]),
    "month-shift-no-date": (None, "Il est arrivé en mai dernier.", [("mai", "", MONTH, RELATIVE)]),
    "weekday": (
        "2023-04",
        "Il a annoncé jeudi que le contrat était signé.",
        [("jeudi", "", "date-weekday", {"relative": True, "weekday": 3, "after": False})],
    ),
    "weekday-next": (
        "2023-04",
        "Il signera jeudi prochain.",
        [("jeudi", "", "date-weekday", {"relative": True, "weekday": 3, "after": True})],
    ),
    "weekday-last": (
        "2023-04",
        "Il signera jeudi",
        [("jeudi", "", "date-weekday", {"relative": True, "weekday": 3, "after": False})],
    ),
    "weekday-before-a-number": ("2023-04", "Il a annoncé jeudi 2,5 millions d'euros.", []),
    "weekday-of-a-full-date": (
        "2023-04",
        "Il a signé mardi 10 septembre.",
        [("10 septembre", "2023-09-10", "date-day-month", {})],
    ),
    "weekday-before-digits": (
        "2023-04",
        "Dakar, vendredi 17/03/2023.",
        [("17/03/2023", "2023-03-17", "date-numeric", {})],
    ),
    "relative": (
        "2023-04",
        "Il a signé l'an dernier et le mois dernier.",
        [
            ("l'an dernier", "2022", "date-relative", RELATIVE),
            ("le mois dernier", "2023-03", "date-relative", RELATIVE),
        ],
    ),
    "relative-month-without-month": (
        "2023",
        "Il a signé le mois dernier.",
        [("le mois dernier", "", "date-relative", RELATIVE)],
    ),
    "relative-year-with-a-year": (
        "2023",
        "Il a signé l'an dernier.",
        [("l'an dernier", "2022", "date-relative", RELATIVE)],
    ),
    "relative-without-date": (None, "Il a signé l'an dernier.", [("l'an dernier", "", "date-relative", RELATIVE)]),
    "shared-year": (
        "2023-04",
        "En juin et décembre 2021.",
        [
            ("juin", "2021-06", MONTH, {}),
            ("décembre 2021", "2021-12", "date-month-year", {}),
            ("2021", "2021", "date-year", {}),
        ],
    ),
    "shared-relative-year": (
        "2023-04",
        "Puis en février l'an dernier.",
        [("février", "2022-02", MONTH, {}), ("l'an dernier", "2022", "date-relative", RELATIVE)],
    ),
    "decades": ("2023-04", "Dans les années 1970 et 1980.", []),
    "name-with-a-year": ("2023-04", "Le rapport World Air Forces 2023 a paru.", []),
    "year-after-a-title-case-month": (
        "2023-04",
        "Il a signé en Juin 2021.",
        [
            ("Juin", "2023-06", MONTH, {}),
            ("Juin 2021", "2021-06", "date-month-year", {}),
            ("2021", "2021", "date-year", {}),
        ],
    ),
    "year-after-title-first-word": ("2023-04", "Depuis 2021, il vend.", [("2021", "2021", "date-year", {})]),
    "year-before-a-noun": ("2023-04", "Il a vu 2000 soldats.", []),
    "year-cue-keeps-it": ("2023-04", "En 2000 soldats ont défilé.", [("2000", "2000", "date-year", {})]),
    "year-before-stop-word": ("2023-04", "Il a vu 2021 et plus.", [("2021", "2021", "date-year", {})]),
    "year-at-the-end": ("2023-04", "Il a signé en 2021", [("2021", "2021", "date-year", {})]),
    "day-month-no-date": (None, "Le 11 avril, il a signé.", [("11 avril", "", "date-day-month", {})]),
    "impossible-day": (
        "2023-04",
        "Le 31 février 2023.",
        [("février 2023", "2023-02", "date-month-year", {}), ("2023", "2023", "date-year", {})],
    ),
}


@pytest.mark.parametrize(("date", "text", "expected"), CANDIDATES.values(), ids=CANDIDATES.keys())
def test_date_candidates(date, text, expected):
    assert date_candidates(text, date) == expected


SHARED_YEAR = {
    "comma": ("2023-04", "En juin, décembre 2021.", ("juin", "2021-06")),
    "ou": ("2023-04", "En juin ou décembre 2021.", ("juin", "2021-06")),
    "a": ("2023-04", "De juin à décembre 2021.", ("juin", "2021-06")),
    "au-day": ("2023-04", "De juin au 5 décembre 2021.", ("juin", "2021-06")),
    "et-en": ("2023-04", "En juin et en décembre 2021.", ("juin", "2021-06")),
    "et-le-day": ("2023-04", "Le 5 juin et le 6 décembre 2021.", ("5 juin", "2021-06-05")),
    "month-last": ("2023-04", "Il signera en juin", ("juin", "2023-06")),
    "connector-last": ("2023-04", "Il signera en juin et", ("juin", "2023-06")),
    "relative-year-without-date": (None, "Puis en février l'an dernier.", ("février", "")),
}


@pytest.mark.parametrize(("date", "text", "expected"), SHARED_YEAR.values(), ids=SHARED_YEAR.keys())
def test_a_partial_date_takes_the_year_that_follows(date, text, expected):
    assert date_candidates(text, date)[0][:2] == expected


LONE_YEARS = {
    "year-last": ("Il a vu 2021", ["2021"]),
    "decades-first-in-the-text": ("Années 1970 et 1980 : le pays s'arme.", []),
    "decades-with-commas": ("Dans les années 1970, 1980 et 1990.", []),
    "decades-comma-and": ("Dans les années 1970, et 1980.", []),
    "word-between": ("Dans les années avec 1970.", ["1970"]),
    "year-first-in-the-text": ("2021 a vu Paris", ["2021"]),
    "name-before": ("Le rapport Forces 2023 a paru.", []),
    "year-cue-in-capitals": ("Il l'a dit : En 2021, la France achète.", ["2021"]),
}


@pytest.mark.parametrize(("text", "years"), LONE_YEARS.values(), ids=LONE_YEARS.keys())
def test_lone_years(text, years):
    assert [found[0] for found in date_candidates(text, "2023-04")] == years

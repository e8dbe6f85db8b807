"""Never crash on arbitrary text: the number, money, date and header parsers, and the pipeline."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.io.header import parse_header
from extract.numbers import parse_digits, parse_fraction, parse_number_words
from extract.parsers import parse_count, parse_date, parse_money, parse_range
from extract.partial_date import PartialDate
from extract.pipes.dates import parse_french_date

PRESS_ALPHABET = st.sampled_from(
    list("0123456789 ,.-/€$£%'’\u00a0\u202f\n")
    + [
        "millions",
        "milliards",
        "Md€",
        "M$",
        "k€",
        "de",
        "d'",
        "dollars",
        "euros",
        "dirhams",
        "km",
        "miles",
        "avril",
        "2023",
        "1er",
        "entre",
        "et",
        "à",
        "près",
        "vingtaine",
        "dix-huit",
        "cent",
        "un",
        "une",
        "lanceurs",
        "Maroc",
        "date ",
        "F-16",
        "(DR)",
        "septante",
        "million",
        "et demi",
        "1/4",
        "½",
        "livres",
        "centimes",
        "CA$",
        "USD",
        " m",
    ]
)
PRESS_TEXT = st.lists(PRESS_ALPHABET, max_size=40).map("".join)
ANY_TEXT = st.text(max_size=200)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.one_of(ANY_TEXT, PRESS_TEXT))
def test_digit_and_word_parsers_never_raise(text):
    value = parse_digits(text)
    assert value is None or value >= 0
    words = parse_number_words(text)
    assert words is None or isinstance(words, int)
    fraction = parse_fraction(text)
    assert fraction is None or 0 < fraction < 1


@FUZZ
@given(st.one_of(ANY_TEXT, PRESS_TEXT), st.sampled_from([None, PartialDate(2024, 6), PartialDate(2020)]))
def test_date_parser_never_raises(text, reference):
    date = parse_french_date(text, reference)
    assert date is None or len(date.iso()) in (4, 7, 10)


@FUZZ
@given(st.one_of(ANY_TEXT, PRESS_TEXT))
def test_partial_date_and_header_never_raise(text):
    PartialDate.parse(text)
    header = parse_header(text)
    assert 0 <= header.body_start <= len(text)


@FUZZ
@given(st.one_of(ANY_TEXT, PRESS_TEXT))
def test_expression_parsers_never_raise_and_keep_offsets(text):
    for parse in (parse_money, parse_count, parse_range):
        mention = parse(text)
        assert mention is None or text[mention.start : mention.end] == mention.text
    mention = parse_date(text, reference="2024-06")
    assert mention is None or text[mention.start : mention.end] == mention.text

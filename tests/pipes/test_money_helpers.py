"""The helpers of extract/pipes/money.py at the function level (the amounts themselves are in
test_money.py and test_money_forms.py, through the pipeline)."""

from __future__ import annotations

import pytest

from extract.pipes.money import _bracket_depths, _closes_amount, _code, _needs_context, countries_using
from tests.extractors import EXTRACTORS
from tests.pipes.test_tagger import tag, words


@pytest.mark.parametrize(
    ("code", "some", "none_of"),
    [("SEK", {"SWE"}, {"NOR", "DNK"}), ("EUR", {"FRA", "DEU", "ESP"}, {"SWE", "GBR"}), ("GBP", {"GBR"}, {"IRL"})],
)
def test_countries_using(code, some, none_of):
    found = countries_using(code)
    assert some <= found and not none_of & found


def test_countries_using_counts_current_currencies_only():
    assert "DEU" not in countries_using("DEM")  # the Deutsche Mark is no longer current
    assert countries_using("SEK") == frozenset({"SWE"})


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (("a", "(", "b", ")", "c"), [0, 0, 1, 0, 0]),
        (("a", "[", "(", "b", "]", "c"), [0, 0, 1, 2, 1, 1]),
        ((")", "a"), [0, 0]),  # a closing bracket before any opening one
        (("(", "a", "(", "b", ")", ")"), [0, 1, 1, 2, 1, 0]),
    ],
)
def test_bracket_depths(tokens, expected):
    doc = words(*tokens)
    assert _bracket_depths(doc, 0, len(doc) - 1) == expected


def test_bracket_depths_from_a_later_token():
    doc = words("(", "a", ")", "b", "(", "c")
    assert _bracket_depths(doc, 3, 5) == [0, 0, 1]


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("15 dollars 50", 3, True),  # the end of the text
        ("15 dollars 50.", 3, True),
        ("15 dollars 50 et plus", 3, True),  # a stop word
        ("15 dollars 50\nSuite", 3, True),
        ("15 dollars 50 chars", 3, False),
    ],
)
def test_closes_amount(text, end, expected):
    assert _closes_amount(tag(text), end) is expected


def currency_item(doc):
    return next(i for i in doc._.lex_items.values() if i.cls in ("currency", "currency_subunit"))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Il paie 9 milliards de couronnes.", "CZK"),  # no country named: the first code listed
        ("La Suède paie 9 milliards de couronnes.", "SEK"),
        ("La Norvège et la Suède, puis la Norvège, paient 9 milliards de couronnes.", "NOK"),  # named most
        ("La Norvège et la Suède paient 9 milliards de couronnes.", "SEK"),  # a tie: the first listed
        ("Il paie 9 milliards d'euros.", "EUR"),
        ("Il paie 50 cents.", "USD"),  # a subunit: its codes, the first listed
        ("Le Canada paie 50 cents.", "CAD"),
    ],
)
def test_code(text, code):
    doc = tag(text)
    assert _code(doc, currency_item(doc)) == code


@pytest.mark.parametrize(("text", "expected"), [("300 livres", True), ("300 euros", False), ("50 cents", False)])
def test_needs_context(text, expected):
    assert _needs_context(currency_item(tag(text))) is expected


# --- a currency carried from the amount coordinated after ('1,25 milliard et de 655 millions de dollars')

CARRIED_NEXT = {
    "currency-word-earlier": (
        "En euros, deux contrats de 1,25 milliard et de 655 millions de dollars.",
        [("1,25 milliard", "1250000000", "USD", "carried"), ("655 millions de dollars", "655000000", "USD", "")],
    ),
    "scaled-currency": (
        "Deux contrats de 1,25 milliard et de 2 Md$.",
        [("1,25 milliard", "1250000000", "USD", "carried"), ("2 Md$", "2000000000", "USD", "")],
    ),
    "word-several-countries-use": (
        "La Suède paie 1,25 milliard et de 655 millions de couronnes.",
        [("1,25 milliard", "1250000000", "SEK", "carried"), ("655 millions de couronnes", "655000000", "SEK", "")],
    ),
    "currency-that-needs-context": (
        "Deux contrats de 1,25 milliard et de 655 millions de livres.",
        [("655 millions de livres", "655000000", "GBP", "")],
    ),
    "across-punctuation": ("Deux contrats de 1,25 milliard et de 655 millions, en dollars.", []),
    "too-far": (
        "Deux contrats de 1,25 milliard et de un deux trois quatre cinq six dollars.",
        [("six dollars", "6", "USD", "")],
    ),
}


@pytest.mark.parametrize(("text", "expected"), CARRIED_NEXT.values(), ids=CARRIED_NEXT.keys())
def test_currency_of_the_next_amount(text, expected):
    found = [(m.text, m.value, m.unit, m.unit_source) for m in EXTRACTORS().extract(text) if m.label == "MONEY"]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Budget de 300 livres.", [("300 livres", "GBP")]),  # a money word first in the text
        ("Un budget de 300 livres.", [("300 livres", "GBP")]),
        ("Un budget de a 300 livres.", [("300 livres", "GBP")]),  # three words before
        ("Un budget de a b 300 livres.", []),  # four: too far
        ("Il pèse 300 livres.", []),
    ],
)
def test_a_currency_that_needs_a_money_word(text, expected):
    assert [(m.text, m.unit) for m in EXTRACTORS().extract(text) if m.label == "MONEY"] == expected


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Le contrat de 6,7 milliards d’euros, dont 4,1 milliards pour la France.", "EUR"),
        ("Le contrat de 6,7 milliards d'euros, dont 4,1 milliards pour la France.", "EUR"),
        ("Le contrat de 6,7 milliards de dollars, dont 4,1 milliards pour la France.", "USD"),
        # brackets closed in a sentence before the two looked at do not hide the currency
        (
            "(a b c d e f g h i j k l m n). Un. Deux. Le contrat de 6,7 milliards d'euros, dont 4,1 milliards pour x.",
            "EUR",
        ),
    ],
)
def test_currency_carried_from_a_scaled_amount(text, currency):
    found = [(m.text, m.unit, m.unit_source) for m in EXTRACTORS().extract(text) if m.label == "MONEY"]
    assert found[1:] == [("4,1 milliards", currency, "carried")]


@pytest.mark.parametrize(
    ("text", "carried"),
    [
        ("Le contrat de 2 Md€, dont 1,5 milliard pour la France.", ("1,5 milliard", "EUR", "carried")),
        ("Le contrat de 300 euros, dont 4,1 milliards pour la France.", ("4,1 milliards", "EUR", "carried")),
        # inside brackets, the currency of the amount in the same brackets
        (
            "Le contrat de 8,5 milliards de couronnes (soit 335 millions d'euros, dont 100 millions pour la France).",
            ("335 millions d'euros", "EUR", ""),
        ),
        ("Le contrat (de 6,7 milliards d'euros) (4,1 milliards pour la France).", ("4,1 milliards", "EUR", "carried")),
    ],
)
def test_currency_carried_from_an_amount_without_scale_word(text, carried):
    found = [(m.text, m.unit, m.unit_source) for m in EXTRACTORS().extract(text) if m.label == "MONEY"]
    assert found[1] == carried and found[-1][1:] == (carried[1], "carried")


def test_no_currency_carried_from_a_word_that_needs_context():
    text = "Un sac de 300 livres, dont 4,1 milliards pour la France."
    assert [m for m in EXTRACTORS().extract(text) if m.label == "MONEY"] == []

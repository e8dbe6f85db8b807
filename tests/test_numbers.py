"""extract/numbers.py on its own: the digit, fraction and word readers and the token scanner,
as the press writes numbers (case tables; the pipeline tests read them in whole sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest
import spacy
from spacy.tokens import Doc

from extract.numbers import (
    _joins_run,
    format_number,
    is_number_word,
    parse_digits,
    parse_fraction,
    parse_number_words,
    scan_numbers,
)

NUMBER_NOUNS: dict[str, int | str] = {"vingtaine": 20, "douzaine": 12, "douzaines": "", "centaine": 100}
SCALES = ["million", "millions", "milliard", "milliards"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("524,2", "524.2"),
        ("1.500", "1500"),  # a dot before three digits: French thousands
        ("1.5", "1.5"),  # any other dot: an English decimal point
        ("1.5000", "1.5"),  # four digits after the dot: a decimal point
        ("12.345.678", "12345678"),
        ("1.500,5", "1500.5"),
        ("3 500 000", "3500000"),
        ("3\u00a0500\u00a0000", "3500000"),
        ("3\u202f500", "3500"),
        ("1 234,5", "1234.5"),
        ("0,5", "0.5"),
        ("1,500", "1.5"),  # a French decimal comma, never an English thousands separator
        ("12,345", "12.345"),
        ("42", "42"),
    ],
)
def test_parse_digits(text, expected):
    assert parse_digits(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "12a", "1.", ",5", "1,2,3", "1.50.000", "F-16", "3/4"])
def test_parse_digits_rejects_what_is_not_a_plain_number(text):
    assert parse_digits(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/4", "0.25"),
        ("1/2", "0.5"),
        ("3/4", "0.75"),
        ("1/8", "0.125"),
        ("2/3", "0.6666666666666666666666666667"),
        ("7/8", "0.875"),
        ("½", "0.5"),
        ("¼", "0.25"),
        ("¾", "0.75"),
    ],
)
def test_parse_fraction(text, expected):
    assert parse_fraction(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["3/11", "4/4", "5/4", "0/4", "1/5", "1/6", "10/8", "1/4 ", "", "x"])
def test_parse_fraction_rejects_dates_and_improper_fractions(text):
    assert parse_fraction(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dix-huit", True),
        ("quatre-vingts", True),
        ("Cent", True),
        ("vingt-et-un", True),
        ("soixante", True),
        ("septante", True),
        ("zéro", True),
        ("et", False),
        ("Et", False),
        ("million", False),  # a scale noun, not a number word
        ("dix-huitième", False),
        ("vingt-cinq-ans", False),
        ("", False),
    ],
)
def test_is_number_word(text, expected):
    assert is_number_word(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("deux cent cinquante", 250),
        ("dix-huit-mille-sept-cent-onze", 18711),  # the 1990 spelling: hyphens everywhere
        ("soixante et onze", 71),
        ("quatre-vingt-dix", 90),
        ("Douze", 12),
        ("trois mille", 3000),
    ],
)
def test_parse_number_words(text, expected):
    assert parse_number_words(text) == expected


@pytest.mark.parametrize("text", ["bonjour", "deux chars"])
def test_parse_number_words_rejects_other_words(text):
    assert parse_number_words(text) is None


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (Decimal("524.2") * 1000000, "524200000"),
        (2414.016, "2414.016"),
        (Decimal("1.50"), "1.5"),
        (Decimal("100.0"), "100"),
        (Decimal("1E+3"), "1000"),
        (Decimal("0.000001"), "0.000001"),
        (Decimal("1E-7"), "0.0000001"),  # never an exponent
        (Decimal("-2.50"), "-2.5"),
        (0.1, "0.1"),
        (3, "3"),
        (0, "0"),
    ],
)
def test_format_number(number, expected):
    assert format_number(number) == expected


@pytest.fixture(scope="module")
def tokenize():
    """A plain French tokenizer (spaCy's own code: nothing of extract/ runs in it)."""
    return spacy.blank("fr")


def scanned(nlp, text, skip=frozenset()):
    doc = nlp(text)
    return [
        (doc[n.start : n.end].text.strip(), str(n.value) if n.value is not None else None, n.approx)
        for n in scan_numbers(doc, number_nouns=NUMBER_NOUNS, quantity_words=SCALES, skip=set(skip))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le Maroc a payé 3 500 000 dollars.", [("3 500 000", "3500000", "")]),
        ("Il a reçu 12 chars et 40 obus.", [("12", "12", ""), ("40", "40", "")]),
        ("Le prix : 1 234,5 euros.", [("1 234,5", "1234.5", "")]),
        ("Le prix : 1 234,5 678 euros.", [("1 234,5", "1234.5", ""), ("678", "678", "")]),  # a decimal ends a group
        ("une route de 10 1/2 milles", [("10 1/2", "10.5", "")]),
        ("une route de 10 ½ milles", [("10 ½", "10.5", "")]),
        ("à 1/4 de kilomètre", [("1/4", "0.25", "")]),
        ("à 3 1/4 de kilomètre", [("3 1/4", "3.25", "")]),
        ("à 3,5 1/4 de kilomètre", [("3,5", "3.5", ""), ("1/4", "0.25", "")]),  # no fraction after a decimal
        ("le 3/11 à Paris", []),  # a date, not a fraction
        ("une vingtaine de chars", [("une vingtaine", "20", "une vingtaine")]),
        ("Vingtaine de chars", [("Vingtaine", "20", "Vingtaine")]),
        ("deux douzaines d'obus", [("deux douzaines", "24", "deux douzaines")]),
        ("des douzaines d'obus", []),  # a plural noun without a number before it
        ("dix-huit avions", [("dix-huit", "18", "")]),
        ("soixante et onze chars", [("soixante et onze", "71", "")]),
        ("un million deux cent mille obus", [("un million deux cent mille", "1200000", "")]),
        ("un milliard d'euros", [("un", "1", "")]),  # 'un' before a scale word is one
        ("un char", []),  # a plain 'un' is an article
        ("une centaine de soldats", [("une centaine", "100", "une centaine")]),
        ("Le prix : 12", [("12", "12", "")]),  # a number closing the text
        ("Il a payé 3 500", [("3 500", "3500", "")]),
        ("Il a payé 3 500.", [("3 500", "3500", "")]),
        ("Il a payé 3 500 ", [("3 500", "3500", "")]),
        ("Il a payé 3\u00a0500 obus", [("3\u00a0500", "3500", "")]),  # a no-break space between groups
        ("Il a payé 3\n\n500 obus", [("3", "3", ""), ("500", "500", "")]),  # a line break is no group space
        ("une route de (10 1/2 milles)", [("10 1/2", "10.5", "")]),
        ("", []),
    ],
)
def test_scan_numbers(tokenize, text, expected):
    assert scanned(tokenize, text) == expected


@pytest.mark.parametrize(
    ("words", "spaces", "expected"),
    [
        (["10", "½", "milles"], [False, True, False], [("10½", "10.5")]),  # a fraction glyph glued to its number
        (["10", "1/2", "milles"], [False, True, False], [("10", "10"), ("1/2", "0.5")]),  # a glued '1/2' is not
        (["10", "1/2", "milles"], [True, True, False], [("10 1/2", "10.5")]),
    ],
)
def test_a_fraction_after_a_whole_number(tokenize, words, spaces, expected):
    doc = Doc(tokenize.vocab, words=words, spaces=spaces)
    numbers = scan_numbers(doc, number_nouns={}, quantity_words=[], skip=set())
    assert [(doc[n.start : n.end].text.strip(), str(n.value)) for n in numbers] == expected


def tokens(nlp, written: str) -> Doc:
    """A Doc cut as the pipeline's tokenizer cuts: words split on spaces, '~' glues two tokens
    ('septante~-~deux': the tokenizer splits the hyphenated numbers it does not know)."""
    words, spaces = [], []
    for chunk in written.split(" "):
        parts = chunk.split("~")
        words += parts
        spaces += [False] * (len(parts) - 1) + [True]
    return Doc(nlp.vocab, words=words, spaces=[*spaces[:-1], False])


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("septante~-~deux obus", [("septante-deux", "72")]),
        ("deux~-~cent~-~trois obus", [("deux-cent-trois", "203")]),
        ("quatre~-~vingt~-~dix~-~huit obus", [("quatre-vingt-dix-huit", "98")]),
        ("dix~-~huit~-~mille~-~sept~-~cent~-~onze", [("dix-huit-mille-sept-cent-onze", "18711")]),
        ("vingt~-~et~-~un obus", [("vingt-et-un", "21")]),
        ("vingt~-~et~-~une armes", [("vingt-et-une", "21")]),
        ("vingt - deux obus", [("vingt", "20"), ("deux", "2")]),  # a hyphen between spaces joins nothing
        ("onze~- chars", [("onze", "11")]),
        ("vingt~-~chars", [("vingt", "20")]),
        ("soixante et onze chars", [("soixante et onze", "71")]),
        ("trente et un chars", [("trente et un", "31")]),
        ("vingt et une voitures", [("vingt et une", "21")]),
        ("cent et deux", [("cent", "100"), ("deux", "2")]),  # 'et' joins only un, une, onze
        ("vingt et", [("vingt", "20")]),
        ("cent un chars", [("cent un", "101")]),
        ("mille une nuits", [("mille une", "1001")]),
        ("un million un obus", [("un million un", "1000001")]),
        ("deux millions trois", [("deux millions trois", "2000003")]),
        ("deux millions d'obus", [("deux", "2")]),  # a scale word joins only between number words
        ("trois cents millions", [("trois cents", "300")]),
        # counted in the scale that closes it: 2500 millions, 'millions' an item of its own
        ("deux milliards cinq cents millions d'euros", [("deux milliards cinq cents", "2500")]),
        ("et un", []),
    ],
)
def test_scan_numbers_reads_number_words_as_the_tokenizer_cuts_them(tokenize, written, expected):
    doc = tokens(tokenize, written)
    numbers = scan_numbers(doc, number_nouns={}, quantity_words=SCALES, skip=set())
    assert [(doc[n.start : n.end].text, str(n.value)) for n in numbers] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (token start, token end, value) of each number: where a number starts inside a sentence
        ("Il y a une vingtaine de chars", [(3, 5, "20")]),
        ("Il a reçu deux douzaines d'obus", [(3, 5, "24")]),
        ("Pour un milliard d'euros", [(1, 2, "1")]),
        ("coût : un milliard", [(2, 3, "1")]),  # the scale word closing the text
        ("un million deux cent mille obus et 40 chars", [(0, 5, "1200000"), (7, 8, "40")]),  # and the scan goes on
        ("le prix (3 500 dollars)", [(3, 5, "3500")]),
        # a no-break space before the unit goes with the number, so that the patterns see them side by side
        ("payé 3\u00a0500\u00a0€", [(1, 5, "3500")]),
        ("payé 3 500\u00a0€", [(1, 4, "3500")]),
        ("payé 3\u00a0", [(1, 2, "3")]),  # not when nothing follows
    ],
)
def test_scan_numbers_token_spans(tokenize, text, expected):
    numbers = scan_numbers(tokenize(text), number_nouns=NUMBER_NOUNS, quantity_words=SCALES, skip=set())
    assert [(n.start, n.end, str(n.value)) for n in numbers] == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("vingt -~deux obus", [("vingt", "20"), ("deux", "2")]),  # a hyphen joins only glued on both sides
        ("vingt et - un obus", [("vingt", "20")]),  # 'et' joins over a glued hyphen only
        ("vingt~-~et~-~un", [("vingt-et-un", "21")]),
        ("deux trois obus", [("deux", "2"), ("trois", "3")]),  # two numbers side by side
        ("il a deux trois obus", [("deux", "2"), ("trois", "3")]),  # the same inside a sentence
        ("vingt et~-", [("vingt", "20")]),  # a glued hyphen closing the text joins nothing
        # not a number with the scale that closes it: the run keeps its own value
        ("trois millions deux millions", [("trois millions deux", "3000002")]),
    ],
)
def test_number_words_joined_or_not(tokenize, written, expected):
    doc = tokens(tokenize, written)
    numbers = scan_numbers(doc, number_nouns={}, quantity_words=SCALES, skip=set())
    assert [(doc[n.start : n.end].text, str(n.value)) for n in numbers] == expected


@pytest.mark.parametrize(
    ("written", "k", "expected"),
    [
        ("vingt et~-~un", 1, True),
        ("vingt et - un", 1, False),  # 'et' joins over a glued hyphen only
        ("vingt et~, un", 1, False),  # nor over a comma glued to it
        ("vingt et un", 1, True),
        ("vingt et deux", 1, False),
    ],
)
def test_et_joins_a_run(tokenize, written, k, expected):
    assert _joins_run(tokens(tokenize, written), k) is expected


def test_a_skipped_scale_word_still_joins_a_number(tokenize):
    doc = tokens(tokenize, "un million deux cent mille obus")
    numbers = scan_numbers(doc, number_nouns={}, quantity_words=SCALES, skip={1})
    assert [(n.start, n.end, str(n.value)) for n in numbers] == [(0, 5, "1200000")]


def test_scan_numbers_leaves_the_skipped_tokens_alone(tokenize):
    doc_text = "Le F-16 Block 72 et 40 missiles"
    doc = tokenize(doc_text)
    skip = {t.i for t in doc if t.text in ("16", "72")}
    assert scanned(tokenize, doc_text, skip) == [("40", "40", "")]

"""Invisible and typographic characters of scraped text: the same mentions as the clean text,
with offsets into the original (extract/cleantext.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract import Extractor
from extract.cleantext import INVISIBLE, LIGATURES, clean_text

#: (name, character) of every invisible character class the press texts carry
INVISIBLES = [
    ("zero-width space", "\u200b"),
    ("soft hyphen", "\u00ad"),
    ("word joiner", "\u2060"),
    ("zero-width non-joiner", "\u200c"),
    ("zero-width joiner", "\u200d"),
    ("zero-width no-break space", "\ufeff"),
    ("left-to-right mark", "\u200e"),
]
SPACES = [
    ("no-break space", "\u00a0"),
    ("narrow no-break space", "\u202f"),
    ("figure space", "\u2007"),
    ("thin space", "\u2009"),
    ("ideographic space", "\u3000"),
]

# (what, hostile text with {} where the character goes, the clean text it must read like)
NUMBER_CASES = [
    ("money", "Le contrat porte sur 524{}000 000 $.", "Le contrat porte sur 524 000 000 $."),
    ("money, last group", "Le contrat porte sur 524 000{}000 $.", "Le contrat porte sur 524 000 000 $."),
    ("count", "L'Inde recevra 1{}200 obus.", "L'Inde recevra 1 200 obus."),
]
WORD_CASES = [
    ("country", "La Fran{}ce vend des armes.", "La France vend des armes."),
    ("country, two words", "La Corée du Su{}d a signé.", "La Corée du Sud a signé."),
    ("weapon", "Le Maroc achète des Ra{}fale.", "Le Maroc achète des Rafale."),
    ("designation", "Le Maroc achète des F-{}16.", "Le Maroc achète des F-16."),
    ("designation digits", "Le Maroc achète des F-1{}6.", "Le Maroc achète des F-16."),
]
SPACE_CASES = [
    ("money", "Le contrat porte sur 524{}000{}000{}$.", "Le contrat porte sur 524 000 000 $."),
    ("country", "La Corée{}du{}Sud a signé.", "La Corée du Sud a signé."),
    ("designation", "Le Maroc achète des M142{}HIMARS.", "Le Maroc achète des M142 HIMARS."),
]
TYPOGRAPHIC_CASES = [
    ("non-breaking hyphen", "Le Maroc achète des F\u201116.", "Le Maroc achète des F-16."),
    ("hyphen", "Le Maroc achète des Su\u201035.", "Le Maroc achète des Su-35."),
    ("en dash in a designation", "Le Maroc achète des Su\u201335.", "Le Maroc achète des Su-35."),
    ("minus sign in a designation", "Le Maroc achète des Mi\u221224.", "Le Maroc achète des Mi-24."),
    ("modifier apostrophe", "La France livre l\u02bcInde.", "La France livre l'Inde."),
    ("grave accent as apostrophe", "La France livre l`Inde.", "La France livre l'Inde."),
    ("acute accent as apostrophe", "La France livre l\u00b4Inde.", "La France livre l'Inde."),
    ("ligature fi", "La France a con\ufb01rmé 24 Rafale pour l'Inde.", "La France a confirmé 24 Rafale pour l'Inde."),
    ("ligature ff", "La France a o\ufb00ert 24 Rafale à l'Inde.", "La France a offert 24 Rafale à l'Inde."),
    ("page break", "La France livre.\x0cLe Maroc achète des Rafale.", "La France livre.\nLe Maroc achète des Rafale."),
    ("NUL byte", "La France\x00livre des Rafale au Maroc.", "La France livre des Rafale au Maroc."),
    ("control bytes", "Le contrat porte sur 524\x01000\x7f000 $.", "Le contrat porte sur 524 000 000 $."),
]


def found(extractor: Extractor, text: str) -> list[tuple[str, str, str, str]]:
    """Label, value, unit and the mention's text with the invisible characters removed."""
    mentions = extractor.extract(text, date="2024-06")
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.text == m.text.strip() and (not m.text or m.text[0] not in INVISIBLE)
    return [(m.label, m.value, m.unit, clean_text(m.text).text) for m in mentions]


def _cases() -> list[tuple[str, str, str]]:
    cases = []
    for name, char in INVISIBLES:
        cases += [(f"{name} in {what}", text.format(char), clean) for what, text, clean in NUMBER_CASES + WORD_CASES]
    for name, char in SPACES:
        cases += [(f"{name} in {what}", text.format(char, char, char), clean) for what, text, clean in SPACE_CASES]
    return cases + TYPOGRAPHIC_CASES


@pytest.mark.parametrize(("case", "hostile", "clean"), _cases(), ids=[c[0] for c in _cases()])
def test_hostile_characters_give_the_clean_texts_mentions(extractor, case, hostile, clean):
    expected = found(extractor, clean)
    assert expected, f"the clean text of '{case}' must have mentions"
    assert found(extractor, hostile) == expected


#: a dash between digits or after a space stays a dash: '2020–2025', 'Paris – Le Maroc'
@pytest.mark.parametrize("text", ["Le Maroc et l'Inde.", "Entre 2020\u20132025 la France", "Paris \u2013 Le Maroc"])
def test_text_needing_no_change_is_kept(text):
    assert clean_text(text).text == text


def test_issue_cases_in_one_text(extractor):
    hostile = "La Fran\u00adce a vendu 24 Ra\u200bfale au Maroc pour 524\u200b000 000 $ le 3\u202fmars\u00a02024."
    mentions = extractor.extract(hostile)
    assert [(m.label, m.value) for m in mentions] == [
        ("COUNTRY", "FRA"),
        ("COUNT", "24"),
        ("WEAPON", "Rafale"),
        ("COUNTRY", "MAR"),
        ("MONEY", "524000000"),
        ("DATE", "2024-03-03"),
    ]
    assert [m.start for m in mentions] == [hostile.index(t) for t in ("Fran", "24", "Ra", "Maroc", "524", "3\u202f")]
    assert mentions[0].sentence_start == 0 and mentions[0].sentence_end == len(hostile)


def test_deal_evidence_points_into_the_original(extractor):
    hostile = "Intro.\n\nLa Fran\u00adce a vendu 24 Ra\u200bfale au Maroc pour 5\u200b000 000 000 \u20ac."
    deals = extractor.extract_deals(hostile, date="2024-06")
    assert deals and deals[0].system == "Rafale" and deals[0].recipient == "MAR"
    assert hostile[deals[0].evidence_start : deals[0].evidence_end].startswith("La Fran\u00adce")


@pytest.mark.parametrize(
    ("original", "clean"),
    [
        ("a\u200bb", "ab"),
        ("1\u200b000", "1 000"),
        ("1\u200b5", "15"),
        ("\u200b\u200b", ""),
        ("con\ufb01rmé", "confirmé"),
        ("\ufb03x\u00ad\ufb00", "ffixff"),
        ("a\u00a0b\u202fc", "a b c"),
    ],
)
def test_clean_text(original, clean):
    assert clean_text(original).text == clean


@given(st.text(alphabet=st.sampled_from(["a", "1", " ", "\u200b", "\u00ad", *LIGATURES, "\u202f", "-", "\u2013"])))
def test_offsets_map_back_into_the_original(original):
    clean = clean_text(original)
    position = 0
    for i, char in enumerate(clean.text):
        start, end = clean.to_original(i, i + 1)
        assert position <= start < end <= len(original)
        if char.isalnum():
            assert original[start:end] == char or char in LIGATURES.get(original[start:end], "")
        position = start
    assert clean.to_original(0, len(clean.text))[1] <= len(original)
    for p in range(len(original) + 1):
        assert 0 <= clean.to_clean(p) <= len(clean.text)


def test_show_marks_the_mentions_of_a_text_with_invisible_characters(extractor):
    from extract.show import VIEW_KEY, render_html

    hostile = "Intro.\n\nLa Fran\u00adce a vendu 24 Ra\u200bfale au Maroc pour 524\u200b000 000 $."
    result = next(extractor.extract_texts([(hostile, "2024-06")], keep_docs=True))
    assert result.clean is not None
    render_html(result.docs, result.mentions, to_clean=result.clean.to_clean)
    marked = [span.text for doc, _ in result.docs for span in doc.spans[VIEW_KEY]]
    assert marked == [clean_text(m.text).text for m in result.mentions]
    assert {"France", "Rafale", "Maroc", "524 000 000 $"} <= set(marked)


@pytest.mark.parametrize(
    ("original", "clean"),
    [
        ("F\u201116 et F\u201018", "F-16 et F-18"),
        ("Su\u201335 et \u00e9t\u00e9\u2212hiver", "Su-35 et \u00e9t\u00e9-hiver"),
        ("2020\u20132025, a \u2013 b, a\u2013 b, \u2013a", "2020\u20132025, a \u2013 b, a\u2013 b, \u2013a"),
        ("a\u2013_", "a\u2013_"),
        (
            "l\u02bcInde, l`Alg\u00e9rie, d\u2032Oman, l\u00b4Iran, l\uff07Irak",
            "l'Inde, l'Alg\u00e9rie, d'Oman, l'Iran, l'Irak",
        ),
        ("1\u02bc2, l\u02bc 2, l\u02bc2", "1\u02bc2, l\u02bc 2, l\u02bc2"),
        ("a\x00b\x08c\x0ed\x1be\x1ff\x7fg\x80h\x9fi", "a b c d e f g h i"),
        ("a\tb\r\nc", "a\tb\r\nc"),
        ("a\x0bb\x0cc\x1cd\x1ee\x85f\u2028g\u2029h", "a\nb\nc\nd\ne\nf\ng\nh"),
        ("a\u3000b\u2007c", "a b c"),
        ("524\u200b000 000", "524 000 000"),
        ("5\u200b00", "500"),
        ("1\u200b0000", "10000"),
        ("a\u200b000", "a000"),
        ("\u200b000", "000"),
        ("12\u200b\u00ad345", "12 345"),
        ("\ufb04\ufb05\ufb06\ufb02", "fflststfl"),
    ],
)
def test_each_character_class(original, clean):
    assert clean_text(original).text == clean


@pytest.mark.parametrize("text", ["plain", "a\u00a0b", "F\u201116", "l\u02bcInde"])
def test_same_length_changes_record_no_edit(text):
    clean = clean_text(text)
    assert len(clean.text) == len(text)
    assert clean.original_starts == clean.original_ends == clean.clean_starts == clean.clean_ends == []
    assert [clean.to_original(i, i + 1) for i in range(len(text))] == [(i, i + 1) for i in range(len(text))]


def test_edits_of_a_removed_character():
    clean = clean_text("ab\u200bcd")
    assert (clean.text, clean.original_starts, clean.original_ends, clean.clean_starts, clean.clean_ends) == (
        "abcd",
        [2],
        [3],
        [2],
        [2],
    )
    assert [clean.original_start(p) for p in range(5)] == [0, 1, 3, 4, 5]
    assert [clean.original_end(p) for p in range(5)] == [0, 1, 2, 4, 5]
    assert clean.to_original(2, 4) == (3, 5) and clean.to_original(0, 2) == (0, 2)
    assert [clean.to_clean(p) for p in range(6)] == [0, 1, 2, 2, 3, 4]


def test_edits_of_a_ligature():
    clean = clean_text("con\ufb01rm\u00e9")
    assert (clean.text, clean.original_starts, clean.original_ends, clean.clean_starts, clean.clean_ends) == (
        "confirm\u00e9",
        [3],
        [4],
        [3],
        [5],
    )
    assert [clean.original_start(p) for p in range(9)] == [0, 1, 2, 3, 3, 4, 5, 6, 7]
    assert clean.to_original(3, 5) == (3, 4) and clean.to_original(4, 5) == (3, 4)
    assert clean.to_original(0, 8) == (0, 7)
    assert [clean.to_clean(p) for p in range(8)] == [0, 1, 2, 3, 5, 6, 7, 8]


def test_edits_of_several_runs():
    clean = clean_text("a\u200bb\u00adc\u200b\u200b")
    assert clean.text == "abc"
    assert (clean.original_starts, clean.original_ends, clean.clean_starts, clean.clean_ends) == (
        [1, 3, 5],
        [2, 4, 7],
        [1, 2, 3],
        [1, 2, 3],
    )
    assert [clean.original_start(p) for p in range(3)] == [0, 2, 4]
    assert [clean.to_clean(p) for p in range(8)] == [0, 1, 1, 2, 2, 3, 3, 3]
    assert clean.to_original(0, 3) == (0, 5)


def test_a_group_space_is_one_clean_character():
    clean = clean_text("524\u200b000")
    assert (clean.text, clean.clean_starts, clean.clean_ends) == ("524 000", [3], [4])
    assert clean.to_original(3, 4) == (3, 4) and clean.to_original(4, 7) == (4, 7)
    assert [clean.to_clean(p) for p in range(8)] == [0, 1, 2, 3, 4, 5, 6, 7]

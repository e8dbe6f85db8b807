"""Long documents: pieces cut at paragraphs, sentences, then spaces; batches bounded in characters;
the same tables whatever the line structure.

The measured checks at 1 MB and 5 MB (peak RSS, speed against short articles) take minutes in the
default mode: they run with `make test-long` (EXTRACT_LONG_TESTS=1), not in `make test`.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extract.extractor as extractor_module
from extract import Extractor
from extract.extractor import split_pieces
from extract.long_bench import digest, measure, texts
from extract.parsers import _fast_extractor

LONG = pytest.mark.skipif(not os.environ.get("EXTRACT_LONG_TESTS"), reason="minutes long: make test-long")

# (case, text, limit, the pieces)
PIECE_CASES = [
    ("short text: one piece", "Le Maroc commande.", 100, ["Le Maroc commande."]),
    (
        "a paragraph before a sentence",
        "Un deux trois quatre.\n\nCinq six. Sept huit neuf dix onze.",
        40,
        ["Un deux trois quatre.\n\n", "Cinq six. Sept huit neuf dix onze."],
    ),
    (
        "a sentence before a line inside a sentence",
        "Le Maroc a commandé des chars.\nIls seront livrés\nen 2026 au port.",
        45,
        ["Le Maroc a commandé des chars.\n", "Ils seront livrés\nen 2026 au port."],
    ),
    (
        "one line: the last sentence end",
        "Le Maroc commande. L'Inde aussi. Le Chili attend encore un peu.",
        40,
        ["Le Maroc commande. L'Inde aussi. ", "Le Chili attend encore un peu."],
    ),
    (
        "not after 'M.'",
        "Le ministre a parlé avec M. Macron hier soir.",
        35,
        ["Le ministre a parlé avec M. Macron ", "hier soir."],
    ),
    (
        "no sentence end: a space",
        "un deux trois quatre cinq six sept",
        15,
        ["un deux trois ", "quatre cinq ", "six sept"],
    ),
    ("no space at all: at the limit", "x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
]


@pytest.mark.parametrize(("case", "text", "limit", "pieces"), PIECE_CASES, ids=[c[0] for c in PIECE_CASES])
def test_split_pieces(case, text, limit, pieces):
    assert [text[a:b] for a, b in split_pieces(text, 0, limit)] == pieces


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab .\nL")), max_size=400),
    st.integers(min_value=0, max_value=20),
    st.integers(min_value=4, max_value=60),
)
def test_pieces_cover_the_text_within_the_limit(text, start, limit):
    start = min(start, len(text))
    ranges = split_pieces(text, start, limit)
    assert all(0 < b - a <= limit for a, b in ranges)
    assert [a for a, _ in ranges] == ([start] + [b for _, b in ranges[:-1]] if ranges else [])
    assert (ranges[-1][1] if ranges else start) == len(text)


@pytest.fixture(scope="module")
def fast() -> Extractor:
    """The --fast pipeline the parsers' doctests load too (built once per session)."""
    return _fast_extractor()


def test_batches_are_bounded_in_characters(fast, monkeypatch):
    """A piece's Doc is made when its batch is, and a batch holds at most MAX_BATCH_CHARS characters."""
    monkeypatch.setattr(extractor_module, "MAX_PIECE_CHARS", 3_000)
    monkeypatch.setattr(extractor_module, "MAX_BATCH_CHARS", 8_000)
    batches: list[list[int]] = []
    pipe = fast.nlp.pipe

    def recording(docs, **kwargs):
        docs = list(docs)
        batches.append([len(doc.text) for doc in docs])
        return pipe(docs, **kwargs)

    monkeypatch.setattr(fast.nlp, "pipe", recording)
    [text] = texts("oneline", 30_000)
    result = next(fast.extract_texts([(text, "2024-06")]))
    assert len(batches) >= 4
    assert all(sum(batch) <= 8_000 and max(batch) <= 3_000 for batch in batches)
    assert sum(map(sum, batches)) == len(text)
    assert all(text[m.start : m.end] == m.text for m in result.mentions)


#: Rules that read the whole piece, not only the sentence: an acronym is known from its definition
#: ('Centre de recherche militaire (CRM)') in the same piece.
PIECE_CONTEXT_RULES = {"org-acronym"}


def test_cutting_keeps_every_mention(fast, monkeypatch):
    """The same mentions whether a 40,000-character text is one piece or twenty, but for acronyms
    defined in another piece."""
    [text] = texts("lines", 40_000)
    whole = {tuple(m.as_row("d").items()) for m in fast.extract(text, date="2024-06")}
    monkeypatch.setattr(extractor_module, "MAX_PIECE_CHARS", 2_000)
    cut = {tuple(m.as_row("d").items()) for m in fast.extract(text, date="2024-06")}
    assert len(whole) > 1_000
    assert {dict(row)["rule_id"] for row in whole ^ cut} <= PIECE_CONTEXT_RULES
    assert len(whole ^ cut) <= 3


def test_one_line_document_gives_the_line_broken_versions_tables(fast):
    """150,000 characters on one line and the same with a line per sentence (--fast): the same
    tables, but for elided counts: a line break ends a paragraph, and a count borrows no system
    from the sentence before across one."""
    one_line, lines = texts("oneline", 150_000)[0], texts("lines", 150_000)[0]
    assert "\n" not in one_line and lines.count("\n") > 1_000 and len(one_line) == len(lines)
    results = [list(fast.extract_texts([(text, "2024-06")])) for text in (one_line, lines)]
    assert len(results[0][0].mentions) > 4_000
    assert digest(results[0], borrowed=False) == digest(results[1], borrowed=False)
    assert digest(results[0]) != digest(results[1])
    borrowed = [sum(m.label == "COUNT" and m.unit_source == "sentence" for m in r[0].mentions) for r in results]
    assert 0 < borrowed[1] < borrowed[0]  # fewer across the line breaks


@LONG
def test_one_megabyte_document_in_the_default_mode():
    """1 MB on one line and line-broken: bounded memory, the same mentions, speed near short articles'."""
    short, lines, one_line = (measure(shape, 1_000_000) for shape in ("short", "lines", "oneline"))
    for row in (lines, one_line):
        assert row["peak_mb"] - row["base_mb"] < 600  # was 3 GB
        assert (row["cpu"] / row["chars"]) / (short["cpu"] / short["chars"]) < 1.5  # CPU time: the machine is shared
    # the mentions are the same; a deal may not be: the model tags and parses a sentence after a
    # line break (a token of its own) a little differently than after a space
    assert one_line["mentions_digest"] == lines["mentions_digest"]


@LONG
def test_five_million_characters_on_one_line_within_1_5_gb():
    row = measure("oneline", 5_000_000)
    assert row["peak_mb"] < 1_500

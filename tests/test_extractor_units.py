"""extract.extractor function by function: batches bounded in pieces and characters, pieces of a
long text, texts without a body, deals of a text merged across pieces, the header's credit and
furniture title, and the mention columns (on the session's --fast pipeline)."""

from __future__ import annotations

import pytest

import extract.extractor as extractor_module
from extract.extractor import MAX_BATCH_CHARS, MAX_PIECE_CHARS, _batches, split_pieces

ARTICLE = (
    "date 2024-06 Le Maroc commande (DR)\n\nLe Maroc a commandé 18 lanceurs M142 HIMARS pour 524 millions de dollars."
)


def make_doc(start: int, end: int) -> str:
    return "x" * (end - start)


@pytest.mark.parametrize(
    ("lengths", "size", "max_chars", "batches"),
    [
        ([1, 1, 1], 2, 100, [[1, 1], [1]]),
        ([1, 1], 2, 100, [[1, 1]]),
        ([50, 50, 1], 10, 100, [[50, 50], [1]]),  # exactly max_chars: one batch
        ([50, 51], 10, 100, [[50], [51]]),
        ([150, 1], 10, 100, [[150], [1]]),  # a piece alone may be longer
        ([1, 150], 10, 100, [[1], [150]]),
        ([60, 30, 20, 10], 10, 100, [[60, 30], [20, 10]]),  # the count restarts with each batch
        ([], 10, 100, []),
    ],
)
def test_batches(lengths, size, max_chars, batches):
    """Pieces (how to make the Doc, start, end) batched by count and characters, in order."""
    starts = [sum(lengths[:i]) for i in range(len(lengths))]
    pieces = [(make_doc, start, start + n) for start, n in zip(starts, lengths, strict=True)]
    out = list(_batches(iter(pieces), size, max_chars))
    assert [[len(make(start, end)) for make, start, end in batch] for batch in out] == batches
    assert [start for batch in out for _, start, _ in batch] == starts


def test_limits():
    assert (MAX_PIECE_CHARS, MAX_BATCH_CHARS) == (20_000, 100_000)


@pytest.mark.parametrize(
    ("text", "start", "limit", "ranges"),
    [
        ("abc", 0, 3, [(0, 3)]),
        ("abcd", 0, 3, [(0, 3), (3, 4)]),
        ("abc", 3, 3, []),
        ("ab cd", 2, 10, [(2, 5)]),
        ("aa bb cc dd", 0, 6, [(0, 6), (6, 11)]),  # the last space of the second half
        ("aaaa bbbbbb", 0, 6, [(0, 5), (5, 11)]),  # space at 4: in the second half (3..6)
        ("a bbbbbbbbb", 0, 6, [(0, 6), (6, 11)]),  # space at 1: first half, cut at the limit
    ],
)
def test_split_pieces_edges(text, start, limit, ranges):
    assert split_pieces(text, start, limit) == ranges


def test_pieces_of_a_long_text_are_all_extracted(fast_extractor, monkeypatch):
    """Pieces of 60 characters, batches of 2 pieces: every country of every piece is found, in order."""
    monkeypatch.setattr(extractor_module, "MAX_PIECE_CHARS", 60)
    monkeypatch.setattr(fast_extractor, "batch_size", 2)
    countries = ["Maroc", "Pologne", "Inde", "Chili", "Japon", "Brésil", "Égypte"]
    text = "".join(f"Le {name} a commandé des chars.\n\n" for name in countries)
    mentions = fast_extractor.extract(text)
    found = [m for m in mentions if m.label == "COUNTRY"]
    assert [m.text for m in found] == countries
    assert all(text[m.start : m.end] == m.text for m in mentions)
    sentences = {m.text: (m.sentence, m.sentence_start, m.sentence_end) for m in found}
    sentence, start, end = sentences["Chili"]
    assert sentence == "Le Chili a commandé des chars." and text[start:end] == sentence


def test_texts_without_a_body_keep_their_place(fast_extractor):
    texts = [("date 2024-06 Titre seul (DR)", None), ("Le Maroc commande.", None), ("", None), ("L'Inde aussi.", None)]
    results = list(fast_extractor.extract_texts(texts))
    assert [[m.value for m in r.mentions if m.label == "COUNTRY"] for r in results] == [[], ["MAR"], [], ["IND"]]
    assert results[0].header.title == "Titre seul" and results[0].date.iso() == "2024-06"


def test_keep_docs(fast_extractor):
    [plain] = fast_extractor.extract_texts([(ARTICLE, None)])
    [kept] = fast_extractor.extract_texts([(ARTICLE, None)], keep_docs=True)
    assert plain.docs == [] and plain.clean is None
    assert len(kept.docs) == 1 and kept.docs[0][1] == len("date 2024-06 ")  # the headline is read, the date is not
    assert kept.clean is not None and kept.clean.text.endswith("dollars.")


def test_the_credit_is_furniture_and_the_header_gives_the_date(fast_extractor):
    [result] = fast_extractor.extract_texts([(ARTICLE, None)])
    assert (result.header.title, result.header.credit, result.date.iso(), result.date_source) == (
        "Le Maroc commande",
        "DR",
        "2024-06",
        "header",
    )
    assert not any(m.text == "DR" for m in result.mentions)
    money = next(m for m in result.mentions if m.label == "MONEY")
    assert (money.value, money.unit, money.rule_id) == ("524000000", "USD", "money-amount-scale-currency")


def test_a_furniture_title_is_no_title(fast_extractor):
    [result] = fast_extractor.extract_texts([("date 2024-05 Photo : YONHAP News\n\nLe Maroc commande.", None)])
    assert (result.header.title, result.header.credit, result.header.credit_span) == ("", "", None)
    assert result.date.iso() == "2024-05"


def test_a_table_date_beats_the_header(fast_extractor):
    [result] = fast_extractor.extract_texts([("date 2024-06 Titre\n\nLivré le 11 avril.", "2021-03")])
    assert (result.date.iso(), result.date_source) == ("2021-03", "table")
    assert [m.value for m in result.mentions if m.label == "DATE"] == ["2021-04-11"]


def test_wrappers(fast_extractor):
    assert [m.value for m in fast_extractor.extract("Livré le 11 avril.", date="2020-01") if m.label == "DATE"] == [
        "2020-04-11"
    ]
    deals = fast_extractor.extract_deals("Le Maroc a commandé 18 lanceurs HIMARS aux États-Unis.", date="2024-06")
    assert [(d.recipient, d.quantity) for d in deals] == [("MAR", 18)]


def test_one_deal_per_transfer_across_pieces(fast_extractor, monkeypatch):
    monkeypatch.setattr(extractor_module, "MAX_PIECE_CHARS", 80)
    sentence = "Le Maroc a commandé 18 lanceurs HIMARS aux États-Unis.\n\n"
    deals = fast_extractor.extract_deals(sentence * 3, date="2024-06")
    assert [(d.supplier, d.recipient, d.system) for d in deals] == [("USA", "MAR", "M142 HIMARS")]
    assert deals[0].evidence_start == 0

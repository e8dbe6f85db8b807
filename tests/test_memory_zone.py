"""A long run's memory stays flat: once an Extractor is warm (`WARM_PIECES`), words first seen in
a batch leave the vocabulary with it (spaCy's memory zones); before, they stay (the tokenizer
caches nothing inside a zone); the Docs kept for displaCy (`keep_docs`) stay readable."""

from __future__ import annotations

import itertools

import pytest

import extract.extractor as extractor_module

#: made-up words no model or rule knows, different in every text
NEW_WORDS = [f"Kavoroduln{i} Bristavel{i} {7000 + i},{i}3" for i in range(40)]
TEXTS = [
    f"Le Maroc a commandé 18 lanceurs HIMARS aux États-Unis, a annoncé {words} le 3 mai 2024." for words in NEW_WORDS
]


@pytest.fixture(params=["fast", "default"])
def pipeline(request, extractor, fast_extractor):
    return fast_extractor if request.param == "fast" else extractor


def test_new_words_leave_the_vocabulary_after_their_batch(pipeline, monkeypatch):
    monkeypatch.setattr(extractor_module, "WARM_PIECES", 0)
    pipeline.extract_texts([(TEXTS[0], None)]).__next__()  # components' own first-use strings
    vocab = pipeline.nlp.vocab
    before = len(vocab.strings)  # (len(vocab) counts every lexeme ever made, freed or not)
    results = list(pipeline.extract_texts([(text, "2024-06") for text in TEXTS]))
    assert len(vocab.strings) == before
    assert "Kavoroduln7" not in vocab.strings
    assert "Kavoroduln7" not in vocab
    # what was extracted is plain Python, still whole after the zone
    for text, result in zip(TEXTS, results, strict=True):
        found = {(m.label, m.value) for m in result.mentions}
        assert {("COUNTRY", "MAR"), ("COUNTRY", "USA"), ("COUNT", "18"), ("DATE", "2024-05-03")} <= found
        assert all(text[m.start : m.end] == m.text for m in result.mentions)
        assert [(d.supplier, d.recipient, d.quantity) for d in result.deals] == [("USA", "MAR", 18)]


def unseen(stem: str, strings, count: int) -> str:
    """A prefix of words `prefix0`...`prefix{count-1}` the vocabulary has never held (words that
    stayed from an earlier run of the test in this process, e.g. mutmut's, do not count as new)."""
    for n in itertools.count():
        prefix = f"{stem}{n}x"
        if not any(f"{prefix}{i}" in strings for i in range(count)):
            return prefix
    raise AssertionError("unreachable")


def test_before_warm_up_new_words_stay(fast_extractor, monkeypatch):
    monkeypatch.setattr(fast_extractor, "pieces_done", 100)
    monkeypatch.setattr(extractor_module, "WARM_PIECES", 104)  # warm once the next 4 pieces are done
    prefix = unseen("Mirovaltek", fast_extractor.nlp.vocab.strings, 4)
    texts = [text.replace("Kavoroduln", prefix) for text in TEXTS[:4]]
    list(fast_extractor.extract_texts([(text, None) for text in texts]))
    # one batch: it started before the warm-up's end, so its words stay
    assert all(f"{prefix}{i}" in fast_extractor.nlp.vocab.strings for i in range(4))
    assert fast_extractor.pieces_done == 104  # the next batch starts warm
    list(fast_extractor.extract_texts([(TEXTS[5].replace("Kavoroduln", "Zelmavori"), None)]))
    assert "Zelmavori5" not in fast_extractor.nlp.vocab.strings


def test_kept_docs_stay_readable(fast_extractor, monkeypatch):
    monkeypatch.setattr(extractor_module, "WARM_PIECES", 0)
    [result] = fast_extractor.extract_texts([(TEXTS[3], "2024-06")], keep_docs=True)
    [(doc, offset)] = result.docs
    assert offset == 0
    assert doc.text == TEXTS[3]
    assert [token.text for token in doc][12:14] == ["Kavoroduln3", "Bristavel3"]
    assert "Kavoroduln3" in fast_extractor.nlp.vocab.strings

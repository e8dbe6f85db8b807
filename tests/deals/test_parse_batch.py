"""`ParseBatch`: the deal rules of a batch of Docs run in turn, and the sentences they ask about are
parsed in one parser call a round, with the answers each would get alone."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extract.deals.parse_batch import ParseBatch, parse_sentence

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


class RecordingParser:
    """A stand-in parser: marks each Doc with its first word, and records the calls it gets."""

    def __init__(self, fail_on: str = "") -> None:
        self.calls: list[list[str]] = []
        self.fail_on = fail_on

    def pipe(self, docs, batch_size: int = 1):
        docs = list(docs)
        words = [doc[0].text for doc in docs]
        self.calls.append(words)
        if self.fail_on in words:
            raise RuntimeError(f"cannot parse {self.fail_on}")
        for doc in docs:
            doc.user_data["parsed"] = doc[0].text
            yield doc


@pytest.fixture
def vocab():
    return Vocab()


def _asking(vocab: Vocab, name: str, asks: int, log: list[str]):
    """A work that asks for `asks` parses, one after the other, and logs what it was answered."""

    def work() -> str:
        for k in range(asks):
            answer = parse_sentence(None, Doc(vocab, words=[f"{name}{k}"]))
            log.append(f"{name} got {answer.user_data['parsed']}")
        return name

    return work


def test_each_round_parses_what_every_work_asked_in_one_call(vocab):
    parser, log = RecordingParser(), []
    works = [_asking(vocab, "a", 2, log), _asking(vocab, "b", 0, log), _asking(vocab, "c", 1, log)]
    assert ParseBatch(parser).run(works) == ["a", "b", "c"]
    assert parser.calls == [["a0", "c0"], ["a1"]]  # 'b' asked nothing
    # every work is answered its own sentence, and the works run in turn, in their order
    assert log == ["a got a0", "c got c0", "a got a1"]


def test_a_work_that_raises_gives_its_error_in_its_place(vocab):
    def broken() -> str:
        parse_sentence(None, Doc(vocab, words=["x0"]))
        raise ValueError("bad document")

    parser, log = RecordingParser(), []
    results = ParseBatch(parser).run([_asking(vocab, "a", 1, log), broken, _asking(vocab, "c", 1, log)])
    assert results[0] == "a" and results[2] == "c"
    assert isinstance(results[1], ValueError) and str(results[1]) == "bad document"


def test_a_parser_error_ends_every_paused_work_and_reaches_the_caller(vocab):
    before = threading.active_count()
    parser, log = RecordingParser(fail_on="c0"), []
    with pytest.raises(RuntimeError, match="cannot parse c0"):
        ParseBatch(parser).run([_asking(vocab, "a", 2, log), _asking(vocab, "c", 1, log)])
    assert threading.active_count() == before  # no thread left waiting
    assert log == []


def test_outside_a_batch_a_sentence_is_parsed_alone(vocab):
    parser = RecordingParser()
    assert parse_sentence(parser, Doc(vocab, words=["seul"])).user_data["parsed"] == "seul"
    assert parser.calls == [["seul"]]


def test_no_work_no_call(vocab):
    parser = RecordingParser()
    assert ParseBatch(parser).run([]) == []
    assert parser.calls == []


@pytest.fixture(scope="module")
def texts():
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.rglob("*.txt"))[:12]]


def test_a_batch_gives_each_document_the_deals_it_gets_alone(extractor, texts):
    nlp = extractor.nlp
    arms = nlp.get_pipe("arms_extractor")
    assert arms.parse_batch is not None  # the default pipeline parses in batches
    asked: list[int] = []
    parser = arms.parse_batch.parser

    class Counting:
        def pipe(self, docs, **kwargs):
            docs = list(docs)
            asked.append(len(docs))
            return parser.pipe(docs, **kwargs)

    alone = [nlp(text)._.arms_deals for text in texts]
    arms.parse_batch.parser = Counting()
    try:
        together = [doc._.arms_deals for doc in nlp.pipe(texts, batch_size=len(texts))]
    finally:
        arms.parse_batch.parser = parser
    assert together == alone
    assert sum(len(d) for d in alone) > 20  # documents with deals, not empty lists
    assert max(asked) > 1 and len(asked) < sum(asked)  # sentences of several documents in one call

"""The parse deals read (extract/deals/parse.py): argument patterns, the partial parse of chosen
sentences, the model's parse read the same way, trimmed sentences."""

from __future__ import annotations

import numpy
import pytest
from spacy.tokens import Doc

from extract.deals.parse import PARSE_KEY, Arguments, GatedParser, ModelTree, Tree, tree, trimmed
from extract.rules import ArgumentPattern

SUBJECT = ArgumentPattern(
    "subject",
    "subject",
    [
        {"RIGHT_ID": "clause", "RIGHT_ATTRS": {}},
        {"LEFT_ID": "clause", "REL_OP": ">", "RIGHT_ID": "party", "RIGHT_ATTRS": {"DEP": "nsubj"}},
    ],
    "test",
)
#: the party is the pattern's first node here ('party' need not be the last node)
OBJECT = ArgumentPattern(
    "object",
    "object",
    [
        {"RIGHT_ID": "party", "RIGHT_ATTRS": {"DEP": "obj"}},
        {"LEFT_ID": "party", "REL_OP": "<", "RIGHT_ID": "clause", "RIGHT_ATTRS": {}},
    ],
    "test",
)
ANY_CHILD = ArgumentPattern(
    "child",
    "subject",
    [
        {"RIGHT_ID": "clause", "RIGHT_ATTRS": {}},
        {"LEFT_ID": "clause", "REL_OP": ">", "RIGHT_ID": "party", "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "obj"]}}},
    ],
    "test",
)

#: 'Le Maroc a commandé des F-16 .': heads and labels as the parser gives them
WORDS = ["Le", "Maroc", "a", "commandé", "des", "F-16", "."]
HEADS = [1, 3, 3, 3, 5, 3, 3]
DEPS = ["det", "nsubj", "aux:tense", "ROOT", "det", "obj", "punct"]


@pytest.fixture(scope="module")
def vocab(extractor):
    return extractor.nlp.vocab


def parsed(vocab, words=WORDS, heads=HEADS, deps=DEPS) -> Doc:
    return Doc(vocab, words=list(words), heads=list(heads), deps=list(deps))


def test_arguments_find_parties_by_kind_in_the_patterns_order(vocab):
    # (rank, party) pairs sorted: the parties of the first pattern first, a party twice if two reach it
    assert Arguments(vocab, [SUBJECT, OBJECT, ANY_CHILD]).find(parsed(vocab)) == {
        (3, "subject"): [1, 1, 5],
        (5, "object"): [5],  # the pattern's first node is the clause word: here the party itself
    }
    assert Arguments(vocab, [ANY_CHILD, SUBJECT]).find(parsed(vocab)) == {(3, "subject"): [1, 5, 1]}


def test_arguments_find_with_an_offset(vocab):
    assert Arguments(vocab, [SUBJECT]).find(parsed(vocab), offset=10) == {(13, "subject"): [11]}
    assert Arguments(vocab, [OBJECT]).find(parsed(vocab), offset=10) == {(15, "object"): [15]}


class FakeParser:
    """Gives each sentence Doc the heads and labels of `parses` (by its words) and records its calls."""

    def __init__(self, parses: dict[tuple[str, ...], tuple[list[int], list[str]]]) -> None:
        self.parses = parses
        self.seen: list[list[str]] = []

    def pipe(self, docs):
        for doc in docs:
            words = [t.text for t in doc]
            self.seen.append(words)
            heads, deps = self.parses[tuple(words)]
            yield Doc(doc.vocab, words=words, heads=heads, deps=deps)


#: a second sentence, 'Il pleut .'
RAIN = (["Il", "pleut", "."], [1, 1, 1], ["expl", "ROOT", "punct"])


def two_sentences(vocab) -> Doc:
    doc = Doc(vocab, words=[*WORDS, *RAIN[0]])
    doc.tensor = numpy.zeros((len(doc), 2), dtype="float32")
    return doc


def fake_parser() -> FakeParser:
    return FakeParser({tuple(WORDS): (HEADS, DEPS), tuple(RAIN[0]): (RAIN[1], RAIN[2])})


def test_tree_parses_a_sentence_when_first_asked_and_once(vocab):
    doc = two_sentences(vocab)
    parser = fake_parser()
    found = Tree(parser, Arguments(vocab, [SUBJECT]))
    found.expect(doc[0:7])
    found.expect(doc[7:10])
    assert parser.seen == []
    assert found.dep(8) == "ROOT" and found.head(7) == 8  # the second sentence, shifted to its place
    assert parser.seen == [RAIN[0]]
    assert found.head(1) == 3 and found.dep(1) == "nsubj"
    assert found.children(3) == [1, 2, 5, 6] and found.children(8) == [7, 9]
    assert found.head(3) == 3 and found.children(0) == []  # a root is its own head; a leaf has no children
    assert found.arguments(3, "subject") == [1] and found.arguments(8, "subject") == []
    assert parser.seen == [RAIN[0], WORDS]  # each once
    assert found.dep(20) == "" and found.head(20) == 20  # never expected: unparsed


def test_tree_answers_each_kind_of_question_by_parsing(vocab):
    for ask in (
        lambda t: t.dep(1),
        lambda t: t.head(1),
        lambda t: t.children(3),
        lambda t: t.arguments(3, "subject"),
    ):
        parser = fake_parser()
        found = Tree(parser, Arguments(vocab, [SUBJECT]))
        found.expect(two_sentences(vocab)[0:7])
        ask(found)
        assert parser.seen == [WORDS]
        assert found.found == {(3, "subject"): [1]}


def test_tree_without_a_parser_or_patterns(vocab):
    found = Tree(None)
    found.expect(two_sentences(vocab)[0:7])
    assert (found.dep(1), found.head(1), found.children(3), found.arguments(3, "subject")) == ("", 1, [], [])
    found = Tree(fake_parser())  # no argument patterns: heads and labels only
    found.expect(two_sentences(vocab)[0:7])
    assert (found.head(1), found.arguments(3, "subject")) == (3, [])


def test_model_tree_reads_the_docs_own_parse(vocab):
    doc = parsed(vocab)
    model = ModelTree(doc, Arguments(vocab, [SUBJECT]))
    assert (model.dep(1), model.head(1), model.children(3)) == ("nsubj", 3, [1, 2, 5, 6])
    assert model.arguments(3, "subject") == [1]
    assert model.arguments(5, "subject") == []
    assert ModelTree(doc).arguments(3, "subject") == []  # without patterns


def test_model_tree_matches_its_patterns_once(vocab):
    arguments = Arguments(vocab, [SUBJECT])
    calls = []
    find = arguments.find
    arguments.find = lambda doc, offset=0: calls.append(doc) or find(doc, offset)  # type: ignore[method-assign]
    model = ModelTree(parsed(vocab), arguments)
    assert calls == []
    assert (model.arguments(3, "subject"), model.arguments(1, "subject")) == ([1], [])
    assert len(calls) == 1


def test_tree_of_a_doc(vocab):
    doc = parsed(vocab)
    assert isinstance(tree(doc), ModelTree)  # the model's own parse
    assert tree(doc).head(1) == 3
    doc.user_data[PARSE_KEY] = None  # the deals said: no parse here
    assert tree(doc) is None
    kept = Tree()
    doc.user_data[PARSE_KEY] = kept
    assert tree(doc) is kept
    assert tree(Doc(vocab, words=["Il", "pleut"])) is None  # no parse at all


def test_gated_parser_expects_the_chosen_sentences(vocab):
    doc = two_sentences(vocab)
    parser = fake_parser()
    gated = GatedParser(parser, [SUBJECT])
    gated.parse(doc, [doc[0:7]])
    found = tree(doc)
    assert type(found) is Tree
    assert found.arguments(3, "subject") == [1]
    assert found.dep(8) == "" and parser.seen == [WORDS]  # the other sentence is not parsed
    gated.forget(doc)
    assert PARSE_KEY not in doc.user_data
    gated.forget(doc)  # twice: nothing to drop


def test_gated_parser_reads_a_parsed_doc_with_its_patterns(vocab):
    doc = parsed(vocab)
    GatedParser(fake_parser(), [SUBJECT]).parse(doc, [doc[0:7]])
    found = doc.user_data[PARSE_KEY]
    assert isinstance(found, ModelTree) and found.arguments(3, "subject") == [1]


@pytest.mark.parametrize("case", ["no-parser", "no-tensor", "short-tensor"])
def test_gated_parser_without_a_parse_to_make(vocab, case):
    doc = two_sentences(vocab)
    if case == "no-tensor":
        doc = Doc(vocab, words=WORDS)
    if case == "short-tensor":
        doc.tensor = numpy.zeros((3, 2), dtype="float32")
    GatedParser(None if case == "no-parser" else fake_parser()).parse(doc, [doc[0:7]])
    assert PARSE_KEY in doc.user_data and doc.user_data[PARSE_KEY] is None
    assert tree(doc) is None


def test_gated_parser_trims_the_sentences_it_expects(vocab):
    doc = Doc(vocab, words=["\n", *WORDS, "\n"], spaces=[False] * 9)
    doc.tensor = numpy.zeros((len(doc), 2), dtype="float32")
    parser = FakeParser({tuple(WORDS): (HEADS, DEPS)})
    GatedParser(parser).parse(doc, [doc[0:9], doc[0:1]])  # a sentence of blank tokens only is not expected
    found = tree(doc)
    assert found.head(2) == 4 and found.dep(0) == "" and found.head(8) == 8
    assert parser.seen == [WORDS]
    assert set(found.pending) == set()


def test_the_sentence_doc_carries_words_spaces_tags_and_features(vocab):
    doc = Doc(vocab, words=["a", "b", "c"], spaces=[True, False, True], pos=["DET", "NOUN", "PUNCT"])
    doc.tensor = numpy.arange(6, dtype="float32").reshape(3, 2)

    class Recorder:
        def pipe(self, docs):
            for d in docs:
                self.doc = d
                yield Doc(d.vocab, words=[t.text for t in d])

    recorder = Recorder()
    found = Tree(recorder)
    found.expect(doc[1:3])
    found.head(1)
    sent = recorder.doc
    assert [t.text for t in sent] == ["b", "c"]
    assert [t.whitespace_ for t in sent] == ["", " "]
    assert [t.pos_ for t in sent] == ["NOUN", "PUNCT"]
    assert sent.tensor.tolist() == [[2.0, 3.0], [4.0, 5.0]]
    untagged = Doc(vocab, words=["a", "b"])
    untagged.tensor = numpy.zeros((2, 2), dtype="float32")
    found = Tree(recorder)
    found.expect(untagged[0:2])
    found.head(0)
    assert [t.pos_ for t in recorder.doc] == ["", ""]


@pytest.mark.parametrize(
    ("words", "expected"),
    [(["\n", "a", "b", " "], ["a", "b"]), (["a"], ["a"]), (["\n", " "], []), (["a", "\n", "b"], ["a", "\n", "b"])],
)
def test_trimmed(vocab, words, expected):
    doc = Doc(vocab, words=words, spaces=[False] * len(words))
    assert [t.text for t in trimmed(doc[:])] == expected


@pytest.mark.parametrize(
    ("words", "start", "end", "expected"),
    [
        (["a", ".", "\n"], 2, 3, (2, 2)),  # whitespace only, at the Doc's end: empty, at its start
        (["\n", "\n", "a"], 0, 2, (0, 0)),
        (["a", "\n", " ", "b"], 1, 3, (1, 1)),
        (["a", "\n", "b", " "], 1, 4, (2, 3)),
        (["a", "b"], 1, 1, (1, 1)),  # already empty
    ],
)
def test_trimmed_bounds(vocab, words, start, end, expected):
    doc = Doc(vocab, words=words, spaces=[False] * len(words))
    span = trimmed(doc[start:end])
    assert (span.start, span.end) == expected
    assert span.start_char == doc[expected[0]].idx if expected[0] < len(doc) else len(doc.text)

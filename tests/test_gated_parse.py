"""The default pipeline parses only the sentences where deals can be stated, and deals read that
parse as they read the model's full parse."""

from __future__ import annotations

import pytest

from extract.deals.parse import PARSE_KEY, GatedParser, tree

#: Wordings whose roles or stage need the parse (without one they give nothing or another stage).
NEEDS_THE_PARSE = {
    "direct-object-of-an-outward-verb": (
        "Washington a évincé la Turquie du programme F-35.",
        {("USA", "TUR", "F-35", "other")},
    ),
    "coordinated-future-participle": (
        "Les 48 Kaan seront produits en Turquie et exportés vers l'Indonésie.",
        {("TUR", "IDN", "KAAN", "ordered")},
    ),
}


@pytest.fixture(scope="module")
def nlp(extractor):
    """The default pipeline (the session's: tests that change it restore it)."""
    return extractor.nlp


def _deals(nlp, text):
    doc = nlp(text)
    return doc, {(d["supplier"], d["recipient"], d["system"], d["status"]) for d in doc._.arms_deals}


def test_the_parser_is_loaded_but_not_run_on_whole_docs(nlp):
    assert "parser" in nlp.disabled
    doc, _ = _deals(nlp, "Le Maroc a commandé 18 HIMARS. Il fait beau à Rabat.")
    assert not doc.has_annotation("DEP")
    assert PARSE_KEY not in doc.user_data  # the partial parse is dropped once the deals are built


@pytest.mark.parametrize(("text", "expected"), list(NEEDS_THE_PARSE.values()), ids=list(NEEDS_THE_PARSE))
def test_gated_parse_gives_what_the_full_parse_gives(nlp, text, expected):
    _, gated = _deals(nlp, text)
    nlp.enable_pipe("parser")
    try:
        doc, full = _deals(nlp, text)
        assert doc.has_annotation("DEP")
    finally:
        nlp.disable_pipe("parser")
    assert gated == full == expected


def test_only_the_chosen_sentences_are_parsed(nlp):
    nlp.disable_pipe("arms_extractor")
    try:
        doc = nlp("Le Maroc a commandé des F-16. Il pleut sur Rabat depuis lundi.")
    finally:
        nlp.enable_pipe("arms_extractor")
    first = doc[0:7]
    assert first.text == "Le Maroc a commandé des F-16."
    GatedParser(nlp.get_pipe("parser")).parse(doc, [first])
    parse = tree(doc)
    assert parse is not None
    assert parse.dep(1) == "nsubj" and parse.head(1) == 3  # 'Maroc' is the subject of 'commandé'
    assert all(parse.dep(i) == "" and parse.head(i) == i for i in range(7, len(doc)))  # not parsed


def test_no_parser_no_parse(nlp):
    doc = nlp.make_doc("Le Maroc a commandé des F-16.")
    GatedParser(None).parse(doc, [doc[0:7]])
    assert tree(doc) is None


@pytest.mark.parametrize(("text", "expected"), list(NEEDS_THE_PARSE.values()), ids=list(NEEDS_THE_PARSE))
def test_these_wordings_do_need_the_parse(nlp, text, expected):
    gated = nlp.get_pipe("arms_extractor").deal_builder.gated_parser
    parser, gated.parser = gated.parser, None
    try:
        _, without = _deals(nlp, text)
    finally:
        gated.parser = parser
    assert without != expected


@pytest.mark.parametrize(
    ("component", "attribute"),
    [("lemmatizer", "LEMMA"), ("attribute_ruler", "TAG")],
)
def test_a_model_component_runs_only_when_a_pattern_reads_its_attribute(nlp, component, attribute):
    from types import SimpleNamespace

    from extract.pipeline import _unused_components

    assert component not in nlp.component_names  # no shipped pattern reads it
    reading = SimpleNamespace(patterns=[SimpleNamespace(pattern=[{"LOWER": "a"}, {attribute: "x"}])])
    plain = SimpleNamespace(patterns=[SimpleNamespace(pattern=[{"LOWER": "a"}])])
    assert component not in _unused_components(reading)  # type: ignore[arg-type]
    assert component in _unused_components(plain)  # type: ignore[arg-type]
    assert "ner" in _unused_components(reading)  # type: ignore[arg-type]

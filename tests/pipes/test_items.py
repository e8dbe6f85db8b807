"""extract/pipes/items.py: what the components hand to each other through a Doc."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from extract.pipes.items import (
    DOC_RESULTS,
    SPAN_FIELDS,
    SPAN_INFO,
    WORKING_STATE,
    Candidate,
    LexItem,
    _field,
    clear_word_class_marks,
    clear_working_state,
    from_span,
    index_items,
    items_ending_at,
    items_in,
    items_starting_at,
    register_extensions,
    slot_of,
    span_key,
    to_span,
)
from tests.pipes.test_tagger import words


@pytest.mark.parametrize(
    ("cls", "expected"),
    [
        ("day", ("ENT_ID", "ent_id_")),
        ("year", ("ENT_ID", "ent_id_")),
        ("weapon", ("ENT_KB_ID", "ent_kb_id_")),
        ("number", ("ENT_KB_ID", "ent_kb_id_")),
    ],
)
def test_slot_of(cls, expected):
    assert slot_of(cls) == expected


def test_register_extensions_is_idempotent():
    register_extensions()
    register_extensions()
    for name in (*WORKING_STATE, *DOC_RESULTS):
        assert Doc.has_extension(name)
    for name in (*SPAN_FIELDS, SPAN_INFO):
        assert Span.has_extension(name)


def test_register_extensions_declares_defaults_and_field_getters():
    """Declared afresh (the session declared them long before): Doc attributes default to None,
    a Span's fields read the Doc's `arms_fields` ('' when absent, arms_info None)."""
    doc_names, span_names = (*WORKING_STATE, *DOC_RESULTS), (*SPAN_FIELDS, SPAN_INFO)
    saved_doc = {name: Doc.get_extension(name) for name in doc_names}
    saved_span = {name: Span.get_extension(name) for name in span_names}
    for name in doc_names:
        Doc.remove_extension(name)
    for name in span_names:
        Span.remove_extension(name)
    try:
        register_extensions()
        assert all(Doc.get_extension(name) == (None, None, None, None) for name in doc_names)
        doc = words("Le", "Maroc", "achète")
        assert [doc._.get(name) for name in doc_names] == [None] * len(doc_names)
        span = to_span(doc, Candidate("COUNTRY", 1, 2, "MAR", "pays", "r", approx="~", extra={"kind": "name"}))
        assert [span._.get(name) for name in SPAN_FIELDS] == ["MAR", "pays", "~", "", "", "", ""]
        assert span._.arms_info == {"kind": "name"}
        bare = Span(doc, 0, 1, label="ORG")
        assert [bare._.get(name) for name in SPAN_FIELDS] == [""] * len(SPAN_FIELDS)
        assert bare._.arms_info is None
    finally:
        for name, (default, *_) in saved_doc.items():
            Doc.set_extension(name, default=default, force=True)
        for name, (_, _, getter, _) in saved_span.items():
            Span.set_extension(name, getter=getter, force=True)


def _doc() -> Doc:
    register_extensions()
    return words("Le", "Maroc", "achète", "18", "lanceurs", "franco-allemands")


def test_to_span_and_back():
    doc = _doc()
    candidate = Candidate(
        "COUNT",
        3,
        5,
        "18",
        "lanceur",
        "count-rule",
        approx="environ",
        value_min="10",
        value_max="18",
        form_kind="",
        unit_source="sentence",
        extra={"country": "MAR", "n": 2, "ok": True, "x": 1.5, "list": [1], "d": {}},
    )
    span = to_span(doc, candidate)
    assert (span.start, span.end, span.label_, span.id_) == (3, 5, "COUNT", "count-rule")
    assert span_key(span) == "3:5:COUNT:count-rule"
    assert (span._.value, span._.unit, span._.approx, span._.value_min, span._.value_max) == (
        "18",
        "lanceur",
        "environ",
        "10",
        "18",
    )
    assert (span._.form_kind, span._.unit_source) == ("", "sentence")
    assert span._.arms_info == {"country": "MAR", "n": 2, "ok": True, "x": 1.5}  # plain values only
    back = from_span(span)
    assert back == Candidate(
        "COUNT",
        3,
        5,
        "18",
        "lanceur",
        "count-rule",
        approx="environ",
        value_min="10",
        value_max="18",
        unit_source="sentence",
        extra={"country": "MAR", "n": 2, "ok": True, "x": 1.5},
    )


def test_two_mentions_on_one_span_keep_their_fields():
    doc = _doc()
    fra = to_span(doc, Candidate("COUNTRY", 5, 6, "FRA", rule_id="country:FRA:demonym"))
    deu = to_span(doc, Candidate("COUNTRY", 5, 6, "DEU", rule_id="country:DEU:demonym"))
    assert (fra._.value, deu._.value) == ("FRA", "DEU")
    assert len(doc._.arms_fields) == 2


def test_a_span_without_fields():
    doc = _doc()
    span = Span(doc, 0, 1, label="ORG")
    assert (span._.value, span._.arms_info) == ("", None)
    assert from_span(span) == Candidate("ORG", 0, 1, "", extra={})


def test_field_getters():
    doc = _doc()
    span = to_span(doc, Candidate("ORG", 0, 2, "Le Maroc", rule_id="r", extra={"country": "MAR"}))
    assert _field("value", "none")(span) == "Le Maroc"
    assert _field("missing", "none")(span) == "none"
    assert _field(SPAN_INFO, None)(span) == {"country": "MAR"}
    other = Span(doc, 2, 3, label="ORG")
    assert _field("value", "none")(other) == "none"
    doc._.arms_fields = None
    assert _field("value", "none")(span) == "none"


def test_clear_working_state():
    doc = _doc()
    for name in (*WORKING_STATE, "ref_date"):
        doc._.set(name, ["x"])
    clear_working_state(doc)
    assert all(doc._.get(name) is None for name in WORKING_STATE)
    assert doc._.ref_date == ["x"]


def test_clear_word_class_marks():
    doc = _doc()
    doc[1].ent_kb_id_ = "B-country"
    doc[3].ent_kb_id_, doc[3].ent_id_ = "B-number", "B-day"
    doc[4].ent_kb_id_, doc[4].ent_id_ = "I-number", "I-day"
    doc[2].ent_kb_id_ = "B-verb"  # not an item's token: left alone
    doc[5].ent_kb_id_ = "Q142"  # another use of the attribute
    index_items(
        doc,
        {
            ("country", 1): LexItem("country", 1, 2, "MAR"),
            ("number", 3): LexItem("number", 3, 5, 18),
            ("x", 5): LexItem("x", 5, 6, None),
        },
    )
    clear_word_class_marks(doc)
    assert [t.ent_kb_id_ for t in doc] == ["", "", "B-verb", "", "", "Q142"]
    assert [t.ent_id_ for t in doc] == [""] * 6


def test_clear_word_class_marks_without_items():
    doc = _doc()
    doc[1].ent_kb_id_ = "B-country"
    clear_word_class_marks(doc)
    assert doc[1].ent_kb_id_ == "B-country"


ITEMS = [
    LexItem("number", 3, 4, 18),
    LexItem("day", 3, 4, 18),
    LexItem("military_noun", 4, 5, "lanceur"),
    LexItem("country", 1, 2, "MAR"),
    LexItem("weapon", 3, 5, "x"),
]


def _indexed() -> Doc:
    doc = _doc()
    index_items(doc, {(i.cls, i.start): i for i in ITEMS})
    return doc


def test_index_items():
    doc = _indexed()
    assert len(doc._.lex_items) == 5
    assert {k: [i.cls for i in v] for k, v in doc._.lex_by_start.items()} == {
        3: ["number", "day", "weapon"],
        4: ["military_noun"],
        1: ["country"],
    }
    assert {k: [i.cls for i in v] for k, v in doc._.lex_by_end.items()} == {
        4: ["number", "day"],
        5: ["military_noun", "weapon"],
        2: ["country"],
    }


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 6, [("country", 1), ("day", 3), ("number", 3), ("weapon", 3), ("military_noun", 4)]),
        (3, 4, [("day", 3), ("number", 3)]),  # the weapon ends after 4
        (2, 5, [("day", 3), ("number", 3), ("weapon", 3), ("military_noun", 4)]),
        (1, 2, [("country", 1)]),
        (2, 3, []),
        (4, 4, []),
    ],
)
def test_items_in(start, end, expected):
    assert [(i.cls, i.start) for i in items_in(_indexed(), start, end)] == expected


def test_items_starting_and_ending_at():
    doc = _indexed()
    assert [i.value for i in items_starting_at(doc, 3, "weapon")] == ["x"]
    assert items_starting_at(doc, 4, "weapon") == []
    assert [i.cls for i in items_ending_at(doc, 5, "military_noun")] == ["military_noun"]
    assert items_ending_at(doc, 4, "weapon") == []


def test_lookups_before_the_tagger():
    doc = _doc()
    assert items_in(doc, 0, 6) == [] and items_starting_at(doc, 0, "x") == [] and items_ending_at(doc, 1, "x") == []

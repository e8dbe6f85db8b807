"""Patterns matched only where they can start (`extract.pipes.match_windows`): the matches of one
spaCy Matcher over the whole Doc, in a stated order, found on windows."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import ENT_KB_ID, LOWER, ORTH
from spacy.matcher import Matcher

from extract.pipes import match_windows as mw
from extract.pipes.match_windows import CONTINUATION, WindowedMatcher, anchor_of, most_tokens

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("fr")


def marked(nlp, text: str, items: dict[int, str]):
    """A Doc whose tokens carry word class marks as the tagger sets them ('B-number', 'I-number')."""
    doc = nlp(text)
    for i, mark in items.items():
        doc[i].ent_kb_id_ = mark
    return doc


def both(nlp, patterns: dict[str, list[list[dict]]], doc, greedy: str | None = "LONGEST"):
    """(spaCy's Matcher over the whole Doc, the windowed one), each as a sorted list of matches."""
    whole, windowed = Matcher(nlp.vocab), WindowedMatcher(nlp.vocab)
    for key, alternatives in patterns.items():
        whole.add(key, alternatives, greedy=greedy)
        windowed.add(key, alternatives, greedy=greedy)
    return sorted(whole(doc)), sorted(windowed(doc))


NUMBER = [{"ENT_KB_ID": "B-number"}, {"ENT_KB_ID": "I-number", "OP": "*"}]
UNIT = [{"ENT_KB_ID": "B-unit"}, {"ENT_KB_ID": "I-unit", "OP": "*"}]
TEXT = "Le Maroc a reçu 18 lanceurs , puis deux cent trente obus et enfin 7 chars légers en 2024 ."
#: tokens: Le 0, 18 4, lanceurs 5, puis 7, deux 8, obus 11, enfin 13, 7 14, chars 15, en 17, 2024 18
ITEMS = {
    4: "B-number",
    5: "B-unit",
    8: "B-number",
    9: "I-number",
    10: "I-number",
    11: "B-unit",
    14: "B-number",
    15: "B-unit",
    16: "I-unit",
}

#: patterns -> the matches (text) the windowed matcher must find, the same as spaCy's over the whole Doc
CASES = {
    "item-then-item": ({"count": [NUMBER + UNIT]}, ["18 lanceurs", "deux cent trente obus", "7 chars légers"]),
    "word-before-an-item": (
        {"then": [[{"LOWER": "puis"}, *NUMBER, *UNIT]]},
        ["puis deux cent trente obus"],
    ),
    "word-anchor-in-list": (
        {"link": [[{"LOWER": {"IN": ["puis", "enfin"]}}, *NUMBER]]},
        ["puis deux cent trente", "enfin 7"],
    ),
    "counted-operator": (
        {"gap": [[*NUMBER, {"IS_ALPHA": True, "OP": "{1,3}"}, {"ORTH": ","}]]},
        ["18 lanceurs ,"],
    ),
    "optional-token-after": (
        {"opt": [[*NUMBER, *UNIT, {"LOWER": "légers", "OP": "?"}]]},
        ["18 lanceurs", "deux cent trente obus", "7 chars légers"],
    ),
    "no-anchor-first-token-optional": (
        {"free": [[{"LOWER": "enfin", "OP": "?"}, *NUMBER, *UNIT]]},
        ["18 lanceurs", "deux cent trente obus", "enfin 7 chars légers"],
    ),
    "unbounded-plain-token": (
        {"plus": [[{"LOWER": "puis"}, {"IS_ALPHA": True, "OP": "+"}, {"LOWER": "et"}]]},
        ["puis deux cent trente obus et"],
    ),
    "no-match-anywhere": ({"none": [[{"ENT_KB_ID": "B-month"}, *NUMBER]]}, []),
    "unanchored-at-the-first-token": (
        {"free": [[{"LOWER": "le", "OP": "?"}, {"LOWER": "maroc"}]]},
        ["Le Maroc"],
    ),
    # one key, alternatives of two groups: the longer match from the other group wins the overlap
    "greedy-across-groups": (
        {"mixed": [[*NUMBER], [{"LOWER": "enfin"}, *NUMBER, *UNIT]]},
        ["18", "deux cent trente", "enfin 7 chars légers"],
    ),
}


@pytest.mark.parametrize(("patterns", "expected"), CASES.values(), ids=CASES.keys())
def test_windowed_matches_are_the_whole_docs(nlp, patterns, expected):
    doc = marked(nlp, TEXT, ITEMS)
    whole, windowed = both(nlp, patterns, doc)
    assert windowed == whole
    assert [doc[start:end].text for _, start, end in windowed] == expected


@pytest.mark.parametrize("greedy", [None, "FIRST", "LONGEST"])
def test_every_greedy_filter_as_spacys(nlp, greedy):
    doc = marked(nlp, TEXT, ITEMS)
    patterns = {"n": [[*NUMBER], [*NUMBER, *UNIT], [{"ENT_KB_ID": "I-number"}, *UNIT]]}
    whole, windowed = both(nlp, patterns, doc, greedy=greedy)
    assert windowed == whole
    assert len(windowed) >= 3


def test_a_span_of_its_own_window_keeps_doc_offsets(nlp):
    doc = marked(nlp, TEXT, ITEMS)
    matcher = WindowedMatcher(nlp.vocab)
    matcher.add("year", [[{"LOWER": "en"}, {"IS_DIGIT": True}]])
    assert [(doc[s:e].text, s) for _, s, e in matcher(doc)] == [("en 2024", 17)]


def test_same_words_come_in_the_order_keys_were_added(nlp):
    doc = marked(nlp, TEXT, ITEMS)
    matcher = WindowedMatcher(nlp.vocab)
    for key in ("second", "first"):  # added in this order: 'second' is listed first
        matcher.add(key, [[*NUMBER, *UNIT]], greedy="LONGEST")
    keys = [nlp.vocab.strings[key] for key, start, _ in matcher(doc) if start == 4]
    assert keys == ["second", "first"]
    assert len(matcher) == 2


def test_an_empty_doc_has_no_matches(nlp):
    matcher = WindowedMatcher(nlp.vocab)
    matcher.add("n", [NUMBER])
    assert matcher(nlp("")) == []


def test_a_group_without_its_anchor_in_the_doc_is_not_run(nlp, monkeypatch):
    doc = marked(nlp, TEXT, ITEMS)
    matcher = WindowedMatcher(nlp.vocab)
    matcher.add("month", [[{"ENT_KB_ID": "B-month"}, {"IS_DIGIT": True}]])
    matcher.add("count", [NUMBER + UNIT], greedy="LONGEST")
    runs = []
    for group in matcher.groups.values():
        real = group.matcher
        monkeypatch.setattr(group, "matcher", lambda doclike, real=real: runs.append(doclike.text) or real(doclike))
    assert len(matcher(doc)) == 3
    # three windows of the numbers' group, none of the month's, and none the whole Doc
    assert runs == ["18 lanceurs", "deux cent trente obus", "7 chars légers"]


@pytest.mark.parametrize(
    ("token", "most"),
    [
        ({"LOWER": "de"}, 1),
        ({"LOWER": "de", "OP": "?"}, 1),
        ({"LOWER": "de", "OP": "!"}, 1),
        ({"IS_ALPHA": True, "OP": "{1,3}"}, 3),
        ({"IS_ALPHA": True, "OP": "{2}"}, 2),
        ({"IS_ALPHA": True, "OP": "{,4}"}, 4),
        ({"ENT_KB_ID": "I-number", "OP": "*"}, CONTINUATION),
        ({"ENT_KB_ID": {"IN": ["I-number", "I-unit"]}, "OP": "*"}, CONTINUATION),
        ({"ENT_ID": "I-year", "OP": "+"}, CONTINUATION),
        ({"IS_ALPHA": True, "OP": "+"}, None),
        ({"IS_ALPHA": True, "OP": "*"}, None),
        ({"IS_ALPHA": True, "OP": "{2,}"}, None),
        ({"ENT_KB_ID": {"IN": ["I-number", "B-unit"]}, "OP": "*"}, None),
    ],
)
def test_most_tokens_of_a_pattern_token(token, most):
    assert most_tokens(token) == most


@pytest.mark.parametrize(
    ("first", "attr", "values"),
    [
        ({"ENT_KB_ID": "B-number"}, ENT_KB_ID, ["B-number"]),
        ({"ENT_KB_ID": {"IN": ["B-month", "B-day"]}}, ENT_KB_ID, ["B-day", "B-month"]),
        ({"LOWER": "dont"}, LOWER, ["dont"]),
        ({"TEXT": "("}, ORTH, ["("]),
        ({"LOWER": {"IN": ["entre", "de"]}}, LOWER, ["de", "entre"]),
        ({25: True, "IS_UPPER": True}, 25, None),
        ({"ENT_KB_ID": "B-number", "OP": "?"}, None, None),
        ({"ENT_KB_ID": "I-number"}, None, None),
        ({"IS_DIGIT": True}, None, None),
        ({"LOWER": {"REGEX": "^de$"}}, None, None),
    ],
)
def test_anchor_of_a_first_token(nlp, first, attr, values):
    found = anchor_of(first, nlp.vocab)
    if attr is None:
        assert found is None
    elif values is None:
        assert found == (attr, (1,))
    else:
        assert found == (attr, tuple(sorted(nlp.vocab.strings[v] for v in values)))


@pytest.mark.parametrize(
    ("starts", "tokens", "inside", "windows"),
    [
        ([2], 1, set(), [(2, 4)]),
        ([2], 0, set(), [(2, 3)]),
        ([2], 1, {3, 4}, [(2, 6)]),  # the first item runs on to 5, then one more token
        ([2, 5], 1, set(), [(2, 4), (5, 7)]),
        ([2, 4], 1, set(), [(2, 6)]),  # touching windows merge
        ([8], 3, set(), [(8, 10)]),  # not past the Doc's end
    ],
)
def test_merged_windows(starts, tokens, inside, windows):
    n = 10
    outside = [p for p in range(n) if p not in inside] + [n]
    forward = [next(q for q in outside if q >= p) for p in range(n + 1)]
    assert mw._merged(starts, forward, tokens, n) == windows


def test_the_shipped_patterns_match_as_one_matcher_on_the_samples():
    """Every sample text: the patterns component's matches equal one spaCy Matcher's over the Doc."""
    from extract.pipeline import build_pipeline

    nlp = build_pipeline(None, fast=True)
    arms = nlp.get_pipe("arms_extractor")
    names = [type(step).__name__ for step in arms.steps]
    patterns = arms.steps[names.index("ArmsPatterns")]
    whole = Matcher(nlp.vocab, validate=False)
    for key in patterns.rules:
        alternatives = [a for g in patterns.matcher.groups.values() if key in g.keys for a in g.matcher.get(key)[1]]
        whole.add(key, alternatives, greedy="LONGEST")
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "samples").rglob("*.txt"))]
    assert len(texts) >= 20
    compared = 0
    for text in texts:
        doc = nlp.make_doc(text)
        for step in arms.steps[: names.index("ArmsPatterns")]:
            doc = step(doc)
        found = patterns.matcher(doc)
        assert sorted(found) == sorted(whole(doc)), text[:60]
        compared += len(found)
    assert compared > 100


def test_a_one_token_doc_is_matched(nlp):
    doc = marked(nlp, "18", {0: "B-number"})
    matcher = WindowedMatcher(nlp.vocab)
    matcher.add("n", [NUMBER], greedy="LONGEST")
    assert [(start, end) for _, start, end in matcher(doc)] == [(0, 1)]


def test_a_secondary_slots_continuation_widens_the_window(nlp):
    """Items of `ent_id` (day, year) continue as far as those of `ent_kb_id` do."""
    doc = nlp("en cette année 2 0 2 4 .")
    doc[0].ent_kb_id_ = "B-when"
    for i, mark in {3: "B-year", 4: "I-year", 5: "I-year", 6: "I-year"}.items():
        doc[i].ent_id_ = mark
    patterns = {
        "year": [
            [
                {"ENT_KB_ID": "B-when"},
                {"IS_ALPHA": True, "OP": "{0,2}"},
                {"ENT_ID": "B-year"},
                {"ENT_ID": "I-year", "OP": "*"},
            ]
        ]
    }
    whole, windowed = both(nlp, patterns, doc)
    assert windowed == whole
    assert [doc[start:end].text for _, start, end in windowed] == ["en cette année 2 0 2 4"]


def test_matches_come_by_start_then_end_then_key_order(nlp):
    doc = marked(nlp, TEXT, ITEMS)
    matcher = WindowedMatcher(nlp.vocab)
    matcher.add("outer", [[{"LOWER": "puis"}, *NUMBER, *UNIT]], greedy="LONGEST")
    matcher.add("inner", [NUMBER], greedy="LONGEST")
    found = [(nlp.vocab.strings[key], doc[start:end].text) for key, start, end in matcher(doc)]
    assert found == [
        ("inner", "18"),
        ("outer", "puis deux cent trente obus"),
        ("inner", "deux cent trente"),
        ("inner", "7"),
    ]


def test_same_words_follow_the_order_keys_were_added_not_spacys(nlp):
    """spaCy lists a key's matches together, keys in the order of their first match: 'late' has
    an earlier match, so spaCy puts its match on '7 chars légers' before that of 'early'."""
    doc = marked(nlp, TEXT, ITEMS)
    matcher, whole = WindowedMatcher(nlp.vocab), Matcher(nlp.vocab)
    for key, alternatives in (("early", [[*NUMBER, *UNIT, {"LOWER": "légers"}]]), ("late", [[*NUMBER, *UNIT]])):
        matcher.add(key, alternatives, greedy="LONGEST")
        whole.add(key, alternatives, greedy="LONGEST")
    spacy_order = [nlp.vocab.strings[key] for key, start, end in whole(doc) if (start, end) == (14, 17)]
    assert spacy_order == ["late", "early"]
    windowed_order = [nlp.vocab.strings[key] for key, start, end in matcher(doc) if (start, end) == (14, 17)]
    assert windowed_order == ["early", "late"]


@pytest.mark.parametrize(
    ("pairs", "greedy", "kept"),
    [
        ({(0, 2), (1, 4)}, "LONGEST", [(1, 4)]),  # the longer one, though it starts later
        ({(0, 2), (1, 4)}, "FIRST", [(0, 2)]),
        ({(0, 2), (1, 3)}, "LONGEST", [(0, 2)]),  # equal lengths: the first
        ({(0, 2), (3, 5), (1, 3)}, "LONGEST", [(0, 2), (3, 5)]),  # equal lengths, left to right
        ({(0, 2), (1, 4)}, None, [(0, 2), (1, 4)]),
    ],
)
def test_the_greedy_filter_as_spacys(nlp, pairs, greedy, kept):
    assert sorted(mw._filtered(pairs, greedy)) == kept
    # the same pairs through spaCy's own filter: one-token-wide patterns made to match them
    doc = nlp("a b c d e f")
    whole = Matcher(nlp.vocab)
    whole.add(
        "k",
        [[{"ORTH": doc[s].text}] + [{"ORTH": doc[j].text} for j in range(s + 1, e)] for s, e in pairs],
        greedy=greedy,
    )
    assert sorted((s, e) for _, s, e in whole(doc)) == kept

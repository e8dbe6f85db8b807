"""The spaCy-free check of DependencyMatcher patterns (`extract.rules.dependency_check`) refuses
what spaCy's `DependencyMatcher.add` refuses, and its names are those of the installed spaCy."""

from __future__ import annotations

import warnings

import pytest
from spacy.attrs import IDS
from spacy.matcher import DependencyMatcher
from spacy.matcher import matcher as token_matcher
from spacy.vocab import Vocab

from extract.rules.dependency_check import PREDICATES, REL_OPS, TOKEN_ATTRIBUTES, dependency_pattern_problem

ANCHOR = {"RIGHT_ID": "clause", "RIGHT_ATTRS": {}}


def edge(attrs, op=">", left="clause", right="party"):
    return {"LEFT_ID": left, "REL_OP": op, "RIGHT_ID": right, "RIGHT_ATTRS": attrs}


#: (pattern, accepted) on which both checks must agree
AGREED = {
    "subject": ([ANCHOR, edge({"DEP": "nsubj"})], True),
    "in-list": ([ANCHOR, edge({"DEP": {"IN": ["aux", "aux:pass"]}})], True),
    "lowercase-attribute": ([ANCHOR, edge({"dep": "nsubj"})], True),
    "text-alias": ([ANCHOR, edge({"TEXT": "vend"})], True),
    "bool": ([ANCHOR, edge({"IS_DIGIT": True})], True),
    "length-compare": ([ANCHOR, edge({"LENGTH": {">=": 2}})], True),
    "regex": ([ANCHOR, edge({"LOWER": {"REGEX": "^livr"}})], True),
    "fuzzy": ([ANCHOR, edge({"LOWER": {"FUZZY1": "livrer"}})], True),
    "negated": ([ANCHOR, edge({"DEP": "obj", "OP": "!"})], True),
    "count-op": ([ANCHOR, edge({"DEP": "obj", "OP": "{1}"})], True),
    "chain": ([ANCHOR, edge({}, op=">>", right="aux"), edge({"DEP": "nsubj"}, left="aux")], True),
    "sibling-op": ([ANCHOR, edge({}, op="$++")], True),
    "extension": ([ANCHOR, edge({"_": {"role": "x"}})], True),
    "unknown-attribute": ([ANCHOR, edge({"DEPP": "nsubj"})], False),
    "list-value": ([ANCHOR, edge({"DEP": ["nsubj"]})], False),
    "null-value": ([ANCHOR, edge({"TEXT": None})], False),
    "float-value": ([ANCHOR, edge({"LENGTH": 2.5})], False),
    "unknown-predicate": ([ANCHOR, edge({"LOWER": {"INN": ["a"]}})], False),
    "extension-not-object": ([ANCHOR, edge({"_": 3})], False),
    "repeating-op": ([ANCHOR, edge({"DEP": "obj", "OP": "*"})], False),
    "optional-op": ([ANCHOR, edge({"DEP": "obj", "OP": "?"})], False),
    "unknown-op": ([ANCHOR, edge({"DEP": "obj", "OP": "x"})], False),
    "reversed-count-op": ([ANCHOR, edge({"DEP": "obj", "OP": "{3,1}"})], False),
    "empty-count-op": ([ANCHOR, edge({"DEP": "obj", "OP": "{,}"})], False),
    "unknown-rel-op": ([ANCHOR, edge({}, op="~~")], False),
    "missing-left-id": ([ANCHOR, {"REL_OP": ">", "RIGHT_ID": "party", "RIGHT_ATTRS": {}}], False),
    "undeclared-left-id": ([ANCHOR, edge({}, left="verb")], False),
    "repeated-right-id": ([ANCHOR, edge({}, right="clause")], False),
    "anchor-with-edge": ([edge({})], False),
    "anchor-without-attrs": ([{"RIGHT_ID": "clause"}, edge({})], False),
    "node-not-object": ([ANCHOR, "party"], False),
    "attrs-not-object": ([ANCHOR, edge("nsubj")], False),
    "empty": ([], False),
}


def spacy_accepts(pattern) -> bool:
    """spaCy's verdict: `add` raises nothing and warns nothing (W035: a predicate it discards)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            DependencyMatcher(Vocab()).add("x", [pattern])
        except Exception:  # noqa: BLE001 - any refusal (ValueError, KeyError, AttributeError, a warning)
            return False
    return True


@pytest.mark.parametrize(("pattern", "accepted"), list(AGREED.values()), ids=list(AGREED))
def test_same_verdict_as_spacy(pattern, accepted):
    assert spacy_accepts(pattern) is accepted
    problem = dependency_pattern_problem(pattern)
    assert (problem is None) is accepted, problem


@pytest.mark.parametrize(
    "pattern",
    [
        [ANCHOR, edge({"DEPP": {"IN": ["nsubj"]}})],  # spaCy ignores an unknown attribute given a predicate
        [{"RIGHT_ID": 1, "RIGHT_ATTRS": {}}, edge({}, left=1)],  # spaCy takes any hashable node name
    ],
    ids=["unknown-attribute-with-predicate", "number-as-node-name"],
)
def test_stricter_than_spacy_where_spacy_lets_a_typo_through(pattern):
    assert spacy_accepts(pattern)
    assert dependency_pattern_problem(pattern) is not None


def test_names_are_those_of_the_installed_spacy():
    assert set(DependencyMatcher(Vocab())._ops) == REL_OPS
    assert TOKEN_ATTRIBUTES == (set(IDS) - {""}) | {"TEXT", "IS_SENT_START"}
    predicates = {
        op
        for kind in (token_matcher._RegexPredicate, token_matcher._SetPredicate, token_matcher._ComparisonPredicate)
        for op in kind.operators
    }
    assert PREDICATES == predicates | set(token_matcher._FuzzyPredicate.operators)


def test_the_problem_names_the_node():
    problem = dependency_pattern_problem([ANCHOR, edge({}, right="aux"), edge({"DEPP": "x"}, left="aux")])
    assert problem == "node 3: unknown token attribute DEPP"


#: the message `extract rules check` shows (after E049) for each refusal
MESSAGES = {
    "empty": ([], "a pattern is a non-empty list of nodes"),
    "not-a-list": ({"RIGHT_ID": "clause"}, "a pattern is a non-empty list of nodes"),
    "node-not-object": ([ANCHOR, "party"], "node 2: each node is an object"),
    "right-id-not-a-name": ([{"RIGHT_ID": 1, "RIGHT_ATTRS": {}}], "node 1: RIGHT_ID and LEFT_ID are names (strings)"),
    "left-id-not-a-name": ([ANCHOR, edge({}, left=["clause"])], "node 2: RIGHT_ID and LEFT_ID are names (strings)"),
    "anchor-with-edge": ([edge({})], "node 1: the anchor node has RIGHT_ID and RIGHT_ATTRS only"),
    "anchor-with-rel-op": ([{**ANCHOR, "REL_OP": ">"}], "node 1: the anchor node has RIGHT_ID and RIGHT_ATTRS only"),
    "anchor-without-right-id": ([{"RIGHT_ATTRS": {}}], "node 1: the anchor node has RIGHT_ID and RIGHT_ATTRS only"),
    "anchor-without-attrs": ([{"RIGHT_ID": "clause"}], "node 1: the anchor node has RIGHT_ID and RIGHT_ATTRS only"),
    "missing-keys": ([ANCHOR, {"RIGHT_ID": "party"}], "node 2: missing RIGHT_ATTRS, REL_OP, LEFT_ID"),
    "missing-left-id": ([ANCHOR, {"REL_OP": ">", "RIGHT_ID": "p", "RIGHT_ATTRS": {}}], "node 2: missing LEFT_ID"),
    "repeated-right-id": (
        [ANCHOR, edge({}, right="clause")],
        "node 2: RIGHT_ID must be new and LEFT_ID a node declared before",
    ),
    "undeclared-left-id": (
        [ANCHOR, edge({}, left="verb")],
        "node 2: RIGHT_ID must be new and LEFT_ID a node declared before",
    ),
    "unknown-rel-op": ([ANCHOR, edge({}, op="~~")], "node 2: unknown REL_OP '~~'"),
    "attrs-not-object": ([ANCHOR, edge("nsubj")], "node 2: RIGHT_ATTRS is an object of token attributes"),
    "anchor-attrs-not-object": (
        [{"RIGHT_ID": "c", "RIGHT_ATTRS": []}],
        "node 1: RIGHT_ATTRS is an object of token attributes",
    ),
    "unknown-attribute": ([ANCHOR, edge({"DEPP": "nsubj"})], "node 2: unknown token attribute DEPP"),
    "unknown-attribute-case": ([ANCHOR, edge({"depp": "x"})], "node 2: unknown token attribute depp"),
    "extension-not-object": ([ANCHOR, edge({"_": 3})], "node 2: '_' holds an object of extension attributes"),
    "unknown-predicate": (
        [ANCHOR, edge({"LOWER": {"INN": ["a"], "ZZ": 1, "IN": []}})],
        "node 2: unknown predicate INN in LOWER",
    ),
    "list-value": (
        [ANCHOR, edge({"DEP": ["nsubj"]})],
        "node 2: DEP takes a string, a number, true/false or an object, not list",
    ),
    "null-value": (
        [ANCHOR, edge({"TEXT": None})],
        "node 2: TEXT takes a string, a number, true/false or an object, not NoneType",
    ),
    "float-value": (
        [ANCHOR, edge({"LENGTH": 2.5})],
        "node 2: LENGTH takes a string, a number, true/false or an object, not float",
    ),
    "repeating-op": ([ANCHOR, edge({"OP": "+"})], "node 2: OP '+' repeats a token; a dependency node is one token"),
    "optional-op": ([ANCHOR, edge({"op": "?"})], "node 2: OP '?' repeats a token; a dependency node is one token"),
    "unknown-op": ([ANCHOR, edge({"OP": "x"})], "node 2: unknown OP 'x'"),
    "number-op": ([ANCHOR, edge({"OP": 1})], "node 2: unknown OP '1'"),
    "reversed-count-op": ([ANCHOR, edge({"OP": "{3,1}"})], "node 2: unknown OP '{3,1}'"),
    "empty-count-op": ([ANCHOR, edge({"OP": "{,}"})], "node 2: unknown OP '{,}'"),
    "empty-braces": ([ANCHOR, edge({"OP": "{}"})], "node 2: unknown OP '{}'"),
    "count-op-with-text": ([ANCHOR, edge({"OP": "{1}x"})], "node 2: unknown OP '{1}x'"),
}


@pytest.mark.parametrize(("pattern", "message"), list(MESSAGES.values()), ids=list(MESSAGES))
def test_each_refusal_says_what_is_wrong(pattern, message):
    assert dependency_pattern_problem(pattern) == message


@pytest.mark.parametrize("op", ["!", "1", "{2}", "{1,3}", "{,3}", "{2,}", "{2,2}", "{0}", "{10,12}"])
def test_accepted_operators(op):
    assert dependency_pattern_problem([ANCHOR, edge({"DEP": "obj", "OP": op})]) is None


@pytest.mark.parametrize(
    "attrs",
    [
        {"LENGTH": {">=": 2, "<": 9}},
        {"IS_DIGIT": False},
        {"FLAG19": True, "FLAG63": 1},
        {"_": {}},
        {"ORTH": "x", "op": "1", "Lower": "y"},
        {"MORPH": {"IS_SUPERSET": ["Number=Plur"]}},
    ],
)
def test_accepted_token_attributes(attrs):
    assert dependency_pattern_problem([{"RIGHT_ID": "c", "RIGHT_ATTRS": attrs}, edge(attrs, left="c")]) is None


def test_every_node_is_checked_in_order():
    pattern = [ANCHOR, edge({}, right="a"), edge({}, left="a", right="b"), edge({"OP": "*"}, left="b", right="c")]
    assert dependency_pattern_problem(pattern) == "node 4: OP '*' repeats a token; a dependency node is one token"
    assert dependency_pattern_problem(pattern[:3]) is None

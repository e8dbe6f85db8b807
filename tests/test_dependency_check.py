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

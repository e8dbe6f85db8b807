"""spaCy DependencyMatcher patterns checked without importing spaCy (`extract rules check` stays instant).

The checks are those `DependencyMatcher.add` makes (spaCy 3.8: the node structure, then each
node's token pattern as the Matcher reads it), plus unknown predicates, which spaCy only warns
about. The names below mirror spaCy's; tests/test_dependency_check.py compares them with the
installed spaCy and runs both checks on a table of patterns, so a spaCy upgrade that changes them
fails a test instead of letting the two drift apart.
"""

from __future__ import annotations

import re
from typing import Any

#: the DependencyMatcher's relation operators (`DependencyMatcher._ops`)
REL_OPS = frozenset(
    {"<", ">", "<<", ">>", ".", ".*", ";", ";*", "$+", "$-", "$++", "$--"}
    | {">+", ">-", ">++", ">--", "<+", "<-", "<++", "<--"}
)
#: token attributes a Matcher pattern may test (`spacy.attrs.IDS`, plus the aliases TEXT and IS_SENT_START)
TOKEN_ATTRIBUTES = frozenset(
    {"DEP", "ENT_ID", "ENT_IOB", "ENT_KB_ID", "ENT_TYPE", "HEAD", "ID", "IDX", "LANG", "LEMMA", "LENGTH"}
    | {"IS_ALPHA", "IS_ASCII", "IS_BRACKET", "IS_CURRENCY", "IS_DIGIT", "IS_LEFT_PUNCT", "IS_LOWER"}
    | {"IS_OOV_DEPRECATED", "IS_PUNCT", "IS_QUOTE", "IS_RIGHT_PUNCT", "IS_SPACE", "IS_STOP", "IS_TITLE"}
    | {"IS_UPPER", "LIKE_EMAIL", "LIKE_NUM", "LIKE_URL", "LOWER", "MORPH", "NORM", "ORTH", "POS", "PREFIX"}
    | {"SENT_START", "SHAPE", "SPACY", "SUFFIX", "TAG", "TEXT", "IS_SENT_START"}
    | {f"FLAG{n}" for n in range(19, 64)}
)
#: what a dict value may hold: {"IN": [...]}, {">=": 2}, {"REGEX": "..."}, {"FUZZY1": "..."}
PREDICATES = frozenset(
    {"REGEX", "IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS", "==", "!=", ">=", "<=", ">", "<"}
    | {"FUZZY", *(f"FUZZY{n}" for n in range(1, 10))}
)
#: token operators; '?', '*' and '+' are refused in a dependency pattern (a node is one token)
TOKEN_OPS = frozenset({"1", "!"})
REPEATING_OPS = frozenset({"?", "*", "+"})
_COUNT_OP = re.compile(r"\{(\d*)(?:,(\d*))?\}")
EDGE_KEYS = ("RIGHT_ID", "RIGHT_ATTRS", "REL_OP", "LEFT_ID")


def dependency_pattern_problem(pattern: Any) -> str | None:
    """What spaCy's `DependencyMatcher.add` would refuse in `pattern`, in a sentence; None if nothing.

    >>> dependency_pattern_problem([{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}}])
    >>> dependency_pattern_problem([{"RIGHT_ID": "v", "RIGHT_ATTRS": {}},
    ...     {"LEFT_ID": "v", "REL_OP": "~", "RIGHT_ID": "s", "RIGHT_ATTRS": {}}])
    "node 2: unknown REL_OP '~'"
    """
    if not isinstance(pattern, list) or not pattern:
        return "a pattern is a non-empty list of nodes"
    declared: set[Any] = set()
    for number, node in enumerate(pattern, start=1):
        problem = _node_problem(node, number, declared) or _token_problem(node["RIGHT_ATTRS"])
        if problem:
            return problem if problem.startswith("node") else f"node {number}: {problem}"
        declared.add(node["RIGHT_ID"])
    return None


def _node_problem(node: Any, number: int, declared: set[Any]) -> str | None:
    """The edge structure: an anchor first (RIGHT_ID, RIGHT_ATTRS), then edges to declared nodes."""
    if not isinstance(node, dict):
        return f"node {number}: each node is an object"
    if any(not isinstance(node.get(key, ""), str) for key in ("RIGHT_ID", "LEFT_ID")):
        return f"node {number}: RIGHT_ID and LEFT_ID are names (strings)"
    if number == 1:
        if "RIGHT_ID" not in node or "REL_OP" in node or "LEFT_ID" in node or "RIGHT_ATTRS" not in node:
            return "node 1: the anchor node has RIGHT_ID and RIGHT_ATTRS only"
        return None
    missing = [key for key in EDGE_KEYS if key not in node]
    if missing:
        return f"node {number}: missing {', '.join(missing)}"
    if node["RIGHT_ID"] in declared or node["LEFT_ID"] not in declared:
        return f"node {number}: RIGHT_ID must be new and LEFT_ID a node declared before"
    if node["REL_OP"] not in REL_OPS:
        return f"node {number}: unknown REL_OP '{node['REL_OP']}'"
    return None


def _token_problem(attributes: Any) -> str | None:
    """One node's RIGHT_ATTRS, read as spaCy's Matcher reads a token pattern."""
    if not isinstance(attributes, dict):
        return "RIGHT_ATTRS is an object of token attributes"
    for key, value in attributes.items():
        name = key.upper()
        if name == "OP":
            problem = _op_problem(value)
        elif name == "_":
            problem = None if isinstance(value, dict) else "'_' holds an object of extension attributes"
        elif name not in TOKEN_ATTRIBUTES:
            problem = f"unknown token attribute {key}"
        elif isinstance(value, dict):
            unknown = sorted(str(k) for k in value if k not in PREDICATES)
            problem = f"unknown predicate {unknown[0]} in {key}" if unknown else None
        elif not isinstance(value, str | int):  # bool is an int
            problem = f"{key} takes a string, a number, true/false or an object, not {type(value).__name__}"
        else:
            problem = None
        if problem:
            return problem
    return None


def _op_problem(op: Any) -> str | None:
    if op in REPEATING_OPS:
        return f"OP '{op}' repeats a token; a dependency node is one token"
    if op in TOKEN_OPS:
        return None
    counts = _COUNT_OP.fullmatch(op) if isinstance(op, str) else None
    if counts is None:
        return f"unknown OP '{op}'"
    low, high = counts.group(1), counts.group(2) if counts.group(2) is not None else counts.group(1)
    if (not low and not high) or (low and high and int(low) > int(high)):
        return f"unknown OP '{op}'"
    return None

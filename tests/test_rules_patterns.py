"""patterns/*.jsonl and deals/arguments.jsonl: each line checked key by key, loaded with its source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.rules import arguments, patterns
from extract.rules.arguments import load_arguments
from extract.rules.model import ArgumentPattern, PatternRule, RuleSet
from extract.rules.patterns import jsonl_lines, load_patterns, pattern_labels

KNOWN = {"scale", "number", "currency"}
OK = {"id": "m1", "label": "MONEY", "pattern": [{"LEX": "number"}, {"LEX": ["scale", "currency"]}]}
ALL_KEYS = "['end_at', 'id', 'label', 'note', 'pattern', 'start_at', 'unit_from']"


def test_pattern_labels_are_those_with_a_normalizer():
    assert pattern_labels() == ["MONEY", "RANGE", "COUNT", "WEAPON", "ORG", "DATE"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (OK, None),
        ({**OK, "start_at": "number", "end_at": "currency:1", "unit_from": "sentence", "note": "x"}, None),
        ({**OK, "pattern": [{"LOWER": "de"}, "odd", {"LEX": "scale"}]}, None),
        *[({**OK, "unit_from": source}, None) for source in ("following", "nearest", "previous", "next")],
        (
            {"id": "m1", "label": "MONEY"},
            "E006 pattern line needs keys ['id', 'label', 'pattern']; got ['id', 'label']",
        ),
        (
            {"label": "MONEY", "pattern": []},
            "E006 pattern line needs keys ['id', 'label', 'pattern']; got ['label', 'pattern']",
        ),
        ({"id": "m1", "pattern": []}, "E006 pattern line needs keys ['id', 'label', 'pattern']; got ['id', 'pattern']"),
        ([1, 2], "E006 pattern line needs keys ['id', 'label', 'pattern']; got list"),
        (
            {**OK, "colour": 1, "size": 2},
            "E007 unknown key(s) ['colour', 'size'] in pattern; allowed: ['id', 'label', 'pattern', 'start_at', 'end_at', 'unit_from', 'note']",
        ),
        (
            {**OK, "label": "GPE"},
            "E016 unknown label 'GPE'; allowed: ['MONEY', 'RANGE', 'COUNT', 'WEAPON', 'ORG', 'DATE']",
        ),
        (
            {**OK, "label": "COUNTRY"},
            "E016 unknown label 'COUNTRY'; allowed: ['MONEY', 'RANGE', 'COUNT', 'WEAPON', 'ORG', 'DATE']",
        ),
        ({**OK, "id": "seen"}, "E036 pattern id 'seen' already used on line 7"),
        (
            {**OK, "pattern": [{"LEX": "colour"}]},
            "E008 LEX refers to unknown class 'colour'; known: ['currency', 'number', 'scale']",
        ),
        (
            {**OK, "pattern": [{"LEX": ["scale", "colour"]}]},
            "E008 LEX refers to unknown class 'colour'; known: ['currency', 'number', 'scale']",
        ),
        (
            {**OK, "start_at": "colour:2"},
            "E008 LEX refers to unknown class 'colour'; known: ['currency', 'number', 'scale']",
        ),
        (
            {**OK, "end_at": "colour"},
            "E008 LEX refers to unknown class 'colour'; known: ['currency', 'number', 'scale']",
        ),
        (
            {**OK, "pattern": {"LEX": "scale"}},
            "E008 LEX refers to unknown class '<pattern is not a list>'; known: ['currency', 'number', 'scale']",
        ),
        (
            {**OK, "unit_from": "elsewhere"},
            "E035 'elsewhere' is not an allowed value of 'unit_from'; allowed: ['sentence', 'following', 'nearest', 'previous', 'next']",
        ),
        ({**OK, "unit_from": None}, None),
    ],
)
def test_pattern_line_problems(data, message):
    assert patterns._problem(data, KNOWN, {"seen": 7}) == message


def test_e006_lists_every_key_found():
    assert patterns._problem({"id": 1, "b": 2, "a": 3}, KNOWN, {}).endswith("got ['a', 'b', 'id']")
    assert patterns._problem("text", KNOWN, {}).endswith("got str")
    assert ALL_KEYS  # the optional keys are those of PATTERN_KEYS_OPTIONAL
    assert patterns.PATTERN_KEYS_OPTIONAL == ("start_at", "end_at", "unit_from", "note")


def write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_lines_skip_blank_lines_and_report_bad_json(tmp_path):
    path = write(tmp_path, "x.jsonl", ['{"a": 1}', "", "   ", "{oops", "[2]"])
    found: list = []
    assert list(jsonl_lines(path, found)) == [(1, {"a": 1}), (5, [2])]
    assert [(p.line, p.message, p.path) for p in found] == [
        (4, "E005 invalid JSON: Expecting property name enclosed in double quotes", str(path))
    ]


def test_load_patterns_reads_every_file_in_order_with_sources_and_counts(tmp_path):
    lines = [
        json.dumps({**OK, "start_at": "number", "end_at": "scale", "unit_from": "sentence"}),
        json.dumps({"id": "c1", "label": "COUNT", "pattern": [{"LEX": "military_noun"}]}),
        json.dumps({**OK, "id": "m2"}),
        json.dumps({**OK, "id": "m1"}),
        json.dumps({**OK, "id": "m3", "label": "PERSON"}),
    ]
    write(tmp_path, "patterns/money.jsonl", lines)
    write(tmp_path, "patterns/date.jsonl", [json.dumps({"id": "d1", "label": "DATE", "pattern": [{"LEX": "year"}]})])
    write(tmp_path, "patterns/notes.txt", ["not read"])
    rules = RuleSet(root=tmp_path)
    rules.lexicons = {"scale": [], "currency": []}
    load_patterns(tmp_path, rules)
    assert rules.patterns == [
        PatternRule("d1", "DATE", [{"LEX": "year"}], None, None, "date.jsonl:1", None),
        PatternRule("m1", "MONEY", OK["pattern"], "number", "scale", "money.jsonl:1", "sentence"),
        PatternRule("m2", "MONEY", OK["pattern"], None, None, "money.jsonl:3", None),
    ]
    assert [(p.line, p.message[:4]) for p in rules.problems] == [(2, "E008"), (4, "E036"), (5, "E016")]
    assert rules.problems[1].message == "E036 pattern id 'm1' already used on line 1"
    assert rules.problems[0].path.endswith("money.jsonl")
    assert rules.counts == {"patterns/date.jsonl": 1, "patterns/money.jsonl": 2}


def test_load_patterns_knows_the_builtin_classes(tmp_path):
    builtins = ["number", "day", "year", "model_code", "country", "weapon", "org", "region"]
    write(
        tmp_path,
        "patterns/all.jsonl",
        [json.dumps({"id": n, "label": "DATE", "pattern": [{"LEX": n}]}) for n in builtins],
    )
    rules = RuleSet(root=tmp_path)
    load_patterns(tmp_path, rules)
    assert rules.problems == [] and [p.id for p in rules.patterns] == builtins


CLAUSE = {"RIGHT_ID": "clause", "RIGHT_ATTRS": {"POS": "VERB"}}
PARTY = {"LEFT_ID": "clause", "REL_OP": ">", "RIGHT_ID": "party", "RIGHT_ATTRS": {"DEP": "nsubj"}}
ARG = {"id": "a1", "kind": "subject", "pattern": [CLAUSE, PARTY]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (ARG, None),
        ({**ARG, "kind": "object", "note": "x"}, None),
        ({**ARG, "kind": "passive"}, None),
        ({"id": "a1", "kind": "subject"}, "E006 pattern line needs keys ['id', 'kind', 'pattern']; got ['id', 'kind']"),
        (
            {"kind": "subject", "pattern": []},
            "E006 pattern line needs keys ['id', 'kind', 'pattern']; got ['kind', 'pattern']",
        ),
        ({"id": "a1", "pattern": []}, "E006 pattern line needs keys ['id', 'kind', 'pattern']; got ['id', 'pattern']"),
        ("text", "E006 pattern line needs keys ['id', 'kind', 'pattern']; got str"),
        ({**ARG, "label": "x"}, "E007 unknown key(s) ['label'] in pattern; allowed: ['id', 'kind', 'pattern', 'note']"),
        (
            {**ARG, "kind": "agent"},
            "E035 'agent' is not an allowed value of 'kind'; allowed: ['subject', 'object', 'passive']",
        ),
        ({**ARG, "id": "seen"}, "E036 pattern id 'seen' already used on line 3"),
        ({**ARG, "pattern": []}, "E048 an argument pattern's first node must be named 'clause' and one node 'party'"),
        ({**ARG, "pattern": 5}, "E048 an argument pattern's first node must be named 'clause' and one node 'party'"),
        (
            {**ARG, "pattern": {"RIGHT_ID": "clause"}},
            "E048 an argument pattern's first node must be named 'clause' and one node 'party'",
        ),
        (
            {**ARG, "pattern": [PARTY, CLAUSE]},
            "E048 an argument pattern's first node must be named 'clause' and one node 'party'",
        ),
        (
            {**ARG, "pattern": [CLAUSE]},
            "E048 an argument pattern's first node must be named 'clause' and one node 'party'",
        ),
        (
            {**ARG, "pattern": [CLAUSE, "party"]},
            "E048 an argument pattern's first node must be named 'clause' and one node 'party'",
        ),
        (
            {**ARG, "pattern": [CLAUSE, {**PARTY, "REL_OP": "~"}]},
            "E049 not a DependencyMatcher pattern: node 2: unknown REL_OP '~'",
        ),
    ],
)
def test_argument_line_problems(data, message):
    assert arguments._problem(data, {"seen": 3}) == message


def test_load_arguments(tmp_path):
    lines = [
        json.dumps(ARG),
        "",
        json.dumps({**ARG, "kind": "agent"}),
        json.dumps({**ARG, "id": "a2", "kind": "object"}),
        json.dumps(ARG),
        "{oops",
    ]
    path = write(tmp_path, "deals/arguments.jsonl", lines)
    rules = RuleSet(root=tmp_path)
    load_arguments(tmp_path, rules)
    assert rules.arguments == [
        ArgumentPattern("a1", "subject", [CLAUSE, PARTY], "arguments.jsonl:1"),
        ArgumentPattern("a2", "object", [CLAUSE, PARTY], "arguments.jsonl:4"),
    ]
    assert [(p.line, p.message[:4]) for p in rules.problems] == [(3, "E035"), (5, "E036"), (6, "E005")]
    assert rules.problems[1].message == "E036 pattern id 'a1' already used on line 1"
    assert all(p.path == str(path) for p in rules.problems)
    assert rules.counts == {"deals/arguments.jsonl": 2}


def test_no_arguments_file_is_no_arguments(tmp_path):
    rules = RuleSet(root=tmp_path)
    load_arguments(tmp_path, rules)
    assert rules.arguments == [] and rules.problems == [] and rules.counts == {}

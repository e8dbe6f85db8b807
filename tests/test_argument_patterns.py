"""rules/deals/arguments.jsonl: the DependencyMatcher patterns that find a trigger's parties in
the parse are data a researcher tunes: each pattern is checked on load and changes the deals."""

from __future__ import annotations

import json
import shutil

import pytest

from extract.extractor import Extractor
from extract.rules import packaged_rules_dir, read_rules

ARGUMENTS = "deals/arguments.jsonl"

#: Wordings whose parties each pattern kind finds (default mode, with the parse).
WORDINGS = {
    "subject": (
        "Le Portugal a commandé cinq KC-390 en 2019. Les Pays-Bas en 2022, puis l'Autriche en 2023, ont à leur"
        " tour sélectionné l'appareil brésilien.",
        "subject",
        {("BRA", "PRT", "KC-390"), ("BRA", "NLD", "KC-390"), ("BRA", "AUT", "KC-390")},
    ),
    "object": (
        "Washington a évincé la Turquie du programme F-35.",
        "object-of-a-verb",
        {("USA", "TUR", "F-35")},
    ),
}


def _rules_without(tmp_path, pattern_id):
    rules = tmp_path / "rules"
    shutil.copytree(packaged_rules_dir(), rules)
    path = rules / ARGUMENTS
    kept = [line for line in path.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"] != pattern_id]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return rules


@pytest.mark.parametrize(("text", "pattern_id", "expected"), list(WORDINGS.values()), ids=list(WORDINGS))
def test_each_pattern_finds_its_party_and_removing_it_loses_it(extractor, tmp_path, text, pattern_id, expected):
    found = {(d.supplier, d.recipient, d.system) for d in extractor.extract_deals(text, date="2024-06")}
    assert found == expected
    without = Extractor(_rules_without(tmp_path, pattern_id))
    assert {(d.supplier, d.recipient, d.system) for d in without.extract_deals(text, date="2024-06")} != expected


def test_shipped_patterns_load():
    rules = read_rules()
    assert rules.problems == []
    assert {a.kind for a in rules.arguments} == {"subject", "object", "passive"}
    assert all(a.pattern[0]["RIGHT_ID"] == "clause" for a in rules.arguments)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('{"id": "x", "kind": "subject"}', "E006"),
        ('{"id": "x", "kind": "subject", "pattern": [], "extra": 1}', "E007"),
        (
            '{"id": "x", "kind": "agent", "pattern": [{"RIGHT_ID": "clause", "RIGHT_ATTRS": {}},'
            ' {"LEFT_ID": "clause", "REL_OP": ">", "RIGHT_ID": "party", "RIGHT_ATTRS": {"DEP": "obl"}}]}',
            "E035",
        ),
        ('{"id": "x", "kind": "subject", "pattern": [{"RIGHT_ID": "party", "RIGHT_ATTRS": {}}]}', "E048"),
        (
            '{"id": "x", "kind": "subject", "pattern": [{"RIGHT_ID": "clause", "RIGHT_ATTRS": {}},'
            ' {"LEFT_ID": "clause", "REL_OP": "~~", "RIGHT_ID": "party", "RIGHT_ATTRS": {}}]}',
            "E049",
        ),
        ('{"id": "subject", "kind": "subject", "pattern": [', "E005"),
    ],
    ids=["missing-key", "unknown-key", "unknown-kind", "no-clause-node", "bad-operator", "bad-json"],
)
def test_a_bad_pattern_is_reported_with_file_and_line(tmp_path, line, code):
    rules = tmp_path / "rules"
    shutil.copytree(packaged_rules_dir(), rules)
    path = rules / ARGUMENTS
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    expected_line = len(text.splitlines()) + 1
    problems = [str(p) for p in read_rules(rules).problems]
    assert any(f"arguments.jsonl:{expected_line}:" in p and code in p for p in problems), problems

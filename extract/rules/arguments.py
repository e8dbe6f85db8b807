"""deals/arguments.jsonl: spaCy DependencyMatcher patterns that find a trigger's parties in the parse.

Each line is `{"id", "kind", "pattern"[, "note"]}`: `pattern` is a DependencyMatcher pattern whose
first node (`RIGHT_ID` "clause") is a word of the trigger's clause and one node is named "party";
`kind` says what the party is (`subject`: takes the trigger's role; `object`: receives from an
outward trigger; `passive`: what is transferred, so no subject is looked for higher up).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extract.errors import Messages, RulesError
from extract.rules.dependency_check import dependency_pattern_problem
from extract.rules.model import ArgumentPattern, RuleSet
from extract.rules.patterns import jsonl_lines

ARGUMENTS_FILE = "deals/arguments.jsonl"
KEYS_REQUIRED = ("id", "kind", "pattern")
KEYS_OPTIONAL = ("note",)
ARGUMENT_KINDS = ("subject", "object", "passive")
#: the node names every pattern needs
CLAUSE_NODE, PARTY_NODE = "clause", "party"


def _problem(data: Any, ids: dict[str, int]) -> str | None:
    """What is wrong with one decoded line, if anything."""
    if not isinstance(data, dict) or any(k not in data for k in KEYS_REQUIRED):
        found = sorted(data) if isinstance(data, dict) else type(data).__name__
        return Messages.E006.format(required=list(KEYS_REQUIRED), found=found)
    unknown = [k for k in data if k not in KEYS_REQUIRED + KEYS_OPTIONAL]
    if unknown:
        return Messages.E007.format(keys=unknown, allowed=list(KEYS_REQUIRED + KEYS_OPTIONAL))
    if data["kind"] not in ARGUMENT_KINDS:
        return Messages.E035.format(value=data["kind"], column="kind", allowed=list(ARGUMENT_KINDS))
    if data["id"] in ids:
        return Messages.E036.format(id=data["id"], line=ids[data["id"]])
    pattern = data["pattern"]
    names = (
        [node.get("RIGHT_ID") if isinstance(node, dict) else None for node in pattern]
        if isinstance(pattern, list)
        else []
    )
    if not names or names[0] != CLAUSE_NODE or PARTY_NODE not in names:
        return Messages.E048.format(clause=CLAUSE_NODE, party=PARTY_NODE)
    problem = dependency_pattern_problem(pattern)  # spaCy's checks, without importing spaCy
    return Messages.E049.format(error=problem) if problem else None


def load_arguments(root: Path, rules: RuleSet) -> None:
    """Read deals/arguments.jsonl into `rules.arguments` (problems collected with their line)."""
    path = root / ARGUMENTS_FILE
    if not path.exists():
        return
    ids: dict[str, int] = {}
    for line_number, data in jsonl_lines(path, rules.problems):
        problem = _problem(data, ids)
        if problem:
            rules.problems.append(RulesError(path, line_number, problem))
            continue
        ids[data["id"]] = line_number
        rules.arguments.append(ArgumentPattern(data["id"], data["kind"], data["pattern"], f"{path.name}:{line_number}"))
    rules.counts[ARGUMENTS_FILE] = len(ids)

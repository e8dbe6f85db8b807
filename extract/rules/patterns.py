"""patterns/*.jsonl: spaCy Matcher patterns, one JSON object per line, checked key by key."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extract.errors import Messages, RulesError
from extract.labels import LABEL_SPECS
from extract.rules.model import PatternRule, RuleSet

PATTERN_KEYS_REQUIRED = ("id", "label", "pattern")
PATTERN_KEYS_OPTIONAL = ("start_at", "end_at", "unit_from", "note")
#: where a COUNT without its noun, or a MONEY without its currency, takes its unit
UNIT_SOURCES = ("sentence", "following", "nearest", "previous", "next")
#: word classes computed by code rather than listed: numbers, days, years, gazetteer labels
BUILTIN_CLASSES = ("number", "day", "year", "model_code", "country", "weapon", "org", "region")


def pattern_labels() -> list[str]:
    """Labels pattern lines may give: those with a normalizer (extract.labels)."""
    return [name for name, spec in LABEL_SPECS.items() if spec.normalizer]


def _problem(data: Any, known_classes: set[str], ids: dict[str, int]) -> str | None:
    """What is wrong with one decoded pattern line, if anything."""
    if not isinstance(data, dict) or any(k not in data for k in PATTERN_KEYS_REQUIRED):
        found = sorted(data) if isinstance(data, dict) else type(data).__name__
        return Messages.E006.format(required=list(PATTERN_KEYS_REQUIRED), found=found)
    unknown = [k for k in data if k not in PATTERN_KEYS_REQUIRED + PATTERN_KEYS_OPTIONAL]
    if unknown:
        return Messages.E007.format(keys=unknown, allowed=list(PATTERN_KEYS_REQUIRED + PATTERN_KEYS_OPTIONAL))
    if data["label"] not in pattern_labels():
        return Messages.E016.format(label=data["label"], allowed=pattern_labels())
    if data["id"] in ids:
        return Messages.E036.format(id=data["id"], line=ids[data["id"]])
    bad_class = _unknown_lex_class(data, known_classes)
    if bad_class:
        return Messages.E008.format(name=bad_class, known=sorted(known_classes))
    if data.get("unit_from") not in (None, *UNIT_SOURCES):
        return Messages.E035.format(value=data["unit_from"], column="unit_from", allowed=list(UNIT_SOURCES))
    return None


def _unknown_lex_class(data: dict[str, Any], known: set[str]) -> str | None:
    names: list[str] = [n.split(":")[0] for n in (data.get("start_at"), data.get("end_at")) if n]
    if not isinstance(data["pattern"], list):
        return "<pattern is not a list>"
    for token in data["pattern"]:
        if isinstance(token, dict) and "LEX" in token:
            lex = token["LEX"]
            names.extend(lex if isinstance(lex, list) else [lex])
    return next((str(name) for name in names if name not in known), None)


def jsonl_lines(path: Path, problems: list[RulesError]) -> Iterator[tuple[int, Any]]:
    """The decoded non-blank lines of a JSONL rules file with their numbers; a line that is not
    JSON is a problem (E005) and skipped."""
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield line_number, json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(RulesError(path, line_number, Messages.E005.format(error=error.msg)))


def load_patterns(root: Path, rules: RuleSet) -> None:
    """Every patterns/*.jsonl file; LEX classes must be lexicons or built-ins."""
    known_classes = set(BUILTIN_CLASSES) | set(rules.lexicons)
    for path in sorted((root / "patterns").glob("*.jsonl")):
        count = 0
        ids: dict[str, int] = {}
        for line_number, data in jsonl_lines(path, rules.problems):
            problem = _problem(data, known_classes, ids)
            if problem:
                rules.problems.append(RulesError(path, line_number, problem))
                continue
            ids[data["id"]] = line_number
            rules.patterns.append(
                PatternRule(
                    data["id"],
                    data["label"],
                    data["pattern"],
                    data.get("start_at"),
                    data.get("end_at"),
                    f"{path.name}:{line_number}",
                    data.get("unit_from"),
                )
            )
            count += 1
        rules.counts[f"patterns/{path.name}"] = count

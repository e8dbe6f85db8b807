"""Load and validate a rules folder, every file read through its declaration in the catalogue.

Everything a researcher tunes lives in `rules/` as CSV, JSONL and TOML. `read_rules` collects
every problem (with file and line) for `extract rules check`; `load_rules` raises the first.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.errors import Messages, RulesError
from extract.rules.arguments import load_arguments
from extract.rules.catalogue import RULE_FILES, plain_lexicon
from extract.rules.columns import PLACE_CUE_POSITIONS
from extract.rules.gazetteer import FormRegistry, add_countries, add_named
from extract.rules.model import DealCue, FurniturePattern, LexiconEntry, RuleSet
from extract.rules.patterns import load_patterns
from extract.rules.schema import RuleFile, read_rows
from extract.textnorm import fold

#: token shapes rules/shapes.toml must define
SHAPE_NAMES = ("model_code_token", "model_code", "type_number", "day", "year")


def packaged_rules_dir() -> Path:
    """The rules shipped with the package (wheel: extract/data/rules) or beside it (checkout)."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "data" / "rules", package.parent / "rules"):
        if (candidate / "patterns").is_dir():
            return candidate
    raise RulesError(package / "data" / "rules", None, Messages.E014)


def cue_words(cue: str) -> tuple[str, ...]:
    """Folded words of a cue, split as the tokenizer splits elisions: "appel d'offres" -> appel, d', offres."""
    return tuple(re.findall(r"[^\s']+'?|'", fold(cue)))


def furniture_key(line: str) -> str:
    """How a line is compared with the furniture labels: folded, spaces collapsed, no final colon."""
    return " ".join(fold(line).split()).rstrip(" :")


def _add_lexicon(rules: RuleSet, spec: RuleFile, path: Path, rows: list[tuple[int, dict[str, Any]]]) -> None:
    entries = rules.lexicons.setdefault(spec.name, [])
    claimed: dict[str, int] = {}
    for line, row in rows:
        key = fold(row["form"])
        if key in claimed:
            second = f"line {line}"
            rules.problems.append(
                RulesError(
                    path, line, Messages.E012.format(form=row["form"], first=f"line {claimed[key]}", second=second)
                )
            )
            continue
        claimed[key] = line
        assert spec.value is not None
        entries.append(LexiconEntry(row["form"], spec.value(row), f"{path.name}:{line}"))


def _add_rows(rules: RuleSet, registry: FormRegistry, spec: RuleFile, path: Path) -> int:
    """Read one declared file into the RuleSet; returns how many items it gave."""
    rows = list(read_rows(path, spec, rules.problems))
    target = spec.target
    if target == "lexicon":
        _add_lexicon(rules, spec, path, rows)
        return len(rules.lexicons[spec.name])
    if target == "countries":
        add_countries(rules, registry, path, rows)
        return rules.counts["gazetteers/countries.csv"]
    elif target == "gazetteer":
        add_named(rules, registry, spec, path, rows)
        return rules.counts[spec.path]
    elif target in ("words", "folded_words"):
        forms = frozenset(fold(row["form"]) if target == "folded_words" else row["form"] for _, row in rows)
        setattr(rules, spec.name, forms)
        return len(forms)
    elif target == "place_cues":
        cues: dict[str, set[str]] = {where: set() for where in PLACE_CUE_POSITIONS}
        for _, row in rows:
            cues[row["where"]].add(fold(row["form"]))
        rules.capital_place_cues = {where: frozenset(words) for where, words in cues.items()}
        return sum(len(words) for words in cues.values())
    elif target == "demonym_prefixes":
        rules.demonym_prefixes.update({fold(row["prefix"]): row["iso3"] for _, row in rows})
        return len(rules.demonym_prefixes)
    elif target == "deal_cues":
        rules.deal_cues.setdefault(spec.name, []).extend(
            DealCue(
                cue_words(row["cue"]),
                row[spec.kind_column] or "",
                row.get("direction") or "",
                f"{path.name}:{line}",
                row.get("unstaged") or "",
            )
            for line, row in rows
        )
    elif target == "anaphors":
        kinds: dict[str, set[str]] = {}
        for _, row in rows:
            kinds.setdefault(row["kind"], set()).add(fold(row["form"]))
        rules.anaphors = {kind: frozenset(words) for kind, words in kinds.items()}
    elif target == "future_stages":
        rules.future_stages.update({row["status"]: row["becomes"] for _, row in rows})
    elif target == "furniture_labels":
        rules.furniture_labels.update({furniture_key(row["form"]): row["kind"] for _, row in rows})
    elif target == "furniture":
        getattr(rules, spec.name).extend(
            FurniturePattern(row["pattern"], row["kind"], f"{path.name}:{line}") for line, row in rows
        )
    return len(rows)


def _declared_files(root: Path) -> list[RuleFile]:
    """The catalogue, plus a plain declaration for each unlisted lexicon file."""
    listed = {spec.path for spec in RULE_FILES}
    extra = [
        plain_lexicon(path.name)
        for path in sorted((root / "lexicons").glob("*.csv"))
        if f"lexicons/{path.name}" not in listed
    ]
    lexicons = [spec for spec in RULE_FILES if spec.target == "lexicon"]
    return lexicons + extra + [spec for spec in RULE_FILES if spec.target != "lexicon"]


def _read_toml(path: Path, rules: RuleSet) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        rules.problems.append(RulesError(path, None, Messages.E017.format(error=error)))
        return {}


def _load_shapes(root: Path, rules: RuleSet) -> None:
    path = root / "shapes.toml"
    data = _read_toml(path, rules)
    shapes = data.get("shapes", {})
    for name in SHAPE_NAMES:
        if name not in shapes:
            rules.problems.append(RulesError(path, None, Messages.E039.format(name=name)))
            continue
        try:
            rules.shapes[name] = re.compile(shapes[name])
        except (re.error, TypeError) as error:
            rules.problems.append(RulesError(path, None, Messages.E019.format(error=f"{name}: {error}")))
    rules.period_prefixes = tuple(data.get("tokenizer", {}).get("period_prefixes", ()))


def read_rules(rules_dir: Path | str | None = None) -> RuleSet:
    """Load a rules folder, collecting every problem instead of stopping at the first."""
    root = Path(rules_dir) if rules_dir else packaged_rules_dir()
    if not (root / "patterns").is_dir():
        raise RulesError(root, None, Messages.E014)
    rules = RuleSet(root=root.resolve())
    rules.settings = _read_toml(root / "settings.toml", rules)
    _load_shapes(root, rules)
    registry = FormRegistry(rules.problems)
    for spec in _declared_files(root):
        path = root / spec.path
        if path.exists():
            count = _add_rows(rules, registry, spec, path)
            if spec.target != "source":
                rules.counts[spec.path] = count
    load_patterns(root, rules)
    load_arguments(root, rules)
    return rules


def load_rules(rules_dir: str | Path | None = None) -> RuleSet:
    """Load a rules folder for extraction; the first problem found is raised.

    Loaded once per folder state: an edited file (new modification time or size) is read again.
    """
    root = Path(rules_dir) if rules_dir else packaged_rules_dir()
    if not root.is_dir():
        raise RulesError(root, None, Messages.E014)
    state = tuple(
        (str(path), stat.st_mtime_ns, stat.st_size)
        for path in sorted(root.rglob("*"))
        if path.is_file() and (stat := path.stat())
    )
    return _load_checked(str(root), state)


@lru_cache(maxsize=8)
def _load_checked(root: str, state: tuple[tuple[str, int, int], ...]) -> RuleSet:
    rules = read_rules(root)
    if rules.problems:
        raise rules.problems[0]
    return rules

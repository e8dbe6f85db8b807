"""Load and validate the rules folder: lexicons, gazetteers, patterns, settings.

Everything a researcher tunes lives in `rules/` as CSV, JSONL and TOML. This module
turns it into plain Python objects and reports every problem with file and line.
"""

from __future__ import annotations

import csv
import json
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from extract.errors import Messages, RulesError
from extract.labels import LABEL_SPECS
from extract.textnorm import fold

WEAPON_CATEGORIES = (
    "aircraft",
    "air defence system",
    "anti-submarine weapon",
    "armoured vehicle",
    "artillery",
    "engine",
    "missile",
    "naval weapon",
    "satellite",
    "sensor",
    "ship",
    "other",
)
ORG_KINDS = ("manufacturer", "agency", "ministry", "armed_force", "parliament", "other")
UNIT_KINDS = ("", "group", "item")
APPROX_MEANINGS = ("about", "at_least", "at_most", "up_to")
ALIAS_SEPARATOR = "|"


def packaged_rules_dir() -> Path:
    """The rules shipped with the package (wheel) or sitting next to it (checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if (candidate / "patterns").is_dir():
            return candidate
    raise RulesError(here / "rules", None, Messages.E014)


@dataclass(frozen=True)
class LexiconEntry:
    """One word-class form: 'milliards' is a scale of 10^9."""

    form: str
    value: Any
    source: str


@dataclass(frozen=True)
class GazetteerEntry:
    """One written form of a named entity and what it normalizes to."""

    label: str
    form: str
    value: str
    unit: str
    kind: str
    rule_id: str
    source: str
    country: str = ""
    entity_kind: str = ""
    #: a weapon variant's family designation ('Gripen E' -> 'JAS 39 Gripen'); a family is its own
    family: str = ""


@dataclass(frozen=True)
class DealCue:
    """A word or phrase that tells a deal's stage, direction, hedging or a non-deal amount.

    `words` are folded tokens; a word ending in '*' matches any token starting with it.
    """

    words: tuple[str, ...]
    kind: str
    direction: str
    source: str


@dataclass(frozen=True)
class PatternRule:
    """One spaCy Matcher pattern line, with the LEX macros still unexpanded."""

    id: str
    label: str
    pattern: list[dict[str, Any]]
    start_at: str | None
    end_at: str | None
    source: str
    #: "sentence": a count whose noun is elided takes the unit of the sentence's system or noun
    unit_from: str | None = None


@dataclass(frozen=True)
class FurniturePattern:
    """A page-furniture line shape: a regular expression the whole (stripped) line matches."""

    regex: re.Pattern[str]
    kind: str
    source: str


@dataclass
class RuleSet:
    """Everything loaded from one rules folder."""

    root: Path
    settings: dict[str, Any] = field(default_factory=dict)
    lexicons: dict[str, list[LexiconEntry]] = field(default_factory=dict)
    gazetteer: list[GazetteerEntry] = field(default_factory=list)
    patterns: list[PatternRule] = field(default_factory=list)
    deal_cues: dict[str, list[DealCue]] = field(default_factory=dict)
    demonym_blockers: frozenset[str] = frozenset()
    not_designations: frozenset[str] = frozenset()
    keep_case: frozenset[str] = frozenset()
    #: where ('before', 'after', 'of') -> folded words that make a capital a place
    capital_place_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    demonym_prefixes: dict[str, str] = field(default_factory=dict)
    furniture_labels: dict[str, str] = field(default_factory=dict)
    furniture_patterns: list[FurniturePattern] = field(default_factory=list)
    furniture_inline: list[FurniturePattern] = field(default_factory=list)
    problems: list[RulesError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def lexicon_values(self, name: str) -> dict[str, Any]:
        """Folded form -> value for one lexicon."""
        return {fold(entry.form): entry.value for entry in self.lexicons.get(name, [])}

    def setting(self, section: str, key: str, default: Any) -> Any:
        """A value of rules/settings.toml, or the default."""
        return self.settings.get(section, {}).get(key, default)


@dataclass(frozen=True)
class MilitaryNoun:
    """A counted noun: its lemma (the COUNT unit) and the SIPRI category it suggests."""

    lemma: str
    category: str
    #: before a named system, counts it: 'group' ("trois batteries de Patriot" -> unit "batterie
    #: Patriot") or 'item' ("huit exemplaires du Rafale" -> unit "Rafale"); '' otherwise
    unit: str = ""

    def __str__(self) -> str:
        return self.lemma


# --- reading helpers -------------------------------------------------------------


def _read_csv(
    path: Path, required: list[str], optional: list[str], problems: list[RulesError]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a rules CSV with their line numbers; header problems are reported."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        problems.append(RulesError(path, None, Messages.E025.format(error=error)))
        return
    with handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [c for c in required if c not in header]
        unknown = [c for c in header if c not in required + optional]
        if missing:
            problems.append(RulesError(path, 1, Messages.E002.format(missing=missing)))
            return
        if unknown:
            problems.append(RulesError(path, 1, Messages.E001.format(found=unknown, expected=required + optional)))
        seen: dict[tuple[str, ...], int] = {}
        for row in reader:
            line = reader.line_num
            values = {k: (v or "").strip() for k, v in row.items() if k is not None}
            key = tuple(values.get(c, "") for c in header)
            if not any(key):
                continue
            if key in seen:
                problems.append(RulesError(path, line, Messages.E013.format(line=seen[key])))
                continue
            seen[key] = line
            empty = [c for c in required if not values.get(c)]
            if empty:
                problems.append(RulesError(path, line, Messages.E003.format(column=empty[0])))
                continue
            yield line, values


def _decimal(path: Path, line: int, column: str, text: str, problems: list[RulesError]) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        problems.append(RulesError(path, line, Messages.E004.format(value=text, column=column)))
        return None


@lru_cache(maxsize=1)
def _iso3_codes() -> frozenset[str]:
    return frozenset(country.alpha_3 for country in pycountry.countries)


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    return frozenset(currency.alpha_3 for currency in pycountry.currencies)


def _check_iso3(path: Path, line: int, code: str, problems: list[RulesError]) -> bool:
    if code in _iso3_codes():
        return True
    problems.append(RulesError(path, line, Messages.E010.format(value=code)))
    return False


# --- lexicons ----------------------------------------------------------------------

LexiconParser = Callable[[Path, int, dict[str, str], list[RulesError]], Any]


def _parse_currency(path: Path, line: int, row: dict[str, str], problems: list[RulesError]) -> Any:
    """One ISO 4217 code, or several ('couronnes' -> CZK|SEK|DKK|NOK): the article's countries decide."""
    codes = tuple(code.strip() for code in row["code"].split(ALIAS_SEPARATOR))
    for code in codes:
        if code not in _currency_codes():
            problems.append(RulesError(path, line, Messages.E015.format(value=code)))
            return None
    return codes[0] if len(codes) == 1 else codes


def _parse_scaled_currency(path: Path, line: int, row: dict[str, str], problems: list[RulesError]) -> Any:
    factor = _decimal(path, line, "factor", row["factor"], problems)
    code = _parse_currency(path, line, row, problems)
    if factor is None or code is None:
        return None
    return (factor, code)


def _parse_number_noun(path: Path, line: int, row: dict[str, str], problems: list[RulesError]) -> Any:
    return int(row["value"]) if row.get("value", "").isdigit() else ""


def _parse_approx(path: Path, line: int, row: dict[str, str], problems: list[RulesError]) -> Any:
    if row["meaning"] not in APPROX_MEANINGS:
        problems.append(
            RulesError(
                path, line, Messages.E035.format(value=row["meaning"], column="meaning", allowed=list(APPROX_MEANINGS))
            )
        )
        return None
    return row["meaning"]


def _parse_month(path: Path, line: int, row: dict[str, str], problems: list[RulesError]) -> Any:
    if not row["month"].isdigit() or not 1 <= int(row["month"]) <= 12:
        problems.append(
            RulesError(path, line, Messages.E035.format(value=row["month"], column="month", allowed="1-12"))
        )
        return None
    return int(row["month"])


def _parse_relative(path: Path, line: int, row: dict[str, str], problems: list[RulesError]) -> Any:
    try:
        offset = int(row["offset"])
    except ValueError:
        problems.append(RulesError(path, line, Messages.E004.format(value=row["offset"], column="offset")))
        return None
    if row["period"] not in ("year", "month"):
        problems.append(
            RulesError(
                path, line, Messages.E035.format(value=row["period"], column="period", allowed=["year", "month"])
            )
        )
        return None
    return (row["period"], offset)


def _parse_military_noun(path: Path, line: int, row: dict[str, str], problems: list[RulesError]) -> Any:
    if row["category"] not in WEAPON_CATEGORIES:
        problems.append(
            RulesError(path, line, Messages.E011.format(value=row["category"], allowed=list(WEAPON_CATEGORIES)))
        )
        return None
    if row.get("unit", "") not in UNIT_KINDS:
        problems.append(
            RulesError(path, line, Messages.E035.format(value=row["unit"], column="unit", allowed=list(UNIT_KINDS)))
        )
        return None
    return MilitaryNoun(row["lemma"], row["category"], unit=row.get("unit", ""))


@dataclass(frozen=True)
class DistanceUnit:
    """A distance unit: its length in km, and whether it needs a range noun before it
    ('une portée de 800 mètres' is a range, 'un navire de 62 mètres' is not)."""

    km: Decimal
    needs_context: bool = False


def _parse_distance_unit(path: Path, line: int, row: dict[str, str], problems: list[RulesError]) -> Any:
    km = _decimal(path, line, "km", row["km"], problems)
    return None if km is None else DistanceUnit(km, row.get("needs_context", "") == "yes")


def _parse_institution(path: Path, line: int, row: dict[str, str], problems: list[RulesError]) -> Any:
    if row["kind"] not in ORG_KINDS:
        problems.append(RulesError(path, line, Messages.E034.format(value=row["kind"], allowed=list(ORG_KINDS))))
        return None
    return (row["kind"], row.get("alone", "") == "yes")


def _parse_unit_noun(path: Path, line: int, row: dict[str, str], problems: list[RulesError]) -> Any:
    if row.get("unit") not in ("group", "item"):
        problems.append(
            RulesError(
                path, line, Messages.E035.format(value=row.get("unit"), column="unit", allowed=["group", "item"])
            )
        )
        return None
    return MilitaryNoun(row["lemma"], "other", unit=row["unit"])


def _column_parser(column: str, numeric: bool = False) -> LexiconParser:
    def parse(path: Path, line: int, row: dict[str, str], problems: list[RulesError]) -> Any:
        if numeric:
            return _decimal(path, line, column, row[column], problems)
        return row[column]

    return parse


#: file name -> (word class used in patterns as {"LEX": class}, required columns, parser)
LEXICON_SPECS: dict[str, tuple[str, list[str], LexiconParser]] = {
    "currencies.csv": ("currency", ["form", "code"], _parse_currency),
    "scales.csv": ("scale", ["form", "factor"], _column_parser("factor", numeric=True)),
    "scaled_currencies.csv": ("scaled_currency", ["form", "factor", "code"], _parse_scaled_currency),
    "number_nouns.csv": ("number_noun", ["form"], _parse_number_noun),
    "approx_cues.csv": ("approx", ["form", "meaning"], _parse_approx),
    "distance_units.csv": ("distance_unit", ["form", "km"], _parse_distance_unit),
    "months.csv": ("month", ["form", "month"], _parse_month),
    "relative_dates.csv": ("relative_date", ["form", "period", "offset"], _parse_relative),
    "military_nouns.csv": ("military_noun", ["form", "lemma", "category"], _parse_military_noun),
    "unit_nouns.csv": ("unit_noun", ["form", "lemma", "unit"], _parse_unit_noun),
    "institutions.csv": ("institutions", ["form", "kind"], _parse_institution),
}
#: word classes computed by code rather than listed: numbers, days, years, gazetteer labels
BUILTIN_CLASSES = ("number", "day", "year", "model_code", "country", "weapon", "org", "region")


def _load_lexicons(root: Path, rules: RuleSet) -> None:
    folder = root / "lexicons"
    for path in sorted(folder.glob("*.csv")):
        name, required, parser = LEXICON_SPECS.get(path.name, (path.stem, ["form", "value"], _column_parser("value")))
        optional = {
            "number_nouns.csv": ["value", "note"],
            "military_nouns.csv": ["unit", "note"],
            "distance_units.csv": ["needs_context", "note"],
            "institutions.csv": ["alone", "note"],
        }.get(path.name, ["note"])
        entries = rules.lexicons.setdefault(name, [])
        claimed: dict[str, int] = {}
        for line, row in _read_csv(path, required, optional, rules.problems):
            key = fold(row["form"])
            if key in claimed:
                rules.problems.append(
                    RulesError(
                        path,
                        line,
                        Messages.E012.format(form=row["form"], first=f"line {claimed[key]}", second=f"line {line}"),
                    )
                )
                continue
            value = parser(path, line, row, rules.problems)
            if value is None:
                continue
            claimed[key] = line
            entries.append(LexiconEntry(row["form"], value, f"{path.name}:{line}"))
        rules.counts[f"lexicons/{path.name}"] = len(entries)


# --- gazetteers --------------------------------------------------------------------


def _split_aliases(text: str) -> list[str]:
    return [alias.strip() for alias in text.split(ALIAS_SEPARATOR) if alias.strip()]


class _FormRegistry:
    """Refuses one written form claimed by two different entities of the same label."""

    def __init__(self, problems: list[RulesError]) -> None:
        self.owner: dict[tuple[str, str], tuple[str, str]] = {}
        self.problems = problems

    def claim(self, label: str, form: str, value: str, path: Path, line: int) -> bool:
        key = (label, form if any(c.isupper() for c in form) else fold(form))
        owner = self.owner.get(key)
        if owner is None:
            self.owner[key] = (value, f"{path.name}:{line}")
            return True
        if owner[0] != value:
            self.problems.append(
                RulesError(path, line, Messages.E012.format(form=form, first=f"{owner[0]} ({owner[1]})", second=value))
            )
        return False


def _load_countries(root: Path, rules: RuleSet, registry: _FormRegistry) -> None:
    path = root / "gazetteers" / "countries.csv"
    if not path.exists():
        return
    use_capitals = bool(rules.setting("countries", "capitals", True))
    count = 0
    for line, row in _read_csv(path, ["iso3", "form", "kind"], ["source"], rules.problems):
        if not _check_iso3(path, line, row["iso3"], rules.problems):
            continue
        if row["kind"] == "capital" and not use_capitals:
            continue
        if registry.claim("COUNTRY", row["form"], row["iso3"], path, line):
            rules.gazetteer.append(
                GazetteerEntry(
                    "COUNTRY",
                    row["form"],
                    row["iso3"],
                    "",
                    row["kind"],
                    f"country:{row['iso3']}:{row['kind']}",
                    f"{path.name}:{line}",
                    country=row["iso3"],
                )
            )
            count += 1
    rules.counts["gazetteers/countries.csv"] = count


def _load_named(
    root: Path,
    rules: RuleSet,
    registry: _FormRegistry,
    file_name: str,
    label: str,
    columns: tuple[str, str, list[str]],
    check: Callable[[Path, int, dict[str, str]], bool],
    unit_column: str | None,
    country_column: str | None = None,
) -> None:
    """Gazetteers with one row per entity: canonical name + '|'-separated aliases."""
    path = root / "gazetteers" / file_name
    if not path.exists():
        return
    name_column, alias_column, optional = columns
    rows = list(_read_csv(path, [name_column], [alias_column, *optional], rules.problems))
    if "family" in optional:
        rows = _inherit_from_family(path, rows, name_column, rules.problems)
    entities = 0
    for line, row in rows:
        if not check(path, line, row):
            continue
        value = row[name_column]
        unit = row.get(unit_column, "") if unit_column else ""
        kind_base = row.get("kind", "") or label.lower()
        forms = [(value, "name")] + [(alias, "alias") for alias in _split_aliases(row.get(alias_column, ""))]
        for form, form_kind in forms:
            if registry.claim(label, form, value, path, line):
                rules.gazetteer.append(
                    GazetteerEntry(
                        label,
                        form,
                        value,
                        unit,
                        form_kind if label != "REGION" else kind_base,
                        f"{label.lower()}:{value}",
                        f"{path.name}:{line}",
                        country=row.get(country_column, "") if country_column else "",
                        entity_kind=row.get("kind", ""),
                        family=row.get("family", "") or (value if label == "WEAPON" else ""),
                    )
                )
        entities += 1
    rules.counts[f"gazetteers/{file_name}"] = entities


#: Columns a variant row ('Gripen E', family 'JAS 39 Gripen') takes from its family when empty.
INHERITED_COLUMNS = ("category", "origin", "manufacturer")


def _inherit_from_family(
    path: Path, rows: list[tuple[int, dict[str, str]]], name_column: str, problems: list[RulesError]
) -> list[tuple[int, dict[str, str]]]:
    """Variant rows name their family; empty category, origin and manufacturer come from it."""
    by_name = {row[name_column]: row for _, row in rows}
    kept = []
    for line, row in rows:
        family_name = row.get("family", "")
        if family_name:
            family = by_name.get(family_name)
            if family is None or family.get("family"):
                problems.append(RulesError(path, line, Messages.E033.format(value=family_name)))
                continue
            row = {**row, **{c: family.get(c, "") for c in INHERITED_COLUMNS if not row.get(c)}}
        kept.append((line, row))
    return kept


def _check_weapon(rules: RuleSet) -> Callable[[Path, int, dict[str, str]], bool]:
    def check(path: Path, line: int, row: dict[str, str]) -> bool:
        ok = True
        if row.get("category") not in WEAPON_CATEGORIES:
            rules.problems.append(
                RulesError(path, line, Messages.E011.format(value=row.get("category"), allowed=list(WEAPON_CATEGORIES)))
            )
            ok = False
        if row.get("origin") and not _check_iso3(path, line, row["origin"], rules.problems):
            ok = False
        return ok

    return check


def _check_org(rules: RuleSet) -> Callable[[Path, int, dict[str, str]], bool]:
    def check(path: Path, line: int, row: dict[str, str]) -> bool:
        if row.get("kind") and row["kind"] not in ORG_KINDS:
            rules.problems.append(
                RulesError(path, line, Messages.E034.format(value=row["kind"], allowed=list(ORG_KINDS)))
            )
            return False
        return not row.get("country") or _check_iso3(path, line, row["country"], rules.problems)

    return check


def _load_word_set(path: Path, rules: RuleSet, *, folded: bool) -> frozenset[str]:
    """The `form` column of a one-list file ('en' before 'français' means a language)."""
    if not path.exists():
        return frozenset()
    forms = {
        fold(row["form"]) if folded else row["form"]
        for _, row in _read_csv(path, ["form"], ["reason", "note"], rules.problems)
    }
    rules.counts[f"gazetteers/{path.name}"] = len(forms)
    return frozenset(forms)


#: Where a word of capital_place_cues.csv stands: before 'à <capital>' (up to 5 words), after the
#: capital (up to 15 words), or right before 'de <capital>'.
PLACE_CUE_POSITIONS = ("before", "after", "of")


def _load_capital_place_cues(path: Path, rules: RuleSet) -> None:
    if not path.exists():
        return
    cues: dict[str, set[str]] = {where: set() for where in PLACE_CUE_POSITIONS}
    for line, row in _read_csv(path, ["form"], ["where", "reason", "note"], rules.problems):
        where = row.get("where") or "before"
        if where not in PLACE_CUE_POSITIONS:
            rules.problems.append(
                RulesError(
                    path, line, Messages.E035.format(value=where, column="where", allowed=list(PLACE_CUE_POSITIONS))
                )
            )
            continue
        cues[where].add(fold(row["form"]))
    rules.capital_place_cues = {where: frozenset(words) for where, words in cues.items()}
    rules.counts[f"gazetteers/{path.name}"] = sum(len(words) for words in cues.values())


def _load_demonym_prefixes(path: Path, rules: RuleSet) -> None:
    """'franco' -> FRA: first parts of compound adjectives ('franco-allemand')."""
    if not path.exists():
        return
    for line, row in _read_csv(path, ["iso3", "prefix"], ["note"], rules.problems):
        if _check_iso3(path, line, row["iso3"], rules.problems):
            rules.demonym_prefixes[fold(row["prefix"])] = row["iso3"]
    rules.counts[f"gazetteers/{path.name}"] = len(rules.demonym_prefixes)


def _load_gazetteers(root: Path, rules: RuleSet) -> None:
    rules.demonym_blockers = _load_word_set(root / "gazetteers" / "demonym_blockers.csv", rules, folded=True)
    rules.not_designations = _load_word_set(root / "gazetteers" / "not_designations.csv", rules, folded=False)
    rules.keep_case = _load_word_set(root / "gazetteers" / "keep_case.csv", rules, folded=False)
    _load_capital_place_cues(root / "gazetteers" / "capital_place_cues.csv", rules)
    _load_demonym_prefixes(root / "gazetteers" / "demonym_prefixes.csv", rules)
    registry = _FormRegistry(rules.problems)
    _load_countries(root, rules, registry)
    _load_named(
        root,
        rules,
        registry,
        "weapons.csv",
        "WEAPON",
        ("designation", "aliases", ["category", "origin", "manufacturer", "family", "note"]),
        _check_weapon(rules),
        "category",
        "origin",
    )
    _load_named(
        root,
        rules,
        registry,
        "orgs.csv",
        "ORG",
        ("name", "aliases", ["kind", "country", "note"]),
        _check_org(rules),
        None,
        "country",
    )
    _load_named(
        root,
        rules,
        registry,
        "regions.csv",
        "REGION",
        ("name", "aliases", ["kind", "note"]),
        lambda path, line, row: True,
        None,
    )


# --- patterns ----------------------------------------------------------------------


def pattern_labels() -> list[str]:
    """Labels pattern lines may give: those with a normalizer (extract.labels)."""
    return [name for name, spec in LABEL_SPECS.items() if spec.normalizer]


PATTERN_KEYS_REQUIRED = ("id", "label", "pattern")
PATTERN_KEYS_OPTIONAL = ("start_at", "end_at", "unit_from", "note")
UNIT_SOURCES = ("sentence", "following", "nearest", "previous", "next")


def _load_patterns(root: Path, rules: RuleSet) -> None:
    known_classes = set(BUILTIN_CLASSES) | set(rules.lexicons)
    for path in sorted((root / "patterns").glob("*.jsonl")):
        count = 0
        ids: dict[str, int] = {}
        for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                rules.problems.append(RulesError(path, line_number, Messages.E005.format(error=error.msg)))
                continue
            if not isinstance(data, dict) or any(k not in data for k in PATTERN_KEYS_REQUIRED):
                found = sorted(data) if isinstance(data, dict) else type(data).__name__
                rules.problems.append(
                    RulesError(
                        path, line_number, Messages.E006.format(required=list(PATTERN_KEYS_REQUIRED), found=found)
                    )
                )
                continue
            unknown = [k for k in data if k not in PATTERN_KEYS_REQUIRED + PATTERN_KEYS_OPTIONAL]
            if unknown:
                rules.problems.append(
                    RulesError(
                        path,
                        line_number,
                        Messages.E007.format(keys=unknown, allowed=list(PATTERN_KEYS_REQUIRED + PATTERN_KEYS_OPTIONAL)),
                    )
                )
                continue
            if data["label"] not in pattern_labels():
                rules.problems.append(
                    RulesError(path, line_number, Messages.E016.format(label=data["label"], allowed=pattern_labels()))
                )
                continue
            if data["id"] in ids:
                rules.problems.append(
                    RulesError(path, line_number, Messages.E036.format(id=data["id"], line=ids[data["id"]]))
                )
                continue
            bad_class = _unknown_lex_class(data, known_classes)
            if bad_class:
                rules.problems.append(
                    RulesError(path, line_number, Messages.E008.format(name=bad_class, known=sorted(known_classes)))
                )
                continue
            if data.get("unit_from") not in (None, *UNIT_SOURCES):
                rules.problems.append(
                    RulesError(
                        path,
                        line_number,
                        Messages.E035.format(value=data["unit_from"], column="unit_from", allowed=list(UNIT_SOURCES)),
                    )
                )
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


def _unknown_lex_class(data: dict[str, Any], known: set[str]) -> str | None:
    names: list[str] = [n.split(":")[0] for n in (data.get("start_at"), data.get("end_at")) if n]
    if not isinstance(data["pattern"], list):
        return "<pattern is not a list>"
    for token in data["pattern"]:
        if isinstance(token, dict) and "LEX" in token:
            lex = token["LEX"]
            names.extend(lex if isinstance(lex, list) else [lex])
    for name in names:
        if name not in known:
            return str(name)
    return None


# --- deal cues ----------------------------------------------------------------------

DEAL_STATUSES = ("approved", "ordered", "delivered", "negotiating", "donated", "other")
DEAL_CUE_FILES: dict[str, tuple[list[str], str, tuple[str, ...]]] = {
    # file -> (required columns, column holding the kind, allowed kinds)
    "triggers.csv": (["cue"], "status", (*DEAL_STATUSES, "", "none")),
    "hedges.csv": (["cue", "kind"], "kind", ("conditional", "attribution", "denial")),
    "value_exclusions.csv": (["cue", "kind"], "kind", ()),
    "armed_forces.csv": (["cue", "kind"], "kind", ()),
    "role_phrases.csv": (["cue", "kind"], "kind", ("supplier", "recipient")),
}
DIRECTIONS = ("in", "out", "")


def cue_words(cue: str) -> tuple[str, ...]:
    """Folded words of a cue, split as the tokenizer splits elisions: "appel d'offres" -> appel, d', offres."""
    return tuple(re.findall(r"[^\s']+'?|'", fold(cue)))


def _load_deal_cues(root: Path, rules: RuleSet) -> None:
    for file_name, (required, kind_column, allowed) in DEAL_CUE_FILES.items():
        path = root / "deals" / file_name
        if not path.exists():
            continue
        cues = rules.deal_cues.setdefault(path.stem, [])
        optional = ["status", "direction", "kind", "note"]
        for line, row in _read_csv(path, required, [c for c in optional if c not in required], rules.problems):
            kind = row.get(kind_column, "")
            if allowed and kind not in allowed:
                rules.problems.append(
                    RulesError(
                        path,
                        line,
                        Messages.E035.format(value=kind, column=kind_column, allowed=[a for a in allowed if a]),
                    )
                )
                continue
            if row.get("direction", "") not in DIRECTIONS:
                rules.problems.append(
                    RulesError(
                        path,
                        line,
                        Messages.E035.format(value=row["direction"], column="direction", allowed=["in", "out", ""]),
                    )
                )
                continue
            cues.append(DealCue(cue_words(row["cue"]), kind, row.get("direction", ""), f"{file_name}:{line}"))
        rules.counts[f"deals/{file_name}"] = len(cues)


# --- page furniture -------------------------------------------------------------------

FURNITURE_KINDS = (
    "section",
    "credit",
    "byline",
    "update_stamp",
    "schedule",
    "reading_time",
    "related",
    "ad",
    "share",
    "slogan",
    "other",
)


def furniture_key(line: str) -> str:
    """How a line is compared with the furniture labels: folded, spaces collapsed, no final colon."""
    return " ".join(fold(line).split()).rstrip(" :")


def _check_furniture_kind(path: Path, line: int, kind: str, problems: list[RulesError]) -> bool:
    if kind in FURNITURE_KINDS:
        return True
    problems.append(RulesError(path, line, Messages.E018.format(value=kind, allowed=list(FURNITURE_KINDS))))
    return False


def _load_furniture(root: Path, rules: RuleSet) -> None:
    folder = root / "furniture"
    labels = folder / "labels.csv"
    if labels.exists():
        for line, row in _read_csv(labels, ["form", "kind"], ["note"], rules.problems):
            if _check_furniture_kind(labels, line, row["kind"], rules.problems):
                rules.furniture_labels[furniture_key(row["form"])] = row["kind"]
        rules.counts["furniture/labels.csv"] = len(rules.furniture_labels)
    for name, target in (("lines.csv", rules.furniture_patterns), ("inline.csv", rules.furniture_inline)):
        path = folder / name
        if not path.exists():
            continue
        for line, row in _read_csv(path, ["pattern", "kind"], ["note"], rules.problems):
            if not _check_furniture_kind(path, line, row["kind"], rules.problems):
                continue
            try:
                regex = re.compile(f"(?:{row['pattern']})", re.IGNORECASE)
            except re.error as error:
                rules.problems.append(RulesError(path, line, Messages.E019.format(error=error)))
                continue
            target.append(FurniturePattern(regex, row["kind"], f"{path.name}:{line}"))
        rules.counts[f"furniture/{name}"] = len(target)


# --- entry point -------------------------------------------------------------------


def _load_settings(root: Path, rules: RuleSet) -> None:
    path = root / "settings.toml"
    if not path.exists():
        return
    try:
        rules.settings = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        rules.problems.append(RulesError(path, None, Messages.E017.format(error=error)))


def read_rules(rules_dir: Path | str | None = None) -> RuleSet:
    """Load a rules folder, collecting every problem instead of stopping at the first."""
    root = Path(rules_dir) if rules_dir else packaged_rules_dir()
    if not (root / "patterns").is_dir():
        raise RulesError(root, None, Messages.E014)
    rules = RuleSet(root=root.resolve())
    _load_settings(root, rules)
    _load_lexicons(root, rules)
    _load_gazetteers(root, rules)
    _load_patterns(root, rules)
    _load_deal_cues(root, rules)
    _load_furniture(root, rules)
    return rules


@lru_cache(maxsize=8)
def load_rules(rules_dir: str | None = None) -> RuleSet:
    """Load a rules folder for extraction; the first problem found is raised."""
    rules = read_rules(rules_dir)
    if rules.problems:
        raise rules.problems[0]
    return rules

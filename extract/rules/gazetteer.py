"""Gazetteer rows -> gazetteer entries: one entry per written form, each form owned by one entity."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extract.errors import Messages, RulesError
from extract.rules.model import GazetteerEntry, RuleSet
from extract.rules.schema import RuleFile
from extract.textnorm import fold

Rows = list[tuple[int, dict[str, Any]]]
#: Columns a variant row ('Gripen E', family 'JAS 39 Gripen') takes from its family when empty.
INHERITED_COLUMNS = ("category", "origin", "manufacturer", "co_producers")
#: per label: the column holding the canonical name, the unit and the country
NAMED = {
    "WEAPON": ("designation", "category", "origin"),
    "ORG": ("name", None, "country"),
    "REGION": ("name", None, None),
}


class FormRegistry:
    """Refuses one written form claimed by two different entities of the same label (Messages.E012)."""

    def __init__(self, problems: list[RulesError]) -> None:
        self.owner: dict[tuple[str, str], tuple[str, str]] = {}
        self.problems = problems

    def claim(self, label: str, form: str, value: str, path: Path, line: int) -> bool:
        """True when `form` is new for `label`; a clash with another value is a problem."""
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


def add_countries(rules: RuleSet, registry: FormRegistry, path: Path, rows: Rows) -> None:
    """countries.csv: one row per form (name, demonym, capital...)."""
    use_capitals = bool(rules.setting("countries", "capitals", True))
    count = 0
    for line, row in rows:
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


def inherit_from_family(path: Path, rows: Rows, name_column: str, problems: list[RulesError]) -> Rows:
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
            row = {**row, **{c: family.get(c) for c in INHERITED_COLUMNS if not row.get(c)}}
        kept.append((line, row))
    return kept


def add_named(rules: RuleSet, registry: FormRegistry, spec: RuleFile, path: Path, rows: Rows) -> None:
    """Gazetteers with one row per entity: canonical name + aliases (weapons, orgs, regions)."""
    label = spec.name
    name_column, unit_column, country_column = NAMED[label]
    if "family" in spec.names:
        rows = inherit_from_family(path, rows, name_column, rules.problems)
    entities = 0
    for line, row in rows:
        if label == "WEAPON" and not row.get("category"):
            rules.problems.append(RulesError(path, line, Messages.E003.format(column="category")))
            continue
        value = row[name_column]
        forms = [(value, "name")] + [(alias, "alias") for alias in row.get("aliases", [])]
        for form, form_kind in forms:
            if registry.claim(label, form, value, path, line):
                rules.gazetteer.append(
                    GazetteerEntry(
                        label,
                        form,
                        value,
                        (row.get(unit_column) or "") if unit_column else "",
                        form_kind if label != "REGION" else (row.get("kind") or "region"),
                        f"{label.lower()}:{value}",
                        f"{path.name}:{line}",
                        country=(row.get(country_column) or "") if country_column else "",
                        entity_kind=row.get("kind") or "",
                        co_producers=tuple(row.get("co_producers") or ()),
                        family=row.get("family") or (value if label == "WEAPON" else ""),
                        manufacturer=row.get("manufacturer") or "",
                    )
                )
        entities += 1
    rules.counts[f"gazetteers/{path.name}"] = entities

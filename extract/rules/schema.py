"""How a rules CSV file is declared (its columns and their types) and read against that declaration.

Each `Column` names its type; reading a file checks the header, skips blank lines, refuses
duplicate rows and empty required cells, and converts every cell to its type, reporting each
problem with file and line. The files themselves are listed in `extract.rules.catalogue`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from extract.errors import Messages, RulesError

#: Separates aliases in a gazetteer cell and codes in a currency cell.
ALIAS_SEPARATOR = "|"
#: Column types: how a cell is checked and what it becomes.
COLUMN_TYPES = ("text", "decimal", "int", "iso3", "iso3_list", "currencies", "enum", "yes_no", "regex", "aliases")


@dataclass(frozen=True)
class Column:
    """One column of a rules file.

    `type` is one of COLUMN_TYPES; `allowed` lists an enum's values ('' allowed only when listed);
    `message` is the enum's specific error template (default: Messages.E035); `default` fills an empty cell.
    """

    name: str
    type: str = "text"
    required: bool = False
    allowed: tuple[str, ...] = ()
    message: str | None = None
    default: str = ""
    doc: str = ""


#: The optional free-text column every CSV file may have.
NOTE = Column("note", doc="free text, ignored")


@dataclass(frozen=True)
class RuleFile:
    """One rules file: where it is, its columns, and what it becomes (`target`, `name`).

    Targets: `lexicon` (word class `name`, entry value from `value`), `gazetteer` (label `name`),
    `words` (a folded word set on the RuleSet attribute `name`), `place_cues`, `demonym_prefixes`,
    `deal_cues` (cue group `name`, kind in column `kind_column`), `furniture_labels`,
    `furniture` (line shapes into the RuleSet attribute `name`), `source` (input of a generated
    file: checked, not loaded).
    """

    path: str
    columns: tuple[Column, ...]
    target: str
    name: str = ""
    value: Callable[[dict[str, Any]], Any] | None = None
    kind_column: str = ""
    #: a column whose folded values must be unique in the file (Messages.E012)
    unique: str = ""
    doc: str = ""

    @property
    def required(self) -> list[str]:
        """Names of the columns that must be present and filled."""
        return [c.name for c in self.columns if c.required]

    @property
    def names(self) -> list[str]:
        """Names of every column, in order."""
        return [c.name for c in self.columns]


@lru_cache(maxsize=1)
def iso3_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-3 country code."""
    return frozenset(country.alpha_3 for country in pycountry.countries)


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """Every ISO 4217 currency code."""
    return frozenset(currency.alpha_3 for currency in pycountry.currencies)


def split_aliases(text: str) -> list[str]:
    """'a | b|' -> ['a', 'b']."""
    return [alias.strip() for alias in text.split(ALIAS_SEPARATOR) if alias.strip()]


def convert(column: Column, text: str) -> tuple[Any, str | None]:
    """A cell's typed value, or (None, the problem's message)."""
    kind = column.type
    if kind == "text":
        return text, None
    if kind == "aliases":
        return split_aliases(text), None
    if kind in ("enum", "yes_no"):
        allowed = column.allowed if kind == "enum" else ("", "yes", "no")
        if text in allowed:
            return (text == "yes" if kind == "yes_no" else text), None
        template = column.message or Messages.E035
        shown = [a for a in allowed if a]
        return None, template.format(value=text, column=column.name, allowed=shown)
    if not text:
        return None, None
    if kind == "decimal":
        try:
            return Decimal(text), None
        except InvalidOperation:
            return None, Messages.E004.format(value=text, column=column.name)
    if kind == "int":
        try:
            return int(text), None
        except ValueError:
            return None, Messages.E004.format(value=text, column=column.name)
    if kind == "iso3":
        return (text, None) if text in iso3_codes() else (None, Messages.E010.format(value=text))
    if kind == "iso3_list":
        countries = tuple(code.strip() for code in text.split(ALIAS_SEPARATOR) if code.strip())
        bad = next((code for code in countries if code not in iso3_codes()), None)
        return (countries, None) if bad is None else (None, Messages.E010.format(value=bad))
    if kind == "currencies":
        codes = tuple(code.strip() for code in text.split(ALIAS_SEPARATOR))
        bad = next((code for code in codes if code not in currency_codes()), None)
        return (codes, None) if bad is None else (None, Messages.E015.format(value=bad))
    if kind == "regex":
        try:
            return re.compile(f"(?:{text})", re.IGNORECASE), None
        except re.error as error:
            return None, Messages.E019.format(error=error)
    raise ValueError(f"unknown column type {kind!r}")


def read_rows(path: Path, spec: RuleFile, problems: list[RulesError]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The rows of one rules CSV, typed by its declaration, with their line numbers.

    A row with any problem is reported (file, line, message) and skipped.
    """
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        problems.append(RulesError(path, None, Messages.E025.format(error=error)))
        return
    with handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        declared = spec.names + ([NOTE.name] if NOTE.name not in spec.names else [])
        missing = [name for name in spec.required if name not in header]
        if missing:
            problems.append(RulesError(path, 1, Messages.E002.format(missing=missing)))
            return
        unknown = [name for name in header if name not in declared]
        if unknown:
            problems.append(RulesError(path, 1, Messages.E001.format(found=unknown, expected=declared)))
        seen: dict[tuple[str, ...], int] = {}
        for row in reader:
            line = reader.line_num
            cells = {k: (v or "").strip() for k, v in row.items() if k is not None}
            key = tuple(cells.get(name, "") for name in header)
            if not any(key):
                continue
            if key in seen:
                problems.append(RulesError(path, line, Messages.E013.format(line=seen[key])))
                continue
            seen[key] = line
            typed = _typed_row(path, line, spec, cells, problems)
            if typed is not None:
                yield line, typed


def _typed_row(
    path: Path, line: int, spec: RuleFile, cells: dict[str, str], problems: list[RulesError]
) -> dict[str, Any] | None:
    typed: dict[str, Any] = {}
    for column in spec.columns:
        text = cells.get(column.name, "") or column.default
        if column.required and not text:
            problems.append(RulesError(path, line, Messages.E003.format(column=column.name)))
            return None
        value, problem = convert(column, text)
        if problem:
            problems.append(RulesError(path, line, problem))
            return None
        typed[column.name] = value
    return typed

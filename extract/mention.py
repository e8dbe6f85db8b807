"""The value object every extractor produces: a normalized mention with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extract.io.tables import MENTIONS


@dataclass(frozen=True)
class Mention:
    """One entity found in a text.

    `start`/`end` are character offsets into the original text, so
    `original[start:end] == text`. `value` is normalized (ISO code, amount in plain
    units, km, ISO 8601 date, canonical designation); `approx` keeps the cue word
    ("près de", "une vingtaine") that made a number approximate.
    """

    label: str
    text: str
    start: int
    end: int
    value: str
    unit: str = ""
    sentence: str = ""
    rule_id: str = ""
    approx: str = ""
    value_min: str = ""
    value_max: str = ""
    form_kind: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    unit_source: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def as_row(self, doc_id: str) -> dict[str, Any]:
        """The mention as a mentions.csv row."""
        return {column: doc_id if column == "doc_id" else getattr(self, column) for column in MENTIONS.names}

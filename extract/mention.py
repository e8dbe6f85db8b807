"""The value object every extractor produces: a normalized mention with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

#: Column order of mentions.csv; the first nine are fixed by the output contract.
MENTION_COLUMNS = [
    "doc_id",
    "label",
    "text",
    "start",
    "end",
    "value",
    "unit",
    "sentence",
    "rule_id",
    "approx",
    "value_min",
    "value_max",
    "form_kind",
    "sentence_start",
    "sentence_end",
    "unit_source",
]


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
        return {column: doc_id if column == "doc_id" else getattr(self, column) for column in MENTION_COLUMNS}


def format_number(number: Decimal | float | int) -> str:
    """Plain digits with '.' as decimal point, no exponent, no trailing zeros.

    >>> format_number(Decimal("524.2") * 1000000)
    '524200000'
    >>> format_number(2414.016)
    '2414.016'
    """
    value = Decimal(str(number)) if not isinstance(number, Decimal) else number
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text

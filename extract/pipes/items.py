"""What the components hand to each other through a Doc's extension attributes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from extract.ruleset import BUILTIN_CLASSES


@dataclass(frozen=True)
class LexItem:
    """A run of tokens [start, end) that belongs to a word class, with its value."""

    cls: str
    start: int
    end: int
    value: Any
    approx: str = ""
    entry: Any = None


@dataclass
class Candidate:
    """A mention before overlap resolution, in token offsets."""

    label: str
    start: int
    end: int
    value: str
    unit: str = ""
    rule_id: str = ""
    approx: str = ""
    value_min: str = ""
    value_max: str = ""
    form_kind: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def begin_attr(cls: str) -> str:
    """Token attribute that is True on the first token of a `cls` item."""
    return f"lexb_{cls}"


def inside_attr(cls: str) -> str:
    """Token attribute that is True on the following tokens of a `cls` item."""
    return f"lexi_{cls}"


def register_extensions(classes: list[str]) -> None:
    """Declare the Doc and Token attributes the components use (idempotent)."""
    for name, default in (("lex_items", None), ("arms_candidates", None), ("ref_date", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for cls in [*BUILTIN_CLASSES, *classes]:
        for attr in (begin_attr(cls), inside_attr(cls)):
            if not Token.has_extension(attr):
                Token.set_extension(attr, default=False)


def items_in(doc: Doc, start: int, end: int) -> list[LexItem]:
    """Every tagged item that starts within tokens [start, end), in text order."""
    items: dict[tuple[str, int], LexItem] = doc._.lex_items or {}
    found = [item for item in items.values() if start <= item.start < end and item.end <= end]
    return sorted(found, key=lambda item: (item.start, item.cls))

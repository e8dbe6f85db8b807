"""What the components hand to each other through a Doc's extension attributes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc


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
    #: where the unit comes from when not written with the number: 'carried' (a currency from an
    #: earlier amount), 'sentence' (an elided counted noun: the sentence's system)
    unit_source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


#: Word classes live in two token attributes the Matcher reads in C (no Python per
#: token): most classes in `ent_kb_id`, the ones that share a token with a number
#: (`day`, `year`) in `ent_id`. Values are "B-<class>" on an item's first token and
#: "I-<class>" on the others. The pipeline has no NER, so nothing else uses them.
SECONDARY_CLASSES = frozenset({"day", "year"})


def slot_of(cls: str) -> tuple[str, str]:
    """(Matcher attribute, Token attribute) that carry `cls`."""
    return ("ENT_ID", "ent_id_") if cls in SECONDARY_CLASSES else ("ENT_KB_ID", "ent_kb_id_")


def register_extensions() -> None:
    """Declare the Doc attributes the components use (idempotent)."""
    for name in (
        "texts",
        "folded",
        "lex_items",
        "lex_by_start",
        "lex_by_end",
        "arms_candidates",
        "ref_date",
        "furniture",
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def index_items(doc: Doc, items: dict[tuple[str, int], LexItem]) -> None:
    """Store the items with lookups by first token and by end token."""
    by_start: dict[int, list[LexItem]] = {}
    by_end: dict[int, list[LexItem]] = {}
    for item in items.values():
        by_start.setdefault(item.start, []).append(item)
        by_end.setdefault(item.end, []).append(item)
    doc._.lex_items = items
    doc._.lex_by_start = by_start
    doc._.lex_by_end = by_end


def items_in(doc: Doc, start: int, end: int) -> list[LexItem]:
    """Every tagged item that starts within tokens [start, end) and ends by `end`, in text order."""
    by_start: dict[int, list[LexItem]] = doc._.lex_by_start or {}
    found = [item for i in range(start, end) for item in by_start.get(i, ()) if item.end <= end]
    return sorted(found, key=lambda item: (item.start, item.cls))


def items_starting_at(doc: Doc, i: int, cls: str) -> list[LexItem]:
    """Items of class `cls` whose first token is `i`."""
    return [item for item in (doc._.lex_by_start or {}).get(i, ()) if item.cls == cls]


def items_ending_at(doc: Doc, i: int, cls: str) -> list[LexItem]:
    """Items of class `cls` that end right before token `i`."""
    return [item for item in (doc._.lex_by_end or {}).get(i, ()) if item.cls == cls]

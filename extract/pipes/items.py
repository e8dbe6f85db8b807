"""What the components hand to each other through a Doc's extension attributes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span


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


#: Doc attributes the components hand to each other while a Doc is processed; cleared at the
#: end (`clear_working_state`) so a processed Doc holds plain values only (DocBin, n_process).
WORKING_STATE = ("texts", "folded", "lex_items", "lex_by_start", "lex_by_end", "arms_candidates")
#: Doc attributes that stay: the reference date (ISO string), furniture lines ((start, end, kind)
#: character ranges), the deal records (plain dicts) and the mentions' fields (see `to_span`).
DOC_RESULTS = ("ref_date", "furniture", "arms_deals", "arms_fields")
#: Span attributes of every mention in doc.spans["arms"], plain str values ('' when empty).
SPAN_FIELDS = ("value", "unit", "approx", "value_min", "value_max", "form_kind", "unit_source")
#: What a mention may also know (country and kind of an organization, a relative date...), plain values.
SPAN_INFO = "arms_info"
SPANS_KEY = "arms"


def span_key(span: Span) -> str:
    """Where a mention's fields are kept in `doc._.arms_fields`.

    spaCy keeps a Span's extension values by its offsets and label only; 'franco-allemand' is two
    COUNTRY mentions on the same span, told apart by their rule id, so the fields live in the Doc
    under a key that includes it.
    """
    return f"{span.start}:{span.end}:{span.label_}:{span.id_}"


def _field(name: str, default: Any) -> Any:
    def get(span: Span) -> Any:
        return (span.doc._.arms_fields or {}).get(span_key(span), {}).get(name, default)

    return get


def register_extensions() -> None:
    """Declare the Doc and Span attributes the components use (idempotent)."""
    for name in (*WORKING_STATE, *DOC_RESULTS):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_FIELDS:
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_field(name, ""))
    if not Span.has_extension(SPAN_INFO):
        Span.set_extension(SPAN_INFO, getter=_field(SPAN_INFO, None))


def to_span(doc: Doc, candidate: Candidate) -> Span:
    """A candidate as a Span: label, span_id = the rule id, fields readable as `span._.value`..."""
    span = Span(doc, candidate.start, candidate.end, label=candidate.label, span_id=candidate.rule_id)
    fields: dict[str, Any] = {name: str(getattr(candidate, name)) for name in SPAN_FIELDS}
    fields[SPAN_INFO] = {k: v for k, v in candidate.extra.items() if isinstance(v, (str, int, float, bool))}
    if doc._.arms_fields is None:
        doc._.arms_fields = {}
    doc._.arms_fields[span_key(span)] = fields
    return span


def from_span(span: Span) -> Candidate:
    """The candidate a Span of doc.spans["arms"] stands for."""
    stored = (span.doc._.arms_fields or {}).get(span_key(span), {})
    fields = {name: stored.get(name, "") for name in SPAN_FIELDS}
    info = stored.get(SPAN_INFO) or {}
    return Candidate(span.label_, span.start, span.end, rule_id=span.id_, extra=dict(info), **fields)


def clear_working_state(doc: Doc) -> None:
    """Drop what the components handed to each other (after `clear_word_class_marks`)."""
    for name in WORKING_STATE:
        doc._.set(name, None)


def clear_word_class_marks(doc: Doc) -> None:
    """Remove the tagger's 'B-<class>' / 'I-<class>' marks from the tokens' entity attributes
    (only the tokens of its items carry them)."""
    marked = {i for item in (doc._.lex_items or {}).values() for i in range(item.start, item.end)}
    for i in sorted(marked):
        token = doc[i]
        if token.ent_kb_id_.startswith(("B-", "I-")):
            token.ent_kb_id_ = ""
        if token.ent_id_.startswith(("B-", "I-")):
            token.ent_id_ = ""


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

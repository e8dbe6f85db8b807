"""COUNT: '18 lanceurs' -> 18 lanceur; 'une vingtaine d'hélicoptères' -> 20 hélicoptère."""

from __future__ import annotations

from decimal import Decimal

from spacy.tokens import Doc

from extract.mention import format_number
from extract.pipes.items import Candidate, LexItem, items_starting_at
from extract.pipes.quantity import read_amounts
from extract.ruleset import PatternRule

#: Counts of military items above this are not plausible deal quantities.
MAX_COUNT = Decimal(100_000)


def normalize_count(doc: Doc, start: int, end: int, items: list[LexItem], rule: PatternRule) -> Candidate | None:
    """Integer count and the counted noun's lemma (or the system's canonical designation)."""
    counted = next((i for i in items if i.cls in ("military_noun", "weapon")), None)
    amounts = read_amounts([i for i in items if i.cls in ("approx", "number")])
    if amounts is None:
        return None
    if counted is None:  # trimmed by end_at: the counted system follows the span
        following = items_starting_at(doc, end, "weapon")
        counted = following[0] if following else None
    if counted is None:
        return None
    values = amounts.values
    if any(v != v.to_integral_value() or not 1 <= v <= MAX_COUNT for v in values):
        return None
    minimum = amounts.minimum
    return Candidate(
        "COUNT",
        start,
        end,
        format_number(amounts.value),
        str(counted.value),
        rule.id,
        approx=amounts.approx,
        value_min=format_number(minimum) if minimum is not None else "",
        value_max=format_number(amounts.value) if minimum is not None else "",
    )

"""RANGE: 'une portée de 300 kilomètres' -> 300 km; '120 milles nautiques' -> 222.24 km."""

from __future__ import annotations

from decimal import Decimal

from spacy.tokens import Doc

from extract.mention import format_number
from extract.pipes.items import Candidate, LexItem, items_starting_at
from extract.pipes.quantity import read_amounts
from extract.ruleset import PatternRule

KM_DECIMALS = Decimal("0.001")


def normalize_range(doc: Doc, start: int, end: int, items: list[LexItem], rule: PatternRule) -> Candidate | None:
    """Distance in km, rounded to the metre."""
    unit = next((i for i in items if i.cls == "distance_unit"), None)
    if items_starting_at(doc, end, "distance_blockers"):
        return None  # '900 km/h' is a speed, '350 kilomètres carrés' an area
    amounts = read_amounts([i for i in items if i.cls in ("approx", "number")])
    if unit is None or amounts is None or amounts.value <= 0:
        return None
    factor = Decimal(unit.value)
    values = [(v * factor).quantize(KM_DECIMALS) for v in amounts.values]
    minimum = values[0] if len(values) > 1 else None
    return Candidate(
        "RANGE",
        start,
        end,
        format_number(values[-1]),
        "km",
        rule.id,
        approx=amounts.approx,
        value_min=format_number(minimum) if minimum is not None else "",
        value_max=format_number(values[-1]) if minimum is not None else "",
    )

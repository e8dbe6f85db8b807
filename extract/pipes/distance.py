"""RANGE: 'une portée de 300 kilomètres' -> 300 km; '120 milles nautiques' -> 222.24 km."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from spacy.tokens import Doc

from extract.numbers import format_number
from extract.pipes.items import Candidate, LexItem, items_starting_at
from extract.pipes.quantity import read_amounts
from extract.rules import PatternRule

KM_DECIMALS = Decimal("0.001")
#: How many words before a distance its context noun ('portée', 'altitude') may stand
#: ('une frontière de 680 km avec la Biélorussie et de 275 km avec ...').
CONTEXT_WINDOW = 12
#: The same for a unit that needs a range word ('une portée efficace de 1 500 mètres').
NEAR_WINDOW = 6


def normalize_range(doc: Doc, start: int, end: int, items: list[LexItem], rule: PatternRule) -> Candidate | None:
    """Distance in km, rounded to the metre."""
    unit = next((i for i in items if i.cls == "distance_unit"), None)
    if items_starting_at(doc, end, "distance_blockers"):
        return None  # '900 km/h' is a speed, '350 kilomètres carrés' an area, '1 300 km de frontière' a border
    near = unit is not None and unit.value.needs_context
    context = _context_before(doc, start, near=near)
    if context == "blocks" or (context != "range" and near):
        return None  # "une altitude allant jusqu'à 20 km", 'un navire de 62 mètres' are no ranges
    amounts = read_amounts([i for i in items if i.cls in ("approx", "number")])
    if unit is None or amounts is None or amounts.value <= 0:
        return None
    factor = unit.value.km
    values = [(v * factor).quantize(KM_DECIMALS, rounding=ROUND_HALF_UP) for v in amounts.values]
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


def _context_before(doc: Doc, start: int, *, near: bool = False) -> str:
    """'range' or 'blocks' for the nearest context noun (rules/lexicons/distance_context.csv)
    before token `start` in its sentence, '' when there is none.

    With `near` (metres, centimetres), the noun must govern the number: within NEAR_WINDOW words
    and no other number between ('une portée de 300 km et mesure 6 m': the 6 m is a length).
    """
    first = max(doc[start].sent.start, start - (NEAR_WINDOW if near else CONTEXT_WINDOW))
    for i in range(start - 1, first - 1, -1):
        found = items_starting_at(doc, i, "distance_context")
        if found:
            return str(found[0].value)
        if items_starting_at(doc, i, "distance_blockers"):
            return "blocks"  # 'le long de la frontière de 460 km'
        if near and items_starting_at(doc, i, "number"):
            return ""
    return ""

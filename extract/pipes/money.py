"""MONEY: '524,2 millions de dollars' -> 524200000 USD; '2,5 Md€' -> 2500000000 EUR."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.mention import format_number
from extract.pipes.items import Candidate, LexItem
from extract.pipes.quantity import read_amounts
from extract.ruleset import PatternRule


def normalize_money(doc: Doc, start: int, end: int, items: list[LexItem], rule: PatternRule) -> Candidate | None:
    """Amount in plain currency units and the ISO 4217 code; None when no currency is found."""
    currency = next(
        (
            i.value[1] if i.cls == "scaled_currency" else i.value
            for i in items
            if i.cls in ("currency", "scaled_currency")
        ),
        None,
    )
    amounts = read_amounts(items)
    if currency is None or amounts is None or amounts.value <= 0:
        return None
    minimum = amounts.minimum
    return Candidate(
        "MONEY",
        start,
        end,
        format_number(amounts.value),
        str(currency),
        rule.id,
        approx=amounts.approx,
        value_min=format_number(minimum) if minimum is not None else "",
        value_max=format_number(amounts.value) if minimum is not None else "",
    )

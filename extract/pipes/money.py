"""MONEY: '524,2 millions de dollars' -> 524200000 USD; '2,5 Md€' -> 2500000000 EUR."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from functools import lru_cache

import pycountry
from babel.core import get_global
from spacy.tokens import Doc

from extract.numbers import format_number
from extract.pipes.items import Candidate, LexItem, items_ending_at, items_in
from extract.pipes.quantity import Amounts, read_amounts
from extract.rules import Currency, PatternRule

#: Classes whose items give an amount its currency.
CURRENCY_CLASSES = ("currency", "scaled_currency", "currency_subunit")
#: How many words before an amount a money word may stand for a currency word that needs one
#: ('un montant de 300 000 livres', 'coûte environ 500 livres').
MONEY_CUE_REACH = 3
#: What a subunit written as bare digits counts ('15 dollars 50': hundredths).
HUNDREDTHS = Decimal("0.01")


def normalize_money(doc: Doc, start: int, end: int, items: list[LexItem], rule: PatternRule) -> Candidate | None:
    """Amount in plain currency units and the ISO 4217 code; None when no currency is found."""
    currency_item = next((i for i in items if i.cls in CURRENCY_CLASSES), None)
    if currency_item is not None and _needs_context(currency_item) and not _money_context(doc, start, items):
        return None  # 'trois livres blancs', 'des bombes de 500 livres'
    currency = _code(doc, currency_item) if currency_item is not None else None
    unit_source = ""
    if currency is None and rule.unit_from == "previous":
        currency, unit_source = _carried_currency(doc, start), "carried"
    elif currency is None and rule.unit_from == "next":
        currency, unit_source = _currency_after(doc, end), "carried"
    amounts = _money_amounts(doc, end, items, currency_item)
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
        unit_source=unit_source,
    )


def _money_amounts(doc: Doc, end: int, items: list[LexItem], currency_item: LexItem | None) -> Amounts | None:
    """The amounts with a subunit added ('15 dollars et 15 cents' -> 15.15) or alone ('45 centimes' -> 0.45)."""
    split = _split_subunit(doc, end, items)
    amounts = read_amounts(split[0]) if split is not None else None
    if split is None or amounts is None:
        return None
    alone = currency_item is not None and currency_item.cls == "currency_subunit"
    factor = Decimal(currency_item.value[0]) if alone and currency_item is not None else Decimal(1)
    values = [v * factor for v in amounts.values]
    values[-1] += split[1]
    return Amounts(values, amounts.approx)


def _split_subunit(doc: Doc, end: int, items: list[LexItem]) -> tuple[list[LexItem], Decimal] | None:
    """The items of the main amount and what its subunit adds: '15 dollars et 15 cents' -> (the items
    of '15 dollars', 0.15), '15 dollars 50' -> 0.50; None when what follows the currency is no subunit."""
    position = next((k for k, i in enumerate(items) if i.cls == "currency"), None)
    if position is None or not any(i.cls == "number" for i in items[:position]):
        return items, Decimal(0)  # '$ 500 millions': the number after a sign is the amount
    later = [i for i in items[position + 1 :] if i.cls == "number"]
    if not later:
        return items, Decimal(0)
    main = items[: position + 1]
    if len(later) > 1 or any(i.cls in ("scale", "scaled_currency") for i in main):
        return None
    subunit = next((i for i in items if i.cls == "currency_subunit"), None)
    factor = Decimal(subunit.value[0]) if subunit is not None else HUNDREDTHS
    cents = Decimal(later[0].value)
    if cents != cents.to_integral_value() or not 0 < cents * factor < 1:
        return None
    if subunit is None and not _closes_amount(doc, end):
        return None  # '15 dollars 50 chars': the 50 counts something else
    return main, cents * factor


def _closes_amount(doc: Doc, end: int) -> bool:
    """Whether the words after `end` leave digits after a currency as its subunit ('15 dollars 50.')."""
    return end >= len(doc) or doc[end].is_punct or doc[end].is_space or doc[end].is_stop


def _needs_context(item: LexItem) -> bool:
    return isinstance(item.value, Currency) and item.value.needs_context


def _money_context(doc: Doc, start: int, items: list[LexItem]) -> bool:
    """'361 millions de livres' (a scale), 'un montant de 300 000 livres' (a money word just before)."""
    if any(i.cls == "scale" for i in items):
        return True
    return any(i.cls == "money_cues" for i in items_in(doc, max(0, start - MONEY_CUE_REACH), start))


def _code(doc: Doc, item: LexItem) -> str:
    """The item's ISO 4217 code; for a word several countries use ('couronnes', 'dinars'), the code
    of the country the article names most (the first code listed when it names none of them)."""
    code = item.value.code if isinstance(item.value, Currency) else item.value[1]
    if isinstance(code, str):
        return code
    named = Counter(i.value for i in (doc._.lex_items or {}).values() if i.cls == "country")
    return max(code, key=lambda c: (sum(named[country] for country in countries_using(c)), -code.index(c)))


@lru_cache(maxsize=512)
def countries_using(code: str) -> frozenset[str]:
    """ISO 3166 alpha-3 codes of the countries whose current currency is `code` (from Babel's CLDR data)."""
    found = set()
    for territory, currencies in get_global("territory_currencies").items():
        if any(c[0] == code and c[2] is None for c in currencies):
            country = pycountry.countries.get(alpha_2=territory)
            if country is not None:
                found.add(country.alpha_3)
    return frozenset(found)


#: How many sentences back an amount may take its currency from ("... dont 4,1 milliards pour la France").
CARRY_SENTENCES = 2


def _carried_currency(doc: Doc, start: int) -> str | None:
    """The currency of the nearest amount before token `start`, in its sentence or the CARRY_SENTENCES before."""
    first = doc[start].sent.start
    for _ in range(CARRY_SENTENCES):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    depth = _bracket_depths(doc, first, start)
    currencies = [
        item
        for item in items_in(doc, first, start)
        if item.cls in ("currency", "scaled_currency")
        and ((items_ending_at(doc, item.start, "number") and not _needs_context(item)) or _scaled(doc, item))
        and depth[item.start - first] <= depth[-1]  # '(environ 335 millions d'euros)' is an aside
    ]
    return _code(doc, currencies[-1]) if currencies else None


#: How far after an amount the currency of the next one may stand ('1,25 milliard et de 655 millions de dollars').
NEXT_REACH = 7


def _currency_after(doc: Doc, end: int) -> str | None:
    """The currency of the amount coordinated right after `end`, across no punctuation."""
    for i in range(end, min(end + NEXT_REACH, len(doc))):
        found = [
            item
            for item in (doc._.lex_by_start or {}).get(i, ())
            if item.cls in ("currency", "scaled_currency") and not _needs_context(item)
        ]
        if found:
            return _code(doc, found[0])
        if doc[i].is_punct:
            return None
    return None


def _bracket_depths(doc: Doc, first: int, start: int) -> list[int]:
    """Parenthesis/bracket nesting of tokens first..start (the last entry is token `start`'s)."""
    depths, depth = [], 0
    for token in doc[first : start + 1]:
        if token.text in (")", "]"):
            depth = max(0, depth - 1)
        depths.append(depth)
        if token.text in ("(", "["):
            depth += 1
    return depths


def _scaled(doc: Doc, item: LexItem) -> list[LexItem]:
    """'2 milliards d'euros': the scale (and 'de') between the number and the currency."""
    i = item.start
    while i > 0 and doc[i - 1].lower_ in ("de", "d'", "d’"):
        i -= 1
    return items_ending_at(doc, i, "scale")

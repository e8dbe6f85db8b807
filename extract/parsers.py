"""One-expression parsers for scripts and notebooks: `parse_money("2,5 Md€")`.

Each runs the fast pipeline (blank tokenizer + the shipped rules) on a short text and
returns the first mention of its label, or None.

>>> parse_money("2,5 Md€").value, parse_money("2,5 Md€").unit
('2500000000', 'EUR')
>>> parse_range("120 milles nautiques").value
'222.24'
>>> parse_date("11 avril", reference="2024-06").value
'2024-04-11'
>>> parse_count("18 lanceurs").unit
'lanceur'
>>> parse_money("15 %") is None
True
"""

from __future__ import annotations

from functools import lru_cache

from extract.extractor import Extractor
from extract.mention import Mention


@lru_cache(maxsize=1)
def _fast_extractor() -> Extractor:
    return Extractor(fast=True)


def _first(label: str, text: str, reference: str | None = None) -> Mention | None:
    return next((m for m in _fast_extractor().extract(text, date=reference) if m.label == label), None)


def parse_money(text: str) -> Mention | None:
    """The first MONEY in `text` (value in plain units, unit ISO 4217)."""
    return _first("MONEY", text)


def parse_count(text: str) -> Mention | None:
    """The first COUNT in `text` (value an integer, unit the counted noun's lemma)."""
    return _first("COUNT", text)


def parse_range(text: str) -> Mention | None:
    """The first RANGE in `text` (value in km)."""
    return _first("RANGE", text)


def parse_date(text: str, reference: str | None = None) -> Mention | None:
    """The first DATE in `text`, completed from `reference` (ISO) when partial."""
    return _first("DATE", text, reference)

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
    """The first DATE in `text`, completed from `reference` (ISO) when partial.

    Numeric, ordinal, abbreviated and English forms; two-digit years are 20xx up to 49, 19xx
    from 50. The mention's text is the date alone (no article, preposition or weekday).

    >>> parse_date("Signé le 3/11/23.").value
    '2023-11-03'
    >>> parse_date("Livré en 11/2023.").value
    '2023-11'
    >>> date = parse_date("Signé lundi 6 mars, 2023.", reference="2024-05")
    >>> date.text, date.value
    ('6 mars, 2023', '2023-03-06')
    >>> parse_date("Signé le 1er mars 21.").value
    '2021-03-01'
    >>> parse_date("Signé le 4e jour de juillet de 2021.").value
    '2021-07-04'
    >>> parse_date("Signé le dernier jour de février.", reference="2024-05").value
    '2024-02-29'
    >>> parse_date("Signé le 6 fév 2023.").value
    '2023-02-06'
    >>> parse_date("Posted on March 6th, 2023.").value
    '2023-03-06'
    >>> parse_date("Un score de 3/11.") is None, parse_date("Voir le rapport n° 11/2023.") is None
    (True, True)
    """
    return _first("DATE", text, reference)

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
    """The first MONEY in `text` (value in plain units, unit ISO 4217).

    >>> [(m.value, m.unit) for m in map(parse_money, ("USD1,23", "29,99EUR", "CHF2.5 millions", "10 $ CA"))]
    [('1.23', 'USD'), ('29.99', 'EUR'), ('2500000', 'CHF'), ('10', 'CAD')]
    >>> [(m.value, m.unit) for m in map(parse_money, ("15 dollars et 15 cents", "15 dollars 50", "45 centimes"))]
    [('15.15', 'USD'), ('15.5', 'USD'), ('0.45', 'EUR')]
    >>> parse_money("361 millions de livres").unit, parse_money("trois livres blancs")
    ('GBP', None)
    """
    return _first("MONEY", text)


def parse_count(text: str) -> Mention | None:
    """The first COUNT in `text` (value an integer, unit the counted noun's lemma).

    >>> [parse_count(t).value for t in ("septante-deux chars", "deux-cent-trois chars", "huitante et un chars")]
    ['72', '203', '81']
    >>> [parse_count(t).value for t in ("un million deux cent mille obus", "deux millions et demi de cartouches")]
    ['1200000', '2500000']
    >>> parse_count("300k munitions").value, parse_count("les années 1990")
    ('300000', None)
    """
    return _first("COUNT", text)


def parse_range(text: str) -> Mention | None:
    """The first RANGE in `text` (value in km).

    >>> [parse_range("une portée de " + d).value for d in ("9 m", "1 200 m", "1/4 de kilomètre", "10 1/2 milles")]
    ['0.009', '1.2', '0.25', '19.446']
    >>> parse_range("une portée de 2,5-km").value, parse_range("une frégate de 140 m")
    ('2.5', None)
    """
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

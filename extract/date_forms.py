"""A date string as written, rewritten into the forms dateparser reads.

The rules (rules/patterns/date.jsonl) find where a date is and which words belong to it;
dateparser reads the isolated string. In between, the forms dateparser does not read are
rewritten, without inventing anything: an ordinal or 'premier' day becomes its number, the
words linking a month to its year go, and a two-digit year gets its century.
Whether a two-digit number after a month is a year at all ('mars 23': the 23rd or 2023?)
is the patterns' decision, not this module's: it reads what it is given as a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Two-digit years below this are in the 2000s ('23' -> 2023), from it in the 1900s ('98' -> 1998).
CENTURY_PIVOT = 50

_LINK = r"d(?:e\s+|['’]\s*)"  # 'de ' or "d'" before the next word
_FIRST = re.compile(r"\bpremi(?:er|ère)\b", re.IGNORECASE)
#: '4e', '4ème', '1er', '21st', '3rd': an ordinal day
_ORDINAL = re.compile(r"\b(3[01]|[12]?[0-9])(?:ᵉʳ|er|ère|re|ème|eme|ᵉ|e|st|nd|rd|th)(?=[\s,]|$)", re.IGNORECASE)
_DAY_OF = re.compile(rf"\s+jour\s+{_LINK}", re.IGNORECASE)  # '4 jour de juillet' -> '4 juillet'
_LAST_DAY_OF = re.compile(rf"^dernier\s+jour\s+{_LINK}", re.IGNORECASE)
#: 'novembre de 2023', "nov. de l'année 2023": the words between a month and its year
_YEAR_OF = re.compile(rf"\s+{_LINK}(?:l['’]\s*(?:année|an)\s+)?(?=(?:19|20)\d\d\b)", re.IGNORECASE)
_NUMERIC_SHORT_YEAR = re.compile(r"^(\d{1,2}([/.-])\d{1,2}\2)(\d{2})$")
#: '1er mars 21', "mars '23": two digits closing the string after a word (or a dot, 'nov. 98')
_WORD_SHORT_YEAR = re.compile(r"(?<=[^\W\d_]|\.)\s+['’]?\s*(\d{2})$")


def four_digit_year(two_digits: int) -> int:
    """The year a two-digit year stands for: 00-49 in the 2000s, 50-99 in the 1900s.

    >>> four_digit_year(23), four_digit_year(49), four_digit_year(50), four_digit_year(98)
    (2023, 2049, 1950, 1998)
    """
    return (2000 if two_digits < CENTURY_PIVOT else 1900) + two_digits


@dataclass(frozen=True)
class WrittenDate:
    """What dateparser is given, and whether the text asks for the month's last day."""

    text: str
    last_day: bool = False


def written_date(text: str) -> WrittenDate:
    """The string dateparser reads for a date as written.

    >>> written_date("le premier mars 21".removeprefix("le ")).text
    '1 mars 2021'
    >>> written_date("4e jour de juillet de 2021").text
    '4 juillet 2021'
    >>> written_date("nov. de l'année 2023").text
    'nov. 2023'
    >>> written_date("3/11/98").text
    '3/11/1998'
    >>> written_date("dernier jour d'octobre 2021")
    WrittenDate(text='octobre 2021', last_day=True)
    """
    text = " ".join(text.split())
    last_day = bool(_LAST_DAY_OF.match(text))
    text = _LAST_DAY_OF.sub("", text)
    text = _FIRST.sub("1", text)
    text = _ORDINAL.sub(r"\1", text)
    text = _DAY_OF.sub(" ", text)
    text = _YEAR_OF.sub(" ", text)
    text = _with_century(text)
    return WrittenDate(text, last_day)


def _with_century(text: str) -> str:
    """'3/11/23' -> '3/11/2023', "mars '23" -> 'mars 2023' (see `four_digit_year`)."""
    numeric = _NUMERIC_SHORT_YEAR.match(text)
    if numeric:
        return numeric.group(1) + str(four_digit_year(int(numeric.group(3))))
    after_word = _WORD_SHORT_YEAR.search(text)
    if after_word:
        return text[: after_word.start()] + " " + str(four_digit_year(int(after_word.group(1))))
    return text

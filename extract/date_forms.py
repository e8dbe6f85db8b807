"""A date string as written, rewritten into the forms dateparser reads.

The rules (rules/patterns/date.jsonl) find where a date is and which words belong to it;
dateparser reads the isolated string. In between, the forms dateparser does not read are
rewritten, without inventing anything: an ordinal or 'premier' day becomes its number, the
words linking a month to its year go, and a two-digit year gets its century.
Whether a two-digit number after a month is a year at all ('mars 23': the 23rd or 2023?)
is the patterns' decision, not this module's: it reads what it is given as a date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from extract.textnorm import fold

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


#: Month names as dateparser reads them in the two languages it is given (its own locale data,
#: so this reader and dateparser agree on the words), folded: 'aout', 'fevr', 'sept', 'may'.
_MONTH_KEYS = "january february march april may june july august september october november december".split()


def _month_names() -> dict[str, int]:
    from dateparser.data.date_translation_data import en, fr

    return {
        fold(name): number
        for number, key in enumerate(_MONTH_KEYS, start=1)
        for locale in (fr, en)
        for name in locale.info[key]
    }


_MONTHS = _month_names()
_YEAR = r"(?:19|20)\d\d"
_DAY_MONTH_YEAR = re.compile(rf"(?:(\d{{1,2}}) )?([^\W\d_]+)\.?(?: ({_YEAR}))?")
_NUMERIC_DMY = re.compile(rf"(\d{{1,2}})([/.-])(\d{{1,2}})\2({_YEAR})")
#: The year a date read without its year stands in (a leap year: a day is checked against the
#: longest February); the document date replaces it.
ANY_YEAR = 2000


def read_plain_date(text: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of the plain forms the press writes most, None for any other form.

    'YYYY', '[day] month[.] [YYYY]' with a month name dateparser knows ('12 mai 2023',
    'sept. 2023', 'aout'), 'DD/MM/YYYY' (also with dots or hyphens) in day-month-year order.
    A part the text does not write is None. A form this reader leaves (None) goes to
    dateparser, which reads these forms the same way, only slower.

    >>> read_plain_date("12 sept. 2023"), read_plain_date("mai"), read_plain_date("2023")
    ((2023, 9, 12), (None, 5, None), (2023, None, None))
    >>> read_plain_date("03/11/1998"), read_plain_date("31 février 2024"), read_plain_date("mi-mai")
    ((1998, 11, 3), None, None)
    """
    text = fold(text)
    if re.fullmatch(_YEAR, text):
        return int(text), None, None
    numeric = _NUMERIC_DMY.fullmatch(text)
    if numeric:
        parts = int(numeric.group(4)), int(numeric.group(3)), int(numeric.group(1))
        return parts if _valid(*parts) else None
    written = _DAY_MONTH_YEAR.fullmatch(text)
    if not written or written.group(2) not in _MONTHS:
        return None
    month = _MONTHS[written.group(2)]
    year = int(written.group(3)) if written.group(3) else None
    day = int(written.group(1)) if written.group(1) else None
    if day is not None and not _valid(year or ANY_YEAR, month, day):
        return None
    return year, month, day


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]

"""French numbers as the press writes them: digits with any separator, or words.

`parse_digits("3 500 000") -> Decimal("3500000")`, `parse_number_words("dix-huit") -> 18`.
The token scanner `scan_numbers` finds where numbers are in a spaCy Doc.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from price_parser import Price
from spacy.tokens import Doc, Token
from text_to_num import text2num

from extract.textnorm import fold

NUMBER_WORDS = frozenset(
    """zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze
    quinze seize vingt vingts trente quarante cinquante soixante cent cents mille
    septante octante huitante nonante""".split()
)
#: Scale nouns that may stand inside a compound number ('un million deux cent mille'), with their factor.
SCALE_WORDS = {"million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9}
_ARTICLES = frozenset({"un", "une"})
#: A proper fraction written with a unit ('1/4 de kilomètre', '10 1/2 milles'); '3/11' is a date, not one of these.
_FRACTION = re.compile(r"^([1-9])/([2348])$")
_VULGAR_FRACTIONS = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75")}
_SIMPLE = re.compile(r"^\d+(?:[.,]\d+)?$")
_DOTTED_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_GROUP_START = re.compile(r"^\d{1,3}$")
_GROUP = re.compile(r"^\d{3}(?:,\d+)?$")
_GROUP_SPACES = frozenset({" ", "\u00a0", "\u202f", "\u2009", "\u2007"})


def parse_digits(text: str) -> Decimal | None:
    """Digits with French or English separators -> Decimal; None if not a plain number.

    >>> parse_digits("524,2"), parse_digits("1.500"), parse_digits("1.5")
    (Decimal('524.2'), Decimal('1500'), Decimal('1.5'))
    """
    compact = "".join(ch for ch in text if ch not in _GROUP_SPACES)
    if not (_SIMPLE.match(compact) or _DOTTED_THOUSANDS.match(compact)):
        return None
    # A dot followed by exactly three digits is a French thousands separator ("1.500");
    # any other dot is an English decimal point ("1.5").
    dotted_thousands = bool(re.search(r"\.\d{3}(?:\D|$)", compact)) and "," not in compact.split(".")[0]
    decimal_separator = "," if ("," in compact or dotted_thousands) else "."
    amount = Price.fromstring(compact, decimal_separator=decimal_separator).amount
    return Decimal(amount) if amount is not None else None


def parse_fraction(text: str) -> Decimal | None:
    """A proper fraction with a small denominator -> Decimal; None otherwise.

    >>> parse_fraction("1/4"), parse_fraction("½"), parse_fraction("3/11")
    (Decimal('0.25'), Decimal('0.5'), None)
    """
    if text in _VULGAR_FRACTIONS:
        return _VULGAR_FRACTIONS[text]
    match = _FRACTION.match(text)
    if match is None or int(match.group(1)) >= int(match.group(2)):
        return None
    return Decimal(int(match.group(1))) / Decimal(int(match.group(2)))


@lru_cache(maxsize=16384)
def is_number_word(text: str) -> bool:
    """'dix-huit', 'quatre-vingts', 'cent' are number words; 'et' alone is not."""
    parts = fold(text).split("-")
    return all(part in NUMBER_WORDS or part == "et" for part in parts) and fold(text) != "et"


def parse_number_words(text: str) -> int | None:
    """French number words -> int with text2num; None when they do not form a number.

    text2num reads the 1990 spelling only in part ('dix-huit-mille-sept-cent-onze' fails):
    hyphens are read as spaces when the written form fails.

    >>> parse_number_words("deux cent cinquante"), parse_number_words("dix-huit-mille-sept-cent-onze")
    (250, 18711)
    """
    words = fold(text)
    for candidate in dict.fromkeys((words, " ".join(words.replace("-", " ").split()))):
        try:
            return int(text2num(candidate, "fr"))
        except (ValueError, IndexError, AssertionError):
            continue
    return None


@dataclass(frozen=True)
class NumberSpan:
    """A number found at tokens [start, end) with its value and approximation cue."""

    start: int
    end: int
    value: Decimal | None
    approx: str = ""


def _is_group_space(token: Token) -> bool:
    return token.is_space and all(ch in _GROUP_SPACES for ch in token.text)


def _digit_group_end(doc: Doc, start: int) -> int:
    """Extend '3' over '500' '000' (thousands groups joined by spaces)."""
    end = start + 1
    if not _GROUP_START.match(doc[start].text):
        return end
    while end < len(doc):
        previous = doc[end - 1]
        following = end
        if _is_group_space(doc[following]):
            following += 1
        elif not previous.whitespace_ or previous.whitespace_ not in _GROUP_SPACES:
            break
        if following >= len(doc) or not _GROUP.match(doc[following].text):
            break
        end = following + 1
        if "," in doc[end - 1].text:
            break
    return end


def _joins_run(doc: Doc, k: int) -> bool:
    """Whether token `k` continues the number words before it.

    The tokenizer keeps the hyphenated numbers it knows whole ('vingt-deux') and splits the others
    ('septante', '-', 'deux'; 'deux', '-', 'cent', '-', 'trois'): a hyphen glued on both sides
    joins them again, or the run would be read from its last word only.
    """
    word = fold(doc[k].text)
    after = fold(doc[k + 1].text) if k + 1 < len(doc) else ""
    if word == "-":
        glued = not doc[k - 1].whitespace_ and not doc[k].whitespace_
        return glued and (is_number_word(after) or after == "et")
    if word == "et":  # 'soixante et onze', 'vingt-et-un'
        if after == "-" and not doc[k].whitespace_ and k + 2 < len(doc):
            after = fold(doc[k + 2].text)
        return after in ("un", "une", "onze")
    if word in _ARTICLES:  # 'cent un', 'mille une', 'vingt et un'
        before = fold(doc[k - 1].text)
        return is_number_word(before) or before in ("et", "-") or before in SCALE_WORDS
    if word in SCALE_WORDS:  # 'un million deux cent mille', 'un million un': only between number words
        return is_number_word(after)
    return is_number_word(word)


def _word_number_end(doc: Doc, start: int, skip: set[int]) -> int:
    end = start + 1
    while end < len(doc) and (end not in skip or fold(doc[end].text) in SCALE_WORDS) and _joins_run(doc, end):
        end += 1
    return end


def _read_word_number(doc: Doc, start: int, skip: set[int]) -> NumberSpan | None:
    """The longest number-words run from `start` that text2num reads.

    A run with a scale inside that ends before another scale ('deux milliards cinq cents |
    millions d'euros') is counted in that last scale (2500), which stays an item of its own.
    """
    end = _word_number_end(doc, start, skip)
    value = parse_number_words(doc[start:end].text)
    while value is None and end > start + 1:
        end -= 1
        value = parse_number_words(doc[start:end].text)
    if value is None:
        return None
    words = [fold(t.text) for t in doc[start:end]]
    following = fold(doc[end].text) if end < len(doc) else ""
    if following in SCALE_WORDS and any(w in SCALE_WORDS for w in words):
        whole = parse_number_words(doc[start : end + 1].text)
        if whole is not None and whole % SCALE_WORDS[following] == 0:
            value = whole // SCALE_WORDS[following]
    return NumberSpan(start, end, Decimal(value))


def _mixed_fraction_end(doc: Doc, end: int) -> tuple[int, Decimal]:
    """'10 1/2', '10½': a fraction after a whole number -> (its end, its value)."""
    if end < len(doc) and (doc[end - 1].whitespace_ == " " or doc[end].text in _VULGAR_FRACTIONS):
        fraction = parse_fraction(doc[end].text)
        if fraction is not None:
            return end + 1, fraction
    return end, Decimal(0)


def scan_numbers(
    doc: Doc,
    *,
    number_nouns: dict[str, int | str],
    quantity_words: Iterable[str],
    skip: set[int],
) -> list[NumberSpan]:
    """Find every number in `doc`, leaving tokens in `skip` (e.g. inside 'F-16 Block 72') alone.

    `number_nouns` maps 'vingtaine' -> 20 (approximate numbers); `quantity_words` are
    words that make a lone 'un'/'une' a number ('un milliard', 'une vingtaine').
    """
    after_article = set(quantity_words) | set(number_nouns)
    texts: list[str] = doc._.texts if doc.has_extension("texts") and doc._.texts else [t.text for t in doc]
    folded: list[str] = doc._.folded if doc.has_extension("folded") and doc._.folded else [fold(t) for t in texts]
    found: list[NumberSpan] = []
    i = 0
    while i < len(doc):
        text = texts[i]
        digits = text[:1].isdigit() or text in _VULGAR_FRACTIONS
        if i in skip or not (digits or text[:1].isalpha()):
            i += 1
            continue
        lower = folded[i]
        if not digits and lower not in number_nouns and lower not in _ARTICLES and not is_number_word(text):
            i += 1
            continue
        token = doc[i]
        if digits:
            end = _digit_group_end(doc, i)
            value = parse_digits(doc[i:end].text)
            if value is None and end == i + 1:
                value = parse_fraction(text)  # '1/4 de kilomètre'
            elif value is not None and value == value.to_integral_value():
                end, fraction = _mixed_fraction_end(doc, end)
                value += fraction
            if value is not None:
                # '3\u00a0500\u00a0000\u00a0€': the no-break space before the unit is its own
                # token; the number takes it so that patterns see number + unit side by side.
                if end + 1 < len(doc) and _is_group_space(doc[end]):
                    end += 1
                found.append(NumberSpan(i, end, value))
                i = end
                continue
        elif lower in number_nouns:
            noun_value = number_nouns[lower]
            start = i - 1 if i > 0 and doc[i - 1].lower_ in _ARTICLES else i
            unit_value = number_nouns.get(lower[:-1]) if lower.endswith("s") else None
            if found and found[-1].end == i and found[-1].value is not None and isinstance(unit_value, int):
                # 'deux douzaines' (24), 'trois centaines' (300): a number times the noun's unit
                before = found.pop()
                span = doc[before.start : i + 1].text
                value = before.value * unit_value if before.value is not None else None
                found.append(NumberSpan(before.start, i + 1, value, approx=span))
            elif isinstance(noun_value, int):
                found.append(NumberSpan(start, i + 1, Decimal(noun_value), approx=doc[start : i + 1].text))
        elif lower in _ARTICLES:
            compound = (
                _read_word_number(doc, i, skip) if i + 1 < len(doc) and fold(texts[i + 1]) in SCALE_WORDS else None
            )
            if compound is not None and compound.end > i + 2:  # 'un million deux cent mille'
                found.append(compound)
                i = compound.end
                continue
            if (
                i + 1 < len(doc)
                and fold(doc[i + 1].text) in after_article
                and fold(doc[i + 1].text) not in number_nouns
            ):
                found.append(NumberSpan(i, i + 1, Decimal(1)))
        elif is_number_word(token.text):
            number = _read_word_number(doc, i, skip)
            if number is not None:
                found.append(number)
            i = number.end if number is not None else i + 1
            continue
        i += 1
    return found


def format_number(number: Decimal | float | int) -> str:
    """Plain digits with '.' as decimal point, no exponent, no trailing zeros.

    >>> format_number(Decimal("524.2") * 1000000)
    '524200000'
    >>> format_number(2414.016)
    '2414.016'
    """
    value = Decimal(str(number)) if not isinstance(number, Decimal) else number
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")  # normalized: no trailing zeros

"""When a match of a date pattern is not a date: the checks `normalize_date` runs on its span.

- A number-shaped date right after a reference word ('n° 11/2023', 'page 2023', 'version
  2023.11'; rules/lexicons/date_blockers.csv), before a percent sign, or inside a longer run
  of numbers ('31-11-2023-45', a phone number) is not a date.
- A year joined loosely to what comes before it may belong to what follows instead. After a
  comma or 'de' ('6 mars, 2023', 'novembre de 2023') it is a year unless a noun or a system
  follows ('le 6 mars, 2000 soldats'); after a stray full stop ('mars. 2023'), as two digits
  ('1er mars 21', 'mars 98') or before its month ('2023, nov') only when the date closes there:
  punctuation, the end, or a word that cannot start what follows ('à', 'et'), since 'en mars.
  2023 sera' and 'le 3 mars 12 F-16' are something else.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extract.pipes.items import items_ending_at, items_starting_at

#: Words after a date that continue its clause rather than start a new one ('en mars. 2023 à
#: Kiev'); French function words, not a tunable list.
_CONTINUING = frozenset(
    "à au aux et ou pour par dans avec lors selon entre chez contre en puis dont où mais quand lorsque "
    "jusqu'en jusqu’en jusqu'à jusqu’à".split()
)
#: Tokens after which a year is joined loosely but plainly: a comma, "de (l'année)".
_LOOSE_JOINS = frozenset({",", "de", "année", "an"})
_TWO_DIGITS = re.compile(r"^[0-9]{2}$")
_NUMBER_JOINS = frozenset({"-", "/", ".", ":"})
_PERCENT = frozenset({"%", "‰", "pour cent", "pourcent"})


def loose_join(doc: Doc, start: int, end: int) -> str:
    """How the date's last part is joined: '' (firmly), 'mild' (after a comma or 'de') or
    'strict' (a stray full stop, two digits, a month after its year)."""
    if end - start < 2:
        return ""
    last, before = doc[end - 1], doc[end - 2]
    if _TWO_DIGITS.match(last.text) and before.text not in _NUMBER_JOINS:
        return "strict"  # '1er mars 21', 'mars 98', "mars '23"
    if before.text == "." or year_first(doc, start):
        return "strict"  # 'mars. 2023', '2023, nov'
    if before.text == "," and items_ending_at(doc, end - 2, "day"):
        return ""  # 'March 6, 2023': the comma of the English order
    return "mild" if before.lower_ in _LOOSE_JOINS else ""


def _is_followed_by_a_noun(doc: Doc, end: int) -> bool:
    """'2000 soldats', '2000 F-16': a number before a content word or a system counts it."""
    if end >= len(doc):
        return False
    following = doc[end]
    if following.is_alpha and following.is_lower and not following.is_stop:
        return True
    return any(items_starting_at(doc, end, cls) for cls in ("weapon", "model_code", "military_noun"))


def holds(doc: Doc, start: int, end: int) -> bool:
    """Whether the date keeps its loosely joined last part (see the module docstring)."""
    join = loose_join(doc, start, end)
    if join == "mild":
        return not _is_followed_by_a_noun(doc, end)
    if join == "strict":
        return closes_there(doc, end, continuing=not year_first(doc, start))
    return True


def year_first(doc: Doc, start: int) -> bool:
    """'2023, nov': a year, a comma, then its month."""
    return bool(items_starting_at(doc, start, "year")) and start + 1 < len(doc) and doc[start + 1].text == ","


def closes_there(doc: Doc, end: int, *, continuing: bool = True) -> bool:
    """Whether nothing after token `end` could take the date's last part: punctuation, the end of
    the text, or (with `continuing`) a word of `_CONTINUING`."""
    if end >= len(doc):
        return True
    following = doc[end]
    if following.is_space or (following.is_punct and following.text not in _NUMBER_JOINS - {"."}):
        return True
    return continuing and following.lower_ in _CONTINUING


def is_number_not_date(doc: Doc, start: int, end: int) -> bool:
    """'n° 11/2023', 'page 2023', '2023.11 %', '31-11-2023-45': a number shaped like a date."""
    if not doc[start].text[:1].isdigit():
        return False
    chain_start = _chain_start(doc, start)
    cue_end = chain_start - 1 if chain_start > 0 and doc[chain_start - 1].text == ":" else chain_start
    if items_ending_at(doc, cue_end, "date_blockers"):
        return True  # 'n° 11-2023' also for its '2023'; 'Tél. : 05.12.2023'
    if end < len(doc) and (doc[end].text in _PERCENT or doc[end : end + 2].text.lower() in _PERCENT):
        return True
    span = doc[start:end]
    joined = len(span) > 1 or any(sep in span.text for sep in "/.-")
    return joined and (chain_start < start or _number_chain_after(doc, end))


def _glued(left: int, right: int, doc: Doc) -> bool:
    """Tokens `left`, `left + 1`, ..., `right` are written without a space between them."""
    return not any(doc[i].whitespace_ for i in range(left, right))


def _chain_start(doc: Doc, start: int) -> int:
    """The first token of the run of numbers glued by '-', '/', '.' or ':' that ends at `start`."""
    while start >= 2 and doc[start - 1].text in _NUMBER_JOINS and doc[start - 2].text[-1:].isdigit():
        if not _glued(start - 2, start, doc):
            break
        start -= 2
    return start


def _number_chain_after(doc: Doc, end: int) -> bool:
    if end + 1 >= len(doc):
        return False
    return doc[end].text in _NUMBER_JOINS and _glued(end - 1, end + 1, doc) and doc[end + 1].text[:1].isdigit()

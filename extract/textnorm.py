"""Small text normalizations shared by the rule loaders and matchers."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "'’ʼ`´"


def fold_accents(text: str) -> str:
    """Remove diacritics, keep case: 'États-Unis' -> 'Etats-Unis'."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def unify_apostrophes(text: str) -> str:
    """Typographic apostrophes become the straight one: 'l’Algérie' -> "l'Algérie"."""
    for mark in APOSTROPHES[1:]:
        text = text.replace(mark, "'")
    return text


@lru_cache(maxsize=32768)
def fold(text: str) -> str:
    """Lowercase, accent-free, straight apostrophes, single spaces: a lookup key."""
    return " ".join(fold_accents(unify_apostrophes(text)).lower().split())


def written_variants(form: str) -> list[str]:
    """The ways a press text may write `form`: as is, without accents, either apostrophe."""
    variants: list[str] = []
    for base in (form, fold_accents(form)):
        for candidate in (base, unify_apostrophes(base), unify_apostrophes(base).replace("'", "’")):
            if candidate not in variants:
                variants.append(candidate)
    return variants


def is_case_sensitive(form: str) -> bool:
    """Forms with an uppercase letter match case-sensitively; lowercase forms do not."""
    return any(ch.isupper() for ch in form)


#: How many letter/digit boundaries of one designation get spelling alternatives.
MAX_VARIED_BOUNDARIES = 2
_RUNS = re.compile(r"[^\W\d_]+|\d+|[ -]|.", re.UNICODE)


def designation_variants(form: str) -> list[str]:
    """Spellings the press uses for a designation: glued, hyphenated or spaced between a letter
    group and the digits after it ('F-16', 'F16', 'F 16'), a space inside a version code
    ('2A8', '2 A8'), and a plural in -s for a name ending in a word ('Stingers').

    >>> designation_variants("F-16")
    ['F-16', 'F16', 'F 16']
    >>> designation_variants("K2PL")
    ['K2PL', 'K-2PL', 'K 2PL']
    >>> "Leopard 2 A8" in designation_variants("Leopard 2A8"), "PzH2000" in designation_variants("PzH 2000")
    (True, True)
    >>> designation_variants("Stinger"), designation_variants("IRIS-T")
    (['Stinger', 'Stingers'], ['IRIS-T'])
    """
    runs = _RUNS.findall(form)
    pieces: list[str] = []  # alternating: run, separator, run, ... ('' where glued)
    slots: list[tuple[int, tuple[str, ...]]] = []
    i = 0
    while i < len(runs):
        run, separator = runs[i], ""
        if pieces and run in (" ", "-") and i + 1 < len(runs) and runs[i + 1].isalnum():
            separator, i = run, i + 1
            run = runs[i]
        if pieces:
            left = pieces[-1]
            if left.isalnum() and run.isalnum() and left[-1].isalpha() and run[0].isdigit():
                # 'F-4' never glued: 'F4' is a version code ('Rafale F4'), 'F-16' is also 'F16'
                short = len(left) == 1 and len(run) == 1
                options = (separator, "-", " ") if short else (separator, "", "-", " ")
                slots.append((len(pieces), tuple(dict.fromkeys(options))))
            elif (
                not separator
                and left[-1:].isdigit()
                and len(run) == 1
                and run.isalpha()
                and i + 1 < len(runs)
                and runs[i + 1].isdigit()
            ):
                slots.append((len(pieces), ("", " ")))
            pieces.append(separator)
        pieces.append(run)
        i += 1
    variants = [form]
    for mark in _mark_variants(form):
        if mark not in variants:
            variants.append(mark)
    varied = slots[:MAX_VARIED_BOUNDARIES]
    for choice in _choices([alternatives for _, alternatives in varied]):
        candidate = list(pieces)
        for (index, _), separator in zip(varied, choice, strict=True):
            candidate[index] = separator
        text = "".join(candidate)
        if text not in variants:
            variants.append(text)
    last = re.split(r"[\s-]+", form)[-1]
    if last.isalpha() and not last.isupper() and len(last) >= 3 and last[-1].lower() not in "sxz":
        variants.append(form + "s")
    return variants


_MARK = re.compile(r"\b(?:Mk|MK|Mark)\.?\s?(II|III|IV|V|I|[1-5])\b")
_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5"}


def _mark_variants(form: str) -> list[str]:
    """'CAESAR Mk II' is also written 'Mk2', 'Mk 2', 'MkII', 'Mark II', 'Mark 2'.

    >>> _mark_variants("CAESAR Mk2")[:3]
    ['CAESAR Mk 2', 'CAESAR Mk II', 'CAESAR MkII']
    """
    match = _MARK.search(form)
    if match is None:
        return []
    number = match.group(1)
    arabic = _ROMAN.get(number, number)
    roman = next((r for r, a in _ROMAN.items() if a == arabic), number)
    spellings = [f"Mk{arabic}", f"Mk {arabic}", f"Mk {roman}", f"Mk{roman}", f"Mark {roman}", f"Mark {arabic}"]
    return [form[: match.start()] + s + form[match.end() :] for s in spellings if s != match.group(0)]


def upper_variant(form: str) -> str | None:
    """The all-capitals spelling of a capitalized name, for headlines ('RAFALE', 'BUK', 'INDE')."""
    upper = form.upper()
    return upper if upper != form and sum(ch.isalpha() for ch in form) >= 3 else None


#: Words a title-cased name keeps in lower case ('République Démocratique du Congo').
TITLE_KEEP_LOWER = frozenset({"de", "du", "des", "la", "le", "les", "et", "d", "l"})


def title_variant(form: str) -> str | None:
    """A multi-word name with every main word capitalized, as many outlets write it
    ('République Tchèque', 'Arabie Saoudite', 'Emirats Arabes Unis')."""
    words = re.split(r"([ '’-])", form)
    titled = "".join(
        w[:1].upper() + w[1:] if w.lower() not in TITLE_KEEP_LOWER and w[:1].isalpha() else w for w in words
    )
    return titled if titled != form and " " in form else None


def _choices(options: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    choices: list[tuple[str, ...]] = [()]
    for alternatives in options:
        choices = [c + (a,) for c in choices for a in alternatives]
    return choices


def matches_any_case(form: str) -> bool:
    """Designations with a digit, or written all in capitals with a word of four letters or more,
    are matched in any case ('Iris-T' for 'IRIS-T', 'MI-24' for 'Mi-24', 'Himars'); other
    capitalized names keep their case ('Rafale', not the 'rafale' of wind).

    >>> matches_any_case("IRIS-T"), matches_any_case("Mi-24"), matches_any_case("Rafale"), matches_any_case("RAM")
    (True, True, False, False)
    """
    if any(ch.isdigit() for ch in form):
        return True
    letters = [ch for ch in form if ch.isalpha()]
    words = [w for w in re.split(r"[^\w]+", form) if w]
    return bool(letters) and all(ch.isupper() for ch in letters) and any(len(w) >= 4 for w in words)

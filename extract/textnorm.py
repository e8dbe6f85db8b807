"""Small text normalizations shared by the rule loaders and matchers."""

from __future__ import annotations

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


@lru_cache(maxsize=65536)
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

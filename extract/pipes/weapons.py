"""WEAPON from patterns: designations not in the gazetteer, next to a military noun.

'des missiles AGM-154' -> WEAPON 'AGM-154' (category missile, form_kind 'unlisted').
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.pipes.items import Candidate, LexItem, items_ending_at
from extract.rules import MilitaryNoun, PatternRule

#: How many tokens may separate the noun from the code ('frégates de Type 054A').
NOUN_WINDOW = 2


def normalize_unlisted_weapon(
    doc: Doc, start: int, end: int, items: list[LexItem], rule: PatternRule
) -> Candidate | None:
    """The model code as written (value) and the category its noun suggests (unit)."""
    code = next((i for i in items if i.cls == "model_code"), None)
    if code is None:
        return None
    nouns = [
        item for end in range(start, start - NOUN_WINDOW - 1, -1) for item in items_ending_at(doc, end, "military_noun")
    ]
    category = nouns[0].value.category if nouns and isinstance(nouns[0].value, MilitaryNoun) else "other"
    return Candidate(
        "WEAPON", start, end, " ".join(doc[start:end].text.split()), category, rule.id, form_kind="unlisted"
    )

"""`normalize_unlisted_weapon` (extract/pipes/weapons.py): a designation missing from weapons.csv.

Called on tagged Docs with the span a weapon pattern would give (the model code); the category
comes from a military noun ending at most NOUN_WINDOW tokens before it.
"""

from __future__ import annotations

import pytest

from extract.pipes.items import items_in
from extract.pipes.weapons import normalize_unlisted_weapon
from extract.rules import PatternRule
from tests.pipes.test_tagger import tag

RULE = PatternRule("weapon-unlisted-after-noun", "WEAPON", [], "model_code", None, "weapon.jsonl:1")


def unlisted(text: str, code: str):
    doc = tag(text)
    start = text.index(code)
    span = doc.char_span(start, start + len(code))
    return normalize_unlisted_weapon(doc, span.start, span.end, items_in(doc, span.start, span.end), RULE)


@pytest.mark.parametrize(
    ("text", "code", "category"),
    [
        ("Il achète des missiles AGM-999.", "AGM-999", "missile"),
        ("Des frégates de Type 099A.", "Type 099A", "ship"),  # one word between
        ("Des frégates de la Type 099A.", "Type 099A", "ship"),  # two words between
        ("Des frégates de la même XK-99.", "XK-99", "other"),  # three: too far
        ("Il achète 24 XK-99 de 7,62 mm.", "XK-99", "other"),  # no noun
        ("Des chars XK-97 et des drones ZZ-1.", "ZZ-1", "aircraft"),
        ("Des chars XK-97 et des drones ZZ-1.", "XK-97", "armoured vehicle"),
    ],
)
def test_category_from_the_noun(text, code, category):
    candidate = unlisted(text, code)
    assert candidate is not None
    assert (candidate.label, candidate.value, candidate.unit) == ("WEAPON", code, category)
    assert (candidate.rule_id, candidate.form_kind) == ("weapon-unlisted-after-noun", "unlisted")


def test_no_model_code_no_weapon():
    assert unlisted("Des missiles modernes.", "modernes") is None

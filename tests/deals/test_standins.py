"""What a transfer sentence naming no system stands for (extract/deals/standins.py), read on
whole texts: a system named before, one named again later, a category. Rows are (supplier,
recipient, system, system kind, status, quantity); document date 2024-06."""

from __future__ import annotations

import pytest

CASES = {
    "a-category": (
        "Les États-Unis ont fourni 72 obusiers à l'Ukraine.",
        {("USA", "UKR", "obusier", "category", "delivered", 72)},
    ),
    "a-demonstrative-and-its-count": (
        "Les États-Unis ont livré des HIMARS à l'Ukraine. La France a livré 30 de ces lanceurs à l'Ukraine.",
        {
            ("USA", "UKR", "M142 HIMARS", "designation", "delivered", None),
            ("FRA", "UKR", "M142 HIMARS", "designation", "delivered", 30),
        },
    ),
    "a-demonstrative-noun": (
        "La France a livré des CAESAR à l'Ukraine. Ce canon a été exporté en Arabie saoudite.",
        {
            ("FRA", "UKR", "CAESAR", "designation", "delivered", None),
            ("FRA", "SAU", "CAESAR", "designation", "delivered", None),
        },
    ),
    "the-system-named-after": (
        "Washington a approuvé la vente de 60 hélicoptères à l'Allemagne. Les hélicoptères concernés sont des CH-47F.",
        {("USA", "DEU", "CH-47F", "designation", "approved", 60)},
    ),
    "a-gift-of-what-was-passed-on": (
        "La Belgique fournira 30 F-16 à l'Ukraine. Les Pays-Bas ont promis de céder une vingtaine d'appareils à Kiev.",
        {
            ("BEL", "UKR", "F-16", "designation", "ordered", 30),
            ("NLD", "UKR", "F-16", "designation", "donated", 20),
        },
    ),
    # a subject pronoun refers to the sentence before in its own paragraph only
    "a-pronoun-after-a-paragraph-break": (
        "Conçu pour la contre-insurrection, le Super Tucano est exporté en Colombie.\n\nIl est également en service"
        " en République dominicaine.",
        {("BRA", "COL", "EMB-314 Super Tucano", "designation", "delivered", None)},
    ),
    "a-pronoun-opening-the-text": (
        "Il est en service en République dominicaine.",
        set(),
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_what_a_sentence_stands_for(extractor, text, expected):
    deals = extractor.extract_deals(text, date="2024-06")
    assert {(d.supplier, d.recipient, d.system, d.system_kind, d.status, d.quantity) for d in deals} == expected


def test_free_nouns_are_the_categories_named_by_no_system(rules):
    from extract.deals.sentence import SentenceFacts
    from extract.deals.standins import StandIns
    from tests.deals.conftest import candidate

    stand_ins = StandIns(rules)
    facts = SentenceFacts(span=None, weapons=[candidate("WEAPON", 0, 1, "Leopard 2", unit="armoured vehicle")])  # type: ignore[arg-type]
    free = stand_ins.free_nouns([facts])
    assert "chars" not in free and "blindes" not in free
    assert free["obusiers"] == "obusier" and free["helicopteres"] == "hélicoptère"
    assert stand_ins.free_nouns([]) == stand_ins.noun_lemmas

"""Sentences from punctuation and line breaks (component `arms_sentencizer`).

A title or section label on its own line, without a final full stop, is a sentence of its own;
a line wrapped inside a sentence is not cut; a full stop glued to the next sentence still ends it.
"""

import pytest

SENTENCES = {
    "title-then-paragraph": (
        "Le fer de lance de la défense aérienne\n\nLe Maroc a commandé 18 HIMARS.",
        ["Le fer de lance de la défense aérienne", "Le Maroc a commandé 18 HIMARS."],
    ),
    "single-line-break-capital": (
        "La Pologne a promis treize appareils\nLa Slovaquie a livré ses MiG-29.",
        ["La Pologne a promis treize appareils", "La Slovaquie a livré ses MiG-29."],
    ),
    "line-break-before-digit": (
        "Les chiffres clés\n290 commandes et 570 000 heures de vol.",
        ["Les chiffres clés", "290 commandes et 570 000 heures de vol."],
    ),
    "wrapped-line-not-cut": (
        "Le Maroc a commandé\ndes lanceurs HIMARS pour 524 millions de dollars.",
        ["Le Maroc a commandé\ndes lanceurs HIMARS pour 524 millions de dollars."],
    ),
    "glued-full-stop": (
        "Six Rafale ont été livrés.Six autres suivront en 2026.",
        ["Six Rafale ont été livrés.", "Six autres suivront en 2026."],
    ),
    "question-then-line": (
        "Pourquoi cette montée en puissance ?\nLa menace russe.",
        ["Pourquoi cette montée en puissance ?", "La menace russe."],
    ),
    "designation-not-cut": (
        "La Turquie recevra des F-16 Block 72 en 2026.",
        ["La Turquie recevra des F-16 Block 72 en 2026."],
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(SENTENCES.values()), ids=list(SENTENCES))
def test_sentences(extractor, text, expected):
    doc = extractor.nlp(text)
    assert [s.text.strip() for s in doc.sents] == expected


def test_a_count_of_the_next_paragraph_does_not_borrow_a_title_system(extractor):
    text = "Livraison de Rafale\n\nLe budget : 80 pour la marine, 55 pour l'armée."
    assert not [m for m in extractor.extract(text) if m.label == "COUNT"]

"""Sentences from punctuation and line breaks (component `arms_sentencizer`).

A title or section label on its own line, without a final full stop, is a sentence of its own;
a line wrapped inside a sentence is not cut; a full stop glued to the next sentence still ends it.
"""

import pytest

from extract.pipes.sentences import LineSentencizer, make_arms_sentencizer
from tests.extractors import EXTRACTORS

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


# --- the component alone, on the session's tokenizer: which tokens start a sentence -------------

STARTS = {
    "wrapped": ("Il dit\nle reste", ["Il"]),
    "capital": ("Il dit\nLe reste", ["Il", "Le"]),
    "blank-line": ("Il dit\n\nle reste", ["Il", "le"]),
    "blank-line-with-spaces": ("Il dit\n \nle reste", ["Il", "le"]),
    "digit": ("Il dit\n12 avions", ["Il", "12"]),
    "guillemet": ("Il dit\n«Oui»", ["Il", "«"]),
    "dash": ("Il dit\n- oui", ["Il", "-"]),
    "em-dash": ("Il dit\n—oui", ["Il", "—"]),
    "bracket": ("Il dit\n(oui)", ["Il", "("]),
    "bullet": ("Il dit\n•oui", ["Il", "•oui"]),
    "star": ("Il dit\n*oui", ["Il", "*"]),
    "quote": ("Il dit\n'oui'", ["Il", "'"]),
    "space-before-the-break": ("Il dit \nLe reste", ["Il", "Le"]),
    "two-spaces-no-break": ("Il dit  Le reste", ["Il"]),  # a space token without a line break
    "break-after-a-question": ("Pourquoi ?\nLa menace.", ["Pourquoi", "\n"]),
    "break-after-a-full-stop": ("Il dit.\n\nLa suite", ["Il", "\n\n"]),
    "break-first": ("\nLe début", ["\n"]),
    "no-break": ("Il dit Le reste", ["Il"]),
}


@pytest.mark.parametrize(("text", "starts"), STARTS.values(), ids=STARTS.keys())
def test_sentence_starts(text, starts):
    doc = LineSentencizer("arms_sentencizer")(EXTRACTORS().nlp.make_doc(text))
    assert [t.text for t in doc if t.is_sent_start] == starts


def test_factory():
    component = make_arms_sentencizer(EXTRACTORS().nlp, "s", overwrite=True)
    assert isinstance(component, LineSentencizer) and component.overwrite

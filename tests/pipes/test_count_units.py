"""`normalize_count` (extract/pipes/count.py) on the pattern step's candidates: what a count counts.

Every COUNT candidate of a text before overlap resolution: its value, unit, rule and where the
unit comes from ('sentence': an elided count takes the sentence's system or noun).
"""

from __future__ import annotations

import pytest

from tests.extractors import EXTRACTORS


def counts(text: str) -> list[tuple[str, str, str, str, str]]:
    component = EXTRACTORS().nlp.get_pipe("arms_extractor")
    doc = component.nlp.make_doc(text)
    for step in component.steps[:4]:
        doc = step(doc)
    return [
        (doc[c.start : c.end].text, c.value, c.unit, c.rule_id, c.unit_source)
        for c in doc._.arms_candidates
        if c.label == "COUNT"
    ]


CASES = {
    "unit-noun-alone": ("Il a trois régiments.", []),
    "unit-noun-of-a-system": (
        "Il a trois régiments de Pantsir.",
        [("trois régiments", "3", "régiment Pantsir", "count-number-noun", "")],
    ),
    "system-seven-words-after": (
        "Il a trois régiments de la défense aérienne de longue portée Pantsir.",
        [("trois régiments", "3", "régiment Pantsir", "count-number-noun", "")],
    ),
    "system-eight-words-after": (
        "Il a trois régiments de la défense aérienne de très longue portée Pantsir.",
        [("trois régiments", "3", "régiment", "count-number-noun", "")],
    ),
    "system-after-a-name": (
        "Il a trois régiments Paris Pantsir.",
        [("trois régiments", "3", "régiment", "count-number-noun", "")],
    ),
    "system-after-an-elided-article": (
        "Il a trois régiments d'artillerie Pantsir.",
        [("trois régiments", "3", "régiment Pantsir", "count-number-noun", "")],
    ),
    "copies-of-a-system": (
        "Il a huit exemplaires du Rafale.",
        [("huit exemplaires", "8", "Rafale", "count-number-noun", "")],
    ),
    "unit-noun-after-a-system": (
        "Le Super Tucano sera livré, réparti en quatre escadrons.",
        [("quatre escadrons", "4", "escadron", "count-number-noun", "")],
    ),
    "maker-between": ("Il a 75 Boeing F-15.", [("75", "75", "F-15", "count-number-maker-system", "")]),
    "adjective-between": ("Il a deux nouveaux Rafale.", [("deux", "2", "Rafale", "count-number-adjective-system", "")]),
    "number-noun-of-a-system": (
        "Il a une vingtaine de Rafale.",
        [("une vingtaine", "20", "Rafale", "count-number-of-system", "")],
    ),
    "elided-dont": (
        "Il a 348 F-16, dont 58 pour la force aérienne.",
        [("348", "348", "F-16", "count-number-system", ""), ("58", "58", "F-16", "count-elided-dont", "sentence")],
    ),
    "elided-in-the-first-sentence": (
        "Il a 348 F-16, dont 58 pour la force aérienne. Le reste suit.",
        [("348", "348", "F-16", "count-number-system", ""), ("58", "58", "F-16", "count-elided-dont", "sentence")],
    ),
    "system-before-a-nearer-noun": (
        "Il a 20 Rafale et une vingtaine d'avions : 12 pour la France.",
        [
            ("20", "20", "Rafale", "count-number-system", ""),
            ("une vingtaine d'avions", "20", "avion", "count-number-noun", ""),
            ("12", "12", "Rafale", "count-elided-for-country", "sentence"),
        ],
    ),
    "nearest-noun": (
        "Il a 20 Rafale et une vingtaine d'avions, dont 12 pour la marine.",
        [
            ("20", "20", "Rafale", "count-number-system", ""),
            ("une vingtaine d'avions", "20", "avion", "count-number-noun", ""),
            ("12", "12", "avion", "count-elided-dont", "sentence"),
        ],
    ),
    "system-right-before": (
        "Le pays a commandé le Rafale 80 pour les Émirats.",
        [("80", "80", "Rafale", "count-elided-for-country", "sentence")],
    ),
    "maker-without-system": ("Il a 75 Boeing.", []),
    "previous-sentence-opening-with-a-break": (
        "Texte.\n\nDes Rafale. Il y en a 80 pour la France.",
        [
            ("80", "80", "Rafale", "count-elided-en-verb", "sentence"),
            ("80", "80", "Rafale", "count-elided-for-country", "sentence"),
        ],
    ),
    "no-system-at-all": ("Il y en a 80 pour la France.", []),
    "year-before": (
        "Des Rafale, en 2019 livrés : 80 pour la France.",
        [("80", "80", "Rafale", "count-elided-for-country", "sentence")],
    ),
    "other-quantity-before-a-date": ("Des Rafale et 45 soldats. Le 5 août, il y en a 80 pour la France.", []),
    "amount-before": (
        "Il paie 2 milliards pour des Rafale : 80 pour la France.",
        [("80", "80", "Rafale", "count-elided-for-country", "sentence")],
    ),
    "three-letter-word-after-a-number": (
        "Des Rafale depuis 45 ans : 80 pour la France.",
        [("80", "80", "Rafale", "count-elided-for-country", "sentence")],
    ),
    "four-letter-word-after-a-number": ("Des Rafale depuis 45 mois : 80 pour la France.", []),
    "other-quantity-before-a-neutral-one": ("Des Rafale et 45 soldats, puis deux pays : 80 pour la France.", []),
    "day-before": (
        "Des Rafale. Le 5 août, il y en a 80 pour la France.",
        [
            ("80", "80", "Rafale", "count-elided-en-verb", "sentence"),
            ("80", "80", "Rafale", "count-elided-for-country", "sentence"),
        ],
    ),
    "count-with-adjective-before": (
        "Il a reçu deux nouveaux Rafale : 80 pour la France.",
        [
            ("deux", "2", "Rafale", "count-number-adjective-system", ""),
            ("80", "80", "Rafale", "count-elided-for-country", "sentence"),
        ],
    ),
    "capital-elided-article-stops": (
        "Il a trois régiments D'artillerie Pantsir.",
        [("trois régiments", "3", "régiment", "count-number-noun", "")],
    ),
    "capital-elided-article-stops-curly": (
        "Il a trois régiments D’artillerie Pantsir.",
        [("trois régiments", "3", "régiment", "count-number-noun", "")],
    ),
    "capital-elided-l-stops": (
        "Il a trois régiments L'artillerie Pantsir.",
        [("trois régiments", "3", "régiment", "count-number-noun", "")],
    ),
    "capital-elided-l-stops-curly": (
        "Il a trois régiments L’artillerie Pantsir.",
        [("trois régiments", "3", "régiment", "count-number-noun", "")],
    ),
    "year-is-no-count": ("Il a des F-16. En 2019, il en a eu.", []),
    "too-many": ("Il a 20 millions d'obus.", []),
    "not-whole": ("Il a 2,5 chars.", []),
    "other-quantity-before": ("Il a 45 années de service (dont 33 au sein de l'armée) sur ses F-16.", []),
    "neutral-noun-before": (
        "Seuls deux pays en ont commandé des Rafale : 80 pour les Émirats, 55 pour l'Égypte.",
        [
            ("80", "80", "Rafale", "count-elided-for-country", "sentence"),
            ("55", "55", "Rafale", "count-elided-for-country", "sentence"),
        ],
    ),
    "previous-sentence": (
        "Des Rafale. Il y en a 80 pour la France.",
        [
            ("80", "80", "Rafale", "count-elided-en-verb", "sentence"),
            ("80", "80", "Rafale", "count-elided-for-country", "sentence"),
        ],
    ),
    "previous-paragraph-title": ("Des Rafale\n\nIl y en a 80 pour la France.", []),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_counts(text, expected):
    assert counts(text) == expected


#: A line break between two sentences is a paragraph's end, whichever side of the break the
#: sentencizer puts it on (after a full stop, the break opens the next sentence).
PARAGRAPH_BREAKS = {
    "blank-line-after-a-full-stop": "Des Rafale.\n\nIl y en a 80 pour la France.",
    "line-break-after-a-full-stop": "Des Rafale.\nIl y en a 80 pour la France.",
    "blank-line-after-a-question-mark": "Des Rafale ?\n\nIl y en a 80 pour la France.",
    "blank-line-with-spaces": "Des Rafale.  \n \n Il y en a 80 pour la France.",
    "title-then-blank-line": "Des Rafale\n\nIl y en a 80 pour la France.",
}


@pytest.mark.parametrize("text", PARAGRAPH_BREAKS.values(), ids=PARAGRAPH_BREAKS.keys())
def test_a_count_does_not_borrow_a_system_across_a_paragraph_break(text):
    assert counts(text) == []


def test_the_sentence_before_in_the_same_paragraph_still_lends_its_system():
    # the negative cases above differ from this one only by the break
    assert [c[2] for c in counts("Des Rafale. Il y en a 80 pour la France.")] == ["Rafale", "Rafale"]

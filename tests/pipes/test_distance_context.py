"""extract/pipes/distance.py: the context noun that makes a distance a range (`_context_before`), and
the RANGE candidates `normalize_range` gives.

'range' or 'blocks' for the nearest context noun (rules/lexicons/distance_context.csv) or blocker
before the number in its sentence, within CONTEXT_WINDOW words (NEAR_WINDOW for metres, with no
other number between).
"""

from __future__ import annotations

import pytest

from extract.pipes.distance import _context_before
from tests.extractors import EXTRACTORS
from tests.pipes.test_tagger import tag

CONTEXT = {
    # text, number: context, context for a unit that needs one (near)
    "range-noun": ("Une portée de 300 km.", "300", "range", "range"),
    "range-noun-right-before": ("Une portée 300 km.", "300", "range", "range"),
    "near-window-edge": ("Une portée a b c d de 300 km.", "300", "range", "range"),
    "past-the-near-window": ("Une portée a b c d e de 300 km.", "300", "range", ""),
    "window-edge": ("Une portée a b c d e f g h i j de 300 km.", "300", "range", ""),
    "past-the-window": ("Une portée a b c d e f g h i j k de 300 km.", "300", "", ""),
    "blocking-noun": ("Une altitude de 20 km.", "20", "blocks", "blocks"),
    "blocker": ("Le long de la frontière de 460 km.", "460", "blocks", "blocks"),
    "number-between": ("Une portée de 300 km et mesure 6 m.", "6", "range", ""),
    "other-sentence": ("Une portée. Il fait 300 km.", "300", "", ""),
    "none": ("Il fait 300 km.", "300", "", ""),
    "spaced-number": ("Une portée de plus de 1 500 mètres.", "1 500", "range", "range"),
}


@pytest.mark.parametrize(("text", "number", "context", "near"), CONTEXT.values(), ids=CONTEXT.keys())
def test_context_before(text, number, context, near):
    doc = tag(text)
    start = doc.char_span(text.index(number), text.index(number) + len(number)).start
    assert _context_before(doc, start) == context
    assert _context_before(doc, start, near=True) == near


def ranges(text: str) -> list[tuple[str, ...]]:
    component = EXTRACTORS().nlp.get_pipe("arms_extractor")
    doc = component.nlp.make_doc(text)
    for step in component.steps[:4]:
        doc = step(doc)
    return [
        (doc[c.start : c.end].text, c.value, c.unit, c.rule_id, c.approx, c.value_min, c.value_max)
        for c in doc._.arms_candidates
        if c.label == "RANGE"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Une portée de 300 km.", [("300 km", "300", "km", "range-number-unit", "", "", "")]),
        (
            "Une portée de 300 à 500 km.",
            [
                ("de 300 à 500 km", "500", "km", "range-interval-unit", "", "300", "500"),
                ("300 à 500 km", "500", "km", "range-hyphen-interval-unit", "", "300", "500"),
                ("500 km", "500", "km", "range-number-unit", "", "", ""),
            ],
        ),
    ],
)
def test_range_candidates(text, expected):
    assert ranges(text) == expected

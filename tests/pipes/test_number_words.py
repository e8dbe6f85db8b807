"""COUNT from number words in every spelling, generated: each value 1..1000 and a fixed sample up to
10 million, spelled by `french_numbers.to_words` in five styles (standard with hyphens, without
hyphens, the 1990 reform, Belgian and Swiss), as 'N obus' must give N.

One test per style and block of values; a failure lists every value of the block read wrong.
"""

from __future__ import annotations

import random

import pytest

from extract.pipes.count import MAX_COUNT
from tests.pipes.french_numbers import STYLES, to_words

#: Every value up to 1000, a regular and a random sample of the thousands, and millions up to MAX_COUNT.
SAMPLE = random.Random(11)
ABOVE_1000 = sorted({*range(1001, 1_000_000, 7919), *SAMPLE.sample(range(1001, 1_000_000), 120)})
MILLIONS = sorted(
    {1_000_000, 1_000_001, 1_200_000, 2_000_000, 2_300_000, 3_080_080, 10_000_000}
    | set(SAMPLE.sample(range(1_000_000, int(MAX_COUNT)), 60))
)
BLOCKS = {
    **{f"{start}-{start + 99}": list(range(start, start + 100)) for start in range(1, 1001, 100)},
    "thousands": ABOVE_1000,
    "millions": MILLIONS,
}


def phrase(n: int, style: str) -> str:
    """'soixante-quatorze obus'; 'deux millions d'obus' (a round million is a noun); 'un seul obus'
    (a plain 'un' is an article, never a count)."""
    if n == 1:
        return "un seul obus"
    words = to_words(n, style)
    return f"{words} d'obus" if n % 1_000_000 == 0 else f"{words} obus"


@pytest.mark.parametrize("block", list(BLOCKS), ids=list(BLOCKS))
@pytest.mark.parametrize("style", STYLES)
def test_number_words_table(extractor, style, block):
    values = BLOCKS[block]
    texts = [f"L'armée a reçu {phrase(n, style)} cette année." for n in values]
    wrong = []
    for n, result in zip(values, extractor.extract_texts((t, None) for t in texts), strict=True):
        counts = [(m.text, m.value, m.unit) for m in result.mentions if m.label == "COUNT"]
        if counts != [(phrase(n, style), str(n), "obus")]:
            wrong.append((n, phrase(n, style), counts))
    assert not wrong, f"{len(wrong)} of {len(values)} read wrong: {wrong[:20]}"


def test_the_table_covers_every_value_up_to_1000_and_beyond():
    covered = {n for values in BLOCKS.values() for n in values}
    assert set(range(1, 1001)) <= covered
    assert len(covered) > 1000 + 200 and max(covered) == MAX_COUNT


@pytest.mark.parametrize(
    ("n", "style", "expected"),
    [
        (74, "traditional", "soixante-quatorze"),
        (71, "traditional", "soixante et onze"),
        (80, "traditional", "quatre-vingts"),
        (81, "traditional", "quatre-vingt-un"),
        (91, "traditional", "quatre-vingt-onze"),
        (200, "traditional", "deux cents"),
        (280, "traditional", "deux cent quatre-vingts"),
        (80_000, "traditional", "quatre-vingt mille"),
        (200_000, "traditional", "deux cent mille"),
        (21_000, "traditional", "vingt et un mille"),
        (200_000_000, "traditional", "deux cents millions"),
        (1_200_000, "traditional", "un million deux cent mille"),
        (74, "spaced", "soixante quatorze"),
        (203, "reform", "deux-cent-trois"),
        (21, "reform", "vingt-et-un"),
        (2_300_000, "reform", "deux millions trois-cent-mille"),
        (72, "belgian", "septante-deux"),
        (80, "belgian", "quatre-vingts"),
        (99, "belgian", "nonante-neuf"),
        (81, "swiss", "huitante et un"),
    ],
)
def test_the_number_to_words_helper_spells_like_a_grammar(n, style, expected):
    assert to_words(n, style) == expected

"""Military aid (extract/deals/aid.py): which countries a document aids, and when a supply to
them is a donation."""

from __future__ import annotations

import pytest

from extract.deals.aid import AidContext
from extract.deals.cues import CueHit
from extract.deals.sentence import SentenceFacts
from tests.deals.conftest import actor, cue, words


def _aided(rules, make_doc, text: str, actors: list, main: str = "", sentence_start: int = 0) -> set[str]:
    doc = make_doc(text)
    facts = SentenceFacts(doc[sentence_start:], actors=actors)
    return AidContext(rules).aided(words(text), [facts], main)


@pytest.mark.parametrize(
    ("text", "actors", "main", "expected"),
    [
        # the country just after an aid word
        ("le soutien militaire a l' Ukraine", [(5, "UKR")], "", {"UKR"}),
        ("une aide a x y z w l' Ukraine", [(8, "UKR")], "", {"UKR"}),  # six words after
        ("une aide a x y z w v l' Ukraine", [(9, "UKR")], "MAR", {"MAR"}),  # seven words: the main recipient
        ("Ukraine : une aide", [(0, "UKR")], "", set()),  # before the aid word: not named
        # aid named, no country after it: the document's main recipient
        ("une grande aide pour eux", [], "UKR", {"UKR"}),
        ("une grande aide pour eux", [], "", set()),
        # no aid word: nobody
        ("la France livre des canons a l' Ukraine", [(1, "FRA"), (7, "UKR")], "UKR", set()),
        # 'à l' aide de': by means of, not aid
        ("transportes a l' aide de camions vers l' Ukraine", [(8, "UKR")], "UKR", set()),
        ("transportes a l' aide d' helicopteres vers l' Ukraine", [(8, "UKR")], "UKR", set()),
        ("transportes a l' aide du ciel vers l' Ukraine", [(8, "UKR")], "UKR", set()),
        ("transportes a l' aide des Etats vers l' Ukraine", [(8, "UKR")], "UKR", set()),
        ("a l' aide de camions vers l' Ukraine", [(7, "UKR")], "UKR", set()),  # at the text's start
        ("avec l' aide de l' Ukraine", [(5, "UKR")], "", {"UKR"}),  # not after 'à'
        ("grace a l' aide", [], "UKR", {"UKR"}),  # at the text's end
        ("a l' aide pour l' Ukraine", [(5, "UKR")], "", {"UKR"}),  # 'à l' aide' without 'de'
        # a country without a code is no aided country
        ("le soutien militaire a l' Ukraine", [(5, "")], "MAR", {"MAR"}),
    ],
)
def test_aided(rules, make_doc, text, actors, main, expected):
    assert _aided(rules, make_doc, text, [actor(s, c) for s, c in actors], main) == expected


def test_aided_reads_each_sentence_from_its_own_start(rules, make_doc):
    text = "une aide . la France et l' Ukraine"
    assert _aided(rules, make_doc, text, [actor(7, "UKR")], "", sentence_start=3) == set()
    assert _aided(rules, make_doc, text, [actor(7, "UKR")], "") == {"UKR"}
    assert _aided(rules, make_doc, "l' aide de tous , il a", [], "UKR") == {"UKR"}  # at the text's start


@pytest.mark.parametrize(
    ("text", "trigger", "stage", "expected"),
    [
        ("la France livre des canons", (2, 3), "delivered", True),
        ("la France fournira des canons", (2, 3), "ordered", True),
        ("la France vend des canons", (2, 3), "ordered", False),  # a sale word
        ("la France livre des canons", (2, 3), "approved", False),
        ("la France livre des canons", (2, 3), "negotiating", False),
        ("la France livre des canons", (3, 4), "delivered", False),  # the supply word is not the trigger
        ("la France livre des canons", None, "delivered", False),
    ],
)
def test_donation(rules, text, trigger, stage, expected):
    hit = CueHit(*trigger, cue("x", stage, "out")) if trigger else None
    assert AidContext(rules).donation(words(text), hit, stage) is expected

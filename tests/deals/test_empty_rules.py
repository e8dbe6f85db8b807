"""The deal components built from a rules folder that declares none of their cue lists: they
find nothing, and do not fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.deals.aid import AidContext
from extract.deals.clauses import ClauseSplitter
from extract.deals.cues import CueHit
from extract.deals.elaboration import Elaborations
from extract.deals.roles import RoleFinder
from extract.deals.sentence import SentenceFacts
from extract.deals.stages import StageReader
from extract.deals.standins import StandIns
from extract.rules import RuleSet
from tests.deals.conftest import actor, cue, words


@pytest.fixture
def empty() -> RuleSet:
    return RuleSet(Path("."))


def test_roles(empty, make_doc):
    finder = RoleFinder(empty)
    text = "vend des Rafale a l' Inde de la part de la France"
    hit = CueHit(0, 1, cue("vend", "ordered", "out"))
    assert finder.role(words(text), actor(5, "IND"), [hit], 0, []) == ""  # 'à' is no recipient word there
    india, france = actor(5, "IND"), actor(11, "FRA")
    finder.assign(make_doc(text), words(text), [india, france], [hit], 0, [india.candidate, france.candidate])
    assert (india.role, france.role) == ("", "")


def test_stages(empty, make_doc):
    reader = StageReader(empty)
    doc = make_doc("les F-16 vont etre livres")
    hit = CueHit(4, 5, cue("livr*", "delivered", "out"))
    assert reader.stage(doc, SentenceFacts(doc[:], triggers=[hit]), hit) == "delivered"  # no future stages


def test_clauses(empty):
    folded = words("A t , et B t")
    hits = [CueHit(1, 2, cue("t", "ordered", "in")), CueHit(5, 6, cue("t", "ordered", "in"))]
    assert (
        ClauseSplitter(empty).breaks(folded, 0, 6, [actor(0, "A", "recipient"), actor(4, "B", "recipient")], hits) == []
    )


def test_aid(empty, make_doc):
    doc = make_doc("une aide militaire a l' Ukraine")
    facts = SentenceFacts(doc[:], actors=[actor(5, "UKR")])
    assert AidContext(empty).aided(words(doc.text), [facts], "UKR") == set()
    assert not AidContext(empty).donation(
        words("il livre"), CueHit(1, 2, cue("livr*", "delivered", "out")), "delivered"
    )


def test_elaborations(empty, make_doc):
    doc = make_doc("la Norvege livre des NASAMS . il s' agit de missiles .")
    first = SentenceFacts(doc[0:6], triggers=[CueHit(2, 3, cue("livr*", "delivered", "out"))])
    second = SentenceFacts(doc[6:12])
    Elaborations(empty, StageReader(empty), RoleFinder(empty)).link(
        doc, doc._.folded, [first, second], [(first.span, []), (second.span, [])]
    )
    assert not second.elaborates


def test_stand_ins(empty):
    stand_ins = StandIns(empty)
    assert (stand_ins.noun_lemmas, stand_ins.anaphors, stand_ins.free_nouns([])) == ({}, {}, {})

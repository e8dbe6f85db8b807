"""Helpers for the function-level deal tests: the session's rules, folded words, candidates, actors.

The objects under test (a RoleFinder, a StageReader...) are built by function-scoped fixtures:
mutmut's first run maps each function to the tests that called it, and a module-scoped fixture
would tie a constructor to the first test of its module only.
"""

from __future__ import annotations

import pytest

from extract.deals.actors import Actor
from extract.pipes.items import Candidate
from extract.rules import DealCue, RuleSet
from extract.textnorm import fold


@pytest.fixture(scope="session")
def rules(extractor) -> RuleSet:
    """The default rules (those of the session's extractor)."""
    return extractor.rules


def words(text: str) -> list[str]:
    """Folded words of a text split on spaces ('à la France' -> ['a', 'la', 'france'])."""
    return [fold(w) for w in text.split()]


def cue(words_: str, kind: str = "k", direction: str = "", unstaged: str = "") -> DealCue:
    return DealCue(tuple(words_.split()), kind, direction, "test", unstaged)


def actor(start: int, country: str, role: str = "", end: int | None = None, **fields) -> Actor:
    """An actor on tokens [start, end) (one token by default); `fields` go to its Candidate."""
    label = fields.pop("label", "COUNTRY")
    end = start + 1 if end is None else end
    extra = {"entity_kind": fields.pop("entity_kind")} if "entity_kind" in fields else {}
    return Actor(Candidate(label, start, end, country, extra=extra, **fields), country, role)


@pytest.fixture(scope="session")
def make_doc(extractor):
    """A Doc of the words of a text split on spaces, its folded words set (as the pipeline does)."""
    from spacy.tokens import Doc

    def make(text: str) -> Doc:
        doc = Doc(extractor.nlp.vocab, words=text.split())
        doc._.folded = [fold(t.text) for t in doc]
        return doc

    return make


def candidate(label: str, start: int, end: int, value: str = "", **fields) -> Candidate:
    return Candidate(label, start, end, value, **fields)


@pytest.fixture
def tables(rules):
    """(anaphor words, noun lemma -> category, folded form -> lemma) of the default rules."""
    from extract.deals.standins import StandIns

    stand_ins = StandIns(rules)
    return rules.anaphors, stand_ins.noun_categories, stand_ins.noun_lemmas

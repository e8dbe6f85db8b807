"""Clauses of one sentence (extract/deals/clauses.py): where a clause with its own subject starts,
and which parties a system takes from its own clause."""

from __future__ import annotations

import pytest

from extract.deals.clauses import ClauseSplitter, clause_index, in_clause_of
from extract.deals.cues import CueHit
from tests.deals.conftest import actor, cue, words


def _trigger(position: int, kind: str = "ordered") -> CueHit:
    return CueHit(position, position + 1, cue("t", kind, "in"))


CASES = {
    # 'La Tchéquie a signé pour des Leopard , et la Lituanie a commandé des RCH'
    "comma-et-subject": ("Tch a signe Leo , et la Lit a commande RCH", [0, 7], [2, 9], [5]),
    "comma-tandis-que": ("Tch a signe Leo , tandis que la Lit a commande RCH", [0, 8], [2, 10], [5]),
    "semicolon-needs-no-opener": ("Tch a signe Leo ; la Lit a commande RCH", [0, 6], [2, 8], [5]),
    "comma-without-opener": ("Tch a signe Leo , la Lit a commande RCH", [0, 6], [2, 8], []),
    # one clause: no trigger before the break
    "no-trigger-before": ("Tch , et la Lit ont commande RCH", [0, 4], [6], []),
    # one clause: no trigger after the new subject
    "no-trigger-after": ("Tch a signe Leo , et la Lit", [0, 7], [2], []),
    # the word after the opener is no party with a role
    "no-subject": ("Tch a signe Leo , et des RCH ont ete commandes", [0], [2, 10], []),
    # a trigger of kind 'none' states nothing
    "blocker-before": ("Tch a signe Leo , et la Lit a commande RCH", [0, 7], [(2, "none"), 9], []),
    # the break is the punctuation's next token
    "two-clauses": ("A t , et B t ; C t", [0, 4, 7], [1, 5, 8], [3, 7]),
    # a trigger before the previous break does not open the next one
    "trigger-before-previous-break": ("A t , et B , et C t", [0, 4, 7], [1, 8], [3]),
}


@pytest.mark.parametrize(("text", "subjects", "triggers", "expected"), list(CASES.values()), ids=list(CASES))
def test_breaks(rules, text, subjects, triggers, expected):
    folded = words(text)
    actors = [actor(s, f"C{s}", "recipient") for s in subjects]
    hits = [_trigger(*t) if isinstance(t, tuple) else _trigger(t) for t in triggers]
    assert ClauseSplitter(rules).breaks(folded, 0, len(folded), actors, hits) == expected


def test_breaks_keep_to_the_sentence(rules):
    folded = words("x . A t , et B t")
    actors = [actor(2, "A", "supplier"), actor(6, "B", "supplier")]
    hits = [_trigger(3), _trigger(7)]
    assert ClauseSplitter(rules).breaks(folded, 2, len(folded), actors, hits) == [5]
    # punctuation as the sentence's last token opens nothing
    assert ClauseSplitter(rules).breaks(words("A t ,"), 0, 3, [actor(0, "A", "supplier")], [_trigger(1)]) == []
    # a role-less country is no subject
    assert ClauseSplitter(rules).breaks(folded, 2, len(folded), [actor(2, "A"), actor(6, "B")], hits) == []


@pytest.mark.parametrize(("position", "expected"), [(0, 0), (4, 0), (5, 1), (6, 1), (9, 2), (20, 2)])
def test_clause_index(position, expected):
    assert clause_index([5, 9], position) == expected


def test_in_clause_of():
    tch, lit, deu = actor(0, "CZE", "recipient"), actor(8, "LTU", "recipient"), actor(10, "DEU", "supplier")
    actors = [tch, deu, lit]
    assert in_clause_of(actors, [], 9, "recipient") == actors  # one clause: all of them
    assert in_clause_of(actors, [5], 9, "recipient") == [deu, lit]  # the others, then its own clause's
    assert in_clause_of(actors, [5], 2, "recipient") == [deu, tch]
    assert in_clause_of(actors, [5], 2, "supplier") == actors  # its clause names no supplier: all
    assert in_clause_of(actors, [5], 9, "supplier") == [tch, lit, deu]

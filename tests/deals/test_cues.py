"""Cue lookup (extract/deals/cues.py): prefix words, the longest and most specific cue, memo."""

from __future__ import annotations

import pytest

import extract.deals.cues as cues_module
from extract.deals.cues import NO_CUE, CueHit, CueIndex, find_cues, has_stage, word_matches
from tests.deals.conftest import cue, words


@pytest.mark.parametrize(
    ("pattern", "token", "expected"),
    [
        ("approuv*", "approuve", True),
        ("approuv*", "approuv", True),
        ("approuv*", "approu", False),
        ("approuv*", "desapprouve", False),
        ("vend", "vend", True),
        ("vend", "vendu", False),
        ("vend", "ven", False),
    ],
)
def test_word_matches(pattern, token, expected):
    assert word_matches(pattern, token) is expected


@pytest.mark.parametrize(("kind", "expected"), [("ordered", True), ("approved", True), ("", False), ("none", False)])
def test_has_stage(kind, expected):
    assert has_stage(CueHit(0, 1, cue("x", kind))) is expected


def test_index_looks_up_exact_words_and_prefixes_of_every_length():
    index = CueIndex([cue("vend", "a"), cue("vend*", "b"), cue("ach*", "c"), cue("achete", "d"), cue("a*", "e")])
    assert [c.kind for c in index.starting_with("vend")] == ["a", "b"]
    assert [c.kind for c in index.starting_with("vendu")] == ["b"]
    assert sorted(c.kind for c in index.starting_with("achete")) == ["c", "d", "e"]
    assert [c.kind for c in index.starting_with("ac")] == ["e"]  # shorter than 'ach': that prefix is not tried
    assert sorted(c.kind for c in index.starting_with("ach")) == ["c", "e"]  # as long as the prefix
    assert index.starting_with("livre") is NO_CUE
    # a repeated look-up gives the same answer (memoized)
    assert sorted(c.kind for c in index.starting_with("achete")) == ["c", "d", "e"]


def test_index_tells_a_prefix_from_its_stem_of_another_length():
    index = CueIndex([cue("livr*", "p")])
    assert index.prefixes == {4: {"livr": [cue("livr*", "p")]}}
    assert index.exact == {}


def _found(text: str, cues: list, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    folded = words(text)
    hits = find_cues(folded, CueIndex(cues), start, len(folded) if end is None else end)
    return [(h.start, h.end, h.cue.kind) for h in hits]


@pytest.mark.parametrize(
    ("text", "cues", "expected"),
    [
        # the longest cue wins at a position, and the scan goes on after it
        ("le feu vert du congres", [cue("feu", "one"), cue("feu vert", "two")], [(1, 3, "two")]),
        ("feu feu vert", [cue("feu", "one"), cue("feu vert", "two")], [(0, 1, "one"), (1, 3, "two")]),
        # an exact last word over a prefix of the same length ('vend' over 'vend*')
        ("il vend", [cue("vend*", "prefix"), cue("vend", "exact")], [(1, 2, "exact")]),
        ("il vend", [cue("vend", "exact"), cue("vend*", "prefix")], [(1, 2, "exact")]),
        # then the longer last word ('livraison*' over 'livr*')
        ("la livraison", [cue("livr*", "short"), cue("livraison*", "long")], [(1, 2, "long")]),
        ("la livraison", [cue("livraison*", "long"), cue("livr*", "short")], [(1, 2, "long")]),
        # a multi-word cue needs all its words, prefixes included
        ("aides militaires", [cue("aide* militaire*", "aid")], [(0, 2, "aid")]),
        ("aides navales", [cue("aide* militaire*", "aid")], []),
        ("l'aide militaire a", [cue("aide militaire", "aid")], []),
        # several hits, non-overlapping, in order
        ("vend puis vend", [cue("vend", "v")], [(0, 1, "v"), (2, 3, "v")]),
        # a cue's start inside the cue found before is passed over
        ("vend vend vend", [cue("vend vend", "two")], [(0, 2, "two")]),
        ("feu vert vert", [cue("feu vert", "two"), cue("vert", "one")], [(0, 2, "two"), (2, 3, "one")]),
        ("le feu feu vert", [cue("feu feu", "a"), cue("feu vert", "b")], [(1, 3, "a")]),
    ],
)
def test_find_cues(text, cues, expected):
    assert _found(text, cues) == expected


def test_find_cues_keeps_to_its_window():
    cues = [cue("feu vert", "two"), cue("vend", "v")]
    assert _found("vend feu vert vend", cues, 1, 3) == [(1, 3, "two")]
    assert _found("vend feu vert vend", cues, 1, 2) == []  # the cue would end past the window
    assert _found("vend feu vert vend", cues, 3, 4) == [(3, 4, "v")]
    assert _found("vend feu vert vend", cues, 0, 0) == []


def test_the_memo_starts_afresh_when_full_and_answers_stay_the_same(monkeypatch):
    monkeypatch.setattr(cues_module, "MEMO_WORDS", 3)
    index = CueIndex([cue("vend", "v"), cue("achat*", "a")])
    words = ["le", "vend", "achats", "pays", "vend", "la"]
    answers = [[c.kind for c in index.starting_with(w)] for w in words]
    assert answers == [[], ["v"], ["a"], [], ["v"], []]
    assert len(index._seen) <= 3  # never more than MEMO_WORDS words
    assert list(index._seen) == ["pays", "vend", "la"]  # emptied when the fourth came, then filled again
    assert _found("le pays vend des achats", [cue("vend", "v"), cue("achat*", "a")]) == [(2, 3, "v"), (4, 5, "a")]

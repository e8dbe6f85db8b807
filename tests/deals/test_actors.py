"""Where a country's words stand (extract/deals/actors.py): brackets, articles, a fronted place,
an aside, the maker or origin of another system."""

from __future__ import annotations

import pytest

from extract.deals.actors import (
    article_start,
    bracket_scope,
    closes_aside,
    cue_ending_at,
    fronted_scene,
    origin_of_other,
)
from extract.deals.cues import CueIndex
from extract.pipes.items import Candidate
from tests.deals.conftest import actor, cue, words


@pytest.mark.parametrize(
    ("text", "start", "position", "expected"),
    [
        ("a la Belgique ( 9 commandes ) et a l'Estonie", 0, 9, -1),  # after the aside: outside
        ("a la Belgique ( 9 commandes ) et a l'Estonie", 0, 5, 3),  # inside it
        ("a la Belgique ( 9 commandes ) et a l'Estonie", 0, 3, -1),  # on the bracket itself: not yet
        ("x ( a ( b ) c ) d", 0, 7, 1),  # inside a nested aside: the outermost one
        ("x ( a ( b ) c ) d", 0, 4, 1),
        ("x ( a ( b ) c ) d", 0, 8, -1),
        ("x ( a ( b ) c ) d", 2, 5, 3),  # counted from `start`: the outer opening is not seen
        ("x ) ( a", 0, 4, 2),  # a closing bracket with none open is ignored
        ("x ( a", 0, 0, -1),
    ],
)
def test_bracket_scope(text, start, position, expected):
    assert bracket_scope(words(text), start, position) == expected


@pytest.mark.parametrize(
    ("text", "start", "sent_start", "expected"),
    [
        ("livres a la Belgique", 3, 0, 2),
        ("livres a l' Estonie", 3, 0, 2),
        ("les la le Maroc", 3, 0, 0),  # every article before it
        ("les la le Maroc", 3, 1, 1),  # not past the sentence's start
        ("a Maroc", 1, 0, 1),
        ("Maroc", 0, 0, 0),
    ],
)
def test_article_start(text, start, sent_start, expected):
    assert article_start(words(text), start, sent_start) == expected


@pytest.mark.parametrize(
    ("text", "start", "end", "sent_start", "expected"),
    [
        ("En Ukraine , Stockholm a promis", 1, 2, 0, True),
        ("Au Senegal , le gouvernement", 1, 2, 0, True),
        ("Aux Emirats arabes unis , ils", 1, 4, 0, True),
        ("En l' Ukraine , x", 2, 3, 0, True),  # its article is skipped
        ("En Ukraine enfin , Stockholm", 1, 2, 0, True),  # the comma may come one word later
        ("En Ukraine deux ans , x", 1, 2, 0, False),  # not two
        ("En Ukraine Stockholm a promis", 1, 2, 0, False),  # no comma
        ("Vers l' Ukraine , x", 2, 3, 0, False),  # not a place word
        ("Puis en Ukraine , x", 2, 3, 0, False),  # more than the place word before it
        ("Ukraine , x", 0, 1, 0, False),  # nothing before it
        (". En Ukraine , x", 2, 3, 1, True),  # counted from the sentence's start
    ],
)
def test_fronted_scene(text, start, end, sent_start, expected):
    assert fronted_scene(words(text), Candidate("COUNTRY", start, end, "X"), sent_start) is expected


def test_cue_ending_at():
    folded = words("des negociations avec la Suede")
    cues = CueIndex([cue("negociations avec"), cue("avec")])
    assert cue_ending_at(folded, cues, 3, 0) == 1
    assert cue_ending_at(folded, cues, 3, 2) == 2  # the longer cue starts before `lowest`
    assert cue_ending_at(folded, cues, 4, 0) is None  # none ends right there
    assert cue_ending_at(folded, cues, 2, 0) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "trigger", "sent_start", "expected"),
    [
        ("Selon elle , la Lettonie , voisine de la Russie , a annonce", 4, 5, 12, 0, True),
        ("La Lettonie , qui borde la Russie , a annonce", 1, 2, 8, 0, False),  # within FRONTED: a topic
        ("Hier soir le Pakistan , qui a recu", 3, 4, 7, 0, False),  # its own relative clause
        ("Hier soir le Pakistan a recu", 3, 4, 4, 0, False),  # no comma
        ("Hier soir le Pakistan , enfin , a recu", 3, 4, 7, 0, True),
        ("x y z . Hier le Pakistan , lui , a recu", 6, 7, 10, 3, True),
        ("x y z . Hier le Pakistan , lui , a recu", 6, 7, 10, 4, False),  # two words in: a topic
        ("x y z . Le Pakistan , lui , a recu", 5, 6, 9, 4, False),  # near its own sentence's start
    ],
)
def test_closes_aside(text, start, end, trigger, sent_start, expected):
    folded = words(text)
    assert closes_aside(folded, Candidate("COUNTRY", start, end, "X"), trigger, sent_start) is expected


def _weapon(start: int, end: int, country: str) -> Candidate:
    return Candidate("WEAPON", start, end, "W", extra={"country": country})


@pytest.mark.parametrize(
    ("who", "weapons", "expected"),
    [
        # 'des Rafale francais' when the row's system is another: the demonym is that system's origin
        (actor(4, "FRA", form_kind="demonym"), [_weapon(0, 1, "IND"), _weapon(3, 4, "FRA")], True),
        (actor(5, "FRA", form_kind="demonym"), [_weapon(0, 1, "IND"), _weapon(3, 4, "FRA")], True),  # one word apart
        (actor(6, "FRA", form_kind="demonym"), [_weapon(0, 1, "IND"), _weapon(3, 4, "FRA")], False),  # two
        (actor(2, "FRA", form_kind="demonym"), [_weapon(0, 1, "IND"), _weapon(3, 4, "FRA")], False),  # before it
        (actor(4, "FRA", form_kind="demonym"), [_weapon(0, 1, "IND"), _weapon(3, 4, "DEU")], False),  # other country
        (actor(4, "FRA", form_kind="demonym"), [_weapon(0, 1, "FRA"), _weapon(3, 4, "FRA")], False),  # its own
        (actor(1, "FRA", form_kind="demonym"), [_weapon(0, 1, "IND")], False),  # only the row's system
        # a maker named right before or inside another system of its country ('75 Boeing F-15')
        (actor(3, "USA", entity_kind="manufacturer"), [_weapon(0, 1, "IND"), _weapon(3, 5, "USA")], True),
        (actor(2, "USA", entity_kind="manufacturer"), [_weapon(0, 1, "IND"), _weapon(3, 5, "USA")], True),
        (actor(1, "USA", entity_kind="manufacturer"), [_weapon(0, 1, "IND"), _weapon(3, 5, "USA")], False),
        (actor(4, "USA", entity_kind="manufacturer"), [_weapon(0, 1, "IND"), _weapon(3, 5, "USA")], True),
        (actor(5, "USA", entity_kind="manufacturer"), [_weapon(0, 1, "IND"), _weapon(3, 5, "USA")], False),
        (actor(3, "USA", entity_kind="manufacturer"), [_weapon(0, 1, "IND"), _weapon(3, 5, "GBR")], False),
        (actor(3, "USA", entity_kind="manufacturer"), [_weapon(0, 1, "IND")], False),
        # a country by its name is never the origin of another system
        (actor(4, "FRA"), [_weapon(0, 1, "IND"), _weapon(3, 4, "FRA")], False),
    ],
)
def test_origin_of_other(who, weapons, expected):
    # the first weapon is the row's system
    assert origin_of_other(who, weapons[0], weapons) is expected

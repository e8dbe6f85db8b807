"""The countries of a deal sentence, and where their words stand: articles, brackets, a place
the sentence opens on. Shared by the role rules (`extract.deals.roles`) and the builder."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.deals.cues import CueIndex, find_cues
from extract.pipes.items import Candidate

ARTICLES = ("le", "la", "les", "l'")
#: Prepositions of a place that opens a sentence ('En Ukraine, Stockholm a promis...').
SCENE_WORDS = ("en", "au", "aux")
#: Trigger directions whose subject receives ('le Maroc acquiert'; `held`: 'le Qatar l'a en service').
INWARD = ("in", "held")
#: Trigger directions after which a country behind 'en' receives ('exporté en Inde', 'en service en Hongrie').
TOWARD_AFTER = ("out", "held")
#: A country within this many words of its sentence's start is a fronted topic ('En Espagne, ...').
FRONTED = 2
#: the role of an agent or an enemy ('par les forces russes') until every rule has run: no role,
#: whatever the words around or a list say
NO_ROLE = "-"
PARTIES = ("supplier", "recipient")


@dataclass
class Actor:
    """A country (or an organization standing for one) in a deal sentence, and its role."""

    candidate: Candidate
    country: str
    role: str = ""
    #: the countries named in one list with this one ('les Pays-Bas, le Danemark et la Norvège'), itself included
    listed_with: list[Actor] = field(default_factory=list, repr=False, compare=False)


@dataclass
class Group(Actor):
    """A plural noun standing for several countries ('plusieurs pays'), and the countries an
    apposition names as its members."""

    members: list[Actor] = field(default_factory=list)


def bracket_scope(folded: list[str], start: int, position: int) -> int:
    """Where the outermost bracket open at `position` opens (counting from `start`), or -1 outside
    brackets."""
    depth, opening = 0, -1
    for i in range(start, position):
        if folded[i] == "(":
            depth += 1
            opening = i if depth == 1 else opening
        elif folded[i] == ")" and depth:
            depth -= 1
    return opening if depth else -1


def fronted_scene(folded: list[str], actor: Candidate, sent_start: int) -> bool:
    """Whether a country is the place a sentence opens on, set off by a comma: 'En Ukraine enfin,
    Stockholm a promis...', 'Au Sénégal, ...'."""
    before = [w for w in folded[sent_start : article_start(folded, actor.start, sent_start)] if w.strip()]
    return len(before) == 1 and before[0] in SCENE_WORDS and "," in folded[actor.end : actor.end + 2]


def article_start(folded: list[str], start: int, sent_start: int) -> int:
    """Where a country's phrase starts, with its articles ('la Belgique')."""
    while start > sent_start and folded[start - 1] in ARTICLES:
        start -= 1
    return start


def cue_ending_at(folded: list[str], cues: CueIndex, end: int, lowest: int) -> int | None:
    """Where the cue that ends right at `end` starts (no earlier than `lowest`), or None."""
    return next((hit.start for hit in find_cues(folded, cues, lowest, end) if hit.end == end), None)


def closes_aside(folded: list[str], actor: Candidate, trigger_start: int, sent_start: int) -> bool:
    """Whether a comma between a country and the trigger after it ends an aside the country
    stands in ('La Lettonie, qui borde la Russie, a annoncé'); not a fronted topic ('En Espagne,
    le gouvernement a renoncé') nor the country's own relative clause ('le Pakistan, qui a reçu')."""
    gap = folded[actor.end : trigger_start]
    if "," not in gap or actor.start - sent_start <= FRONTED:
        return False
    return gap[gap.index(",") + 1 : gap.index(",") + 2] != ["qui"]


def origin_of_other(actor: Actor, weapon: Candidate, weapons: list[Candidate]) -> bool:
    """Whether `actor` is a demonym right after another system of its country ('le Rafale français'),
    or a maker named right before or inside another system of its country ('75 Boeing F-15',
    'Dassault Rafale')."""
    if actor.country == weapon.extra.get("country"):
        return False
    if actor.candidate.form_kind == "demonym":
        return any(
            w is not weapon and w.extra.get("country") == actor.country and 0 <= actor.candidate.start - w.end <= 1
            for w in weapons
        )
    if actor.candidate.extra.get("entity_kind") == "manufacturer":
        return any(
            w is not weapon
            and w.extra.get("country") == actor.country
            and w.start <= actor.candidate.end <= w.end
            and actor.candidate.start <= w.start + 1
            for w in weapons
        )
    return False

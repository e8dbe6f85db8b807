"""Clauses of one sentence that each state their own transfer.

'La Tchéquie a signé pour 44 Leopard 2A8, et la Lituanie a commandé des RCH 155': a comma or a
semicolon, then an opener ('et', 'tandis que'; rules/deals/clause_openers.csv; none needed after a
semicolon), then a country with a role (the new clause's subject) starts a clause. A system takes
its parties from its own clause where that clause names them.
"""

from __future__ import annotations

from bisect import bisect_right

from extract.deals.actors import ARTICLES, PARTIES, Actor
from extract.deals.cues import CueHit, CueIndex, find_cues
from extract.rules import RuleSet

#: The punctuation a new clause follows.
CLAUSE_PUNCTUATION = (",", ";")


class ClauseSplitter:
    """Finds where the clauses of a sentence start."""

    def __init__(self, rules: RuleSet) -> None:
        self.openers = CueIndex(rules.deal_cues.get("clause_openers", []))

    def breaks(self, folded: list[str], start: int, end: int, actors: list[Actor], triggers: list[CueHit]) -> list[int]:
        """Token indices where a new clause with its own subject starts, in order. Each clause
        holds a trigger ('La Lettonie, l'Estonie, et la Lituanie ont commandé': one clause)."""
        subjects = {a.candidate.start for a in actors if a.role in PARTIES}
        stated = [t.start for t in triggers if t.cue.kind != "none"]
        found: list[int] = []
        for i in range(start, end - 1):
            if folded[i] not in CLAUSE_PUNCTUATION:
                continue
            after = i + 1
            opener = next(
                (h for h in find_cues(folded, self.openers, after, min(end, after + 3)) if h.start == after), None
            )
            if opener is not None:
                after = opener.end
            elif folded[i] != ";":
                continue
            while after < end and folded[after] in ARTICLES:
                after += 1
            opened = found[-1] if found else start
            if after in subjects and any(opened <= t < i for t in stated) and any(t > after for t in stated):
                found.append(i + 1)
        return found


def clause_index(breaks: list[int], position: int) -> int:
    """The number of the clause that holds token `position`."""
    return bisect_right(breaks, position)


def in_clause_of(actors: list[Actor], breaks: list[int], position: int, role: str) -> list[Actor]:
    """The actors of `role` in the clause of `position`, or all of them when that clause names none."""
    if not breaks:
        return actors
    clause = clause_index(breaks, position)
    own = [a for a in actors if a.role == role and clause_index(breaks, a.candidate.start) == clause]
    others = [a for a in actors if a.role != role]
    return [*others, *own] if own else actors

"""Military aid: a document that speaks of aid to a country makes its supplies to it donations
('La livraison de ces canons serait d'une grande aide à l'Ukraine'). Cues in rules/deals/aid.csv."""

from __future__ import annotations

from extract.deals.cues import CueHit, CueIndex, find_cues
from extract.deals.sentence import SentenceFacts
from extract.rules import RuleSet

#: How far after an aid word the aided country may stand ('le soutien militaire à l'Ukraine').
AID_REACH = 6
#: Stages a supply word gives that an aid context makes a donation ('allait fournir': ordered).
DONATED_STAGES = ("ordered", "delivered")


class AidContext:
    """Which countries a document says it aids, and which triggers are plain supplies."""

    def __init__(self, rules: RuleSet) -> None:
        cues = rules.deal_cues.get("aid", [])
        self.aid = CueIndex([c for c in cues if c.kind == "aid"])
        self.supply = CueIndex([c for c in cues if c.kind == "supply"])

    def aided(self, folded: list[str], sentences: list[SentenceFacts], main_recipient: str) -> set[str]:
        """The countries named just after an aid word; the document's main recipient when the
        aid words name none; nobody when the document speaks of no aid."""
        aided: set[str] = set()
        spoken = False
        for facts in sentences:
            for hit in find_cues(folded, self.aid, facts.span.start, facts.span.end):
                if _instrumental(folded, hit):
                    continue  # 'à l'aide de': by means of
                spoken = True
                aided |= {
                    a.country for a in facts.actors if 0 <= a.candidate.start - hit.end <= AID_REACH and a.country
                }
        if spoken and not aided and main_recipient:
            aided.add(main_recipient)
        return aided

    def donation(self, folded: list[str], trigger: CueHit | None, stage: str) -> bool:
        """Whether a supply to an aided country is a donation: a supply word, not a sale word."""
        return (
            trigger is not None
            and stage in DONATED_STAGES
            and bool(find_cues(folded, self.supply, trigger.start, trigger.end))
        )


def _instrumental(folded: list[str], hit: CueHit) -> bool:
    """'à l'aide de' (folded 'a l'aide de')."""
    return (
        hit.start > 0
        and folded[hit.start - 1] == "a"
        and hit.end < len(folded)
        and folded[hit.end] in ("de", "d'", "du", "des")
    )

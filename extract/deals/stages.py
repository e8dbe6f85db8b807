"""A deal's stage from its trigger word: the word's own stage, shifted when stated in the future
('seront livrés', 'la livraison est prévue': ordered; rules/deals/future_*.csv), or the stage of
the contract or approval that governs a delivery noun ('un contrat portant sur la livraison de')."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.deals.cues import CueHit, CueIndex
from extract.deals.grammar import in_future, is_noun
from extract.deals.sentence import SentenceFacts
from extract.rules import RuleSet

#: How far before a delivery noun the contract or approval that governs it may stand.
GOVERNING_WINDOW = 10


class StageReader:
    """Reads the stage a trigger gives a deal."""

    def __init__(self, rules: RuleSet) -> None:
        self.future = CueIndex(rules.deal_cues.get("future", []))
        self.future_stages = rules.future_stages

    def stage(self, doc: Doc, facts: SentenceFacts, trigger: CueHit) -> str:
        """The trigger's stage, or the stage it stands for when stated in the future
        ('seront livrés', 'la livraison est prévue': ordered; see rules/deals/future_*.csv)."""
        stage = trigger.cue.kind
        if facts.elaborates:
            return stage  # the stage of the sentence it details
        if stage in self.future_stages and in_future(doc, doc._.folded, trigger, self.future, facts.span):
            return self.future_stages[stage]
        if stage == "negotiating":
            # 'a signé un accord avec le Pakistan pour se procurer 40 JF-17': the purpose of the
            # contract signed before it in the sentence takes that contract's stage
            folded = doc._.folded
            before = trigger.start - 1
            while before > facts.span.start and folded[before] in ("se", "s'"):
                before -= 1
            signed = [t for t in facts.triggers if t.end <= before and t.cue.kind in ("ordered", "approved")]
            if folded[before] == "pour" and signed:
                return signed[-1].cue.kind
            # 'a fait le choix d'acheter': the decision's stage
            if folded[before] in ("de", "d'") and signed and signed[-1].end == before:
                return signed[-1].cue.kind
        if stage == "delivered" and is_noun(doc, trigger.start):
            # 'un contrat portant sur la livraison de missiles': the delivery is what was ordered;
            # 'a promis la livraison de 38 lanceurs': what was given
            governing = [
                t
                for t in facts.triggers
                if (t.cue.kind in ("ordered", "approved", "donated") or t.cue.unstaged)
                and 0 <= trigger.start - t.end <= GOVERNING_WINDOW
            ]
            if governing:  # a contract noun governs as the stage it gives alone ('contrat ... portant sur')
                return governing[-1].cue.kind or governing[-1].cue.unstaged
        return stage

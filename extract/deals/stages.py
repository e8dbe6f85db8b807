"""A deal's stage from its trigger word: the word's own stage, shifted when stated in the future
('seront livrés', 'la livraison est prévue': ordered; rules/deals/future_*.csv), or the stage of
the contract or approval that governs a delivery noun ('un contrat portant sur la livraison de')."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from extract.deals.cues import CueHit, CueIndex, has_stage
from extract.deals.grammar import in_future, is_noun
from extract.deals.record import STEPS
from extract.deals.sentence import SentenceFacts, own_aside
from extract.pipes.items import Candidate
from extract.rules import RuleSet

#: How far before a delivery noun the contract or approval that governs it may stand.
GOVERNING_WINDOW = 10
#: How far after a trigger the system it governs may stand ('commandé 75 Boeing F-15').
OWN_OBJECT_WINDOW = 4


class StageReader:
    """Reads the stage a trigger gives a deal."""

    def __init__(self, rules: RuleSet) -> None:
        self.future = CueIndex(rules.deal_cues.get("future", []))
        self.future_stages = rules.future_stages

    def of_system(self, doc: Doc, facts: SentenceFacts, weapon: Candidate) -> tuple[str, CueHit | None]:
        """A system's stage in its sentence ('' if no trigger gives one) and the stage trigger."""
        trigger = governing_trigger(facts, weapon)
        status = self.stage(doc, facts, trigger) if trigger else ""
        joined = _joined(doc._.folded, facts, trigger) if trigger else None
        if joined is not None:
            other, word = joined
            # 'est utilisé - ou a été commandé -': no more than the lesser stage; 'commandé puis livré': the later
            pick = min if word == "ou" else max
            status = pick(status, self.stage(doc, facts, other), key=_furthest_rank)
        if status == "negotiating":
            # 'a donné son feu vert à une demande [...] : l'achat du F-35': the request was approved
            stages = [self.stage(doc, facts, t) for t in facts.triggers if has_stage(t)]
            status = next((s for s in ("approved",) if s in stages), status)
        unstaged = None if trigger else _nearest([t for t in facts.triggers if t.cue.unstaged], weapon)
        if unstaged is not None:  # 'la vente de six sous-marins à l'Inde': a sale, in its sentence's tense
            status = self.stage(doc, facts, replace(unstaged, cue=replace(unstaged.cue, kind=unstaged.cue.unstaged)))
        return status, trigger

    def own_stage(self, doc: Doc, facts: SentenceFacts, recipient: str) -> str:
        """The furthest stage an item's own aside states ('vendu au Mali (6 commandés, 4
        réceptionnés)': delivered, even a first batch), or ''."""
        aside = own_aside(facts, recipient)
        if aside is None:
            return ""
        stages = [self.stage(doc, facts, t) for t in facts.triggers if has_stage(t) and aside[0] <= t.start < aside[1]]
        return max((s for s in stages if s in STEPS), key=STEPS.index, default="")

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


def governing_trigger(facts: SentenceFacts, weapon: Candidate) -> CueHit | None:
    """The stage trigger nearest the system, leaving out one after it that governs a system of its
    own ('une déclaration d'intention sur l'achat de 24 Eurofighter après avoir commandé 75 F-15':
    'commandé' is the F-15's)."""
    staged = [t for t in facts.triggers if has_stage(t)]
    others = [w for w in facts.weapons if w.value != weapon.value]
    free = [
        t for t in staged if t.start < weapon.end or not any(0 <= w.start - t.end <= OWN_OBJECT_WINDOW for w in others)
    ]
    return _nearest(free or staged, weapon)


def _nearest(hits: list[CueHit], weapon: Candidate) -> CueHit | None:
    return min(hits, key=lambda h: abs(h.start - weapon.start)) if hits else None


#: At most this many words join two stage words ('utilisé - ou a été commandé', 'commandés puis livrés').
JOINED_GAP = 5
#: Words joining two stage words: alternatives ('ou') and a sequence ('puis').
JOINING_WORDS = ("ou", "puis")


def _joined(folded: list[str], facts: SentenceFacts, trigger: CueHit) -> tuple[CueHit, str] | None:
    """A stage trigger joined to `trigger` by 'ou' or 'puis', and the joining word."""
    for other in facts.triggers:
        if other is trigger or not has_stage(other):
            continue
        first, second = sorted((trigger, other), key=lambda t: t.start)
        between = folded[first.end : second.start]
        word = next((w for w in JOINING_WORDS if w in between), None)
        if len(between) <= JOINED_GAP and word is not None:
            return other, word
    return None


def _furthest_rank(stage: str) -> int:
    """Where a stage stands from the first step of a transfer to the last ('donated', 'other' after)."""
    return STEPS.index(stage) if stage in STEPS else len(STEPS)

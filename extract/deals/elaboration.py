"""Sentences that detail the transfer told just before ('Il s'agit notamment de...').

'... exportés vers une douzaine de pays. Il s'agit notamment de l'Angola (24 BTT) ; du Kenya
(7 BTT)': a sentence opening on an elaboration cue (rules/deals/elaborations.csv) takes the stage
word of the last transfer stated in the sentences before it, ahead of its own words ('Il s'agit
de six TB2, première partie d'un contrat...'), and the countries it lists without a role are the
other party (the buyers of a sale...).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from extract.deals.cues import CueHit, CueIndex, find_cues, has_stage
from extract.deals.parse import trimmed
from extract.deals.roles import RoleFinder
from extract.deals.sentence import SentenceFacts
from extract.deals.stages import StageReader
from extract.pipes.items import Candidate
from extract.rules import RuleSet

#: How far into its sentence an elaboration cue may open it ('Il s'agit notamment de').
ELABORATION_OPENING = 4
#: How many sentences back an elaboration looks for the transfer it details ('Le paquet comprend des
#: CV90. Il porte l'aide à 30 milliards. Il s'agit notamment de RBS 70': the first).
ELABORATION_REACH = 2


class Elaborations:
    """Links each elaborating sentence to the transfer it details."""

    def __init__(self, rules: RuleSet, stages: StageReader, roles: RoleFinder) -> None:
        self.cues = CueIndex(rules.deal_cues.get("elaborations", []))
        self.stages = stages
        self.roles = roles

    def link(
        self,
        doc: Doc,
        folded: list[str],
        sentences: list[SentenceFacts],
        sentence_candidates: list[tuple[Span, list[Candidate]]],
    ) -> None:
        """Give every elaborating sentence the stage word it stands for and its parties' roles."""
        for index in range(1, len(sentences)):
            earlier = sentences[max(0, index - ELABORATION_REACH) : index]
            self._elaborate(doc, folded, earlier, sentences[index], sentence_candidates[index][1])

    def _elaborate(
        self,
        doc: Doc,
        folded: list[str],
        earlier: list[SentenceFacts],
        facts: SentenceFacts,
        candidates: list[Candidate],
    ) -> None:
        start = trimmed(facts.span).start
        opening = find_cues(folded, self.cues, start, min(facts.span.end, start + ELABORATION_OPENING))
        if not opening:
            return
        stated = [
            (sentence, stages)
            for sentence in earlier
            if (stages := [t for t in sentence.triggers if has_stage(t) and t.cue.direction])
        ]
        if not stated:
            return
        before, stages = stated[-1]
        stage = self.stages.stage(doc, before, stages[-1])  # stated there, in that sentence's tense
        cue = replace(stages[-1].cue, kind=stage)
        facts.triggers = [CueHit(opening[0].start, opening[0].end, cue), *facts.triggers]
        facts.elaborates = True
        self.roles.assign(doc, folded, facts.actors, facts.triggers, facts.span.start, candidates)
        other_party = "recipient" if cue.direction in ("out", "held") else "supplier"
        for actor in facts.actors:
            actor.role = actor.role or other_party

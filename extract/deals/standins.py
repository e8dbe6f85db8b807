"""Stand-ins for what a transfer sentence names no system for: a system named before, a system of
the counted noun's category, or the category itself (the functions of `extract.deals.anaphora`,
chosen in that order)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from extract.deals.anaphora import (
    ANAPHOR_REACH,
    CATEGORY_RULE,
    anaphoric_systems,
    counted_items,
    demonstrative_nouns,
    uncounted_items,
)
from extract.deals.cues import CueHit, word_matches
from extract.deals.parse import trimmed
from extract.deals.sentence import SentenceFacts
from extract.pipes.items import Candidate
from extract.rules import RuleSet
from extract.textnorm import fold


class StandIns:
    """Finds the stand-ins of one document's sentences (rules: military_nouns.csv, anaphors.csv)."""

    def __init__(self, rules: RuleSet) -> None:
        nouns = rules.lexicons.get("military_noun", [])
        self.noun_categories = {e.value.lemma: e.value.category for e in nouns}
        #: folded form -> lemma; several words joined by spaces ('vehicules blindes')
        self.noun_lemmas = {fold(e.form): e.value.lemma for e in nouns}
        self.anaphors = rules.anaphors

    def free_nouns(self, sentences: list[SentenceFacts]) -> dict[str, str]:
        """Military nouns (form -> lemma) of the categories the document names no system of: 'des
        chars' there may be a category deal, 'des missiles' near an Exocet stands for it."""
        named = {w.unit for s in sentences for w in s.weapons}
        return {form: lemma for form, lemma in self.noun_lemmas.items() if self.noun_categories[lemma] not in named}

    def unnamed_systems(
        self,
        doc: Doc,
        folded: list[str],
        sentences: list[SentenceFacts],
        index: int,
        in_mention: set[int],
        free_nouns: dict[str, str],
    ) -> list[Candidate]:
        """Stand-ins for what a transfer sentence naming no system transfers: a system named before
        ('30 de ces engins', 'en a commandé 26', 'ce canon'), a system of the counted noun's category
        named before or again later, else a category ('72 obusiers', 'des chars')."""
        facts = sentences[index]
        span = (facts.span.start, facts.span.end)
        earlier = [s.weapons for s in sentences[max(0, index - ANAPHOR_REACH) : index]]
        found = anaphoric_systems(
            folded, facts.counts, facts.triggers, earlier, self.noun_categories, self.anaphors
        ) or demonstrative_nouns(
            doc, folded, span, facts.counts, earlier, self.noun_lemmas, self.noun_categories, self.anaphors
        )
        if found:
            return found
        if index and sentences[index - 1].paragraph == facts.paragraph:
            found = subject_pronoun_system(folded, facts, sentences[index - 1], self.anaphors)
            if found:
                return found
        named = [w for s in sentences[:index] for w in s.weapons if w.rule_id != CATEGORY_RULE]
        suppliers = {a.country for a in facts.actors if a.role == "supplier"}
        # a later sentence that names a noun of its category again: 'la vente de 60 hélicoptères.
        # [...] Les appareils concernés sont des CH-47F'
        later = [
            (
                s.weapons,
                {self.noun_categories.get(self.noun_lemmas.get(w, "")) for w in folded[s.span.start : s.span.end]},
            )
            for s in sentences[index + 1 : index + 1 + ANAPHOR_REACH]
        ]
        passed_on = frozenset(
            w.value
            for s in sentences[:index]
            if (sellers := {a.country for a in s.actors if a.role == "supplier"})
            for w in s.weapons
            if w.extra.get("country") not in sellers
        )
        return counted_items(
            folded,
            facts.counts,
            facts.triggers,
            named,
            later,
            suppliers,
            self.noun_categories,
            self.anaphors,
            passed_on,
        ) or uncounted_items(folded, span, facts.triggers, in_mention, free_nouns, self.noun_categories, self.anaphors)


def subject_pronoun_system(
    folded: list[str], facts: SentenceFacts, previous: SentenceFacts, words: dict[str, frozenset[str]]
) -> list[Candidate]:
    """A stand-in for the system a sentence's opening subject pronoun refers to: the system the
    sentence before opens on, before any country ('Conçu pour la contre-insurrection, le Super
    Tucano est exporté en Colombie. Il est aussi en service en République dominicaine'); a sentence
    before that opens on a country ('La Lituanie a acheté des HIMARS. Elle...') gives none."""
    start = trimmed(facts.span).start  # a line break before the sentence is no word of it
    if start >= facts.span.end or folded[start] not in words.get("subject_pronoun", frozenset()):
        return []
    if not any(_written(folded, hit) for hit in facts.triggers if hit.start - start <= PRONOUN_REACH):
        return []  # 'Ils protègent notamment...': a stage taken from the sentence before is no transfer of its own
    first = min([*previous.weapons, *(a.candidate for a in previous.actors)], key=lambda c: c.start, default=None)
    if first is None or first.label != "WEAPON" or first.rule_id == CATEGORY_RULE:
        return []
    return [replace(first, start=start, end=start + 1, rule_id="anaphor")]


#: How far after an opening subject pronoun its transfer word may stand ('Il est également en service').
PRONOUN_REACH = 5


def _written(folded: list[str], hit: CueHit) -> bool:
    """Whether a trigger hit is its own word in the text (not a stage lent by the sentence before)."""
    return word_matches(hit.cue.words[0], folded[hit.start])

"""Deal records, SIPRI-style: who transfers which system to whom, how many, for how much, at what stage.

Built from one document's mentions and the cue lists of `rules/deals/`:
- roles: a country before an inward trigger ("le Maroc acquiert") is the recipient, before an
  outward one ("les États-Unis approuvent") the supplier; after "à/au/aux" following an outward
  trigger ("vente au Maroc") the recipient, after "de la part de" / "auprès de" / "par" + outward
  participle ("fournis par") the supplier; an organization stands for its country; the system's
  origin in the gazetteer is the supplier of last resort.
- status: the nearest stage trigger to the system in its sentence; a system named in several
  sentences keeps the stage of the first one that has a trigger.
- quantity: a COUNT of that system ("24 Rafale") or the count just before it ("18 lanceurs M142 HIMARS"),
  unless that count is another item of a list ("94 200 cartouches, des missiles Stinger").
- value: a MONEY in the sentence that no exclusion cue marks as a budget or revenue. One amount
  for several systems of a sentence is a package: each row carries it with value_scope=package
  and the same package_id, so sums must count a package once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, NamedTuple

from spacy.tokens import Doc, Span

from extract.deals.actors import Actor, origin_of_other
from extract.deals.aid import AidContext
from extract.deals.anaphora import (
    ANAPHOR_REACH,
    CATEGORY_RULE,
    country_nouns,
    country_referent,
    holder,
    pronoun_count,
    settle_country_nouns,
)
from extract.deals.clauses import ClauseSplitter, in_clause_of
from extract.deals.cues import CueHit, CueIndex, find_cues, has_stage
from extract.deals.elaboration import Elaborations
from extract.deals.parse import GatedParser, trimmed
from extract.deals.record import Deal, fold_families, fold_paired_variants, merge_deals
from extract.deals.roles import RoleFinder
from extract.deals.sellers import co_producer, listed_suppliers, seller_counts
from extract.deals.sentence import (
    SentenceFacts,
    amount,
    aside_owner,
    attach_nearby_amounts,
    bracket_origin,
    main_recipient_of,
    main_supplier_of,
    own_count,
    states_transfer,
    system_amount,
    system_count,
    whole,
)
from extract.deals.stages import StageReader
from extract.deals.standins import StandIns
from extract.partial_date import PartialDate
from extract.pipes.items import Candidate
from extract.rules import DealCue, RuleSet
from extract.textnorm import fold

#: How far a competing system may stand from its competition cue.
COMPETITION_WINDOW = 12
#: How far before an amount an exclusion cue may stand ("le budget ... atteint 2 milliards").
EXCLUSION_WINDOW = 8
ACTOR_LABELS = ("COUNTRY", "ORG")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


class DocumentParties(NamedTuple):
    """What a whole document says of the parties: its main recipient and supplier, whom it aids."""

    main_recipient: str
    main_supplier: str
    aided: set[str]


class DealBuilder:
    """Turns one document's mentions into deal rows."""

    def __init__(self, rules: RuleSet, parser: Any | None = None) -> None:
        """`parser`: the model's dependency parser, run here on the trigger sentences only."""
        self.gated_parser = GatedParser(parser, rules.arguments)
        self.triggers = CueIndex(rules.deal_cues.get("triggers", []))
        self.hedges = CueIndex(rules.deal_cues.get("hedges", []))
        self.exclusions = CueIndex(rules.deal_cues.get("value_exclusions", []))

        self.competition = CueIndex(rules.deal_cues.get("competition", []))
        self.value_nouns = CueIndex(rules.deal_cues.get("value_nouns", []))
        self.stages = StageReader(rules)
        self.aid = AidContext(rules)
        self.roles = RoleFinder(rules)
        self.elaborations = Elaborations(rules, self.stages, self.roles)
        self.clauses = ClauseSplitter(rules)
        self.anaphors = rules.anaphors
        self.stand_ins = StandIns(rules)
        self.families = {
            e.value: e.family for e in rules.gazetteer if e.label == "WEAPON" and e.family and e.family != e.value
        }

    def build(
        self, doc: Doc, candidates: list[Candidate], date: PartialDate | None, offset: int = 0, text: str | None = None
    ) -> list[Deal]:
        """Deal rows of one document, one per (supplier, recipient, system); `text` is `doc.text` if known."""
        text = doc.text if text is None else text
        if doc._.folded is None:  # built outside the pipeline: fold once, for every step below
            doc._.folded = [fold(t.text) for t in doc]
        folded: list[str] = doc._.folded
        in_mention = {i for c in candidates for i in range(c.start, c.end)}
        ordered = sorted(candidates, key=lambda c: c.start)
        starts = [c.start for c in ordered]
        sentence_candidates = [
            (sent, ordered[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]) for sent in doc.sents
        ]
        # the parse only where a deal can be stated: a sentence with a trigger and a mention
        self.gated_parser.parse(
            doc, (s for s, found in sentence_candidates if found and find_cues(folded, self.triggers, s.start, s.end))
        )
        sentences: list[SentenceFacts] = []
        for sent, in_sentence in sentence_candidates:
            referent = country_referent([s.actors for s in sentences[-ANAPHOR_REACH:]])
            sentences.append(self._facts(doc, sent, in_sentence, folded, in_mention, referent))
        breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
        for facts in sentences:
            facts.paragraph = bisect_left(breaks, trimmed(facts.span).start_char + 1)
        self.elaborations.link(doc, folded, sentences, sentence_candidates)
        main_recipient = main_recipient_of(sentences)
        parties = DocumentParties(
            main_recipient, main_supplier_of(sentences), self.aid.aided(folded, sentences, main_recipient)
        )
        # nouns of categories the document names no system of: 'des chars' may be a category deal
        free_nouns = self.stand_ins.free_nouns(sentences)
        for index, facts in enumerate(sentences):
            if facts.weapons and not any(a.role == "recipient" for a in facts.actors):
                self._add_holder(folded, facts, [s.actors for s in sentences[max(0, index - ANAPHOR_REACH) : index]])
            facts.transferred = [w for w in facts.weapons if not self._competing(folded, facts, w)]
            # a sentence naming only systems that are not transferred ('va acquérir six avions pour
            # remplacer sa flotte de C-130H') stands in for them like one naming none
            if states_transfer(facts) and not facts.transferred:
                stand_ins = self.stand_ins.unnamed_systems(doc, folded, sentences, index, in_mention, free_nouns)
                facts.weapons = sorted([*facts.weapons, *stand_ins], key=lambda w: w.start)
                facts.transferred = [w for w in facts.weapons if not self._competing(folded, facts, w)]
        found = [
            (facts, deal)
            for index, facts in enumerate(sentences)
            for weapon in facts.transferred
            for deal in self._deals(doc, text, facts, index, weapon, parties, date, offset)
        ]
        # A transfer is stated where a trigger word stands; a sentence without one only adds
        # to a transfer stated elsewhere (the fleet a system replaces, a specification).
        stated = {(d.supplier, d.recipient, d.system) for facts, d in found if states_transfer(facts)}
        deals: dict[tuple[str, str, str], Deal] = {}
        for _, deal in found:
            key = (deal.supplier, deal.recipient, deal.system)
            if key not in stated:
                continue
            if key in deals:
                merge_deals(deals[key], deal)
            else:
                deals[key] = deal
        rows = fold_families(fold_paired_variants(list(deals.values())), self.families)
        attach_nearby_amounts(sentences, rows, offset)
        # A system whose sentences have no stage word takes the document's first stage
        # (a DSCA rewrite approves every system it lists).
        first_stage = next((d.status for d in rows if d.staged), "other")
        for deal in rows:
            if not deal.staged and not deal.status:
                deal.status = first_stage
        self.gated_parser.forget(doc)
        return rows

    # --- per sentence -------------------------------------------------------------

    def _add_holder(self, folded: list[str], facts: SentenceFacts, earlier: list[list[Actor]]) -> None:
        """'Sa flotte se compose de Heron et de TB2': the recipient named before holds the systems;
        with no stage word in the sentence, holding them says they were delivered."""
        held_by = holder(folded, (facts.span.start, facts.span.end), facts.actors, earlier, self.anaphors)
        if held_by is None:
            return
        facts.holder = held_by.country
        if held_by in facts.actors:
            held_by.role = held_by.role or "recipient"
        else:
            facts.actors.append(held_by)
        if not any(has_stage(t) for t in facts.triggers):
            start, end = held_by.candidate.start, held_by.candidate.end
            facts.triggers.append(CueHit(start, end, HOLDING_CUE))

    def _competing(self, folded: list[str], facts: SentenceFacts, weapon: Candidate) -> bool:
        """A system named as a competitor or a loser ('face aux concurrents occidentaux, notamment
        le Rafale', 'le Gripen était aussi en lice'; rules/deals/competition.csv): no transfer."""
        for hit in facts.competition:
            if hit.cue.kind == "after":
                between = (hit.end, weapon.start)
            else:
                between = (weapon.end, hit.start)
            if ";" in folded[between[0] : between[1]]:
                continue  # another clause: 'a commandé 12 Rafale ; le Gripen était aussi en lice'
            if 0 <= between[1] - between[0] <= COMPETITION_WINDOW and not any(
                between[0] <= t.start < between[1] and t.cue.kind not in ("", "none", "negotiating")
                for t in facts.triggers
            ):
                return True
        return False

    def _facts(
        self,
        doc: Doc,
        sent: Span,
        candidates: list[Candidate],
        folded: list[str],
        in_mention: set[int],
        referent: str = "",
    ) -> SentenceFacts:
        """What one sentence holds; `referent` is the country 'le pays' stands for there."""
        facts = SentenceFacts(sent)
        for c in candidates:
            if c.label in ACTOR_LABELS and c.extra.get("country"):
                facts.actors.append(Actor(c, c.extra["country"]))
            elif c.label == "WEAPON":
                facts.weapons.append(c)
            elif c.label == "COUNT":
                facts.counts.append(c)
            elif c.label == "MONEY" and not self._excluded_amount(folded, sent.start, c.start):
                facts.money.append(c)
            elif c.label == "DATE" and c.value:
                facts.dates.append(c)
        stand_ins = country_nouns(folded, (sent.start, sent.end), facts.actors, referent, self.anaphors)
        facts.actors = sorted([*facts.actors, *stand_ins], key=lambda a: a.candidate.start)
        facts.triggers = [
            h for h in find_cues(folded, self.triggers, sent.start, sent.end) if h.start not in in_mention
        ]
        facts.hedges = find_cues(folded, self.hedges, sent.start, sent.end)
        facts.values_a_deal = bool(facts.money) and bool(find_cues(folded, self.value_nouns, sent.start, sent.end))
        facts.competition = find_cues(folded, self.competition, sent.start, sent.end)
        self.roles.assign(doc, folded, facts.actors, facts.triggers, sent.start, candidates)
        if stand_ins:
            settle_country_nouns(facts.actors)
        facts.clause_breaks = self.clauses.breaks(folded, sent.start, sent.end, facts.actors, facts.triggers)
        return facts

    def _excluded_amount(self, folded: list[str], sent_start: int, money_start: int) -> bool:
        window_start = max(sent_start, money_start - EXCLUSION_WINDOW)
        return bool(find_cues(folded, self.exclusions, window_start, money_start))

    # --- per system ---------------------------------------------------------------

    def _deals(
        self,
        doc: Doc,
        text: str,
        facts: SentenceFacts,
        index: int,
        weapon: Candidate,
        parties: DocumentParties,
        date: PartialDate | None,
        offset: int,
    ) -> list[Deal]:
        """One deal per recipient of the system in its sentence ('les Pays-Bas, puis l'Autriche, ont choisi...').

        `parties`: the document's main recipient and main supplier (the last resort for each role)
        and the countries it says it aids.
        """
        main_recipient, main_supplier, aided = parties
        # a supplier in an item's aside is that item's ('au Nigéria (12 avions via une commande du
        # département de la défense américain)'), not the whole list's
        owners = {id(a): owner for a in facts.actors if (owner := aside_owner(facts, a)) is not None}
        outside = [a for a in facts.actors if id(a) not in owners]
        outside = in_clause_of(outside, facts.clause_breaks, weapon.start, "supplier")
        # the origin of another system named with its demonym ('face au Rafale français') is not this one's
        outside = [a for a in outside if not origin_of_other(a, weapon, facts.weapons)]
        supplier, supplier_source = self._pick(outside, weapon, "supplier")
        listed_by_origin = bracket_origin(facts, weapon)
        if listed_by_origin and not supplier:
            supplier, supplier_source = listed_by_origin, "text"
        if not supplier and weapon.extra.get("country"):
            supplier, supplier_source = co_producer(outside, weapon) or weapon.extra["country"], "origin"
        if not supplier and weapon.rule_id == CATEGORY_RULE and main_supplier:
            supplier, supplier_source = main_supplier, "document"  # a category has no origin
        if not supplier:
            return []
        in_clause = in_clause_of(facts.actors, facts.clause_breaks, weapon.start, "recipient")
        recipients = list(
            dict.fromkeys(a.country for a in in_clause if a.role == "recipient" and a.country != supplier)
        )
        source = "text"
        if not recipients and facts.holder == supplier:
            return []  # the supplier's own equipment ('l'Allemagne dispose dans son arsenal de...')
        if not recipients and weapon.extra.get("uncounted"):
            return []  # 'a exporté des blindés vers une douzaine de pays': no buyer named
        if not recipients and main_recipient and main_recipient != supplier:
            recipients, source = [main_recipient], "document"
        own_supplier = {
            owners[id(a)].country: a.country
            for a in facts.actors
            if id(a) in owners and a.role == "supplier" and owners[id(a)].role == "recipient"
        }
        suppliers = listed_suppliers(outside, supplier, facts.weapons) if supplier_source == "text" else [supplier]
        deals = [
            self._deal(
                doc,
                text,
                facts,
                index,
                weapon,
                (own_supplier[recipient], "text") if recipient in own_supplier else (seller, supplier_source),
                (recipient, source),
                date,
                offset,
                aided,
            )
            for seller in suppliers
            for recipient in recipients
            if own_supplier.get(recipient, seller) != recipient
        ]
        if len(suppliers) > 1:
            seller_counts(facts, deals)
        if len(deals) > 1:  # 'vendus : 80 pour les Émirats, 55 pour l'Égypte', 'l'Angola (24 BTT) ; le Kenya (7 BTT)'
            for deal in deals:
                own = own_count(facts, deal.recipient)
                if own is not None:
                    deal.quantity = own
        for deal in deals:
            own_stage = self.stages.own_stage(doc, facts, deal.recipient)
            if own_stage:
                deal.status, deal.staged = own_stage, True
        return deals

    def _deal(
        self,
        doc: Doc,
        text: str,
        facts: SentenceFacts,
        index: int,
        weapon: Candidate,
        supplier: tuple[str, str],
        recipient: tuple[str, str],
        date: PartialDate | None,
        offset: int,
        aided: set[str],
    ) -> Deal:
        deal = Deal(
            supplier[0],
            recipient[0],
            weapon.value,
            weapon.unit,
            supplier_source=supplier[1],
            recipient_source=recipient[1],
            system_kind=weapon.extra.get("system_kind", "designation"),
        )
        deal.sentences = [index]
        deal.quantity = system_count(facts, weapon)
        deal.counted_by_name = deal.quantity is not None and weapon.rule_id != "anaphor"
        if deal.quantity is None:  # 'a choisi le F-35 et prévoit d'en commander 64 exemplaires'
            # the systems in between that are not transferred do not block it ('ses vieux F-18')
            later = pronoun_count(doc._.folded, facts.counts, facts.triggers, weapon, facts.transferred, self.anaphors)
            deal.quantity = whole(later) if later is not None else None
        money = system_amount(facts, weapon)
        if money is not None:
            deal.value, deal.currency = amount(money), money.unit
            systems = {w.value for w in facts.weapons if system_amount(facts, w) is money}
            deal.value_scope = "system" if len(systems) == 1 else "package"
            deal.package_id = f"a{doc[money.start].idx + offset}" if deal.value_scope == "package" else ""
        deal.status, trigger = self.stages.of_system(doc, facts, weapon)
        if deal.recipient in aided and self.aid.donation(doc._.folded, trigger, deal.status):
            deal.status = "donated"  # 'allait fournir à l'Ukraine' where the text speaks of aid to it
        deal.hedged = bool(facts.hedges)  # a hedge covers its sentence (clause scoping measured worse)
        deal.hedge_cue = " ".join(doc[facts.hedges[0].start : facts.hedges[0].end].text.split()) if facts.hedges else ""
        dated = _nearest_candidate(facts.dates, weapon)
        deal.date = dated.value if dated else (date.iso() if date else "")
        deal.dated = dated is not None
        evidence = trimmed(facts.span)
        deal.evidence = " ".join(text[evidence.start_char : evidence.end_char].split())
        deal.evidence_start, deal.evidence_end = evidence.start_char + offset, evidence.end_char + offset
        deal.staged = trigger is not None
        return deal

    @staticmethod
    def _pick(actors: list[Actor], weapon: Candidate, role: str) -> tuple[str, str]:
        actors = [a for a in actors if a.role == role]
        if not actors:
            return "", ""
        # several suppliers ('le J-10CE chinois ... face au Rafale français'): the system's own origin
        makers = {weapon.extra.get("country"), *weapon.extra.get("co_producers", ())}
        own = [a for a in actors if role == "supplier" and a.country in makers]
        actor = min(own or actors, key=lambda a: abs(a.candidate.start - weapon.start))
        return actor.country, "text"


#: The stage a holding ('sa flotte', 'son arsenal') gives the systems it lists (rules/deals/anaphors.csv).
HOLDING_CUE = DealCue(("<holding>",), "delivered", "in", "deals/anaphors.csv")


def _nearest_candidate(candidates: list[Candidate], weapon: Candidate) -> Candidate | None:
    return min(candidates, key=lambda c: abs(c.start - weapon.start)) if candidates else None

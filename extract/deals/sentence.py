"""One sentence of a deal: its actors, systems, counts, amounts, dates and cues; and the figures
(quantity, amount) a deal takes from it."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from spacy.tokens import Span

from extract.deals.actors import Actor, bracket_scope
from extract.deals.cues import CueHit
from extract.deals.record import Deal
from extract.pipes.items import Candidate

#: How far before a system a plain count may stand ("18 lanceurs M142 HIMARS").
COUNT_WINDOW = 6


@dataclass
class SentenceFacts:
    """What one sentence holds for deals."""

    span: Span
    paragraph: int = 0
    actors: list[Actor] = field(default_factory=list)
    weapons: list[Candidate] = field(default_factory=list)
    counts: list[Candidate] = field(default_factory=list)
    money: list[Candidate] = field(default_factory=list)
    dates: list[Candidate] = field(default_factory=list)
    triggers: list[CueHit] = field(default_factory=list)
    hedges: list[CueHit] = field(default_factory=list)
    #: competition cues ('en lice', 'face aux concurrents'): the systems near them are not transferred
    competition: list[CueHit] = field(default_factory=list)
    #: the country a possessive and a holding noun refer to ('sa flotte'), if any
    holder: str = ""
    #: whether a value noun ties the sentence's amount to a deal ('le montant', 'la transaction')
    values_a_deal: bool = False
    #: whether the sentence details the transfer of the sentence before ('Il s'agit notamment de...')
    elaborates: bool = False
    #: where the clauses with their own subject start ('..., et la Lituanie a commandé...')
    clause_breaks: list[int] = field(default_factory=list)
    #: the systems the sentence may transfer: not a competitor nor the fleet replaced (set by the builder)
    transferred: list[Candidate] = field(default_factory=list)


def aside_owner(facts: SentenceFacts, actor: Actor) -> Actor | None:
    """The actor whose aside in brackets holds `actor` ('au Nigéria (... une commande du département
    de la défense américain)': Nigéria), or None outside brackets."""
    folded, start = facts.span.doc._.folded, facts.span.start
    opening = bracket_scope(folded, start, actor.candidate.start)
    if opening < 0:
        return None
    before = [
        a for a in facts.actors if a.candidate.end <= opening and bracket_scope(folded, start, a.candidate.start) < 0
    ]
    return before[-1] if before else None


def bracket_origin(facts: SentenceFacts, weapon: Candidate) -> str:
    """The country of a demonym whose bracketed list holds the system ('des appareils israéliens
    (Harfang, Hermes 900 et Heron)': ISR), else ''."""
    folded, start = facts.span.doc._.folded, facts.span.start
    opening = bracket_scope(folded, start, weapon.start)
    if opening < 0:
        return ""
    return next(
        (a.country for a in facts.actors if a.candidate.form_kind == "demonym" and a.candidate.end == opening), ""
    )


def states_transfer(facts: SentenceFacts) -> bool:
    """Whether the sentence has a transfer trigger (a stage word or a stage-less one: 'vente')."""
    return any(hit.cue.kind != "none" for hit in facts.triggers)


def system_count(facts: SentenceFacts, weapon: Candidate) -> int | None:
    """The count of a system: 'of' it ('24 Rafale') or just before it ('18 lanceurs M142 HIMARS')."""
    for count in facts.counts:
        if count.unit == weapon.value and 0 <= weapon.start - count.end <= 1:
            return whole(count)
    before = [c for c in facts.counts if c.end <= weapon.start and weapon.start - c.end <= COUNT_WINDOW]
    others = [w for w in facts.weapons if w is not weapon]
    before = [c for c in before if not any(c.end <= w.start < weapon.start for w in others)]
    # not a count in a bracket the system is not in: 'des CV90 (20 exemplaires) et des Archer'
    folded, start = facts.span.doc._.folded, facts.span.start
    own = bracket_scope(folded, start, weapon.start)
    before = [c for c in before if bracket_scope(folded, start, c.start) in (-1, own) or c.start < own]
    # not the count of another item of a list: '94 200 cartouches, des missiles Stinger'
    before = [c for c in before if not any(w in LIST_BREAKS for w in folded[c.end : weapon.start])]
    if before:
        return whole(before[-1])
    return _count_in_aside_after(facts, weapon, others)


#: Words between two items of a list: a count before one of them is not the next one's.
LIST_BREAKS = (",", ";")
#: How far into the bracket after a system its count may stand ('F-35 (contrat signé pour 27 appareils)').
ASIDE_COUNT_REACH = 6


def _count_in_aside_after(facts: SentenceFacts, weapon: Candidate, others: list[Candidate]) -> int | None:
    """The count in the bracket right after a system ('des F-35 (27 exemplaires commandés)')."""
    doc = facts.span.doc
    opening = weapon.end
    if opening >= facts.span.end or doc[opening].text != "(":
        return None
    closing = next((i for i in range(opening, facts.span.end) if doc[i].text == ")"), facts.span.end)
    inside = [
        c for c in facts.counts if opening < c.start and c.end <= closing and c.start - opening <= ASIDE_COUNT_REACH
    ]
    if not inside or any(opening < w.start < closing for w in others):
        return None
    return whole(inside[0])


def system_amount(facts: SentenceFacts, weapon: Candidate) -> Candidate | None:
    """The amount of a system: the sentence's only one, else the nearest ('contrat de 16 Md€ pour
    80 Rafale [...] ont commandé 12 H225M, pour un montant estimé à 700 M€': 700 M€ is the H225M's)."""
    if len(facts.money) < 2:
        return facts.money[0] if facts.money else None
    amounts = _primary_amounts(facts)
    return min(amounts, key=lambda m: min(abs(m.start - weapon.end), abs(weapon.start - m.end)))


#: Words between an amount and the one restating it: a conversion ('4,3 milliards de couronnes (419
#: millions de dollars)', ', soit plus de 420 millions de dollars') or a range's end ('entre 700 et 800 M€').
RESTATING_WORDS = frozenset(
    {"(", ",", "et", "a", "-", "soit", "plus", "moins", "de", "d'", "environ", "pres", "quelque"}
)
RESTATING_GAP = 4


def _primary_amounts(facts: SentenceFacts) -> list[Candidate]:
    """The sentence's amounts without those that restate the amount before them."""
    folded = facts.span.doc._.folded
    kept = [facts.money[0]]
    for before, money in itertools.pairwise(facts.money):
        between = folded[before.end : money.start]
        if len(between) > RESTATING_GAP or any(w not in RESTATING_WORDS for w in between):
            kept.append(money)
    return kept


#: How close to a recipient of a list its own count stands: before ('80 pour les Émirats') or after
#: ('l'Angola (24 BTT)').
OWN_COUNT_BEFORE = 4
OWN_COUNT_AFTER = 2


def own_count(facts: SentenceFacts, country: str, role: str = "recipient") -> int | None:
    """The count written next to one recipient (or supplier) of a list, if any."""
    for actor in facts.actors:
        if actor.country != country or actor.role != role:
            continue
        start, end = actor.candidate.start, actor.candidate.end
        others = [a.candidate for a in facts.actors if a is not actor] + facts.weapons
        doc = facts.span.doc
        for count in facts.counts:
            if 0 <= start - count.end <= OWN_COUNT_BEFORE:
                gap = (count.end, start)
                # '(24 BTT), au Kenya': the count closes the item before
                fits = not any(doc[i].text in (",", ")", ";") for i in range(*gap))
            elif 0 <= count.start - _skip_date(facts, end) <= OWN_COUNT_AFTER:
                gap = (end, count.start)
                # 'l'Angola (24 BTT)', 'Chili en décembre 1997 (deux exemplaires)'; a clause
                # without its verb: ', et la République tchèque 52 canons'
                fits = any(doc[i].text == "(" for i in range(*gap)) or count.start == end
            else:
                continue
            if fits and not any(gap[0] <= c.start < gap[1] for c in others):
                return whole(count)
    return None


def own_aside(facts: SentenceFacts, country: str) -> tuple[int, int] | None:
    """The bracket right after one recipient of a list ('au Mali (6 commandés, 4 réceptionnés)'),
    as token positions inside it, if there is one."""
    doc = facts.span.doc
    for actor in facts.actors:
        if actor.country != country or actor.role != "recipient":
            continue
        opening = _skip_date(facts, actor.candidate.end)
        if opening >= facts.span.end or doc[opening].text != "(":
            continue
        depth = 0
        for i in range(opening, facts.span.end):
            depth += {"(": 1, ")": -1}.get(doc[i].text, 0)
            if depth == 0:
                return opening + 1, i
    return None


def _skip_date(facts: SentenceFacts, position: int) -> int:
    """Where a date right after `position` ends ('Chili en décembre 1997 (deux exemplaires)'), else `position`."""
    doc = facts.span.doc
    start = position + 1 if position < facts.span.end and doc[position].lower_ in ("en", "le") else position
    return next((d.end for d in facts.dates if d.start == start), position)


def whole(count: Candidate) -> int | None:
    """A COUNT's value as a whole number (counts are whole; an empty value is None)."""
    return int(Decimal(count.value)) if count.value else None


def amount(money: Candidate) -> Decimal | None:
    """A MONEY's value as a decimal number; an interval's lower bound ('entre 700 et 800 M€': 700 M€,
    what the deal is worth at least)."""
    value = money.value_min or money.value
    return Decimal(value) if value else None


#: How many sentences away an amount in a sentence without a system may value a deal.
AMOUNT_REACH = 2


def attach_nearby_amounts(sentences: list[SentenceFacts], deals: list[Deal], offset: int) -> None:
    """An amount in a deal sentence naming no system ('cette vente, estimée à 524,2 millions de
    dollars') values the unvalued deals named up to AMOUNT_REACH sentences around it in the same
    paragraph, or before it when a value noun ties it to them ('Le montant de cette commande...',
    rules/deals/value_nouns.csv); several deals share it as a package."""
    for index, facts in enumerate(sentences):
        if facts.weapons or not facts.money or not (facts.triggers or facts.values_a_deal):
            continue
        near = {
            j
            for j in range(index - AMOUNT_REACH, index + AMOUNT_REACH + 1)
            if 0 <= j < len(sentences) and sentences[j].paragraph == facts.paragraph
        }
        unvalued = [d for d in deals if d.value is None and near & set(d.sentences)]
        if not unvalued and facts.values_a_deal:  # 'Le montant de cette commande...' opening a paragraph
            before = set(range(max(0, index - AMOUNT_REACH), index))
            unvalued = [d for d in deals if d.value is None and before & set(d.sentences)]
        scope = "system" if len(unvalued) == 1 else "package"
        money = facts.money[0]
        for deal in unvalued:
            deal.value, deal.currency, deal.value_scope = amount(money), money.unit, scope
            deal.package_id = f"a{facts.span.doc[money.start].idx + offset}" if scope == "package" else ""


def main_supplier_of(sentences: list[SentenceFacts]) -> str:
    """The supplier the document names most (the last resort for a category deal's supplier)."""
    votes = Counter(a.country for s in sentences for a in s.actors if a.role == "supplier")
    return votes.most_common(1)[0][0] if votes else ""


def main_recipient_of(sentences: list[SentenceFacts]) -> str:
    """The recipient the document names most, else its first country (the last resort for a deal's recipient)."""
    votes = Counter(a.country for s in sentences for a in s.actors if a.role == "recipient")
    # the lead states the article's main transfer (news are written top-down): its recipient counts twice
    lead = next((s for s in sentences if s.weapons or s.actors), None)
    if lead is not None:
        votes.update(dict.fromkeys((a.country for a in lead.actors if a.role == "recipient"), 1))
    if votes:
        return votes.most_common(1)[0][0]
    first = [a.country for s in sentences for a in s.actors if a.candidate.label == "COUNTRY"]
    return first[0] if first else ""

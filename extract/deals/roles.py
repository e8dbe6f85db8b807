"""Who supplies and who receives: the role of each country or organization of a deal sentence.

Window rules on the words around an actor (prepositions, role phrases, the direction of the
nearest trigger), the subject of a trigger's clause where the parser ran, and lists of countries
sharing one role. Cue lists are in rules/deals/ (role_phrases.csv, armed_forces.csv, list_words.csv).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from extract.deals.actors import (
    ARTICLES,
    INWARD,
    NO_ROLE,
    PARTIES,
    TOWARD_AFTER,
    Actor,
    Group,
    article_start,
    bracket_scope,
    closes_aside,
    cue_ending_at,
    fronted_scene,
)
from extract.deals.cues import CueHit, CueIndex, find_cues
from extract.deals.grammar import has_parse
from extract.deals.role_completion import (
    coordinated_role,
    gapped_roles,
    relative_subject_role,
    subject_roles,
    topic_receives,
)
from extract.numbers import is_number_word
from extract.pipes.items import Candidate
from extract.rules import RuleSet

#: Tokens looked at around a country for the words that give its role.
ROLE_WINDOW = 4
#: How far before a demonym an armed-force noun may stand ('armée de l'air éthiopienne').
FORCE_WINDOW = 4
#: How far after its participle the agent of a passive stands ('commandés en 2021 par le Maroc').
PASSIVE_WINDOW = 6
#: How far after an inward trigger 'à <country>' names the seller ('achète des Rafale à la France').
SELLER_WINDOW = 8
#: How many words a partner phrase may have ('en collaboration avec').
PARTNER_WINDOW = 4
#: How far before its apposition ('dont', '(') a group noun may stand ('alliés au sein de l'Otan (').
GROUP_GAP = 6
#: A list of at least this many countries takes its majority role.
MAJORITY_LIST = 3
#: At most this many tokens between two countries of one list.
LIST_GAP = 8
#: How many words a counterparty or final-recipient phrase may have ('des négociations avec', 'destinés aux').
ROLE_PHRASE_REACH = 4
#: The relative of a place ('en Ukraine, où Paris a cédé...'): no list word, though folded it reads 'ou' (or).
RELATIVE_WHERE = "où"
#: the words joining an armed-force noun to its country ('les forces armées du Niger')
OF_WORDS = ("de", "du", "des", "d'")


class RoleFinder:
    """Gives each actor of a sentence its role: supplier, recipient, or none."""

    def __init__(self, rules: RuleSet) -> None:
        phrases = rules.deal_cues.get("role_phrases", [])
        self.supplier_phrases = CueIndex([c for c in phrases if c.kind == "supplier"])
        self.recipient_words = {c.words[0] for c in phrases if c.kind == "recipient" and len(c.words) == 1}
        self.beneficiary_words = {c.words[0] for c in phrases if c.kind == "beneficiary" and len(c.words) == 1}
        self.opponent_words = CueIndex([c for c in phrases if c.kind == "not_a_party"])
        self.source_words = {c.words[0] for c in phrases if c.kind == "source" and len(c.words) == 1}
        self.recipient_after_outward = {c.words[0] for c in phrases if c.kind == "recipient_after_outward"}
        self.counterparties = CueIndex([c for c in phrases if c.kind == "counterparty"])
        self.final_recipients = CueIndex([c for c in phrases if c.kind == "final_recipient"])
        self.groups = CueIndex([c for c in phrases if c.kind == "group"])
        self.appositions = CueIndex([c for c in phrases if c.kind == "apposition"])
        # words between a group noun and its preposition ('par plusieurs de leurs alliés')
        self.group_determiners = ARTICLES + tuple(c.words[0] for c in phrases if c.kind == "group_determiner")
        self.partners = CueIndex([c for c in phrases if c.kind == "partner"])
        self.forces = CueIndex(rules.deal_cues.get("armed_forces", []))
        self.clause_openers = CueIndex(rules.deal_cues.get("clause_openers", []))
        self.list_words = rules.list_words

    def assign(
        self,
        doc: Doc,
        folded: list[str],
        actors: list[Actor],
        triggers: list[CueHit],
        sent_start: int,
        candidates: list[Candidate],
    ) -> None:
        """Set the role of every actor of one sentence."""
        for actor in actors:
            before = [c for c in candidates if c.end <= actor.candidate.start]
            others = [a.candidate.start for a in actors if a is not actor]
            actor.role = self.role(folded, actor, triggers, sent_start, before, others)
            phrase = self._counterparty_phrase(folded, actor.candidate, sent_start)
            if actor.role in PARTIES and phrase is not None:
                # 'Saab a conclu avec la Thaïlande la vente': a phrase with no direction of its own
                # makes the country the other party of the one named before it
                directed = any(t.cue.direction and phrase <= t.start < actor.candidate.start for t in triggers)
                earlier = [a.role for a in actors if a.candidate.end <= phrase and a.role in PARTIES]
                if earlier and not directed:
                    actor.role = "recipient" if earlier[-1] == "supplier" else "supplier"
        groups = self._groups(folded, actors, sent_start)
        for group in groups:
            group.role = self.role(folded, group, triggers, sent_start, [])
        if any(not a.role for a in [*actors, *groups]) and has_parse(doc):  # the parse only where it can add
            subject_roles(doc, [*actors, *groups], triggers)
        self._partners(folded, actors, sent_start)
        for group in groups:
            group.role = group.role or coordinated_role(folded, group, actors, groups, self.group_determiners)
            for member in group.members:
                if not member.role and group.role in PARTIES:
                    member.role = group.role
        self._share_roles_in_lists(doc, actors, folded, candidates, sent_start)
        self._buyers_for_another(folded, actors, sent_start)
        topic_receives(folded, actors, triggers, sent_start)
        gapped_roles(folded, actors, triggers, [c.start for c in candidates if c.label == "COUNT"], self.clause_openers)
        for actor in actors:
            if actor.role == NO_ROLE:
                actor.role = ""

    def role(
        self,
        folded: list[str],
        subject: Actor,
        triggers: list[CueHit],
        sent_start: int,
        candidates_before: list[Candidate],
        other_actors: Sequence[int] = (),
    ) -> str:
        """The role the words around one actor give it ('' when they say nothing)."""
        actor = subject.candidate
        phrase_start = self._force_phrase_start(folded, actor, sent_start)
        window_start = max(sent_start, phrase_start - ROLE_WINDOW)
        before = folded[window_start:phrase_start]
        if find_cues(folded, self.supplier_phrases, window_start, actor.start):
            return "supplier"  # 'de la part des États-Unis', 'auprès de la France'
        if actor.extra.get("entity_kind") == "armed_force":
            return "recipient"
        if actor.extra.get("entity_kind") == "manufacturer":
            return "supplier"
        if actor.form_kind == "demonym":
            role = self._demonym_role(folded, subject, candidates_before)
            if role:
                return role
        # a trigger in an aside the actor is not in belongs to that aside's item ('à la Belgique
        # (9 commandés) et à l'Estonie': 'commandés' does not make Estonia a seller)
        own_aside = bracket_scope(folded, sent_start, actor.start)
        previous = [
            t
            for t in triggers
            if t.end <= actor.start
            and t.cue.direction
            and bracket_scope(folded, sent_start, t.start) in (-1, own_aside)
        ]
        following = [
            t
            for t in triggers
            if t.start >= actor.end
            and t.start - actor.end <= ROLE_WINDOW
            and t.cue.direction
            and not any(actor.end <= other < t.start for other in other_actors)  # the nearer actor's trigger
            and not closes_aside(folded, actor, t.start, sent_start)
        ]
        skipped = self.group_determiners if isinstance(subject, Group) else ARTICLES
        while before and before[-1] in skipped:  # 'par plusieurs de leurs alliés'
            before = before[:-1]
        preposition = before[-1] if before else ""
        near = [t for t in previous if actor.start - t.end <= PASSIVE_WINDOW]
        if preposition == "par" and near:
            # passive voice: 'commandés par le Maroc' (recipient), 'fournis par la France' (supplier)
            return "recipient" if near[-1].cue.direction in INWARD else "supplier"
        if (
            preposition == "a"
            and actor.form_kind == "capital"
            and not (previous and previous[-1].cue.direction == "out")
        ):
            return ""  # 'signé à Ankara': a place, not a party ('livrés à Kiev' stays a recipient)
        if self._counterparty_phrase(folded, actor, sent_start) is not None:
            # 'a entamé des négociations avec la Suède': the other party of the talks' direction
            # (of the party named before it, once that one has its role: see `assign`)
            return "recipient" if previous and previous[-1].cue.direction == "out" else "supplier"
        if preposition in self.recipient_after_outward and previous and previous[-1].cue.direction in TOWARD_AFTER:
            return "recipient"  # 'exporté en Arabie saoudite', 'en service en Hongrie'
        if preposition in self.recipient_words:
            if previous and previous[-1].cue.direction == "in" and actor.start - previous[-1].end <= SELLER_WINDOW:
                return "supplier"  # 'achète des Rafale à la France'
            return "recipient"
        if preposition in self.beneficiary_words:
            return "recipient"  # 'cinq appareils pour les Néerlandais', 'exportés vers l'Inde'
        if following:
            return "recipient" if following[0].cue.direction in INWARD else "supplier"
        return relative_subject_role(folded, actor, triggers, other_actors)

    def _counterparty_phrase(self, folded: list[str], actor: Candidate, sent_start: int) -> int | None:
        """Where a talks phrase ('des négociations avec', 'a conclu avec') ending right before the
        country starts, or None."""
        start = article_start(folded, actor.start, sent_start)
        return cue_ending_at(folded, self.counterparties, start, max(sent_start, start - ROLE_PHRASE_REACH))

    def _force_phrase_start(self, folded: list[str], actor: Candidate, sent_start: int) -> int:
        """Where the phrase of a country named after its armed forces starts: 'aux forces armées du
        Burkina Faso', 'à la marine de l'Indonésie' read their preposition before the force noun."""
        start = actor.start
        if actor.form_kind == "demonym" or start <= sent_start or folded[start - 1] not in OF_WORDS:
            return start
        forces = find_cues(folded, self.forces, max(sent_start, start - FORCE_WINDOW), start - 1)
        return article_start(folded, forces[0].start, sent_start) if forces else start

    def _buyers_for_another(self, folded: list[str], actors: list[Actor], sent_start: int) -> None:
        """'La Tchéquie a réuni les fonds pour acheter 800 000 obus destinés à l'Ukraine': the country
        after a final-recipient phrase receives, and the buyer who acts for it supplies."""
        finals = []
        for actor in actors:
            start = actor.candidate.start
            force = cue_ending_at(folded, self.forces, start, max(sent_start, start - FORCE_WINDOW))
            if actor.candidate.form_kind == "demonym" and force is not None:
                start = force  # 'destinés aux forces ukrainiennes'
            start = article_start(folded, start, sent_start)
            if (
                cue_ending_at(folded, self.final_recipients, start, max(sent_start, start - ROLE_PHRASE_REACH))
                is not None
            ):
                finals.append(actor)
        if not finals:
            return
        final_countries = {a.country for a in finals}
        for actor in actors:
            if actor in finals:
                actor.role = "recipient"
            elif (
                actor.role == "recipient"
                and actor.candidate.start < finals[0].candidate.start
                and actor.country not in final_countries
            ):
                actor.role = "supplier"  # the buyer before the phrase, not a second recipient after it

    def _partners(self, folded: list[str], actors: list[Actor], sent_start: int) -> None:
        """A country after a partner phrase shares the role of the party before it ('Le Danemark a
        acheté, en collaboration avec la Belgique et la Norvège, 348 F-16')."""
        for index, actor in enumerate(actors):
            start = article_start(folded, actor.candidate.start, sent_start)
            if cue_ending_at(folded, self.partners, start, max(sent_start, start - PARTNER_WINDOW)) is None:
                continue
            before = [a for a in actors[:index] if a.role in PARTIES]
            if before:
                actor.role = before[-1].role

    def _groups(self, folded: list[str], actors: list[Actor], sent_start: int) -> list[Group]:
        """Plural nouns whose members an apposition lists ('plusieurs pays européens dont la Suisse',
        'leurs alliés au sein de l'Otan (Estonie, Lituanie)'): each with the country it opens on."""
        groups: list[Group] = []
        taken = {i for a in actors for i in range(a.candidate.start, a.candidate.end)}
        for actor in actors:
            start = article_start(folded, actor.candidate.start, sent_start)
            cue_start = cue_ending_at(folded, self.appositions, start, max(sent_start, start - 3))
            if cue_start is None:
                continue
            for i in range(cue_start - 1, max(sent_start, cue_start - GROUP_GAP) - 1, -1):
                if i in taken:
                    break  # another actor stands between: the apposition is its own
                if find_cues(folded, self.groups, i, i + 1):
                    noun = Candidate("GROUP", i, i + 1, folded[i], "")
                    groups.append(Group(noun, "", members=[actor]))
                    break
        return groups

    def _demonym_role(self, folded: list[str], actor: Actor, candidates_before: list[Candidate]) -> str:
        """'Département d'État américain' -> supplier; 'Forces armées royales marocaines',
        'l'armée indonésienne' -> recipient; 'chasseurs chinois' (the system's origin) -> supplier,
        'les Rafale serbes' (another country) -> recipient."""
        start = actor.candidate.start
        if start > 0 and folded[start - 1] in self.source_words:
            return NO_ROLE  # 'selon la presse indienne': who reports
        forces = find_cues(folded, self.forces, max(0, start - FORCE_WINDOW), start) if start > 0 else []
        if forces:
            before = forces[0].start
            while before > 0 and folded[before - 1] in ARTICLES:
                before -= 1
            # 'l'invasion par les forces russes', 'face à l'armée russe': an agent or an enemy, not a buyer
            if find_cues(folded, self.opponent_words, max(0, before - 2), before):
                return NO_ROLE
            return "recipient"  # 'l'armée de l'air éthiopienne'
        previous = candidates_before[-1] if candidates_before else None
        if previous is None or start - previous.end > 1:
            return ""
        if previous.label == "ORG":
            return "recipient" if previous.extra.get("entity_kind") == "armed_force" else "supplier"
        if previous.label == "WEAPON":
            return "supplier" if previous.extra.get("country") in ("", actor.country) else "recipient"
        return ""

    def _share_roles_in_lists(
        self, doc: Doc, actors: list[Actor], folded: list[str], candidates: list[Candidate], sent_start: int
    ) -> None:
        """Countries listed together share a role: 'exporté en Arabie saoudite, au Danemark et en
        Indonésie', 'l'Inde et le Qatar, déjà clients'. Items are joined by list words
        (rules/deals/list_words.csv), numbers, counts and dates ('l'Angola (24 BTT) ; la Jordanie')."""
        inside = {i for c in candidates if c.label in ("COUNT", "DATE") for i in range(c.start, c.end)}
        # a stand-in ('le royaume') is no list item: 'selon la presse espagnole, le royaume a signé'
        actors = [a for a in actors if a.candidate.label == "COUNTRY" and a.candidate.rule_id != "anaphor"]
        # a list never crosses a bracket: 'au Nigéria (via le département de la défense américain)'
        # is no list, '(Estonie, Lituanie et Roumanie)' is one
        scope = {id(a): bracket_scope(folded, sent_start, a.candidate.start) for a in actors}

        def joined(a: Actor, b: Actor) -> bool:
            # an aside in brackets after an item does not break the list ('au Mali (6 commandés), au Niger')
            depth, gap = 0, []
            for i in range(a.candidate.end, b.candidate.start):
                depth += folded[i] == "("
                if depth == 0:
                    gap.append(i)
                depth -= folded[i] == ")" and depth > 0
            return len(gap) <= LIST_GAP and all(
                (folded[i] in self.list_words and doc[i].lower_ != RELATIVE_WHERE)
                or i in inside
                or folded[i].isdigit()
                or is_number_word(folded[i])
                for i in gap
            )

        pairs = [
            (a, b)
            for a, b in zip(actors, actors[1:], strict=False)
            if scope[id(a)] == scope[id(b)]
            and joined(a, b)
            and not fronted_scene(folded, a.candidate, sent_start)
            and not self._complement_before_subject(folded, a, b, sent_start)
        ]
        for a, b in pairs:  # forward: 'au Danemark, en Indonésie'
            if a.role in PARTIES and not b.role:
                b.role = a.role
            elif (
                a.role == "supplier" and b.role == "recipient" and self._after_recipient_word(folded, a, b, sent_start)
            ):
                b.role = a.role  # 'acheté 12 Typhoon au Qatar et 12 à Oman': one list of sellers
        for a, b in reversed(pairs):  # backward: 'l'Inde et le Qatar, déjà clients'
            if b.role in PARTIES and not a.role:
                a.role = b.role
        # a list of three or more takes its majority role ('au Mali (6 commandés, 4 réceptionnés)
        # et au Nigéria': Nigéria is not the seller a nearby inward trigger suggests)
        chains: list[list[Actor]] = []
        for a, b in pairs:
            if chains and chains[-1][-1] is a:
                chains[-1].append(b)
            else:
                chains.append([a, b])
        for chain in chains:
            for actor in chain:
                actor.listed_with = chain
        for chain in (c for c in chains if len(c) >= MAJORITY_LIST):
            votes = Counter(a.role for a in chain if a.role in PARTIES).most_common()
            if votes and (len(votes) == 1 or votes[0][1] > votes[1][1]) and votes[0][1] * 2 > len(chain):
                for actor in chain:
                    if actor.role in PARTIES:
                        actor.role = votes[0][0]

    @staticmethod
    def _complement_before_subject(folded: list[str], a: Actor, b: Actor, sent_start: int) -> bool:
        """'Voisine de l'Estonie, la Lettonie a annoncé...': a country after 'de' then, past a
        comma, one without it is a fronted complement and the subject, not a list."""
        before_a = article_start(folded, a.candidate.start, sent_start) - 1
        before_b = article_start(folded, b.candidate.start, sent_start) - 1
        return (
            before_a >= sent_start
            and folded[before_a] in OF_WORDS
            and folded[before_b] == ","
            and before_b == a.candidate.end
        )

    def _after_recipient_word(self, folded: list[str], a: Actor, b: Actor, sent_start: int) -> bool:
        """Whether both list items follow 'à / au / aux' (their roles then come from one trigger)."""
        words = [article_start(folded, x.candidate.start, sent_start) - 1 for x in (a, b)]
        return all(
            i >= sent_start and (folded[i] in self.recipient_words or folded[i] in self.beneficiary_words)
            for i in words
        )

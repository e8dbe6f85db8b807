"""Roles the window rules leave open, completed from the whole sentence: the subject of a
trigger's clause (with the parse), the country a sentence opens on, a group noun's coordination."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from extract.deals.actors import INWARD, PARTIES, Actor, Group, article_start, fronted_scene
from extract.deals.cues import CueHit, CueIndex, find_cues
from extract.deals.grammar import clause_subject, direct_objects
from extract.pipes.items import Candidate


def topic_receives(folded: list[str], actors: list[Actor], triggers: list[CueHit], sent_start: int) -> None:
    """'Le Nigeria fait figure d'exception : ses 12 A-29 lui ont été livrés par les États-Unis': in
    a sentence whose transfer has a supplier and no recipient, the one country without a role that
    opens the sentence (no preposition before it, or a place set off by a comma: 'En Ukraine, ...')
    is the recipient."""
    if not any(t.cue.direction and t.cue.kind not in ("", "none") for t in triggers):
        return
    suppliers = {a.country for a in actors if a.role == "supplier"}
    if not suppliers or any(a.role == "recipient" and a.country not in suppliers for a in actors):
        return  # (a supplier's own air force is no recipient: '... dans le cadre d'un contrat de l'US Air Force')
    free = [a for a in actors if not a.role and a.candidate.label == "COUNTRY" and a.candidate.form_kind != "demonym"]
    if len(free) != 1:
        return
    candidate = free[0].candidate
    before = [w for w in folded[sent_start : article_start(folded, candidate.start, sent_start)] if w.strip()]
    if not before or fronted_scene(folded, candidate, sent_start):
        free[0].role = "recipient"


def coordinated_role(
    folded: list[str], group: Group, actors: list[Actor], groups: list[Group], determiners: tuple[str, ...]
) -> str:
    """The role of the actor a group noun is coordinated with ('par les États-Unis et plusieurs
    de leurs alliés')."""
    i = group.candidate.start
    while i > 0 and folded[i - 1] in determiners:
        i -= 1
    if i < 2 or folded[i - 1] not in ("et", "ou"):
        return ""
    if folded[i - 2] == ")":
        # the group whose bracketed list closes there ('leurs alliés (Estonie, Lituanie) ou dans le
        # reste du monde (Australie, Singapour)')
        before = [g for g in groups if g.candidate.end <= i - 2 and g.role in PARTIES]
        return before[-1].role if before else ""
    return next((a.role for a in actors if a.candidate.end == i - 1 and a.role in PARTIES), "")


def subject_roles(doc: Doc, actors: list[Actor], triggers: list[CueHit]) -> None:
    """A country without a role that is the subject of a directed trigger's clause takes the
    trigger's role: 'La Lettonie, pays membre de l'Otan, a annoncé son intention d'acheter...'."""
    for hit in triggers:
        if not hit.cue.direction:
            continue
        subject = clause_subject(doc, hit.start)
        parties = [(subject, "recipient" if hit.cue.direction in INWARD else "supplier")] if subject is not None else []
        if hit.cue.direction == "out":  # 'Washington a évincé la Turquie', 'arme l'Ukraine'
            parties += [(obj, "recipient") for obj in direct_objects(doc, hit.start)]
        for token, role in parties:
            for actor in actors:
                if not actor.role and actor.candidate.start <= token.i < actor.candidate.end:
                    actor.role = role


def gapped_roles(
    folded: list[str], actors: list[Actor], triggers: list[CueHit], counts: list[int], openers: CueIndex
) -> None:
    """A clause that repeats the one before without its verb ('La Lituanie a commandé 18 CAESAR,
    et la République tchèque 52 canons'): after a comma and an opener (or a semicolon), a country
    with no role, right before a count, and no transfer word after it takes the role of the subject
    of the clause before. `counts`: where the sentence's counts start."""
    for actor in actors:
        candidate = actor.candidate
        if actor.role or candidate.label != "COUNTRY" or candidate.end not in counts:
            continue
        start = article_start(folded, candidate.start, 0)
        opener = next((h for h in find_cues(folded, openers, max(0, start - 3), start) if h.end == start), None)
        punctuation = (opener.start if opener is not None else start) - 1
        if punctuation < 0 or folded[punctuation] not in (",", ";") or (opener is None and folded[punctuation] != ";"):
            continue
        if any(t.start > candidate.start and t.cue.kind != "none" for t in triggers):
            continue
        before = [t for t in triggers if t.end <= punctuation and t.cue.direction and t.cue.kind != "none"]
        if not before:
            continue
        subjects = [a for a in actors if a.role in PARTIES and a.candidate.end <= before[-1].start]
        if subjects:
            actor.role = subjects[-1].role


#: How far after 'qui' the trigger of a relative clause may stand ('qui se sont engagés à céder').
RELATIVE_REACH = 6
RELATIVE_SUBJECT = "qui"


def relative_subject_role(folded: list[str], actor: Candidate, triggers: list[CueHit], others: Sequence[int]) -> str:
    """The role of a country (or the last of a list) that a relative clause's 'qui' follows: the
    direction of that clause's first directed trigger ('les Pays-Bas, le Danemark et la Norvège, qui
    se sont engagés à céder...': supplier), without another country in between."""
    i = actor.end + (actor.end < len(folded) and folded[actor.end] == ",")
    if i >= len(folded) or folded[i] != RELATIVE_SUBJECT:
        return ""
    after = [t for t in triggers if i < t.start <= i + RELATIVE_REACH and t.cue.direction]
    if not after or any(i < other < after[0].start for other in others):
        return ""
    return "recipient" if after[0].cue.direction in INWARD else "supplier"

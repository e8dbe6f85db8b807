"""What the dependency parse says about a deal sentence: the subject of a trigger's clause.

Used where the model's parser ran (default mode); `--fast` has no parse and keeps the window
rules of `extract.deals.builder`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extract.deals.cues import CueHit, CueIndex, find_cues

#: Dependency labels of a clause's subject.
SUBJECTS = ("nsubj",)
#: How many heads up from a trigger the clause's subject is looked for ('a annoncé son
#: intention d'acheter': acheter -> intention -> annoncé).
CLIMB = 3


def has_parse(doc: Doc) -> bool:
    """Whether the model's parser ran on this Doc."""
    return doc.has_annotation("DEP")


def direct_objects(doc: Doc, trigger_start: int) -> list[Token]:
    """The direct objects of a trigger verb ('a évincé la Turquie': Turquie)."""
    token = doc[trigger_start]
    return [child for child in token.children if child.dep_ == "obj"] if token.pos_ == "VERB" else []


def clause_subject(doc: Doc, trigger_start: int) -> Token | None:
    """The subject of the clause a trigger word belongs to, climbing through the verbs and nouns
    that govern it ('La Lettonie ... a annoncé son intention d'acheter': Lettonie)."""
    token = doc[trigger_start]
    for _ in range(CLIMB + 1):
        subject = next((child for child in token.children if child.dep_ in SUBJECTS), None)
        if subject is not None and subject.pos_ == "PRON" and token.dep_ == "acl:relcl":
            return token.head  # 'la Colombie, qui a manifesté son intérêt': the noun 'qui' stands for
        if subject is not None:
            return subject
        if token.head is token or token.dep_ == "ROOT" or (token.dep_ == "conj" and token.pos_ != "VERB"):
            return None  # a coordinated verb shares its head's subject ('qui ont ... et manifesté')
        token = token.head
    return None


#: Tokens on each side of a trigger searched for a future cue ('livraison prévue', 'va commander').
FUTURE_WINDOW = 3
FINITE_AUXILIARIES = ("aux", "aux:pass", "aux:tense")


def in_future(doc: Doc, folded: list[str], trigger: CueHit, cues: CueIndex, sent: Span) -> bool:
    """Whether a trigger is stated in the future, conditional or as an intention: a future cue
    next to it, or (with the model's morphology) a future or conditional verb or an infinitive."""
    start, end = max(sent.start, trigger.start - FUTURE_WINDOW), min(sent.end, trigger.end + FUTURE_WINDOW)
    if find_cues(folded, cues, start, end):
        return True
    token = doc[trigger.start]
    # 'la livraison ... est prévue': the verb or adjective governing the trigger noun
    if token.pos_ == "NOUN" and token.head is not token and find_cues(folded, cues, token.head.i, token.head.i + 1):
        return True
    verbs = [token] if token.pos_ in ("VERB", "AUX") else [token.head] if token.head.pos_ in ("VERB", "AUX") else []
    # 'seront produits en Turquie et exportés': a coordinated participle shares its head's auxiliary
    verbs += [v.head for v in verbs if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX")]
    verbs += [child for verb in verbs for child in verb.children if child.dep_ in FINITE_AUXILIARIES]
    if any("Fut" in v.morph.get("Tense", []) for v in verbs):
        return True
    return False


#: the endings of a past participle of the first group ('livré', 'livrées')
PARTICIPLE_ENDINGS = ("é", "és", "ée", "ées")


def is_noun(doc: Doc, i: int) -> bool:
    """Whether a token is a noun: the model's tag, or the noun ending without one (--fast). A past
    participle's ending wins over a tag ('6 dont 3 livrés': the small model calls it a noun)."""
    token = doc[i]
    if token.lower_.endswith(PARTICIPLE_ENDINGS):
        return False
    return token.pos_ == "NOUN" if token.pos_ else token.lower_.endswith(("ion", "ions", "ison", "isons"))

"""What the dependency parse says about a deal sentence: the subject of a trigger's clause.

Used where the parser ran (default mode: on the trigger sentences, see `extract.deals.parse`);
`--fast` has no parse and keeps the window rules of `extract.deals.builder`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extract.deals.cues import CueHit, CueIndex, find_cues
from extract.deals.parse import tree

#: How many heads up from a trigger the clause's subject is looked for ('a annoncé son
#: intention d'acheter': acheter -> intention -> annoncé).
CLIMB = 3


def has_parse(doc: Doc) -> bool:
    """Whether a parser ran on this Doc (whole, or on its trigger sentences)."""
    return tree(doc) is not None


def direct_objects(doc: Doc, trigger_start: int) -> list[Token]:
    """The objects of a trigger verb ('a évincé la Turquie': Turquie): rules/deals/arguments.jsonl, kind `object`."""
    parse = tree(doc)
    if parse is None or doc[trigger_start].pos_ != "VERB":
        return []
    return [doc[party] for party in parse.arguments(trigger_start, "object")]


def clause_subject(doc: Doc, trigger_start: int) -> Token | None:
    """The subject of the clause a trigger word belongs to, climbing through the verbs and nouns
    that govern it ('La Lettonie ... a annoncé son intention d'acheter': Lettonie). What a subject
    is (and a passive one) are the argument patterns of rules/deals/arguments.jsonl."""
    parse = tree(doc)
    if parse is None:
        return None
    i = trigger_start
    for _ in range(CLIMB + 1):
        subject = next(iter(parse.arguments(i, "subject")), None)
        if subject is not None and doc[subject].pos_ == "PRON" and parse.dep(i) == "acl:relcl":
            return doc[parse.head(i)]  # 'la Colombie, qui a manifesté son intérêt': the noun 'qui' stands for
        if subject is not None:
            return doc[subject]
        if parse.arguments(i, "passive"):
            return None  # 'ses F-16 lui ont été livrés': the clause's subject is what was transferred
        if parse.head(i) == i or parse.dep(i) in ("ROOT", "parataxis"):
            return None  # 'La Slovaquie fait exception : ses F-16 ...': another clause's subject
        if parse.dep(i) == "conj" and doc[i].pos_ != "VERB":
            return None  # a coordinated verb shares its head's subject ('qui ont ... et manifesté')
        i = parse.head(i)
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
    i = trigger.start
    # without the parse first: the word's own tense, an auxiliary just before ('seront livrés')
    before = range(max(sent.start, i - FUTURE_WINDOW), i)
    if any("Fut" in doc[j].morph.get("Tense", []) for j in [i, *(j for j in before if doc[j].pos_ == "AUX")]):
        return True
    coordinated = any(doc[j].lower_ in ("et", ",") for j in before)
    # the parse only where it can add: the verb governing a noun, a coordinated participle
    parse = tree(doc) if doc[i].pos_ == "NOUN" or coordinated else None
    head = parse.head(i) if parse is not None else i
    # 'la livraison ... est prévue': the verb or adjective governing the trigger noun
    if doc[i].pos_ == "NOUN" and head != i and find_cues(folded, cues, head, head + 1):
        return True
    verbal = ("VERB", "AUX")
    verbs = [i] if doc[i].pos_ in verbal else [head] if head != i and doc[head].pos_ in verbal else []
    if parse is not None:
        # 'seront produits en Turquie et exportés': a coordinated participle shares its head's auxiliary
        verbs += [parse.head(v) for v in verbs if parse.dep(v) == "conj" and doc[parse.head(v)].pos_ in verbal]
        verbs += [c for v in verbs for c in parse.children(v) if parse.dep(c) in FINITE_AUXILIARIES]
    return any("Fut" in doc[v].morph.get("Tense", []) for v in verbs)


#: the endings of a past participle of the first group ('livré', 'livrées')
PARTICIPLE_ENDINGS = ("é", "és", "ée", "ées")


def is_noun(doc: Doc, i: int) -> bool:
    """Whether a token is a noun: the model's tag, or the noun ending without one (--fast). A past
    participle's ending wins over a tag ('6 dont 3 livrés': the small model calls it a noun)."""
    token = doc[i]
    if token.lower_.endswith(PARTICIPLE_ENDINGS):
        return False
    return token.pos_ == "NOUN" if token.pos_ else token.lower_.endswith(("ion", "ions", "ison", "isons"))

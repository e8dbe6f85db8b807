"""What the parse says about a deal sentence (extract/deals/grammar.py): subjects, objects, the
future of a trigger, nouns. Docs are built with the heads, labels, tags and tenses of each case."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.deals.cues import CueHit, CueIndex
from extract.deals.grammar import clause_subject, direct_objects, has_parse, in_future, is_noun
from extract.deals.parse import PARSE_KEY, Arguments, ModelTree
from extract.textnorm import fold
from tests.deals.conftest import cue


@pytest.fixture
def build(extractor):
    vocab, patterns = extractor.nlp.vocab, extractor.rules.arguments

    def make(words: str, heads=None, deps=None, pos=None, morphs=None, parse: bool = True) -> Doc:
        doc = Doc(vocab, words=words.split(), heads=heads, deps=deps, pos=pos, morphs=morphs)
        doc._.folded = [fold(t.text) for t in doc]
        if parse and heads is not None:
            doc.user_data[PARSE_KEY] = ModelTree(doc, Arguments(vocab, patterns))
        return doc

    return make


# --- subjects ----------------------------------------------------------------------------------------

MAROC = dict(
    words="Le Maroc a commandé des F-16",
    heads=[1, 3, 3, 3, 5, 3],
    deps=["det", "nsubj", "aux:tense", "ROOT", "det", "obj"],
    pos=["DET", "PROPN", "AUX", "VERB", "DET", "PROPN"],
)
#: 'La Lettonie a annoncé son intention d' acheter' (acheter -> intention -> annoncé)
LETTONIE = dict(
    words="La Lettonie a annoncé son intention d' acheter",
    heads=[1, 3, 3, 3, 5, 3, 7, 5],
    deps=["det", "nsubj", "aux:tense", "ROOT", "det", "obj", "mark", "acl"],
    pos=["DET", "PROPN", "AUX", "VERB", "DET", "NOUN", "ADP", "VERB"],
)
#: 'la Colombie , qui a manifesté son intérêt'
COLOMBIE = dict(
    words="la Colombie , qui a manifesté son intérêt",
    heads=[1, 1, 5, 5, 5, 1, 7, 5],
    deps=["det", "ROOT", "punct", "nsubj", "aux:tense", "acl:relcl", "det", "obj"],
    pos=["DET", "PROPN", "PUNCT", "PRON", "AUX", "VERB", "DET", "NOUN"],
)
#: 'ses F-16 lui ont été livrés'
PASSIVE = dict(
    words="ses F-16 lui ont été livrés",
    heads=[1, 5, 5, 5, 5, 5],
    deps=["det", "nsubj:pass", "iobj", "aux:tense", "aux:pass", "ROOT"],
    pos=["DET", "PROPN", "PRON", "AUX", "AUX", "VERB"],
)
#: 'Elle fait exception : ses F-16 livrés' (livrés in parataxis: another clause)
PARATAXIS = dict(
    words="Elle fait exception : ses F-16 livrés",
    heads=[1, 1, 1, 6, 5, 6, 1],
    deps=["nsubj", "ROOT", "obj", "punct", "det", "nsubj", "parataxis"],
    pos=["PRON", "VERB", "NOUN", "PUNCT", "DET", "PROPN", "VERB"],
)
#: 'Le Maroc a acheté des chars et livraison' (a coordinated noun shares nothing)
CONJ_NOUN = dict(
    words="Le Maroc a acheté des chars et livraison",
    heads=[1, 3, 3, 3, 5, 3, 7, 5],
    deps=["det", "nsubj", "aux:tense", "ROOT", "det", "obj", "cc", "conj"],
    pos=["DET", "PROPN", "AUX", "VERB", "DET", "NOUN", "CCONJ", "NOUN"],
)
#: 'Le Maroc a acheté des chars et livré' (a coordinated verb climbs to its head)
CONJ_VERB = dict(CONJ_NOUN, pos=["DET", "PROPN", "AUX", "VERB", "DET", "NOUN", "CCONJ", "VERB"])
#: a chain of five heads: the subject is too far up
CHAIN = dict(
    words="Paris a dit vouloir pouvoir espérer acheter",
    heads=[2, 2, 2, 2, 3, 4, 5],
    deps=["nsubj", "aux:tense", "ROOT", "xcomp", "xcomp", "xcomp", "xcomp"],
    pos=["PROPN", "AUX", "VERB", "VERB", "VERB", "VERB", "VERB"],
)


#: 'Il dit que ses F-16 lui ont été livrés': a passive clause under another one
PASSIVE_UNDER = dict(
    words="Il dit que ses F-16 lui ont été livrés",
    heads=[1, 1, 8, 4, 8, 8, 8, 8, 1],
    deps=["nsubj", "ROOT", "mark", "det", "nsubj:pass", "iobj", "aux:tense", "aux:pass", "ccomp"],
    pos=["PRON", "VERB", "SCONJ", "DET", "PROPN", "PRON", "AUX", "AUX", "VERB"],
)


@pytest.mark.parametrize(
    ("case", "trigger", "expected"),
    [
        (MAROC, 3, "Maroc"),
        (PASSIVE_UNDER, 8, None),  # the search stops at a passive clause: not the subject above it
        (LETTONIE, 7, "Lettonie"),  # two heads up
        (LETTONIE, 5, "Lettonie"),
        (COLOMBIE, 5, "Colombie"),  # the noun the relative pronoun stands for
        (PASSIVE, 5, None),
        (PARATAXIS, 6, "F-16"),  # its own subject
        (dict(PARATAXIS, deps=["nsubj", "ROOT", "obj", "punct", "det", "det", "parataxis"]), 6, None),
        (CONJ_NOUN, 7, None),
        (CONJ_VERB, 7, "Maroc"),
        (CHAIN, 5, "Paris"),  # three heads up
        (CHAIN, 6, None),  # four
        (dict(MAROC, deps=["det", "obj", "aux:tense", "ROOT", "det", "obj"]), 3, None),  # a root without a subject
    ],
)
def test_clause_subject(build, case, trigger, expected):
    found = clause_subject(build(**case), trigger)
    assert (found.text if found is not None else None) == expected


def test_a_relative_pronoun_of_a_main_clause_is_its_subject(build):
    case = dict(COLOMBIE, deps=["det", "ROOT", "punct", "nsubj", "aux:tense", "acl", "det", "obj"])
    assert clause_subject(build(**case), 5).text == "qui"


def test_no_parse_no_subject_nor_object(build):
    doc = build(MAROC["words"], pos=MAROC["pos"])
    assert not has_parse(doc)
    assert clause_subject(doc, 3) is None and direct_objects(doc, 3) == []
    assert has_parse(build(**MAROC))


def test_direct_objects(build):
    doc = build(**MAROC)
    assert [t.text for t in direct_objects(doc, 3)] == ["F-16"]
    assert direct_objects(doc, 1) == []  # not a verb
    doc = build(**dict(MAROC, pos=["DET", "PROPN", "AUX", "NOUN", "DET", "PROPN"]))
    assert direct_objects(doc, 3) == []


# --- the future -------------------------------------------------------------------------------------------


@pytest.fixture
def future(extractor):
    return CueIndex(extractor.rules.deal_cues["future"])


def _future(doc: Doc, position: int, cues, start: int = 0, end: int | None = None) -> bool:
    hit = CueHit(position, position + 1, cue("x", "delivered", "out"))
    return in_future(doc, doc._.folded, hit, cues, doc[start : len(doc) if end is None else end])


@pytest.mark.parametrize(
    ("words", "trigger", "expected"),
    [
        ("la livraison est prévue", 1, True),
        ("la livraison x y prévue", 1, True),  # three words after
        ("la livraison x y z prévue", 1, False),  # four
        ("prévue x y livraison", 3, True),  # three words before
        ("prévue x y z livraison", 4, False),
        ("le Maroc va acheter", 3, True),
        ("le Maroc a acheté", 3, False),
    ],
)
def test_a_future_cue_near_the_trigger(build, future, words, trigger, expected):
    assert _future(build(words), trigger, future) is expected


def test_a_future_cue_outside_the_sentence_does_not_count(build, future):
    doc = build("prévue . la livraison")
    assert _future(doc, 3, future) is True
    assert _future(doc, 3, future, start=2) is False
    doc = build("la livraison . prévue")
    assert _future(doc, 1, future, end=3) is False


@pytest.mark.parametrize(
    ("words", "pos", "morphs", "trigger", "expected"),
    [
        # the word's own tense
        ("ils livreront", ["PRON", "VERB"], ["", "Tense=Fut"], 1, True),
        ("ils livrent", ["PRON", "VERB"], ["", "Tense=Pres"], 1, False),
        # an auxiliary just before ('seront livrés'), up to three words before
        ("ils seront livrés", ["PRON", "AUX", "VERB"], ["", "Tense=Fut", ""], 2, True),
        ("ils seront x y livrés", ["PRON", "AUX", "X", "X", "VERB"], ["", "Tense=Fut", "", "", ""], 4, True),
        ("seront x y z livrés", ["AUX", "X", "X", "X", "VERB"], ["Tense=Fut", "", "", "", ""], 4, False),
        # a future word that is no auxiliary does not count
        ("demain livrés", ["ADV", "VERB"], ["Tense=Fut", ""], 1, False),
        ("ils ont livré", ["PRON", "AUX", "VERB"], ["", "Tense=Pres", ""], 2, False),
    ],
)
def test_a_future_tense_without_the_parse(build, future, words, pos, morphs, trigger, expected):
    assert _future(build(words, pos=pos, morphs=morphs), trigger, future) is expected


def test_an_auxiliary_before_the_sentence_does_not_count(build, future):
    doc = build("seront . livrés", pos=["AUX", "PUNCT", "VERB"], morphs=["Tense=Fut", "", ""])
    assert _future(doc, 2, future) is True
    assert _future(doc, 2, future, start=1) is False


#: 'la livraison sera faite' : the noun's governing verb is in the future
NOUN_GOVERNED = dict(
    words="la livraison sera faite",
    heads=[1, 3, 3, 3],
    deps=["det", "nsubj:pass", "aux:pass", "ROOT"],
    pos=["DET", "NOUN", "AUX", "VERB"],
    morphs=["", "", "Tense=Fut", ""],
)
#: 'Les Kaan seront tous produits en Turquie et exportés': a coordinated participle shares its
#: head's auxiliary (too far before it to be read without the parse)
COORDINATED = dict(
    words="Les Kaan seront tous produits en Turquie et exportés",
    heads=[1, 4, 4, 4, 4, 6, 4, 8, 4],
    deps=["det", "nsubj:pass", "aux:pass", "advmod", "ROOT", "case", "obl", "cc", "conj"],
    pos=["DET", "PROPN", "AUX", "ADV", "VERB", "ADP", "PROPN", "CCONJ", "VERB"],
    morphs=["", "", "Tense=Fut", "", "", "", "", "", ""],
)


@pytest.mark.parametrize(
    ("case", "trigger", "expected"),
    [
        (NOUN_GOVERNED, 1, True),  # the verb governing the noun has a future auxiliary
        (dict(NOUN_GOVERNED, morphs=["", "", "Tense=Pres", ""]), 1, False),
        (COORDINATED, 8, True),
        (dict(COORDINATED, morphs=["", "", "Tense=Pres", "", "", "", "", "", ""]), 8, False),
        (dict(COORDINATED, words="Les Kaan seront tous produits en Turquie , exportés"), 8, True),
        # without a coordinating word before it, a verb trigger is not looked up in the parse
        (dict(COORDINATED, words="Les Kaan seront tous produits en Turquie puis exportés"), 8, False),
        # a participle coordinated with a noun does not take its auxiliaries
        (dict(COORDINATED, pos=["DET", "PROPN", "AUX", "ADV", "NOUN", "ADP", "PROPN", "CCONJ", "VERB"]), 8, False),
        # a future head verb itself
        (dict(NOUN_GOVERNED, morphs=["", "", "", "Tense=Fut"]), 1, True),
    ],
)
def test_a_future_read_from_the_parse(build, future, case, trigger, expected):
    assert _future(build(**case), trigger, future) is expected


def test_a_noun_governed_by_a_future_auxiliary(build, future):
    case = dict(
        words="la livraison sera rapide",
        heads=[1, 2, 2, 2],
        deps=["det", "nsubj", "ROOT", "amod"],
        pos=["DET", "NOUN", "AUX", "ADJ"],
        morphs=["", "", "Tense=Fut", ""],
    )
    assert _future(build(**case), 1, future) is True
    assert _future(build(**dict(case, morphs=["", "", "Tense=Pres", ""])), 1, future) is False
    # a head that is no verb is not read, nor its auxiliaries
    case = dict(
        words="la livraison sera effectuée",
        heads=[1, 3, 3, 3],
        deps=["det", "nsubj:pass", "aux:pass", "ROOT"],
        pos=["DET", "NOUN", "AUX", "ADJ"],
        morphs=["", "", "Tense=Fut", ""],
    )
    assert _future(build(**case), 1, future) is False


def test_a_coordinated_participle_with_its_own_future_auxiliary(build, future):
    # 'Les Kaan sont produits et seront x y , exportés': its own auxiliary, not its head's
    case = dict(
        words="Les Kaan sont produits et seront x y , exportés",
        heads=[1, 3, 3, 3, 9, 9, 9, 9, 9, 3],
        deps=["det", "nsubj:pass", "aux:pass", "ROOT", "cc", "aux:pass", "dep", "dep", "punct", "conj"],
        pos=["DET", "PROPN", "AUX", "VERB", "CCONJ", "AUX", "X", "X", "PUNCT", "VERB"],
        morphs=["", "", "Tense=Pres", "", "", "Tense=Fut", "", "", "", ""],
    )
    assert _future(build(**case), 9, future) is True


def test_a_noun_governed_by_a_future_cue(build, future):
    # 'la livraison , comme annoncé , x y prévue': the cue is the noun's head, beyond the window
    case = dict(
        words="la livraison a b c d prévue",
        heads=[1, 6, 6, 6, 6, 6, 6],
        deps=["det", "nsubj", "dep", "dep", "dep", "dep", "ROOT"],
        pos=["DET", "NOUN", "X", "X", "X", "X", "ADJ"],
    )
    assert _future(build(**case), 1, future) is True
    assert _future(build(**dict(case, pos=["DET", "VERB", "X", "X", "X", "X", "ADJ"])), 1, future) is False


def test_the_future_without_any_parse(build, future):
    case = dict(NOUN_GOVERNED)
    doc = build(case["words"], pos=case["pos"], morphs=case["morphs"])
    assert _future(doc, 1, future) is False  # no parse: the noun's head is unknown


# --- nouns -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "pos", "expected"),
    [
        ("livraison", "NOUN", True),
        ("livraison", "VERB", False),
        ("livrés", "NOUN", False),  # a participle's ending wins over the tag
        ("livré", "NOUN", False),
        ("livrée", "NOUN", False),
        ("livrées", "NOUN", False),
        ("Livrés", "NOUN", False),
        # no tag (--fast): the noun endings
        ("livraison", None, True),
        ("livraisons", None, True),
        ("cession", None, True),
        ("cessions", None, True),
        ("livraisonx", None, False),
        ("achat", None, False),
    ],
)
def test_is_noun(build, word, pos, expected):
    doc = build(word, pos=[pos] if pos else None)
    assert is_noun(doc, 0) is expected

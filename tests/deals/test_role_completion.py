"""Roles completed from the whole sentence (extract/deals/role_completion.py): the country a
sentence opens on, a group noun's coordination, the subject and object of a trigger's clause,
a clause without its verb, a relative clause."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.deals.actors import Group
from extract.deals.cues import CueHit, CueIndex
from extract.deals.parse import PARSE_KEY, Arguments, ModelTree
from extract.deals.role_completion import (
    coordinated_role,
    gapped_roles,
    relative_subject_role,
    subject_roles,
    topic_receives,
)
from extract.pipes.items import Candidate
from tests.deals.conftest import actor, cue, words


def hit(start: int, direction: str = "in", kind: str = "ordered", end: int | None = None) -> CueHit:
    return CueHit(start, start + 1 if end is None else end, cue("t", kind, direction))


# --- the country a sentence opens on ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actors", "triggers", "expected"),
    [
        # 'Le Nigeria fait exception : ses A-29 lui ont été livrés par les États-Unis'
        (
            "le Nigeria : livres par les Etats-Unis",
            [(1, "NGA", ""), (5, "USA", "supplier")],
            [hit(3, "out")],
            "recipient",
        ),
        ("Nigeria : livres par les Etats-Unis", [(0, "NGA", ""), (4, "USA", "supplier")], [hit(2, "out")], "recipient"),
        ("En Ukraine , livres par la Suede", [(1, "UKR", ""), (5, "SWE", "supplier")], [hit(3, "out")], "recipient"),
        # a preposition before it: not the topic
        ("selon le Nigeria , livres par les Etats-Unis", [(2, "NGA", ""), (6, "USA", "supplier")], [hit(4, "out")], ""),
        ("vers l' Ukraine livres par la Suede", [(2, "UKR", ""), (6, "SWE", "supplier")], [hit(3, "out")], ""),
        # no supplier
        ("le Nigeria : livres", [(1, "NGA", "")], [hit(3, "out")], ""),
        # a recipient already
        (
            "le Nigeria et le Mali : livres par la France",
            [(1, "NGA", ""), (4, "MLI", "recipient"), (9, "FRA", "supplier")],
            [hit(6, "out")],
            "",
        ),
        # the supplier's own country as a recipient does not count
        (
            "le Nigeria : livres par les Etats-Unis a USA",
            [(1, "NGA", ""), (5, "USA", "supplier"), (7, "USA", "recipient")],
            [hit(3, "out")],
            "recipient",
        ),
        # two countries without a role: which one?
        (
            "le Nigeria , le Mali : livres par la France",
            [(1, "NGA", ""), (4, "MLI", ""), (9, "FRA", "supplier")],
            [hit(6, "out")],
            "",
        ),
        # no directed stage trigger
        ("le Nigeria : livres par les Etats-Unis", [(1, "NGA", ""), (5, "USA", "supplier")], [hit(3, "")], ""),
        ("le Nigeria : livres par les Etats-Unis", [(1, "NGA", ""), (5, "USA", "supplier")], [hit(3, "out", "")], ""),
        (
            "le Nigeria : livres par les Etats-Unis",
            [(1, "NGA", ""), (5, "USA", "supplier")],
            [hit(3, "out", "none")],
            "",
        ),
        ("le Nigeria : livres par les Etats-Unis", [(1, "NGA", ""), (5, "USA", "supplier")], [], ""),
    ],
)
def test_topic_receives(text, actors, triggers, expected):
    found = [actor(s, c, r) for s, c, r in actors]
    topic_receives(words(text), found, triggers, 0)
    assert found[0].role == expected


@pytest.mark.parametrize(
    ("first", "expected"),
    [(dict(label="ORG"), ""), (dict(form_kind="demonym"), ""), (dict(form_kind="name"), "recipient")],
)
def test_the_topic_is_a_country_by_name(first, expected):
    found = [actor(1, "NGA", **first), actor(5, "USA", "supplier")]
    topic_receives(words("le Nigeria : livres par les Etats-Unis"), found, [hit(3, "out")], 0)
    assert found[0].role == expected


def test_the_topic_opens_its_own_sentence():
    folded = words("Hier . le Nigeria : livres par les Etats-Unis")
    found = [actor(3, "NGA"), actor(7, "USA", "supplier")]
    topic_receives(folded, found, [hit(5, "out")], 0)
    assert found[0].role == ""
    topic_receives(folded, found, [hit(5, "out")], 2)
    assert found[0].role == "recipient"


# --- a group noun's coordination ---------------------------------------------------------------------------------


def group(start: int, role: str = "") -> Group:
    return Group(Candidate("GROUP", start, start + 1, "g"), "", role)


DETERMINERS = ("plusieurs", "de", "leurs")


@pytest.mark.parametrize(
    ("text", "group_at", "actors", "groups", "expected"),
    [
        # 'par les États-Unis et plusieurs de leurs alliés'
        ("par les Etats-Unis et plusieurs de leurs allies", 7, [(2, "supplier")], [], "supplier"),
        ("par les Etats-Unis ou allies", 4, [(2, "recipient")], [], "recipient"),
        ("par les Etats-Unis , allies", 4, [(2, "supplier")], [], ""),  # no 'et' / 'ou'
        ("Etats-Unis x et allies", 3, [(0, "supplier")], [], ""),  # the actor does not end right there
        ("Etats-Unis et allies", 2, [(0, "")], [], ""),
        ("Etats-Unis et allies", 2, [(0, "supplier")], [], "supplier"),  # at the sentence's start
        ("( allies ) ou monde", 4, [], [(1, "recipient")], "recipient"),  # a group ending right at ')'
        (
            "allies ( Estonie ) ou monde ( Australie )",
            5,
            [],
            [(0, ""), (6, "supplier")],
            "",
        ),  # not one after it  # no role
        ("Etats-Unis et allies", 2, [(0, "-")], [], ""),
        ("et allies", 1, [], [], ""),  # nothing before
        ("et plusieurs allies", 2, [], [], ""),
        # after a bracketed list: the group whose list closes there
        ("allies ( Estonie ) ou monde ( Australie )", 5, [(2, "")], [(0, "recipient")], "recipient"),
        ("allies ( Estonie ) ou monde", 5, [(2, "")], [(0, "")], ""),
        ("x ( Estonie ) ou monde", 5, [(2, "supplier")], [], ""),
        ("allies ( Estonie ) ou pays ( y ) et monde", 10, [], [(0, "supplier"), (5, "recipient")], "recipient"),
    ],
)
def test_coordinated_role(text, group_at, actors, groups, expected):
    folded = words(text)
    found = [actor(s, "X", r) for s, r in actors]
    others = [group(s, r) for s, r in groups]
    assert coordinated_role(folded, group(group_at), found, others, DETERMINERS) == expected


# --- the subject and object of a trigger's clause ------------------------------------------------------------------


@pytest.fixture
def parsed(extractor):
    vocab, patterns = extractor.nlp.vocab, extractor.rules.arguments

    def make(text: str, heads, deps, pos) -> Doc:
        doc = Doc(vocab, words=text.split(), heads=heads, deps=deps, pos=pos)
        doc.user_data[PARSE_KEY] = ModelTree(doc, Arguments(vocab, patterns))
        return doc

    return make


#: 'La Turquie a évincé la Grèce' (subject, verb, object)
EVICT = (
    "La Turquie a évincé la Grèce",
    [1, 3, 3, 3, 5, 3],
    ["det", "nsubj", "aux:tense", "ROOT", "det", "obj"],
    ["DET", "PROPN", "AUX", "VERB", "DET", "PROPN"],
)


@pytest.mark.parametrize(
    ("direction", "roles", "expected"),
    [
        ("out", ("", ""), ("supplier", "recipient")),
        ("in", ("", ""), ("recipient", "")),  # only an outward verb's object receives
        ("held", ("", ""), ("recipient", "")),
        ("", ("", ""), ("", "")),  # no direction: nothing
        ("out", ("recipient", "supplier"), ("recipient", "supplier")),  # roles already given stay
    ],
)
def test_subject_roles(parsed, direction, roles, expected):
    doc = parsed(*EVICT)
    found = [actor(1, "TUR", roles[0]), actor(5, "GRC", roles[1])]
    subject_roles(doc, found, [hit(3, direction)])
    assert (found[0].role, found[1].role) == expected


def test_subject_roles_reach_a_country_of_several_words(parsed):
    doc = parsed(*EVICT)
    found = [actor(0, "TUR", end=2), actor(4, "GRC", end=6)]
    subject_roles(doc, found, [hit(3, "out")])
    assert (found[0].role, found[1].role) == ("supplier", "recipient")
    found = [actor(2, "X", end=3)]  # not the subject's token
    subject_roles(doc, found, [hit(3, "out")])
    assert found[0].role == ""
    found = [actor(0, "X", end=1)]  # ending right before it
    subject_roles(doc, found, [hit(3, "out")])
    assert found[0].role == ""


def test_subject_roles_skip_an_undirected_trigger(parsed):
    found = [actor(1, "TUR"), actor(5, "GRC")]
    subject_roles(parsed(*EVICT), found, [hit(0, ""), hit(3, "out")])
    assert (found[0].role, found[1].role) == ("supplier", "recipient")


def test_subject_roles_without_a_subject(parsed):
    text, heads, deps, pos = EVICT
    doc = parsed(text, heads, ["det", "dep", "aux:tense", "ROOT", "det", "obj"], pos)
    found = [actor(1, "TUR"), actor(5, "GRC")]
    subject_roles(doc, found, [hit(3, "out")])
    assert (found[0].role, found[1].role) == ("", "recipient")


# --- a clause without its verb ----------------------------------------------------------------------------------------


@pytest.fixture
def openers(rules) -> CueIndex:
    return CueIndex(rules.deal_cues["clause_openers"])


#: 'La Lituanie a commandé 18 CAESAR , et la Tchéquie 52 canons'
GAPPED = "La Lituanie a commande 18 CAESAR , et la Tchequie 52 canons"


@pytest.mark.parametrize(
    ("text", "actors", "triggers", "counts", "expected"),
    [
        (GAPPED, [(1, "recipient"), (9, "")], [hit(3)], [4, 10], "recipient"),
        (GAPPED.replace(", et", "; et"), [(1, "recipient"), (9, "")], [hit(3)], [4, 10], "recipient"),
        (
            "La Lituanie a commande 18 CAESAR ; la Tchequie 52 canons",
            [(1, "recipient"), (8, "")],
            [hit(3)],
            [4, 9],
            "recipient",
        ),
        ("La Lituanie a commande 18 CAESAR , la Tchequie 52 canons", [(1, "recipient"), (8, "")], [hit(3)], [4, 9], ""),
        (
            "La Lituanie a commande 18 CAESAR et la Tchequie 52 canons",
            [(1, "recipient"), (8, "")],
            [hit(3)],
            [4, 9],
            "",
        ),
        (GAPPED, [(1, "supplier"), (9, "")], [hit(3, "out")], [4, 10], "supplier"),
        # not right before a count
        (GAPPED, [(1, "recipient"), (9, "")], [hit(3)], [4], ""),
        # a transfer word after it: a clause of its own
        (GAPPED, [(1, "recipient"), (9, "")], [hit(3), hit(11)], [4, 10], ""),
        (GAPPED, [(1, "recipient"), (9, "")], [hit(3), hit(11, kind="none")], [4, 10], "recipient"),
        # no directed trigger before the punctuation
        (GAPPED, [(1, "recipient"), (9, "")], [hit(3, "")], [4, 10], ""),
        (GAPPED, [(1, "recipient"), (9, "")], [hit(3, kind="none")], [4, 10], ""),
        # no party before that trigger
        (GAPPED, [(1, ""), (9, "")], [hit(3)], [4, 10], ""),
        (GAPPED, [(4, "recipient"), (9, "")], [hit(3)], [4, 10], ""),
        # a role already
        (GAPPED, [(1, "recipient"), (9, "supplier")], [hit(3)], [4, 10], "supplier"),
        # at the text's start: no punctuation before
        ("Tchequie 52 canons", [(0, "")], [], [1], ""),
        ("et Tchequie 52 canons", [(1, "")], [], [2], ""),
    ],
)
def test_gapped_roles(openers, text, actors, triggers, counts, expected):
    found = [actor(s, "X", r) for s, r in actors]
    gapped_roles(words(text), found, triggers, counts, openers)
    assert found[-1].role == expected


def test_gapped_roles_of_countries_only(openers):
    found = [actor(1, "LTU", "recipient"), actor(9, "CZE", label="ORG")]
    gapped_roles(words(GAPPED), found, [hit(3)], [4, 10], openers)
    assert found[1].role == ""
    # the last party before the trigger
    found = [actor(0, "A", "supplier"), actor(1, "LTU", "recipient"), actor(9, "CZE")]
    gapped_roles(words(GAPPED), found, [hit(3)], [4, 10], openers)
    assert found[2].role == "recipient"


# --- a relative clause ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "end", "triggers", "others", "expected"),
    [
        ("la Norvege , qui se sont engages a ceder", 2, [hit(6, "out")], [], "supplier"),
        ("la Norvege qui a commande", 2, [hit(4)], [], "recipient"),
        ("la Norvege qui a recu", 2, [hit(4, "held")], [], "recipient"),
        ("la Norvege , qui a b c d e ceder", 2, [hit(9, "out")], [], "supplier"),  # six words after 'qui'
        ("la Norvege , qui a b c d e f ceder", 2, [hit(10, "out")], [], ""),
        ("la Norvege , que a ceder", 2, [hit(5, "out")], [], ""),
        ("la Norvege , , qui a ceder", 2, [hit(6, "out")], [], ""),
        ("la Norvege", 2, [], [], ""),
        ("la Norvege ,", 2, [], [], ""),
        ("la Norvege , qui x", 2, [hit(4, "")], [], ""),  # no direction
        ("la Norvege , qui x cede", 2, [hit(4, ""), hit(5, "out")], [], "supplier"),
        # another country between 'qui' and the trigger
        ("la Norvege , qui avec la Suede a cede", 2, [hit(8, "out")], [6], ""),
        ("la Norvege , qui a cede a la Suede", 2, [hit(5, "out")], [8], "supplier"),
        # the trigger is the first directed one after 'qui'
        ("la Norvege , qui a achete puis cede", 2, [hit(5), hit(7, "out")], [], "recipient"),
        ("cede , qui achete", 0, [hit(0, "out"), hit(3)], [], ""),
        # only what stands strictly between 'qui' and the trigger
        ("la Norvege , qui a cede", 2, [hit(3, "in"), hit(5, "out")], [], "supplier"),
        ("la Norvege , qui a cede", 2, [hit(5, "out")], [3], "supplier"),
        ("la Norvege , qui a cede", 2, [hit(5, "out")], [5], "supplier"),
    ],
)
def test_relative_subject_role(text, end, triggers, others, expected):
    candidate = Candidate("COUNTRY", max(0, end - 1), end, "X")
    assert relative_subject_role(words(text), candidate, triggers, others) == expected

"""`arms_acronyms` (extract/pipes/acronyms.py): an acronym an article defines names the same ORG.

Run on the candidates of the tagger and the patterns (the step before it in the pipeline): which
ORG candidates it adds, with their value, rule id, form kind and organization kind.
"""

from __future__ import annotations

import pytest

from extract.pipes.acronyms import ArmsAcronyms, make_arms_acronyms
from extract.pipes.items import Candidate
from tests.extractors import EXTRACTORS


def orgs(text: str) -> list[tuple[str, str, str, str]]:
    """(text, value, rule id, entity kind) of the ORG candidates after `arms_acronyms`; the other
    fields are checked against the rule: a defined name's form_kind is 'name', an acronym's 'acronym'."""
    component = EXTRACTORS().nlp.get_pipe("arms_extractor")
    doc = component.nlp.make_doc(text)
    for step in component.steps[:4]:
        doc = step(doc)
    doc = ArmsAcronyms()(doc)
    for c in doc._.arms_candidates:
        if c.rule_id == "org-defined-by-acronym":
            assert (c.unit, c.form_kind, c.extra["country"]) == ("", "name", "")
        elif c.rule_id == "org-acronym":
            assert (c.unit, c.form_kind) == ("", "acronym")
    return [
        (doc[c.start : c.end].text, c.value, c.rule_id, c.extra.get("entity_kind", ""))
        for c in doc._.arms_candidates
        if c.label == "ORG"
    ]


OCL = "Office central de la logistique"
DEFINED = (OCL, OCL, "org-defined-by-acronym", "agency")
USE = ("OCL", OCL, "org-acronym", "agency")

CASES = {
    "defined-then-used": (
        "L'Office central de la logistique (OCL) a signé. L'OCL a payé et l'OCL a fini.",
        [DEFINED, USE, USE, USE],
    ),
    "used-before-its-definition": ("L'OCL a dit. L'Office central de la logistique (OCL) finance.", [DEFINED, USE]),
    "gazetteer-org": (
        "Selon Thales (TH), le TH livre.",
        [
            ("Thales", "Thales", "org:Thales", "manufacturer"),
            ("TH", "Thales", "org-acronym", "manufacturer"),
            ("TH", "Thales", "org-acronym", "manufacturer"),
        ],
    ),
    "other-head": (
        "Le Centre d'essais des missiles (CEM) teste.",
        [
            ("Centre d'essais des missiles", "Centre d'essais des missiles", "org-defined-by-acronym", "other"),
            ("CEM", "Centre d'essais des missiles", "org-acronym", "other"),
        ],
    ),
    "head-in-lower-case": ("l'office central (OCL) a signé. L'OCL a payé.", []),
    "hyphen-in-the-name": (
        "L'Office Nord - Sud (ONS) a signé.",
        [
            ("Office Nord - Sud",) * 2 + ("org-defined-by-acronym", "agency"),
            ("ONS", "Office Nord - Sud", "org-acronym", "agency"),
        ],
    ),
    "quotes-in-the-name": (
        "L'Office 'Avenir' (OA) a signé.",
        [
            ("Office 'Avenir'",) * 2 + ("org-defined-by-acronym", "agency"),
            ("OA", "Office 'Avenir'", "org-acronym", "agency"),
        ],
    ),
    "curly-quotes-in-the-name": (
        "L'Office ’Avenir’ (OA) a signé.",
        [
            ("Office ’Avenir’",) * 2 + ("org-defined-by-acronym", "agency"),
            ("OA", "Office ’Avenir’", "org-acronym", "agency"),
        ],
    ),
    "punctuation-in-the-name": ("L'Office central, régional et local (OCRL) a signé. L'OCRL a payé.", []),
    "twelve-words": (
        "L'Office un deux trois quatre cinq six sept huit neuf dix onze (OX) a signé.",
        [
            ("Office un deux trois quatre cinq six sept huit neuf dix onze",) * 2
            + ("org-defined-by-acronym", "agency"),
            ("OX", "Office un deux trois quatre cinq six sept huit neuf dix onze", "org-acronym", "agency"),
        ],
    ),
    "thirteen-words": ("L'Office zéro un deux trois quatre cinq six sept huit neuf dix onze (OX) a signé.", []),
    "head-in-another-sentence": ("L'Office central\n\nCentral (OC) a dit.", []),  # a line of its own
    "not-an-acronym": ("L'Office central (Ocl) a signé.", []),
    "one-letter": ("L'Office central (O) a signé.", []),
    "ten-characters": (
        "L'Office central (ABCDEFGHIJ) a signé.",
        [
            ("Office central", "Office central", "org-defined-by-acronym", "agency"),
            ("ABCDEFGHIJ", "Office central", "org-acronym", "agency"),
        ],
    ),
    "eleven-characters": ("L'Office central (ABCDEFGHIJK) a signé.", []),
    "ampersand": (
        "L'Office européen (A&B) puis A&B a signé.",
        [
            ("Office européen", "Office européen", "org-defined-by-acronym", "agency"),
            ("A&B", "Office européen", "org-acronym", "agency"),
            ("A&B", "Office européen", "org-acronym", "agency"),
        ],
    ),
    "defined-twice": (
        "L'Office central (OCL) et l'Institut national (OCL) puis OCL.",
        [("Office central", "Office central", "org-defined-by-acronym", "agency")]
        + [("OCL", "Office central", "org-acronym", "agency")] * 3,
    ),
    "at-the-start": ("(OCL) Office.", []),
    "unclosed": ("L'Office central (OCL a signé.", []),
    "unclosed-at-the-end": ("L'Office central (OCL", []),
    "open-bracket-at-the-end": ("L'Office central a signé (", []),
    "one-word-name-opens-the-text": (
        "Thales (TH) livre, puis TH signe.",
        [
            ("Thales", "Thales", "org:Thales", "manufacturer"),
            ("TH", "Thales", "org-acronym", "manufacturer"),
            ("TH", "Thales", "org-acronym", "manufacturer"),
        ],
    ),
    "definition-closes-the-text": (
        "Selon l'Office central (OCL)",
        [
            ("Office central", "Office central", "org-defined-by-acronym", "agency"),
            ("OCL", "Office central", "org-acronym", "agency"),
        ],
    ),
    "no-name-before-then-a-definition": (
        "Il a dit (OK) que l'Office central (OCL) signe.",
        [
            ("Office central", "Office central", "org-defined-by-acronym", "agency"),
            ("OCL", "Office central", "org-acronym", "agency"),
        ],
    ),
    "defined-twice-then-another": (
        "L'Office central (OCL) et l'Institut national (OCL) puis le Centre d'essais (CE) et le CE.",
        [
            ("Office central", "Office central", "org-defined-by-acronym", "agency"),
            ("Centre d'essais", "Centre d'essais", "org-defined-by-acronym", "other"),
        ]
        + [("OCL", "Office central", "org-acronym", "agency")] * 2
        + [("CE", "Centre d'essais", "org-acronym", "other")] * 2,
    ),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_acronyms(text, expected):
    assert orgs(text) == expected


def test_an_acronym_inside_a_mention_stays_in_it():
    # 'HIMARS' is a WEAPON of the gazetteer: it defines no ORG
    assert orgs("Les lance-roquettes de l'Office (HIMARS) arriveront.") == []


def test_the_longest_org_before_the_bracket_names_the_acronym():
    doc = EXTRACTORS().nlp.make_doc("La Direction Generale de Rien (DGR) agit.")
    short = Candidate("ORG", 3, 6, "Generale de Rien", rule_id="a")
    long = Candidate("ORG", 1, 6, "Direction Generale de Rien", rule_id="b")
    other = Candidate("COUNTRY", 0, 6, "X", rule_id="c")
    assert ArmsAcronyms._named_before(doc, 6, [short, long, other]) is long
    assert ArmsAcronyms._named_before(doc, 6, [long, short]) is long


def test_factory():
    assert isinstance(make_arms_acronyms(EXTRACTORS().nlp, "arms_acronyms"), ArmsAcronyms)

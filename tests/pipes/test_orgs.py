"""ORG named by function and demonym: 'la marine turque', 'le ministère roumain de la Défense'.

Contract: ../shared/realdev conventions and rules/lexicons/institutions.csv. The ORG is the
name as written (value = text); its country is the demonym's; the demonym itself is also a
COUNTRY (nested mentions). A function word alone ('la marine') names no organization, except
the institutions marked alone=yes ('le ministère de la Défense').
"""

import pytest

from extract.pipes.orgs import normalize_institution
from tests.extractors import EXTRACTORS

ORG_BY_FUNCTION = {
    # text, ORG span, its country, the nested COUNTRY demonym (or None)
    "marine-royale-demonym-listed": (
        "Naval Group a signé avec la marine royale néerlandaise.",
        "marine royale néerlandaise",
        "NLD",
        "néerlandaise",
    ),
    "marine-royale-demonym": (
        "La marine royale thaïlandaise a reçu son sous-marin.",
        "marine royale thaïlandaise",
        "THA",
        "thaïlandaise",
    ),
    "forces-de-defense-plural": (
        "Les forces de défense finlandaises ont choisi le David's Sling.",
        "forces de défense finlandaises",
        "FIN",
        "finlandaises",
    ),
    "ministere-demonym-function": (
        "Le ministère roumain de la Défense a confirmé la commande.",
        "ministère roumain de la Défense",
        "ROU",
        "roumain",
    ),
    "ministere-function-demonym": (
        "Le Ministère de la Défense lituanien a signé le contrat.",
        "Ministère de la Défense lituanien",
        "LTU",
        "lituanien",
    ),
    "ministere-affaires-etrangeres": (
        "Le ministère américain des Affaires étrangères a approuvé la vente.",
        "ministère américain des Affaires étrangères",
        "USA",
        "américain",
    ),
    "gazetteer-force-other-country": (
        "Le Corps des Marines philippins a reçu des missiles BrahMos.",
        "Corps des Marines philippins",
        "PHL",
        "philippins",
    ),
    "ministere-alone": ("Le ministère de la Défense a publié le rapport.", "ministère de la Défense", "", None),
    "forces-armees-nationales-alone": (
        "Les Forces armées nationales recevront le système.",
        "Forces armées nationales",
        "",
        None,
    ),
}


@pytest.mark.parametrize(("text", "span", "iso3", "demonym"), list(ORG_BY_FUNCTION.values()), ids=list(ORG_BY_FUNCTION))
def test_org_named_by_function(extractor, text, span, iso3, demonym):
    mentions = extractor.extract(text)
    start = text.index(span)
    orgs = [m for m in mentions if m.label == "ORG" and (m.start, m.end) == (start, start + len(span))]
    assert orgs, [(m.label, m.text) for m in mentions]
    assert orgs[0].extra["country"] == iso3
    assert orgs[0].value == span or orgs[0].form_kind != "function"  # a gazetteer name keeps its canonical value
    if demonym:
        inner = text.index(demonym, start)
        assert any(m.label == "COUNTRY" and m.start == inner and m.value == iso3 for m in mentions)


NOT_AN_ORG = {
    "marine-alone": "La marine a reçu sa corvette.",
    "marine-demonym-descriptive": "La marine turque a reçu sa corvette.",
    "armee-de-l-air-descriptive": "L'armée de l'air brésilienne exploite des KC-390.",
    "armee-demonym": "L'armée ukrainienne a reçu des obusiers.",  # 'armée' + demonym is the country's army, not a name
    "forces-armees-alone": "Les forces armées ont été mobilisées.",
    "marine-capital-not-demonym": "La marine Maroc n'existe pas.",
    "maker-demonym": "Le constructeur Boeing américain a livré.",
}


@pytest.mark.parametrize("text", list(NOT_AN_ORG.values()), ids=list(NOT_AN_ORG))
def test_function_words_alone_are_no_org(extractor, text):
    orgs = [m for m in extractor.extract(text) if m.label == "ORG"]
    assert not any(m.form_kind == "function" for m in orgs), [m.text for m in orgs]


def test_gazetteer_org_keeps_its_name_before_its_own_demonym(extractor):
    text = "Le Département d'État américain a approuvé la vente."
    mentions = extractor.extract(text)
    assert [(m.label, m.text) for m in mentions if m.label in ("ORG", "COUNTRY")] == [
        ("ORG", "Département d'État"),
        ("COUNTRY", "américain"),
    ]


ACRONYMS = {
    "org-head-phrase": (
        "Une délégation du Centre international pour la victoire de l'Ukraine (CIVU) était à Séoul. Selon le CIVU, 60 missiles ont été livrés.",
        "Centre international pour la victoire de l'Ukraine",
        2,
    ),
    "listed-org": (
        "L'Agence européenne de défense (AED) finance le projet. L'AED a retenu trois industriels.",
        "Agence européenne de défense",
        2,
    ),
    "agency-lowercase-words": (
        "La Direction générale des armements de Côte d'Ivoire (DGACI) a signé. La DGACI paiera.",
        "Direction générale des armements de Côte d'Ivoire",
        2,
    ),
}


@pytest.mark.parametrize(("text", "name", "uses"), list(ACRONYMS.values()), ids=list(ACRONYMS))
def test_an_acronym_the_article_defines_is_the_same_org(extractor, text, name, uses):
    mentions = extractor.extract(text)
    named = [m for m in mentions if m.label == "ORG" and m.text == name]
    assert named, [(m.label, m.text) for m in mentions]
    acronym = text[text.index("(") + 1 : text.index(")")]
    same = [m for m in mentions if m.label == "ORG" and m.text == acronym]
    assert len(same) == uses and all(m.value == named[0].value for m in same)


NOT_ACRONYM_DEFINITIONS = {
    "country-abbreviation": "Les Émirats arabes unis (EAU) ont commandé des Rafale. Les EAU paieront.",
    "weapon-acronym": "Les systèmes de missiles d'artillerie à haute mobilité (HIMARS) arriveront.",
    "no-org-head": "La République démocratique allemande (RDA) exploitait des MiG-29.",
}


@pytest.mark.parametrize("text", list(NOT_ACRONYM_DEFINITIONS.values()), ids=list(NOT_ACRONYM_DEFINITIONS))
def test_brackets_that_define_no_org(extractor, text):
    assert not [m for m in extractor.extract(text) if m.label == "ORG" and m.rule_id.startswith("org-")]


# --- normalize_institution on the pattern step's candidates ----------------------------------------


def pattern_orgs(text):
    """(text, value, rule id, country, kind) of the ORG candidates the patterns yield."""
    component = EXTRACTORS().nlp.get_pipe("arms_extractor")
    doc = component.nlp.make_doc(text)
    for step in component.steps[:4]:
        doc = step(doc)
    assert all(c.unit == "" for c in doc._.arms_candidates if c.label == "ORG")
    return [
        (doc[c.start : c.end].text, c.value, c.rule_id, c.extra["country"], c.extra["entity_kind"], c.form_kind)
        for c in doc._.arms_candidates
        if c.label == "ORG" and c.rule_id.startswith("org-")
    ]


INSTITUTIONS = {
    "ministry-demonym-function": (
        "Le ministère roumain de la Défense.",
        [("ministère roumain de la Défense",) * 2 + ("org-ministry-demonym-function", "ROU", "ministry", "function")],
    ),
    "ministry-alone": (
        "Le ministère de la Défense.",
        [("ministère de la Défense",) * 2 + ("org-institution", "", "ministry", "function")],
    ),
    "armed-force-alone": (
        "Les forces armées nationales.",
        [("forces armées nationales",) * 2 + ("org-institution", "", "armed_force", "function")],
    ),
    "gazetteer-org-and-another-country": (
        "Le Corps des Marines philippins.",
        [("Corps des Marines philippins",) * 2 + ("org-institution-demonym", "PHL", "armed_force", "function")],
    ),
    "gazetteer-org-and-its-own-country": ("Le Corps des Marines américains.", []),
    "gazetteer-org-of-another-kind": ("Thales français.", []),
    "gazetteer-org-of-another-kind-other-country": ("Thales allemand.", []),
    "gazetteer-ministry-and-another-country": (
        "Le Département d'État philippin.",
        [("Département d'État philippin",) * 2 + ("org-institution-demonym", "PHL", "ministry", "function")],
    ),
    "gazetteer-org-without-country": ("La Gendarmerie nationale française.", []),
    "compound-demonym": ("La marine royale franco-allemande.", []),
    "country-name-not-demonym": ("Le ministère Maroc de la Défense.", []),
    "function-word-alone": ("La marine et la marine du Maroc.", []),
}


@pytest.mark.parametrize(("text", "expected"), INSTITUTIONS.values(), ids=INSTITUTIONS.keys())
def test_institutions(text, expected):
    assert pattern_orgs(text) == expected


def test_no_institution_word_no_org():
    assert normalize_institution(None, 0, 1, [], None) is None

"""Page furniture: lines of a crawled page that are not the article give no mention.

Contract: rules/furniture/ (labels.csv: whole lines; lines.csv: line patterns) and the README
("Page furniture"). Each FURNITURE case is a line placed between two article paragraphs; it must
be recognized (with its kind) and nothing may be extracted from it.
"""

import pytest

from extract.pipes.furniture import ArmsFurniture, find_furniture, make_arms_furniture
from extract.rules import load_rules
from tests.extractors import EXTRACTORS

BEFORE = "Le Maroc a commandé 18 HIMARS."
AFTER = "La livraison est prévue en 2026."

FURNITURE = {
    "section-international": ("International", "section"),
    "section-economie": ("Économie", "section"),
    "section-with-colon": ("Défense :", "section"),
    "breadcrumb": ("Accueil > Actu > Monde > International", "section"),
    "breadcrumb-glued": ("InternationalSociété", "section"),
    "photo-credit": ("Photo : Reuters", "credit"),
    "photo-credit-ministry": ("Crédit photo : ministère des Armées", "credit"),
    "image-credit-org": ("Crédits image : OTAN", "credit"),
    "copyright": ("Crédits photos © US Army", "credit"),
    "agency-signature": ("(Avec AFP)", "credit"),
    "agency-initials": ("afp/al", "credit"),
    "byline-with-date": ("Article publié le 31 août 2024 par David Dagouret", "byline"),
    "update-stamp": ("Mis à jour le 04/11 à 10h02", "update_stamp"),
    "update-stamp-derniere": ("Dernière mise à jour le 17/06/2024 à 18h30", "update_stamp"),
    "broadcast-times": ("Tous les jours à 07h15 et 12h40", "schedule"),
    "reading-time": ("Article de 294 mots ⏱️ 2 min de lecture", "reading_time"),
    "related-link": ("► À lire aussi : Le Maroc reçoit 24 hélicoptères Apache", "related"),
    "related-label": ("Sur le même sujet", "related"),
    "ad": ("- Publicité -", "ad"),
    "share": ("Partager cet article", "share"),
    "subscribe": ("Abonnez-vous à notre newsletter pour 1 euro", "share"),
    "slogan": ("Le premier site d'information de défense en Afrique", "slogan"),
    "tag-page": ("MBDA | Toute l'actualité du missilier européen", "slogan"),
}


@pytest.mark.parametrize(("line", "kind"), list(FURNITURE.values()), ids=list(FURNITURE))
def test_furniture_line_is_recognized_and_gives_nothing(extractor, line, kind):
    text = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    found = find_furniture(text, load_rules())
    start = text.index(line)
    assert [(f.start, f.end, f.kind) for f in found] == [(start, start + len(line), kind)]
    mentions = extractor.extract(text, date="2024-06")
    assert not [m for m in mentions if start <= m.start < start + len(line)], [m.text for m in mentions]
    assert {"MAR", "18", "M142 HIMARS", "2026"} <= {m.value for m in mentions}  # the article itself is read


ARTICLE_TEXT = {
    "sentence-starting-like-a-section": "Défense : le Maroc a commandé 18 HIMARS pour 524 millions de dollars.",
    "caption-stating-a-fact": "Recep Tayyip Erdogan a signé le contrat le 29 avril 2025 (AFP).",
    "quoted-post": "— Defence of Ukraine (@DefenceU) May 25, 2022",
    "long-paragraph-starting-with-photo": "Photo : "
    + "le Maroc a reçu ses premiers HIMARS et les a présentés à la presse. " * 4,
    "publie-in-a-sentence": "Le rapport publié hier par le SIPRI montre que la France est le deuxième exportateur d'armes.",
    "par-in-a-sentence": "Par ailleurs, la Pologne a commandé 96 AH-64E Apache.",
}


@pytest.mark.parametrize("line", list(ARTICLE_TEXT.values()), ids=list(ARTICLE_TEXT))
def test_article_lines_are_not_furniture(line):
    assert find_furniture(f"{BEFORE}\n{line}\n{AFTER}", load_rules()) == []


def test_the_credit_of_a_headline_gives_nothing_but_the_headline_does(extractor):
    text = "date 2024-06 Le Maroc commande des HIMARS (Photo : ministère américain de la Défense)\n\nTexte."
    mentions = extractor.extract(text)
    assert {m.value for m in mentions} >= {"MAR", "M142 HIMARS"}
    assert not [m for m in mentions if m.start >= text.index("(Photo")]


def test_furniture_after_the_crawl_prefix(extractor):
    text = "date 2024-05 Photo : YONHAP News\n\nLa Corée du Nord aurait livré 60 missiles KN-23 à la Russie."
    result = next(extractor.extract_texts([(text, None)]))
    assert result.header.title == ""
    assert not [m for m in result.mentions if m.start < text.index("\n")]
    assert {"PRK", "RUS", "60"} <= {m.value for m in result.mentions}


def test_a_credit_closing_a_caption_gives_nothing_but_the_caption_does(extractor):
    text = "Le Maroc attend sa frégate.\nMise à l'eau de la FREMM le 13 novembre (© Naval Group)\nFin."
    mentions = extractor.extract(text, date="2024-06")
    credit = text.index("(©")
    assert {"FREMM", "2024-11-13"} <= {m.value for m in mentions}
    assert not [m for m in mentions if m.start >= credit and m.end <= credit + len("(© Naval Group)")]


# --- find_furniture offsets and the component ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Défense\n\nLe Maroc commande.\nPhoto : AFP", [(0, 7, "section"), (28, 39, "credit")]),
        ("  Partager cet article  \nTexte.", [(2, 22, "share")]),  # whitespace trimmed
        ("Texte.\n\t- Publicité -", [(8, 21, "ad")]),
        ("Partager cet article" + " x" * 90, []),  # a long line is article text
        ("\n\n   \n", []),
    ],
)
def test_furniture_offsets(text, expected):
    assert [(f.start, f.end, f.kind) for f in find_furniture(text, load_rules())] == expected


def test_longest_furniture_line():
    rules = load_rules()
    label = next(iter(rules.furniture_labels))
    assert find_furniture("x" * 201, rules) == []
    assert [f.kind for f in find_furniture(label, rules)] == [rules.furniture_labels[label]]


def test_inline_credit_offsets():
    line = "Le président a signé le contrat le 13 novembre (© Naval Group)"
    text = f"Texte.\n{line}"
    found = find_furniture(text, load_rules())
    start = text.index("(©")
    assert [(f.start, f.end) for f in found] == [(start, len(text))]


def test_component_keeps_ranges_already_set():
    component = make_arms_furniture(None, "arms_furniture", None)
    assert isinstance(component, ArmsFurniture)
    doc = extractor_doc("Titre (DR)\nDéfense\n\nLe Maroc commande.")
    doc._.furniture = [(0, 3, "credit")]
    assert component(doc)._.furniture == [(0, 3, "credit"), (11, 18, "section")]
    doc._.furniture = None
    assert component(doc)._.furniture == [(11, 18, "section")]


def extractor_doc(text):
    return EXTRACTORS().nlp.make_doc(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Texte.\n \nPhoto : AFP", [(9, 20, "credit")]),  # after a line of spaces
        ("Le Maroc commande des HIMARS (Photo : ministère américain de la Défense)", [(29, 72, "credit")]),
    ],
)
def test_find_furniture_ranges_and_kinds(text, expected):
    assert [(f.start, f.end, f.kind) for f in find_furniture(text, load_rules())] == expected

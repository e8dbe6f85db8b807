"""`arms_tagger` (extract/pipes/tagger.py): word classes on tokens and gazetteer candidates.

Function-level tables first (`_leading_number`, `_after_number_word`, `_tokenize_form`,
`_candidate`), then the tagger run on short texts of our own: which items it marks
(`doc._.lex_items`) and which gazetteer candidates it yields (`doc._.arms_candidates`), before
the patterns and the resolver see them.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.pipes.tagger import _after_number_word, _candidate, _leading_number, _tokenize_form
from extract.rules import GazetteerEntry
from tests.extractors import EXTRACTORS


def _component():
    return EXTRACTORS().nlp.get_pipe("arms_extractor")


def tag(text: str) -> Doc:
    """The Doc after sentences, furniture and the session's tagger (no patterns, no resolver)."""
    component = _component()
    doc = component.nlp.make_doc(text)
    for step in component.steps[:3]:
        doc = step(doc)
    return doc


def items(doc: Doc) -> set[tuple[str, str, object]]:
    """(class, text, value) of every tagged item."""
    return {(i.cls, doc[i.start : i.end].text, i.value) for i in doc._.lex_items.values()}


def numbers(doc: Doc) -> list[tuple[str, object]]:
    return sorted(
        ((doc[i.start : i.end].text, i.value) for i in doc._.lex_items.values() if i.cls == "number"),
        key=str,
    )


def candidates(doc: Doc, label: str | None = None) -> list[tuple[str, str, str]]:
    """(label, text, value) of the gazetteer candidates, in order."""
    return [
        (c.label, doc[c.start : c.end].text, c.value)
        for c in doc._.arms_candidates
        if label is None or c.label == label
    ]


def words(*tokens: str, glued: tuple[int, ...] = ()) -> Doc:
    """A Doc of these tokens, with no space after the tokens at the positions in `glued`."""
    vocab = EXTRACTORS().nlp.vocab
    return Doc(vocab, words=list(tokens), spaces=[i not in glued for i in range(len(tokens))])


# --- function level -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("14", 14), ("1er", 1), ("21st", 21), ("03", 3), ("2nd", 2), ("31", 31)],
)
def test_leading_number(text, expected):
    assert _leading_number(text) == expected


@pytest.mark.parametrize(
    ("doc", "i", "expected"),
    [
        (words("deux", "cents", "missiles"), 1, True),
        (words("deux", "-", "cents", glued=(0, 1)), 2, True),  # 'deux-cents'
        (words("deux", "-", "cents", glued=(0,)), 2, False),  # 'deux- cents': not glued
        (words("des", "cents", "américains"), 1, False),
        (words("cents", "dollars"), 0, False),  # nothing before
        (words("-", "cents", glued=(0,)), 1, False),  # a hyphen opens the text
        (words("trois", "centimes"), 1, True),
        (words("trois", "-", "centimes", glued=(0, 1)), 2, True),  # read before the hyphen, not the subunit
        (words("des", "-", "cents", glued=(0, 1)), 2, False),
    ],
)
def test_after_number_word(doc, i, expected):
    assert _after_number_word(doc, i) is expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("près d'", ["près", "d'"]),
        ("près d’", ["près", "d’"]),
        ("Rafale", ["Rafale"]),
        ("marine royale", ["marine", "royale"]),
        ("AMX", ["AMX"]),  # no apostrophe at the end: tokenized as it is
    ],
)
def test_tokenize_form(form, expected):
    doc = _tokenize_form(EXTRACTORS().nlp, form)
    assert [t.text for t in doc] == expected
    assert doc.text == form


def _entry(**fields) -> GazetteerEntry:
    base = dict(label="WEAPON", form="Typhoon", value="Eurofighter Typhoon", unit="aircraft", kind="name")
    base.update(rule_id="weapon:Eurofighter Typhoon", source="weapons.csv:2", country="DEU", entity_kind="")
    return GazetteerEntry(**{**base, **fields})


def test_candidate_copies_the_entry():
    candidate = _candidate(_entry(co_producers=("GBR", "ITA")), 3, 5)
    assert (candidate.label, candidate.start, candidate.end) == ("WEAPON", 3, 5)
    assert (candidate.value, candidate.unit, candidate.rule_id) == (
        "Eurofighter Typhoon",
        "aircraft",
        "weapon:Eurofighter Typhoon",
    )
    assert candidate.form_kind == "name"
    assert candidate.extra == {"country": "DEU", "entity_kind": "", "co_producers": ("GBR", "ITA")}


def test_candidate_without_co_producers():
    candidate = _candidate(_entry(label="ORG", entity_kind="manufacturer", co_producers=()), 0, 1)
    assert candidate.extra == {"country": "DEU", "entity_kind": "manufacturer"}


# --- 'un'/'une' counted as the number 1 ---------------------------------------------------------

COUNTED_ARTICLES = {
    "list-of-counts": ("La Suède livrera trois Gripen E et un Gripen F.", [("trois", 3), ("un", 1)]),
    "plain-article": ("Le pays a acquis un drone.", []),
    "une-seule": ("Il ne reste qu'une seule unité.", [("une seule", 1)]),
    "dont-un": ("Quatre avions, dont un s'est écrasé.", [("Quatre", 4), ("un", 1)]),
    "dont-un-counted-noun": ("Quatre avions, dont un avion récent.", [("Quatre", 4), ("un", 1)]),
    "dont-une-plain": ("Des bases, dont une grande ville.", []),
    "unit-of-a-system": ("Berlin livre une unité IRIS-T SLM.", [("une", 1)]),
    "unit-alone": ("Berlin livre une unité de plus.", []),
    "une-seule-closes-the-text": ("Il en reste une seule", [("une seule", 1)]),
    "un-seul": ("Il ne reste qu'un seul char.", [("un seul", 1)]),
    "un-seul-then-a-list": (
        "Un seul Rafale, puis trois Gripen E et un Gripen F.",
        [("Un seul", 1), ("trois", 3), ("un", 1)],
    ),
    # the counted article is itself the count of the list
    "un-seul-counts-the-list": ("Un seul Gripen E et un Gripen F.", [("Un seul", 1), ("un", 1)]),
    "dont-un-counts-the-list": ("Des avions, dont un Gripen E et un Gripen F.", [("un", 1), ("un", 1)]),
    "unit-counted-article-counts-the-list": ("Une batterie Patriot et un Rafale.", [("Une", 1), ("un", 1)]),
    "unit-of-a-system-then-une-seule": (
        "Berlin livre une unité IRIS-T SLM et il ne reste qu'une seule unité.",
        [("une", 1), ("une seule", 1)],
    ),
    "et-puis-un": ("Moscou vend deux Su-57 et puis un Su-35.", [("deux", 2)]),
    "d-un-without-et": ("Deux Su-57 à côté d'un Su-35.", [("Deux", 2)]),
    "et-d-un-opens-the-text": ("Et d'un Su-35 avec deux Su-57.", [("deux", 2), ("un", 1)]),
    "dont-opens-the-text": ("Dont un s'est écrasé.", [("un", 1)]),
    "dont-un-then-a-list": (
        "Quatre avions, dont un s'est écrasé, puis trois Gripen E et un Gripen F.",
        [("Quatre", 4), ("trois", 3), ("un", 1), ("un", 1)],
    ),
    "unit-noun-of-a-system": ("Moscou livre une division S-400.", [("une", 1)]),
    "noun-with-no-unit-before-a-system": ("Le pays a acquis un avion Rafale.", []),
    "et-d-un": ("Moscou vend deux Su-57 et d'un Su-35.", [("deux", 2), ("un", 1)]),
    "comma-then-count": (
        "Ils achètent un système RAM, une tourelle et quatre missiles.",
        [("quatre", 4), ("une", 1)],
    ),
    "apposition": ("Séoul livre 288 lanceurs Chunmoo, un système de défense.", [("288", 288)]),
    "et-without-count": ("Un navire et un avion.", []),
    "count-in-other-sentence": ("Il y a trois chars. Il achète un avion et un char.", [("trois", 3)]),
    "inside-a-number": ("Ils ont vingt et un avions.", [("vingt et un", 21)]),
    "article-last": ("Ils en veulent un", []),
    "count-opens-the-sentence": ("Trois Gripen E et un Gripen F.", [("Trois", 3), ("un", 1)]),
    "count-opens-the-next-sentence": ("Il a un Rafale et un Gripen E. Trois Gripen C suivront.", [("Trois", 3)]),
    "count-of-something-else": ("Il a trois bases et un Rafale.", [("trois", 3)]),
    "count-before-an-adjective": ("Il achète trois nouveaux Gripen E et un Gripen F.", [("trois", 3), ("un", 1)]),
}


@pytest.mark.parametrize(("text", "expected"), COUNTED_ARTICLES.values(), ids=COUNTED_ARTICLES.keys())
def test_counted_articles(text, expected):
    assert numbers(tag(text)) == sorted(expected, key=str)


def test_scale_inside_a_number_is_not_an_item():
    doc = tag("Un budget de un million deux cent mille euros.")
    assert numbers(doc) == [("un million deux cent mille", 1_200_000)]
    assert not [i for i in doc._.lex_items.values() if i.cls == "scale"]


@pytest.mark.parametrize(
    "text",
    [
        "Des millions de dollars pour 3 avions.",
        "Il a payé 25 millions 300 000 euros.",  # right before a number, not inside it
    ],
)
def test_a_scale_outside_a_number_stays_an_item(text):
    assert ("scale", "millions", 1_000_000) in items(tag(text))


def test_number_noun_is_an_approximate_number():
    found = [i for i in tag("une vingtaine d'avions")._.lex_items.values() if i.cls == "number"]
    assert [(i.start, i.end, i.value, bool(i.approx)) for i in found] == [(0, 2, 20, True)]


# --- word shapes: model codes, days, years ------------------------------------------------------

SHAPES = {
    "unlisted-code": ("Des XK-99 livrés.", {("model_code", "XK-99", "XK-99")}),
    "too-long": ("Des ABCDEFGHIJKLMNOP1 livrés.", set()),
    "fifteen-characters": ("Des ABCDEFGHIJKLM-1 livrés.", {("model_code", "ABCDEFGHIJKLM-1", "ABCDEFGHIJKLM-1")}),
    "sixteen-characters": ("Des ABCDEFGHIJKLMN-1 livrés.", set()),
    "not-a-designation": ("Le C4ISR livré.", set()),
    "type-number": ("Des Type 091B livrés.", {("model_code", "Type 091B", "Type 091B")}),
    "type-lower": ("Des type 091B livrés.", set()),
    "type-last": ("Le Type", set()),
    "type-number-closes-the-text": ("Des Type 091B", {("model_code", "Type 091B", "Type 091B")}),
    "type-not-a-number": ("Le Type XYZ", set()),
    "day-and-year": ("Le 14 avril 2023.", {("day", "14", 14), ("year", "2023", 2023)}),
    "first-day": ("Le 1er mai.", {("day", "1er", 1)}),
    "lower-word": ("le mai", set()),
}


@pytest.mark.parametrize(("text", "expected"), SHAPES.values(), ids=SHAPES.keys())
def test_shapes(text, expected):
    found = {i for i in items(tag(text)) if i[0] in ("model_code", "day", "year")}
    assert found == expected


def test_marks_on_tokens():
    doc = tag("La Suède livrera 12 Gripen E le 14 avril.")
    assert [t.ent_kb_id_ for t in doc] == [
        "",
        "B-country",
        "",
        "B-number",
        "B-weapon",
        "I-weapon",
        "",
        "B-number",
        "B-month",
        "",
    ]
    assert [t.ent_id_ for t in doc] == ["", "", "", "B-day", "", "", "", "B-day", "", ""]
    assert doc._.texts == [t.text for t in doc]
    assert doc._.folded[1] == "suede"
    assert sorted(doc._.lex_by_start) == [1, 3, 4, 7, 8]
    assert sorted(doc._.lex_by_end) == [2, 4, 6, 8, 9]


# --- gazetteer candidates -----------------------------------------------------------------------

CANDIDATES = {
    "demonym": ("Le gouvernement français.", [("COUNTRY", "français", "FRA")]),
    "demonym-after-blocker": ("Un livre publié en français.", []),
    "blocker-opens-the-text": ("En français, il a signé.", []),
    # a headline: the blocker closing the text is not the word before the first demonym
    "headline-ending-with-a-blocker": (
        "Russes et Américains se parlent",
        [("COUNTRY", "Russes", "RUS"), ("COUNTRY", "Américains", "USA")],
    ),
    "capital-as-a-place-then-a-country": ("Le sommet à Vilnius réunit la France.", [("COUNTRY", "France", "FRA")]),
    "capital-as-government": ("Vilnius a commandé des missiles.", [("COUNTRY", "Vilnius", "LTU")]),
    "capital-after-cue": ("Le sommet de l'Otan à Vilnius a commencé.", []),
    "cue-out-of-window": ("Le sommet a eu lieu hier soir en fait à Vilnius.", [("COUNTRY", "Vilnius", "LTU")]),
    "dateline-weekday": ("Dakar, vendredi 17/03/2023 - Les avions.", []),
    "dateline-digit": ("Dakar, 17 mars - Les avions.", []),
    "dateline-second-word": ("Dakar, le 17 mars - Les avions.", []),
    "dateline-weekday-second": ("Dakar, le jeudi, les avions.", []),
    "dateline-too-far": ("Dakar, x y 17 avions.", [("COUNTRY", "Dakar", "SEN")]),
    "dateline-ordinal-day": ("Dakar, 1er mars - Les avions.", []),
    "of-cue-three-words-before": ("Il vit dans la banlieue même de Tunis.", []),
    "of-cue-four-words-before": ("Il vit dans la banlieue même proche de Tunis.", [("COUNTRY", "Tunis", "TUN")]),
    "of-cue-elided": ("Il vit au sud d'Alger.", []),
    "of-cue-opens-the-text": ("Près de Tunis les combats continuent.", []),
    "before-cue-right-before": ("Le sommet à Paris commence.", []),
    "before-cue-opens-the-text": ("Sommet à Vilnius demain.", []),
    "before-cue-au": ("Le sommet au Caire a commencé.", []),
    "au-capital": ("Il a livré des armes au Caire.", [("COUNTRY", "Caire", "EGY")]),
    "before-cue-five-words-before": ("Le sommet x y z w à Paris commence.", []),
    "before-cue-six-words-before": ("Le sommet x y z w v à Paris commence.", [("COUNTRY", "Paris", "FRA")]),
    "opens-sentence-without-comma": ("À Pretoria les syndicats protestent.", [("COUNTRY", "Pretoria", "ZAF")]),
    "event-fifteen-words-after": ("Il a annoncé à Paris a b c d e f g h i j k l m le salon.", []),
    "event-sixteen-words-after": (
        "Il a annoncé à Paris a b c d e f g h i j k l m n le salon.",
        [("COUNTRY", "Paris", "FRA")],
    ),
    "capital-comma-word": ("Dakar, selon le ministre, achète.", [("COUNTRY", "Dakar", "SEN")]),
    "south-of": ("Les combats à 270 km au sud de Tunis continuent.", []),
    "of-without-cue": ("Le gouvernement de Tunis achète.", [("COUNTRY", "Tunis", "TUN")]),
    "event-after": ("Le ministre a annoncé à Paris le contrat, en marge du salon Eurosatory.", []),
    "opens-sentence": ("À Pretoria, les syndicats protestent.", []),
    "between-commas": ("Il a parlé, à Rome, le 29 avril.", []),
    "between-commas-no-date": ("Il a parlé, à Rome, selon le ministre.", []),
    "comma-opens-the-text": (", à Rome, selon le ministre.", []),
    "no-comma-before": ("Il a parlé à Rome, selon le ministre.", [("COUNTRY", "Rome", "ITA")]),
    "a-capital": ("La France a livré des armes à Kiev.", [("COUNTRY", "France", "FRA"), ("COUNTRY", "Kiev", "UKR")]),
    "a-capital-comma": ("Les ventes iront à Paris, selon le ministre.", [("COUNTRY", "Paris", "FRA")]),
    "compound": (
        "Un accord franco-allemand.",
        [("COUNTRY", "franco-allemand", "FRA"), ("COUNTRY", "franco-allemand", "DEU")],
    ),
    "compound-of-three": (
        "Un projet germano-franco-espagnol.",
        [
            ("COUNTRY", "germano-franco-espagnol", "DEU"),
            ("COUNTRY", "germano-franco-espagnol", "FRA"),
            ("COUNTRY", "germano-franco-espagnol", "ESP"),
        ],
    ),
    "compound-after-a-country": (
        "La France signe un accord franco-allemand.",
        [("COUNTRY", "France", "FRA"), ("COUNTRY", "franco-allemand", "FRA"), ("COUNTRY", "franco-allemand", "DEU")],
    ),
    "compound-opens-the-text": (
        "Franco-allemand, le projet avance.",
        [("COUNTRY", "Franco-allemand", "FRA"), ("COUNTRY", "Franco-allemand", "DEU")],
    ),
    "compound-of-three-closes-the-text": (
        "Un projet germano-franco-espagnol",
        [
            ("COUNTRY", "germano-franco-espagnol", "DEU"),
            ("COUNTRY", "germano-franco-espagnol", "FRA"),
            ("COUNTRY", "germano-franco-espagnol", "ESP"),
        ],
    ),
    "compound-after-a-hyphenated-word": (
        "Un porte-avions franco-allemand.",
        [("COUNTRY", "franco-allemand", "FRA"), ("COUNTRY", "franco-allemand", "DEU")],
    ),
    "two-compounds": (
        "Un accord franco-allemand et un traité italo-espagnol.",
        [
            ("COUNTRY", "franco-allemand", "FRA"),
            ("COUNTRY", "franco-allemand", "DEU"),
            ("COUNTRY", "italo-espagnol", "ITA"),
            ("COUNTRY", "italo-espagnol", "ESP"),
        ],
    ),
    "compound-same-country": ("Un projet franco-français.", [("COUNTRY", "franco-français", "FRA")]),
    "compound-unknown-part": ("Un projet franco-blabla.", []),
    "spaced-hyphens-of-three": ("Un projet germano - franco - espagnol.", [("COUNTRY", "espagnol", "ESP")]),
    "spaced-hyphen": ("Un accord franco - allemand.", [("COUNTRY", "allemand", "DEU")]),
    "nested-demonym": (
        "La marine royale néerlandaise.",
        [("COUNTRY", "néerlandaise", "NLD")],
    ),
    "nested-longest-first": (
        "Le Boeing Insitu ScanEagle vole.",
        [
            ("WEAPON", "Boeing Insitu ScanEagle", "ScanEagle"),
            ("ORG", "Boeing Insitu", "Insitu"),
            ("ORG", "Boeing", "Boeing"),
            ("ORG", "Insitu", "Insitu"),
        ],
    ),
    "nested-maker": (
        "Le Dassault Rafale vole.",
        [("WEAPON", "Dassault Rafale", "Rafale"), ("ORG", "Dassault", "Dassault Aviation")],
    ),
    "country-name-inside-an-org": (
        "Les Hélicoptères de Russie livrent.",
        [("ORG", "Hélicoptères de Russie", "Russian Helicopters")],
    ),
    "org-inside-an-org": ("Airbus Helicopters vend.", [("ORG", "Airbus Helicopters", "Airbus Helicopters")]),
    "currency-nationality": ("Cela coûte 5 dollars américains.", [("COUNTRY", "américains", "USA")]),
}


@pytest.mark.parametrize(("text", "expected"), CANDIDATES.values(), ids=CANDIDATES.keys())
def test_candidates(text, expected):
    assert candidates(tag(text)) == expected


def test_a_compound_demonym_is_one_country_item_and_leaves_the_tokens_before_it():
    found = items(tag("Les 12 chars franco-allemands arrivent."))
    assert ("number", "12", 12) in found
    countries = [(text, value) for cls, text, value in found if cls == "country"]
    assert len(countries) == 1 and countries[0][0] == "franco-allemands" and countries[0][1] in ("FRA", "DEU")


def test_a_compound_demonym_candidate_is_a_demonym_of_each_country():
    fra, deu = tag("Un accord franco-allemand.")._.arms_candidates
    assert (fra.start, fra.end, fra.value, fra.unit, fra.rule_id, fra.form_kind) == (
        2,
        3,
        "FRA",
        "",
        "country:FRA:demonym",
        "demonym",
    )
    assert fra.extra == {"country": "FRA", "entity_kind": "", "compound": True}
    assert (deu.value, deu.rule_id, deu.extra["country"]) == ("DEU", "country:DEU:demonym", "DEU")


def test_a_hyphen_spaced_from_the_part_before_joins_nothing():
    """'franco -allemand.' cut as written: the parts join only over a hyphen glued on both sides."""
    doc = words("Un", "accord", "franco", "-", "allemand", ".", glued=(3, 4))
    for step in _component().steps[:3]:
        doc = step(doc)
    assert candidates(doc) == [("COUNTRY", "allemand", "DEU")]


def test_gazetteer_items_keep_their_entry():
    """The patterns read an item's entry (normalize_institution: is the country a demonym?)."""
    doc = tag("La marine turque achète des Rafale.")
    entries = {i.cls: i.entry for i in doc._.lex_items.values() if i.cls in ("country", "weapon")}
    assert (entries["country"].kind, entries["country"].value) == ("demonym", "TUR")
    assert (entries["weapon"].form, entries["weapon"].label) == ("Rafale", "WEAPON")


def test_subunit_after_a_number_word():
    found = items(tag("Il a deux cents missiles et 50 cents."))
    assert ("number", "deux cents", 200) in found
    assert [i[1] for i in found if i[0] == "currency_subunit"] == ["cents"]

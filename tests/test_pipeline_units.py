"""extract.pipeline: the model components left out, and the tokenizer taught the press's glued
forms (a fresh blank pipeline per test, so that what is checked is built here)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import spacy

from extract import pipeline
from extract.errors import RulesError
from extract.rules import RuleSet, load_rules


@pytest.fixture(scope="module")
def rules():
    return load_rules(None)


@pytest.fixture
def nlp(rules):
    blank = spacy.blank("fr")
    pipeline.customize_tokenizer(blank, rules)
    return blank


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("2,5Md€", ["2,5", "Md€"]),
        ("250M$.", ["250", "M$", "."]),
        ("300km", ["300", "km"]),
        ("29,99EUR", ["29,99", "EUR"]),
        ("10$CA", ["10", "$", "CA"]),
        ("mi-2025", ["mi-", "2025"]),
        ("fin-mars", ["fin-", "mars"]),
        ("Mi-septembre", ["Mi-", "septembre"]),
        ("S26T", ["S26T"]),
        ("K9A1.", ["K9A1", "."]),
        ("Su-35S.", ["Su-35S", "."]),
        ("sur 24.Son", ["sur", "24", ".", "Son"]),
        ("d’1 milliard", ["d’", "1", "milliard"]),
        ("15€50", ["15", "€", "50"]),
        ("d’euros].", ["d’", "euros", "]", "."]),
        ("en Indonésie- mais", ["en", "Indonésie", "-", "mais"]),
        ("de 9 m.", ["de", "9", "m", "."]),
        ("US$5", ["US$", "5"]),
        # each lexicon class glued to the digits before it (not split by spaCy's own suffixes)
        ("12millions", ["12", "millions"]),
        ("12kilomètres", ["12", "kilomètres"]),
        ("2,5-km", ["2,5", "-", "km"]),
        ("2,5-kilomètres", ["2,5", "-", "kilomètres"]),
        ("12HK$", ["12", "HK$"]),
        ("10½", ["10", "½"]),
        ("USD1,23", ["USD", "1,23"]),  # a code or symbol glued before the digits
        ("CHF2.5", ["CHF", "2.5"]),
        ("HK$10", ["HK$", "10"]),
        ("un Gripen F.", ["un", "Gripen", "F", "."]),  # a designation's final letter, not an initial
        ("M. Dupont", ["M.", "Dupont"]),  # Monsieur and 'J.' keep their abbreviation reading
        ("J. Smith", ["J.", "Smith"]),
        ("le programme T-X.", ["le", "programme", "T", "-", "X", "."]),  # a letter after a hyphen, then the stop
        # spaCy's own suffixes and infixes are kept beside ours
        ("au Maroc, en 2023.", ["au", "Maroc", ",", "en", "2023", "."]),
        ("Paris/Berlin", ["Paris", "/", "Berlin"]),
        # negative: a currency's name, or a code not in capitals, stays glued
        ("12dollars", ["12dollars"]),
        ("12usd", ["12usd"]),
    ],
)
def test_glued_forms_are_split(nlp, text, tokens):
    assert [t.text for t in nlp(text)] == tokens


def test_a_blank_tokenizer_does_not_split_them(rules):
    assert [t.text for t in spacy.blank("fr")("250M$.")] != ["250", "M$", "."]


@pytest.mark.parametrize(
    ("attrs", "left_out"),
    [
        (set(), ["ner", "lemmatizer", "attribute_ruler"]),
        ({"LEMMA"}, ["ner", "attribute_ruler"]),
        ({"TAG"}, ["ner", "lemmatizer"]),
        ({"LEMMA", "TAG", "POS"}, ["ner"]),
    ],
)
def test_unused_components(attrs, left_out):
    class Rule:
        pattern = [dict.fromkeys(attrs, "x"), {"LOWER": "y"}]

    class Rules:
        patterns = [Rule()]

    assert pipeline._unused_components(Rules()) == left_out


def test_the_shipped_rules_need_neither_lemmas_nor_tags(rules):
    assert pipeline._unused_components(rules) == ["ner", "lemmatizer", "attribute_ruler"]


def test_alternatives_longest_first_without_spaces():
    alternatives = pipeline._alternatives({"M$", "Md€", "$", "milliards de", "k€"}).split("|")
    assert set(alternatives) == {"Md€", r"M\$", "k€", r"\$"}
    assert alternatives[0] == "Md€" and alternatives[-1] == r"\$"  # longest first (ties in any order)


def test_currency_codes(rules):
    codes = pipeline._currency_codes(rules)
    assert {"USD", "EUR", "CHF", "US$"} <= codes
    assert not codes & {"$", "€", "dollars", "euros"}


def test_glued_unit_suffixes_of_rules_without_unit_lexicons():
    """A rules folder without the unit and currency lexicons: empty alternatives, not an error."""
    rules = RuleSet(root=Path("rules"))
    assert pipeline._glued_unit_suffixes(rules) == [
        r"(?<=[0-9])(?i:)",
        r"(?<=[0-9])(?:)",
        r"(?<=[0-9]-)(?:)",
        r"(?<=[0-9])-",
        r"(?<=[0-9])[½¼¾]",
    ]


@pytest.mark.parametrize(
    ("entries", "letters"),
    [
        ([("WEAPON", "Gripen F"), ("WEAPON", "Leopard 2 A"), ("WEAPON", "Su-30 MKI")], ["A", "F"]),
        ([("WEAPON", "Mirage 2000 M"), ("WEAPON", "Chengdu J"), ("WEAPON", "K9 T")], ["T"]),  # not M. nor J.
        ([("ORG", "Groupe K"), ("COUNTRY", "Zone B")], []),  # weapons only
        ([("WEAPON", "Q"), ("WEAPON", "Rafale"), ("WEAPON", "Patriot PAC")], []),  # a final single letter only
        ([("WEAPON", "Gripen F"), ("WEAPON", "Gripen C F")], ["F"]),
    ],
)
def test_final_designation_letters(entries, letters):
    rules = SimpleNamespace(gazetteer=[SimpleNamespace(label=label, form=form) for label, form in entries])
    assert pipeline._final_designation_letters(rules) == letters


def test_fast_pipeline_components():
    nlp = pipeline.build_pipeline(fast=True)
    assert nlp.pipe_names == ["arms_extractor"]
    assert pipeline.DEFAULT_MODEL == "fr_core_news_sm"


def test_model_pipeline_components():
    """The model without NER, lemmatizer and attribute ruler (no shipped pattern reads LEMMA or TAG),
    its parser loaded but not run on whole Docs (the deals parse their trigger sentences)."""
    nlp = pipeline.build_pipeline()
    assert nlp.pipe_names == ["tok2vec", "morphologizer", "arms_extractor"]
    assert nlp.disabled == ["parser", "senter"]
    assert not {"ner", "lemmatizer", "attribute_ruler"} & set(nlp.component_names)
    assert nlp.get_pipe("arms_extractor").deal_builder is not None


def test_a_rules_folder_is_passed_to_the_component(tmp_path):
    missing = tmp_path / "moved"  # a saved pipeline's folder that has moved: rules come with from_disk
    nlp = pipeline.build_pipeline(str(missing), fast=True)
    component = nlp.get_pipe("arms_extractor")
    assert component.rules_dir == str(missing) and component.rules is None


def test_the_model_pipeline_reads_the_rules_folder_it_is_given(tmp_path):
    missing = tmp_path / "moved"
    with pytest.raises(RulesError) as error:
        pipeline.build_pipeline(str(missing))
    assert error.value.path == str(missing) and error.value.message.startswith("E014")

"""extract.pipeline: the model components left out, and the tokenizer taught the press's glued
forms (a fresh blank pipeline per test, so that what is checked is built here)."""

from __future__ import annotations

import pytest
import spacy

from extract import pipeline
from extract.rules import load_rules


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


def test_fast_pipeline_components():
    nlp = pipeline.build_pipeline(fast=True)
    assert nlp.pipe_names == ["arms_extractor"]
    assert pipeline.DEFAULT_MODEL == "fr_core_news_sm"

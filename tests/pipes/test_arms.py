"""`arms_extractor` (extract/pipes/arms.py): every rule step in one spaCy component.

The session's pipeline processes the texts; the folder tests build a component on a blank
French pipeline of their own (the session's tokenizer is left alone).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import spacy

from extract.errors import RulesError
from extract.pipeline import DEFAULT_MODEL
from extract.pipes.arms import RULES_FOLDER, ArmsExtractor, deal_records
from extract.pipes.items import WORKING_STATE
from tests.extractors import EXTRACTORS

TEXT = "Le Maroc a commandé 18 lanceurs M142 HIMARS pour 524 millions de dollars."
FACTS = [
    ("COUNTRY", "Maroc", "MAR", ""),
    ("COUNT", "18 lanceurs", "18", "lanceur"),
    ("WEAPON", "M142 HIMARS", "M142 HIMARS", "artillery"),
    ("MONEY", "524 millions de dollars", "524000000", "USD"),
]


def facts(doc):
    return [(s.label_, s.text, s._.value, s._.unit) for s in doc.spans["arms"]]


def test_the_session_component():
    nlp = EXTRACTORS().nlp
    doc = nlp(TEXT)
    assert facts(doc) == FACTS
    assert [d["recipient"] for d in deal_records(doc)] == ["MAR"]
    assert deal_records(doc) == doc._.arms_deals and deal_records(doc) is not doc._.arms_deals
    assert all(doc._.get(name) is None for name in WORKING_STATE)
    component = nlp.get_pipe("arms_extractor")
    assert [type(step).__name__ for step in component.steps] == [
        "LineSentencizer",
        "ArmsFurniture",
        "ArmsTagger",
        "ArmsPatterns",
        "ArmsAcronyms",
        "ArmsResolver",
    ]
    assert component.name == "arms_extractor"


def test_pipe_processes_every_doc_in_order():
    nlp = EXTRACTORS().nlp
    component = nlp.get_pipe("arms_extractor")
    docs = [nlp.make_doc("Le Maroc a commandé."), nlp.make_doc("La Suède aussi.")]
    for _name, proc in nlp.pipeline[:-1]:
        docs = list(proc.pipe(docs))
    out = list(component.pipe(iter(docs), batch_size=1))
    assert [[s.text for s in d.spans["arms"]] for d in out] == [["Maroc"], ["Suède"]]


@pytest.mark.parametrize(("ref_date", "expected"), [("2024-06", ["2024-06"]), (None, [""])])
def test_a_deal_without_a_date_of_its_own_takes_the_document_date(ref_date, expected):
    nlp = EXTRACTORS().nlp
    doc = nlp.make_doc(TEXT)
    doc._.ref_date = ref_date
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    assert [d["date"] for d in deal_records(doc)] == expected


def test_deal_records_of_an_unprocessed_doc():
    assert deal_records(EXTRACTORS().nlp.make_doc("rien")) == []


@cache
def blank_component() -> ArmsExtractor:
    nlp = spacy.blank("fr")
    return nlp.add_pipe("arms_extractor")


def test_a_blank_pipeline_gets_the_component_and_its_tokenizer():
    component = blank_component()
    assert component.rules is not None and component.rules_dir is None
    assert component.name == "arms_extractor" and component.nlp.pipe_names == ["arms_extractor"]
    doc = component.nlp("Ils paient 2,5Md€.")
    assert facts(doc) == [("MONEY", "2,5Md€", "2500000000", "EUR")]  # the glued form is split by the tokenizer


def test_a_missing_rules_folder(tmp_path):
    component = ArmsExtractor(spacy.blank("fr"), rules_dir=str(tmp_path / "moved"))
    assert component.rules is None
    with pytest.raises(RulesError, match="E014") as error:
        component(component.nlp.make_doc("Le Maroc."))
    assert error.value.path == str(tmp_path / "moved")
    with pytest.raises(RulesError, match="E014") as error:
        component.to_disk(tmp_path / "saved")
    assert error.value.path == str(tmp_path / "moved")  # the folder the component was given
    assert component.from_disk(tmp_path / "nowhere") is component and component.rules is None


def test_rules_travel_with_the_component(tmp_path):
    blank_component().to_disk(tmp_path)
    saved = tmp_path / RULES_FOLDER
    assert (saved / "patterns" / "count.jsonl").is_file()
    (saved / "stale.txt").write_text("x")
    blank_component().to_disk(tmp_path)  # a second save replaces the folder
    assert not (saved / "stale.txt").exists()
    component = ArmsExtractor(spacy.blank("fr"), rules_dir=str(tmp_path / "moved"))
    assert component.from_disk(tmp_path) is component
    assert component.rules_dir == str(saved.resolve())
    assert component.rules is not None and Path(component.rules.root).resolve() == saved.resolve()
    assert facts(component(component.nlp.make_doc("Le Maroc."))) == [("COUNTRY", "Maroc", "MAR", "")]


def test_a_component_built_from_a_rules_folder_on_a_model_pipeline(tmp_path):
    """Built afresh (the session's component was built before any test ran): from a rules folder
    of its own, on a model pipeline whose parser is loaded but disabled (it parses deal sentences)."""
    blank_component().to_disk(tmp_path)
    rules_dir = str(tmp_path / RULES_FOLDER)
    nlp = spacy.load(DEFAULT_MODEL, disable=["parser"])
    component = ArmsExtractor(nlp, rules_dir=rules_dir)
    assert (component.name, component.rules_dir) == ("arms_extractor", rules_dir)
    assert component.rules is not None and Path(component.rules.root).resolve() == Path(rules_dir).resolve()
    assert component.deal_builder.gated_parser.parser is nlp.get_pipe("parser")
    assert [t.text for t in nlp.make_doc("aujourd'hui M. Dupont")] == [
        "aujourd'hui",
        "M.",
        "Dupont",
    ]  # special cases kept
    sentencizer = component.steps[0]
    assert sentencizer.name == "arms_sentencizer"
    doc = nlp.make_doc("Il part. Elle reste.")
    for token in doc[1:]:
        token.is_sent_start = False  # boundaries set before: the component's own replace them
    assert [s.text for s in sentencizer(doc).sents] == ["Il part.", "Elle reste."]

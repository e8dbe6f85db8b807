"""The extraction as a spaCy component in a user's own pipeline (`nlp.add_pipe("arms_extractor")`)."""

import pytest
import spacy
from spacy import displacy
from spacy.tokens import DocBin

import extract  # noqa: F401  (registers the factories)

TEXT = (
    "date 2024-06 Le Maroc a commandé 18 lanceurs M142 HIMARS pour 524 millions de dollars, "
    "a annoncé la marine royale néerlandaise. Le groupe franco-allemand KNDS livrera aussi des CAESAR."
)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("fr_core_news_sm")
    nlp.add_pipe("arms_extractor")
    return nlp


def facts(doc):
    return [(s.label_, s.text, s._.value, s._.unit, s.id_) for s in doc.spans["arms"]]


def test_results_are_spans_with_plain_values(nlp):
    doc = nlp(TEXT)
    found = facts(doc)
    assert ("COUNTRY", "Maroc", "MAR", "", "country:MAR:name") in found
    assert ("MONEY", "524 millions de dollars", "524000000", "USD", "money-amount-scale-currency") in found
    assert ("COUNTRY", "franco-allemand", "FRA", "", "country:FRA:demonym") in found
    assert ("COUNTRY", "franco-allemand", "DEU", "", "country:DEU:demonym") in found
    assert {e.text for e in doc.ents} >= {"Maroc", "18 lanceurs", "M142 HIMARS", "marine royale néerlandaise"}
    assert "néerlandaise" not in {e.text for e in doc.ents}  # nested in the ORG: in doc.spans only
    assert doc._.arms_deals and doc._.arms_deals[0]["recipient"] == "MAR"
    assert all(isinstance(v, (str, int, bool, list, type(None))) for d in doc._.arms_deals for v in d.values())


def test_docbin_round_trip(nlp):
    doc = nlp(TEXT)
    restored = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))[0]
    assert facts(restored) == facts(doc)
    assert [_plain(d) for d in restored._.arms_deals] == [_plain(d) for d in doc._.arms_deals]
    assert [e.text for e in restored.ents] == [e.text for e in doc.ents]


def _plain(record):
    """msgpack gives lists back as tuples."""
    return {k: tuple(v) if isinstance(v, list) else v for k, v in record.items()}


def test_several_processes(nlp):
    texts = [TEXT, "L'Algérie a reçu 14 Su-35 en 2025.", "Rien à signaler."] * 2
    serial = [facts(doc) for doc in nlp.pipe(texts)]
    parallel = [facts(doc) for doc in nlp.pipe(texts, n_process=2)]
    assert parallel == serial


def test_displacy_renders_a_processed_doc(nlp):
    doc = nlp(TEXT)
    html = displacy.render(doc, style="ent", page=True)
    assert "M142 HIMARS" in html and "WEAPON" in html
    spans = displacy.render(doc, style="span", options={"spans_key": "arms"}, page=True)
    assert "néerlandaise" in spans and "COUNTRY" in spans


def test_rules_travel_with_the_pipeline(tmp_path):
    rules = tmp_path / "rules"
    import shutil

    from extract.rules import packaged_rules_dir

    shutil.copytree(packaged_rules_dir(), rules)
    with (rules / "gazetteers" / "weapons.csv").open("a", encoding="utf-8") as handle:
        handle.write("Zorglub-9,,missile,FRA,,,test system\n")
    nlp = spacy.blank("fr")
    nlp.add_pipe("arms_extractor", config={"rules_dir": str(rules)})
    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    shutil.rmtree(rules)  # the saved pipeline carries its own copy
    loaded = spacy.load(saved)
    doc = loaded("La France livre des Zorglub-9.")
    assert ("WEAPON", "Zorglub-9") in [(s.label_, s._.value) for s in doc.spans["arms"]]


def test_a_new_label_is_rules_and_one_spec(tmp_path, monkeypatch):
    """A toy label: a pattern line in a copy of rules/ and one LabelSpec; nothing else changes."""
    import shutil

    from extract import Extractor
    from extract.labels import LABEL_SPECS, LabelSpec
    from extract.rules import packaged_rules_dir

    rules = tmp_path / "rules"
    shutil.copytree(packaged_rules_dir(), rules)
    line = '{"id": "calibre-mm", "label": "CALIBRE", "pattern": [{"LEX": "number"}, {"LOWER": "mm"}]}\n'
    (rules / "patterns" / "calibre.jsonl").write_text(line, encoding="utf-8")
    monkeypatch.setitem(LABEL_SPECS, "CALIBRE", LabelSpec("CALIBRE", 0, "text", colour="#123456"))
    found = Extractor(rules, fast=True).extract("Le canon CAESAR tire des obus de 155 mm à 40 km.")
    assert ("CALIBRE", "155 mm", "calibre-mm") in [(m.label, m.value, m.rule_id) for m in found]

"""Crawled-article shapes, on texts written for the tests (tests/fixtures/articles/).

`maroc_lanceurs.txt` has the shape of the article the project started from: a leading space,
the prefix `date 2024-06`, a headline closed by a credit "(DR)", then paragraphs.
`pologne_obusiers.txt` has the shape of most crawled files: the whole first paragraph on the
header line, and a furniture line at the end. `url_en_tete.txt` has a URL on the header line.
"""

import pytest

from extract.cli import main
from tests.conftest import ARTICLES, SEED

EXPECTED = [
    ("maroc_lanceurs", "COUNTRY", "MAR", ""),
    ("maroc_lanceurs", "COUNTRY", "USA", ""),
    ("maroc_lanceurs", "WEAPON", "M142 HIMARS", "artillery"),
    ("maroc_lanceurs", "WEAPON", "ATACMS", "missile"),
    ("maroc_lanceurs", "MONEY", "524000000", "USD"),
    ("maroc_lanceurs", "COUNT", "18", "lanceur"),
    ("maroc_lanceurs", "RANGE", "300", "km"),
    ("pologne_obusiers", "COUNTRY", "POL", ""),
    ("pologne_obusiers", "COUNTRY", "KOR", ""),
    ("pologne_obusiers", "WEAPON", "K9 Thunder", "artillery"),
    ("pologne_obusiers", "COUNT", "152", "obusier"),
    ("pologne_obusiers", "MONEY", "2600000000", "USD"),
    ("pologne_obusiers", "DATE", "2023-11-14", ""),  # 'mardi', from the header's day
    ("url_en_tete", "COUNT", "12", "Rafale"),
    ("url_en_tete", "MONEY", "2700000000", "EUR"),
]


@pytest.fixture(scope="module")
def extracted(extractor):
    return {
        path.stem: (path.read_text(encoding="utf-8"), next(extractor.extract_texts([(path.read_text("utf-8"), None)])))
        for path in sorted(ARTICLES.glob("*.txt"))
    }


def test_the_articles_are_in_the_repository():
    assert {p.stem for p in ARTICLES.glob("*.txt")} == {"maroc_lanceurs", "pologne_obusiers", "url_en_tete"}


@pytest.mark.parametrize(("article", "label", "value", "unit"), EXPECTED)
def test_fact_is_found(extracted, article, label, value, unit):
    _, result = extracted[article]
    assert (label, value, unit) in {(m.label, m.value, m.unit if unit else "") for m in result.mentions}


@pytest.mark.parametrize(
    ("article", "prefix", "title", "credit", "url"),
    [
        ("maroc_lanceurs", " date 2024-06", "Des lance-roquettes pour Rabat", "DR", ""),
        ("pologne_obusiers", "date 2023-11-14", "", "", ""),  # a paragraph, not a headline
        ("url_en_tete", "date 2025-03-02", "", "", "https://www.exemple-presse.fr/defense/rafale-serbie"),
    ],
)
def test_offsets_and_header(extracted, article, prefix, title, credit, url):
    text, result = extracted[article]
    assert text.startswith(prefix)
    assert (result.header.title, result.header.credit, result.header.url) == (title, credit, url)
    assert result.date_source == "header" and result.date.iso() == prefix.split()[-1]
    assert result.mentions and all(m.start >= len(prefix) for m in result.mentions)
    assert all(text[m.start : m.end] == m.text for m in result.mentions)
    assert not any(m.text in ("DR", "https") or "exemple-presse" in m.text for m in result.mentions)


def test_the_first_paragraph_on_the_header_line_is_article_text(extracted):
    text, result = extracted["pologne_obusiers"]
    first_line_end = text.index("\n")
    lede = {(m.label, m.value) for m in result.mentions if m.end <= first_line_end}
    assert {("COUNTRY", "POL"), ("COUNTRY", "KOR"), ("WEAPON", "K9 Thunder"), ("MONEY", "2600000000")} <= lede


def test_the_furniture_line_gives_no_mention(extracted):
    text, result = extracted["pologne_obusiers"]
    furniture = text.index("Photo : ")
    assert not [m for m in result.mentions if m.start >= furniture]


def test_article_from_the_command_line(tmp_path):
    out = tmp_path / "o"
    assert main(["run", str(SEED), "--out", str(out), "--fast", "--quiet"]) == 0
    documents = (out / "documents.csv").read_text(encoding="utf-8-sig")
    assert ",2024-06,header," in documents and ",ok," in documents and ",DR," in documents

"""Every documented column of the four tables, asserted on known texts (tests/fixtures/columns/).

`a.txt` has a crawl header with a credit and one fact per paragraph; `c.txt` is undated (its
date is inferred), `n.txt` a category deal, `p.txt` approximate counts, `f.txt` lines starting
with `= + - @`; `table.csv` gives rows with a `date`, `title` and `url` column (`t1` also has a
crawl header, which the table's date overrides) and two reports of one transfer (`s1`, `s2`).
A column added to a table schema must get a case here (`test_every_column_has_a_case`).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extract.cli import main
from extract.io.outputs import FORMULA_STARTS, CsvTableWriter, spreadsheet_safe
from extract.io.tables import TABLES
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "columns"
A = (FIXTURE / "a.txt").read_text(encoding="utf-8")
SENTENCE_A = "Le Maroc a commandé 18 lanceurs M142 HIMARS pour près de 524 millions de dollars le 11 avril."


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("columns")
    texts = folder / "in"
    texts.mkdir()
    for path in FIXTURE.glob("*.txt"):
        (texts / path.name).write_bytes(path.read_bytes())
    assert main(["run", str(texts), str(FIXTURE / "table.csv"), "--out", str(folder / "out"), "--fast", "--quiet"]) == 0
    return folder / "out"


@pytest.fixture(scope="module")
def rows(out) -> dict[str, list[dict[str, str]]]:
    return {name: read(out / f"{name}.csv") for name in TABLES}


def mention(rows, doc_id: str, label: str, text: str) -> dict[str, str]:
    found = [m for m in rows["mentions"] if (m["doc_id"], m["label"], m["text"]) == (doc_id, label, text)]
    assert len(found) == 1, (doc_id, label, text, found)
    return found[0]


# --- mentions.csv ------------------------------------------------------------------------------

MENTIONS = [
    # (doc_id, label, text) -> column, expected
    (("a", "MONEY", "près de 524 millions de dollars"), "doc_id", "a"),
    (("a", "MONEY", "près de 524 millions de dollars"), "label", "MONEY"),
    (("a", "MONEY", "près de 524 millions de dollars"), "start", str(A.index("près de 524"))),
    (("a", "MONEY", "près de 524 millions de dollars"), "end", str(A.index(" le 11 avril"))),
    (("a", "MONEY", "près de 524 millions de dollars"), "value", "524000000"),
    (("a", "MONEY", "près de 524 millions de dollars"), "unit", "USD"),
    (("a", "MONEY", "près de 524 millions de dollars"), "sentence", SENTENCE_A),
    (("a", "MONEY", "près de 524 millions de dollars"), "rule_id", "money-amount-scale-currency"),
    (("a", "MONEY", "près de 524 millions de dollars"), "approx", "près de"),
    (("a", "MONEY", "près de 524 millions de dollars"), "sentence_start", str(A.index(SENTENCE_A))),
    (("a", "MONEY", "près de 524 millions de dollars"), "sentence_end", str(A.index(SENTENCE_A) + len(SENTENCE_A))),
    (("a", "MONEY", "près de 524 millions de dollars"), "unit_source", ""),
    (("a", "MONEY", "près de 524 millions de dollars"), "form_kind", ""),
    (("a", "MONEY", "près de 524 millions de dollars"), "value_min", ""),
    (("a", "MONEY", "près de 524 millions de dollars"), "value_max", ""),
    (("a", "COUNT", "18 lanceurs"), "value", "18"),
    (("a", "COUNT", "18 lanceurs"), "unit", "lanceur"),
    (("a", "COUNT", "18 lanceurs"), "rule_id", "count-number-noun"),
    (("a", "COUNT", "18 lanceurs"), "approx", ""),
    (("a", "DATE", "11 avril"), "value", "2024-04-11"),  # completed from the header's 2024-06
    (("a", "DATE", "11 avril"), "rule_id", "date-day-month"),
    (("a", "WEAPON", "M142 HIMARS"), "unit", "artillery"),
    (("a", "WEAPON", "M142 HIMARS"), "rule_id", "weapon:M142 HIMARS"),
    (("a", "WEAPON", "M142 HIMARS"), "form_kind", "name"),
    (("a", "WEAPON", "HIMARS"), "value", "M142 HIMARS"),
    (("a", "WEAPON", "HIMARS"), "form_kind", "alias"),
    (("a", "COUNTRY", "Maroc"), "rule_id", "country:MAR:name"),
    (("a", "COUNTRY", "Rabat"), "value", "MAR"),
    (("a", "COUNTRY", "Rabat"), "form_kind", "capital"),
    (("a", "COUNTRY", "Rabat"), "rule_id", "country:MAR:capital"),
    (("a", "ORG", "Dassault"), "value", "Dassault Aviation"),
    (("a", "RANGE", "entre 70 et 80 km"), "value", "80"),
    (("a", "RANGE", "entre 70 et 80 km"), "unit", "km"),
    (("a", "RANGE", "entre 70 et 80 km"), "value_min", "70"),
    (("a", "RANGE", "entre 70 et 80 km"), "value_max", "80"),
    (("a", "RANGE", "entre 70 et 80 km"), "rule_id", "range-interval-unit"),
    (("a", "MONEY", "entre 700 et 800 millions d’euros"), "value", "800000000"),
    (("a", "MONEY", "entre 700 et 800 millions d’euros"), "value_min", "700000000"),
    (("a", "MONEY", "entre 700 et 800 millions d’euros"), "value_max", "800000000"),
    (("a", "MONEY", "90 millions"), "unit", "EUR"),
    (("a", "MONEY", "90 millions"), "unit_source", "carried"),
    (("a", "COUNT", "80"), "unit", "Rafale"),
    (("a", "COUNT", "80"), "unit_source", "sentence"),
    (("p", "COUNT", "Près de 30 chars"), "approx", "près de"),  # lower-cased
    (("p", "COUNT", "une vingtaine"), "approx", "une vingtaine"),
    (("p", "COUNT", "une vingtaine"), "value", "20"),
    (("c", "DATE", "septembre"), "value", "2019-09"),  # completed from the inferred date
    (("t1", "DATE", "11 avril"), "value", "2021-04-11"),  # the table's date beats the header's
]


@pytest.mark.parametrize(("key", "column", "expected"), MENTIONS)
def test_mention_column(rows, key, column, expected):
    assert mention(rows, *key)[column] == expected


def test_mention_offsets_and_sentence_offsets_point_into_the_file(rows):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in FIXTURE.glob("*.txt")}
    checked = 0
    for m in rows["mentions"]:
        if m["doc_id"] not in texts or m["doc_id"] == "f":  # f's sentences are neutralized ('=...)
            continue
        text = texts[m["doc_id"]]
        assert text[int(m["start"]) : int(m["end"])] == m["text"]
        assert " ".join(text[int(m["sentence_start"]) : int(m["sentence_end"])].split()) == m["sentence"]
        assert int(m["sentence_start"]) <= int(m["start"]) < int(m["end"]) <= int(m["sentence_end"])
        checked += 1
    assert checked >= 25


# --- documents.csv -----------------------------------------------------------------------------

DOCUMENTS = [
    ("a", "doc_id", "a"),
    ("a", "title", "Des HIMARS pour Rabat"),
    ("a", "date", "2024-06"),
    ("a", "date_source", "header"),
    ("a", "chars", str(len(A))),
    ("a", "status", "ok"),
    ("a", "error", ""),
    ("a", "credit", "DR"),
    ("a", "url", ""),
    ("a", "encoding", "utf-8"),
    ("a", "warning", ""),
    ("c", "date", "2019-07-12"),
    ("c", "date_source", "inferred"),
    ("c", "credit", ""),
    ("n", "date", ""),
    ("n", "date_source", "none"),
    ("t1", "source", f"{FIXTURE / 'table.csv'}:1"),
    ("t1", "title", "Titre donné"),
    ("t1", "date", "2021-03"),
    ("t1", "date_source", "table"),
    ("t1", "url", "https://exemple.fr/t1"),
    ("s2", "source", f"{FIXTURE / 'table.csv'}:3"),
]


@pytest.mark.parametrize(("doc_id", "column", "expected"), DOCUMENTS)
def test_document_column(rows, doc_id, column, expected):
    assert next(d for d in rows["documents"] if d["doc_id"] == doc_id)[column] == expected


def test_document_source_mentions_and_deals_counts(rows, out):
    for document in rows["documents"]:
        doc_id = document["doc_id"]
        assert int(document["mentions"]) == sum(m["doc_id"] == doc_id for m in rows["mentions"])
        assert int(document["deals"]) == sum(d["doc_id"] == doc_id for d in rows["deals"])
    a = next(d for d in rows["documents"] if d["doc_id"] == "a")
    assert (a["source"], a["mentions"], a["deals"]) == (str(out.parent / "in" / "a.txt"), "20", "3")


# --- deals.csv ---------------------------------------------------------------------------------

HIMARS = {
    "doc_id": "a",
    "supplier": "USA",
    "recipient": "MAR",
    "system": "M142 HIMARS",
    "system_kind": "designation",
    "category": "artillery",
    "quantity": "18",
    "value": "524000000",
    "currency": "USD",
    "status": "ordered",
    "date": "2024-04-11",  # the sentence's date, not the document's
    "hedged": "false",
    "evidence": f"Des HIMARS pour Rabat (DR) | {SENTENCE_A}",  # named in the headline and the lead
    "evidence_start": str(A.index("Des HIMARS")),
    "evidence_end": str(A.index(SENTENCE_A) + len(SENTENCE_A)),
    "value_scope": "system",
    "package_id": "",
    "supplier_source": "origin",  # no supplier in the text: the system's origin
    "recipient_source": "text",
    "hedge_cue": "",
}
SU35 = {
    "supplier": "RUS",
    "recipient": "DZA",
    "status": "ordered",
    "date": "2024-06",  # no date in the sentence: the document's
    "hedged": "true",
    "hedge_cue": "Selon des sources",
    "supplier_source": "text",
    "quantity": "14",
    "value": "",
}
CATEGORY = {
    "supplier": "USA",
    "recipient": "UKR",
    "system": "obusier",
    "system_kind": "category",
    "category": "artillery",
    "quantity": "72",
    "status": "delivered",
}


@pytest.mark.parametrize(
    ("doc_id", "system", "expected"),
    [("a", "M142 HIMARS", HIMARS), ("a", "Su-35", SU35), ("n", "obusier", CATEGORY)],
    ids=["himars", "hedged", "category"],
)
def test_deal_columns(rows, doc_id, system, expected):
    deal = next(d for d in rows["deals"] if (d["doc_id"], d["system"]) == (doc_id, system))
    assert {k: deal[k] for k in expected} == expected


def test_deal_package_columns(rows):
    """One amount for two systems: the same package_id, made unique by the doc_id."""
    packaged = [d for d in rows["deals"] if d["value_scope"] == "package"]
    assert packaged == []  # none in this corpus: see test_deal_rules for packages
    s1 = next(d for d in rows["deals"] if d["doc_id"] == "s1")
    assert (s1["value"], s1["currency"], s1["value_scope"], s1["package_id"]) == ("2700000000", "EUR", "system", "")


# --- deals_consolidated.csv --------------------------------------------------------------------

SERBIA = {
    "supplier": "FRA",
    "recipient": "SRB",
    "system": "Rafale",
    "system_kind": "designation",
    "category": "aircraft",
    "quantity": "12",
    "value": "2700000000",
    "currency": "EUR",
    "value_scope": "system",
    "status": "delivered",  # the furthest stage of its sources
    "statuses": "ordered;delivered",
    "date_first": "2024-08",
    "date_last": "2025-02",
    "hedged": "false",
    "sources": "2",
    "doc_ids": "s1;s2",
    "quantities": "12",
    "values": "2700000000 EUR",
}


def test_consolidated_columns(rows):
    merged = next(r for r in rows["deals_consolidated"] if r["doc_ids"] == "s1;s2")
    assert {k: merged[k] for k in SERBIA} == SERBIA
    # the 2019 order of c.txt is more than 3 years before s1: another transfer
    older = next(r for r in rows["deals_consolidated"] if r["doc_ids"] == "c")
    assert (older["system"], older["date_first"], older["sources"]) == ("Rafale", "2019-07-12", "1")


def test_consolidated_hedged_is_true_only_when_every_source_hedges(rows):
    su35 = next(r for r in rows["deals_consolidated"] if r["system"] == "Su-35")
    assert (su35["hedged"], su35["sources"]) == ("true", "1")


def test_every_column_has_a_case():
    covered = {
        # `text` (and the offsets) are checked against the file by test_mention_offsets_...
        "mentions": {column for _, column, _ in MENTIONS} | {"text"},
        "documents": {column for _, column, _ in DOCUMENTS} | {"mentions", "deals"},
        "deals": set(HIMARS) | {"package_id"},
        "deals_consolidated": set(SERBIA),
    }
    assert {name: set(TABLES[name].names) - covered[name] for name in TABLES} == {name: set() for name in TABLES}


# --- spreadsheet safety ------------------------------------------------------------------------


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_formula_starts_are_neutralized(start):
    assert FORMULA_STARTS == ("=", "+", "-", "@", "\t", "\r")
    assert spreadsheet_safe(f"{start}SUM(A1)") == f"'{start}SUM(A1)"


@pytest.mark.parametrize("cell", ["-12.5", "+3", "-0", "12", "Le Maroc", "", "'=déjà"])
def test_numbers_and_plain_text_are_unchanged(cell):
    assert spreadsheet_safe(cell) == cell


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_the_csv_writer_neutralizes_every_text_cell(tmp_path, start):
    path = tmp_path / "documents.csv"
    with CsvTableWriter(path, TABLES["documents"]) as table:
        table.write({"doc_id": f"{start}x", "title": f"{start}cmd|' /C calc'!A0", "chars": -5, "status": "ok"})
    with path.open(encoding="utf-8-sig", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert (row["doc_id"], row["title"], row["chars"]) == (f"'{start}x", f"'{start}cmd|' /C calc'!A0", "-5")


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_sentences_starting_like_formulas_are_neutralized_in_the_tables(rows, start):
    sentences = {m["sentence"] for m in rows["mentions"] if m["doc_id"] == "f"}
    evidence = {d["evidence"] for d in rows["deals"] if d["doc_id"] == "f"}
    assert any(s.startswith(f"'{start} ") for s in sentences)
    assert not any(s.startswith(start) for s in sentences | evidence)
    if start != "=":  # the '=' line names no system: no deal
        assert any(e.startswith(f"'{start} ") for e in evidence)


# --- the table writer and the formats ----------------------------------------------------------

DOCS = [
    {"doc_id": "a", "title": "=X", "chars": 12, "mentions": 3, "status": "ok", "deals": 1},
    {"doc_id": "b", "title": "Titre; déjà", "chars": 7, "mentions": 0, "status": "error", "error": "b.txt: E028"},
]


@pytest.mark.parametrize("sep", [",", ";"])
def test_the_writer_resumes_at_a_checkpoint(tmp_path, sep):
    path = tmp_path / "documents.csv"
    writer = CsvTableWriter(path, TABLES["documents"], sep=sep)
    writer.write(DOCS[0])
    checkpoint = writer.offset()
    writer.write(DOCS[1])  # written after the checkpoint: dropped on resume
    writer.close()
    assert (writer.rows, checkpoint, path.stat().st_size > checkpoint) == (2, checkpoint, True)
    with CsvTableWriter(path, TABLES["documents"], sep=sep, resume_at=checkpoint) as resumed:
        resumed.write(DOCS[1] | {"doc_id": "c"})
        assert resumed.rows == 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdoc_id" + sep.encode()) and raw.count(b"\xef\xbb\xbf") == 1
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=sep))
    assert [(r["doc_id"], r["title"], r["error"]) for r in rows] == [
        ("a", "'=X", ""),
        ("c", "Titre; déjà", "b.txt: E028"),
    ]
    assert list(rows[0]) == TABLES["documents"].names


def test_a_new_writer_replaces_an_old_file(tmp_path):
    path = tmp_path / "documents.csv"
    path.write_text("reste d'une autre exécution\n", encoding="utf-8")
    with CsvTableWriter(path, TABLES["documents"]) as table:
        table.write(DOCS[0])
    assert path.read_text(encoding="utf-8-sig").splitlines()[0] == ",".join(TABLES["documents"].names)


@pytest.mark.parametrize("sep", [",", ";", None])  # None: the default, ','
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "xlsx"])
def test_every_format_reads_back_the_same_cells(tmp_path, fmt, sep):
    import pandas as pd

    from extract.io.outputs import finalize_tables

    work = tmp_path / ".work"
    work.mkdir()
    with CsvTableWriter(work / "documents.csv", TABLES["documents"], **({"sep": sep} if sep else {})) as table:
        for row in DOCS:
            table.write(row)
    given = {"sep": sep} if sep else {}
    files = finalize_tables({"documents": work / "documents.csv"}, tmp_path, fmt=fmt, **given)
    sep = sep or ","
    target = tmp_path / ("tables.xlsx" if fmt == "xlsx" else f"documents.{fmt}")
    assert files == [target] and target.exists() and not (work / "documents.csv").exists()
    assert not list(tmp_path.glob("*.partial"))
    if fmt == "csv":
        frame = pd.read_csv(target, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    elif fmt == "jsonl":
        assert "déjà" in target.read_text(encoding="utf-8")  # readable UTF-8, not \u escapes
        frame = pd.read_json(target, lines=True, dtype=False)
    elif fmt == "parquet":
        frame = pd.read_parquet(target)
    else:
        frame = pd.read_excel(target, sheet_name="documents", keep_default_na=False)
    assert list(frame.columns) == TABLES["documents"].names
    assert [str(v) for v in frame["doc_id"]] == ["a", "b"]
    titles = [str(v) for v in frame["title"]]
    assert titles[1] == "Titre; déjà" and titles[0].endswith("=X")
    if fmt in ("csv", "xlsx"):
        assert titles[0] == "'=X"  # neutralized for spreadsheets
    assert [str(v) for v in frame["error"]] == ["", "b.txt: E028"]
    assert [int(v) for v in frame["chars"]] == [12, 7]
    if fmt in ("parquet", "xlsx"):
        assert pd.api.types.is_integer_dtype(frame["chars"])  # typed, not text

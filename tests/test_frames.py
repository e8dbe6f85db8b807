"""Typed DataFrames: `extract.load(OUT_DIR)` for every output format, and `Extractor.frames(texts)`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import extract
from extract.cli import main
from extract.errors import ExtractError
from extract.frames import typed_frame
from extract.io.tables import TABLES

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (
    "date 2024-06\n"
    "Washington a approuvé la vente aux Émirats arabes unis de 18 lanceurs M142 HIMARS et 40 missiles ATACMS "
    "pour 524,2 millions de dollars. Leurs roquettes portent entre 1,5 et 2,5 km.\n\n"
    '=HYPERLINK("http://x") Le Maroc a commandé 18 lanceurs.\n\n'
    "L'Algérie a reçu des Su-30 livrés par la Russie pour 15 dollars 50.\n"
)
FORMATS = {
    "csv": [],
    "csv-fr": ["--locale", "fr"],
    "csv-semicolon": ["--sep", ";"],
    "csv-tab": ["--sep", "\t"],
    "jsonl": ["--format", "jsonl"],
    "parquet": ["--format", "parquet"],
    "xlsx": ["--format", "xlsx"],
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Path]:
    """The same inputs written in every format."""
    base = tmp_path_factory.mktemp("frames")
    article = base / "emirats.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    inputs = [str(article), str(ROOT / "samples" / "46_suede_gripen_thailande.txt")]
    for name, options in FORMATS.items():
        main(["run", *inputs, "--out", str(base / name), "--fast", "--quiet", *options])
    return {name: base / name for name in FORMATS}


@pytest.fixture(scope="module")
def loaded(runs) -> dict[str, extract.RunTables]:
    return {name: extract.load(folder) for name, folder in runs.items()}


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "csv"])
def test_every_format_loads_to_the_same_frames(loaded, fmt):
    for name, frame in loaded["csv"].items():
        pd.testing.assert_frame_equal(loaded[fmt][name], frame, obj=f"{fmt} {name}")


@pytest.mark.parametrize(
    ("table", "column", "dtype"),
    [
        ("mentions", "label", "category"),
        ("mentions", "start", "Int64"),
        ("mentions", "value", "string"),
        ("mentions", "value_min", "Float64"),
        ("mentions", "value_number", "Float64"),
        ("documents", "status", "category"),
        ("documents", "chars", "Int64"),
        ("documents", "date_source", "category"),
        ("deals", "quantity", "Int64"),
        ("deals", "value", "Float64"),
        ("deals", "hedged", "boolean"),
        ("deals", "status", "category"),
        ("deals", "year", "Int64"),
        ("deals", "value_once", "Float64"),
        ("deals_consolidated", "sources", "Int64"),
        ("deals_consolidated", "hedged", "boolean"),
        ("deals_consolidated", "value_once", "Float64"),
    ],
)
def test_column_types(loaded, table, column, dtype):
    assert loaded["csv"][table][column].dtype.name == dtype


def test_columns_are_the_schema_then_the_derived_ones(loaded):
    tables = loaded["csv"]
    assert list(tables.mentions.columns) == [*TABLES["mentions"].names, "value_number"]
    assert list(tables.deals.columns) == [*TABLES["deals"].names, "year", "value_once"]
    assert list(tables.documents.columns) == TABLES["documents"].names


def test_values_empty_cells_and_formula_prefix(loaded):
    tables = loaded["csv"]
    mentions = tables.mentions.set_index("text")
    assert mentions.loc["entre 1,5 et 2,5 km", "value_number"] == 2.5
    assert mentions.loc["entre 1,5 et 2,5 km", "value_min"] == 1.5
    assert mentions.loc["Maroc", "value"] == "MAR" and pd.isna(mentions.loc["Maroc", "value_number"])
    assert pd.isna(mentions.loc["Maroc", "approx"])  # empty is missing, not ''
    assert mentions["sentence"].str.startswith('=HYPERLINK("http://x")').any()  # the writers' ' is removed
    deals = tables.deals.set_index(["recipient", "system"])
    su30, himars = deals.loc[("DZA", "Su-30")], deals.loc[("ARE", "M142 HIMARS")]
    assert su30["value"] == 15.5 and not su30["hedged"] and pd.isna(su30["quantity"])
    assert himars["quantity"] == 18 and himars["value_scope"] == "package"
    assert set(tables.mentions["label"].cat.categories) >= {"MONEY", "COUNT", "RANGE", "DATE", "COUNTRY"}


def test_a_package_amount_is_counted_once(loaded):
    deals = loaded["csv"].deals
    package = deals[deals["value_scope"] == "package"]
    assert len(package) >= 2
    assert package.groupby("package_id")["value_once"].count().eq(1).all()
    assert (
        package.groupby("package_id")["value_once"].sum().tolist()
        == package.groupby("package_id")["value"].first().tolist()
    )
    system = deals[deals["value_scope"] == "system"]
    assert system["value_once"].equals(system["value"])


def consolidated(rows: list[dict[str, str]]) -> pd.DataFrame:
    columns = TABLES["deals_consolidated"].names
    return typed_frame(
        pd.DataFrame([{c: row.get(c, "") for c in columns} for row in rows]), TABLES["deals_consolidated"]
    )


@pytest.mark.parametrize(
    ("rows", "once"),
    [
        # two systems of one package in the same document: the amount once
        (
            [
                {"system": "F-35", "value": "23", "currency": "USD", "value_scope": "package", "doc_ids": "a"},
                {"system": "MQ-9", "value": "23", "currency": "USD", "value_scope": "package", "doc_ids": "a"},
            ],
            [23.0, None],
        ),
        # linked through a shared document
        (
            [
                {"system": "Rafale", "value": "8", "currency": "USD", "value_scope": "package", "doc_ids": "a;b"},
                {"system": "KAAN", "value": "8", "currency": "USD", "value_scope": "package", "doc_ids": "b;c"},
            ],
            [8.0, None],
        ),
        # negative: same amount in documents with nothing in common are two packages
        (
            [
                {"system": "CV90", "value": "7", "currency": "SEK", "value_scope": "package", "doc_ids": "a"},
                {"system": "CV90", "value": "7", "currency": "SEK", "value_scope": "package", "doc_ids": "b"},
            ],
            [7.0, 7.0],
        ),
        # negative: another currency, or system scope, is never folded
        (
            [
                {"system": "A", "value": "5", "currency": "USD", "value_scope": "package", "doc_ids": "a"},
                {"system": "B", "value": "5", "currency": "EUR", "value_scope": "package", "doc_ids": "a"},
                {"system": "C", "value": "5", "currency": "USD", "value_scope": "system", "doc_ids": "a"},
            ],
            [5.0, 5.0, 5.0],
        ),
    ],
)
def test_consolidated_package_rows_count_once(rows, once):
    found = consolidated(rows)["value_once"].astype(object).where(lambda s: s.notna(), None).tolist()
    assert found == once


def test_extractor_frames_of_in_memory_texts(extractor):
    texts = {"a1": "Le Maroc a commandé 18 lanceurs M142 HIMARS aux États-Unis.", "a2": "Rien ici."}
    mentions, deals = extractor.frames(texts, dates={"a1": "2024-06"})
    assert list(mentions.columns) == [*TABLES["mentions"].names, "value_number"]
    assert set(mentions["doc_id"]) == {"a1"} and mentions["label"].dtype.name == "category"
    count = mentions[mentions["label"] == "COUNT"].iloc[0]
    assert count["value_number"] == 18
    row = deals.iloc[0]
    assert (row["supplier"], row["recipient"], row["system"], row["quantity"], row["year"]) == (
        "USA",
        "MAR",
        "M142 HIMARS",
        18,
        2024,
    )


@pytest.mark.parametrize(
    "texts",
    [
        ["Le Maroc a commandé 18 lanceurs.", "L'Algérie a reçu des Su-30."],
        pd.Series(["Le Maroc a commandé 18 lanceurs.", "L'Algérie a reçu des Su-30."]),
    ],
)
def test_extractor_frames_of_a_list_or_series_use_positions(extractor, texts):
    mentions, _ = extractor.frames(texts)
    assert list(mentions["doc_id"].unique()) == ["0", "1"]


def test_extractor_frames_of_nothing_are_empty_typed_frames(extractor):
    mentions, deals = extractor.frames([])
    assert mentions.empty and deals.empty
    assert deals["quantity"].dtype.name == "Int64" and mentions["label"].dtype.name == "category"


def test_load_errors_name_the_folder_or_file(tmp_path, runs):
    with pytest.raises(ExtractError, match="E020"):
        extract.load(tmp_path / "missing")
    with pytest.raises(ExtractError, match=r"E046 .*mentions\.csv"):
        extract.load(tmp_path)
    shutil.copytree(runs["csv"], tmp_path / "bad")
    (tmp_path / "bad" / "deals.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ExtractError, match=r"bad/deals\.csv: E047 .*not a deals table"):
        extract.load(tmp_path / "bad")

"""Typed DataFrames: `extract.load(OUT_DIR)` for every output format, and `Extractor.frames(texts)`."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import extract
from extract.cli import main
from extract.errors import ExtractError, InputError
from extract.frames import _checked, _read_csv, _read_text_frame, _text_cell, _unprotected, text_frames, typed_frame
from extract.io.tables import TABLES
from extract.labels import LABELS
from extract.mention import Mention

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


# Function-level tables first (fast: no extraction), then the runs in every format.


def text_frame(table: str, rows: list[dict[str, str]]) -> pd.DataFrame:
    return typed_frame(pd.DataFrame(rows, dtype=object), TABLES[table])


def values(series: pd.Series) -> list:
    return series.astype(object).where(series.notna(), None).tolist()


def test_typed_columns_from_text_cells():
    frame = text_frame(
        "deals",
        [
            {
                "doc_id": "a",
                "quantity": "2.6",
                "value": "1.5",
                "hedged": "true",
                "status": "ordered",
                "category": "ship",
            },
            {"doc_id": "", "quantity": "x", "value": "", "hedged": "false", "status": "weird", "category": "aircraft"},
            {"doc_id": "c", "quantity": "", "value": "-3", "hedged": "", "status": "", "category": ""},
        ],
    )
    assert list(frame.columns) == [*TABLES["deals"].names, "year", "value_once"]
    assert values(frame["doc_id"]) == ["a", None, "c"] and frame["doc_id"].dtype.name == "string"
    assert values(frame["quantity"]) == [3, None, None] and frame["quantity"].dtype.name == "Int64"
    assert values(frame["value"]) == [1.5, None, -3.0] and frame["value"].dtype.name == "Float64"
    assert values(frame["hedged"]) == [True, False, None] and frame["hedged"].dtype.name == "boolean"
    assert list(frame["status"].cat.categories) == [
        "negotiating",
        "approved",
        "ordered",
        "delivered",
        "donated",
        "other",
        "weird",
    ]
    assert values(frame["status"]) == ["ordered", "weird", None]
    assert list(frame["category"].cat.categories) == ["aircraft", "ship"]
    assert values(frame["supplier"]) == [None, None, None] and frame["supplier"].dtype.name == "string"


@pytest.mark.parametrize(
    ("table", "column", "categories"),
    [
        ("documents", "status", ["ok", "error"]),
        ("documents", "date_source", ["table", "header", "inferred", "none"]),
        ("deals_consolidated", "status", ["negotiating", "approved", "ordered", "delivered", "donated", "other"]),
        ("deals", "system_kind", ["designation", "category"]),
        ("deals", "value_scope", ["system", "package"]),
        ("deals", "supplier_source", ["text", "document", "origin"]),
        ("deals", "recipient_source", ["text", "document", "origin"]),
        ("mentions", "label", list(LABELS)),
    ],
)
def test_closed_vocabularies(table, column, categories):
    assert list(text_frame(table, [{column: ""}])[column].cat.categories) == categories


def test_open_columns_are_strings():
    frame = text_frame("documents", [{"doc_id": "a", "error": "E028", "chars": "12"}])
    assert frame["error"].dtype.name == "string" and frame["chars"].tolist() == [12]


def test_mention_value_number_only_for_numeric_labels():
    rows = [
        {"label": "MONEY", "value": "524200000"},
        {"label": "COUNT", "value": "18"},
        {"label": "RANGE", "value": "2.5"},
        {"label": "DATE", "value": "2024"},
        {"label": "COUNTRY", "value": "MAR"},
        {"label": "MONEY", "value": ""},
    ]
    assert values(text_frame("mentions", rows)["value_number"]) == [524200000.0, 18.0, 2.5, None, None, None]


@pytest.mark.parametrize(("table", "column"), [("deals", "date"), ("deals_consolidated", "date_first")])
def test_year_of_the_date(table, column):
    frame = text_frame(table, [{column: "2024-06-11"}, {column: "1999"}, {column: ""}, {column: "vers"}])
    assert values(frame["year"]) == [2024, 1999, None, None] and frame["year"].dtype.name == "Int64"


def test_deal_rows_of_one_package_count_its_amount_once():
    rows = [
        {"value": "100", "value_scope": "package", "package_id": "p1"},
        {"value": "100", "value_scope": "package", "package_id": "p1"},
        {"value": "100", "value_scope": "package", "package_id": "p2"},
        {"value": "", "value_scope": "package", "package_id": "p2"},
        {"value": "100", "value_scope": "package", "package_id": ""},
        {"value": "100", "value_scope": "package", "package_id": ""},
        {"value": "100", "value_scope": "system", "package_id": "p1"},
        {"value": "100", "value_scope": "", "package_id": "p1"},
    ]
    assert values(text_frame("deals", rows)["value_once"]) == [100.0, None, 100.0, None, 100.0, 100.0, 100.0, 100.0]


def test_consolidated_packages_join_through_shared_documents():
    rows = [
        {"value": "9", "currency": "EUR", "value_scope": "package", "doc_ids": "a"},
        {"value": "9", "currency": "EUR", "value_scope": "package", "doc_ids": "b"},
        {"value": "9", "currency": "EUR", "value_scope": "package", "doc_ids": "a;b"},
        {"value": "9", "currency": "EUR", "value_scope": "package", "doc_ids": "b"},
        {"value": "9", "currency": "EUR", "value_scope": "package", "doc_ids": "c"},
        {"value": "9", "currency": "EUR", "value_scope": "package", "doc_ids": ""},
        {"value": "9", "currency": "EUR", "value_scope": "package", "doc_ids": ""},
    ]
    assert values(text_frame("deals_consolidated", rows)["value_once"]) == [9.0, 9.0, None, None, 9.0, 9.0, 9.0]


def test_run_tables_by_name_and_in_order():
    frames = {name: text_frame(name, []) for name in TABLES}
    tables = extract.RunTables(**frames)
    assert tables["deals"] is frames["deals"]
    assert [name for name, _ in tables.items()] == ["mentions", "documents", "deals", "deals_consolidated"]
    assert all(frame is frames[name] for name, frame in tables.items())


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (float("nan"), ""),
        (pd.NA, ""),
        (np.int64(3), "3"),
        (np.float64(2.5), "2.5"),
        (1e9, "1000000000"),
        (True, "true"),
        (np.bool_(False), "false"),
        ("'=SUM(A1)", "=SUM(A1)"),
        ("'-5", "-5"),
        ("'abc", "'abc"),
        ("'", "'"),
        ("plain", "plain"),
        (7, "7"),
    ],
)
def test_text_cell(value, text):
    assert _text_cell(value) == text


@pytest.mark.parametrize(
    ("cell", "plain"),
    [
        ("'=1", "=1"),
        ("'+33", "+33"),
        ("'@x", "@x"),
        ("'\tx", "\tx"),
        ("'\rx", "\rx"),
        ("'x", "'x"),
        ("'", "'"),
        ("''=", "''="),
        ("=1", "=1"),
    ],
)
def test_unprotected(cell, plain):
    assert _unprotected(cell) == plain


class Deal:
    """A deal of the stub extractor: what `text_frames` reads of one."""

    def __init__(self, system: str) -> None:
        self.system = system

    def as_row(self, doc_id: str) -> dict[str, object]:
        return {"doc_id": doc_id, "system": self.system, "quantity": 2}


class StubExtractor:
    """Results made from the texts themselves (no model): one COUNTRY mention and one deal per text."""

    def __init__(self, drop: int = 0) -> None:
        self.seen: list[tuple[str, str | None]] = []
        self.drop = drop  # results left out at the end (a broken extractor)

    def extract_texts(self, texts):
        self.seen = list(texts)
        results = [
            SimpleNamespace(mentions=[Mention("COUNTRY", text, 0, len(text), text.upper())], deals=[Deal(text)])
            for text, _ in self.seen
        ]
        return iter(results[: len(results) - self.drop])


@pytest.mark.parametrize(
    ("texts", "dates", "doc_ids", "seen"),
    [
        ({"a1": "mar", 7: "dza"}, {"a1": "2024-06", 7: "2023"}, ["a1", "7"], [("mar", "2024-06"), ("dza", "2023")]),
        ({"a1": "mar", "b": "dza"}, {"b": "2023"}, ["a1", "b"], [("mar", None), ("dza", "2023")]),
        (["mar", "dza"], {1: "2023"}, ["0", "1"], [("mar", None), ("dza", "2023")]),
        (pd.Series({"x": "mar"}), None, ["x"], [("mar", None)]),
        ([], None, [], []),
    ],
    ids=["mapping", "some-dates", "list-by-position", "series", "nothing"],
)
def test_text_frames_rows_by_doc_id(texts, dates, doc_ids, seen):
    stub = StubExtractor()
    mentions, deals = text_frames(stub, texts, dates=dates)
    assert stub.seen == seen  # each text with the date of its doc_id
    assert values(mentions["doc_id"]) == doc_ids and values(deals["doc_id"]) == doc_ids
    assert values(mentions["value"]) == [text.upper() for text, _ in seen]
    assert values(deals["system"]) == [text for text, _ in seen] and values(deals["quantity"]) == [2] * len(seen)
    assert list(mentions.columns) == [*TABLES["mentions"].names, "value_number"]
    assert list(deals.columns) == [*TABLES["deals"].names, "year", "value_once"]


def test_text_frames_refuse_a_missing_result():
    with pytest.raises(ValueError, match="zip"):
        text_frames(StubExtractor(drop=1), ["mar", "dza"])


def write_run(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        ("doc_id,value,unit", 'a,"1,5",\'=x', {"doc_id": "a", "value": "1,5", "unit": "=x"}),
        (
            "doc_id;value;value_min;unit",
            "a;1,5;-2,25;'+y",
            {"doc_id": "a", "value": "1.5", "value_min": "-2.25", "unit": "+y"},
        ),
        ("doc_id\tvalue\ttext", "a\t1,5\t1,5", {"doc_id": "a", "value": "1.5", "text": "1,5"}),
        ("\ufeffdoc_id;value", "a;1,5,6", {"doc_id": "a", "value": "1,5,6"}),
        ("doc_id;start", "a;1,5", {"doc_id": "a", "start": "1,5"}),
        ("doc_id,unit", "a,'abc", {"doc_id": "a", "unit": "'abc"}),
        ("doc_id,unit", "a,'X-35", {"doc_id": "a", "unit": "'X-35"}),
        ("doc_id,unit", "a,", {"doc_id": "a", "unit": ""}),
    ],
    ids=[
        "comma",
        "semicolon-decimal-comma",
        "tab",
        "bom",
        "int-column",
        "quote-kept",
        "quote-before-a-capital",
        "empty",
    ],
)
def test_read_csv_with_its_separator(tmp_path, header, row, expected):
    path = write_run(tmp_path, "mentions.csv", f"{header}\n{row}\n")
    frame = _read_csv(path, TABLES["mentions"])
    assert frame.to_dict("records") == [expected]


def test_read_csv_that_is_not_a_table(tmp_path):
    path = write_run(tmp_path, "deals.csv", 'a,b\n1,"2\n')
    with pytest.raises(InputError) as error:
        _read_csv(path, TABLES["deals"])
    assert error.value.message == f"E047 cannot read table: {error.value.__cause__}"  # what pandas said
    assert error.value.path == str(path) and "EOF" in error.value.message
    path = write_run(tmp_path, "deals.csv", "a,b,c,d,e,f\n1,2,3,4,5,6\n")
    with pytest.raises(InputError) as error:
        _read_csv(path, TABLES["deals"])
    assert error.value.message == "E047 cannot read table: not a deals table (columns: a, b, c, d, e)"


def test_checked_accepts_a_frame_without_columns():
    empty = pd.DataFrame()
    assert _checked(empty, Path("x.jsonl"), TABLES["deals"]) is empty


def test_read_text_frame_of_each_format(tmp_path):
    rows = [
        {"doc_id": "a", "value": 1.5, "unit": "'=x", "start": 3},
        {"doc_id": "b", "value": None, "unit": "", "start": None},
    ]
    expected = [
        {"doc_id": "a", "value": "1.5", "unit": "=x", "start": "3"},
        {"doc_id": "b", "value": "", "unit": "", "start": ""},
    ]
    pd.DataFrame(rows).to_json(tmp_path / "mentions.jsonl", orient="records", lines=True)
    assert _read_text_frame(tmp_path, "mentions").to_dict("records") == expected
    (tmp_path / "mentions.jsonl").unlink()
    pd.DataFrame(rows).to_parquet(tmp_path / "mentions.parquet")
    assert _read_text_frame(tmp_path, "mentions").to_dict("records") == expected
    write_run(tmp_path, "mentions.csv", "doc_id,value\nc,2\n")
    assert _read_text_frame(tmp_path, "mentions").to_dict("records") == [{"doc_id": "c", "value": "2"}]


@pytest.mark.parametrize(
    ("name", "write"),
    [
        ("deals.jsonl", lambda path: path.write_text('{"a": 1, "b": 2}\n', encoding="utf-8")),
        ("deals.parquet", lambda path: pd.DataFrame({"a": [1], "b": [2]}).to_parquet(path)),
        (
            "tables.xlsx",
            lambda path: pd.DataFrame({"a": [1], "b": [2]}).to_excel(path, sheet_name="deals", index=False),
        ),
    ],
)
def test_read_text_frame_of_another_table_names_its_file(tmp_path, name, write):
    write(tmp_path / name)
    with pytest.raises(InputError) as error:
        _read_text_frame(tmp_path, "deals")
    assert error.value.path == str(tmp_path / name)
    assert error.value.message == "E047 cannot read table: not a deals table (columns: a, b)"


def test_read_text_frame_of_jsonl_keeps_text_as_written(tmp_path):
    """JSONL cells are read as written: no number made of a '007' doc_id, no timestamp of a month."""
    write_run(tmp_path, "deals.jsonl", '{"doc_id": "007", "date": "2024-06", "quantity": 18, "value": "1.50"}\n')
    assert _read_text_frame(tmp_path, "deals").to_dict("records") == [
        {"doc_id": "007", "date": "2024-06", "quantity": "18", "value": "1.50"}
    ]


def test_read_text_frame_of_an_empty_jsonl(tmp_path):
    write_run(tmp_path, "deals.jsonl", "")
    assert _read_text_frame(tmp_path, "deals").empty


def test_read_text_frame_of_a_workbook(tmp_path):
    with pd.ExcelWriter(tmp_path / "tables.xlsx") as writer:
        pd.DataFrame([{"doc_id": "a", "quantity": 18}]).to_excel(writer, sheet_name="deals", index=False)
    assert _read_text_frame(tmp_path, "deals").to_dict("records") == [{"doc_id": "a", "quantity": "18"}]
    with pytest.raises(InputError) as error:
        _read_text_frame(tmp_path, "mentions")
    assert error.value.path == str(tmp_path / "tables.xlsx") and error.value.message.startswith(
        "E047 cannot read table: "
    )


def test_read_text_frame_errors(tmp_path):
    with pytest.raises(ExtractError) as error:
        _read_text_frame(tmp_path, "deals")
    assert (
        str(error.value)
        == f"{tmp_path}: E046 not an output folder of `extract run`: no deals.csv, deals.parquet, deals.jsonl table found"
    )
    write_run(tmp_path, "deals.jsonl", "{oops\n")
    with pytest.raises(InputError) as error:
        _read_text_frame(tmp_path, "deals")
    assert error.value.path == str(tmp_path / "deals.jsonl")
    assert error.value.message == f"E047 cannot read table: {error.value.__cause__}" and error.value.__cause__
    (tmp_path / "deals.jsonl").unlink()
    (tmp_path / "deals.parquet").write_bytes(b"not parquet")
    with pytest.raises(InputError, match="E047"):
        _read_text_frame(tmp_path, "deals")


def test_load_of_a_missing_folder_is_e020(tmp_path):
    with pytest.raises(ExtractError) as error:
        extract.load(tmp_path / "missing")
    assert str(error.value) == f"{tmp_path / 'missing'}: E020 no such file or folder"


def test_load_reads_the_four_tables(tmp_path):
    for name in TABLES:
        write_run(tmp_path, f"{name}.csv", ",".join(TABLES[name].names) + "\n")
    write_run(tmp_path, "deals.csv", "doc_id,quantity\na,4\n")
    tables = extract.load(str(tmp_path))
    assert tables.deals["quantity"].tolist() == [4] and tables.mentions.empty
    assert list(tables.documents.columns) == TABLES["documents"].names


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

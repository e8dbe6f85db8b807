"""extract/io/tables.py: how each typed value is written in a text cell and read back, the typed
frames of the spreadsheet formats, and the README's column tables (`make docs`)."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from extract.io.tables import (
    CONSOLIDATED,
    DEALS,
    DOCUMENTS,
    MENTIONS,
    TABLES,
    Field,
    Table,
    cell_text,
    main,
    parse_cell,
    with_column_tables,
)

SMALL = Table(
    "small",
    (
        Field("name", "text", "a name"),
        Field("count", "int", "a count"),
        Field("amount", "number", "an amount"),
        Field("value", "mixed", "a number or a code"),
        Field("hedged", "bool", "true or false | maybe"),
    ),
    "A table for the tests.",
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (True, "true"),
        (False, "false"),
        (Decimal("524.20"), "524.2"),
        (Decimal("1E+3"), "1000"),
        (2.5, "2.5"),
        (3.0, "3"),
        (18, "18"),
        (0, "0"),
        ("MAR", "MAR"),
        ("", ""),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("18", "int", 18),
        ("-3", "int", -3),
        (" 7", "int", 7),
        ("", "int", None),
        ("1.5", "int", None),
        ("x", "int", None),
        ("X1", "int", None),
        ("524.2", "number", Decimal("524.2")),
        ("", "number", None),
        ("n/a", "number", None),
        ("true", "bool", True),
        ("false", "bool", False),
        ("", "bool", False),
        ("MAR", "mixed", "MAR"),
        ("2.5", "mixed", "2.5"),
        (" as written ", "text", " as written "),
    ],
)
def test_parse_cell(text, kind, value):
    assert parse_cell(text, kind) == value


def test_text_row_and_parse_are_inverse():
    row = {"name": "Maroc", "count": 18, "amount": Decimal("524000000"), "value": "MAR", "hedged": True, "extra": 1}
    cells = SMALL.text_row(row)
    assert cells == {"name": "Maroc", "count": "18", "amount": "524000000", "value": "MAR", "hedged": "true"}
    assert SMALL.parse(cells) == {k: v for k, v in row.items() if k != "extra"}
    assert SMALL.text_row({}) == dict.fromkeys(SMALL.names, "")
    assert SMALL.parse({}) == {"name": "", "count": None, "amount": None, "value": "", "hedged": False}


def test_names_and_types_keep_the_column_order():
    assert SMALL.names == ["name", "count", "amount", "value", "hedged"]
    assert list(SMALL.types().items()) == [
        ("name", "text"),
        ("count", "int"),
        ("amount", "number"),
        ("value", "mixed"),
        ("hedged", "bool"),
    ]


def frame():
    return pd.DataFrame(
        {
            "name": ["Maroc", "18"],
            "count": ["18", ""],
            "amount": ["524.5", ""],
            "value": ["12", "MAR"],
            "hedged": ["true", "false"],
        }
    )


def test_typed_frame_for_parquet_has_one_type_per_column():
    typed = SMALL.typed_frame(frame(), for_parquet=True)
    assert [str(typed[c].dtype) for c in ("count", "amount", "hedged")] == ["Int64", "float64", "boolean"]
    assert typed["count"].tolist()[0] == 18 and pd.isna(typed["count"].tolist()[1])
    assert typed["amount"].tolist()[0] == 524.5 and pd.isna(typed["amount"].tolist()[1])
    assert typed["hedged"].tolist() == [True, False]
    assert typed["value"].tolist() == ["12", "MAR"]  # mixed stays text in Parquet
    assert typed["name"].tolist() == ["Maroc", "18"]


def test_typed_frame_for_spreadsheets_writes_numbers_as_numbers():
    source = frame()
    typed = SMALL.typed_frame(source, for_parquet=False)
    assert typed["value"].tolist() == [12, "MAR"]  # a number where there is one, the code elsewhere
    assert typed["amount"].tolist()[0] == 524.5 and typed["amount"].tolist()[1] == ""
    assert typed["hedged"].tolist() == ["true", "false"]  # Calc reads boolean cells as formulas
    assert str(typed["count"].dtype) == "Int64"
    assert source["count"].tolist() == ["18", ""]  # the frame given is left as it was


def test_typed_frame_reads_unreadable_numbers_as_empty():
    source = pd.DataFrame({"count": ["n/a", "2"], "amount": ["?", "3"], "value": ["n/a", "4"]})
    typed = SMALL.typed_frame(source, for_parquet=True)
    assert pd.isna(typed["count"][0]) and typed["count"][1] == 2
    assert pd.isna(typed["amount"][0]) and typed["amount"][1] == 3.0
    assert SMALL.typed_frame(source, for_parquet=False)["value"].tolist() == ["n/a", 4]


def test_a_number_column_of_whole_numbers_is_still_decimal_in_parquet():
    typed = SMALL.typed_frame(pd.DataFrame({"amount": ["524", "3"]}), for_parquet=True)
    assert str(typed["amount"].dtype) == "float64"


def test_typed_frame_skips_missing_columns():
    typed = SMALL.typed_frame(pd.DataFrame({"count": ["3"]}), for_parquet=True)
    assert list(typed.columns) == ["count"] and typed["count"].tolist() == [3]


def test_markdown_lists_every_column_and_escapes_pipes():
    assert SMALL.markdown().splitlines() == [
        "| column | type | meaning |",
        "| --- | --- | --- |",
        "| name | text | a name |",
        "| count | int | a count |",
        "| amount | number | an amount |",
        "| value | mixed | a number or a code |",
        "| hedged | bool | true or false \\| maybe |",
    ]


def test_the_four_tables():
    assert list(TABLES) == ["mentions", "documents", "deals", "deals_consolidated"]
    assert [TABLES[name] for name in TABLES] == [MENTIONS, DOCUMENTS, DEALS, CONSOLIDATED]


README = """# Tables
<!-- columns:deals -->
| old | table |
<!-- /columns -->
text between
<!-- columns:mentions -->
<!-- /columns -->
"""


def test_with_column_tables_regenerates_each_block():
    text = with_column_tables(README)
    assert text == (
        "# Tables\n<!-- columns:deals -->\n"
        + DEALS.markdown()
        + "\n<!-- /columns -->\ntext between\n<!-- columns:mentions -->\n"
        + MENTIONS.markdown()
        + "\n<!-- /columns -->\n"
    )
    assert with_column_tables(text) == text
    assert with_column_tables("no block\n") == "no block\n"


@pytest.mark.parametrize(
    ("command_line", "rewritten"), [(["tables"], "README.md"), (["tables", "other.md"], "other.md")]
)
def test_main_rewrites_the_readme_of_the_current_folder_by_default(tmp_path, monkeypatch, command_line, rewritten):
    for name in ("README.md", "other.md"):
        (tmp_path / name).write_text(README, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", command_line)
    assert main() == 0
    assert {p.name for p in tmp_path.iterdir() if p.read_text(encoding="utf-8") != README} == {rewritten}


def test_main_rewrites_the_readme_given(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(README, encoding="utf-8")
    assert main([str(readme)]) == 0
    assert readme.read_text(encoding="utf-8") == with_column_tables(README)

"""extract.rules.schema: a cell converted by its column type, a rules CSV read against its declaration."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from extract.errors import Messages
from extract.rules.schema import (
    NOTE,
    Column,
    RuleFile,
    convert,
    currency_codes,
    iso3_codes,
    read_rows,
    split_aliases,
)

ENUM = Column("kind", "enum", allowed=("a", "b"))
ENUM_EMPTY_OK = Column("kind", "enum", allowed=("", "a"))
ENUM_OWN_MESSAGE = Column("category", "enum", allowed=("ship",), message=Messages.E011)


@pytest.mark.parametrize(
    ("column", "text", "expected"),
    [
        (Column("x"), " as is ", " as is "),
        (Column("x"), "", ""),
        (Column("x", "aliases"), "a | b|", ["a", "b"]),
        (Column("x", "aliases"), "", []),
        (ENUM, "a", "a"),
        (ENUM_EMPTY_OK, "", ""),
        (Column("x", "yes_no"), "yes", True),
        (Column("x", "yes_no"), "no", False),
        (Column("x", "yes_no"), "", False),
        (Column("x", "decimal"), "1.609344", Decimal("1.609344")),
        (Column("x", "decimal"), "1e9", Decimal("1e9")),
        (Column("x", "decimal"), "", None),
        (Column("x", "int"), "-1", -1),
        (Column("x", "int"), "", None),
        (Column("x", "iso3"), "FRA", "FRA"),
        (Column("x", "iso3"), "", None),
        (Column("x", "iso3_list"), "GBR| ITA |ESP|", ("GBR", "ITA", "ESP")),
        (Column("x", "iso3_list"), "", None),
        (Column("x", "currencies"), "EUR", ("EUR",)),
        (Column("x", "currencies"), "GBP | EGP", ("GBP", "EGP")),
        (Column("x", "currencies"), "", None),
        (Column("x", "regex"), "", None),
    ],
)
def test_convert_gives_the_typed_value(column, text, expected):
    assert convert(column, text) == (expected, None)


@pytest.mark.parametrize(
    ("column", "text", "message"),
    [
        (ENUM, "c", "E035 'c' is not an allowed value of 'kind'; allowed: ['a', 'b']"),
        (ENUM, "", "E035 '' is not an allowed value of 'kind'; allowed: ['a', 'b']"),
        (ENUM, "A", "E035 'A' is not an allowed value of 'kind'; allowed: ['a', 'b']"),
        (ENUM_EMPTY_OK, "b", "E035 'b' is not an allowed value of 'kind'; allowed: ['a']"),
        (ENUM_OWN_MESSAGE, "boat", "E011 unknown category 'boat'; allowed: ['ship']"),
        (Column("flag", "yes_no"), "oui", "E035 'oui' is not an allowed value of 'flag'; allowed: ['yes', 'no']"),
        (Column("flag", "yes_no"), "Yes", "E035 'Yes' is not an allowed value of 'flag'; allowed: ['yes', 'no']"),
        (Column("factor", "decimal"), "mille", "E004 'mille' is not a number in column 'factor'"),
        (Column("offset", "int"), "1.5", "E004 '1.5' is not a number in column 'offset'"),
        (Column("iso3", "iso3"), "fra", "E010 'fra' is not an ISO 3166-1 alpha-3 code"),
        (Column("iso3", "iso3"), "XYZ", "E010 'XYZ' is not an ISO 3166-1 alpha-3 code"),
        (Column("co", "iso3_list"), "GBR|XYZ|ABC", "E010 'XYZ' is not an ISO 3166-1 alpha-3 code"),
        (Column("code", "currencies"), "EUR|EURO", "E015 'EURO' is not an ISO 4217 currency code"),
        (Column("code", "currencies"), "EUR|", "E015 '' is not an ISO 4217 currency code"),
    ],
)
def test_convert_reports_a_bad_cell(column, text, message):
    assert convert(column, text) == (None, message)


def test_convert_compiles_a_regex_case_blind_and_grouped():
    regex, problem = convert(Column("pattern", "regex"), "a|b")
    assert problem is None
    assert regex.pattern == "(?:a|b)" and regex.flags & re.IGNORECASE
    assert regex.fullmatch("B") and not regex.fullmatch("ab")
    value, problem = convert(Column("pattern", "regex"), "(a")
    assert value is None and problem.startswith("E019 invalid regular expression: missing ), unterminated subpattern")


def test_convert_refuses_an_unknown_type():
    with pytest.raises(ValueError, match="unknown column type 'date'"):
        convert(Column("x", "date"), "2024")


@pytest.mark.parametrize(("text", "aliases"), [("a | b|", ["a", "b"]), ("|", []), (" x y ", ["x y"]), ("", [])])
def test_split_aliases(text, aliases):
    assert split_aliases(text) == aliases


def test_code_lists():
    assert {"FRA", "USA", "ATA"} <= iso3_codes() and "FR" not in iso3_codes() and len(iso3_codes()) == 249
    assert {"EUR", "USD", "XOF"} <= currency_codes() and "EURO" not in currency_codes()


def test_rule_file_required_and_names():
    spec = RuleFile("x.csv", (Column("form", required=True), Column("value"), Column("kind", required=True)), "words")
    assert spec.required == ["form", "kind"]
    assert spec.names == ["form", "value", "kind"]
    assert Column("x").type == "text" and not Column("x").required and Column("x").default == ""


SPEC = RuleFile(
    "lexicons/test.csv",
    (
        Column("form", required=True),
        Column("factor", "decimal"),
        Column("where", "enum", allowed=("before", "after"), default="before"),
    ),
    "lexicon",
)


def read(
    tmp_path: Path, text: str, spec: RuleFile = SPEC
) -> tuple[list[tuple[int, dict]], list[tuple[int | None, str]]]:
    path = tmp_path / "test.csv"
    path.write_text(text, encoding="utf-8")
    found: list = []
    rows = list(read_rows(path, spec, found))
    assert all(p.path == str(path) for p in found)
    return rows, [(p.line, p.message) for p in found]


def test_read_rows_types_every_cell_and_numbers_the_lines(tmp_path):
    rows, problems = read(tmp_path, "form,factor,where\n millions , 1e6 ,after\n\ncent,,\n")
    assert problems == []
    assert rows == [
        (2, {"form": "millions", "factor": Decimal("1e6"), "where": "after"}),
        (4, {"form": "cent", "factor": None, "where": "before"}),
    ]


def test_read_rows_with_a_byte_order_mark_a_note_and_columns_in_any_order(tmp_path):
    rows, problems = read(tmp_path, "\ufeffwhere,note,form\nafter,free text,mille\n")
    assert problems == []
    assert rows == [(2, {"form": "mille", "factor": None, "where": "after"})]


def test_read_rows_missing_required_column_stops_at_the_header(tmp_path):
    rows, problems = read(tmp_path, "factor,where\n2,after\n")
    assert rows == [] and problems == [(1, "E002 missing column(s) ['form']")]


def test_read_rows_empty_file_is_a_missing_column(tmp_path):
    rows, problems = read(tmp_path, "")
    assert rows == [] and problems == [(1, "E002 missing column(s) ['form']")]


def test_read_rows_unknown_column_is_reported_and_the_rows_still_read(tmp_path):
    rows, problems = read(tmp_path, "form,colour\nmille,red\n")
    assert problems == [(1, "E001 unknown column(s) ['colour']; expected ['form', 'factor', 'where', 'note']")]
    assert rows == [(2, {"form": "mille", "factor": None, "where": "before"})]


def test_read_rows_does_not_list_note_twice_when_declared():
    spec = RuleFile("x.csv", (Column("form", required=True), NOTE), "words")
    assert spec.names == ["form", "note"]


def test_read_rows_note_declared_is_not_unknown(tmp_path):
    spec = RuleFile("x.csv", (Column("form", required=True), NOTE), "words")
    rows, problems = read(tmp_path, "form,note,x\na,b,c\n", spec)
    assert problems == [(1, "E001 unknown column(s) ['x']; expected ['form', 'note']")]
    assert rows == [(2, {"form": "a", "note": "b"})]


def test_read_rows_refuses_duplicate_rows_and_empty_required_cells(tmp_path):
    text = "form,factor,where\nmille,1000,\n,2,after\nmille, 1000,\nmille,1000,after\n,,\nx,y,\nz,1,aside\n"
    rows, problems = read(tmp_path, text)
    assert [line for line, _ in rows] == [2, 5]
    assert problems == [
        (3, "E003 empty value in column 'form'"),
        (4, "E013 duplicate row (same as line 2)"),
        (7, "E004 'y' is not a number in column 'factor'"),
        (8, "E035 'aside' is not an allowed value of 'where'; allowed: ['before', 'after']"),
    ]


def test_read_rows_short_and_long_rows(tmp_path):
    rows, problems = read(tmp_path, "form,factor,where\nmille\nmille,1000,after,extra\n")
    assert problems == []
    assert rows == [
        (2, {"form": "mille", "factor": None, "where": "before"}),
        (3, {"form": "mille", "factor": Decimal("1000"), "where": "after"}),
    ]


def test_read_rows_line_numbers_count_quoted_newlines(tmp_path):
    rows, problems = read(tmp_path, 'form,factor\n"deux\nmots",1\ntrois,3\n')
    assert problems == []
    assert [(line, row["form"]) for line, row in rows] == [(3, "deux\nmots"), (4, "trois")]


def test_read_rows_of_a_missing_file_is_e025(tmp_path):
    found: list = []
    assert list(read_rows(tmp_path / "absent.csv", SPEC, found)) == []
    [problem] = found
    assert problem.line is None and problem.message.startswith("E025 cannot read: ")


def test_read_rows_is_lazy_about_problems_until_read(tmp_path):
    """Problems of a row are reported when the row is reached, in file order."""
    path = tmp_path / "test.csv"
    path.write_text("form,factor\n,1\nb,2\n", encoding="utf-8")
    found: list = []
    rows = read_rows(path, SPEC, found)
    assert next(rows)[0] == 3
    assert [p.line for p in found] == [2]

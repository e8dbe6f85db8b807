"""CSV for a spreadsheet's locale: `--locale fr` (';' and decimal commas) and what `--sep` alone does."""

from __future__ import annotations

import csv

import pytest

from extract.cli import main
from extract.errors import ExtractError
from extract.io.locales import CsvLocale, csv_conventions, localize_csv, localized_cell
from extract.io.tables import MENTIONS


@pytest.mark.parametrize(
    ("sep", "locale", "fmt", "expected", "note"),
    [
        (None, None, "csv", (",", "."), None),
        (None, "fr", "csv", (";", ","), None),
        (";", "fr", "csv", (";", ","), None),  # the locale's own separator, said twice
        (None, "en", "csv", (",", "."), None),
        (";", None, "csv", (";", "."), "--sep ';' keeps '.'"),  # keeps its meaning, with a note
        ("\t", None, "csv", ("\t", "."), None),
        (None, "fr", "xlsx", (";", ","), "changes CSV only"),
    ],
)
def test_separator_and_decimal_mark(sep, locale, fmt, expected, note):
    conventions, notes = csv_conventions(sep, locale, fmt)
    assert (conventions.sep, conventions.decimal) == expected
    assert (note is None and notes == []) or (note is not None and note in notes[0])


@pytest.mark.parametrize(("sep", "locale", "error"), [(",", "fr", "E045"), ("\t", "fr", "E045"), ("|", None, "--sep")])
def test_clashing_or_unknown_separators_are_errors(sep, locale, error):
    with pytest.raises(ExtractError, match=error):
        csv_conventions(sep, locale)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("2414.016", "number", "2414,016"),
        ("-0.5", "number", "-0,5"),
        ("1.5", "mixed", "1,5"),
        ("524200000", "mixed", "524200000"),  # whole numbers have no mark
        ("2023-04", "mixed", "2023-04"),  # a date is not a number
        ("F-16 Block 70.5", "mixed", "F-16 Block 70.5"),
        ("1.5", "text", "1.5"),  # text columns are never touched
        ("12", "int", "12"),
        ("", "number", ""),
    ],
)
def test_localized_cell(text, kind, expected):
    assert localized_cell(text, kind, ",") == expected
    assert localized_cell(text, kind, ".") == text


def test_localize_csv_rewrites_only_numeric_cells(tmp_path):
    path = tmp_path / "mentions.csv"
    row = {name: "" for name in MENTIONS.names}
    row.update(label="RANGE", text="1.5 km; soit", value="1.5", value_min="1.25", sentence='Il dit "1.5"', start="3")
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=MENTIONS.names, delimiter=";")
        writer.writeheader()
        writer.writerow(row)
    localize_csv(path, MENTIONS, sep=";", decimal=",")
    assert path.read_bytes().startswith("\ufeffdoc_id;".encode())
    with path.open(encoding="utf-8-sig", newline="") as handle:
        found = next(csv.DictReader(handle, delimiter=";"))
    assert found == {**row, "value": "1,5", "value_min": "1,25"}


def test_command_line_clash_is_a_usage_error(tmp_path, capsys):
    assert main(["run", str(tmp_path), "--out", str(tmp_path / "out"), "--locale", "fr", "--sep", ","]) == 2
    assert "E045" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("sep", "locale", "fmt", "expected", "notes"),
    [
        (None, None, "csv", CsvLocale("en", ",", "."), []),
        (",", None, "csv", CsvLocale("custom", ",", "."), []),
        ("\t", None, "jsonl", CsvLocale("custom", "\t", "."), []),
        (
            ";",
            None,
            "csv",
            CsvLocale("custom", ";", "."),
            [
                "--sep ';' keeps '.' as the decimal point, which a French-locale spreadsheet reads as text (1.5); "
                "--locale fr writes decimal commas too"
            ],
        ),
        (";", None, "parquet", CsvLocale("custom", ";", "."), []),  # no CSV, nothing to warn about
        (None, "en", "csv", CsvLocale("en", ",", "."), []),
        (",", "en", "csv", CsvLocale("en", ",", "."), []),
        (None, "fr", "csv", CsvLocale("fr", ";", ","), []),
        (None, "fr", "jsonl", CsvLocale("fr", ";", ","), ["--locale changes CSV only; jsonl cells are typed numbers"]),
    ],
)
def test_conventions_and_notes(sep, locale, fmt, expected, notes):
    assert csv_conventions(sep, locale, fmt) == (expected, notes)


def test_the_format_is_csv_unless_said():
    assert csv_conventions(None, "fr") == (CsvLocale("fr", ";", ","), [])
    assert csv_conventions(";", None)[1] == csv_conventions(";", None, "csv")[1] != []


@pytest.mark.parametrize(
    ("sep", "locale", "message"),
    [
        (
            ",",
            "fr",
            "E045 --locale fr writes ';'-separated CSV with ',' as decimal mark; --sep ',' would clash (drop --sep)",
        ),
        (
            ";",
            "en",
            "E045 --locale en writes ','-separated CSV with '.' as decimal mark; --sep ';' would clash (drop --sep)",
        ),
        ("|", None, "--sep must be ',', ';' or a tab, got '|'"),
        ("|", "fr", "--sep must be ',', ';' or a tab, got '|'"),
    ],
)
def test_error_messages(sep, locale, message):
    with pytest.raises(ExtractError) as caught:
        csv_conventions(sep, locale)
    assert str(caught.value) == message


def write_csv(path, rows, sep=";"):
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=sep).writerows(rows)


def test_localize_csv_keeps_other_cells_byte_for_byte(tmp_path, ascii_locale):
    """Line breaks inside a quoted cell, accents (whatever the locale), a row shorter than the
    header (a hand-edited file) and columns the schema does not know stay as they were."""
    path = tmp_path / "mentions.csv"
    write_csv(
        path,
        [
            ["doc_id", "value", "sentence", "notes"],
            ["d1", "1.5", "Il a dit :\r\n« 2.5 »", "3.5"],
            ["d2", "0.25"],
        ],
    )
    localize_csv(path, MENTIONS, sep=";", decimal=",")
    expected = '\ufeffdoc_id;value;sentence;notes\r\nd1;1,5;"Il a dit :\r\n« 2.5 »";3.5\r\nd2;0,25\r\n'
    assert path.read_bytes() == expected.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mentions.csv"]  # no work file left


def test_localize_csv_with_a_decimal_point_leaves_the_file_alone(tmp_path):
    path = tmp_path / "mentions.csv"
    content = b'doc_id;value\r\n"d1";1.5\r\n'  # no BOM, a quoted cell: a rewrite would show
    path.write_bytes(content)
    localize_csv(path, MENTIONS, sep=";", decimal=".")
    assert path.read_bytes() == content


def test_localize_csv_of_an_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    localize_csv(path, MENTIONS, sep=";", decimal=",")
    assert path.read_bytes() == "\ufeff\r\n".encode()
    localize_csv(path, MENTIONS, sep=";", decimal=".")  # a decimal point: the file is not touched
    assert path.read_bytes() == "\ufeff\r\n".encode()

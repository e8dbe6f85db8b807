"""CSV for a spreadsheet's locale: `--locale fr` (';' and decimal commas) and what `--sep` alone does."""

from __future__ import annotations

import csv

import pytest

from extract.cli import main
from extract.errors import ExtractError
from extract.io.locales import csv_conventions, localize_csv, localized_cell
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

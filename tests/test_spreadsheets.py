"""The tables opened in a real spreadsheet application: LibreOffice Calc, headless, French locale.

Each table is converted by `soffice --convert-to xlsx` (the CSV with the import options a French
user's Calc uses: `;`, UTF-8, French, special numbers not detected) and read back with openpyxl:
every numeric column must hold numbers, accented text must come back unchanged, and no cell may
be a formula. Skipped, with the reason, where LibreOffice is not installed (`.ci/run` installs it).
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from extract.cli import main
from extract.io.tables import TABLES

ROOT = Path(__file__).resolve().parents[1]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-calc): spreadsheet check skipped"
)
#: CSV import options: separator ';' (59), quote '"' (34), UTF-8 (76), from line 1, standard
#: column formats, French (1036), quoted fields not forced to text, special numbers not detected.
FRENCH_CSV_FILTER = "CSV:59,34,76,1,,1036,false,false"
#: decimals in every numeric column kind (value_min, RANGE values, a deal value of 15.5), accents, formulas
ARTICLE = (
    "date 2024-06\n"
    "Washington a approuvé la vente aux Émirats arabes unis de 18 lanceurs M142 HIMARS pour 524,2 millions de "
    "dollars. Leurs roquettes portent entre 1,5 et 2,5 km, leurs missiles à 1500 miles.\n\n"
    '=HYPERLINK("http://x") Le Maroc a commandé 18 lanceurs.\n\n'
    "@SUM(1) L'Algérie a reçu des Su-30 livrés par la Russie pour 15 dollars 50.\n"
)
SAMPLES = (
    "01_maroc_himars",
    "24_europe_centrale_chars",
    "46_suede_gripen_thailande",
    "49_indonesie_scorpene_rafale_kf21",
)
NUMERIC_LABELS = {"MONEY", "COUNT", "RANGE"}


def soffice_convert(files: list[Path], out_dir: Path, profile: Path, infilter: str | None = None) -> None:
    """Convert files to XLSX with LibreOffice (a private profile: nothing written outside the test folder)."""
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", "xlsx", "--outdir", str(out_dir), *map(str, files)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, Path]:
    """Tables written three ways (--locale fr, --sep ';' alone, --format xlsx), each opened by LibreOffice."""
    base = tmp_path_factory.mktemp("spreadsheets")
    article = base / "emirats.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    inputs = [str(article), *(str(ROOT / "samples" / f"{name}.txt") for name in SAMPLES)]
    folders = {}
    for name, options in (("fr", ["--locale", "fr"]), ("sep", ["--sep", ";"]), ("xlsx", ["--format", "xlsx"])):
        folders[name] = base / name
        main(["run", *inputs, "--out", str(folders[name]), "--fast", "--quiet", *options])
        folders[f"{name}-calc"] = base / f"{name}-calc"
    profile = base / "lo-profile"
    for name in ("fr", "sep"):
        tables = [folders[name] / f"{table}.csv" for table in TABLES]
        soffice_convert(tables, folders[f"{name}-calc"], profile, FRENCH_CSV_FILTER)
    soffice_convert([folders["xlsx"] / "tables.xlsx"], folders["xlsx-calc"], profile)
    return folders


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def sheet_cells(path: Path, sheet: str | None = None) -> list[list[openpyxl.cell.Cell]]:
    book = openpyxl.load_workbook(path)
    return [list(row) for row in (book[sheet] if sheet else book.active).iter_rows()]


def numeric_cells(header: list[str], rows: list[list[str]], table: str) -> list[tuple[int, int]]:
    """(row, column) of every non-empty cell that must be a number: int and number columns, and the
    mixed `value` of MONEY, COUNT and RANGE mentions."""
    kinds = TABLES[table].types()
    label = header.index("label") if "label" in header else None
    found = []
    for r, row in enumerate(rows):
        for c, name in enumerate(header):
            numeric = kinds[name] in ("int", "number") or (
                kinds[name] == "mixed" and label is not None and row[label] in NUMERIC_LABELS
            )
            if numeric and row[c] != "":
                found.append((r, c))
    return found


@pytest.mark.parametrize("table", list(TABLES))
def test_french_locale_csv_opens_as_numbers_in_calc(converted, table):
    written = read_csv(converted["fr"] / f"{table}.csv")
    header, rows = written[0], written[1:]
    cells = sheet_cells(converted["fr-calc"] / f"{table}.xlsx")
    assert [c.value for c in cells[0]] == header == TABLES[table].names  # the BOM is not part of a name
    assert len(cells) == len(written) > 1
    numbers = numeric_cells(header, rows, table)
    not_numbers = [(header[c], rows[r][c]) for r, c in numbers if cells[r + 1][c].data_type != "n"]
    assert numbers and not_numbers == []
    accented = [(r, c) for r, row in enumerate(rows) for c, cell in enumerate(row) if not cell.isascii()]
    changed = [(rows[r][c], cells[r + 1][c].value) for r, c in accented if cells[r + 1][c].value != rows[r][c]]
    assert accented and changed == []
    assert [c.value for row in cells for c in row if c.data_type == "f"] == []


def test_french_locale_writes_decimal_commas_that_calc_reads_as_decimals(converted):
    written = read_csv(converted["fr"] / "mentions.csv")
    header = written[0]
    cells = sheet_cells(converted["fr-calc"] / "mentions.xlsx")
    ranges = {row[header.index("text")]: cells[i + 1] for i, row in enumerate(written[1:]) if row[1] == "RANGE"}
    miles = ranges["1500 miles"][header.index("value")]
    interval = ranges["entre 1,5 et 2,5 km"]
    assert (miles.value, interval[header.index("value_min")].value) == (pytest.approx(2414.016), 1.5)
    deals = read_csv(converted["fr"] / "deals.csv")
    assert "15,5" in [row[deals[0].index("value")] for row in deals[1:]]


def test_formula_text_stays_text_in_calc(converted):
    cells = sheet_cells(converted["fr-calc"] / "mentions.xlsx")
    sentences = [row[[c.value for c in cells[0]].index("sentence")].value for row in cells[1:]]
    assert any(s.startswith("'=HYPERLINK") for s in sentences)
    assert any(s.startswith("'@SUM") for s in sentences)


def test_semicolon_alone_keeps_decimal_points_which_calc_reads_as_text(converted):
    """`--sep ';'` keeps its meaning (separator only): the reason `--locale fr` exists."""
    written = read_csv(converted["sep"] / "mentions.csv")
    header = written[0]
    cells = sheet_cells(converted["sep-calc"] / "mentions.xlsx")
    miles = next(cells[i + 1] for i, row in enumerate(written[1:]) if row[header.index("text")] == "1500 miles")
    assert (miles[header.index("value")].value, miles[header.index("value")].data_type) == ("2414.016", "s")


@pytest.mark.parametrize("table", list(TABLES))
def test_xlsx_reopened_by_calc_keeps_types_accents_and_no_formula(converted, table):
    ours = sheet_cells(converted["xlsx"] / "tables.xlsx", table)
    calc = sheet_cells(converted["xlsx-calc"] / "tables.xlsx", table)
    header = [c.value for c in ours[0]]
    assert [c.value for c in calc[0]] == header == TABLES[table].names
    assert len(calc) == len(ours) > 1
    texts = [["" if c.value is None else str(c.value) for c in row] for row in ours[1:]]
    numbers = numeric_cells(header, texts, table)
    not_numbers = [(header[c], texts[r][c]) for r, c in numbers if calc[r + 1][c].data_type != "n"]
    assert numbers and not_numbers == []
    kinds = TABLES[table].types()
    # true/false as in CSV: LibreOffice imports XLSX boolean cells as =TRUE() / =FALSE() formulas
    booleans = {calc[r + 1][c].value for r in range(len(texts)) for c, n in enumerate(header) if kinds[n] == "bool"}
    assert booleans <= {"true", "false"} and (booleans or table in ("mentions", "documents"))
    accented = [(r, c) for r, row in enumerate(texts) for c, cell in enumerate(row) if not cell.isascii()]
    assert accented and [(r, c) for r, c in accented if calc[r + 1][c].value != ours[r + 1][c].value] == []
    assert [c.value for row in calc for c in row if c.data_type == "f"] == []

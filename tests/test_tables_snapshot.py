"""The tables `extract run` writes, compared cell by cell with the expected ones.

A restructuring must not change a single cell. `tests/fixtures/tables/` holds the samples'
tables (the `sentence` column left out: `sentence_start`/`sentence_end` keep it; sources as file
names); `realdev.sha256` holds digests of the same tables for the real dev articles, checked
by the opt-in `pytest --realdev` when their texts are present (`.realdev/`, never committed). After an intended change of the
output, `make snapshot` rewrites both; review the diff before committing it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import sys
from pathlib import Path

import pytest

from extract.batch import RunOptions, run_batch
from extract.io.tables import TABLES

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests" / "fixtures" / "tables"
REALDEV_TEXTS = ROOT / ".realdev"
REALDEV_DIGESTS = EXPECTED / "realdev.sha256"
#: columns left out of the comparison: derived from kept offsets, or machine-dependent paths
LEFT_OUT = {"mentions": ("sentence",)}


def normalized_tables(inputs: Path, out: Path) -> dict[str, str]:
    """Run the default pipeline on a folder; each table as CSV text, comparable across machines."""
    run_batch([str(inputs)], out, RunOptions(progress=False))
    tables = {}
    for name in TABLES:
        with (out / f"{name}.csv").open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        columns = [c for c in TABLES[name].names if c not in LEFT_OUT.get(name, ())]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            if "source" in row:
                row["source"] = Path(row["source"]).name
            writer.writerow(row)
        tables[name] = buffer.getvalue()
    return tables


def digests(tables: dict[str, str]) -> str:
    """One line per table: sha256 and name."""
    return "".join(f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}  {name}\n" for name, text in tables.items())


@pytest.fixture(scope="module")
def sample_tables(tmp_path_factory) -> dict[str, str]:
    return normalized_tables(ROOT / "samples", tmp_path_factory.mktemp("samples-out"))


@pytest.mark.parametrize("name", list(TABLES))
def test_sample_tables_are_unchanged(sample_tables, name):
    expected = (EXPECTED / f"{name}.csv").read_text(encoding="utf-8").splitlines()
    found = sample_tables[name].splitlines()
    changed = [
        f"line {i + 1}:\n  expected {e}\n  found    {f}"
        for i, (e, f) in enumerate(zip(expected, found, strict=False))
        if e != f
    ]
    assert (len(found), changed[:5]) == (len(expected), []), "intended? `make snapshot`, then review the diff"


@pytest.mark.realdev
def test_real_dev_tables_are_unchanged(tmp_path):
    """Opt-in (`--realdev`): the third-party texts are never committed."""
    assert REALDEV_TEXTS.is_dir(), "--realdev needs the real dev texts in .realdev/ (README: Real articles)"
    found = digests(normalized_tables(REALDEV_TEXTS, tmp_path))
    assert found == REALDEV_DIGESTS.read_text(encoding="utf-8"), "intended? `make snapshot`, then review the diff"


def refresh(argv: list[str]) -> int:
    """`make snapshot`: rewrite the expected tables (and the dev-set digests when its texts exist)."""
    import tempfile

    EXPECTED.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name, text in normalized_tables(ROOT / "samples", Path(folder) / "samples").items():
            (EXPECTED / f"{name}.csv").write_text(text, encoding="utf-8")
        if REALDEV_TEXTS.is_dir():
            REALDEV_DIGESTS.write_text(digests(normalized_tables(REALDEV_TEXTS, Path(folder) / "realdev")), "utf-8")
    print(f"expected tables written to {EXPECTED}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(refresh(sys.argv[1:]))

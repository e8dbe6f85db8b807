"""The README's `>>>` examples run as doctests, in a folder whose `out/` holds a run's tables."""

from __future__ import annotations

import doctest
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: the samples' tables (tests/test_tables_snapshot.py) stand for the `out/` of `make run`
RUN = ROOT / "tests" / "fixtures" / "tables"


def test_readme_examples_run(tmp_path, monkeypatch):
    shutil.copytree(RUN, tmp_path / "out")
    monkeypatch.chdir(tmp_path)
    results = doctest.testfile(
        str(ROOT / "README.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert results.attempted >= 10
    assert results.failed == 0, "see the doctest report above"

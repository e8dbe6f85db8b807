"""`pip install .` from another folder: the rules travel inside the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(folder), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(result.stderr[-2000:])
    return next(folder.glob("*.whl"))


def test_wheel_contains_the_rules(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for required in (
        "extract/data/rules/patterns/money.jsonl",
        "extract/data/rules/gazetteers/weapons.csv",
        "extract/data/rules/lexicons/currencies.csv",
        "extract/data/rules/deals/triggers.csv",
    ):
        assert required in names


def test_installed_wheel_runs_from_another_folder(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)], check=True
    )
    script = (
        "from extract import Extractor; from extract.rules import packaged_rules_dir; "
        "print(packaged_rules_dir()); print([m.value for m in Extractor(fast=True).extract('Le Maroc achète 18 HIMARS.')])"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(site)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    rules_dir, values = result.stdout.strip().splitlines()
    assert Path(rules_dir).is_relative_to(site)
    assert "MAR" in values and "M142 HIMARS" in values

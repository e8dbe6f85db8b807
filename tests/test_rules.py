"""The shipped rules: valid, complete enough, and the generated files up to date."""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from extract import Extractor
from extract.gazetteers.build_countries import FIELDS, build_country_rows
from extract.ruleset import packaged_rules_dir, read_rules


@pytest.fixture(scope="module")
def rules():
    return read_rules()


def test_shipped_rules_have_no_problems(rules):
    assert [str(p) for p in rules.problems] == []


def test_every_iso_country_is_covered(rules):
    assert len({e.value for e in rules.gazetteer if e.label == "COUNTRY"}) >= 249


def test_committed_countries_csv_equals_a_fresh_build():
    root = packaged_rules_dir()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(build_country_rows(root))
    committed = (root / "gazetteers" / "countries.csv").read_text(encoding="utf-8")
    assert committed == buffer.getvalue(), "run `make rules` and commit rules/gazetteers/countries.csv"


@pytest.mark.parametrize("capitals", [True, False])
def test_capitals_switch(tmp_path, capitals):
    rules_dir = tmp_path / "rules"
    shutil.copytree(packaged_rules_dir(), rules_dir)
    (rules_dir / "settings.toml").write_text(f"[countries]\ncapitals = {str(capitals).lower()}\n", encoding="utf-8")
    mentions = Extractor(rules_dir, fast=True).extract("Rabat a signé le contrat avec Washington.")
    found = {(m.text, m.value, m.form_kind) for m in mentions if m.label == "COUNTRY"}
    expected = {("Rabat", "MAR", "capital"), ("Washington", "USA", "capital")} if capitals else set()
    assert found == expected

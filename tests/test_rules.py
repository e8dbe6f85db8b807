"""The shipped rules: valid, complete enough, and the generated files up to date."""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from extract import Extractor
from extract.gazetteers.build_countries import FIELDS, build_country_rows
from extract.rules import packaged_rules_dir, read_rules


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


def test_every_error_code_lives_in_errors_py():
    """A message code written anywhere else would drift from the README's list."""
    import re
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "extract"
    literal = re.compile(r"""["'][^"'\n]*\bE0\d\d\b""")
    found = [
        f"{path.name}:{number}"
        for path in package.rglob("*.py")
        if path.name != "errors.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if literal.search(re.sub(r"Messages\.E0\d\d", "", line))
    ]
    assert found == []


@pytest.mark.parametrize(
    ("file", "line", "bad"),
    [
        ("lexicons/approx_cues.csv", "aux alentours de,roughly", "roughly"),
        ("lexicons/military_nouns.csv", "drone lourd,drone,aircraft,pack", "pack"),
        ("deals/triggers.csv", "achète ferme,ordred,in", "ordred"),
        ("gazetteers/orgs.csv", "Acme Defence,,armed_forces,FRA", "armed_forces"),
        ("lexicons/institutions.csv", "ministère de la mer,minister,yes", "minister"),
        ("gazetteers/weapons.csv", "Zorglub-9,,missiles,FRA,,", "missiles"),
        ("gazetteers/weapons.csv", "Zorglub-9,,missile,FRA,,,,GBR|XYZ", "XYZ"),
    ],
)
def test_an_unknown_enum_value_is_reported_with_file_and_line(tmp_path, file, line, bad):
    import shutil

    from extract.rules import packaged_rules_dir, read_rules

    rules = tmp_path / "rules"
    shutil.copytree(packaged_rules_dir(), rules)
    path = rules / file
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("" if text.endswith("\n") else "\n") + line + "\n", encoding="utf-8")
    problems = [str(p) for p in read_rules(rules).problems]
    expected_line = len((text + ("" if text.endswith("\n") else "\n")).splitlines()) + 1
    assert any(f"{file.split('/')[-1]}:{expected_line}:" in p and f"'{bad}'" in p for p in problems), problems


@pytest.mark.parametrize(
    ("shapes", "expected"),
    [
        ("[shapes]\nmodel_code = '^[A-Z'\n", "E019"),
        ("[tokenizer]\nperiod_prefixes = ['mi']\n", "E039"),
    ],
    ids=["bad-regex", "missing-shapes"],
)
def test_token_shapes_are_checked(tmp_path, shapes, expected):
    rules = tmp_path / "rules"
    shutil.copytree(packaged_rules_dir(), rules)
    (rules / "shapes.toml").write_text(shapes, encoding="utf-8")
    problems = [str(p) for p in read_rules(rules).problems]
    assert problems and all("shapes.toml" in p for p in problems)
    assert any(expected in p for p in problems)


def test_period_prefixes_come_from_the_rules(tmp_path):
    """'fin-mars' is split before the month only while shapes.toml lists 'fin'; an edited rules
    folder is read again by the next Extractor."""
    rules = tmp_path / "rules"
    shutil.copytree(packaged_rules_dir(), rules)
    text = "Livraison prévue fin-mars 2026."
    tokens = [t.text for t in Extractor(rules, fast=True).nlp.make_doc(text)]
    assert "fin-" in tokens and "mars" in tokens
    path = rules / "shapes.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('"fin", ', ""), encoding="utf-8")
    tokens = [t.text for t in Extractor(rules, fast=True).nlp.make_doc(text)]
    assert "fin-" not in tokens


def test_every_rules_file_is_declared():
    """Each shipped CSV has its declaration (columns, types) in the catalogue, or is a plain lexicon."""
    from extract.rules.catalogue import RULE_FILES

    declared = {spec.path for spec in RULE_FILES}
    shipped = {str(p.relative_to(packaged_rules_dir())) for p in packaged_rules_dir().rglob("*.csv")}
    undeclared = {p for p in shipped - declared if not p.startswith("lexicons/")}
    assert undeclared == set() and declared <= shipped

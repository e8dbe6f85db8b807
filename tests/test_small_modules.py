"""The small modules: error classes and numbered messages, the one-expression parsers, a mention's
row, the label table, and the package's public names imported on first use."""

from __future__ import annotations

import importlib
import re

import pytest

import extract
from extract import parsers
from extract.errors import ExtractError, InputError, Messages, RulesError
from extract.io.tables import MENTIONS
from extract.labels import LABEL_SPECS, LABELS, LabelSpec, spec_of
from extract.mention import Mention


@pytest.mark.parametrize(
    ("kind", "args", "text", "line"),
    [
        (RulesError, ("r/a.csv", 3, "E003 x"), "r/a.csv:3: E003 x", 3),
        (RulesError, ("r/a.csv", None, "E003 x"), "r/a.csv: E003 x", None),
        (RulesError, ("r/a.csv", 0, "E003 x"), "r/a.csv: E003 x", 0),
        (InputError, ("r/a.csv", "E003 x", 7), "r/a.csv:7: E003 x", 7),
        (InputError, ("r/a.csv", "E003 x"), "r/a.csv: E003 x", None),
    ],
)
def test_errors_say_where(kind, args, text, line):
    error = kind(*args)  # made here, not when the module is collected
    assert isinstance(error, ExtractError)
    assert (str(error), error.path, error.line, error.message) == (text, "r/a.csv", line, "E003 x")


def test_every_message_starts_with_its_number():
    names = [name for name in vars(Messages) if re.fullmatch(r"[EW]\d{3}", name)]
    assert len(names) == 50
    for name in names:
        assert getattr(Messages, name).startswith(f"{name} "), name


@pytest.mark.parametrize(
    ("name", "values", "text"),
    [
        ("E026", {"share": 0.42}, "E026 binary file (42% of its bytes are control bytes such as NUL)"),
        (
            "E032",
            {"size": 1234567, "limit": 1000},
            "E032 too large (1,234,567 characters or bytes; limit 1,000, see --max-chars)",
        ),
        ("W001", {"count": 1200}, "W001 1,200 control character(s) (NUL or other stray bytes) read as spaces"),
        (
            "E040",
            {},
            "E040 cannot resume: inputs or options differ from the interrupted run (start again without --resume)",
        ),
        (
            "E042",
            {"pid": 12},
            "E042 output folder in use by another run (process 12); wait for it to end or choose another --out",
        ),
        ("E043", {}, "E043 --out names a file, not a folder"),
        ("E044", {"error": "disk full"}, "E044 cannot write the output folder: disk full"),
        ("E029", {"error": "ValueError: x"}, "E029 extraction failed: ValueError: x"),
        ("E020", {}, "E020 no such file or folder"),
        ("E025", {"error": "denied"}, "E025 cannot read: denied"),
        ("E027", {}, "E027 row has no text"),
        ("E028", {}, "E028 empty file (no text)"),
        ("E022", {"columns": ["a"]}, "E022 table has no 'text' column (columns: ['a'])"),
        ("E024", {"error": "bad"}, "E024 malformed row: bad"),
        ("E021", {}, "E021 not valid text in UTF-8, cp1252 or latin-1"),
    ],
)
def test_message_texts(name, values, text):
    assert getattr(Messages, name).format(**values) == text


@pytest.mark.parametrize(
    ("function", "text", "reference", "expected"),
    [
        (parsers.parse_money, "2,5 Md€", None, ("MONEY", "2500000000", "EUR")),
        (parsers.parse_money, "Le Maroc paie 3 millions de dollars", None, ("MONEY", "3000000", "USD")),
        (parsers.parse_count, "Le Maroc achète 18 lanceurs", None, ("COUNT", "18", "lanceur")),
        (parsers.parse_range, "120 milles nautiques", None, ("RANGE", "222.24", "km")),
        (parsers.parse_date, "11 avril", "2024-06", ("DATE", "2024-04-11", "")),
        (parsers.parse_date, "le 3/11/23", None, ("DATE", "2023-11-03", "")),
    ],
)
def test_parsers_return_the_first_mention_of_their_label(function, text, reference, expected):
    mention = function(text, reference) if reference else function(text)
    assert (mention.label, mention.value, mention.unit) == expected


@pytest.mark.parametrize(
    ("function", "text"),
    [
        (parsers.parse_money, "15 %"),
        (parsers.parse_money, "18 lanceurs"),
        (parsers.parse_count, "2,5 Md€"),
        (parsers.parse_range, "18 lanceurs"),
        (parsers.parse_date, "18 lanceurs"),
    ],
)
def test_parsers_none_without_their_label(function, text):
    assert function(text) is None


def test_parse_date_without_reference_leaves_a_partial_date_unvalued():
    assert (parsers.parse_date("11 avril").value, parsers.parse_date("11 avril 2023").value) == ("", "2023-04-11")


def test_the_parsers_share_one_fast_extractor():
    assert parsers._fast_extractor() is parsers._fast_extractor()
    assert parsers._fast_extractor().fast is True


def test_mention_row_has_every_column():
    mention = Mention("MONEY", "3 M$", 4, 8, "3000000", "USD", "s", "r", "près de", "1", "2", "k", 0, 20, "u")
    row = mention.as_row("doc")
    assert list(row) == list(MENTIONS.names)
    assert row["doc_id"] == "doc"
    assert {k: row[k] for k in ("label", "text", "start", "end", "value", "unit", "sentence", "rule_id")} == {
        "label": "MONEY",
        "text": "3 M$",
        "start": 4,
        "end": 8,
        "value": "3000000",
        "unit": "USD",
        "sentence": "s",
        "rule_id": "r",
    }
    assert (row["approx"], row["value_min"], row["value_max"], row["sentence_start"], row["sentence_end"]) == (
        "près de",
        "1",
        "2",
        0,
        20,
    )


def test_mention_defaults_and_equality():
    mention = Mention("COUNTRY", "Maroc", 0, 5, "MAR")
    assert (mention.unit, mention.sentence, mention.rule_id, mention.approx, mention.value_min, mention.value_max) == (
        "",
        "",
        "",
        "",
        "",
        "",
    )
    assert (mention.form_kind, mention.sentence_start, mention.sentence_end, mention.unit_source, mention.extra) == (
        "",
        0,
        0,
        "",
        {},
    )
    assert mention == Mention("COUNTRY", "Maroc", 0, 5, "MAR", extra={"x": 1})  # extra is not compared


def test_label_table():
    assert LABELS == ("MONEY", "RANGE", "COUNT", "WEAPON", "ORG", "COUNTRY", "REGION", "DATE")
    assert [LABEL_SPECS[name].priority for name in LABELS] == list(range(8))
    assert {name: spec.normalizer for name, spec in LABEL_SPECS.items()} == {
        "MONEY": "money",
        "RANGE": "range",
        "COUNT": "count",
        "WEAPON": "unlisted_weapon",
        "ORG": "institution",
        "COUNTRY": None,
        "REGION": None,
        "DATE": "date",
    }
    assert {n: s.gazetteer_class for n, s in LABEL_SPECS.items() if s.gazetteer_class} == {
        "WEAPON": "weapon",
        "ORG": "org",
        "COUNTRY": "country",
        "REGION": "region",
    }
    assert {n for n, s in LABEL_SPECS.items() if s.unit_in_fact} == {"MONEY", "RANGE", "COUNT"}
    assert {n for n, s in LABEL_SPECS.items() if not s.scored} == {"REGION"}


def test_label_colours_and_styles():
    colours = [spec.colour for spec in LABEL_SPECS.values() if spec.name != "REGION"]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours) and len(set(colours)) == len(colours)
    assert LABEL_SPECS["REGION"].colour == "#dddddd" and LABEL_SPECS["REGION"].style == "dim"
    styles = {n: s.style for n, s in LABEL_SPECS.items() if n != "REGION"}
    assert all(re.fullmatch(r"bold (cyan|yellow|green|red|white|blue|magenta)", s) for s in styles.values())
    assert len(set(styles.values())) == len(styles)


def test_spec_of():
    assert spec_of("MONEY") is LABEL_SPECS["MONEY"]
    assert spec_of("OTHER") == LabelSpec("OTHER", 8, None)
    assert (spec_of("OTHER").colour, spec_of("OTHER").style, spec_of("OTHER").scored) == ("#dddddd", "bold", True)


@pytest.mark.parametrize(
    ("name", "home"),
    [
        ("Extractor", "extract.extractor"),
        ("Mention", "extract.mention"),
        ("RunTables", "extract.frames"),
        ("load", "extract.frames"),
    ],
)
def test_public_names_are_imported_from_their_module_on_first_use(name, home):
    # called directly: once asked for, a name is a module global and `extract.<name>` no longer asks
    value = extract.__getattr__(name)
    assert value is getattr(importlib.import_module(home), name)
    assert vars(extract)[name] is value
    assert getattr(extract, name) is value


@pytest.mark.parametrize("name", ["extractor", "Extract", "frames_load", ""])
def test_other_names_are_attribute_errors(name):
    with pytest.raises(AttributeError) as error:
        extract.__getattr__(name)
    assert str(error.value) == f"module 'extract' has no attribute '{name}'"


def test_dir_lists_the_public_names_before_their_import():
    names = extract.__dir__()
    assert names == sorted(names)
    assert {"Extractor", "Mention", "RunTables", "load", "__version__", "__getattr__"} <= set(names)
    assert names == dir(extract)

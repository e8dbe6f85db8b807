"""extract.rules.loader on small rules folders written for each case: what each declared file becomes."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from extract.errors import RulesError
from extract.rules import loader
from extract.rules.catalogue import RULE_FILES
from extract.rules.loader import (
    SHAPE_NAMES,
    _declared_files,
    cue_words,
    furniture_key,
    load_rules,
    packaged_rules_dir,
    read_rules,
)
from extract.rules.model import DealCue, FurniturePattern, LexiconEntry

ROOT = Path(__file__).resolve().parents[1]
SHAPES = "[shapes]\n" + "".join(f"{name} = '^x$'\n" for name in SHAPE_NAMES)


def folder(tmp_path: Path, files: dict[str, str], *, shapes: str | None = SHAPES) -> Path:
    """A rules folder with `patterns/` (empty unless given), shapes.toml and the given files."""
    root = tmp_path / "rules"
    (root / "patterns").mkdir(parents=True)
    if shapes is not None:
        (root / "shapes.toml").write_text(shapes, encoding="utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def problems(rules) -> list[str]:
    return [str(p) for p in rules.problems]


@pytest.mark.parametrize(
    ("cue", "words"),
    [
        ("appel d'offres", ("appel", "d'", "offres")),
        ("Livr*", ("livr*",)),
        ("l’Armée", ("l'", "armee")),
        ("  vendu   à ", ("vendu", "a")),
        ("'", ("'",)),
        ("aujourd'hui", ("aujourd'", "hui")),
        ("", ()),
    ],
)
def test_cue_words_split_as_the_tokenizer_splits_elisions(cue, words):
    assert cue_words(cue) == words


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("Publié le :", "publie le"),
        ("  Mots-clés  :  ", "mots-cles"),
        ("A   LIRE AUSSI", "a lire aussi"),
        ("Partager::", "partager"),
        ("Crédit", "credit"),
    ],
)
def test_furniture_key_folds_collapses_and_drops_the_final_colon(line, key):
    assert furniture_key(line) == key


def test_packaged_rules_dir_is_the_checkout_rules_folder():
    assert packaged_rules_dir() == ROOT / "rules"


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        (["extract/data/rules"], "extract/data/rules"),
        (["rules"], "rules"),
        (["extract/data/rules", "rules"], "extract/data/rules"),
    ],
    ids=["wheel", "checkout", "wheel-first"],
)
def test_packaged_rules_dir_finds_the_wheel_or_the_checkout_copy(tmp_path, monkeypatch, layout, expected):
    for place in layout:
        (tmp_path / place / "patterns").mkdir(parents=True)
    (tmp_path / "extract" / "rules").mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(loader, "__file__", str(tmp_path / "extract" / "rules" / "loader.py"))
    assert packaged_rules_dir() == tmp_path / expected


def test_packaged_rules_dir_without_rules_is_e014(tmp_path, monkeypatch):
    (tmp_path / "extract" / "rules").mkdir(parents=True)
    (tmp_path / "rules").mkdir()  # a folder without patterns/ is not a rules folder
    monkeypatch.setattr(loader, "__file__", str(tmp_path / "extract" / "rules" / "loader.py"))
    with pytest.raises(RulesError, match="E014") as error:
        packaged_rules_dir()
    assert error.value.path == str(tmp_path / "extract" / "data" / "rules")


def test_a_folder_without_patterns_is_e014(tmp_path):
    (tmp_path / "lexicons").mkdir()
    for read in (read_rules, load_rules):
        with pytest.raises(RulesError, match="E014") as error:
            read(tmp_path)
        assert error.value.path == str(tmp_path) and str(error.value) == f"{tmp_path}: E014 rules folder not found"
    with pytest.raises(RulesError, match="E014") as error:
        load_rules(tmp_path / "missing")
    assert error.value.path == str(tmp_path / "missing")


def test_an_empty_folder_reads_to_an_empty_ruleset(tmp_path):
    root = folder(tmp_path, {})
    rules = read_rules(root)
    assert problems(rules) == []
    assert rules.root == root.resolve()
    assert rules.counts == {}
    assert rules.settings == {}
    assert rules.lexicons == {} and rules.gazetteer == [] and rules.patterns == []
    assert set(rules.shapes) == set(SHAPE_NAMES)
    assert rules.period_prefixes == ()


def test_read_rules_without_a_folder_reads_the_shipped_rules():
    rules = read_rules()
    assert rules.root == ROOT / "rules"
    assert rules.problems == []
    assert rules.counts["gazetteers/countries.csv"] > 200
    assert "gazetteers/country_forms.csv" not in rules.counts  # a source file: checked, not loaded


def test_lexicon_entries_keep_their_value_and_source(tmp_path):
    root = folder(tmp_path, {"lexicons/scales.csv": "form,factor\nmillions,1000000\nmilliard,1e9\n"})
    rules = read_rules(root)
    assert rules.lexicons["scale"] == [
        LexiconEntry("millions", Decimal("1000000"), "scales.csv:2"),
        LexiconEntry("milliard", Decimal("1e9"), "scales.csv:3"),
    ]
    assert rules.counts["lexicons/scales.csv"] == 2


def test_a_form_listed_twice_in_a_lexicon_is_e012_with_both_lines(tmp_path):
    text = "form,value\nlundi,0\nmardi,1\nLundi,0\nmercredi,2\n"
    rules = read_rules(folder(tmp_path, {"lexicons/weekdays.csv": text}))
    assert [entry.form for entry in rules.lexicons["weekdays"]] == ["lundi", "mardi", "mercredi"]  # read on
    assert rules.counts["lexicons/weekdays.csv"] == 3
    assert len(rules.problems) == 1
    problem = rules.problems[0]
    assert problem.line == 4 and problem.path.endswith("weekdays.csv")
    assert problem.message == "E012 form 'Lundi' is claimed by line 2 and line 4"


def test_an_unlisted_lexicon_is_a_plain_form_value_class(tmp_path):
    rules = read_rules(folder(tmp_path, {"lexicons/colours.csv": "form,value\nrouge,red\nbleu,\n"}))
    assert rules.lexicon_values("colours") == {"rouge": "red", "bleu": ""}
    assert rules.lexicons["colours"][0].source == "colours.csv:2"


def test_declared_files_put_lexicons_first_then_the_unlisted_ones_then_the_rest(tmp_path):
    root = folder(tmp_path, {"lexicons/zz_extra.csv": "form,value\n", "lexicons/scales.csv": "form,factor\n"})
    declared = _declared_files(root)
    paths = [spec.path for spec in declared]
    lexicons = [spec.path for spec in RULE_FILES if spec.target == "lexicon"]
    assert paths[: len(lexicons)] == lexicons
    assert paths[len(lexicons)] == "lexicons/zz_extra.csv"
    assert declared[len(lexicons)].name == "zz_extra"
    assert paths[len(lexicons) + 1 :] == [spec.path for spec in RULE_FILES if spec.target != "lexicon"]
    assert paths.count("lexicons/scales.csv") == 1


@pytest.mark.parametrize(
    ("file", "text", "attribute", "expected", "count"),
    [
        ("gazetteers/keep_case.csv", "form,reason\nMILAN,city\nArthur,name\n", "keep_case", {"MILAN", "Arthur"}, 2),
        ("gazetteers/demonym_blockers.csv", "form,reason\nLangue,x\nÉté,y\n", "demonym_blockers", {"langue", "ete"}, 2),
        ("deals/list_words.csv", 'form\n","\nEt\n', "list_words", {",", "et"}, 2),
        ("gazetteers/not_designations.csv", "form\nCOVID-19\n", "not_designations", {"COVID-19"}, 1),
    ],
)
def test_word_files_become_word_sets(tmp_path, file, text, attribute, expected, count):
    rules = read_rules(folder(tmp_path, {file: text}))
    assert problems(rules) == []
    assert getattr(rules, attribute) == frozenset(expected)
    assert rules.counts[file] == count


def test_capital_place_cues_by_position(tmp_path):
    text = "form,where\nSommet,before\nvisite,\nà bord,after\nprès,of\nsommet,after\n"
    rules = read_rules(folder(tmp_path, {"gazetteers/capital_place_cues.csv": text}))
    assert rules.capital_place_cues == {
        "before": frozenset({"sommet", "visite"}),
        "after": frozenset({"a bord", "sommet"}),
        "of": frozenset({"pres"}),
    }
    assert rules.counts["gazetteers/capital_place_cues.csv"] == 5


def test_demonym_prefixes(tmp_path):
    text = "iso3,prefix\nFRA,Franco\nDEU,germano\nIND,indo\n"
    rules = read_rules(folder(tmp_path, {"gazetteers/demonym_prefixes.csv": text}))
    assert rules.demonym_prefixes == {"franco": "FRA", "germano": "DEU", "indo": "IND"}
    assert rules.counts["gazetteers/demonym_prefixes.csv"] == 3


def test_deal_cues_keep_words_kind_direction_source_and_stage(tmp_path):
    files = {
        "deals/triggers.csv": "cue,status,direction,unstaged\nLivr*,delivered,out,\nla vente,,out,ordered\nacquis*,ordered,in,\n",
        "deals/hedges.csv": "cue,kind\npourr*,conditional\n",
    }
    rules = read_rules(folder(tmp_path, files))
    assert problems(rules) == []
    assert rules.deal_cues["triggers"] == [
        DealCue(("livr*",), "delivered", "out", "triggers.csv:2", ""),
        DealCue(("la", "vente"), "", "out", "triggers.csv:3", "ordered"),
        DealCue(("acquis*",), "ordered", "in", "triggers.csv:4", ""),
    ]
    assert rules.deal_cues["hedges"] == [DealCue(("pourr*",), "conditional", "", "hedges.csv:2", "")]
    assert rules.counts["deals/triggers.csv"] == 3 and rules.counts["deals/hedges.csv"] == 1


def test_anaphors_future_stages_and_furniture_labels(tmp_path):
    files = {
        "deals/anaphors.csv": "form,kind\nCes,demonstrative\nce,demonstrative\nen,pronoun\n",
        "deals/future_stages.csv": "status,becomes\ndelivered,ordered\nordered,negotiating\n",
        "furniture/labels.csv": "form,kind\nPublié le :,update_stamp\n  Lire   aussi ,related\n",
    }
    rules = read_rules(folder(tmp_path, files))
    assert problems(rules) == []
    assert rules.anaphors == {"demonstrative": frozenset({"ces", "ce"}), "pronoun": frozenset({"en"})}
    assert rules.future_stages == {"delivered": "ordered", "ordered": "negotiating"}
    assert rules.furniture_labels == {"publie le": "update_stamp", "lire aussi": "related"}
    assert rules.counts["deals/anaphors.csv"] == 3
    assert rules.counts["deals/future_stages.csv"] == 2
    assert rules.counts["furniture/labels.csv"] == 2


def test_furniture_patterns_are_compiled_with_their_kind_and_source(tmp_path):
    files = {
        "furniture/lines.csv": "pattern,kind\nphotos? ?:.*,credit\n",
        "furniture/inline.csv": "pattern,kind\nlire aussi,related\npartager,share\n",
    }
    rules = read_rules(folder(tmp_path, files))
    assert problems(rules) == []
    [line] = rules.furniture_patterns
    assert isinstance(line, FurniturePattern)
    assert (line.regex.pattern, line.kind, line.source) == ("(?:photos? ?:.*)", "credit", "lines.csv:2")
    assert line.regex.flags & re.IGNORECASE
    assert [(p.kind, p.source) for p in rules.furniture_inline] == [
        ("related", "inline.csv:2"),
        ("share", "inline.csv:3"),
    ]
    assert rules.counts["furniture/lines.csv"] == 1 and rules.counts["furniture/inline.csv"] == 2


def test_countries_and_named_gazetteers_are_counted(tmp_path):
    files = {
        "gazetteers/countries.csv": "iso3,form,kind,source\nFRA,France,name,\nFRA,français,demonym,\nFRA,Paris,capital,\n",
        "gazetteers/regions.csv": "name,aliases,kind\nOTAN,Otan|Alliance atlantique,alliance\n",
        "gazetteers/country_forms.csv": "iso3,form,kind\nFRA,France,name\n",
    }
    rules = read_rules(folder(tmp_path, files))
    assert problems(rules) == []
    assert rules.counts == {"gazetteers/countries.csv": 3, "gazetteers/regions.csv": 1}
    assert [(e.label, e.form) for e in rules.gazetteer] == [
        ("COUNTRY", "France"),
        ("COUNTRY", "français"),
        ("COUNTRY", "Paris"),
        ("REGION", "OTAN"),
        ("REGION", "Otan"),
        ("REGION", "Alliance atlantique"),
    ]


def test_a_country_form_claimed_by_two_countries_is_e012(tmp_path):
    files = {
        "gazetteers/countries.csv": "iso3,form,kind,source\nCOD,Congo,name,\nCOG,Congo,name,\nCOG,Brazzaville,capital,\n"
    }
    rules = read_rules(folder(tmp_path, files))
    assert [(e.value, e.form) for e in rules.gazetteer] == [("COD", "Congo"), ("COG", "Brazzaville")]
    assert [(p.line, p.message) for p in rules.problems] == [
        (3, "E012 form 'Congo' is claimed by COD (countries.csv:2) and COG")
    ]


def test_a_source_file_is_checked_not_loaded(tmp_path):
    rules = read_rules(folder(tmp_path, {"gazetteers/country_forms.csv": "iso3,form,kind\nXYZ,Zorglubie,name\n"}))
    assert rules.counts == {} and rules.gazetteer == []
    assert [(p.line, p.message) for p in rules.problems] == [(2, "E010 'XYZ' is not an ISO 3166-1 alpha-3 code")]


def test_settings_are_read_and_a_bad_settings_file_is_e017(tmp_path):
    rules = read_rules(folder(tmp_path, {"settings.toml": "[countries]\ncapitals = false\n"}))
    assert rules.settings == {"countries": {"capitals": False}}
    assert rules.setting("countries", "capitals", True) is False
    rules = read_rules(folder(tmp_path / "bad", {"settings.toml": "[countries\n"}))
    assert rules.settings == {}
    [problem] = rules.problems
    assert problem.path.endswith("settings.toml") and problem.line is None
    with pytest.raises(tomllib.TOMLDecodeError) as decode:
        tomllib.loads("[countries\n")
    assert problem.message == f"E017 invalid settings file: {decode.value}"  # what the parser said, and where


@pytest.mark.parametrize(
    ("shapes", "expected"),
    [
        (None, [f"E039 missing token shape '{name}' (section [shapes])" for name in SHAPE_NAMES]),
        (
            "[shapes]\nyear = '^[0-9]{4}$'\n",
            [f"E039 missing token shape '{n}' (section [shapes])" for n in SHAPE_NAMES[:-1]],
        ),
        (SHAPES.replace("day = '^x$'", "day = '(['"), ["E019 invalid regular expression: day: "]),
        (SHAPES.replace("day = '^x$'", "day = 5"), ["E019 invalid regular expression: day: "]),
        ("[shapes\n", ["E017 invalid settings file: "] + ["E039"] * len(SHAPE_NAMES)),
    ],
    ids=["no-file", "only-year", "bad-regex", "not-a-string", "bad-toml"],
)
def test_token_shapes_are_checked(tmp_path, shapes, expected):
    rules = read_rules(folder(tmp_path, {}, shapes=shapes))
    assert len(rules.problems) == len(expected)
    for problem, start in zip(rules.problems, expected, strict=True):
        assert problem.message.startswith(start) and problem.path.endswith("shapes.toml") and problem.line is None


def test_token_shapes_and_period_prefixes(tmp_path):
    shapes = (
        SHAPES.replace("year = '^x$'", "year = '^(?:19|20)[0-9]{2}$'")
        + "[tokenizer]\nperiod_prefixes = ['mi', 'fin']\n"
    )
    rules = read_rules(folder(tmp_path, {}, shapes=shapes))
    assert rules.problems == []
    assert rules.shape("year").match("2024") and not rules.shape("year").match("1850")
    assert rules.period_prefixes == ("mi", "fin")


def test_patterns_and_arguments_are_loaded(tmp_path):
    files = {
        "patterns/money.jsonl": '{"id": "m1", "label": "MONEY", "pattern": [{"LIKE_NUM": true}]}\n',
        "deals/arguments.jsonl": '{"id": "a1", "kind": "subject", "pattern": [{"RIGHT_ID": "clause", "RIGHT_ATTRS": {}}, '
        '{"LEFT_ID": "clause", "REL_OP": ">", "RIGHT_ID": "party", "RIGHT_ATTRS": {"DEP": "nsubj"}}]}\n',
    }
    rules = read_rules(folder(tmp_path, files))
    assert problems(rules) == []
    assert [p.id for p in rules.patterns] == ["m1"] and [a.id for a in rules.arguments] == ["a1"]


def test_load_rules_raises_the_first_problem(tmp_path):
    root = folder(tmp_path, {"lexicons/scales.csv": "form,factor\nmillions,beaucoup\ncent,cent\n"})
    with pytest.raises(RulesError) as error:
        load_rules(root)
    assert error.value.line == 2 and "beaucoup" in error.value.message


def test_load_rules_reads_a_folder_once_until_a_file_changes(tmp_path):
    root = folder(tmp_path, {"lexicons/scales.csv": "form,factor\nmillions,1000000\n"})
    first = load_rules(root)
    assert load_rules(str(root)) is first
    (root / "lexicons" / "scales.csv").write_text(
        "form,factor\nmillions,1000000\nmilliards,1000000000\n", encoding="utf-8"
    )
    second = load_rules(root)
    assert second is not first
    assert [e.form for e in second.lexicons["scale"]] == ["millions", "milliards"]


def test_load_rules_sees_a_new_file(tmp_path):
    root = folder(tmp_path, {})
    first = load_rules(root)
    (root / "lexicons").mkdir()
    (root / "lexicons" / "scales.csv").write_text("form,factor\nmillions,1000000\n", encoding="utf-8")
    second = load_rules(root)
    assert second is not first and second.counts == {"lexicons/scales.csv": 1}


def test_load_rules_without_a_folder_loads_the_shipped_rules():
    assert load_rules().root == ROOT / "rules"
    assert load_rules() is load_rules(ROOT / "rules")


def test_load_rules_sees_a_renamed_file(tmp_path):
    """A rename keeps the modification time and size: the file's name is part of the folder's state."""
    root = folder(tmp_path, {"lexicons/colours.csv": "form,value\nrouge,red\n"})
    assert "colours" in load_rules(root).lexicons
    (root / "lexicons" / "colours.csv").rename(root / "lexicons" / "colors.csv")
    rules = load_rules(root)
    assert "colors" in rules.lexicons and "colours" not in rules.lexicons

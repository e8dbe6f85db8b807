"""The stored mutmut verdicts: saved from `mutants/`, merged across runs, restored for unchanged functions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import mutation_store as ms


def write_meta(folder: Path, module: str, hashes: dict[str, str], codes: dict[str, int | None]) -> Path:
    meta = folder / f"{module}.meta"
    meta.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "exit_code_by_key": codes,
        "hash_by_function_name": hashes,
        "type_check_error_by_key": {},
        "durations_by_key": {},
        "estimated_durations_by_key": {},
    }
    meta.write_text(json.dumps(data), encoding="utf-8")
    return meta


@pytest.mark.parametrize(
    ("path", "prefix"),
    [
        ("extract/numbers.py", "extract.numbers."),
        ("extract/io/header.py", "extract.io.header."),
        ("extract/report/__init__.py", "extract.report."),
        ("extract/__init__.py", "extract."),
    ],
)
def test_module_prefix_is_mutmuts_name_prefix(path, prefix):
    assert ms.module_prefix(path) == prefix


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("extract.numbers.x_parse__mutmut_3", ("x_parse", 3)),
        ("extract.numbers.x_read__mutmut_12", ("x_read", 12)),
        ("extract.numbers.xǁReaderǁ__init____mutmut_1", ("xǁReaderǁ__init__", 1)),
    ],
)
def test_split_key(key, expected):
    assert ms.split_key(key, "extract.numbers.") == expected


@pytest.mark.parametrize(
    ("old", "new", "kept"),
    [
        (None, 1, 1),  # a verdict beats none
        (1, None, 1),  # none never erases one
        (0, 1, 1),  # caught beats survived
        (1, 0, 1),  # survived never replaces caught
        (0, 33, 0),  # of two verdicts that did not catch, the first stays
        (None, 0, 0),
        (None, None, None),
    ],
)
def test_better_keeps_a_judged_and_caught_verdict(old, new, kept):
    assert ms.better(old, new) == kept


def test_save_merges_folders_and_the_store_by_function_hash(tmp_path, monkeypatch):
    monkeypatch.setattr(ms, "STORE", tmp_path / "verdicts.tsv")
    main, helper = tmp_path / "main", tmp_path / "helper"
    module = "extract/numbers.py"
    write_meta(
        main,
        module,
        {"x_a": "h1", "x_b": "h2"},
        {
            "extract.numbers.x_a__mutmut_1": None,
            "extract.numbers.x_a__mutmut_2": 0,
            "extract.numbers.x_b__mutmut_1": None,
        },
    )
    # the helper judged x_a with the same source, x_b with an older source (its verdict is stale)
    write_meta(
        helper,
        module,
        {"x_a": "h1", "x_b": "old"},
        {"extract.numbers.x_a__mutmut_1": 1, "extract.numbers.x_a__mutmut_2": 1, "extract.numbers.x_b__mutmut_1": 1},
    )
    store = ms.save([main, helper])
    assert store[module]["x_a"].codes == {1: 1, 2: 1}
    assert store[module]["x_b"].codes == {1: None}
    again = ms.read_store(ms.STORE)
    assert {name: (v.source_hash, v.codes) for name, v in again[module].items()} == {
        "x_a": ("h1", {1: 1, 2: 1}),
        "x_b": ("h2", {1: None}),
    }


def test_restore_writes_meta_mutmut_merges_and_skips_changed_functions(tmp_path):
    """Catches come back; a survivor (x_parse 2) is judged again, like a mutant never judged."""
    store: ms.Store = {
        "extract/io/header.py": {
            "x_parse": ms.FunctionVerdicts("h1", {1: 1, 2: 0, 3: None}),
            "x_gone": ms.FunctionVerdicts("h9", {1: 1}),
        }
    }
    folder = tmp_path / "mutants"
    assert ms.restore(folder, store) == 2  # the catches: x_parse 1, x_gone 1 (mutmut drops what no longer exists)
    data = json.loads((folder / "extract/io/header.py.meta").read_text(encoding="utf-8"))
    assert data["hash_by_function_name"] == {"x_parse": "h1", "x_gone": "h9"}
    assert data["exit_code_by_key"] == {
        "extract.io.header.x_parse__mutmut_1": 1,
        "extract.io.header.x_gone__mutmut_1": 1,
    }
    # an existing meta whose function changed keeps its own (empty) verdicts for it
    write_meta(
        folder,
        "extract/io/header.py",
        {"x_parse": "h2"},
        {"extract.io.header.x_parse__mutmut_1": None, "extract.io.header.x_parse__mutmut_2": None},
    )
    assert ms.restore(folder, store) == 0
    data = json.loads((folder / "extract/io/header.py.meta").read_text(encoding="utf-8"))
    assert set(data["exit_code_by_key"].values()) == {None}


def test_a_malformed_store_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "verdicts.tsv"
    path.write_text("# header\nextract/numbers.py\tx_a\th1\t1:1\nbroken line\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"verdicts\.tsv:3: not a verdict line"):
        ms.read_store(path)


def test_a_narrowed_run_keeps_the_other_modules_stored_verdicts(tmp_path, monkeypatch):
    monkeypatch.setattr(ms, "STORE", tmp_path / "verdicts.tsv")
    ms.write_store(
        {
            "extract/numbers.py": {"x_a": ms.FunctionVerdicts("h1", {1: 1, 2: None})},
            "extract/textnorm.py": {"x_t": ms.FunctionVerdicts("t1", {1: 0})},
        }
    )
    # one run mutated numbers.py only, another textnorm.py only (a newer source of x_t)
    numbers, textnorm = tmp_path / "numbers", tmp_path / "textnorm"
    write_meta(
        numbers,
        "extract/numbers.py",
        {"x_a": "h1"},
        {"extract.numbers.x_a__mutmut_1": None, "extract.numbers.x_a__mutmut_2": 1},
    )
    write_meta(textnorm, "extract/textnorm.py", {"x_t": "t2"}, {"extract.textnorm.x_t__mutmut_1": None})
    store = ms.save([numbers, textnorm])
    assert store["extract/numbers.py"]["x_a"].codes == {1: 1, 2: 1}
    assert (store["extract/textnorm.py"]["x_t"].source_hash, store["extract/textnorm.py"]["x_t"].codes) == (
        "t2",
        {1: None},
    )
    # neither run held it: the store's lines are kept as they were
    ms.write_store({**store, "extract/io/header.py": {"x_h": ms.FunctionVerdicts("k", {1: 1})}})
    again = ms.save([numbers])
    assert again["extract/io/header.py"]["x_h"].codes == {1: 1}
    assert again["extract/textnorm.py"]["x_t"].source_hash == "t2"


def test_a_narrowed_folder_keeps_the_verdicts_it_does_not_list(tmp_path, monkeypatch):
    """A run narrowed with only_mutate leaves the other modules' meta files as `restore` wrote them
    (the catches only, or no verdict at all): the store's survivors and unjudged mutants stay."""
    monkeypatch.setattr(ms, "STORE", tmp_path / "verdicts.tsv")
    ms.write_store(
        {
            "extract/numbers.py": {"x_a": ms.FunctionVerdicts("h1", {1: 1, 2: 0, 3: 33, 4: None})},
            "extract/__init__.py": {"x___dir__": ms.FunctionVerdicts("d1", {1: None})},
        }
    )
    folder = tmp_path / "mutants"
    assert ms.restore(folder) == 1
    write_meta(folder, "extract/batch.py", {"x_b": "b1"}, {"extract.batch.x_b__mutmut_1": 1})  # the narrowed module
    store = ms.save([folder])
    assert store["extract/numbers.py"]["x_a"].codes == {1: 1, 2: 0, 3: 33, 4: None}
    assert store["extract/__init__.py"]["x___dir__"].codes == {1: None}
    assert store["extract/batch.py"]["x_b"].codes == {1: 1}
    assert ms.read_store() == store


def test_a_function_without_mutants_reads_back(tmp_path):
    store = {"extract/__init__.py": {"x___dir__": ms.FunctionVerdicts("d1", {})}}
    ms.write_store(store, tmp_path / "verdicts.tsv")
    assert ms.read_store(tmp_path / "verdicts.tsv") == store


def test_save_without_any_results_names_the_folders(tmp_path, monkeypatch):
    monkeypatch.setattr(ms, "STORE", tmp_path / "verdicts.tsv")
    with pytest.raises(SystemExit, match="empty"):
        ms.save([tmp_path / "empty"])


def test_a_restored_meta_mutmut_did_not_make_again_keeps_the_stored_mutants(tmp_path, monkeypatch):
    """A run narrowed to one module leaves the other modules' metas as `restore` wrote them (the
    catches only): saving it must not drop their survivors and mutants not run."""
    monkeypatch.setattr(ms, "STORE", tmp_path / "verdicts.tsv")
    ms.write_store(
        {
            "extract/numbers.py": {
                "x_a": ms.FunctionVerdicts("h1", {1: 1, 2: 0, 3: None}),
                "x_empty": ms.FunctionVerdicts("h2", {}),
            }
        }
    )
    folder = tmp_path / "mutants"
    assert ms.restore(folder) == 1
    saved = ms.save([folder])
    assert saved["extract/numbers.py"]["x_a"].codes == {1: 1, 2: 0, 3: None}
    again = ms.read_store()
    assert again["extract/numbers.py"]["x_a"].codes == {1: 1, 2: 0, 3: None}
    assert again["extract/numbers.py"]["x_empty"].codes == {}

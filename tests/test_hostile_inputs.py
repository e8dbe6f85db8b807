"""Valid but ugly input: stray control bytes, cells longer than the csv module's field limit."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from extract.cli import main
from extract.errors import Messages
from extract.io.inputs import decode_text, iter_documents

ARTICLE = "Le Maroc a commandé 18 lanceurs M142 HIMARS pour 524 millions de dollars le 11 avril.\n"
CLEAN = ARTICLE * 4


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def run(tmp_path: Path, *inputs: Path, extra: tuple[str, ...] = ()) -> tuple[int, Path]:
    out = tmp_path / "out"
    code = main(["run", *map(str, inputs), "--out", str(out), "--fast", "--quiet", *extra])
    return code, out


def with_controls(text: str, controls: str) -> str:
    """`text` with one control character after each of its first full stops."""
    for control in controls:
        text = text.replace(". ", "." + control, 1) if ". " in text else text.replace(".\n", "." + control, 1)
    return text


# (name, bytes, expected: None refused as binary, else the number of control characters read as spaces)
CONTROL_CASES = [
    ("clean", CLEAN.encode(), 0),
    ("two NULs", with_controls(CLEAN, "\x00\x00").encode(), 2),
    ("NUL, SOH, DEL", with_controls(CLEAN, "\x00\x01\x7f").encode(), 3),
    ("NUL in cp1252 text", with_controls(CLEAN, "\x00").encode("cp1252"), 1),
    ("page breaks are text", CLEAN.replace("\n", "\x0c").encode(), 0),
    ("mostly binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, None),
    ("UTF-16", CLEAN.encode("utf-16"), None),
    ("NUL in a short text", b"Le Maroc\x00 a command\xc3\xa9 18 lanceurs.", None),  # 3 % of its bytes
]


@pytest.mark.parametrize(("name", "data", "spaces"), CONTROL_CASES, ids=[c[0] for c in CONTROL_CASES])
def test_stray_control_bytes_are_read_as_spaces(tmp_path, name, data, spaces):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    [document] = iter_documents([str(path)])
    if spaces is None:
        assert "E026 binary file" in document.error and str(path) in document.error
        return
    assert not document.error
    assert len(document.text) == len(decode_text(data, "x")[0])  # offsets unchanged
    assert not any(ch in document.text for ch in "\x00\x01\x7f")
    assert (f"W001 {spaces} control" in document.warning) if spaces else document.warning == ""


def test_stray_nul_bytes_give_the_clean_texts_tables(tmp_path):
    (tmp_path / "clean").mkdir()
    (tmp_path / "hostile").mkdir()
    (tmp_path / "clean" / "a.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "hostile" / "a.txt").write_bytes(with_controls(CLEAN, "\x00\x00\x01").encode())
    _, clean_out = run(tmp_path / "c", tmp_path / "clean")
    code, out = run(tmp_path / "h", tmp_path / "hostile")
    assert code == 0
    [document] = read(out / "documents.csv")
    assert document["status"] == "ok" and document["warning"].startswith("W001 3 control character(s)")
    assert (out / "mentions.csv").read_text(encoding="utf-8-sig") == (clean_out / "mentions.csv").read_text(
        encoding="utf-8-sig"
    )
    assert len(read(out / "mentions.csv")) == 20


def test_control_bytes_in_table_cells(tmp_path):
    hostile = with_controls(CLEAN, "\x00\x01")
    table = tmp_path / "rows.jsonl"
    table.write_text(json.dumps({"id": "j1", "text": hostile}).replace("\\u0000", "\x00") + "\n", encoding="utf-8")
    frame = tmp_path / "rows.csv"
    pd.DataFrame({"id": ["c1"], "text": [hostile]}).to_csv(frame, index=False)
    documents = list(iter_documents([str(table), str(frame)]))
    assert [(d.doc_id, d.error, d.warning[:5]) for d in documents] == [("j1", "", "W001 "), ("c1", "", "W001 ")]
    assert all("\x00" not in d.text and len(d.text) == len(hostile) for d in documents)


def long_article(chars: int) -> str:
    """A valid article of about `chars` characters (a long report in one cell)."""
    return (ARTICLE * (chars // len(ARTICLE) + 1))[:chars].rsplit(".", 1)[0] + "."


@pytest.mark.parametrize("kind", ["csv", "jsonl", "parquet"])
def test_no_field_limit_below_max_chars(tmp_path, kind):
    rows = pd.DataFrame(
        {"id": ["long", "over", "short"], "text": [long_article(210_000), long_article(300_000), ARTICLE]}
    )
    table = tmp_path / f"rows.{kind}"
    if kind == "csv":
        rows.to_csv(table, index=False)
    elif kind == "jsonl":
        rows.to_json(table, orient="records", lines=True, force_ascii=False)
    else:
        rows.to_parquet(table, index=False)
    documents = {d.doc_id: d for d in iter_documents([str(table)], max_chars=250_000)}
    assert len(documents["long"].text) == len(rows.text[0]) and not documents["long"].error
    size = len(rows.text[1])
    assert documents["over"].error == f"{table}:2: {Messages.E032.format(size=size, limit=250_000)}"
    assert documents["short"].text == ARTICLE and not documents["short"].error

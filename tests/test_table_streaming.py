"""JSONL tables are read a block at a time (memory does not grow with the table) and give the
documents the whole-file reading gave: same encoding choice, texts, errors and line numbers.
Parquet tables are read a batch of rows at a time."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

from extract.io import inputs
from extract.io.inputs import Document, decode_text, iter_documents


def _line(doc_id: str, text: str) -> str:
    return json.dumps({"id": doc_id, "text": text}, ensure_ascii=False)


UTF8 = (_line("a", "Le Maroc commande 18 HIMARS.") + "\n" + _line("b", "Kiev reçoit des Caesar.") + "\n").encode()
CASES = {
    "utf-8": UTF8,
    "utf-8-bom": b"\xef\xbb\xbf" + UTF8,
    "no-final-line-feed": UTF8.rstrip(b"\n"),
    "blank-and-bad-lines": UTF8 + b"\n   \n{not json\n" + _line("c", "Alger.").encode() + b"\n",
    "cp1252": (_line("a", "Livraison prévue – 2025 €") + "\n").encode("cp1252"),
    "latin-1-beyond-cp1252": (_line("a", "octet \x81 seul") + "\n").encode("latin-1"),
    "utf-8-cut-at-the-end": UTF8 + b'{"id": "z", "text": "\xc3',
    "binary": b"\x00" * 50 + UTF8,
    "control-bytes-under-the-share": UTF8.replace(b"18", b"1\x008") * 50,
}


def _whole_file_documents(data: bytes, path):
    """What reading the table whole gives: the encoding decode_text chooses, then line by line."""
    text, encoding = decode_text(data, str(path))
    return encoding, [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("data", list(CASES.values()), ids=list(CASES))
def test_streamed_table_reads_as_the_whole_file(tmp_path, monkeypatch, data, gz):
    monkeypatch.setattr(inputs, "READ_BLOCK", 7)  # blocks that cut UTF-8 sequences and lines
    path = tmp_path / ("t.jsonl.gz" if gz else "t.jsonl")
    path.write_bytes(gzip.compress(data) if gz else data)
    documents = list(iter_documents([str(path)]))
    if b"\x00" * 50 in data:
        assert len(documents) == 1 and "E026" in documents[0].error
        return
    encoding, lines = _whole_file_documents(data, path)
    assert inputs._file_encoding(path) == encoding
    assert [line for line in inputs._text_lines(path, encoding) if line.strip()] == lines
    good = [json.loads(line, strict=False) for line in lines if line.startswith('{"id"') and line.endswith("}")]
    assert [d.text for d in documents if not d.error] == [row["text"].replace("\x00", " ") for row in good]


def test_a_bad_line_is_named_by_its_number(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_bytes(CASES["blank-and-bad-lines"])
    errors = [d for d in iter_documents([str(path)]) if d.error]
    assert [d.source for d in errors] == [f"{path}:5"] and "E024" in errors[0].error


def test_a_corrupt_gzip_table_is_an_error_row(tmp_path):
    path = tmp_path / "t.jsonl.gz"
    path.write_bytes(b"not gzip at all")
    (document,) = iter_documents([str(path)])
    assert document.error == f"{path}: E025 cannot read: Not a gzipped file (b'no')"


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        (
            "cut.jsonl.gz",
            gzip.compress(UTF8)[:-12],
            "Compressed file ended before the end-of-stream marker was reached",
        ),
        ("missing.jsonl", None, "No such file or directory"),
    ],
    ids=["truncated-gzip", "missing"],
)
def test_an_unreadable_table_names_the_reason(tmp_path, name, data, error):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    (document,) = inputs._jsonl_documents(path)
    assert (document.doc_id, document.error) == (path.stem, f"{path}: E025 cannot read: {error}")


TEXT = "Le Maroc commande 18 lanceurs."


def test_parquet_documents(tmp_path):
    path = tmp_path / "p.parquet"
    frame = pd.DataFrame({"id": ["a", None], "text": [TEXT, "Kiev."], "title": ["T", None], "extra": [1, 2]})
    frame.to_parquet(path)
    documents = list(inputs._parquet_documents(path))
    assert documents == [
        Document("a", f"{path}:1", TEXT, title="T", encoding="utf-8"),
        Document("p:2", f"{path}:2", "Kiev.", encoding="utf-8"),
    ]


def test_parquet_rows_are_numbered_across_batches(tmp_path):
    path = tmp_path / "big.parquet"
    pd.DataFrame({"text": [f"t{i}" for i in range(600)]}).to_parquet(path, row_group_size=100)
    documents = list(inputs._parquet_documents(path))
    assert [d.doc_id for d in documents] == [f"big:{i}" for i in range(1, 601)]
    assert documents[599].text == "t599"


def test_parquet_errors(tmp_path):
    path = tmp_path / "p.parquet"
    pd.DataFrame({"id": ["a"], "body": [TEXT]}).to_parquet(path)
    assert list(inputs._parquet_documents(path)) == [
        Document("p", str(path), error=f"{path}: E022 table has no 'text' column (columns: ['id', 'body'])")
    ]
    (tmp_path / "bad.parquet").write_bytes(b"not parquet")
    [document] = inputs._parquet_documents(tmp_path / "bad.parquet")
    assert (document.doc_id, document.source) == ("bad", str(tmp_path / "bad.parquet"))
    assert document.error.startswith(f"{tmp_path / 'bad.parquet'}: E025 cannot read: Parquet magic bytes not found")

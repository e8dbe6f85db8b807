"""extract.io.inputs function by function: decoding, control bytes, size limits, doc_ids, error rows."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from extract.errors import InputError
from extract.io import inputs
from extract.io.inputs import Document, controls_as_spaces, decode_text, iter_documents

TEXT = "Le Maroc commande 18 lanceurs."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Le Maroc a reçu.".encode(), ("Le Maroc a reçu.", "utf-8")),
        (b"\xef\xbb\xbfLe Maroc", ("Le Maroc", "utf-8")),  # the BOM is not text
        ("Livraison – 2025 €".encode("cp1252"), ("Livraison – 2025 €", "cp1252")),
        (b"octet \x81 seul", ("octet \x81 seul", "latin-1")),  # undefined in cp1252
        (b"", ("", "utf-8")),
        (b"a\tb\nc\rd\x0ce\x0bf", ("a\tb\nc\rd\x0ce\x0bf", "utf-8")),  # layout controls are not control bytes
    ],
    ids=["utf-8", "bom", "cp1252", "latin-1", "empty", "layout-controls"],
)
def test_decode_text(data, expected):
    assert decode_text(data, "f.txt") == expected


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"a" * 99 + b"\x00", False),  # 1 % exactly: still text
        (b"a" * 98 + b"\x00\x00", True),  # 2 %
        (b"\x00", True),
        (b"a" * 99 + b"\x7f", False),
        (b"a" * 98 + b"\x1f\x7f", True),
        (b"a" * 98 + b"\x01\x08", True),
        (b"a" * 98 + b"\x0e\x1b", True),
    ],
    ids=["one-percent", "two-percent", "only-nul", "del", "us-del", "soh-bs", "so-esc"],
)
def test_a_share_of_control_bytes_over_one_percent_is_binary(data, binary):
    if binary:
        with pytest.raises(InputError) as caught:
            decode_text(data, "f.txt")
        assert caught.value.path == "f.txt" and caught.value.message.startswith("E026 binary file")
        share = round(100 * (len(data) - len(data.translate(None, inputs.CONTROL_BYTES))) / len(data))
        assert f"({share}% of its bytes" in str(caught.value)
    else:
        assert decode_text(data, "f.txt")[1] == "utf-8"


def test_control_bytes_are_exactly_the_stray_ones():
    assert set(inputs.CONTROL_BYTES) == set(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D} | {0x7F}


@pytest.mark.parametrize(
    ("text", "expected", "count"),
    [("Le Maroc", "Le Maroc", 0), ("Le\x00Maroc", "Le Maroc", 1), ("\x00\x01\x7f", "   ", 3), ("é\x1bà", "é à", 1)]
    + [("tab\tline\ncr\r", "tab\tline\ncr\r", 0)],
)
def test_controls_as_spaces(text, expected, count):
    spaced, warning = controls_as_spaces(text)
    assert spaced == expected and len(spaced) == len(text)
    assert warning == (
        f"W001 {count:,} control character(s) (NUL or other stray bytes) read as spaces" if count else ""
    )


def test_read_file_decompresses_gz_and_reports_unreadable(tmp_path):
    (tmp_path / "a.txt.GZ").write_bytes(gzip.compress("reçu".encode("cp1252")))
    assert inputs._read_file(tmp_path / "a.txt.GZ") == ("reçu", "cp1252")
    (tmp_path / "bad.gz").write_bytes(b"not gzip")  # BadGzipFile
    with pytest.raises(InputError, match="E025 cannot read: Not a gzipped file"):
        inputs._read_file(tmp_path / "bad.gz")
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(TEXT.encode())[:-10])  # EOFError: no strerror
    with pytest.raises(InputError, match="E025 cannot read: Compressed file ended before the end-of-stream"):
        inputs._read_file(tmp_path / "cut.txt.gz")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(InputError) as caught:
        inputs._read_file(tmp_path / "dir.txt")
    assert str(caught.value) == f"{tmp_path / 'dir.txt'}: E025 cannot read: Is a directory"


def test_too_large_message():
    expected = "f.txt: E032 too large (1,234,567 characters or bytes; limit 1,000, see --max-chars)"
    assert inputs._too_large("f.txt", 1234567, 1000) == expected


@pytest.mark.parametrize(
    ("content", "limit", "text", "encoding", "error", "warning"),
    [
        (TEXT, 100, TEXT, "utf-8", "", ""),
        (TEXT, len(TEXT), TEXT, "utf-8", "", ""),  # at the limit: read
        (TEXT, len(TEXT) - 1, "", "utf-8", "E032 too large (30 characters or bytes; limit 29, see --max-chars)", ""),
        ("é" * 10, 10, "é" * 10, "utf-8", "", ""),  # 20 bytes, 10 characters: the limit counts characters
        ("x" * 41, 10, "", "", "E032 too large (41 characters or bytes; limit 10, see --max-chars)", ""),
        ("😀" * 10, 10, "😀" * 10, "utf-8", "", ""),  # 40 bytes: 4 bytes a character at most, still read
        ("  \n\t ", 100, "", "utf-8", "E028 empty file (no text)", ""),
        ("\x00" * 9, 100, "", "", "E026 binary file (100% of its bytes are control bytes such as NUL)", ""),
        ("a" * 150 + "\x00b", 200, "a" * 150 + " b", "utf-8", "", controls_as_spaces("\x00")[1]),
    ],
    ids=[
        "ok",
        "at-limit",
        "over-limit",
        "characters-not-bytes",
        "bytes-over-4x",
        "bytes-at-4x",
        "blank",
        "binary",
        "nul",
    ],
)
def test_text_document(tmp_path, content, limit, text, encoding, error, warning):
    path = tmp_path / "a.txt"
    path.write_text(content, encoding="utf-8")
    document = inputs._text_document(path, "doc", limit)
    expected_error = f"{path}: {error}" if error else ""
    assert document == Document("doc", str(path), text, encoding=encoding, error=expected_error, warning=warning)


def test_text_document_that_cannot_be_read(tmp_path):
    document = inputs._text_document(tmp_path / "missing.txt", "m")
    assert (document.doc_id, document.source, document.text) == ("m", str(tmp_path / "missing.txt"), "")
    assert document.error == f"{tmp_path / 'missing.txt'}: E025 cannot read: No such file or directory"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            {"id": " a1 ", "text": TEXT, "date": "2024-06", "title": "T", "url": "http://u"},
            Document("a1", "t.csv:3", TEXT, "2024-06", "T", "http://u", "utf-8"),
        ),
        ({"text": TEXT}, Document("t:3", "t.csv:3", TEXT, encoding="utf-8")),
        ({"id": "  ", "text": TEXT, "date": None}, Document("t:3", "t.csv:3", TEXT, encoding="utf-8")),
        ({"id": 7, "text": TEXT}, Document("7", "t.csv:3", TEXT, encoding="utf-8")),
        ({"id": "a", "text": " \n"}, Document("a", "t.csv:3", error="t.csv:3: E027 row has no text")),
        ({"id": "a", "text": 12}, Document("a", "t.csv:3", error="t.csv:3: E027 row has no text")),
        ({"id": "a"}, Document("a", "t.csv:3", error="t.csv:3: E027 row has no text")),
        (
            {"id": "a", "text": "x\x00y"},
            Document("a", "t.csv:3", "x y", encoding="utf-8", warning=controls_as_spaces("x\x00y")[1]),
        ),
    ],
    ids=["all-columns", "no-id", "blank-id", "numeric-id", "blank-text", "text-not-str", "no-text", "control"],
)
def test_row_document(row, expected):
    assert inputs._row_document(row, Path("t.csv"), 3) == expected


STEMS = [("a.csv.gz", "a"), ("a.JSONL.GZ", "a"), ("a.b.csv", "a.b"), ("rows.jsonl", "rows"), ("p.parquet", "p")]


@pytest.mark.parametrize(("name", "stem"), [*STEMS, ("x.tsv", "x"), ("x.txt.gz", "x.txt")])
def test_table_stem(name, stem):
    assert inputs._table_stem(Path(name)) == stem


KINDS = [("a.csv.gz", ".csv.gz"), ("A.CSV", ".csv"), ("a.jsonl.gz", ".jsonl.gz"), ("a.JSONL", ".jsonl")]


@pytest.mark.parametrize(
    ("name", "kind"),
    [*KINDS, ("a.parquet", ".parquet"), ("a.TXT", ".txt"), ("a.txt.gz", ".gz"), ("a.Md", ".md"), ("R", "")],
)
def test_kind(name, kind):
    assert inputs._kind(Path(name)) == kind


def _csv(path: Path, rows: list[dict], fieldnames=("id", "text")) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(fieldnames))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_csv_documents_rows_and_numbers(tmp_path):
    path = _csv(tmp_path / "t.csv", [{"id": "a", "text": TEXT}, {"id": "", "text": "Kiev."}, {"id": "c", "text": ""}])
    documents = list(inputs._csv_documents(path))
    assert [(d.doc_id, d.source, d.text) for d in documents] == [
        ("a", f"{path}:1", TEXT),
        ("t:2", f"{path}:2", "Kiev."),
        ("c", f"{path}:3", ""),
    ]
    assert documents[2].error == f"{path}:3: E027 row has no text"


def test_csv_documents_without_text_column(tmp_path):
    path = _csv(tmp_path / "t.csv", [{"id": "a", "body": TEXT}], fieldnames=("id", "body"))
    assert list(inputs._csv_documents(path)) == [
        Document("t", str(path), error=f"{path}: E022 table has no 'text' column (columns: ['id', 'body'])")
    ]
    (tmp_path / "empty.csv").write_bytes(b"")
    [document] = inputs._csv_documents(tmp_path / "empty.csv")
    assert document.error.endswith("E022 table has no 'text' column (columns: [])")


def test_csv_documents_malformed_row(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('id,text\na,"ok"\nb,"bad "quote" here"\nc,"later"\n', encoding="utf-8")
    documents = list(inputs._csv_documents(path))
    assert [d.doc_id for d in documents] == ["a", "t:2"]
    assert documents[1].source == f"{path}:3"
    assert documents[1].error == f"{path}:3: E024 malformed row: ',' expected after '\"'"
    path.write_text('id,text\na,"bad "quote" first"\n', encoding="utf-8")  # the first row: number 1
    assert [(d.doc_id, d.source) for d in inputs._csv_documents(path)] == [("t:1", f"{path}:2")]
    path.write_bytes(b'id,text\r\na,"line one\r\nline two"\r\n')  # a line break inside a cell is kept as written
    assert [d.text for d in inputs._csv_documents(path)] == ["line one\r\nline two"]


def test_csv_documents_unreadable_gzipped_and_long_cells(tmp_path):
    [document] = inputs._csv_documents(tmp_path / "nope.csv")
    assert (document.doc_id, document.source) == ("nope", str(tmp_path / "nope.csv"))
    assert "E025 cannot read" in document.error
    (tmp_path / "t.csv.gz").write_bytes(gzip.compress(f"id,text\na,{TEXT}\n".encode()))
    assert [(d.doc_id, d.text) for d in iter_documents([str(tmp_path / "t.csv.gz")])] == [("a", TEXT)]
    long_text = "Le Maroc. " * 20_000  # 200,000 characters: over the csv module's default cell limit
    path = _csv(tmp_path / "long.csv", [{"id": "l", "text": long_text}])
    [document] = inputs._csv_documents(path)
    assert document.text == long_text and not document.error


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("é\n".encode(), "utf-8"),
        (b"\xef\xbb\xbfa\n", "utf-8"),
        ("é–\n".encode("cp1252"), "cp1252"),
        (b"\x81\n", "latin-1"),
        (b"a\xc3", "cp1252"),  # ends inside a UTF-8 sequence
        (b"", "utf-8"),
    ],
    ids=["utf-8", "bom", "cp1252", "latin-1", "cut-utf-8", "empty"],
)
def test_file_encoding(tmp_path, data, encoding):
    (tmp_path / "t.jsonl").write_bytes(data)
    assert inputs._file_encoding(tmp_path / "t.jsonl") == encoding


def test_file_encoding_reads_block_by_block(tmp_path, monkeypatch):
    """A UTF-8 character cut between two blocks is still UTF-8; a bad byte in a later block is not."""
    monkeypatch.setattr(inputs, "READ_BLOCK", 3)
    (tmp_path / "cut.jsonl").write_bytes("aaé€\n".encode())
    assert inputs._file_encoding(tmp_path / "cut.jsonl") == "utf-8"
    (tmp_path / "late.jsonl").write_bytes(b"aaaaaa\xe9")
    assert inputs._file_encoding(tmp_path / "late.jsonl") == "cp1252"
    (tmp_path / "late1252.jsonl").write_bytes(b"aaaaaa\x81")
    assert inputs._file_encoding(tmp_path / "late1252.jsonl") == "latin-1"
    (tmp_path / "bin.jsonl").write_bytes(b"a" * 10 + b"\x00\x00\x00")
    with pytest.raises(InputError, match="E026"):
        inputs._file_encoding(tmp_path / "bin.jsonl")


def test_file_encoding_errors(tmp_path):
    (tmp_path / "t.jsonl").write_bytes(b"a" * 98 + b"\x00\x00")
    with pytest.raises(InputError) as caught:
        inputs._file_encoding(tmp_path / "t.jsonl")
    assert (
        str(caught.value) == f"{tmp_path / 't.jsonl'}: E026 binary file (2% of its bytes are control bytes such as NUL)"
    )
    (tmp_path / "ok.jsonl").write_bytes(b"a" * 99 + b"\x00")
    assert inputs._file_encoding(tmp_path / "ok.jsonl") == "utf-8"
    (tmp_path / "bad.jsonl.gz").write_bytes(b"not gzip at all")
    with pytest.raises(InputError, match="E025 cannot read"):
        inputs._file_encoding(tmp_path / "bad.jsonl.gz")


def test_text_lines(tmp_path):
    (tmp_path / "t.jsonl").write_bytes("\ufeffé\nb\n\nc".encode())
    assert list(inputs._text_lines(tmp_path / "t.jsonl", "utf-8")) == ["é", "b", "", "c"]
    (tmp_path / "c.jsonl").write_bytes("é\n\xe9".encode("latin-1"))
    assert list(inputs._text_lines(tmp_path / "c.jsonl", "cp1252")) == ["é", "é"]
    (tmp_path / "z.jsonl.gz").write_bytes(gzip.compress(b"x\ny\n"))
    assert list(inputs._text_lines(tmp_path / "z.jsonl.gz", "utf-8")) == ["x", "y"]


def test_jsonl_documents(tmp_path):
    path = tmp_path / "rows.jsonl"
    lines = [json.dumps({"id": "a", "text": TEXT}), "", "  ", "[1, 2]", "{bad", json.dumps({"text": "Kiev\x01."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents = list(inputs._jsonl_documents(path))
    assert [(d.doc_id, d.source) for d in documents] == [
        ("a", f"{path}:1"),
        ("rows:2", f"{path}:4"),
        ("rows:3", f"{path}:5"),
        ("rows:4", f"{path}:4"),
    ]
    assert documents[1].error == f"{path}:4: E024 malformed row: a line must be a JSON object"
    assert documents[2].error.startswith(f"{path}:5: E024 malformed row: Expecting property name")
    assert documents[3].text == "Kiev ." and documents[3].warning.startswith("W001 1 ")
    assert documents[0].text == TEXT and not documents[0].error


def test_jsonl_string_with_a_raw_control_character_is_kept(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"id": "a", "text": "tab\there"}\n')
    [document] = inputs._jsonl_documents(path)
    assert document.text == "tab\there" and not document.error


def test_jsonl_binary_is_one_error_row(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_bytes(b"\x00" * 10 + b'{"text": "x"}\n')
    assert list(inputs._jsonl_documents(path)) == [
        Document("b", str(path), error=f"{path}: E026 binary file (42% of its bytes are control bytes such as NUL)")
    ]


def test_iter_documents_mixes_inputs_in_order(tmp_path, monkeypatch):
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "b.txt").write_text("B text", encoding="utf-8")
    (folder / "a.txt").write_text("A text", encoding="utf-8")
    (folder / "skip.md").write_text("not read", encoding="utf-8")
    single = tmp_path / "single.TXT"
    single.write_text("S text", encoding="utf-8")
    other = tmp_path / "notes.md"
    other.write_text("M text", encoding="utf-8")
    table = _csv(tmp_path / "t.csv", [{"id": "c", "text": "C text"}])
    rows = tmp_path / "r.jsonl"
    rows.write_text(json.dumps({"text": "J text"}) + "\n", encoding="utf-8")
    pd.DataFrame({"id": ["p"], "text": ["P text"]}).to_parquet(tmp_path / "p.parquet")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"stdin\x00 text" + b" " * 100)))
    inputs_ = [str(folder), str(single), str(tmp_path / "gone.txt"), str(table), "-", str(rows), str(other)]
    inputs_.append(str(tmp_path / "p.parquet"))
    documents = list(iter_documents(inputs_))
    assert [(d.doc_id, d.text) for d in documents] == [
        ("a", "A text"),
        ("sub/b", "B text"),
        ("single", "S text"),
        ("gone", ""),
        ("c", "C text"),
        ("stdin", "stdin  text" + " " * 100),
        ("r:1", "J text"),
        ("notes", "M text"),
        ("p", "P text"),
    ]
    assert documents[3].error == f"{tmp_path / 'gone.txt'}: E020 no such file or folder"
    assert documents[3].source == str(tmp_path / "gone.txt")
    assert (documents[5].source, documents[5].encoding, documents[5].warning[:6]) == ("<stdin>", "utf-8", "W001 1")


def test_binary_stdin_is_an_error_row_and_the_run_goes_on(monkeypatch, tmp_path):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\x00\x01\x02")))
    (tmp_path / "next.txt").write_text(TEXT, encoding="utf-8")
    assert list(iter_documents(["-", str(tmp_path / "next.txt")])) == [
        Document(
            "stdin", "<stdin>", error="<stdin>: E026 binary file (100% of its bytes are control bytes such as NUL)"
        ),
        Document("next", str(tmp_path / "next.txt"), TEXT, encoding="utf-8"),
    ]


@pytest.mark.parametrize(("limit", "status"), [(len(TEXT), "ok"), (len(TEXT) - 1, "error")])
def test_max_chars_applies_to_table_rows(tmp_path, limit, status):
    table = _csv(tmp_path / "t.csv", [{"id": "a", "text": TEXT}])
    [document] = iter_documents([str(table)], max_chars=limit)
    assert ("error" if document.error else "ok") == status
    if status == "error":
        assert document == Document(
            "a",
            f"{table}:1",
            error=f"{table}:1: E032 too large (30 characters or bytes; limit {limit}, see --max-chars)",
        )


def test_max_chars_reaches_folders_and_files(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("x" * 20, encoding="utf-8")
    (tmp_path / "b.txt").write_text("x" * 20, encoding="utf-8")
    documents = list(iter_documents([str(tmp_path / "d"), str(tmp_path / "b.txt")], max_chars=19))
    assert all("E032 too large (20 characters" in d.error for d in documents) and len(documents) == 2
    (tmp_path / "d" / "a.txt").write_text("é" * 20, encoding="utf-8")  # 40 bytes: over 4 x 9, refused unread
    (tmp_path / "b.txt").write_text("é" * 20, encoding="utf-8")
    documents = list(iter_documents([str(tmp_path / "d"), str(tmp_path / "b.txt")], max_chars=9))
    assert all("E032 too large (40 characters or bytes; limit 9," in d.error for d in documents) and len(documents) == 2
    assert not any(d.error for d in iter_documents([str(tmp_path / "d"), str(tmp_path / "b.txt")], max_chars=20))
    assert inputs.DEFAULT_MAX_CHARS == 5_000_000

"""Read documents from any mix of .txt files, folders, .csv / .jsonl tables and stdin."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.errors import InputError, Messages

TABLE_COLUMNS = ("id", "text", "date", "title", "url")
#: Larger inputs are refused (a 20 MB "article" is a dump, not news); `--max-chars` changes it.
DEFAULT_MAX_CHARS = 5_000_000
ENCODINGS = ("utf-8", "cp1252", "latin-1")
#: Control bytes (NUL included; not tab, line feed, carriage return, form feed and vertical tab).
CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
#: A file with a larger share of control bytes is binary (E026); below it, they are read as spaces.
MAX_CONTROL_SHARE = 0.01
_CONTROLS_AS_SPACES = str.maketrans(dict.fromkeys(CONTROL_BYTES.decode("ascii"), " "))
#: the bytes cp1252 leaves undefined (its decoder refuses them; latin-1 takes them)
CP1252_UNDEFINED = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
#: bytes read at a time when a table is streamed
READ_BLOCK = 1 << 20


@dataclass
class Document:
    """One input text, or the reason it could not be read (`error`)."""

    doc_id: str
    source: str
    text: str = ""
    date: str = ""
    title: str = ""
    url: str = ""
    encoding: str = ""
    error: str = ""
    warning: str = ""


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Bytes -> (text, encoding used), trying UTF-8 (BOM allowed), then cp1252, then latin-1.

    A few stray control bytes (a crawl artifact) stay in the text (see `controls_as_spaces`);
    a file with more than MAX_CONTROL_SHARE of them is binary (E026).
    """
    controls = len(data) - len(data.translate(None, CONTROL_BYTES))
    if controls and controls > MAX_CONTROL_SHARE * len(data):
        raise InputError(source, Messages.E026.format(share=controls / len(data)))
    for encoding in ENCODINGS:
        try:
            text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
        except UnicodeDecodeError:
            continue
        return text, encoding
    raise InputError(source, Messages.E021)


def controls_as_spaces(text: str) -> tuple[str, str]:
    """The text with its control characters as spaces (offsets unchanged), and the W001 warning if any.

    >>> controls_as_spaces("Le Maroc\\x00a commandé.")
    ('Le Maroc a commandé.', 'W001 1 control character(s) (NUL or other stray bytes) read as spaces')
    """
    spaced = text.translate(_CONTROLS_AS_SPACES)
    if spaced == text:
        return text, ""
    count = sum(a != b for a, b in zip(text, spaced, strict=True))
    return spaced, Messages.W001.format(count=count)


def _read_file(path: Path) -> tuple[str, str]:
    try:
        data = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise InputError(path, Messages.E025.format(error=getattr(error, "strerror", None) or error)) from error
    return decode_text(data, str(path))


def _too_large(source: str, size: int, limit: int) -> str:
    return f"{source}: {Messages.E032.format(size=size, limit=limit)}"


def _text_document(path: Path, doc_id: str, max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    try:
        if path.is_file() and path.stat().st_size > 4 * max_chars:
            return Document(doc_id, str(path), error=_too_large(str(path), path.stat().st_size, max_chars))
        text, encoding = _read_file(path)
    except InputError as error:
        return Document(doc_id, str(path), error=str(error))
    if not text.strip():
        return Document(doc_id, str(path), encoding=encoding, error=f"{path}: {Messages.E028}")
    if len(text) > max_chars:
        return Document(doc_id, str(path), encoding=encoding, error=_too_large(str(path), len(text), max_chars))
    text, warning = controls_as_spaces(text)
    return Document(doc_id, str(path), text=text, encoding=encoding, warning=warning)


def _row_document(row: dict[str, object], table: Path, number: int) -> Document:
    doc_id = str(row.get("id") or "").strip() or f"{_table_stem(table)}:{number}"
    source = f"{table}:{number}"
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return Document(doc_id, source, error=f"{source}: {Messages.E027}")
    text, warning = controls_as_spaces(text)
    return Document(
        doc_id,
        source,
        text=text,
        warning=warning,
        date=str(row.get("date") or ""),
        title=str(row.get("title") or ""),
        url=str(row.get("url") or ""),
        encoding="utf-8",
    )


def _table_stem(path: Path) -> str:
    name = path.name
    for suffix in (".csv.gz", ".jsonl.gz", ".csv", ".jsonl", ".parquet"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _csv_documents(path: Path) -> Iterator[Document]:
    try:
        content, _ = _read_file(path)
    except InputError as error:
        yield Document(_table_stem(path), str(path), error=str(error))
        return
    # no cell limit of the csv module's (131,072 characters) below the file's size: a long article
    # is one cell; one over --max-chars is an E032 row (iter_documents)
    csv.field_size_limit(max(csv.field_size_limit(), len(content) + 1))
    reader = csv.DictReader(io.StringIO(content, newline=""), strict=True)
    if "text" not in (reader.fieldnames or []):
        message = Messages.E022.format(columns=reader.fieldnames or [])
        yield Document(_table_stem(path), str(path), error=str(InputError(path, message)))
        return
    number = 0
    try:
        for number, row in enumerate(reader, start=1):  # noqa: B007 - number is used after the loop
            yield _row_document(row, path, number)
    except csv.Error as error:
        line = reader.line_num + 1  # the reader fails before counting the bad line
        yield Document(
            f"{_table_stem(path)}:{number + 1}",
            f"{path}:{line}",
            error=str(InputError(path, Messages.E024.format(error=error), line)),
        )


def _open_binary(path: Path) -> io.BufferedIOBase:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")  # type: ignore[return-value]


def _file_encoding(path: Path) -> str:
    """The encoding `decode_text` would choose for the whole file, found in one streamed pass (a
    table of a million articles is not held in memory); E026 for a binary file, E025 unreadable."""
    utf8 = codecs.getincrementaldecoder("utf-8")()
    size = controls = 0
    utf8_ok = cp1252_ok = True
    try:
        with _open_binary(path) as raw:
            while block := raw.read(READ_BLOCK):
                size += len(block)
                controls += len(block) - len(block.translate(None, CONTROL_BYTES))
                cp1252_ok = cp1252_ok and len(block.translate(None, CP1252_UNDEFINED)) == len(block)
                if utf8_ok:
                    try:
                        utf8.decode(block)
                    except UnicodeDecodeError:
                        utf8_ok = False
            if utf8_ok:
                utf8.decode(b"", final=True)
    except UnicodeDecodeError:
        utf8_ok = False  # the file ends inside a UTF-8 sequence
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise InputError(path, Messages.E025.format(error=getattr(error, "strerror", None) or error)) from error
    if controls and controls > MAX_CONTROL_SHARE * size:
        raise InputError(str(path), Messages.E026.format(share=controls / size))
    return "utf-8" if utf8_ok else "cp1252" if cp1252_ok else "latin-1"


def _text_lines(path: Path, encoding: str) -> Iterator[str]:
    """The file's lines decoded (without their line feed), read a block at a time."""
    with _open_binary(path) as raw:
        for number, line in enumerate(raw):
            first = number == 0 and encoding == "utf-8"
            yield line.removesuffix(b"\n").decode("utf-8-sig" if first else encoding)


def _jsonl_documents(path: Path) -> Iterator[Document]:
    try:
        encoding = _file_encoding(path)
    except InputError as error:
        yield Document(path.stem, str(path), error=str(error))
        return
    number = 0
    for line_number, line in enumerate(_text_lines(path, encoding), start=1):
        if not line.strip():
            continue
        number += 1
        try:
            row = json.loads(line, strict=False)  # a stray control character inside a string is kept
            if not isinstance(row, dict):
                raise ValueError("a line must be a JSON object")
        except ValueError as error:
            message = Messages.E024.format(error=error)
            yield Document(
                f"{_table_stem(path)}:{number}",
                f"{path}:{line_number}",
                error=str(InputError(path, message, line_number)),
            )
            continue
        yield _row_document(row, path, number)


def _parquet_documents(path: Path) -> Iterator[Document]:
    try:
        import pyarrow.parquet as pq

        table = pq.ParquetFile(path)
        columns = [c for c in TABLE_COLUMNS if c in table.schema.names]
        if "text" not in columns:
            yield Document(
                path.stem, str(path), error=str(InputError(path, Messages.E022.format(columns=table.schema.names)))
            )
            return
        number = 0
        for batch in table.iter_batches(columns=columns, batch_size=512):
            for row in batch.to_pylist():
                number += 1
                yield _row_document(row, path, number)
    except (OSError, ValueError) as error:
        yield Document(path.stem, str(path), error=str(InputError(path, Messages.E025.format(error=error))))


def _kind(path: Path) -> str:
    name = path.name.lower()
    for suffix in (".csv.gz", ".jsonl.gz", ".csv", ".jsonl", ".parquet", ".txt"):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def iter_documents(inputs: list[str], *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Document]:
    """Every document of every input, in the order given (folders sorted by path)."""
    for document in _all_documents(inputs, max_chars):
        if not document.error and len(document.text) > max_chars:
            document = Document(
                document.doc_id, document.source, error=_too_large(document.source, len(document.text), max_chars)
            )
        yield document


def _all_documents(inputs: list[str], max_chars: int) -> Iterator[Document]:
    for item in inputs:
        if item == "-":
            try:
                text, encoding = decode_text(sys.stdin.buffer.read(), "<stdin>")
            except InputError as error:
                yield Document("stdin", "<stdin>", error=str(error))
                continue
            text, warning = controls_as_spaces(text)
            yield Document("stdin", "<stdin>", text=text, encoding=encoding, warning=warning)
            continue
        path = Path(item)
        if path.is_dir():
            for file in sorted(path.rglob("*.txt")):
                yield _text_document(file, file.relative_to(path).with_suffix("").as_posix(), max_chars)
        elif not path.exists():
            yield Document(path.stem or item, item, error=str(InputError(item, Messages.E020)))
        elif _kind(path) in (".csv", ".csv.gz"):
            yield from _csv_documents(path)
        elif _kind(path) in (".jsonl", ".jsonl.gz"):
            yield from _jsonl_documents(path)
        elif _kind(path) == ".parquet":
            yield from _parquet_documents(path)
        else:
            yield _text_document(path, path.stem, max_chars)

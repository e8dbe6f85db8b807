"""Read documents from any mix of .txt files, folders, .csv / .jsonl tables and stdin."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.errors import InputError, Messages

TABLE_COLUMNS = ("id", "text", "date", "title", "url")
ENCODINGS = ("utf-8", "cp1252", "latin-1")


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


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Bytes -> (text, encoding used), trying UTF-8 (BOM allowed), then cp1252, then latin-1."""
    if b"\x00" in data:
        raise InputError(source, "E026 binary file (contains NUL bytes)")
    for encoding in ENCODINGS:
        try:
            text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
        except UnicodeDecodeError:
            continue
        return text, encoding
    raise InputError(source, Messages.E021)


def _read_file(path: Path) -> tuple[str, str]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, Messages.E025.format(error=error.strerror or error)) from error
    return decode_text(data, str(path))


def _text_document(path: Path, doc_id: str) -> Document:
    try:
        text, encoding = _read_file(path)
    except InputError as error:
        return Document(doc_id, str(path), error=str(error))
    return Document(doc_id, str(path), text=text, encoding=encoding)


def _row_document(row: dict[str, object], table: Path, number: int) -> Document:
    doc_id = str(row.get("id") or "").strip() or f"{table.stem}:{number}"
    source = f"{table}:{number}"
    text = row.get("text")
    if not isinstance(text, str):
        return Document(doc_id, source, error=f"{source}: E027 row has no text")
    return Document(
        doc_id,
        source,
        text=text,
        date=str(row.get("date") or ""),
        title=str(row.get("title") or ""),
        url=str(row.get("url") or ""),
        encoding="utf-8",
    )


def _csv_documents(path: Path) -> Iterator[Document]:
    try:
        content, _ = _read_file(path)
    except InputError as error:
        yield Document(path.stem, str(path), error=str(error))
        return
    reader = csv.DictReader(io.StringIO(content, newline=""))
    if "text" not in (reader.fieldnames or []):
        message = Messages.E022.format(columns=reader.fieldnames or [])
        yield Document(path.stem, str(path), error=str(InputError(path, message)))
        return
    try:
        for number, row in enumerate(reader, start=1):
            yield _row_document(row, path, number)
    except csv.Error as error:
        yield Document(f"{path.stem}:{reader.line_num}", str(path), error=str(InputError(path, Messages.E024.format(error=error), reader.line_num)))


def _jsonl_documents(path: Path) -> Iterator[Document]:
    try:
        content, _ = _read_file(path)
    except InputError as error:
        yield Document(path.stem, str(path), error=str(error))
        return
    number = 0
    for line_number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        number += 1
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("a line must be a JSON object")
        except ValueError as error:
            message = Messages.E024.format(error=error)
            yield Document(f"{path.stem}:{number}", f"{path}:{line_number}", error=str(InputError(path, message, line_number)))
            continue
        yield _row_document(row, path, number)


def iter_documents(inputs: list[str]) -> Iterator[Document]:
    """Every document of every input, in the order given (folders sorted by path)."""
    for item in inputs:
        if item == "-":
            text, encoding = decode_text(sys.stdin.buffer.read(), "<stdin>")
            yield Document("stdin", "<stdin>", text=text, encoding=encoding)
            continue
        path = Path(item)
        if path.is_dir():
            for file in sorted(path.rglob("*.txt")):
                yield _text_document(file, file.relative_to(path).with_suffix("").as_posix())
        elif not path.exists():
            yield Document(path.stem or item, item, error=str(InputError(item, Messages.E020)))
        elif path.suffix.lower() == ".csv":
            yield from _csv_documents(path)
        elif path.suffix.lower() == ".jsonl":
            yield from _jsonl_documents(path)
        elif path.suffix.lower() == ".txt" or path.is_file():
            yield _text_document(path, path.stem)

"""Large corpora: bad input, workers, Dask, resume after kill -9, formats and spreadsheet safety."""

from __future__ import annotations

import csv
import gzip
import json
import os
import socket
from pathlib import Path

import pandas as pd
import pytest

from extract.batch import RunOptions, run_batch
from extract.cli import main
from extract.engines import ExtractorSettings

ARTICLE = "date 2024-06 Himars (DR)\n\nLe Maroc a commandé 18 lanceurs M142 HIMARS pour 524 millions de dollars le 11 avril.\n"
FAST = ExtractorSettings(fast=True)


def read(path: Path, sep: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=sep))


def tables(out: Path) -> dict[str, str]:
    return {
        name: (out / f"{name}.csv").read_text(encoding="utf-8-sig")
        for name in ("mentions", "documents", "deals", "deals_consolidated")
    }


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    (root / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "latin1.txt").write_bytes("L'Algérie a reçu des Su-30 en 2019.".encode("cp1252"))
    (root / "bom.txt").write_bytes("\ufeffLe Maroc a commandé 18 lanceurs.".encode())
    (root / "crlf.txt").write_bytes(
        "date 2024-06 Titre (DR)\r\n\r\nLe Maroc a commandé 18 lanceurs.\r\nL'Algérie aussi.\r\n".encode()
    )
    (root / "nul.txt").write_bytes(b"Le Maroc\x00 a command\xc3\xa9 18 lanceurs.")
    (root / "empty.txt").write_bytes(b"")
    (root / "huge.txt").write_bytes(b"Le Maroc. " * 2_100_000)  # 21 MB
    (root / "unreadable.txt").mkdir()  # a folder named like a file: reading it fails
    (root / "table.csv").write_text(
        'id,text\nc1,"Le Maroc a commandé 18 lanceurs."\nc2,"guillemet "mal" fermé"\n', encoding="utf-8"
    )
    table = root / "rows.jsonl"
    table.write_text(
        json.dumps({"id": "r1", "text": ARTICLE}) + "\n{broken\n" + json.dumps({"id": "r3"}) + "\n", encoding="utf-8"
    )
    return root


@pytest.fixture(scope="module")
def bad_run(bad_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("bad_out")
    code = main(
        [
            "run",
            str(bad_corpus),
            str(bad_corpus / "rows.jsonl"),
            str(bad_corpus / "table.csv"),
            "--out",
            str(out),
            "--fast",
            "--quiet",
        ]
    )
    return code, {d["doc_id"]: d for d in read(out / "documents.csv")}, read(out / "mentions.csv")


@pytest.mark.parametrize(
    ("doc_id", "status", "message"),
    [
        ("ok", "ok", ""),
        ("binary", "error", "binary"),
        ("nul", "error", "binary"),
        ("empty", "error", "empty"),
        ("huge", "error", "too large"),
        ("unreadable", "error", "unreadable.txt"),
        ("rows:2", "error", "rows.jsonl:2"),
        ("r3", "error", "no text"),
        ("r1", "ok", ""),
        ("c1", "ok", ""),
        ("table:2", "error", "table.csv:3"),
    ],
)
def test_bad_input_gets_an_error_row(bad_run, doc_id, status, message):
    _, documents, _ = bad_run
    assert documents[doc_id]["status"] == status
    assert message in documents[doc_id]["error"]


def test_bad_input_run_goes_on_and_says_so(bad_run):
    code, documents, mentions = bad_run
    assert code == 1
    assert {"ok", "r1", "latin1", "bom", "crlf"} <= {m["doc_id"] for m in mentions}


@pytest.mark.parametrize(
    ("doc_id", "encoding"), [("latin1", "cp1252"), ("bom", "utf-8"), ("crlf", "utf-8"), ("ok", "utf-8")]
)
def test_encoding_is_reported(bad_run, doc_id, encoding):
    _, documents, _ = bad_run
    assert (documents[doc_id]["status"], documents[doc_id]["encoding"]) == ("ok", encoding)


@pytest.mark.parametrize("doc_id", ["latin1", "bom", "crlf"])
def test_offsets_survive_odd_encodings(bad_run, bad_corpus, doc_id):
    _, _, mentions = bad_run
    data = (bad_corpus / f"{doc_id}.txt").read_bytes()
    text = data.decode("cp1252") if doc_id == "latin1" else data.decode("utf-8-sig")
    found = [m for m in mentions if m["doc_id"] == doc_id]
    assert found and all(text[int(m["start"]) : int(m["end"])] == m["text"] for m in found)


def test_crlf_header_is_still_a_header(bad_run):
    _, documents, mentions = bad_run
    assert documents["crlf"]["date"] == "2024-06"
    assert not any(m["doc_id"] == "crlf" and m["text"] == "Titre" for m in mentions)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    samples = sorted((Path(__file__).parents[1] / "samples").glob("*.txt"))
    for i in range(120):
        source = samples[i % len(samples)]
        (root / f"{i:03d}_{source.name}").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("ref")
    run_batch([str(corpus)], out, RunOptions(settings=FAST, chunk_size=16))
    return tables(out)


@pytest.fixture
def extracting_pids(monkeypatch) -> list[int]:
    """The process id that extracted each document of a run."""
    import extract.batch

    pids: list[int] = []
    real = extract.batch.run_chunks

    def run_chunks(chunks, settings, **kwargs):
        for results in real(chunks, settings, **kwargs):
            pids.extend(r.pid for r in results)
            yield results

    monkeypatch.setattr(extract.batch, "run_chunks", run_chunks)
    return pids


def test_two_workers_give_the_same_tables(corpus, reference, tmp_path, extracting_pids):
    run_batch([str(corpus)], tmp_path, RunOptions(settings=FAST, chunk_size=16, workers=2))
    assert tables(tmp_path) == reference
    assert len(extracting_pids) == 120 and os.getpid() not in extracting_pids


def test_dask_engine_gives_the_same_tables(corpus, reference, tmp_path, extracting_pids):
    """With the Dask dashboard's default port 8787 taken: the local cluster binds no fixed port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        try:
            busy.bind(("0.0.0.0", 8787))  # noqa: S104 - every interface, as a dashboard would
            busy.listen()
        except OSError:
            pass  # another program holds it already: the same test
        run_batch([str(corpus)], tmp_path, RunOptions(settings=FAST, chunk_size=16, engine="dask", workers=2))
    assert tables(tmp_path) == reference
    # a LocalCluster of worker processes, not this one
    assert len(extracting_pids) == 120 and os.getpid() not in extracting_pids


def test_resume_refuses_other_inputs(corpus, tmp_path):
    work = tmp_path / ".work"
    work.mkdir()
    (work / "checkpoint.json").write_text(
        json.dumps({"signature": {"inputs": ["elsewhere"]}, "done": 3, "offsets": {}}), encoding="utf-8"
    )
    assert main(["run", str(corpus), "--out", str(tmp_path), "--fast", "--quiet", "--resume"]) == 2


FORMULA_TEXT = '=HYPERLINK("http://x") Le Maroc a commandé 18 lanceurs.\n\n@SUM(1) L\'Algérie a reçu des Su-30.\n'


@pytest.fixture(scope="module")
def formula_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("formula") / "f.txt"
    path.write_text(FORMULA_TEXT, encoding="utf-8")
    return path


def test_csv_cells_that_would_be_formulas_are_neutralized(formula_file, tmp_path):
    main(["run", str(formula_file), "--out", str(tmp_path), "--fast", "--quiet"])
    sentences = {m["sentence"] for m in read(tmp_path / "mentions.csv")}
    assert any(s.startswith("'=HYPERLINK") for s in sentences) and any(s.startswith("'@SUM") for s in sentences)
    assert not any(s.startswith(("=", "@")) for s in sentences)
    assert all(m["start"].isdigit() for m in read(tmp_path / "mentions.csv"))


def test_xlsx_has_a_sheet_per_table_and_stays_safe(formula_file, tmp_path):
    main(["run", str(formula_file), "--out", str(tmp_path), "--fast", "--quiet", "--format", "xlsx"])
    sheets = pd.read_excel(tmp_path / "tables.xlsx", sheet_name=None)
    assert set(sheets) == {"mentions", "documents", "deals", "deals_consolidated"}
    mentions = sheets["mentions"]
    assert pd.api.types.is_integer_dtype(mentions["start"])
    assert not mentions["sentence"].astype(str).str.startswith(("=", "@")).any()
    count = mentions[mentions["label"] == "COUNT"].iloc[0]
    assert count["value"] == 18


def test_parquet_reads_back_typed(formula_file, tmp_path):
    main(["run", str(formula_file), "--out", str(tmp_path), "--fast", "--quiet", "--format", "parquet"])
    mentions = pd.read_parquet(tmp_path / "mentions.parquet")
    assert pd.api.types.is_integer_dtype(mentions["end"]) and "COUNTRY" in set(mentions["label"])
    # `value` is mixed: codes stay text next to amounts (no NaN for 'MAR')
    countries = set(mentions.loc[mentions["label"] == "COUNTRY", "value"])
    assert countries == {"MAR", "DZA"} and set(mentions.loc[mentions["label"] == "COUNT", "value"]) == {"18"}
    deals = pd.read_parquet(tmp_path / "deals.parquet")
    assert pd.api.types.is_integer_dtype(deals["quantity"]) and pd.api.types.is_bool_dtype(deals["hedged"])
    documents = pd.read_parquet(tmp_path / "documents.parquet")
    assert documents.loc[0, "status"] == "ok"


def test_jsonl_output(formula_file, tmp_path):
    main(["run", str(formula_file), "--out", str(tmp_path), "--fast", "--quiet", "--format", "jsonl"])
    rows = [json.loads(line) for line in (tmp_path / "mentions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {"doc_id", "label", "value"} <= set(rows[0])


def test_semicolon_csv_for_french_spreadsheets(formula_file, tmp_path):
    main(["run", str(formula_file), "--out", str(tmp_path), "--fast", "--quiet", "--sep", ";"])
    raw = (tmp_path / "mentions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdoc_id;label;text;")
    assert read(tmp_path / "mentions.csv", sep=";")[0]["label"]


def test_compressed_and_parquet_inputs(tmp_path):
    with gzip.open(tmp_path / "a.csv.gz", "wt", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "text"])
        writer.writeheader()
        writer.writerow({"id": "c1", "text": ARTICLE})
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": ARTICLE}) + "\n")
    pd.DataFrame({"id": ["p1"], "text": [ARTICLE], "date": ["2024-06"]}).to_parquet(tmp_path / "c.parquet")
    out = tmp_path / "out"
    assert (
        main(
            [
                "run",
                str(tmp_path / "a.csv.gz"),
                str(tmp_path / "b.jsonl.gz"),
                str(tmp_path / "c.parquet"),
                "--out",
                str(out),
                "--fast",
                "--quiet",
            ]
        )
        == 0
    )
    documents = read(out / "documents.csv")
    assert [d["doc_id"] for d in documents] == ["c1", "b:1", "p1"]
    assert {m["doc_id"] for m in read(out / "mentions.csv") if m["label"] == "MONEY"} == {"c1", "b:1", "p1"}

"""Soak: a generated corpus mixing every hostile form, 2 workers, kill -9 mid-run, --resume.

`make test` runs the uninterrupted run on 240 documents (in this process, about 15 s);
`make soak` runs both tests on 2,000 documents with a 140,000-character CSV cell
(EXTRACT_SOAK_DOCS=2000; about 5 minutes on 2 shared cores), the killed run and its resumption
as `extract run` processes.
"""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.cli import main

DOCS = int(os.environ.get("EXTRACT_SOAK_DOCS", "240"))
SOAK = pytest.mark.skipif(not os.environ.get("EXTRACT_SOAK_DOCS"), reason="minutes long: make soak")
ROOT = Path(__file__).resolve().parents[1]
MAX_CHARS = 200_000
COUNTRIES = ["Le Maroc", "L'Inde", "La Pologne", "L'Égypte", "La Grèce", "Le Brésil", "La Corée du Sud"]
SUPPLIERS = ["la France", "les États-Unis", "l'Allemagne", "la Russie", "la Turquie"]
WEAPONS = ["Rafale", "M142 HIMARS", "K2", "F-16", "CAESAR", "Leopard 2A8", "Su-35"]
TEMPLATE = (
    "{country} a commandé {count} {weapon} à {supplier} pour {amount} 000 000 $ le {day} mars 2024.\n"
    "Le contrat porte aussi sur la formation des équipages.\n"
)
# (name, how a good text is made hostile); each keeps the text's mentions
HOSTILE_TEXTS = [
    ("clean", lambda t: t),
    ("zero-width space in a number", lambda t: t.replace(" 000 000 $", "\u200b000 000 $")),
    ("soft hyphen in a name", lambda t: t.replace("commandé", "comman\u00addé").replace("Maroc", "Ma\u00adroc")),
    ("no-break spaces", lambda t: t.replace(" 000 000 $", "\u202f000\u2007000\u00a0$").replace(" mars", "\u00a0mars")),
    ("word joiner and ligature", lambda t: t.replace("F-16", "F-\u206016").replace("fi", "\ufb01")),
    ("typographic apostrophe and hyphen", lambda t: t.replace("'", "\u2019").replace("Su-35", "Su\u201135")),
    ("a stray NUL byte", lambda t: t.replace("contrat ", "contrat\x00")),  # under 1 % of the bytes
]


def good_text(rng: random.Random) -> str:
    return TEMPLATE.format(
        country=rng.choice(COUNTRIES),
        count=rng.randint(2, 90),
        weapon=rng.choice(WEAPONS),
        supplier=rng.choice(SUPPLIERS),
        amount=rng.randint(10, 900),
        day=rng.randint(1, 28),
    )


def generate(root: Path, docs: int, *, seed: int = 13) -> dict[str, str]:
    """Write `docs` documents under root (files, a CSV and a JSONL table); doc_id -> expected status."""
    rng = random.Random(seed)
    folder = root / "texts"
    folder.mkdir()
    expected: dict[str, str] = {}
    rows: list[dict[str, str]] = []
    lines: list[str] = []
    for i in range(docs):
        kind = i % 10
        name = f"d{i:05d}"
        text = HOSTILE_TEXTS[i % len(HOSTILE_TEXTS)][1](good_text(rng))
        if kind < 5:
            if i % 17 == 0:
                data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()  # a BOM, CRLF line ends
            else:
                try:
                    data = text.encode("cp1252" if i % 3 == 0 else "utf-8")
                except UnicodeEncodeError:
                    data = text.encode()
            (folder / f"{name}.txt").write_bytes(data)
            expected[name] = "ok"
        elif kind == 5:
            rows.append({"id": name, "text": text})
            expected[name] = "ok"
        elif kind == 6:
            lines.append(json.dumps({"id": name, "text": text}, ensure_ascii=False).replace("\\u0000", "\x00"))
            expected[name] = "ok"
        elif kind == 7:  # bad files: binary, empty, too large
            bad = [bytes(range(256)) * 8, b"", ("Le Maroc commande. " * (MAX_CHARS // 19 + 100)).encode()]
            (folder / f"{name}.txt").write_bytes(bad[(i // 10) % 3])
            expected[name] = "error"
        elif kind == 8:
            rows.append({"id": name, "text": ""})  # E027
            expected[name] = "error"
        else:
            lines.append("{broken json" if (i // 10) % 2 else json.dumps({"id": name}))  # E024, E027
            expected[f"rows:{len(lines)}" if (i // 10) % 2 else name] = "error"
    if docs >= 1_000:  # a long report in one cell, over the csv module's own 131,072-character limit
        rows.append({"id": "long", "text": good_text(rng) * (140_000 // len(TEMPLATE) + 1)})
        expected["long"] = "ok"
    with (root / "rows.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "text"])
        writer.writeheader()
        writer.writerows(rows)
    (root / "rows.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return expected


def arguments(root: Path, out: Path, *extra: str) -> list[str]:
    inputs = [str(root / "texts"), str(root / "rows.csv"), str(root / "rows.jsonl")]
    options = ["--fast", "--workers", "2", "--chunk-size", "16", "--max-chars", str(MAX_CHARS), "--quiet"]
    return ["run", *inputs, "--out", str(out), *options, *extra]


def command(root: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "extract", *arguments(root, out, *extra)]


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(args, capture_output=True, text=True, env=env, timeout=3600)


def tables(out: Path) -> dict[str, bytes]:
    names = ("mentions", "documents", "deals", "deals_consolidated")
    return {name: (out / f"{name}.csv").read_bytes() for name in names}


@pytest.fixture(scope="module")
def soak(tmp_path_factory):
    """The corpus and its tables from an uninterrupted run (in this process: the pipeline is loaded once)."""
    root = tmp_path_factory.mktemp("soak")
    expected = generate(root, DOCS)
    code = main(arguments(root, root / "reference"))
    return root, expected, code


def test_uninterrupted_run_reports_every_document_once(soak):
    root, expected, code = soak
    assert code == 1  # some documents are bad
    with (root / "reference" / "documents.csv").open(encoding="utf-8-sig", newline="") as handle:
        documents = list(csv.DictReader(handle))
    statuses = {d["doc_id"]: d["status"] for d in documents}
    assert len(statuses) == len(documents)  # once each
    assert statuses == expected
    with (root / "reference" / "mentions.csv").open(encoding="utf-8-sig", newline="") as handle:
        mentions = list(csv.DictReader(handle))
    per_document = {}
    for mention in mentions:
        per_document.setdefault(mention["doc_id"], set()).add(mention["label"])
    good = [name for name, status in expected.items() if status == "ok"]
    assert all(per_document.get(name, set()) >= {"COUNTRY", "WEAPON", "MONEY", "DATE"} for name in good)
    warned = [d for d in documents if d["warning"]]
    assert warned and all(d["warning"].startswith("W001") for d in warned)


@SOAK
def test_kill_9_mid_run_then_resume_gives_identical_tables(soak):
    root, _, reference = soak
    out = root / "interrupted"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        command(root, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True
    )
    checkpoint = out / ".work" / "checkpoint.json"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and process.poll() is None:
        if checkpoint.exists() and json.loads(checkpoint.read_text(encoding="utf-8"))["done"] >= DOCS // 3:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)  # the run and its workers, as a crash would
    process.wait()
    assert not (out / "documents.csv").exists()
    resumed = run(command(root, out, "--resume"))
    assert resumed.returncode == 1 and "Traceback" not in resumed.stderr, resumed.stderr
    assert tables(out) == tables(root / "reference")

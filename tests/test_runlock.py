"""One run per output folder, and filesystem problems with --out as numbered errors."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from extract.batch import WORK_DIR
from extract.cli import main
from extract.errors import ExtractError, Messages
from extract.io import runlock
from extract.io.outputs import CsvTableWriter
from extract.io.runlock import LOCK_FILE, RunLock

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "Le Maroc a commandé 18 lanceurs M142 HIMARS pour 524 millions de dollars le 11 avril.\n"
HOLD = """
import sys, time
from pathlib import Path
from extract.io.runlock import RunLock
RunLock(Path(sys.argv[1])).acquire()
print("locked", flush=True)
time.sleep(120)
"""


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with a hash of its content."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run(corpus: Path, out: Path, *extra: str) -> int:
    return main(["run", str(corpus), "--out", str(out), "--fast", "--quiet", *extra])


@pytest.fixture
def holder(tmp_path):
    """A process holding the lock of tmp_path/out, killed at the end."""
    work = tmp_path / "out" / WORK_DIR
    work.mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(work)], stdout=subprocess.PIPE, env=env, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "locked"
    yield process
    process.kill()
    process.wait()
    process.stdout.close()


def test_a_second_run_into_a_busy_folder_stops_and_touches_nothing(corpus, tmp_path, holder, capsys):
    out = tmp_path / "out"
    (out / "mentions.csv").write_text("an earlier run's table\n", encoding="utf-8")
    (out / WORK_DIR / "mentions.csv").write_text("the running run's rows\n", encoding="utf-8")
    before = snapshot(out)
    for extra in ((), ("--resume",)):
        assert run(corpus, out, *extra) == 2
        error = capsys.readouterr().err
        assert f"E042 output folder in use by another run (process {holder.pid})" in error
        assert "Traceback" not in error
        assert snapshot(out) == before


def test_the_lock_of_a_killed_run_is_taken_over(corpus, tmp_path, holder):
    out = tmp_path / "out"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert (out / WORK_DIR / LOCK_FILE).read_text().strip() == str(holder.pid)  # left behind
    assert run(corpus, out) == 0
    assert len(pd.read_csv(out / "documents.csv")) == 3
    assert not (out / WORK_DIR).exists()


def test_the_lock_holds_the_process_id_and_is_removed(tmp_path):
    with RunLock(tmp_path) as lock:
        assert (tmp_path / LOCK_FILE).read_text() == f"{os.getpid()}\n"
        assert lock.stale_pid is None
    assert not (tmp_path / LOCK_FILE).exists()


@pytest.mark.parametrize(
    ("case", "out", "message"),
    [
        ("a file", "table.csv", "E043 --out names a file, not a folder"),
        ("under a file", "table.csv/out", "E044 cannot write the output folder: Not a directory"),
    ],
)
def test_out_problems_are_numbered_errors(corpus, tmp_path, capsys, case, out, message):
    (tmp_path / "table.csv").write_text("keep me\n", encoding="utf-8")
    assert run(corpus, tmp_path / out) == 2
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error
    assert (tmp_path / "table.csv").read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_out_is_a_numbered_error(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        assert run(corpus, out) == 2
    finally:
        out.chmod(0o700)
    assert "E044 cannot write the output folder: Permission denied" in capsys.readouterr().err


def test_a_full_disk_while_writing_keeps_the_earlier_tables_and_resumes(corpus, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    assert run(corpus, out, "--chunk-size", "1") == 0
    before = snapshot(out)
    calls = {"n": 0}
    write = CsvTableWriter.write

    def full_disk(self, row):
        calls["n"] += 1
        if calls["n"] > 8:
            raise OSError(errno.ENOSPC, "No space left on device")
        write(self, row)

    monkeypatch.setattr(CsvTableWriter, "write", full_disk)
    (corpus / "a3.txt").write_text(ARTICLE, encoding="utf-8")
    assert run(corpus, out, "--chunk-size", "1") == 2
    assert "E044 cannot write the output folder: No space left on device" in capsys.readouterr().err
    assert {k: v for k, v in snapshot(out).items() if not k.startswith(WORK_DIR)} == before
    monkeypatch.setattr(CsvTableWriter, "write", write)
    assert run(corpus, out, "--chunk-size", "1", "--resume") == 0
    assert list(pd.read_csv(out / "documents.csv").doc_id) == ["a0", "a1", "a2", "a3"]


def test_a_full_disk_while_converting_moves_no_table(corpus, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    assert run(corpus, out, "--format", "parquet") == 0
    before = snapshot(out)
    written = {"n": 0}
    to_parquet = pd.DataFrame.to_parquet

    def full_disk(self, path, **kwargs):
        written["n"] += 1
        if written["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return to_parquet(self, path, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", full_disk)
    (corpus / "a3.txt").write_text(ARTICLE, encoding="utf-8")
    assert run(corpus, out, "--format", "parquet") == 2
    assert "No space left on device" in capsys.readouterr().err
    after = snapshot(out)
    assert {k: v for k, v in after.items() if not k.startswith(WORK_DIR)} == before  # no table moved, no .partial
    monkeypatch.setattr(pd.DataFrame, "to_parquet", to_parquet)
    assert run(corpus, out, "--format", "parquet", "--resume") == 0
    assert len(pd.read_parquet(out / "documents.parquet")) == 4


# --- without fcntl (Windows): the process id in the lock file alone decides --------------------


@pytest.fixture
def sleeper():
    """A live child process, killed at the end."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process
    process.kill()
    process.wait()


@pytest.fixture
def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_alive_probes_without_disturbing(sleeper, dead_pid):
    assert runlock._alive(sleeper.pid) is True
    with pytest.raises(subprocess.TimeoutExpired):  # signal 0 only asks: the process runs on
        sleeper.wait(timeout=1)
    assert runlock._alive(dead_pid) is False


def test_alive_when_the_process_belongs_to_someone_else(monkeypatch):
    def kill(pid, sig):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(runlock.os, "kill", kill)
    assert runlock._alive(12345) is True


@pytest.mark.parametrize(("holder", "taken"), [("none", True), ("dead", True), ("live", False)])
def test_lock_without_fcntl(monkeypatch, tmp_path, sleeper, dead_pid, holder, taken):
    monkeypatch.setattr(runlock, "fcntl", None)
    pid = {"none": None, "dead": dead_pid, "live": sleeper.pid}[holder]
    fd = os.open(tmp_path / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        assert runlock._lock(fd, pid) is taken
    finally:
        os.close(fd)


# --- the lock file, function by function ----------------------------------------------------


@pytest.mark.parametrize("case", ["empty", "garbage", "own", "dead"])
def test_acquire_rewrites_the_file_and_names_a_dead_holder(tmp_path, dead_pid, case):
    """The old content, whatever it was, gives way to this process's id; a dead run's id is kept
    as `stale_pid` (not this process's own, not what is no process id)."""
    content = {
        "empty": b"",
        "garbage": b"garbage \xff\xfe\n",  # neither a process id nor ASCII
        "own": f"{os.getpid()}\n".encode(),
        "dead": f"{dead_pid}\n".encode(),
    }[case]
    (tmp_path / LOCK_FILE).write_bytes(content)
    lock = RunLock(tmp_path)
    assert (lock.fd, lock.stale_pid) == (None, None)
    with lock:
        assert lock.stale_pid == (dead_pid if case == "dead" else None)
        assert (tmp_path / LOCK_FILE).read_bytes() == f"{os.getpid()}\n".encode()
    assert lock.fd is None and not (tmp_path / LOCK_FILE).exists()


def test_a_longer_old_process_id_leaves_nothing_behind(tmp_path):
    (tmp_path / LOCK_FILE).write_text("123456789012345\n", encoding="ascii")
    with RunLock(tmp_path):
        assert (tmp_path / LOCK_FILE).read_text(encoding="ascii") == f"{os.getpid()}\n"


def test_the_lock_file_is_readable_by_all_writable_by_its_owner(tmp_path):
    umask = os.umask(0o022)
    try:
        with RunLock(tmp_path):
            assert (tmp_path / LOCK_FILE).stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(umask)


def test_release_is_safe_to_repeat(tmp_path):
    lock = RunLock(tmp_path)
    lock.release()  # never acquired: nothing to do
    lock.acquire()
    (tmp_path / LOCK_FILE).unlink()  # removed meanwhile (by hand)
    lock.release()
    lock.release()
    assert lock.fd is None


def test_a_holder_that_wrote_no_process_id(tmp_path, capsys):
    """Locked by another process that has not written its id yet: E042 names no process."""
    work = tmp_path / "out" / WORK_DIR
    work.mkdir(parents=True)
    hold = "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT); "
    hold += "fcntl.lockf(fd, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)"
    process = subprocess.Popen([sys.executable, "-c", hold, str(work / LOCK_FILE)], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "locked"
        with pytest.raises(ExtractError) as caught:
            RunLock(work).acquire()
        assert str(caught.value) == f"{tmp_path / 'out'}: {Messages.E042.format(pid='?')}"
    finally:
        process.kill()
        process.wait()
        process.stdout.close()


@pytest.mark.parametrize(("holder", "taken"), [("dead", True), ("live", False)])
def test_acquire_without_fcntl_reads_the_holder(monkeypatch, tmp_path, sleeper, dead_pid, holder, taken):
    monkeypatch.setattr(runlock, "fcntl", None)
    pid = {"dead": dead_pid, "live": sleeper.pid}[holder]
    (tmp_path / LOCK_FILE).write_text(f"{pid}\n", encoding="ascii")
    lock = RunLock(tmp_path)
    if taken:
        with lock:
            assert lock.stale_pid == pid
    else:
        with pytest.raises(ExtractError) as caught:
            lock.acquire()
        assert f"(process {pid})" in str(caught.value)
        assert (tmp_path / LOCK_FILE).read_text(encoding="ascii") == f"{pid}\n"  # left as it was

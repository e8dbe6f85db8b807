"""One run per output folder: a lock file in the work folder holding the running process's id.

The lock is a POSIX record lock (`fcntl.lockf`) on `DIR/.work/lock`: the kernel releases it
when the process ends, however it ends (kill -9 included), and worker processes forked by the
run do not inherit it, so a lock file left by a dead run is simply taken over. A second run
into the same folder finds the lock held and stops before touching anything (E042).
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from extract.errors import ExtractError, Messages

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks; the process id alone decides
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = "lock"


class RunLock:
    """Held while a run writes into a work folder; `with RunLock(work):` or acquire/release."""

    def __init__(self, work: Path) -> None:
        self.path = work / LOCK_FILE
        self.fd: int | None = None
        #: the process id of the dead run whose lock was taken over, if any
        self.stale_pid: int | None = None

    def acquire(self) -> RunLock:
        """Take the lock, or raise Messages.E042 naming the process that holds it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            holder = _read_pid(fd)
            if not _lock(fd, holder):
                raise ExtractError(f"{self.path.parent.parent}: {Messages.E042.format(pid=holder or '?')}")
            self.stale_pid = holder if holder and holder != os.getpid() else None
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd
        return self

    def release(self) -> None:
        """Remove the lock file and let go of the lock (closing the file releases it)."""
        if self.fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        finally:
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> RunLock:
        return self.acquire()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.release()


def _read_pid(fd: int) -> int | None:
    text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None


def _lock(fd: int, holder: int | None) -> bool:
    """Lock the open file; False when a live process holds it."""
    if fcntl is not None:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True
    return holder is None or not _alive(holder)  # pragma: no cover


def _alive(pid: int) -> bool:  # pragma: no cover - without fcntl only
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

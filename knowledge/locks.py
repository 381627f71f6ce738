"""Who may use a database: one bot process at a time, and one writer at a time.

Both are ``flock`` locks on side files beside the knowledge file's real path (a symbolic link and its target
share them), so the kernel drops them when the process ends, however it ends (kill -9 included):

- ``knowledge.json.pid``: held by the running bot (`hold`) for as long as it runs, with its process id and
  start time written in it, so a second ``python -m bot run`` on the same database is refused and told which
  process holds it. ``ask`` and ``chat`` do not take it: they only read.
- ``knowledge.json.lock``: held for the length of each change (`writer_lock`), by every process.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)


class DatabaseInUse(Exception):
    """Another bot process holds the database; `holder` is what it wrote in the lock file."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(f"{path} is in use by another bot process ({holder or 'unknown'})")
        self.path, self.holder = path, holder


def lock_path(path: Path, suffix: str) -> Path:
    real = Path(os.path.realpath(path))
    return real.with_name(real.name + suffix)


class Holding:
    """The database held by this process (see `hold`)."""

    def __init__(self, fd: int, path: Path) -> None:
        self.fd, self.path = fd, path

    def release(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # closing drops the lock
            self.fd = -1


def hold(path: Path) -> Holding:
    """Take the database at `path` for this bot process until `release` or the end of the process.

    `DatabaseInUse` when another process holds it; `OSError` when the lock file cannot be made (a read-only
    folder: the bot could not keep its state there anyway)."""
    file = lock_path(path, ".pid")
    file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 500, 0).decode(errors="replace").strip()
        os.close(fd)
        raise DatabaseInUse(path, holder) from None
    except BaseException:
        os.close(fd)
        raise
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}, started {started}\n".encode(), 0)
    return Holding(fd, file)


@contextlib.contextmanager
def writer_lock(path: Path) -> Iterator[None]:
    """Hold the writer lock of the database at `path` for the block.

    In a folder this process may not write to, the lock file is opened for reading (a lock works the same), or
    left out when it does not exist: such a process can only read, and every file it reads is replaced
    atomically, so it never sees a change half made."""
    file = lock_path(path, ".lock")
    try:
        lock = open(file, "a")  # noqa: SIM115  # closed below
    except OSError as exc:
        if exc.errno not in _READ_ONLY:
            raise
        try:
            lock = open(file)  # noqa: SIM115
        except FileNotFoundError:
            yield
            return
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)

"""A disk that fails on purpose: while it is "full", every write and fsync of a file in one folder fails.

`FailingDisk` patches `os.write` and `os.fsync` (the journal's append, and the fsync of every atomic write) for
files under a folder: a write puts part of its bytes in the file before failing, as a disk filling up in the
middle of a write does, and an fsync fails as a delayed write error does. The error is ENOSPC by default (EIO
and EROFS for the other write failures).

``python -m tests.full_disk run`` is the bot with such a disk: full while the file named by ``FULL_DISK_WHILE``
exists (so a test or a benchmark can fill and free the disk of a running bot), with the errno named by
``FULL_DISK_ERRNO``.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path


class FailingDisk:
    def __init__(self, folder: Path, failing: Callable[[], bool], code: int = errno.ENOSPC) -> None:
        self.folder = str(Path(os.path.realpath(folder)))
        self.failing, self.code = failing, code
        self.failures = 0
        self._write, self._fsync = os.write, os.fsync

    def _ours(self, fd: int) -> bool:
        try:
            return os.readlink(f"/proc/self/fd/{fd}").startswith(self.folder + os.sep)
        except OSError:
            return False

    def _error(self) -> OSError:
        self.failures += 1
        return OSError(self.code, os.strerror(self.code))

    def write(self, fd: int, data: bytes) -> int:
        if self.failing() and self._ours(fd):
            self._write(fd, bytes(data[: len(data) // 2]))
            raise self._error()
        return self._write(fd, data)

    def fsync(self, fd: int) -> None:
        if self.failing() and self._ours(fd):
            raise self._error()
        self._fsync(fd)

    def install(self) -> None:
        os.write, os.fsync = self.write, self.fsync  # type: ignore[assignment]

    def uninstall(self) -> None:
        os.write, os.fsync = self._write, self._fsync  # type: ignore[assignment]


def main() -> int:
    from bot.cli import main as bot_main

    flag = Path(os.environ["FULL_DISK_WHILE"])
    db = Path(os.environ["BOT_DB_PATH"])
    code = getattr(errno, os.environ.get("FULL_DISK_ERRNO", "ENOSPC"))
    FailingDisk(db.parent, flag.exists, code).install()
    return bot_main()


if __name__ == "__main__":
    sys.exit(main())

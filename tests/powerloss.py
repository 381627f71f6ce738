"""A simulated power loss: what is on disk after a crash is only what was fsynced.

`record_disk_ops` runs real code while logging the file-system operations it makes (create, write, fsync of a
file, rename, fsync of a folder). `after_power_loss` replays a prefix of that log on a model where file data
survives only once the file was fsynced, and names (creations, renames) only once their folder was fsynced,
and says what a file would then contain. Checking every prefix checks every moment the power could go.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

Op = tuple[Any, ...]


@dataclass
class DiskLog:
    ops: list[Op] = field(default_factory=list)
    fds: dict[int, str] = field(default_factory=dict)  # fd -> path (file) or folder


class _LoggedFile:
    def __init__(self, real: Any, path: str, log: DiskLog) -> None:
        self._real, self._path, self._log = real, path, log

    def write(self, data: bytes) -> int:
        self._log.ops.append(("write", self._path, bytes(data)))
        return int(self._real.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __enter__(self) -> _LoggedFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()


@contextlib.contextmanager
def record_disk_ops() -> Iterator[DiskLog]:
    log = DiskLog()
    real_mkstemp, real_fdopen, real_fsync = tempfile.mkstemp, os.fdopen, os.fsync
    real_replace, real_open = os.replace, os.open

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)
        log.fds[fd] = name
        log.ops.append(("create", name))
        return fd, name

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        return _LoggedFile(real_fdopen(fd, *args, **kwargs), log.fds[fd], log)

    def fsync(fd: int) -> None:
        target = log.fds.get(fd)
        if target is not None:
            log.ops.append(("fsync_dir", target) if os.path.isdir(target) else ("fsync", target))
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        log.ops.append(("rename", str(src), str(dst)))
        real_replace(src, dst)

    def open_(path: Any, flags: int, *args: Any) -> int:
        fd = real_open(path, flags, *args)
        log.fds[fd] = str(path)
        return fd

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", mkstemp)
        patch.setattr(os, "fdopen", fdopen)
        patch.setattr(os, "fsync", fsync)
        patch.setattr(os, "replace", replace)
        patch.setattr(os, "open", open_)
        yield log


def after_power_loss(ops: list[Op], initial: dict[str, bytes], path: str) -> bytes | None:
    """What `path` holds after the power went right after `ops` (None: the file does not exist)."""
    inodes_durable: dict[int, bytes] = {}
    inodes_cached: dict[int, bytes] = {}
    names_durable: dict[str, int] = {}
    for n, (name, content) in enumerate(initial.items()):
        inodes_durable[n] = inodes_cached[n] = content
        names_durable[name] = n
    names_cached = dict(names_durable)
    next_inode = len(initial)
    for op in ops:
        kind = op[0]
        if kind == "create":
            names_cached[op[1]] = next_inode
            inodes_cached[next_inode] = b""
            next_inode += 1
        elif kind == "write":
            ino = names_cached[op[1]]
            inodes_cached[ino] = inodes_cached[ino] + op[2]
        elif kind == "fsync":
            ino = names_cached[op[1]]
            inodes_durable[ino] = inodes_cached[ino]
        elif kind == "rename":
            names_cached[op[2]] = names_cached.pop(op[1])
        elif kind == "fsync_dir":
            folder = op[1].rstrip("/")
            for name in set(names_durable) | set(names_cached):
                if os.path.dirname(name) == folder:
                    if name in names_cached:
                        names_durable[name] = names_cached[name]
                    else:
                        names_durable.pop(name, None)
    ino = names_durable.get(path)
    return None if ino is None else inodes_durable.get(ino, b"")


def every_crash(ops: list[Op], initial: dict[str, bytes], path: str, check: Callable[[bytes | None], None]) -> int:
    """Check what `path` holds after a power loss at every point of `ops`; returns how many points."""
    for k in range(len(ops) + 1):
        check(after_power_loss(ops[:k], initial, path))
    return len(ops) + 1

"""Writing files so that a crash or a power loss leaves either the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where directories cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(path: Path, chunks: Iterable[bytes | bytearray], *, durable: bool = True) -> None:
    """Replace `path` with `chunks`: temp file in the same folder, fsync, os.replace, fsync of the folder.

    `durable=False` leaves out both fsyncs: a crash still leaves the old file or the new one, but after a power
    loss the new one may be damaged. Only for a file that checks itself when read (the facts cache).

    A symbolic link is written through: its target is replaced (in the target's folder), the link stays."""
    path = Path(os.path.realpath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if durable:
        fsync_dir(path.parent)


def copy_chunks(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    with path.open("rb") as fh:
        while chunk := fh.read(size):
            yield chunk


def source_digest(root: Path, patterns: Iterable[str]) -> str:
    """A digest of the files under `root` that `patterns` match (their paths and bytes), to tell one version of
    the code from another: what a cache made by the code is kept under. `OSError` when one cannot be read."""
    digest = hashlib.blake2b(digest_size=16)
    for pattern in patterns:
        for path in sorted(root.glob(pattern)):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()

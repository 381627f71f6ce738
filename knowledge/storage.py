"""The TinyDB storage over the files of `knowledge.tablefile`: tables parsed when used, atomic writes.

It parses a table the first time it is used and, when writing, copies the tables nobody touched byte for byte,
a megabyte at a time, the old file's own CRC checked on the way (`_Copy`): an admin change to one event parses
that event and its audit, however many events there are, and start-up reads the facts without parsing any
audit. Every write replaces the file atomically (`knowledge.files.atomic_write`).
"""

from __future__ import annotations

import contextlib
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

import orjson
from tinydb.storages import Storage

from knowledge.files import atomic_write
from knowledge.tablefile import BUFFER, CHUNK, CONTENTS, END, VERSION, DamagedFile, LazyTables, Span, Tables


class AtomicJSONStorage(Storage):
    """TinyDB storage: one table per line, parsed lazily; every write atomically replaces the file, copying
    untouched tables byte for byte; writes can be batched into one.

    The index of the file is kept while the file on disk is the one this storage last read or wrote (same inode,
    size and modification time), so another process's change is seen at the next read. A batch that fails
    drops it, since TinyDB changes what it read in place before writing.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._pending: Tables | None = None
        self._batching = False
        self._tables: LazyTables | None = None
        self._seen: tuple[int, int, int] | None = None

    def stamp(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def read(self) -> Tables | None:  # type: ignore[override]  # TinyDB only uses it as a mapping
        if self._batching and self._pending is not None:
            return self._pending
        stamp = self.stamp()
        if stamp != self._seen or self._tables is None:
            self._drop()
            self._tables = LazyTables.open(self.path) if stamp is not None else None
            self._seen = stamp
        return self._tables  # a batch writes only once TinyDB wrote to it: reading alone never rewrites a file

    def write(self, data: Tables) -> None:
        if self._batching:
            self._pending = data
            return
        self._write_now(data)

    def _write_now(self, data: Tables) -> None:
        spans: dict[str, Span] = {}
        lazy = data if isinstance(data, LazyTables) else LazyTables(self.path)
        copying = _Copy(lazy)
        offset, whole = 2, (0, 0)  # where the next table goes; where the contents start and the CRC before them

        def tables() -> Iterator[bytes]:
            nonlocal offset
            run: tuple[int, int] | None = None  # a range of the old file, untouched tables one after another
            yield b"{\n"
            for name in data:
                key, sep = orjson.dumps(name), b",\n" if spans else b""
                old = lazy.untouched(name)
                if old is not None and run is not None and old[0] == run[1] + len(sep + key) + 1:
                    spans[name] = (old[0] + offset - run[0], old[1] + offset - run[0], old[2])
                    run = (run[0], old[1])
                    continue
                if run is not None:
                    yield from copying.copy(*run)
                    offset, run = offset + run[1] - run[0], None
                head = sep + key + b":"
                offset += len(head)
                if old is not None:
                    yield head
                    spans[name], run = (offset, offset + old[1] - old[0], old[2]), old[:2]
                    continue
                # changed, or from a file written before checksums: parsed (so checked), and written anew
                unchecked = name in lazy.spans and name not in lazy.loaded  # parsed without being kept
                body = orjson.dumps(lazy.peek(name) if unchecked else data[name])
                spans[name] = (offset, offset + len(body), zlib.crc32(body))
                offset += len(body)
                yield head + body
            if run is not None:
                yield from copying.copy(*run)
                offset += run[1] - run[0]
            if spans:
                yield b",\n"
                offset += 2
            copying.done()

        def file() -> Iterator[bytes | bytearray]:
            """The file at least a megabyte at a time, its CRC taken on the way (a megabyte is CRC'd in C
            without holding the GIL: the bot answers meanwhile)."""
            nonlocal whole
            crc, chunk = 0, bytearray()
            for piece in tables():
                if not chunk and len(piece) >= CHUNK:  # a megabyte copied from the old file: as it is
                    crc = zlib.crc32(piece, crc)
                    yield piece
                    continue
                chunk += piece
                if len(chunk) >= CHUNK:
                    crc = zlib.crc32(chunk, crc)
                    yield chunk
                    chunk = bytearray()
            crc = zlib.crc32(chunk, crc)
            whole = (offset, crc)
            yield chunk
            # The table of contents on its own: joined to the last megabytes into one string, the copies made on
            # the way took 9 MB at 10,000 events.
            contents = {VERSION: {"at": offset, "crc": crc, "spans": spans}}
            yield orjson.dumps(CONTENTS) + b":" + orjson.dumps(contents) + END

        try:
            atomic_write(self.path, file())
        finally:
            self._drop()  # the tables parsed for this write are not kept: memory stays flat
        source = self.path.open("rb", buffering=BUFFER)  # under the writer lock: nobody replaced it since
        st = os.fstat(source.fileno())
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        self._tables = LazyTables(self.path, source, spans, written=True, whole=whole, stamp=stamp)
        self._seen = stamp

    def _drop(self) -> None:
        if self._tables is not None:
            self._tables.close()
        self._tables, self._seen = None, None

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Collect the writes made inside the block and commit them as one atomic write at its end."""
        self._batching, self._pending = True, None
        try:
            yield
            if self._pending is not None:
                self._write_now(self._pending)
        except BaseException:
            self._drop()  # TinyDB may have changed the tables it read before the write failed
            raise
        finally:
            self._batching, self._pending = False, None

    def close(self) -> None:
        self._drop()


class _Copy:
    """Ranges of the old file copied into the new one, a megabyte at a time, the old file's own CRC taken on the
    way over every byte of it, copied or not: `done` raises `DamagedFile` when it does not match, before the new
    file can replace the old, so damage (in a table or between two) is never carried into a write."""

    def __init__(self, old: LazyTables) -> None:
        self.old, self.at, self.crc, self.copied = old, 0, 0, False

    def _read(self, start: int, end: int) -> Iterator[bytes]:
        assert self.old.source is not None
        self.old.source.seek(start)
        while start < end:
            chunk = self.old.source.read(min(CHUNK, end - start))
            if not chunk:
                raise DamagedFile(self.old.path, "is shorter than its table of contents says")
            self.crc, start = zlib.crc32(chunk, self.crc), start + len(chunk)
            yield chunk
        self.at = end

    def copy(self, start: int, end: int) -> Iterator[bytes]:
        self.copied = True
        for _ in self._read(self.at, start):  # what is not copied counts towards the CRC too
            pass
        yield from self._read(start, end)

    def done(self) -> None:
        whole = self.old.whole
        if not self.copied or whole is None:
            return
        for _ in self._read(self.at, whole[0]):
            pass
        if self.crc != whole[1]:
            self.old.verify()  # to name the table that does not match, when one does
            raise DamagedFile(self.old.path, "does not match its checksum: it changed since it was written")

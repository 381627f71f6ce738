"""The file format of the store: one table per line, and a table of contents at the end.

Each table is one line of its file, and the last line is a table of contents (where each table starts and
ends), so opening a file parses no table. `AtomicJSONStorage` parses a table the first time it is used and, when
writing, copies the tables nobody touched byte for byte: an admin change to one event parses that event and its
audit, however many events there are, and start-up reads the facts without parsing any audit.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import IO, Any

import orjson
from tinydb.storages import Storage

from knowledge.files import atomic_write

Tables = MutableMapping[str, dict[str, Any]]

CONTENTS = "__contents__"  # the last line of a file: where each table is, so that opening it parses no table
_END = b"\n}\n"
_TABLE_LINE = re.compile(rb'("(?:[^"\\]|\\.)*"):')


class LazyTables(MutableMapping[str, dict[str, Any]]):
    """The tables of one file, as TinyDB reads them, each parsed from its line only when first used.

    `spans` says where each table's JSON is in `source` (an open file: it stays readable even after the
    path is replaced). Tables parsed, replaced or added are in `loaded`.
    """

    def __init__(
        self, source: IO[bytes] | None = None, spans: dict[str, tuple[int, int]] | None = None, written: bool = False
    ) -> None:
        self.source = source
        self.spans = spans or {}
        self.loaded: dict[str, dict[str, Any]] = {}
        self.written = written  # laid out by us: consecutive tables are separated by exactly ',\n"name":'

    @classmethod
    def open(cls, path: Path) -> LazyTables | None:
        """Index the tables of `path` (None when it is empty) from its table of contents, or by reading it line
        by line when it has none. A file not laid out one table per line (written by another tool, or by hand)
        is parsed whole instead."""
        source = path.open("rb")
        spans = cls._contents(source)
        if spans:
            return cls(source, spans, written=True)
        spans = cls._scan(source)
        if spans:
            return cls(source, spans)
        source.seek(0)
        raw = source.read()
        source.close()
        if not raw.strip():
            return None
        tables = cls()
        tables.loaded = orjson.loads(raw)
        tables.loaded.pop(CONTENTS, None)
        return tables

    @staticmethod
    def _contents(source: IO[bytes]) -> dict[str, tuple[int, int]] | None:
        """The spans the last line of the file lists, if it is a table of contents that fits this very file."""
        size = os.fstat(source.fileno()).st_size
        marker, step = b"\n" + orjson.dumps(CONTENTS) + b":", 1 << 16
        while True:
            start = max(0, size - step)
            source.seek(start)
            tail = source.read(size - start)
            at = tail.rfind(marker)
            if at >= 0 or start == 0:
                break
            step *= 8
        if at < 0 or not tail.endswith(_END):
            return None
        try:
            contents = orjson.loads(tail[at + len(marker) : -len(_END)])["1"]
            if contents["at"] != start + at + 1:  # the file was changed by hand since: the offsets are wrong
                return None
            return {str(name): (int(a), int(b)) for name, (a, b) in contents["spans"].items()}
        except (ValueError, KeyError, TypeError):
            return None

    @staticmethod
    def _scan(source: IO[bytes]) -> dict[str, tuple[int, int]] | None:
        source.seek(0)
        spans: dict[str, tuple[int, int]] = {}
        offset = 0
        for line in source:
            body = line.rstrip(b"\r\n")
            found = _TABLE_LINE.match(body) if body[:1] == b'"' else None
            if found:
                end = len(body) - 1 if body.endswith(b",") else len(body)
                spans[orjson.loads(found.group(1))] = (offset + found.end(), offset + end)
            elif body.strip() not in (b"{", b"}", b""):
                return None
            offset += len(line)
        spans.pop(CONTENTS, None)
        return spans

    def untouched(self, name: str) -> tuple[int, int] | None:
        """Where a table nobody parsed or changed is in the file (None when it was, or is not there)."""
        return None if name in self.loaded else self.spans.get(name)

    def copy(self, start: int, end: int, size: int = 1 << 20) -> Iterator[bytes]:
        """A range of the file, a megabyte at a time."""
        assert self.source is not None
        self.source.seek(start)
        while start < end:
            chunk = self.source.read(min(size, end - start))
            if not chunk:
                raise OSError(f"{self.source.name} is shorter than its table of contents says")
            start += len(chunk)
            yield chunk

    def raw(self, name: str) -> bytes:
        """A table's JSON as it is in the file (KeyError when it is not there unparsed)."""
        start, end = self.spans[name]
        assert self.source is not None
        self.source.seek(start)
        return self.source.read(end - start)

    def peek(self, name: str) -> dict[str, Any]:
        """A table, parsed without keeping it (for reading everything once, as start-up does)."""
        if name in self.loaded:
            return self.loaded[name]
        return orjson.loads(self.raw(name)) if name in self.spans else {}

    def __getitem__(self, name: str) -> dict[str, Any]:
        if name not in self.loaded:
            if name not in self.spans:
                raise KeyError(name)
            self.loaded[name] = orjson.loads(self.raw(name))
        return self.loaded[name]

    def __setitem__(self, name: str, table: dict[str, Any]) -> None:
        self.loaded[name] = table

    def __delitem__(self, name: str) -> None:
        found = self.loaded.pop(name, None) is not None
        found = self.spans.pop(name, None) is not None or found
        if not found:
            raise KeyError(name)

    def __contains__(self, name: object) -> bool:
        return name in self.loaded or name in self.spans

    def __iter__(self) -> Iterator[str]:
        yield from self.spans
        yield from (name for name in self.loaded if name not in self.spans)

    def __len__(self) -> int:
        return len(self.spans.keys() | self.loaded.keys())

    def close(self) -> None:
        if self.source is not None:
            self.source.close()


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
        spans: dict[str, tuple[int, int]] = {}

        lazy = data if isinstance(data, LazyTables) else LazyTables()

        def lines() -> Iterator[bytes]:
            offset, run = 2, None  # run: a range of the old file, untouched tables one after another, to copy
            yield b"{\n"
            for name in data:
                key, sep = orjson.dumps(name), b",\n" if spans else b""
                old = lazy.untouched(name)
                if old is not None and run is not None and old[0] == run[1] + len(sep + key) + 1 and lazy.written:
                    spans[name] = (old[0] + offset - run[0], old[1] + offset - run[0])
                    run = (run[0], old[1])
                    continue
                if run is not None:
                    yield from lazy.copy(*run)
                    offset, run = offset + run[1] - run[0], None
                head = sep + key + b":"
                offset += len(head)
                if old is not None:
                    yield head
                    spans[name], run = (offset, offset + old[1] - old[0]), old
                    continue
                body = orjson.dumps(data[name])
                spans[name] = (offset, offset + len(body))
                offset += len(body)
                yield head + body
            if run is not None:
                yield from lazy.copy(*run)
                offset += run[1] - run[0]
            at = offset + (2 if spans else 0)
            contents = {"1": {"at": at, "spans": spans}}
            yield (b",\n" if spans else b"") + orjson.dumps(CONTENTS) + b":" + orjson.dumps(contents) + _END

        try:
            atomic_write(self.path, lines())
        finally:
            self._drop()  # the tables parsed for this write are not kept: memory stays flat
        source = self.path.open("rb")  # under the writer lock: nobody replaced it since
        self._tables, self._seen = LazyTables(source, spans, written=True), self.stamp()

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

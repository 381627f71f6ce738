"""The file format of the store, and how a file proves it is whole: one table per line, a table of contents last.

    {
    "event:panama-2021":{"1":{...},"2":{...}},
    "audit:event:panama-2021":{"1":{...}},
    "__contents__":{"2":{"at":118,"crc":3501129317,"spans":{"event:panama-2021":[23,57,2770335112],...}}}
    }

The table of contents says where each table's JSON starts and ends, the CRC-32 of those bytes, and the CRC-32
of the whole file before it. Opening a file reads only its end, and parses no table. The file is taken as whole
only if the table of contents is where it says it is, the file ends right after it, and its spans lay the tables
out one after another exactly as they are written: a file cut short anywhere, or grown, is told at once. Each
table's CRC is checked whenever the table is read, and a write checks the old file's own CRC over every byte it
copies or skips (`knowledge.storage`): a table, or any byte, damaged in place is never used and never carried
into a write. `verify_file` checks a whole file against its own CRC: the bot does it at start-up, on a thread
of its own beside loading the knowledge.

A file without a table of contents that fits (written by another TinyDB storage, or edited by hand) is read
only if it is complete: one table per line up to the closing brace, or one JSON document. A file written before
checksums (table of contents version 1) is read, and each of its tables is parsed, to check it, before it is
written again with its checksum. Anything else is a `DamagedFile` naming the file and what is wrong. Nothing
here replaces or "repairs" a damaged file: the caller refuses to go on, and the file stays as it was.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import IO, Any

import orjson

Tables = MutableMapping[str, dict[str, Any]]
Span = tuple[int, int, int | None]  # where a table's JSON starts and ends in its file, and its CRC-32 (if known)

CONTENTS = "__contents__"  # the last line of a file: where each table is, so that opening it parses no table
VERSION = "2"  # of the table of contents: "1" had no checksums
END = b"\n}\n"
_TABLE_LINE = re.compile(rb'("(?:[^"\\]|\\.)*"):')
CHUNK = 1 << 20
BUFFER = 1 << 16  # read ahead: start-up and every write read the tables one after another


class DamagedFile(Exception):
    """A database file that is not whole or not what the store writes; `problem` says what is wrong, as what
    the file is or has ("is cut short: ...")."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path} {problem}")
        self.path, self.problem = path, problem


class LazyTables(MutableMapping[str, dict[str, Any]]):
    """The tables of one file, as TinyDB reads them, each parsed from its line only when first used.

    `spans` says where each table's JSON is in `source` (an open file: it stays readable even after the
    path is replaced). Tables parsed, replaced or added are in `loaded`.
    """

    def __init__(
        self,
        path: Path,
        source: IO[bytes] | None = None,
        spans: dict[str, Span] | None = None,
        written: bool = False,
        whole: tuple[int, int] | None = None,
        stamp: tuple[int, int, int] | None = None,
    ) -> None:
        self.path = path
        self.source = source
        self.spans = spans or {}
        self.loaded: dict[str, dict[str, Any]] = {}
        self.written = written  # opened from its table of contents: laid out by this module
        self.whole = whole  # (where the table of contents starts, the CRC-32 of everything before it), if known
        self.stamp = stamp  # (inode, size, modification time) of the very file opened, if it was opened

    @property
    def version(self) -> tuple[int, int, int, int] | None:
        """The version of the file these tables were read from: its stamp, and the CRC its table of contents
        gives of it (0 when it has none), so that another file put in its place with the same inode, size and
        time (a copy that keeps times, a coarse clock) is still another version. Taken from the file opened,
        not from its path: another process may have replaced it since, and what was read is this one."""
        return None if self.stamp is None else (*self.stamp, self.whole[1] if self.whole else 0)

    @classmethod
    def open(cls, path: Path) -> LazyTables | None:
        """Index the tables of `path` (None when there is no such file) from its table of contents, or by
        reading it line by line when it has none that fits; a file not laid out one table per line is parsed
        whole instead. `DamagedFile` when the file is not whole."""
        try:
            source = path.open("rb", buffering=BUFFER)
        except FileNotFoundError:
            return None
        try:
            st = os.fstat(source.fileno())
            size, stamp = st.st_size, (st.st_ino, st.st_size, st.st_mtime_ns)
            if size == 0:
                raise DamagedFile(path, "is empty (0 bytes)")
            contents = _contents(path, source, size)
            if contents is not None:
                return cls(path, source, contents[0], written=True, whole=contents[1], stamp=stamp)
            lines = _scan(path, source)
            if lines:
                return cls(path, source, {name: (a, b, None) for name, (a, b) in lines.items()}, stamp=stamp)
            source.seek(0)
            raw = source.read()
        except BaseException:
            source.close()
            raise
        source.close()
        tables = cls(path, stamp=stamp)
        tables.loaded = _whole(path, raw)
        return tables

    def untouched(self, name: str) -> Span | None:
        """Where a table nobody parsed or changed is in the file, if its checksum is known (None otherwise:
        parsed, changed, not there, or from a file written before checksums, so to be parsed and written anew)."""
        span = None if name in self.loaded else self.spans.get(name)
        return span if span is not None and span[2] is not None else None

    def verify(self) -> None:
        """Check every table against its checksum, and the file's own CRC, reading the file in order."""
        for name, span in self.spans.items():
            if span[2] is not None and name not in self.loaded:
                self.raw(name)
        if self.whole is not None and self.source is not None and _crc(self.source, self.whole[0]) != self.whole[1]:
            raise DamagedFile(self.path, "does not match its checksum: it changed since it was written")

    def raw(self, name: str) -> bytes:
        """A table's JSON as it is in the file, checked against its checksum (KeyError when it is not there
        unparsed)."""
        span = self.spans[name]
        assert self.source is not None
        self.source.seek(span[0])
        data = self.source.read(span[1] - span[0])
        if len(data) != span[1] - span[0]:
            raise DamagedFile(self.path, "is shorter than its table of contents says")
        if span[2] is not None and zlib.crc32(data) != span[2]:
            raise self._mismatch(span)
        return data

    def _mismatch(self, span: Span) -> DamagedFile:
        name = next((n for n, s in self.spans.items() if s == span), "?")
        problem = f"has a table, {name!r}, that does not match its checksum: it changed since it was written"
        return DamagedFile(self.path, problem)

    def peek(self, name: str) -> dict[str, Any]:
        """A table, parsed without keeping it (for reading everything once, as start-up does)."""
        if name in self.loaded:
            return self.loaded[name]
        return _parsed(self.path, name, self.raw(name)) if name in self.spans else {}

    def __getitem__(self, name: str) -> dict[str, Any]:
        if name not in self.loaded:
            if name not in self.spans:
                raise KeyError(name)
            self.loaded[name] = _parsed(self.path, name, self.raw(name))
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


def verify_file(path: Path) -> None:
    """Check a whole database file: that it is complete and that every table matches its checksum
    (`DamagedFile` otherwise; nothing when there is no such file).

    Made to run beside the bot's start-up at no cost to it: the file's own CRC (of everything before its table
    of contents) is checked a megabyte at a time, in C without holding the GIL, and nothing more is parsed than
    the head of the table of contents. Only a file that does not match (or has no such CRC) is opened as a
    whole and checked table by table, to name what is wrong."""
    try:
        source = path.open("rb")
    except FileNotFoundError:
        return
    with source:
        whole = _whole_crc(source, os.fstat(source.fileno()).st_size)
        if whole is not None and _crc(source, whole[0]) == whole[1]:
            return
    tables = LazyTables.open(path)
    if tables is not None:
        try:
            tables.verify()
        finally:
            tables.close()


_WHOLE = re.compile(rb'\{"' + VERSION.encode() + rb'":\{"at":(\d+),"crc":(\d+),')


def _whole_crc(source: IO[bytes], size: int) -> tuple[int, int] | None:
    """Where the table of contents starts and the CRC of everything before it, read from its head alone (None
    when the file does not end with a table of contents that has them where it says)."""
    marker, at, step = b"\n" + orjson.dumps(CONTENTS) + b":", size, 1 << 16
    while at > 0:
        start = max(0, at - step)
        source.seek(start)
        found = source.read(at - start + len(marker)).rfind(marker)
        if found >= 0:
            source.seek(start + found + len(marker))
            head = _WHOLE.match(source.read(100))
            if head is None or int(head.group(1)) != start + found + 1:
                return None
            source.seek(size - len(END))
            return (int(head.group(1)), int(head.group(2))) if source.read() == END else None
        at = start
    return None


def _crc(source: IO[bytes], end: int) -> int | None:
    """The CRC-32 of the first `end` bytes of `source` (None when it is shorter), a megabyte at a time, into
    one buffer (so that checking a file beside start-up leaves no memory behind)."""
    source.seek(0)
    crc, left, buffer = 0, end, memoryview(bytearray(CHUNK))
    while left > 0 and (read := source.readinto(buffer[: min(CHUNK, left)])):  # type: ignore[attr-defined]
        crc, left = zlib.crc32(buffer[:read], crc), left - read
    return crc if left == 0 else None


def _contents(path: Path, source: IO[bytes], size: int) -> tuple[dict[str, Span], tuple[int, int] | None] | None:
    """The spans the last line of the file lists, if it is a table of contents that fits this very file, and
    where it starts with the CRC of everything before it (None in a file written before checksums)."""
    marker, step = b"\n" + orjson.dumps(CONTENTS) + b":", 1 << 16
    while True:
        start = max(0, size - step)
        source.seek(start)
        tail = source.read(size - start)
        at = tail.rfind(marker)
        if at >= 0 or start == 0:
            break
        step *= 8
    if at < 0 or not tail.endswith(END):
        return None
    try:
        contents = orjson.loads(tail[at + len(marker) : -len(END)])
        version = VERSION if VERSION in contents else "1"
        entry = contents[version]
        if entry["at"] != start + at + 1:  # the file was changed by hand since: the offsets are wrong
            return None
        spans: dict[str, Span] = {
            str(name): (int(span[0]), int(span[1]), int(span[2]) if version == VERSION else None)
            for name, span in entry["spans"].items()
        }
        whole = (start + at + 1, int(entry["crc"])) if version == VERSION else None
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    if not _laid_out(spans, start + at + 1):
        raise DamagedFile(path, "has a table of contents that does not match its tables")
    return spans, whole


def _laid_out(spans: dict[str, Span], contents_at: int) -> bool:
    """Whether `spans` are the tables one after another, as `AtomicJSONStorage` writes them, up to the table of
    contents at `contents_at`."""
    offset = 2  # after "{\n"
    for n, (name, (start, end, _)) in enumerate(spans.items()):
        head = (b",\n" if n else b"") + orjson.dumps(name) + b":"
        if start != offset + len(head) or end < start:
            return False
        offset = end
    return contents_at == (offset + 2 if spans else 2)


def _scan(path: Path, source: IO[bytes]) -> dict[str, tuple[int, int]] | None:
    """The tables of a file laid out one per line, found by reading it (None when it is not laid out so, or
    holds none); `DamagedFile` when it is, but ends before its closing brace: cut short."""
    source.seek(0)
    first = source.readline()
    if first.strip() != b"{":
        return None
    spans: dict[str, tuple[int, int]] = {}
    offset, more, closed = len(first), True, False
    for line in source:
        body = line.rstrip(b"\r\n")
        if closed or body.strip() == b"}":
            if closed and body.strip():
                return None  # something after the closing brace
            closed = True
        else:
            found = _TABLE_LINE.match(body) if more and body[:1] == b'"' else None
            if not found:
                return None
            more = body.endswith(b",")
            spans[orjson.loads(found.group(1))] = (offset + found.end(), offset + len(body) - more)
        offset += len(line)
    if not closed:
        raise DamagedFile(path, f"is cut short: it ends after {len(spans)} tables, without its closing brace")
    spans.pop(CONTENTS, None)
    return spans


def _whole(path: Path, raw: bytes) -> dict[str, dict[str, Any]]:
    """The tables of a file read as one JSON document."""
    if not raw.strip():
        raise DamagedFile(path, "holds nothing but white space")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise DamagedFile(path, f"is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise DamagedFile(path, "is not a JSON object of tables")
    data.pop(CONTENTS, None)
    if not data:
        raise DamagedFile(path, "holds no tables")
    for name, table in data.items():
        _check_table(path, name, table)
    return data


def _parsed(path: Path, name: str, raw: bytes) -> dict[str, Any]:
    try:
        table = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise DamagedFile(path, f"has a table, {name!r}, that is not valid JSON") from None
    _check_table(path, name, table)
    return table


def _check_table(path: Path, name: str, table: object) -> None:
    if not isinstance(table, dict) or not all(isinstance(record, dict) for record in table.values()):
        raise DamagedFile(path, f"has a table, {name!r}, that is not a table of records")

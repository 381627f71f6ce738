"""The answering engine's index, kept beside the facts cache ("knowledge.json" -> "knowledge.index") so that
start-up restores it instead of building it (at 10,000 events: 0.05 to 0.08 s instead of 0.3 to 0.5 s).

The same rules as the facts cache (`knowledge.factcache`): derived data, never the truth, in `marshal` (loading
it never runs code), replaced atomically but not fsynced. It is used only when everything it names matches:
the Python, the version of the knowledge file its facts were read from, and the version of the code that built
the index (given by the caller: `bot.startup.index_code`); it ends with the number of its blocks and their
CRC. Anything else means "no saved index", and the index is built as on a first start. Deleting it is always
safe.

What it holds is opaque here: whatever plain data the engine gave (`bot.engine.saved`).
"""

from __future__ import annotations

import logging
import marshal
import os
import struct
import sys
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from knowledge.factcache import Stamp
from knowledge.files import atomic_write

log = logging.getLogger(__name__)

MAGIC = b"crimjust index cache 1\n"  # the number changes with the layout of what follows
_LENGTH = struct.Struct("<I")
PART = 10_000  # items marshalled at once (`_parts`)


def index_path(path: Path) -> Path:
    """The saved index that goes with the knowledge file `path` ("knowledge.json" -> "knowledge.index")."""
    return path.with_name(f"{path.stem}.index")


class IndexCache:
    """The file: `MAGIC`, a JSON line naming the Python, the knowledge file version and the code version, the
    data's items in blocks (each its length, then the item, or a part of a big dict, marshalled), and a last
    JSON line with the number of blocks and their CRC."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, stamp: Stamp, code: str) -> dict[str, Any] | None:
        """What was saved for the knowledge file version `stamp` by the code version `code` (None otherwise)."""
        data: dict[str, Any] = {}
        try:
            with self.path.open("rb", buffering=1 << 16) as fh:
                if fh.read(len(MAGIC)) != MAGIC or fh.readline() != _header(stamp, code):
                    return None
                for block in _checked_blocks(fh):
                    name, value = marshal.loads(block)
                    if name in data:  # the next part of a big dict
                        data[name].update(value)
                    else:
                        data[name] = value
        except (OSError, ValueError, EOFError, TypeError, AttributeError, struct.error, MemoryError):
            return None
        return data

    def holds(self, stamp: Stamp, code: str) -> bool:
        """Whether the file is whole and names that knowledge file version and code version (its blocks are
        checked against their CRC, not read: a millisecond)."""
        try:
            with self.path.open("rb", buffering=1 << 16) as fh:
                if fh.read(len(MAGIC)) != MAGIC or fh.readline() != _header(stamp, code):
                    return False
                for _ in _checked_blocks(fh):
                    pass
        except (OSError, ValueError, struct.error, MemoryError):
            return False
        return True

    def save(self, data: Mapping[str, Any], stamp: Stamp, code: str) -> None:
        """Keep `data` for the knowledge file version `stamp` and the code version `code`; a file that cannot be
        written is logged and left out (only the next start-up is slower).

        One block per item of `data`, a big dict in parts (`PART`), each marshalled in turn: marshal holds the
        GIL while it works, and the whole index at once would keep every answer waiting for 0.2 s at 10,000
        events."""
        try:
            atomic_write(self.path, _blocks(data, stamp, code), durable=False)
        except (OSError, ValueError) as exc:  # ValueError: a value marshal cannot keep
            log.warning("Could not write the saved index %s: %s", self.path.name, exc)


def _blocks(data: Mapping[str, Any], stamp: Stamp, code: str) -> Iterator[bytes]:
    yield MAGIC + _header(stamp, code)
    blocks = crc = 0
    for name, value in data.items():
        for part in _parts(value):
            block = marshal.dumps((name, part))
            crc, blocks = zlib.crc32(block, crc), blocks + 1
            yield _LENGTH.pack(len(block)) + block
    yield _LENGTH.pack(0) + orjson.dumps({"blocks": blocks, "crc32": crc}) + b"\n"


def _checked_blocks(fh: BinaryIO) -> Iterator[bytes]:
    """The blocks after the header, one at a time; `ValueError` (once they are all read) when the trailer does
    not match them, at once when a block would be longer than what is left of the file."""
    left = os.fstat(fh.fileno()).st_size - fh.tell()
    blocks = crc = 0
    while True:
        (length,) = _LENGTH.unpack(fh.read(_LENGTH.size))
        left -= _LENGTH.size + length
        if not length:
            break
        if left < 0:
            raise ValueError("a block longer than the file")
        block = fh.read(length)
        crc, blocks = zlib.crc32(block, crc), blocks + 1
        yield block
    if orjson.loads(fh.readline()) != {"blocks": blocks, "crc32": crc}:
        raise ValueError("the blocks do not match the file's last line")


def _parts(value: Any) -> Iterator[Any]:
    """A dict in parts of about `PART` items, counting the items of its values too (a posting list's events):
    a few milliseconds of marshal each."""
    if not isinstance(value, dict):
        yield value
        return
    part: dict[Any, Any] = {}
    size = 0
    for key, held in value.items():
        part[key] = held
        size += 1 + (len(held) if isinstance(held, set | frozenset | list | tuple | dict) else 0)
        if size >= PART:
            yield part
            part, size = {}, 0
    if part or not value:
        yield part


def _header(stamp: Stamp, code: str) -> bytes:
    return orjson.dumps({"python": sys.implementation.cache_tag, "stamp": list(stamp), "code": code}) + b"\n"

"""A copy of the live facts that loads in a fraction of the time the knowledge file takes to read.

Start-up reads every fact. From the knowledge file that means parsing 37 MB of JSON at 10,000 events and
turning 130,000 records into facts, about 0.35 s; from this cache it takes about 0.12 s. The cache is derived
data, never the truth:

- it names the code that read the facts (a digest of this package's source) and the version of the knowledge
  file it was made from (`LazyTables.version`: the inode, size and modification time of the very file its
  facts were read from, and the CRC that file's table of contents gives), and is used only for those;
- it ends with the number of its blocks and their CRC, so a file cut short or damaged is not used;
- the store writes it when it was not of the current knowledge file (`Store.keep_cache`: after an admin
  change once the bot has answered, on closing, and at start-up when it could not be used), replaced
  atomically but not fsynced: losing it only costs the next start-up the slow read;
- anything unexpected (another Python, another format, a missing or unreadable file) means "no cache": the
  store reads the knowledge file instead. Deleting it is always safe.

It is in Python's `marshal` format, the one Python itself keeps compiled modules in (``__pycache__``), with
the same trust: a file of the bot's own data folder. Unlike pickle, loading it never runs code. Strings the
facts share (field names, short values, subjects) are interned, which marshal keeps, and sources are shared
again when loaded, so the facts take the same memory as when read from the knowledge file.
"""

from __future__ import annotations

import logging
import marshal
import os
import struct
import sys
import zlib
from collections.abc import Iterator, Mapping
from functools import cache
from itertools import islice
from pathlib import Path
from typing import BinaryIO

import orjson

from knowledge.facts import Fact, Source
from knowledge.files import atomic_write, source_digest

log = logging.getLogger(__name__)

MAGIC = b"crimjust facts cache 3\n"  # the number changes with the layout of what follows
Stamp = tuple[int, ...]  # a knowledge file's version (`LazyTables.version`)
Facts = dict[str, tuple[Fact, ...]]
_LENGTH = struct.Struct("<I")
SUBJECTS_PER_BLOCK = 64  # a block is read and written whole: a few hundred kilobytes at most


def cache_path(path: Path) -> Path:
    """The cache that goes with the knowledge file `path` ("knowledge.json" -> "knowledge.cache")."""
    return path.with_name(f"{path.stem}.cache")


class FactCache:
    """The file: `MAGIC`, a JSON line naming the Python and the knowledge file version, one block per
    `SUBJECTS_PER_BLOCK` subjects (its length, then its sources and each subject with its facts, marshalled),
    and a last JSON line with the number of subjects and the blocks' CRC. Blocks are written and read one at a
    time: memory stays flat either way."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, stamp: Stamp) -> Facts | None:
        """The live facts by subject, if the cache was made from the knowledge file version `stamp`."""
        if not _code():
            return None
        try:
            with self.path.open("rb", buffering=1 << 16) as fh:
                return _read(fh, stamp)
        except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError, struct.error, MemoryError):
            return None

    def save(self, facts: Mapping[str, tuple[Fact, ...]], stamp: Stamp) -> None:
        """Keep `facts` (every live fact, by subject) as read from the knowledge file version `stamp`.

        A cache that cannot be written is logged and left out: the change it follows is already safe."""
        if not _code():
            return
        try:
            atomic_write(self.path, _blocks(facts, stamp), durable=False)
        except (OSError, ValueError) as exc:  # ValueError: a value marshal cannot keep (JSON values all are)
            log.warning("Could not write the facts cache %s: %s", self.path.name, exc)


def _header(stamp: Stamp) -> bytes:
    return orjson.dumps({"python": sys.implementation.cache_tag, "stamp": list(stamp), "code": _code()}) + b"\n"


@cache
def _code() -> str:
    """A digest of this package's source, which turns the knowledge file into facts: an upgrade that reads it
    otherwise never uses facts the old code read ("" when a file cannot be read: no cache is then used)."""
    try:
        return source_digest(Path(__file__).parent, ["*.py"])
    except OSError:
        return ""


def _blocks(facts: Mapping[str, tuple[Fact, ...]], stamp: Stamp) -> Iterator[bytes]:
    yield MAGIC + _header(stamp)
    crc = 0
    subjects = iter(facts.items())
    while chunk := list(islice(subjects, SUBJECTS_PER_BLOCK)):
        index: dict[Source, int] = {}  # each source once a block, its facts pointing to it
        rows = [
            (
                subject,
                [
                    (f.fid, f.field, _shared_keys(f.value), index.setdefault(f.source, len(index)), f.origin)
                    for f in live
                ],
            )
            for subject, live in chunk
        ]
        block = marshal.dumps(([tuple(source) for source in index], rows))
        crc = zlib.crc32(block, crc)
        yield _LENGTH.pack(len(block)) + block
    yield _LENGTH.pack(0) + orjson.dumps({"subjects": len(facts), "crc32": crc}) + b"\n"


def _shared_keys(value: object) -> object:
    """A dict value with its keys interned, so that marshal marks them and loading shares them again ("count"
    and "label" once, not once per fact)."""
    return {sys.intern(k): v for k, v in value.items()} if isinstance(value, dict) else value


def _read(fh: BinaryIO, stamp: Stamp) -> Facts | None:
    if fh.read(len(MAGIC)) != MAGIC or fh.readline() != _header(stamp):
        return None
    facts: Facts = {}
    shared: dict[tuple[str, ...], Source] = {}  # one Source per distinct source, across subjects too
    make, intern, crc = tuple.__new__, sys.intern, 0
    left = os.fstat(fh.fileno()).st_size - fh.tell()
    while length := _LENGTH.unpack(fh.read(_LENGTH.size))[0]:
        left -= _LENGTH.size + length
        if left < 0:  # a length damaged: not a block to make room for
            return None
        block = fh.read(length)
        crc = zlib.crc32(block, crc)
        sources, subjects = marshal.loads(block)
        here = [shared.get(source) or shared.setdefault(source, Source(*source)) for source in sources]
        for subject, rows in subjects:
            subject = intern(subject)
            facts[subject] = tuple(
                [make(Fact, (fid, subject, field, value, here[i], origin)) for fid, field, value, i, origin in rows]
            )
    trailer = orjson.loads(fh.readline())
    return facts if trailer == {"subjects": len(facts), "crc32": crc} else None

"""The store: two TinyDB files, written atomically, one writer at a time, each table parsed only when used.

- The knowledge (``BOT_DB_PATH``, ``knowledge.json``): one table per subject ("event:<id>", "programme:<id>")
  holding its facts, one audit table per subject ("audit:event:<id>") and "changes", one row per admin
  change (who, when, which subjects; what /undo walks back).
- The state (``knowledge.state.json`` beside it): feedback, chat languages, subscriptions, the outbox and its
  runs, unreachable chats. A vote, a subscription or a delivery never rewrites the knowledge.

This is the only module that touches TinyDB. Every change goes through `Store._mutation`, which holds the
writer lock (a thread lock and an ``flock`` on a side file, so a second process waits too) and batches all the
table writes of one change into a single atomic replacement of each file it touched: a file on disk is always
either the state before the change or the state after it, never half of it. A fact and its audit entry are
in the same file, so they land together.

Each table is one line of its file, and the last line is a table of contents (where each table starts and
ends), so opening a file parses no table. `AtomicJSONStorage` parses a table the first time it is used and, when
writing, copies the tables nobody touched byte for byte: an admin change to one event parses that event and its
audit, however many events there are, and start-up reads the facts without parsing any audit.
The live facts are kept once, in memory, as compact `Fact` tuples; questions are never answered from here
(the engine indexes `Store.facts()` and is refreshed by the caller after a change). A copy of them, the facts
cache (``knowledge.cache``, see `knowledge.factcache`), lets start-up skip parsing the knowledge file when the
cache was made from that very version of it.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import re
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, TypeVar

import orjson
from tinydb import TinyDB
from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Document, Table

from knowledge.factcache import FactCache, cache_path
from knowledge.facts import Fact, FactReader, bulk, bundled_facts
from knowledge.files import atomic_write, copy_chunks
from knowledge.journal import Journal

AUDIT = "audit:"  # + subject
CHANGES = "changes"
FEEDBACK = "feedback"
CHATS = "chats"
SUBSCRIPTIONS = "subscriptions"
OUTBOX = "outbox"
RUNS = "runs"
UNREACHABLE = "unreachable"

Tables = MutableMapping[str, dict[str, Any]]


def subject_of(fid: str) -> str:
    """The subject a fact id names: "event:panama-2021/funders/x" -> "event:panama-2021" (see `fact_id`)."""
    return fid.partition("/")[0]


def state_path(path: Path) -> Path:
    """The state file that goes with the knowledge file `path` ("knowledge.json" -> "knowledge.state.json")."""
    return path.with_name(f"{path.stem}.state{path.suffix or '.json'}")


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


def _peek(db: TinyDB, name: str) -> dict[str, Any]:
    """A table as stored ({doc id: record}), read-only and not kept parsed, without TinyDB making a Document
    of each record."""
    return _peek_in(db.storage.read(), name)


def _peek_in(tables: Tables | None, name: str) -> dict[str, Any]:
    if isinstance(tables, LazyTables):
        return tables.peek(name)
    return (tables or {}).get(name, {})


def _table(db: TinyDB, name: str) -> Table:
    """A TinyDB table, made afresh for each use: no cached next id or query results that another process's
    change could have made stale, and no table object kept for each of thousands of events."""
    return Table(db.storage, name, cache_size=0)


R = TypeVar("R")


def _reading(method: Callable[..., R]) -> Callable[..., R]:
    """Reads take the writer lock too: a reader must never see a change half made (TinyDB shares one dict)."""

    @functools.wraps(method)
    def locked(self: Store, *args: Any, **kwargs: Any) -> R:
        with self._lock:
            return method(self, *args, **kwargs)

    return locked


class Store:
    """The knowledge (facts, their audit, admin changes) and the bot's state, each in one TinyDB file.

    ``path=None`` keeps everything in memory (tests, benchmarks); otherwise the files are created on first use
    and the bundled knowledge is loaded into them.
    """

    def __init__(self, path: str | os.PathLike[str] | None, *, load_bundled: bool = True) -> None:
        self.path = Path(path) if path is not None else None
        self._lock = threading.RLock()
        self._depth = 0
        if self.path is None:
            self._knowledge, self._state = TinyDB(storage=MemoryStorage), TinyDB(storage=MemoryStorage)
        else:
            self._knowledge = TinyDB(self.path, storage=AtomicJSONStorage)
            self._state = TinyDB(state_path(self.path), storage=AtomicJSONStorage)
        # The live facts, by subject, as read from the knowledge file version `_seen` (another process's
        # change is noticed by the file's stamp, and everything is read again).
        self._facts: dict[str, tuple[Fact, ...]] = {}
        self._seen: object = None
        # The same facts, kept for a fast start in the cache file, as of the knowledge file version `_cached`.
        self._cache = FactCache(cache_path(self.path)) if self.path is not None else None
        self._cached: object = None
        self._cache_lock = threading.Lock()
        self._touched: set[str] = set()
        self.journal = Journal(self.path.with_name(self.path.name + ".deliveries") if self.path else None)
        self._migrate()
        if load_bundled:
            self.load_bundled()

    def _migrate(self) -> None:
        """Move a database kept in the first layout (one file: a "facts" table, an "audit" table and the state
        tables) into this one, keeping every fact, audit entry and change, and the ids of subscriptions and
        runs (buttons and the delivery journal name them).

        Idempotent: the state is written first, each table replaced whole; if the process dies before the
        knowledge is written, the next start migrates the same old file again to the same result."""
        with self._lock:
            tables = self._knowledge.storage.read()
            if not tables or "facts" not in tables:
                return
            with self._mutation():
                for record in tables["facts"].values():
                    _table(self._knowledge, record["subject"]).insert(record)
                    self._touched.add(record["subject"])
                changes: dict[int, dict[str, Any]] = {}
                for entry in tables.get("audit", {}).values():
                    subject = subject_of(entry["fid"])
                    _table(self._knowledge, AUDIT + subject).insert(entry)
                    row = changes.setdefault(int(entry["change"]), {"change": int(entry["change"]), "subjects": []})
                    row.update(actor=entry["actor"], by=entry.get("by", ""), ts=entry["ts"])
                    row["subjects"] = sorted({*row["subjects"], subject})
                    if entry.get("undoes") is not None:
                        row["undoes"] = entry["undoes"]
                _table(self._knowledge, CHANGES).insert_multiple(changes[n] for n in sorted(changes))
                for name in (FEEDBACK, CHATS, SUBSCRIPTIONS, OUTBOX, RUNS, UNREACHABLE):
                    state = _table(self._state, name)
                    state.truncate()
                    state.insert_multiple(Document(doc, int(i)) for i, doc in tables.get(name, {}).items())
                for name in ("facts", "audit", FEEDBACK, CHATS, SUBSCRIPTIONS, OUTBOX, RUNS, UNREACHABLE):
                    self._knowledge.drop_table(name)

    # -- writing -------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _mutation(self) -> Iterator[None]:
        """Hold the writer lock and commit every table write made inside as one atomic write per file.

        Re-entrant: a mutation inside another (see `batch`) joins it, and the outermost one writes. The facts
        of the subjects it touched are read again once written."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._depth = 1
            try:
                with self._file_lock():
                    self._sync()
                    self._touched.clear()
                    try:
                        with self._committing(self._knowledge), self._committing(self._state):
                            yield
                    except BaseException:
                        self._seen = None  # read everything again rather than trust what the failed change left
                        raise
                    self._reread(self._touched)
            finally:
                self._depth = 0

    def batch(self) -> contextlib.AbstractContextManager[None]:
        """Group many changes into one atomic write per file (importing many subscriptions, for example)."""
        return self._mutation()

    @staticmethod
    @contextlib.contextmanager
    def _committing(db: TinyDB) -> Iterator[None]:
        if isinstance(db.storage, AtomicJSONStorage):
            with db.storage.batch():
                yield
        else:
            yield

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[None]:
        if self.path is None:
            yield
            return
        with open(self.path.with_name(self.path.name + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def load_bundled(self) -> int:
        """Put the bundled facts into the database; returns how many were added or refreshed.

        Idempotent. A bundled fact that an admin edited or deleted is left as the admin left it; one that
        nobody touched is refreshed when the bundled knowledge changes.
        """
        changed = 0
        by_subject: dict[str, list[Fact]] = {}
        for fact in bundled_facts():
            by_subject.setdefault(fact.subject, []).append(fact)
        with self._mutation():
            for subject, facts in by_subject.items():
                table, stored = _table(self._knowledge, subject), self._records(subject)
                new = []
                for fact in facts:
                    record = fact.to_record()
                    doc_id, current = stored.get(fact.fid, (None, None))
                    if doc_id is None or current is None:
                        new.append(record)
                    elif current.get("edited") or current.get("deleted"):
                        continue
                    elif current["value"] != record["value"] or current["source"] != record["source"]:
                        table.update(record, doc_ids=[doc_id])
                    else:
                        continue
                    changed += 1
                    self._touched.add(subject)
                if new:
                    table.insert_multiple(new)
        return changed

    def _records(self, subject: str) -> dict[str, tuple[int, dict[str, Any]]]:
        """A subject's stored records (live or deleted) by fact id, with their doc ids."""
        return {record["fid"]: (int(doc_id), record) for doc_id, record in _peek(self._knowledge, subject).items()}

    def save_fact(self, fact: Fact, actor: str) -> int:
        """Add or replace one fact on behalf of `actor`; returns the change id."""
        return self.apply([fact], [], actor)

    def delete_fact(self, fid: str, actor: str) -> bool:
        """Mark a fact deleted (kept as a tombstone so reloading the bundle does not bring it back)."""
        if self.fact(fid) is None:
            return False
        self.apply([], [fid], actor)
        return True

    def apply(self, saves: list[Fact], deletes: list[str], actor: str, actor_name: str = "") -> int:
        """Save and delete facts as one change: one atomic write, audited under one change id (for /undo).

        Returns the change id. Deleting a fact that does not exist is ignored.
        """
        for fact in saves:
            if subject_of(fact.fid) != fact.subject:
                raise ValueError(f"fact id {fact.fid!r} does not start with its subject {fact.subject!r}")
        with self._mutation():
            change = self._next_change()
            work: dict[str, dict[str, Fact | None]] = {}  # subject -> fact id -> the fact to save, None to delete
            for fact in saves:
                work.setdefault(fact.subject, {})[fact.fid] = fact
            for fid in deletes:
                if self._live_fact(fid) is not None:
                    work.setdefault(subject_of(fid), {})[fid] = None
            for subject, items in work.items():
                table, stored = _table(self._knowledge, subject), self._records(subject)
                audit: list[dict[str, Any]] = []
                new: list[dict[str, Any]] = []
                for fid, saved in items.items():
                    doc_id, before = stored.get(fid, (None, None))
                    if saved is not None:
                        record = saved.to_record() | {"edited": True, "deleted": False}
                        audit.append(self._entry(change, actor, fid, _live(before), record, by=actor_name))
                        if doc_id is None:
                            new.append(record)
                        else:
                            table.update(record, doc_ids=[doc_id])
                    elif doc_id is not None and before is not None and not before.get("deleted"):
                        audit.append(self._entry(change, actor, fid, dict(before), None, by=actor_name))
                        table.update({"deleted": True, "edited": True}, doc_ids=[doc_id])
                if new:
                    table.insert_multiple(new)
                if audit:
                    _table(self._knowledge, AUDIT + subject).insert_multiple(audit)
                    self._touched.add(subject)
            self._record_change(change, actor, actor_name, sorted(self._touched))
            return change

    def undo(self, actor: str, actor_name: str = "") -> list[dict[str, Any]] | UndoConflict | None:
        """Revert `actor`'s last change that is not undone yet; returns its audit entries (None: nothing to undo).

        Refused (`UndoConflict`) when someone changed one of its facts since: undoing would silently throw
        their change away.
        """
        with self._mutation():
            changes = list(_peek(self._knowledge, CHANGES).values())
            undone = {c.get("undoes") for c in changes if c.get("undoes") is not None}
            mine = [c for c in changes if c["actor"] == actor and c.get("undoes") is None and c["change"] not in undone]
            if not mine:
                return None
            target = mine[-1]
            logs = {subject: list(_peek(self._knowledge, AUDIT + subject).values()) for subject in target["subjects"]}
            entries = [(s, dict(e)) for s, log in logs.items() for e in log if e["change"] == target["change"]]
            records = {subject: self._records(subject) for subject in logs}
            for subject, entry in entries:
                _, current = records[subject].get(entry["fid"], (None, None))
                if _comparable(_live(current)) != _comparable(entry["after"]):
                    later = [e for e in logs[subject] if e["fid"] == entry["fid"] and e["ts"] >= entry["ts"]]
                    return UndoConflict(entry["fid"], later[-1]["actor"] if later else "")
            undo_change = self._next_change()
            for subject, entry in reversed(entries):
                doc_id, current = records[subject][entry["fid"]]
                now = _live(current)  # copied before the update below, which TinyDB makes in place
                table = _table(self._knowledge, subject)
                if entry["before"] is None:
                    table.update({"deleted": True, "edited": True}, doc_ids=[doc_id])
                else:
                    table.update(dict(entry["before"]) | {"deleted": False, "edited": True}, doc_ids=[doc_id])
                undo = self._entry(undo_change, actor, entry["fid"], now, entry["before"], target["change"], actor_name)
                _table(self._knowledge, AUDIT + subject).insert(undo)
                self._touched.add(subject)
            self._record_change(undo_change, actor, actor_name, sorted(logs), undoes=target["change"])
            return [entry for _, entry in entries]

    def _next_change(self) -> int:
        return 1 + max((int(c["change"]) for c in _peek(self._knowledge, CHANGES).values()), default=0)

    def _record_change(
        self, change: int, actor: str, actor_name: str, subjects: list[str], undoes: int | None = None
    ) -> None:
        if subjects:
            row = {"change": change, "actor": actor, "by": actor_name, "ts": _now(), "subjects": subjects}
            _table(self._knowledge, CHANGES).insert(row | ({"undoes": undoes} if undoes is not None else {}))

    @staticmethod
    def _entry(
        change: int,
        actor: str,
        fid: str,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
        undoes: int | None = None,
        by: str = "",
    ) -> dict[str, Any]:
        entry = {"ts": _now(), "change": change, "actor": actor, "fid": fid, "before": before, "after": after}
        if by:
            entry["by"] = by
        if undoes is not None:
            entry["undoes"] = undoes
        return entry

    def record_feedback(self, *, chat_id: int, user_id: int, question: str, verdict: str, intent: str) -> None:
        """Keep a 👍/👎 or an unanswered question for admins to review."""
        with self._mutation():
            _table(self._state, FEEDBACK).insert(
                {
                    "ts": _now(),
                    "chat_id": chat_id,
                    "user_id": user_id,
                    "question": question,
                    "verdict": verdict,
                    "intent": intent,
                }
            )

    def backup(self, folder: Path, keep: int) -> Path | None:
        """Copy both database files into `folder` (atomically, under the writer lock), keeping the newest `keep`.

        Returns the knowledge file's copy (None for a store in memory); the state's copy is beside it."""
        if self.path is None:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{self.path.stem}-{stamp}.json"
        with self._lock, self._file_lock():
            for source, copy in ((self.path, target), (state_path(self.path), state_path(target))):
                if source.exists():
                    atomic_write(copy, copy_chunks(source))
        for old in self.backups(folder)[:-keep] if keep > 0 else []:
            old.unlink(missing_ok=True)
            state_path(old).unlink(missing_ok=True)
        return target

    def backups(self, folder: Path) -> list[Path]:
        """This database's backups in `folder` (the knowledge files), oldest first."""
        if self.path is None or not folder.is_dir():
            return []
        return sorted(p for p in folder.glob(f"{self.path.stem}-*.json") if not p.name.endswith(".state.json"))

    def set_chat_language(self, chat_id: int, lang: str | None) -> None:
        """Fix the language of a chat's answers (None: detect it from each message again)."""
        with self._mutation():
            chats = _table(self._state, CHATS)
            chats.remove(lambda doc: doc.get("chat_id") == chat_id)
            if lang is not None:
                chats.insert({"chat_id": chat_id, "lang": lang, "ts": _now()})

    # -- subscriptions -------------------------------------------------------------------------------

    def subscribe(self, chat_id: int, chat_type: str, filters: dict[str, list[str]], lang: str, by: int) -> int:
        """Add a subscription (one combination of filters; none = everything); the same one twice is one."""
        with self._mutation():
            table = _table(self._state, SUBSCRIPTIONS)
            for doc in table.all():
                if doc["chat_id"] == chat_id and doc["filters"] == filters:
                    table.update({"paused": False, "lang": lang}, doc_ids=[doc.doc_id])
                    self._set_reachable(chat_id, True)
                    return int(doc.doc_id)
            sid = table.insert(
                {
                    "chat_id": chat_id,
                    "chat_type": chat_type,
                    "filters": filters,
                    "lang": lang,
                    "paused": False,
                    "by": by,
                    "ts": _now(),
                }
            )
            self._set_reachable(chat_id, True)
            return sid

    @_reading
    def subscriptions(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        return [
            dict(doc) | {"sid": doc.doc_id}
            for doc in _table(self._state, SUBSCRIPTIONS).all()
            if chat_id is None or doc["chat_id"] == chat_id
        ]

    def set_paused(self, sid: int, paused: bool, chat_id: int) -> bool:
        with self._mutation():
            table = _table(self._state, SUBSCRIPTIONS)
            doc = table.get(doc_id=sid)
            if not isinstance(doc, dict) or doc["chat_id"] != chat_id:
                return False
            table.update({"paused": paused}, doc_ids=[sid])
            return True

    def unsubscribe(self, chat_id: int, sid: int | None = None) -> int:
        """Remove one subscription of a chat (or all of them); returns how many went."""
        with self._mutation():
            table = _table(self._state, SUBSCRIPTIONS)
            docs = [d for d in table.all() if d["chat_id"] == chat_id and (sid is None or d.doc_id == sid)]
            table.remove(doc_ids=[d.doc_id for d in docs])
            return len(docs)

    @_reading
    def unreachable_chats(self) -> set[int]:
        return {int(d["chat_id"]) for d in _peek(self._state, UNREACHABLE).values()}

    def set_reachable(self, chat_id: int, reachable: bool) -> None:
        with self._mutation():
            self._set_reachable(chat_id, reachable)

    def _set_reachable(self, chat_id: int, reachable: bool) -> None:
        table = _table(self._state, UNREACHABLE)
        gone = [int(doc_id) for doc_id, d in _peek(self._state, UNREACHABLE).items() if d["chat_id"] == chat_id]
        if gone:
            table.remove(doc_ids=gone)
        if not reachable:
            table.insert({"chat_id": chat_id, "ts": _now()})

    # -- the outbox ----------------------------------------------------------------------------------

    def enqueue(self, run: dict[str, Any], messages: list[dict[str, Any]]) -> tuple[int, bool]:
        """Queue a delivery: the run (what, for whom, counts) and one message per chat, in one atomic write.

        Returns the run id and whether it is new: a run whose "request" (the Telegram update that asked for it)
        was queued before is not queued twice, so an update Telegram delivers again after a crash notifies
        nobody twice."""
        with self._mutation():
            request = run.get("request")
            for doc_id, existing in _peek(self._state, RUNS).items():
                if request and existing.get("request") == request:
                    return int(doc_id), False
            rid = _table(self._state, RUNS).insert(run | {"ts": _now()})
            _table(self._state, OUTBOX).insert_multiple(
                {**m, "run": rid, "key": f"{rid}:{m['chat_id']}"} for m in messages
            )
            return rid, True

    @_reading
    def pending(self) -> list[dict[str, Any]]:
        """Queued messages not finished yet (the journal says which are), oldest run first."""
        done = self.journal.entries()
        return [dict(m) for m in _peek(self._state, OUTBOX).values() if m["key"] not in done]

    def finish(self, key: str, status: str, **extra: Any) -> None:
        """Mark one message finished ("sent", "failed", "blocked", ...), durably, before the next send."""
        with self._lock:  # not while compact_outbox reads and clears the journal
            self.journal.record(key, status=status, ts=_now(), **extra)

    @_reading
    def run_report(self, rid: int) -> dict[str, Any]:
        """A run's figures: messages by status (queued ones still pending), and what the run was."""
        run: dict[str, Any] = dict(_peek(self._state, RUNS).get(str(rid), {}))
        done = self.journal.entries()
        counts: dict[str, int] = dict(run.get("counts", {}))  # folded in by compaction
        for m in _peek(self._state, OUTBOX).values():
            if m["run"] == rid:
                status = str(done.get(m["key"], {}).get("status", "pending"))
                counts[status] = counts.get(status, 0) + 1
        return {"run": run, "counts": counts}

    def compact_outbox(self) -> int:
        """Fold finished deliveries into the database and empty the journal; returns how many were folded."""
        with self._mutation():
            done = self.journal.entries()
            outbox = _table(self._state, OUTBOX)
            finished = [m for m in outbox.all() if m["key"] in done]
            runs = _table(self._state, RUNS)
            for m in finished:
                run = runs.get(doc_id=m["run"])
                if isinstance(run, dict):
                    counts = dict(run.get("counts", {}))
                    status = str(done[m["key"]].get("status"))
                    counts[status] = counts.get(status, 0) + 1
                    runs.update({"counts": counts}, doc_ids=[m["run"]])
            outbox.remove(doc_ids=[m.doc_id for m in finished])
            self.journal.clear()  # under the writer lock: nothing is journaled between reading and clearing
        return len(finished)

    # -- reading -------------------------------------------------------------------------------------

    def _version(self) -> object:
        storage = self._knowledge.storage
        return storage.stamp() if isinstance(storage, AtomicJSONStorage) else "memory"

    def _sync(self) -> None:
        """Read every live fact again if the knowledge file is not the version they were read from: from the
        cache when it was made from this very version, from the knowledge file otherwise."""
        version = self._version()
        if version == self._seen:
            return
        cached = None
        if self._cache is not None and isinstance(version, tuple):
            with bulk():
                cached = self._cache.load(version)
        if cached is not None:
            self._facts, self._seen, self._cached = cached, version, version
            return
        tables = self._knowledge.storage.read() or {}
        subjects = [name for name in tables if ":" in name and not name.startswith(AUDIT)]
        self._facts = {}
        self._read_subjects(subjects)
        self._seen = self._version()

    def _reread(self, subjects: Collection[str]) -> None:
        self._read_subjects(subjects)
        self._seen = self._version()

    def _read_subjects(self, subjects: Iterable[str]) -> None:
        """Read the live facts of `subjects` (a subject left with none is dropped; one read again keeps its
        place, so the facts stay in the order of the file)."""
        read, tables = FactReader(), self._knowledge.storage.read()  # once: not a stat of the file per subject
        with bulk():
            for subject in subjects:
                live = read.live(subject, _peek_in(tables, subject).values())
                if live:
                    self._facts[subject] = live
                else:
                    self._facts.pop(subject, None)

    @_reading
    def facts(self) -> list[Fact]:
        """Every live fact (deleted ones left out)."""
        self._sync()
        return [fact for live in self._facts.values() for fact in live]

    @_reading
    def fact(self, fid: str) -> Fact | None:
        self._sync()
        return self._live_fact(fid)

    def _live_fact(self, fid: str) -> Fact | None:
        return next((fact for fact in self._facts.get(subject_of(fid), ()) if fact.fid == fid), None)

    @_reading
    def chat_languages(self) -> dict[int, str]:
        return {int(doc["chat_id"]): str(doc["lang"]) for doc in _peek(self._state, CHATS).values() if "lang" in doc}

    @_reading
    def audit_log(self) -> list[dict[str, Any]]:
        """Every audit entry, oldest change first."""
        tables = self._knowledge.storage.read() or {}
        logs = [_peek(self._knowledge, name) for name in list(tables) if name.startswith(AUDIT)]
        entries = [dict(e) for log in logs for e in log.values()]
        return sorted(entries, key=lambda e: int(e["change"]))

    @_reading
    def history(self, subject: str) -> list[dict[str, Any]]:
        """The audit entries of one subject's facts ("event:<id>"), newest first."""
        return [dict(e) for e in _peek(self._knowledge, AUDIT + subject).values()][::-1]

    @_reading
    def feedback(self, verdicts: tuple[str, ...] = ("down", "unanswered")) -> list[dict[str, Any]]:
        return [dict(doc) for doc in _peek(self._state, FEEDBACK).values() if doc["verdict"] in verdicts]

    def keep_cache(self) -> None:
        """Write the facts cache if the knowledge file changed since it was (the bot calls this after an admin
        change once it has answered, and at start-up; closing does too). A change is safe without it: the next
        start-up is only slower.

        The store stays free meanwhile: the facts are taken under its lock, and written under the cache's own
        (so that two writes one after the other leave the later one)."""
        with self._cache_lock:
            with self._lock:
                self._sync()
                facts, seen = dict(self._facts), self._seen
            if self._cache is not None and isinstance(seen, tuple) and seen != self._cached:
                self._cache.save(facts, seen)
                self._cached = seen

    def close(self) -> None:
        self.keep_cache()
        self._knowledge.close()
        self._state.close()


@dataclass(frozen=True)
class UndoConflict:
    """An undo refused: `fid` was changed by `actor` after the change to undo."""

    fid: str
    actor: str


def _live(doc: Any) -> dict[str, Any] | None:
    """A stored fact record, or None when there is none (never stored, or deleted)."""
    if not isinstance(doc, dict) or doc.get("deleted"):
        return None
    return dict(doc)


def _comparable(record: dict[str, Any] | None) -> tuple[Any, ...] | None:
    return None if record is None else (record.get("value"), record.get("source"))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

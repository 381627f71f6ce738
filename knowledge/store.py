"""The knowledge store: TinyDB on one JSON file, written atomically, one writer at a time.

This is the only module that touches TinyDB. Every change goes through `Store._mutation`, which holds the
writer lock (a thread lock and an ``flock`` on a side file, so a second process waits too) and batches all the
table writes of one change into a single atomic file replacement: the file on disk is always either the state
before the change or the state after it, never half of it.

Questions are never answered from here: the engine builds an in-memory index from `Store.facts()` once and is
refreshed by the caller after a change.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import orjson
from tinydb import TinyDB
from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Document

from knowledge.facts import Fact, bundled_facts
from knowledge.journal import Journal

FACTS = "facts"
AUDIT = "audit"
FEEDBACK = "feedback"
CHATS = "chats"
SUBSCRIPTIONS = "subscriptions"
OUTBOX = "outbox"
RUNS = "runs"
UNREACHABLE = "unreachable"


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where directories cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload`: temp file in the same folder, fsync, os.replace, fsync of the folder."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


class AtomicJSONStorage(Storage):
    """TinyDB storage whose every write atomically replaces the file; writes can be batched into one.

    The parsed file is kept while the file on disk is the one this storage last read or wrote (same inode,
    size and modification time): TinyDB reads the whole database for every query, and parsing it again each
    time would cost as much as the question. A batch that fails drops it, since TinyDB changes what it read
    in place before writing.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._pending: dict[str, dict[str, Any]] | None = None
        self._batching = False
        self._cache: tuple[tuple[int, int, int], dict[str, dict[str, Any]]] | None = None

    def _stamp(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._batching and self._pending is not None:
            return self._pending
        stamp = self._stamp()
        if stamp is None:
            return None
        if self._cache is not None and self._cache[0] == stamp:
            data = self._cache[1]
        else:
            raw = self.path.read_bytes()
            if not raw.strip():
                return None
            data = orjson.loads(raw)
            self._cache = (stamp, data)
        if self._batching:
            self._pending = data
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self._batching:
            self._pending = data
            return
        self._write_now(data)

    def _write_now(self, data: dict[str, dict[str, Any]]) -> None:
        self._cache = None
        atomic_write_bytes(self.path, orjson.dumps(data))
        stamp = self._stamp()
        self._cache = (stamp, data) if stamp is not None else None

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Collect the writes made inside the block and commit them as one atomic write at its end."""
        self._batching, self._pending = True, None
        try:
            yield
            if self._pending is not None:
                self._write_now(self._pending)
        except BaseException:
            self._cache = None  # TinyDB may have changed the cached data before the write failed
            raise
        finally:
            self._batching, self._pending = False, None

    def close(self) -> None:
        pass


R = TypeVar("R")


def _reading(method: Callable[..., R]) -> Callable[..., R]:
    """Reads take the writer lock too: a reader must never see a change half made (TinyDB shares one dict)."""

    @functools.wraps(method)
    def locked(self: Store, *args: Any, **kwargs: Any) -> R:
        with self._lock:
            return method(self, *args, **kwargs)

    return locked


class Store:
    """Facts, their audit log and user feedback, kept in one TinyDB database.

    ``path=None`` keeps everything in memory (tests, benchmarks); otherwise the file is created on first use
    and the bundled knowledge is loaded into it.
    """

    def __init__(self, path: str | os.PathLike[str] | None, *, load_bundled: bool = True) -> None:
        self.path = Path(path) if path is not None else None
        self._lock = threading.RLock()
        self._depth = 0
        if self.path is None:
            self._storage: Storage | None = None
            self._db = TinyDB(storage=MemoryStorage)
        else:
            self._db = TinyDB(self.path, storage=AtomicJSONStorage)
            self._storage = self._db.storage
        self._fid_doc: dict[str, int] = {record["fid"]: int(i) for i, record in self._raw(FACTS).items()}
        self.journal = Journal(self.path.with_name(self.path.name + ".deliveries") if self.path else None)
        if load_bundled:
            self.load_bundled()

    # -- writing -------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _mutation(self) -> Iterator[None]:
        """Hold the writer lock and commit every table write made inside as one atomic file write.

        Re-entrant: a mutation inside another (see `batch`) joins it, and the outermost one writes."""
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
                with self._file_lock(), self._committing():
                    yield
            finally:
                self._depth = 0

    def batch(self) -> contextlib.AbstractContextManager[None]:
        """Group many changes into one atomic write (importing many subscriptions, for example)."""
        return self._mutation()

    @contextlib.contextmanager
    def _committing(self) -> Iterator[None]:
        try:
            if isinstance(self._storage, AtomicJSONStorage):
                with self._storage.batch():
                    yield
            else:
                yield
        finally:
            # TinyDB caches query results per table; a failed batch must not leave them stale.
            for name in self._db.tables():
                self._db.table(name).clear_cache()

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
        facts = self._db.table(FACTS)
        changed = 0
        with self._mutation():
            for fact in bundled_facts():
                record = fact.to_record()
                doc_id = self._fid_doc.get(fact.fid)
                if doc_id is None:
                    self._fid_doc[fact.fid] = facts.insert(record)
                    changed += 1
                    continue
                current = facts.get(doc_id=doc_id)
                assert isinstance(current, Document)
                if current.get("edited") or current.get("deleted"):
                    continue
                if current["value"] != record["value"] or current["source"] != record["source"]:
                    facts.update(record, doc_ids=[doc_id])
                    changed += 1
        return changed

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

        Returns the change id. Deleting a fact that does not exist is ignored. New facts and audit entries
        are inserted together (TinyDB rewrites a whole table per call, so one call per table, not per fact).
        """
        facts = self._db.table(FACTS)
        with self._mutation():
            change = self._next_change()
            audit: list[dict[str, Any]] = []
            new: list[tuple[str, dict[str, Any]]] = []
            for fact in saves:
                doc_id = self._fid_doc.get(fact.fid)
                before = facts.get(doc_id=doc_id) if doc_id is not None else None
                record = fact.to_record() | {"edited": True, "deleted": False}
                if doc_id is None:
                    new.append((fact.fid, record))
                else:
                    facts.update(record, doc_ids=[doc_id])
                audit.append(self._entry(change, actor, fact.fid, _live(before), record, by=actor_name))
            ids = facts.insert_multiple(record for _, record in new)
            self._fid_doc.update((fid, doc_id) for (fid, _), doc_id in zip(new, ids, strict=True))
            for fid in deletes:
                doc_id = self._fid_doc.get(fid)
                before = facts.get(doc_id=doc_id) if doc_id is not None else None
                if doc_id is None or not isinstance(before, Document) or before.get("deleted"):
                    continue
                facts.update({"deleted": True, "edited": True}, doc_ids=[doc_id])
                audit.append(self._entry(change, actor, fid, dict(before), None, by=actor_name))
            self._db.table(AUDIT).insert_multiple(audit)
            return change

    def undo(self, actor: str, actor_name: str = "") -> list[dict[str, Any]] | UndoConflict | None:
        """Revert `actor`'s last change that is not undone yet; returns its audit entries (None: nothing to undo).

        Refused (`UndoConflict`) when someone changed one of its facts since: undoing would silently throw
        their change away.
        """
        facts = self._db.table(FACTS)
        with self._mutation():
            log = self._db.table(AUDIT).all()
            undone = {entry.get("undoes") for entry in log if entry.get("undoes") is not None}
            mine = [e for e in log if e["actor"] == actor and e.get("undoes") is None and e.get("change") not in undone]
            if not mine:
                return None
            change = mine[-1].get("change")
            entries = [dict(e) for e in log if e.get("change") == change]
            for entry in entries:
                doc_id = self._fid_doc.get(entry["fid"])
                current = _live(facts.get(doc_id=doc_id)) if doc_id is not None else None
                if _comparable(current) != _comparable(entry["after"]):
                    later = [e for e in log if e["fid"] == entry["fid"] and e["ts"] >= entry["ts"]]
                    return UndoConflict(entry["fid"], later[-1]["actor"] if later else "")
            undo_change = self._next_change()
            for entry in reversed(entries):
                doc_id = self._fid_doc[entry["fid"]]
                current = facts.get(doc_id=doc_id)
                if entry["before"] is None:
                    facts.update({"deleted": True, "edited": True}, doc_ids=[doc_id])
                else:
                    restored = {k: v for k, v in entry["before"].items()}
                    facts.update(restored | {"deleted": False, "edited": True}, doc_ids=[doc_id])
                undo = self._entry(
                    undo_change, actor, entry["fid"], _live(current), entry["before"], change, actor_name
                )
                self._db.table(AUDIT).insert(undo)
            return entries

    def _next_change(self) -> int:
        log = self._db.table(AUDIT)
        return 1 + max((int(e.get("change", 0)) for e in log.all()), default=0)

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
            self._db.table(FEEDBACK).insert(
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
        """Copy the database file into `folder` (atomically, under the writer lock), keeping the newest `keep`.

        Returns the new copy (None for a store in memory)."""
        if self.path is None:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        with self._lock, self._file_lock():
            payload = self.path.read_bytes()
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
            target = folder / f"{self.path.stem}-{stamp}.json"
            atomic_write_bytes(target, payload)
        for old in self.backups(folder)[:-keep] if keep > 0 else []:
            old.unlink(missing_ok=True)
        return target

    def backups(self, folder: Path) -> list[Path]:
        """This database's backups in `folder`, oldest first."""
        if self.path is None or not folder.is_dir():
            return []
        return sorted(folder.glob(f"{self.path.stem}-*.json"))

    def set_chat_language(self, chat_id: int, lang: str | None) -> None:
        """Fix the language of a chat's answers (None: detect it from each message again)."""
        with self._mutation():
            chats = self._db.table(CHATS)
            chats.remove(lambda doc: doc.get("chat_id") == chat_id)
            if lang is not None:
                chats.insert({"chat_id": chat_id, "lang": lang, "ts": _now()})

    # -- subscriptions -------------------------------------------------------------------------------

    def subscribe(self, chat_id: int, chat_type: str, filters: dict[str, list[str]], lang: str, by: int) -> int:
        """Add a subscription (one combination of filters; none = everything); the same one twice is one."""
        with self._mutation():
            table = self._db.table(SUBSCRIPTIONS)
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
            for doc in self._db.table(SUBSCRIPTIONS).all()
            if chat_id is None or doc["chat_id"] == chat_id
        ]

    def set_paused(self, sid: int, paused: bool, chat_id: int) -> bool:
        with self._mutation():
            table = self._db.table(SUBSCRIPTIONS)
            doc = table.get(doc_id=sid)
            if not isinstance(doc, Document) or doc["chat_id"] != chat_id:
                return False
            table.update({"paused": paused}, doc_ids=[sid])
            return True

    def unsubscribe(self, chat_id: int, sid: int | None = None) -> int:
        """Remove one subscription of a chat (or all of them); returns how many went."""
        with self._mutation():
            table = self._db.table(SUBSCRIPTIONS)
            docs = [d for d in table.all() if d["chat_id"] == chat_id and (sid is None or d.doc_id == sid)]
            table.remove(doc_ids=[d.doc_id for d in docs])
            return len(docs)

    @_reading
    def unreachable_chats(self) -> set[int]:
        return {int(d["chat_id"]) for d in self._db.table(UNREACHABLE).all()}

    def set_reachable(self, chat_id: int, reachable: bool) -> None:
        with self._mutation():
            self._set_reachable(chat_id, reachable)

    def _set_reachable(self, chat_id: int, reachable: bool) -> None:
        table = self._db.table(UNREACHABLE)
        table.remove(doc_ids=[d.doc_id for d in table.all() if d["chat_id"] == chat_id])
        if not reachable:
            table.insert({"chat_id": chat_id, "ts": _now()})

    # -- the outbox ----------------------------------------------------------------------------------

    def enqueue(self, run: dict[str, Any], messages: list[dict[str, Any]]) -> int:
        """Queue a delivery: the run (what, for whom, counts) and one message per chat, in one atomic write."""
        with self._mutation():
            rid = self._db.table(RUNS).insert(run | {"ts": _now()})
            self._db.table(OUTBOX).insert_multiple({**m, "run": rid, "key": f"{rid}:{m['chat_id']}"} for m in messages)
            return rid

    @_reading
    def pending(self) -> list[dict[str, Any]]:
        """Queued messages not finished yet (the journal says which are), oldest run first."""
        done = self.journal.entries()
        return [dict(m) for m in self._db.table(OUTBOX).all() if m["key"] not in done]

    def finish(self, key: str, status: str, **extra: Any) -> None:
        """Mark one message finished ("sent", "failed", "blocked", ...), durably, before the next send."""
        with self._lock:  # not while compact_outbox reads and clears the journal
            self.journal.record(key, status=status, ts=_now(), **extra)

    @_reading
    def run_report(self, rid: int) -> dict[str, Any]:
        """A run's figures: messages by status (queued ones still pending), and what the run was."""
        found = self._db.table(RUNS).get(doc_id=rid)
        run: dict[str, Any] = dict(found) if isinstance(found, Document) else {}
        done = self.journal.entries()
        counts: dict[str, int] = dict(run.get("counts", {}))  # folded in by compaction
        for m in self._db.table(OUTBOX).all():
            if m["run"] == rid:
                status = str(done.get(m["key"], {}).get("status", "pending"))
                counts[status] = counts.get(status, 0) + 1
        return {"run": run, "counts": counts}

    def compact_outbox(self) -> int:
        """Fold finished deliveries into the database and empty the journal; returns how many were folded."""
        with self._mutation():
            done = self.journal.entries()
            outbox = self._db.table(OUTBOX)
            finished = [m for m in outbox.all() if m["key"] in done]
            runs = self._db.table(RUNS)
            for m in finished:
                run = runs.get(doc_id=m["run"])
                if isinstance(run, Document):
                    counts = dict(run.get("counts", {}))
                    status = str(done[m["key"]].get("status"))
                    counts[status] = counts.get(status, 0) + 1
                    runs.update({"counts": counts}, doc_ids=[run.doc_id])
            outbox.remove(doc_ids=[m.doc_id for m in finished])
            self.journal.clear()  # under the writer lock: nothing is journaled between reading and clearing
        return len(finished)

    # -- reading -------------------------------------------------------------------------------------

    @_reading
    def chat_languages(self) -> dict[int, str]:
        return {int(doc["chat_id"]): str(doc["lang"]) for doc in self._db.table(CHATS).all() if "lang" in doc}

    @_reading
    def facts(self) -> list[Fact]:
        """Every live fact (deleted ones left out)."""
        return [Fact.from_record(record) for record in self._raw(FACTS).values() if not record.get("deleted")]

    def _raw(self, table: str) -> dict[str, dict[str, Any]]:
        """A table as stored ({doc id: record}), read-only, without TinyDB making a Document of every record
        (with 100,000 facts that alone takes a second)."""
        data = self._db.storage.read() or {}
        return data.get(table, {})

    @_reading
    def fact(self, fid: str) -> Fact | None:
        doc_id = self._fid_doc.get(fid)
        doc = self._db.table(FACTS).get(doc_id=doc_id) if doc_id is not None else None
        if not isinstance(doc, Document) or doc.get("deleted"):
            return None
        return Fact.from_record(doc)

    @_reading
    def audit_log(self) -> list[dict[str, Any]]:
        return [dict(doc) for doc in self._db.table(AUDIT).all()]

    @_reading
    def history(self, subject: str) -> list[dict[str, Any]]:
        """The audit entries of one subject's facts ("event:<id>"), newest first."""
        prefix = subject + "/"
        found = [dict(e) for e in self._db.table(AUDIT).all() if e["fid"] == subject or e["fid"].startswith(prefix)]
        return found[::-1]

    @_reading
    def feedback(self, verdicts: tuple[str, ...] = ("down", "unanswered")) -> list[dict[str, Any]]:
        return [dict(doc) for doc in self._db.table(FEEDBACK).all() if doc["verdict"] in verdicts]

    def close(self) -> None:
        self._db.close()


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

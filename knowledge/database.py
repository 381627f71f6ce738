"""The two files of a store and the one way to change them: `Database._mutation`.

- The knowledge (``BOT_DB_PATH``, ``knowledge.json``): one table per subject ("event:<id>", "programme:<id>")
  holding its facts, one audit table per subject ("audit:event:<id>") and "changes", one row per admin
  change (who, when, which subjects; what /undo walks back). See `knowledge.audit`.
- The state (``knowledge.state.json`` beside it): feedback, chat languages, subscriptions, the outbox and its
  runs, unreachable chats. A vote, a subscription or a delivery never rewrites the knowledge. See
  `knowledge.state`.

Every change goes through `_mutation`, which holds the writer lock (a thread lock and an ``flock`` on a side
file, `knowledge.locks`, so a second process waits too) and batches all the table writes of one change into a
single atomic replacement of each file it touched: a file on disk is always either the state before the change
or the state after it, never half of it. A fact and its audit entry are in the same file, so they land together.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from knowledge.locks import writer_lock
from knowledge.storage import AtomicJSONStorage
from knowledge.tablefile import LazyTables, Tables


def state_path(path: Path) -> Path:
    """The state file that goes with the knowledge file `path` ("knowledge.json" -> "knowledge.state.json")."""
    return path.with_name(f"{path.stem}.state{path.suffix or '.json'}")


class Database:
    """The knowledge and the state, each one TinyDB file (or both in memory, ``path=None``), and the writer lock.

    Subclasses hook into every change: `_before_change` runs under the lock before it, `_after_change` once it
    is written (or failed)."""

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self.path = Path(path) if path is not None else None
        self._lock = threading.RLock()
        self._depth = 0
        if self.path is None:
            self._knowledge, self._state = TinyDB(storage=MemoryStorage), TinyDB(storage=MemoryStorage)
        else:
            self._knowledge = TinyDB(self.path, storage=AtomicJSONStorage)
            self._state = TinyDB(state_path(self.path), storage=AtomicJSONStorage)
            for db in (self._knowledge, self._state):  # both whole, or refused now (`DamagedFile`): not later
                db.storage.read()

    def _before_change(self) -> None:
        """Called under the writer lock before every change."""

    def _after_change(self, written: bool) -> None:
        """Called under the writer lock after every change (`written`: it is on disk; otherwise it failed)."""

    @contextlib.contextmanager
    def _mutation(self) -> Iterator[None]:
        """Hold the writer lock and commit every table write made inside as one atomic write per file.

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
                with self._file_lock():
                    self._before_change()
                    try:
                        with _committing(self._knowledge), _committing(self._state):
                            yield
                    except BaseException:
                        self._after_change(written=False)
                        raise
                    self._after_change(written=True)
            finally:
                self._depth = 0

    def batch(self) -> contextlib.AbstractContextManager[None]:
        """Group many changes into one atomic write per file (importing many subscriptions, for example)."""
        return self._mutation()

    def _file_lock(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext() if self.path is None else writer_lock(self.path)

    def close(self) -> None:
        self._knowledge.close()
        self._state.close()


@contextlib.contextmanager
def _committing(db: TinyDB) -> Iterator[None]:
    if isinstance(db.storage, AtomicJSONStorage):
        with db.storage.batch():
            yield
    else:
        yield


def peek(db: TinyDB, name: str) -> dict[str, Any]:
    """A table as stored ({doc id: record}), read-only and not kept parsed, without TinyDB making a Document
    of each record."""
    return peek_in(db.storage.read(), name)


def peek_in(tables: Tables | None, name: str) -> dict[str, Any]:
    if isinstance(tables, LazyTables):
        return tables.peek(name)
    return (tables or {}).get(name, {})


def table_of(db: TinyDB, name: str) -> Table:
    """A TinyDB table, made afresh for each use: no cached next id or query results that another process's
    change could have made stale, and no table object kept for each of thousands of events."""
    return Table(db.storage, name, cache_size=0)


R = TypeVar("R")


def reading(method: Callable[..., R]) -> Callable[..., R]:
    """Reads take the writer lock too: a reader must never see a change half made (TinyDB shares one dict)."""

    @functools.wraps(method)
    def locked(self: Database, *args: Any, **kwargs: Any) -> R:
        with self._lock:
            return method(self, *args, **kwargs)

    return locked


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

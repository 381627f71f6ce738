"""The facts and their audit: the knowledge file's subject tables, their audit tables and "changes".

Every admin change (`apply`, `undo`) is one change id, one audit entry per fact it changed (who, when, before,
after) in the audit table of the fact's subject, and one row in "changes" (what /undo walks back), all in one
atomic write of the knowledge file (`Database._mutation`). The bundled facts are loaded idempotently, never over
what an admin changed or deleted.

The live facts are kept once, in memory, as compact `Fact` tuples; questions are never answered from here
(the engine indexes `facts()` and is refreshed by the caller after a change). A copy of them, the facts
cache (``knowledge.cache``, see `knowledge.factcache`), lets start-up skip parsing the knowledge file when the
cache was made from that very version of it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from knowledge.database import Database, now, peek, peek_in, reading, table_of
from knowledge.factcache import FactCache, Stamp, cache_path
from knowledge.facts import Fact, FactReader, bulk, bundled_facts
from knowledge.storage import AtomicJSONStorage
from knowledge.tablefile import DamagedFile

AUDIT = "audit:"  # + subject
CHANGES = "changes"


def subject_of(fid: str) -> str:
    """The subject a fact id names: "event:panama-2021/funders/x" -> "event:panama-2021" (see `fact_id`)."""
    return fid.partition("/")[0]


class AuditedFacts(Database):
    """The knowledge part of `knowledge.store.Store`."""

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        super().__init__(path)
        # The live facts, by subject, as read from the knowledge file version `_seen` (another process's
        # change is noticed by the file's stamp, and everything is read again).
        self._facts: dict[str, tuple[Fact, ...]] = {}
        self._seen: object = None
        # The same facts, kept for a fast start in the cache file, as of the knowledge file version `_cached`.
        self._cache = FactCache(cache_path(self.path)) if self.path is not None else None
        self._cached: object = None
        self._cache_lock = threading.Lock()
        self._touched: set[str] = set()  # the subjects the change being made touched

    def _before_change(self) -> None:
        super()._before_change()
        self._sync()
        self._touched.clear()

    def _after_change(self, written: bool) -> None:
        super()._after_change(written)
        if written:
            self._reread(self._touched)  # the facts of the subjects it touched are read again
        else:
            self._seen = None  # read everything again rather than trust what the failed change left

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
                records, stored = table_of(self._knowledge, subject), self._records(subject)
                new = []
                for fact in facts:
                    record = fact.to_record()
                    doc_id, current = stored.get(fact.fid, (None, None))
                    if doc_id is None or current is None:
                        new.append(record)
                    elif current.get("edited") or current.get("deleted"):
                        continue
                    elif current["value"] != record["value"] or current["source"] != record["source"]:
                        records.update(record, doc_ids=[doc_id])
                    else:
                        continue
                    changed += 1
                    self._touched.add(subject)
                if new:
                    records.insert_multiple(new)
        return changed

    def _records(self, subject: str) -> dict[str, tuple[int, dict[str, Any]]]:
        """A subject's stored records (live or deleted) by fact id, with their doc ids."""
        return {record["fid"]: (int(doc_id), record) for doc_id, record in peek(self._knowledge, subject).items()}

    def save_fact(self, fact: Fact, actor: str) -> int:
        """Add or replace one fact on behalf of `actor`; returns the change id."""
        return self.apply([fact], [], actor)

    def delete_fact(self, fid: str, actor: str) -> bool:
        """Mark a fact deleted (kept as a tombstone so reloading the bundle does not bring it back)."""
        if self.fact(fid) is None:
            return False
        self.apply([], [fid], actor)
        return True

    def apply(
        self,
        saves: list[Fact],
        deletes: list[str],
        actor: str,
        actor_name: str = "",
        *,
        expect: Mapping[str, Fact | None] | None = None,
    ) -> int:
        """Save and delete facts as one change: one atomic write, audited under one change id (for /undo).

        Returns the change id. Deleting a fact that does not exist is ignored.

        `expect` names facts as the admin saw them when asking for the change (a fact id -> that fact, or None
        for none): if one of them is not so any more (another admin changed it meanwhile), nothing is changed
        and `ChangedMeanwhile` says what it is now, and who made it so.
        """
        for fact in saves:
            if subject_of(fact.fid) != fact.subject:
                raise ValueError(f"fact id {fact.fid!r} does not start with its subject {fact.subject!r}")
        with self._mutation():
            conflict = self._changed_meanwhile(expect or {})
            if conflict is None:
                return self._apply(saves, deletes, actor, actor_name)
        raise conflict

    def _changed_meanwhile(self, expect: Mapping[str, Fact | None]) -> ChangedMeanwhile | None:
        for fid, seen in expect.items():
            now = self._live_fact(fid)
            if _as_seen(now) == _as_seen(seen):
                continue
            log = list(peek(self._knowledge, AUDIT + subject_of(fid)).values())
            last: dict[str, Any] = next((e for e in reversed(log) if e["fid"] == fid), {})
            if now is None and last:  # an item of a list replaced: deleted, and its new value saved, in one change
                field = fid.split("/")[1]
                saved = [e for e in log if e["change"] == last["change"] and e["after"] and e["fid"] != fid]
                now = next((self._live_fact(e["fid"]) for e in saved if e["fid"].split("/")[1] == field), None)
            return ChangedMeanwhile(fid, now, str(last.get("by") or last.get("actor") or ""))
        return None

    def _apply(self, saves: list[Fact], deletes: list[str], actor: str, actor_name: str) -> int:
        """The change `apply` makes, inside its mutation."""
        change = self._next_change()
        work: dict[str, dict[str, Fact | None]] = {}  # subject -> fact id -> the fact to save, None to delete
        for fact in saves:
            work.setdefault(fact.subject, {})[fact.fid] = fact
        for fid in deletes:
            if self._live_fact(fid) is not None:
                work.setdefault(subject_of(fid), {})[fid] = None
        for subject, items in work.items():
            records, stored = table_of(self._knowledge, subject), self._records(subject)
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
                        records.update(record, doc_ids=[doc_id])
                elif doc_id is not None and before is not None and not before.get("deleted"):
                    audit.append(self._entry(change, actor, fid, dict(before), None, by=actor_name))
                    records.update({"deleted": True, "edited": True}, doc_ids=[doc_id])
            if new:
                records.insert_multiple(new)
            if audit:
                table_of(self._knowledge, AUDIT + subject).insert_multiple(audit)
                self._touched.add(subject)
        self._record_change(change, actor, actor_name, sorted(self._touched))
        return change

    def undo(self, actor: str, actor_name: str = "") -> list[dict[str, Any]] | UndoConflict | None:
        """Revert `actor`'s last change that is not undone yet; returns its audit entries (None: nothing to undo).

        Refused (`UndoConflict`) when someone changed one of its facts since: undoing would silently throw
        their change away.
        """
        with self._mutation():
            changes = list(peek(self._knowledge, CHANGES).values())
            undone = {c.get("undoes") for c in changes if c.get("undoes") is not None}
            mine = [c for c in changes if c["actor"] == actor and c.get("undoes") is None and c["change"] not in undone]
            if not mine:
                return None
            target = mine[-1]
            logs = {subject: list(peek(self._knowledge, AUDIT + subject).values()) for subject in target["subjects"]}
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
                was = _live(current)  # copied before the update below, which TinyDB makes in place
                facts = table_of(self._knowledge, subject)
                if entry["before"] is None:
                    facts.update({"deleted": True, "edited": True}, doc_ids=[doc_id])
                else:
                    facts.update(dict(entry["before"]) | {"deleted": False, "edited": True}, doc_ids=[doc_id])
                undo = self._entry(undo_change, actor, entry["fid"], was, entry["before"], target["change"], actor_name)
                table_of(self._knowledge, AUDIT + subject).insert(undo)
                self._touched.add(subject)
            self._record_change(undo_change, actor, actor_name, sorted(logs), undoes=target["change"])
            return [entry for _, entry in entries]

    def _next_change(self) -> int:
        return 1 + max((int(c["change"]) for c in peek(self._knowledge, CHANGES).values()), default=0)

    def _record_change(
        self, change: int, actor: str, actor_name: str, subjects: list[str], undoes: int | None = None
    ) -> None:
        if subjects:
            row = {"change": change, "actor": actor, "by": actor_name, "ts": now(), "subjects": subjects}
            table_of(self._knowledge, CHANGES).insert(row | ({"undoes": undoes} if undoes is not None else {}))

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
        entry = {"ts": now(), "change": change, "actor": actor, "fid": fid, "before": before, "after": after}
        if by:
            entry["by"] = by
        if undoes is not None:
            entry["undoes"] = undoes
        return entry

    def _version(self) -> object:
        """The knowledge file's stamp as it is now (a stat): what tells that it changed."""
        storage = self._knowledge.storage
        return storage.stamp() if isinstance(storage, AtomicJSONStorage) else "memory"

    def _version_of(self, tables: object) -> object:
        """The version of the knowledge file `tables` were read from (`LazyTables.version`: the very file read,
        with its CRC), or the stamp now for tables that are not a file's."""
        version = getattr(tables, "version", None)
        return version if version is not None else self._version()

    def _current(self) -> bool:
        seen, now = self._seen, self._version()
        return seen == now or (isinstance(seen, tuple) and seen[:3] == now)

    def _sync(self) -> None:
        """Read every live fact again if the knowledge file is not the version they were read from: from the
        cache when it was made from this very version, from the knowledge file otherwise."""
        if self._current():
            return
        tables = self._knowledge.storage.read() or {}  # opens the file, reading only its table of contents
        version = self._version_of(tables)
        cached = None
        if self._cache is not None and isinstance(version, tuple):
            with bulk():
                cached = self._cache.load(version)
        if cached is not None:
            self._facts, self._seen, self._cached = cached, version, version
            return
        subjects = [name for name in tables if ":" in name and not name.startswith(AUDIT)]
        facts: dict[str, tuple[Fact, ...]] = {}
        self._read_subjects(subjects, tables, facts)  # kept only once all is read: never a part of them
        self._facts, self._seen = facts, version

    def _reread(self, subjects: Collection[str]) -> None:
        tables = self._knowledge.storage.read()
        try:
            self._read_subjects(subjects, tables, self._facts)
        except BaseException:
            self._seen = None  # what was read of them is not trusted: everything is read again next time
            raise
        self._seen = self._version_of(tables)

    def _read_subjects(self, subjects: Iterable[str], tables: Any, into: dict[str, tuple[Fact, ...]]) -> None:
        """Read the live facts of `subjects` from `tables` into `into` (a subject left with none is dropped; one
        read again keeps its place, so the facts stay in the order of the file)."""
        read = FactReader()
        with bulk():
            for subject in subjects:
                try:
                    live = read.live(subject, peek_in(tables, subject).values())
                except (KeyError, TypeError, AttributeError) as exc:  # a record without the fields of a fact
                    if self.path is None:
                        raise
                    problem = f"has a table, {subject!r}, holding a record that is not a fact"
                    raise DamagedFile(self.path, problem) from exc
                if live:
                    into[subject] = live
                else:
                    into.pop(subject, None)

    @reading
    def facts(self) -> list[Fact]:
        """Every live fact (deleted ones left out)."""
        self._sync()
        return self._live()

    def stamp(self) -> object:
        """The knowledge file's stamp as it is now (a stat, no lock): what `is_of` compares."""
        return self._version()

    def is_of(self, version: object) -> bool:
        """Whether the knowledge file is still the version `version` (`versioned_facts`): a stat, no lock, nothing
        read. True for a version that is not a file's (a database in memory, or none named)."""
        return not isinstance(version, tuple) or self._version() == version[:3]

    @reading
    def versioned_facts(self) -> tuple[list[Fact], Stamp | None]:
        """Every live fact, and the version of the knowledge file they are of (None for a database in memory):
        what is derived from them (`knowledge.indexcache`) is kept under it."""
        self._sync()
        seen = self._seen
        return self._live(), seen if isinstance(seen, tuple) else None

    def _live(self) -> list[Fact]:
        return [fact for live in self._facts.values() for fact in live]

    @reading
    def fact(self, fid: str) -> Fact | None:
        self._sync()
        return self._live_fact(fid)

    def _live_fact(self, fid: str) -> Fact | None:
        return next((fact for fact in self._facts.get(subject_of(fid), ()) if fact.fid == fid), None)

    @reading
    def audit_log(self) -> list[dict[str, Any]]:
        """Every audit entry, oldest change first."""
        tables = self._knowledge.storage.read() or {}
        logs = [peek(self._knowledge, name) for name in list(tables) if name.startswith(AUDIT)]
        entries = [dict(e) for log in logs for e in log.values()]
        return sorted(entries, key=lambda e: int(e["change"]))

    @reading
    def history(self, subject: str) -> list[dict[str, Any]]:
        """The audit entries of one subject's facts ("event:<id>"), newest first."""
        return [dict(e) for e in peek(self._knowledge, AUDIT + subject).values()][::-1]

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
        super().close()


class ChangedMeanwhile(Exception):
    """A change refused: the fact `fid` is not what the admin saw any more; it is `now` (None: there is none),
    made so by `by` (an admin's name or id; "" when not by an admin's change)."""

    def __init__(self, fid: str, now: Fact | None, by: str) -> None:
        super().__init__(f"{fid} was changed meanwhile by {by or 'someone'}")
        self.fid, self.now, self.by = fid, now, by


def _as_seen(fact: Fact | None) -> tuple[Any, ...] | None:
    return None if fact is None else (fact.value, fact.source)


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

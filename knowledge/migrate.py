"""Migrations: a database kept in an earlier layout is moved into this one when it is opened.

The first layout kept everything in one file: a "facts" table, an "audit" table and the state tables. It is
moved into the two files of `knowledge.database`, keeping every fact, audit entry and change, and the ids of
subscriptions and runs (buttons and the delivery journal name them).
"""

from __future__ import annotations

from typing import Any

from tinydb.table import Document

from knowledge.audit import AUDIT, CHANGES, AuditedFacts, subject_of
from knowledge.database import table_of
from knowledge.state import TABLES


def migrate(store: AuditedFacts) -> None:
    """Move a database kept in the first layout into this one (nothing to do for one in this layout).

    Idempotent: the state is written first, each table replaced whole; if the process dies before the
    knowledge is written, the next start migrates the same old file again to the same result."""
    knowledge, state = store._knowledge, store._state
    with store._lock:
        tables = knowledge.storage.read()
        if not tables or "facts" not in tables:
            return
        with store._mutation():
            for record in tables["facts"].values():
                table_of(knowledge, record["subject"]).insert(record)
                store._touched.add(record["subject"])
            changes: dict[int, dict[str, Any]] = {}
            for entry in tables.get("audit", {}).values():
                subject = subject_of(entry["fid"])
                table_of(knowledge, AUDIT + subject).insert(entry)
                row = changes.setdefault(int(entry["change"]), {"change": int(entry["change"]), "subjects": []})
                row.update(actor=entry["actor"], by=entry.get("by", ""), ts=entry["ts"])
                row["subjects"] = sorted({*row["subjects"], subject})
                if entry.get("undoes") is not None:
                    row["undoes"] = entry["undoes"]
            table_of(knowledge, CHANGES).insert_multiple(changes[n] for n in sorted(changes))
            for name in TABLES:
                moved = table_of(state, name)
                moved.truncate()
                moved.insert_multiple(Document(doc, int(i)) for i, doc in tables.get(name, {}).items())
            for name in ("facts", "audit", *TABLES):
                knowledge.drop_table(name)

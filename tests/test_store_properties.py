"""Property-based: whatever admins change, in whatever order, the file store agrees with the store in memory,
survives reopening, and its table of contents points at every table.

The file store is the complex one (tables parsed when used, untouched tables copied in ranges, a table of
contents); the store in memory runs the same code over TinyDB's plain MemoryStorage, so it is the model.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge import tablefile
from knowledge.facts import Fact, Source
from knowledge.store import Store, UndoConflict

SUBJECTS = ["event:panama-2021-osint-training", "event:vienna-2017-side-event", "event:new-1", "event:new-2"]
VALUES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)

save = st.tuples(st.just("save"), st.sampled_from(SUBJECTS), st.sampled_from(["topics", "funders"]), VALUES)
delete = st.tuples(st.just("delete"), st.integers(0, 200))
undo = st.tuples(st.just("undo"), st.sampled_from(["1", "2"]))
vote = st.tuples(st.just("vote"), st.integers(1, 3))
OPS = st.lists(st.one_of(save, delete, undo, vote), max_size=25)


def run(store: Store, ops: list[tuple[Any, ...]]) -> list[Any]:
    """Apply `ops` and say what each did (the two stores must say the same)."""
    said: list[Any] = []
    for n, op in enumerate(ops):
        kind = op[0]
        if kind == "save":
            _, subject, field, value = op
            fid = f"{subject}/{field}/v{n % 5}"
            fact = Fact(fid, subject, field, value, Source("admin", f"quote {n}", added_by="1"), "admin")
            said.append(store.apply([fact], [], actor=str(1 + n % 2)))
        elif kind == "delete":
            live = sorted(f.fid for f in store.facts())
            said.append(store.delete_fact(live[op[1] % len(live)], actor="1"))
        elif kind == "undo":
            result = store.undo(op[1])
            said.append(result if result is None or isinstance(result, UndoConflict) else len(result))
        else:
            store.record_feedback(chat_id=op[1], user_id=op[1], question="q", verdict="down", intent="x")
            said.append(len(store.feedback()))
    return said


def history_of(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Each subject's audit, without the times (the two stores do not run in the same second)."""
    return {s: [{k: v for k, v in e.items() if k != "ts"} for e in store.history(s)] for s in SUBJECTS}


def facts_of(store: Store) -> dict[str, tuple[Any, ...]]:
    return {f.fid: (f.subject, f.field, f.value, f.source, f.origin) for f in store.facts()}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPS)
def test_the_file_store_agrees_with_the_store_in_memory_and_survives_reopening(ops):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "db.json"
        on_disk, in_memory = Store(path), Store(None)
        assert run(on_disk, ops) == run(in_memory, ops)
        assert facts_of(on_disk) == facts_of(in_memory)
        history = history_of(on_disk)
        assert history == history_of(in_memory)
        on_disk.close()

        reopened = Store(path, load_bundled=False)
        assert facts_of(reopened) == facts_of(in_memory)
        assert history_of(reopened) == history
        whole = json.loads(path.read_bytes())
        tables = tablefile.LazyTables.open(path)
        assert tables is not None and tables.written
        assert {name: tables.peek(name) for name in tables} == {k: v for k, v in whole.items() if k != "__contents__"}
        tables.close()
        reopened.close()

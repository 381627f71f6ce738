"""The store: idempotent bundled load, admin changes kept, atomic and serialized writes."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from knowledge import store as store_module
from knowledge.facts import Fact, Source, bundled_facts
from knowledge.store import Store

FUNDERS_EU = "event:panama-2021-osint-training/funders/european-union"


def _admin_fact(fid: str = FUNDERS_EU, value: str = "European Commission") -> Fact:
    subject, field = fid.split("/")[:2]
    return Fact(fid, subject, field, value, Source(doc="", quote="admin correction", added_by="42"), "admin")


def test_first_use_loads_every_bundled_fact(store):
    assert {f.fid for f in store.facts()} == {f.fid for f in bundled_facts()}


def test_loading_again_changes_nothing(store):
    assert store.load_bundled() == 0
    assert len(store.facts()) == len(bundled_facts())


def test_admin_edit_survives_reloading_the_bundle(store):
    store.save_fact(_admin_fact(), actor="42")
    store.load_bundled()
    assert store.fact(FUNDERS_EU).value == "European Commission"


def test_deleted_fact_is_not_brought_back_by_reloading(store):
    assert store.delete_fact(FUNDERS_EU, actor="42")
    store.load_bundled()
    assert store.fact(FUNDERS_EU) is None
    assert FUNDERS_EU not in {f.fid for f in store.facts()}


def test_deleting_twice_or_unknown_reports_nothing_deleted(store):
    assert store.delete_fact(FUNDERS_EU, actor="42")
    assert not store.delete_fact(FUNDERS_EU, actor="42")
    assert not store.delete_fact("event:nowhere/title", actor="42")


def test_changes_are_audited_with_before_and_after(store):
    store.save_fact(_admin_fact(), actor="42")
    entry = store.audit_log()[-1]
    assert entry["actor"] == "42" and entry["fid"] == FUNDERS_EU
    assert entry["before"]["value"] == "European Union"
    assert entry["after"]["value"] == "European Commission"


def test_changes_survive_reopening_the_file(tmp_path: Path):
    path = tmp_path / "db.json"
    Store(path).save_fact(_admin_fact(), actor="42")
    reopened = Store(path)
    assert reopened.fact(FUNDERS_EU).value == "European Commission"
    assert len(reopened.audit_log()) == 1


def test_write_leaves_a_parsable_file_and_no_temp_files(tmp_path: Path):
    path = tmp_path / "db.json"
    Store(path).save_fact(_admin_fact(), actor="42")
    json.loads(path.read_text(encoding="utf-8"))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_write_that_fails_midway_leaves_the_previous_file_intact(tmp_path: Path, monkeypatch):
    path = tmp_path / "db.json"
    store = Store(path)
    before = path.read_bytes()

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(store_module.os, "replace", crash)
    with pytest.raises(OSError):
        store.save_fact(_admin_fact(), actor="42")
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.undo()
    assert Store(path).fact(FUNDERS_EU).value == "European Union"


def test_one_change_is_one_file_write(tmp_path: Path, monkeypatch):
    """A fact and its audit entry land together: never the fact without its audit line."""
    store = Store(tmp_path / "db.json")
    writes = []
    real = store_module.atomic_write_bytes
    monkeypatch.setattr(store_module, "atomic_write_bytes", lambda p, b: (writes.append(p), real(p, b)))
    store.save_fact(_admin_fact(), actor="42")
    assert len(writes) == 1


def test_concurrent_admins_never_lose_each_others_changes(tmp_path: Path):
    store = Store(tmp_path / "db.json")

    def admin(n: int) -> None:
        for i in range(10):
            fid = f"event:panama-2021-osint-training/topics/admin-{n}-{i}"
            store.save_fact(_admin_fact(fid, f"topic {n}-{i}"), actor=str(n))

    threads = [threading.Thread(target=admin, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    reopened = Store(tmp_path / "db.json")
    added = [f for f in reopened.facts() if "/admin-" in f.fid]
    assert len(added) == 40
    assert len(reopened.audit_log()) == 40


def test_feedback_is_kept_for_admins(store):
    store.record_feedback(chat_id=1, user_id=2, question="how many judges?", verdict="down", intent="attendance")
    store.record_feedback(chat_id=1, user_id=2, question="who funded it?", verdict="up", intent="funders")
    assert [f["question"] for f in store.feedback()] == ["how many judges?"]


def test_default_database_location_is_created_on_first_use(tmp_path: Path, monkeypatch):
    path = tmp_path / "nested" / "dir" / "db.json"
    Store(path)
    assert path.exists() and os.path.getsize(path) > 0


def test_undo_reverts_the_actors_last_change_and_then_the_one_before(store):
    store.save_fact(_admin_fact(value="European Commission"), actor="42")
    store.save_fact(_admin_fact(value="EU"), actor="42")
    store.undo("42")
    assert store.fact(FUNDERS_EU).value == "European Commission"
    store.undo("42")
    assert store.fact(FUNDERS_EU).value == "European Union"
    assert store.undo("42") is None


def test_undo_of_an_added_fact_removes_it_and_of_a_deletion_brings_it_back(store):
    new = "event:panama-2021-osint-training/funders/canada"
    store.save_fact(_admin_fact(new, "Canada"), actor="7")
    store.undo("7")
    assert store.fact(new) is None
    store.delete_fact(FUNDERS_EU, actor="7")
    store.undo("7")
    assert store.fact(FUNDERS_EU).value == "European Union"


def test_one_change_of_many_facts_is_undone_as_one(store):
    facts = [_admin_fact(f"event:new-event/topics/t{i}", f"topic {i}") for i in range(3)]
    store.apply(facts, [FUNDERS_EU], actor="7")
    assert len({e["change"] for e in store.audit_log()}) == 1
    store.undo("7")
    assert not [f for f in store.facts() if f.subject == "event:new-event"]
    assert store.fact(FUNDERS_EU) is not None


def test_undo_never_throws_away_another_admins_later_change(store):
    store.save_fact(_admin_fact(value="European Commission"), actor="1")
    store.save_fact(_admin_fact(value="EU (corrected)"), actor="2")
    conflict = store.undo("1")
    assert conflict.fid == FUNDERS_EU and conflict.actor == "2"
    assert store.fact(FUNDERS_EU).value == "EU (corrected)"
    store.undo("2")
    assert store.fact(FUNDERS_EU).value == "European Commission"


def test_history_of_an_event_newest_first(store):
    store.save_fact(_admin_fact(value="European Commission"), actor="1")
    store.delete_fact("event:vienna-2017-side-event/title", actor="2")
    store.undo("1")
    panama = store.history("event:panama-2021-osint-training")
    assert [e["actor"] for e in panama] == ["1", "1"]
    assert panama[0]["undoes"] == panama[1]["change"]
    assert [e["fid"] for e in store.history("event:vienna-2017-side-event")] == ["event:vienna-2017-side-event/title"]


def test_a_batch_of_changes_is_one_write(tmp_path: Path, monkeypatch):
    store = Store(tmp_path / "db.json")
    writes = []
    real = store_module.atomic_write_bytes
    monkeypatch.setattr(store_module, "atomic_write_bytes", lambda p, b: (writes.append(p), real(p, b)))
    with store.batch():
        for chat in range(50):
            store.subscribe(chat, "private", {}, "en", by=chat)
        store.save_fact(_admin_fact(), actor="42")
    assert len(writes) == 1
    reopened = Store(tmp_path / "db.json")
    assert len(reopened.subscriptions()) == 50 and reopened.fact(FUNDERS_EU).value == "European Commission"

"""The store: idempotent bundled load, admin changes kept, atomic and serialized writes."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from knowledge import storage, tablefile
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

    monkeypatch.setattr(tablefile.os, "replace", crash)
    with pytest.raises(OSError):
        store.save_fact(_admin_fact(), actor="42")
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.undo()
    assert Store(path).fact(FUNDERS_EU).value == "European Union"


def _count_writes(monkeypatch) -> list[Path]:
    writes: list[Path] = []
    real = storage.atomic_write
    monkeypatch.setattr(storage, "atomic_write", lambda p, chunks: (writes.append(p), real(p, chunks)))
    return writes


def test_one_change_is_one_file_write(tmp_path: Path, monkeypatch):
    """A fact and its audit entry land together: never the fact without its audit line."""
    store = Store(tmp_path / "db.json")
    writes = _count_writes(monkeypatch)
    store.save_fact(_admin_fact(), actor="42")
    assert writes == [tmp_path / "db.json"]


def test_votes_subscriptions_and_language_never_rewrite_the_knowledge(tmp_path: Path, monkeypatch):
    store = Store(tmp_path / "db.json")
    writes = _count_writes(monkeypatch)
    store.record_feedback(chat_id=1, user_id=2, question="q", verdict="up", intent="funders")
    store.subscribe(1, "private", {}, "en", by=1)
    store.set_chat_language(1, "es")
    assert writes == [tmp_path / "db.state.json"] * 3
    assert store.undo("42") is None and store.fact(FUNDERS_EU) is not None
    assert len(writes) == 3  # nothing to undo and reading: no write at all


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


def test_a_batch_of_changes_is_one_write_per_file(tmp_path: Path, monkeypatch):
    store = Store(tmp_path / "db.json")
    writes = _count_writes(monkeypatch)
    with store.batch():
        for chat in range(50):
            store.subscribe(chat, "private", {}, "en", by=chat)
        store.save_fact(_admin_fact(), actor="42")
        store.save_fact(_admin_fact(value="EC"), actor="42")
    assert sorted(writes) == [tmp_path / "db.json", tmp_path / "db.state.json"]
    reopened = Store(tmp_path / "db.json")
    assert len(reopened.subscriptions()) == 50 and reopened.fact(FUNDERS_EU).value == "EC"
    history = reopened.history("event:panama-2021-osint-training")
    assert [e["after"]["value"] for e in history] == ["EC", "European Commission"]


# -- the file layout: one table per line, parsed when used ------------------------------------------------------


def test_a_change_to_one_event_leaves_every_other_table_byte_for_byte(tmp_path: Path):
    path = tmp_path / "db.json"
    store = Store(path)

    def tables() -> dict[str, bytes]:
        lines = path.read_bytes().splitlines()
        return {line.split(b'":', 1)[0].lstrip(b'"').decode(): line.rstrip(b",") for line in lines[1:-1]}

    before = tables()
    store.save_fact(_admin_fact(), actor="42")
    after = tables()
    changed = {name for name in after if before.get(name) != after[name]}
    panama = "event:panama-2021-osint-training"
    assert changed == {panama, f"audit:{panama}", "changes", "__contents__"}
    assert "event:vienna-2017-side-event" in set(after) - changed and len(after) - len(changed) == 3  # + programmes


def test_a_file_in_plain_tinydb_layout_or_edited_by_hand_still_reads(tmp_path: Path):
    path = tmp_path / "db.json"
    Store(path).save_fact(_admin_fact(), actor="42")
    data = json.loads(path.read_bytes())
    path.write_text(json.dumps(data))  # one line, as TinyDB's own storage writes it
    assert Store(path).fact(FUNDERS_EU).value == "European Commission"
    Store(path).save_fact(_admin_fact(value="EC"), actor="42")  # back to one table per line
    edited = path.read_text().replace('"EC"', '"E.C."')  # by hand: every offset after it moves
    path.write_text(edited)
    reopened = Store(path)
    assert reopened.fact(FUNDERS_EU).value == "E.C."
    assert reopened.fact("event:vienna-2017-side-event/title") is not None


def test_a_change_made_by_another_process_is_seen(tmp_path: Path):
    bot, other = Store(tmp_path / "db.json"), Store(tmp_path / "db.json")
    assert bot.fact(FUNDERS_EU).value == "European Union"
    other.save_fact(_admin_fact(), actor="42")
    assert bot.fact(FUNDERS_EU).value == "European Commission"
    bot.save_fact(_admin_fact("event:panama-2021-osint-training/funders/canada", "Canada"), actor="7")
    assert {f.value for f in other.facts() if f.field == "funders"} >= {"European Commission", "Canada"}


def test_the_table_of_contents_points_at_every_table_after_many_changes(tmp_path: Path):
    path = tmp_path / "db.json"
    store = Store(path)
    for n, subject in enumerate(["event:vienna-2017-side-event", "event:a", "event:panama-2021-osint-training"] * 3):
        store.save_fact(_admin_fact(f"{subject}/topics/t{n}", f"topic é {n}"), actor=str(n % 2))
    store.delete_fact("event:vienna-2017-side-event/title", actor="0")
    store.record_feedback(chat_id=1, user_id=2, question="q", verdict="down", intent="x")
    whole = json.loads(path.read_bytes())
    tables = tablefile.LazyTables.open(path)
    assert tables is not None and tables.written  # opened from its table of contents
    assert set(tables) == set(whole) - {"__contents__"}
    assert all(tables.peek(name) == whole[name] for name in tables)
    tables.close()


def _first_layout(path: Path) -> None:
    """A database as the first layout kept it: tables "facts" and "audit" beside the state tables, in one file."""
    records = {str(n): f.to_record() for n, f in enumerate(bundled_facts(), 1)}
    eu = next(k for k, r in records.items() if r["fid"] == FUNDERS_EU)
    before = dict(records[eu])
    records[eu] = before | {"value": "European Commission", "origin": "admin", "edited": True, "deleted": False}
    entry = {"ts": "2026-11-01T10:00:00+00:00", "change": 1, "actor": "42", "fid": FUNDERS_EU}
    old = {
        "facts": records,
        "audit": {"1": entry | {"before": before, "after": records[eu]}},
        "subscriptions": {"7": {"chat_id": 11, "chat_type": "private", "filters": {}, "lang": "es", "paused": False}},
        "runs": {"3": {"event": "vienna-2017-side-event", "admin_chat": 42, "lang": "en", "total": 1}},
        "outbox": {"1": {"chat_id": 11, "run": 3, "key": "3:11", "lang": "es"}},
        "feedback": {"1": {"chat_id": 1, "user_id": 2, "question": "how many judges?", "verdict": "down"}},
    }
    path.write_text(json.dumps(old))


def test_a_database_in_the_first_layout_is_migrated_with_nothing_lost(tmp_path: Path):
    path = tmp_path / "db.json"
    _first_layout(path)
    store = Store(path)
    assert store.fact(FUNDERS_EU).value == "European Commission"
    assert len(store.facts()) == len(bundled_facts())
    assert [e["actor"] for e in store.history("event:panama-2021-osint-training")] == ["42"]
    assert [(s["sid"], s["lang"]) for s in store.subscriptions()] == [(7, "es")]
    assert [m["key"] for m in store.pending()] == ["3:11"]
    assert [f["question"] for f in store.feedback()] == ["how many judges?"]
    assert store.undo("42") is not None and store.fact(FUNDERS_EU).value == "European Union"
    reopened = Store(path)
    assert reopened.fact(FUNDERS_EU).value == "European Union" and len(reopened.subscriptions()) == 1
    assert "facts" not in json.loads(path.read_bytes())


def test_undoing_a_change_of_several_facts_audits_each_as_it_was_before_the_undo(tmp_path: Path):
    store = Store(tmp_path / "db.json")
    topic = "event:panama-2021-osint-training/topics/crypto"
    store.apply([_admin_fact(), _admin_fact(topic, "crypto")], [FUNDERS_EU.replace("european-union", "x")], "7")
    store.undo("7")
    undone = {e["fid"]: e for e in store.history("event:panama-2021-osint-training") if "undoes" in e}
    assert undone[FUNDERS_EU]["before"]["value"] == "European Commission"
    assert undone[FUNDERS_EU]["after"]["value"] == "European Union"
    assert undone[topic]["before"]["value"] == "crypto" and undone[topic]["after"] is None


def test_a_fact_whose_id_does_not_start_with_its_subject_is_refused(store):
    wrong = Fact("event:vienna-2017-side-event/topics/x", "event:panama-2021-osint-training", "topics", "x", Source())
    with pytest.raises(ValueError, match="does not start with its subject"):
        store.save_fact(wrong, actor="42")
    assert store.fact("event:vienna-2017-side-event/topics/x") is None and store.audit_log() == []


def test_a_migration_cut_short_is_done_again_to_the_same_result(tmp_path: Path, monkeypatch):
    """The state is written first: if the process dies before the knowledge is, the next start migrates the old
    file again, and nothing is doubled."""
    path = tmp_path / "db.json"
    _first_layout(path)
    real = storage.atomic_write

    def dies_before_the_knowledge(target: Path, chunks):
        if target == path:
            raise OSError("killed")
        return real(target, chunks)

    monkeypatch.setattr(storage, "atomic_write", dies_before_the_knowledge)
    with pytest.raises(OSError):
        Store(path)
    monkeypatch.undo()
    store = Store(path)
    assert [(s["sid"], s["chat_id"]) for s in store.subscriptions()] == [(7, 11)]
    assert [m["key"] for m in store.pending()] == ["3:11"] and len(store.feedback()) == 1
    assert store.fact(FUNDERS_EU).value == "European Commission" and len(store.audit_log()) == 1

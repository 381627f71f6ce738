"""The atomic write under a simulated power loss (only what was fsynced survives), at every possible moment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.facts import Fact, Source
from knowledge.files import atomic_write
from knowledge.store import Store
from tests.powerloss import after_power_loss, every_crash, record_disk_ops

PANAMA = "event:panama-2021-osint-training"
FUNDERS = f"{PANAMA}/funders/government-of-canada"


def _records(data: dict, prefix: str) -> list[dict]:
    return [r for name, table in data.items() if name.startswith(prefix) for r in table.values()]


def _values(data: dict) -> list:
    """The values of every fact in a knowledge file (one table per subject: "event:..." and "programme:...")."""
    return [r["value"] for r in _records(data, "event:") + _records(data, "programme:")]


def test_the_file_is_old_or_new_whenever_the_power_goes(tmp_path: Path):
    path = tmp_path / "db.json"
    path.write_bytes(b'{"old": true}')
    with record_disk_ops() as disk:
        atomic_write(path, [b'{"new": true}'])
    seen: set[bytes | None] = set()

    def check(content: bytes | None) -> None:
        assert content in (b'{"old": true}', b'{"new": true}'), content
        seen.add(content)

    points = every_crash(disk.ops, {str(path): b'{"old": true}'}, str(path), check)
    assert points >= 6 and seen == {b'{"old": true}', b'{"new": true}'}
    assert after_power_loss(disk.ops, {str(path): b'{"old": true}'}, str(path)) == b'{"new": true}'  # durable


def test_the_simulation_would_catch_a_write_without_the_fsync_of_the_file(tmp_path: Path):
    """The same write minus its file fsync can leave an empty file after a crash: the model must say so, or the
    test above would prove nothing."""
    path = tmp_path / "db.json"
    path.write_bytes(b"old")
    with record_disk_ops() as disk:
        atomic_write(path, [b"new"])
    careless = [op for op in disk.ops if op[0] != "fsync"]
    outcomes = {after_power_loss(careless[:k], {str(path): b"old"}, str(path)) for k in range(len(careless) + 1)}
    assert b"" in outcomes


def test_an_admin_change_is_before_or_after_whenever_the_power_goes(tmp_path: Path):
    path = tmp_path / "db.json"
    store = Store(path)
    old = path.read_bytes()
    fact = Fact(FUNDERS, PANAMA, "funders", "Government of Canada", Source("admin", "q"), "admin")
    with record_disk_ops() as disk:
        store.save_fact(fact, actor="42")
    new = path.read_bytes()

    def check(content: bytes | None) -> None:
        assert content in (old, new)
        data = json.loads(content or b"{}")
        values, audited = _values(data), [e["fid"] for e in _records(data, "audit:")]
        assert ("Government of Canada" in values) == (FUNDERS in audited)  # a fact never lands without its audit

    assert every_crash(disk.ops, {str(path): old}, str(path), check) >= 6


@pytest.mark.parametrize("changes", [1, 5])
def test_every_acknowledged_change_survives_the_power_going_just_after(tmp_path: Path, changes: int):
    path = tmp_path / "db.json"
    store = Store(path)
    initial = path.read_bytes()
    with record_disk_ops() as disk:
        for n in range(changes):
            store.save_fact(Fact(f"{FUNDERS}-{n}", PANAMA, "funders", f"F{n}", Source("admin", "q"), "admin"), "42")
    after = after_power_loss(disk.ops, {str(path): initial}, str(path))
    values = _values(json.loads(after or b"{}"))
    assert [f"F{n}" for n in range(changes)] == [v for v in values if str(v).startswith("F")]

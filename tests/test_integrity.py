"""Damaged files are told from whole ones, refused, and kept as they were: never read in part, never replaced,
never copied into the next write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.facts import Fact, Source
from knowledge.state import FEEDBACK
from knowledge.store import Store, state_path
from knowledge.tablefile import CONTENTS, DamagedFile, LazyTables, verify_file
from tests.disk_faults import damaged_files

PANAMA = "event:panama-2021-osint-training"
ADDED = f"{PANAMA}/funders/government-of-canada"


def _fact(fid: str = ADDED, value: str = "Government of Canada") -> Fact:
    subject, field = fid.split("/")[:2]
    return Fact(fid, subject, field, value, Source("admin", "an admin's quote", added_by="42"), "admin")


def _database(tmp_path: Path) -> Path:
    """A database with an admin's change and some state, closed."""
    path = tmp_path / "db.json"
    store = Store(path)
    store.save_fact(_fact(), actor="42")
    store.subscribe(7, "private", {}, "en", by=7)
    store.record_feedback(chat_id=7, user_id=7, question="how many judges?", verdict="unanswered", intent="x")
    store.close()
    return path


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def _refused(path: Path, damaged: Path) -> DamagedFile:
    """Opening the store at `path` is refused, naming `damaged`, and leaves every file as it was."""
    before = {p: p.read_bytes() for p in path.parent.iterdir() if p.is_file()}
    with pytest.raises(DamagedFile) as refused:
        Store(path)
    assert refused.value.path == damaged
    assert {p: p.read_bytes() for p in before} == before
    assert {p.name for p in path.parent.iterdir()} - {p.name for p in before} <= {path.name + ".lock"}
    return refused.value


def _cut_at_line(path: Path, table: str) -> None:
    """Cut the file just before the line of `table`: what is left is whole lines."""
    lines = _lines(path)
    at = next(n for n, line in enumerate(lines) if line.startswith(json.dumps(table).encode()))
    path.write_bytes(b"".join(lines[:at]))


@pytest.mark.parametrize("table", [PANAMA, f"audit:{PANAMA}", "changes", CONTENTS])
def test_a_knowledge_file_cut_at_a_line_boundary_is_refused(tmp_path, table):
    path = _database(tmp_path)
    _cut_at_line(path, table)
    assert "cut short" in _refused(path, path).problem


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9, 0.999])
def test_a_knowledge_file_cut_anywhere_is_refused(tmp_path, where):
    path = _database(tmp_path)
    raw = path.read_bytes()
    path.write_bytes(raw[: int(len(raw) * where)])
    _refused(path, path)


def test_a_state_file_cut_mid_table_is_refused(tmp_path):
    path = _database(tmp_path)
    state = state_path(path)
    lines = _lines(state)
    feedback = next(n for n, line in enumerate(lines) if line.startswith(json.dumps(FEEDBACK).encode()))
    state.write_bytes(b"".join(lines[:feedback]) + lines[feedback][:20])
    _refused(path, state)


@pytest.mark.parametrize(("content", "problem"), [(b"", "empty"), (b"  \n\n ", "white space"), (b"{}", "no tables")])
def test_an_empty_knowledge_file_is_not_first_use(tmp_path, content, problem):
    path = tmp_path / "db.json"
    path.write_bytes(content)
    assert problem in _refused(path, path).problem
    assert not state_path(path).exists()


@pytest.mark.parametrize(
    "content",
    [b"[]", b'"knowledge"', b'{"event:x": 5}', b'{"event:x": {"1": "not a record"}}', b'{"event:x": {"1": {"fid'],
    ids=["a list", "a string", "a table that is a number", "a record that is a string", "not JSON"],
)
def test_a_file_of_another_shape_is_refused(tmp_path, content):
    path = tmp_path / "db.json"
    path.write_bytes(content)
    _refused(path, path)


def test_a_record_that_is_not_a_fact_is_refused_with_its_table_named(tmp_path):
    path = tmp_path / "db.json"
    path.write_text(json.dumps({PANAMA: {"1": {"fid": f"{PANAMA}/title"}}}))
    assert PANAMA in _refused(path, path).problem


def _flip(path: Path, table: str) -> None:
    """Change one character inside `table`'s JSON, keeping the file's length (bit rot, or an edit by hand)."""
    raw = bytearray(path.read_bytes())
    line = next(line for line in _lines(path) if line.startswith(json.dumps(table).encode()))
    at = raw.index(line) + line.index(b'"actor":"42"') + len(b'"actor":"')
    raw[at] = ord("7")
    path.write_bytes(bytes(raw))


def test_an_audit_table_damaged_in_place_is_never_copied_into_the_next_write(tmp_path):
    path = _database(tmp_path)
    _flip(path, f"audit:{PANAMA}")
    damaged = path.read_bytes()
    with pytest.raises(DamagedFile, match=f"a table, 'audit:{PANAMA}', that does not match its checksum"):
        verify_file(path)
    store = Store(path)  # what start-up reads (the facts) is whole
    assert store.fact(ADDED) is not None
    with pytest.raises(DamagedFile, match=f"audit:{PANAMA}"):
        store.history(PANAMA)
    with pytest.raises(DamagedFile):
        store.save_fact(_fact(f"{PANAMA}/funders/norway", "Norway"), actor="42")  # copies every other table
    with pytest.raises(DamagedFile):
        store.save_fact(_fact("event:vienna-2017-side-event/funders/norway", "Norway"), actor="42")
    assert path.read_bytes() == damaged
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_facts_table_damaged_in_place_is_refused_when_read(tmp_path):
    path = _database(tmp_path)
    (tmp_path / "db.cache").unlink()
    _flip(path, "changes")  # "changes" is read by every start: /undo walks it
    store = Store(path, load_bundled=False)
    with pytest.raises(DamagedFile, match="a table, 'changes', that does not match"):
        store.undo("42")


def test_a_whole_file_verifies(tmp_path):
    path = _database(tmp_path)
    verify_file(path)
    verify_file(state_path(path))


def test_a_file_written_before_checksums_reads_and_gets_them_at_the_next_write(tmp_path):
    path = _database(tmp_path)
    raw = path.read_bytes()
    head, _, contents = raw.rpartition(b"\n" + json.dumps(CONTENTS).encode() + b":")
    toc = json.loads(contents[: -len(b"\n}\n")])
    old = {"1": {"at": toc["2"]["at"], "spans": {n: s[:2] for n, s in toc["2"]["spans"].items()}}}
    path.write_bytes(head + b"\n" + json.dumps(CONTENTS).encode() + b":" + json.dumps(old).encode() + b"\n}\n")
    store = Store(path)
    assert store.fact(ADDED).value == "Government of Canada" and len(store.history(PANAMA)) == 1
    store.save_fact(_fact(value="Canada"), actor="42")
    tables = LazyTables.open(path)
    assert tables is not None and all(span[2] is not None for span in tables.spans.values())
    tables.close()
    assert Store(path).fact(ADDED).value == "Canada"


def test_a_first_use_still_creates_the_database(tmp_path):
    path = tmp_path / "new" / "db.json"
    store = Store(path)
    assert store.facts() and path.exists()
    verify_file(path)


def test_a_symlinked_database_keeps_its_link_and_updates_its_target(tmp_path):
    real = tmp_path / "volume" / "knowledge.json"
    real.parent.mkdir()
    Store(real).close()
    link = tmp_path / "db.json"
    link.symlink_to(real)
    Store(link).save_fact(_fact(), actor="42")
    assert link.is_symlink() and link.resolve() == real
    assert Store(real).fact(ADDED) is not None


def test_a_backup_of_a_damaged_file_is_refused_and_the_older_backups_kept(tmp_path):
    path = _database(tmp_path)
    store = Store(path)
    folder = tmp_path / "backups"
    whole = store.backup(folder, keep=1)
    _flip(path, f"audit:{PANAMA}")
    with pytest.raises(DamagedFile):
        store.backup(folder, keep=1)
    assert store.backups(folder) == [whole]


def test_a_byte_changed_between_two_tables_is_never_copied_either(tmp_path):
    path = _database(tmp_path)
    raw = path.read_bytes()
    at = raw.index(b",\n" + json.dumps(f"audit:{PANAMA}").encode()) + 1
    path.write_bytes(raw[:at] + b" " + raw[at + 1 :])  # still valid JSON; every table as it was
    damaged = path.read_bytes()
    with pytest.raises(DamagedFile, match="does not match its checksum"):
        verify_file(path)
    store = Store(path)
    with pytest.raises(DamagedFile):
        store.save_fact(_fact("event:vienna-2017-side-event/funders/norway", "Norway"), actor="42")
    assert path.read_bytes() == damaged


def test_databases_damaged_in_every_way_are_refused_or_read_whole_never_read_wrong_or_changed(tmp_path):
    report = damaged_files(tmp_path, trials=60)
    assert report.refused + report.read_whole == report.trials, str(report)
    assert (report.read_wrong, report.crashed, report.changed) == (0, 0, 0), str(report)


def test_a_knowledge_file_found_damaged_midway_through_reading_leaves_no_part_of_it_behind(tmp_path: Path) -> None:
    """Another process puts a damaged file in place while the bot runs (the bot reads every fact again, and a
    table does not match its checksum), then the original comes back: the bot has all of its facts, not those
    read before the damage."""
    path = _database(tmp_path)
    reader = Store(path)
    before = sorted(reader.facts())
    original = tmp_path / "original.json"
    original.hardlink_to(path)  # the same file: its inode, size and time
    lines = path.read_bytes().split(b"\n")
    at = [i for i, line in enumerate(lines) if line.startswith((b'"event:', b'"programme:'))][1]
    damaged = bytearray(lines[at])
    damaged[len(damaged) // 2] ^= 0x01
    lines[at] = bytes(damaged)
    (tmp_path / "damaged.json").write_bytes(b"\n".join(lines))
    (tmp_path / "damaged.json").replace(path)
    with pytest.raises(DamagedFile):
        reader.facts()
    original.replace(path)
    assert sorted(reader.facts()) == before

"""The facts cache: start-up reads it instead of the knowledge file, and never gets other facts from it."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from knowledge import audit, factcache
from knowledge.factcache import MAGIC, cache_path
from knowledge.facts import Fact, Source, bundled_facts
from knowledge.store import Store
from tests.botprocess import BotProcess
from tests.fake_telegram import FakeBotAPIServer

PANAMA = "event:panama-2021-osint-training"


def _fact(value: str = "Government of Canada", n: int = 0) -> Fact:
    fid = f"{PANAMA}/funders/cache-test-{n}"
    return Fact(fid, PANAMA, "funders", value, Source(added_by="42", added_on="2026-11-24"), "admin")


def _changed_store(path: Path) -> list[Fact]:
    """A store with one admin change, closed (so its cache is written); its facts."""
    store = Store(path)
    store.save_fact(_fact(), actor="42")
    facts = _facts(store)
    store.close()
    return facts


def _facts(store: Store) -> list[Fact]:
    return sorted(store.facts())


def _without_reading_the_knowledge_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("facts were read from the knowledge file")

    monkeypatch.setattr(audit.FactReader, "live", refuse)


def test_a_store_opened_again_reads_the_same_facts_from_the_cache(tmp_path: Path, monkeypatch):
    facts = _changed_store(tmp_path / "db.json")
    _without_reading_the_knowledge_file(monkeypatch)
    reopened = Store(tmp_path / "db.json")
    assert _facts(reopened) == facts
    assert reopened.fact(_fact().fid) == _fact()


def test_a_change_the_cache_does_not_have_yet_is_read_from_the_knowledge_file(tmp_path: Path):
    path = tmp_path / "db.json"
    _changed_store(path)
    other = Store(path)  # another process changes the knowledge, and is killed before writing the cache
    other.save_fact(_fact("Government of Norway", 1), actor="7")
    reopened = Store(path)
    funders = {f.value for f in reopened.facts() if f.field == "funders"}
    assert funders >= {"Government of Canada", "Government of Norway"}


def test_a_knowledge_file_put_back_from_a_backup_is_read_not_the_cache(tmp_path: Path):
    path = tmp_path / "db.json"
    before = path.with_name("before.json")
    _changed_store(path)
    before.write_bytes(path.read_bytes())
    store = Store(path)
    store.delete_fact(_fact().fid, actor="42")
    store.close()  # the cache now has the fact deleted
    path.write_bytes(before.read_bytes())  # restored: the fact is there again
    assert Store(path).fact(_fact().fid) == _fact()


def _cut_short(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _one_byte_changed(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x20]) + data[middle + 1 :]


def _of_another_python(data: bytes) -> bytes:
    return data.replace(sys.implementation.cache_tag.encode(), b"cpython-99", 1)


def _a_length_damaged(data: bytes) -> bytes:
    """The first block's length made 4 GB: not read into memory, nor waited for."""
    at = data.index(b"\n", len(MAGIC)) + 1
    return data[:at] + b"\xf0\xff\xff\xff" + data[at + 4 :]


@pytest.mark.parametrize(
    "damage",
    [
        _cut_short,
        _one_byte_changed,
        _of_another_python,
        lambda data: b"",
        lambda data: MAGIC + b"{}\n" + data[:50],
        _a_length_damaged,
    ],
    ids=["cut short", "one byte changed", "another python", "empty", "garbage", "length"],
)
def test_a_damaged_cache_is_not_used_and_is_written_again(tmp_path: Path, monkeypatch, damage):
    path = tmp_path / "db.json"
    facts = _changed_store(path)
    cache = cache_path(path)
    cache.write_bytes(damage(cache.read_bytes()))
    store = Store(path)
    assert _facts(store) == facts
    store.keep_cache()
    _without_reading_the_knowledge_file(monkeypatch)
    assert _facts(Store(path)) == facts


def test_a_cache_that_cannot_be_written_does_not_fail_the_change(tmp_path: Path, caplog):
    path = tmp_path / "db.json"
    cache_path(path).mkdir()  # in the way: cannot be replaced by a file
    store = Store(path)
    with caplog.at_level(logging.WARNING):
        store.save_fact(_fact(), actor="42")
        store.keep_cache()
    assert "Could not write the facts cache" in caplog.text
    assert Store(path).fact(_fact().fid) == _fact()


def test_the_bot_writes_the_cache_as_it_starts_so_that_a_kill_9_leaves_it_for_the_next_start(tmp_path, monkeypatch):
    with FakeBotAPIServer() as server:
        bot = BotProcess(tmp_path, server.base_url)
        try:
            server.fake.wait_polling()
            server.fake.wait_for(cache_path(tmp_path / "db.json").exists)
            bot.proc.kill()
            bot.proc.wait(30)
        finally:
            bot.stop()
    _without_reading_the_knowledge_file(monkeypatch)
    assert {f.fid for f in Store(tmp_path / "db.json").facts()} == {f.fid for f in bundled_facts()}


def test_an_upgrade_of_the_code_that_reads_facts_reads_them_from_the_knowledge_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "db.json"
    facts = _changed_store(path)
    monkeypatch.setattr(factcache, "_code", lambda: "the next version")
    read_one, read = audit.FactReader.live, []

    def live(self: audit.FactReader, *args: object) -> object:
        read.append(args)
        return read_one(self, *args)

    monkeypatch.setattr(audit.FactReader, "live", live)
    assert _facts(Store(path)) == facts
    assert read  # not from the cache the old code wrote

"""Write failures during a delivery (a full disk, an I/O error, a read-only disk) never make it send again in a
loop: what went out and could not be recorded holds delivery until it can be, the admin is told once, and the
report counts each chat once. The journal never merges two records into an unreadable line."""

from __future__ import annotations

import errno
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import handlers.delivery
from knowledge.journal import Journal
from knowledge.store import Store
from tests.full_disk import FailingDisk
from tests.test_subscriptions import cards, until
from tests.tg import ADMIN, Harness

CHATS = range(61, 71)


class Switch:
    def __init__(self) -> None:
        self.on = False

    def __call__(self) -> bool:
        return self.on


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[tuple[Switch, FailingDisk]]:
    full = Switch()
    failing = FailingDisk(tmp_path, full)
    failing.install()
    try:
        yield full, failing
    finally:
        failing.uninstall()


def _journal_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


# -- the journal ---------------------------------------------------------------------------------------------------


def test_a_line_cut_short_by_a_crash_is_ignored_and_cut_off_before_the_next_record(tmp_path):
    journal = Journal(tmp_path / "deliveries")
    journal.record("1:1", status="sent")
    with (tmp_path / "deliveries").open("ab") as fh:
        fh.write(b'{"key":"1:2","sta')  # the process died in the middle of this write
    assert set(journal.entries()) == {"1:1"}
    journal.record("1:3", status="sent")
    assert set(journal.entries()) == {"1:1", "1:3"}
    assert [e["key"] for e in _journal_lines(tmp_path / "deliveries")] == ["1:1", "1:3"]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO, errno.EROFS], ids=["ENOSPC", "EIO", "EROFS"])
def test_a_record_that_cannot_be_written_fails_and_leaves_no_partial_line(tmp_path, disk, code):
    full, failing = disk
    failing.code = code
    journal = Journal(tmp_path / "deliveries")
    journal.record("1:1", status="sent")
    full.on = True
    with pytest.raises(OSError) as raised:
        journal.record("1:2", status="sent")
    assert raised.value.errno == code and failing.failures == 1
    full.on = False
    journal.record("1:3", status="sent")
    assert [e["key"] for e in _journal_lines(tmp_path / "deliveries")] == ["1:1", "1:3"]


def test_compacting_on_a_full_disk_keeps_the_journal(tmp_path, disk):
    full, _ = disk
    store = Store(tmp_path / "db.json")
    store.subscribe(5, "private", {}, "en", by=5)
    rid, _ = store.enqueue({"event": "vienna-2017-side-event", "admin_chat": ADMIN, "total": 2}, [{"chat_id": 5}])
    store.finish(f"{rid}:5", "sent")
    full.on = True
    with pytest.raises(OSError):
        store.compact_outbox()
    full.on = False
    assert store.pending() == []  # still known to have gone out: not sent again
    assert Store(tmp_path / "db.json").run_report(rid)["counts"]["sent"] == 1


# -- the delivery -------------------------------------------------------------------------------------------------


async def _subscribed(tmp_path: Path) -> Harness:
    bot = await Harness(tmp_path).start()
    with bot.store.batch():
        for chat in CHATS:
            bot.store.subscribe(chat, "private", {}, "en", by=chat)
    return bot


def _texts(bot: Harness, chat: int) -> list[str]:
    return [m["text"] for m in bot.fake.replies(chat)]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO, errno.EROFS], ids=["ENOSPC", "EIO", "EROFS"])
async def test_a_full_disk_holds_delivery_without_sending_twice_and_tells_the_admin_once(
    tmp_path, disk, monkeypatch, code
):
    full, failing = disk
    failing.code = code
    monkeypatch.setattr(handlers.delivery, "HOLD_RETRY", (0.05, 0.2))
    bot = await _subscribed(tmp_path)
    try:
        bot.fake.on_send = lambda message: setattr(full, "on", full.on or message["text"].startswith("🆕"))
        await bot.send("/announce vienna", chat_id=ADMIN)
        await until(lambda: any("on hold" in t for t in _texts(bot, ADMIN)))
        bot.fake.on_send = None
        await until(lambda: failing.failures > 3)  # held: tries again and again, sends nothing
        assert sum(len(cards(bot, chat)) for chat in CHATS) == 1
        full.on = False
        report = await until(lambda: [t for t in _texts(bot, ADMIN) if "delivered" in t])
        assert report == ["📣 Vienna 2017 side event: delivered 10, failed 0, blocked 0, skipped 0."]
        assert all(len(cards(bot, chat)) == 1 for chat in CHATS)
        told = _texts(bot, ADMIN)
        assert len([t for t in told if "on hold" in t]) == 1 and len([t for t in told if "resumed" in t]) == 1
        assert next(t for t in told if "on hold" in t).endswith("I keep trying by myself.")
    finally:
        await bot.stop()
    assert len(_journal_lines(tmp_path / "db.json.deliveries")) == len(CHATS)  # every line whole


async def test_a_restart_while_held_sends_again_only_the_message_in_flight_and_reports_each_chat_once(
    tmp_path, disk, monkeypatch
):
    full, _ = disk
    monkeypatch.setattr(handlers.delivery, "HOLD_RETRY", (0.05, 0.2))
    first = await _subscribed(tmp_path)
    sent_before = 3

    def fill_after_three(message: dict) -> None:
        if message["text"].startswith("🆕") and sum(len(cards(first, c)) for c in CHATS) >= sent_before:
            full.on = True

    first.fake.on_send = fill_after_three
    await first.send("/announce vienna", chat_id=ADMIN)
    await until(lambda: any("on hold" in t for t in _texts(first, ADMIN)))
    await first.stop()  # stopped (or killed) while held; the disk is freed later
    full.on = False
    delivered_first = {chat for chat in CHATS if cards(first, chat)}
    assert len(delivered_first) == sent_before

    second = await Harness(tmp_path).start()
    try:
        report = await until(lambda: [t for t in _texts(second, ADMIN) if "delivered" in t])
        assert report == ["📣 Vienna 2017 side event: delivered 10, failed 0, blocked 0, skipped 0."]
        twice = [chat for chat in CHATS if len(cards(first, chat)) + len(cards(second, chat)) > 1]
        assert len(twice) <= 1  # only the one whose end could not be recorded
        assert all(cards(first, chat) or cards(second, chat) for chat in CHATS)
    finally:
        await second.stop()

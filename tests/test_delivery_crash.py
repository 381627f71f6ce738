"""kill -9 the bot during a delivery to 500 subscribers, several times, and fill its disk up during another:
everyone still gets the notification, and nobody gets it twice except the one message in flight at each crash."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from knowledge.store import Store
from tests.botprocess import ADMIN, BotProcess
from tests.disk_faults import full_disk_delivery
from tests.fake_telegram import FakeBotAPIServer, FakeTelegram

SUBSCRIBERS = range(10_000, 10_500)


def add_subscribers(db: Path, chats: range) -> None:
    store = Store(db)
    with store.batch():  # one write for them all
        for chat in chats:
            store.subscribe(chat, "private", {}, "en", by=chat)
    store.close()


def delivered(fake: FakeTelegram) -> Counter[int]:
    with fake.cond:
        return Counter(m["chat"]["id"] for m in fake.sent if m["text"].startswith("🆕"))


def test_kill_9_during_a_delivery_loses_nobody_and_duplicates_at_most_the_message_in_flight(tmp_path):
    add_subscribers(tmp_path / "db.json", SUBSCRIBERS)
    rng = random.Random(5)
    kills = 3
    env = {"BOT_DELIVERY_PER_SECOND": "400", "BOT_LOG_LEVEL": "WARNING"}
    with FakeBotAPIServer() as server:
        fake = server.fake
        bot = BotProcess(tmp_path, server.base_url, **env)
        fake.wait_polling()
        fake.says("/announce panama 2021", chat_id=ADMIN)
        for trial in range(kills):
            target = (trial + 1) * 120 + rng.randrange(40)
            fake.wait_for(lambda t=target: sum(delivered(fake).values()) >= t, timeout=60)
            bot.proc.kill()  # SIGKILL in the middle of the delivery
            bot.proc.wait(30)
            mark = fake.polls
            bot = BotProcess(tmp_path, server.base_url, **env)
            fake.wait_polling(mark)
        try:
            fake.wait_for(lambda: set(delivered(fake)) >= set(SUBSCRIBERS), timeout=120)
            report = fake.wait_for(lambda: [m for m in fake.replies(ADMIN) if "delivered" in m["text"]], timeout=60)
        finally:
            assert bot.stop() == 0
    counts = delivered(fake)
    duplicates = sum(n - 1 for n in counts.values())
    assert set(counts) == set(SUBSCRIBERS)
    assert duplicates <= kills, f"{duplicates} duplicates after {kills} crashes"
    assert report[0]["text"].endswith("delivered 500, failed 0, blocked 0, skipped 0."), report[0]["text"]


def test_a_disk_that_fills_up_during_a_delivery_costs_no_duplicate_but_the_one_in_flight_at_a_kill(tmp_path):
    report = full_disk_delivery(tmp_path, subscribers=100, faults=2, kills=1)
    assert (report.missed, report.wrong_reports, report.torn_lines) == (0, 0, 0), str(report)
    assert report.duplicates <= report.kills and report.reports == 1, str(report)
    assert report.held_notices >= report.faults, str(report)

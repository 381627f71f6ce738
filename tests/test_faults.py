"""Fault injection: 10% of the bot's requests fail (429, 500, timeouts, dropped connections) while 50 users ask
questions and a delivery runs. Every question is answered, every subscriber notified, no crash, no busy loop,
bounded memory."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.botprocess import ADMIN, BotProcess
from tests.fake_telegram import FakeBotAPIServer, FakeTelegram
from tests.test_delivery_crash import add_subscribers, delivered

USERS = range(30_001, 30_051)
SUBSCRIBERS = range(20_000, 20_100)
QUESTIONS = ["How many people attended the Panama training?", "who funded it?"]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def answered(fake: FakeTelegram, chat: int) -> int:
    return len([m for m in fake.replies(chat) if not m["text"].startswith("🆕")])


def test_with_10_percent_of_requests_failing_everyone_is_answered_and_notified(tmp_path):
    add_subscribers(tmp_path / "db.json", SUBSCRIBERS)
    fake = FakeTelegram(fault_rate=0.10, seed=11)
    with FakeBotAPIServer(fake, timeout_after=6) as server:  # longer than the bot's 5 s read timeout
        bot = BotProcess(tmp_path, server.base_url, BOT_DELIVERY_PER_SECOND="100", BOT_LOG_LEVEL="WARNING")
        try:
            fake.wait_polling(timeout=90)
            fake.says("/announce panama 2021", chat_id=ADMIN)
            for round_, question in enumerate(QUESTIONS, 1):
                for user in USERS:
                    fake.says(question, chat_id=user)
                fake.wait_for(lambda n=round_: all(answered(fake, u) >= n for u in USERS), timeout=180)
            fake.wait_for(lambda: set(delivered(fake)) >= set(SUBSCRIBERS), timeout=180)
            assert bot.proc.poll() is None, "the bot died"
            assert sum(fake.faults_injected.values()) > 20, fake.faults_injected
            assert set(fake.faults_injected) == {"429", "500", "timeout", "drop"}
            time.sleep(1.0)
            before = cpu_seconds(bot.proc.pid)
            time.sleep(3.0)
            idle = cpu_seconds(bot.proc.pid) - before
            assert idle < 0.3, f"{idle:.2f} s of CPU in 3 s of quiet: a busy loop"
            assert rss_mb(bot.proc.pid) < 200
        finally:
            code = bot.stop()
    assert code == 0, bot.output()[-3000:]
    for user in USERS:
        texts = [m["text"] for m in fake.replies(user)]
        assert "61" in texts[0] and "European Union" in texts[-1]
    assert "Traceback" not in bot.output()

"""Start-up time and memory of the bot with a large knowledge base (default 10,000 synthetic events).

Builds the database once (every fact saved with its audit entry, as admins would have). Then starts the real
bot process against the fake Bot API with a question already waiting, and measures: the time until it polls
for updates, the time until that question is answered, the cost of an admin change (/addfact, acknowledged
after its durable write and the index refresh), and the process's peak resident memory (VmHWM) through all of
it. Also times the phases in this process: opening the store (reading every fact), building the index, one
admin change written to disk.

    python -m bench.startup [--events 10000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.synth import synthetic_facts
from bot.engine import Engine
from knowledge.facts import Fact, Source
from knowledge.store import Store
from tests.botprocess import ADMIN, BotProcess
from tests.fake_telegram import FakeBotAPIServer

ADMIN_COMMANDS = ["/addfact synthetic-2 funders Government of Canada", "/history synthetic-2", "/undo"]


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "db.json"
        store = Store(db)
        store.apply(synthetic_facts(args.events), [], actor="bench")
        store.close()
        size = db.stat().st_size / 1e6

        t0 = time.perf_counter()
        store = Store(db)
        loaded = store.facts()
        t1 = time.perf_counter()
        Engine(loaded)
        t2 = time.perf_counter()
        subject = "event:synthetic-1"
        store.save_fact(Fact(f"{subject}/funders/x", subject, "funders", "X", Source("admin", "bench")), "bench")
        t3 = time.perf_counter()
        store.close()

        with FakeBotAPIServer() as server:
            fake = server.fake
            fake.says("How many people attended the synthetic-1 event?", chat_id=501)
            start = time.perf_counter()
            bot = BotProcess(Path(tmp), server.base_url, BOT_LOG_LEVEL="WARNING")
            try:
                fake.wait_polling(timeout=120)
                polling = time.perf_counter() - start
                fake.wait_replies(501, timeout=120)
                answered = time.perf_counter() - start
                rss_started = peak_rss_mb(bot.proc.pid)
                timings: dict[str, float] = {}
                for n, command in enumerate(ADMIN_COMMANDS, 1):
                    sent = time.perf_counter()
                    fake.says(command, chat_id=ADMIN)
                    replies = fake.wait_replies(ADMIN, n, timeout=120)
                    timings[command] = time.perf_counter() - sent
                ack = replies[0]
                rss = peak_rss_mb(bot.proc.pid)
            finally:
                bot.stop()
    print(f"{args.events} events, {len(loaded)} facts, knowledge file {size:.0f} MB")
    print(
        f"in process: open the store and read every fact {t1 - t0:.2f} s, build the index {t2 - t1:.2f} s, "
        f"write one admin change {1000 * (t3 - t2):.0f} ms"
    )
    print(f"bot process: polling {polling:.2f} s after launch, first answer {answered:.2f} s (goal < 1 s)")
    print(f"bot process: peak RSS {rss_started:.0f} MB by the first answer")
    print("bot process: admin commands, each acknowledged after its durable write and the index refresh:")
    for command, seconds in timings.items():
        print(f"  {command}: {seconds:.2f} s")
    print(f"  (the first said {ack['text'][:60]!r})")
    print(f"bot process: peak RSS {rss:.0f} MB through all of it (goal < 150)")


if __name__ == "__main__":
    main()

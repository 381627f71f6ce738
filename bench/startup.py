"""Start-up time and memory of the bot with a large knowledge base (default 10,000 synthetic events).

Builds the database file once (as admins would have: every fact saved with its audit entry), then starts the
real bot process against the fake Bot API and measures the time until it polls for updates, and its peak
resident memory (VmHWM). Also times the phases in this process: opening the store, reading the facts,
building the engine's index.

    python -m bench.startup [--events 10000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.synth import synthetic_facts
from bot.engine import Engine
from knowledge.store import Store
from tests.botprocess import BotProcess
from tests.fake_telegram import FakeBotAPIServer


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
        facts = synthetic_facts(args.events)
        store = Store(db)
        store.apply(facts, [], actor="bench")
        store.close()
        size = db.stat().st_size / 1e6

        t0 = time.perf_counter()
        store = Store(db)
        t1 = time.perf_counter()
        loaded = store.facts()
        t2 = time.perf_counter()
        Engine(loaded)
        t3 = time.perf_counter()
        store.close()

        with FakeBotAPIServer() as server:
            start = time.perf_counter()
            bot = BotProcess(Path(tmp), server.base_url, BOT_LOG_LEVEL="WARNING")
            try:
                server.fake.wait_polling(timeout=120)
                ready = time.perf_counter() - start
                rss = peak_rss_mb(bot.proc.pid)
            finally:
                bot.stop()
    print(f"{args.events} events, {len(loaded)} facts, database file {size:.0f} MB")
    print(f"in process: open store {t1 - t0:.2f} s, read facts {t2 - t1:.2f} s, build index {t3 - t2:.2f} s")
    print(f"bot process: polling Telegram {ready:.2f} s after launch (goal < 1 s); peak RSS {rss:.0f} MB (goal < 150)")


if __name__ == "__main__":
    main()

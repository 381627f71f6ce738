"""Start-up time and memory of the bot with a large knowledge base (default 10,000 synthetic events).

Builds the database once (every fact saved with its audit entry, as admins would have). Then starts the real
bot process against the fake Bot API with a question already waiting, twice: once without the facts cache and
the saved index (as after an upgrade, or a kill -9 right after an admin change) and once with them (every
other start), and measures the time until it polls for updates and until that question is answered. The
second run then makes admin changes (/addfact, /history, /undo, then more /addfact + /undo pairs), each
acknowledged after its durable write and the index refresh, and reports the process's peak resident memory
(VmHWM) after the first answer, after the first round of changes, and after them all. Also times the phases in
this process: reading every fact (from the knowledge file, then from the cache), building the index and
restoring it from what it saves, one admin change.

    python -m bench.startup [--events 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import gc
import marshal
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.synth import synthetic_facts
from bot.engine import Engine
from knowledge.factcache import cache_path
from knowledge.facts import Fact, Source
from knowledge.indexcache import index_path
from knowledge.store import Store
from tests.botprocess import ADMIN, BotProcess
from tests.fake_telegram import FakeBotAPIServer, FakeTelegram

ROOT = Path(__file__).resolve().parents[1]
ADMIN_COMMANDS = ["/addfact synthetic-2 funders Government of Canada", "/history synthetic-2", "/undo"]
ROUND = ["/addfact synthetic-2 funders Government of Canada", "/undo"]
QUESTION = "How many people attended the synthetic-1 event?"


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def installed(tmp: Path) -> dict[str, str]:
    """The environment of an installed bot: its bytecode compiled ahead, as `pip install .` does, here kept
    outside the tree (without it every start compiles our modules again: a quarter of a second). Python then
    looks for every module's bytecode there, the libraries' too: `main` starts the bot once to make theirs."""
    env = {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(tmp / "pycache")}
    folders = [str(ROOT / name) for name in ("bot", "handlers", "knowledge")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], env=os.environ | env, check=True)
    return env


def start(tmp: Path, server: FakeBotAPIServer, env: dict[str, str]) -> tuple[BotProcess, float, float]:
    """Launch the bot with a question waiting; (the process, seconds to polling, seconds to the answer)."""
    fake = server.fake
    replies = len(fake.replies(501))
    polls = fake.polls
    fake.says(QUESTION, chat_id=501)
    launched = time.perf_counter()
    bot = BotProcess(tmp, server.base_url, BOT_LOG_LEVEL="WARNING", **env)
    fake.wait_polling(since=polls, timeout=120)
    polling = time.perf_counter() - launched
    fake.wait_replies(501, replies + 1, timeout=120)
    return bot, polling, time.perf_counter() - launched


def admin(fake: FakeTelegram, commands: list[str]) -> list[tuple[str, float]]:
    """Send `commands` one after another, each once the one before was answered; seconds each took."""
    timings: list[tuple[str, float]] = []
    for command in commands:
        sent, before = time.perf_counter(), len(fake.replies(ADMIN))
        fake.says(command, chat_id=ADMIN)
        fake.wait_replies(ADMIN, before + 1, timeout=120)
        timings.append((command, time.perf_counter() - sent))
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5, help="/addfact + /undo pairs after the first round")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "db.json"
        store = Store(db)
        store.apply(synthetic_facts(args.events), [], actor="bench")
        store.close()
        size = db.stat().st_size / 1e6

        cache_path(db).unlink()
        gc.collect()
        gc.disable()  # as the bot reads and indexes (`bot.startup.open_knowledge`)
        t0 = time.perf_counter()
        store = Store(db)
        loaded = store.facts()
        t1 = time.perf_counter()
        store.close()  # writes the cache
        del store, loaded
        t2 = time.perf_counter()
        store = Store(db)
        loaded = store.facts()
        t3 = time.perf_counter()
        engine = Engine(loaded)
        t4 = time.perf_counter()
        kept = marshal.loads(marshal.dumps(engine.kept()[0]))  # as it is read back from the saved index
        t5 = time.perf_counter()
        Engine(loaded, kept)
        t6 = time.perf_counter()
        del engine, kept
        gc.enable()
        subject = "event:synthetic-1"
        store.save_fact(Fact(f"{subject}/funders/x", subject, "funders", "X", Source("admin", "bench")), "bench")
        t7 = time.perf_counter()
        store.close()

        with FakeBotAPIServer() as server:
            fake = server.fake
            env = installed(Path(tmp))
            # A start first, its answer included: every module they import is then compiled, as an installed
            # bot's are (with the bytecode kept apart, python-telegram-bot, httpx ... would be compiled by the
            # first start measured: 1.5 s).
            start(Path(tmp), server, env)[0].stop()
            cache_path(db).unlink()
            index_path(db).unlink()
            bot, cold_polling, cold_answer = start(Path(tmp), server, env)
            bot.stop()
            bot, polling, answered = start(Path(tmp), server, env)
            try:
                rss_started = peak_rss_mb(bot.proc.pid)
                timings = admin(fake, ADMIN_COMMANDS)
                rss_round = peak_rss_mb(bot.proc.pid)
                ack = fake.replies(ADMIN)[0]
                repeated = admin(fake, ROUND * args.rounds)
                rss = peak_rss_mb(bot.proc.pid)
            finally:
                bot.stop()
    print(f"{args.events} events, {len(loaded)} facts, knowledge file {size:.0f} MB")
    print(
        f"in process: read every fact from the knowledge file {t1 - t0:.2f} s, from the cache {t3 - t2:.2f} s; "
        f"build the index {t4 - t3:.2f} s, restore it {t6 - t5:.2f} s; write one admin change {1000 * (t7 - t6):.0f} ms"
    )
    print(f"bot process: polling {polling:.2f} s after launch, first answer {answered:.2f} s (goal < 1 s)")
    print(
        f"bot process without the facts cache and the saved index: polling {cold_polling:.2f} s, "
        f"first answer {cold_answer:.2f} s"
    )
    print(f"bot process: peak RSS {rss_started:.0f} MB by the first answer")
    print("bot process: admin commands, each acknowledged after its durable write and the index refresh:")
    for command, seconds in timings:
        print(f"  {command}: {seconds:.2f} s")
    print(f"  (the first said {ack['text'][:60]!r})")
    print(f"bot process: peak RSS {rss_round:.0f} MB through them (goal < 150)")
    slowest = max(seconds for _, seconds in repeated)
    print(
        f"bot process: peak RSS {rss:.0f} MB after {args.rounds} more /addfact + /undo pairs "
        f"(slowest acknowledged in {slowest:.2f} s)"
    )


if __name__ == "__main__":
    main()

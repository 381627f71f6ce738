"""The long crash test: kill -9 at random moments during admin writes and during a delivery, many times; a disk
that fills up during a delivery; databases damaged in every way.

    python -m bench.crash [--write-trials 200] [--delivery-kills 20] [--subscribers 500]
                          [--full-disk-faults 6] [--full-disk-kills 2] [--full-disk-subscribers 300]
                          [--damage-trials 300]

Prints the report: trials, corrupt files, lost acknowledged changes, duplicate notifications; for the full disk,
duplicates, missed subscribers, wrong reports and torn journal lines; for damaged files, how many were refused,
read whole and right, read wrong or changed by being opened.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from tests.botprocess import ADMIN, BotProcess
from tests.crashes import kill_writer_repeatedly
from tests.disk_faults import damaged_files, full_disk_delivery
from tests.fake_telegram import FakeBotAPIServer
from tests.test_delivery_crash import add_subscribers, delivered


def delivery_kills(kills: int, subscribers: int, seed: int = 3) -> tuple[int, int, int]:
    """(kills made, subscribers never notified, duplicate notifications)."""
    rng = random.Random(seed)
    chats = range(50_000, 50_000 + subscribers)
    env = {"BOT_DELIVERY_PER_SECOND": "200", "BOT_LOG_LEVEL": "ERROR"}
    made = 0
    with tempfile.TemporaryDirectory() as tmp, FakeBotAPIServer() as server:
        add_subscribers(Path(tmp) / "db.json", chats)
        fake = server.fake
        bot = BotProcess(Path(tmp), server.base_url, **env)
        fake.wait_polling()
        fake.says("/announce panama 2021", chat_id=ADMIN)
        for _ in range(kills):
            target = sum(delivered(fake).values()) + rng.randrange(1, max(2, subscribers // kills))
            try:
                fake.wait_for(lambda t=target: sum(delivered(fake).values()) >= t, timeout=60)
            except TimeoutError:
                break  # all delivered before this kill
            bot.proc.kill()
            bot.proc.wait(30)
            made += 1
            mark = fake.polls
            bot = BotProcess(Path(tmp), server.base_url, **env)
            fake.wait_polling(mark)
        fake.wait_for(lambda: len(delivered(fake)) >= subscribers, timeout=300)
        bot.stop()
        counts = delivered(fake)
    return made, subscribers - len(counts), sum(n - 1 for n in counts.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write-trials", type=int, default=200)
    parser.add_argument("--delivery-kills", type=int, default=20)
    parser.add_argument("--subscribers", type=int, default=500)
    parser.add_argument("--full-disk-faults", type=int, default=6)
    parser.add_argument("--full-disk-kills", type=int, default=2)
    parser.add_argument("--full-disk-subscribers", type=int, default=300)
    parser.add_argument("--damage-trials", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        writes = kill_writer_repeatedly(Path(tmp) / "db.json", args.write_trials, seed=7)
    print(f"admin writes: {writes}")
    made, missed, duplicates = delivery_kills(args.delivery_kills, args.subscribers)
    print(
        f"delivery to {args.subscribers} subscribers: {made} kill -9 trials, {missed} subscribers never notified, "
        f"{duplicates} duplicate notifications (at most one per kill allowed: {made})"
    )
    with tempfile.TemporaryDirectory() as tmp:
        full = full_disk_delivery(Path(tmp), args.full_disk_subscribers, args.full_disk_faults, args.full_disk_kills)
    print(f"delivery to {args.full_disk_subscribers} subscribers on a disk that fills up: {full}")
    with tempfile.TemporaryDirectory() as tmp:
        damage = damaged_files(Path(tmp), args.damage_trials)
    print(f"damaged files: {damage}")
    print("  by kind: " + ", ".join(f"{kind} {n}" for kind, n in sorted((damage.kinds or {}).items())))


if __name__ == "__main__":
    main()

"""Delivery rate: one event announced to N subscribers through the fake Bot API enforcing Telegram's limits.

The real bot process delivers; the fake answers 429 whenever more than 30 messages a second (or more than 1 a
second to one chat) reach it. Prints the achieved rate as a fraction of the configured limit (goal: at least
0.9) and the 429s received (goal: 0).

    python -m bench.delivery [--subscribers 2000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from tests.botprocess import ADMIN, BotProcess
from tests.fake_telegram import FakeBotAPIServer, FakeTelegram, Limits
from tests.test_delivery_crash import add_subscribers, delivered

LIMIT = 30.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=2000)
    args = parser.parse_args()
    chats = range(100_000, 100_000 + args.subscribers)
    with (
        tempfile.TemporaryDirectory() as tmp,
        FakeBotAPIServer(FakeTelegram(limits=Limits(per_second=LIMIT))) as server,
    ):
        add_subscribers(Path(tmp) / "db.json", chats)
        fake = server.fake
        bot = BotProcess(Path(tmp), server.base_url, BOT_DELIVERY_PER_SECOND=str(int(LIMIT)), BOT_LOG_LEVEL="WARNING")
        try:
            fake.wait_polling()
            fake.says("/announce panama 2021", chat_id=ADMIN)
            fake.wait_for(lambda: delivered(fake), timeout=60)
            start = time.perf_counter()
            fake.wait_for(lambda: len(delivered(fake)) >= args.subscribers, timeout=args.subscribers)
            elapsed = time.perf_counter() - start
            report = fake.wait_for(lambda: [m for m in fake.replies(ADMIN) if "delivered" in m["text"]], timeout=60)
        finally:
            bot.stop()
    sent = sum(delivered(fake).values())
    rate = (sent - 1) / elapsed
    print(f"{args.subscribers} subscribers, limit {LIMIT:.0f} messages/s enforced by the fake Bot API")
    print(f"delivered {sent} in {elapsed:.1f} s: {rate:.1f} messages/s = {rate / LIMIT:.2f} of the limit (goal >= 0.9)")
    print(f"429 responses received: {fake.retry_after_sent} (goal 0)")
    print(f"admin's report: {report[0]['text']}")


if __name__ == "__main__":
    main()

"""A process that makes admin changes as fast as it can and prints "ACK n" once change n is durable.

Used by the crash tests: they kill it with SIGKILL at random moments and check every acknowledged change.
Run: python -m tests.crash_writer DB_PATH START
"""

from __future__ import annotations

import sys
from pathlib import Path

from knowledge.facts import Fact, Source
from knowledge.store import Store

SUBJECT = "event:panama-2021-osint-training"


def change(n: int) -> Fact:
    fid = f"{SUBJECT}/topics/crash-{n}"
    return Fact(fid, SUBJECT, "topics", f"crash topic {n}", Source("admin", f"change {n}", added_by="crash"), "admin")


def main() -> None:
    store = Store(Path(sys.argv[1]))
    n = int(sys.argv[2])
    while True:
        store.apply([change(n)], [], actor="crash")
        print(f"ACK {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main()

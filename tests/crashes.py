"""Kill -9 a writer at random moments, many times, and check what survived (shared by tests and bench)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bot.startup import verify_database
from knowledge.store import Store
from knowledge.tablefile import DamagedFile
from tests.crash_writer import SUBJECT

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class CrashReport:
    trials: int = 0
    acknowledged: int = 0
    corrupt_files: int = 0
    lost: int = 0
    audit_gaps: int = 0

    def __str__(self) -> str:
        return (
            f"{self.trials} kill -9 trials, {self.acknowledged} acknowledged changes: "
            f"{self.corrupt_files} corrupt files, {self.lost} lost acknowledged changes, "
            f"{self.audit_gaps} changes without their audit entry"
        )


def kill_writer_repeatedly(db: Path, trials: int, seed: int = 1, max_wait: float = 0.4) -> CrashReport:
    rng = random.Random(seed)
    report = CrashReport()
    acked: set[int] = set()
    next_n = 0
    for _ in range(trials):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_writer", str(db), str(next_n)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()  # wait until it writes, then kill at a random moment
        time.sleep(rng.uniform(0, max_wait))
        proc.send_signal(signal.SIGKILL)
        out = first + proc.stdout.read()
        proc.wait()
        numbers = [int(line.split()[1]) for line in out.decode().splitlines() if line.startswith("ACK ")]
        acked.update(numbers)
        next_n = max(numbers, default=next_n) + 2  # the one in flight may or may not have landed
        report.trials += 1
        try:
            json.loads(db.read_bytes())
            store = Store(db, load_bundled=False)
            verify_database(db)
        except (ValueError, OSError, DamagedFile):
            report.corrupt_files += 1
            continue
        present = {f.fid for f in store.facts() if f.subject == SUBJECT and "/crash-" in f.fid}
        audited = {e["fid"] for e in store.audit_log()}
        store.close()
        wanted = {f"{SUBJECT}/topics/crash-{n}" for n in acked}
        report.lost = len(wanted - present)
        report.audit_gaps = len(present - audited)
    report.acknowledged = len(acked)
    return report

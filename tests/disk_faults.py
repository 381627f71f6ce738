"""Disk faults, many times over, and what survived (shared by the tests and `bench.crash`).

- `full_disk_delivery`: the real bot process delivers to many subscribers on a disk that fills up now and then
  (`tests.full_disk`), sometimes killed with SIGKILL while it waits for room; then counts duplicates, missed
  subscribers, wrong or repeated reports, and journal lines that do not read.
- `damaged_files`: a database damaged in every way a disk or a person damages one (cut anywhere or at a line,
  a byte changed in place, emptied, replaced by white space or `{}`), opened as the bot opens it; counts the
  damage refused, the files read whole and right, and the ones read wrong or changed (which must be none).
"""

from __future__ import annotations

import json
import random
import shutil
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.startup import verify_database
from knowledge.facts import Fact, Source
from knowledge.store import Store, state_path
from knowledge.tablefile import DamagedFile
from tests.botprocess import ADMIN, BotProcess
from tests.fake_telegram import FakeBotAPIServer, FakeTelegram

# -- a full disk during a delivery ------------------------------------------------------------------------------


@dataclass
class FullDiskReport:
    subscribers: int = 0
    faults: int = 0
    kills: int = 0
    missed: int = 0
    duplicates: int = 0
    reports: int = 0
    wrong_reports: int = 0
    held_notices: int = 0
    torn_lines: int = 0

    def __str__(self) -> str:
        return (
            f"{self.faults} times the disk filled up ({self.kills} of them with a kill -9 while held): "
            f"{self.missed} subscribers never notified, {self.duplicates} duplicate notifications (at most one per "
            f"kill allowed: {self.kills}), {self.reports} report(s) of which {self.wrong_reports} wrong, "
            f"{self.held_notices} 'on hold' notices to the admin, {self.torn_lines} journal lines that do not read"
        )


def cards(fake: FakeTelegram) -> Counter[int]:
    with fake.cond:
        return Counter(m["chat"]["id"] for m in fake.sent if m["text"].startswith("🆕"))


def _admin_texts(fake: FakeTelegram) -> list[str]:
    return [m["text"] for m in fake.replies(ADMIN)]


def full_disk_delivery(tmp: Path, subscribers: int, faults: int, kills: int, seed: int = 3) -> FullDiskReport:
    """Deliver to `subscribers` while the disk fills up `faults` times (the first `kills` of them, the bot is
    killed while it waits, and started again)."""
    rng = random.Random(seed)
    report = FullDiskReport(subscribers, faults, kills)
    chats = range(60_000, 60_000 + subscribers)
    store = Store(tmp / "db.json")
    with store.batch():
        for chat in chats:
            store.subscribe(chat, "private", {}, "en", by=chat)
    store.close()
    full = tmp / "the-disk-is-full"
    env = {"BOT_DELIVERY_PER_SECOND": "200", "BOT_LOG_LEVEL": "ERROR", "FULL_DISK_WHILE": str(full)}
    with FakeBotAPIServer() as server:
        fake = server.fake
        bot = BotProcess(tmp, server.base_url, module="tests.full_disk", **env)
        fake.wait_polling()
        fake.says("/announce panama 2021", chat_id=ADMIN)
        for fault in range(faults):
            target = sum(cards(fake).values()) + rng.randrange(1, max(2, subscribers // (faults + 1)))
            fake.wait_for(lambda t=target: sum(cards(fake).values()) >= t, timeout=120)
            held = len([t for t in _admin_texts(fake) if "on hold" in t])
            full.touch()  # the disk fills up
            fake.wait_for(lambda h=held: len([t for t in _admin_texts(fake) if "on hold" in t]) > h, timeout=60)
            time.sleep(rng.uniform(0.2, 1.0))
            if fault < kills:
                bot.proc.kill()  # killed while it waits for room, then started again on the full disk
                bot.proc.wait(30)
                mark = fake.polls
                bot = BotProcess(tmp, server.base_url, module="tests.full_disk", **env)
                fake.wait_polling(mark)
                time.sleep(rng.uniform(0.2, 1.0))
            full.unlink()  # room again
        fake.wait_for(lambda: len(cards(fake)) >= subscribers, timeout=300)
        fake.wait_for(lambda: any("delivered" in t for t in _admin_texts(fake)), timeout=120)
        time.sleep(1.0)  # a second report, if any, would come now
        bot.stop()
    counts = cards(fake)
    report.missed = subscribers - len(set(counts) & set(chats))
    report.duplicates = sum(n - 1 for n in counts.values())
    reports = [t for t in _admin_texts(fake) if "delivered" in t]
    report.reports = len(reports)
    report.wrong_reports = len([t for t in reports if f"delivered {subscribers}," not in t])
    report.held_notices = len([t for t in _admin_texts(fake) if "on hold" in t])
    journal = tmp / "db.json.deliveries"
    lines = journal.read_bytes().split(b"\n") if journal.exists() else []
    report.torn_lines = len([line for line in lines[:-1] if not _reads(line)]) + (1 if lines and lines[-1] else 0)
    return report


def _reads(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


# -- damaged files ------------------------------------------------------------------------------------------------


@dataclass
class DamageReport:
    trials: int = 0
    refused: int = 0
    read_whole: int = 0
    read_wrong: int = 0
    crashed: int = 0
    changed: int = 0
    kinds: Counter[str] | None = None

    def __str__(self) -> str:
        return (
            f"{self.trials} damaged databases: {self.refused} refused, {self.read_whole} read whole and right "
            f"(the damage missed every table's bytes), {self.read_wrong} read wrong, {self.crashed} failed with "
            f"another error than a refusal, {self.changed} files changed by opening them"
        )


def _build(folder: Path) -> None:
    store = Store(folder / "db.json")
    for n in range(30):
        subject = ("event:panama-2021-osint-training", "event:vienna-2017-side-event")[n % 2]
        fid = f"{subject}/topics/damage-{n}"
        store.apply([Fact(fid, subject, "topics", f"topic {n}", Source("admin", f"quote {n}"), "admin")], [], str(n))
    with store.batch():
        for chat in range(40):
            store.subscribe(chat, "private", {}, "en", by=chat)
            store.record_feedback(chat_id=chat, user_id=chat, question=f"q {chat}", verdict="down", intent="x")
    store.close()


def _everything(path: Path) -> tuple[Any, ...]:
    """What a running bot reads of a database, at start-up and later; `DamagedFile` when it refuses."""
    store = Store(path)
    try:
        verify_database(path)
        return (sorted(store.facts()), store.audit_log(), store.subscriptions(), store.feedback(), store.pending())
    finally:
        store.close()


def _damage(path: Path, rng: random.Random) -> str:
    raw = path.read_bytes()
    kind = rng.choice(["cut anywhere", "cut at a line", "a byte changed", "emptied", "white space", "{}"])
    if kind == "cut anywhere":
        path.write_bytes(raw[: rng.randrange(len(raw))])
    elif kind == "cut at a line":
        lines = raw.splitlines(keepends=True)
        path.write_bytes(b"".join(lines[: rng.randrange(1, len(lines))]))
    elif kind == "a byte changed":
        at = rng.randrange(len(raw))
        path.write_bytes(raw[:at] + bytes([(raw[at] + rng.randrange(1, 256)) % 256]) + raw[at + 1 :])
    else:
        path.write_bytes({"emptied": b"", "white space": b" \n\t\n", "{}": b"{}"}[kind])
    return kind


def damaged_files(tmp: Path, trials: int, seed: int = 5) -> DamageReport:
    rng = random.Random(seed)
    report = DamageReport(kinds=Counter())
    whole = tmp / "whole"
    whole.mkdir()
    _build(whole)
    for cache in [*whole.glob("*.cache"), *whole.glob("*.index")]:
        cache.unlink()  # the facts must be read from the damaged file, not from a cache of the whole one
    expected = _everything(whole / "db.json")
    for trial in range(trials):
        folder = tmp / f"trial-{trial}"
        shutil.copytree(whole, folder)
        target = rng.choice([folder / "db.json", state_path(folder / "db.json")])
        kind = _damage(target, rng)
        assert report.kinds is not None
        report.kinds[f"{kind} ({'state' if target.name.endswith('.state.json') else 'knowledge'})"] += 1
        before = {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix == ".json"}
        try:
            read = _everything(folder / "db.json")
        except DamagedFile:
            report.refused += 1
        except Exception:  # not a refusal an operator could act on: a bug
            report.crashed += 1
        else:
            if read == expected:
                report.read_whole += 1
            else:
                report.read_wrong += 1
        after = {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix == ".json"}
        report.changed += before != after
        report.trials += 1
        shutil.rmtree(folder)
    return report

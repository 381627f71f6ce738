"""Bounded growth: votes and unanswered questions are capped per user and in total, the oldest dropped first."""

from __future__ import annotations

from pathlib import Path

from knowledge import state
from knowledge.store import state_path
from tests.tg import ADMIN, Harness


def _vote(store, user: int, n: int, verdict: str = "unanswered") -> None:
    store.record_feedback(chat_id=user, user_id=user, question=f"question {n} of {user}", verdict=verdict, intent="x")


def test_one_user_keeps_only_their_newest_entries_and_others_keep_theirs(store, monkeypatch):
    monkeypatch.setattr(state, "FEEDBACK_PER_USER", 5)
    _vote(store, 2, 0)
    for n in range(12):
        _vote(store, 1, n, "down" if n % 2 else "unanswered")
    kept = [f["question"] for f in store.feedback() if f["user_id"] == 1]
    assert kept == [f"question {n} of 1" for n in range(7, 12)]
    assert [f["question"] for f in store.feedback() if f["user_id"] == 2] == ["question 0 of 2"]


def test_everyone_together_keeps_only_the_newest_entries(store, monkeypatch):
    monkeypatch.setattr(state, "FEEDBACK_KEPT", 8)
    for n in range(20):
        _vote(store, 100 + n % 4, n)
    assert [f["question"] for f in store.feedback()] == [f"question {n} of {100 + n % 4}" for n in range(12, 20)]


async def test_a_flood_of_unanswered_questions_from_one_user_stays_bounded(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(state, "FEEDBACK_PER_USER", 10)
    bot = await Harness(tmp_path).start()
    try:
        flood = "x" * 400

        async def ask(n: int) -> None:
            await bot.send(f"zzqx {n} {flood}", chat_id=77)

        for n in range(15):
            await ask(n)
        size = state_path(tmp_path / "db.json").stat().st_size
        for n in range(15, 45):
            await ask(n)
        assert state_path(tmp_path / "db.json").stat().st_size <= size * 1.05
        listing = "\n".join(m["text"] for m in await bot.send("/unanswered", chat_id=ADMIN))
        assert "zzqx 44 " in listing and "zzqx 35 " in listing and "zzqx 34 " not in listing
        assert "(10 distinct" in listing
    finally:
        await bot.stop()

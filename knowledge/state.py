"""The bot's state, in its own file: feedback, chat languages, subscriptions, the outbox and its runs.

None of it is knowledge: a vote, a subscription or a delivery never rewrites the knowledge file. Finished
deliveries are marked in the delivery journal (`knowledge.journal`), one appended line each, and folded into the
state file now and then (`compact_outbox`).
"""

from __future__ import annotations

import os
from typing import Any

from knowledge.database import Database, now, peek, reading, table_of
from knowledge.journal import Journal

FEEDBACK = "feedback"
CHATS = "chats"
SUBSCRIPTIONS = "subscriptions"
OUTBOX = "outbox"
RUNS = "runs"
UNREACHABLE = "unreachable"
TABLES = (FEEDBACK, CHATS, SUBSCRIPTIONS, OUTBOX, RUNS, UNREACHABLE)
FEEDBACK_PER_USER = 50  # votes and unanswered questions kept from one user (the newest)
FEEDBACK_KEPT = 2_000  # kept from everyone (the newest)


class BotState(Database):
    """The state part of `knowledge.store.Store`."""

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        super().__init__(path)
        self.journal = Journal(self.path.with_name(self.path.name + ".deliveries") if self.path else None)

    # -- feedback and chat languages -------------------------------------------------------------------

    def record_feedback(self, *, chat_id: int, user_id: int, question: str, verdict: str, intent: str) -> None:
        """Keep a 👍/👎 or an unanswered question for admins to review.

        Bounded: each user's oldest entries go once they have `FEEDBACK_PER_USER`, and everyone's oldest once
        there are `FEEDBACK_KEPT` in all, so that nobody can grow the state file (and slow every answer that
        records one) without bound."""
        with self._mutation():
            feedback = table_of(self._state, FEEDBACK)
            feedback.insert(
                {
                    "ts": now(),
                    "chat_id": chat_id,
                    "user_id": user_id,
                    "question": question,
                    "verdict": verdict,
                    "intent": intent,
                }
            )
            kept = sorted((int(doc_id), d.get("user_id")) for doc_id, d in peek(self._state, FEEDBACK).items())
            theirs = [doc_id for doc_id, user in kept if user == user_id]
            dropped = set(theirs[: max(0, len(theirs) - FEEDBACK_PER_USER)])
            others = [doc_id for doc_id, _ in kept if doc_id not in dropped]
            dropped.update(others[: max(0, len(others) - FEEDBACK_KEPT)])  # oldest first: ids only grow
            if dropped:
                feedback.remove(doc_ids=sorted(dropped))

    @reading
    def feedback(self, verdicts: tuple[str, ...] = ("down", "unanswered")) -> list[dict[str, Any]]:
        return [dict(doc) for doc in peek(self._state, FEEDBACK).values() if doc["verdict"] in verdicts]

    def set_chat_language(self, chat_id: int, lang: str | None) -> None:
        """Fix the language of a chat's answers (None: detect it from each message again)."""
        with self._mutation():
            chats = table_of(self._state, CHATS)
            chats.remove(lambda doc: doc.get("chat_id") == chat_id)
            if lang is not None:
                chats.insert({"chat_id": chat_id, "lang": lang, "ts": now()})

    @reading
    def chat_languages(self) -> dict[int, str]:
        return {int(doc["chat_id"]): str(doc["lang"]) for doc in peek(self._state, CHATS).values() if "lang" in doc}

    # -- subscriptions -------------------------------------------------------------------------------

    def subscribe(self, chat_id: int, chat_type: str, filters: dict[str, list[str]], lang: str, by: int) -> int:
        """Add a subscription (one combination of filters; none = everything); the same one twice is one."""
        with self._mutation():
            subs = table_of(self._state, SUBSCRIPTIONS)
            for doc in subs.all():
                if doc["chat_id"] == chat_id and doc["filters"] == filters:
                    subs.update({"paused": False, "lang": lang}, doc_ids=[doc.doc_id])
                    self._set_reachable(chat_id, True)
                    return int(doc.doc_id)
            sid = subs.insert(
                {
                    "chat_id": chat_id,
                    "chat_type": chat_type,
                    "filters": filters,
                    "lang": lang,
                    "paused": False,
                    "by": by,
                    "ts": now(),
                }
            )
            self._set_reachable(chat_id, True)
            return sid

    @reading
    def subscriptions(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        return [
            dict(doc) | {"sid": doc.doc_id}
            for doc in table_of(self._state, SUBSCRIPTIONS).all()
            if chat_id is None or doc["chat_id"] == chat_id
        ]

    def set_paused(self, sid: int, paused: bool, chat_id: int) -> bool:
        with self._mutation():
            subs = table_of(self._state, SUBSCRIPTIONS)
            doc = subs.get(doc_id=sid)
            if not isinstance(doc, dict) or doc["chat_id"] != chat_id:
                return False
            subs.update({"paused": paused}, doc_ids=[sid])
            return True

    def unsubscribe(self, chat_id: int, sid: int | None = None) -> int:
        """Remove one subscription of a chat (or all of them); returns how many went."""
        with self._mutation():
            subs = table_of(self._state, SUBSCRIPTIONS)
            docs = [d for d in subs.all() if d["chat_id"] == chat_id and (sid is None or d.doc_id == sid)]
            subs.remove(doc_ids=[d.doc_id for d in docs])
            return len(docs)

    @reading
    def unreachable_chats(self) -> set[int]:
        return {int(d["chat_id"]) for d in peek(self._state, UNREACHABLE).values()}

    def set_reachable(self, chat_id: int, reachable: bool) -> None:
        with self._mutation():
            self._set_reachable(chat_id, reachable)

    def _set_reachable(self, chat_id: int, reachable: bool) -> None:
        unreachable = table_of(self._state, UNREACHABLE)
        gone = [int(doc_id) for doc_id, d in peek(self._state, UNREACHABLE).items() if d["chat_id"] == chat_id]
        if gone:
            unreachable.remove(doc_ids=gone)
        if not reachable:
            unreachable.insert({"chat_id": chat_id, "ts": now()})

    # -- the outbox ----------------------------------------------------------------------------------

    def enqueue(self, run: dict[str, Any], messages: list[dict[str, Any]]) -> tuple[int, bool]:
        """Queue a delivery: the run (what, for whom, counts) and one message per chat, in one atomic write.

        Returns the run id and whether it is new: a run whose "request" (the Telegram update that asked for it)
        was queued before is not queued twice, so an update Telegram delivers again after a crash notifies
        nobody twice."""
        with self._mutation():
            request = run.get("request")
            for doc_id, existing in peek(self._state, RUNS).items():
                if request and existing.get("request") == request:
                    return int(doc_id), False
            rid = table_of(self._state, RUNS).insert(run | {"ts": now()})
            table_of(self._state, OUTBOX).insert_multiple(
                {**m, "run": rid, "key": f"{rid}:{m['chat_id']}"} for m in messages
            )
            return rid, True

    @reading
    def pending(self) -> list[dict[str, Any]]:
        """Queued messages not finished yet (the journal says which are), oldest run first."""
        done = self.journal.entries()
        return [dict(m) for m in peek(self._state, OUTBOX).values() if m["key"] not in done]

    def finish(self, key: str, status: str, **extra: Any) -> None:
        """Mark one message finished ("sent", "failed", "blocked", ...), durably, before the next send."""
        with self._lock:  # not while compact_outbox reads and clears the journal
            self.journal.record(key, status=status, ts=now(), **extra)

    @reading
    def run_report(self, rid: int) -> dict[str, Any]:
        """A run's figures: messages by status (queued ones still pending), and what the run was."""
        run: dict[str, Any] = dict(peek(self._state, RUNS).get(str(rid), {}))
        done = self.journal.entries()
        counts: dict[str, int] = dict(run.get("counts", {}))  # folded in by compaction
        for m in peek(self._state, OUTBOX).values():
            if m["run"] == rid:
                status = str(done.get(m["key"], {}).get("status", "pending"))
                counts[status] = counts.get(status, 0) + 1
        return {"run": run, "counts": counts}

    def compact_outbox(self) -> int:
        """Fold finished deliveries into the state file, then empty the journal; returns how many were folded.

        The journal is emptied only once the state file that holds their outcome is written: if that write
        fails (a full disk), the journal still says which messages went out."""
        with self._lock:  # nothing is journaled between reading the journal and emptying it
            with self._mutation():
                done = self.journal.entries()
                outbox = table_of(self._state, OUTBOX)
                finished = [m for m in outbox.all() if m["key"] in done]
                runs = table_of(self._state, RUNS)
                for m in finished:
                    run = runs.get(doc_id=m["run"])
                    if isinstance(run, dict):
                        counts = dict(run.get("counts", {}))
                        status = str(done[m["key"]].get("status"))
                        counts[status] = counts.get(status, 0) + 1
                        runs.update({"counts": counts}, doc_ids=[m["run"]])
                outbox.remove(doc_ids=[m.doc_id for m in finished])
            self.journal.clear()
        return len(finished)

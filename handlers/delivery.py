"""Delivering notifications: a persistent outbox, sent within Telegram's limits, surviving restarts.

Publishing an event queues one message per matching chat in the store (one atomic write). A single worker
sends them one at a time, paced by `Limiter` (30 a second overall, 1 a second to one chat, 20 a minute to one
group, all configurable), and marks each one finished in the store's journal (fsynced) before sending the next,
so a restart or kill -9 resends at most the one message that was in flight. Telegram's 429 pauses everything
for as long as it asks; timeouts and network errors are retried with backoff; a chat that blocked the bot or
no longer exists is marked unreachable and left out from then on, without holding up the others.

A message that went out but whose end cannot be recorded (a full disk, an I/O error, a read-only disk) is not
sent again: it leaves the queue at once, and delivery holds (nothing more is sent) until the record is
written, trying again with backoff. The admins whose deliveries are held are told once, and again once it
resumes. So a fault costs no duplicate while the bot runs, and at most the one message in flight if it is
killed while held (docs/delivery.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import logging
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application

from bot.config import Settings
from bot.engine import Engine
from bot.messages import say
from bot.notify import card, event_tags, matches
from bot.render import Block, pack
from handlers.context import deps, retry_seconds, retrying, start_task, stop_task
from handlers.keyboards import encode
from knowledge.store import Store

log = logging.getLogger(__name__)

DELIVERER = "deliverer"
MAX_ATTEMPTS = 5
GONE_AFTER = 3  # "chat not found" this many times: the chat is unreachable
PROGRESS_EVERY = 3.0  # seconds between edits of the admin's progress message
HOLD_RETRY = (1.0, 60.0)  # while a finished message cannot be recorded: the first and the longest wait


class Limiter:
    """When the next message may go: overall pace, one chat's interval, one group's minute window."""

    SAFETY = 0.95  # pace a little under the limit: network jitter must not push a second over it

    def __init__(self, per_second: float, chat_interval: float, group_per_minute: int) -> None:
        self.interval = 1.0 / (per_second * self.SAFETY)
        self.chat_interval = chat_interval / self.SAFETY
        self.group_per_minute = max(1, int(group_per_minute * self.SAFETY))
        self.next_any = 0.0
        self.last: dict[int, float] = {}
        self.group_sent: dict[int, deque[float]] = {}

    def ready_at(self, chat: int) -> float:
        at = max(self.next_any, self.last.get(chat, -1e9) + self.chat_interval)
        window = self.group_sent.get(chat)
        if chat < 0 and window is not None and len(window) >= self.group_per_minute:
            at = max(at, window[0] + 60.0)
        return at

    def sent(self, chat: int, now: float) -> None:
        # Pace from the planned time, not from when we got round to it, so small delays do not add up; but
        # never plan from further back than one interval (no bursts after an idle spell).
        base = self.next_any if now - self.next_any < self.interval else now
        self.next_any = base + self.interval
        self.last[chat] = now
        if chat < 0:
            window = self.group_sent.setdefault(chat, deque())
            window.append(now)
            while window and now - window[0] >= 60.0:
                window.popleft()


@dataclass
class Run:
    """One delivery of one event, as the announcing admin follows it."""

    rid: int
    event: str
    admin_chat: int
    total: int
    done: int = 0
    lang: str = "en"
    message_id: int | None = None
    last_edit: float = 0.0


@dataclass
class Finished:
    """A message that is finished (sent, failed, blocked, skipped) and whose end is not recorded yet."""

    message: dict[str, Any]
    status: str
    unreachable: bool = False  # the chat is to be marked unreachable too


@dataclass
class Deliverer:
    bot: Bot
    store: Store
    engine: Engine
    settings: Settings
    queue: deque[dict[str, Any]] = field(default_factory=deque)
    runs: dict[int, Run] = field(default_factory=dict)
    retry_at: dict[str, float] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)
    missing: dict[int, int] = field(default_factory=dict)
    paused_until: float = 0.0
    retry_after_received: int = 0
    unrecorded: deque[Finished] = field(default_factory=deque)
    held: str = ""  # why delivery is held ("" while it is not): the store could not record what went out
    held_tries: int = 0

    def __post_init__(self) -> None:
        s = self.settings
        self.limiter = Limiter(s.delivery_per_second, s.delivery_chat_interval, s.delivery_group_per_minute)
        self.wakeup = asyncio.Event()

    # -- queueing ------------------------------------------------------------------------------------------

    def audience(self, eid: str) -> tuple[dict[int, dict[str, Any]], int]:
        """The chats to notify about `eid` (one message per chat, in the language of its first matching
        subscription), and how many matching subscriptions are skipped (paused, or the chat is unreachable)."""
        tags = event_tags(self.engine.index.events[eid])
        unreachable = self.store.unreachable_chats()
        chats: dict[int, dict[str, Any]] = {}
        skipped = 0
        for sub in self.store.subscriptions():
            if not matches(sub["filters"], tags):
                continue
            if sub["paused"] or sub["chat_id"] in unreachable:
                skipped += 1
                continue
            chats.setdefault(sub["chat_id"], {"chat_id": sub["chat_id"], "event": eid, "lang": sub["lang"]})
        return chats, skipped

    async def announce(self, eid: str, admin_chat: int, lang: str, request: str = "") -> Run | None:
        """Queue `eid`'s card for every matching chat. None when `request` (the update that asked) was queued
        already: Telegram delivered it again after a crash, and that delivery is under way or done."""
        chats, skipped = await asyncio.to_thread(self.audience, eid)
        messages = list(chats.values())
        run = {"event": eid, "admin_chat": admin_chat, "lang": lang, "total": len(messages), "request": request}
        run["counts"] = {"skipped": skipped}
        rid, new = await asyncio.to_thread(self.store.enqueue, run, messages)
        if not new:
            log.info("%s asked again for delivery %d of %s; not queued twice", request, rid, eid)
            return None
        queued = [m | {"run": rid, "key": f"{rid}:{m['chat_id']}"} for m in messages]
        tracked = Run(rid, eid, admin_chat, len(queued), lang=lang)
        self.runs[rid] = tracked
        self.queue.extend(queued)
        self.wakeup.set()
        return tracked

    # -- the worker ------------------------------------------------------------------------------------------

    async def run(self) -> None:
        await self._resume_queued()
        while True:
            try:
                await self.step()
            except asyncio.CancelledError:
                raise
            except Exception:  # a bug must not stop deliveries for good, nor spin
                log.exception("Delivery step failed; going on in a second")
                await asyncio.sleep(1.0)

    async def _resume_queued(self) -> None:
        """Queue again what a previous run of the bot left unfinished (waiting while the store cannot be read)."""
        while True:
            try:
                await self._load_queued()
                return
            except OSError as exc:
                log.error("Could not read the queued notifications (%s); trying again", exc)
                await asyncio.sleep(self._hold_wait())

    async def _load_queued(self) -> None:
        try:
            await asyncio.to_thread(self.store.compact_outbox)
        except OSError as exc:  # only tidying: the journal still says what went out
            log.warning("Could not fold finished deliveries into the state file: %s", exc)
        pending = await asyncio.to_thread(self.store.pending)
        runs = {}
        for rid in {m["run"] for m in pending}:
            report = await asyncio.to_thread(self.store.run_report, rid)
            run = report["run"]
            left = report["counts"].get("pending", 0)
            total = int(run.get("total", left))
            chat, lang = int(run.get("admin_chat", 0)), str(run.get("lang", "en"))
            runs[rid] = Run(rid, str(run.get("event")), chat, total, total - left, lang=lang)
        self.runs.update(runs)
        self.queue.extend(pending)
        if pending:
            log.info("Resuming delivery of %d queued notification(s)", len(pending))

    async def step(self) -> None:
        """Send the next message that may go now, or wait until one may (or, while held, record what went out)."""
        if self.unrecorded:
            if not await self._record():
                await asyncio.sleep(self._hold_wait())
            return
        if not self.queue:
            self.wakeup.clear()
            await self.wakeup.wait()
            return
        now = time.monotonic()
        if now < self.paused_until:
            await asyncio.sleep(self.paused_until - now)
            return
        message, at = self._next()
        if at > now:
            self.wakeup.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wakeup.wait(), timeout=at - now)
            return
        await self._send(message)

    def _next(self) -> tuple[dict[str, Any], float]:
        best, best_at = self.queue[0], float("inf")
        for message in itertools.islice(self.queue, 200):  # a bounded look ahead
            at = max(self.limiter.ready_at(message["chat_id"]), self.retry_at.get(message["key"], 0.0))
            if at < best_at:
                best, best_at = message, at
            if at <= time.monotonic():
                break
        return best, best_at

    async def _send(self, message: dict[str, Any]) -> None:
        key, chat, eid, lang = message["key"], message["chat_id"], message["event"], message["lang"]
        if eid not in self.engine.index.events:  # deleted since it was queued
            await self._finish(message, "skipped")
            return
        lines = card(self.engine, eid, lang)
        text = pack([Block(lines[0], "b"), *(Block(line) for line in lines[1:])])[0]
        button = InlineKeyboardButton(say("btn_ask_event", lang), callback_data=encode("e", "summary", eid))
        self.limiter.sent(chat, time.monotonic())
        try:
            await self.bot.send_message(chat, text, reply_markup=InlineKeyboardMarkup([[button]]))
        except RetryAfter as exc:
            self.retry_after_received += 1
            self.paused_until = time.monotonic() + retry_seconds(exc)
            log.warning("Telegram asked to wait %.0fs; delivery paused", retry_seconds(exc))
            return
        except Forbidden:
            await self._finish(message, "blocked", unreachable=True)
            return
        except BadRequest as exc:
            if "chat not found" in exc.message.lower():
                self.missing[chat] = self.missing.get(chat, 0) + 1
                if self.missing[chat] >= GONE_AFTER:
                    await self._finish(message, "failed", unreachable=True)
                else:
                    self.retry_at[key] = time.monotonic() + 2.0 ** self.missing[chat]
                return
            log.warning("Notification to %s refused: %s", chat, exc.message)
            await self._finish(message, "failed")
            return
        except NetworkError as exc:  # timeouts too: it may have arrived; sent again at most this once more
            self.attempts[key] = self.attempts.get(key, 0) + 1
            if self.attempts[key] >= MAX_ATTEMPTS:
                await self._finish(message, "failed")
            else:
                self.retry_at[key] = time.monotonic() + min(60.0, 0.5 * 2 ** self.attempts[key])
                log.info("Notification to %s not sent (%s); retrying", chat, type(exc).__name__)
            return
        self.missing.pop(chat, None)
        await self._finish(message, "sent")

    async def _finish(self, message: dict[str, Any], status: str, unreachable: bool = False) -> None:
        """Take `message` out of the queue (whatever happens next, this process does not send it again) and
        record how it ended."""
        with contextlib.suppress(ValueError):
            self.queue.remove(message)
        self.retry_at.pop(message["key"], None)
        self.attempts.pop(message["key"], None)
        self.unrecorded.append(Finished(message, status, unreachable))
        await self._record()

    async def _record(self) -> bool:
        """Record the finished messages not recorded yet, in order. False when the store cannot: delivery is
        held (nothing more is sent) until it can."""
        while self.unrecorded:
            done = self.unrecorded[0]
            try:
                if done.unreachable:
                    await asyncio.to_thread(self.store.set_reachable, done.message["chat_id"], False)
                await asyncio.to_thread(self.store.finish, done.message["key"], done.status)
            except OSError as exc:
                await self._hold(exc)
                return False
            self.unrecorded.popleft()
            run = self.runs.get(done.message["run"])
            if run is not None:
                run.done += 1
                await self._progress(run)
        if self.held:
            await self._resume()
        return True

    def _hold_wait(self) -> float:
        first, longest = HOLD_RETRY
        return float(min(longest, first * 2 ** min(self.held_tries, 10)))

    async def _hold(self, exc: OSError) -> None:
        self.held_tries += 1
        if self.held:
            return
        self.held = exc.strerror or str(exc)
        log.error("Delivery held: could not record a finished notification (%s); trying again", exc)
        await self._tell_admins("delivery_held", error=self.held)

    async def _resume(self) -> None:
        log.info("Delivery resumed: the finished notifications are recorded")
        self.held, self.held_tries = "", 0
        await self._tell_admins("delivery_resumed")

    # -- telling the admin -------------------------------------------------------------------------------------

    def _event_name(self, eid: str, lang: str) -> str:
        """The event's short name; its id when it was deleted since it was announced."""
        return self.engine.index.short_name(eid, lang) if eid in self.engine.index.events else eid

    async def _tell_admins(self, key: str, **values: object) -> None:
        """Tell the admins following a delivery (all admins when none is followed) something, once."""
        chats = {(run.admin_chat, run.lang) for run in self.runs.values() if run.admin_chat}
        chats = chats or {(admin, "en") for admin in self.settings.admin_ids}
        for chat, lang in sorted(chats):
            text = pack([Block(say(key, lang, **values))])[0]
            with contextlib.suppress(TelegramError):
                await retrying(functools.partial(self.bot.send_message, chat, text))

    async def start_progress(self, run: Run, lang: str) -> None:
        name = self._event_name(run.event, lang)
        text = pack([Block(say("delivery_started", lang, event=name, n=run.total))])[0]
        with contextlib.suppress(TelegramError):
            sent = await retrying(lambda: self.bot.send_message(run.admin_chat, text))
            run.message_id = sent.message_id
            run.last_edit = time.monotonic()
        if run.total == 0 or run.done >= run.total:
            await self._report(run)

    async def _progress(self, run: Run) -> None:
        if run.done >= run.total:
            await self._report(run)
            return
        now = time.monotonic()
        if run.message_id is None or now - run.last_edit < PROGRESS_EVERY:
            return
        run.last_edit = now
        lang = run.lang
        name = self._event_name(run.event, lang)
        text = pack([Block(say("delivery_progress", lang, event=name, done=run.done, n=run.total))])[0]
        with contextlib.suppress(TelegramError):  # a progress line is not worth failing a delivery for
            await self.bot.edit_message_text(text, run.admin_chat, run.message_id)

    async def _report(self, run: Run) -> None:
        self.runs.pop(run.rid, None)
        report = await asyncio.to_thread(self.store.run_report, run.rid)
        counts = report["counts"]
        lang = str(report["run"].get("lang", "en"))
        name = self._event_name(run.event, lang)
        values = {k: counts.get(k, 0) for k in ("sent", "failed", "blocked", "skipped")}
        text = pack([Block(say("delivery_report", lang, event=name, **values))])[0]
        if run.admin_chat:
            with contextlib.suppress(TelegramError):
                await retrying(lambda: self.bot.send_message(run.admin_chat, text))


def deliverer(application: Application) -> Deliverer:
    found: Deliverer = application.bot_data[DELIVERER]
    return found


def start_delivery(application: Application) -> None:
    bot_deps = deps(application)
    worker = Deliverer(application.bot, bot_deps.store, bot_deps.engine, bot_deps.settings)
    application.bot_data[DELIVERER] = worker
    start_task(application, DELIVERER + "_task", worker.run())


async def stop_delivery(application: Application) -> None:
    await stop_task(application, DELIVERER + "_task")

"""One admin change, from proposal to acknowledgement: how it is said, confirmed, saved and acknowledged.

A change (`Change`) is saved as one atomic, audited write (`Store.apply`), made only on what the admin saw:
it names the facts it replaces or deletes as they were when it was asked for (`Change.expect`). If another
admin changed one of them since (between the preview and the confirmation, or between two quick commands),
nothing is saved: the admin is told what it is now, and asked again with the change planned anew on it
(`Change.replan`). A change that cannot be written (a full disk, a damaged file) is said not to be saved.
Only once saved is it acknowledged, and the engine's index is refreshed so the next question sees it.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from telegram import Update

from bot.edits import InvalidValue
from bot.engine import Engine
from bot.messages import say
from bot.startup import keep_caches
from handlers.context import Context, close_choice, deps, in_private, reply_text, stale_button, user_lang
from handlers.fresh import refresh_if_changed
from handlers.keyboards import choices, encode
from knowledge.facts import Fact
from knowledge.store import ChangedMeanwhile
from knowledge.tablefile import DamagedFile

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_PENDING = 20


@dataclass
class Change:
    """Facts to save and fact ids to delete, as one change, with how to say it.

    `expect`: the facts it is made on, as the admin saw them (None: that there was none); `replan` plans the
    same command again on the knowledge as it is now (when one of them changed meanwhile)."""

    text: str
    saves: list[Fact] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)
    expect: dict[str, Fact | None] = field(default_factory=dict)
    replan: Callable[[Engine], Change] | None = None


class Refused(Exception):
    """A change that cannot be made; the message says why."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def describe(name: str, value: Any) -> str:
    """A stored value as an admin would write it."""
    if isinstance(value, dict):
        if "count" in value and "label" in value:
            return f"{value['count']} {value['label']}"
        if "count" in value:
            return f"over {value['count']}" if value.get("at_least") else str(value["count"])
        if "speaker" in value:
            return f"{value['speaker']}: {value['text']}"
        if "name" in value:
            return ", ".join(p for p in (value["name"], value.get("position", "")) if p)
        if "text" in value:
            return str(value["text"])
    return str(value)


def field_name(name: str) -> str:
    return name.replace("_", " ")


# -- saving and confirming -----------------------------------------------------------------------------------


async def commit(update: Update, context: Context, change: Change, ack: str | None = None) -> bool:
    """Save `change` (durably) and refresh the answers, then acknowledge it (with `ack`, or "Saved: ...").

    Returns whether it was saved. When it was not, the admin was told why: one of the facts it is made on
    was changed meanwhile (and the admin is asked again), or the database could not be written."""
    bot_deps, lang = deps(context), user_lang(update, context)
    user = update.effective_user
    actor = str(user.id) if user else "?"
    name = user.full_name if user else ""
    try:
        await written(
            context, lambda: bot_deps.store.apply(change.saves, change.deletes, actor, name, expect=change.expect)
        )
    except ChangedMeanwhile as conflict:
        await _ask_again(update, context, change, conflict)
        return False
    except (DamagedFile, OSError) as exc:
        await reply_text(update, not_saved(exc, lang))
        return False
    await settle(update, context, ack or say("saved", lang, change=change.text))
    return True


def not_saved(exc: DamagedFile | OSError, lang: str) -> str:
    """What an admin is told when a change could not be written (and the operator finds in the log)."""
    log.error("A change could not be saved: %s", exc)
    if isinstance(exc, DamagedFile):
        return say("not_saved_damaged", lang)
    return say("not_saved_write", lang, error=exc.strerror or str(exc))


async def _ask_again(update: Update, context: Context, change: Change, conflict: ChangedMeanwhile) -> None:
    """Tell the admin what the fact is now, and propose the same command again, planned on it."""
    bot_deps, lang = deps(context), user_lang(update, context)
    engine = bot_deps.engine
    # the other change is answered, and seen here
    await asyncio.to_thread(lambda: refresh_if_changed(bot_deps.store, engine, unnamed=True))
    subject, _, rest = conflict.fid.partition("/")
    eid, name = subject.removeprefix("event:"), rest.split("/")[0]
    values = {
        "by": conflict.by or say("someone", lang),
        "field": field_name(name),
        "event": engine.index.short_name(eid, lang) if eid in engine.index.events else eid,
    }
    if conflict.now is None:
        note = say("deleted_meanwhile", lang, **values)
    else:
        note = say("changed_meanwhile", lang, now=describe(name, conflict.now.value), **values)
    try:
        if change.replan is None:
            raise Refused("send_again")
        again = change.replan(engine)
    except (Refused, InvalidValue) as exc:
        await reply_text(update, f"{note}\n{say(exc.key, lang, **exc.values)}")
        return
    again.replan = change.replan
    await ask_to_confirm(update, context, again, note)


async def written(context: Context, write: Callable[[], T]) -> T:
    """Run `write`, a change to the knowledge, then refresh the engine if it changed the knowledge file: both in
    one job on the worker, so that answers use the change from the moment it is acknowledged, and the watcher
    (`handlers.fresh`) never sees the file changed before the engine is."""
    bot_deps = deps(context)

    def job() -> T:
        done = write()
        refresh_if_changed(bot_deps.store, bot_deps.engine, unnamed=True)
        return done

    return await asyncio.to_thread(job)


async def settle(update: Update, context: Context, ack: str) -> None:
    """After a change is saved (`written`): acknowledge it with `ack`, then keep the facts and the index for the
    next start-up (the caches, written once the admin has the answer)."""
    bot_deps = deps(context)
    await reply_text(update, ack)
    await asyncio.to_thread(keep_caches, bot_deps.store, bot_deps.engine)


async def ask_to_confirm(update: Update, context: Context, change: Change, conflict: str = "") -> None:
    """Propose `change` with Confirm / Cancel (after `conflict`, why it is asked again, when it is)."""
    assert context.user_data is not None
    pending: dict[str, Change] = context.user_data.setdefault("pending", {})
    while len(pending) >= MAX_PENDING:
        pending.pop(next(iter(pending)))
    token = secrets.token_hex(4)
    pending[token] = change
    lang = user_lang(update, context)
    keyboard = choices(lang, ("btn_confirm", encode("a", "y", token)), ("btn_cancel", encode("a", "n", token)))
    if conflict:
        text = say("confirm_again", lang, conflict=conflict, change=change.text)
    else:
        text = say("confirm_change", lang, change=change.text)
    await reply_text(update, text, keyboard)


async def on_confirm(update: Update, context: Context, answer: str, token: str) -> None:
    """A press on Confirm / Cancel under a proposed change (admins only, in their private chat; each admin's own
    proposals: the token is only in the user data of the admin it was proposed to)."""
    lang = user_lang(update, context)
    user = update.effective_user
    pending: dict[str, Change] = (context.user_data or {}).get("pending", {})
    change = pending.pop(token, None)
    if change is None or not deps(context).is_admin(user.id if user else None) or not in_private(update):
        await stale_button(update, lang)
        return
    await close_choice(update)
    if answer == "y":
        await commit(update, context, change)
    else:
        await reply_text(update, say("cancelled", lang))

"""Admin commands. Admins are the numeric user ids in BOT_ADMIN_IDS; admin commands work only in a private chat
with one of them. Anyone else gets a polite refusal, and the attempt is logged."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from telegram import Update

from bot.engine.text import fold
from bot.messages import say
from bot.render import title_and_lines
from handlers.context import Context, deps, in_private, reply_all, reply_text, user_lang

log = logging.getLogger(__name__)

R = TypeVar("R")
UNANSWERED_SHOWN = 30


def admin_only(
    handler: Callable[[Update, Context], Coroutine[Any, Any, R]],
) -> Callable[[Update, Context], Coroutine[Any, Any, R | None]]:
    """Run `handler` for an admin in a private chat; refuse (politely, and logged) otherwise."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: Context) -> R | None:
        user = update.effective_user
        user_id = user.id if user else None
        lang = user_lang(update, context)
        if not deps(context).is_admin(user_id):
            log.warning("Refused admin command %r from user %s", _command(update), user_id)
            await reply_text(update, say("admin_only", lang))
            return None
        if not in_private(update):
            log.warning("Refused admin command %r from admin %s outside a private chat", _command(update), user_id)
            await reply_text(update, say("admin_private_only", lang))
            return None
        return await handler(update, context)

    return guarded


def _command(update: Update) -> str:
    text = update.effective_message.text if update.effective_message else None
    return (text or "").split(" ", 1)[0][:64]


@dataclass
class Gap:
    """One question (however it was spelled) that went unanswered or got 👎."""

    question: str
    count: int = 0
    verdicts: set[str] = field(default_factory=set)
    last: str = ""


def gaps(feedback: list[dict[str, Any]]) -> list[Gap]:
    """Group feedback by question, ignoring case, accents and punctuation; most asked (then latest) first."""
    groups: dict[str, Gap] = {}
    for item in feedback:
        question = str(item.get("question") or "").strip()
        gap = groups.setdefault(fold(question) or question, Gap(question))
        gap.count += 1
        gap.verdicts.add(str(item.get("verdict")))
        gap.last = max(gap.last, str(item.get("ts") or ""))
    return sorted(groups.values(), key=lambda g: (-g.count, _reverse(g.last)))


def _reverse(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)


@admin_only
async def on_unanswered(update: Update, context: Context) -> None:
    lang = user_lang(update, context)
    found = gaps(await asyncio.to_thread(deps(context).store.feedback, ("down", "unanswered")))
    if not found:
        await reply_text(update, say("unanswered_none", lang))
        return
    lines = [
        say(
            "unanswered_line",
            lang,
            count=g.count,
            question=g.question,
            verdicts=" + ".join(say(f"verdict_{v}", lang) for v in sorted(g.verdicts)),
            when=g.last[:10],
        )
        for g in found[:UNANSWERED_SHOWN]
    ]
    await reply_all(update, title_and_lines(say("unanswered_title", lang, n=len(found)), lines))

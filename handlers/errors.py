"""The one error handler: log with the traceback, tell the user something useful, report to the admins.

Errors that are not bugs are only logged: a user who blocked the bot (Forbidden), and network trouble that
the retries already fought (timeouts, 429, dropped connections).
"""

from __future__ import annotations

import contextlib
import html
import logging
import time

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.messages import say
from handlers.context import Context, deps, reply_text, user_lang

log = logging.getLogger(__name__)

REPORT_EVERY = 60.0  # seconds: at most one report per kind of error per minute, so a storm is not a flood
_last_report: dict[str, float] = {}


async def on_error(update: object, context: Context) -> None:
    error = context.error
    if isinstance(error, Forbidden):
        log.info("Not delivered, the bot is blocked or was removed: %s", error.message)
        return
    if isinstance(error, NetworkError | RetryAfter) and not isinstance(error, BadRequest):
        log.warning("Telegram could not be reached in time: %s", error)
        return
    log.error("Unhandled error while handling an update", exc_info=error)
    if isinstance(update, Update) and update.effective_message is not None:
        with contextlib.suppress(TelegramError):
            await reply_text(update, say("error", user_lang(update, context)))
    await report_to_admins(update, context)


async def report_to_admins(update: object, context: Context) -> None:
    error = context.error
    kind = type(error).__name__
    now = time.monotonic()
    if now - _last_report.get(kind, -REPORT_EVERY) < REPORT_EVERY:
        return
    _last_report[kind] = now
    where = ""
    if isinstance(update, Update):
        chat = update.effective_chat
        where = f" (update {update.update_id}, chat {chat.id if chat else '-'})"
    text = f"⚠️ <b>{html.escape(kind)}</b>{html.escape(where)}\n<code>{html.escape(str(error)[:1000])}</code>"
    for admin_id in sorted(deps(context).settings.admin_ids):
        with contextlib.suppress(TelegramError):
            await context.bot.send_message(admin_id, text)

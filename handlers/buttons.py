"""Presses on inline buttons: sources, 👍/👎, picking an event, "did you mean", paging /events.

Every press is answered (`answer_callback_query`), so the client's spinner stops, and a press whose data is
not ours or whose answer is no longer remembered gets a clear "stale button" note instead of an error.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest

from bot.messages import say
from bot.render import Block, pack, sources_html
from handlers.changes import on_confirm
from handlers.context import (
    KEYBOARD_SENDS,
    Asked,
    Context,
    conversation,
    deps,
    reply_all,
    retrying,
    stale_button,
    user_lang,
)
from handlers.events import show_page
from handlers.import_review import on_import_button
from handlers.keyboards import Press, decode, without_feedback
from handlers.language import choose_language
from handlers.questions import record, send_answer
from handlers.subscriptions import on_manage_button, on_notify_button, on_subscribe_button

log = logging.getLogger(__name__)


async def on_button(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None
    press = decode(query.data)
    lang = user_lang(update, context)
    if press is None or query.message is None:
        log.warning("Ignored a button with unknown data %r", (query.data or "")[:64])
        await stale_button(update, lang)
        return
    await KEYBOARD_SENDS.settled(query.message.chat.id)  # the message may be ours a moment before we know
    asked = deps(context).answers.recall(query.message.chat.id, query.message.message_id)
    if press.kind == "p":
        await retrying(lambda: query.answer())
        await show_page(update, context, int(press.args[0]))
    elif press.kind == "u":
        await on_subscribe_button(update, context, *press.args)
    elif press.kind == "w":
        await on_manage_button(update, context, *press.args)
    elif press.kind == "b":
        await on_notify_button(update, context, *press.args)
    elif press.kind == "i":
        await on_import_button(update, context, *press.args)
    elif press.kind == "a":
        await on_confirm(update, context, *press.args)
    elif press.kind == "l":
        await choose_language(update, context, press.args[0])
    elif press.kind == "e":
        await retrying(lambda: query.answer())
        await _ask_about(update, context, press, asked)
    elif asked is None:
        await stale_button(update, lang)
    elif press.kind == "s":
        await retrying(lambda: query.answer())
        sources = asked.answer.sources
        parts = sources_html(sources, asked.answer.lang) if sources else pack([Block(say("no_sources", lang))])
        await reply_all(update, parts)
    elif press.kind == "q":
        await _suggestion(update, context, int(press.args[0]), asked, lang)
    elif press.kind == "f":
        await _feedback(update, context, press.args[0], asked)


async def _ask_about(update: Update, context: Context, press: Press, asked: Asked | None) -> None:
    """An event picked from several: the same question, about that event."""
    intent, event = press.args
    question = asked.question if asked else ""
    answer = deps(context).engine.ask(question, conversation(update, context), intent=intent, event=event)
    await send_answer(update, context, question, answer)


async def _suggestion(update: Update, context: Context, n: int, asked: Asked, lang: str) -> None:
    query = update.callback_query
    assert query is not None
    choices = asked.answer.choices
    if n >= len(choices) or not choices[n].question:
        await stale_button(update, lang)
        return
    await retrying(lambda: query.answer())
    question = choices[n].question
    answer = deps(context).engine.ask(question, conversation(update, context))
    answer.text = f"❓ {question}\n{answer.text}"
    await send_answer(update, context, question, answer)


async def _feedback(update: Update, context: Context, vote: str, asked: Asked) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    verdict = "up" if vote == "u" else "down"
    await record(update, context, asked.question, verdict, asked.answer.intent)
    await retrying(lambda: query.answer(say("feedback_thanks", asked.answer.lang)))
    markup = without_feedback(getattr(query.message, "reply_markup", None))
    try:
        await retrying(lambda: query.edit_message_reply_markup(reply_markup=markup))
    except BadRequest as exc:  # e.g. someone else in the group voted a moment earlier: nothing to change
        log.info("Feedback buttons not removed: %s", exc.message)

"""/events (every event, newest first, in pages) and /event NAME (one event's card)."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot.engine import Engine
from bot.messages import say
from bot.render import title_and_lines
from handlers.context import Context, conversation, deps, reply, reply_text, retrying, user_lang
from handlers.keyboards import events_keyboard
from handlers.questions import send_answer

PAGE_SIZE = 5


def events_page(engine: Engine, page: int, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    """The text and buttons of one page of /events."""
    found = engine.events_page(page, lang, PAGE_SIZE)
    title = say("events_title", lang, page=found.page + 1, pages=found.pages, total=found.total)
    names = [engine.index.short_name(eid, lang) for eid in found.events]
    return title_and_lines(title, found.lines)[0], events_keyboard(found, names, lang)


async def on_events(update: Update, context: Context) -> None:
    lang = user_lang(update, context)
    engine = deps(context).engine
    if not engine.index.events:
        await reply_text(update, say("events_none", lang))
        return
    text, keyboard = events_page(engine, 0, lang)
    await reply(update, text, keyboard)


async def show_page(update: Update, context: Context, page: int) -> None:
    """A press on newer / older: the same message shows the other page."""
    query = update.callback_query
    assert query is not None
    text, keyboard = events_page(deps(context).engine, page, user_lang(update, context))
    await retrying(lambda: query.edit_message_text(text, reply_markup=keyboard))


def example_event(engine: Engine, lang: str, fallback: str = "") -> str:
    """The newest event's short name, to show in a usage message."""
    newest = engine.index.newest_first
    return engine.index.short_name(newest[0], lang) if newest else fallback


async def on_event(update: Update, context: Context) -> None:
    lang = user_lang(update, context)
    engine = deps(context).engine
    name = " ".join(context.args or []).strip()
    if not name:
        await reply_text(update, say("event_usage", lang, example=example_event(engine, lang)))
        return
    answer = engine.ask(name, conversation(update, context), intent="summary")
    await send_answer(update, context, name, answer)

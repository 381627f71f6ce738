"""/language (/idioma): fix the language the bot answers in, per chat; or go back to each question's own.

The choice is kept in the store, so it survives restarts. In a group only the group's administrators can
change it.
"""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.messages import say
from handlers.context import Context, chat_lang, deps, edit_text, is_chat_admin, reply_text, retrying, user_lang
from handlers.keyboards import language_keyboard


def _current(update: Update, context: Context, lang: str) -> str:
    fixed = chat_lang(update, context)
    return say(f"language_name_{fixed}", lang) if fixed else say("language_auto", lang)


async def on_language(update: Update, context: Context) -> None:
    lang = user_lang(update, context)
    text = say("language_prompt", lang, current=_current(update, context, lang))
    await reply_text(update, text, language_keyboard(lang))


async def choose_language(update: Update, context: Context, choice: str) -> None:
    """A press on English / Español / each question's language."""
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    if not await is_chat_admin(update, context):
        await retrying(lambda: query.answer(say("language_group_admins", user_lang(update, context)), show_alert=True))
        return
    fixed = None if choice == "auto" else choice
    await asyncio.to_thread(deps(context).store.set_chat_language, chat.id, fixed)
    if fixed is None:
        deps(context).chat_langs.pop(chat.id, None)
    else:
        deps(context).chat_langs[chat.id] = fixed
    lang = user_lang(update, context)
    done = say("language_set", lang, language=say(f"language_name_{fixed}", lang)) if fixed else None
    await retrying(lambda: query.answer())
    await edit_text(update, done or say("language_set_auto", lang))

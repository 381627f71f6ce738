"""Questions: any text addressed to the bot is a question, answered with its source and buttons.

In a private chat every text is addressed to the bot. In a group only replies to the bot's messages and
messages that mention it are (commands are handled elsewhere); everything else is left alone.
"""

from __future__ import annotations

import asyncio
import logging
import re

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import filters

from bot.engine import Answer
from bot.messages import say
from bot.render import answer_html
from handlers.context import Context, conversation, deps, reply_all, reply_text, user_lang
from handlers.keyboards import answer_keyboard

log = logging.getLogger(__name__)

UNANSWERED = frozenset({"fallback", "unknown_event"})
MAX_KEPT_QUESTION = 500


class AddressedToBot(filters.MessageFilter):
    """Private chats; in groups, replies to the bot and messages that mention it."""

    def filter(self, message: Message) -> bool:
        if message.chat.type == ChatType.PRIVATE:
            return True
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
            return True
        return _mentions_bot(message)


def _mentions_bot(message: Message) -> bool:
    bot = message.get_bot()
    username = f"@{bot.username}".lower() if bot.username else None
    for entity, text in message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
        if entity.type == MessageEntity.MENTION and text.lower() == username:
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == bot.id:
            return True
    return False


def question_text(message: Message) -> str:
    """The message's text without the mention of the bot ("@crimjust_bot who funded it?" -> "who funded it?")."""
    text = message.text or ""
    username = message.get_bot().username
    if username:
        text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    return text.strip()


async def on_question(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    question = question_text(message)
    answer = deps(context).engine.ask(question, conversation(update, context))
    await send_answer(update, context, question, answer)
    if answer.intent in UNANSWERED:
        await record(update, context, question, "unanswered", answer.intent)


async def send_answer(update: Update, context: Context, question: str, answer: Answer) -> None:
    """Send `answer` (split if long) with its buttons under the last part, and remember it for the buttons."""
    chat = update.effective_chat
    assert chat is not None
    sent = await reply_all(update, answer_html(answer), answer_keyboard(answer))
    deps(context).answers.remember(chat.id, sent.message_id, question, answer)


async def record(update: Update, context: Context, question: str, verdict: str, intent: str) -> None:
    """Keep a question for the admins' /unanswered (in a thread: the store fsyncs)."""
    chat, user = update.effective_chat, update.effective_user
    await asyncio.to_thread(
        deps(context).store.record_feedback,
        chat_id=chat.id if chat else 0,
        user_id=user.id if user else 0,
        question=question[:MAX_KEPT_QUESTION],
        verdict=verdict,
        intent=intent,
    )


async def on_other_message(update: Update, context: Context) -> None:
    """A sticker, photo or voice note in a private chat: say that only text is read."""
    await reply_text(update, say("text_only", user_lang(update, context)))


async def on_unknown_command(update: Update, context: Context) -> None:
    await reply_text(update, say("unknown_command", user_lang(update, context)))

"""What every handler needs: the engine, the store and settings, the chat's conversation and language.

Handlers are thin adapters: they read the update, ask the engine (pure Python, no Telegram) and send what it
answers. Everything shared lives in one `BotDeps` object in ``application.bot_data``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import Application, CallbackContext, ContextTypes
from telegram.warnings import PTBDeprecationWarning

from bot.config import Settings
from bot.engine import Answer, Conversation, Engine
from bot.messages import DEFAULT_LANG, LANGS, say
from bot.render import text_html
from knowledge.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")
Context = ContextTypes.DEFAULT_TYPE
DEPS = "deps"
MAX_RETRY_WAIT = 60.0  # never sleep longer than this on one 429 for an interactive reply


@dataclass
class Asked:
    """An answer the bot sent, kept so that its buttons (source, feedback, choices) can act on it."""

    question: str
    answer: Answer


class AnswerMemory:
    """The last `size` answers sent, by (chat, message). Bounded: old buttons become "stale", memory does not grow."""

    def __init__(self, size: int = 5000) -> None:
        self.size = size
        self._items: OrderedDict[tuple[int, int], Asked] = OrderedDict()

    def remember(self, chat_id: int, message_id: int, question: str, answer: Answer) -> None:
        self._items[(chat_id, message_id)] = Asked(question, answer)
        self._items.move_to_end((chat_id, message_id))
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def recall(self, chat_id: int, message_id: int) -> Asked | None:
        return self._items.get((chat_id, message_id))


@dataclass
class BotDeps:
    settings: Settings
    store: Store
    engine: Engine
    answers: AnswerMemory = field(default_factory=AnswerMemory)
    chat_langs: dict[int, str] = field(default_factory=dict)  # chats whose language was fixed (/language)

    def __post_init__(self) -> None:
        self.chat_langs.update(self.store.chat_languages())

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.settings.admin_ids


def start_task(application: Application, key: str, work: Coroutine[Any, Any, None]) -> None:
    """Run `work` in the background for as long as the application runs (`stop_task` ends it)."""
    application.bot_data[key] = asyncio.get_running_loop().create_task(work)


async def stop_task(application: Application, key: str) -> None:
    """Cancel the task `start_task` started under `key`, and wait for it to end."""
    task = application.bot_data.pop(key, None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def deps(source: CallbackContext | Application) -> BotDeps:
    """The shared objects, from a handler's context or from the application itself."""
    application = source if isinstance(source, Application) else source.application
    found: BotDeps = application.bot_data[DEPS]
    return found


def chat_lang(update: object, context: Context) -> str | None:
    """The language fixed for this chat with /language, if any."""
    chat = update.effective_chat if isinstance(update, Update) else None
    return deps(context).chat_langs.get(chat.id) if chat is not None else None


def user_lang(update: object, context: Context) -> str:
    """The language for the bot's own words (menus, buttons): the chat's choice, else the user's client."""
    return chat_lang(update, context) or telegram_hint(update) or DEFAULT_LANG


def telegram_hint(update: object) -> str | None:
    user = update.effective_user if isinstance(update, Update) else None
    code = (user.language_code or "")[:2].lower() if user else ""
    return code if code in LANGS else None


def conversation(update: Update, context: Context) -> Conversation:
    """This chat's conversation (follow-ups are per chat), with the speaker's language as a hint."""
    assert context.chat_data is not None
    conv = context.chat_data.get("conv")
    if not isinstance(conv, Conversation):
        conv = context.chat_data["conv"] = Conversation()
    conv.lang = chat_lang(update, context)
    conv.lang_hint = telegram_hint(update)
    return conv


def in_private(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE


def retry_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


async def retrying(call: Callable[[], Awaitable[T]], attempts: int = 4) -> T:
    """Run a Bot API call, waiting as Telegram asks on 429 and backing off on timeouts and network errors.

    Not for errors that retrying cannot fix (bad request, blocked by the user): those are raised at once.
    """
    delay = 0.5
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except RetryAfter as exc:
            if attempt == attempts:
                raise
            await asyncio.sleep(min(retry_seconds(exc), MAX_RETRY_WAIT))
        except (BadRequest, Forbidden):
            raise
        except NetworkError as exc:  # includes timeouts
            if attempt == attempts:
                raise
            log.warning("Telegram call failed (%s), retrying in %.1fs", type(exc).__name__, delay)
            await asyncio.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")


class KeyboardSends:
    """Messages with buttons being sent, per chat.

    A message's id is known only once Telegram has taken the message, but the user can press one of its buttons
    at once, and updates are handled concurrently: the press could be handled before the handler that sent the
    message remembered its id (an answer, a subscription menu, an import preview) and be called stale. So every
    press first waits for the sends in flight to its chat (`settled`)."""

    def __init__(self) -> None:
        self._in_flight: dict[int, set[asyncio.Event]] = {}

    @contextlib.asynccontextmanager
    async def to(self, chat_id: int) -> AsyncIterator[None]:
        done = asyncio.Event()
        self._in_flight.setdefault(chat_id, set()).add(done)
        try:
            yield
        finally:
            done.set()
            flights = self._in_flight.get(chat_id, set())
            flights.discard(done)
            if not flights:
                self._in_flight.pop(chat_id, None)

    async def settled(self, chat_id: int, wait: float = 10.0) -> None:
        """Return once no message with buttons is being sent to `chat_id` (or after `wait` seconds)."""
        flights = list(self._in_flight.get(chat_id, ()))
        if flights:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.gather(*(flight.wait() for flight in flights)), wait)


KEYBOARD_SENDS = KeyboardSends()  # one per process: the reply helpers below are called without the bot's state


async def reply(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> Message:
    """Answer the update's message (quoting it in groups, so it is clear whom the bot answers)."""
    message = update.effective_message
    assert message is not None

    def send() -> Awaitable[Message]:
        return message.reply_text(text, reply_markup=markup, do_quote=not in_private(update))

    if markup is None:
        return await retrying(send)
    async with KEYBOARD_SENDS.to(message.chat_id):  # the caller remembers the message id before anything else
        return await retrying(send)


async def reply_all(update: Update, parts: list[str], markup: InlineKeyboardMarkup | None = None) -> Message:
    """Send a reply split in parts; the buttons go under the last one, which is returned."""
    sent = None
    for i, part in enumerate(parts):
        sent = await reply(update, part, markup if i == len(parts) - 1 else None)
    assert sent is not None
    return sent


async def reply_text(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> Message:
    """Reply with plain text (escaped here)."""
    return await reply_all(update, text_html(text), markup)


async def is_chat_admin(update: Update, context: Context) -> bool:
    """Whether the user may change this chat's settings: anyone in a private chat, a group's administrators."""
    if in_private(update):
        return True
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return False
    member = await retrying(lambda: context.bot.get_chat_member(chat.id, user.id))
    return member.status in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)


async def edit_text(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Replace the text of the message a button is under with plain `text` (escaped here)."""
    query = update.callback_query
    assert query is not None
    parts = text_html(text)
    await retrying(lambda: query.edit_message_text(parts[0], reply_markup=markup))


async def stale_button(update: Update, lang: str) -> None:
    """Tell whoever pressed a button that it no longer does anything (old, already used, or not theirs)."""
    query = update.callback_query
    assert query is not None
    await retrying(lambda: query.answer(say("button_stale", lang), show_alert=True))


async def close_choice(update: Update) -> None:
    """Acknowledge the press of a one-time choice and take its buttons away, so it cannot be pressed twice."""
    query = update.callback_query
    assert query is not None
    await retrying(lambda: query.answer())
    await retrying(lambda: query.edit_message_reply_markup(reply_markup=None))

"""/import: an admin gives the bot a press release, and it proposes the event and the facts it found.

The release can come four ways, all in a private chat with an admin:
- ``/import TEXT`` (a message cut at Telegram's 4,096 characters is taken as the first part of a longer text);
- ``/import LINK``, or a message that is only a link;
- a document (.txt, .md, .html, .pdf, .docx), with or without "/import" as its caption;
- ``/import`` alone, then the text in as many messages as needed, then "Read it" or /done.
The preview and what follows it are in `handlers.import_review`. Reading files and pages runs on threads of
its own, so a slow site never holds up the store or other chats.
"""

from __future__ import annotations

import asyncio
import re
import warnings
from concurrent.futures import ThreadPoolExecutor
from functools import cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, CommandHandler, ConversationHandler, MessageHandler, filters
from telegram.warnings import PTBUserWarning

from bot.import_run import Known, prepare
from bot.messages import say
from bot.reading import MAX_BYTES, Release, Unreadable, fetch, from_text, is_link, read_bytes
from handlers.admin import admin_only
from handlers.context import Context, close_choice, deps, in_private, reply_text, retrying, stale_button, user_lang
from handlers.import_review import REVIEWING, SESSION, Session, on_edit, on_import_button, show
from handlers.keyboards import decode, encode
from handlers.questions import on_question

COLLECTING = 20
PARTS = "import_parts"
CUT_AT = 3900  # a message this long was probably cut by Telegram (4,096 characters), with the rest to follow
MAX_PARTS = 40


@cache
def readers() -> ThreadPoolExecutor:
    """Threads for reading files and pages (slow sites, big PDFs), apart from the one that writes the store."""
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="reader")


@admin_only
async def on_import(update: Update, context: Context) -> int:
    """/import with a text, a link, or nothing (then the text follows in messages)."""
    message = update.effective_message
    assert message is not None and context.user_data is not None
    text = re.sub(r"^/import(@\w+)?", "", message.text or "", flags=re.IGNORECASE).strip()
    context.user_data.pop(SESSION, None)
    context.user_data.pop(PARTS, None)
    lang = user_lang(update, context)
    if not text:
        context.user_data[PARTS] = []
        await reply_text(update, say("import_collecting", lang), _read_button(lang))
        return COLLECTING
    if is_link(text):
        return await _import_link(update, context, text)
    if len(message.text or "") >= CUT_AT:
        context.user_data[PARTS] = [text]
        await reply_text(update, say("import_cut", lang), _read_button(lang))
        return COLLECTING
    return await _import_text(update, context, text)


async def on_link(update: Update, context: Context) -> int | None:
    """A message that is only a link: an admin's is a release to import; anyone else's is a question."""
    user = update.effective_user
    message = update.effective_message
    if not deps(context).is_admin(user.id if user else None) or message is None:
        await on_question(update, context)
        return None
    return await _import_link(update, context, (message.text or "").strip())


async def on_document(update: Update, context: Context) -> int | None:
    """A document sent to the bot: an admin's is a release to import."""
    lang = user_lang(update, context)
    user = update.effective_user
    message = update.effective_message
    assert message is not None
    if not deps(context).is_admin(user.id if user else None):
        await reply_text(update, say("import_document_admins", lang))
        return ConversationHandler.END
    if not in_private(update):
        await reply_text(update, say("admin_private_only", lang))
        return ConversationHandler.END
    document = message.document
    assert document is not None and context.user_data is not None
    context.user_data.pop(PARTS, None)
    name = document.file_name or "document"
    if (document.file_size or 0) > MAX_BYTES:
        size = f"{(document.file_size or 0) / (1024 * 1024):.1f}"
        await reply_text(update, say("read_too_big", lang, size=size, limit=f"{MAX_BYTES / (1024 * 1024):.1f}"))
        return ConversationHandler.END
    await reply_text(update, say("import_reading", lang, origin=name))
    try:
        telegram_file = await retrying(document.get_file)
        data = bytes(await retrying(telegram_file.download_as_bytearray))
    except BadRequest:  # Telegram hands bots files of up to 20 MB only
        await reply_text(update, say("read_too_big", lang, size="> 20", limit=f"{MAX_BYTES / (1024 * 1024):.1f}"))
        return ConversationHandler.END
    return await _read_and_show(update, context, lambda: read_bytes(data, name, document.mime_type or ""))


async def on_part(update: Update, context: Context) -> int:
    """One more message of a release being collected."""
    message = update.effective_message
    assert message is not None and context.user_data is not None
    parts: list[str] = context.user_data.setdefault(PARTS, [])
    lang = user_lang(update, context)
    if len(parts) >= MAX_PARTS:
        return await read_collected(update, context)
    parts.append(message.text or "")
    chars = len(joined(parts))
    await reply_text(update, say("import_collected", lang, parts=len(parts), chars=chars), _read_button(lang))
    return COLLECTING


async def on_done(update: Update, context: Context) -> int:
    return await read_collected(update, context)


async def read_collected(update: Update, context: Context) -> int:
    """ "Read it" or /done: the collected messages, as one release."""
    assert context.user_data is not None
    query = update.callback_query
    parts = context.user_data.get(PARTS)
    lang = user_lang(update, context)
    if parts is None:
        if query is not None:
            await stale_button(update, lang)
        return ConversationHandler.END
    if query is not None:
        await close_choice(update)
    if not parts:
        await reply_text(update, say("import_collect_empty", lang))
        return COLLECTING
    context.user_data.pop(PARTS, None)
    return await _import_text(update, context, joined(parts))


def joined(parts: list[str]) -> str:
    """Messages of one text put back together: a part cut mid-sentence goes on in the same line."""
    text = ""
    for part in parts:
        if text:
            text += "\n" if re.search(r"[.!?:;\"”»)]\s*$", text) else " "
        text += part.strip()
    return text


async def on_cancel(update: Update, context: Context) -> int:
    if context.user_data is not None:
        context.user_data.pop(SESSION, None)
        context.user_data.pop(PARTS, None)
    await reply_text(update, say("import_cancelled", user_lang(update, context)))
    return ConversationHandler.END


async def on_press(update: Update, context: Context) -> int:
    """A press on an /import button while the import is in progress."""
    query = update.callback_query
    assert query is not None
    press = decode(query.data)
    if press is None or press.kind != "i":
        await stale_button(update, user_lang(update, context))
        return ConversationHandler.END
    action, number = press.args
    collecting = context.user_data is not None and PARTS in context.user_data
    if collecting and action == "r":
        return await read_collected(update, context)
    if collecting and action == "c":
        await close_choice(update)
        return await on_cancel(update, context)
    return await on_import_button(update, context, action, number)


async def _import_text(update: Update, context: Context, text: str) -> int:
    return await _read_and_show(update, context, lambda: from_text(text))


async def _import_link(update: Update, context: Context, url: str) -> int:
    await reply_text(update, say("import_reading", user_lang(update, context), origin=url))
    return await _read_and_show(update, context, lambda: fetch(url))


async def _read_and_show(update: Update, context: Context, read: object) -> int:
    """Read the release (on a reader thread), make its draft, and show its preview; a clear message otherwise."""
    assert callable(read) and context.user_data is not None
    lang = user_lang(update, context)
    loop = asyncio.get_running_loop()
    try:
        release: Release = await loop.run_in_executor(readers(), read)
    except Unreadable as exc:
        await reply_text(update, say(exc.key, lang, **exc.values))
        return ConversationHandler.END
    known = Known.of(await asyncio.to_thread(deps(context).store.facts))
    draft = await loop.run_in_executor(readers(), prepare, release, known)
    session = context.user_data[SESSION] = Session(draft, known)
    return await show(update, context, session)


def _read_button(lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(say("btn_read_it", lang), callback_data=encode("i", "r", 0)),
                InlineKeyboardButton(say("btn_cancel", lang), callback_data=encode("i", "c", 0)),
            ]
        ]
    )


def conversation() -> ConversationHandler[Context]:
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    text = filters.TEXT & ~filters.COMMAND & private
    link = text & filters.Regex(r"(?i)^\s*(https?://|www\.)\S+\s*$")
    documents = filters.Document.ALL & (private | filters.CaptionRegex(r"^/import\b"))
    with warnings.catch_warnings():  # PTB notes that buttons are tracked per chat and user: that is the intent
        warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[
                CommandHandler("import", on_import, filters=filters.UpdateType.MESSAGE),
                MessageHandler(documents, on_document),
                MessageHandler(link, on_link),
            ],
            states={
                COLLECTING: [
                    MessageHandler(text, on_part),
                    CommandHandler("done", on_done),
                    CallbackQueryHandler(on_press, pattern=r"^i:"),
                ],
                REVIEWING: [MessageHandler(text, on_edit), CallbackQueryHandler(on_press, pattern=r"^i:")],
            },
            fallbacks=[CommandHandler("cancel", on_cancel)],
            allow_reentry=True,
        )

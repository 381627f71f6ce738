"""The /import preview in the chat: its pages and buttons, what the admin types to correct or fill in a fact,
and saving.

The preview is one message at a time, a page of the draft with its own buttons: tick or untick a fact, go to
the previous or next page, save, cancel. Every press edits that same message; a typed correction sends the
preview again (and takes the buttons off the one before), so the buttons an admin sees always act on what
they see. Saving is one change, refused when the same text was imported meanwhile.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ConversationHandler

from bot.edits import InvalidValue
from bot.import_preview import Page, field_label, pages
from bot.import_run import Known, save
from bot.importer import Draft, Who, apply_edit, blocked, read_edit, refresh_alikes, toggle
from bot.messages import say
from handlers.changes import not_saved, written
from handlers.context import (
    Context,
    close_choice,
    deps,
    edit_text,
    in_private,
    reply_text,
    retrying,
    stale_button,
    user_lang,
)
from handlers.editing import settle
from handlers.keyboards import encode
from handlers.subscriptions import offer_to_notify
from knowledge.store import ChangedMeanwhile
from knowledge.tablefile import DamagedFile

log = logging.getLogger(__name__)

SESSION = "import"
REVIEWING = 21
PER_ROW = 5


@dataclass
class Session:
    """An admin's import in progress: the draft, and what it was compared with."""

    draft: Draft
    known: Known


def session_of(context: Context) -> Session | None:
    found = (context.user_data or {}).get(SESSION)
    return found if isinstance(found, Session) else None


def keyboard(draft: Draft, page: Page, lang: str) -> InlineKeyboardMarkup:
    marks = [
        InlineKeyboardButton(("✅ " if draft.items[n].kept else "⬜ ") + str(n + 1), callback_data=encode("i", "t", n))
        for n in page.items
    ]
    rows = [marks[i : i + PER_ROW] for i in range(0, len(marks), PER_ROW)]
    nav = []
    if page.number > 0:
        nav.append(InlineKeyboardButton(say("btn_page_prev", lang), callback_data=encode("i", "p", page.number - 1)))
    if page.number < page.pages - 1:
        nav.append(InlineKeyboardButton(say("btn_page_next", lang), callback_data=encode("i", "p", page.number + 1)))
    if nav:
        rows.append(nav)
    actions = [InlineKeyboardButton(say("btn_cancel", lang), callback_data=encode("i", "c", 0))]
    if not draft.imported:
        anyway = draft.alikes or not draft.extraction.is_event
        label, action = ("btn_save_anyway", "a") if anyway else ("btn_save_selected", "s")
        actions.insert(0, InlineKeyboardButton(say(label, lang), callback_data=encode("i", action, 0)))
    rows.append(actions)
    return InlineKeyboardMarkup(rows)


def current_page(draft: Draft, lang: str) -> Page:
    shown = pages(draft, lang)
    draft.page = min(max(draft.page, 0), len(shown) - 1)
    return shown[draft.page]


async def show(update: Update, context: Context, session: Session) -> int:
    """Send the preview (page 1, or the page the admin was on) as a new message; the last one loses its buttons."""
    lang = user_lang(update, context)
    draft = session.draft
    page = current_page(draft, lang)
    old = draft.message_id
    sent = await reply_text(update, page.text, keyboard(draft, page, lang))
    draft.message_id = sent.message_id
    chat = update.effective_chat
    if old and chat is not None:
        with contextlib.suppress(BadRequest):  # it may be gone, or have no buttons any more
            await retrying(lambda: context.bot.edit_message_reply_markup(chat.id, old, reply_markup=None))
    return REVIEWING


async def on_edit(update: Update, context: Context) -> int:
    """A line typed under a preview: correct fact N, or fill a field in; then show the preview again."""
    session, lang = session_of(context), user_lang(update, context)
    message = update.effective_message
    if session is None or message is None:
        return ConversationHandler.END
    draft = session.draft
    try:
        edit = read_edit(draft, message.text or "")
        changed = apply_edit(draft, edit, session.known.programmes)
    except InvalidValue as exc:
        await reply_text(update, say(exc.key, lang, **exc.values))
        return REVIEWING
    refresh_alikes(draft, session.known.recorded)
    await reply_text(update, say("import_edited", lang, fields=", ".join(field_label(f) for f in changed)))
    return await show(update, context, session)


async def on_import_button(update: Update, context: Context, action: str, number: str) -> int:
    """A press under a preview: only the admin's own current preview counts, in their private chat."""
    query = update.callback_query
    assert query is not None and query.message is not None
    lang = user_lang(update, context)
    user = update.effective_user
    if not deps(context).is_admin(user.id if user else None) or not in_private(update):
        await stale_button(update, lang)
        return ConversationHandler.END
    session = session_of(context)
    if session is None or session.draft.message_id != query.message.message_id:
        await stale_button(update, lang)
        return REVIEWING if session else ConversationHandler.END
    draft = session.draft
    if action in ("t", "p"):
        if action == "t":
            toggle(draft, int(number))
            refresh_alikes(draft, session.known.recorded)
        else:
            draft.page = int(number)
        await retrying(lambda: query.answer())
        page = current_page(draft, lang)
        await edit_text(update, page.text, keyboard(draft, page, lang))
        return REVIEWING
    if action == "c":
        assert context.user_data is not None
        context.user_data.pop(SESSION, None)
        await close_choice(update)
        await reply_text(update, say("import_cancelled", lang))
        return ConversationHandler.END
    draft.insist = action == "a"
    why = blocked(draft)
    if why:
        await retrying(lambda: query.answer(say(why, lang), show_alert=True))
        return REVIEWING
    assert context.user_data is not None
    context.user_data.pop(SESSION, None)
    await close_choice(update)
    await _save(update, context, draft, lang)
    return ConversationHandler.END


async def _save(update: Update, context: Context, draft: Draft, lang: str) -> None:
    user = update.effective_user
    assert user is not None
    store = deps(context).store

    def save_now() -> tuple[str, list] | None:
        known = Known.of(store.facts())  # as it is now: another admin may have saved meanwhile
        return save(store, draft, known, Who(f"{user.full_name} ({user.id})"), str(user.id))

    try:
        saved = await written(context, save_now)
    except ChangedMeanwhile:
        await reply_text(update, say("import_meanwhile", lang))
        return
    except (DamagedFile, OSError) as exc:
        await reply_text(update, not_saved(exc, lang))
        return
    if saved is None:
        await reply_text(update, say("import_already", lang))
        return
    subject, facts = saved
    events = sum(1 for f in facts if f.subject == subject)
    await settle(update, context, say("import_saved", lang, event=draft.title, facts=events))
    await offer_to_notify(update, context, subject.removeprefix("event:"))

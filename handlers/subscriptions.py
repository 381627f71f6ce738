"""Partners subscribe to new events: /subscribe (filters chosen with buttons), /subscriptions (pause, resume,
remove), /unsubscribe (all, after a confirmation). In a group only its administrators change them.

Admins publish: after /newevent or /import the bot offers to notify the matching chats now; /announce EVENT
notifies them again. Delivery itself is `handlers.delivery`.

A button acts only where the bot put it, for whom it was put there, whatever its data says: "remove all" only
under the /unsubscribe confirmation it belongs to, pressed by whoever asked for it; "Notify now" only under the
offer made to that admin, in their private chat.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.edits import EVENT_KINDS
from bot.engine import Engine
from bot.messages import kind_name, place_name, say
from bot.notify import DIMENSIONS, TOPIC_CHOICES, Filters, describe_filters
from handlers.admin import admin_only
from handlers.context import (
    Context,
    close_choice,
    deps,
    edit_text,
    in_private,
    is_chat_admin,
    reply_text,
    retrying,
    stale_button,
    user_lang,
)
from handlers.delivery import deliverer
from handlers.editing import named_event
from handlers.keyboards import choices, encode

DRAFT = "subscription"
UNSUBSCRIBING = "unsubscribe"  # chat data: (the confirmation's message id, who asked for it)
OFFERS = "notify_offers"  # user data: the "Notify now" offers made to this admin, message id -> event
MAX_OFFERS = 20
CODES = {"c": "countries", "p": "programmes", "k": "kinds", "t": "topics"}
PER_ROW = 2


@dataclass
class SubDraft:
    message_id: int = 0
    dimension: str | None = None
    filters: Filters = field(default_factory=dict)


def options(engine: Engine, dimension: str, lang: str) -> list[tuple[str, str]]:
    """(value, label) choices for one dimension, from what the knowledge holds."""
    if dimension == "countries":
        events = engine.index.events.values()
        found = {str(f.value) for e in events for n in ("country", "participant_countries") for f in e.many(n)}
        return [(c, place_name(c, lang)) for c in sorted(found)]
    if dimension == "programmes":
        return [(pid, p.name) for pid, p in sorted(engine.index.programmes.items())]
    if dimension == "kinds":
        return [(k, kind_name(k, lang)) for k in EVENT_KINDS]
    return [(t, t) for t in TOPIC_CHOICES]


def main_view(draft: SubDraft, engine: Engine, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    text = say("sub_intro", lang, current=describe_filters(draft.filters, engine, lang))
    dims = [
        InlineKeyboardButton(say(f"dim_{dim}", lang), callback_data=encode("u", "d", code))
        for code, dim in CODES.items()
    ]
    rows = [dims[i : i + PER_ROW] for i in range(0, len(dims), PER_ROW)]
    rows.append(
        [
            InlineKeyboardButton(say("btn_subscribe", lang), callback_data=encode("u", "s", "0")),
            InlineKeyboardButton(say("btn_cancel", lang), callback_data=encode("u", "x", "0")),
        ]
    )
    return text, InlineKeyboardMarkup(rows)


def pick_view(draft: SubDraft, engine: Engine, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    assert draft.dimension is not None
    chosen = set(draft.filters.get(draft.dimension, []))
    buttons = [
        InlineKeyboardButton(("✅ " if value in chosen else "") + label[:60], callback_data=encode("u", "o", str(n)))
        for n, (value, label) in enumerate(options(engine, draft.dimension, lang))
    ]
    rows = [buttons[i : i + PER_ROW] for i in range(0, len(buttons), PER_ROW)]
    rows.append([InlineKeyboardButton(say("btn_back", lang), callback_data=encode("u", "b", "0"))])
    dimension = say(f"dim_{draft.dimension}", lang).split(" ", 1)[-1].lower()
    text = say("sub_pick", lang, dimension=dimension, current=describe_filters(draft.filters, engine, lang))
    return text, InlineKeyboardMarkup(rows)


async def on_subscribe(update: Update, context: Context) -> None:
    lang = user_lang(update, context)
    if not await is_chat_admin(update, context):
        await reply_text(update, say("sub_group_admins", lang))
        return
    assert context.user_data is not None
    draft = SubDraft()
    text, keyboard = main_view(draft, deps(context).engine, lang)
    sent = await reply_text(update, text, keyboard)
    draft.message_id = sent.message_id
    context.user_data[DRAFT] = draft


async def on_subscribe_button(update: Update, context: Context, action: str, arg: str) -> None:
    query, chat, user = update.callback_query, update.effective_chat, update.effective_user
    assert query is not None and query.message is not None and chat is not None and user is not None
    lang = user_lang(update, context)
    draft = (context.user_data or {}).get(DRAFT)
    if not isinstance(draft, SubDraft) or draft.message_id != query.message.message_id:
        await stale_button(update, lang)
        return
    engine = deps(context).engine
    await retrying(lambda: query.answer())
    if action == "d" and arg in CODES:
        draft.dimension = CODES[arg]
    elif action == "o" and draft.dimension is not None and arg.isdigit():
        choices = options(engine, draft.dimension, lang)
        if int(arg) < len(choices):
            value = choices[int(arg)][0]
            chosen = draft.filters.setdefault(draft.dimension, [])
            chosen.remove(value) if value in chosen else chosen.append(value)
            if not chosen:
                del draft.filters[draft.dimension]
    elif action == "b":
        draft.dimension = None
    elif action == "x":
        (context.user_data or {}).pop(DRAFT, None)
        await edit_text(update, say("unsub_kept", lang))
        return
    elif action == "s":
        (context.user_data or {}).pop(DRAFT, None)
        filters = {dim: sorted(draft.filters[dim]) for dim in DIMENSIONS if draft.filters.get(dim)}
        store = deps(context).store
        await asyncio.to_thread(store.subscribe, chat.id, chat.type, filters, lang, user.id)
        await edit_text(update, say("sub_saved", lang, what=describe_filters(filters, engine, lang)))
        return
    text, keyboard = pick_view(draft, engine, lang) if draft.dimension else main_view(draft, engine, lang)
    await edit_text(update, text, keyboard)


async def list_view(update: Update, context: Context, lang: str) -> tuple[str, InlineKeyboardMarkup | None]:
    chat = update.effective_chat
    assert chat is not None
    engine = deps(context).engine
    subs = await asyncio.to_thread(deps(context).store.subscriptions, chat.id)
    if not subs:
        return say("sub_none", lang), None
    lines = [say("sub_list_title", lang)]
    rows = []
    for n, sub in enumerate(subs, 1):
        paused = say("sub_paused", lang) if sub["paused"] else ""
        lines.append(say("sub_line", lang, n=n, what=describe_filters(sub["filters"], engine, lang), paused=paused))
        toggle = ("▶ " if sub["paused"] else "⏸ ") + str(n)
        rows.append(
            [
                InlineKeyboardButton(toggle, callback_data=encode("w", "r" if sub["paused"] else "p", sub["sid"])),
                InlineKeyboardButton(f"🗑 {n}", callback_data=encode("w", "d", sub["sid"])),
            ]
        )
    return "\n".join(lines), InlineKeyboardMarkup(rows)


async def on_subscriptions(update: Update, context: Context) -> None:
    text, keyboard = await list_view(update, context, user_lang(update, context))
    await reply_text(update, text, keyboard)


async def on_unsubscribe(update: Update, context: Context) -> None:
    lang = user_lang(update, context)
    chat = update.effective_chat
    assert chat is not None
    if not await is_chat_admin(update, context):
        await reply_text(update, say("sub_group_admins", lang))
        return
    subs = await asyncio.to_thread(deps(context).store.subscriptions, chat.id)
    if not subs:
        await reply_text(update, say("sub_none", lang))
        return
    keyboard = choices(lang, ("btn_remove_all", encode("w", "a", "0")), ("btn_keep", encode("w", "k", "0")))
    sent = await reply_text(update, say("unsub_confirm", lang, n=len(subs)), keyboard)
    user = update.effective_user
    assert context.chat_data is not None
    context.chat_data[UNSUBSCRIBING] = (sent.message_id, user.id if user else None)


async def on_manage_button(update: Update, context: Context, action: str, arg: str) -> None:
    """Pause, resume or remove one subscription; remove all; keep them."""
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    lang = user_lang(update, context)
    if not await is_chat_admin(update, context):
        await retrying(lambda: query.answer(say("sub_group_admins", lang), show_alert=True))
        return
    store = deps(context).store
    if action in ("a", "k") and not _confirming_unsubscribe(update, context):
        await stale_button(update, lang)
        return
    await retrying(lambda: query.answer())
    if action == "k":
        await edit_text(update, say("unsub_kept", lang))
        return
    if action == "a":
        removed = await asyncio.to_thread(store.unsubscribe, chat.id)
        await edit_text(update, say("unsub_done", lang, n=removed))
        return
    sid = int(arg) if arg.isdigit() else -1
    if action in ("p", "r"):
        await asyncio.to_thread(store.set_paused, sid, action == "p", chat.id)
    elif action == "d":
        await asyncio.to_thread(store.unsubscribe, chat.id, sid)
    text, keyboard = await list_view(update, context, lang)
    await edit_text(update, text, keyboard)


def _confirming_unsubscribe(update: Update, context: Context) -> bool:
    """Whether the press is on the /unsubscribe confirmation of this chat, by whoever asked for it (the
    confirmation is then used up)."""
    query, user = update.callback_query, update.effective_user
    asked = (context.chat_data or {}).get(UNSUBSCRIBING)
    pressed = (query.message.message_id if query and query.message else None, user.id if user else None)
    if asked is None or tuple(asked) != pressed:
        return False
    (context.chat_data or {}).pop(UNSUBSCRIBING, None)
    return True


# -- admins: publishing -------------------------------------------------------------------------------------


async def offer_to_notify(update: Update, context: Context, eid: str) -> None:
    """After an event is published: how many chats it would reach, and a button to notify them."""
    lang = user_lang(update, context)
    if eid not in deps(context).engine.index.events:  # not saved after all (the admin was told why)
        return
    chats, _ = await asyncio.to_thread(deliverer(context.application).audience, eid)
    if not chats:
        await reply_text(update, say("notify_nobody", lang))
        return
    keyboard = choices(lang, ("btn_notify", encode("b", "y", eid)), ("btn_not_now", encode("b", "n", eid)))
    sent = await reply_text(update, say("notify_prompt", lang, n=len(chats)), keyboard)
    assert context.user_data is not None
    offers: dict[int, str] = context.user_data.setdefault(OFFERS, {})
    offers[sent.message_id] = eid
    while len(offers) > MAX_OFFERS:
        offers.pop(next(iter(offers)))


async def on_notify_button(update: Update, context: Context, answer: str, eid: str) -> None:
    """A press on Notify now / Not now: only under the offer made to this admin, in their private chat."""
    query, user, lang = update.callback_query, update.effective_user, user_lang(update, context)
    assert query is not None and query.message is not None
    offers: dict[int, str] = (context.user_data or {}).get(OFFERS, {})
    admin = deps(context).is_admin(user.id if user else None) and in_private(update)
    if not admin or offers.get(query.message.message_id) != eid or eid not in deps(context).engine.index.events:
        await stale_button(update, lang)
        return
    offers.pop(query.message.message_id)
    await close_choice(update)
    if answer == "y":
        await notify(update, context, eid)
    else:
        await reply_text(update, say("not_notified", lang, event=deps(context).engine.index.short_name(eid, lang)))


async def notify(update: Update, context: Context, eid: str) -> None:
    chat = update.effective_chat
    assert chat is not None
    lang = user_lang(update, context)
    worker = deliverer(context.application)
    try:
        run = await worker.announce(eid, chat.id, lang, request=request_key(update, context))
    except OSError as exc:
        await reply_text(update, say("not_queued_write", lang, error=exc.strerror or str(exc)))
        return
    if run is None:
        await reply_text(update, say("delivery_already", lang))
        return
    await worker.start_progress(run, lang)


def request_key(update: Update, context: Context) -> str:
    """What names the Telegram update that asked for a delivery, the same when Telegram sends that update again
    (after a crash), and different for any other: the bot, the update, and the message or button press (an
    update number alone repeats, after a change of token on the same database)."""
    query, message = update.callback_query, update.message
    if query is not None:
        what = f"press {query.id}"
    elif message is not None:
        what = f"message {message.chat.id}/{message.message_id} at {message.date.timestamp():.0f}"
    else:
        what = ""
    return f"bot {context.bot.id} update {update.update_id} {what}".strip()


@admin_only
async def on_announce(update: Update, context: Context) -> None:
    eid = await named_event(update, context, "announce_usage")
    if eid is not None:
        await notify(update, context, eid)

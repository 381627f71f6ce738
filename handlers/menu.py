"""The command table, and the commands that introduce the bot: /start and /help.

One table drives the handlers, /help and the menus Telegram shows (`set_my_commands`): everyone gets the
public commands; each admin gets, in a private chat, a menu with the admin commands too; and each menu exists
in every language of the catalogue.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Callable, Collection, Coroutine
from dataclasses import dataclass
from functools import partial
from typing import Any

from telegram import Bot, BotCommand, BotCommandScopeChat, BotCommandScopeDefault, Update
from telegram.error import BadRequest, Forbidden

from bot.engine import Answer, Engine
from bot.messages import DEFAULT_LANG, LANGS, join, kind_count, place_name, say
from bot.render import Block, pack
from handlers import admin, backup, editing, events, importing, language, newevent, subscriptions, whoami
from handlers.context import Context, deps, in_private, reply_all, retrying, user_lang
from handlers.questions import send_answer

log = logging.getLogger(__name__)

Callback = Callable[[Update, Context], Coroutine[Any, Any, object]]


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    callback: Callback
    description: str  # catalogue key
    admin: bool = False
    local_names: tuple[tuple[str, str], ...] = ()  # (language, name) where the menu shows another name
    conversation: bool = False  # started by a ConversationHandler entry point, not a plain CommandHandler

    @property
    def names(self) -> list[str]:
        return [self.name, *(name for _, name in self.local_names)]

    def name_in(self, lang: str) -> str:
        return dict(self.local_names).get(lang, self.name)


async def on_start(update: Update, context: Context) -> None:
    lang = user_lang(update, context)
    chat, store = update.effective_chat, deps(context).store
    if chat is not None and chat.id in await asyncio.to_thread(store.unreachable_chats):  # back after blocking
        await asyncio.to_thread(store.set_reachable, chat.id, True)
    user = update.effective_user
    name = f", {user.first_name}" if user and user.first_name and in_private(update) else ""
    engine = deps(context).engine
    choices = engine.suggestions(None, lang, 3)
    text = say("start", lang, name=name, coverage=coverage(engine, lang))
    answer = Answer(text, "greeting", lang, 1.0, choices=choices, choice_kind="suggestions")
    await send_answer(update, context, "/start", answer)


async def on_help(update: Update, context: Context) -> None:
    lang = user_lang(update, context)
    user = update.effective_user
    show_admin = in_private(update) and deps(context).is_admin(user.id if user else None)
    engine = deps(context).engine
    blocks = [
        Block(say("help_coverage", lang), "b"),
        Block(_capitalise(coverage(engine, lang))),
        Block(""),
        Block(say("help_title", lang), "b"),
        Block(say("help_body", lang)),
        Block(""),
        Block(say("help_examples", lang)),
        *(Block(f"• {choice.question}") for choice in engine.suggestions(None, lang, 4)),
        Block(""),
        Block(say("help_commands", lang), "b"),
        *(Block(_help_line(c, lang)) for c in COMMANDS if not c.admin),
    ]
    if show_admin:
        blocks += [Block(""), Block(say("help_admin", lang), "b")]
        blocks += [Block(_help_line(c, lang)) for c in COMMANDS if c.admin]
    await reply_all(update, pack(blocks))


MAX_PROGRAMMES = 4  # named in /start and /help; the others are counted


def coverage(engine: Engine, lang: str) -> str:
    """What the bot knows, from its facts: "I have 2 events on record (1 training and 1 side event).
    Programmes: CRIMJUST and UNODC Global Cybercrime Programme." """
    index = engine.index
    if not index.events:
        return say("coverage_none", lang)
    kinds = Counter(event.kind for event in index.events.values())
    ranked = sorted(kinds, key=lambda kind: (-kinds[kind], kind))
    counts = join([kind_count(kinds[kind], kind, lang) for kind in ranked], lang)
    # The programmes with the most events first.
    programmes = sorted(index.programmes, key=lambda pid: (-len(index.by_programme.get(pid, ())), pid))
    names = [place_name(index.programmes[pid].name, lang) for pid in programmes[:MAX_PROGRAMMES]]
    if len(programmes) > MAX_PROGRAMMES:
        names.append(say("coverage_more", lang, n=len(programmes) - MAX_PROGRAMMES))
    listed = say("coverage_programmes", lang, n=len(programmes), names=join(names, lang)) if names else ""
    return say("coverage", lang, n=len(index.events), kinds=counts, programmes=listed)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _help_line(command: Command, lang: str) -> str:
    names = " ".join(f"/{name}" for name in dict.fromkeys([command.name_in(lang), *command.names]))
    return f"{names} — {say(command.description, lang)}"


COMMANDS: tuple[Command, ...] = (
    Command("start", on_start, "cmd_start"),
    Command("help", on_help, "cmd_help"),
    Command("events", events.on_events, "cmd_events"),
    Command("event", events.on_event, "cmd_event"),
    Command("language", language.on_language, "cmd_language", local_names=(("es", "idioma"),)),
    Command("subscribe", subscriptions.on_subscribe, "cmd_subscribe"),
    Command("subscriptions", subscriptions.on_subscriptions, "cmd_subscriptions"),
    Command("unsubscribe", subscriptions.on_unsubscribe, "cmd_unsubscribe"),
    Command("id", whoami.on_id, "cmd_id"),
    Command("unanswered", admin.on_unanswered, "cmd_unanswered", admin=True),
    Command("facts", editing.on_facts, "cmd_facts", admin=True),
    Command("addfact", editing.on_addfact, "cmd_addfact", admin=True),
    Command("editfact", editing.on_editfact, "cmd_editfact", admin=True),
    Command("delfact", editing.on_delfact, "cmd_delfact", admin=True),
    Command("undo", editing.on_undo, "cmd_undo", admin=True),
    Command("history", editing.on_history, "cmd_history", admin=True),
    Command("newevent", newevent.on_newevent, "cmd_newevent", admin=True, conversation=True),
    Command("import", importing.on_import, "cmd_import", admin=True, conversation=True),
    Command("announce", subscriptions.on_announce, "cmd_announce", admin=True),
    Command("cancel", editing.on_cancel, "cmd_cancel", admin=True),
    Command("export", backup.on_export, "cmd_export", admin=True),
    Command("backup", backup.on_backup, "cmd_backup", admin=True),
)


def menu(lang: str, with_admin: bool) -> list[BotCommand]:
    return [BotCommand(c.name_in(lang), say(c.description, lang)[:256]) for c in COMMANDS if with_admin or not c.admin]


async def set_menus(bot: Bot, admin_ids: Collection[int]) -> None:
    """Publish the command menus: public ones for everyone, and admin ones in each admin's private chat."""
    for lang in LANGS:
        code = None if lang == DEFAULT_LANG else lang
        public = partial(bot.set_my_commands, menu(lang, False), scope=BotCommandScopeDefault(), language_code=code)
        await retrying(public)
        for admin_id in sorted(admin_ids):
            scope = BotCommandScopeChat(admin_id)
            try:
                await retrying(partial(bot.set_my_commands, menu(lang, True), scope=scope, language_code=code))
            except (BadRequest, Forbidden) as exc:  # the admin has not started a chat with the bot yet
                log.warning("Could not set the admin menu for %s: %s", admin_id, exc.message)

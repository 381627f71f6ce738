"""Admins change the knowledge from the chat: /facts, /addfact, /editfact, /delfact, /undo, /history.

A change is parsed and checked first (`bot.edits`), planned on the facts as the admin sees them, then saved
and acknowledged by `handlers.changes` (one atomic, audited write; refused, and asked again, when another admin
changed what it is made on meanwhile). When the event or the field was only matched fuzzily, the admin confirms
with a button first.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from telegram import Update

from bot.edits import SURE, AdminSource, InvalidValue, check_counts, find_field, new_fact, parse_value
from bot.engine import Engine
from bot.engine.text import fold
from bot.messages import say
from bot.render import title_and_lines
from handlers.admin import admin_only
from handlers.changes import (
    Change,
    Refused,
    ask_to_confirm,
    commit,
    describe,
    field_name,
    not_saved,
    settle,
    written,
)
from handlers.context import Context, deps, reply_all, reply_text, user_lang
from handlers.events import example_event
from knowledge.facts import EVENT_FIELDS, Fact
from knowledge.store import UndoConflict
from knowledge.tablefile import DamagedFile

log = logging.getLogger(__name__)

FALLBACK_EXAMPLE = "Panama 2021 training"  # for usage messages when no event is recorded yet
EXAMPLE_FIELDS = ", ".join(EVENT_FIELDS)


# -- finding what is meant ---------------------------------------------------------------------------------


def event_of(engine: Engine, what: str, lang: str) -> tuple[str, bool]:
    """The event an admin names, and whether that is sure; `Refused` when none or several."""
    events, sure = engine.find_events(what)
    if not events:
        raise Refused("admin_unknown_event", what=what, events=_event_names(engine, lang))
    if len(events) > 1:
        names = "; ".join(f"{engine.index.short_name(e, lang)} ({e})" for e in events[:10])
        raise Refused("admin_which_event", what=what, events=names)
    return events[0], sure


async def named_event(update: Update, context: Context, usage: str, fallback: str = "") -> str | None:
    """The one event a command's arguments name ("/facts panama 2021"). Otherwise replies how to use the command
    (`usage`, with an example event), or why the name does not do (no event, or several), and returns None."""
    engine, lang = deps(context).engine, user_lang(update, context)
    what = " ".join(context.args or [])
    if not what:
        await reply_text(update, say(usage, lang, example=example_event(engine, lang, fallback)))
        return None
    try:
        return event_of(engine, what, lang)[0]
    except Refused as exc:
        await reply_text(update, say(exc.key, lang, **exc.values))
        return None


def _event_names(engine: Engine, lang: str) -> str:
    return "; ".join(engine.index.short_name(e, lang) for e in engine.index.newest_first[:10])


@dataclass
class Target:
    event: str
    field: str
    rest: list[str]
    quote: str
    sure: bool


def parse_target(engine: Engine, text: str, lang: str) -> Target:
    """Split "EVENT FIELD REST [-- quote]" at the word that names a field (the first exact one, else the first
    close one, which makes the change unsure)."""
    body, _, quote = text.partition(" -- ")
    words = body.split()
    found: tuple[int, int, str, float] | None = None  # (position, words used, field, score)
    for i in range(1, len(words)):
        pair = find_field("_".join(words[i : i + 2])) if i + 2 <= len(words) else None
        if pair and pair[1] == SURE:  # "participant countries"; two words are only taken when exact
            found = (i, 2, *pair)
            break
        single = find_field(words[i])
        if single and (single[1] == SURE or found is None):
            found = (i, 1, *single)
            if single[1] == SURE:
                break
    if found is None:
        raise Refused("unknown_field", fields=EXAMPLE_FIELDS)
    i, used, name, score = found
    event, sure = event_of(engine, " ".join(words[:i]), lang)
    return Target(event, name, words[i + used :], quote.strip(), sure and score == SURE)


def programme_names(engine: Engine) -> dict[str, str]:
    names: dict[str, str] = {}
    for pid, programme in engine.index.programmes.items():
        names[fold(pid)] = pid
        names[fold(programme.name)] = pid
        for alias in programme.many("aliases"):
            names[fold(str(alias.value))] = pid
    return names


def _source(update: Update, quote: str, typed: str) -> AdminSource:
    user = update.effective_user
    assert user is not None
    return AdminSource(user.full_name, user.id, quote or typed)


def _items(engine: Engine, event: str, name: str) -> list[Fact]:
    return engine.index.events[event].many(name)


# -- the commands -----------------------------------------------------------------------------------------


@admin_only
async def on_facts(update: Update, context: Context) -> None:
    engine, lang = deps(context).engine, user_lang(update, context)
    event = await named_event(update, context, "usage_facts", FALLBACK_EXAMPLE)
    if event is None:
        return
    view = engine.index.events[event]
    lines = []
    for name in EVENT_FIELDS:
        facts = view.many(name)
        for n, fact in enumerate(facts, 1):
            number = f" {n}" if EVENT_FIELDS[name].many else ""
            lines.append(f"{field_name(name)}{number}: {describe(name, fact.value)}")
            lines.append(f"    “{fact.source.quote}” — {fact.source.doc_title or fact.source.doc}")
    title = say("facts_title", lang, event=f"{engine.index.short_name(event, lang)} ({event})")
    await reply_all(update, title_and_lines(title, lines))


@admin_only
async def on_addfact(update: Update, context: Context) -> None:
    await _change(update, context, _plan_add)


@admin_only
async def on_editfact(update: Update, context: Context) -> None:
    await _change(update, context, _plan_edit)


@admin_only
async def on_delfact(update: Update, context: Context) -> None:
    await _change(update, context, _plan_delete)


async def _change(update: Update, context: Context, plan: Any) -> None:
    engine, lang = deps(context).engine, user_lang(update, context)
    message = update.effective_message
    assert message is not None
    text = (message.text or "").partition(" ")[2].strip()
    command = (message.text or "").split(maxsplit=1)[0].split("@")[0]
    if not text:
        event = example_event(engine, lang, FALLBACK_EXAMPLE)
        example = f"{command} {event} funders Government of Canada -- https://www.unodc.org/..."
        await reply_text(update, say("usage_change", lang, example=example, fields=EXAMPLE_FIELDS))
        return
    try:
        target = parse_target(engine, text, lang)
        change = plan(update, engine, target, lang)
    except (Refused, InvalidValue) as exc:
        await reply_text(update, say(exc.key, lang, **exc.values))
        return
    change.replan = lambda now: plan(update, now, parse_target(now, text, lang), lang)
    if target.sure:
        await commit(update, context, change)
    else:
        await ask_to_confirm(update, context, change)


def _value(engine: Engine, target: Target, words: list[str]) -> Any:
    return parse_value(target.field, " ".join(words), programmes=programme_names(engine))


def _plan_add(update: Update, engine: Engine, target: Target, lang: str) -> Change:
    value = _value(engine, target, target.rest)
    name, event = target.field, target.event
    label = engine.index.short_name(event, lang)
    existing = _items(engine, event, name)
    if not EVENT_FIELDS[name].many and existing:
        raise Refused("already_recorded", event=label, field=field_name(name), value=describe(name, existing[0].value))
    if any(fold(describe(name, f.value)) == fold(describe(name, value)) for f in existing):
        raise Refused("duplicate_item", event=label, field=field_name(name), value=describe(name, value))
    _check_counts(engine, event, name, value)
    fact = new_fact(f"event:{event}", name, value, _source(update, target.quote, " ".join(target.rest)).source(""))
    text = say("change_add", lang, event=label, field=field_name(name), value=describe(name, value))
    return Change(text, saves=[fact], expect={fact.fid: None})


def _pick(engine: Engine, target: Target, lang: str, words: list[str]) -> tuple[Fact, list[str]]:
    """The fact a change is about: the only one of a one-value field, or item N of a list."""
    name, event = target.field, target.event
    label = engine.index.short_name(event, lang)
    existing = _items(engine, event, name)
    if not existing:
        raise Refused("nothing_recorded", event=label, field=field_name(name))
    if not EVENT_FIELDS[name].many or (len(existing) == 1 and not (words and words[0].isdigit())):
        return existing[0], words
    if not words or not words[0].isdigit():
        items = "; ".join(f"{n}. {describe(name, f.value)}" for n, f in enumerate(existing, 1))
        raise Refused("which_item", event=label, field=field_name(name), items=items)
    n = int(words[0])
    if not 1 <= n <= len(existing):
        raise Refused("no_such_item", event=label, field=field_name(name), n=n)
    return existing[n - 1], words[1:]


def _plan_edit(update: Update, engine: Engine, target: Target, lang: str) -> Change:
    old, words = _pick(engine, target, lang, target.rest)
    value = _value(engine, target, words)
    name, event = target.field, target.event
    _check_counts(engine, event, name, value, replacing=old)
    fact = new_fact(f"event:{event}", name, value, _source(update, target.quote, " ".join(words)).source(""))
    deletes = [old.fid] if fact.fid != old.fid else []
    text = say(
        "change_set",
        lang,
        event=engine.index.short_name(event, lang),
        field=field_name(name),
        old=describe(name, old.value),
        new=describe(name, value),
    )
    return Change(text, saves=[fact], deletes=deletes, expect={old.fid: old})


def _plan_delete(update: Update, engine: Engine, target: Target, lang: str) -> Change:
    old, _ = _pick(engine, target, lang, target.rest)
    label = engine.index.short_name(target.event, lang)
    text = say(
        "change_delete", lang, event=label, field=field_name(target.field), value=describe(target.field, old.value)
    )
    return Change(text, deletes=[old.fid], expect={old.fid: old})


def _check_counts(engine: Engine, event: str, name: str, value: Any, replacing: Fact | None = None) -> None:
    view = engine.index.events[event]
    total = view.one("participants")
    groups = [f.value for f in view.many("participant_groups") if f is not replacing]
    if name == "participants":
        check_counts(value, groups)
    elif name == "participant_groups":
        check_counts(total.value if total else None, [*groups, value])


@admin_only
async def on_undo(update: Update, context: Context) -> None:
    bot_deps, lang = deps(context), user_lang(update, context)
    user = update.effective_user
    assert user is not None
    try:
        undone = await written(context, lambda: bot_deps.store.undo(str(user.id), user.full_name))
    except (DamagedFile, OSError) as exc:
        await reply_text(update, not_saved(exc, lang))
        return
    if undone is None:
        await reply_text(update, say("undo_nothing", lang))
        return
    if isinstance(undone, UndoConflict):
        await reply_text(update, say("undo_conflict", lang, fact=undone.fid, actor=undone.actor))
        return
    reverted = "\n".join(_entry_text(e, reverse=True) for e in undone)
    await settle(update, context, say("undo_done", lang, changes=reverted))


def _entry_text(entry: dict[str, Any], reverse: bool = False) -> str:
    before, after = entry.get("before"), entry.get("after")
    if reverse:
        before, after = after, before
    fid = str(entry["fid"])
    name = fid.split("/")[1] if "/" in fid else fid
    old = describe(name, before["value"]) if before else "—"
    new = describe(name, after["value"]) if after else "—"
    return f"{field_name(name)}: “{old}” → “{new}”"


@admin_only
async def on_history(update: Update, context: Context) -> None:
    bot_deps, lang = deps(context), user_lang(update, context)
    engine = bot_deps.engine
    what = " ".join(context.args or [])
    if not what:
        await reply_text(update, say("usage_history", lang, example=example_event(engine, lang, FALLBACK_EXAMPLE)))
        return
    events, _ = engine.find_events(what)
    event = events[0] if len(events) == 1 else what.strip()
    label = engine.index.short_name(event, lang) if event in engine.index.events else event
    try:
        entries = await asyncio.to_thread(bot_deps.store.history, f"event:{event}")
    except DamagedFile as exc:
        log.error("The history of %s could not be read: %s", event, exc)
        await reply_text(update, say("damaged_read", lang))
        return
    if not events and not entries:
        await reply_text(update, say("admin_unknown_event", lang, what=what, events=_event_names(engine, lang)))
        return
    if not entries:
        await reply_text(update, say("history_none", lang, event=label))
        return
    lines = [
        say(
            "history_line",
            lang,
            when=str(e["ts"])[:16].replace("T", " "),
            actor=e.get("by") or e["actor"],
            change=_entry_text(e) + (" " + say("history_undo", lang) if e.get("undoes") else ""),
        )
        for e in entries[:30]
    ]
    await reply_all(update, title_and_lines(say("history_title", lang, event=label), lines))


@admin_only
async def on_cancel(update: Update, context: Context) -> None:
    """/cancel outside a conversation; pending confirmations are dropped too."""
    if context.user_data is not None:
        context.user_data.pop("pending", None)
    await reply_text(update, say("nothing_to_cancel", user_lang(update, context)))

"""/newevent: a guided conversation that adds an event, one question at a time.

Each answer is checked at once (a clear message and another try when it is wrong); optional steps can be
skipped, /back corrects the previous answer, /cancel stops. At the end a preview card shows everything with
Confirm / Cancel, and warns when the event looks like one already recorded (same place and date, or a close
title). Confirming saves every fact as one change (so /undo removes the whole event) and answers use it at once.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz
from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, ConversationHandler, MessageHandler, filters
from telegram.warnings import PTBUserWarning

from bot.edits import (
    EVENT_KINDS,
    AdminSource,
    InvalidValue,
    check_counts,
    clean_value,
    event_subject,
    new_fact,
    parse_count,
    parse_date,
    parse_group,
    parse_kind,
    parse_speaker,
)
from bot.engine import Engine
from bot.engine.text import fold
from bot.messages import format_date, say
from handlers.admin import admin_only
from handlers.context import Context, close_choice, deps, reply_text, user_lang
from handlers.editing import Change, commit, describe, field_name
from handlers.import_review import SESSION
from handlers.importing import PARTS
from handlers.keyboards import choices, encode
from handlers.subscriptions import offer_to_notify
from knowledge.facts import Fact

ASKING, CONFIRMING = range(2)
IMPORTING = (PARTS, SESSION)  # what /import keeps while it runs
DRAFT = "new_event"
SIMILAR_TITLE = 85


def split_items(text: str, separators: str = r";|\n") -> list[str]:
    return [item.strip() for item in re.split(separators, text) if item.strip()]


def parse_names(text: str) -> list[str]:
    items = split_items(text) if re.search(r";|\n", text) else split_items(text, ",")
    return [clean_value(item) for item in items]


def parse_countries(text: str) -> list[str]:
    return [clean_value(item) for item in split_items(text, r",|;|\n|\s+and\s+|\s+y\s+")]


def parse_place(text: str) -> dict[str, str]:
    """ "City, Country" -> both; one name alone is taken as the country."""
    parts = [p.strip() for p in clean_value(text).rsplit(",", 1)]
    return {"city": parts[0], "country": parts[1]} if len(parts) == 2 and all(parts) else {"country": parts[0]}


@dataclass(frozen=True)
class Step:
    name: str
    required: bool
    parse: Callable[[str], Any]


STEPS: tuple[Step, ...] = (
    Step("title", True, clean_value),
    Step("kind", True, parse_kind),
    Step("date", True, parse_date),
    Step("place", True, parse_place),
    Step("organisers", False, parse_names),
    Step("funders", False, parse_names),
    Step("participants", False, parse_count),
    Step("participant_groups", False, lambda text: [parse_group(item) for item in split_items(text)]),
    Step("participant_countries", False, parse_countries),
    Step("speakers", False, lambda text: [parse_speaker(item) for item in split_items(text)]),
    Step("topics", False, lambda text: [clean_value(item) for item in split_items(text)]),
    Step("source", True, clean_value),
)


@dataclass
class Draft:
    step: int = 0
    values: dict[str, Any] = field(default_factory=dict)

    def facts(self, source: AdminSource) -> tuple[str, list[Fact]]:
        """The new event's subject and facts, every one with the admin's source."""
        v = self.values
        place = v["place"]
        subject = event_subject(v["title"], v["date"], place.get("city") or place.get("country"))
        src = source.source(v["source"])
        scalars = {"title": v["title"], "kind": v["kind"], "date": v["date"], **place}
        if v.get("participants"):
            scalars["participants"] = v["participants"]
        facts = [new_fact(subject, name, value, src) for name, value in scalars.items()]
        for name in ("organisers", "funders", "participant_groups", "participant_countries", "speakers", "topics"):
            facts += [new_fact(subject, name, value, src) for value in v.get(name) or []]
        return subject, facts


def _prompt(draft: Draft, lang: str) -> str:
    step = STEPS[draft.step]
    prompt = say(f"new_ask_{step.name}", lang, **({"kinds": ", ".join(EVENT_KINDS)} if step.name == "kind" else {}))
    hint = say("new_hint_required" if step.required else "new_hint_optional", lang)
    return say("new_step", lang, n=draft.step + 1, total=len(STEPS), prompt=prompt, hint=hint)


def _draft(context: Context) -> Draft:
    assert context.user_data is not None
    draft = context.user_data.get(DRAFT)
    if not isinstance(draft, Draft):
        draft = context.user_data[DRAFT] = Draft()
    return draft


@admin_only
async def on_newevent(update: Update, context: Context) -> int:
    assert context.user_data is not None
    if any(context.user_data.get(key) is not None for key in IMPORTING):  # one flow at a time, so that /cancel
        # ends the one that is running
        await reply_text(update, say("busy_importing", user_lang(update, context)))
        return ConversationHandler.END
    context.user_data[DRAFT] = Draft()
    await reply_text(update, _prompt(_draft(context), user_lang(update, context)))
    return ASKING


async def on_answer(update: Update, context: Context) -> int:
    draft, lang = _draft(context), user_lang(update, context)
    message = update.effective_message
    assert message is not None
    step = STEPS[draft.step]
    try:
        value = step.parse(message.text or "")
        if step.name == "participant_groups":
            check_counts(draft.values.get("participants"), value)
    except InvalidValue as exc:
        await reply_text(update, say("new_try_again", lang, error=say(exc.key, lang, **exc.values)))
        return ASKING
    draft.values[step.name] = value
    return await _next(update, context, draft)


async def on_skip(update: Update, context: Context) -> int:
    draft, lang = _draft(context), user_lang(update, context)
    if STEPS[draft.step].required:
        await reply_text(update, say("new_skip_required", lang))
        return ASKING
    draft.values.pop(STEPS[draft.step].name, None)
    return await _next(update, context, draft)


async def on_back(update: Update, context: Context) -> int:
    draft = _draft(context)
    draft.step = max(0, draft.step - 1)
    await reply_text(update, _prompt(draft, user_lang(update, context)))
    return ASKING


async def _next(update: Update, context: Context, draft: Draft) -> int:
    draft.step += 1
    lang = user_lang(update, context)
    if draft.step < len(STEPS):
        await reply_text(update, _prompt(draft, lang))
        return ASKING
    await _preview(update, context, draft, lang)
    return CONFIRMING


def preview_lines(draft: Draft, lang: str) -> list[str]:
    lines = []
    for step in STEPS:
        value = draft.values.get(step.name)
        if value is None or value == []:
            continue
        if step.name == "date":
            shown = format_date(date.fromisoformat(value), lang)
        elif step.name == "place":
            shown = ", ".join(value.values())
        elif isinstance(value, list):
            shown = "; ".join(describe(step.name, item) for item in value)
        else:
            shown = describe(step.name, value)
        lines.append(f"{field_name(step.name)}: {shown}")
    return lines


def look_alikes(engine: Engine, title: str, day: str | None, places: list[str], lang: str) -> list[str]:
    """Recorded events that look like a new one: same date and place, or a title close to its title."""
    found = []
    place = {fold(p) for p in places}
    for eid, event in engine.index.events.items():
        same_day = event.day is not None and event.day.isoformat() == day
        if same_day and place & {fold(p) for p in event.places}:
            why = "dup_same_place_date"
        elif fuzz.token_set_ratio(fold(event.text("title")), fold(title)) >= SIMILAR_TITLE:
            why = "dup_similar_title"
        else:
            continue
        found.append(say("new_duplicate", lang, event=engine.index.short_name(eid, lang), why=say(why, lang)))
    return found


async def _preview(update: Update, context: Context, draft: Draft, lang: str) -> None:
    lines = [say("new_preview", lang), "", *preview_lines(draft, lang)]
    v = draft.values
    warnings = look_alikes(deps(context).engine, v["title"], v["date"], list(v["place"].values()), lang)
    if warnings:
        lines += ["", *warnings]
    keyboard = choices(lang, ("btn_confirm", encode("n", "y")), ("btn_cancel", encode("n", "n")))
    await reply_text(update, "\n".join(lines), keyboard)


async def on_decision(update: Update, context: Context) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    lang = user_lang(update, context)
    draft = context.user_data.pop(DRAFT, None)
    await close_choice(update)
    if query.data != "n:y" or not isinstance(draft, Draft):
        await reply_text(update, say("new_cancelled", lang))
        return ConversationHandler.END
    user = update.effective_user
    assert user is not None
    subject, facts = draft.facts(AdminSource(user.full_name, user.id))
    engine = deps(context).engine
    subject = unique_subject(engine, subject)
    facts = [new_fact(subject, f.field, f.value, f.source) for f in facts]
    published = say("new_published", lang, event=draft.values["title"], facts=len(facts))
    change = Change(draft.values["title"], saves=facts, expect={f.fid: None for f in facts})
    if await commit(update, context, change, ack=published):
        await offer_to_notify(update, context, subject.removeprefix("event:"))
    return ConversationHandler.END


def unique_subject(engine: Engine, subject: str) -> str:
    taken = {f"event:{eid}" for eid in engine.index.events}
    candidate, n = subject, 2
    while candidate in taken:
        candidate, n = f"{subject[:45]}-{n}", n + 1
    return candidate


async def on_cancel(update: Update, context: Context) -> int:
    if context.user_data is not None:
        context.user_data.pop(DRAFT, None)
    await reply_text(update, say("new_cancelled", user_lang(update, context)))
    return ConversationHandler.END


def conversation() -> ConversationHandler[Context]:
    text = filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE
    with warnings.catch_warnings():  # PTB notes that the button is tracked per chat and user: that is the intent
        warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)
        return _conversation(text)


def _conversation(text: filters.BaseFilter) -> ConversationHandler[Context]:
    return ConversationHandler(
        entry_points=[CommandHandler("newevent", on_newevent)],
        states={
            ASKING: [
                MessageHandler(text, on_answer),
                CommandHandler("skip", on_skip),
                CommandHandler("back", on_back),
            ],
            CONFIRMING: [CallbackQueryHandler(on_decision, pattern=r"^n:[yn]$")],
        },
        fallbacks=[CommandHandler("cancel", on_cancel), CommandHandler("import", on_busy)],
        allow_reentry=True,
    )


async def on_busy(update: Update, context: Context) -> None:
    """/import while a new event is being added: one flow at a time, so that /cancel ends the one running."""
    await reply_text(update, say("busy_newevent", user_lang(update, context)))

"""/import: the admin pastes a press release; the bot proposes the event and the facts it found, each with its
quote, says what it did not find, and saves only the facts the admin keeps selected."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.edits import AdminSource, event_subject, new_fact
from bot.engine import Engine
from bot.extract import Extraction, Found, extract
from bot.messages import format_date, kind_name, say
from handlers.admin import admin_only
from handlers.context import Context, close_choice, deps, edit_text, reply_text, retrying, stale_button, user_lang
from handlers.editing import Change, commit, describe, field_name, programme_names
from handlers.keyboards import encode
from handlers.newevent import look_alikes, unique_subject
from handlers.subscriptions import offer_to_notify

IMPORT = "import"
PER_ROW = 5


@dataclass
class ImportDraft:
    found: list[Found]
    missing: list[str]
    made_title: bool = False
    left_out: set[int] = field(default_factory=set)
    message_id: int = 0

    def kept(self) -> list[Found]:
        return [f for n, f in enumerate(self.found) if n not in self.left_out]


def draft_from(result: Extraction, lang: str) -> ImportDraft | None:
    """The proposal for an extraction; None when it names no date and no place (no event to speak of)."""
    found = list(result.facts)
    fields = {f.field for f in found}
    if not ({"date", "city", "country"} & fields):
        return None
    made_title = "title" not in fields
    if made_title:  # a name for the event from its kind, place and date, said to be made up
        kind = next((str(f.value) for f in found if f.field == "kind"), "event")
        place = next((str(f.value) for f in found if f.field in ("city", "country")), "")
        day = next((f for f in found if f.field == "date"), None)
        when = format_date(date.fromisoformat(str(day.value)), "en") if day else ""
        title = ", ".join(p for p in (kind_name(kind, "en").capitalize(), place, when) if p)
        quote = day.quote if day else next(f.quote for f in found if f.field in ("city", "country"))
        found.insert(0, Found("title", title, quote))
    missing = [m for m in result.missing if m != "title"]
    return ImportDraft(found, missing, made_title)


def preview(draft: ImportDraft, engine: Engine, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    lines = [say("import_preview", lang), ""]
    for n, fact in enumerate(draft.found):
        mark = "⬜" if n in draft.left_out else "✅"
        lines.append(f"{mark} {n + 1}. {field_name(fact.field)}: {describe(fact.field, fact.value)}")
        if fact.field == "title" and draft.made_title:
            lines.append("    " + say("import_made_title", lang))
        else:
            lines.append(f"    “{_short(fact.quote)}”")
    if draft.missing:
        lines += ["", say("import_missing", lang, fields=", ".join(field_name(m) for m in draft.missing))]
    values = {f.field: f.value for f in draft.found}
    places = [str(values[k]) for k in ("city", "country") if k in values]
    lines += look_alikes(engine, str(values.get("title", "")), values.get("date"), places, lang)
    numbers = [
        InlineKeyboardButton(("⬜ " if n in draft.left_out else "✅ ") + str(n + 1), callback_data=encode("i", "t", n))
        for n in range(len(draft.found))
    ]
    rows = [numbers[i : i + PER_ROW] for i in range(0, len(numbers), PER_ROW)]
    rows.append(
        [
            InlineKeyboardButton(say("btn_save_selected", lang), callback_data=encode("i", "s", 0)),
            InlineKeyboardButton(say("btn_cancel", lang), callback_data=encode("i", "c", 0)),
        ]
    )
    return "\n".join(lines), InlineKeyboardMarkup(rows)


def _short(quote: str, limit: int = 140) -> str:
    return quote if len(quote) <= limit else quote[: limit - 1].rstrip() + "…"


@admin_only
async def on_import(update: Update, context: Context) -> None:
    bot_deps, lang = deps(context), user_lang(update, context)
    message = update.effective_message
    assert message is not None and context.user_data is not None
    parts = (message.text or "").split(None, 1)
    text = parts[1].strip() if len(parts) == 2 else ""
    if not text:
        await reply_text(update, say("import_usage", lang))
        return
    engine = bot_deps.engine
    organisations = {
        str(f.value)
        for event in engine.index.events.values()
        for name in ("organisers", "funders")
        for f in event.many(name)
    }
    draft = draft_from(extract(text, organisations, programme_names(engine)), lang)
    if draft is None:
        await reply_text(update, say("import_nothing", lang))
        return
    context.user_data[IMPORT] = draft
    body, keyboard = preview(draft, engine, lang)
    sent = await reply_text(update, body, keyboard)
    draft.message_id = sent.message_id


async def on_import_button(update: Update, context: Context, action: str, number: str) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    lang = user_lang(update, context)
    user = update.effective_user
    draft = (context.user_data or {}).get(IMPORT)
    current = isinstance(draft, ImportDraft) and draft.message_id == query.message.message_id
    if not current or not deps(context).is_admin(user.id if user else None):
        await stale_button(update, lang)
        return
    assert isinstance(draft, ImportDraft) and context.user_data is not None
    if action == "t":
        n = int(number)
        if n < len(draft.found):
            draft.left_out ^= {n}
        await retrying(lambda: query.answer())
        body, keyboard = preview(draft, deps(context).engine, lang)
        await edit_text(update, body, keyboard)
        return
    if action == "c":
        context.user_data.pop(IMPORT, None)
        await close_choice(update)
        await reply_text(update, say("cancelled", lang))
        return
    kept = draft.kept()
    fields = {f.field for f in kept}
    if "title" not in fields or not ({"date", "city", "country"} & fields):
        await retrying(lambda: query.answer(say("import_needs", lang), show_alert=True))
        return
    context.user_data.pop(IMPORT, None)
    await close_choice(update)
    await _save(update, context, draft, kept, lang)


async def _save(update: Update, context: Context, draft: ImportDraft, kept: list[Found], lang: str) -> None:
    user = update.effective_user
    assert user is not None
    engine = deps(context).engine
    values = {f.field: f.value for f in kept}
    place = next((str(values[k]) for k in ("city", "country") if k in values), None)
    subject = unique_subject(engine, event_subject(str(values["title"]), values.get("date"), place))
    title = str(values["title"]) if not draft.made_title else ""
    facts = [
        new_fact(subject, f.field, f.value, AdminSource(user.full_name, user.id, f.quote, title=title).source(""))
        for f in kept
    ]
    ack = say("import_saved", lang, event=values["title"], facts=len(facts))
    await commit(update, context, Change(str(values["title"]), saves=facts), ack=ack)
    await offer_to_notify(update, context, subject.removeprefix("event:"))

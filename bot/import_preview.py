"""What an import draft looks like to the admin: its facts, each with its quote and any flag, what was not
found, and what to look out for (not an event, a look-alike, imported already), cut into pages that each fit in
one Telegram message, so that every page keeps its own buttons.

Pure Python: plain text in the admin's language (the chat escapes it once when it sends it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.importer import Draft, Item
from bot.lookalike import LookAlike
from bot.messages import MONTHS_EN, MONTHS_ES, format_date, say

PAGE_CHARS = 3000  # well under Telegram's 4,096 characters, after the HTML escaping of quotes
QUOTE_CHARS = 160


@dataclass(frozen=True)
class Page:
    text: str
    items: list[int]  # the draft items shown on it (0-based), for its buttons
    number: int
    pages: int


def pages(draft: Draft, lang: str) -> list[Page]:
    """The draft as pages: the same header and footer on each, the facts shared out between them."""
    head = header(draft, lang)
    foot = footer(draft, lang)
    budget = PAGE_CHARS - len("\n".join(head + foot)) - 40
    chunks: list[list[int]] = [[]]
    used = 0
    for n, item in enumerate(draft.items):
        size = len("\n".join(item_lines(n, item, lang, made=draft.made_title and n == 0))) + 1
        if chunks[-1] and used + size > budget:
            chunks.append([])
            used = 0
        chunks[-1].append(n)
        used += size
    total = len(chunks)
    out = []
    for number, chunk in enumerate(chunks):
        title = (
            say("import_preview", lang, page=number + 1, pages=total) if total > 1 else say("import_preview_one", lang)
        )
        body = [line for n in chunk for line in item_lines(n, draft.items[n], lang, made=draft.made_title and n == 0)]
        out.append(Page("\n".join([title, *head, "", *body, *foot]), chunk, number, total))
    return out


def header(draft: Draft, lang: str) -> list[str]:
    """What the admin must know before anything else: the release, and the reasons not to save it as it is."""
    where = draft.release.origin or say("import_pasted", lang)
    lines = [say("import_source", lang, origin=where, chars=len(draft.release.text))]
    if draft.imported:
        lines.append(say("import_already", lang))
    if not draft.extraction.is_event:
        why = draft.extraction.not_event_why or say("import_not_event_unsaid", lang)
        lines.append(say("import_not_event", lang, why=why))
    lines += [alike_line(a, lang) for a in draft.alikes[:3]]
    if draft.extraction.truncated:
        lines.append(say("import_truncated", lang))
    lines += [f"ℹ {note}" for note in draft.extraction.notes]
    return lines


def alike_line(alike: LookAlike, lang: str) -> str:
    reasons = ", ".join(say(f"alike_{r}", lang) for r in alike.reasons)
    return say("import_alike", lang, event=alike.title or alike.event, id=alike.event, why=reasons)


def footer(draft: Draft, lang: str) -> list[str]:
    lines = [""]
    missing = draft.missing()
    if missing:
        lines.append(say("import_missing", lang, fields=", ".join(field_label(m) for m in missing)))
    if not draft.imported:
        lines.append(say("import_how_to_edit", lang))
    return lines


def item_lines(n: int, item: Item, lang: str, *, made: bool = False) -> list[str]:
    mark = "✅" if item.kept else "⬜"
    about = f" ({item.found.subject.partition(':')[2]})" if item.found.subject else ""
    lines = [f"{mark} {n + 1}. {field_label(item.field)}{about}: {show_value(item.field, item.found.value, lang)}"]
    if item.found.flag:
        lines.append("    ⚠ " + say(f"import_flag_{item.found.flag}", lang))
    if item.typed:
        lines.append("    ✏ " + say("import_typed", lang, typed=short(item.typed, 80)))
    if made and not item.typed:
        lines.append("    " + say("import_made_title", lang))
    elif item.found.quote:
        lines.append(f"    “{short(item.found.quote)}”")
    return lines


def field_label(name: str) -> str:
    return name.replace("_", " ")


def show_value(name: str, value: Any, lang: str = "en") -> str:
    """A value as an admin would write it back (and as /import reads it when they do)."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return format_date(date.fromisoformat(value), lang)
    if isinstance(value, str) and (m := re.fullmatch(r"--(\d\d)-(\d\d)", value)):
        month = (MONTHS_ES if lang == "es" else MONTHS_EN)[int(m.group(1)) - 1]
        day = f"{int(m.group(2))} de {month}" if lang == "es" else f"{int(m.group(2))} {month}"
        return say("import_no_year", lang, day=day)
    if not isinstance(value, dict):
        return str(value)
    if "label" in value and "count" in value:
        return f"{_count(value, lang)} {value['label']}"
    if "count" in value and len(value) <= 3 and not value.keys() - {"count", "at_least", "approx"}:
        return _count(value, lang)
    if "percent" in value:
        return f"{value['percent']}%"
    if "amount" in value:
        return f"{value['amount']} {value['unit']}"
    if "speaker" in value:
        return f"{value['speaker']}: {value['text']}"
    if "name" in value:
        name = " ".join(p for p in (value.get("honorific", ""), value["name"]) if p)
        return ", ".join(p for p in (name, value.get("position", "")) if p)
    if "text" in value:
        return str(value["text"])
    return str(value)


def _count(value: dict[str, Any], lang: str) -> str:
    if value.get("at_least"):
        return say("at_least", lang, n=value["count"])
    if value.get("approx"):
        return say("import_about", lang, n=value["count"])
    return str(value["count"])


def short(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

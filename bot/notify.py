"""Which subscriptions an event matches, and the notification card partners get. Pure Python, no Telegram.

A subscription is a combination of filters over four dimensions: countries (where the event was or where its
participants came from), programmes, kinds of event, and topics (words looked for in the event's title, topics
and aims). Within a dimension any value may match; every dimension that has values must match. No filter at
all means everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine import Engine
from bot.engine.lexicon import KIND_FAMILY
from bot.engine.phrase import count_text, dates_text
from bot.engine.text import fold
from bot.engine.views import EventView
from bot.messages import join, kind_name, place_name, role_name, say

DIMENSIONS = ("countries", "programmes", "kinds", "topics")
TOPIC_CHOICES = ("OSINT", "dark net", "cybercrime", "drug trafficking", "digital evidence", "money laundering")
Filters = dict[str, list[str]]


@dataclass(frozen=True)
class Tags:
    countries: frozenset[str]
    programmes: frozenset[str]
    kinds: frozenset[str]
    text: str  # folded title, topics and aims, padded with spaces


def event_tags(event: EventView) -> Tags:
    places = [str(f.value) for name in ("country", "city", "participant_countries") for f in event.many(name)]
    kinds = {event.kind, KIND_FAMILY.get(event.kind, event.kind)} - {""}
    words = [event.text("title")] + [str(f.value) for name in ("topics", "objectives") for f in event.many(name)]
    return Tags(
        countries=frozenset(fold(p) for p in places),
        programmes=frozenset(str(f.value) for f in event.many("programmes")),
        kinds=frozenset(kinds),
        text=f" {fold(' '.join(words))} ",
    )


def matches(filters: Filters, tags: Tags) -> bool:
    checks = {
        "countries": lambda value: fold(value) in tags.countries,
        "programmes": lambda value: value in tags.programmes,
        "kinds": lambda value: value in tags.kinds,
        "topics": lambda value: f" {fold(value)} " in tags.text,
    }
    return all(any(checks[dim](v) for v in filters[dim]) for dim in DIMENSIONS if filters.get(dim))


def describe_filters(filters: Filters, engine: Engine, lang: str) -> str:
    """ "Panama or Costa Rica · CRIMJUST · training" (or "everything")."""
    parts = []
    for dim in DIMENSIONS:
        values = filters.get(dim) or []
        if dim == "programmes":
            values = [engine.index.programmes[v].name if v in engine.index.programmes else v for v in values]
        elif dim == "kinds":
            values = [kind_name(v, lang) for v in values]
        elif dim == "countries":
            values = [place_name(v, lang) for v in values]
        if values:
            parts.append(join(values, lang, "or"))
    return " · ".join(parts) or say("sub_everything", lang)


def card(engine: Engine, eid: str, lang: str) -> list[str]:
    """The notification card, as lines of plain text: title, when and where, who it was for, what about, source."""
    event = engine.index.events[eid]
    lines = [f"🆕 {event.text('title') or engine.index.short_name(eid, lang)}"]
    start = event.when
    when = dates_text(start, event.until, lang) if start else say("date_unknown", lang)
    where = ", ".join(place_name(p, lang) for p in event.places) or say("place_unknown", lang)
    lines.append(f"📅 {kind_name(event.kind, lang).capitalize()} · {when} · 📍 {where}")
    groups = [_group(g.value, lang) for g in event.many("participant_groups")]
    countries = [place_name(str(f.value), lang) for f in event.many("participant_countries")]
    who = join(groups, lang) if groups else ""
    if countries:
        who = f"{who} {say('attendance_from', lang, countries=join(countries, lang))}".strip()
    if who:
        lines.append(f"👥 {who}")
    about = [str(f.value) for f in event.many("topics")[:2]] or [str(f.value) for f in event.many("objectives")[:1]]
    if about:
        lines.append(f"📝 {'; '.join(about)}")
    title = next((f.source.doc_title for f in (event.one("title"), event.one("date")) if f and f.source.doc_title), "")
    if title:
        lines.append(f"📄 {say('source', lang)}: {title}")
    return lines


def _group(value: object, lang: str) -> str:
    """ "12 prosecutors", "about 40 judges", or just "judges" when the release gives no number."""
    if not isinstance(value, dict):
        return str(value)
    label = role_name(str(value.get("label", "")), lang)
    return f"{count_text(value, lang)} {label}" if value.get("count") else label

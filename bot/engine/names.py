"""The names events are shown by: short, readable and unique among the events ("Panama 2021 training").

A plain name is made of the event's place (or "online"), year and kind. Events that would share one are told
apart by their month, then their day, then words of their title; names are made when first shown, for the
event and every event that shares its plain name, and kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from bot.engine import lexicon
from bot.engine.text import fold
from bot.engine.words import is_common

if TYPE_CHECKING:
    from bot.engine.views import EventView, When

NameKey = tuple[str, int, str, bool]


def unique_names(events: Mapping[str, EventView], same: list[str], eid: str, lang: str) -> dict[tuple[str, str], str]:
    """Names for `eid` and the events `same` that would share its plain name (`eid` among them)."""
    event = events[eid]
    base = _plain_name(event, lang)
    same = sorted(same)
    if len(same) <= 1:
        if not event.place and not event.online:  # "2022 training" says too little: "2022 training (Khorgos)"
            base = _with_title_word(event, None, lang, base)
        return {(eid, lang): base}
    names: dict[tuple[str, str], str] = {}
    whens = {e: events[e].when for e in same}  # parsed once for the three tries
    for detail in (_with_month, _with_day, _with_title_word):
        names = {(e, lang): detail(events[e], whens[e], lang, base) for e in same}
        if len(set(names.values())) == len(same):
            return names
    return {(e, lang): f"{names[(e, lang)]} ({e})" for e in same}


def name_key(event: EventView, year: int | None = None) -> NameKey:
    """What a plain name is made of: events with the same key would have the same name (`year`: the event's,
    when the caller has it already)."""
    return (fold(event.place), (year if year is not None else event.year) or 0, event.kind, event.online)


def _plain_name(event: EventView, lang: str) -> str:
    from bot.messages import kind_name

    place = _local_place(event.place, lang) if event.place else ""
    kind = kind_name(event.kind, lang)
    if not place and event.online and not _ONLINE.search(kind):  # not "online 2022 online course"
        place = "online" if lang == "en" else "en línea"
    year = str(event.year or "")
    if lang == "es":
        where = f"de {place}" if place and place != "en línea" else place
        return " ".join(p for p in (kind[:1].upper() + kind[1:], where, year) if p)
    return " ".join(p for p in (place, year, kind) if p)


def _with_month(event: EventView, when: When | None, lang: str, base: str) -> str:
    from bot.messages import month_name

    if not when:
        return base
    return _insert(base, month_name(when.month, lang), when)


def _with_day(event: EventView, when: When | None, lang: str, base: str) -> str:
    from bot.messages import month_name

    if not when:
        return base
    return _insert(base, f"{when.day} {month_name(when.month, lang)}", when)


def _with_title_word(event: EventView, when: When | None, lang: str, base: str) -> str:
    """The base name with words of the title: its proper names first ("Khorgos"), else its first words."""
    found = re.findall(r"[\w-]+", event.text("title"))
    words = [w for w in found if fold(w) not in lexicon.STOPWORDS and len(w) > 3]
    proper = [w for w in found[1:] if w[:1].isupper() and len(w) > 2 and not is_common(fold(w))]
    chosen = proper[:2] or words[:3]
    return f"{base} ({' '.join(chosen)})" if chosen else base


_ONLINE = re.compile(r"online|virtual|en l[ií]nea|web", re.IGNORECASE)


def _insert(base: str, detail: str, when: When) -> str:
    year = str(when.year or "")
    if year and year in base:
        return base.replace(year, f"{detail} {year}")
    return f"{base} ({detail})"


def _local_place(place: str, lang: str) -> str:
    from bot.messages import place_name

    return place_name(place, lang)

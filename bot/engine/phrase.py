"""From a `Finding` (an answer as data) to the sentence the user reads, in their language.

A finding's values are typed so that each is said the language's way: an `Ev` is an event's name ("the
Panama 2021 training" / "la capacitación de Panamá 2021"), a `Num` a count as recorded ("over 70", "around
40"), a `Names` a list of organisations, countries or roles joined as the language joins them, a `Span` a
date or a range of dates. The catalogue (`bot.messages`) holds the sentences; nothing else here is wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.engine import lexicon
from bot.engine.attributes import BY_NAME
from bot.engine.index import KnowledgeIndex
from bot.engine.models import Finding
from bot.engine.text import apply_synonyms, fold
from bot.engine.views import When
from bot.messages import (
    format_dates,
    format_day,
    format_days,
    join,
    kind_name,
    month_name,
    noun,
    org_name,
    place_name,
    role_name,
    say,
)


@dataclass(frozen=True, slots=True)
class Ev:
    """An event, said by its short name; `bare` without the article ("Panama 2021 training")."""

    eid: str
    bare: bool = False


_AGAIN = "\x00"  # an event already named in the same answer: "It ...", or nothing before a colon


def again(finding: Finding) -> Finding:
    """The finding, saying its event as "it" (the answer has just named it)."""
    values = {k: (_AGAIN if isinstance(v, Ev) and k == "event" else v) for k, v in finding.values.items()}
    if finding.key == "joined":
        values["parts"] = [again(p) for p in finding.values["parts"]]
    return Finding(finding.key, values, finding.facts, finding.events, finding.intent)


@dataclass(frozen=True, slots=True)
class Num:
    """A count as recorded: {"count", "at_least", "approx"}."""

    value: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Names:
    """Several names joined ("A, B and C"); `how` says what they are, for their local form."""

    items: tuple[str, ...]
    how: str = "plain"  # "org", "place", "role", "plain", "kind"
    word: str = "and"


@dataclass(frozen=True, slots=True)
class Dates:
    """When an event took place: a day, or a range of days."""

    start: When
    end: When | None = None


@dataclass(frozen=True, slots=True)
class Counted:
    """A number of things, with the noun in the right form ("3 speakers", "1 país")."""

    n: int
    what: str


def phrase(finding: Finding, lang: str, index: KnowledgeIndex, top: bool = True) -> str:
    """The finding as a sentence (`top`) or as a piece of one (a nested finding: no capital letter)."""
    if finding.key == "joined":  # several findings said one after the other
        parts = [phrase(part, lang, index, top) for part in finding.values["parts"]]
        return str(finding.values.get("sep", " ")).join(p for p in parts if p)
    values = {name: _say(value, lang, index) for name, value in finding.values.items()}
    text = say(finding.key, lang, **values)
    if _AGAIN in text:
        text = text.replace(f"{_AGAIN}: ", "").replace(f"{_AGAIN} ", "" if lang == "es" else "it ", 1)
        text = text.replace(_AGAIN, say("it", lang))
    return text[:1].upper() + text[1:] if top else text


def _say(value: Any, lang: str, index: KnowledgeIndex) -> str:
    if value == _AGAIN:
        return _AGAIN
    if isinstance(value, Ev):
        if value.eid not in index.events:
            return value.eid
        return index.short_name(value.eid, lang) if value.bare else index.the_name(value.eid, lang)
    if isinstance(value, Num):
        return count_text(value.value, lang)
    if isinstance(value, Names):
        items = _distinct(local_name(item, value.how, lang) for item in value.items)
        if value.word in SEPARATORS:
            return SEPARATORS[value.word].join(items)
        if len(items) > 2 and any("," in item for item in items):  # "UNODC, Vienna; INTERPOL, Lyon and ..."
            return "; ".join(items[:-1]) + f" {say('and_word' if value.word == 'and' else 'or_word', lang)} {items[-1]}"
        return join(items, lang, value.word)
    if isinstance(value, Dates):
        return dates_text(value.start, value.end, lang)
    if isinstance(value, Counted):
        return f"{value.n} {noun(value.what, value.n, lang)}"
    if isinstance(value, Finding):
        return phrase(value, lang, index, top=False)
    return str(value)


SEPARATORS = {"comma": ", ", "semicolon": "; "}


def _distinct(names: Iterable[str]) -> list[str]:
    """Names once each, however written: "the European Union", "European Union" and "Unión Europea"."""
    seen: set[str] = set()
    out = []
    for name in names:
        key = apply_synonyms(re.sub(r"^(the|la|el|los|las) ", "", fold(name)), lexicon.SYNONYM_RULES)  # EU = UE
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def local_name(name: str, how: str, lang: str) -> str:
    if how == "label":
        return BY_NAME[name].label.get(lang, name) if name in BY_NAME else name
    if how == "noun":
        return noun(name, 2, lang)
    if how == "format":
        return say(f"format_{name.replace(' ', '_')}", lang) if name in ("online", "in person", "hybrid") else name
    if how == "month":
        return month_name(int(name), lang)
    if how == "org":
        return org_name(name, lang)
    if how == "place":
        return place_name(name, lang)
    if how == "role":
        return role_name(name, lang)
    if how == "kind":
        return kind_name(name, lang)
    return name


def count_text(value: dict[str, Any], lang: str) -> str:
    count = int(value.get("count", 0))
    if value.get("at_least"):
        return say("at_least", lang, n=count)
    if value.get("approx"):
        return say("approx", lang, n=count)
    return str(count)


def dates_text(start: When, end: When | None, lang: str) -> str:
    """ "13 November 2021", "8–11 May 2023", "28 November – 9 December 2022"; without the year when the
    release gives none ("22–24 August")."""
    if start.full is not None:
        last = end.full if end is not None and end.full is not None else None
        return format_dates(start.full, last, lang)
    if end is None or end == start:
        return format_day(start.day, start.month, None, lang)
    return format_days((start.day, start.month), (end.day, end.month), lang)

"""Is a release about an event already recorded? The same event comes again reworded, with another dateline,
or in its Spanish version: its title words change, but its dates, place, head counts and speakers do not.

Pure Python over facts. Each event is reduced to a `Profile` (what stays the same across rewordings), and a
new one is a look-alike of a recorded one when enough of it agrees and its dates do not disagree. The reasons
are kept, so the admin (or the command line) is told why.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from bot.engine.text import fold
from knowledge.facts import Fact

SIMILAR_TITLE = 80  # rapidfuzz token_set_ratio of the folded titles
CLOSE_DAYS = 7  # a date within a week (a release dated the day after the event) is not a different event
ENOUGH = 3  # points of agreement that make a look-alike (a date is worth 2, a shared speaker 2, the rest 1)
SMALL = 4  # head counts below this are too common to tell events apart


@dataclass
class Profile:
    """What a release states that rewording does not change."""

    title: str = ""
    start: str = ""  # "YYYY-MM-DD" or "--MM-DD"
    end: str = ""
    places: set[str] = field(default_factory=set)  # folded city and country
    counts: set[int] = field(default_factory=set)  # the total and each group's count
    people: list[list[str]] = field(default_factory=list)  # each speaker's folded name, as words

    def add(self, name: str, value: Any) -> None:
        if name == "title":
            self.title = str(value)
        elif name == "date":
            self.start = str(value)
        elif name == "end_date":
            self.end = str(value)
        elif name in ("city", "country"):
            self.places.add(fold(str(value)))
        elif name in ("participants", "participant_groups") and isinstance(value, dict) and "count" in value:
            if int(value["count"]) >= SMALL:
                self.counts.add(int(value["count"]))
        elif name == "speakers" and isinstance(value, dict) and value.get("name"):
            words = fold(str(value["name"])).split()
            if words:
                self.people.append(words)


@dataclass(frozen=True)
class LookAlike:
    event: str  # the recorded event's id (without "event:")
    title: str
    reasons: tuple[str, ...]  # "date", "place", "count", "people", "title": what agrees


def profile(facts: Iterable[tuple[str, Any]]) -> Profile:
    """The profile of one event from its (field, value) pairs."""
    made = Profile()
    for name, value in facts:
        made.add(name, value)
    return made


def recorded_profiles(facts: Iterable[Fact]) -> dict[str, Profile]:
    """The profile of every recorded event, by event id."""
    by_event: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for fact in facts:
        if fact.subject.startswith("event:"):
            by_event[fact.subject[6:]].append((fact.field, fact.value))
    return {event: profile(items) for event, items in by_event.items()}


def look_alikes(new: Profile, recorded: dict[str, Profile]) -> list[LookAlike]:
    """The recorded events `new` looks like, the most alike first."""
    found = []
    for event, other in recorded.items():
        reasons = agreement(new, other)
        if reasons is not None and _points(reasons) >= ENOUGH:
            found.append(LookAlike(event, other.title, tuple(reasons)))
    return sorted(found, key=lambda a: -_points(list(a.reasons)))


def agreement(a: Profile, b: Profile) -> list[str] | None:
    """What `a` and `b` agree on; None when their dates say they are different events."""
    dates = _dates(a, b)
    if dates == "different":
        return None
    reasons = ["date"] if dates == "same" else []
    if a.places & b.places:
        reasons.append("place")
    if a.counts & b.counts:
        reasons.append("count")
    if _shared_people(a.people, b.people):
        reasons.append("people")
    if a.title and b.title and fuzz.token_set_ratio(fold(a.title), fold(b.title)) >= SIMILAR_TITLE:
        reasons.append("title")
    return reasons


def _points(reasons: list[str]) -> int:
    return sum(2 if r in ("date", "people") else 1 for r in reasons)


def _dates(a: Profile, b: Profile) -> str:
    """ "same" (the same day, or ranges that overlap), "close", "different", or "" when either has no date."""
    if not a.start or not b.start:
        return ""
    if a.start.startswith("--") or b.start.startswith("--"):  # a date without its year: compare day and month
        return "same" if a.start[-5:] == b.start[-5:] else "different"
    try:
        a0, b0 = date.fromisoformat(a.start), date.fromisoformat(b.start)
        a1 = date.fromisoformat(a.end) if re.fullmatch(r"\d{4}-\d\d-\d\d", a.end) else a0
        b1 = date.fromisoformat(b.end) if re.fullmatch(r"\d{4}-\d\d-\d\d", b.end) else b0
    except ValueError:
        return ""
    if a0 <= b1 and b0 <= a1:
        return "same"
    gap = min(abs((a0 - b1).days), abs((b0 - a1).days))
    return "close" if gap <= CLOSE_DAYS else "different"


def _shared_people(ours: list[list[str]], theirs: list[list[str]]) -> bool:
    """Whether a speaker is in both: the same surname (last word), or two words of the name in common."""
    for mine in ours:
        for other in theirs:
            if (mine[-1] == other[-1] and len(mine[-1]) > 2) or len(set(mine) & set(other)) >= 2:
                return True
    return False

"""What the index holds of each subject: an event, a programme or a document as the facts about it, field by
field, and the values read from them when asked (a date, a place, a kind), never kept twice."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

from knowledge.facts import Fact


@dataclass
class FactsView:
    """A subject (event, programme, document) assembled from its facts: each field keeps the facts behind it."""

    id: str
    facts: list[Fact] = field(default_factory=list)  # every fact about it, in the order they were read

    @cached_property
    def fields(self) -> dict[str, Fact | list[Fact]]:
        """Its facts field by field, made when first read: an index restored at start-up (`bot.engine.saved`)
        makes them only for the subjects answers touch. A field with one fact holds the fact itself, not a list
        of one: most fields have one, and with 10,000 events those lists alone would take 10 MB."""
        fields: dict[str, Fact | list[Fact]] = {}
        for fact in self.facts:
            held = fields.get(fact.field)
            if held is None:
                fields[fact.field] = fact
            elif isinstance(held, list):
                held.append(fact)
            else:
                fields[fact.field] = [held, fact]
        return fields

    def one(self, name: str) -> Fact | None:
        held = self.fields.get(name)
        return held[0] if isinstance(held, list) else held

    def many(self, name: str) -> list[Fact]:
        held = self.fields.get(name)
        if held is None:
            return []
        return held if isinstance(held, list) else [held]

    def all(self) -> list[Fact]:
        return [fact for name in self.fields for fact in self.many(name)]

    def text(self, name: str) -> str:
        fact = self.one(name)
        return str(fact.value) if fact else ""


@dataclass(frozen=True, slots=True)
class When:
    """A stored date: full, or a day and month with no year ("--08-22")."""

    year: int | None
    month: int
    day: int

    @classmethod
    def parse(cls, value: object) -> When | None:
        return _parse_when(str(value or ""))

    @property
    def full(self) -> date | None:
        return date(self.year, self.month, self.day) if self.year else None


@lru_cache(maxsize=4096)  # a date is read for every name and line an event is shown in; days repeat
def _parse_when(text: str) -> When | None:
    try:
        if text.startswith("--"):
            month, day = int(text[2:4]), int(text[5:7])
            date(2000, month, day)  # a day that exists in some year
            return When(None, month, day)
        full = date.fromisoformat(text)
    except ValueError:
        return None
    return When(full.year, full.month, full.day)


@dataclass
class EventView(FactsView):
    # Parsed when asked, not kept: 10,000 events' dates kept as objects would take 3 MB for a few answers.
    @property
    def when(self) -> When | None:
        fact = self.one("date")
        return When.parse(fact.value) if fact else None

    @property
    def until(self) -> When | None:
        fact = self.one("end_date")
        return When.parse(fact.value) if fact else None

    @property
    def day(self) -> date | None:
        when = self.when
        return when.full if when else None

    @property
    def year(self) -> int | None:
        when = self.when
        return when.year if when else None

    @property
    def kind(self) -> str:
        return self.text("kind") or "event"

    @property
    def place(self) -> str:
        return self.text("city") or self.text("country")

    @property
    def places(self) -> list[str]:
        return [p for p in (self.text("city"), self.text("country")) if p]

    @property
    def online(self) -> bool:
        return self.text("format") == "online"


@dataclass
class ProgrammeView(FactsView):
    @property
    def name(self) -> str:
        return self.text("name") or self.id


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    event: str
    fact: Fact

"""The engine's data: what it answers (`Answer`), what it remembers of one conversation (`Conversation`), and the
pieces an answer is made of before it is phrased (`Finding`). Plain data, no Telegram."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from knowledge.facts import Fact, Source


@dataclass(frozen=True, slots=True)
class Choice:
    """A button: a label, and what pressing it asks (a question, or the same question about one event)."""

    label: str
    question: str = ""
    event: str | None = None
    intent: str | None = None


@dataclass(slots=True)
class Answer:
    text: str
    intent: str
    lang: str
    confidence: float = 0.0
    events: tuple[str, ...] = ()
    sources: list[Source] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    choice_kind: str | None = None  # "events" (pick one) or "suggestions" (did you mean)

    @property
    def event(self) -> str | None:
        return self.events[0] if len(self.events) == 1 else None

    def to_json(self) -> dict[str, object]:
        return {
            "answer": self.text,
            "intent": self.intent,
            "event": self.event,
            "events": list(self.events),
            "confidence": round(self.confidence, 3),
            "lang": self.lang,
            "sources": [{"doc": s.doc, "title": s.doc_title, "quote": s.quote} for s in self.sources],
            "choices": [{"label": c.label, "question": c.question} for c in self.choices],
        }


@dataclass(slots=True)
class Finding:
    """One answer as data, before it is phrased: a catalogue key, the values that fill it (each phrased in the
    reader's language by `phrase`), the facts it rests on, and the events it is about."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    events: tuple[str, ...] = ()
    intent: str = ""
    choices: list[Choice] = field(default_factory=list)
    choice_kind: str | None = None
    confidence: float = 1.0


@dataclass(slots=True)
class Conversation:
    """What one chat is talking about, so follow-ups ("who funded it?", "and the year before?") know what they
    refer to."""

    events: tuple[str, ...] = ()  # the event(s) the last answer was about
    options: tuple[str, ...] = ()  # the events last listed or offered to choose from ("the other one")
    attribute: str | None = None  # what was last asked ("funders")
    form: str | None = None  # how it was asked ("yes_no": "and Guatemala?" then checks Guatemala too)
    person: str | None = None  # the person last asked about (folded full name)
    programme: str | None = None
    years: tuple[int, ...] = ()  # the years last asked about ("and the year before?")
    lang: str | None = None  # fixed by the user (/language); None = detect per message
    lang_hint: str | None = None  # the user's Telegram language_code

    @property
    def intent(self) -> str | None:
        return self.attribute


@dataclass(frozen=True, slots=True)
class EventsPage:
    """One page of the list of events: its lines, the events on it, and where it is among the pages."""

    lines: list[str]
    events: list[str]
    page: int
    pages: int
    total: int

"""The engine's data: what it makes of a question (`Query`), what it answers (`Answer`), and what it remembers
of one conversation (`Conversation`). Plain data, no Telegram."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.facts import Source


@dataclass(frozen=True, slots=True)
class Choice:
    """A button: a label, and what pressing it asks (a question, or the same intent about one event)."""

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
class Conversation:
    """What one chat is talking about, so follow-ups ("who funded it?") know what "it" is."""

    events: tuple[str, ...] = ()
    intent: str | None = None
    person: str | None = None
    programme: str | None = None
    lang: str | None = None  # fixed by the user (/language); None = detect per message
    lang_hint: str | None = None  # the user's Telegram language_code


@dataclass(frozen=True, slots=True)
class EventsPage:
    """One page of the list of events: its lines, the events on it, and where it is among the pages."""

    lines: list[str]
    events: list[str]
    page: int
    pages: int
    total: int

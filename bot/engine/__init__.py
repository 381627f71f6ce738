"""The answering engine: plain Python over an in-memory index, no Telegram and no disk.

``Engine(facts).ask(text, conversation)`` returns an `Answer` (data: text, intent, events, confidence,
sources, buttons). The conversation is updated in place so that follow-ups ("who funded it?") work.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.engine import lexicon
from bot.engine.compose import Composer, Resolution
from bot.engine.index import KnowledgeIndex
from bot.engine.models import Answer, Choice, Conversation, EventsPage
from bot.engine.text import fold
from bot.engine.understand import Parser, Query
from bot.messages import say
from knowledge.facts import Fact, bulk

__all__ = ["Answer", "Choice", "Conversation", "Engine", "EventsPage"]

CONFIDENCE_CUTOFF = 0.5
UNSURE_FLOOR = 0.3


class Engine:
    def __init__(self, facts: Iterable[Fact]) -> None:
        self.refresh(facts)

    def refresh(self, facts: Iterable[Fact]) -> None:
        """Rebuild the index (after an admin change); answers use the new facts at once.

        The new index, parser and composer are built first and swapped in together, so a question being
        answered meanwhile (from another thread) sees either the old knowledge or the new, never a mix.
        """
        with bulk():
            index = KnowledgeIndex(facts)
        self.index, self.parser, self.composer = index, Parser(index), Composer(index)

    def find_events(self, text: str) -> tuple[list[str], bool]:
        """The events an admin means by `text` ("panama 2021", an event id, a title), and whether that is sure.

        Sure means one event, named by its id, its title or something hard (a year, a place, a speaker).
        """
        key = text.strip()
        if key in self.index.events:
            return [key], True
        folded = fold(key)
        titled = [eid for eid, event in self.index.events.items() if fold(event.text("title")) == folded]
        if titled:
            return titled, len(titled) == 1
        query = self.parser.parse(key)
        res = self.composer.resolve(query, Conversation(), "summary")
        if res.unknown or not res.located:
            return [], False
        hard = bool(query.years or query.places or query.people)
        return res.events, hard and len(res.events) == 1

    def ask(
        self, text: str, conv: Conversation | None = None, *, intent: str | None = None, event: str | None = None
    ) -> Answer:
        """Answer `text`. `intent` and `event` pin what a button asked: that question, about that event."""
        conv = conv if conv is not None else Conversation()
        query = self.parser.parse(text, conv.lang, conv.lang_hint)
        if intent is None and event is None:
            answer = self._answer(query, conv)
        else:
            answer = self._pinned(query, conv, intent or query.intent or "summary", event)
        if answer.intent not in ("fallback", "greeting", "thanks", "help"):
            self._remember(conv, answer, query)
        return answer

    # -- routing -------------------------------------------------------------------------------------------

    def _answer(self, query: Query, conv: Conversation) -> Answer:
        lang = query.lang
        if not query.folded:
            return Answer(say("empty", lang, examples=self.examples(lang)), "fallback", lang, 0.0)
        intent, score = self._intent(query, conv)
        if intent is None:
            return self._fallback(query, score)
        confidence = min(1.0, score)
        if intent in ("greeting", "thanks", "help"):
            examples = self.examples(lang)
            return Answer(say(intent, lang, examples=examples), intent, lang, confidence)
        about_person = query.people or query.unknown_names or (conv.person and not query.has_entities)
        if intent in ("person", "quotes") and about_person:
            return _with_confidence(self.composer.person(query, conv, intent), confidence)
        if intent == "person":  # "and at Vienna?" after "who is Neil Walsh?": the people of that event
            intent = "speakers"
        programme = self._programme_subject(query, conv, intent)
        if programme:
            return _with_confidence(self.composer.programme(query, programme, intent), confidence)
        if intent in ("programme", "partners"):
            return self._fallback(query, score)
        if intent == "list_events":
            return _with_confidence(self.composer.list_events(query), confidence)
        if intent == "total_attendance":
            return _with_confidence(self.composer.total_attendance(query), confidence)
        res = self.composer.resolve(query, conv, intent)
        if intent == "compare":
            return _with_confidence(self.composer.compare(query, res), confidence)
        if not res.located and not res.from_context and not query.has_entities and score < 0.75 and not res.unknown:
            # A weak cue, nothing named and nothing discussed before: not a question about our events.
            return self._fallback(query, score)
        answer = self.composer.answer_events(query, intent, res)
        factor = 1.0 if len(res.events) == 1 else 0.7
        return _with_confidence(answer, confidence * factor)

    def _pinned(self, query: Query, conv: Conversation, intent: str, event: str | None) -> Answer:
        composer = self.composer
        if intent not in composer.event_intents:
            intent = "summary"
        if event is not None:
            if event not in self.index.events:
                return composer.unknown_event(query.text or event, query.lang)
            return _with_confidence(composer.answer_events(query, intent, Resolution([event], located=True)), 1.0)
        res = composer.resolve(query, conv, intent)
        if not (res.located or res.unknown):
            return composer.unknown_event(query.text, query.lang)
        return _with_confidence(composer.answer_events(query, intent, res), 1.0 if len(res.events) == 1 else 0.7)

    def events_page(self, page: int, lang: str, size: int = 5) -> EventsPage:
        """One page of all events, newest first (for /events)."""
        newest = self.index.newest_first
        pages = max(1, -(-len(newest) // size))
        page = min(max(page, 0), pages - 1)
        events = newest[page * size : (page + 1) * size]
        lines = [self.composer.event_line(eid, lang) for eid in events]
        return EventsPage(lines, events, page, pages, len(newest))

    def _intent(self, query: Query, conv: Conversation) -> tuple[str | None, float]:
        intent, score = query.intent, query.score
        if intent and score >= CONFIDENCE_CUTOFF:
            return intent, score
        located = query.has_entities
        if located and conv.intent and (query.follow_up or score < UNSURE_FLOOR):
            return conv.intent, 0.7  # "and the Vienna one?": the same question about another event
        if (query.people or query.unknown_names) and not query.years and not query.places and not query.kinds:
            return "person", 0.6
        if query.programmes and not (query.years or query.places or query.kinds):
            return "programme", 0.6
        index = self.index
        known_places = [p for p in query.places if fold(p) in index.by_place or p in index.participant_countries]
        if query.years or known_places or query.kinds or query.keywords or query.funders:
            return ("summary" if not _list_like(query) else "list_events"), 0.6
        if located and score >= UNSURE_FLOOR:
            return "summary", 0.5  # names something we do not know: say so rather than guess
        return None, score

    def _programme_subject(self, query: Query, conv: Conversation, intent: str) -> str | None:
        """The programme a question is about, when it is about a programme rather than an event."""
        if intent not in ("programme", "partners", "funders", "objectives", "summary"):
            return None
        if query.years or query.places or query.kinds or query.keywords:
            return None
        if query.programmes:
            return query.programmes[0]
        if intent in ("programme", "partners") and conv.programme:
            return conv.programme
        return None

    def _fallback(self, query: Query, score: float) -> Answer:
        lang = query.lang
        if score >= UNSURE_FLOOR:
            suggestions = self.suggestions(query)
            text = say("unsure", lang, examples=" / ".join(c.question for c in suggestions))
            answer = Answer(text, "fallback", lang, score, choices=suggestions, choice_kind="suggestions")
            return answer
        answer = Answer(say("fallback", lang, examples=self.examples(lang)), "fallback", lang, score)
        answer.choices = self.suggestions(query)
        answer.choice_kind = "suggestions"
        return answer

    def _remember(self, conv: Conversation, answer: Answer, query: Query) -> None:
        if answer.events:
            conv.events = answer.events if len(answer.events) <= 3 else conv.events
        if answer.intent in lexicon.EVENT_INTENTS or answer.intent in ("person", "programme", "partners"):
            conv.intent = answer.intent
        if query.people:
            conv.person = query.people[0]
        if query.programmes:
            conv.programme = query.programmes[0]

    # -- examples ------------------------------------------------------------------------------------------

    def examples(self, lang: str, n: int = 3) -> str:
        return " / ".join(c.question for c in self.suggestions(None, lang, n))

    def suggestions(self, query: Query | None, lang: str = "en", n: int = 3) -> list[Choice]:
        """Questions close to what was asked (or good starting points), filled with real event names."""
        lang = query.lang if query else lang
        eid = self.index.newest_first[0] if self.index.newest_first else None
        name = self.index.the_name(eid, lang) if eid else ""
        year = str(self.index.events[eid].year or "") if eid else ""
        intents = ["attendance", "funders", "list_events", "date", "speakers"]
        if query is not None:
            ranked = sorted(query.scores.items(), key=lambda kv: -kv[1])
            intents = [i for i, _ in ranked if i in lexicon.PHRASINGS[lang]] + intents
        out: list[Choice] = []
        for intent in dict.fromkeys(intents):
            for phrasing in lexicon.PHRASINGS[lang].get(intent, [])[:1]:
                question = _capitalise(phrasing.format(event=name, year=year))
                if intent not in lexicon.IMPERATIVE_INTENTS:  # "List all events", not "List all events?"
                    question = ("¿" if lang == "es" else "") + question + "?"
                out.append(Choice(question, question))
            if len(out) >= n:
                break
        return out


def _with_confidence(answer: Answer, confidence: float) -> Answer:
    answer.confidence = round(confidence, 3)
    return answer


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _list_like(query: Query) -> bool:
    return any(word in query.folded.split() for word in ("events", "eventos", "trainings", "activities"))

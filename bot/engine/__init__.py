"""The answering engine: plain Python over an in-memory index, no Telegram and no disk.

``Engine(facts).ask(text, conversation)`` returns an `Answer` (data: text, intent, events, confidence,
sources, buttons). A question goes through four steps, each in its own module:

1. understand (`understand`): the words, the spans that name things, and the clauses with their form and
   attributes (the table of what can be asked is `attributes`);
2. resolve (`resolve`): the subject of each clause: an event, a set of events, a programme or a person;
3. answer (`answers`, `people`, `sets`): what the facts say, as a `Finding` (data, with its facts);
4. phrase (`phrase`): the finding in the catalogue's words (`bot.messages`), in the reader's language.

The conversation is updated in place so that follow-ups ("who funded it?") work. `refresh` swaps in a new
snapshot (index, parser, resolver) in one assignment: a question being answered meanwhile uses the old one
throughout, never a mix.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.engine import lexicon, sets
from bot.engine.attributes import ASKED, ATTRIBUTES, BY_NAME
from bot.engine.index import KnowledgeIndex
from bot.engine.models import Answer, Choice, Conversation, EventsPage, Finding
from bot.engine.phrase import phrase
from bot.engine.query import Clause, Query
from bot.engine.resolve import Resolver, Subject
from bot.engine.respond import MAX_EACH, Responder
from bot.engine.saved import restored, state
from bot.engine.text import fold
from bot.engine.understand import Parser
from bot.messages import say
from bot.wording import contract
from knowledge.facts import Fact, Source, bulk

__all__ = ["Answer", "Choice", "Conversation", "Engine", "EventsPage"]

UNSURE = 0.3  # below this the bot says it is not sure and suggests questions
ASKED_CLEARLY = 0.7  # "hi, who funded it?" asks this clearly: it is a question, not a greeting
IMPLIED = 0.6  # how sure an attribute carried over from the conversation is ("and the Vienna one?")
IN_DOMAIN = 0.9  # an attribute cue this strong keeps a question in scope whatever else it says ("rain")
NOT_ANSWERS = frozenset({"fallback", "greeting", "thanks", "help", "unknown_event"})


@dataclass(frozen=True)
class Snapshot:
    """Everything a question is answered with, swapped whole by `Engine.refresh`."""

    index: KnowledgeIndex
    parser: Parser
    resolver: Resolver
    responder: Responder
    version: object  # the version of the facts the index is of, as the caller named it (None: not named)


class Engine:
    def __init__(self, facts: Iterable[Fact], kept: Mapping[str, Any] | None = None, version: object = None) -> None:
        """Index `facts`, whose version the caller may name (`version`, given back by `kept`). `kept`, what
        `kept()` gave of an index over these very facts, spares building it (`bot.engine.saved`); it is built
        anyway when `kept` does not fit them (`restored` says which it was)."""
        facts = facts if isinstance(facts, list | tuple) else list(facts)  # read twice when `kept` does not fit
        with bulk():
            index = restored(facts, kept) if kept is not None else None
        self.restored = index is not None
        self._snapshot = self._made(facts, version, None, index)

    def refresh(self, facts: Iterable[Fact], version: object = None) -> None:
        """Rebuild the index (after an admin change); answers use the new facts at once."""
        self._snapshot = self._made(facts, version, self._snapshot.index)

    def kept(self) -> tuple[dict[str, Any], object]:
        """The index as plain data, for a next start over the same facts (`bot.engine.saved`), and the version
        of those facts."""
        snap = self._snapshot
        return state(snap.index), snap.version

    @property
    def version(self) -> object:
        """The version of the facts answers are made from, as given to `Engine` or `refresh`."""
        return self._snapshot.version

    @staticmethod
    def _made(
        facts: Iterable[Fact], version: object, previous: KnowledgeIndex | None, index: KnowledgeIndex | None = None
    ) -> Snapshot:
        if index is None:
            with bulk():
                index = KnowledgeIndex(facts, previous)
        resolver = Resolver(index)
        return Snapshot(index, Parser(index), resolver, Responder(index, resolver), version)

    @property
    def index(self) -> KnowledgeIndex:
        return self._snapshot.index

    # -- asking ----------------------------------------------------------------------------------------------

    def ask(
        self, text: str, conv: Conversation | None = None, *, intent: str | None = None, event: str | None = None
    ) -> Answer:
        """Answer `text`. `intent` and `event` pin what a button asked: that question, about that event."""
        snap = self._snapshot
        conv = conv if conv is not None else Conversation()
        query = snap.parser.parse(text, conv.lang, conv.lang_hint)
        if event is not None or intent is not None:
            return self._pinned(snap, query, conv, intent, event)
        answer = self._answer(snap, query, conv)
        return answer

    def _answer(self, snap: Snapshot, query: Query, conv: Conversation) -> Answer:
        lang = query.lang
        if not query.words:
            return Answer(say("empty", lang, examples=self.examples(lang)), "fallback", lang, 0.0)
        asked = [c for c in query.clauses if c.attributes]
        if query.out_of_domain and not _strongly_in_domain(query):
            return self._fallback(snap, query, 0.0)
        if (
            query.small_talk
            and not query.names_something
            and not any(max(c.scores.values(), default=0) >= ASKED_CLEARLY for c in asked)
        ):
            return Answer(say(query.small_talk, lang, examples=self.examples(lang)), query.small_talk, lang, 0.9)
        picked = _picked(query, conv)
        if picked is not None and not asked:  # "the first one", "la segunda": of the events just offered
            attribute = conv.attribute if conv.attribute and conv.attribute != "events" else "summary"
            return self._pinned(snap, query, conv, attribute, picked)
        if _of_its_series(query, conv):  # "where was the first?" after an event: the one its series began with
            for clause in query.clauses:
                clause.attributes = ["series"]  # what the release says of the series is all that is known
            return self._pinned(snap, query, conv, "series", conv.events[0])
        clauses = asked or self._implied(query, conv)
        for clause in clauses:
            _count_what_was_asked(clause, conv)
        if not clauses:
            return self._fallback(snap, query, 0.0)
        findings = snap.responder.findings(query, clauses, conv)
        answer = self._combine(snap, query, findings)
        if answer.intent not in NOT_ANSWERS:
            _remember(conv, query, clauses, findings, snap.index)
        return answer

    def _implied(self, query: Query, conv: Conversation) -> list[Clause]:
        """A message that asks nothing in words ("and the Vienna one?", "what about 2017?", "Panama 2021"): the
        question asked last, or, with no conversation, what is known of what it names."""
        if not query.names_something and not query.relative_year and not query.other:
            return []
        clause = query.clauses[0] if query.clauses else Clause(0, len(query.words), query.words)
        named = {s.kind for s in query.spans}
        if named == {"programme"}:  # "CRIMJUST?", "what is GPML"
            clause.attributes = ["identity"]
        elif conv.attribute:
            clause.attributes = [conv.attribute]
            if conv.form == "yes_no":  # "was Mexico among them?" then "and Guatemala?"
                clause.form = "yes_no"
        elif any(s.kind in ("year", "kind") for s in query.spans) and not any(
            s.kind in ("keyword", "person", "place") for s in query.spans
        ):
            clause.attributes = ["events"]
        else:
            clause.attributes = ["summary"]
        clause.scores = {clause.attributes[0]: IMPLIED}
        return [clause]

    def _pinned(
        self, snap: Snapshot, query: Query, conv: Conversation, intent: str | None, event: str | None
    ) -> Answer:
        """A button's question: the same question (its attributes), about the event the button names."""
        responder = snap.responder
        attribute = intent if intent in BY_NAME else "summary"
        if event is not None and event not in snap.index.events:
            return self._as_answer(
                snap, query, [responder.unknown(query, Subject("event", unknown=query.text or event))]
            )
        clauses = [c for c in query.clauses if c.attributes] or [
            Clause(0, len(query.words), query.words, "", [attribute])
        ]
        findings = []
        for clause in clauses:
            if event is not None:
                subject = Subject("event", events=[event], located=True)
            else:
                subject = snap.resolver.subject(
                    query, Clause(clause.start, clause.end, clause.words, "", ["summary"]), conv
                )
                if not subject.located or subject.unknown:
                    return self._as_answer(snap, query, [responder.unknown(query, subject)])
            findings.append(responder.clause(query, clause, subject, conv))
        answer = self._as_answer(snap, query, findings)
        answer.confidence = 1.0
        _remember(conv, query, clauses, findings, snap.index)
        return answer

    # -- putting answers together --------------------------------------------------------------------------

    def _combine(self, snap: Snapshot, query: Query, findings: list[Finding]) -> Answer:
        if all(f.intent == "fallback" for f in findings):
            return self._fallback(snap, query, min(f.confidence for f in findings))
        return self._as_answer(snap, query, findings)

    def _as_answer(self, snap: Snapshot, query: Query, findings: list[Finding]) -> Answer:
        lang = query.lang
        texts = list(dict.fromkeys(phrase(f, lang, snap.index) for f in findings))
        events = tuple(dict.fromkeys(e for f in findings for e in f.events))
        facts = [fact for f in findings for fact in f.facts]
        intent = findings[0].intent or "summary"
        if len(findings) > 1 and len({f.intent for f in findings}) > 1:
            intent = "several" if all(f.intent != "unknown_event" for f in findings) else "unknown_event"
        answer = Answer("\n".join(texts), intent, lang, min(f.confidence for f in findings), events, _sources(facts))
        chosen = next((f for f in findings if f.choices), None)
        if chosen is not None:
            answer.choices, answer.choice_kind = chosen.choices, chosen.choice_kind
        return answer

    def _fallback(self, snap: Snapshot, query: Query, score: float) -> Answer:
        lang = query.lang
        suggestions = self.suggestions(query)
        if score >= UNSURE:
            text = say("unsure", lang, examples=" / ".join(c.question for c in suggestions))
        else:
            text = say("fallback", lang, examples=self.examples(lang))
        return Answer(text, "fallback", lang, score, choices=suggestions, choice_kind="suggestions")

    # -- for the commands ----------------------------------------------------------------------------------

    def find_events(self, text: str) -> tuple[list[str], bool]:
        """The events an admin means by `text` ("panama 2021", an event id, a title), and whether that is sure.

        Sure means one event, named by its id, its title or something hard (a year, a place, a speaker).
        """
        snap = self._snapshot
        index = snap.index
        key = text.strip()
        if key in index.events:
            return [key], True
        folded = fold(key)
        titled = [eid for eid, event in index.events.items() if fold(event.text("title")) == folded]
        if titled:
            return titled, len(titled) == 1
        named = [eid for eid in index.events if fold(index.short_name(eid)) == folded]
        if named:
            return named, len(named) == 1
        query = snap.parser.parse(key)
        clause = Clause(0, len(query.words), query.words, "", ["summary"])
        found = snap.resolver.subject(query, clause, Conversation())
        if found.unknown or not found.located:
            return [], False
        hard = any(s.kind in ("year", "place", "person") for s in query.spans)
        return found.events, hard and len(found.events) == 1

    def events_page(self, page: int, lang: str, size: int = 5) -> EventsPage:
        """One page of all events, newest first (for /events)."""
        index = self.index
        newest = index.newest_first
        pages = max(1, -(-len(newest) // size))
        page = min(max(page, 0), pages - 1)
        events = newest[page * size : (page + 1) * size]
        lines = [sets.event_line(index, eid, lang) for eid in events]
        return EventsPage(lines, events, page, pages, len(newest))

    def examples(self, lang: str, n: int = 3) -> str:
        return " / ".join(c.question for c in self.suggestions(None, lang, n))

    def suggestions(self, query: Query | None, lang: str = "en", n: int = 3) -> list[Choice]:
        """Questions close to what was asked (or good starting points), filled with a real event's name."""
        index = self.index
        lang = query.lang if query else lang
        eid = index.newest_first[0] if index.newest_first else None
        name = index.the_name(eid, lang) if eid else ""
        programme = next(iter(index.programmes.values())).name if index.programmes else "CRIMJUST"
        order = ["participants", "funders", "events", "date", "speakers"]
        if query is not None:
            asked = sorted(((s, a) for c in query.clauses for a, s in c.scores.items()), reverse=True)
            order = [a for _, a in asked] + order
        out: list[Choice] = []
        rows = {row.name: row for row in ATTRIBUTES}
        for attribute in dict.fromkeys(order):
            row = rows.get(attribute)
            if row is None or lang not in row.examples or ("{person}" in row.examples[lang]):
                continue
            text = contract(row.examples[lang].format(event=name, programme=programme), lang)
            question = text[:1].upper() + text[1:]
            if attribute != "events":  # "List all events", not "List all events?"
                question = ("¿" if lang == "es" else "") + question + "?"
            out.append(Choice(question, question))
            if len(out) >= n:
                break
        return out


def _count_what_was_asked(clause: Clause, conv: Conversation) -> None:
    """ "count?" / "how many?" after "who funded it?": the number of funders, not of participants."""
    asked = BY_NAME.get(conv.attribute or "")
    if clause.form == "how_many" and clause.scores.get(clause.attribute, 0.0) < ASKED and asked and asked.counts:
        clause.attributes = [asked.name]


def _of_its_series(query: Query, conv: Conversation) -> bool:
    """A question naming only an ordinal ("where was the first?", "¿y el segundo?") after one event was
    discussed: about another event of its series, which is known only by what this one's release says."""
    return (
        len(conv.events) == 1
        and not conv.options[1:]
        and bool(query.spans)
        and all(s.kind == "ordinal" for s in query.spans)
        and any(c.form in ("where", "when", "who", "which") for c in query.clauses)
    )


def _picked(query: Query, conv: Conversation) -> str | None:
    """The event a bare ordinal picks among those last listed or offered ("the second one"): None when the
    message says more, or there is no such one."""
    if len(query.spans) != 1 or query.spans[0].kind != "ordinal" or not conv.options:
        return None
    if len([w for w in query.words if w not in lexicon.FILLER_WORDS and w not in _PICKING]) > 1:
        return None
    n = int(query.spans[0].value)
    return conv.options[n - 1] if 0 < n <= len(conv.options) else None


_PICKING = frozenset({"the", "one", "el", "la", "lo", "and", "y", "what", "about", "que", "tal", "number", "numero"})


def _strongly_in_domain(query: Query) -> bool:
    """An attribute cue as strong as the out-of-domain one: "will it rain during the training?" stays out,
    "any hotels near the venue?" too (a hotel is no venue), "was the rain workshop held online?" is in."""
    return any(
        s >= IN_DOMAIN and s > query.out_of_domain
        for c in query.clauses
        for a, s in c.scores.items()
        if BY_NAME[a].fields
    )


def _remember(
    conv: Conversation, query: Query, clauses: list[Clause], findings: list[Finding], index: KnowledgeIndex
) -> None:
    events = tuple(dict.fromkeys(e for f in findings for e in f.events))
    if events and len(events) <= MAX_EACH:
        conv.events = events
    options = [c.event for f in findings for c in f.choices if c.event]
    if options:
        conv.options = tuple(options)
    elif len(events) > 1:
        conv.options = events
    last = clauses[-1].attribute if clauses else None
    if last and last in BY_NAME:
        conv.attribute = last
        conv.form = clauses[-1].form
    people = query.strs("person")
    if people:
        conv.person = people[0]
    else:
        named = {
            fold(str(f.value.get("name", ""))) for finding in findings for f in finding.facts if f.field == "speakers"
        }
        if len(named) == 1:
            conv.person = named.pop()
    programmes = query.strs("programme")
    if programmes:
        conv.programme = programmes[0]
    years = query.ints("year")
    if years:
        conv.years = tuple(years)
    elif query.relative_year and conv.years:
        conv.years = tuple(y + query.relative_year for y in conv.years)
    elif len(events) == 1 and index.events[events[0]].year:
        conv.years = (index.events[events[0]].year or 0,)


def _sources(facts: list[Fact]) -> list[Source]:
    seen: dict[tuple[str, str], Source] = {}
    for fact in facts:
        seen.setdefault((fact.source.doc, fact.source.quote), fact.source)
    return list(seen.values())

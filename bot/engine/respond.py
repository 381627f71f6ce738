"""One question, from its `Query` to its findings: which subject each clause is about, and what each attribute
it asks says of that subject.

A clause that fits one event is answered about it; two or three, about each (one bullet per event, every
attribute asked in it); more, and the user is asked which, with a button per event. Comparisons, lists,
totals, programmes and people have answers of their own (`sets`, `people`).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine import sets
from bot.engine.answers import answer_for
from bot.engine.ask import Ask
from bot.engine.attributes import BY_NAME
from bot.engine.compare import compare
from bot.engine.index import KnowledgeIndex
from bot.engine.models import Conversation, Finding
from bot.engine.people import by_description, person, speakers, statements
from bot.engine.phrase import Names, again, phrase
from bot.engine.query import Clause, Query, Span
from bot.engine.quotes import release_says
from bot.engine.resolve import Resolver, Subject
from bot.engine.text import fold

MAX_EACH = 3  # a question that fits this many events is answered for each; more, and the bot asks which
LATEST = 5  # "the latest events"
SURE_CUE = 0.75  # a question that names no event must ask this clearly to be answered about every event


@dataclass
class Responder:
    index: KnowledgeIndex
    resolver: Resolver

    def findings(self, query: Query, clauses: list[Clause], conv: Conversation) -> list[Finding]:
        out: list[Finding] = []
        for clause in clauses:
            if clause.form == "compare":
                out.append(compare(query, clause, self.sides(query, clause, conv), self.index))
                continue
            subject = self.resolver.subject(query, clause, conv)
            out.append(self.clause(query, clause, subject, conv))
        return out

    def clause(self, query: Query, clause: Clause, subject: Subject, conv: Conversation) -> Finding:
        """Every attribute the clause asks, about its subject."""
        index = self.index
        unnamed = [s for s in query.spans if s.kind == "name" and clause.start <= s.start < clause.end]
        if unnamed and subject.kind != "person" and clause.attribute in ("position", "statements"):
            what = _whole_name(query, unnamed[0])  # "what is John Doe's position?": no such person
            return Finding("person_unknown", {"what": what, "names": _known_people(index)}, intent=clause.attribute)
        if subject.unknown:
            return self.unknown(query, subject)
        if subject.kind == "programme":
            if clause.attribute in BY_NAME and not BY_NAME[clause.attribute].fields:  # "when was CRIMJUST founded?"
                name = index.programmes[subject.programme].name
                label = Names((clause.attribute,), "label")
                return Finding("programme_unrecorded", {"name": name, "what": label}, [], (), clause.attribute)
            attribute = clause.attribute if clause.attribute in ("funders", "partners", "objectives") else "identity"
            return sets.programme(query, subject.programme, attribute, index)
        if subject.kind == "none":
            return Finding("fallback_unknown", {"what": subject.unknown}, intent="fallback", confidence=0.2)
        if subject.kind == "person":
            return person(query, clause, subject, index)
        if _asks_who_is(clause) and not query.of("person", clause):
            found = by_description(query, clause, index, subject.events if subject.located else [])
            if found is not None:
                return found
            if clause.attribute == "position":
                what = " ".join(query.original[clause.start : clause.end])
                return Finding("person_unknown", {"what": what, "names": _known_people(index)}, intent="position")
        if subject.kind == "events":
            if clause.form == "total" and clause.attribute != "events":
                measure = next((a for a in clause.attributes if a in ("women", "men")), "participants")
                return sets.total_attendance(query, subject, index, measure)
            if _latest(clause):
                subject.events, subject.total = subject.events[:LATEST], min(subject.total, LATEST)
            return sets.list_events(query, clause, subject, index)
        events = subject.events
        cue = clause.scores.get(clause.attribute, 0.0)
        if not (subject.located or subject.from_context or subject.checked) and cue < SURE_CUE:
            # a weak cue, nothing named and nothing discussed before: not (clearly) a question about our events
            return Finding("fallback", {}, intent="fallback", confidence=cue)
        places = [s for s in subject.checked if s.kind == "place"]
        if not subject.located and not subject.from_context and len(events) > MAX_EACH and places:
            return sets.with_country(query, str(places[0].value), index)
        if not events:
            return self.unknown(query, subject)
        attributes = [a if a != "position" else "speakers" for a in clause.attributes] or ["summary"]
        if len(events) == 1:
            parts = [self.about(query, clause, subject, events[0], a) for a in attributes]
            return parts[0] if len(parts) == 1 else _joined([parts[0], *map(again, parts[1:])], " ")
        if len(events) > MAX_EACH:
            names = "; ".join(index.short_name(e, query.lang) for e in events[: sets.CHOICES])
            found = Finding("which_event", {"events": names}, [], tuple(events), clause.attribute, confidence=0.5)
        else:
            bullets = []
            facts = []
            for eid in events:
                parts = [self.about(query, clause, subject, eid, a) for a in attributes]
                parts = [parts[0], *map(again, parts[1:])]
                bullets.append("• " + " ".join(phrase(p, query.lang, index) for p in parts))
                facts += [f for p in parts for f in p.facts]
            found = Finding(
                "for_each_items",
                {"n": len(events), "items": "\n".join(bullets)},
                facts,
                tuple(events),
                clause.attribute,
                confidence=0.7,
            )
        found.choices = sets.choices_for(events, index, query.lang, clause.attribute or "summary")
        found.choice_kind = "events"
        return found

    def about(self, query: Query, clause: Clause, subject: Subject, eid: str, attribute: str) -> Finding:
        """What the facts say of `attribute` of one event (or the release's own sentence, when no fact does)."""
        ask = Ask(query, clause, subject, self.index, eid, attribute)
        if attribute == "speakers":
            return speakers(ask)
        if attribute == "statements":
            return statements(ask)
        found = answer_for(attribute)(ask)
        if attribute in BY_NAME and not BY_NAME[attribute].fields:
            quoted = release_says(query, clause, self.index, eid)
            if quoted is not None:
                return quoted
        return found

    def sides(self, query: Query, clause: Clause, conv: Conversation) -> list[list[str]]:
        """The events each side of a comparison names ("Vienna or Panama": the Vienna event, and every Panama
        one); with none named, the events last discussed or listed, else every event."""
        sides = []
        for span in query.spans:
            if span.kind not in ("place", "year", "person", "programme", "name"):
                continue
            one = Query(query.text, query.folded, query.lang, query.words, query.original, [span], [clause])
            found = self.resolver.subject(
                one, Clause(clause.start, clause.end, clause.words, "", ["summary"]), Conversation()
            )
            if found.events and not found.unknown:
                sides.append(found.events[: sets.CHOICES])
        if len(sides) >= 2:
            return sides
        pool = list(conv.options) or list(conv.events) or self.index.newest_first
        return [[e] for e in pool[: sets.LIST_SHOWN]]

    def unknown(self, query: Query, subject: Subject) -> Finding:
        """No event matches what was named: say so, with the events that match the rest of the question
        ("the Nairobi workshop": the workshops), or else the newest."""
        what = subject.unknown or query.text
        dated = self.index.newest(self.index.by_dateline.get(fold(what), ()), 5)
        if dated:  # "what happened in Dakar?": no event held there, but releases issued there
            names = "; ".join(self.index.short_name(e, query.lang) for e in dated)
            return Finding("unknown_place_dateline", {"what": what, "events": names}, [], tuple(dated), "unknown_event")
        closest = self._closest(query, what)
        key = "unknown_event_closest" if closest else "unknown_event"
        names = "; ".join(self.index.short_name(e, query.lang) for e in (closest or self.index.newest_first)[:5])
        return Finding(key, {"what": what, "events": names}, intent="unknown_event", confidence=0.9)

    def _closest(self, query: Query, what: str) -> list[str]:
        rest = [s for s in query.spans if s.kind in ("kind", "year", "programme", "keyword") and s.text not in what]
        if not rest:  # "the 2016 Lisbon meeting": the Lisbon meetings of other years
            rest = [s for s in query.spans if s.kind in ("place", "kind", "programme") and s.text in what]
            if len(rest) == len([s for s in query.spans if s.text in what]):
                return []
        one = Query(query.text, query.folded, query.lang, query.words, query.original, rest, query.clauses)
        clause = Clause(0, len(query.words), query.words, "", ["summary"])
        found = self.resolver.subject(one, clause, Conversation())
        return [] if found.unknown else found.events


def _joined(parts: list[Finding], sep: str) -> Finding:
    events = tuple(dict.fromkeys(e for p in parts for e in p.events))
    facts = [f for p in parts for f in p.facts]
    intent = parts[0].intent if len({p.intent for p in parts}) == 1 else "several"
    return Finding(
        "joined", {"parts": parts, "sep": sep}, facts, events, intent, confidence=min(p.confidence for p in parts)
    )


def _asks_who_is(clause: Clause) -> bool:
    words = clause.words
    return len(words) > 2 and words[0] in ("who", "quien", "quienes") and words[1] in ("is", "was", "es", "era", "fue")


def _latest(clause: Clause) -> bool:
    return any(w in ("latest", "recent", "newest", "last", "ultimos", "ultimas", "recientes") for w in clause.words)


def _known_people(index: KnowledgeIndex) -> str:
    return "; ".join(people[0].name for people in list(index.people.values())[:10]) or "—"


def _whole_name(query: Query, span: Span) -> str:
    """The name as typed with the capitalised words around it ("Pedro Ramírez", where "Pedro" alone is a word
    of a known place and so no part of the unknown name span)."""
    words, start, end = query.original, span.start, span.end
    while start > 1 and words[start - 1][:1].isupper():
        start -= 1
    while end < len(words) and words[end][:1].isupper():
        end += 1
    return " ".join(words[start:end]) or span.text

"""What the facts say about the people who spoke: the speakers of an event, a person's position, what they said.

A person is found by name (any spelling the index knows), by a pronoun in a follow-up ("her title?"), or by
what they did ("who is the Chief of the Implementation Support Section?", "who gave the welcome?"): then the
words of the question are matched against the speakers' positions and the sentences that name them.
"""

from __future__ import annotations

from bot.engine.ask import Ask, _stems
from bot.engine.index import KnowledgeIndex
from bot.engine.models import Finding
from bot.engine.phrase import Counted, Ev, Names
from bot.engine.query import Clause, Query
from bot.engine.resolve import Subject
from bot.engine.text import fold
from bot.engine.views import Person
from knowledge.facts import Fact

# Words that say what part someone played, looked for in the sentence each speaker fact quotes.
_PARTS = {  # stem -> the part it names, in either language
    **dict.fromkeys(("welcom", "openin", "opened", "inaugu", "bienve", "apertu", "abrio"), "opening"),
    **dict.fromkeys(("closin", "closed", "clausu", "cerro", "cierre"), "closing"),
    **dict.fromkeys(("keynot", "magist"), "keynote"),
    **dict.fromkeys(("modera", "chaire", "presid"), "chair"),
}
POSITION_MATCH = 0.6  # share of a description's words a speaker's position must hold to be the one meant


def speakers(ask: Ask) -> Finding:
    facts = ask.event.many("speakers")
    checked = ask.checked("person", "name")
    if not facts and not checked:
        return ask.found("speakers_unrecorded", [])
    if checked:
        key = fold(str(checked[0].value))
        hit = [
            f for f in facts if fold(str(f.value.get("name", ""))) == key or key in fold(str(f.value.get("name", "")))
        ]
        if hit:
            return ask.found("speaker_yes", hit, name=_full_name(hit[0]))
        elsewhere = [p for p in ask.index.people.get(key, []) if p.event != ask.eid]
        if elsewhere:
            return ask.found("speaker_elsewhere", facts, name=elsewhere[0].name, other=Ev(elsewhere[0].event))
        return ask.found("speaker_no", facts, name=checked[0].text)
    parts = {_PARTS[w] for w in _STEMS_OF(ask.clause.words) if w in _PARTS}
    if parts:  # "who gave the welcome?": the speakers the release says opened it
        playing = [f for f in facts if {_PARTS[w] for w in _stems(f.source.quote) if w in _PARTS} & parts]
        if playing:
            facts = playing
    if ask.how_many:
        return ask.found(
            "count_of",
            facts,
            n=Counted(len(facts), "speakers"),
            names=Names(tuple(_speaker(f) for f in facts), "plain", "semicolon"),
        )
    return ask.found("speakers", facts, names=Names(tuple(_speaker(f) for f in facts), "plain", "semicolon"))


def _STEMS_OF(words: list[str]) -> set[str]:
    return {w[:6] for w in words if len(w) > 3}


def person(query: Query, clause: Clause, subject: Subject, index: KnowledgeIndex) -> Finding:
    """A person's position (and where they spoke), or what they said, as the clause asks."""
    key = subject.person
    people = [p for p in index.people.get(key, []) if not subject.events or p.event in subject.events]
    if not people:
        return Finding("person_unknown", {"what": key, "names": _known(index)}, intent="position")
    if clause.attribute == "statements":
        return _statements_of(index, people)
    facts = [p.fact for p in people]
    parts = [
        Finding("person", {"name": _full_name(p.fact), "position": _position(p.fact), "event": Ev(p.event)})
        for p in people
    ]
    return Finding("joined", {"parts": parts}, facts, tuple(dict.fromkeys(p.event for p in people)), "position")


def by_description(query: Query, clause: Clause, index: KnowledgeIndex, events: list[str]) -> Finding | None:
    """The speaker whose position the clause describes ("who is the Chief of the ... Section?"), if one fits."""
    wanted = {w for w in clause.words if len(w) > 3} - _QUESTION
    wanted = {w[:6] for w in wanted}
    if len(wanted) < 2:
        return None
    best: tuple[float, list[Person]] = (0.0, [])
    pool = events or list(index.events)
    for eid in pool[:200]:
        for fact in index.events[eid].many("speakers"):
            have = _stems(str(fact.value.get("position", "")))
            score = len(have & wanted) / len(wanted)
            found = Person(str(fact.value.get("name", "")), eid, fact)
            if score > best[0]:
                best = (score, [found])
            elif score == best[0] and score > 0:
                best[1].append(found)
    if best[0] < POSITION_MATCH:
        return None
    people = best[1]
    parts = [
        Finding("person", {"name": _full_name(p.fact), "position": _position(p.fact), "event": Ev(p.event)})
        for p in people
    ]
    return Finding("joined", {"parts": parts}, [p.fact for p in people], tuple(p.event for p in people), "position")


_QUESTION = frozenset({"what", "which", "whom", "whose", "quien", "quienes", "cual", "cargo", "position", "person"})


def statements(ask: Ask) -> Finding:
    said = ask.event.many("statements")
    if not said:
        return ask.found("quotes_event_none", [])
    lines = "\n".join(f"• {f.value.get('speaker', '')}: {_statement(f)}" for f in said)
    return ask.found("quotes_event", said, said="\n" + lines)


def _statements_of(index: KnowledgeIndex, people: list[Person]) -> Finding:
    name = people[0].name
    key = fold(name)
    parts, facts = [], []
    for eid in dict.fromkeys(p.event for p in people):
        said = [f for f in index.events[eid].many("statements") if _same_person(str(f.value.get("speaker", "")), key)]
        if said:
            parts.append(
                Finding("quotes", {"name": name, "event": Ev(eid), "said": " ".join(_statement(f) for f in said)})
            )
            facts += said
    events = tuple(dict.fromkeys(p.event for p in people))
    if not parts:
        return Finding("quotes_none", {"name": name}, [p.fact for p in people], events, "statements")
    return Finding("joined", {"parts": parts}, facts, events, "statements")


def _same_person(speaker: str, key: str) -> bool:
    folded = fold(speaker)
    return folded == key or (bool(folded) and (folded in key or key.endswith(folded.split()[-1])))


def _known(index: KnowledgeIndex) -> str:
    return "; ".join(people[0].name for people in list(index.people.values())[:10]) or "—"


def _full_name(fact: Fact) -> str:
    value = fact.value
    return " ".join(p for p in (value.get("honorific", ""), value.get("name", "")) if p)


def _position(fact: Fact) -> str:
    return str(fact.value.get("position") or "—")


def _speaker(fact: Fact) -> str:
    position = fact.value.get("position")
    return f"{_full_name(fact)} ({position})" if position else _full_name(fact)


def _statement(fact: Fact) -> str:
    value = fact.value
    text = str(value.get("text", ""))
    return f"“{text}”" if value.get("direct") else text[:1].upper() + text[1:] + "."

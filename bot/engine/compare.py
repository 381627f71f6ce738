"""Comparisons: which of the events a question names had the most participants, women, speakers, countries, ...

Each side may be several events ("Vienna or Panama" compares the Vienna event with every Panama one). Only
recorded figures are compared; an event whose figure is not recorded is named as such, never ranked.
"""

from __future__ import annotations

from bot.engine.index import KnowledgeIndex
from bot.engine.models import Finding
from bot.engine.phrase import Counted, Ev, Names, Num, count_text
from bot.engine.query import Clause, Query
from bot.engine.views import EventView
from knowledge.facts import Fact

# What a comparison can rank events by: the attribute asked, the noun its figure is said with.
MEASURES = ("participants", "women", "men", "countries", "speakers", "funders", "organisers", "topics", "trainers")


def compare(query: Query, clause: Clause, sides: list[list[str]], index: KnowledgeIndex) -> Finding:
    """The event with the most of what is asked (attendance unless another countable attribute is)."""
    measure = next((a for a in clause.attributes if a in MEASURES), "participants")
    events = list(dict.fromkeys(e for side in sides for e in side))
    counted = [(eid, _measured(index.events[eid], measure)) for eid in events]
    unknown = [eid for eid, m in counted if m is None]
    known = [(eid, m) for eid, m in counted if m is not None]
    what = Names((measure,), "label")
    if len(known) < 2:
        values = {"events": _names(index, unknown or events, query.lang), "what": what}
        return Finding("compare_unknown", values, [], tuple(events), "compare")
    ranked = sorted(known, key=lambda em: em[1][0], reverse=True)
    (big, (n, big_facts, big_value)), rest = ranked[0], ranked[1:]
    facts = big_facts + [f for _, (_, fs, _) in rest for f in fs]
    said = _said(measure, big_value)
    if all(m[0] == n for _, m in rest):
        values = {"a": Ev(big), "b": Names(tuple(index.the_name(e, query.lang) for e, _ in rest)), "n": said}
        key = "compare_same_of" if measure == "participants" else "compare_same_most"
        return Finding(key, values, facts, tuple(events), "compare")
    others = "; ".join(f"{index.the_name(e, query.lang)} ({_text(m[2], query.lang)})" for e, m in rest)
    values = {"bigger": Ev(big), "a": said, "others": others, "what": what}
    values["unknown"] = (
        Finding("compare_some_unknown", {"events": _names(index, unknown, query.lang), "what": what}) if unknown else ""
    )
    key = "compare_of" if measure == "participants" else "compare_most"
    return Finding(key, values, facts, tuple(events), "compare")


def _measured(event: EventView, measure: str) -> tuple[int, list[Fact], object] | None:
    """(the figure, the facts it comes from, how to say it) of `measure` for one event; None if not recorded."""
    if measure in ("participants", "women", "men"):
        fact = event.one(measure)
        if fact is None or not isinstance(fact.value, dict) or "count" not in fact.value:
            return None
        return int(fact.value["count"]), [fact], fact.value
    if measure == "countries":
        stated = event.one("country_count")
        listed = event.many("participant_countries")
        if stated is not None and isinstance(stated.value, dict) and "count" in stated.value:
            return int(stated.value["count"]), [stated], stated.value
        return (len(listed), listed, {"count": len(listed)}) if listed else None
    items = event.many(measure)
    return (len(items), items, {"count": len(items)}) if items else None


def _said(measure: str, value: object) -> object:
    if measure in ("participants",):
        return Num(value) if isinstance(value, dict) else value
    return Counted(int(value["count"]), measure) if isinstance(value, dict) else value


def _text(value: object, lang: str) -> str:
    return count_text(value, lang) if isinstance(value, dict) else str(value)


def _names(index: KnowledgeIndex, events: list[str], lang: str) -> str:
    return "; ".join(index.short_name(e, lang) for e in events)

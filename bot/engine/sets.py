"""Answers about several events at once: lists (filtered, newest first), counts and totals, and the
programmes events belong to.

A list says how many events match and shows the newest `LIST_SHOWN`; a total adds recorded figures and says
so ("more than 131" when one of them is "over 70"). Comparisons are in `bot.engine.compare`.
"""

from __future__ import annotations

from bot.engine.index import KnowledgeIndex
from bot.engine.models import Choice, Finding
from bot.engine.phrase import Counted, Names, dates_text
from bot.engine.postings import TOPIC_FILTER
from bot.engine.query import Clause, Query, Span
from bot.engine.resolve import Subject, _by_position, _place_or_organisation
from bot.engine.text import fold
from bot.messages import say
from knowledge.facts import Fact

LIST_SHOWN = 25  # events listed in one answer; /events pages through all of them
CHOICES = 10  # event buttons under an answer


def list_events(query: Query, clause: Clause, subject: Subject, index: KnowledgeIndex) -> Finding:
    events = subject.events
    total = subject.total or len(events)
    where = _filters(query, clause, index, subject.years)
    if not events:
        places = [s for s in query.spans if s.kind == "place" and clause.start <= s.start < clause.end]
        dated = index.newest(set().union(*(index.by_dateline.get(fold(str(s.value)), set()) for s in places)), 5)
        if dated:  # no event held there, but releases issued there
            said = {"what": places[0].text or str(places[0].value), "events": _names(index, dated, query.lang)}
            return Finding("unknown_place_dateline", said, [], tuple(dated), "events")
        none = {"filter": where, "events": _names(index, index.newest_first[:5], query.lang)}
        return Finding("list_nothing", none, intent="events")
    facts = [f for eid in events for f in (index.events[eid].one("title"),) if f]
    if clause.form == "how_many":
        found = Finding(
            "count_events", {"n": Counted(total, "events"), "filter": where}, facts, tuple(events), "events"
        )
    else:
        lines = [event_line(index, eid, query.lang) for eid in events[:LIST_SHOWN]]
        more = Finding("events_more", {"n": total - len(lines)}) if total > len(lines) else ""
        values = {"n": Counted(total, "events"), "filter": where, "items": "\n".join(lines), "more": more}
        found = Finding("events_list", values, facts, tuple(events), "events")
    found.choices = [Choice(index.short_name(e, query.lang), event=e, intent="summary") for e in events[:CHOICES]]
    found.choice_kind = "events"
    return found


def event_line(index: KnowledgeIndex, eid: str, lang: str) -> str:
    """ "• 13 November 2021 — Panama 2021 training: its title" (kept: lists show the same events again)."""
    key = ("line", eid, lang)
    line = index.memo.get(key)
    if line is None:
        event = index.events[eid]
        start = event.when
        when = dates_text(start, None, lang) if start else say("date_unknown", lang)
        line = index.memo[key] = say(
            "event_line", lang, when=when, name=index.short_name(eid, lang), title=event.text("title")
        )
    return line


def _filters(query: Query, clause: Clause, index: KnowledgeIndex, years: tuple[int, ...] = ()) -> Finding | str:
    parts: list[Finding] = [Finding("filter_year", {"year": year}) for year in years]
    spans = [group[0] for group in _by_position(_place_or_organisation(query.spans, clause))]
    places = tuple(dict.fromkeys(str(s.value) for s in spans if s.kind == "place"))
    if places:  # "in Freetown or Montevideo": places are alternatives
        parts.append(Finding("filter_place", {"place": Names(places, "place", "or")}))
    for span in spans:
        if span.kind == "year":
            parts.append(Finding("filter_year", {"year": span.value}))
        elif span.kind == "kind":
            parts.append(Finding("of_kind", {"kind": Names((str(span.value),), "kind")}))
        elif span.kind == "programme" and str(span.value) in index.programmes:
            parts.append(Finding("filter_programme", {"programme": index.programmes[str(span.value)].name}))
        elif span.kind == "organisation":
            name = Names((index.organisations.get(str(span.value), span.text),), "org")
            if "funders" in clause.scores:
                parts.append(Finding("filter_funder", {"funder": name}))
            else:
                parts.append(Finding("filter_organisation", {"name": name}))
        elif span.kind == "person" and index.people.get(str(span.value)):
            parts.append(Finding("filter_person", {"name": index.people[str(span.value)][0].name}))
        elif span.kind == "month":
            parts.append(Finding("filter_month", {"month": Names((str(span.value),), "month")}))
        elif span.kind == "keyword" and _filters_by(span, index):
            parts.append(Finding("filter_topic", {"topic": span.text}))
        elif span.kind == "role" and str(span.value) not in ("women", "men"):
            parts.append(Finding("filter_role", {"role": Names((str(span.value),), "role")}))
    return Finding("joined", {"parts": parts, "sep": ""}) if parts else ""


def total_attendance(query: Query, subject: Subject, index: KnowledgeIndex, measure: str = "participants") -> Finding:
    """The recorded figures of `measure` ("participants", "women", "men") added up over the events, each
    named with its figure; the events whose figure is not recorded are named as such."""
    events = subject.events if subject.located else index.newest_first
    known: list[tuple[str, Fact]] = []
    missing: list[str] = []
    for eid in events:
        fact = index.events[eid].one(measure)
        if fact is None or not isinstance(fact.value, dict) or "count" not in fact.value:
            missing.append(eid)
        else:
            known.append((eid, fact))
    if not known:
        values = {"what": Names((measure,), "label"), "events": _names(index, missing[:LIST_SHOWN], query.lang)}
        return Finding("total_none", values, [], tuple(missing), "total")
    total = sum(int(f.value["count"]) for _, f in known)
    approx = any(f.value.get("approx") for _, f in known)  # "around 87" in the sum: the sum is around too
    lower = not approx and any(f.value.get("at_least") for _, f in known)  # "over 70" in it: more than the sum
    parts = "; ".join(f"{index.short_name(e, query.lang)}: {_count(f, query.lang)}" for e, f in known[:LIST_SHOWN])
    values = {
        "n": Counted(len(known), "events"),
        "total": Finding("approx", {"n": total})
        if approx
        else Finding("more_than", {"n": total})
        if lower
        else str(total),
        "parts": parts,
        "missing": Finding("total_unrecorded", {"events": _names(index, missing[:LIST_SHOWN], query.lang)})
        if missing
        else "",
    }
    if missing:
        values["missing"] = Finding("total_unrecorded", {"events": _names(index, missing[:LIST_SHOWN], query.lang)})
    facts = [f for _, f in known]
    key = "total_of" if measure == "participants" else f"total_of_{measure}"
    return Finding(key, values, facts, tuple(e for e, _ in known), "total")


def with_country(query: Query, country: str, index: KnowledgeIndex) -> Finding:
    """Which events had participants from `country` (a yes/no question about no event in particular)."""
    events = index.newest(index.by_participant_country.get(country, set()), LIST_SHOWN)
    name = Names((country,), "place")
    if not events:
        return Finding("country_nowhere", {"country": name}, [], (), "countries")
    facts = [f for eid in events for f in index.events[eid].many("participant_countries") if str(f.value) == country]
    values = {"country": name, "n": Counted(len(events), "events"), "events": _names(index, events, query.lang)}
    found = Finding("country_events", values, facts, tuple(events), "countries")
    found.choices = [Choice(index.short_name(e, query.lang), event=e, intent="summary") for e in events[:CHOICES]]
    found.choice_kind = "events"
    return found


def programme(query: Query, pid: str, attribute: str, index: KnowledgeIndex) -> Finding:
    view = index.programmes[pid]
    name = view.name
    funders, aims, partners = view.many("funders"), view.many("aims"), view.many("partners")
    if attribute == "partners":
        if not partners:
            return Finding("partners_unrecorded", {"name": name}, intent=attribute)
        return Finding("partners", {"name": name, "names": _orgs(partners)}, partners, (), attribute)
    if attribute == "funders":
        if not funders:
            return Finding("programme_funders_unrecorded", {"name": name}, intent=attribute)
        return Finding("programme_funders_of", {"name": name, "names": _orgs(funders)}, funders, (), attribute)
    if attribute == "objectives":
        if not aims:
            return Finding("programme_aims_unrecorded", {"name": name}, intent=attribute)
        return Finding(
            "programme_aims_of", {"name": name, "items": Names(tuple(str(f.value) for f in aims))}, aims, (), attribute
        )
    full = view.one("full_name")
    facts = [f for f in (view.one("name"), full) if f]
    values = {
        "name": name,
        "full": Finding("programme_full", {"full": str(full.value)}) if full else "",
        "funders": Finding("programme_funders", {"names": _orgs(funders)}) if funders else "",
        "aims": Finding("programme_aims", {"items": Names(tuple(str(f.value) for f in aims))}) if aims else "",
        "partners": Finding("programme_partners", {"names": _orgs(partners)}) if partners else "",
    }
    events = index.newest(index.by_programme.get(pid, set()), 3)
    values["events"] = (
        Finding("programme_events", {"n": Counted(len(index.by_programme.get(pid, ())), "events")}) if events else ""
    )
    return Finding("programme", values, facts + funders + aims + partners, (), "identity")


def _orgs(facts: list[Fact]) -> Names:
    return Names(tuple(str(f.value) for f in facts), "org")


def _filters_by(span: Span, index: KnowledgeIndex) -> bool:
    """Whether a topic word filtered the list (`Postings.filter`: a rare one), so the answer says so."""
    found = index.keyword_events(str(span.value))
    return bool(found) and len(found) * TOPIC_FILTER <= len(index.events)


def _names(index: KnowledgeIndex, events: list[str], lang: str = "en") -> str:
    return "; ".join(index.short_name(e, lang) for e in events)


def _count(fact: Fact, lang: str) -> str:
    from bot.engine.phrase import count_text

    return count_text(fact.value, lang)


def choices_for(events: list[str], index: KnowledgeIndex, lang: str, intent: str) -> list[Choice]:
    return [Choice(index.short_name(e, lang), event=e, intent=intent) for e in events[:CHOICES]]

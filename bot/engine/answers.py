"""What the facts say about one event, for each attribute: a `Finding` (data), never a sentence.

Every value a finding carries is a stored fact's value, and the facts go with it as its sources. What is not
recorded is a finding of its own ("..._unrecorded"); a combined figure stays combined; a count is said as
recorded ("over 70"). `ANSWERS` maps each attribute of `attributes.ATTRIBUTES` that is asked of an event to
the function answering it; attributes the knowledge never holds are answered by `unrecorded`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.engine import lexicon
from bot.engine.attributes import BY_NAME
from bot.engine.index import EventView, KnowledgeIndex, When
from bot.engine.models import Finding
from bot.engine.phrase import Counted, Dates, Ev, Names, Num
from bot.engine.resolve import Subject
from bot.engine.text import fold
from bot.engine.understand import Clause, Query, Span
from knowledge.facts import Fact


@dataclass
class Ask:
    """One clause of a question, about one event."""

    query: Query
    clause: Clause
    subject: Subject
    index: KnowledgeIndex
    eid: str
    attribute: str

    @property
    def event(self) -> EventView:
        return self.index.events[self.eid]

    @property
    def how_many(self) -> bool:
        return self.clause.form == "how_many"

    @property
    def yes_no(self) -> bool:
        return self.clause.yes_no

    def checked(self, *kinds: str) -> list[Span]:
        return [s for s in self.subject.checked if s.kind in kinds]

    def found(self, key: str, facts: list[Fact], **values: Any) -> Finding:
        return Finding(key, {"event": Ev(self.eid), **values}, facts, (self.eid,), self.attribute)


# -- who attended ----------------------------------------------------------------------------------------------


def participants(ask: Ask) -> Finding:
    event = ask.event
    total, groups = event.one("participants"), event.many("participant_groups")
    roles = [r for r in ask.query.strs("role", ask.clause) if r not in ("women", "men")]
    if roles:
        return _roles(ask, roles, total, groups)
    places = ask.checked("place") or [s for s in ask.query.spans if s.kind == "place" and "from" in ask.clause.words]
    if places and ask.clause.attribute == "participants":
        return _from_country(ask, str(places[0].value), total, groups)
    if total is None and groups:
        return ask.found("groups_no_total", groups, groups=_groups(groups))
    if total is None:
        return ask.found("attendance_unrecorded", [])
    facts = [total, *groups]
    who = _groups_label(groups) if len(groups) == 1 else None
    countries = event.many("participant_countries")
    key = "attendance"
    values: dict[str, Any] = {"count": Num(total.value), "who": who or _participants_word()}
    if len(groups) > 1:
        key, values["groups"] = "attendance_groups", _groups(groups)
    if countries:
        values["countries"] = Names(tuple(str(f.value) for f in countries), "place")
        key += "_countries"
        facts += countries
    return ask.found(key, facts, **values)


def _roles(ask: Ask, roles: list[str], total: Fact | None, groups: list[Fact]) -> Finding:
    parts = [_role(ask, role, total, groups) for role in roles]
    if len(parts) == 1:
        return parts[0]
    facts = [f for p in parts for f in p.facts]
    return Finding("joined", {"parts": parts, "sep": "\n"}, facts, (ask.eid,), "participants")


def _role(ask: Ask, role: str, total: Fact | None, groups: list[Fact]) -> Finding:
    stems = _stems(role)
    for fact in groups:
        group = fact.value
        covered = [r for r in group.get("roles", []) if _stems(r) & stems or r == role]
        if not covered and not (_stems(str(group.get("label", ""))) & stems):
            continue
        if len(group.get("roles", [])) <= 1:  # one group of them, as the release words it
            count = Num(_with_bound(group, total))
            return ask.found("role_exact", [fact], count=count, role=Names((str(group["label"]),), "role"))
        label = Names((str(group["label"]),), "role")
        return ask.found("role_combined", [fact], count=Num(group), label=label, role=Names((role,), "role"))
    related = lexicon.RELATED_ROLES.get(role, set())
    for fact in groups:
        if related & set(fact.value.get("roles", [])):
            label = Names((str(fact.value["label"]),), "role")
            return ask.found("role_related", [fact], role=Names((role,), "role"), count=Num(fact.value), label=label)
    if groups:
        return ask.found("role_unrecorded_groups", groups, role=Names((role,), "role"), groups=_groups(groups))
    if total is not None:
        return ask.found("role_unrecorded_total", [total], role=Names((role,), "role"), count=Num(total.value))
    return ask.found("role_unrecorded", [], role=Names((role,), "role"))


def _from_country(ask: Ask, country: str, total: Fact | None, groups: list[Fact]) -> Finding:
    countries = ask.event.many("participant_countries")
    names = [str(f.value) for f in countries]
    if country not in names:
        if not names:
            return ask.found("countries_unrecorded", [])
        return ask.found("country_no", countries, country=Names((country,), "place"), countries=_places(countries))
    if len(names) == 1 and total is not None:
        facts = [total, *countries]
        return ask.found(
            "attendance_countries",
            facts,
            count=Num(total.value),
            who=_participants_word(),
            countries=_places(countries),
        )
    facts = ([total] if total else []) + countries
    named = Names((country,), "place")
    if total is None:
        return ask.found("per_country_unrecorded", facts, countries=_places(countries), country=named)
    return ask.found("per_country_total", facts, count=Num(total.value), countries=_places(countries), country=named)


def women(ask: Ask) -> Finding:
    return _share(ask, "women")


def men(ask: Ask) -> Finding:
    return _share(ask, "men")


def _share(ask: Ask, field: str) -> Finding:
    fact = ask.event.one(field)
    if fact is None:
        groups = ask.event.many("participant_groups")
        for group in groups:  # a group of women counted on its own
            if field in group.value.get("roles", []) and len(group.value.get("roles", [])) == 1:
                return ask.found(f"{field}_count", [group], n=Num(group.value))
        return ask.found(f"{field}_unrecorded", [])
    value = fact.value
    if "percent" in value:
        return ask.found(f"{field}_percent", [fact], percent=_number(value["percent"]))
    return ask.found(f"{field}_count", [fact], n=Num(value))


def countries(ask: Ask) -> Finding:
    event = ask.event
    facts = event.many("participant_countries")
    stated = event.one("country_count")
    checked = ask.checked("place")
    if checked:
        country = str(checked[0].value)
        if not facts:
            return ask.found("countries_unrecorded", [])
        names = [str(f.value) for f in facts]
        key = "country_yes" if country in names else "country_no"
        return ask.found(key, facts, country=Names((country,), "place"), countries=_places(facts))
    if ask.how_many and stated is not None:
        if facts:
            return ask.found("country_count_named", [stated, *facts], n=Num(stated.value), countries=_places(facts))
        return ask.found("country_count", [stated], n=Num(stated.value))
    if not facts:
        if stated is not None:
            return ask.found("country_count", [stated], n=Num(stated.value))
        return ask.found("countries_unrecorded", [])
    if ask.how_many:
        return ask.found("country_count_listed", facts, n=Counted(len(facts), "countries"), countries=_places(facts))
    if stated is not None and int(stated.value.get("count", 0)) > len(facts):
        return ask.found("countries_some", [stated, *facts], n=Num(stated.value), countries=_places(facts))
    return ask.found("countries", facts, countries=_places(facts))


def trainers(ask: Ask) -> Finding:
    facts = ask.event.many("trainers")
    if not facts:  # experts named as partners that delivered or designed it
        facts = [f for f in ask.event.many("partners") if _stems(str(f.value)) & _TRAINER_STEMS]
    if not facts:
        return ask.found("trainers_unrecorded", [])
    return ask.found("trainers", facts, names=Names(tuple(str(f.value) for f in facts)))


_TRAINER_STEMS = frozenset({"expert", "trainer", "instruc", "facilit", "formad", "docent", "design", "disen"})


# -- when and where --------------------------------------------------------------------------------------------


def when(ask: Ask) -> Finding:
    event = ask.event
    start, end = event.when, event.until
    facts = [f for f in (event.one("date"), event.one("end_date")) if f]
    if start is None:
        said = event.one("date_text")
        if said is not None:
            return ask.found("date_relative", [said], said=str(said.value))
        return ask.found("date_unrecorded", [])
    dates = Dates(start, end if end and end != start else None)
    if start.year is None:
        return ask.found("date_no_year", facts, dates=dates)
    return ask.found("date_range" if dates.end else "date_on", facts, dates=dates)


def duration(ask: Ask) -> Finding:
    event = ask.event
    stated = event.one("duration")
    start, end = event.when, event.until
    facts = [f for f in (event.one("date"), event.one("end_date")) if f]
    if stated is not None:
        value = stated.value
        return ask.found(
            "duration_stated", [stated], length=Counted(int(value.get("amount", 0)), str(value.get("unit", "day")))
        )
    if start and end and end != start:
        days = _days_between(start, end)
        if days:
            return ask.found("duration_dates", facts, length=Counted(days, "day"), dates=Dates(start, end))
    if start:
        return ask.found("duration_unrecorded_date", facts, dates=Dates(start))
    return ask.found("unrecorded", [], what=_label("duration", ask))


def _days_between(start: When, end: When) -> int:
    year = start.year or 2001  # no year recorded: any year with the same months (not a leap year) will do
    try:
        first = date(year, start.month, start.day)
        last = date(end.year or (year + (1 if end.month < start.month else 0)), end.month, end.day)
    except ValueError:
        return 0
    return (last - first).days + 1 if last >= first else 0


def place(ask: Ask) -> Finding:
    event = ask.event
    venue, city, country = event.one("venue"), event.one("city"), event.one("country")
    fmt = event.one("format")
    facts = [f for f in (venue, city, country) if f]
    where = [str(f.value) for f in (city, country) if f]
    where = [w for i, w in enumerate(where) if w not in where[:i]]
    checked = ask.checked("place", "name")
    if checked and (city or country):
        asked = fold(str(checked[0].value))
        held = {fold(w) for w in where}
        key = "place_yes" if asked in held or any(asked in h for h in held) else "place_no"
        return ask.found(
            key, facts, asked=Names((str(checked[0].value),), "place"), where=Names(tuple(where), "place", "comma")
        )
    if fmt is not None and str(fmt.value) == "online" and not where:
        if venue is not None:
            return ask.found("place_online_venue", [fmt, venue], venue=str(venue.value))
        return ask.found("place_online", [fmt])
    if not facts:
        dateline = event.one("dateline")
        if dateline is not None:
            return ask.found("place_dateline_only", [dateline], dateline=str(dateline.value))
        if fmt is not None:
            return ask.found("place_format_only", [fmt], format=str(fmt.value))
        return ask.found("location_unrecorded", [])
    values: dict[str, Any] = {"where": Names(tuple(where), "place", "comma")}
    key = "place_in"
    if venue is not None:
        values["venue"] = str(venue.value)
        key = "place_at" if where else "place_venue"
    if fmt is not None and str(fmt.value) == "hybrid":
        key += "_hybrid"
        facts.append(fmt)
    return ask.found(key, facts, **values)


def format_(ask: Ask) -> Finding:
    fmt = ask.event.one("format")
    if fmt is None:
        return ask.found("format_unrecorded", [])
    held = str(fmt.value)
    if ask.yes_no:
        asked = _asked_format(ask.clause.words)
        if asked:
            same = asked == held or (held == "hybrid" and asked in ("online", "in person"))
            return ask.found("format_yes" if same else "format_no", [fmt], format=_format_word(held))
    return ask.found("format", [fmt], format=_format_word(held))


def _asked_format(words: list[str]) -> str:
    text = f" {' '.join(words)} "
    if any(w in text for w in (" hybrid ", " hibrid", " mixed ")):
        return "hybrid"
    if any(w in text for w in (" online ", " virtual", " remote", " stream", " en linea ", " zoom ", " a distancia ")):
        return "online"
    if any(w in text for w in (" in person ", " person ", " presencial", " face to face ")):
        return "in person"
    return ""


def _format_word(held: str) -> Any:
    return Names((held,), "format")


# -- who organised, funded, supported -----------------------------------------------------------------------


def organisations(field: str) -> Callable[[Ask], Finding]:
    def answer(ask: Ask) -> Finding:
        facts = ask.event.many(field)
        checked = ask.checked("organisation", "name", "place")
        if checked:
            return _membership(ask, field, facts, checked[0])
        if not facts:
            if field == "funders":
                return _programme_funders(ask)
            return ask.found(f"org_{field}_unrecorded", [])
        names = Names(tuple(str(f.value) for f in facts), "org")
        if ask.how_many:
            return ask.found("count_of", facts, n=Counted(len(facts), field), names=names)
        return ask.found(f"org_{field}", facts, names=names)

    answer.__name__ = field
    return answer


def _membership(ask: Ask, field: str, facts: list[Fact], span: Span) -> Finding:
    """Yes/no: is the organisation named among the event's organisers (funders, ...)? If not, where else."""
    wanted = {fold(str(span.value)), fold(span.text)} - {""}

    def matches(fact: Fact) -> bool:
        folded = f" {fold(str(fact.value))} "
        return any(f" {w} " in folded for w in wanted)

    hit = [f for f in facts if matches(f)]
    what = Names((field,), "noun")
    if hit:
        return ask.found("member_yes", hit, name=span.text, what=what)
    elsewhere = [
        (name, f)
        for name in ("organisers", "funders", "supporters", "partners", "trainers")
        for f in ask.event.many(name)
        if matches(f)
    ]
    if elsewhere:
        other, fact = elsewhere[0]
        return ask.found("member_elsewhere", [fact], name=span.text, what=what, other=Names((other,), "noun"))
    return ask.found("member_no", facts, name=span.text, what=what)


def _programme_funders(ask: Ask) -> Finding:
    for fact in ask.event.many("programmes"):
        programme = ask.index.programmes.get(str(fact.value))
        funders = programme.many("funders") if programme else []
        if programme and funders:
            return ask.found(
                "funders_via_programme",
                [fact, *funders],
                programme=programme.name,
                names=Names(tuple(str(f.value) for f in funders), "org"),
            )
    return ask.found("org_funders_unrecorded", [])


# -- what it was about ---------------------------------------------------------------------------------------


def _items(field: str, fallback: str = "") -> Callable[[Ask], Finding]:
    def answer(ask: Ask) -> Finding:
        facts = ask.event.many(field) or (ask.event.many(fallback) if fallback else [])
        if not facts:
            return ask.found(f"{field}_unrecorded", [])
        items = tuple(str(f.value["text"]) if isinstance(f.value, dict) else str(f.value) for f in facts)
        if ask.how_many and field == "topics":
            return ask.found("count_of", facts, n=Counted(len(items), field), names=Names(items, "plain", "semicolon"))
        return ask.found(
            field if facts[0].field == field else fallback, facts, items=Names(items, "plain", "semicolon")
        )

    answer.__name__ = field
    return answer


def series(ask: Ask) -> Finding:
    facts = ask.event.many("series")
    if not facts:
        return ask.found("series_unrecorded", [])
    items = Names(tuple(str(f.value.get("text", "")) for f in facts))
    ordinals = [int(s.value) for s in ask.checked("ordinal")] or (
        [int(v) for v in ask.query.of("ordinal", ask.clause)] if ask.yes_no else []
    )
    positions = [f for f in facts if isinstance(f.value.get("position"), int)]
    if ordinals and positions:
        fact = positions[0]
        key = "series_yes" if fact.value["position"] == ordinals[0] else "series_no"
        return ask.found(key, [fact], items=Names((str(fact.value.get("text", "")),)))
    return ask.found("series", facts, items=items)


def kind(ask: Ask) -> Finding:
    fact = ask.event.one("kind")
    if fact is None:
        return ask.found("unrecorded", [], what=_label("kind", ask))
    return ask.found("kind", [fact], kind=Names((str(fact.value),), "kind"))


def title(ask: Ask) -> Finding:
    fact = ask.event.one("title")
    if fact is None:
        return ask.found("unrecorded", [], what=_label("title", ask))
    return ask.found("title", [fact], title=str(fact.value))


def occasion(ask: Ask) -> Finding:
    fact = ask.event.one("occasion")
    if fact is None:
        return ask.found("occasion_unrecorded", [])
    return ask.found("occasion_of", [fact], occasion=str(fact.value))


def summary(ask: Ask) -> Finding:
    event = ask.event
    facts = [f for f in (event.one("title"), event.one("kind"), event.one("date"), event.one("end_date")) if f]
    place_facts = [f for f in (event.one("venue"), event.one("city"), event.one("country")) if f]
    facts += place_facts
    where = Names(tuple(dict.fromkeys(str(f.value) for f in place_facts)), "place", "comma") if place_facts else ""
    values: dict[str, Any] = {
        "title": event.text("title") or ask.index.short_name(ask.eid),
        "kind": Names((event.kind,), "kind"),
        "when": Dates(event.when, event.until if event.until != event.when else None) if event.when else "",
        "where": where,
    }
    parts = [Finding("summary_head", values)]
    total = event.one("participants")
    if total is not None:
        groups = event.many("participant_groups")
        who = _groups_label(groups) if len(groups) == 1 else _participants_word()
        parts.append(Finding("summary_attendance", {"count": Num(total.value), "who": who}))
        facts += [total, *groups]
    for field in ("organisers", "funders"):
        found = event.many(field)
        if found:
            parts.append(Finding(f"summary_{field}", {"names": Names(tuple(str(f.value) for f in found), "org")}))
            facts += found
    topics = event.many("topics")[:2]
    if topics:
        parts.append(
            Finding("summary_topics", {"items": Names(tuple(str(f.value) for f in topics), "plain", "semicolon")})
        )
        facts += topics
    return Finding("joined", {"parts": parts, "sep": ""}, facts, (ask.eid,), "summary")


def unrecorded(ask: Ask) -> Finding:
    return ask.found("unrecorded", [], what=_label(ask.attribute, ask))


# -- helpers -------------------------------------------------------------------------------------------------


def _groups(groups: list[Fact]) -> Names:
    return Names(tuple(f"{_count_of(g.value)} {g.value.get('label', '')}" for g in groups), "group", "and")


def _with_bound(group: dict[str, Any], total: Fact | None) -> dict[str, Any]:
    """A group that is every participant shares the total's "more than" / "around"."""
    if total is not None and total.value.get("count") == group.get("count"):
        return {**group, "at_least": total.value.get("at_least", False), "approx": total.value.get("approx", False)}
    return group


def _count_of(value: dict[str, Any]) -> str:
    return str(value.get("count", ""))


def _groups_label(groups: list[Fact]) -> Names:
    return Names(tuple(str(g.value.get("label", "")) for g in groups), "role")


def _participants_word() -> Names:
    return Names(("participants",), "noun")


def _places(facts: list[Fact]) -> Names:
    return Names(tuple(str(f.value) for f in facts), "place")


def _label(attribute: str, ask: Ask) -> Names:
    return Names((attribute,), "label")


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _stems(text: str) -> set[str]:
    """Word stems of a role or label, to match "gendarmes" with "gendarmerie" ("customs" with "customs")."""
    return {w[:6] for w in fold(text).split() if len(w) > 3 and w not in lexicon.STOPWORDS and w not in _GENERIC}


_GENERIC = frozenset(
    {
        "officers",
        "officer",
        "officials",
        "official",
        "agents",
        "agentes",
        "funcionarios",
        "oficiales",
        "staff",
        "members",
    }
)


ANSWERS: dict[str, Callable[[Ask], Finding]] = {
    "participants": participants,
    "women": women,
    "men": men,
    "countries": countries,
    "trainers": trainers,
    "date": when,
    "duration": duration,
    "place": place,
    "format": format_,
    "organisers": organisations("organisers"),
    "funders": organisations("funders"),
    "supporters": organisations("supporters"),
    "partners": organisations("partners"),
    "topics": _items("topics", "objectives"),
    "objectives": _items("objectives"),
    "series": series,
    "kind": kind,
    "title": title,
    "occasion": occasion,
    "summary": summary,
}


def answer_for(attribute: str) -> Callable[[Ask], Finding]:
    """The function answering `attribute` about one event (attributes never recorded: `unrecorded`)."""
    if attribute in ANSWERS:
        return ANSWERS[attribute]
    if attribute in BY_NAME and not BY_NAME[attribute].fields:
        return unrecorded
    return summary

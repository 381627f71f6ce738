"""From a `Query` to an `Answer`: which event(s) it is about, and what the facts say.

Every number, name and date in an answer is a fact's value and the fact's source goes with the answer. What is
not recorded is said to be not recorded; a combined figure is said to be combined.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ClassVar

from bot.engine import lexicon
from bot.engine.index import EventView, KnowledgeIndex, ProgrammeView
from bot.engine.models import Answer, Choice, Conversation
from bot.engine.text import fold
from bot.engine.understand import Query
from bot.messages import PLACE_NAMES_ES, UNRECORDED_NAMES, format_date, join, kind_name, org_name, role_name, say
from knowledge.facts import Fact, Source

MAX_EACH = 3  # answer for each of up to this many events; beyond, ask which
LIST_LIMIT = 10


@dataclass
class Resolution:
    events: list[str]
    unknown: str | None = None  # what the user named that matches no event
    from_context: bool = False
    located: bool = False  # the question itself named the event(s)
    check_places: tuple[str, ...] = ()  # places mentioned that do not locate an event (countries to check)


class Composer:
    # Intent -> the method that answers it. Names, not bound methods: a table of bound methods on the instance
    # would make a reference cycle, and every index replaced after an admin change would stay in memory until
    # the garbage collector's next full pass.
    _BY_INTENT: ClassVar[dict[str, str]] = {
        "attendance": "_attendance",
        "countries": "_countries",
        "date": "_date",
        "location": "_location",
        "organisers": "_organisers",
        "funders": "_funders",
        "speakers": "_speakers",
        "topics": "_topics",
        "objectives": "_objectives",
        "series": "_series",
        "summary": "_summary",
        "unrecorded": "_unrecorded",
        "quotes": "_quotes_event",
    }

    def __init__(self, index: KnowledgeIndex) -> None:
        self.index = index

    def _answer_for(self, intent: str) -> Callable[[Query, list[str]], Answer]:
        method: Callable[[Query, list[str]], Answer] = getattr(self, self._BY_INTENT[intent])
        return method

    # -- which event ---------------------------------------------------------------------------------------

    def resolve(self, query: Query, conv: Conversation, intent: str) -> Resolution:
        """The events a question is about: named ones first, then the conversation's, else all that fit.

        Years, event places and speakers are hard constraints (an unmatched one means "no such event");
        kinds, topic words, programmes and funders are soft (they rank the events that are left).
        """
        index = self.index
        about_countries = intent in ("attendance", "countries")
        event_places = [p for p in query.places if fold(p) in index.by_place]
        other_places = [p for p in query.places if fold(p) not in index.by_place]
        located_otherwise = bool(query.years or query.kinds or query.keywords)
        if intent == "countries" and query.yes_no and located_otherwise:
            # "Was Panama represented at the 2021 training?": Panama is the country asked about.
            other_places, event_places = other_places + event_places, []
        # None means "every event": posting lists are intersected, never the whole set built, so a question
        # costs the size of what it names, not the size of the knowledge base.
        candidates: set[str] | None = None
        hard = False
        if query.years:
            hard = True
            candidates = _narrow(candidates, (index.by_year.get(y, set()) for y in query.years))
        if event_places:
            hard = True
            candidates = _narrow(candidates, (index.by_place[fold(p)] for p in event_places))
        if query.people and intent not in ("person", "quotes"):
            hard = True
            people = {p.event for key in query.people for p in index.people.get(key, [])}
            candidates = _narrow(candidates, [people])
        participant = [p for p in other_places if about_countries and p in index.participant_countries]
        stray = [p for p in other_places if p not in participant and not _names_a_funder(p, query.funders)]
        if about_countries and stray and (hard or located_otherwise or conv.events):
            participant, stray = participant + stray, []  # "were there participants from Mexico?"
        unknown_name = query.unknown_names and not hard
        if (hard and not candidates) or stray or unknown_name:
            return Resolution([], unknown=self._describe(query))
        soft = self._soft_scores(query, candidates, participant)
        if soft:
            best = max(soft.values())
            candidates = {eid for eid, score in soft.items() if score == best}
        check = tuple(participant)
        if not (hard or soft):
            known = [e for e in conv.events if e in index.events]
            if known:
                return Resolution(known, from_context=True, check_places=check)
        events = index.newest(candidates, LIST_LIMIT) if candidates is not None else index.newest_first[:LIST_LIMIT]
        if (hard or soft) and len(events) > 1 and not hard:
            in_context = [e for e in conv.events if candidates is None or e in candidates]
            if in_context and intent not in ("compare", "list_events"):
                events = in_context
        return Resolution(events, located=hard or bool(soft), check_places=check)

    def _soft_scores(self, query: Query, candidates: set[str] | None, participant: list[str]) -> dict[str, int]:
        """How many of the question's descriptive words (kind, topic, programme, funder) each event matches."""
        index = self.index
        groups: list[list[set[str]]] = [
            [index.by_kind.get(kind, set()), index.by_kind.get(lexicon.KIND_FAMILY.get(kind, kind), set())]
            for kind in query.kinds
        ]
        groups += [[index.by_keyword.get(word, set())] for word in query.keywords]
        groups += [[index.by_programme.get(pid, set())] for pid in query.programmes]
        groups += [[index.by_funder.get(fold(name), set())] for name in query.funders]
        groups += [[index.by_participant_country.get(name, set())] for name in participant]
        scores: dict[str, int] = {}
        for group in groups:
            for eid in _narrow(candidates, group):
                scores[eid] = scores.get(eid, 0) + 1
        return scores

    def _describe(self, query: Query) -> str:
        parts = query.unknown_names + [p for p in query.places if p not in query.unknown_names]
        parts += [str(y) for y in query.years] + query.kinds
        return " ".join(parts) or query.text

    # -- answering -----------------------------------------------------------------------------------------

    def answer_events(self, query: Query, intent: str, res: Resolution) -> Answer:
        lang = query.lang
        if res.unknown:
            return self.unknown_event(res.unknown, lang)
        events = res.events
        if intent in ("countries", "attendance") and res.check_places and len(events) == 1:
            return self._country_check(query, events, res.check_places, intent)
        if len(events) == 1:
            return self._answer_for(intent)(query, events)
        if len(events) <= MAX_EACH:
            parts = [self._answer_for(intent)(query, [eid]) for eid in events]
            text = say("for_each", lang, n=len(events)) + "\n" + "\n".join(f"• {p.text}" for p in parts)
            answer = Answer(text, intent, lang, 0.0, tuple(events), [s for p in parts for s in p.sources])
        else:
            names = "; ".join(self.index.short_name(e, lang) for e in events[:LIST_LIMIT])
            answer = Answer(say("which_event", lang, events=names), intent, lang, 0.0, tuple(events))
        answer.choices = self.event_choices(events, lang, intent)
        answer.choice_kind = "events"
        return answer

    def event_choices(self, events: list[str], lang: str, intent: str) -> list[Choice]:
        return [Choice(self.index.short_name(e, lang), event=e, intent=intent) for e in events[:LIST_LIMIT]]

    @property
    def event_intents(self) -> frozenset[str]:
        """The questions that can be asked about one event (what an event button may pin)."""
        return frozenset(self._BY_INTENT)

    def unknown_event(self, what: str, lang: str) -> Answer:
        names = "; ".join(self.index.short_name(e, lang) for e in self.index.newest_first[:5])
        return Answer(say("unknown_event", lang, what=what, events=names), "unknown_event", lang, 0.9)

    def _answer(self, text: str, intent: str, query: Query, events: list[str], facts: list[Fact]) -> Answer:
        return Answer(text, intent, query.lang, 0.0, tuple(events), _sources(facts))

    def _name(self, eid: str, lang: str) -> str:
        name = self.index.the_name(eid, lang)
        return name[0].upper() + name[1:]

    def _ev(self, eid: str) -> EventView:
        return self.index.events[eid]

    # attendance ------------------------------------------------------------------------------------------

    def _attendance(self, query: Query, events: list[str]) -> Answer:
        eid, lang = events[0], query.lang
        event = self._ev(eid)
        name = self._name(eid, lang)
        total = event.one("participants")
        groups = event.many("participant_groups")
        countries = event.many("participant_countries")
        role = query.roles[0] if query.roles else None
        if role:
            return self._role_attendance(query, eid, role, groups)
        if total is None:
            return self._answer(say("attendance_unrecorded", lang, event=name), "attendance", query, events, [])
        who = _group_label(groups, lang) or say("participants", lang)
        used = [total, *groups[:1]]
        asked_from = [p for p in query.places if p in {str(c.value) for c in countries}]
        if asked_from and len(countries) > 1 and not (len(asked_from) == 1 and asked_from[0] == event.place):
            text = say(
                "by_country_unrecorded",
                lang,
                event=name,
                count=_count(total, lang),
                who=who,
                countries=_country_list(countries, lang),
            )
            return self._answer(text, "attendance", query, events, used + countries)
        if countries:
            who = f"{who} {say('attendance_from', lang, countries=_country_list(countries, lang))}"
            used += countries
        text = say("attendance", lang, event=name, count=_count(total, lang), who=who)
        return self._answer(text, "attendance", query, events, used)

    def _role_attendance(self, query: Query, eid: str, role: str, groups: list[Fact]) -> Answer:
        lang = query.lang
        name = self._name(eid, lang)
        role_label = role_name(role, lang)
        for fact in groups:
            group = fact.value
            roles = group.get("roles", [])
            label = role_name(group.get("label", ""), lang)
            if role in roles:
                if len(roles) == 1:
                    text = say("role_exact", lang, event=name, count=group["count"], role=role_label)
                else:
                    text = say("role_combined", lang, event=name, count=group["count"], label=label, role=role_label)
                return self._answer(text, "attendance", query, [eid], [fact])
            if lexicon.RELATED_ROLES.get(role, set()) & set(roles):
                text = say("role_related", lang, event=name, role=role_label, count=group["count"], label=label)
                return self._answer(text, "attendance", query, [eid], [fact])
        described = ""
        if groups:
            described = say("role_described", lang, label=_group_label(groups, lang))
        text = say("role_unrecorded", lang, event=name, role=role_label, described=described)
        return self._answer(text, "attendance", query, [eid], groups)

    def total_attendance(self, query: Query) -> Answer:
        lang, index = query.lang, self.index
        known, missing, facts = [], [], []
        at_least = False
        for eid in index.newest_first:
            fact = index.events[eid].one("participants")
            if fact is None:
                missing.append(index.short_name(eid, lang))
                continue
            known.append((eid, fact))
            facts.append(fact)
            at_least = at_least or bool(fact.value.get("at_least"))
        total = sum(int(f.value["count"]) for _, f in known)
        total_text = say("more_than", lang, n=total) if at_least else str(total)
        parts = "; ".join(f"{index.short_name(e, lang)}: {_count(f, lang)}" for e, f in known[:LIST_LIMIT])
        text = say("total_attendance", lang, n=len(known), total=total_text, parts=parts)
        if missing:
            text += say("total_unrecorded", lang, events="; ".join(missing[:LIST_LIMIT]))
        return Answer(text, "total_attendance", lang, 0.0, tuple(e for e, _ in known), _sources(facts))

    def compare(self, query: Query, res: Resolution) -> Answer:
        lang, index = query.lang, self.index
        events = res.events if res.located and len(res.events) >= 2 else index.newest_first
        counted = [(eid, index.events[eid].one("participants")) for eid in events]
        unknown = [index.short_name(eid, lang) for eid, fact in counted if fact is None]
        if unknown:
            return Answer(say("compare_unknown", lang, events="; ".join(unknown)), "compare", lang, 0.0, tuple(events))
        ranked = sorted(counted, key=lambda ef: int(ef[1].value["count"]), reverse=True)  # type: ignore[union-attr]
        (big, big_fact), (small, small_fact) = ranked[0], ranked[-1]
        assert big_fact is not None and small_fact is not None
        facts = [big_fact, small_fact]
        if big_fact.value["count"] == small_fact.value["count"] and big_fact.value == small_fact.value:
            text = say(
                "compare_same", lang, a=self._name(big, lang), b=index.the_name(small, lang), n=_count(big_fact, lang)
            )
        else:
            text = say(
                "compare",
                lang,
                bigger=self._name(big, lang),
                smaller=index.the_name(small, lang),
                a=_count(big_fact, lang),
                b=_count(small_fact, lang),
            )
        return Answer(text, "compare", lang, 0.0, (big, small), _sources(facts))

    # countries -------------------------------------------------------------------------------------------

    def _countries(self, query: Query, events: list[str]) -> Answer:
        eid, lang = events[0], query.lang
        countries = self._ev(eid).many("participant_countries")
        name = self._name(eid, lang)
        if not countries:
            return self._answer(say("countries_unrecorded", lang, event=name), "countries", query, events, [])
        text = say("countries", lang, event=name, countries=_country_list(countries, lang))
        return self._answer(text, "countries", query, events, countries)

    def _country_check(self, query: Query, events: list[str], places: tuple[str, ...], intent: str) -> Answer:
        eid, lang = events[0], query.lang
        countries = self._ev(eid).many("participant_countries")
        if not countries:
            return self._countries(query, [eid])
        recorded = {str(c.value) for c in countries}
        country = places[0]
        if intent == "attendance" and country in recorded:
            return self._attendance(query, events)
        key = "country_yes" if country in recorded else "country_no"
        text = say(
            key,
            lang,
            country=_place(country, lang),
            event=self.index.the_name(eid, lang),
            countries=_country_list(countries, lang),
        )
        return self._answer(text, "countries", query, [eid], countries)

    # when, where, who ------------------------------------------------------------------------------------

    def _date(self, query: Query, events: list[str]) -> Answer:
        eid, lang = events[0], query.lang
        event = self._ev(eid)
        fact = event.one("date")
        if fact is None or event.day is None:
            return self._answer(say("date_unrecorded", lang, event=self._name(eid, lang)), "date", query, events, [])
        text = say("date", lang, event=self._name(eid, lang), date=format_date(event.day, lang))
        return self._answer(text, "date", query, events, [fact])

    def _location(self, query: Query, events: list[str]) -> Answer:
        eid, lang = events[0], query.lang
        event = self._ev(eid)
        facts = [f for f in (event.one("venue"), event.one("city"), event.one("country")) if f]
        if not facts:
            return self._answer(
                say("location_unrecorded", lang, event=self._name(eid, lang)), "location", query, events, []
            )
        if event.one("venue") and event.place:
            place = say("location_at", lang, venue=_place(event.text("venue"), lang), city=_place(event.place, lang))
        else:
            place = say("location_in", lang, place=_place(event.place or event.text("venue"), lang))
        occasion = event.one("occasion")
        if occasion:
            place += say("occasion", lang, occasion=_place(str(occasion.value), lang))
            facts.append(occasion)
        text = say("location", lang, event=self._name(eid, lang), place=place)
        return self._answer(text, "location", query, events, facts)

    def _names_answer(self, query: Query, events: list[str], field: str, key: str) -> Answer:
        eid, lang = events[0], query.lang
        facts = self._ev(eid).many(field)
        name = self._name(eid, lang)
        if not facts:
            return self._answer(say(f"{key}_unrecorded", lang, event=name), key, query, events, [])
        names = join([org_name(str(f.value), lang) for f in facts], lang)
        return self._answer(say(key, lang, event=name, names=names), key, query, events, facts)

    def _organisers(self, query: Query, events: list[str]) -> Answer:
        return self._names_answer(query, events, "organisers", "organisers")

    def _funders(self, query: Query, events: list[str]) -> Answer:
        eid, lang = events[0], query.lang
        if self._ev(eid).many("funders"):
            return self._names_answer(query, events, "funders", "funders")
        for fact in self._ev(eid).many("programmes"):
            programme = self.index.programmes.get(str(fact.value))
            funders = programme.many("funders") if programme else []
            if programme and funders:
                text = say(
                    "funders_via_programme",
                    lang,
                    event=self.index.the_name(eid, lang),
                    programme=programme.name,
                    names=join([org_name(str(f.value), lang) for f in funders], lang),
                )
                return self._answer(text, "funders", query, events, [fact, *funders])
        return self._answer(say("funders_unrecorded", lang, event=self._name(eid, lang)), "funders", query, events, [])

    def _speakers(self, query: Query, events: list[str]) -> Answer:
        eid, lang = events[0], query.lang
        facts = self._ev(eid).many("speakers")
        name = self._name(eid, lang)
        if not facts:
            return self._answer(say("speakers_unrecorded", lang, event=name), "speakers", query, events, [])
        names = "; ".join(_speaker(f) for f in facts)
        return self._answer(
            say("speakers", lang, event=self.index.the_name(eid, lang), names=names), "speakers", query, events, facts
        )

    def person(self, query: Query, conv: Conversation, intent: str) -> Answer:
        lang, index = query.lang, self.index
        keys = query.people or ([conv.person] if conv.person and not query.unknown_names else [])
        if not keys:
            known = "; ".join(p[0].name for p in list(index.people.values())[:LIST_LIMIT])
            what = " ".join(query.unknown_names) or query.text
            return Answer(say("person_unknown", lang, what=what, names=known or "—"), "person", lang, 0.6)
        if len(keys) > 1 and intent == "person":
            names = "; ".join(index.people[k][0].name for k in keys)
            return Answer(say("which_person", lang, names=names), "person", lang, 0.5)
        people = index.people[keys[0]]
        if intent == "quotes":
            return self._quotes_person(query, people[0].name, [p.event for p in people])
        parts, facts = [], []
        for person in people:
            value = person.fact.value
            parts.append(
                say(
                    "person",
                    lang,
                    name=_full_name(value),
                    position=value.get("position", "—"),
                    event=index.the_name(person.event, lang),
                )
            )
            facts.append(person.fact)
        return Answer(
            " ".join(parts), "person", lang, 0.0, tuple(dict.fromkeys(p.event for p in people)), _sources(facts)
        )

    def _quotes_person(self, query: Query, name: str, events: list[str]) -> Answer:
        lang = query.lang
        key = fold(name)
        parts, facts = [], []
        for eid in dict.fromkeys(events):
            said = [f for f in self._ev(eid).many("statements") if fold(str(f.value.get("speaker", ""))) == key]
            if said:
                parts.append(
                    say(
                        "quotes",
                        lang,
                        name=name,
                        event=self.index.the_name(eid, lang),
                        said=" ".join(_statement(f) for f in said),
                    )
                )
                facts += said
        if not parts:
            return Answer(say("quotes_none", lang, name=name), "quotes", lang, 0.0, tuple(events))
        return Answer(" ".join(parts), "quotes", lang, 0.0, tuple(dict.fromkeys(events)), _sources(facts))

    def _quotes_event(self, query: Query, events: list[str]) -> Answer:
        eid, lang = events[0], query.lang
        said = self._ev(eid).many("statements")
        if not said:
            return self._answer(
                say("quotes_event_none", lang, event=self._name(eid, lang)), "quotes", query, events, []
            )
        lines = "\n".join(f"• {f.value.get('speaker', '')}: {_statement(f)}" for f in said)
        text = say("quotes_event", lang, event=self.index.the_name(eid, lang), said="\n" + lines)
        return self._answer(text, "quotes", query, events, said)

    # what it was about -----------------------------------------------------------------------------------

    def _items_answer(self, query: Query, events: list[str], field: str, key: str, joiner: str = "; ") -> Answer:
        eid, lang = events[0], query.lang
        facts = self._ev(eid).many(field)
        name = self._name(eid, lang)
        if not facts:
            return self._answer(say(f"{key}_unrecorded", lang, event=name), key, query, events, [])
        items = [str(f.value["text"]) if isinstance(f.value, dict) else str(f.value) for f in facts]
        text = say(
            key,
            lang,
            event=name if key != "objectives" else self.index.the_name(eid, lang),
            items=joiner.join(items) if joiner != "and" else join(items, lang),
        )
        return self._answer(text, key, query, events, facts)

    def _topics(self, query: Query, events: list[str]) -> Answer:
        return self._items_answer(query, events, "topics", "topics")

    def _objectives(self, query: Query, events: list[str]) -> Answer:
        return self._items_answer(query, events, "objectives", "objectives", "and")

    def _series(self, query: Query, events: list[str]) -> Answer:
        return self._items_answer(query, events, "series", "series", "and")

    def _unrecorded(self, query: Query, events: list[str]) -> Answer:
        eid, lang = events[0], query.lang
        what = lexicon_unrecorded_name(query.unrecorded or "budget", lang)
        return self._answer(
            say("unrecorded", lang, event=self._name(eid, lang), what=what), "unrecorded", query, events, []
        )

    def _summary(self, query: Query, events: list[str]) -> Answer:
        eid, lang = events[0], query.lang
        event = self._ev(eid)
        facts: list[Fact] = [f for f in (event.one("title"), event.one("kind"), event.one("date")) if f]
        when = format_date(event.day, lang) if event.day else say("date_unknown", lang)
        place_facts = [f for f in (event.one("venue"), event.one("city"), event.one("country")) if f]
        facts += place_facts
        where = ", ".join(_place(str(f.value), lang) for f in place_facts) or say("place_unknown", lang)
        text = say(
            "summary",
            lang,
            title=event.text("title") or self.index.short_name(eid, lang),
            kind=kind_name(event.kind, lang),
            when=when,
            where=where,
        )
        total = event.one("participants")
        if total:
            groups = event.many("participant_groups")
            who = _group_label(groups, lang) or say("participants", lang)
            countries = event.many("participant_countries")
            if countries:
                who += " " + say("attendance_from", lang, countries=_country_list(countries, lang))
            text += say("summary_attendance", lang, count=_count(total, lang), who=who)
            facts += [total, *groups, *countries]
        for field, key in (("organisers", "summary_organisers"), ("funders", "summary_funders")):
            found = event.many(field)
            if found:
                text += say(key, lang, names=join([org_name(str(f.value), lang) for f in found], lang))
                facts += found
        topics = event.many("topics")[:2]
        if topics:
            text += say("summary_topics", lang, items="; ".join(str(f.value) for f in topics))
            facts += topics
        return self._answer(text, "summary", query, events, facts)

    # programmes ------------------------------------------------------------------------------------------

    def programme(self, query: Query, pid: str, intent: str) -> Answer:
        lang = query.lang
        programme: ProgrammeView = self.index.programmes[pid]
        name = programme.name
        funders, aims, partners = programme.many("funders"), programme.many("aims"), programme.many("partners")
        if intent == "partners":
            if not partners:
                return Answer(say("partners_unrecorded", lang, name=name), intent, lang)
            text = say("partners", lang, name=name, names=join([str(f.value) for f in partners], lang))
            return Answer(text, intent, lang, 0.0, (), _sources(partners))
        if intent == "funders":
            if not funders:
                return Answer(say("programme_funders_unrecorded", lang, name=name), intent, lang)
            text = f"{name}:" + say(
                "programme_funders", lang, names=join([org_name(str(f.value), lang) for f in funders], lang)
            )
            return Answer(text, intent, lang, 0.0, (), _sources(funders))
        if intent == "objectives":
            if not aims:
                return Answer(say("programme_aims_unrecorded", lang, name=name), intent, lang)
            text = f"{name}:" + say("programme_aims", lang, items=join([str(f.value) for f in aims], lang))
            return Answer(text, intent, lang, 0.0, (), _sources(aims))
        full = programme.one("full_name")
        facts = [f for f in (programme.one("name"), full) if f]
        text = say(
            "programme",
            lang,
            name=name,
            full=f" ({full.value})" if full else "",
            funders=say("programme_funders", lang, names=join([org_name(str(f.value), lang) for f in funders], lang))
            if funders
            else "",
            aims=say("programme_aims", lang, items=join([str(f.value) for f in aims], lang)) if aims else "",
        )
        if partners:
            text += " " + say("partners", lang, name=name, names=join([str(f.value) for f in partners], lang))
        return Answer(text, "programme", lang, 0.0, (), _sources(facts + funders + aims + partners))

    # lists -----------------------------------------------------------------------------------------------

    def list_events(self, query: Query) -> Answer:
        lang, index = query.lang, self.index
        postings: list[list[set[str]]] = []  # every group must match; within a group, any posting
        filters = []
        for year in query.years:
            postings.append([index.by_year.get(year, set())])
            filters.append(say("filter_year", lang, year=year))
        for place in query.places:
            key = fold(place)
            if key not in index.by_place and _names_a_funder(place, query.funders):
                continue  # "trainings funded by the UK": the UK is the funder, filtered below
            postings.append([index.by_place.get(key, set())])
            filters.append(say("filter_place", lang, place=_place(place, lang)))
        for kind in query.kinds:
            family = lexicon.KIND_FAMILY.get(kind, kind)
            postings.append([index.by_kind.get(kind, set()), index.by_kind.get(family, set())])
            filters.append(say("filter_kind", lang, kind=kind_name(kind, lang)))
        for funder in query.funders:
            postings.append([index.by_funder.get(fold(funder), set())])
            filters.append(say("filter_funder", lang, funder=_place(funder, lang)))
        for pid in query.programmes:
            postings.append([index.by_programme.get(pid, set())])
            filters.append(say("filter_programme", lang, programme=index.programmes[pid].name))
        for word in query.keywords:
            postings.append([index.by_keyword.get(word, set())])
            filters.append(say("filter_keyword", lang, keyword=word))
        matching: set[str] | None = None
        for group in postings:
            matching = _narrow(matching, group)
        total = len(matching) if matching is not None else len(index.events)
        events = index.newest(matching, LIST_LIMIT) if matching is not None else index.newest_first[:LIST_LIMIT]
        where = "".join(filters)
        if not events:
            names = "; ".join(index.short_name(e, lang) for e in index.newest_first[:5])
            return Answer(say("list_none", lang, filter=where, events=names), "list_events", lang, 0.0)
        lines = [self.event_line(eid, lang) for eid in events]
        if total > len(events):
            lines.append(say("list_more", lang, n=total - len(events)))
        text = say("list", lang, n=total, filter=where, items="\n".join(lines))
        facts = [f for eid in events for f in (index.events[eid].one("title"),) if f]
        answer = Answer(text, "list_events", lang, 0.0, tuple(events), _sources(facts))
        answer.choices = self.event_choices(events, lang, "summary")
        answer.choice_kind = "events"
        return answer

    def event_line(self, eid: str, lang: str) -> str:
        event = self.index.events[eid]
        when = format_date(event.day, lang) if event.day else say("date_unknown", lang)
        return f"• {when} — {self.index.short_name(eid, lang)}: {event.text('title')}"


def lexicon_unrecorded_name(key: str, lang: str) -> str:
    return UNRECORDED_NAMES.get(key, {}).get(lang, key)


def _narrow(candidates: set[str] | None, postings: Iterable[set[str]]) -> set[str]:
    """Events in `candidates` (None: all) that are in any of `postings`; costs the smaller side, never N.

    The result may be one of the postings itself: callers must not mutate it.
    """
    postings = [p for p in postings if p]
    if candidates is None:
        if len(postings) == 1:
            return postings[0]
        return set().union(*postings)
    return set().union(*(candidates & p for p in postings))  # `&` walks the smaller side


def _names_a_funder(place: str, funders: list[str]) -> bool:
    return any(f" {fold(place)} " in f" {fold(funder)} " for funder in funders)


def _sources(facts: list[Fact]) -> list[Source]:
    seen: dict[tuple[str, str], Source] = {}
    for fact in facts:
        seen.setdefault((fact.source.doc, fact.source.quote), fact.source)
    return list(seen.values())


def _count(fact: Fact, lang: str) -> str:
    value = fact.value
    count = int(value["count"])
    return say("at_least", lang, n=count) if value.get("at_least") else str(count)


def _group_label(groups: list[Fact], lang: str) -> str:
    return join([role_name(str(g.value.get("label", "")), lang) for g in groups], lang)


def _place(name: str, lang: str) -> str:
    return PLACE_NAMES_ES.get(name, name) if lang == "es" else name


def _country_list(facts: list[Fact], lang: str) -> str:
    return join([_place(str(f.value), lang) for f in facts], lang)


def _full_name(value: dict[str, str]) -> str:
    return " ".join(p for p in (value.get("honorific", ""), value.get("name", "")) if p)


def _speaker(fact: Fact) -> str:
    value = fact.value
    position = value.get("position")
    return f"{_full_name(value)} ({position})" if position else _full_name(value)


def _statement(fact: Fact) -> str:
    value = fact.value
    text = str(value.get("text", ""))
    return f"“{text}”" if value.get("direct") else text[0].upper() + text[1:] + "."

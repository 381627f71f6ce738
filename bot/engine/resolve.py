"""Which subject a question is about: one event, a set of events, a programme, or a person.

What locates an event, and how strongly:
- places, people and organisations it names are hard: an event must match each (a place it was held in, or
  that its participants came from; a speaker; an organiser, funder or partner). A place no event matches
  means "no event in X", never an answer about another event;
- dates (a year, a month, a day) are strong: an event with another date is out, an event whose date is not
  recorded stays in, behind those that match;
- kinds, programmes, topic words, ordinals and formats rank what is left, each by how rare it is among the
  events (a word every event shares says little).
What a yes/no question checks ("was El Salvador at the dark net side event?") is not a locator: it is taken
out first, and the rest finds the event. With nothing named, the conversation's event is meant.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine.attributes import BY_NAME
from bot.engine.index import KnowledgeIndex
from bot.engine.models import Conversation
from bot.engine.postings import IN, Allowed, Postings, formats, narrow
from bot.engine.query import Clause, Query, Span
from bot.engine.text import fold
from bot.engine.words import is_common

KIND_EXACT = 1.0  # weight of a kind named exactly, times its rarity
KIND_FAMILY = 0.5  # a kind of the same family ("workshop" for a training)
OTHER_KIND = 1.0  # a kind of another family ("the meeting" for a workshop) counts against the event
PLACE_MATCH = 3.0  # held in the place named, against an event whose place is not recorded
PARTICIPANT_COUNTRY = 0.5  # a country the participants came from, against one the event was held in
DATE_MATCH = 3.0  # a date that fits, against topic words: a date named is nearly always meant
RARE = 2  # a proper name held by at most this many events narrows to them
NAME_WORD = 2.0  # a capitalised topic word ("Khorgos", "FELCN") tells events apart more than a common one
TIE = 0.25  # events whose scores are this close are equally likely
LIST_LIMIT = 25  # events named in one answer at most
COMMON = 2000  # a descriptor shared by more events than this only ranks the candidates others bring in
LOCATOR_KINDS = ("year", "month", "day", "place", "person", "organisation", "programme", "kind", "keyword", "ordinal")


@dataclass
class Subject:
    kind: str  # "event" (one or a few), "events" (a set to list or count), "programme", "person", "none"
    events: list[str] = field(default_factory=list)
    programme: str = ""
    person: str = ""  # folded full name
    unknown: str = ""  # what the question named that matches nothing
    from_context: bool = False
    located: bool = False  # the question itself named the event(s)
    checked: list[Span] = field(default_factory=list)  # what a yes/no question checks about the event
    total: int = 0  # events matching, when `events` holds only the newest of them
    years: tuple[int, ...] = ()  # years taken from the conversation ("and the year before?")

    @property
    def one(self) -> str | None:
        return self.events[0] if len(self.events) == 1 else None


class Resolver:
    def __init__(self, index: KnowledgeIndex) -> None:
        self.index = index
        self.postings = Postings(index)

    def subject(self, query: Query, clause: Clause, conv: Conversation) -> Subject:
        index = self.index
        attribute = BY_NAME.get(clause.attribute)
        about = attribute.about if attribute else frozenset({"event"})
        locators = self._locators(query, clause)
        programmes = [str(v) for v in query.of("programme", clause)]
        people = [str(v) for v in query.of("person", clause)]
        own = [s for s in locators if s.kind not in ("programme",)]
        if "programme" in about and programmes and not own and not people:
            return Subject("programme", programme=programmes[0])
        if about == frozenset({"programme"}):
            if conv.programme and not programmes:
                return Subject("programme", programme=conv.programme, from_context=True)
            return Subject("none", unknown=" ".join(s.text for s in locators) or query.text)
        if "person" in about and (people or (query.pronoun_person and conv.person)):
            person = people[0] if people else str(conv.person)
            rest = [s for s in locators if s.kind not in ("person",)]
            events = [p.event for p in index.people.get(person, [])]
            if rest:
                located = self._events(query, rest, clause, conv)
                events = [e for e in events if e in located.events] or events
            return Subject("person", events=list(dict.fromkeys(events)), person=person)
        checked = self._checked(query, clause, locators)
        locators = [s for s in locators if s not in checked]
        if not locators and checked and not clause.yes_no:
            locators, checked = checked, []
        plural = (
            clause.attribute == "events" or clause.form == "list" or (clause.form == "total" and _all_events(clause))
        )
        if plural:  # "events with judges": a role the participants had filters a list too
            roles = [s for s in query.spans if s.kind == "role" and clause.start <= s.start < clause.end]
            return self._set(query, [*locators, *roles], conv, clause)
        found = self._events(query, locators, clause, conv, checked)
        found.checked = checked
        return found

    # -- what locates ---------------------------------------------------------------------------------------

    def _locators(self, query: Query, clause: Clause) -> list[Span]:
        """The spans that may locate an event: the clause's own, and those of the message's other clauses
        unless they ask about a programme or a person of their own."""
        out = []
        for span in query.spans:
            if span.kind not in LOCATOR_KINDS and span.kind != "name":
                continue
            if span.kind == "role":
                continue
            if span.kind == "keyword" and clause.counted and fold(span.text) == fold(clause.counted):
                continue  # "what platform ...?": the thing asked for, not a word describing the event
            inside = clause.start <= span.start < clause.end
            if not inside:
                other = next((c for c in query.clauses if c.start <= span.start < c.end), None)
                if (
                    other is not None
                    and BY_NAME.get(other.attribute)
                    and BY_NAME[other.attribute].about == frozenset({"programme"})
                ):
                    continue
            out.append(span)
        return _place_or_organisation(out, clause)

    def _checked(self, query: Query, clause: Clause, locators: list[Span]) -> list[Span]:
        """What the clause checks rather than locates: in a yes/no question, an organisation or unknown name
        ("was INTERPOL at ...?", "did Canada fund it?"), a person for speakers, an ordinal for a series, a
        country for participants; in any question, a place right after "from" ("how many came from Ukraine",
        "participantes de Senegal")."""
        return [s for s in locators if clause.start <= s.start < clause.end and self._is_checked(query, clause, s)]

    def _is_checked(self, query: Query, clause: Clause, span: Span) -> bool:
        attr = clause.attribute
        if clause.yes_no and attr == "place" and span.kind == "place":
            # "was it held in Mexico?" after a question about an event; "was the side event held in Vienna?"
            before = query.words[span.start - 1] if span.start else ""
            return _alone(query, span) or before in ("in", "en", "at")
        if span.kind == "place" and attr in ("participants", "countries", "") and _after_from(query.words, span.start):
            return True
        if not clause.yes_no:
            return False
        if span.kind in ("organisation", "name"):
            return attr in (*_ORGANISATION_ATTRIBUTES, "speakers", "")
        if span.kind == "person":
            return attr in ("speakers", "position", "statements", "")
        if span.kind == "ordinal":
            return attr == "series"
        if span.kind == "place":
            before = query.words[span.start - 1] if span.start else ""
            if before in IN and not _alone(query, span):  # "¿hubo participantes de Ghana en Santa Marta?"
                return False
            held_there = bool(self.index.by_place.get(fold(str(span.value))))
            return attr in ("countries", "participants", "") or (attr in _ORGANISATION_ATTRIBUTES and not held_there)
        return False

    # -- one event ------------------------------------------------------------------------------------------

    def _events(
        self,
        query: Query,
        locators: list[Span],
        clause: Clause,
        conv: Conversation,
        checked: list[Span] = (),  # type: ignore[assignment]
    ) -> Subject:
        index = self.index
        if query.other:  # "the other one": of the events last offered, or the only other one there is
            pool = conv.options if len(conv.options) > len(conv.events) else tuple(index.events)
            others = [e for e in pool if e not in conv.events and e in index.events]
            if len(others) == 1 or (others and conv.options):
                return Subject("event", events=others[:1], located=True)
        if query.relative_year and conv.years and not any(s.kind == "year" for s in locators):
            years = tuple(y + query.relative_year for y in conv.years)
            located = [e for y in years for e in index.by_year.get(y, ())]
            if not located:
                return Subject("event", unknown=" ".join(map(str, years)), years=years)
            return Subject("event", events=index.newest(located, LIST_LIMIT), located=True, years=years)
        known = [e for e in conv.events if e in index.events]
        if known and _refers_back(query, locators):  # "what platform did they use?": the event discussed
            return Subject("event", events=known, from_context=True)
        if not locators:
            if _both(clause):  # "did the EU fund both events?": the two last discussed, or the only two there are
                pair = [e for e in (conv.options or conv.events) if e in index.events]
                pair = pair if len(pair) == 2 else index.newest_first if len(index.events) == 2 else []
                if pair:
                    return Subject("event", events=list(pair), from_context=True)
            if known:
                return Subject("event", events=known, from_context=True)
            return Subject("event", events=index.newest_first[:LIST_LIMIT], total=len(index.events))
        hard, unknown = self._hard(locators, query.words, self.postings.dates(locators))
        if unknown:
            return Subject("event", unknown=unknown)
        hard = self._by_proper_names(query, locators, hard)
        scores = self._scores(locators, hard)
        scores = self._positive(locators, query.words, scores)
        if not scores:
            return Subject("event", unknown=_describe(locators))
        for span in checked:  # a country asked about breaks a tie: "was Costa Rica represented at the 2021 training?"
            if span.kind == "place":
                came = index.by_participant_country.get(str(span.value), set())
                for eid in [e for e in scores if e in came]:  # the candidates are few, the country's events many
                    scores[eid] += PARTICIPANT_COUNTRY
        best = max(scores.values())
        events = [e for e, s in scores.items() if best - s <= TIE]
        names = [s for s in locators if s.kind == "name"]
        generic = all(s.kind in ("kind", "programme", "name") for s in locators)
        long_name = next((s for s in names if " " in str(s.value)), None)  # "Jorge Chávez", "Southern Cone"
        if names and hard is None and (generic or long_name):
            return Subject("event", unknown=long_name.text if long_name else _describe(locators))
        if len(events) > 1:
            in_context = [e for e in conv.events if e in events]
            if in_context:
                events = in_context
        ordered = index.newest(events, LIST_LIMIT)
        return Subject("event", events=ordered, located=True, total=len(events))

    def _positive(self, locators: list[Span], words: list[str], scores: dict[str, float]) -> dict[str, float]:
        """The candidates that match something named for what they record, not only because they record no
        place or date: an event with neither a place nor a year is no answer to "the 2016 Lisbon meeting", but
        is one to "the AIRCOP passenger profiling training of August" (its programme and topic match)."""
        index = self.index
        places = [p for s in locators if s.kind == "place" for _, p in self.postings.hard(s, words) or ()]
        dates = self.postings.dates(locators)
        if not places and not dates:
            return scores
        matching = places + [d.dated for d in dates]
        matching += [index.by_programme.get(str(s.value), set()) for s in locators if s.kind == "programme"]
        matching += [index.keyword_events(str(s.value)) for s in locators if s.kind == "keyword"]
        candidates = scores.keys()
        kept = set().union(*(candidates & p for p in matching))  # in C: the candidates are thousands at a year
        return scores if len(kept) == len(scores) else {e: score for e, score in scores.items() if e in kept}

    def _hard(self, locators: list[Span], words: list[str], dates: list[Allowed]) -> tuple[set[str] | None, str]:
        """Events matching every place, person and organisation named, within the dates named (None: nothing
        hard was named), or what was named that no event matches.

        Each posting list is narrowed by the dates before any union, so that a big one (a country most
        participants came from) costs only as much as the events of that year."""
        result: set[str] | None = None
        for group in _by_position(locators):
            if not any(s.kind in ("place", "person", "organisation") for s in group):
                continue
            postings = [(tag, p) for span in group for tag, p in self.postings.hard(span, words) or () if p]
            if not postings:
                return None, group[0].text or str(group[0].value)
            if any(s.kind == "place" for s in group):  # an event whose place is not recorded may still be it
                postings.append((("placeless", ""), self.index.placeless))
            found = set().union(*(self.postings.within(tag, p, dates) for tag, p in postings))
            result = found if result is None else result & found
            if not result:
                return None, _describe(locators)
        return result, ""

    def _scores(self, locators: list[Span], hard: set[str] | None) -> dict[str, float]:
        """How well each candidate event fits the softer locators (dates, kinds, topic words, ...).

        Dates narrow first, through their posting lists (an event with another date is out; one whose date is
        not recorded stays in). What is left is scored by set intersections, never by scanning every event;
        with nothing hard or dated named, only the rarer descriptors bring candidates in, the common ones
        ("training") only rank them."""
        index = self.index
        base = hard
        for allowed in self.postings.dates(locators):
            base = allowed.dated | allowed.unknown if base is None else narrow(base, [allowed])
        scores: dict[str, float] = dict.fromkeys(base, 0.0) if base is not None else {}
        n = max(1, len(index.events))

        def add(events: set[str], weight: float) -> None:
            if base is not None:
                for eid in events & base:
                    scores[eid] += weight
            elif len(events) <= COMMON or not scores:
                for eid in events:
                    scores[eid] = scores.get(eid, 0.0) + weight
            else:
                for eid in scores.keys() & events:
                    scores[eid] += weight

        soft = []
        for span in locators:
            if span.kind == "place" and hard is not None:
                # an event held there ranks above one whose participants came from there, and one whose place
                # is not recorded comes last
                soft.append((self.postings.held(span), PLACE_MATCH))
                soft.append((index.by_participant_country.get(str(span.value), set()), PARTICIPANT_COUNTRY))
            elif span.kind == "year":
                soft.append((index.by_year.get(int(span.value), set()), DATE_MATCH))
            elif span.kind == "month":
                soft.append((index.by_month.get(int(span.value), set()), DATE_MATCH))
            elif span.kind == "kind":
                exact = self.postings.kind(str(span.value))
                family = self.postings.family(str(span.value))
                soft.append((exact, KIND_EXACT * _rarity(n, len(exact))))
                soft.append((family, KIND_FAMILY * _rarity(n, len(family))))
            elif span.kind == "programme":
                found = index.by_programme.get(str(span.value), set())
                soft.append((found, _rarity(n, len(found))))
            elif span.kind == "keyword":
                weight = index.weight(str(span.value)) * (NAME_WORD if span.text[:1].isupper() else 1.0)
                soft.append((index.keyword_events(str(span.value)), weight))
            elif span.kind == "ordinal":
                soft.append((self.postings.in_series(int(span.value)), 1.0))
        for events, weight in sorted(soft, key=lambda ew: len(ew[0])):  # the rarest first
            add(events, weight)
        for span in locators:  # a kind named that an event is not even of the family of counts against it
            if span.kind == "kind":
                family = self.postings.family(str(span.value))
                for eid in scores.keys() - family:
                    scores[eid] -= OTHER_KIND
        if base is None:
            return {e: s for e, s in scores.items() if s > 0}
        return scores

    def _by_proper_names(self, query: Query, locators: list[Span], hard: set[str] | None) -> set[str] | None:
        """A proper name the question gives ("Khorgos", "FELCN") that only one or two events hold narrows to
        them, as a place would: it is what the user identifies the event by, whatever else matches. A
        capitalised ordinary word ("Servicio de Fronteras") is not such a name."""
        for span in locators:
            if span.kind != "keyword" or not span.text[:1].isupper() or span.start == 0:
                continue
            events = self.index.keyword_events(str(span.value))
            if 0 < len(events) <= RARE and not is_common(str(span.value)):  # "Khorgos", not "Servicio"
                narrowed = events if hard is None else hard & events
                hard = narrowed or hard
        return hard

    # -- several events -------------------------------------------------------------------------------------

    def _set(self, query: Query, locators: list[Span], conv: Conversation, clause: Clause) -> Subject:
        """Every event matching all the filters the question names (newest first): places (held there after
        "in"), dates, kinds, programmes, organisations, people, a format ("online"), and the rarer topic words
        ("which trainings covered cryptocurrency")."""
        index = self.index
        wanted = formats(clause.words)
        if query.relative_year and conv.years and not any(s.kind == "year" for s in locators):
            years = tuple(y + query.relative_year for y in conv.years)
            events = {e for y in years for e in index.by_year.get(y, ())}
            found = index.newest(events, LIST_LIMIT)
            return Subject("events", events=found, located=True, total=len(events), years=years)
        if not locators and not wanted:
            return Subject("events", events=index.newest_first[:LIST_LIMIT], total=len(index.events))
        if not wanted and len(locators) == 1 and locators[0].kind == "year":  # "events in 2023": already in order
            low, high = index.year_ranks.get(int(locators[0].value), (0, 0))
            found = index.newest_first[low : min(high, low + LIST_LIMIT)]
            return Subject("events", events=found, located=True, total=high - low)
        matching: set[str] | None = None
        for fmt in wanted:
            held = index.by_format.get(fmt, set())
            matching = held if matching is None else matching & held
        by_kind: dict[str, set[str]] = {}  # filters of one kind are alternatives: "in Panama and Costa Rica"
        for group in _by_position(locators):
            lists = [p for p in (self.postings.filter(span, query.words) for span in group) if p is not None]
            if lists:
                by_kind.setdefault(group[0].kind, set()).update(*lists)
        for postings in by_kind.values():
            matching = postings if matching is None else matching & postings
        if matching is None:
            return Subject("events", events=index.newest_first[:LIST_LIMIT], total=len(index.events))
        return Subject("events", events=index.newest(matching, LIST_LIMIT), located=True, total=len(matching))


def _rarity(n: int, df: int) -> float:
    import math

    return math.log(1 + n / df) if df else 0.0


def _describe(locators: list[Span]) -> str:
    return " ".join(s.text or str(s.value) for s in locators if s.kind in ("name", "place", "year", "kind", "person"))


def _by_position(spans: list[Span]) -> list[list[Span]]:
    """Spans grouped by the words they cover: several readings of the same words are alternatives."""
    groups: dict[tuple[int, int], list[Span]] = {}
    for span in spans:
        groups.setdefault((span.start, span.end), []).append(span)
    return list(groups.values())


def _refers_back(query: Query, locators: list[Span]) -> bool:
    """A question about the event just discussed, by a pronoun, that names nothing else which locates an event
    ("what platform did they practise with?": "platform" is a word of other events, not this question's)."""
    if not any(w in _BACK for w in query.words):
        return False
    return all(s.kind in ("keyword", "role", "ordinal") for s in locators)


_BACK = frozenset({"it", "its", "they", "them", "their", "there", "ellos", "ellas", "alli", "ahi", "este", "esta"})


def _alone(query: Query, span: Span) -> bool:
    """Whether `span` is the only thing the message names (it then checks the event discussed before)."""
    return all(s is span or s.kind in ("role", "ordinal") for s in query.spans)


def _all_events(clause: Clause) -> bool:
    """ "in total" over every event ("how many people attended all the events in total?"), not over one."""
    words = set(clause.words)
    return bool(words & {"all", "todos", "todas", "events", "eventos", "overall", "altogether", "across"})


def _both(clause: Clause) -> bool:
    words = set(clause.words)
    return bool(words & {"both", "ambos", "ambas"}) or "the two" in " ".join(clause.words)


_ORGANISATION_ATTRIBUTES = frozenset({"funders", "organisers", "supporters", "partners", "trainers"})


def _place_or_organisation(spans: list[Span], clause: Clause) -> list[Span]:
    """Words that name both a place and an organisation ("Canada": the country, and the Government of Canada)
    are the organisation in a question about funders or organisers, and the place otherwise."""
    both = {(s.start, s.end) for s in spans if s.kind == "place"} & {
        (s.start, s.end) for s in spans if s.kind == "organisation"
    }
    if not both:
        return spans
    organisational = bool(_ORGANISATION_ATTRIBUTES & set(clause.scores)) and (
        clause.attribute == "events" or clause.yes_no
    )  # "which events did Canada fund?", "did Canada fund it?" -- but "who funded the course in Limón, Costa Rica?"
    drop = "place" if organisational else "organisation"
    return [s for s in spans if not (s.kind == drop and (s.start, s.end) in both)]


_FROM_WORDS = frozenset(
    "participantes participants venian vinieron procedian procedentes provenientes asistentes delegados "
    "delegaciones personas agentes fiscales llegaron".split()
)


def _after_from(words: list[str], i: int) -> bool:
    """Whether the place at word i is where participants came from: "from X", "participantes de X"."""
    if i >= 1 and words[i - 1] in ("from", "desde"):
        return True
    return i >= 2 and words[i - 1] in ("de", "del") and words[i - 2] in _FROM_WORDS

"""The in-memory index every question is answered from.

Built once from a list of facts (the store's, or synthetic ones in benchmarks) and rebuilt by the caller after
an admin change. Nothing here reads disk: a question costs dictionary look-ups and a few rapidfuzz calls over
small vocabularies, whatever the number of events.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

from bot.engine import lexicon
from bot.engine.text import apply_synonyms, fold
from bot.messages import PLACE_NAMES_ES, kind_name
from knowledge.facts import Fact

_KEYWORD_FIELDS = ("title", "topics", "objectives", "occasion", "kind", "organisers", "funders", "series")


@dataclass
class FactsView:
    """A subject (event or programme) assembled from its facts: each field keeps the facts behind it."""

    id: str
    # A field with one fact holds the fact itself, not a list of one: most fields have one, and with 10,000
    # events those lists alone would take 10 MB.
    fields: dict[str, Fact | list[Fact]] = field(default_factory=dict)

    def add(self, fact: Fact) -> None:
        held = self.fields.get(fact.field)
        if held is None:
            self.fields[fact.field] = fact
        elif isinstance(held, list):
            held.append(fact)
        else:
            self.fields[fact.field] = [held, fact]

    def one(self, name: str) -> Fact | None:
        held = self.fields.get(name)
        return held[0] if isinstance(held, list) else held

    def many(self, name: str) -> list[Fact]:
        held = self.fields.get(name)
        if held is None:
            return []
        return held if isinstance(held, list) else [held]

    def all(self) -> list[Fact]:
        return [fact for name in self.fields for fact in self.many(name)]

    def text(self, name: str) -> str:
        fact = self.one(name)
        return str(fact.value) if fact else ""


@dataclass
class EventView(FactsView):
    @cached_property
    def day(self) -> date | None:
        fact = self.one("date")
        try:
            return date.fromisoformat(str(fact.value)) if fact else None
        except ValueError:
            return None

    @property
    def year(self) -> int | None:
        return self.day.year if self.day else None

    @property
    def kind(self) -> str:
        return self.text("kind") or "event"

    @property
    def place(self) -> str:
        return self.text("city") or self.text("country")

    @property
    def places(self) -> list[str]:
        return [p for p in (self.text("city"), self.text("country")) if p]


@dataclass
class ProgrammeView(FactsView):
    @property
    def name(self) -> str:
        return self.text("name") or self.id


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    event: str
    fact: Fact


class KnowledgeIndex:
    """Events, programmes and people, with the look-up tables the question parser needs."""

    def __init__(self, facts: Iterable[Fact]) -> None:
        self.events: dict[str, EventView] = {}
        self.programmes: dict[str, ProgrammeView] = {}
        views: dict[str, FactsView] = {}
        for fact in facts:
            view = views.get(fact.subject)
            if view is None:
                kind, _, ident = fact.subject.partition(":")
                if kind == "event":
                    view = views[fact.subject] = self.events[ident] = EventView(ident)
                elif kind == "programme":
                    view = views[fact.subject] = self.programmes[ident] = ProgrammeView(ident)
                else:
                    continue
            view.add(fact)
        self.by_year: dict[int, set[str]] = defaultdict(set)
        self.by_place: dict[str, set[str]] = defaultdict(set)
        self.by_kind: dict[str, set[str]] = defaultdict(set)
        self.by_keyword: dict[str, set[str]] = defaultdict(set)
        self.by_funder: dict[str, set[str]] = defaultdict(set)
        self.by_programme: dict[str, set[str]] = defaultdict(set)
        self.participant_countries: set[str] = set()
        self.by_participant_country: dict[str, set[str]] = defaultdict(set)
        self.people: dict[str, list[Person]] = defaultdict(list)  # folded full name -> people
        # Folded phrase -> what it names: ("place", canonical) / ("kind", k) / ("role", r) / ("programme", id)
        # / ("person", folded full name) / ("funder", folded name).
        self.aliases: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for event in self.events.values():
            self._index_event(event)
        for programme in self.programmes.values():
            self._index_programme(programme)
        self._index_lexicon()
        self._index_funder_places()
        self.newest_first: list[str] = sorted(
            self.events, key=lambda eid: (self.events[eid].day or date.min, eid), reverse=True
        )
        self.rank = {eid: i for i, eid in enumerate(self.newest_first)}
        self.max_alias_words = max((len(a.split()) for a in self.aliases), default=1)
        self.vocabulary: set[str] = self._vocabulary()

    # -- building ----------------------------------------------------------------------------------------

    def _index_event(self, event: EventView) -> None:
        eid = event.id
        if event.year:
            self.by_year[event.year].add(eid)
        for place in event.places:
            self.by_place[fold(place)].add(eid)
            self.aliases[fold(place)].add(("place", place))
        kind = event.kind
        self.by_kind[kind].add(eid)
        self.by_kind[lexicon.KIND_FAMILY.get(kind, kind)].add(eid)
        words: set[str] = set()  # each keyword once, however many of the event's fields have it
        for name in _KEYWORD_FIELDS:
            for fact in event.many(name):
                words |= _words(fact.value)
        for word in words:
            self.by_keyword[word].add(eid)
        for fact in event.many("funders"):
            funder = str(fact.value)
            self.by_funder[fold(funder)].add(eid)
            self.aliases[fold(funder)].add(("funder", funder))
        for fact in event.many("programmes"):
            self.by_programme[str(fact.value)].add(eid)
        for fact in event.many("participant_countries"):
            self.participant_countries.add(str(fact.value))
            self.by_participant_country[str(fact.value)].add(eid)
            self.aliases[fold(str(fact.value))].add(("place", str(fact.value)))
        for fact in event.many("speakers"):
            name = str(fact.value.get("name", ""))
            key = fold(name)
            if not key:
                continue
            self.people[key].append(Person(name, eid, fact))
            self.aliases[key].add(("person", key))
            surname = key.split()[-1]
            if len(surname) > 2:
                self.aliases[surname].add(("person", key))

    def _index_programme(self, programme: ProgrammeView) -> None:
        for name in ("name", "full_name", "aliases"):
            for fact in programme.many(name):
                alias = apply_synonyms(fold(str(fact.value)), lexicon.SYNONYM_RULES)
                self.aliases[alias].add(("programme", programme.id))
                self.aliases[alias.removeprefix("unodc ")].add(("programme", programme.id))
        self.aliases[fold(programme.id.replace("-", " "))].add(("programme", programme.id))

    def _index_lexicon(self) -> None:
        for surface, canonical in lexicon.PLACES.items():
            self.aliases[surface].add(("place", canonical))
        for kind, forms in lexicon.KINDS.items():
            for form in forms:
                self.aliases[form].add(("kind", kind))
        for role, forms in lexicon.ROLES.items():
            for form in forms:
                self.aliases[form].add(("role", role))

    def _index_funder_places(self) -> None:
        """ "the UK" also names the funder "Government of the United Kingdom" (for "trainings funded by the UK")."""
        for funder in {name for name, kinds in self.aliases.items() if any(k == "funder" for k, _ in kinds)}:
            label = next(v for k, v in self.aliases[funder] if k == "funder")
            for surface in lexicon.PLACES:
                if f" {surface} " in f" {funder} " and surface != funder:
                    self.aliases[surface].add(("funder", label))

    def _vocabulary(self) -> set[str]:
        words: set[str] = set(lexicon.STOPWORDS) | lexicon.SPANISH_MARKERS | lexicon.ENGLISH_MARKERS
        for cues in lexicon.CUES.values():
            for phrase, _ in cues:
                words.update(phrase.rstrip("*").split())
        for phrase in list(self.aliases) + list(lexicon.SYNONYMS) + list(lexicon.SYNONYMS.values()):
            words.update(phrase.split())
        words.update(self.by_keyword)
        return {w for w in words if len(w) > 1}

    # -- reading -----------------------------------------------------------------------------------------

    def newest(self, events: set[str], limit: int) -> list[str]:
        """The `limit` newest of `events` (sorting what matched, never scanning every event)."""
        return heapq.nsmallest(limit, events, key=self.rank.__getitem__)

    def short_name(self, eid: str, lang: str = "en") -> str:
        """A name to say and to put on a button: "Panama 2021 training"."""
        event = self.events[eid]
        place = event.place
        if lang == "es":
            place = PLACE_NAMES_ES.get(place, place)
            parts = [kind_name(event.kind, lang).capitalize(), place, str(event.year or "")]
            return " ".join(p for p in parts if p).strip()
        return " ".join(p for p in (place, str(event.year or ""), kind_name(event.kind, lang)) if p).strip()

    def the_name(self, eid: str, lang: str = "en") -> str:
        """The short name as it reads inside a sentence: "the Panama 2021 training"."""
        name = self.short_name(eid, lang)
        if lang == "es":
            return f"{_article_es(self.events[eid].kind)} {name[0].lower()}{name[1:]}"
        return f"the {name}"


def _article_es(kind: str) -> str:
    return "la" if kind in ("training", "conference", "meeting") else "el"


def _words(value: object) -> frozenset[str]:
    if type(value) is str:
        return _text_words(value)
    if isinstance(value, dict):
        value = " ".join(str(v) for v in value.values() if isinstance(v, str))
    return _text_words(str(value))


@lru_cache(maxsize=65536)
def _text_words(text: str) -> frozenset[str]:
    """The keywords of a text (cached: kinds, topics, organisers and funders repeat across thousands of events)."""
    folded = fold(text)
    words = set(folded.split()) | set(apply_synonyms(folded, lexicon.SYNONYM_RULES).split())
    return frozenset(w for w in words if len(w) > 2 and w not in lexicon.STOPWORDS)

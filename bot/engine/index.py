"""The in-memory index every question is answered from.

Built once from a list of facts (the store's, or synthetic ones in benchmarks); after an admin change, a new
one is made from the one before it (`previous`), which keeps answering meanwhile and is never changed: the new
index shares its views and postings and copies only those the touched events change. Nothing here reads disk
except the text of a release, and only when a question needs to quote it. A question costs dictionary look-ups
and a few rapidfuzz calls over small vocabularies, whatever the number of events: events are found through
posting lists (year, month, place, kind, programme, organisation, topic word, country ...), never by scanning
them all.
"""

from __future__ import annotations

import bisect
import heapq
import math
from array import array
from collections import defaultdict
from collections.abc import Iterable
from itertools import groupby
from operator import attrgetter
from typing import Any

from bot.engine import lexicon
from bot.engine.keys import (
    GOVERNMENT,
    acronyms,
    bigrams,
    dateline_places,
    organisation_keys,
    short_place,
    split_sentences,
    surnames,
    value_words,
)
from bot.engine.names import NameKey, name_key, unique_names
from bot.engine.refresh import reuse_views, share_postings
from bot.engine.text import apply_synonyms, fold
from bot.engine.views import EventView, FactsView, Person, ProgrammeView
from knowledge.facts import Fact

# The fields whose words describe an event: a question naming them ("the passenger profiling course") finds it.
_KEYWORD_FIELDS = (
    "title",
    "speakers",
    "participant_groups",
    "topics",
    "objectives",
    "occasion",
    "kind",
    "organisers",
    "funders",
    "partners",
    "supporters",
    "series",
    "venue",
    "trainers",
    "dateline",
)
_KEYWORD_SET = frozenset(_KEYWORD_FIELDS)
_DESCRIPTIVE_FIELDS = frozenset({"title", "topics", "objectives"})
_PLACE_FIELDS = frozenset({"city", "country", "venue"})
# Fields that name organisations, and the role each gives them at the event.
ORGANISATION_FIELDS = ("organisers", "funders", "supporters", "partners", "trainers")
_ORGANISATION_SET = frozenset(ORGANISATION_FIELDS)


Postings = dict[Any, set[str]]  # key (a year, a folded place, a word ...) -> the events it is true of
_EMPTY: set[str] = set()  # what a missing posting list reads as (never changed)


def subject_views(
    facts: Iterable[Fact],
) -> tuple[dict[str, EventView], dict[str, ProgrammeView], dict[str, FactsView]]:
    """The events, programmes and documents the facts are about, each with its facts (by field when asked)."""
    events: dict[str, EventView] = {}
    programmes: dict[str, ProgrammeView] = {}
    documents: dict[str, FactsView] = {}
    views: dict[str, FactsView] = {}
    for subject, run in groupby(facts, attrgetter("subject")):  # a subject's facts come together
        view = views.get(subject)
        if view is not None:
            view.facts.extend(run)
            continue
        kind, _, ident = subject.partition(":")
        if kind == "event":
            view = events[ident] = EventView(ident, list(run))
        elif kind == "programme":
            view = programmes[ident] = ProgrammeView(ident, list(run))
        elif kind == "document":
            view = documents[ident] = FactsView(ident, list(run))
        else:
            continue
        views[subject] = view
    return events, programmes, documents


class KnowledgeIndex:
    """Events, programmes, people and organisations, with the look-up tables the question parser needs."""

    def __init__(self, facts: Iterable[Fact], previous: KnowledgeIndex | None = None) -> None:
        """Index `facts`; after a change, `previous` (the index before it) lends the views of the subjects the
        change did not touch and the postings it does not change, so that the new index and the one still
        answering share them (`bot.engine.refresh`)."""
        self.events, self.programmes, self.documents = subject_views(facts)
        if previous is not None:
            reuse_views(self.events, previous.events)
            reuse_views(self.programmes, previous.programmes)
            reuse_views(self.documents, previous.documents)
        self.by_year: dict[int, set[str]] = defaultdict(set)
        self.by_month: dict[int, set[str]] = defaultdict(set)  # month (1-12), any year
        self.yearless: set[str] = set()  # events whose year is not recorded
        self.dateless: set[str] = set()  # events with no date at all
        self.placeless: set[str] = set()  # events with no place recorded (and not online)
        self.by_place: dict[str, set[str]] = defaultdict(set)  # folded city, country or venue
        self.by_kind: dict[str, set[str]] = defaultdict(set)  # the kind as recorded
        self.by_keyword: dict[str, set[str]] = defaultdict(set)
        self.by_organisation: dict[str, set[str]] = defaultdict(set)  # folded name or acronym
        self.by_programme: dict[str, set[str]] = defaultdict(set)
        self.by_participant_country: dict[str, set[str]] = defaultdict(set)
        self.by_format: dict[str, set[str]] = defaultdict(set)  # "online", "hybrid", "in person"
        self.by_dateline: dict[str, set[str]] = defaultdict(set)  # folded place a release was dated in
        self.by_role: dict[str, set[str]] = defaultdict(set)  # a role participants had ("judges")
        self.bigrams: set[str] = set()  # pairs of words in titles and topics ("virtual assets"): no cues there
        self.people: dict[str, list[Person]] = defaultdict(list)  # folded full name -> people
        self.organisations: dict[str, str] = {}  # folded name or acronym -> the name as recorded
        self.name_groups: dict[NameKey, list[str]] = defaultdict(list)  # the events a plain name would fit
        # Folded phrase -> what it names: ("place", canonical) / ("kind", k) / ("role", r) / ("programme", id)
        # / ("person", folded full name) / ("organisation", folded name).
        self.aliases: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self._sort_keys: dict[str, tuple[int, int, int, str]] = {}
        self._places_named: set[tuple[str, str]] = set()
        if previous is None:
            by_keyword = self.by_keyword
            for eid, event in self.events.items():
                postings, words = self._index_event(event)
                for table, key in postings:
                    table[key].add(eid)
                for word in words:
                    by_keyword[word].add(eid)
        else:
            share_postings(self, previous)
        del self._places_named
        families: dict[str, list[set[str]]] = defaultdict(list)
        for kind, family in lexicon.KIND_FAMILY.items():
            if kind in self.by_kind:
                families[family].append(self.by_kind[kind])
        # Kinds of a family ("training": the workshops, courses ...), besides the family's own kind, from the
        # postings of each kind.
        self.by_family: dict[str, set[str]] = {family: set().union(*kinds) for family, kinds in families.items()}
        for programme in self.programmes.values():
            self._index_programme(programme)
        self._index_lexicon()
        self._index_countries_in_organisations()
        self.newest_first: list[str] = sorted(self.events, key=self._sort_keys.__getitem__, reverse=True)
        del self._sort_keys
        self.max_alias_words = max((len(a.split()) for a in self.aliases), default=1)
        self.vocabulary: set[str] = self._vocabulary()
        self.ready()
        self.year_ranks = self._year_ranks()  # year -> (first, last + 1) of its events in newest_first

    def ready(self) -> None:
        """What is made from the built index rather than kept with it (`bot.engine.saved`), and the caches of
        what answers make when first asked: empty in every new index."""
        self.rank = {eid: i for i, eid in enumerate(self.newest_first)}
        self._ranked: dict[tuple[str, str], array[int]] = {}  # a posting list's ranks, sorted (made when asked)
        self._names: dict[tuple[str, str], str] = {}
        self.memo: dict[tuple[str, ...], str] = {}  # texts derived from the facts, kept once made (event lines)
        self._phrases: dict[tuple[str, str], set[str]] = {}  # events of a topic phrase, made when first asked

    # -- building ----------------------------------------------------------------------------------------

    def _year_ranks(self) -> dict[int, tuple[int, int]]:
        """Events are sorted by date, so those of one year are next to each other in `newest_first`."""
        spans: dict[int, tuple[int, int]] = {}
        for year, eids in self.by_year.items():
            ranks = [self.rank[e] for e in eids]
            spans[year] = (min(ranks), max(ranks) + 1)
        return spans

    def _index_event(self, event: EventView, describe: bool = True) -> tuple[list[tuple[Postings, object]], set[str]]:
        """The postings the event is in, as (table, key), and its keywords (their postings: `by_keyword`);
        `describe`: also what is not a posting (its date's order, the places, organisations and people it names)."""
        eid = event.id
        fields = event.fields
        when = event.when  # parsed once here: it is asked for three times
        year = when.year if when else None
        postings: list[tuple[Postings, object]] = [(self.by_kind, event.kind)]
        if describe:
            self._sort_keys[eid] = (year or 0, when.month, when.day, eid) if when else (0, 0, 0, eid)
            self.name_groups[name_key(event, year)].append(eid)
            if when is None:
                self.dateless.add(eid)
            if not year:
                self.yearless.add(eid)
            if not ("city" in fields or "country" in fields or "venue" in fields or event.online):
                self.placeless.add(eid)
        if when is not None:
            if year:
                postings.append((self.by_year, year))
            postings.append((self.by_month, when.month))
            if "end_date" in fields:
                until = event.until
                if until is not None and until.month != when.month:
                    postings.append((self.by_month, until.month))
        words: set[str] = set()  # each keyword once, however many of the event's fields have it
        for name, held in fields.items():  # one pass over the event's facts
            facts = held if isinstance(held, list) else (held,)
            if name in _KEYWORD_SET:
                for fact in facts:
                    words |= value_words(fact.value)
                    if describe and name in _DESCRIPTIVE_FIELDS:
                        self.bigrams |= bigrams(str(fact.value))
            if name in _ORGANISATION_SET:
                for fact in facts:
                    for key in organisation_keys(str(fact.value)):
                        postings.append((self.by_organisation, key))
                        if describe and key not in self.organisations:
                            self.organisations[key] = str(fact.value)
                            self.aliases[key].add(("organisation", key))
            elif name in _PLACE_FIELDS:
                place = str(facts[0].value)
                key = fold(place)
                postings.append((self.by_place, key))
                if name != "venue":
                    short = short_place(key)
                    if short:  # "Santa Cruz" for Santa Cruz de la Sierra
                        postings.append((self.by_place, short))
                    if describe:
                        self._place_alias(place, key, short)
            elif name == "format":
                postings.append((self.by_format, str(facts[0].value)))
            elif name == "dateline":  # where the release was issued: not where the event was held
                postings.extend((self.by_dateline, key) for key in dateline_places(str(facts[0].value)))
            elif name == "programmes":
                postings.extend((self.by_programme, str(fact.value)) for fact in facts)
            elif name == "participant_groups":
                for fact in facts:
                    for role in fact.value.get("roles", ()) if isinstance(fact.value, dict) else ():
                        postings.append((self.by_role, str(role)))
            elif name == "participant_countries":
                for fact in facts:
                    country = str(fact.value)
                    postings.append((self.by_participant_country, country))
                    if describe:
                        self._place_alias(country, fold(country), "")
            elif describe and name == "speakers":
                for fact in facts:
                    self._index_speaker(fact, eid)
        return postings, words

    def posted(self, event: EventView, describe: bool) -> list[tuple[Postings, object]]:
        """Every posting the event is in, its keywords' included (`_index_event`)."""
        postings, words = self._index_event(event, describe)
        by_keyword = self.by_keyword
        return [*postings, *((by_keyword, word) for word in words)]

    def describe(self, event: EventView) -> None:
        """What of the event is not a posting: its date's order, the places, organisations and people it names."""
        self._index_event(event)

    def posting_tables(self) -> tuple[Postings, ...]:
        """Every table of postings, in one order."""
        return (
            self.by_year,
            self.by_month,
            self.by_place,
            self.by_kind,
            self.by_keyword,
            self.by_organisation,
            self.by_programme,
            self.by_participant_country,
            self.by_format,
            self.by_dateline,
            self.by_role,
        )

    def _place_alias(self, place: str, key: str, short: str) -> None:
        """A place's name (and its short form) names it in questions; thousands of events share a few places."""
        if (place, short) in self._places_named:
            return
        self._places_named.add((place, short))
        self.aliases[key].add(("place", place))
        if short:
            self.aliases[short].add(("place", place))

    def _index_speaker(self, fact: Fact, eid: str) -> None:
        name = str(fact.value.get("name", ""))
        key = fold(name)
        if not key:
            return
        self.people[key].append(Person(name, eid, fact))
        self.aliases[key].add(("person", key))
        for surname in surnames(key):
            self.aliases[surname].add(("person", key))

    def _index_programme(self, programme: ProgrammeView) -> None:
        for name in ("name", "full_name", "name_es", "aliases"):
            for fact in programme.many(name):
                alias = apply_synonyms(fold(str(fact.value)), lexicon.SYNONYM_RULES)
                for key in (alias, alias.removeprefix("unodc "), *acronyms(str(fact.value))):
                    if key:
                        self.aliases[key].add(("programme", programme.id))
        self.aliases[fold(programme.id.replace("-", " "))].add(("programme", programme.id))

    def _index_lexicon(self) -> None:
        from bot.geo import cldr_country_forms  # made once per process

        words = {form for forms in (*lexicon.KINDS.values(), *lexicon.ROLES.values()) for form in forms}
        words |= lexicon.STOPWORDS | lexicon.FILLER_WORDS
        countries = [(f, c) for f, c in cldr_country_forms().items() if f not in words]  # "reunión" is no Réunion
        for surface, canonical in (*countries, *lexicon.PLACES.items()):
            self.aliases[surface].add(("place", canonical))
        for kind, forms in lexicon.KINDS.items():
            for form in forms:
                self.aliases[form].add(("kind", kind))
        for role, forms in lexicon.ROLES.items():
            for form in forms:
                self.aliases[form].add(("role", role))

    def _index_countries_in_organisations(self) -> None:
        """ "Canada" also names the funder "Government of Canada", and "Germany" the "Gobierno de Alemania"
        ("which events did Germany fund?"): a country's every name names its government, not any organisation
        whose name holds it ("OMA procedentes de Panamá" is no funder "Panama")."""
        surfaces: dict[str, set[str]] = defaultdict(set)  # canonical place -> its folded names
        by_surface: dict[str, str] = {}
        for surface, kinds in self.aliases.items():
            for kind, value in kinds:
                if kind == "place":
                    surfaces[str(value)].add(surface)
                    by_surface[surface] = str(value)
        for key in list(self.organisations):
            head = GOVERNMENT.match(key)
            place = by_surface.get(head.group(1)) if head else None
            if place is not None:
                for name in surfaces[place]:
                    self.aliases[name].add(("organisation", key))

    def _vocabulary(self) -> set[str]:
        from bot.engine.forms import EVERY_CUE, OUT_OF_DOMAIN

        words: set[str] = set(lexicon.STOPWORDS) | lexicon.SPANISH_MARKERS | lexicon.ENGLISH_MARKERS
        words |= lexicon.FILLER_WORDS
        for phrase, _ in (*EVERY_CUE, *OUT_OF_DOMAIN):
            words.update(phrase.rstrip("*").split())
        for phrase in list(self.aliases) + list(lexicon.SYNONYMS) + list(lexicon.SYNONYMS.values()):
            words.update(phrase.split())
        words.update(self.by_keyword)
        return {w for w in words if len(w) > 1}

    # -- reading -----------------------------------------------------------------------------------------

    def newest(self, events: Iterable[str], limit: int) -> list[str]:
        """The `limit` newest of `events` (sorting what matched, never scanning every event)."""
        rank = self.rank
        return [self.newest_first[r] for r in heapq.nsmallest(limit, [rank[e] for e in events])]

    def in_year(self, tag: tuple[str, str], events: set[str], year: int) -> set[str]:
        """The events of a posting list (`events`, named by `tag` and never changed) dated in `year`: found by
        bisecting the list's ranks for the year's span, so a big list ("every event held in Bogotá") costs
        only as much as what it has in that year."""
        span = self.year_ranks.get(year)
        if span is None or not events:
            return set()
        ranks = self._ranked.get(tag)
        if ranks is None:
            ranks = self._ranked[tag] = array("l", sorted(self.rank[e] for e in events))
        low, high = bisect.bisect_left(ranks, span[0]), bisect.bisect_left(ranks, span[1])
        first = self.newest_first
        return {first[r] for r in ranks[low:high]}

    def keyword_events(self, word: str) -> set[str]:
        """The events a topic word is a word of; for a phrase ("virtual assets"), those holding all its words."""
        if " " not in word:
            return self.by_keyword.get(word, _EMPTY)
        key = ("phrase", word)
        found = self._phrases.get(key)
        if found is None:
            lists = sorted((self.by_keyword.get(w, _EMPTY) for w in word.split()), key=len)
            found = self._phrases[key] = set(lists[0]).intersection(*lists[1:]) if lists else set()
        return found

    def weight(self, word: str) -> float:
        """How much a topic word tells events apart: rare words a lot, words most events share little."""
        df = len(self.keyword_events(word))
        return math.log(1 + len(self.events) / df) if df else 0.0

    def short_name(self, eid: str, lang: str = "en") -> str:
        """A name to say and to put on a button, unique among the events: "Panama 2021 training"."""
        key = (eid, lang)
        if key not in self._names:
            same = self.name_groups.get(name_key(self.events[eid]), [eid])
            self._names.update(unique_names(self.events, same, eid, lang))
        return self._names[key]

    def the_name(self, eid: str, lang: str = "en") -> str:
        """The short name as it reads inside a sentence: "the Panama 2021 training"."""
        from bot.messages import the_event

        return the_event(self.events[eid].kind, self.short_name(eid, lang), lang)

    def sentences(self, eid: str) -> list[tuple[str, str, str]]:
        """(sentence, document id, document title) for every sentence of the releases the event was read from."""
        from knowledge.facts import bundled_knowledge, source_text

        docs = dict.fromkeys(f.source.doc for f in self.events[eid].all() if f.source.doc)
        out = []
        bundled = bundled_knowledge()["documents"]
        for doc in docs:
            view = self.documents.get(doc.removeprefix("document:"))
            if view is not None:
                text, title = view.text("text"), view.text("title")
            elif doc in bundled:
                text, title = source_text(doc), bundled[doc]["title"]
            else:
                continue
            out += [(s, doc, title) for s in split_sentences(text)]
        return out

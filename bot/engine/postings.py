"""The events each thing a question names may refer to, as sets drawn from the index's posting lists.

A place gives the events held there and those whose participants came from there; a year the events of that
year and those whose year is not recorded; a kind its events, or those of its whole family. Sets are narrowed
before they are joined (a year by bisecting a list's ranks, `KnowledgeIndex.in_year`), so a question costs
about what its answer holds, not what the whole index does. The index's own sets are returned where they can
be: never change a set these methods return.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine import lexicon
from bot.engine.index import KnowledgeIndex
from bot.engine.query import Span
from bot.engine.text import fold

TOPIC_FILTER = 4  # a topic word filters a list only when at most a quarter of the events hold it


Tag = tuple[str, str] | None  # names a posting list of the index (None: one made for the question)
_NONE: set[str] = set()  # shared and never changed: what a missing posting list reads as


@dataclass(frozen=True)
class Allowed:
    """The events one year or month named allows: those of that date, and those whose date is not recorded."""

    dated: set[str]
    unknown: set[str]
    year: int | None = None


class Postings:
    """The sets of events spans refer to, over one index."""

    def __init__(self, index: KnowledgeIndex) -> None:
        self.index = index
        self._families: dict[str, set[str]] = {}  # a kind's family, made once per index (it is never changed)
        self._series: set[str] | None = None  # events with a place in a series

    def held(self, span: Span) -> set[str]:
        """The events held in the place (the index's own set when it is stored under one name only)."""
        index = self.index
        held = index.by_place.get(fold(str(span.value)), _NONE)
        other = [index.by_place[k] for k in _place_keys(str(span.value)) if k in index.by_place]
        return held.union(*other) if other else held

    def hard(self, span: Span, words: list[str]) -> list[tuple[Tag, set[str]]] | None:
        """The sets of events a place, person or organisation may refer to (None for other spans): for a place,
        the events held there, and those whose participants came from there unless it follows "in"/"en" (the
        workshop in Guatemala was held there). The sets are kept apart (a union of big ones costs) and may be
        the index's own: never change them."""
        value = str(span.value)
        if span.kind == "place":
            held = (("held", value), self.held(span))
            # an event whose place is not recorded, whose release was issued there, may have been held there
            dated = (None, self.index.by_dateline.get(fold(value), _NONE) & self.index.placeless)
            if span.start > 0 and words[span.start - 1] in IN:
                return [held, dated]
            return [held, dated, (("came", value), self.index.by_participant_country.get(value, _NONE))]
        if span.kind == "person":
            return [(None, {p.event for p in self.index.people.get(value, [])})]
        if span.kind == "organisation":
            return [(("organisation", value), self.index.by_organisation.get(value, _NONE))]
        return None

    def within(self, tag: Tag, events: set[str], dates: list[Allowed]) -> set[str]:
        """A posting list's events within the dates named; a year by bisection (`KnowledgeIndex.in_year`)."""
        year = next((d for d in dates if d.year is not None), None)
        if year is None or tag is None or not events:
            return narrow(events, dates)
        assert year.year is not None
        found = self.index.in_year(tag, events, year.year)
        if year.unknown:
            found |= events & year.unknown
        return narrow(found, [d for d in dates if d is not year])

    def dates(self, locators: list[Span]) -> list[Allowed]:
        """For each year or month named, the events it allows: those of that date, and those whose date is not
        recorded (they may still be it)."""
        index = self.index
        out: list[Allowed] = []
        for span in locators:
            if span.kind == "year":
                out.append(Allowed(index.by_year.get(int(span.value), _NONE), index.yearless, int(span.value)))
            elif span.kind == "month":
                out.append(Allowed(index.by_month.get(int(span.value), _NONE), index.dateless))
        return out

    def family(self, kind: str) -> set[str]:
        """Events of the same family as `kind` ("workshop": every training, course, webinar ... too)."""
        family = lexicon.KIND_FAMILY.get(kind, kind)
        if family not in self._families:
            self._families[family] = self.index.by_kind.get(family, _NONE) | self.index.by_family.get(family, _NONE)
        return self._families[family]

    def kind(self, kind: str) -> set[str]:
        """Events of `kind` or of a kind it covers exactly ("course": also the "training course")."""
        index = self.index
        found = index.by_kind.get(kind, set())
        narrower = [index.by_kind.get(k, set()) for k in lexicon.NARROWER_KINDS.get(kind, ())]
        return found.union(*narrower) if any(narrower) else found

    def in_series(self, position: int) -> set[str]:
        # Few events have a place in a series; scanning those that do is cheap.
        out = set()
        for eid in self.index.by_keyword.get("series", set()) | self._with_series():
            for fact in self.index.events[eid].many("series"):
                value = fact.value if isinstance(fact.value, dict) else {}
                if value.get("position") == position:
                    out.add(eid)
        return out

    def _with_series(self) -> set[str]:
        if self._series is None:
            self._series = {eid for eid, event in self.index.events.items() if event.fields.get("series")}
        return self._series

    def filter(self, span: Span, words: list[str]) -> set[str] | None:
        index = self.index
        value = span.value
        if span.kind == "year":
            return index.by_year.get(int(value), set())
        if span.kind == "month":
            return index.by_month.get(int(value), set())
        if span.kind == "place":
            return set().union(*(p for _, p in self.hard(span, words) or ()))
        if span.kind == "keyword":  # a rare topic word filters ("cryptocurrency"); a common one says little
            found = index.keyword_events(str(value))
            return found if found and len(found) * TOPIC_FILTER <= len(index.events) else None
        if span.kind == "kind":
            return self.kind(str(value)) | index.by_family.get(str(value), set())
        if span.kind == "programme":
            return index.by_programme.get(str(value), set())
        if span.kind == "organisation":
            return index.by_organisation.get(str(value), set())
        if span.kind == "person":
            return {p.event for p in index.people.get(str(value), [])}
        if span.kind == "role" and str(value) not in ("women", "men"):
            return index.by_role.get(str(value), set())
        if span.kind == "name":
            return set()
        return None  # ordinals do not filter a list


def narrow(events: set[str], dates: list[Allowed]) -> set[str]:
    """`events` within every date: each intersection walks the smaller set."""
    for allowed in dates:
        events = (events & allowed.dated) | (events & allowed.unknown if allowed.unknown else _NONE)
    return events


def _place_keys(place: str) -> list[str]:
    """Other forms a place is stored under ("Panama" also finds "Panama City")."""
    key = fold(place)
    return [f"{key} city", f"ciudad de {key}"]


IN = frozenset({"in", "en", "at"})


_FORMAT_WORDS = {
    "online": "online",
    "virtual": "online",
    "virtuales": "online",
    "virtually": "online",
    "remote": "online",
    "hybrid": "hybrid",
    "hibrido": "hybrid",
    "hibridos": "hybrid",
    "hibrida": "hybrid",
    "presencial": "in person",
    "presenciales": "in person",
}


def formats(words: list[str]) -> list[str]:
    """The formats a list question asks for ("which events were online", "eventos híbridos")."""
    found = [_FORMAT_WORDS[w] for w in words if w in _FORMAT_WORDS]
    if "in person" in " ".join(words) or "en linea" in " ".join(words):
        found.append("in person" if "in person" in " ".join(words) else "online")
    return list(dict.fromkeys(found))

"""An index kept from one start to the next: what building it made from the facts, as plain data, given back to
an index over the very same facts, so that start-up does not build it again (at 10,000 events: 0.4 s to build,
0.07 s to restore, most of it grouping the facts into the subjects' views, which are never kept: they are the
facts themselves, and each view sorts its facts by field only when an answer first reads them).

The data is what `marshal` keeps (dicts, sets, lists, tuples, strings, numbers) and is stored by the knowledge
layer (`knowledge.indexcache`) under the version of the knowledge file the facts were read from and a digest
of the code the index is built by (`bot.startup.index_code`): an upgrade that changes how events are indexed
(a new synonym, a new field) never answers from an index the old code built. `tests/test_index_saved.py`
checks that a restored index knows exactly what one built anew does.
"""

from __future__ import annotations

import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from bot.engine.index import KnowledgeIndex, subject_views
from bot.engine.views import Person
from knowledge.facts import Fact

# What the index keeps, by attribute name: posting lists (a key -> the events it is true of; defaultdicts),
# sets of events, and tables kept as they are.
POSTINGS = (
    "by_year",
    "by_month",
    "by_place",
    "by_kind",
    "by_keyword",
    "by_organisation",
    "by_programme",
    "by_participant_country",
    "by_format",
    "by_dateline",
    "by_role",
)
EVENT_SETS = ("yearless", "dateless", "placeless")
PLAIN = ("bigrams", "organisations", "newest_first", "year_ranks", "max_alias_words", "vocabulary")


def state(index: KnowledgeIndex) -> dict[str, Any]:
    """What `restored` needs besides the facts, as plain data.

    A set of events is kept as the bytes of an array of their places in `newest_first` (kept too): 4 bytes an
    event, read back in C, where strings would be made and interned again one by one (five times as long)."""
    rank = index.rank

    def ranks(events: Iterable[str]) -> bytes:
        return array("i", [rank[e] for e in events]).tobytes()

    kept: dict[str, Any] = {name: getattr(index, name) for name in PLAIN}
    kept["order"] = sys.byteorder
    for name in POSTINGS:
        kept[name] = {key: ranks(events) for key, events in getattr(index, name).items()}
    kept["by_family"] = {key: ranks(events) for key, events in index.by_family.items()}
    kept["name_groups"] = {key: ranks(events) for key, events in index.name_groups.items()}  # in their order
    for name in EVENT_SETS:
        kept[name] = ranks(getattr(index, name))
    kept["aliases"] = dict(index.aliases)
    # A person is kept as its name, event and fact id: the fact itself is the view's.
    kept["people"] = {key: [(p.name, p.event, p.fact.fid) for p in found] for key, found in index.people.items()}
    return kept


def restored(facts: Iterable[Fact], kept: Mapping[str, Any]) -> KnowledgeIndex | None:
    """The index of `facts` from what `state` kept of one built over the same facts (None when it does not fit
    them: then the index is built)."""
    index = KnowledgeIndex.__new__(KnowledgeIndex)
    index.events, index.programmes, index.documents = subject_views(facts)
    try:
        if kept["order"] != sys.byteorder or len(kept["newest_first"]) != len(index.events):
            return None
        first = [index.events[eid].id for eid in kept["newest_first"]]  # the views' own strings, not copies
        event = first.__getitem__

        def events(ranks: bytes) -> set[str]:
            return set(map(event, array("i", ranks)))

        for name in PLAIN:
            setattr(index, name, kept[name])
        index.newest_first = first
        for name in POSTINGS:
            setattr(index, name, defaultdict(set, {key: events(r) for key, r in kept[name].items()}))
        for name in EVENT_SETS:
            setattr(index, name, events(kept[name]))
        index.by_family = {key: events(r) for key, r in kept["by_family"].items()}
        index.name_groups = defaultdict(
            list, {k: list(map(event, array("i", r))) for k, r in kept["name_groups"].items()}
        )
        index.aliases = defaultdict(set, kept["aliases"])
        index.people = defaultdict(list)
        for key, found in kept["people"].items():
            index.people[key] = [Person(name, eid, _speaker(index, eid, fid)) for name, eid, fid in found]
    except (KeyError, TypeError, ValueError, LookupError, AttributeError):  # not the shape this code reads
        return None
    index.ready()
    return index


def _speaker(index: KnowledgeIndex, eid: str, fid: str) -> Fact:
    found = next((fact for fact in index.events[eid].many("speakers") if fact.fid == fid), None)
    if found is None:
        raise LookupError(fid)
    return found

"""An index kept from one start to the next: what building it made from the facts, as plain data, given back to
an index over the very same facts, so that start-up does not build it again (0.4 s at 10,000 events; restoring
takes 0.1 s, most of it assembling the subjects' views, which are never kept: they are the facts themselves).

The data is what `marshal` keeps (dicts, sets, lists, tuples, strings, numbers) and is stored by the knowledge
layer (`knowledge.indexcache`) under the version of the knowledge file the facts were read from and a digest
of the code the index is built by (`bot.startup.index_code`): an upgrade that changes how events are indexed
(a new synonym, a new field) never answers from an index the old code built. `tests/test_index_saved.py`
checks that a restored index knows exactly what one built anew does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from bot.engine.index import KnowledgeIndex, subject_views
from bot.engine.views import Person
from knowledge.facts import Fact

# What the index keeps as it is: its posting lists and look-up tables, by attribute name.
SET_TABLES = (
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
    "aliases",
)
PLAIN = (
    "yearless",
    "dateless",
    "placeless",
    "bigrams",
    "organisations",
    "by_family",
    "newest_first",
    "year_ranks",
    "max_alias_words",
    "vocabulary",
)


def state(index: KnowledgeIndex) -> dict[str, Any]:
    """What `restored` needs besides the facts: plain data, sharing the index's own objects (never change it)."""
    kept: dict[str, Any] = {name: _plain(getattr(index, name)) for name in (*SET_TABLES, *PLAIN)}
    kept["name_groups"] = dict(index.name_groups)
    # A person is kept as its name, event and fact id: the fact itself is the view's.
    kept["people"] = {key: [(p.name, p.event, p.fact.fid) for p in found] for key, found in index.people.items()}
    return kept


def _plain(value: Any) -> Any:
    return dict(value) if isinstance(value, defaultdict) else value  # marshal keeps dicts, not their subclasses


def restored(facts: Iterable[Fact], kept: Mapping[str, Any]) -> KnowledgeIndex | None:
    """The index of `facts` from what `state` kept of one built over the same facts (None when it does not fit
    them: then the index is built)."""
    index = KnowledgeIndex.__new__(KnowledgeIndex)
    index.events, index.programmes, index.documents = subject_views(facts)
    try:
        if len(kept["newest_first"]) != len(index.events) or not index.events.keys() >= set(kept["newest_first"]):
            return None
        for name in SET_TABLES:
            setattr(index, name, defaultdict(set, kept[name]))
        for name in PLAIN:
            setattr(index, name, kept[name])
        index.name_groups = defaultdict(list, kept["name_groups"])
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

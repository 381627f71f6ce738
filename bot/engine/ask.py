"""One clause of a question about one event (`Ask`), and the small helpers every answer uses to shape values for
`phrase` (groups, countries, labels) and to compare words by their stems."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.engine import lexicon
from bot.engine.index import KnowledgeIndex
from bot.engine.models import Finding
from bot.engine.phrase import Ev, Names
from bot.engine.query import Clause, Query, Span
from bot.engine.resolve import Subject
from bot.engine.text import fold
from bot.engine.views import EventView
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

"""After an admin change the index is refreshed from the one before (its postings shared, the touched events
taken out and put back): what it then knows is exactly what an index built from scratch on the same facts knows,
so an answer never depends on which changes came before it."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from bot.engine import Conversation, Engine
from bot.engine.index import KnowledgeIndex
from knowledge.facts import Fact, Source, bundled_facts
from tests.corpus import all_gold_facts

ADMIN = Source("admin", "test")


def knowledge(index: KnowledgeIndex) -> dict[str, object]:
    """Everything the index holds that answers are made from (not its caches)."""
    seen = {
        name: value
        for name, value in vars(index).items()
        if not name.startswith("_") and name not in ("memo", "events", "programmes", "documents")
    }
    seen["events"] = {eid: event.fields for eid, event in index.events.items()}
    seen["people"] = {key: sorted(map(repr, people)) for key, people in index.people.items()}
    return {name: dict(value) if isinstance(value, defaultdict) else value for name, value in seen.items()}


def change(subjects: dict[str, list[Fact]], rng: random.Random, step: int) -> str:
    """One admin change of the kinds admins make: a fact added, corrected or deleted; an event deleted or one
    added (a copy of another under a new id)."""
    events = sorted(s for s in subjects if s.startswith("event:"))
    subject = rng.choice(events)
    facts = subjects[subject]
    what = rng.choice(["add", "correct", "delete", "drop_event", "new_event"])
    if what == "add":
        field = rng.choice(["funders", "organisers", "topics", "participant_countries", "speakers"])
        value = {"name": f"Ana Pérez {step}", "role": "judge"} if field == "speakers" else f"Government of Chile {step}"
        facts.append(Fact(f"{subject}/{field}/x{step}", subject, field, value, ADMIN, "admin"))
    elif what == "correct":
        at = rng.randrange(len(facts))
        old = facts[at]
        value = {"date": "2019-03-04", "city": "Lima", "country": "Peru", "kind": "workshop"}.get(old.field)
        if value is None:  # another text, or the same structured value: either way a new fact, as the store makes
            value = f"{old.value} {step}" if isinstance(old.value, str) else old.value
        facts[at] = old._replace(value=value, source=ADMIN)
    elif what == "delete" and len(facts) > 1:
        del facts[rng.randrange(len(facts))]
    elif what == "drop_event":
        del subjects[subject]
    else:
        copy = f"event:copy-{step}"
        subjects[copy] = [f._replace(fid=f.fid.replace(subject, copy), subject=copy) for f in facts]
    return f"{what} {subject}"


@pytest.mark.parametrize("seed", range(4))
def test_an_index_refreshed_after_changes_knows_what_one_built_anew_knows(seed: int) -> None:
    subjects: dict[str, list[Fact]] = defaultdict(list)
    for fact in [*bundled_facts(), *all_gold_facts()]:
        subjects[fact.subject].append(fact)
    engine = Engine([f for facts in subjects.values() for f in facts])
    rng = random.Random(seed)
    for step in range(12):
        done = change(subjects, rng, step)
        facts = [f for group in subjects.values() for f in group]
        engine.refresh(facts)
        assert knowledge(engine.index) == knowledge(KnowledgeIndex(facts)), done


def test_an_answer_after_a_correction_says_the_corrected_fact_and_not_the_old_one() -> None:
    subjects: dict[str, list[Fact]] = defaultdict(list)
    for fact in bundled_facts():
        subjects[fact.subject].append(fact)
    engine = Engine([f for facts in subjects.values() for f in facts])
    subject, at = next((s, i) for s, facts in subjects.items() for i, f in enumerate(facts) if f.field == "city")
    old = subjects[subject][at]
    subjects[subject][at] = old._replace(value="Lisbon", source=ADMIN)
    engine.refresh([f for facts in subjects.values() for f in facts])
    assert "1 event in Lisbon" in engine.ask("which events were held in Lisbon?", Conversation()).text
    assert f"no record of events in {old.value}" in engine.ask(f"events in {old.value}?", Conversation()).text

"""The bundled knowledge is traceable: every fact's quote stands verbatim in its source document."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.facts import SOURCES_DIR, bundled_facts, schema_of, source_text

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("fact", bundled_facts(), ids=lambda f: f.fid)
def test_every_quote_is_verbatim_in_its_source(fact):
    assert _squash(fact.source.quote) in _squash(source_text(fact.source.doc))


def test_fact_ids_are_unique_and_fields_known():
    facts = bundled_facts()
    assert len({f.fid for f in facts}) == len(facts)
    for fact in facts:
        schema = schema_of(fact.subject)
        assert fact.field in schema, fact.fid


def test_both_releases_are_bundled_with_the_core_facts():
    by_subject: dict[str, set[str]] = {}
    for fact in bundled_facts():
        by_subject.setdefault(fact.subject, set()).add(fact.field)
    for event in ("event:panama-2021-osint-training", "event:vienna-2017-side-event"):
        assert {"title", "kind", "date", "organisers", "participants", "topics", "objectives"} <= by_subject[event]
    assert {"full_name", "funders", "partners", "aims"} <= by_subject["programme:crimjust"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside the checkout")
@pytest.mark.parametrize("name", ["panama-2021-osint-training.txt", "vienna-2017-side-event.txt"])
def test_bundled_sources_are_the_seed_releases(name):
    assert (SOURCES_DIR / name).read_text(encoding="utf-8") == (SEEDS / name).read_text(encoding="utf-8")

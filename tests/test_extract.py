"""/import's reading of a press release: given the two seed releases, it finds the bundled knowledge."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.extract import extract, sentences
from handlers.editing import programme_names
from knowledge.facts import bundled_facts, source_text
from tests.conftest import PANAMA, VIENNA

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
# What /import promises to find (issue: date, place, participant counts with roles and countries, organisers,
# funders, speakers and their positions), plus kind, programmes, and the objectives where a release lists them.
FIELDS = [
    "date",
    "kind",
    "city",
    "country",
    "venue",
    "participants",
    "participant_groups",
    "participant_countries",
    "organisers",
    "funders",
    "speakers",
    "programmes",
]


def release(event: str) -> str:
    seed = SEEDS / f"{event}.txt"
    return seed.read_text(encoding="utf-8") if seed.exists() else source_text(event)


def run(text: str):
    engine = Engine(bundled_facts())
    names = {str(f.value) for f in bundled_facts() if f.field in ("organisers", "funders")}
    return extract(text, names, programme_names(engine))


def bundled(event: str, name: str) -> list:
    return [f.value for f in bundled_facts() if f.subject == f"event:{event}" and f.field == name]


def _key(value) -> str:
    return repr(sorted(value.items())) if isinstance(value, dict) else str(value)


@pytest.mark.parametrize("event", [PANAMA, VIENNA])
@pytest.mark.parametrize("name", FIELDS)
def test_importing_a_seed_release_finds_the_bundled_facts(event, name):
    found = run(release(event)).values(name)
    assert sorted(map(_key, found)) == sorted(map(_key, bundled(event, name)))


@pytest.mark.parametrize("event", [PANAMA, VIENNA])
def test_every_found_fact_is_quoted_verbatim(event):
    text = release(event)
    for fact in run(text).facts:
        assert fact.quote and fact.quote in text, fact


def test_panama_title_and_objectives_are_found():
    result = run(release(PANAMA))
    assert result.values("title") == bundled(PANAMA, "title")
    assert result.values("objectives") == bundled(PANAMA, "objectives")


def test_what_is_not_in_a_release_is_reported_missing():
    assert run(release(VIENNA)).missing == ["title", "funders"]  # Vienna's release names no event funder
    result = run("Some unrelated text without any facts.")
    assert {"date", "place", "participants", "organisers"} <= set(result.missing)


def test_a_release_in_another_shape_is_read_too():
    text = (
        "Workshop on dark net investigations\n"
        "Guatemala City, Guatemala, 14 March 2023 - The workshop, organized by UNODC ROPAN, was attended by "
        "35 judges and prosecutors from Honduras, El Salvador and Guatemala. It was funded by the European Union.\n"
        "Ms. Ana PEREZ, Regional Coordinator, opened the session."
    )
    result = run(text)
    assert result.values("date") == ["2023-03-14"]
    assert result.values("participant_groups")[0]["roles"] == ["judges", "prosecutors"]
    assert result.values("participant_countries") == ["Honduras", "El Salvador", "Guatemala"]
    assert result.values("organisers") == ["UNODC Office for Central America and the Caribbean (UNODC ROPAN)"]
    assert result.values("speakers")[0]["name"] == "Ana Perez"
    assert result.values("funders") == ["European Union"]


def test_sentences_do_not_end_at_honorifics():
    assert sentences("Mr. Neil WALSH spoke. Then Dr. Ana left.") == ["Mr. Neil WALSH spoke.", "Then Dr. Ana left."]

"""Zero invented facts: every release of the import corpus (`../shared/corpus`), read with the bundled knowledge,
proposes only values its text states — each quoted verbatim, each number in its quote — and none that
contradicts the release's gold facts."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from bench.extract_gold import compare, gold_of, releases, same_name
from bot.extract import Extraction
from bot.extract.text import Doc, numbers
from tests.test_extract import run

RELEASES = releases()
pytestmark = pytest.mark.skipif(not RELEASES, reason="the shared corpus is not beside the project")


@cache
def read(path: Path) -> tuple[str, Extraction]:
    text = path.read_text(encoding="utf-8")
    return text, run(text)


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem[:2] + "-" + p.stem.split("-")[1] for p in paths]


def _numbers(value: Any, key: str = "") -> list[int]:
    """The numbers a value states (not a series' position, an ordinal; not a date, a string)."""
    if isinstance(value, bool):
        return []
    if isinstance(value, int | float):
        return [] if key == "position" else [int(value)]
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in _numbers(v, k)]
    if isinstance(value, list):
        return [n for v in value for n in _numbers(v)]
    return []


@pytest.mark.parametrize("path", RELEASES, ids=_ids(RELEASES))
def test_every_value_is_quoted_and_every_number_is_in_its_quote(path):
    text, result = read(path)
    for fact in result.facts:
        assert fact.quote and fact.quote in text, fact
        quote = Doc(fact.quote, lang=result.lang)
        said = {n.value for n in numbers(quote.text, quote.flat, result.lang)}
        for n in _numbers(fact.value):
            assert n in said, (fact.field, fact.value, fact.quote)


@pytest.mark.parametrize("path", RELEASES, ids=_ids(RELEASES))
def test_no_combined_count_is_stored_as_one_role(path):
    _, result = read(path)
    combined = {g["count"] for g in gold_of(path)["role_groups"] if g["combined"]}
    for group in result.values("participant_groups"):
        if group["count"] in combined:
            assert len(group["roles"]) != 1, group


@pytest.mark.parametrize("path", RELEASES, ids=_ids(RELEASES))
def test_no_value_contradicts_the_gold(path):
    _, result = read(path)
    gold = gold_of(path)
    fields = compare(result, gold)
    contradicted = {
        name: fields[name].wrong_values
        for name in (
            "date",
            "end_date",
            "city",
            "country",
            "venue",
            "format",
            "participants",
            "participant_groups",
            "women",
            "women_percent",
            "men",
            "participant_countries",
            "country_count",
            "speakers",
            "funders",
            "organisers",
            "supporters",
            "programmes",
            "language",
            "kind",
        )
        if fields[name].wrong
    }
    assert contradicted == {}
    if gold["participants_total"] is None:
        assert result.values("participants") == []
    if gold["date_start"] is None:
        assert all(str(d).startswith("--") for d in result.values("date")), "no year is ever guessed"


@pytest.mark.parametrize("path", RELEASES, ids=_ids(RELEASES))
def test_a_dateline_alone_never_places_the_event(path):
    text, result = read(path)
    dateline = result.values("dateline")
    body = text.replace(dateline[0], "", 1) if dateline else text  # the headline and the body
    for fact in result.facts:
        if fact.field in ("city", "country") and not fact.subject:
            assert fact.quote in body, f"{fact.value} is read from the dateline"


@pytest.mark.parametrize("path", RELEASES, ids=_ids(RELEASES))
def test_funders_never_include_a_programme_s_funder_or_a_supporter(path):
    _, result = read(path)
    gold = gold_of(path)
    not_funders = [
        n for n in gold["programme_funders"] + gold["supported_by"] if not any(same_name(n, f) for f in gold["funders"])
    ]
    for funder in result.values("funders"):
        assert not any(same_name(funder, other) for other in not_funders), funder


@pytest.mark.parametrize("path", RELEASES, ids=_ids(RELEASES))
def test_what_kind_of_text_it_is(path):
    _, result = read(path)
    gold = gold_of(path)
    assert result.is_event, result.not_event_why
    assert result.truncated is bool(gold["excerpt_truncated"])
    assert result.lang == gold["lang"]

"""The import corpus (`../shared/corpus`) read against its gold facts: which extracted values agree with the
gold, which contradict it, and which the gold does not have. Used by `bench.extract_accuracy` (figures) and by
`tests/test_extract_corpus.py` (no contradiction allowed)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from bot import geo
from bot.engine.text import fold
from bot.extract import Extraction

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def releases() -> list[Path]:
    """The corpus releases that have gold facts."""
    return (
        sorted(p for p in CORPUS.glob("*.txt") if p.with_suffix("").with_suffix(".gold.json").exists())
        if (CORPUS.exists())
        else []
    )


def gold_of(release: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(release.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
    return data


def same_name(a: str, b: str) -> bool:
    """Two names for one organisation, person or place: equal when folded, one inside the other, a shared
    acronym in parentheses, or nearly the same words."""
    fa, fb = _plain(a), _plain(b)
    if not fa or not fb:
        return False
    if fa == fb or f" {fa} " in f" {fb} " or f" {fb} " in f" {fa} ":
        return True
    acronyms = set(re.findall(r"\(([A-Z][\w-]+)\)", a)) | set(re.findall(r"\(([A-Z][\w-]+)\)", b))
    if any(f" {fold(x)} " in f" {fold(a)} " and f" {fold(x)} " in f" {fold(b)} " for x in acronyms):
        return True
    return fuzz.token_set_ratio(fa, fb) >= 85


def _plain(name: str) -> str:
    return " ".join(w for w in fold(name).split() if w not in {"the", "project", "programme", "proyecto", "programa"})


def _country(name: str) -> str:
    return geo.country(name) or name


def _same_city(a: str, b: str) -> bool:
    ca, cb = geo.city(a), geo.city(b)
    return same_name(a, b) or (ca is not None and ca == cb)


@dataclass
class Field:
    """How one field of one release compares with the gold: values found that agree, that do not, and gold
    values not found."""

    agree: int = 0
    wrong: int = 0
    missed: int = 0
    wrong_values: tuple[str, ...] = ()


def compare(result: Extraction, gold: dict[str, Any]) -> dict[str, Field]:
    """Per field, how the extraction compares with the gold facts."""
    out: dict[str, Field] = {}

    def many(name: str, found: list[Any], wanted: list[Any], same: Any) -> None:
        agree = [f for f in found if any(same(f, w) for w in wanted)]
        wrong = [f for f in found if f not in agree]
        missed = [w for w in wanted if not any(same(f, w) for f in found)]
        out[name] = Field(len(agree), len(wrong), len(missed), tuple(map(str, wrong)))

    def one(name: str, found: list[Any], wanted: Any, same: Any) -> None:
        many(name, found[:1], [] if wanted in (None, "") else [wanted], same)

    v = result.values
    eq = lambda a, b: a == b  # noqa: E731
    one("title", v("title"), gold["title"], lambda a, b: fold(a) == fold(b))
    one("kind", v("kind"), gold["kind"], lambda a, b: fold(b).endswith(fold(a)) or fold(a).endswith(fold(b)))
    full = lambda values: [d for d in values if not str(d).startswith("--")]  # noqa: E731  (no year: not the gold's)
    one("date", full(v("date")), gold["date_start"], eq)
    end = gold["date_end"] if gold["date_end"] != gold["date_start"] else None
    one("end_date", full(v("end_date")), end, eq)
    one("city", v("city"), gold["city"], _same_city)
    one("country", v("country"), gold["country"] and _country(gold["country"]), eq)
    one("venue", v("venue"), gold["venue"], same_name)
    one("format", v("format"), gold["format"], eq)
    one("dateline", v("dateline"), gold["dateline"], lambda a, b: fold(a) == fold(b))
    many("organisers", v("organisers"), gold["organisers"], same_name)
    many("funders", v("funders"), gold["funders"], same_name)
    many("supporters", v("supporters"), gold["supported_by"], same_name)
    many("partners", v("partners"), gold["partners"], same_name)
    many("trainers", v("trainers"), gold["trainers"], same_name)
    total = gold["participants_total"]
    wanted = {"count": total, "at_least": gold["participants_at_least"]} if total is not None else None
    one(
        "participants",
        v("participants"),
        wanted,
        lambda a, b: a["count"] == b["count"] and a["at_least"] == b["at_least"],
    )
    many("participant_groups", v("participant_groups"), gold["role_groups"], _same_group)
    one("women", [w for w in v("women") if "count" in w], gold["women"], lambda a, b: a["count"] == b)
    one(
        "women_percent",
        [w for w in v("women") if "percent" in w],
        gold["women_percent"],
        lambda a, b: a["percent"] == b,
    )
    one("men", v("men"), gold["men"], lambda a, b: a.get("count") == b)
    countries = [_country(c) for c in gold["participant_countries"]]
    many("participant_countries", v("participant_countries"), countries, eq)
    one("country_count", v("country_count"), gold["participant_country_count"], lambda a, b: a["count"] == b)
    many("speakers", v("speakers"), gold["speakers"], lambda a, b: fold(a["name"]) == fold(b["name"]))
    many("speaker_positions", v("speakers"), gold["speakers"], _same_speaker)
    one("series", v("series"), gold["series"], lambda a, b: fuzz.token_set_ratio(fold(a["text"]), fold(b)) >= 70)
    one("duration", v("duration"), gold["duration_days"], _same_length)  # the gold counts days of a range too
    one("language", v("language"), gold["lang"], eq)
    many("programmes", _programme_names(result), gold["programme"], same_name)
    many(
        "programme_funders",
        [f.value for f in result.facts if f.subject and f.field == "funders"],
        gold["programme_funders"],
        same_name,
    )
    return out


def _same_group(found: dict[str, Any], wanted: dict[str, Any]) -> bool:
    return bool(found["count"] == wanted["count"] and (len(found["roles"]) != 1 or not wanted["combined"]))


def _same_speaker(found: dict[str, Any], wanted: dict[str, Any]) -> bool:
    if fold(found["name"]) != fold(wanted["name"]):
        return False
    a, b = fold(found["position"]), fold(wanted["position"])
    return bool(a) and (a == b or fuzz.token_set_ratio(a, b) >= 90)


def _same_length(found: dict[str, Any], days: int) -> bool:
    per_unit = {"day": 1, "week": 7}
    if found["unit"] not in per_unit:
        return True  # "a two-hour session": the gold counts days
    return abs(found["amount"] * per_unit[found["unit"]] - days) <= 2


def _programme_names(result: Extraction) -> list[str]:
    """Each programme the event is linked to, by the name the extraction gives it (or its id)."""
    names = []
    for pid in result.values("programmes"):
        facts = {f.field: str(f.value) for f in result.facts if f.subject == f"programme:{pid}"}
        long = facts.get("full_name") or facts.get("name_es")
        short = facts.get("name", str(pid).replace("-", " "))
        names.append(f"{long} ({short})" if long else short)
    return names

"""The shared import corpus (``../shared/corpus``) as tests use it: its releases, their gold facts, their questions.

`gold_facts` turns an item's gold facts into stored facts shaped as the importer stores them, each quoting the
sentence of the release it comes from, so that the engine can be tested on many events as if every release had
been imported perfectly (importing them for real is tested on its own).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from bot.engine.text import fold
from bot.geo import country
from knowledge.facts import Fact, Source, fact_id

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# Programmes the corpus names, by the words that name them (a test fixture: the importer learns programmes
# from the releases themselves).
_PROGRAMMES = (
    ("crimjust", "CRIMJUST", r"crimjust"),
    ("global-cybercrime-programme", "UNODC Global Programme on Cybercrime", r"cyber|ciberdelito"),
    ("aircop", "AIRCOP", r"aircop"),
    ("ccp", "Container Control Programme", r"container control|control de contenedores|\bccp\b"),
    ("gpml", "GPML", r"gpml|money laundering|lavado"),
    ("wacap", "WACAP", r"wacap"),
)


@dataclass(frozen=True)
class Item:
    name: str
    text: str
    gold: dict[str, Any]
    questions: list[dict[str, Any]]

    @property
    def eid(self) -> str:
        return self.name


@cache
def items() -> tuple[Item, ...]:
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        name = path.stem
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        lines = path.with_suffix(".questions.jsonl").read_text(encoding="utf-8").splitlines()
        out.append(Item(name, path.read_text(encoding="utf-8"), gold, [json.loads(line) for line in lines if line]))
    return tuple(out)


def _quote(text: str, *values: object) -> str:
    """The sentence of `text` that holds the most of `values` (else the headline)."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
    wanted = [fold(str(v)) for v in values if v not in (None, "")]

    def hits(sentence: str) -> int:
        folded = fold(sentence)
        return sum(1 for w in wanted if w and w in folded)

    best = max(sentences, key=hits)
    return best.strip() if hits(best) else sentences[0].strip()


def _programme_ids(names: list[str]) -> list[str]:
    found = []
    for name in names:
        for pid, _, pattern in _PROGRAMMES:
            if re.search(pattern, name, re.IGNORECASE) and pid not in found:
                found.append(pid)
    return found


def _roles(label: str, combined: bool) -> list[str]:
    if not combined:
        return [label]
    listed = re.search(r"\(([^)]*(?:,| and | y )[^)]*)\)", label)  # "practitioners (police, prosecutors and ...)"
    inner = listed.group(1) if listed else re.sub(r"\(.*?\)", "", label)
    return [r.strip() for r in re.split(r",\s*|\s+(?:and|y|e)\s+", inner) if r.strip()]


def gold_facts(item: Item) -> list[Fact]:
    """The item's gold facts as the importer would store them (one event subject, programmes by id)."""
    g, text = item.gold, item.text
    subject = f"event:{item.eid}"
    doc = f"corpus:{item.name}"
    values: list[tuple[str, Any, tuple[object, ...]]] = []

    def add(field: str, value: Any, *evidence: object) -> None:
        values.append((field, value, evidence or (value,)))

    add("title", g["title"])
    add("language", g["lang"], g["title"])
    if g["kind"]:
        add("kind", g["kind"].split()[-1] if g["kind"] != "side event" else g["kind"], g["kind"])
    if g["date_start"]:
        add("date", g["date_start"], g["date_start"][8:].lstrip("0"))
    if g["date_end"] and g["date_end"] != g["date_start"]:
        add("end_date", g["date_end"], g["date_end"][8:].lstrip("0"))
    for field in ("city", "venue", "dateline"):
        if g[field]:
            add(field, g[field])
    if g["country"]:
        add("country", country(g["country"]) or g["country"], g["country"])
    if g["format"]:
        add("format", g["format"], "online", "virtual", "person")
    for field, key in (("organisers", "organisers"), ("funders", "funders"), ("supporters", "supported_by")):
        for name in g[key]:
            add(field, name, name.split(" (")[0])
    for field in ("partners", "trainers", "topics"):
        for value in g[field]:
            add(field, value, value.split(" (")[0])
    for pid in _programme_ids(g["programme"]):
        add("programmes", pid, pid)
    if g["participants_total"] is not None:
        count = {"count": g["participants_total"], "at_least": g["participants_at_least"], "approx": False}
        add("participants", count, g["participants_total"])
    for group in g["role_groups"]:
        roles = _roles(group["label"], group["combined"])
        bound = g["participants_at_least"] and group["count"] == g["participants_total"]
        value = {"label": group["label"], "roles": roles, "count": group["count"], "at_least": bound}
        add("participant_groups", value, group["count"], group["label"][:20])
    if g["women"] is not None:
        add("women", {"count": g["women"]}, g["women"])
    elif g["women_percent"] is not None:
        add("women", {"percent": g["women_percent"]}, g["women_percent"])
    if g["men"] is not None:
        add("men", {"count": g["men"]}, g["men"])
    for name in g["participant_countries"]:
        add("participant_countries", country(name) or name, name)
    if g["participant_country_count"] is not None:
        add(
            "country_count",
            {"count": g["participant_country_count"], "at_least": False},
            g["participant_country_count"],
        )
    for speaker in g["speakers"]:
        add("speakers", {"name": speaker["name"], "position": speaker["position"]}, speaker["name"].split()[-1])
    if g["series"]:
        add("series", {"text": g["series"]}, g["series"][:15])
    facts = [
        Fact(fact_id(subject, field, value), subject, field, value, Source(doc, _quote(text, *ev), g["title"]), "admin")
        for field, value, ev in values
    ]
    for pid in _programme_ids(g["programme"]):
        psubject = f"programme:{pid}"
        name = next(label for p, label, _ in _PROGRAMMES if p == pid)
        facts.append(Fact(f"{psubject}/name", psubject, "name", name, Source(doc, _quote(text, pid), g["title"])))
        for funder in g["programme_funders"]:
            if _programme_ids([funder]) == [pid] or len(_programme_ids(g["programme"])) == 1:
                src = Source(doc, _quote(text, funder.split(",")[0]), g["title"])
                facts.append(Fact(fact_id(psubject, "funders", funder), psubject, "funders", funder, src, "admin"))
    return facts


def all_gold_facts(known: set[str] = frozenset()) -> list[Fact]:  # type: ignore[assignment]
    """Every corpus item's gold facts, each fact once, leaving out those whose ids are `known` already."""
    seen = set(known)
    out = []
    for item in items():
        for fact in gold_facts(item):
            if fact.fid not in seen:
                seen.add(fact.fid)
                out.append(fact)
    return out


DEV = CORPUS.parent / "eval" / "dev.jsonl"


def conversations(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def problems(turn: dict[str, Any], answer: dict[str, Any]) -> list[str]:
    """What is wrong with an answer to a turn, by the rules of ``../shared/eval/score.py``."""
    found = []
    text = str(answer["answer"])
    for group in turn.get("expect", []):
        if not any(re.search(alt, text, re.IGNORECASE) for alt in group):
            found.append(f"missing {group[0][:50]}")
    found += [f"forbidden {bad[:50]}" for bad in turn.get("forbid", []) if re.search(bad, text, re.IGNORECASE)]
    if turn.get("fallback", False) != (answer["intent"] == "fallback"):
        found.append(f"intent {answer['intent']}")
    return found

"""Synthetic knowledge bases of N events, shaped like the real ones, for benchmarks."""

from __future__ import annotations

import random
from datetime import date, timedelta

from knowledge.facts import Fact, Source

CITIES = [
    "Panama",
    "Vienna",
    "Guatemala",
    "San Salvador",
    "San Jose",
    "Santo Domingo",
    "Bogota",
    "Lima",
    "Quito",
    "Mexico",
    "Madrid",
    "Lisbon",
    "Dakar",
    "Accra",
    "Lagos",
    "Nairobi",
    "Cairo",
    "Bangkok",
    "Geneva",
    "Brussels",
    "Managua",
    "Tegucigalpa",
    "Caracas",
    "Montevideo",
    "Santiago",
    "Buenos Aires",
    "Havana",
]
KINDS = ["training", "workshop", "side event", "seminar", "conference", "meeting"]
TOPICS = [
    "dark net markets",
    "open source investigation",
    "cryptocurrency tracing",
    "digital evidence",
    "maritime trafficking",
    "container control",
    "money laundering",
    "airport interdiction",
    "cyber patrols",
    "encrypted communications",
    "precursor chemicals",
    "postal trafficking",
]
FUNDERS = [
    "European Union",
    "Government of the United Kingdom",
    "Government of Canada",
    "Government of Norway",
    "Government of Germany",
    "United States",
]
COUNTRIES = [
    "Guatemala",
    "El Salvador",
    "Costa Rica",
    "Panama",
    "Dominican Republic",
    "Honduras",
    "Colombia",
    "Peru",
    "Ecuador",
    "Mexico",
    "Nigeria",
    "Ghana",
    "Senegal",
]
ROLES = [["prosecutors"], ["investigating officers", "prosecutors"], ["judges"], ["police officers"]]


def synthetic_facts(n: int, seed: int = 7) -> list[Fact]:
    rng = random.Random(seed)
    facts: list[Fact] = []
    start = date(2000, 1, 1)
    for i in range(n):
        eid = f"synthetic-{i}"
        subject = f"event:{eid}"
        city, kind = rng.choice(CITIES), rng.choice(KINDS)
        day = start + timedelta(days=rng.randrange(27 * 365))
        topic = rng.choice(TOPICS)
        roles = rng.choice(ROLES)
        count = rng.randrange(10, 200)
        quote = f"{day.isoformat()} {city}: a {kind} on {topic} attended by {count} {' and '.join(roles)}."
        src = Source(doc=eid, quote=quote)
        values: list[tuple[str, object]] = [
            ("title", f"{kind.capitalize()} on {topic} in {city}"),
            ("kind", kind),
            ("date", day.isoformat()),
            ("city", city),
            ("topics", topic),
            ("organisers", "CRIMJUST"),
            ("programmes", "crimjust"),
            ("funders", rng.choice(FUNDERS)),
            ("participants", {"count": count, "at_least": False}),
            ("participant_groups", {"label": " and ".join(roles), "roles": roles, "count": count}),
        ]
        values += [("participant_countries", c) for c in rng.sample(COUNTRIES, 3)]
        for n_item, (field, value) in enumerate(values):
            facts.append(Fact(f"{subject}/{field}/{n_item}", subject, field, value, src))
    return facts


def synthetic_questions(n: int, events: int, seed: int = 11) -> list[str]:
    """Questions like staff ask, naming events of the synthetic knowledge base (with some typos)."""
    rng = random.Random(seed)
    templates = [
        "How many people attended the {city} {year} {kind}?",
        "who funded the {kind} in {city} in {year}",
        "When was the {city} {kind} of {year}?",
        "how many prosecutors were at the {year} {kind} in {city}",
        "which countries came to the {city} {kind} {year}",
        "what was the {city} {year} {kind} about",
        "list events in {year}",
        "Who organised the {kind} in {city}, {year}?",
        "how mny peple atended the {city} {kind} {year}",
    ]
    out = []
    for _ in range(n):
        out.append(
            rng.choice(templates).format(
                city=rng.choice(CITIES), kind=rng.choice(KINDS), year=rng.randrange(2000, 2027)
            )
        )
    return out

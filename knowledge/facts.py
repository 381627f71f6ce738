"""The shape of a fact, the field schema, and the bundled knowledge.

A fact is one statement about one subject (``event:<id>`` or ``programme:<id>``): a field, a value, and the
source it comes from (a document and the exact quote, or an admin and what they gave). List fields hold one
fact per item so that each item keeps its own quote. Facts are plain dicts on disk and ``Fact`` in memory.
"""

from __future__ import annotations

import contextlib
import gc
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

KNOWLEDGE_DIR = Path(__file__).resolve().parent
BUNDLED_PATH = KNOWLEDGE_DIR / "bundled.json"
SOURCES_DIR = KNOWLEDGE_DIR / "sources"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How one field is kept: whether it holds many items, what kind of value each is, and what it means."""

    name: str
    many: bool
    kind: str  # "text", "date", "count", "group", "share", "length", "speaker", "statement", "series", "ref"
    doc: str = ""


# The facts an event can have. Every value is what the release states, worded as it states it (in its
# language), except where a field says it is normalised. A field the release does not state has no fact.
#
# Value shapes by kind:
#   text       a string.
#   date       "YYYY-MM-DD", or "--MM-DD" when the release gives the day and month but no year (ISO 8601's
#              reduced form: the year is never guessed).
#   count      {"count": int, "at_least": bool, "approx": bool}: "more than 150" is at_least, "around 40" approx.
#   group      {"label": str, "roles": [str], "count": int, "at_least": bool, "approx": bool}: one stated
#              count of people as the release words it ("label"); "roles" are the roles it covers, each a
#              canonical English role ("prosecutors", "customs officers", "investigators") when one is known,
#              else the release's words. More than one role means a combined count: it is never a count of
#              any one of them.
#   share      {"count": int} or {"percent": number}: how many of the participants were women (or men).
#   length     {"amount": int, "unit": "day" | "week" | "month" | "hour"}: a stated length ("four-day").
#   speaker    {"name": str, "position": str, "honorific"?: str, "remote"?: bool}: the name as written
#              (capitals and accents kept), the position as given.
#   statement  {"speaker": str, "text": str, "direct": bool}: direct = a verbatim quote.
#   series     {"text": str, "position"?: int, "of"?: int, "year"?: int}: "the second of three" -> 2 of 3.
#   ref        a programme id (the subject "programme:<id>" holds its name, aliases and funders).
EVENT_FIELDS: dict[str, FieldSpec] = {
    spec.name: spec
    for spec in (
        FieldSpec("title", False, "text", "the headline, or a name made from kind, place and date"),
        FieldSpec("kind", False, "text", "normalised: training, course, workshop, webinar, meeting, seminar, ..."),
        FieldSpec("language", False, "text", "the release's language: en or es"),
        FieldSpec("date", False, "date", "the (first) day it took place"),
        FieldSpec("end_date", False, "date", "the last day, when it lasted more than one"),
        FieldSpec("date_text", False, "text", "when only a relative or partial time is given: 'last week'"),
        FieldSpec("duration", False, "length", "a stated length: 'a four-day course', 'two-week training'"),
        FieldSpec("city", False, "text", "where it took place (never from the dateline alone)"),
        FieldSpec("country", False, "text", "normalised English country name, also when resolved from the city"),
        FieldSpec("venue", False, "text", "the building or site: 'National Police Academy', 'Zoom platform'"),
        FieldSpec("format", False, "text", "normalised: in person, online or hybrid"),
        FieldSpec("dateline", False, "text", "the release's dateline as printed: where and when it was issued"),
        FieldSpec("occasion", False, "text", "what it was held during: '26th session of the CCPCJ'"),
        FieldSpec("organisers", True, "text", "who organised, convened, hosted or delivered it"),
        FieldSpec("funders", True, "text", "who funded this event (not a programme's own funder)"),
        FieldSpec("supporters", True, "text", "'with the support of' / 'con el apoyo de': support, not funding"),
        FieldSpec("partners", True, "text", "partner agencies named as partners rather than organisers"),
        FieldSpec("trainers", True, "text", "the trainers', facilitators' or experts' institutions or countries"),
        FieldSpec("programmes", True, "ref", "the programmes the event belongs to"),
        FieldSpec("participants", False, "count", "the stated total, never a sum of groups"),
        FieldSpec("participant_groups", True, "group", "each stated count of a group of participants"),
        FieldSpec("women", False, "share", "how many participants were women"),
        FieldSpec("men", False, "share", "how many participants were men"),
        FieldSpec("participant_countries", True, "text", "normalised English names of the countries they came from"),
        FieldSpec("country_count", False, "count", "a stated number of countries: 'from 14 countries'"),
        FieldSpec("speakers", True, "speaker", "who spoke, with their position"),
        FieldSpec("statements", True, "statement", "what a speaker said, quoted or reported"),
        FieldSpec("topics", True, "text", "the main subjects, in the release's words"),
        FieldSpec("objectives", True, "text", "what it aimed to do"),
        FieldSpec("series", True, "series", "its place in a series: 'the second of three workshops'"),
    )
}

PROGRAMME_FIELDS: dict[str, FieldSpec] = {
    spec.name: spec
    for spec in (
        FieldSpec("name", False, "text", "its usual name or acronym: CRIMJUST, AIRCOP"),
        FieldSpec("full_name", False, "text", "what the acronym stands for"),
        FieldSpec("name_es", False, "text", "its Spanish name"),
        FieldSpec("aliases", True, "text", "other names it goes by, in any language"),
        FieldSpec("funders", True, "text", "who funds the programme as a whole"),
        FieldSpec("partners", True, "text", "its partner organisations"),
        FieldSpec("aims", True, "text", "what the programme aims to do"),
    )
}

# A release imported by an admin is kept whole as a "document:<id>" subject (the id is made from its text), so
# that the same release is known when it comes again and its sentences can be quoted. Facts read from it name
# it as their source's `doc`. Bundled releases are files in `SOURCES_DIR` instead (`source_text`).
DOCUMENT_FIELDS: dict[str, FieldSpec] = {
    spec.name: spec
    for spec in (
        FieldSpec("title", False, "text", "its headline, or the name of the file or page it came from"),
        FieldSpec("text", False, "text", "the whole text as imported"),
        FieldSpec("url", False, "text", "the page or file it was read from, when there was one"),
        FieldSpec("language", False, "text", "en or es"),
    )
}

SCHEMAS: dict[str, dict[str, FieldSpec]] = {
    "event": EVENT_FIELDS,
    "programme": PROGRAMME_FIELDS,
    "document": DOCUMENT_FIELDS,
}


def schema_of(subject: str) -> dict[str, FieldSpec]:
    """The fields a subject ("event:<id>", "programme:<id>", "document:<id>") can have."""
    return SCHEMAS[subject.partition(":")[0]]


class Source(NamedTuple):
    """Where a fact comes from: a bundled document and its quote, or an admin's own words."""

    doc: str = ""
    quote: str = ""
    doc_title: str = ""
    added_by: str = ""
    added_on: str = ""


class Fact(NamedTuple):
    """One statement with its source: immutable, and a tuple, cheaper to make and to keep than an instance of a
    class (start-up makes one per stored fact, 130,000 for 10,000 events)."""

    fid: str
    subject: str
    field: str
    value: Any
    source: Source
    origin: str = "bundled"  # "bundled" or "admin"

    def to_record(self) -> dict[str, Any]:
        src = {k: v for k, v in self.source._asdict().items() if v}
        return {
            "fid": self.fid,
            "subject": self.subject,
            "field": self.field,
            "value": self.value,
            "source": src,
            "origin": self.origin,
        }


class FactReader:
    """Turns stored records into facts, sharing what repeats: one `Source` per distinct source, one string per
    distinct subject, field, origin and short value: 130,000 facts (10,000 events) take about 41 MB."""

    def __init__(self) -> None:
        self._sources: dict[tuple[tuple[str, str], ...], Source] = {}

    def live(self, subject: str, records: Iterable[dict[str, Any]]) -> tuple[Fact, ...]:
        """The facts of `subject` among its stored `records`, leaving deleted ones out."""
        # Start-up runs this once per stored fact: one pass, names bound locally, the tuple made directly.
        subject, intern, sources, make = sys.intern(subject), sys.intern, self._sources, tuple.__new__
        live = []
        for record in records:
            if record.get("deleted"):
                continue
            src = record.get("source") or {}
            key = tuple(src.items())
            source = sources.get(key)
            if source is None:
                source = sources[key] = Source(**src)
            value = record["value"]
            if type(value) is str and len(value) <= 64:
                value = intern(value)
            field, origin = intern(record["field"]), intern(record.get("origin", "bundled"))
            live.append(make(Fact, (record["fid"], subject, field, value, source, origin)))
        return tuple(live)


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Make a hundred thousand small objects at once (facts, an index) without the garbage collector walking
    them again and again meanwhile: it is a third of the time otherwise. Nothing made here is garbage."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def slug(text: str) -> str:
    """A short, stable identifier made of a text's words."""
    words = re.findall(r"[a-z0-9]+", str(text).lower())
    return "-".join(words)[:48] or "item"


def fact_id(subject: str, name: str, value: Any, many: bool | None = None) -> str:
    """A fact's id: ``subject/field`` for one-value fields, ``subject/field/item`` for each item of a list."""
    if many is None:
        many = schema_of(subject)[name].many
    return f"{subject}/{name}" + (f"/{_item_key(value)}" if many else "")


def _item_key(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("name", "label", "text", "speaker"):
            if key in value:
                extra = value.get("text", "") if key == "speaker" else ""
                return slug(f"{value[key]} {extra}")
        return slug(json.dumps(value, sort_keys=True))
    return slug(value)


@cache
def bundled_knowledge() -> dict[str, Any]:
    with BUNDLED_PATH.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def bundled_facts() -> list[Fact]:
    """Flatten ``bundled.json`` into facts, one per field (scalars) or per item (lists)."""
    data = bundled_knowledge()
    docs = data["documents"]
    facts: list[Fact] = []
    for kind, schema in (("programme", PROGRAMME_FIELDS), ("event", EVENT_FIELDS)):
        for entry in data[f"{kind}s"]:
            subject = f"{kind}:{entry['id']}"
            for name, items in entry["facts"].items():
                spec = schema[name]
                for item in items:
                    doc = item.get("doc", entry["doc"])
                    fid = fact_id(subject, name, item["value"], spec.many)
                    source = Source(doc=doc, quote=item["quote"], doc_title=docs[doc]["title"])
                    facts.append(Fact(fid, subject, name, item["value"], source))
    return facts


def source_text(doc: str) -> str:
    """The text of a bundled source document."""
    info = bundled_knowledge()["documents"][doc]
    return (SOURCES_DIR / info["file"]).read_text(encoding="utf-8")

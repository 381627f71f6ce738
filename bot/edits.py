"""What admins type, turned into facts: field names, values checked and parsed, and the facts to save.

Pure Python (no Telegram, no disk). Every check that fails raises `InvalidValue` with a catalogue key and its
values, so the admin gets a clear message in their language and nothing is changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process

from bot.engine import lexicon
from bot.engine.text import clean_input, fold
from bot.messages import MONTHS_EN, MONTHS_ES
from knowledge.facts import EVENT_FIELDS, Fact, Source, fact_id, slug

MAX_VALUE = 500  # characters of one value
MAX_COUNT = 1_000_000
YEARS = range(1990, 2101)
SURE = 100.0  # a field named exactly
UNSURE_FROM = 80.0  # below this a field name is not recognised at all

FIELD_WORDS: dict[str, str] = {
    **{w: "title" for w in ("title", "titulo", "name", "nombre")},
    **{w: "kind" for w in ("kind", "type", "tipo")},
    **{w: "date" for w in ("date", "fecha", "when", "cuando")},
    **{w: "city" for w in ("city", "ciudad")},
    **{w: "country" for w in ("country", "pais")},
    **{w: "venue" for w in ("venue", "sede", "lugar")},
    **{w: "occasion" for w in ("occasion", "ocasion")},
    **{w: "organisers" for w in ("organisers", "organiser", "organizers", "organizer", "organizadores")},
    **{w: "funders" for w in ("funders", "funder", "donors", "donor", "financiadores", "financiador", "donantes")},
    **{w: "programmes" for w in ("programmes", "programme", "programs", "program", "programas", "programa")},
    **{w: "participants" for w in ("participants", "attendance", "attendees", "participantes", "asistentes")},
    **{w: "participant_groups" for w in ("groups", "group", "roles", "role", "grupos", "perfiles")},
    **{w: "participant_countries" for w in ("countries", "paises", "participant_countries", "nationalities")},
    **{w: "speakers" for w in ("speakers", "speaker", "oradores", "orador", "ponentes", "ponente")},
    **{w: "statements" for w in ("statements", "statement", "quotes", "declaraciones", "declaracion")},
    **{w: "topics" for w in ("topics", "topic", "temas", "tema")},
    **{w: "objectives" for w in ("objectives", "objective", "aims", "aim", "objetivos", "objetivo")},
    **{w: "series" for w in ("series", "serie")},
}
EVENT_KINDS = tuple(lexicon.KINDS)


class InvalidValue(ValueError):
    """A value that cannot be saved; `key` is the catalogue message saying why, `values` fill it in."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


def find_field(word: str) -> tuple[str, float] | None:
    """The field a word names, with how sure: ("funders", 100) for "funders", ("funders", 92) for "fundres"."""
    key = fold(word).replace(" ", "_")
    if key in FIELD_WORDS:
        return FIELD_WORDS[key], SURE
    if key in EVENT_FIELDS:
        return key, SURE
    if len(key) < 4:
        return None
    found = process.extractOne(key, FIELD_WORDS.keys(), scorer=fuzz.ratio, score_cutoff=UNSURE_FROM)
    return (FIELD_WORDS[found[0]], float(found[1])) if found else None


def clean_value(raw: str) -> str:
    """Plain text: no control characters, single spaces, and not empty or longer than `MAX_VALUE`."""
    if len(raw) > MAX_VALUE * 2:
        raise InvalidValue("value_too_long", limit=MAX_VALUE)
    text = clean_input(raw, limit=MAX_VALUE * 2)
    if not text:
        raise InvalidValue("value_empty")
    if len(text) > MAX_VALUE:
        raise InvalidValue("value_too_long", limit=MAX_VALUE)
    return text


def parse_date(raw: str) -> str:
    """ISO date from "2021-11-13", "13/11/2021", "13 November 2021", "November 13, 2021", "13 de noviembre de
    2021"; an impossible or implausible date is refused."""
    text = fold(raw)
    months = {m.lower(): i + 1 for i, m in enumerate(MONTHS_EN)} | {m: i + 1 for i, m in enumerate(MONTHS_ES)}
    months |= {m.lower()[:3]: i + 1 for i, m in enumerate(MONTHS_EN)}
    day = month = year = None
    if m := re.fullmatch(r"(\d{4}) (\d{1,2}) (\d{1,2})", text):
        year, month, day = (int(g) for g in m.groups())
    elif m := re.fullmatch(r"(\d{1,2}) (\d{1,2}) (\d{4})", text):
        day, month, year = (int(g) for g in m.groups())
    elif m := re.fullmatch(r"(\d{1,2}) (?:de )?([a-z]+) (?:de |del )?(\d{4})", text):
        day, month, year = int(m.group(1)), months.get(m.group(2)), int(m.group(3))
    elif m := re.fullmatch(r"([a-z]+) (\d{1,2}) (\d{4})", text):
        month, day, year = months.get(m.group(1)), int(m.group(2)), int(m.group(3))
    if day is None or month is None or year is None:
        raise InvalidValue("bad_date", value=raw)
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise InvalidValue("impossible_date", value=raw) from None
    if parsed.year not in YEARS:
        raise InvalidValue("implausible_date", value=raw)
    return parsed.isoformat()


def parse_count(raw: str) -> dict[str, Any]:
    """{"count": 61, "at_least": False} from "61"; "over 70", "more than 70", "70+", "más de 70" set at_least."""
    text = raw.strip().lower()
    at_least = bool(re.match(r"^(over|more than|at least|>|\+|mas de|más de|al menos)", text)) or text.endswith("+")
    digits = re.sub(r"^(over|more than|at least|mas de|más de|al menos)\s*", "", text).strip(" >+")
    if re.fullmatch(r"-\s*\d+", digits):
        raise InvalidValue("negative_count", value=raw)
    if not re.fullmatch(r"\d{1,3}(?:[,.\s]\d{3})*|\d+", digits):
        raise InvalidValue("bad_count", value=raw)
    count = int(re.sub(r"[,.\s]", "", digits))
    if count > MAX_COUNT:
        raise InvalidValue("bad_count", value=raw)
    return {"count": count, "at_least": at_least}


def parse_group(raw: str) -> dict[str, Any]:
    """{"label", "roles", "count"} from "20 prosecutors", "prosecutors: 20" or "61 investigating officers and
    prosecutors" (a combined figure: its roles are kept, so the bot can say it is combined)."""
    text = clean_value(raw)
    m = re.fullmatch(r"(-?\d[\d,.]*)\s+(.+)", text) or re.fullmatch(r"(.+?)\s*[:=]\s*(-?\d[\d,.]*)", text)
    if not m:
        raise InvalidValue("bad_group", value=raw)
    number, label = (m.group(1), m.group(2)) if m.group(1)[0] in "-0123456789" else (m.group(2), m.group(1))
    counted = parse_count(number)
    label = label.strip().lower()
    roles = [r.strip() for r in re.split(r",\s*|\s+and\s+|\s+y\s+", label) if r.strip()]
    return {"label": label, "roles": roles, "count": counted["count"]}


def parse_speaker(raw: str) -> dict[str, str]:
    """{"name", "position"[, "honorific"]} from "Mr. Neil Walsh, UNODC Senior Expert on CyberCrime"."""
    text = clean_value(raw)
    name, _, position = text.partition(",")
    honorific = ""
    if m := re.match(r"(Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sr\.?|Sra\.?|Prof\.?)\s+", name):
        honorific, name = m.group(1), name[m.end() :]
    if not name.strip():
        raise InvalidValue("bad_speaker", value=raw)
    value = {"name": name.strip(), "position": position.strip()}
    return value | ({"honorific": honorific} if honorific else {})


def parse_statement(raw: str) -> dict[str, Any]:
    """{"speaker", "text", "direct"} from 'Neil Walsh: "There is no specific place for the Darkweb"'."""
    text = clean_value(raw)
    speaker, sep, said = text.partition(":")
    if not sep or not speaker.strip() or not said.strip():
        raise InvalidValue("bad_statement", value=raw)
    said = said.strip()
    direct = said[:1] in '"“«' and said[-1:] in '"”»'
    return {"speaker": speaker.strip(), "text": said.strip('"“”«» '), "direct": direct}


def parse_kind(raw: str) -> str:
    text = fold(raw)
    for kind, forms in lexicon.KINDS.items():
        if text == kind or text in forms:
            return kind
    found = process.extractOne(text, EVENT_KINDS, scorer=fuzz.ratio, score_cutoff=80)
    if not found:
        raise InvalidValue("bad_kind", value=raw, kinds=", ".join(EVENT_KINDS))
    return str(found[0])


def parse_value(name: str, raw: str, *, programmes: dict[str, str] | None = None) -> Any:
    """The value of field `name` from what an admin typed (raises `InvalidValue`)."""
    spec = EVENT_FIELDS[name]
    text = clean_value(raw)
    if name == "kind":
        return parse_kind(text)
    if spec.kind == "date":
        return parse_date(text)
    if spec.kind == "count":
        return parse_count(text)
    if spec.kind == "group":
        return parse_group(text)
    if spec.kind == "speaker":
        return parse_speaker(text)
    if spec.kind == "statement":
        return parse_statement(text)
    if spec.kind == "series":
        return {"text": text}
    if spec.kind == "ref":
        known = programmes or {}
        pid = known.get(fold(text))
        if pid is None:
            raise InvalidValue("bad_programme", value=raw, programmes=", ".join(sorted(set(known.values()))))
        return pid
    return text


def check_counts(total: dict[str, Any] | None, groups: list[dict[str, Any]]) -> None:
    """Role counts cannot exceed the recorded total, alone or together (unless the total is "over N")."""
    if not total or total.get("at_least"):
        return
    for group in groups:
        if int(group["count"]) > int(total["count"]):
            raise InvalidValue("group_exceeds_total", label=group["label"], count=group["count"], total=total["count"])
    counted = sum(int(group["count"]) for group in groups)
    if counted > int(total["count"]):
        raise InvalidValue("groups_exceed_total", count=counted, total=total["count"])


@dataclass
class AdminSource:
    """Who gave a fact, when, and the quote or link they gave with it."""

    name: str
    user_id: int
    quote: str = ""
    on: str = field(default_factory=lambda: date.today().isoformat())
    title: str = ""  # the document the quote is from, when there is one (an imported release)

    def source(self, fallback_quote: str) -> Source:
        return Source(
            doc="admin",
            quote=self.quote or fallback_quote,
            doc_title=self.title or f"Added by {self.name} on {self.on}",
            added_by=f"{self.name} ({self.user_id})",
            added_on=self.on,
        )


def new_fact(subject: str, name: str, value: Any, source: Source) -> Fact:
    return Fact(fact_id(subject, name, value), subject, name, value, source, origin="admin")


def event_subject(title: str, day: str | None, place: str | None) -> str:
    """A new event's subject, from its place, year and title: "event:panama-2021-osint-training-..."."""
    year = (day or "")[:4]
    return "event:" + slug(" ".join(p for p in (place or "", year, title) if p))[:48].strip("-")

"""What admins type, turned into facts: field names, values checked and parsed, and the facts to save.

Pure Python (no Telegram, no disk). Every check that fails raises `InvalidValue` with a catalogue key and its
values, so the admin gets a clear message in their language and nothing is changed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process

from bot.dates import DateError, parse_day, parse_range
from bot.engine import lexicon
from bot.engine.text import clean_input, fold
from knowledge.facts import EVENT_FIELDS, Fact, Source, fact_id, slug

MAX_VALUE = 500  # characters of one value
MAX_COUNT = 1_000_000
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
    **{w: "end_date" for w in ("end_date", "fecha_fin", "last_day", "ultimo_dia")},
    **{w: "date_text" for w in ("date_text", "when_text")},
    **{w: "duration" for w in ("duration", "duracion")},
    **{w: "format" for w in ("format", "formato", "modality", "modalidad")},
    **{w: "dateline" for w in ("dateline",)},
    **{w: "supporters" for w in ("supporters", "supporter", "apoyos")},
    **{w: "partners" for w in ("partners", "partner", "socios", "aliados")},
    **{w: "trainers" for w in ("trainers", "trainer", "facilitators", "formadores", "facilitadores")},
    **{w: "women" for w in ("women", "woman", "mujeres", "female")},
    **{w: "men" for w in ("men", "hombres", "male")},
    **{w: "country_count" for w in ("country_count", "number_of_countries", "numero_de_paises")},
    **{w: "language" for w in ("language", "idioma", "lang")},
}
FORMATS = {
    "in person": ("in person", "in-person", "face to face", "face-to-face", "presencial", "onsite", "on site"),
    "online": ("online", "virtual", "remote", "en linea", "webinar"),
    "hybrid": ("hybrid", "hibrido", "hibrida", "mixed", "mixto", "semipresencial"),
}
UNITS = {
    "day": ("day", "days", "dia", "dias"),
    "week": ("week", "weeks", "semana", "semanas"),
    "month": ("month", "months", "mes", "meses"),
    "hour": ("hour", "hours", "hora", "horas"),
}
SMALL_NUMBERS = {
    **{w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())},
    **{w: n for n, w in enumerate("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce".split())},
    "un": 1,
    "una": 1,
    "a": 1,
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


def parse_date(raw: str, *, partial: bool = False) -> str:
    """ISO date from "2021-11-13", "13/11/2021", "13 November 2021", "November 13, 2021", "13 de noviembre de
    2021"; with `partial`, a day without its year too ("13 November" -> "--11-13"). An impossible or implausible
    date is refused."""
    try:
        return parse_day(raw, partial=partial)
    except DateError as exc:
        raise InvalidValue(exc.key, value=raw) from None


def parse_date_range(raw: str) -> tuple[str, str]:
    """(first day, last day) of a range ("7-9 May 2021", "del 3 al 5 de octubre"), or (day, "") of one date."""
    try:
        return parse_range(raw)
    except DateError as exc:
        raise InvalidValue(exc.key, value=raw) from None


AT_LEAST = r"^(over|more than|at least|mas de|más de|al menos|>)\s*"
APPROX = (
    r"^(around|about|some|approximately|roughly|nearly|almost|unas|unos|alrededor de|cerca de|aproximadamente|~)\s*"
)


def parse_count(raw: str) -> dict[str, Any]:
    """{"count": 61, "at_least": False} from "61"; "over 70", "more than 70", "70+", "más de 70" set at_least;
    "around 40", "unas 40" add "approx": True."""
    text = raw.strip().lower()
    at_least = bool(re.match(AT_LEAST, text)) or text.endswith("+")
    approx = bool(re.match(APPROX, text))
    digits = re.sub(APPROX, "", re.sub(AT_LEAST, "", text)).strip(" >+")
    if re.fullmatch(r"-\s*\d+", digits):
        raise InvalidValue("negative_count", value=raw)
    if not re.fullmatch(r"\d{1,3}(?:[,.\s]\d{3})*|\d+", digits):
        raise InvalidValue("bad_count", value=raw)
    count = int(re.sub(r"[,.\s]", "", digits))
    if count > MAX_COUNT:
        raise InvalidValue("bad_count", value=raw)
    return {"count": count, "at_least": at_least} | ({"approx": True} if approx else {})


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


def parse_share(raw: str) -> dict[str, Any]:
    """{"count": 12} from "12" or "12 women", {"percent": 40} from "40%" or "40 percent"."""
    text = fold(raw)
    if m := re.fullmatch(
        r"(\d{1,3}(?: \d)?) ?(?:%|percent|per cent|por ciento)?(?: (?:women|men|mujeres|hombres))?", text
    ):
        number = m.group(1).replace(" ", ".")
        if "%" in raw or "cent" in text or "ciento" in text:
            percent = float(number)
            if percent > 100:
                raise InvalidValue("bad_share", value=raw)
            return {"percent": int(percent) if percent.is_integer() else percent}
        return {"count": parse_count(number)["count"]}
    raise InvalidValue("bad_share", value=raw)


def parse_length(raw: str) -> dict[str, Any]:
    """{"amount": 5, "unit": "day"} from "5 days", "five-day", "2 semanas"."""
    words = fold(raw).split()
    if len(words) == 2:
        amount = int(words[0]) if words[0].isdigit() else SMALL_NUMBERS.get(words[0])
        unit = next((u for u, forms in UNITS.items() if words[1] in forms), None)
        if amount and unit:
            return {"amount": amount, "unit": unit}
    raise InvalidValue("bad_length", value=raw)


def parse_format(raw: str) -> str:
    """ "in person", "online" or "hybrid", from any of their usual words in English or Spanish."""
    text = fold(raw)
    for name, forms in FORMATS.items():
        if text in forms:
            return name
    raise InvalidValue("bad_format", value=raw)


def parse_language(raw: str) -> str:
    text = fold(raw)
    for code, forms in (
        ("en", ("en", "english", "ingles")),
        ("es", ("es", "spanish", "español", "espanol", "castellano")),
    ):
        if text in forms:
            return code
    raise InvalidValue("bad_language", value=raw)


def parse_series(raw: str) -> dict[str, Any]:
    """{"text": ...}, with "position" and "of" when it says "2 of 3" or "2 de 3"."""
    text = clean_value(raw)
    value: dict[str, Any] = {"text": text}
    if m := re.fullmatch(r"(\d{1,3})\s*(?:of|de|/)\s*(\d{1,3})", text):
        value |= {"position": int(m.group(1)), "of": int(m.group(2))}
    return value


def parse_country(raw: str) -> str:
    """A country's canonical English name when it is one ("Panamá" -> "Panama"), else the name as typed."""
    from bot.geo import country

    text = clean_value(raw)
    return country(text) or text


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
        return parse_date(text, partial=True)
    if spec.kind == "count":
        return parse_count(text)
    if spec.kind == "group":
        return parse_group(text)
    if spec.kind == "speaker":
        return parse_speaker(text)
    if spec.kind == "statement":
        return parse_statement(text)
    if spec.kind == "series":
        return parse_series(text)
    if spec.kind == "share":
        return parse_share(text)
    if spec.kind == "length":
        return parse_length(text)
    if name == "format":
        return parse_format(text)
    if name == "language":
        return parse_language(text)
    if name in ("country", "participant_countries"):
        return parse_country(text)
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
    year = (day or "")[:4] if (day or "")[:4].isdigit() else ""
    words = unicodedata.normalize("NFKD", " ".join(p for p in (place or "", year, title) if p))
    return "event:" + slug("".join(c for c in words if not unicodedata.combining(c)))[:48].strip("-")

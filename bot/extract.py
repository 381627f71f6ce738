"""Reading a press release: the event and the facts it states, each with the sentence it comes from.

Pure Python over the text (no Telegram, no disk). Used by /import, which shows the admin what was found,
with quotes, and what was not, and saves only what the admin confirms. It looks for what UNODC releases say
in a few regular ways: a dateline ("Panama, November 13, 2021." / "23 May 2017 - ..."), "attended by 61
investigating officers and prosecutors from A, B and C", "organized by ..." or "X conducted ...", "funding
from ...", "Mr. Neil WALSH, Senior Expert" / "Senior Expert, Mr. Neil WALSH", "The objectives ... were to ...".
Organisations are recognised by name: the ones the knowledge base already holds, and a few well-known ones.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.edits import parse_date, parse_group
from bot.engine import lexicon
from bot.engine.text import fold

COUNTRIES = frozenset(
    """Argentina Austria Bahamas Barbados Belgium Belize Bolivia Brazil Canada Chile China Colombia
    Costa_Rica Cuba Dominica Dominican_Republic Ecuador El_Salvador France Germany Grenada Guatemala Guyana
    Haiti Honduras India Italy Jamaica Japan Mexico Netherlands Nicaragua Nigeria Panama Paraguay Peru
    Portugal Russia Senegal Spain Suriname Switzerland Trinidad_and_Tobago Turkey Ukraine United_Kingdom
    United_States Uruguay Venezuela""".replace("_", " ").split()
)
_MULTI = ("Costa Rica", "Dominican Republic", "El Salvador", "Trinidad and Tobago", "United Kingdom", "United States")
COUNTRY_NAMES = frozenset(COUNTRIES) | frozenset(_MULTI)

# Canonical organisation -> surface forms (matched whole, case-insensitively). A form given as
# ("form", "context") only counts when the context pattern follows it in the same sentence.
KNOWN_ORGANISATIONS: dict[str, tuple[str | tuple[str, str], ...]] = {
    "UNODC Office for Central America and the Caribbean (UNODC ROPAN)": (
        "UNODC ROPAN",
        "United Nations Office on Drugs and Crime for Central America and the Caribbean",
        "UNODC Regional Office for Central America and the Caribbean",
    ),
    "CRIMJUST": ("CRIMJUST",),
    "UNODC Global Cybercrime Programme": (
        "UNODC Global Cybercrime Programme",
        "Global Cybercrime Programme",
        "Global Programme on Cybercrime",
        ("Cybercrime", r"^[^.]{0,160}\bprogram"),
    ),
    "European Union Cocaine Route Programme": ("European Union Cocaine Route Programme", "EU Cocaine Route Programme"),
    "European Union": ("European Union", "EU"),
    "Government of the United Kingdom": ("Government of the United Kingdom", "UK Government", "British Government"),
    "INTERPOL": ("INTERPOL",),
    "Transparency International (TI)": ("Transparency International",),
    "UNODC": ("UNODC", "United Nations Office on Drugs and Crime"),
}
ORGANISING = (
    r"\b(conducted|organi[sz]ed(?! crim)|held|hosted|convened|delivered|discussed|carried out|implemented|led)\b"
)
EVENT_WORDS = r"(training|workshop|event|side event|seminar|course|meeting|conference|session|webinar)"
GENERIC_PEOPLE = {"participants", "people", "persons", "attendees", "delegates", "representatives", "personas"}
REPORTING = (
    "highlighted stressed explained insisted noted emphasized emphasised underlined added stated said remarked "
    "welcomed opened presented thanked recalled pointed underscored"
).split()
HONORIFIC = r"(Mr\.|Mrs\.|Ms\.|Dr\.|Prof\.|H\.E\.)"
NAME = r"([A-Z][a-zà-ÿ]+(?:[ -][A-Z][A-Za-zà-ÿ'-]+){1,3})"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


@dataclass
class Found:
    """One fact found in the text: field, value (shaped as `knowledge.facts.EVENT_FIELDS` says), and the exact
    words it was read from (`quote` is always a verbatim substring of the text).

    `flag` is non-empty when the admin should check the value before it is saved; it is one of `FLAGS`.
    `subject` is "" for the event itself, or "programme:<id>" for a fact about a programme the release names
    (its name, full name, Spanish name or aliases, or a funder stated for the programme as a whole).
    """

    field: str
    value: Any
    quote: str
    flag: str = ""
    subject: str = ""


# Why a proposed value needs the admin's eye (shown in the preview; `import_flag_<key>` in the catalogue).
FLAGS = (
    "no_year",  # a day and month with no year anywhere in the text: stored without a year unless the admin adds it
    "relative_date",  # "this Monday", "last week": no calendar date can be made
    "approximate",  # "around 40", "some 25"
    "ambiguous",  # the text allows more than one reading
    "elsewhere",  # read from a part of the text that may be about another activity
)


@dataclass
class Extraction:
    """What a release states about its event, what was looked for and not found, and what kind of text it is."""

    facts: list[Found] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # event fields looked for and not found
    lang: str = "en"  # the release's language
    is_event: bool = True  # False for a text that reports no event (a statement, a programme overview)
    not_event_why: str = ""  # for such a text, why, in a few English words for the admin
    truncated: bool = False  # the text ends mid-sentence (an excerpt, a copied page)
    notes: list[str] = field(default_factory=list)  # caveats for the admin ("the dateline city is not the venue")

    def values(self, name: str) -> list[Any]:
        return [f.value for f in self.facts if f.field == name and not f.subject]


ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "No.", "H.E.", "Sr.", "Sra.")


def sentences(text: str) -> list[str]:
    """Sentences, each exactly as in the text (a quote must be found verbatim); "Mr. Neil" does not end one."""
    out: list[str] = []
    for line in text.splitlines():
        pieces = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'“])", line.strip()) if s]
        merged: list[str] = []
        for piece in pieces:
            if merged and merged[-1].endswith(ABBREVIATIONS):
                merged[-1] = f"{merged[-1]} {piece}"
            else:
                merged.append(piece)
        out += merged
    return out


def extract(text: str, organisations: Iterable[str] = (), programmes: dict[str, str] | None = None) -> Extraction:
    """What the release `text` states about its event. `organisations` are names the knowledge base knows;
    `programmes` maps folded programme names and aliases to programme ids."""
    result = Extraction()
    found = result.facts
    parts = sentences(text)
    known = _organisation_forms(organisations)
    found += _title(text)
    found += _date_and_place(text, parts)
    found += _kind(parts)
    found += _participants(parts)
    found += _organisers(parts, known)
    found += _funders(parts, known)
    found += _speakers(parts)
    found += _programmes(parts, programmes or {}, [f for f in found if f.field == "organisers"])
    found += _objectives(parts)
    wanted = ["title", "date", "kind", "participants", "organisers", "funders", "speakers"]
    result.missing = [name for name in wanted if not result.values(name)]
    if not (result.values("city") or result.values("country")):
        result.missing.insert(2, "place")
    return result


# -- the pieces --------------------------------------------------------------------------------------------


def _title(text: str) -> list[Found]:
    """The first line, when it is a headline: short, and not a dateline."""
    first = text.strip().splitlines()[0].strip() if text.strip() else ""
    if not first or len(first) > 200 or _DATE.search(first[:40]) or first.count(". ") > 0:
        return []
    return [Found("title", first.rstrip("."), first)]


_DATE = re.compile(
    rf"\b(?:(?:{MONTHS}) \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{MONTHS}) \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b", re.IGNORECASE
)


def _date_and_place(text: str, parts: list[str]) -> list[Found]:
    found: list[Found] = []
    match = _DATE.search(text)
    if match:
        quote = _clause_around(text, match.start(), match.end())
        with contextlib.suppress(ValueError):
            found.append(Found("date", parse_date(match.group(0).replace(",", "")), quote))
        before = text[max(0, text.rfind("\n", 0, match.start()) + 1) : match.start()].strip(" ,-")
        if before and before in COUNTRY_NAMES:  # dateline: "Panama, November 13, 2021."
            found.append(Found("country", before, quote))
        elif before and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", before):
            found.append(Found("city", before, quote))
    for sentence in parts:
        venue = re.search(r"\bat the ([A-Z][\w&' ]{2,60}?) in ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b", sentence)
        if venue:
            quote = venue.group(0)
            place = venue.group(2)
            found.append(Found("venue", venue.group(1), quote))
            found.append(Found("country" if place in COUNTRY_NAMES else "city", place, quote))
            break
    return _first_per_field(found)


def _kind(parts: list[str]) -> list[Found]:
    best: tuple[int, int, str, str] | None = None  # (sentence, position, kind, sentence text)
    for n, sentence in enumerate(parts[:4]):
        folded = f" {fold(sentence)} "
        for kind, forms in lexicon.KINDS.items():
            for form in (kind, *forms):
                at = folded.find(f" {form} ")
                if at >= 0 and (best is None or (n, at) < best[:2]):
                    best = (n, at, kind, sentence)
    if best is None:
        return []
    return [Found("kind", best[2], _shorten(best[3], best[2]))]


_ATTENDED = re.compile(
    r"(?:attended by|brought together|gathered|with the participation of|participated|asistieron|participaron)\s+"
    r"(?P<least>over|more than|at least|más de|mas de)?\s*(?P<count>\d[\d,.]*)\s+"
    r"(?P<who>[a-záéíóúñ ]+?)"
    r"(?:\s+(?:from|de)\s+(?P<from>[^.;]+)|(?=[.,;]|$))",
    re.IGNORECASE,
)


def _participants(parts: list[str]) -> list[Found]:
    for sentence in parts:
        match = _ATTENDED.search(sentence)
        if not match:
            continue
        quote = match.group(0)
        count = int(re.sub(r"[,.]", "", match.group("count")))
        found = [Found("participants", {"count": count, "at_least": bool(match.group("least"))}, quote)]
        who = match.group("who").strip().lower()
        if who not in GENERIC_PEOPLE:
            group = parse_group(f"{count} {who}")
            found.append(Found("participant_groups", group, quote))
        if match.group("from"):
            for country in re.split(r",\s*|\s+and\s+|\s+y\s+", match.group("from")):
                name = country.strip()
                if name not in COUNTRY_NAMES:  # "the Dominican Republic", but "El Salvador" as it is
                    name = re.sub(r"^(the|la|el)\s+", "", name, flags=re.IGNORECASE)
                if name in COUNTRY_NAMES:
                    found.append(Found("participant_countries", name, quote))
        return found
    return []


def _organisation_forms(extra: Iterable[str]) -> list[tuple[str, str, str | None]]:
    """(canonical, surface form, context pattern) for every organisation we can recognise, longest first."""
    forms: list[tuple[str, str, str | None]] = []
    for canonical, surfaces in KNOWN_ORGANISATIONS.items():
        for surface in surfaces:
            form, context = surface if isinstance(surface, tuple) else (surface, None)
            forms.append((canonical, form, context))
    for name in extra:
        if name not in KNOWN_ORGANISATIONS:
            forms.append((name, name, None))
    return sorted(forms, key=lambda f: -len(f[1]))


def _organisations_in(text: str, known: list[tuple[str, str, str | None]]) -> list[str]:
    """Organisations named in `text`, in order of appearance, each once (longer names win over their parts)."""
    taken: list[tuple[int, int]] = []
    hits: list[tuple[int, str]] = []
    for canonical, form, context in known:
        for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text, flags=re.IGNORECASE):
            if form.isupper() and match.group(0) != form:
                continue  # "EU", "TI", "UNODC": acronyms only as written
            if context and not re.search(context, text[match.end() :], flags=re.IGNORECASE):
                continue
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            taken.append((match.start(), match.end()))
            hits.append((match.start(), canonical))
    return list(dict.fromkeys(name for _, name in sorted(hits)))


def _organisers(parts: list[str], known: list[tuple[str, str, str | None]]) -> list[Found]:
    found: list[Found] = []
    for sentence in parts:
        active = re.search(ORGANISING, sentence)
        passive = re.search(r"\borgani[sz]ed by\b([^.]+)", sentence)
        subject = sentence[: active.start()] if active and not passive else ""
        names = _organisations_in(subject, known) if subject else []
        if passive:
            names += _organisations_in(passive.group(1), known)
        names = [n for n in names if n != "UNODC" or len(names) == 1]
        quote = sentence if len(sentence) <= 300 else _shorten(sentence, names[0] if names else "")
        found += [Found("organisers", name, quote) for name in names]
    return _unique(found)


_FUNDING = re.compile(
    r"(?:funding from|funded by|financed by|financial support (?:of|from)|generous support of|sponsored by)\s+([^.]+)",
    re.IGNORECASE,
)


def _funders(parts: list[str], known: list[tuple[str, str, str | None]]) -> list[Found]:
    """Funders of the event itself: "this training was made possible thanks to funding from ..." — not a
    programme's own funder ("CRIMJUST (funded by ...)", "the CRIMJUST project funded by ...")."""
    found: list[Found] = []
    for sentence in parts:
        for match in _FUNDING.finditer(sentence):
            before = sentence[: match.start()]
            if before.rstrip().endswith("(") or re.search(r"\b(project|programme|program)\s*$", before.strip()):
                continue
            about_event = rf"\b(this|the)\s+{EVENT_WORDS}\b|made possible|^\s*(it|they)\b"
            if not re.search(about_event, before, flags=re.IGNORECASE):
                continue
            names = _organisations_in(match.group(1), known)
            if not names:
                names = [_tidy(n) for n in re.split(r",\s*|\s+and\s+", match.group(1)) if n.strip()]
            found += [Found("funders", name, sentence) for name in names]
    return _unique(found)


def _speakers(parts: list[str]) -> list[Found]:
    found: list[Found] = []
    after = re.compile(rf"{HONORIFIC}\s+{NAME},?\s+([^,.]+)")
    before = re.compile(rf"(?:by|,)\s+([A-Z][^,]{{3,80}}),\s+{HONORIFIC}\s+{NAME}")
    for sentence in parts:
        for match in before.finditer(sentence):
            value = _speaker_value(match.group(3), match.group(2), match.group(1))
            found.append(Found("speakers", value, match.group(0).removeprefix("by ").strip(" ,")))
        for match in after.finditer(sentence):
            if any(f.value["name"] == _name(match.group(2)) for f in found):
                continue
            position = _until_verb(match.group(3))
            quote = sentence[match.start() : match.start(3) + len(position)]
            found.append(Found("speakers", _speaker_value(match.group(2), match.group(1), position), quote))
    return found


def _speaker_value(name: str, honorific: str, position: str) -> dict[str, str]:
    return {"name": _name(name), "honorific": honorific, "position": position.strip()}


def _name(raw: str) -> str:
    """ "Neil WALSH" -> "Neil Walsh"."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in raw.split())


def _until_verb(text: str) -> str:
    words = text.split()
    for i, word in enumerate(words):
        if word.lower() in REPORTING:
            return " ".join(words[:i])
    return text


def _programmes(parts: list[str], programmes: dict[str, str], organisers: list[Found]) -> list[Found]:
    """Programmes named in the text, and organisers that are programmes."""
    found: list[Found] = []
    for organiser in organisers:
        pid = programmes.get(fold(str(organiser.value)))
        if pid and pid not in [f.value for f in found]:
            found.append(Found("programmes", pid, organiser.quote))
    for sentence in parts:
        folded = f" {fold(sentence)} "
        for name, pid in sorted(programmes.items(), key=lambda kv: -len(kv[0])):
            if f" {name} " in folded and pid not in [f.value for f in found]:
                found.append(Found("programmes", pid, sentence))
    return found


def _objectives(parts: list[str]) -> list[Found]:
    for sentence in parts:
        match = re.search(r"\b(?:objectives?|aims?|purpose)\b[^.]*?\b(?:were|was|is|are)\s+to\s+([^.]+)", sentence)
        if match:
            aims = re.split(r",?\s+and\s+to\s+|;\s*to\s+", match.group(1))
            return [Found("objectives", aim.strip(), sentence) for aim in aims if aim.strip()]
    return []


# -- helpers ------------------------------------------------------------------------------------------------


def _clause_around(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], verbatim; cut a few words after it when the sentence is long."""
    stop = text.rfind(". ", 0, start)
    left = max(text.rfind("\n", 0, start) + 1, stop + 2 if stop >= 0 else 0)
    dot = text.find(".", end)
    right = dot + 1 if dot >= 0 else len(text)
    if right - left > 120:
        right = _after_words(text, end, 6)
    return text[left:right].strip()


def _after_words(text: str, start: int, n: int) -> int:
    at = start
    for _ in range(n):
        nxt = text.find(" ", at + 1)
        if nxt < 0:
            return len(text)
        at = nxt
    return at


def _shorten(sentence: str, around: str) -> str:
    """The clause of `sentence` holding `around` (commas as bounds), verbatim, when the sentence is long."""
    if len(sentence) <= 160:
        return sentence
    at = fold(sentence).find(fold(around)) if around else -1
    if at < 0:
        return sentence[:160]
    left = sentence.rfind(",", 0, at) + 1
    right = sentence.find(",", at + len(around))
    return sentence[left : right if right > 0 else len(sentence)].strip()


def _tidy(name: str) -> str:
    name = re.sub(r"^(the)\s+", "", name.strip(), flags=re.IGNORECASE)
    return name[:1].upper() + name[1:]


def _first_per_field(found: list[Found]) -> list[Found]:
    seen: set[str] = set()
    out = []
    for fact in found:
        if fact.field not in seen:
            seen.add(fact.field)
            out.append(fact)
    return out


def _unique(found: list[Found]) -> list[Found]:
    seen: set[str] = set()
    out = []
    for fact in found:
        if str(fact.value) not in seen:
            seen.add(str(fact.value))
            out.append(fact)
    return out

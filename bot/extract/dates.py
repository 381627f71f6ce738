"""Datelines and dates: "Dakar (Senegal), 12 May 2023 –", "14-16 March 2018 - ", "Ciudad de Guatemala, 4 de julio
de 2023.", ranges within and across months ("del 30 de septiembre al 4 de octubre", "el lunes 13 y el martes 14
de noviembre"), a year taken from the dateline, a date with no year (kept as "--MM-DD" and flagged), relative
times ("este lunes", "last week": words only, flagged), and stated lengths ("a four-day course").

Month and weekday names are CLDR's (Babel), in both languages; the shapes around them are matched here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from bot.extract.model import Found
from bot.extract.text import Doc, Span, clause_spans, elsewhere, excerpt, numbers


@cache
def _names() -> tuple[dict[str, int], str, str]:
    """(folded month name -> month number, month pattern, weekday pattern), from CLDR."""
    from babel import Locale

    from bot.engine.text import fold

    months: dict[str, int] = {"setiembre": 9, "sept": 9}
    days: set[str] = set()
    for lang in ("en", "es"):
        locale = Locale(lang)
        months |= {fold(str(name)): int(n) for n, name in locale.months["format"]["wide"].items()}
        days |= {fold(str(name)) for name in locale.days["format"]["wide"].values()}
    month = "|".join(sorted(months, key=len, reverse=True))
    return months, rf"(?P<{{}}>{month})", "|".join(sorted(days, key=len, reverse=True))


@dataclass(frozen=True)
class When:
    """A date or range as written: its parts (None where the text leaves them out) and where it is."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None


@cache
def _patterns() -> list[re.Pattern[str]]:
    _, month, weekday = _names()
    day = rf"(?:(?:el|on|the) )?(?:(?:{weekday}) )?(?P<{{}}>[0-3]?\d)(?:st|nd|rd|th|o)?"
    year = r"(?: (?:de |del )?(?P<{}>(?:19|20)\d\d))"
    sep = r" (?:(?:to|al|and|y|through|until|till|hasta(?: el)?|-) )?"
    lead = r"(?:(?:from|between|del|desde el|entre el) )?"
    d1, d2 = day.format("d1"), day.format("d2")
    m1, m2 = month.format("m1"), month.format("m2")
    y1, y2 = year.format("y1"), year.format("y2")
    shapes = [
        rf"\b{lead}{d1} (?:de )?{m1}{y1}?{sep}{d2} (?:de )?{m2}{y2}?\b",  # 28 November to 9 December
        rf"\b{lead}{d1}{sep}{d2} (?:de )?{m2}{y2}?\b",  # 14-16 March 2018, del 3 al 5 de octubre
        rf"\b{lead}{m1} {d1}{sep}(?:{m2} )?{d2}{y2}\b",  # November 13-15, 2021
        rf"\b{d1} (?:de )?{m1}{y1}?\b",  # 12 May 2023, 8 de marzo
        rf"\b{m1} {d1}{y1}?\b",  # November 13, 2021
    ]
    return [re.compile(shape.replace(" ", " +")) for shape in shapes]  # the folded text has a space per sign


def dates_in(doc: Doc, span: Span) -> list[When]:
    """Every date or range written in text[span], longest first where two overlap, in order."""
    months = _names()[0]
    found: list[When] = []
    for pattern in _patterns():
        for m in pattern.finditer(doc.flat, *span):
            if any(w.start < m.end() and m.start() < w.end for w in found):
                continue
            g = {k: v for k, v in m.groupdict().items() if v}
            month = months[g.get("m1") or g["m2"]]
            end_month = months[g["m2"]] if "m2" in g else None
            if "d2" in g and "m1" not in g:
                end_month = month
            year = int(g["y1"]) if "y1" in g else (int(g["y2"]) if "y2" in g else None)
            end_year = int(g["y2"]) if "y2" in g else None
            if year and end_year and "y1" not in g and end_month and end_month < month:
                year = end_year - 1  # "28 December to 3 January 2024"
            when = When(m.start(), m.end(), int(g["d1"]), month, year, _int(g.get("d2")), end_month, end_year)
            if _valid(when):
                found.append(when)
    return sorted(found, key=lambda w: w.start)


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _valid(when: When) -> bool:
    try:
        date(when.year or 2000, when.month, when.day)
        if when.end_day:
            date(when.end_year or when.year or 2000, when.end_month or when.month, when.end_day)
    except ValueError:
        return False
    return True


# -- the dateline --------------------------------------------------------------------------------------------

_PLACE_ONLY = re.compile(
    r"([A-ZÁÉÍÓÚÑ][\w'’.-]*(?: (?:de |del |la |el )?[A-ZÁÉÍÓÚÑ][\w'’-]*){0,4})(?: \(([^)\n]{2,40})\))?\.\s"
)
_AFTER = re.compile(r"\s*(?:\([^)\n]{1,30}\)\s*)?(?:[.:]|[–—-]{1,2})\s*")


@dataclass(frozen=True)
class Dateline:
    span: Span  # as printed, without the dash or stop after it
    place: str = ""  # "Dakar", "Ciudad de Panamá"
    country: str = ""  # the one in parentheses or after a comma: "Senegal"
    when: When | None = None


def dateline(doc: Doc, line: Span, is_place: object) -> Dateline | None:
    """The dateline opening the first line of the body: "Place (Country), date –", "date - ", or "Place." alone.
    `is_place(name)` says whether a name is a city or country (a place-only dateline must be one)."""
    text = doc.text
    head = dates_in(doc, (line[0], min(line[1], line[0] + 90)))
    if head:
        when = head[0]
        before = text[line[0] : when.start].strip()
        after = _AFTER.match(text, when.end)
        if after and (not before or before.endswith(",")):
            place, country = _place_parts(before.rstrip(","))
            if not before or place:
                return Dateline((line[0], when.end), place, country, when)
    m = _PLACE_ONLY.match(text, line[0])
    if m and callable(is_place) and is_place(m.group(1)):
        return Dateline(
            (line[0], m.end() - 2 if text[m.end() - 2] == "." else m.end() - 1), m.group(1), m.group(2) or ""
        )
    return None


def _place_parts(before: str) -> tuple[str, str]:
    """("Dakar", "Senegal") from "Dakar (Senegal)"; ("Guatemala City", "Guatemala") from "Guatemala City, Guatemala"."""
    if not before or len(before) > 70 or not before[0].isupper():
        return "", ""
    m = re.fullmatch(r"(.+?)\s*\(([^)]+)\)", before)
    if m:
        return m.group(1).strip(), m.group(2).strip()
    place, _, country = before.partition(",")
    return place.strip(), country.strip()


# -- the event's dates ---------------------------------------------------------------------------------------

_WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DIAS = r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)"
_RELATIVE = re.compile(
    rf"\b(?:(?:last|this|next|past) (?:week|month|weekend|{_WEEKDAYS})|earlier this (?:week|month)|yesterday|"
    rf"on {_WEEKDAYS}|(?:desde |hasta )?(?:este|esta|el pasado|la pasada|el proximo|la proxima) "
    rf"(?:{_DIAS}(?: y (?:el )?{_DIAS})?|semana|mes|fin de semana)|la semana pasada|ayer)\b"
)


def event_dates(doc: Doc, line_dateline: Dateline | None) -> list[Found]:
    """The event's first and last day: from the body, the year from the dateline when the body gives none;
    from a date-only dateline ("14-16 March 2018 - "); or only the words of a relative time, flagged."""
    dl_when = line_dateline.when if line_dateline else None
    dl_year = dl_when.year if dl_when else None
    if dl_when and not line_dateline.place:  # type: ignore[union-attr]
        return _as_found(doc, dl_when, dl_when.year, "")
    for span in doc.body():
        for clause in clause_spans(doc.text, span):
            for when in dates_in(doc, clause):
                if doc.year is None and dl_year:
                    doc.year = dl_year
                near = (clause[0], min(clause[1], when.end + 30))
                if elsewhere(doc, near) and not _holds_event(doc, near):
                    continue
                year = when.year or _year_near(dl_when, when)
                return _as_found(doc, when, year, "" if year else "no_year", clause)
    for span in doc.body():
        m = _RELATIVE.search(doc.flat, *span)
        if m:
            quote = excerpt(doc, span, m.start(), m.end())
            return [Found("date_text", doc.text[m.start() : m.end()], quote, "relative_date")]
    if dl_when:
        flag = "ambiguous" if dl_when.year else "no_year"
        return _as_found(doc, dl_when, dl_when.year, flag)
    return []


_HOLDING = re.compile(
    r"\b(?:held|took place|taking place|met|meet|convened|organi[sz]ed|was conducted|were trained|attended|"
    r"se realizo|se llevo a cabo|realizad[oa]|participaron|se desarrollo|tuvo lugar|impartio|impartieron)\b"
)


def _holds_event(doc: Doc, clause: Span) -> bool:
    """A clause that says the event itself was held (its date stands even beside a distractor figure)."""
    return bool(_HOLDING.search(doc.flat, *clause)) and not re.search(
        r"\b(?:first|second|third|next|previous|will|planned|scheduled|proxim|cuarto|tercer)\b",
        doc.flat[clause[0] : clause[1]],
    )


def _year_near(dl: When | None, when: When) -> int | None:
    """The year of a day and month the body gives without one: the dateline's, or the one before when the day
    would fall more than a month after the release was dated ("18 December" in a release of 5 January)."""
    if dl is None or dl.year is None:
        return None
    return dl.year - 1 if when.month > dl.month + 1 else dl.year


def _as_found(doc: Doc, when: When, year: int | None, flag: str, clause: Span | None = None) -> list[Found]:
    quote = excerpt(doc, clause, when.start, when.end) if clause else doc.text[when.start : when.end]
    doc.year, doc.month = year, when.month
    found = [Found("date", _iso(year, when.month, when.day), quote, flag)]
    if when.end_day:
        end_year = when.end_year or year
        if end_year and when.end_month and when.end_month < when.month and not when.end_year:
            end_year += 1
        found.append(Found("end_date", _iso(end_year, when.end_month or when.month, when.end_day), quote, flag))
    return found


def _iso(year: int | None, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


# -- a stated length -----------------------------------------------------------------------------------------

_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month"}
_UNITS |= {"hour": "hour", "hours": "hour", "dias": "day", "semanas": "week", "semana": "week", "meses": "month"}
_ADJECTIVE = re.compile(r"[ -](day|week|month|hour)\b(?! of)")  # "a four-day course", "two-week training"
_SPAN_OF = re.compile(r" (days|weeks|dias|semanas)\b")  # "over three days", "durante cinco días"
_SPAN_LEAD = re.compile(r"\b(?:over|for|during|lasting|durante|por|de) $")


def duration(doc: Doc) -> list[Found]:
    """A stated length of the event: "a four-day course", "two-week training", "Over three days", "durante cinco
    días" (not the length of something else: "sesiones diarias de cuatro horas", "in eighteen months")."""
    for span in doc.headline() + doc.body():
        if elsewhere(doc, span):
            continue
        for n in numbers(doc.text, doc.flat, doc.lang, *span):
            adjective = _ADJECTIVE.match(doc.flat, n.end)
            lasting = _SPAN_OF.match(doc.flat, n.end)
            if lasting and not _SPAN_LEAD.search(doc.flat, max(span[0], n.start - 10), n.start):
                lasting = None
            m = adjective or lasting
            if m is None:
                continue
            value = {"amount": n.value, "unit": _UNITS[m.group(1)]}
            return [Found("duration", value, excerpt(doc, span, n.start, m.end()))]
    return []

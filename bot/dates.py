"""Dates as admins type them, in English or Spanish: one day, a day without its year, or a range of days.

Pure Python. A date is stored as "YYYY-MM-DD", or as "--MM-DD" when only the day and month are known (ISO
8601's reduced form: a year is never guessed). Every failure raises `bot.edits.InvalidValue` through the
`invalid` callable given, so this module needs nothing from the rest of the bot but the month names.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from bot.engine.text import fold
from bot.messages import MONTHS_EN, MONTHS_ES

YEARS = range(1990, 2101)
MONTHS = (
    {m.lower(): i + 1 for i, m in enumerate(MONTHS_EN)}
    | {m: i + 1 for i, m in enumerate(MONTHS_ES)}
    | {m.lower()[:3]: i + 1 for i, m in enumerate(MONTHS_EN)}
    | {"setiembre": 9, "sept": 9}
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))


class DateError(ValueError):
    """`key` is the catalogue message (bad_date, impossible_date, implausible_date)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def parse_day(raw: str, *, partial: bool = True) -> str:
    """ "2021-11-13", "13/11/2021", "13 November 2021", "November 13, 2021", "13 de noviembre de 2021"; with
    `partial`, also a day without a year ("13 November", "13 de noviembre", "--11-13") as "--11-13"."""
    text = fold(raw)
    if m := re.fullmatch(r"(\d{4}) (\d{1,2}) (\d{1,2})", text):
        return _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := re.fullmatch(r"(\d{1,2}) (\d{1,2}) (\d{4})", text):
        return _day(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if partial and (m := re.fullmatch(r"(\d{1,2}) (\d{1,2})", text)) and raw.strip().startswith("--"):
        return _day(None, int(m.group(1)), int(m.group(2)))
    day, month, year = _words(text)
    if day is None or month is None or (year is None and not partial):
        raise DateError("bad_date")
    return _day(year, month, day)


def _words(text: str) -> tuple[int | None, int | None, int | None]:
    """(day, month, year) from "13 november 2021", "13 de noviembre", "november 13 2021" (None where absent)."""
    text = re.sub(r"^(?:el|the|on)\s+", "", text)
    if m := re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:de |of )?({_MONTH})(?: (?:de |del )?(\d{{4}}))?", text):
        return int(m.group(1)), MONTHS[m.group(2)], int(m.group(3)) if m.group(3) else None
    if m := re.fullmatch(rf"({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?(?: (\d{{4}}))?", text):
        return int(m.group(2)), MONTHS[m.group(1)], int(m.group(3)) if m.group(3) else None
    return None, None, None


def _day(year: int | None, month: int, day: int) -> str:
    try:
        parsed = date(year or 2000, month, day)  # 2000 was a leap year: 29 February is a day without a year
    except ValueError:
        raise DateError("impossible_date") from None
    if year is None:
        return f"--{month:02d}-{day:02d}"
    if year not in YEARS:
        raise DateError("implausible_date")
    return parsed.isoformat()


@cache
def _range() -> re.Pattern[str]:
    """A range of days (compiled when first asked: with every month name twice, 35 ms at start-up otherwise)."""
    return re.compile(
        rf"^(?:from |del |de |desde el |desde )?(?P<d1>\d{{1,2}})"
        rf"(?: (?:de )?(?P<m1>{_MONTH}))?(?: (?:de )?(?P<y1>\d{{4}}))?"
        rf" (?:(?:to|until|till|through|al|a|hasta el|hasta|y|and) )?"
        rf"(?P<d2>\d{{1,2}}) (?:de )?(?P<m2>{_MONTH})(?: (?:de |del )?(?P<y2>\d{{4}}))?$"
    )


def parse_range(raw: str) -> tuple[str, str]:
    """(first day, last day) from a range, or (day, "") from one date: "7-9 May 2021", "from 7 to 9 May",
    "28 February to 3 March 2023", "del 3 al 5 de octubre de 2023", "2023-10-03 to 2023-10-05"."""
    text = fold(raw.replace("–", " to ").replace("—", " to "))
    text = re.sub(rf"^(\d{{1,2}}) (?=\d{{1,2}} (?:de )?(?:{_MONTH})\b)", r"\1 to ", text)  # "7-9 May": the dash folds
    if m := _range().match(text):
        year = int(m.group("y2")) if m.group("y2") else None
        month2 = MONTHS[m.group("m2")]
        month1 = MONTHS[m.group("m1")] if m.group("m1") else month2
        year1 = int(m.group("y1")) if m.group("y1") else year
        if year1 is not None and year is not None and year1 == year and month1 > month2:
            year1 = year - 1  # "28 December to 3 January 2024"
        start = _day(year1, month1, int(m.group("d1")))
        end = _day(year, month2, int(m.group("d2")))
        if start.startswith("--") == end.startswith("--") and start >= end:
            raise DateError("bad_date")
        return start, end
    halves = re.split(r" (?:to|al|hasta) ", text)
    if len(halves) == 2 and all(re.fullmatch(r"\d{4} \d{1,2} \d{1,2}", h) for h in halves):
        start, end = parse_day(halves[0]), parse_day(halves[1])
        if start >= end:
            raise DateError("bad_date")
        return start, end
    return parse_day(raw), ""

"""What the facts say about one event, for each attribute: a `Finding` (data), never a sentence.

Every value a finding carries is a stored fact's value, and the facts go with it as its sources. What is not
recorded is a finding of its own ("..._unrecorded"); a combined figure stays combined; a count is said as
recorded ("over 70"). `ANSWERS` maps each attribute of `attributes.ATTRIBUTES` that is asked of an event to
the function answering it; attributes the knowledge never holds are answered by `unrecorded`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from bot.engine import lexicon
from bot.engine.ask import Ask, _groups_label, _label, _participants_word
from bot.engine.attendance import countries, men, participants, trainers, women
from bot.engine.attributes import BY_NAME
from bot.engine.keys import organisation_keys
from bot.engine.models import Finding
from bot.engine.phrase import Counted, Dates, Names, Num
from bot.engine.query import Span
from bot.engine.text import apply_synonyms, fold
from bot.engine.views import When
from knowledge.facts import Fact

# -- when and where --------------------------------------------------------------------------------------------


def when(ask: Ask) -> Finding:
    event = ask.event
    start, end = event.when, event.until
    facts = [f for f in (event.one("date"), event.one("end_date")) if f]
    if start is None:
        said = event.one("date_text")
        if said is not None:
            return ask.found("date_relative", [said], said=str(said.value))
        return ask.found("date_unrecorded", [])
    dates = Dates(start, end if end and end != start else None)
    if start.year is None:
        return ask.found("date_no_year_range" if dates.end else "date_no_year", facts, dates=dates)
    return ask.found("date_range" if dates.end else "date_on", facts, dates=dates)


def duration(ask: Ask) -> Finding:
    event = ask.event
    stated = event.one("duration")
    start, end = event.when, event.until
    facts = [f for f in (event.one("date"), event.one("end_date")) if f]
    if stated is not None:
        value = stated.value
        return ask.found(
            "duration_stated", [stated], length=Counted(int(value.get("amount", 0)), str(value.get("unit", "day")))
        )
    if start and end and end != start:
        days = _days_between(start, end)
        if days:
            return ask.found("duration_dates", facts, length=Counted(days, "day"), dates=Dates(start, end))
    if start:
        return ask.found("duration_unrecorded_date", facts, dates=Dates(start))
    return ask.found("unrecorded", [], what=_label("duration", ask))


def _days_between(start: When, end: When) -> int:
    year = start.year or 2001  # no year recorded: any year with the same months (not a leap year) will do
    try:
        first = date(year, start.month, start.day)
        last = date(end.year or (year + (1 if end.month < start.month else 0)), end.month, end.day)
    except ValueError:
        return 0
    return (last - first).days + 1 if last >= first else 0


def place(ask: Ask) -> Finding:
    event = ask.event
    venue, city, country = event.one("venue"), event.one("city"), event.one("country")
    fmt = event.one("format")
    facts = [f for f in (venue, city, country) if f]
    where = [str(f.value) for f in (city, country) if f]
    where = [w for i, w in enumerate(where) if w not in where[:i]]
    checked = ask.checked("place", "name")
    if checked and (city or country):
        asked = fold(str(checked[0].value))
        held = {fold(w) for w in where}
        key = "place_yes" if asked in held or any(asked in h for h in held) else "place_no"
        return ask.found(
            key, facts, asked=Names((str(checked[0].value),), "place"), where=Names(tuple(where), "place", "comma")
        )
    if fmt is not None and str(fmt.value) == "online" and not where:
        if venue is not None:
            return ask.found("place_online_venue", [fmt, venue], venue=str(venue.value))
        return ask.found("place_online", [fmt])
    if not facts:
        dateline = event.one("dateline")
        if dateline is not None:
            return ask.found("place_dateline_only", [dateline], dateline=str(dateline.value))
        if fmt is not None:
            return ask.found("place_format_only", [fmt], format=str(fmt.value))
        return ask.found("location_unrecorded", [])
    values: dict[str, Any] = {"where": Names(tuple(where), "place", "comma")}
    key = "place_in"
    if venue is not None:
        values["venue"] = str(venue.value)
        key = "place_at" if where else "place_venue"
    if fmt is not None and str(fmt.value) == "hybrid":
        key += "_hybrid"
        facts.append(fmt)
    return ask.found(key, facts, **values)


def format_(ask: Ask) -> Finding:
    fmt = ask.event.one("format")
    if fmt is None:
        return ask.found("format_unrecorded", [])
    held = str(fmt.value)
    if ask.yes_no:
        asked = _asked_format(ask.clause.words)
        if asked and not _either(ask.clause.words):  # "online or in person?" asks which, not whether
            same = asked == held or (held == "hybrid" and asked in ("online", "in person"))
            return ask.found("format_yes" if same else "format_no", [fmt], format=_format_word(held))
    return ask.found("format", [fmt], format=_format_word(held))


def _asked_format(words: list[str]) -> str:
    text = f" {' '.join(words)} "
    return next((f for f, cues in _FORMAT_CUES.items() if any(c in text for c in cues)), "")


def _either(words: list[str]) -> bool:
    """Whether two formats are asked as alternatives: "was it online or in person?", "¿presencial o virtual?"."""
    text = f" {' '.join(words)} "
    found = [f for f, cues in _FORMAT_CUES.items() if any(c in text for c in cues)]
    return len(found) >= 2 and (" or " in text or " o " in text)


_FORMAT_CUES = {
    "hybrid": (" hybrid ", " hibrid", " mixed "),
    "online": (" online ", " virtual", " remote", " stream", " en linea ", " zoom ", " a distancia "),
    "in person": (" in person ", " person ", " presencial", " face to face "),
}


def _format_word(held: str) -> Any:
    return Names((held,), "format")


# -- who organised, funded, supported -----------------------------------------------------------------------


def organisations(field: str) -> Callable[[Ask], Finding]:
    def answer(ask: Ask) -> Finding:
        facts = ask.event.many(field)
        checked = ask.checked("organisation", "name", "place")
        if checked:  # all the readings of the first name checked: "UK" is the government and the country
            first = [s for s in checked if (s.start, s.end) == (checked[0].start, checked[0].end)]
            return _membership(ask, field, facts, first)
        if not facts:
            if field == "funders":
                return _programme_funders(ask)
            return ask.found(f"org_{field}_unrecorded", [])
        names = Names(tuple(str(f.value) for f in facts), "org")
        if ask.how_many:
            return ask.found("count_of", facts, n=Counted(len(facts), field), names=names)
        return ask.found(f"org_{field}", facts, names=names)

    answer.__name__ = field
    return answer


def _membership(ask: Ask, field: str, facts: list[Fact], spans: list[Span]) -> Finding:
    """Yes/no: is the organisation named among the event's organisers (funders, ...)? If not, where else."""
    span = spans[0]
    typed = fold(span.text)
    wanted = {fold(str(s.value)) for s in spans} | {typed, apply_synonyms(typed, lexicon.SYNONYM_RULES)}
    wanted -= {""}

    def matches(fact: Fact) -> bool:
        keys = {f" {k} " for k in organisation_keys(str(fact.value))} | {f" {fold(str(fact.value))} "}
        return any(f" {w} " in key for w in wanted for key in keys)

    hit = [f for f in facts if matches(f)]
    what = Names((field,), "noun")
    if hit:
        return ask.found("member_yes", hit, name=Names((str(hit[0].value),), "org"), what=what)  # as recorded
    elsewhere = [
        (name, f)
        for name in ("organisers", "funders", "supporters", "partners", "trainers")
        for f in ask.event.many(name)
        if matches(f)
    ]
    if elsewhere:
        other, fact = elsewhere[0]
        return ask.found("member_elsewhere", [fact], name=span.text, what=what, other=Names((other,), "noun"))
    return ask.found("member_no", facts, name=span.text, what=what)


def _programme_funders(ask: Ask) -> Finding:
    """The event's own release names no funder of the event, but says who funds its programme: that, said as
    the programme's. A funder of the programme the release does not name is not said (another release may have
    recorded it, years before: "the Cocaine Route Programme")."""
    release = apply_synonyms(fold(" ".join(text for text, _, _ in ask.index.sentences(ask.eid))), lexicon.SYNONYM_RULES)
    for fact in ask.event.many("programmes"):
        programme = ask.index.programmes.get(str(fact.value))
        funders = programme.many("funders") if programme else []
        if release:  # an event typed in by an admin has no release to check against: its programme's, all
            funders = [f for f in funders if _named_in(str(f.value), release)]
        if programme and funders:
            return ask.found(
                "funders_via_programme",
                [fact, *funders],
                programme=programme.name,
                names=Names(tuple(str(f.value) for f in funders), "org"),
            )
    return ask.found("org_funders_unrecorded", [])


def _named_in(name: str, release: str) -> bool:
    key = apply_synonyms(fold(name), lexicon.SYNONYM_RULES)
    return bool(key) and f" {key} " in f" {release} "


# -- what it was about ---------------------------------------------------------------------------------------


def _items(field: str, fallback: str = "") -> Callable[[Ask], Finding]:
    def answer(ask: Ask) -> Finding:
        facts = ask.event.many(field) or (ask.event.many(fallback) if fallback else [])
        if not facts:
            return ask.found(f"{field}_unrecorded", [])
        items = tuple(str(f.value["text"]) if isinstance(f.value, dict) else str(f.value) for f in facts)
        if ask.how_many and field == "topics":
            return ask.found("count_of", facts, n=Counted(len(items), field), names=Names(items, "plain", "semicolon"))
        return ask.found(
            field if facts[0].field == field else fallback, facts, items=Names(items, "plain", "semicolon")
        )

    answer.__name__ = field
    return answer


def series(ask: Ask) -> Finding:
    facts = ask.event.many("series")
    if not facts:
        return ask.found("series_unrecorded", [])
    items = Names(tuple(_with_article(str(f.value.get("text", "")), ask.query.lang) for f in facts))
    ordinals = [int(s.value) for s in ask.checked("ordinal")] or (
        [int(v) for v in ask.query.of("ordinal", ask.clause)] if ask.yes_no else []
    )
    positions = [f for f in facts if isinstance(f.value.get("position"), int)]
    if ordinals and positions:
        fact = positions[0]
        key = "series_yes" if fact.value["position"] == ordinals[0] else "series_no"
        return ask.found(key, [fact], items=Names((_with_article(str(fact.value.get("text", "")), ask.query.lang),)))
    return ask.found("series", facts, items=items)


def _with_article(text: str, lang: str) -> str:
    """ "second of three workshops" -> "the second of three workshops": as a release words it, said after "was"."""
    first = text.split()[0].lower() if text.split() else ""
    return f"the {text}" if lang == "en" and first in _ENGLISH_ORDINALS else text


_ENGLISH_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth last".split())


def kind(ask: Ask) -> Finding:
    fact = ask.event.one("kind")
    if fact is None:
        return ask.found("unrecorded", [], what=_label("kind", ask))
    return ask.found("kind", [fact], kind=Names((str(fact.value),), "kind"))


def title(ask: Ask) -> Finding:
    fact = ask.event.one("title")
    if fact is None:
        return ask.found("unrecorded", [], what=_label("title", ask))
    return ask.found("title", [fact], title=str(fact.value))


def occasion(ask: Ask) -> Finding:
    fact = ask.event.one("occasion")
    if fact is None:
        return ask.found("occasion_unrecorded", [])
    return ask.found("occasion_of", [fact], occasion=str(fact.value))


def summary(ask: Ask) -> Finding:
    event = ask.event
    facts = [f for f in (event.one("title"), event.one("kind"), event.one("date"), event.one("end_date")) if f]
    place_facts = [f for f in (event.one("venue"), event.one("city"), event.one("country")) if f]
    facts += place_facts
    where = Names(tuple(dict.fromkeys(str(f.value) for f in place_facts)), "place", "comma") if place_facts else ""
    values: dict[str, Any] = {
        "title": event.text("title") or ask.index.short_name(ask.eid),
        "kind": Names((event.kind,), "kind"),
        "when": Dates(event.when, event.until if event.until != event.when else None) if event.when else "",
        "where": where,
    }
    parts = [Finding("summary_head", values)]
    total = event.one("participants")
    if total is not None:
        groups = event.many("participant_groups")
        who = _groups_label(groups) if len(groups) == 1 else _participants_word()
        parts.append(Finding("summary_attendance", {"count": Num(total.value), "who": who}))
        facts += [total, *groups]
    for field in ("organisers", "funders"):
        found = event.many(field)
        if found:
            parts.append(Finding(f"summary_{field}", {"names": Names(tuple(str(f.value) for f in found), "org")}))
            facts += found
    topics = event.many("topics")[:2]
    if topics:
        parts.append(
            Finding("summary_topics", {"items": Names(tuple(str(f.value) for f in topics), "plain", "semicolon")})
        )
        facts += topics
    return Finding("joined", {"parts": parts, "sep": ""}, facts, (ask.eid,), "summary")


def unrecorded(ask: Ask) -> Finding:
    return ask.found("unrecorded", [], what=_label(ask.attribute, ask))


def count_of(ask: Ask) -> Finding:
    return ask.found("count_unrecorded", [], what=ask.clause.counted)


def which_of(ask: Ask) -> Finding:
    return ask.found("which_unrecorded", [], what=ask.clause.counted)


ANSWERS: dict[str, Callable[[Ask], Finding]] = {
    "participants": participants,
    "women": women,
    "men": men,
    "countries": countries,
    "trainers": trainers,
    "date": when,
    "duration": duration,
    "place": place,
    "format": format_,
    "organisers": organisations("organisers"),
    "funders": organisations("funders"),
    "supporters": organisations("supporters"),
    "partners": organisations("partners"),
    "topics": _items("topics", "objectives"),
    "objectives": _items("objectives"),
    "series": series,
    "kind": kind,
    "title": title,
    "occasion": occasion,
    "summary": summary,
    "count_of": count_of,
    "which_of": which_of,
}


def answer_for(attribute: str) -> Callable[[Ask], Finding]:
    """The function answering `attribute` about one event (attributes never recorded: `unrecorded`)."""
    if attribute in ANSWERS:
        return ANSWERS[attribute]
    if attribute in BY_NAME and not BY_NAME[attribute].fields:
        return unrecorded
    return summary

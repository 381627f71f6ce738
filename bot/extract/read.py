"""The extractor itself: one release's text in, its `Extraction` out (see the package's docstring)."""

from __future__ import annotations

from collections.abc import Iterable

from bot import geo
from bot.extract import about, dates, genre, orgs, people, places, speakers
from bot.extract import programmes as programme_refs
from bot.extract.model import Extraction, Found
from bot.extract.text import Doc

# The event fields the preview says were not found when missing.
WANTED = ("title", "date", "place", "kind", "participants", "organisers", "funders", "speakers")


def extract(text: str, organisations: Iterable[str] = (), programmes: dict[str, str] | None = None) -> Extraction:
    """What the release `text` states about its event. `organisations` are names the knowledge base knows;
    `programmes` maps folded programme names and aliases to the ids of the programmes it knows."""
    known = programmes or {}
    doc = Doc(text, lang=genre.language(text))
    result = Extraction(lang=doc.lang)
    found = result.facts
    found += about.title(doc)
    line = _first_body_line(doc)
    dl = dates.dateline(doc, line, _is_place) if line else None
    if dl is not None:
        doc.dateline = dl.span
        found.append(Found("dateline", doc.say(dl.span), doc.say(dl.span)))
    found += dates.event_dates(doc, dl)
    mentioned = frozenset(name for _, _, name in places.countries_in(doc, 0, len(text)))
    place = places.event_place(doc, mentioned)
    found += place
    found += places.event_format(doc, place)
    found += dates.duration(doc)
    found += about.kind(doc)
    found += people.participants(doc)
    found += orgs.organisations(doc, list(organisations), known)
    found += speakers.speakers(doc)
    found += about.topics(doc) + about.objectives(doc) + about.series(doc)
    found += programme_refs.programmes(doc, found, known)
    found.append(Found("language", doc.lang, doc.say(doc.spans[0]) if doc.spans else text[:80]))
    result.is_event, result.not_event_why = genre.is_event(doc, found)
    result.truncated = genre.truncated(text)
    result.missing = [name for name in WANTED if not _has(result, name)]
    if dl is not None and dl.place and not result.values("city") and not result.values("country"):
        result.notes.append(f"The dateline names {dl.place}; the release does not say the event took place there.")
    return result


def _has(result: Extraction, name: str) -> bool:
    if name == "place":
        return bool(result.values("city") or result.values("country") or result.values("format") == ["online"])
    if name == "date":
        return bool(result.values("date") or result.values("date_text"))
    return bool(result.values(name))


def _first_body_line(doc: Doc) -> tuple[int, int] | None:
    for a, _ in doc.spans:
        if doc.title and a < doc.title[1]:
            continue
        end = doc.text.find("\n", a)
        return a, end if end >= 0 else len(doc.text)
    return None


def _is_place(name: str) -> bool:
    return bool(geo.country(name) or geo.city(name))

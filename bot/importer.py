"""Importing a release: the draft an admin reviews (or the command line prints), and the facts it becomes.

Pure Python (no Telegram, no disk). A `Draft` holds what the extractor found in a release, each item kept or
left out, corrected or filled in by the admin, with what the draft says about the release as a whole: whether
it reports an event, which recorded events it looks like, whether this very text was imported before.
`facts_to_save` turns it into one change: the release kept whole as a ``document:<id>`` subject, the event's
facts (each naming that document as its source, with its verbatim quote), and facts about the programmes the
release names.

A release is known by its document id, made from its text with case and spacing normalised: the same text
pasted again, or read again from its file or page, has the same id, and is said to be imported already.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.edits import (
    InvalidValue,
    check_counts,
    clean_value,
    event_subject,
    find_field,
    new_fact,
    parse_date_range,
    parse_value,
)
from bot.extract import Extraction, Found
from bot.geo import country
from bot.lookalike import LookAlike, Profile, look_alikes, profile
from bot.messages import format_date, kind_name
from bot.reading import Release
from knowledge.facts import EVENT_FIELDS, PROGRAMME_FIELDS, Fact, Source, fact_id

DOCUMENT = "document:"
LEFT_OUT_FLAGS = frozenset({"ambiguous", "elsewhere"})  # guesses: proposed unticked, never saved by --yes
PLACE_FIELDS = ("city", "country")


def document_id(text: str) -> str:
    """The id of a release's text: the same words, whatever their case and spacing, give the same id."""
    normal = " ".join(text.casefold().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def document_subject(text: str) -> str:
    return DOCUMENT + document_id(text)


@dataclass
class Item:
    """One proposed fact: what was found (or typed), and what the admin decided about it."""

    found: Found
    kept: bool = True
    typed: str = ""  # what the admin typed, when they corrected the value or filled the field in

    @property
    def field(self) -> str:
        return self.found.field

    @property
    def added(self) -> bool:
        """Filled in by the admin: not read from the release (it has no quote from it)."""
        return bool(self.typed) and not self.found.quote


@dataclass
class Draft:
    release: Release
    extraction: Extraction
    items: list[Item]
    made_title: bool = False  # the title was made from the kind, place and date: the release has no headline
    alikes: list[LookAlike] = field(default_factory=list)
    imported: bool = False  # this very text was imported before
    insist: bool = False  # the admin wants it saved although it does not read as an event
    page: int = 0
    message_id: int = 0  # the preview message whose buttons act on this draft

    @property
    def doc(self) -> str:
        return document_subject(self.release.text)

    @property
    def title(self) -> str:
        return next((str(i.found.value) for i in self.items if i.field == "title" and not i.found.subject), "")

    def kept(self) -> list[Item]:
        return [i for i in self.items if i.kept]

    def missing(self) -> list[str]:
        """The event fields the extractor looked for and that are still not there."""
        have = {i.field for i in self.kept() if not i.found.subject}
        wanted = [m for m in self.extraction.missing if m != "title"]
        return [m for m in wanted if m not in have and not (m == "place" and have & set(PLACE_FIELDS))]

    def profile(self) -> Profile:
        """What the release states, to compare with recorded events: every fact found, ticked or not (a date
        left unticked as a guess still says which event the text is about)."""
        return profile((i.field, i.found.value) for i in self.items if not i.found.subject)


def new_draft(release: Release, extraction: Extraction, recorded: dict[str, Profile], imported: bool) -> Draft:
    """The draft of a release: every found fact, guesses unticked, a made-up title when it has no headline."""
    items = [Item(f, kept=f.flag not in LEFT_OUT_FLAGS) for f in extraction.facts]
    made_title = not any(i.field == "title" and not i.found.subject for i in items)
    if made_title:
        items.insert(0, Item(_made_title(extraction.facts, release)))
    if not any(i.field == "language" and not i.found.subject for i in items) and items:
        first = release.text.strip().split("\n", 1)[0][:200]
        items.append(Item(Found("language", extraction.lang, first)))
    draft = Draft(release, extraction, items, made_title, imported=imported)
    refresh_alikes(draft, recorded)
    return draft


def _made_title(found: list[Found], release: Release) -> Found:
    """A name for an event whose release has no headline: from its kind, place and date (said to be made)."""
    values = {f.field: f for f in found if not f.subject}
    kind = str(values["kind"].value) if "kind" in values else "event"
    place = next((values[k] for k in PLACE_FIELDS if k in values), None)
    day = values.get("date")
    when = ""
    if day and re.fullmatch(r"\d{4}-\d\d-\d\d", str(day.value)):
        when = format_date(date.fromisoformat(str(day.value)), "en")
    parts = [kind_name(kind, "en").capitalize(), str(place.value) if place else "", when]
    title = ", ".join(p for p in parts if p) if (place or when) else (release.title or release.origin or "")
    quote = day.quote if day else place.quote if place else ""
    return Found("title", title or kind_name(kind, "en").capitalize(), quote)


# -- what the admin changes ------------------------------------------------------------------------------------


def refresh_alikes(draft: Draft, recorded: dict[str, Profile]) -> None:
    """Compare the draft again, as the admin has corrected it."""
    draft.alikes = look_alikes(draft.profile(), recorded)


def toggle(draft: Draft, n: int) -> None:
    if 0 <= n < len(draft.items):
        draft.items[n].kept = not draft.items[n].kept


@dataclass(frozen=True)
class Edit:
    """A line the admin typed under a preview: "4 14 March 2018" (item 4 is that) or "city Freetown"."""

    item: int | None  # the item to correct (0-based), or None to fill in `field`
    field: str
    value: str


def read_edit(draft: Draft, text: str) -> Edit:
    """What a typed line asks for; `InvalidValue("import_edit_unclear")` when it is neither form."""
    text = text.strip()
    if m := re.fullmatch(r"#?(\d{1,3})[.:)]?\s+(.+)", text, flags=re.DOTALL):
        n = int(m.group(1)) - 1
        if not 0 <= n < len(draft.items):
            raise InvalidValue("import_no_item", n=n + 1, count=len(draft.items))
        return Edit(n, draft.items[n].field, m.group(2).strip())
    words = text.split(None, 2)
    for used in (2, 1):
        if len(words) > used:
            key = "_".join(words[:used])
            if used == 1 and key.lower().rstrip(":") in ("place", "lugar"):
                return Edit(None, "place", words[1] if len(words) == 2 else f"{words[1]} {words[2]}")
            found = find_field(key.rstrip(":"))
            if found and found[1] == 100.0 and found[0] in EVENT_FIELDS:
                return Edit(None, found[0], " ".join(words[used:]))
    raise InvalidValue("import_edit_unclear")


def apply_edit(draft: Draft, edit: Edit, programmes: dict[str, str]) -> list[str]:
    """Make the edit (values checked as /addfact checks them); returns the fields it set."""
    if edit.item is not None and draft.items[edit.item].found.subject:  # a programme's name, alias or funder
        _replace(draft, edit.item, clean_value(edit.value), edit.value)
        return [edit.field]
    if edit.field == "place":
        return [_fill(draft, name, value, edit.value) for name, value in _place(edit.value).items()]
    if edit.field in ("date", "end_date") and edit.item is None:
        start, end = parse_date_range(edit.value)
        fields = [_fill(draft, "date", start, edit.value)]
        if end:
            fields.append(_fill(draft, "end_date", end, edit.value))
        return fields
    value = parse_value(edit.field, edit.value, programmes=programmes)
    _check_counts(draft, edit.field, value, edit.item)
    if edit.item is not None:
        _replace(draft, edit.item, value, edit.value)
        return [edit.field]
    return [_fill(draft, edit.field, value, edit.value)]


def _place(raw: str) -> dict[str, str]:
    """ "City, Country" -> both; one name is taken as a country when it is one, else as a city."""
    parts = [clean_value(p) for p in raw.rsplit(",", 1) if p.strip()]
    if len(parts) == 2:
        return {"city": parts[0], "country": country(parts[1]) or parts[1]}
    named = country(parts[0]) if parts else None
    return {"country": named} if named else {"city": clean_value(raw)}


def _replace(draft: Draft, n: int, value: Any, typed: str) -> None:
    item = draft.items[n]
    draft.items[n] = Item(Found(item.field, value, item.found.quote, "", item.found.subject), True, typed)


def _fill(draft: Draft, name: str, value: Any, typed: str) -> str:
    """Set a one-value field (replacing what was proposed) or add an item to a list field."""
    if not EVENT_FIELDS[name].many:
        for n, item in enumerate(draft.items):
            if item.field == name and not item.found.subject:
                draft.items[n] = Item(Found(name, value, ""), True, typed)
                return name
    draft.items.append(Item(Found(name, value, ""), True, typed))
    return name


def _check_counts(draft: Draft, name: str, value: Any, replacing: int | None) -> None:
    kept = [(n, i) for n, i in enumerate(draft.items) if i.kept and not i.found.subject and n != replacing]
    total = next((i.found.value for _, i in kept if i.field == "participants"), None)
    groups = [i.found.value for _, i in kept if i.field == "participant_groups"]
    if name == "participants":
        check_counts(value, groups)
    elif name == "participant_groups":
        check_counts(total, [*groups, value])


# -- what is saved ---------------------------------------------------------------------------------------------


def blocked(draft: Draft) -> str:
    """Why the draft cannot be saved as it is (a catalogue key), or "" when it can."""
    if draft.imported:
        return "import_already"
    if not any(i.field == "title" and not i.found.subject for i in draft.kept()):
        return "import_needs_title"
    if not draft.extraction.is_event and not draft.insist:
        return "import_not_event_save"
    return ""


@dataclass(frozen=True)
class Who:
    """Who saves an import, as its facts' sources say it."""

    name: str  # "Ana (4242)" or "command line"
    on: str = field(default_factory=lambda: date.today().isoformat())


def facts_to_save(
    draft: Draft, who: Who, taken: set[str], programme_facts: set[str], *, sure_only: bool = False
) -> tuple[str, list[Fact]]:
    """The event's subject and every fact of the change: the document, the event, the programmes.

    `taken` are the event subjects already used; `programme_facts` the ids of programme facts already
    recorded (a programme's name is not replaced, an alias already there is not added again). With
    `sure_only` (the command line's --yes), flagged guesses are left out and a date whose year the release
    does not give is kept without it.
    """
    items = [i for i in draft.kept() if not (sure_only and i.found.flag in LEFT_OUT_FLAGS)]
    values = {i.field: i.found.value for i in items if not i.found.subject}
    title = str(values.get("title") or draft.release.title or draft.release.origin or "release")
    place = next((str(values[k]) for k in PLACE_FIELDS if k in values), None)
    day = str(values["date"]) if "date" in values else None
    subject = _unique(event_subject(title, day, place), taken)
    doc = draft.doc
    doc_title = draft.release.title or title
    read = Source(doc=doc, doc_title=doc_title, added_by=who.name, added_on=who.on)
    facts = [new_fact(doc, name, value, read) for name, value in _document(draft, doc_title).items()]
    for item in items:
        value = _sure(item.found) if sure_only else item.found.value
        if item.added:
            source = Source("admin", item.typed, f"Added by {who.name} on {who.on} ({doc_title})", who.name, who.on)
        else:
            source = read._replace(quote=item.found.quote)
        target = item.found.subject or subject
        fid = fact_id(target, item.field, value)
        if item.found.subject and (fid in programme_facts or _has_one(target, item.field, programme_facts)):
            continue
        facts.append(new_fact(target, item.field, value, source))
    return subject, _once(facts)


def _document(draft: Draft, title: str) -> dict[str, str]:
    doc = {"title": title, "text": draft.release.text, "language": draft.extraction.lang}
    return doc | ({"url": draft.release.url} if draft.release.url else {})


def _sure(found: Found) -> Any:
    """The value as the text states it: a date whose year is not given loses any year put on it."""
    value = found.value
    if found.flag == "no_year" and isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "--" + value[5:]
    return value


def _has_one(subject: str, name: str, recorded: set[str]) -> bool:
    spec = PROGRAMME_FIELDS.get(name)
    return spec is not None and not spec.many and f"{subject}/{name}" in recorded


def _unique(subject: str, taken: set[str]) -> str:
    candidate, n = subject, 2
    while candidate in taken:
        candidate, n = f"{subject[:45]}-{n}", n + 1
    return candidate


def _once(facts: list[Fact]) -> list[Fact]:
    """One fact per id (two items that say the same keep the first quote)."""
    seen: dict[str, Fact] = {}
    for fact in facts:
        seen.setdefault(fact.fid, fact)
    return list(seen.values())

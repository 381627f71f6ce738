"""What the importer proposes: one `Found` per fact, gathered in an `Extraction`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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

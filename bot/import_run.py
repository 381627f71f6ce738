"""Running an import against the knowledge: what is known already (events to compare with, programmes and
organisations to recognise, releases imported before), a draft for each release, and saving one as one
change that is refused when the same text was saved meanwhile.

Used by the chat (`handlers.importing`, in a worker thread) and the command line (`bot.import_cli`). It goes
through the store's public methods only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.engine.text import fold
from bot.extract import Extraction
from bot.importer import Draft, Who, document_subject, facts_to_save, new_draft
from bot.lookalike import Profile, profile, recorded_profiles
from bot.reading import Release
from knowledge.facts import Fact
from knowledge.store import Store

PROGRAMME_NAMES = ("name", "full_name", "name_es", "aliases")


@dataclass
class Known:
    """What an import is compared with and recognises, kept up to date as releases are saved."""

    recorded: dict[str, Profile] = field(default_factory=dict)  # event id -> profile
    programmes: dict[str, str] = field(default_factory=dict)  # folded name or alias -> programme id
    organisations: set[str] = field(default_factory=set)
    taken: set[str] = field(default_factory=set)  # event subjects in use
    programme_facts: set[str] = field(default_factory=set)  # ids of programme facts recorded
    documents: set[str] = field(default_factory=set)  # document subjects imported

    @classmethod
    def of(cls, facts: Iterable[Fact]) -> Known:
        facts = list(facts)
        known = cls(recorded=recorded_profiles(facts))
        known.learn(facts)
        return known

    def learn(self, facts: Iterable[Fact]) -> None:
        """Take in facts just saved (or all of them, from `of`)."""
        for fact in facts:
            kind, _, ident = fact.subject.partition(":")
            if kind == "event":
                self.taken.add(fact.subject)
                if fact.field in ("organisers", "funders", "supporters", "partners"):
                    self.organisations.add(str(fact.value))
            elif kind == "programme":
                self.programme_facts.add(fact.fid)
                self.programmes.setdefault(fold(ident.replace("-", " ")), ident)
                if fact.field in PROGRAMME_NAMES:
                    self.programmes.setdefault(fold(str(fact.value)), ident)
            elif kind == "document" and fact.field == "text":
                self.documents.add(fact.subject)

    def remember(self, subject: str, facts: list[Fact]) -> None:
        """A release just saved: its event is one to compare the next ones with."""
        self.learn(facts)
        mine = [(f.field, f.value) for f in facts if f.subject == subject]
        self.recorded[subject.removeprefix("event:")] = profile(mine)


def extract(text: str, organisations: Iterable[str], programmes: dict[str, str]) -> Extraction:
    """The extractor's reading of `text` (the extractor and its libraries load only when a release is read)."""
    from bot.extract import extract as read

    return read(text, organisations, programmes)


def prepare(release: Release, known: Known) -> Draft:
    """The draft of a release: read by the extractor, compared with what is recorded."""
    extraction = extract(release.text, known.organisations, known.programmes)
    imported = document_subject(release.text) in known.documents
    return new_draft(release, extraction, known.recorded, imported)


def save(
    store: Store, draft: Draft, known: Known, who: Who, actor: str, *, sure_only: bool = False
) -> tuple[str, list[Fact]] | None:
    """Save the draft as one change; None (and nothing saved) when its text was imported meanwhile, by
    another admin or another process: the check and the write are one step under the store's writer lock.

    Raises `ChangedMeanwhile` (nothing saved) when a fact it would add was saved by someone else since `known`
    was read (another event given the same id): an import never overwrites."""
    subject, facts = facts_to_save(draft, who, known.taken, known.programme_facts, sure_only=sure_only)
    with store.batch():
        if store.fact(f"{draft.doc}/text") is not None:
            known.documents.add(draft.doc)
            return None
        fresh = {f.fid: None for f in facts if f.subject == subject}
        store.apply(facts, [], actor, who.name, expect=fresh)
    known.remember(subject, facts)
    return subject, facts

"""What the engine makes of a message: the spans that name things, the clauses that ask, the whole query.

Plain data, made by `understand` (spans) and `clauses` (what each clause asks), read by everything after.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """Words of the message that name something: `kind` of thing and its canonical `value`."""

    kind: str  # year, month, day, place, kind, role, programme, person, organisation, keyword, ordinal, name
    value: str | int
    start: int  # word positions in `Query.words`
    end: int
    text: str = ""


@dataclass
class Clause:
    """One question of a message: its words, its form, and the attributes it asks, best first."""

    start: int
    end: int
    words: list[str]
    form: str = ""
    attributes: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    counted: str = ""  # "how many containers ...": what is counted, when no attribute holds it (as typed)

    @property
    def attribute(self) -> str:
        return self.attributes[0] if self.attributes else ""

    @property
    def yes_no(self) -> bool:
        return self.form == "yes_no"


@dataclass
class Query:
    text: str
    folded: str
    lang: str
    words: list[str] = field(default_factory=list)
    original: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    small_talk: str = ""
    out_of_domain: float = 0.0  # how surely it asks about something else ("weather": 1.0); 0 when unsure
    relative_year: int = 0  # "the year before" = -1, "two years later" = 2
    other: bool = False  # "the other one"
    pronoun_person: bool = False  # "her title?", "what did he say?"

    def of(self, kind: str, clause: Clause | None = None) -> list[str | int]:
        """The values of the spans of `kind` (in `clause`, or anywhere), each once, in order."""
        out: list[str | int] = []
        for span in self.spans:
            inside = clause is None or clause.start <= span.start < clause.end
            if span.kind == kind and inside and span.value not in out:
                out.append(span.value)
        return out

    def strs(self, kind: str, clause: Clause | None = None) -> list[str]:
        return [str(v) for v in self.of(kind, clause)]

    def ints(self, kind: str, clause: Clause | None = None) -> list[int]:
        return [int(v) for v in self.of(kind, clause)]

    @property
    def names_something(self) -> bool:
        return any(s.kind not in ("role", "ordinal") for s in self.spans)

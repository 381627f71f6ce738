"""From a message to a `Query`: its language, the things it names (spans), and the questions it asks (clauses).

The steps, each cheap:
1. clean the text and split it into words, keeping each word's original spelling (capitals tell names);
2. correct misspelt words against the index's vocabulary (`spelling`), and rewrite synonyms to one form;
3. find spans: the longest known phrases (places, kinds of event, roles, programmes, people, organisations),
   years, months and days, ordinals, words of the events' topics, and capitalised words nobody knows;
4. split the message into clauses, one per question ("When and where ...", "... and who funded it?"), and
   give each its form (how many, when, yes or no ...) and the attributes it asks (`attributes.ATTRIBUTES`).
What the spans refer to is decided later, against the events (`resolve`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.engine import lexicon
from bot.engine.attributes import (
    ASKED,
    ATTRIBUTE_CUES,
    ATTRIBUTES,
    BY_NAME,
    DOMAIN_CUES,
    EVERY_CUE,
    FORM_CUES,
    FORMS,
    UNRECORDED,
    WEAK,
)
from bot.engine.index import KnowledgeIndex
from bot.engine.spelling import Speller
from bot.engine.text import apply_synonyms, clean_input, fold
from bot.messages import DEFAULT_LANG

_WORD = re.compile(r"[^\W_]+")
_YEAR = re.compile(r"^(19[5-9]\d|20\d\d)$")
_BREAK = re.compile(r"[?;¿!]|[,:](?=\s)")
# Words that start a question, so that "..., and who funded it?" starts a new clause.
_QUESTION_STARTS = frozenset(
    "how what which who whom whose when where was were did is are does do has had cuanto cuantos cuanta cuantas "
    "que quien quienes cual cuales cuando donde fue fueron hubo estuvo estuvieron era eran participo "
    "participaron tuvo".split()
)
_JOINERS = frozenset({"and", "y", "e", "also", "as", "plus", "then", "tambien"})
_PREPOSITIONS = frozenset(
    {"with", "by", "for", "in", "at", "on", "from", "con", "de", "en", "por", "para", "a", "desde"}
)
_AUXILIARIES = frozenset("was were did is are does do has had fue fueron hubo estuvo estuvieron era eran tuvo".split())
_RELATIVE_YEAR = (
    (re.compile(r"\b(the )?(year|año) (before|earlier|previous|anterior|antes)\b|\bel año anterior\b"), -1),
    (re.compile(r"\b(the )?(previous|prior) year\b|\blast year\b|\bel año pasado\b"), -1),
    (re.compile(r"\b(the )?(year after|next year|following year)\b|\bel año siguiente\b|\bal año siguiente\b"), 1),
    (re.compile(r"\b(\w+) years? (later|after|despues)\b|\b(\w+) años (despues|mas tarde)\b"), 0),
    (re.compile(r"\b(\w+) years? (before|earlier|antes)\b|\b(\w+) años antes\b"), 0),
)
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "un": 1,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "a": 1,
}
_OTHER = re.compile(r"\b(the other( one)?|the other event|el otro|la otra|the second one|el segundo|la segunda)\b")
_PRONOUN_PERSON = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "el", "ella", "su"})


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
    out_of_domain: bool = False
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


class Parser:
    """Turns text into a `Query` against one index (its vocabulary, its names)."""

    def __init__(self, index: KnowledgeIndex) -> None:
        self.index = index
        self.speller = Speller(index)

    def parse(self, text: str, lang: str | None = None, lang_hint: str | None = None) -> Query:
        cleaned = clean_input(text)
        original = _WORD.findall(cleaned)
        raw = [fold(w) for w in original]
        lang = lang or detect_language(cleaned, raw, lang_hint)
        words = [self.speller.correct(w, o) for w, o in zip(raw, original, strict=True)]
        folded = " ".join(words)
        query = Query(text=cleaned, folded=folded, lang=lang, words=words, original=original)
        query.small_talk = _small_talk(raw)
        query.out_of_domain = DOMAIN_CUES.scores(words, f" {folded} ").get("out", 0.0) >= 0.9
        self._scan(query)
        query.clauses = _clauses(query, cleaned, self.index.bigrams)
        query.relative_year = _relative_year(folded)
        query.other = bool(_OTHER.search(folded))
        query.pronoun_person = any(w in _PRONOUN_PERSON for w in raw)
        return query

    # -- spans ---------------------------------------------------------------------------------------------

    def _scan(self, query: Query) -> None:
        index, words, original = self.index, query.words, query.original
        fillers = _filler_positions(words)
        i = 0
        while i < len(words):
            if i in fillers:
                i += 1
                continue
            word = words[i]
            if _YEAR.match(word):
                query.spans.append(Span("year", int(word), i, i + 1, word))
                i += 1
                continue
            month = lexicon.MONTHS.get(word)
            if month and (word != "may" or _looks_like_month(words, i)):
                query.spans.append(Span("month", month, i, i + 1, original[i]))
                if i > 0 and words[i - 1].isdigit() and 0 < int(words[i - 1]) <= 31:
                    query.spans.append(Span("day", int(words[i - 1]), i - 1, i, words[i - 1]))
                elif i + 1 < len(words) and words[i + 1].isdigit() and 0 < int(words[i + 1]) <= 31:
                    query.spans.append(Span("day", int(words[i + 1]), i + 1, i + 2, words[i + 1]))
                i += 1
                continue
            if word in lexicon.ORDINALS:
                query.spans.append(Span("ordinal", lexicon.ORDINALS[word], i, i + 1, original[i]))
                i += 1
                continue
            taken = self._phrase_at(query, i, fillers)
            if taken:
                i += taken
                continue
            if _content(word) and word in index.by_keyword:
                query.spans.append(Span("keyword", word, i, i + 1, original[i]))
            elif _looks_like_name(original[i], i, words):
                query.spans.append(Span("name", original[i], i, i + 1, original[i]))
            i += 1
        _merge_names(query)

    def _phrase_at(self, query: Query, i: int, fillers: set[int]) -> int:
        """The longest known phrase starting at word i (synonyms applied): its spans are added; words taken."""
        index, words = self.index, query.words
        for n in range(min(index.max_alias_words + 1, len(words) - i), 0, -1):
            if any(j in fillers for j in range(i, i + n)):
                continue
            phrase = " ".join(words[i : i + n])
            named = index.aliases.get(phrase) or index.aliases.get(apply_synonyms(phrase, lexicon.SYNONYM_RULES))
            if not named:
                continue
            if n == 1 and not _content(phrase) and not any(kind in ("place", "kind", "role") for kind, _ in named):
                continue
            text = " ".join(query.original[i : i + n])
            held = {(k, v) for k, v in named if k == "place" and fold(str(v)) in index.by_place}
            if held:  # a place events were held in, as they record it ("Santo Domingo"), not the gazetteer's
                named = held | {(k, v) for k, v in named if k != "place"}
            if any(kind == "programme" for kind, _ in named):  # an organiser that is a programme is the programme
                named = {(kind, value) for kind, value in named if kind != "organisation"}
            for kind, value in sorted(named):
                query.spans.append(Span(kind, value, i, i + n, text))
            return n
        return 0


def _content(word: str) -> bool:
    """A word that can describe an event: not a stop word, filler, question word or cue."""
    return (
        len(word) > 2
        and word not in lexicon.STOPWORDS
        and word not in lexicon.FILLER_WORDS
        and not is_cue_word(word)
        and not word.isdigit()
    )


_CUE_WORDS = frozenset(word for phrase, weight in EVERY_CUE if weight >= WEAK for word in phrase.rstrip("*").split())
_CUE_STEMS = tuple(
    phrase[:-1]
    for row in (*ATTRIBUTES, *UNRECORDED)
    for phrase, weight in row.cues
    if phrase.endswith("*") and weight >= WEAK
)


def is_cue_word(word: str) -> bool:
    """Whether a word signals what is asked ("organised", "funding"): such words never describe an event."""
    return word in _CUE_WORDS or word.startswith(_CUE_STEMS)


def _looks_like_month(words: list[str], i: int) -> bool:
    """ "May" is a month next to a day or a year, or after "in"/"of"; otherwise it is the verb."""
    near = words[max(0, i - 1) : i + 2]
    return any(w.isdigit() for w in near) or (i > 0 and words[i - 1] in ("in", "of", "during", "since", "until"))


def _looks_like_name(original: str, i: int, words: list[str]) -> bool:
    """A capitalised word (or an acronym) that is no ordinary function word: maybe a place or an event's name."""
    if not original[:1].isupper() or len(original) < 3:
        return False
    word = fold(original)
    if word in lexicon.STOPWORDS or word in lexicon.FILLER_WORDS or is_cue_word(word) or word in lexicon.MONTHS:
        return False
    if word in _QUESTION_STARTS or word in lexicon.SPANISH_MARKERS or word in lexicon.ENGLISH_MARKERS:
        return False
    return not (i == 0 and original.istitle() and not original.isupper() and word in lexicon.COMMON_OPENERS)


def _merge_names(query: Query) -> None:
    """Adjacent unknown capitalised words are one name ("San Pedro Sula")."""
    merged: list[Span] = []
    for span in query.spans:
        last = merged[-1] if merged else None
        if span.kind == "name" and last is not None and last.kind == "name" and last.end == span.start:
            merged[-1] = Span("name", f"{last.value} {span.value}", last.start, span.end, f"{last.text} {span.text}")
        else:
            merged.append(span)
    query.spans = merged


def _filler_positions(words: list[str]) -> set[int]:
    """Positions of words that belong to polite openers and fillers ("buenas tardes, una consulta")."""
    taken: set[int] = set()
    padded = f" {' '.join(words)} "
    for phrase in lexicon.FILLERS:
        at = padded.find(f" {phrase} ")
        while at >= 0:
            first = padded[:at].count(" ")
            taken.update(range(first, first + len(phrase.split())))
            at = padded.find(f" {phrase} ", at + 1)
    return taken


# -- clauses and what they ask -------------------------------------------------------------------------------


def _clauses(query: Query, cleaned: str, bigrams: frozenset[str] | set[str]) -> list[Clause]:
    """The questions of the message: a new one starts at a question word after a break ("?", ",", ";") or a
    joining word ("and", "y"), as in "When and where ...?" or "..., and who funded it?"; a preposition before
    the question word goes with it ("..., with whose support", "y de qué países")."""
    words = query.words
    breaks = _break_positions(cleaned, query.original)
    starts = [0]
    for i in range(1, len(words)):
        word = words[i]
        if word not in _QUESTION_STARTS and not (word == "with" and i + 1 < len(words) and words[i + 1] == "whose"):
            continue
        start = i - 1 if words[i - 1] in _PREPOSITIONS and i >= 2 else i
        if start > starts[-1] and (words[start - 1] in _JOINERS or start in breaks):
            starts.append(start)
    clauses = [Clause(a, b, words[a:b]) for a, b in zip(starts, [*starts[1:], len(words)], strict=True)]
    for clause in clauses:
        _ask(clause, query, bigrams)
    return _merge_bare(clauses)


def _break_positions(cleaned: str, original: list[str]) -> set[int]:
    """Word positions that follow a "?", ";", "," or ":" in the text."""
    out: set[int] = set()
    at = 0
    for i, word in enumerate(original):
        found = cleaned.find(word, at)
        if found < 0:
            continue
        if i and _BREAK.search(cleaned[at:found]):
            out.add(i)
        at = found + len(word)
    return out


def _describes(words: list[str], i: int, bigrams: frozenset[str] | set[str]) -> bool:
    """Whether word i is part of a phrase some event's title or topics hold ("virtual assets", "financial
    investigations", "Drugs Online"): then it describes the event and is not a cue ("virtual", "financial")."""
    return (i > 0 and f"{words[i - 1]} {words[i]}" in bigrams) or (
        i + 1 < len(words) and f"{words[i]} {words[i + 1]}" in bigrams
    )


def _ask(clause: Clause, query: Query, bigrams: frozenset[str] | set[str]) -> None:
    """The clause's form and the attributes it asks, by their cues and the spans it holds. Words inside a name
    ("Container Control Programme") are not cues, and a cue word that also describes events ("financial
    investigations", "virtual assets") counts less."""
    named = {i for s in query.spans if s.kind in _NAMES and s.end - s.start > 1 for i in range(s.start, s.end)}
    words = [
        "_" if i in named or _describes(query.words, i, bigrams) else w
        for i, w in enumerate(clause.words, clause.start)
    ]
    padded = f" {' '.join(words)} "
    clause.form = _form(words, padded)
    scores = ATTRIBUTE_CUES.scores(words, padded)
    roles = _asked_roles(query, clause)
    if "women" in roles:
        scores["women"] = max(scores.get("women", 0), 0.95) + 0.1
    if "men" in roles:
        scores["men"] = max(scores.get("men", 0), 0.9) + 0.1
    if [r for r in roles if r not in ("women", "men")] and clause.form in ("how_many", "yes_no", ""):
        scores["participants"] = max(scores.get("participants", 0), 0.5) + 0.3
    if query.of("person", clause):
        for name in ("position", "statements"):
            if name in scores:
                scores[name] += 0.25
    if "trainers" in scores and "countries" in scores:
        scores["trainers"] += 0.3  # "which countries did the trainers come from": the trainers' countries
    if "format" in scores and "place" in scores and scores["format"] >= 0.9:
        scores["place"] -= 0.3  # "was it held in person": the format, not the place
    if clause.form == "how_many" and "countries" in scores and not _names_countries(words):
        scores["participants"] = max(scores.get("participants", 0), scores.pop("countries"))  # "how many came from X"
    default = next((f.default for f in FORMS if f.name == clause.form), "")
    if default and default in scores and clause.form in ("when", "where"):
        scores[default] += 0.2  # "when was the 'Drugs Online' webinar held": the date, whatever the title says
    strong = max(scores.values(), default=0.0)
    if strong >= ASKED:
        scores = {n: s for n, s in scores.items() if s >= WEAK or s == strong}
    clause.scores = scores
    ranked = sorted((n for n, s in scores.items() if s >= ASKED), key=lambda n: -scores[n])
    if clause.form == "how_many" and ranked and ranked[0] == "participants":
        countable = [n for n in ranked[1:] if BY_NAME[n].counts and scores[n] >= 0.8]
        ranked = countable[:1] + [n for n in ranked if n not in countable[:1]]  # "how many speakers attended"
    if _asks_which_events(words):  # "which trainings were funded by the UK": a list, funders as its filter
        ranked = ["events", *[n for n in ranked if n != "events"]]
        scores["events"] = max(scores.get("events", 0.0), 0.9)
    if ranked:
        clause.attributes = _joined(ranked, scores, words)
    elif clause.yes_no:
        clause.attributes = _checks(query, clause)
    else:
        clause.attributes = [default] if default else []


def _checks(query: Query, clause: Clause) -> list[str]:
    """What a yes/no question with no cue asks, by what it names: "was El Salvador at ...?" (a country: the
    participants' countries), "was INTERPOL at ...?" (an organisation), "did Walsh ...?" (a speaker),
    "was it the second ...?" (a place in a series)."""
    kinds = [s.kind for s in query.spans if clause.start <= s.start < clause.end]
    for kind, attribute in (("ordinal", "series"), ("person", "speakers"), ("organisation", "organisers")):
        if kind in kinds:
            return [attribute]
    if "name" in kinds:
        return ["organisers"]
    if "place" in kinds:
        return ["countries"] if len(kinds) > 1 else ["place"]
    return []


_NAMES = frozenset({"place", "programme", "organisation", "person"})
_WHICH = frozenset({"which", "what", "que", "cuales", "cuantos", "cuantas", "how"})
_PLURAL_EVENTS = frozenset(
    "events trainings workshops courses webinars seminars meetings conferences activities forums eventos "
    "capacitaciones talleres cursos seminarios reuniones conferencias actividades foros".split()
)


def _asks_which_events(words: list[str]) -> bool:
    """ "Which trainings ...", "what events ...", "¿qué capacitaciones ...", "how many workshops ..."."""
    content = [w for w in words if w not in lexicon.FILLER_WORDS]
    for i, word in enumerate(content[:4]):
        if word in _PLURAL_EVENTS and i > 0 and (content[i - 1] in _WHICH or content[i - 1] == "many"):
            return True
    return False


_COUNTRY_NOUNS = ("countr", "nation", "pais", "nacion")


def _names_countries(words: list[str]) -> bool:
    return any(w.startswith(_COUNTRY_NOUNS) for w in words)


def _asked_roles(query: Query, clause: Clause) -> list[str]:
    """The roles a clause asks about: with several, the one right after "how many" ("¿Cuántos fiscales
    participan en el curso para investigadores?" asks about prosecutors)."""
    spans = [s for s in query.spans if s.kind == "role" and clause.start <= s.start < clause.end]
    if len(spans) <= 1:
        return [str(s.value) for s in spans]
    words = query.words
    asked = [
        s for s in spans if s.start > 0 and words[s.start - 1] in _COUNT_WORDS | {"were", "eran", "fueron", "many"}
    ]
    return [str(s.value) for s in (asked or spans[:1])]


_COUNT_WORDS = frozenset({"many", "cuantos", "cuantas", "of", "de"})


def _joined(ranked: list[str], scores: dict[str, float], words: list[str]) -> list[str]:
    """The best attribute, and a second one joined to it ("who organised and funded it")."""
    first = ranked[0]
    for other in ranked[1:]:
        if scores[other] >= 0.85 and scores[first] - scores[other] <= 0.15 and _JOINERS & set(words):
            return [first, other]
    return [first]


def _form(words: list[str], padded: str) -> str:
    content = [w for w in words if w not in lexicon.FILLER_WORDS and w not in _JOINERS and w not in _PREPOSITIONS]
    first = content[0] if content else ""
    scores = FORM_CUES.scores(words, padded)
    for form in ("compare", "total", "how_many", "list"):  # these decide the answer's shape, whatever else is asked
        if scores.get(form, 0.0) >= 0.8:
            return form
    if first in _AUXILIARIES:
        return "yes_no"
    best = max(((s, f) for f, s in scores.items() if f != "yes_no"), default=(0.0, ""))
    return best[1] if best[0] >= 0.7 else ""


def _merge_bare(clauses: list[Clause]) -> list[Clause]:
    """A clause that is only a question word ("When" in "When and where ...?") shares the next one's words."""
    out: list[Clause] = []
    for clause in clauses:
        if out and len([w for w in out[-1].words if w not in _JOINERS]) <= 1 and out[-1].form:
            bare = out.pop()
            clause.attributes = [*bare.attributes, *[a for a in clause.attributes if a not in bare.attributes]]
            clause.start = bare.start
            clause.words = bare.words + clause.words
        out.append(clause)
    return [c for c in out if c.words]


def _small_talk(words: list[str]) -> str:
    """ "greeting", "thanks" or "help" when that is all the message says."""
    scores = DOMAIN_CUES.scores(words, f" {' '.join(words)} ")
    scores.pop("out", None)
    best = max(scores.items(), key=lambda kv: kv[1], default=("", 0.0))
    return best[0] if best[1] >= 0.6 else ""


def _relative_year(folded: str) -> int:
    for pattern, step in _RELATIVE_YEAR:
        match = pattern.search(folded)
        if not match:
            continue
        if step:
            return step
        number = next((g for g in match.groups() if g and g not in ("the",)), "")
        n = int(number) if number.isdigit() else _NUMBER_WORDS.get(number, 0)
        if not n:
            continue
        return -n if re.search(r"before|earlier|antes", match.group(0)) else n
    return 0


def detect_language(text: str, tokens: list[str], hint: str | None = None) -> str:
    """'es' or 'en' from the words themselves; the user's Telegram language breaks ties."""
    es: float = sum(1 for t in tokens if t in lexicon.SPANISH_MARKERS and t not in lexicon.ENGLISH_MARKERS)
    en = sum(1 for t in tokens if t in lexicon.ENGLISH_MARKERS and t not in lexicon.SPANISH_MARKERS)
    if any(ch in text for ch in "¿¡ñÑ"):
        es += 1
    elif re.search(r"[áéíóúÁÉÍÓÚ]", text):
        es += 0.5
    if es > en:
        return "es"
    if en > es:
        return "en"
    hint = (hint or "").split("-")[0].lower()
    return hint if hint in ("en", "es") else DEFAULT_LANG

"""From a question's text to a `Query`: its language, its intent and the entities it mentions.

The steps, each cheap: clean and fold the text; correct misspelt words against the index's vocabulary
(rapidfuzz, cached); rewrite synonyms to one form ("dark web" -> "dark net"); scan for the longest known
phrases (places, kinds, roles, programmes, people, funders) and years; score every intent by its cue words,
with rapidfuzz's similarity to the example phrasings as a second opinion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.engine import lexicon
from bot.engine.index import KnowledgeIndex
from bot.engine.text import apply_synonyms, clean_input, fold
from bot.messages import DEFAULT_LANG

_YEAR = re.compile(r"^(19[5-9]\d|20\d\d)$")
_FOLLOW_UP = re.compile(r"^(and|what about|how about|y|que tal|y el|y la|y en)\b")
_SMALL_TALK = frozenset({"greeting", "thanks", "help"})
# Intents that only make sense about a named programme or person.
_NEEDS_PROGRAMME = frozenset({"programme", "partners"})
_NEEDS_PERSON = frozenset({"person"})

_CUE_WORDS = frozenset(
    word for cues in lexicon.CUES.values() for phrase, _ in cues for word in phrase.rstrip("*").split()
)
_CUE_STEMS = tuple(p[:-1] for cues in lexicon.CUES.values() for p, _ in cues if p.endswith("*"))


def is_cue_word(word: str) -> bool:
    """Whether a word signals an intent ("organised", "funding"): such words never locate an event."""
    return word in _CUE_WORDS or word.startswith(_CUE_STEMS)


_PREFIX_CUES = {intent: [(p[:-1], w) for p, w in cues if p.endswith("*")] for intent, cues in lexicon.CUES.items()}
_PHRASE_CUES = {
    intent: [(f" {p} ", w) for p, w in cues if not p.endswith("*")] for intent, cues in lexicon.CUES.items()
}
_PHRASINGS = [
    (fold(p.replace("{event}", "").replace("{year}", "")), intent)
    for lang in lexicon.PHRASINGS.values()
    for intent, phrasings in lang.items()
    for p in phrasings
]


@dataclass
class Query:
    text: str
    folded: str
    lang: str
    intent: str | None = None
    score: float = 0.0
    scores: dict[str, float] = field(default_factory=dict)
    years: list[int] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    funders: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)
    unrecorded: str | None = None
    follow_up: bool = False
    yes_no: bool = False

    @property
    def has_entities(self) -> bool:
        return bool(
            self.years
            or self.places
            or self.kinds
            or self.programmes
            or self.people
            or self.funders
            or self.keywords
            or self.unknown_names
        )


class Parser:
    """Turns text into a `Query` against one index; keeps its own cache of spelling corrections."""

    def __init__(self, index: KnowledgeIndex) -> None:
        self.index = index
        self._vocab = sorted(index.vocabulary)
        self._corrections: dict[str, str | None] = {}

    def parse(self, text: str, lang: str | None = None, lang_hint: str | None = None) -> Query:
        cleaned = clean_input(text)
        raw_tokens = fold(cleaned).split()
        words = [self._correct(tok) for tok in raw_tokens]
        folded = apply_synonyms(" ".join(w for w in words if w), lexicon.SYNONYM_RULES)
        query = Query(text=cleaned, folded=folded, lang=lang or detect_language(cleaned, raw_tokens, lang_hint))
        query.unknown_names = self._unknown_names(cleaned)
        self._scan_entities(query, folded.split())
        self._score_intents(query)
        query.follow_up = bool(_FOLLOW_UP.match(folded)) or (len(raw_tokens) <= 4 and not query.has_entities)
        first = folded.split()[0] if folded else ""
        query.yes_no = first in lexicon.YES_NO_STARTS or "represented" in folded or "representad" in folded
        return query

    # -- words ---------------------------------------------------------------------------------------------

    def _correct(self, token: str) -> str:
        """The token, or the known word it is a typo of; unknown words are kept as they are."""
        if token in self.index.vocabulary or token.isdigit() or len(token) < 3:
            return token
        if token in self._corrections:
            return self._corrections[token] or token
        cutoff = 85 if len(token) <= 5 else 80
        best = process.extractOne(token, self._vocab, scorer=fuzz.ratio, score_cutoff=cutoff)
        fixed = best[0] if best else None
        if len(self._corrections) < 100_000:
            self._corrections[token] = fixed
        return fixed or token

    def _unknown_names(self, cleaned: str) -> list[str]:
        """Capitalised words we do not know ("Bogota", "Nairobi"): likely names of places or events."""
        names = []
        for i, word in enumerate(re.findall(r"[^\W\d_][\w'-]*", cleaned)):
            folded = fold(word)
            if not word[0].isupper() or not folded or folded in self.index.vocabulary:
                continue
            if i == 0 and folded in lexicon.STOPWORDS:
                continue
            if self._correct(folded) == folded and folded not in self.index.aliases:
                names.append(word)
        return names

    # -- entities ------------------------------------------------------------------------------------------

    def _scan_entities(self, query: Query, words: list[str]) -> None:
        index = self.index
        i = 0
        while i < len(words):
            if _YEAR.match(words[i]):
                query.years.append(int(words[i]))
                i += 1
                continue
            for n in range(min(index.max_alias_words, len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + n])
                named = index.aliases.get(phrase)
                if named:
                    for kind, value in sorted(named):
                        _add(getattr(query, _ENTITY_LISTS[kind]), value)
                    i += n
                    break
            else:
                word = words[i]
                if word in index.by_keyword and word not in lexicon.STOPWORDS and not is_cue_word(word):
                    _add(query.keywords, word)
                i += 1

    # -- intent --------------------------------------------------------------------------------------------

    def _score_intents(self, query: Query) -> None:
        padded = f" {query.folded} "
        words = query.folded.split()
        scores: dict[str, float] = {}
        for intent in lexicon.INTENTS:
            hits = [w for p, w in _PHRASE_CUES[intent] if p in padded]
            hits += [w for p, w in _PREFIX_CUES[intent] if any(word.startswith(p) for word in words)]
            if hits:
                hits.sort(reverse=True)
                scores[intent] = min(1.0, hits[0] + 0.05 * min(2, len(hits) - 1))
        if query.roles:
            scores["attendance"] = max(scores.get("attendance", 0), 0.5) + 0.35
        if query.programmes and not (query.years or query.places or query.kinds or query.keywords):
            for intent in ("programme", "partners", "funders", "objectives"):
                if intent in scores:
                    scores[intent] += 0.3
        if query.people:
            for intent in ("person", "quotes"):
                if intent in scores:
                    scores[intent] += 0.3
        if "total_attendance" in scores:
            # "in total" only changes an attendance question ("how many attended in total?").
            if "attendance" in scores and not query.places and not query.years:
                scores["total_attendance"] = scores["attendance"] + 0.05
            else:
                del scores["total_attendance"]
        if "compare" in scores and len(query.places) + len(query.years) < 2 and "most" in words:
            scores["compare"] -= 0.2
        for intent in _NEEDS_PROGRAMME:
            if intent in scores and not query.programmes:
                scores[intent] -= 0.45
        for intent in _NEEDS_PERSON:
            if intent in scores and not (query.people or query.unknown_names):
                scores[intent] -= 0.4
        # Small talk only when nothing about the events was asked ("hi, who funded it?" is about funding).
        domain = max((s for i, s in scores.items() if i not in _SMALL_TALK), default=0.0)
        if domain >= 0.5 or query.has_entities:
            for intent in _SMALL_TALK:
                scores.pop(intent, None)
        if not scores or max(scores.values()) < 0.5:
            self._phrase_opinion(query, scores)
        query.unrecorded = _unrecorded_attribute(words)
        query.scores = scores
        if scores:
            query.intent, query.score = max(scores.items(), key=lambda kv: kv[1])

    def _phrase_opinion(self, query: Query, scores: dict[str, float]) -> None:
        """rapidfuzz's similarity to the example phrasings, for questions whose words gave no clear cue."""
        best = process.extractOne(
            query.folded, [p for p, _ in _PHRASINGS], scorer=fuzz.token_sort_ratio, score_cutoff=75
        )
        if best:
            intent = _PHRASINGS[best[2]][1]
            scores[intent] = max(scores.get(intent, 0.0), best[1] / 100 * 0.7)


_ENTITY_LISTS = {
    "place": "places",
    "kind": "kinds",
    "role": "roles",
    "programme": "programmes",
    "person": "people",
    "funder": "funders",
}

_UNRECORDED_WORDS = {
    "budget": "budget",
    "presupuesto": "budget",
    "cost": "cost",
    "costs": "cost",
    "costo": "cost",
    "spent": "cost",
    "money": "cost",
    "duration": "duration",
    "long": "duration",
    "hours": "duration",
    "duracion": "duration",
    "duro": "duration",
    "horas": "duration",
    "language": "language",
    "idioma": "language",
    "certificate": "certificates",
    "certificates": "certificates",
    "certificados": "certificates",
    "age": "age",
}


def _unrecorded_attribute(words: list[str]) -> str | None:
    return next((_UNRECORDED_WORDS[w] for w in words if w in _UNRECORDED_WORDS), None)


def _add(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)


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

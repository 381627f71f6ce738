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

from bot.engine import lexicon
from bot.engine.attributes import ATTRIBUTES, UNRECORDED, WEAK
from bot.engine.clauses import clauses, relative_year, small_talk
from bot.engine.forms import DOMAIN_CUES, EVERY_CUE
from bot.engine.index import KnowledgeIndex
from bot.engine.query import Query, Span
from bot.engine.spelling import Speller
from bot.engine.text import apply_synonyms, clean_input, fold
from bot.messages import DEFAULT_LANG

ELSEWHERE = 0.9  # an out-of-domain cue this strong ("weather", "hotels") puts the question outside the domain
_WORD = re.compile(r"[^\W_]+")
_YEAR = re.compile(r"^(19[5-9]\d|20\d\d)$")
_OTHER = re.compile(r"\b(the other( one)?|the other event|el otro|la otra|the second one|el segundo|la segunda)\b")
_PRONOUN_PERSON = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "el", "ella", "su"})


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
        query.small_talk = small_talk(raw)
        out = DOMAIN_CUES.scores(words, f" {folded} ").get("out", 0.0)
        query.out_of_domain = out if out >= ELSEWHERE else 0.0
        self._scan(query)
        query.clauses = clauses(query, cleaned, self.index.bigrams)
        query.relative_year = relative_year(folded)
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
            same = apply_synonyms(word, lexicon.SYNONYM_RULES)  # "cryptocurrency", "criptomonedas": "virtual assets"
            if same != word and all(w in index.by_keyword for w in same.split()):
                query.spans.append(Span("keyword", same, i, i + 1, original[i]))
            elif _content(word) and word in index.by_keyword:
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
            same = apply_synonyms(phrase, lexicon.SYNONYM_RULES)  # "uk": also what "united kingdom" names
            named = index.aliases.get(phrase, set()) | (index.aliases.get(same, set()) if same != phrase else set())
            if not named:
                continue
            expanded = phrase not in index.aliases  # "eu" -> "european union": a name, however short
            typed = any(k in ("place", "kind", "role") for k, _ in named)
            if n == 1 and not expanded and not typed and not _content(phrase):
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
    if word in lexicon.QUESTION_STARTS or word in lexicon.SPANISH_MARKERS or word in lexicon.ENGLISH_MARKERS:
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

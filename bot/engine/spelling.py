"""Correcting misspelt words against what the index knows: "atended" -> "attended", "panma" -> "panama".

A word is only ever corrected into a word of the index's vocabulary (cue words, names, topic words), and
never when it is itself an ordinary word of English or Spanish ("rain" stays "rain", not "train") or an
acronym ("OSINT", "CANU"). A correction into a name (a place, a person, an organisation, a topic word) must be
closer than one into a cue word: mistaking one event's name for another's would answer the wrong question.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.engine import lexicon
from bot.engine.index import KnowledgeIndex
from bot.engine.words import is_common

SHORTEST = 4  # shorter words are left alone: too many known words are one letter away
CUE_CUTOFF_SHORT = 85  # a word of up to 5 letters into a cue word: one letter wrong at most
CUE_CUTOFF = 80  # longer words into a cue word
NAME_CUTOFF = 88  # any word into a name or topic word
NAME_CUTOFF_LONG = 80  # a word of LONG letters or more: two letters wrong ("guayakil"), if no other name is as close
LONG = 8
CLEAR = 5  # points by which the best name must beat the next one for the looser cutoff
MAX_CACHED = 100_000


class Speller:
    def __init__(self, index: KnowledgeIndex) -> None:
        self.vocabulary = index.vocabulary
        names = {w for phrase in index.aliases for w in phrase.split()} | set(index.by_keyword)
        self.names = frozenset(names - _cue_vocabulary())
        self._choices = sorted(self.vocabulary)
        self._cache: dict[str, str] = {}

    def correct(self, word: str, original: str = "") -> str:
        """`word` (folded), or the known word it is a typo of."""
        if word in self.vocabulary or len(word) < SHORTEST or not word.isalpha():
            return word
        if original.isupper() and len(original) > 1:
            return word  # an acronym is never "corrected"
        fixed = self._cache.get(word)
        if fixed is None:
            fixed = self._best(word)
            if len(self._cache) < MAX_CACHED:
                self._cache[word] = fixed
        return fixed

    def _best(self, word: str) -> str:
        cutoff = CUE_CUTOFF_SHORT if len(word) <= 5 else CUE_CUTOFF
        found = process.extractOne(word, self._choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        if not found:
            return word
        candidate, score = str(found[0]), float(found[1])
        if candidate in self.names and score < NAME_CUTOFF and not self._clearly(word, candidate, score):
            return word
        return word if is_common(word) else candidate

    def _clearly(self, word: str, candidate: str, score: float) -> bool:
        """Whether a long word is a typo of this one name and no other: "guayakil" -> "guayaquil"."""
        if len(word) < LONG or score < NAME_CUTOFF_LONG:
            return False
        near = process.extract(word, self._choices, scorer=fuzz.ratio, score_cutoff=score - CLEAR, limit=2)
        return [str(c) for c, *_ in near] == [candidate]


def _cue_vocabulary() -> set[str]:
    from bot.engine.forms import EVERY_CUE

    words = set(lexicon.STOPWORDS) | lexicon.SPANISH_MARKERS | lexicon.ENGLISH_MARKERS
    for phrase, _ in EVERY_CUE:
        words.update(phrase.rstrip("*").split())
    return words

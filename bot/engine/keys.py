"""The keys an event is indexed by, read from the text of its facts: keywords and pairs of words, the places
of a dateline, an organisation's names and acronyms, a person's surnames (`bot.engine.index` files events under
them; questions are read into the same keys)."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from bot.engine import lexicon
from bot.engine.text import apply_synonyms, fold

_ACRONYM = re.compile(r"\b([A-Z][A-Z0-9&-]{1,11})\b")


@lru_cache(maxsize=65536)
def organisation_keys(name: str) -> tuple[str, ...]:
    """The folded forms an organisation is named by: its whole name (without a leading "the") and its acronyms
    ("West African Network of Central Authorities and Prosecutors (WACAP)" -> that, and "wacap")."""
    whole = fold(re.sub(r"^(the|la|el|los|las)\s+", "", name, flags=re.IGNORECASE))
    # "union europea" is "european union": one key, as questions are read (synonyms applied), in any language
    keys = [apply_synonyms(whole, lexicon.SYNONYM_RULES)] if whole else []
    return (*keys, *(a for a in acronyms(name) if a not in keys))


def acronyms(name: str) -> list[str]:
    found = []
    for match in _ACRONYM.finditer(name):
        word = match.group(1)
        if len(word) >= 2 and not word.isdigit() and fold(word) not in lexicon.STOPWORDS:
            found.append(fold(word))
    return found


# An organisation that is a country's state: "government of canada", "gobierno de la republica de panama".
GOVERNMENT = re.compile(
    r"^(?:the )?(?:government|gobierno|republic|republica|kingdom|reino|state|estado|embassy|embajada)"
    r"(?: (?:of|de|del))?(?: (?:the|la|el|los))? (.+)$"
)


def dateline_places(dateline: str) -> list[str]:
    """The places a dateline names, folded: "Dakar (Senegal), 12 May 2023" -> dakar, senegal; none in "3-5 May"."""
    head = dateline.split(",")[0]
    parts = [p.strip() for p in re.split(r"[()]", head) if p.strip()]
    return [fold(p) for p in parts if not any(ch.isdigit() for ch in p)]


@lru_cache(maxsize=4096)
def short_place(key: str) -> str:
    """The first two words of a place of four or more ("santa cruz de la sierra" -> "santa cruz"), by which
    people call it; "" for a shorter name."""
    words = key.split()
    if len(words) < 4 or words[1] in lexicon.STOPWORDS:
        return ""
    return " ".join(words[:2])


def surnames(key: str) -> list[str]:
    """The forms a person is called by after their full name: the last word, and for names of three or more
    words the last two, the first two and each word after the first ("julián ferraro acevedo" -> "acevedo",
    "ferraro acevedo", "julián ferraro", "ferraro": a Spanish name's first surname is its second word)."""
    parts = key.split()
    if len(parts) < 2:
        return []
    out = [" ".join(parts[-2:]), " ".join(parts[:2])] if len(parts) >= 3 else []
    later = parts[1:] if len(parts) >= 3 else parts[-1:]
    out += [p for p in later if len(p) >= 4 and p not in lexicon.STOPWORDS]
    return out


def value_words(value: object) -> frozenset[str]:
    if type(value) is str:
        return _text_words(value)
    if isinstance(value, dict):
        value = " ".join(str(v) for v in value.values() if isinstance(v, str))
    return _text_words(str(value))


@lru_cache(maxsize=65536)
def _text_words(text: str) -> frozenset[str]:
    """The keywords of a text (cached: kinds, topics, organisers and funders repeat across thousands of events)."""
    folded = fold(text)
    words = set(folded.split()) | set(apply_synonyms(folded, lexicon.SYNONYM_RULES).split())
    return frozenset(w for w in words if len(w) > 2 and w not in lexicon.STOPWORDS)


@lru_cache(maxsize=65536)
def bigrams(text: str) -> frozenset[str]:
    """Pairs of adjacent words that are not function words ("virtual assets", "drugs online")."""
    words = apply_synonyms(fold(text), lexicon.SYNONYM_RULES).split()
    return frozenset(f"{a} {b}" for a, b in itertools.pairwise(words) if a not in _FUNCTION and b not in _FUNCTION)


_FUNCTION = lexicon.STOPWORDS - {"drugs", "crime", "office", "united", "nations", "unodc", "un", "event", "events"}


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÁÉÍÓÚÑ«“\"'])|\n+", text) if len(s.strip()) > 20]

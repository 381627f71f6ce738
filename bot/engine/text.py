"""Text normalisation shared by the index and the question parser.

Matching is accent-insensitive ("Panamá" = "panama", "cuántos" = "cuantos") but keeps ñ, which changes
meaning in Spanish ("año" is not "ano"). Everything matched is normalised once, the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

_NON_WORD = re.compile(r"[^0-9a-zñ]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents (keeping ñ), and turn everything that is not a letter or digit into spaces."""
    if text.isascii():  # most names and questions: nothing to strip
        return _NON_WORD.sub(" ", text.lower()).strip()
    out = []
    for ch in unicodedata.normalize("NFC", text.lower()):
        if ch == "ñ":
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)
        out.append("".join(c for c in base if not unicodedata.combining(c)))
    return _NON_WORD.sub(" ", "".join(out)).strip()


def tokens(text: str) -> list[str]:
    return fold(text).split()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_input(text: str, limit: int = 1000) -> str:
    """Make user input safe to parse: no control or bidi characters, bounded length, single-spaced."""
    text = _CONTROL.sub(" ", text or "")
    text = " ".join(text.split())
    return text[:limit]


class Rewrites(NamedTuple):
    """Surface forms and the canonical phrase each is rewritten to, longest first, with every word of them."""

    rules: tuple[tuple[str, str], ...]
    words: frozenset[str]

    @classmethod
    def of(cls, synonyms: Mapping[str, str]) -> Rewrites:
        rules = tuple(sorted(synonyms.items(), key=lambda kv: -len(kv[0])))
        return cls(rules, frozenset(word for surface, _ in rules for word in surface.split()))


def apply_synonyms(folded: str, synonyms: Rewrites) -> str:
    """Rewrite each surface form to its canonical one ("dark web" -> "dark net"), longest first.

    A form already inside its canonical phrase is left alone ("global cybercrime programme" stays itself
    although "cybercrime programme" is one of its forms). A text with no word of any form is itself at once
    (most are: a question's words are looked up one phrase at a time).
    """
    if synonyms.words.isdisjoint(folded.split()):
        return folded.strip()
    padded = f" {folded} "
    for surface, canonical in synonyms.rules:
        if f" {surface} " in padded and f" {canonical} " not in padded:
            padded = padded.replace(f" {surface} ", f" {canonical} ")
    return padded.strip()

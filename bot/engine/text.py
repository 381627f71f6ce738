"""Text normalisation shared by the index and the question parser.

Matching is accent-insensitive ("Panamá" = "panama", "cuántos" = "cuantos") but keeps ñ, which changes
meaning in Spanish ("año" is not "ano"). Everything matched is normalised once, the same way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


def apply_synonyms(folded: str, synonyms: list[tuple[str, str]]) -> str:
    """Rewrite each surface form to its canonical one ("dark web" -> "dark net"), longest first.

    A form already inside its canonical phrase is left alone ("global cybercrime programme" stays itself
    although "cybercrime programme" is one of its forms).
    """
    padded = f" {folded} "
    for surface, canonical in synonyms:
        if f" {surface} " in padded and f" {canonical} " not in padded:
            padded = padded.replace(f" {surface} ", f" {canonical} ")
    return padded.strip()

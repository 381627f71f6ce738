"""Which words are ordinary words of English or Spanish: such a word is never "corrected" into a name.

"rain" is one letter from "train" and "Paz" is a surname, but someone who types them means the word. The test
is wordfreq's: a word is common when its Zipf frequency in either language is 3 or more (about once in every
million words: "rain" is 4.7, "Khorgos" 0), which is exactly the words of wordfreq's "small" lists (the
30,000 most frequent of each language). Those lists are read here straight from wordfreq's data files (cBpack:
gzipped msgpack, a header then the words by frequency band), the first time a word is looked up: importing
wordfreq itself, for a set lookup, took 0.2 s and 14 MB, on the way to an answer. A test checks that the two
agree. A word with a digit in it is a number, and numbers are common ("2021": wordfreq says so too).
"""

from __future__ import annotations

import gzip
import importlib.util
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache
from pathlib import Path

LANGS = ("en", "es")
COMMON_ZIPF = 3.0
# Band i of a cBpack list holds the words of frequency 10^(-i/100), Zipf 9 - i/100: the common ones are these.
_COMMON_BANDS = round((9 - COMMON_ZIPF) * 100) + 1


def is_common(word: str) -> bool:
    """Whether `word` (folded) is a frequent word of English or Spanish."""
    hashes = _common_hashes()
    at = bisect_left(hashes, key := hash(word))
    return (at < len(hashes) and hashes[at] == key) or any(c.isdigit() for c in word)


@cache
def _common_hashes() -> array[int]:
    """The words' hashes, sorted: 0.5 MB, where a set of the 58,000 words themselves takes 7 MB of the bot's
    memory for good (a word taken for common because its 64-bit hash is a common one's: one chance in 10^14).
    Made in C, band by band (30 ms: it is on the way to the first answer that needs it)."""
    hashes: list[int] = []
    for band in _common_bands():
        hashes.extend(map(hash, band))
    hashes.sort()
    return array("q", hashes)


def _common_bands() -> Iterator[list[str]]:
    import msgpack  # wordfreq's own dependency

    spec = importlib.util.find_spec("wordfreq")  # found, not imported
    assert spec is not None and spec.submodule_search_locations
    data = Path(spec.submodule_search_locations[0]) / "data"
    for lang in LANGS:
        with gzip.open(data / f"small_{lang}.msgpack.gz") as packed:
            header, *bands = msgpack.unpackb(packed.read(), raw=False)
        if not isinstance(header, dict) or header.get("format") != "cB":
            raise ValueError(f"unexpected wordfreq data format: {header}")
        yield from bands[:_COMMON_BANDS]
        del bands

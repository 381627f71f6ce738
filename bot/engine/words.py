"""Which words are ordinary words of English or Spanish: such a word is never "corrected" into a name.

"rain" is one letter from "train" and "Paz" is a surname, but someone who types them means the word. The test
uses wordfreq's small word lists (the 30,000 most frequent words of each language), loaded the first time a
correction is considered, never at start-up.
"""

from __future__ import annotations

from functools import lru_cache

COMMON_ZIPF = 3.0  # about once in every million words: "rain" is 4.7, "gendarmes" 2.5 (not common)


@lru_cache(maxsize=4096)
def is_common(word: str) -> bool:
    """Whether `word` (folded) is a frequent word of English or Spanish."""
    from wordfreq import zipf_frequency

    return any(zipf_frequency(word, lang, wordlist="small") >= COMMON_ZIPF for lang in ("en", "es"))

"""Ordinary words are told from names as wordfreq tells them, without importing wordfreq on the way to an answer."""

import re
import subprocess
import sys
from pathlib import Path

from bot.engine.text import fold
from bot.engine.words import COMMON_ZIPF, LANGS, is_common
from tests.corpus import items

ROOT = Path(__file__).resolve().parents[1]


def test_a_word_is_common_exactly_when_wordfreq_says_so() -> None:
    from wordfreq import zipf_frequency

    words = {w for item in items() for w in re.findall(r"\w+", fold(item.text)) if not w.isdigit()}
    words |= {"rain", "lluvia", "train", "paz", "gendarmes", "khorgos", "servicio", "ciberdelincuencia"}
    assert len(words) > 1000
    disagree = [
        w
        for w in words
        if is_common(w) != any(zipf_frequency(w, lang, wordlist="small") >= COMMON_ZIPF for lang in LANGS)
    ]
    assert disagree == []


def test_ordinary_words_and_numbers_are_common_names_are_not() -> None:
    assert is_common("rain") and is_common("lluvia") and is_common("2021")
    assert not is_common("khorgos") and not is_common("villeda")


def test_wordfreq_is_not_imported_to_tell_a_word() -> None:
    code = "import sys; from bot.engine.words import is_common; is_common('rain'); print('wordfreq' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"

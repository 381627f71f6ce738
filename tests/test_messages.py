"""The message catalogue: every message in both languages, with the same placeholders."""

from __future__ import annotations

import string
from datetime import date

import pytest

from bot.engine.text import fold
from bot.engine.understand import detect_language
from bot.messages import CATALOGUE, LANGS, format_date, join


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_exists_in_every_language_with_the_same_placeholders(key):
    entry = CATALOGUE[key]
    assert set(LANGS) <= set(entry)
    assert len({frozenset(_fields(entry[lang])) for lang in LANGS}) == 1


def test_dates_read_naturally_in_each_language():
    assert format_date(date(2021, 11, 13), "en") == "13 November 2021"
    assert format_date(date(2021, 11, 13), "es") == "13 de noviembre de 2021"


def test_lists_are_joined_in_each_language():
    assert join(["a", "b", "c"], "en") == "a, b and c"
    assert join(["a", "b"], "es") == "a y b"


@pytest.mark.parametrize(
    ("text", "hint", "lang"),
    [
        ("hola", None, "es"),
        ("hello", None, "en"),
        ("OSINT training Panamá?", None, "en"),
        ("¿Cuántos participantes hubo?", None, "es"),
        ("cuantos fiscales asistieron", None, "es"),
        ("Panamá 2021", "es", "es"),
        ("Panama 2021", None, "en"),
    ],
)
def test_language_is_detected_from_the_text_with_the_user_hint_breaking_ties(text, hint, lang):
    assert detect_language(text, fold(text).split(), hint) == lang


def test_folding_ignores_accents_but_keeps_enye():
    assert fold("¿Cuántos en Panamá?") == "cuantos en panama"
    assert fold("Año") == "año"

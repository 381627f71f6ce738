"""The message catalogue and how it puts things into words: every message in both languages, with the same
placeholders, reading right whatever the numbers and names it is given."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bot.engine.text import fold
from bot.engine.understand import detect_language
from bot.messages import CATALOGUE, LANGS, format_date, format_dates, join, org_name, place_name, say

ROOT = Path(__file__).resolve().parents[1]


def _fields(template: str) -> dict[str, str]:
    """Placeholder -> its format spec."""
    return {name: spec or "" for _, name, spec, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_exists_in_every_language_with_the_same_placeholders(key):
    entry = CATALOGUE[key]
    assert set(LANGS) <= set(entry)
    assert len({frozenset(_fields(entry[lang])) for lang in LANGS}) == 1


# -- every message, rendered -----------------------------------------------------------------------------

# Placeholders that hold numbers; the others get names chosen to trip articles up: a Spanish event name that
# starts with "el" (so "de {event}" must become "del"), organisations that take an article and one that does not.
NUMBERS = {"n", "count", "total", "facts", "events", "keep", "limit", "done", "sent", "failed", "blocked"}
NUMBERS |= {"skipped", "page", "pages", "a", "b", "year"}
NAMES = {
    "event": ("the Vienna 2017 workshop", "el taller Viena 2017"),
    "bigger": ("The Vienna 2017 workshop", "El taller Viena 2017"),
    "smaller": ("the Panama 2021 training", "la capacitación Panamá 2021"),
    "names": ("the European Union and CRIMJUST", "el Programa Mundial contra el Delito Cibernético y CRIMJUST"),
    "funder": ("Government of the United Kingdom", "Gobierno del Reino Unido"),
    "programme": ("UNODC Global Cybercrime Programme", "UNODC Global Cybercrime Programme"),
    "venue": ("Kenyatta International Convention Centre", "Kenyatta International Convention Centre"),
    "occasion": ("26th session of the Commission", "26.º período de sesiones de la Comisión"),
    "countries": ("Guatemala and El Salvador", "Guatemala y El Salvador"),
    "name": (", Ana", ", Ana"),
}
OTHER = ("Nairobi", "Nairobi")


def _values(template: str, n: int, lang: str) -> dict[str, object]:
    values: dict[str, object] = {}
    for name, spec in _fields(template).items():
        if name in NUMBERS or "|" in spec:
            values[name] = n
        else:
            values[name] = NAMES.get(name, OTHER)[LANGS.index(lang)]
    return values


RENDERED = [
    pytest.param(key, lang, n, id=f"{key}-{lang}-{n}")
    for key in sorted(CATALOGUE)
    for lang in LANGS
    for n in (1, 2, 1_000_000)
]

# Spanish words that always carry an accent (their unaccented form is not a word, or not one this bot would
# say): every accented word the Spanish catalogue uses, and common ones it may come to use.
COMMON_ACCENTED = set(
    "también después aquí así además según está están será podrá información sesión reunión organización "
    "capacitación comisión región día días número números página código línea último última país países ningún "
    "algún todavía fácil inglés más México Perú Panamá Bogotá Haití Japón Canadá Bélgica".split()
)
ACCENTED = COMMON_ACCENTED | {
    word
    for entry in CATALOGUE.values()
    for word in re.findall(r"\w+", entry["es"])
    if re.search("[áéíóú]", word.lower())
}
# Unaccented forms that are words too ("que", "el", "si", "esta"): left to the question-word rule below.
AMBIGUOUS = set(
    "que quien quienes cual cuales cuando donde como cuanto cuanta cuantos cuantas esta este estas estos el se si "
    "solo aun tu mi de te cambio trato guardo quito publico continuo practico aviso".split()
)
MISSING_ACCENT = {fold(word) for word in ACCENTED} - AMBIGUOUS
QUESTION_WORD = re.compile(
    r"¿(?:(?:a|de|en|por|para|con|desde|hasta) )?(?:que|quien|quienes|cual|cuales|cuando|donde|como|cuant[oa]s?)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(("key", "lang", "n"), RENDERED)
def test_every_message_reads_as_a_person_would_write_it(key, lang, n):
    template = CATALOGUE[key][lang]
    text = say(key, lang, **_values(template, n, lang))
    assert not re.search(r"\w\((s|es)\)", text), "a plural left to the reader"
    assert not re.search(r"[{}|]", text), "a placeholder or a plural form left unfilled"
    if lang == "es":
        assert not re.search(r"\b[Aa] el\b|\b[Dd]e el\b", text), "Spanish contracts these: al, del"
        assert not QUESTION_WORD.search(text), "a question word without its accent"
        words = set(re.findall(r"\w+", text))
        assert not words & MISSING_ACCENT, f"missing accents: {sorted(words & MISSING_ACCENT)}"
        assert text.count("¿") <= text.count("?"), "a Spanish question opened and never closed"


def test_numbers_take_the_plural_form_that_fits_them():
    assert say("list", "en", n=1, filter="", items="…").startswith("1 event:")
    assert say("list", "en", n=2, filter="", items="…").startswith("2 events:")
    assert say("list", "es", n=1, filter="", items="…").startswith("1 evento:")
    assert say("list", "es", n=1_000_000, filter="", items="…").startswith("1.000.000 eventos:")  # CLDR's "many"
    assert say("list", "en", n=10_000, filter="", items="…").startswith("10,000 events:")
    assert say("unsub_confirm", "en", n=1) == "Remove this chat's subscription?"
    assert say("unsub_confirm", "es", n=3) == "¿Quitar las 3 suscripciones de este chat?"


def test_names_take_their_article_inside_a_sentence_and_only_those_that_have_one():
    assert say("filter_funder", "en", funder="Government of the United Kingdom") == (
        " funded by the Government of the United Kingdom"
    )
    assert say("filter_funder", "es", funder="Unión Europea") == " con financiación de la Unión Europea"
    assert say("filter_programme", "en", programme="CRIMJUST") == " of CRIMJUST"
    assert say("filter_programme", "es", programme="UNODC Global Cybercrime Programme") == (
        " del Programa Mundial contra el Delito Cibernético de UNODC"
    )
    assert say("occasion", "es", occasion="26.º período de sesiones") == ", durante el 26.º período de sesiones"
    venue = "Kenyatta International Convention Centre"
    assert say("location_at", "en", venue=venue, city="Nairobi") == f"at the {venue} in Nairobi"
    assert say("location_at", "es", venue=venue, city="Nairobi") == f"en {venue}, en Nairobi"  # no guessed "la"
    assert org_name("UNODC Headquarters", "es") == "la Sede de UNODC"


def test_spanish_contracts_a_el_and_de_el_but_not_a_name_that_starts_with_el():
    assert (
        say("objectives", "es", event="el taller Viena 2017", items="x")
        == "Los objetivos del taller Viena 2017 eran: x."
    )
    assert "de El Salvador" in say("attendance_from", "es", countries="El Salvador")


def test_dates_read_naturally_in_each_language():
    assert format_date(date(2021, 11, 13), "en") == "13 November 2021"
    assert format_date(date(2021, 11, 13), "es") == "13 de noviembre de 2021"


def test_a_span_of_days_is_written_once_with_what_the_two_days_share():
    assert format_dates(date(2021, 11, 13), date(2021, 11, 15), "en") == "13\u2009–\u200915 November 2021"
    assert format_dates(date(2021, 11, 13), date(2021, 11, 15), "es") == "13–15 de noviembre de 2021"
    assert (
        format_dates(date(2021, 12, 28), date(2022, 1, 2), "es")
        == "28 de diciembre de 2021\u2009–\u20092 de enero de 2022"
    )
    assert format_dates(date(2021, 11, 13), None, "en") == "13 November 2021"


def test_lists_are_joined_in_each_language():
    assert join(["a", "b", "c"], "en") == "a, b and c"  # British: no comma before "and"
    assert join(["a", "b"], "es") == "a y b"
    assert join(["España", "Italia"], "es") == "España e Italia"
    assert join(["agua", "hielo"], "es") == "agua y hielo"
    assert join(["Austria", "Holanda"], "es", "or") == "Austria u Holanda"
    assert join(["Panama", "Costa Rica"], "en", "or") == "Panama or Costa Rica"


def test_country_names_come_from_cldr():
    assert place_name("Dominican Republic", "es") == "República Dominicana"
    assert place_name("Kyrgyzstan", "es") == "Kirguistán"
    assert place_name("Vienna", "es") == "Viena"
    assert place_name("Nowhere Land", "es") == "Nowhere Land"


def test_babel_is_not_loaded_at_start_up():
    """Neither importing the bot nor indexing the knowledge loads CLDR's locale data (0.2 s and 17 MB)."""
    code = (
        "import sys, bot.app, bot.cli; from bot.engine import Engine; from knowledge.facts import bundled_facts; "
        "Engine(bundled_facts()); print(sorted(m for m in sys.modules if m.startswith(('babel', 'pycountry'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def test_spanish_example_questions_keep_their_accents(engine):
    questions = [choice.question for choice in engine.suggestions(None, "es", 6)]
    assert not any(QUESTION_WORD.search(q) or set(re.findall(r"\w+", q)) & MISSING_ACCENT for q in questions)


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


@pytest.mark.parametrize("lang", ["en", "es"])
def test_month_names_said_without_loading_cldr_are_cldrs_own(lang):
    from bot.wording import locale, month_name

    assert [month_name(m, lang) for m in range(1, 13)] == [
        locale(lang).months["format"]["wide"][m] for m in range(1, 13)
    ]

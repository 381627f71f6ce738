"""How numbers, lists, dates and names read in each language.

Plural forms, lists ("A, B and C" / "A, B y C"), dates and country names come from CLDR through Babel; English
is British English (en_GB), as the rest of the bot. Babel and its locale data are loaded on first use, never at
start-up. What CLDR does not have is here, small: the kinds of event and roles of participants in Spanish, the
Spanish names of cities and organisations, and which names take an article inside a sentence ("funded by the
European Union", "de la Unión Europea", but "by CRIMJUST").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from babel import Locale

CLDR_LOCALES = {"en": "en_GB", "es": "es"}


@cache
def locale(lang: str) -> Locale:
    from babel import Locale

    return Locale.parse(CLDR_LOCALES.get(lang, lang))


# -- plurals -------------------------------------------------------------------------------------------------

# CLDR's plural categories in its own order; a form list names the ones the language uses, in this order.
_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def plural_category(n: object, lang: str) -> str:
    """CLDR's plural category of `n` in `lang` ("one", "many", "other" ...); "other" for what is not a number."""
    if isinstance(n, bool) or not isinstance(n, int | float):
        return "other"
    return str(locale(lang).plural_form(n))


def plural(n: object, forms: Sequence[str], lang: str) -> str:
    """The form of `forms` that fits `n`, with "#" standing for the number as the language writes it ("10,000",
    "10.000").

    `forms` are "one|other" (what English and Spanish need; Spanish's "many", for millions, takes "other"), or
    one form per plural category of the language, in CLDR's order."""
    category = plural_category(n, lang)
    used = [c for c in _CATEGORIES if c in locale(lang).plural_form.tags or c == "other"]
    if len(forms) != len(used):  # "one|other"
        forms = [forms[0] if c == "one" else forms[-1] for c in used]
    return forms[used.index(category)].replace("#", number(n, lang))


def number(n: object, lang: str) -> str:
    """A whole number with the language's digit grouping ("10,000" / "10.000"); anything else as it is."""
    if isinstance(n, bool) or not isinstance(n, int):
        return str(n)
    from babel.numbers import format_decimal

    return str(format_decimal(n, locale=locale(lang)))


# -- lists -------------------------------------------------------------------------------------------------


def join(items: Sequence[str], lang: str, word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' in the language's own way (CLDR); `word` is "and" or "or"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    from babel.lists import format_list

    text = str(format_list(items, style="standard" if word == "and" else "or", locale=locale(lang)))
    return _spanish_euphony(text, items[-1]) if lang == "es" else text


# Spanish says "e" for "y" before an /i/ sound ("España e Italia", but "agua y hielo") and "u" for "o" before
# an /o/ sound ("Austria u Holanda"); CLDR's list patterns do not.
_BEFORE_I = re.compile(r"h?[ií](?![aeouáéóú])")
_BEFORE_O = re.compile(r"h?[oó]")


def _spanish_euphony(text: str, last: str) -> str:
    for word, sound, replacement in ((" y ", _BEFORE_I, " e "), (" o ", _BEFORE_O, " u ")):
        tail = word + last
        if text.endswith(tail) and sound.match(last.lower()):
            return text[: -len(tail)] + replacement + last
    return text


# -- dates -------------------------------------------------------------------------------------------------


DATES_KEPT = 4096  # dates said, kept: CLDR's formatting costs more than the rest of a list line


@lru_cache(maxsize=DATES_KEPT)
def format_date(day: date, lang: str) -> str:
    """ "13 November 2021" / "13 de noviembre de 2021"."""
    from babel.dates import format_date as cldr_date

    return str(cldr_date(day, format="long", locale=locale(lang)))


@lru_cache(maxsize=DATES_KEPT)
def format_dates(start: date, end: date | None, lang: str) -> str:
    """A span of days as the language writes it: "13–15 November 2021", "28 de noviembre – 2 de diciembre de
    2021"; one day when `end` is missing or not after `start`."""
    if end is None or end <= start:
        return format_date(start, lang)
    from babel.dates import parse_pattern

    where = locale(lang)
    intervals = where.interval_formats
    # CLDR has day spans with the month spelled out in some languages and only abbreviated in others (en_GB).
    formats = intervals["yMMMMd"] if "yMMMMd" in intervals else intervals["yMMMd"]
    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    parts = [re.sub(r"(?<!M)MMM(?!M)", "MMMM", p) for p in formats[field]]
    return "".join(str(parse_pattern(p).apply(day, where)) for p, day in zip(parts, (start, end), strict=True))


@lru_cache(maxsize=DATES_KEPT)
def format_day(day: int, month: int, year: int | None, lang: str) -> str:
    """One day: "13 November 2021", or "22 August" / "22 de agosto" when the year is not known."""
    if year:
        return format_date(date(year, month, day), lang)
    from babel.dates import format_skeleton

    return str(format_skeleton("MMMMd", date(2000, month, day), locale=locale(lang)))


@lru_cache(maxsize=DATES_KEPT)
def format_days(start: tuple[int, int], end: tuple[int, int], lang: str) -> str:
    """A span of days whose year is not known: "22–24 August", "30 September – 4 October"."""
    from babel.dates import parse_pattern

    where = locale(lang)
    intervals = where.interval_formats
    formats = intervals["MMMMd"] if "MMMMd" in intervals else intervals["MMMd"]
    (d0, m0), (d1, m1) = start, end
    field = "M" if m0 != m1 else "d"
    parts = [re.sub(r"(?<!M)MMM(?!M)", "MMMM", p) for p in formats[field]]
    days = (date(2000, m0, d0), date(2000 if m1 >= m0 else 2001, m1, d1))
    return "".join(str(parse_pattern(p).apply(day, where)) for p, day in zip(parts, days, strict=True))


# Month names, as CLDR has them, for reading the dates admins type (`bot.edits`) and for event names: a name
# needs only these, and loading CLDR's data for them would cost the first answer a sixth of a second. Whole
# dates are said with CLDR's patterns (`format_date`).
MONTHS_ES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@cache
def month_name(month: int, lang: str) -> str:
    """ "November" / "noviembre"."""
    known = {"en": MONTHS_EN, "es": MONTHS_ES}.get(lang)
    if known is not None:
        return known[month - 1]
    return str(locale(lang).months["format"]["wide"][month])


# -- names in a sentence -------------------------------------------------------------------------------------


class _SpanishNames(Mapping[str, str]):
    """Spanish names of places and organisations: cities and organisations from the table below, countries
    from CLDR (through `bot.geo`). A country is found by its canonical English name without being listed, so
    iterating gives only the table."""

    def __init__(self, table: dict[str, str]) -> None:
        self._table = table

    def __getitem__(self, name: str) -> str:
        if name in self._table:
            return self._table[name]
        from bot.geo import country_name

        local = country_name(name, "es")
        if local == name:
            raise KeyError(name)
        return local

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


# Spanish names of cities and organisations (answers in Spanish; quotes stay as written). Countries: CLDR.
PLACE_NAMES_ES: Mapping[str, str] = _SpanishNames(
    {
        "Vienna": "Viena",
        "Bogota": "Bogotá",
        "Geneva": "Ginebra",
        "London": "Londres",
        "Havana": "La Habana",
        "European Union": "Unión Europea",
        "European Union Cocaine Route Programme": "Programa Ruta de la Cocaína de la Unión Europea",
        "Government of the United Kingdom": "Gobierno del Reino Unido",
        "UNODC Global Cybercrime Programme": "Programa Mundial contra el Delito Cibernético de UNODC",
        "UNODC Office for Central America and the Caribbean (UNODC ROPAN)": (
            "Oficina de UNODC para Centroamérica y el Caribe (UNODC ROPAN)"
        ),
        "UNODC Headquarters": "Sede de UNODC",
        "26th session of the Commission on Crime Prevention and Criminal Justice (CCPCJ)": (
            "26.º período de sesiones de la Comisión de Prevención del Delito y Justicia Penal (CCPCJ)"
        ),
    }
)


def place_name(name: str, lang: str) -> str:
    """A place's or an organisation's name in `lang`, as it is written alone ("Panamá", "Unión Europea")."""
    return PLACE_NAMES_ES.get(name, name) if lang == "es" else name


# Which names take an article inside a sentence, by the common noun they are built on. A name built on none of
# these (CRIMJUST, INTERPOL, a person's or a city's name, an English name in a Spanish sentence) takes none:
# "en Kenyatta International Convention Centre" rather than a guessed "la".
_ENGLISH_HEADS = frozenset(
    "government office commission council committee ministry programme program union states kingdom republic "
    "islands emirates federation headquarters centre center conference forum session meeting summit assembly "
    "secretariat court tribunal agency department police academy university institute network initiative "
    "alliance foundation bank fund organization organisation embassy delegation hotel palace hall "
    "premises auditorium building platform airport port school college facilities training "
    # and the countries whose English names take "the" without being built on such a noun
    "netherlands philippines bahamas gambia maldives comoros".split()
)
_SPANISH_HEADS = {
    "la": frozenset(
        "sede oficina comisión conferencia reunión sesión semana cumbre asamblea unión organización universidad "
        "academia escuela embajada fiscalía policía procuraduría corte casa sala jornada mesa red agencia "
        "dirección secretaría iniciativa estrategia alianza fundación cámara república federación "
        "plataforma terminal aduana gobernación alcaldía".split()
    ),
    "el": frozenset(
        "gobierno programa período periodo foro congreso centro ministerio consejo comité tribunal día hotel "
        "palacio instituto grupo seminario taller evento encuentro simposio diálogo proyecto servicio banco "
        "fondo departamento parlamento organismo plan reino auditorio edificio aeropuerto puerto salón "
        "recinto complejo cuartel".split()
    ),
    "los": frozenset("estados países emiratos".split()),
    "las": frozenset("naciones islas".split()),
}
_ORDINAL = re.compile(
    r"^(\d+(\.?º|\.?ª|st|nd|rd|th)?|first|second|third|primer|primera|segundo|segunda|tercer|tercera)$"
)


def article(name: str, lang: str) -> str:
    """The definite article `name` takes inside a sentence in `lang` ("the", "la", "el" ...), or ""."""
    words = [w.strip("(),") for w in name.split()]
    words = [w for w in words if w]
    if not words or words[0].lower() in ("the", "el", "la", "los", "las"):
        return ""
    if lang == "es":
        head = next((w.lower() for w in words if not _ORDINAL.match(w.lower())), "")
        return next((art for art, heads in _SPANISH_HEADS.items() if head in heads), "")
    if lang == "en":
        if _ORDINAL.match(words[0].lower()) or words[0] in ("United", "European"):
            return "the"
        # The name up to its first "of", "for" ... or "(": "Government", "UNODC Office", "Kenyatta International
        # Convention Centre"; built on a common noun when that noun starts or ends it.
        core = re.split(r" (?:of|for|on|in|against|to) | \(", name, maxsplit=1)[0].split()
        return "the" if {core[0].lower(), core[-1].lower()} & _ENGLISH_HEADS else ""
    return ""


def org_name(name: str, lang: str) -> str:
    """An organisation's or a place's name as it reads inside a sentence: "funded by the European Union" / "de
    la Unión Europea"; names that take no article (CRIMJUST, UNODC, Panama ...) are left as they are."""
    local = place_name(name, lang)
    art = article(local, lang)
    return f"{art} {local}" if art else local


# Spanish joins "a" and "de" with "el" into "al" and "del" ("asistieron al taller"); "El Salvador" keeps its "El".
_CONTRACTIONS = re.compile(r"\b([Aa]|[Dd]e) el\b")


def contract(text: str, lang: str) -> str:
    """`text` with the contractions its language makes (Spanish: "a el" -> "al", "de el" -> "del")."""
    if lang != "es":
        return text
    return _CONTRACTIONS.sub(lambda m: m.group(1) + "l", text)


# -- kinds of event and roles --------------------------------------------------------------------------------


class Noun(NamedTuple):
    one: str
    other: str
    article: str = ""  # the definite article of the singular (Spanish)


KIND_NOUNS: dict[str, dict[str, Noun]] = {
    "training": {"en": Noun("training", "trainings"), "es": Noun("capacitación", "capacitaciones", "la")},
    "workshop": {"en": Noun("workshop", "workshops"), "es": Noun("taller", "talleres", "el")},
    "side event": {"en": Noun("side event", "side events"), "es": Noun("evento paralelo", "eventos paralelos", "el")},
    "seminar": {"en": Noun("seminar", "seminars"), "es": Noun("seminario", "seminarios", "el")},
    "conference": {"en": Noun("conference", "conferences"), "es": Noun("conferencia", "conferencias", "la")},
    "meeting": {"en": Noun("meeting", "meetings"), "es": Noun("reunión", "reuniones", "la")},
    "course": {"en": Noun("course", "courses"), "es": Noun("curso", "cursos", "el")},
    "training course": {
        "en": Noun("training course", "training courses"),
        "es": Noun("curso de capacitación", "cursos de capacitación", "el"),
    },
    "online course": {
        "en": Noun("online course", "online courses"),
        "es": Noun("curso virtual", "cursos virtuales", "el"),
    },
    "webinar": {"en": Noun("webinar", "webinars"), "es": Noun("seminario web", "seminarios web", "el")},
    "forum": {"en": Noun("forum", "forums"), "es": Noun("foro", "foros", "el")},
    "exercise": {"en": Noun("exercise", "exercises"), "es": Noun("ejercicio", "ejercicios", "el")},
    "mentoring": {"en": Noun("mentoring", "mentorings"), "es": Noun("mentoría", "mentorías", "la")},
    "study visit": {
        "en": Noun("study visit", "study visits"),
        "es": Noun("visita de estudio", "visitas de estudio", "la"),
    },
    "event": {"en": Noun("event", "events"), "es": Noun("evento", "eventos", "el")},
}


def _kind(kind: str, lang: str) -> Noun:
    return KIND_NOUNS.get(kind, {}).get(lang) or Noun(kind, kind, "el" if lang == "es" else "")


def kind_name(kind: str, lang: str) -> str:
    """ "training" / "capacitación"."""
    return _kind(kind, lang).one


def kind_count(n: int, kind: str, lang: str) -> str:
    """ "1 training", "3 trainings" / "1 capacitación", "3 capacitaciones"."""
    noun = _kind(kind, lang)
    return plural(n, (f"# {noun.one}", f"# {noun.other}"), lang)


def the_event(kind: str, name: str, lang: str) -> str:
    """An event's short name as it reads inside a sentence: "the Panama 2021 training" / "la capacitación
    Panamá 2021" (the Spanish article from the kind of event, never guessed from the name)."""
    if lang == "es":
        return f"{_kind(kind, lang).article or 'el'} {name[:1].lower()}{name[1:]}"
    return f"the {name}"


ROLE_NAMES_ES: dict[str, str] = {
    "prosecutors": "fiscales",
    "investigating officers": "agentes de investigación",
    "investigating officers and prosecutors": "agentes de investigación y fiscales",
    "police officers": "policías",
    "law enforcement officers": "agentes de las fuerzas del orden",
    "judges": "jueces",
    "women": "mujeres",
    "men": "hombres",
    "lawyers": "abogados",
    "experts": "expertos",
    "officials": "funcionarios",
    "students": "estudiantes",
    "journalists": "periodistas",
    "diplomats": "diplomáticos",
}


def role_name(role: str, lang: str) -> str:
    return ROLE_NAMES_ES.get(role, role) if lang == "es" else role

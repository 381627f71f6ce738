"""Where the event took place: its city and country (a city resolved to its country, "San Pedro Sula" ->
Honduras), its venue ("at the National Police Academy", "en el auditorio de ..."), and whether it was in person,
online or hybrid. A dateline says where the release was issued, not where the event was: it fills none of these.
"""

from __future__ import annotations

import re

from bot import geo
from bot.engine.text import fold
from bot.extract.model import Found
from bot.extract.text import Doc, Span, clause_spans, elsewhere, excerpt

_WORD = r"[A-ZÁÉÍÓÚÑÜ][\w'’.-]*"
_LINK = r"(?:\s+(?:de|del|de la|de los|of|do|da|dos|el|la|sur|upon|on)\s+|\s+|-)"
_IN_PLACE = re.compile(
    rf"\b(?:in|en)\s+(?:(?:la\s+)?ciudad\s+de\s+|the\s+city\s+of\s+)?(?P<place>{_WORD}(?:{_LINK}{_WORD}){{0,4}})"
)
_EVENT_CLAUSE = re.compile(
    r"\b(?:held|hosted|took place|takes place|taking place|met|meet|meets|convened|organi[sz]ed|conducted|"
    r"delivered|opened|ended|closed|concluded|gathered|brought together|wrapped up|trained|training|trainings|"
    r"workshop|course|meeting|dialogue|dialogo|"
    r"seminar|conference|event|webinar|session|mission|forum|encuentro|taller|curso|capacitacion|reunion|"
    r"seminario|conferencia|foro|realizado|realizada|realizo|se llevo a cabo|tuvo lugar|participaron|participan|"
    r"impartio|impartieron|impartida|impartido|celebrado|celebrada|organizado|organizada|inauguro|clausuro)\b"
)
_VENUE_NOUNS = (
    r"premises|headquarters|academy|centre|center|school|university|hotel|auditorium|hall|building|campus|"
    r"airport|dry port|base|college|institute|facilities|offices|office|ministry|court|platform|"
    r"sede|auditorio|salon|escuela|academia|centro|universidad|aeropuerto|edificio|instalaciones|recinto|"
    r"colegio|instituto|oficinas|plataforma|hemiciclo|palacio|museo|club"
)
_VENUE = re.compile(
    rf"\b(?:at|on|in|en|a traves de)\s+(?:the|el|la|los|las)\s+(?P<venue>(?:[\w'’-]+\s+){{0,3}}?(?:{_VENUE_NOUNS})\b)"
)
_VENUE_END = re.compile(r",|;|\.(?:\s|$)|\s+(?:in|en|from|on|to|for|with|where|which|que|para|con|desde)\s")
_NOT_VENUE_BEFORE = re.compile(
    r"\b(?:serving|working|based|stationed|posted|deployed|assigned|operating|opera|operan|trabajan|destacad[oa]s)"
    r"\s+(?:\w+\s+)?$"
)
_VENUE_AFTER = re.compile(r"(?:\s+(?:of|de|del|in|en|on|at|for|para)\b|\s*[,.;(–]|\s+[A-Z0-9«\"“]|\s*$)")


def event_place(doc: Doc, mentioned: frozenset[str]) -> list[Found]:
    """City, country and venue of the event, from the body, else from the headline: the first place named in a
    clause about the event being held, never one in a clause about another activity."""
    found: list[Found] = []
    for span in doc.body() + doc.headline():
        for clause in clause_spans(doc.text, span):
            if elsewhere(doc, clause) or not (_EVENT_CLAUSE.search(doc.flat, *clause) or span == doc.title):
                continue
            if not any(f.field == "venue" for f in found):
                found += _venue(doc, clause)
            if not any(f.field in ("city", "country") for f in found):
                found += _city_country(doc, clause, mentioned)
        if any(f.field in ("city", "country") for f in found):
            break
    return found


def _city_country(doc: Doc, clause: Span, mentioned: frozenset[str]) -> list[Found]:
    text = doc.text
    for m in _IN_PLACE.finditer(text, *clause):
        if _inside_org(text, m.start()):
            continue
        words = m.group("place")
        cut = _longest_place(words, doc.lang, mentioned, bool(re.search(r"ciudad|city", m.group(0))))
        if cut is None:
            continue
        name, kind, resolved = cut
        end = m.start("place") + len(name)
        if re.match(rf"\s+{_WORD}", text[end : clause[1]]):
            continue  # "en Justicia Penal", "in Police Science": the start of a longer name, not a place
        trail = re.match(rf",\s+(?:the\s+)?({_WORD}(?:{_LINK}{_WORD}){{0,4}})", text[end : clause[1]])
        trailing = geo.country(trail.group(1)) if trail else None
        if isinstance(resolved, geo.City) and not (
            _corroborated(resolved, name, trailing, mentioned) or _LOCATIVE.search(doc.flat, clause[0], m.start())
        ):
            continue
        quote = excerpt(doc, clause, m.start(), end + (trail.end() if trailing and trail else 0))
        if kind == "country":
            return [Found("country", resolved, quote)]
        found = [Found("city", resolved.name if isinstance(resolved, geo.City) else name, quote)]
        country = trailing or (resolved.country if isinstance(resolved, geo.City) else None)
        if country:
            found.append(Found("country", country, quote))
        return found
    return []


# The words that say an event was somewhere: "held in", "se realizó en", "impartió en".
_LOCATIVE = re.compile(
    r"\b(?:held|hosted|took place|taking place|convened|met|gathered|in person|se realizo|realizad[oa]s?|"
    r"se llevo a cabo|llevad[oa]s? a cabo|tuvo lugar|celebrad[oa]s?|se celebro|impartio|impartid[oa]s?|"
    r"desarrollad[oa]s?|se desarrollo|de forma presencial) (?:\w+ ){0,2}$"
)
# A city named by an ordinary word ("Justicia", "Police", "Union") is taken only when the text also names its
# country, unless it is this large (a capital such as "Santiago" or "Lima" is what such a word means there).
_LARGE_CITY = 1_000_000


def _corroborated(city: geo.City, name: str, trailing: str | None, mentioned: frozenset[str]) -> bool:
    from bot.engine.words import is_common

    if city.population >= _LARGE_CITY or not all(is_common(w) for w in fold(name).split()):
        return True
    return city.country in (trailing, *mentioned)


def _inside_org(text: str, at: int) -> bool:
    """ "the UNODC Programme Office in Guinea-Bissau", "Delegation of the European Union to Ecuador": a place
    that names where an organisation sits, not where the event was."""
    before = text[max(0, at - 40) : at]
    return bool(
        re.search(
            r"\b(?:Office|Delegation|Embassy|Oficina|Delegación|Embajada|Representative|coordinador[a]?"
            r"|Coordinator|Unit|Unidad|representante)\s*$",
            before,
            flags=re.IGNORECASE,
        )
    )


def _longest_place(
    words: str, lang: str, mentioned: frozenset[str], said_city: bool
) -> tuple[str, str, str | geo.City] | None:
    """(the words that name it, "city" or "country", what it is) for the longest start of `words` naming a
    place: a country ("Guatemala") unless called a city ("la ciudad de Panamá"), else a city the gazetteer
    resolves."""
    parts = re.split(r"(\s+|-)", words)
    for n in range(len(parts), 0, -2):
        name = "".join(parts[:n]).rstrip(".")
        if not name or not name[0].isupper():
            continue
        country = geo.country(name)
        if country and not said_city:
            return name, "country", country
        found = geo.city(name, mentioned, lang)
        if found is not None and (not country or said_city):
            return name, "city", found
    return None


def _venue(doc: Doc, clause: Span) -> list[Found]:
    text = doc.text
    for m in _VENUE.finditer(doc.flat, *clause):
        start = m.start("venue")
        if _NOT_VENUE_BEFORE.search(doc.flat, clause[0], m.start()) or not _VENUE_AFTER.match(text, m.end("venue")):
            continue
        end_match = _VENUE_END.search(text, m.end("venue"), clause[1])
        end = end_match.start() if end_match else clause[1]
        name = text[start:end].strip().rstrip(".")
        if len(name) > 120 or len(name) < 4:
            continue
        return [Found("venue", name, excerpt(doc, clause, m.start(), end))]
    return []


_HYBRID = re.compile(
    r"\b(?:hybrid|hibrid[oa]|in person and online|presencial y virtual|presencial y en linea|"
    # an audience in two parts: "30 in person and 45 online", "30 de forma presencial y 45 en línea"
    r"in person and (?:\w+ ){1,3}?(?:online|virtually|remotely)|online and (?:\w+ ){1,3}?in person|"
    r"presencial\w* y (?:\w+ ){1,3}?(?:en linea|virtual\w*|de (?:forma|manera) (?:virtual|remota)|a distancia))\b"
)
_ONLINE = re.compile(
    r"\b(?:held online|online (?:event|course|training|workshop|session|meeting|conference|seminar)s?|webinars?|"
    r"virtual (?:course|meeting|event|training|workshop|session|conference)s?|virtually|zoom|microsoft teams|"
    r"webex|curso virtual|taller virtual|reunion virtual|de forma virtual|en forma virtual|modalidad virtual|"
    r"de manera virtual|(?:curso|taller|sesion|capacitacion|reunion|seminario|modalidad) en linea)\b"
)


def event_format(doc: Doc, place: list[Found]) -> list[Found]:
    """Hybrid, online or in person: said in so many words, or in person where the event has a city or venue."""
    for pattern, value in ((_HYBRID, "hybrid"), (_ONLINE, "online")):
        for span in doc.headline() + doc.body():
            if elsewhere(doc, span):
                continue
            m = pattern.search(doc.flat, *span)
            if m:
                return [Found("format", value, excerpt(doc, span, m.start(), m.end()))]
    physical = [f for f in place if f.field in ("city", "venue")]
    if physical:
        return [Found("format", "in person", physical[0].quote)]
    return []


def countries_in(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of each country named in text[start:end], the longest name where two
    overlap ("Guinea-Bissau", not "Guinea"; "Saint Vincent and the Grenadines" whole)."""
    forms = geo.country_forms()
    words = [(start + m.start(), start + m.end()) for m in re.finditer(r"[0-9a-zñ]+", doc.flat[start:end])]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        a = words[i][0]
        hit = None
        if doc.text[a].isupper():
            for n in range(min(6, len(words) - i), 0, -1):
                b = words[i + n - 1][1]
                canonical = forms.get(" ".join(doc.flat[a:b].split()))
                if canonical:
                    hit = (a, b, canonical, n)
                    break
        if hit:
            found.append(hit[:3])
            i += hit[3]
        else:
            i += 1
    return found

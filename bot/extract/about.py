"""What the event was: the release's headline, the kind of event (a training, a workshop, "un encuentro"), its
topics and objectives, and its place in a series ("the second of three", "tercera edición", "primero de tres
módulos")."""

from __future__ import annotations

import re
from functools import cache

from bot import vocab
from bot.extract.dates import dates_in
from bot.extract.model import Found
from bot.extract.text import Doc, Span, clause_spans, elsewhere, excerpt, numbers


def title(doc: Doc) -> list[Found]:
    """The first line, when it is a headline: one short line above the body, not a dateline."""
    if len(doc.spans) < 2:
        return []
    a, b = doc.spans[0]
    line_end = doc.text.find("\n", a)
    if line_end < 0 or line_end > b + 1 or b - a > 220:
        return []
    first = doc.say((a, b))
    head_dates = dates_in(doc, (a, min(b, a + 40)))
    if head_dates and head_dates[0].start - a < 25:
        return []
    doc.title = (a, b)
    return [Found("title", first.rstrip(".").strip(), first)]


@cache
def _kind_forms() -> tuple[str, dict[str, str]]:
    """(an alternation of every kind's forms, longest first; form -> kind)."""
    forms = {form: kind for kind, (_, words) in vocab.KINDS.items() for form in (kind, *words)}
    return "|".join(map(re.escape, sorted(forms, key=len, reverse=True))), forms


@cache
def _kind_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    alternation, forms = _kind_forms()
    return re.compile(rf"\b(?:{alternation})\b"), forms


def kind(doc: Doc) -> list[Found]:
    """The kind of event: the first event word of the headline, else of the body, outside clauses about another
    activity ("The third webinar ... is scheduled for February")."""
    pattern, forms = _kind_pattern()
    for span in doc.headline() + doc.body():
        for clause in clause_spans(doc.text, span):
            if clause != doc.title and elsewhere(doc, clause):
                continue
            m = pattern.search(doc.flat, *clause)
            if m:
                return [Found("kind", forms[m.group(0)], excerpt(doc, clause, m.start(), m.end(), limit=160))]
    return []


_TOPIC_AFTER_KIND = re.compile(r"\s+(?:on|about|sobre|en materia de|acerca de)\s+")
_TOPIC_END = re.compile(
    r",|;|\.(?:\s|$)|\s+(?:was|were|is|are|took|fue|se|for|held|organi[sz]ed|convened|delivered|hosted|in\s+(?=[A-Z])|from\s|para|dirigid[oa]|"
    r"organizad[oa]|impartid[oa]|realizad[oa]|en\s+(?=[A-Z])|en la ciudad|que|which|who|with|con)\b"
)
_TITLED = re.compile(r"\s*(?:regional\s+|virtual\s+|nacional\s+|national\s+)?[«\"“]([^»\"”]{8,160})[»\"”]")
_COVERED = re.compile(
    r"\b(?:covered|addressed|examined|focused on|looked at|discussed|dealt with|explored|reviewed|aborda|abordo|"
    r"abordaron|trato|trataron|analizaron|se centro en|incluyo|cubrio|versaron sobre)\s+"
)


def topics(doc: Doc) -> list[Found]:
    """The subjects: what the event was "on" or titled, and what its sessions "covered"."""
    found: list[Found] = []
    pattern, _ = _kind_pattern()
    for span in doc.headline() + doc.body():
        for clause in clause_spans(doc.text, span):
            if elsewhere(doc, clause) and clause != doc.title:
                continue
            for m in pattern.finditer(doc.flat, *clause):
                after = _TOPIC_AFTER_KIND.match(doc.flat, m.end()) or _TITLED.match(doc.text, m.end())
                if after is None:
                    continue
                if after.re is _TITLED:
                    topic = after.group(1)
                else:
                    end = _TOPIC_END.search(doc.text, after.end(), clause[1])
                    topic = doc.text[after.end() : end.start() if end else clause[1]]
                _add(found, topic, excerpt(doc, clause, m.start(), after.end() + len(topic)))
            for m in _COVERED.finditer(doc.flat, *clause):
                rest = doc.text[m.end() : clause[1]].rstrip(".")
                for item in re.split(r",\s+(?:and\s+|y\s+)?|\s+and\s+(?=the\s)|\s+y\s+(?=(?:el|la|los|las)\s)", rest):
                    _add(found, item, excerpt(doc, clause, m.start(), clause[1], limit=320))
    return found[:8]


def _add(found: list[Found], topic: str, quote: str) -> None:
    topic = re.sub(r"^(?:the|el|la|los|las)\s+", "", topic.strip(" .,;:"))
    if 3 < len(topic) <= 160 and topic.lower() not in [str(f.value).lower() for f in found] and topic in quote:
        found.append(Found("topics", topic, quote))


_OBJECTIVE = re.compile(
    r"\b(?:(?:the )?(?:objectives?|aims?|purpose|goal)\b[^.;]*?\b(?:were|was|is|are) to|aim(?:ed|s)? (?:to|at)|"
    r"with the aim of|seeks? to|sought to|el objetivo (?:del? [^.;]{0,40})?(?:es|fue|era)|con el objetivo de|"
    r"con el fin de|tiene como objetivo|tuvo como objetivo|busca|buscaba|pretende)\s+"
)


def objectives(doc: Doc) -> list[Found]:
    """What the event aimed to do: "The objectives ... were to X and to Y", "con el fin de ..."."""
    for span in doc.body():
        for clause in clause_spans(doc.text, span):
            m = _OBJECTIVE.search(doc.flat, *clause)
            if not m or elsewhere(doc, clause):
                continue
            rest = doc.text[m.end() : clause[1]].rstrip(".")
            aims = re.split(r",?\s+and\s+to\s+|;\s*to\s+|,?\s+y\s+(?=a\s|de\s)", rest)
            quote = excerpt(doc, clause, m.start(), clause[1], limit=320)
            return [
                Found("objectives", aim.strip(), quote) for aim in aims if len(aim.strip()) > 3 and aim.strip() in quote
            ]
    return []


_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "primer": 1,
    "primero": 1,
    "primera": 1,
    "segundo": 2,
    "segunda": 2,
    "tercer": 3,
    "tercero": 3,
    "tercera": 3,
    "cuarto": 4,
    "cuarta": 4,
    "quinto": 5,
    "quinta": 5,
    "sexto": 6,
    "sexta": 6,
    "septimo": 7,
    "septima": 7,
    "octavo": 8,
    "octava": 8,
    "noveno": 9,
    "novena": 9,
    "decimo": 10,
    "decima": 10,
}
_ORD = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_SERIES_NOUNS = r"edition|edicion|module|modulo|round|session|sesion|cycle|ciclo|time|phase|fase|version"
_SERIES_END = re.compile(
    r",|;|\.(?:\s|$)|\s+(?:was|is|took|held|organi[sz]ed|convened|dirigid[oa]|organizad[oa]|se\s)\b"
)


def series(doc: Doc) -> list[Found]:
    """The event's place in a series, from the first clause about the event that gives one."""
    pattern, _ = _kind_pattern()
    for span in doc.body() + doc.headline():
        for clause in clause_spans(doc.text, span):
            if elsewhere(doc, clause):
                continue
            for m in re.finditer(rf"\b(?P<ord>{_ORD})\b", doc.flat[: clause[1]]):
                if m.start() < clause[0]:
                    continue
                value = _series_at(doc, clause, m, pattern)
                if value is not None:
                    return [value]
    return []


# "the first of its kind", "el primer taller de este tipo": a first ever, not a place in a series.
_OF_ITS_KIND = re.compile(
    r" +(?:[\w-]+ +){0,3}?(?:of its kind|of their kind|of this kind|of the kind|de (?:este|su|ese) tipo|"
    r"en su (?:tipo|genero|clase)|de (?:esta|su) (?:clase|naturaleza))\b"
)


def _series_at(doc: Doc, clause: Span, m: re.Match[str], kinds: re.Pattern[str]) -> Found | None:
    rest = doc.flat[m.end() : min(clause[1], m.end() + 60)]
    if _OF_ITS_KIND.match(rest):
        return None
    of = re.match(
        r" +(?:in a series of|of a series of|de una serie de|en una serie de|of|de|del ciclo de) +(\w+)", rest
    )
    total = None
    if of:
        n = numbers(doc.text, doc.flat, doc.lang, m.end() + of.start(1), m.end() + of.end(1))
        total = n[0].value if n else None
    nouns = f"{_SERIES_NOUNS}|{_kind_forms()[0]}"
    noun = re.match(rf" (?:[\w-]+ ){{0,3}}?(?:{nouns})\b", rest)
    if total is None and not noun:
        return None
    end = _SERIES_END.search(doc.text, m.end(), clause[1])
    text = doc.text[m.start() : end.start() if end else clause[1]].strip()
    if len(text) > 160:
        text = text[:160].rsplit(" ", 1)[0]
    value: dict[str, object] = {"text": text, "position": _ORDINALS[m.group("ord")]}
    if total:
        value["of"] = total
    return Found("series", value, excerpt(doc, clause, m.start(), m.start() + len(text), limit=260))

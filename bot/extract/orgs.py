"""Who made the event happen: organisers, co-organisers and hosts ("organised by", "convened by ... together
with", "X delivered its training", "organizado por ... junto con"), funders, all of them ("funded by the European
Union, the Government of Japan and the Government of Canada", "gracias al financiamiento de"), supporters ("with
the support of" is support, not funding), partners ("in partnership with") and trainers ("Trainers from ...").

Funding stated for a programme as a whole ("CRIMJUST is funded by the European Union") is the programme's,
not the event's: it is proposed as a fact about the programme.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.engine.text import fold
from bot.extract import names
from bot.extract import programmes as programme_refs
from bot.extract.model import Found
from bot.extract.programmes import is_agency
from bot.extract.text import Doc, Span, elsewhere, excerpt

_ORGANISED_BY = (
    r"(?:jointly\s+|co-?)?(?:organi[sz]ed|convened|hosted|delivered|conducted|facilitated|led|run|coordinated)"
    r"(?:\s+jointly)?(?:\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)?\s+by|(?:organizad[oa]s?|convocad[oa]s?|"
    r"impartid[oa]s?|dictad[oa]s?|facilitad[oa]s?|coordinad[oa]s?|liderad[oa]s?|desarrollad[oa]s?)"
    r"(?:\s+conjuntamente)?(?:\s+en\s+[A-Z][\w-]+)?\s+por"
)
_FUNDED_BY = (
    r"(?:co-?)?(?:funded|financed|sponsored)\s+by|funding\s+from|(?:with\s+)?(?:additional\s+)?contributions?\s+from|"
    r"financial\s+support\s+(?:from|of)|(?:with\s+)?(?:the\s+)?(?:generous\s+)?financial\s+(?:support|assistance|"
    r"contribution)s?\s+(?:of|from)|thanks\s+to\s+(?:the\s+)?(?:funding|financing)\s+(?:from|of)|"
    r"(?:co)?financiad[oa]s?\s+por|gracias\s+al\s+(?:financiamiento|apoyo\s+financiero|aporte)\s+de(?:l)?|"
    r"(?:con\s+)?(?:el\s+)?(?:financiamiento|apoyo\s+financiero|financiación|aporte\s+financiero)\s+de(?:l)?"
)
_SUPPORT = (
    r"(?<!financially\s)supported\s+by|apoyad[oa]\s+por|"
    r"with\s+the\s+(?:kind\s+)?support\s+of|with\s+support\s+from|con\s+el\s+apoyo\s+de(?:l)?|auspiciad[oa]\s+por"
)
_PARTNER = r"in\s+(?:partnership|cooperation|collaboration)\s+with|en\s+(?:alianza|colaboración|cooperación)\s+con"
_TRAINERS = (
    r"(?:trainers|facilitators|instructors|experts|lecturers|speakers|mentors|instructores|facilitadores|"
    r"expertos|capacitadores|docentes|ponentes)(?:,?\s+(?:expertos\s+)?(?:from|of|de(?:l)?|procedentes\s+de))\s+|"
    r"(?:a\s+cargo\s+de|impartidas\s+por)\s+(?:instructores|expertos|facilitadores)\s+de(?:l)?\s+|"
    r"como\s+facilitadores\s+participaron\s+expertos\s+de(?:l)?\s+"
)
_ACTIVE = re.compile(
    r"\s+(?:held|conducted|delivered|organi[sz]ed|convened|hosted|implemented|launched|ran|impartió|impartieron|"
    r"organizó|organizaron|realizó|realizaron|llevó a cabo|llevaron a cabo|desarrolló|desarrollaron|ofreció|"
    r"ofrecieron|celebró|convocó|brindó|dictó|dictaron)\b"
)
_EVENT_SUBJECT = re.compile(
    r"\b(?:training|course|workshop|seminar|webinar|meeting|event|session|series|activity|conference|mission|"
    r"it|this|curso|taller|capacitación|seminario|reunión|encuentro|actividad|evento|jornada|sesión|ciclo|"
    r"establishment|programa de capacitación)\b",
    re.IGNORECASE,
)
_NAME_END = re.compile(
    r",\s+(?:and\s+)?(?:which|who|with|hosted|was|were|is|has|have|que|quien|the\s+[a-z]+\s+(?:was|is))\b|"
    r",\s+(?!(?:the|la|el|los|las|del|de|and|y)\s)(?=[a-z])|,\s+(?:the|la|el|los|las)\s+(?=[a-z])|"
    r",\s+(?:and|y)\s+(?!(?:the|la|el|los|las|del|de|by|por|from)\s)(?=[a-z])|"
    r"\s+(?:which|who|during|since|between|para|durante|desde|que|en\s+el\s+marco|in\s+the\s+framework|"
    r"as\s+part\s+of|under\s+(?:the|its)\s|como\s+parte|en\s+(?=[A-Z])|en\s+la\s+|en\s+el\s+|en\s+forma|de\s+forma|"
    r"(?:to|for|on|from|at)\s+(?=[a-z0-9])|in\s+(?=\d)|with\s+(?:the\s+)?(?:kind\s+)?support|with\s+(?:additional\s+)?"
    r"(?:financial|funding|contributions?)|in\s+(?:partnership|cooperation|collaboration)|con\s+(?:el\s+)?apoyo|"
    r"en\s+(?:alianza|colaboración|cooperación)|and\s+(?:is\s+|was\s+)?(?:implemented|executed|run|managed|funded|"
    r"financed|supported|hosted|organi[sz]ed)|y\s+(?:fue\s+)?(?:financiad|organizad|implementad)|"
    r"(?:is|was|are|were|es|fue)\s+(?:implemented|funded|financiad|implementad))\b|[.;:](?:\s|$)|\s+[—–]\s"
)


def organisations(doc: Doc, known: list[str], programmes: dict[str, str]) -> list[Found]:
    """Organisers, funders (the event's and the programmes'), supporters, partners and trainers."""
    name = _namer(known, programmes)
    found: list[Found] = []
    for span in doc.body():
        found += _organisers(doc, span, name)
        found += _funders(doc, span, name, programmes)
        found += _after(doc, span, _SUPPORT, "supporters", name)
        found += _after(doc, span, _PARTNER, "partners", name)
        found += _trainers(doc, span)
    if not any(f.field == "organisers" for f in found):
        found += fallback_organisers(doc, name)
    return _unique(found)


_THEIR_EVENT = re.compile(
    r"[^,]*\b(?:their|its|su|sus)\s+(?:[\w-]+\s+){0,2}(?:side event|event|meeting|workshop|training|"
    r"course|seminar|webinar|conference|evento|taller|curso|reunión|seminario)\b[^,]*,\s+"
)
_VERB_AFTER_NAME = re.compile(r"\s+(?:[a-z]+ed|held|met|ran|led|gave|took|brought|hosts|holds)\b")
_KIND_AFTER_ACRONYM = re.compile(
    r"\b([A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)?)\s+(?:[a-z-]+\s+){0,2}(?:training|course|workshop|meeting|seminar|webinar|"
    r"conference|taller|curso|capacitación|encuentro|reunión|seminario)\b"
)


def fallback_organisers(doc: Doc, name: Callable[[str], str]) -> list[Found]:
    """When no sentence says who organised the event: the acronym naming it ("A five-day CRIMJUST training",
    "Fourth CRIMJUST interregional meeting")."""
    for span in doc.headline() + doc.body()[:2]:
        m = _KIND_AFTER_ACRONYM.search(doc.text, *span)
        if m and not elsewhere(doc, span):
            return [Found("organisers", name(m.group(1)), excerpt(doc, span, m.start(), m.end(), limit=200))]
    return []


def _organisers(doc: Doc, span: Span, name: Callable[[str], str]) -> list[Found]:
    found: list[Found] = []
    text = doc.say(span)
    their = _THEIR_EVENT.match(text)  # "In the margins of their side event ..., the CRIMJUST & ... PROGRAMME discussed"
    if their:
        verb = _VERB_AFTER_NAME.search(text, their.end())
        if verb:
            found += _named(
                doc, span, span[0] + their.end(), "organisers", name, end=span[0] + verb.start(), subject=True
            )
    for m in re.finditer(_ORGANISED_BY, text, flags=re.IGNORECASE):
        before = text[: m.start()]
        if re.search(r"\b(?:programme|program|project|programa|proyecto)\b", before, re.IGNORECASE) and not (
            _EVENT_SUBJECT.search(before)
        ):
            continue  # "The Container Control Programme, run jointly by UNODC and the WCO": the programme's
        if re.match(
            r"\s*(?:the\s+)?(?:experts|trainers|instructors|facilitators|expertos|instructores|facilitadores)\b",
            text[m.end() :],
            re.IGNORECASE,
        ):
            continue  # "impartido por expertos de ...": who taught, not who organised
        found += _named(doc, span, span[0] + m.end(), "organisers", name)
    active = _ACTIVE.search(text)
    if (
        active
        and _EVENT_SUBJECT.search(text[active.end() : active.end() + 90])
        and not re.match(r"\s+(?:by|por|with|con)\b", text[active.end() :])
        and not re.search(r"\b(?:was|were|is|are|been|fue|fueron|jointly)\s*$", text[: active.start()])
    ):
        subject_start = _subject_start(text, active.start())
        subject = (span[0] + subject_start, span[0] + active.start())
        if not _EVENT_SUBJECT.search(doc.say(subject)):
            found += _named(doc, span, subject[0], "organisers", name, end=subject[1], subject=True)
    return found


def _subject_start(text: str, verb: int) -> int:
    """Where the subject before a verb starts: after an opening phrase ("From 28 November to 9 December 2022, ",
    "Del 19 al 23 de septiembre, ", "On Monday, ")."""
    opening = re.match(
        r"(?:From|Del|On|In|During|Durante|En|El|Desde|Between|Entre|Over|Last|This|Este|Esta)\b[^,]{0,60},\s+",
        text[:verb],
    )
    return opening.end() if opening else 0


def _funders(doc: Doc, span: Span, name: Callable[[str], str], programmes: dict[str, str]) -> list[Found]:
    found: list[Found] = []
    text = doc.say(span)
    for m in re.finditer(_FUNDED_BY, text, flags=re.IGNORECASE):
        before = text[: m.start()]
        owner = programme_refs.named_before(before, programmes) or _programme_before(before, programmes)
        if owner is None and not (
            _EVENT_SUBJECT.search(before[-120:])
            or re.match(r"\s*(?:with|con)\b", text[m.start() : m.start() + 6])
            or re.search(r"(?:with|con)\s+(?:additional\s+)?$", before)
        ):
            continue
        if owner:
            found += [
                Found(f.field, f.value, f.quote, subject=f"programme:{owner}")
                for f in _named(doc, span, span[0] + m.end(), "funders", name)
            ]
        else:
            found += _named(doc, span, span[0] + m.end(), "funders", name)
    return found


def _programme_before(before: str, programmes: dict[str, str]) -> str | None:
    """The programme a funding phrase is about: "CRIMJUST is funded by", "El programa CRIMJUST, financiado
    por", "the CRIMJUST project funded by", "CRIMJUST (funded by" — the nearest name before it."""
    tail = before[-100:]
    if _EVENT_SUBJECT.search(tail.split(",")[-1] if tail.count(",") else tail) and not re.search(
        r"\b(?:programme|program|project|programa|proyecto)\b", tail, re.IGNORECASE
    ):
        return None
    m = re.search(
        r"(?:\b(?:programme|program|project|programa|proyecto)\s+)?\b([A-Z][A-Za-z-]{2,}|[A-Z]{3,})"
        r"(?:\s+(?:programme|program|project|programa|proyecto))?\s*(?:\(|,|-|–)?\s*"
        r"(?:(?:which|que)\s+)?(?:is|was|has been|es|fue|ha sido|is\s+\w+\s+and)?\s*$",
        tail,
    )
    if not m:
        m = re.search(r"\b([A-Z]{3,})\b[^.]{0,160}?\s(?:is|es)\s+(?:\w+\s+)?$", tail)
    if not m:
        return None
    word = m.group(1)
    if is_agency(word):
        return None
    pid = programmes.get(fold(word))
    if pid:
        return pid
    if word.isupper() and len(word) >= 4 and word not in ("UNODC", "INTERPOL"):
        return fold(word).replace(" ", "-")
    return None


def _after(doc: Doc, span: Span, trigger: str, field: str, name: Callable[[str], str]) -> list[Found]:
    text = doc.say(span)
    found: list[Found] = []
    if elsewhere(doc, span):
        return []
    for m in re.finditer(trigger, text, flags=re.IGNORECASE):
        if field == "partners" and re.search(
            r"\b(?:implement\w*|implementad[oa]|which|que)\b[^,]{0,40}$", text[: m.start()]
        ):
            continue  # "which UNODC implements in partnership with ...": the programme's partners
        if field == "supporters" and re.search(r"financ", text[m.end() : m.end() + 12], re.IGNORECASE):
            continue
        found += _named(doc, span, span[0] + m.end(), field, name)
    return found


def _trainers(doc: Doc, span: Span) -> list[Found]:
    text = doc.say(span)
    m = re.search(
        rf"(?:^|,\s+|\b(?:by|por|with|con|participaron|las clases están|the sessions were)\s+)"
        rf"(?:the\s+|los\s+|las\s+)?(?:{_TRAINERS})",
        text,
        flags=re.IGNORECASE,
    )
    if not m or re.match(r"\s*\d", text[m.end() :]):
        return []
    start = span[0] + m.end()
    end_match = re.search(
        r"\s+(?:shared|covered|presented|joined|explained|led|delivered|gave|were|compartieron|"
        r"abordaron|presentaron|explicaron|quienes|who|to)\b|[.;](?:\s|$)|,\s+(?!(?:the|la|el|los|las|del|de|and|y)\s)(?=[a-z])",
        doc.text[start : span[1]],
    )
    end = start + (end_match.start() if end_match else span[1] - start)
    items = [names.tidy(v) for v in names.split(doc, start, end)]
    quote = excerpt(doc, span, start, end, limit=320)
    return [Found("trainers", v, quote) for v in items if v and names.looks_named(v)]


def _named(
    doc: Doc,
    span: Span,
    start: int,
    field: str,
    name: Callable[[str], str],
    *,
    end: int | None = None,
    subject: bool = False,
) -> list[Found]:
    """The organisations named from `start` (to the end of the name list, or to `end`), each as a fact."""
    stop = span[1] if end is None else end
    if end is None:
        plain = names.QUALIFIER.sub(lambda q: " " * len(q.group(0)), doc.text[:stop])
        m = _NAME_END.search(names.blank_parentheses(plain, start, stop), start, stop)
        stop = m.start() if m else stop
        opened = doc.text[span[0] : start]
        if opened.count("(") > opened.count(")") and ")" in doc.text[start:stop]:
            stop = doc.text.index(")", start, stop)  # "CRIMJUST (funded by the European Union)"
        if re.match(r"(?:Under|In|Within|As part of|En el marco|Bajo|Dentro)\b", opened) and "," not in opened:
            stop = min(stop, doc.text.find(",", start, stop) if "," in doc.text[start:stop] else stop)
    found = []
    for item in names.split(doc, start, stop, through=subject):
        value = name(names.tidy(item))
        if value and names.looks_named(value) and len(value) <= 160:
            found.append(Found(field, value, excerpt(doc, span, start, stop, limit=320)))
    return found


def _namer(known: list[str], programmes: dict[str, str]) -> Callable[[str], str]:
    """The name to record for an organisation: the one the knowledge base already uses for it, if any."""
    by_fold = {_norm(k): k for k in known}
    acronyms = {a: k for k in known for a in re.findall(r"\(([^)]+)\)", k)}
    by_programme = {programmes[_norm(k)]: k for k in known if _norm(k) in programmes}

    def name(raw: str) -> str:
        key = _norm(raw)
        if not key:
            return ""
        if key in by_fold:
            return by_fold[key]
        for acronym in re.findall(r"\(([^)]+)\)", raw):
            if acronym in acronyms:
                return acronyms[acronym]
        pid = programmes.get(key) or programmes.get(key + " programme")
        if pid and pid in by_programme:
            return by_programme[pid]
        return raw

    return name


def _norm(name: str) -> str:
    key = fold(name)
    key = re.sub(r"\b(?:programs?|programmes)\b", "programme", key)
    return re.sub(r"^(?:the|la|el) ", "", key)


def _unique(found: list[Found]) -> list[Found]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for f in found:
        key = (f.field, f.subject, fold(str(f.value)))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out

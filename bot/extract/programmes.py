"""The programmes an event belongs to: one the knowledge base knows, named by any of its names, or a new one the
release introduces ("Delivered by the AIRCOP project", "el Programa de Control de Contenedores (CCP)"),
proposed with its name, full name or Spanish name under a new id. Programmes are data: no name is known here.
"""

from __future__ import annotations

import re

from bot.engine.text import fold
from bot.extract.model import Found
from bot.extract.text import Doc
from knowledge.facts import slug

_PROGRAMME_WORDS = re.compile(r"\b(?:programme|program|project|programa|proyecto|network|red|initiative|iniciativa)\b")
_NOT_PROGRAMME = re.compile(r"\b(?:office|oficina|unit|unidad|ministry|ministerio|secretariat|secretaria)\b")
# The agency itself, in either language: it runs programmes and is never one, even where a past import or an
# admin recorded it as one (its funders would then be every event's).
_AGENCY = frozenset(
    {
        "unodc",
        "onudd",
        "united nations office on drugs and crime",
        "oficina de las naciones unidas contra la droga y el delito",
    }
)
# The words by which a text marks a name in capitals as a programme's ("the AIRCOP project", "AIRCOP es un proyecto").
_MARKS = r"(?:programme|program|project|programa|proyecto|initiative|iniciativa)"
_STOP = frozenset("the on of against contra el la de del unodc for and y in en los las".split())
_FRAMEWORK = re.compile(
    r"\b(?:en el marco del|under the|as part of the|within the|a traves del|bajo el)\s+"
    r"(?:programa|programme|proyecto|project)\s+(?:mundial\s+|global\s+)?(?P<name>[A-Z][\w-]+)"
)


def programmes(doc: Doc, found: list[Found], known: dict[str, str]) -> list[Found]:
    """Refs to the event's programmes, and facts about the new ones."""
    out: list[Found] = []
    refs: list[str] = []

    def ref(pid: str, quote: str) -> None:
        if pid not in refs:
            refs.append(pid)
            out.append(Found("programmes", pid, quote))

    for fact in found:
        if fact.field == "organisers" and not fact.subject:
            name = str(fact.value)
            pid = _known(name, known)
            if pid:
                ref(pid, fact.quote)
            elif _is_programme(name, doc):
                pid = _new_id(name)
                out.extend(_proposed(doc, pid, name, fact.quote))
                ref(pid, fact.quote)
    for m in _FRAMEWORK.finditer(doc.text):
        name = m.group("name")
        if is_agency(name):
            continue
        pid = _known(name, known) or _new_id(name)
        if pid not in known.values():
            out.extend(_proposed(doc, pid, name, m.group(0)))
        ref(pid, m.group(0))
    for name, pid in sorted(known.items(), key=lambda kv: -len(kv[0])):
        if pid in refs or len(name) < 4 or is_agency(name):
            continue
        named = re.search(rf"\b{re.escape(name)}\b", doc.flat)
        if named and not _in_funding(doc, named.start()):
            ref(pid, _sentence(doc, named.start()))
    for fact in found:  # a programme funded in boilerplate that is not yet known: give it a name
        if fact.subject.startswith("programme:"):
            pid = fact.subject.partition(":")[2]
            if pid not in known.values() and not any(f.subject == fact.subject and f.field == "name" for f in out):
                at = doc.flat.find(fold(pid).replace("-", " "))
                if at >= 0:
                    words = doc.text[at : at + len(pid)]
                    out.append(Found("name", words, _sentence(doc, at), subject=fact.subject))
    return out


def is_agency(name: str) -> bool:
    """Whether `name` is UNODC itself ("UNODC", "la Oficina de las Naciones Unidas contra la Droga y el Delito
    (UNODC)"), which is no programme."""
    key = fold(re.sub(r"\([^)]*\)", " ", name)) or fold(name)
    return re.sub(r"^(?:the|la|el) ", "", " ".join(key.split())) in _AGENCY or fold(name) in _AGENCY


# What may stand between a programme's name and the funding phrase about it: "CRIMJUST, which is", "El
# Programa ..., que es", "the Global Programme on Cybercrime (".
_TO_VERB = re.compile(
    r"\s*[,(–-]?\s*(?:(?:which|that|que|el cual|la cual)\s+)?(?:(?:is|are|was|were|has been|have been|es|son|fue|"
    r"fueron|ha sido|han sido)\s+)?(?:(?:also|generously|jointly|mainly|primarily|tambien|también|principalmente|"
    r"conjuntamente)\s+)?$",
    re.IGNORECASE,
)
_LINKS = r"(?:on|against|for|of|to|and|the|de|del|la|el|contra|sobre|para|y|e)"
# A programme's own name, ending where the funding phrase begins: "the Global Programme on Cybercrime", "the
# Container Control Programme (CCP)", "el Programa Global contra el Ciberdelito".
_NAMED_END = re.compile(
    rf"(?:[A-Z][\w.'’-]*\s+(?:{_LINKS}\s+)*)*(?:Programme|Program|Project|Programa|Proyecto)"
    rf"(?:\s+(?:{_LINKS}\s+)*[A-Z][\w.-]*)*(?:\s*\([A-Z][\w.-]+\))?$"
)


def named_before(before: str, known: dict[str, str]) -> str | None:
    """The programme a funding phrase is about when the words just before it name one: a programme the knowledge
    base knows by any of its names ("The Global Programme on Cybercrime is funded by", "GLO.ACT, which is
    funded by"), or one called a programme ("the Container Control Programme, which is financed by"); its id."""
    head = before[: _TO_VERB.search(before).start()]  # type: ignore[union-attr]  # (it matches the empty end)
    folded = fold(head)
    for name, pid in sorted(known.items(), key=lambda kv: -len(kv[0])):
        if (folded == name or folded.endswith(" " + name)) and not is_agency(name):
            return pid
    m = _NAMED_END.search(head)
    if not m:
        return None
    name = re.sub(r"^(?:The|the|El|el|La|la)\s+", "", m.group(0))
    name = re.sub(r"^(?:UNODC|ONUDD)['’]s\s+", "", name)
    if is_agency(name) or _NOT_PROGRAMME.search(fold(name)) or not re.search(r"[A-Z]", name):
        return None
    return _known(name, known) or _new_id(name)


def _known(name: str, known: dict[str, str]) -> str | None:
    if is_agency(name):
        return None
    key = fold(name)
    if key in known:
        return known[key]
    for acronym in re.findall(r"\(([A-Z][A-Za-z-]{1,12})\)", name):
        if fold(acronym) in known:
            return known[fold(acronym)]
    words = _words(name)
    for other, pid in known.items():
        if words and _words(other) == words:
            return pid
    return None


def _words(name: str) -> frozenset[str]:
    folded = re.sub(r"\b(?:programs?|programmes|programa)\b", "programme", fold(name))
    folded = re.sub(r"\bcyber ?crime\b", "cybercrime", folded)
    return frozenset(w for w in folded.split() if w not in _STOP)


def _is_programme(name: str, doc: Doc) -> bool:
    """A programme's name: it says so ("Container Control Programme", "the AIRCOP project"), or it is an acronym
    the text calls a programme elsewhere ("AIRCOP es un proyecto de ..."). An organisation in capitals
    ("INTERPOL") and the agency itself are not."""
    folded = fold(name)
    if is_agency(name) or _NOT_PROGRAMME.search(folded):
        return False
    if _PROGRAMME_WORDS.search(folded):
        return True
    return name.isupper() and 4 <= len(name) <= 12 and _called_programme(doc, folded)


def _called_programme(doc: Doc, folded: str) -> bool:
    word = re.escape(folded)
    return bool(
        re.search(
            rf"\b{_MARKS} (?:mundial |global |regional )?{word}\b|\b{word} {_MARKS}\b|"
            rf"\b{word} (?:is|es) (?:a|an|un|una|the|el) (?:[\w-]+ ){{0,3}}?{_MARKS}\b",
            doc.flat,
        )
    )


def _acronym(name: str) -> str | None:
    """The short name in a programme's name: "(GPML)", or a word in capitals ("proyecto AIRCOP")."""
    found = [a for a in re.findall(r"\(([A-Z][A-Za-z-]{1,12})\)", name) if a not in _OWNERS] or [
        w for w in re.findall(r"\b[A-Z][A-Z0-9-]{2,}\b", name) if w.split("-")[0] not in _OWNERS
    ]
    return found[0] if found else None


_OWNERS = frozenset({"UNODC", "ONUDD", "UN", "ONU", "WCO", "OMA"})
_OWNED = re.compile(
    r"\s+(?:of|de)\s+(?:the\s+|la\s+)?(?:UNODC|United Nations Office on Drugs and Crime|Oficina de las "
    r"Naciones Unidas contra la Droga y el Delito)(?:\s*\(UNODC\))?$"
)


def _plain(name: str) -> str:
    """The programme's own name: "UNODC's Global Maritime Crime Programme" is the Global Maritime Crime Programme."""
    return re.sub(r"^(?:the\s+)?(?:UNODC|ONUDD)['’]s\s+", "", _OWNED.sub("", name))


def _new_id(name: str) -> str:
    acronym = _acronym(name)
    return slug(acronym) if acronym else slug(_plain(name))[:40]


def _proposed(doc: Doc, pid: str, name: str, quote: str) -> list[Found]:
    """The new programme's name, full name and Spanish name, as the release gives them."""
    subject = f"programme:{pid}"
    acronym = _acronym(name)
    long_form = re.sub(r"\s*\([^)]*\)\s*", " ", _plain(name)).strip()
    long_form = re.sub(r"^(?:the|el|la)\s+|\s+(?:project|proyecto)$|^(?:proyecto|programa|project)\s+", "", long_form)
    facts = []
    if acronym:
        facts.append(Found("name", acronym, quote, subject=subject))
        if fold(long_form) != fold(acronym) and len(long_form.split()) > 1:
            field = "name_es" if doc.lang == "es" else "full_name"
            facts.append(Found(field, long_form, quote, subject=subject))
    else:
        facts.append(Found("name", long_form, quote, subject=subject))
    return [f for f in facts if f.value in quote]


def _in_funding(doc: Doc, at: int) -> bool:
    before = doc.flat[max(0, at - 60) : at]
    return bool(
        re.search(r"\b(?:funded by|financed by|through its|under its|financiad[oa] por|en el marco de su)\b", before)
    )


def _sentence(doc: Doc, at: int) -> str:
    for a, b in doc.spans:
        if a <= at < b:
            return doc.text[a:b]
    return doc.text[at : at + 80]

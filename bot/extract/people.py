"""Who took part: the stated total ("More than 150", "Cuarenta y tres", "unas 87"), each stated group of
participants with the roles it covers (one count for several roles stays one combined count), women and men
(a count or a share), the countries they came from and a stated number of countries. A breakdown is never
summed into a total, and no figure is taken from a clause about another activity or about things (tonnes,
seizures, money).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from bot import vocab
from bot.engine.text import fold
from bot.extract.dates import dates_in
from bot.extract.model import Found
from bot.extract.places import countries_in
from bot.extract.text import Doc, Number, Span, clause_spans, elsewhere, excerpt, numbers

_AT_LEAST = re.compile(r"\b(?:more than|over|at least|upwards of|in excess of|mas de|al menos|por lo menos) $")
_ABOUT = re.compile(
    r"\b(?:some|around|about|approximately|nearly|almost|roughly|close to|an estimated|unas|unos|alrededor de|"
    r"cerca de|aproximadamente|casi|aprox) $"
)
_TOTAL = re.compile(r"\b(?:a total of|in total|un total de|en total) $")
_TAKING_PART = re.compile(
    r"\b(?:attended|attendance|took part|take part|taking part|participated|participate|participating|joined|met|"
    r"gathered|brought together|bringing together|completed|received|trained|were trained|have been trained|"
    r"followed|connected|worked|benefit(?:ed|ted)?|with the participation of|for|"
    r"participaron|participan|participaran|asistieron|asisten|recibieron|reciben|se capacitaron|se capacitan|"
    r"fueron capacitad[oa]s|reunio|reunieron|se reunieron|conto con la participacion de|con la participacion de|"
    r"dirigid[oa] a|beneficio|completaron|cursaron|wrapped up|concluded|finished|graduated|concluyeron|culminaron|"
    r"finalizaron|egresaron)\b"
)
# What ends the words naming a group: a verb, a place of origin, a relative clause, a breakdown or a new count.
_GROUP_END = re.compile(
    r"\s+(?:from|who|which|that|have|has|had|were|was|are|is|attended|took|participated|joined|met|gathered|"
    r"completed|received|worked|followed|connected|serving|working|representing|based|including|among|to|at|"
    r"for|with|during|on|que|quienes|participaron|participan|asistieron|recibieron|se|fueron|son|eran|"
    r"trabajaron|completaron|analizaron|incluidos|incluidas|entre|durante|para|con|desde|en|procedentes|"
    r"provenientes)\b|,\s|\s*[;:.](?:\s|$)|\s*[—–]|\s*\((?=\s*\d)|\s+(?:in|en)\s+(?!person\b)"
)
_SPLIT_ROLES = re.compile(r",\s+(?:and\s+|y\s+)?|\s+(?:and|y|e)\s+")


@cache
def _role_forms() -> dict[str, str]:
    return {form: role for role, (_, forms) in vocab.ROLES.items() for form in (fold(role), *forms)}


@cache
def _role_pattern() -> re.Pattern[str]:
    forms = sorted(_role_forms(), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, forms))})\b")


@dataclass
class Count:
    """A number of people as the text states it."""

    number: Number
    label: str  # the words naming them, as written
    label_end: int
    at_least: bool
    approx: bool
    total: bool  # "a total of ..."
    mode: str = ""  # "in person" or "online" when the count says how they took part ("45 online")

    def value(self) -> dict[str, Any]:
        return {"count": self.number.value, "at_least": self.at_least, "approx": self.approx}


def participants(doc: Doc) -> list[Found]:
    """Participants, groups, women and men from the first clause stating who took part (the body first)."""
    for span in doc.body() + doc.headline():
        for clause in clause_spans(doc.text, span):
            if elsewhere(doc, clause) or (not _TAKING_PART.search(doc.flat, *clause) and not _total_said(doc, clause)):
                continue
            counts = _counts(doc, clause)
            people = [c for c in counts if _role_of(c.label) not in ("women", "men")]
            if people:
                return _statement(doc, clause, counts) + _countries(doc, span, clause)
    return []


def _total_said(doc: Doc, clause: Span) -> bool:
    return bool(re.search(r"\b(?:a total of|un total de)\b", doc.flat[clause[0] : clause[1]]))


def _counts(doc: Doc, clause: Span) -> list[Count]:
    """Every count of people in the clause: a number followed by words naming people."""
    out: list[Count] = []
    dated = dates_in(doc, clause)
    found = [
        n for n in numbers(doc.text, doc.flat, doc.lang, *clause) if not any(w.start <= n.start < w.end for w in dated)
    ]
    for i, n in enumerate(found):
        if 1900 <= n.value <= 2100 and n.end - n.start == 4:
            continue  # a year
        stop = found[i + 1].start if i + 1 < len(found) else clause[1]
        end_match = _GROUP_END.search(doc.text, n.end, stop)
        end = end_match.start() if end_match else stop
        label = _trim(doc.text[n.end : end])
        label = _trim(_continue_list(doc, n.end, label, (clause[0], stop)))
        label = _before_origin(doc, n.end, label)
        mode = _MODE.match(doc.flat, n.end)
        if mode and not (label and _names_people(label)):
            label = doc.text[n.end : mode.end()].strip()  # "45 online", "30 de forma presencial"
        elif not label or re.search(r"\d", label) or not _names_people(label):
            continue
        else:
            mode = _MODE_WORDS.search(doc.flat, n.end, n.end + 1 + len(label))
        before = doc.flat[max(clause[0], n.start - 20) : n.start]
        out.append(
            Count(
                n,
                label,
                n.end + 1 + len(label),
                bool(_AT_LEAST.search(before)),
                bool(_ABOUT.search(before)) or n.approx,
                bool(_TOTAL.search(before)),
                _mode_of(mode.group("how")) if mode else "",
            )
        )
    return out


# How a count of people took part, right after the number or in its words ("30 in person and 45 online", "30
# participantes presenciales y 45 virtuales"): parts of the audience, never summed into a total.
_HOW = (
    r"(?P<how>in person|on site|onsite|online|virtually|remotely|presencial(?:es|mente)?|"
    r"de (?:forma|manera) (?:presencial|virtual|remota)|en linea|virtual(?:es|mente)?|a distancia)\b"
)
_MODE = re.compile(rf"(?: \w+){{0,2}}? {_HOW}")  # right after the number: "45 online", "45 more joined online"
_MODE_WORDS = re.compile(rf"\b{_HOW}")  # within a group's words: "30 fiscales presenciales"


_MORE = re.compile(r"\b(?:more|additional|further|mas|otros|otras|adicionales)\b")


def _mode_of(how: str) -> str:
    return "in person" if re.search(r"person|site|presencial", how) else "online"


def _names_people(label: str) -> bool:
    """Whether the first words of a label name people ("customs, gendarmerie and national police officers")."""
    first = re.split(r"\s+(?:of|de|del|from)\s+|\(", label)[0]
    return bool(_role_pattern().search(fold(first))) and len(first.split()) <= 8


def _trim(label: str) -> str:
    label = label.strip().strip(",").strip()
    return re.sub(r"\s+(?:and|y|e|de|del|of|from)$", "", label)  # "200 personas de [18 países]"


def _before_origin(doc: Doc, start: int, label: str) -> str:
    """The label without the countries it ends on ("fiscales e investigadores de Colombia, Ecuador ...")."""
    at = start + 1 + len(label) if label else start
    for a, b, _ in countries_in(doc, start, at):
        lead = re.search(r"\s+(?:from|of|de|del)\s+(?:the\s+)?$", doc.text[start:a])
        if lead and not re.match(r"(?:'s|’s|\s+[A-Z])", doc.text[b : b + 3]):  # not "of the Guyana Police Force"
            return _trim(doc.text[start : start + lead.start()])
    return label


def _continue_list(doc: Doc, start: int, label: str, clause: Span) -> str:
    """A group's words run on past a comma while more roles or institutions follow ("prosecutors, central
    authority officials and investigators", "agentes de la DLCN, de Aduanas Honduras y del Instituto ...")."""
    end = start + 1 + len(label)
    while True:
        m = re.match(r",\s+", doc.text[end : clause[1]])
        if not m:
            return label
        rest_start = end + m.end()
        nxt = _GROUP_END.search(doc.text, rest_start, clause[1])
        rest = doc.text[rest_start : nxt.start() if nxt else clause[1]]
        folded = fold(rest)
        continues = re.match(r"(?:de|del|of)\b", folded) or (
            _role_pattern().search(folded) and not re.match(r"(?:including|incluid|while|mientras|among|entre)", folded)
        )
        if not rest or not continues or re.search(r"\d", rest):
            return label
        label = doc.text[start + 1 : rest_start + len(rest)].strip()
        end = rest_start + len(rest)


def _role_of(label: str) -> str | None:
    """The canonical role of one item ("16 prosecutors of the Attorney General's Office" -> prosecutors)."""
    head = re.split(r"\s+(?:of|de|del|from|in|en)\s+|\s*\(", label.strip())[0]
    forms = _role_forms()
    key = fold(head)
    if key in forms:
        return forms[key]
    words = key.split()
    for n in range(len(words) - 1, 0, -1):  # "national police officers": police officers
        tail = " ".join(words[-n:])
        if tail in forms and n >= 2:
            return forms[tail]
    return None


def roles(label: str) -> list[str]:
    """The roles one count covers: several for a combined count, none when only "participants" is said."""
    items: list[str] = []
    for item in (i for i in _SPLIT_ROLES.split(label.strip()) if i):
        if items and item[:1].isupper() and not _role_pattern().search(fold(item)):
            items[-1] = label[: label.index(item) + len(item)][label.index(items[-1]) :]  # "Customs and Excise ..."
        else:
            items.append(item)
    if not items:
        return []
    head = _head_noun(items)
    full = []
    for item in items:
        if re.match(r"(?:of|de|del)\b", item) and head:
            item = f"{head} {item}"
        elif _role_of(item) is None and head and not _role_pattern().search(fold(item)):
            item = f"{item} {head}"
        full.append(item)
    if len(full) == 1 and fold(_head(full[0])).split()[-1:] and _is_generic(full[0]):
        return []
    canonical = [_role_of(i) or i for i in full]
    if len(set(canonical)) < len(full):  # "officers of A and of B": the words tell them apart
        canonical = full
    if len(canonical) == 1 and canonical[0] in vocab.GENERIC_ROLES:
        return []
    return list(dict.fromkeys(canonical))


def _head(item: str) -> str:
    return re.split(r"\s+(?:of|de|del|from|in|en)\s+|\s*\(", item.strip())[0]


def _is_generic(item: str) -> bool:
    """ "criminal justice practitioners", "personas": people named without a role."""
    words = fold(_head(item)).split()
    return bool(words) and _role_forms().get(words[-1]) in vocab.GENERIC_ROLES


def _head_noun(items: list[str]) -> str:
    """The noun a list shares: the last item's ("customs, gendarmerie and national police officers"), or the
    first's when the others are institutions ("officers of the CID and of the CANU")."""
    for item in (items[-1], items[0]):
        head = re.split(r"\s+(?:of|de|del)\s+", item)[0].split()
        if head and _role_pattern().fullmatch(fold(head[-1])):
            return head[-1]
    return ""


def _group(count: Count, quote: str) -> Found | None:
    """The group a count names, when it names roles (not for "34 practitioners" or "unas 87 personas")."""
    covered = roles(count.label)
    if not covered:
        return None
    value = {"label": count.label, "roles": covered, **count.value()}
    return Found("participant_groups", value, quote, "approximate" if count.approx else "")


def _statement(doc: Doc, clause: Span, counts: list[Count]) -> list[Found]:
    found: list[Found] = []
    people = [c for c in counts if _role_of(c.label) not in ("women", "men")]
    quote = excerpt(doc, clause, people[0].number.start, people[-1].label_end, limit=320)
    first, rest = people[0], people[1:]
    # "75 attended, 30 in person and 45 online": the parts of a total ("and 45 more online" adds to it)
    parts = bool(rest) and not first.mode and all(c.mode and not _MORE.search(fold(c.label)) for c in rest)
    breakdown = bool(rest) and not first.total and not _introduces(doc, first) and not parts
    if first.mode and rest and not first.total:
        breakdown = True  # "30 in person and 45 online": no total is stated, and none is made
    if not breakdown:
        flag = "approximate" if first.approx else ""
        found.append(Found("participants", first.value(), quote, flag))
        group = _group(first, quote)
        if group and not rest:
            found.append(group)
        groups = rest
    else:
        groups = people
    found += [_part(c, quote) if c.mode else _group(c, quote) or _bare(c, quote) for c in groups]
    for c in counts:
        role = _role_of(c.label)
        if role in ("women", "men"):
            found.append(Found(role, {"count": c.number.value}, quote))
    return found + _shares(doc)


def _bare(count: Count, quote: str) -> Found:
    value = {"label": count.label, "roles": roles(count.label), **count.value()}
    return Found("participant_groups", value, quote, "approximate" if count.approx else "")


def _part(count: Count, quote: str) -> Found:
    """A part of the audience by how it took part ("45 online"), with the roles its words name, if any ("30
    fiscales presenciales": prosecutors; "35 delegates in person": none said)."""
    said = " ".join(_MODE_WORDS.sub("", fold(count.label)).split()) if _names_people(count.label) else ""
    value = {"label": count.label, "roles": roles(said) if said else [], **count.value()}
    return Found("participant_groups", value, quote, "approximate" if count.approx else "")


def _introduces(doc: Doc, first: Count) -> bool:
    """Whether the first count is a total the next ones break down ("42 officials, including 26 ...", "46
    operadores —31 fiscales ...", "87 personas (39 mujeres y 48 hombres)")."""
    after = doc.flat[first.label_end : first.label_end + 30]
    return bool(
        re.match(r"\s*(?:including|of whom|among them|incluidos|incluidas|entre ellos|de los cuales)\b", after)
        or re.match(r"\s*[—–(]", doc.text[first.label_end : first.label_end + 3])
    )


_SHARE = re.compile(r"\b(?P<n>\d{1,3}(?:[.,]\d)?) ?(?:%|per ?cent|percent|por ciento)")
_WOMEN = re.compile(r"\b(?:women|female|mujeres)\b")
_MEN = re.compile(r"\b(?:men|male|hombres)\b")
_OF_PARTICIPANTS = re.compile(
    r"\b(?:of the participants|of them|of those|participants|de los participantes|de ellos|de ellas|participantes|"
    r"de las personas|those who)\b"
)


@cache
def _of_role() -> re.Pattern[str]:
    """ "of the delegates", "de los fiscales": the people the women or men are counted among."""
    forms = "|".join(map(re.escape, sorted(_role_forms(), key=len, reverse=True)))
    return re.compile(rf"\b(?:of the|of those|among the|de los|de las|entre los|entre las) (?:[\w-]+ )?(?:{forms})\b")


def _shares(doc: Doc) -> list[Found]:
    """Women and men said apart from the count: "Thirteen of the participants were women", "El 35 por ciento de
    los participantes son mujeres", "Women accounted for 46 per cent"."""
    found: list[Found] = []
    for span in doc.body():
        for clause in clause_spans(doc.text, span):
            folded = doc.flat[clause[0] : clause[1]]
            if elsewhere(doc, clause) or not (_OF_PARTICIPANTS.search(folded) or _of_role().search(folded)):
                continue
            for field, pattern in (("women", _WOMEN), ("men", _MEN)):
                if not pattern.search(folded) or any(f.field == field for f in found):
                    continue
                share = _SHARE.search(doc.text, *clause)
                if share:
                    value: dict[str, Any] = {"percent": float(share.group("n").replace(",", "."))}
                    if value["percent"].is_integer():
                        value["percent"] = int(value["percent"])
                    found.append(Found(field, value, excerpt(doc, clause, share.start(), share.end())))
                    continue
                for n in numbers(doc.text, doc.flat, doc.lang, *clause):
                    gap = doc.flat[n.end : n.end + 40]
                    m = pattern.search(gap)
                    if m and not re.search(r"\d", gap[: m.start()]) and len(gap[: m.start()].split()) <= 5:
                        found.append(Found(field, {"count": n.value}, excerpt(doc, clause, n.start, n.end + m.end())))
                        break
    return found


_LIST_LEAD = re.compile(
    r"\b(?:from|of|de|del|procedentes de|provenientes de|including|among them|such as|incluidos|incluidas|"
    r"entre ellos|entre ellas|como)\s+(?:the\s+|la\s+|el\s+)?$"
)
_NOT_ORIGIN = re.compile(r"\b(?:city|ciudad|capital|province|provincia|region|department|departamento) $")
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|y\s+)?|\s+(?:and|y|e)\s+)(?:(?:the|la|el|de|del)\s+)?", re.IGNORECASE)
_COUNTRY_COUNT = re.compile(r"\b(?:from|de) (?P<n>[\w ]{1,25}?) (?:countries|paises|states|estados|nations|naciones)\b")
_WHO = re.compile(
    r"\s*(?:the\s+|los\s+|las\s+)?(?:participants|delegates|delegations|delegaciones|participantes|"
    r"attendees|asistentes|they|ellos)\b"
)


def _countries(doc: Doc, sentence: Span, clause: Span) -> list[Found]:
    """The countries participants came from, in the sentence stating them or in one about them ("Delegations came
    from ..., among them Brazil, ..."), and a stated number of countries ("from 14 countries")."""
    found: list[Found] = []
    spans = [sentence] + [s for s in doc.body() if s != sentence and _WHO.match(doc.flat, s[0])]
    for span in spans:
        for name, quote in _country_lists(doc, span):
            if name not in [f.value for f in found if f.field == "participant_countries"]:
                found.append(Found("participant_countries", name, quote))
        m = _COUNTRY_COUNT.search(doc.flat, *span)
        if m and not any(f.field == "country_count" for f in found):
            said = numbers(doc.text, doc.flat, doc.lang, m.start("n"), m.end("n"))
            n = said[-1] if said and not doc.flat[said[-1].end : m.end("n")].strip() else None
            if n is not None:  # the number just before "countries" ("200 personas de 18 países": 18)
                before = doc.flat[max(span[0], n.start - 20) : n.start]
                value = {"count": n.value, "at_least": bool(_AT_LEAST.search(before))}
                value["approx"] = n.approx or bool(_ABOUT.search(before))
                found.append(Found("country_count", value, excerpt(doc, span, n.start, m.end())))
    return found


def _country_lists(doc: Doc, span: Span) -> list[tuple[str, str]]:
    """Countries named in lists that follow "from", "de", "including", ... in text[span], with their quote."""
    named = countries_in(doc, *span)
    out: list[tuple[str, str]] = []
    previous_end = -1
    for a, b, name in named:
        lead = _LIST_LEAD.search(doc.flat, max(span[0], a - 25), a)
        if lead and _NOT_ORIGIN.search(doc.flat, max(span[0], lead.start() - 12), lead.start() + 1):
            lead = None
        if re.match(r"(?:'s|’s|\s+[A-Z][a-z])", doc.text[b : b + 3]) or re.search(
            r"[A-Z][\w-]*\s+(?:of|de)\s+(?:the\s+)?$", doc.text[max(span[0], a - 25) : a]
        ):
            previous_end = -1  # "the Trinidad and Tobago Coast Guard", "Port of Spain": a name, not an origin
            continue
        joined = previous_end >= 0 and _LIST_JOIN.fullmatch(doc.text, previous_end, a)
        if lead or joined:
            out.append((name, excerpt(doc, span, a, b, limit=320)))
            previous_end = b
        else:
            previous_end = -1
    return out

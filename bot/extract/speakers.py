"""Who spoke and what they said: names as written (capitals and accents kept: "Abdulai KOROMA-BANGURA",
"Gonzalo NÚÑEZ BARRIOS"), with or without an honorific ("Mr.", "Sra.", "Dra.", "la señora"), their position
before or after the name ("UNODC Programme Officer Mamadou Lamine Faye", "Ms. Dilnoza Rakhimova, CCP Regional
Coordinator for Central Asia", "la fiscal superior Itzel Moreno Caballero, de la Fiscalía ..."), and their
statements, quoted in "...", “...” or «...», or reported ("explained that ...")."""

from __future__ import annotations

import re
from typing import Any

from bot import geo, vocab
from bot.engine.text import fold
from bot.extract.model import Found
from bot.extract.names import ORG_HEADS, blank_parentheses
from bot.extract.text import Doc, Span, excerpt

_UP = "A-ZÁÉÍÓÚÑÜÇÀÈÌÒÙÂÊÎÔÛÄËÏÖŌ"
_WORD = rf"(?:[{_UP}][\w'’-]*[\w]|[{_UP}]\.)"
_CONNECTOR = r"(?:de|del|de la|de los|da|das|do|dos|van|von|der|den|bin|ben|al|le|di|du|St\.)"
_RUN = re.compile(rf"{_WORD}(?:\s+(?:{_CONNECTOR}\s+)?{_WORD})*")
_HONORIFIC = re.compile(
    r"(?:(?<![\w.])(?:Mr|Mrs|Ms|Dr|Prof|Sr|Sra|Srta|Dra|Lic|Ing|Hon|H\.E)\.|\b(?:la|el)\s+(?P<es>señora|señor|doctora|"
    r"doctor|licenciada|licenciado|ingeniera|ingeniero)|\b(?:Sir|Dame|Madam))\s+$"
)
_REPORTING = (
    "said stated stressed explained noted highlighted emphasized emphasised underlined added recalled warned "
    "insisted remarked pointed underscored announced presented described welcomed thanked urged affirmed "
    "opened closed outlined indicated argued observed expressed reiterated called told "
    "dijo afirmó señaló explicó destacó subrayó agregó añadió recordó indicó expresó advirtió anunció presentó "
    "manifestó sostuvo resaltó enfatizó declaró insistió propuso comentó mencionó apuntó precisó aseguró"
).split()
_NOT_NAME = (
    frozenset(
        "airport international port river force task committee programme platform network republic states union "
        "nations centre center directorate america africa europe asia caribbean oceania pacific".split()
    )
    | ORG_HEADS
)


def speakers(doc: Doc) -> list[Found]:
    """Speakers with their positions, and their statements."""
    found: list[Found] = []
    last: str | None = None
    for span in doc.body():
        named = _people(doc, span)
        for person in named:
            if all(f.value["name"] != person.value["name"] for f in found if f.field == "speakers"):
                found.append(person)
        found += _statements(doc, span, named, last)
        if named:
            last = named[-1].value["name"]
    return found


def _people(doc: Doc, span: Span) -> list[Found]:
    text = doc.text
    blank = blank_parentheses(text, *span)
    out: list[tuple[int, Found]] = []
    for run in _RUN.finditer(text, *span):
        start, words = run.start(), run.group(0)
        pre_in_run, name = _split_run(words)
        if name is None:
            continue
        name_start = start + len(words) - len(name)
        name_end = start + len(words)
        if not _is_person(name):
            continue
        honorific = _HONORIFIC.search(text[max(span[0], name_start - 16) : name_start])
        lead_start = name_start - (len(honorific.group(0)) if honorific else 0)
        also = ""
        if not _has_position_word(pre_in_run):
            pre_in_run = ""
            if start < name_start:  # "UNODC Santiago ACUÑA FERRÉS": the capitals before the name are the position's
                lead_start, also = start, text[start:name_start]
        pre = pre_in_run or _pre_position(text, span[0], lead_start, also)
        if pre_in_run and re.search(r"\s(?:for|of|on|de|del|para)\s+$", text[max(span[0], start - 6) : start]):
            pre = _pre_position(text, span[0], start, pre_in_run) or pre  # "Under-Secretary for Justice Ann Roe"
        post, post_end = _post_position(text, blank, name_end, span[1], bool(pre))
        before_comma = ""
        if not pre and text[max(span[0], lead_start - 2) : lead_start] == ", ":
            before_comma = _segment_before(text, span[0], lead_start - 2, out)
        if not (honorific or pre or post or before_comma):
            continue
        position = ", ".join(p for p in (pre or before_comma, post) if p)
        value: dict[str, Any] = {"name": name, "position": position}
        if honorific:
            value["honorific"] = (honorific.group("es") or honorific.group(0)).strip()
        first = min(
            x
            for x in (
                name_start - (len(honorific.group(0)) if honorific else 0),
                text.find(pre, span[0]) if pre and text.find(pre, span[0]) >= 0 else name_start,
                text.rfind(before_comma, span[0], name_start) if before_comma else name_start,
            )
        )
        last = max(name_end, post_end)
        if re.search(
            r"\b(?:videoconference|remotely|by video|videoconferencia|de forma remota|en linea)\b",
            doc.flat[span[0] : span[1]],
        ):
            value["remote"] = True
        out.append((start, Found("speakers", value, excerpt(doc, span, first, last, limit=320))))
    return [f for _, f in out]


def _has_position_word(phrase: str) -> bool:
    return any(w in vocab.POSITION_WORDS for w in fold(phrase).split())


def _split_run(words: str) -> tuple[str, str | None]:
    """A capitalised run split into the position at its head and the name ("UNODC Programme Officer Mamadou
    Lamine Faye" -> ("UNODC Programme Officer", "Mamadou Lamine Faye"))."""
    tokens = words.split()
    cut = 0
    for i, token in enumerate(tokens):
        if any(w in vocab.POSITION_WORDS for w in fold(token).split()):
            cut = i + 1
    while cut < len(tokens) and ((tokens[cut].isupper() and len(tokens[cut]) > 2) or fold(tokens[cut]) in _CONNECTORS):
        cut += 1  # "experto de UNODC Santiago ACUÑA FERRÉS": a first name is not in capitals
    name_tokens = tokens[cut:]
    if len(name_tokens) < 2 or len(name_tokens) > 6 or fold(name_tokens[0]) in _CONNECTORS:
        return "", None
    if cut and fold(tokens[cut - 1]) in _CONNECTORS:
        return "", None  # "Fiscalía General de la Nación de Colombia": the rest of an institution's name
    pre = " ".join(tokens[:cut])
    return pre, " ".join(name_tokens)


_CONNECTORS = frozenset("de del la los da das do dos van von der den bin ben al le di du".split())


def _is_person(name: str) -> bool:
    folded = fold(name).split()
    if any(w in _NOT_NAME for w in folded) or geo.country(name):
        return False
    first = name.split()[0]
    return not first.isupper() or len(first) <= 2 or "-" in first


def _pre_position(text: str, lo: int, at: int, also: str = "") -> str:
    """A position written just before a name without a comma: "la fiscal superior", "GPML mentor", "experto de
    UNODC" (`also`: capitals between it and the name)."""
    head = text[max(lo, at - 120) : at]
    words = head.split()
    taken: list[str] = also.split()
    if taken and not words:
        return ""
    for word in reversed(words):
        folded = fold(word)
        if word.endswith((",", ";", ":", "»", "”", '"')) or folded in _STOP_BEFORE:
            break
        if folded in ("the", "el", "la", "los", "las", "by", "por", "of", "to", "a"):
            break
        taken.insert(0, word)
        if len(taken) > 8:
            return ""
    while taken and fold(taken[0]) in _CONNECTORS | {"of", "for", "en", "para", "y", "and"}:
        taken.pop(0)
    phrase = " ".join(taken)
    if not phrase or not any(w in vocab.POSITION_WORDS for w in fold(" ".join(taken[:3])).split()):
        return ""
    if fold(taken[-1]) in _CONNECTORS | {
        "of",
        "for",
        "en",
        "para",
        "in",
        "with",
        "con",
        "at",
        "from",
        "to",
        "and",
        "y",
    }:
        return ""
    return phrase


_STOP_BEFORE = frozenset(fold(w) for w in _REPORTING) | {"then", "also", "while", "and", "y", "que", "when"}


def _post_position(text: str, blank: str, at: int, end: int, has_pre: bool) -> tuple[str, int]:
    """A position after the name: ", Director of Public Prosecutions (Ag.) of Barbados, who ..."."""
    m = re.match(r",\s+", text[at:end])
    if not m:
        return "", at
    start = at + m.end()
    stop = re.search(
        r",\s|;|\.(?:\s|$)|\s+(?:who|quien|and by|y por|at the (?:opening|closing|start|end|launch|ceremony)|"
        r"en el acto|durante|during|in (?:his|her|the))\b|\s+(?:" + "|".join(_REPORTING) + r")\b",
        blank[start:end],
    )
    stop_at = start + (stop.start() if stop else end - start)
    phrase = text[start:stop_at].strip()
    folded = fold(phrase).split()
    if not folded or len(folded) > 25:
        return "", at
    leads = folded[:5]
    if (any(w in vocab.POSITION_WORDS for w in leads) and fold(phrase.split()[0]) not in _STOP_BEFORE) or (
        has_pre and re.match(r"(?:de la|del|de|of the|of)\s", phrase)
    ):
        return phrase, stop_at
    return "", at


_POSSESSIVE = re.compile(r"['’]s$")


def _segment_before(text: str, lo: int, comma: int, seen: list[tuple[int, Found]]) -> str:
    """A position in the clause before ", NAME": "The Provincial Prosecutor of Guayas, Ms. ...", "afirmó el
    viceministro de Defensa Social, Jaime ..." (from its article on)."""
    left = max(text.rfind(", ", lo, comma) + 2, lo) if text.rfind(", ", lo, comma) >= 0 else lo
    segment = text[left:comma]
    after_verb = list(re.finditer(r"\b(?:by|por|" + "|".join(_REPORTING) + r")\s+", segment))
    if after_verb:
        segment = segment[after_verb[-1].end() :]
    words = segment.split()
    first = next((i for i, w in enumerate(words) if fold(w) in vocab.POSITION_WORDS), None)
    if first is None:
        return ""
    start = first
    while start > 0 and words[start - 1][:1].isupper() and fold(words[start - 1]) not in ("the", "el", "la"):
        start -= 1  # "The UNODC Regional Representative": its capitals, not its article
    before = words[start - 1] if start > 0 else ""
    lower = before[:1].islower() and not _POSSESSIVE.search(before)
    if lower and fold(before) not in ("the", "el", "la", "los", "las"):
        return ""  # "the country's attorney general, Ann Roe": the position is "attorney general"
    phrase = " ".join(words[start:]).strip()
    if not phrase or len(phrase.split()) > 16 or phrase not in text[left:comma]:
        return ""
    if any(f.value.get("position") == phrase for _, f in seen):
        return ""
    return phrase


_QUOTED = re.compile(r"“([^”]{12,600})”|«([^»]{12,600})»|\"([^\"]{12,600})\"|''([^'\"]{12,600})(?:''|\")")
# What was reported runs to the end of its sentence: a point between digits ("9.6 million") does not end it.
_REPORTED = re.compile(r"\b(?:" + "|".join(_REPORTING) + r")\s+(?:that|que)\s+(?:[^.;]|(?<=\d)\.(?=\d)){10,300}")
_TITLE_BEFORE = re.compile(
    r"(?:entitled|titled|called|titulad[oa]|denominad[oa]|llamad[oa]|" + r"workshop|webinar|course|"
    r"taller|curso|seminario|regional|virtual|the)\s*$",
    re.IGNORECASE,
)


def _statements(doc: Doc, span: Span, named: list[Found], last: str | None) -> list[Found]:
    text = doc.text
    speaker = named[0].value["name"] if len(named) == 1 else (None if named else last)
    if named and len(named) > 1:
        speaker = None
    found: list[Found] = []
    for m in _QUOTED.finditer(text, *span):
        said = next(g for g in m.groups() if g)
        if len(said.split()) < 5 or _TITLE_BEFORE.search(text[max(span[0], m.start() - 20) : m.start()]):
            continue
        who = speaker or _nearest(named, m.start(), text)
        if who:
            value = {"speaker": who, "text": said.strip(), "direct": True}
            found.append(Found("statements", value, excerpt(doc, span, m.start(), m.end(), limit=400)))
    for m in _REPORTED.finditer(text, *span):
        if _QUOTED.search(m.group(0)):
            continue
        who = speaker or _nearest(named, m.start(), text)
        if who:
            value = {"speaker": who, "text": m.group(0).strip(), "direct": False}
            found.append(Found("statements", value, excerpt(doc, span, m.start(), m.end(), limit=400)))
    return found


def _nearest(named: list[Found], at: int, text: str) -> str | None:
    best = None
    for f in named:
        pos = text.find(f.value["name"])
        if pos >= 0 and (best is None or abs(pos - at) < best[0]):
            best = (abs(pos - at), f.value["name"])
    return best[1] if best else None

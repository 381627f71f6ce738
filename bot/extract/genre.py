"""What kind of text it is: its language, whether it reports an event at all (a dated policy statement or a
programme overview does not), and whether it stops mid-sentence (an excerpt, a copied page)."""

from __future__ import annotations

import re

from bot.extract.model import Found
from bot.extract.text import Doc

_ES = frozenset("el la los las del de que y en por para con una un se su sus al es fue son como".split())
_EN = frozenset("the of and to in for with by on was were is are from that this an as at its their".split())


def language(text: str) -> str:
    """en or es, by which language's commonest words the text uses more."""
    words = re.findall(r"[a-záéíóúñ]+", text.lower())
    es = sum(w in _ES for w in words)
    en = sum(w in _EN for w in words)
    return "es" if es > en else "en"


_STATEMENT = re.compile(
    r"\b(?:statement|declaration|declaracion|comunicado|message|mensaje|remarks|discurso|op-ed|opinion|"
    r"calls on|calls for|condemns|welcomes|urges|insta a|condena|saluda|international day|dia internacional)\b"
)
_HELD = re.compile(
    r"\b(?:held|took place|attended|participated|took part|joined|met|gathered|brought together|completed|"
    r"trained|convened|organi[sz]ed|hosted|delivered|conducted|opened|closed|participaron|participan|asistieron|"
    r"se realizo|se llevo a cabo|realizad[oa]|organizad[oa]|impartid[oa]|impartio|impartieron|se capacitaron|"
    r"se capacitan|recibieron|inauguro|clausuro|tuvo lugar|se reunieron|reunio)\b"
)


def is_event(doc: Doc, found: list[Found]) -> tuple[bool, str]:
    """Whether the release reports an event, and if not why, in a few words for the admin."""
    fields = {f.field for f in found if not f.subject}
    held = any(_HELD.search(doc.flat, *span) for span in doc.headline() + doc.body())
    if "kind" not in fields:
        return False, "it names no training, workshop, meeting or other event"
    heading = doc.flat[doc.title[0] : doc.title[1]] if doc.title else doc.flat[:200]
    if _STATEMENT.search(heading) and not ({"participants", "participant_groups"} & fields):
        return False, "it reads as a statement, not a report of an event"
    if not held and not ({"participants", "participant_groups", "city", "venue"} & fields):
        return False, "it says no event was held: no date, place or participants of one"
    return True, ""


def truncated(text: str) -> bool:
    """Whether the text stops mid-sentence: its last line is long and ends without a stop."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return False
    last = lines[-1]
    if len(last) < 60 or last.startswith(("-", "*", "•")):
        return False
    return not re.search(r"[.!?…:\"”»')\]]$", last)

"""The release as the readers see it: its sentences with their places in the text, a folded copy of the same
length (so a match in the folded text is a quote in the real one), numbers written in digits or words, and
the clauses that are about another activity than the event.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

ABBREVIATIONS: tuple[str, ...] = ("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "No.", "H.E.", "Sr.", "Sra.", "Srta.")
ABBREVIATIONS += (
    "Dra.",
    "Lic.",
    "Ing.",
    "Gen.",
    "Col.",
    "Lt.",
    "Capt.",
    "Amb.",
    "Excmo.",
    "Excma.",
    "Ag.",
    "Jr.",
    "Nº.",
)
_BREAK = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"”»’']))\s+(?=[¿¡\"“«'‘(]?[A-ZÁÉÍÓÚÑÜÀÈÌÒÙÂÊÎÔÛÇ0-9])")
_INITIAL = re.compile(r"(?:^|[\s(])(?:[A-Z]\.)+$")

Span = tuple[int, int]


def flat(text: str) -> str:
    """`text` lower-cased, without accents (ñ kept) and with every other sign a space: of the same length, so that
    positions found in it are positions in `text`."""
    if text.isascii():
        return "".join(c if c.isalnum() else " " for c in text.lower())
    out = []
    for ch in text:
        low = ch.lower()
        if len(low) != 1:
            low = ch
        if low != "ñ":
            low = unicodedata.normalize("NFD", low)[0]
        out.append(low if low.isalnum() else " ")
    return "".join(out)


def sentence_spans(text: str) -> list[Span]:
    """(start, end) of each sentence: lines are sentences' bounds; "Mr. Neil", "Emmanuel T. Dweh" end none."""
    spans: list[Span] = []
    at = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            offset = at + line.index(stripped)
            start = 0
            pieces: list[Span] = []
            for brk in _BREAK.finditer(stripped):
                head = stripped[start : brk.start()]
                if head.endswith(ABBREVIATIONS) or _INITIAL.search(head):
                    continue
                pieces.append((offset + start, offset + brk.start()))
                start = brk.end()
            pieces.append((offset + start, offset + len(stripped)))
            spans += pieces
        at += len(line)
    return spans


def sentences(text: str) -> list[str]:
    """Sentences, each exactly as in the text (a quote must be found verbatim); "Mr. Neil" does not end one."""
    return [text[a:b] for a, b in sentence_spans(text)]


def clause_spans(text: str, span: Span) -> list[Span]:
    """A sentence cut at semicolons and dashes that join two statements ("...; the third is planned in ...")."""
    start, end = span
    out: list[Span] = []
    for cut in re.finditer(r";\s+|\s+[—–]\s+(?=[a-z])", text[start:end]):
        out.append((start, start + cut.start()))
        start = start + cut.end()
    out.append((start, end))
    return [s for s in out if s[1] > s[0]]


# -- numbers ----------------------------------------------------------------------------------------------

_EN_UNITS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen".split()
_EN_UNITS += "seventeen eighteen nineteen".split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ES_UNITS = "dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis".split()
_ES_UNITS += "diecisiete dieciocho diecinueve veinte".split()
_ES_VEINTI = "veintiuno veintiun veintidos veintitres veinticuatro veinticinco veintiseis veintisiete".split()
_ES_VEINTI += "veintiocho veintinueve".split()
_ES_TENS = "treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()
_ES_HUNDREDS = "cien ciento doscientos doscientas trescientos trescientas cuatrocientos cuatrocientas quinientos"
_ES_HUNDREDS += " quinientas seiscientos seiscientas setecientos setecientas ochocientos ochocientas novecientos"

_EN_BELOW_100 = rf"(?:(?:{'|'.join(_EN_TENS)})(?: (?:{'|'.join(_EN_UNITS[:9])}))?|{'|'.join(_EN_UNITS[::-1])})"
_ES_BELOW_100 = (
    rf"(?:(?:{'|'.join(_ES_TENS)})(?: y (?:uno|un|una|{'|'.join(_ES_UNITS[:8])}))?"
    rf"|{'|'.join(_ES_VEINTI)}|{'|'.join(_ES_UNITS[::-1])})"
)
NUMBER_WORDS = {
    # Written numbers, matched in folded text ("twenty-two" folds to "twenty two"); "one"/"uno" are left out,
    # since "one request in three" or "un curso" count nothing.
    "en": re.compile(rf"\b(?:(?:{_EN_BELOW_100}|one) hundred(?: and)? )?{_EN_BELOW_100}\b(?! hundred)"),
    "es": re.compile(rf"\b(?:(?:{_ES_HUNDREDS.replace(' ', '|')}) )?{_ES_BELOW_100}\b"),
}
DIGITS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]*\.\d)(?!,\d)|(?<![\d.,])\d+(?![\d]|[.,]\d)")


@dataclass(frozen=True)
class Number:
    value: int
    start: int
    end: int
    approx: bool = False  # a round figure in words: "medio centenar", "a dozen"


def numbers(text: str, folded: str, lang: str, start: int = 0, end: int | None = None) -> list[Number]:
    """The whole numbers in text[start:end], in digits ("1,300") or words ("Twenty-two", "cuarenta y tres"),
    in order. A decimal ("3.2 tons", "9,7 toneladas") is not a whole number and is left out."""
    stop = len(text) if end is None else end
    found = [Number(int(m.group(0).replace(",", "")), m.start(), m.end()) for m in DIGITS.finditer(text, start, stop)]
    for pattern_lang in (lang, *(k for k in NUMBER_WORDS if k != lang)):
        for m in NUMBER_WORDS[pattern_lang].finditer(folded, start, stop):
            if any(n.start < m.end() and m.start() < n.end for n in found):
                continue
            if pattern_lang != lang and m.group(0) in _FALSE_FRIENDS:
                continue
            value = _words_value(m.group(0), pattern_lang)
            if value is not None:
                found.append(Number(value, m.start(), m.end()))
        if lang in NUMBER_WORDS:
            break  # the other language's words are read only in a text of unknown language
    for m in _ROUND.finditer(folded, start, stop):
        if not any(n.start < m.end() and m.start() < n.end for n in found):
            value = _ROUND_VALUES[m.group("word")] // (2 if m.group("half") else 1)
            found.append(Number(value, m.start(), m.end(), approx=True))
    return sorted(found, key=lambda n: n.start)


# Round figures said in words, always approximate ("una veintena de fiscales" is about twenty); "half" halves.
_ROUND_VALUES = {
    "dozen": 12,
    "docena": 12,
    "decena": 10,
    "veintena": 20,
    "treintena": 30,
    "centenar": 100,
    "millar": 1000,
}
_ROUND = re.compile(
    r"\b(?:(?P<half>medio|media|half a)|una?|a) (?P<word>" + "|".join(_ROUND_VALUES) + r")\b(?: (?:de|of)\b)?"
)

_FALSE_FRIENDS = frozenset({"once", "dos", "tres", "diez"})


@cache
def _words_value(words: str, lang: str) -> int | None:
    from text_to_num import text2num

    try:
        return int(text2num(words.replace(" y ", " y ") if lang == "es" else words.replace(" ", "-", 1), lang))
    except ValueError:
        try:
            return int(text2num(words, lang))
        except ValueError:
            return None


def number_at(doc: Doc, start: int) -> Number | None:
    """The number that starts at `start` (after spaces), if one does."""
    while start < len(doc.text) and doc.text[start] == " ":
        start += 1
    for n in numbers(doc.text, doc.flat, doc.lang, start, min(len(doc.text), start + 40)):
        return n if n.start == start else None
    return None


# -- the document ---------------------------------------------------------------------------------------------


@dataclass
class Doc:
    """A release being read: its text, folded copy, language, sentences, and the parts found so far."""

    text: str
    lang: str = "en"
    flat: str = ""
    spans: list[Span] = field(default_factory=list)
    title: Span | None = None  # the headline
    dateline: Span | None = None  # "Dakar (Senegal), 12 May 2023" as printed
    year: int | None = None  # the event's year, once its date is known
    month: int | None = None

    def __post_init__(self) -> None:
        self.flat = flat(self.text)
        self.spans = sentence_spans(self.text)

    def body(self) -> list[Span]:
        """The sentences after the headline, the dateline cut off the first of them."""
        out = []
        for a, b in self.spans:
            if self.title and a < self.title[1]:
                continue
            if self.dateline and a <= self.dateline[0] < b:
                a = self._after_dateline(b)
                if a >= b:
                    continue
            out.append((a, b))
        return out

    def _after_dateline(self, end: int) -> int:
        assert self.dateline is not None
        at = self.dateline[1]
        while at < end and self.text[at] in " .,–—-:":
            at += 1
        return at

    def headline(self) -> list[Span]:
        return [self.title] if self.title else []

    def say(self, span: Span) -> str:
        return self.text[span[0] : span[1]]


# -- another activity -----------------------------------------------------------------------------------------

_OTHER_ACTIVITY = re.compile(
    r"\b(?:will|would|is planned|are planned|is scheduled|are scheduled|scheduled for|is expected|next year|"
    r"next month|upcoming|follow[ -]up|later this year|coming (?:weeks|months)|last year|previous(?:ly)?|earlier|"
    r"built on|builds on|had (?:trained|been|taken)|since|former|se celebrara|se realizara|se llevara a cabo|"
    r"proxim[oa]s?|el ano pasado|anterior(?:es)?|anteriormente|desde (?:19|20)\d\d|esta previst[oa]|"
    r"estan previst[oa]s|en lo que va|seized|seizures|incautar\w*|decomis\w*|secuestr\w*|detuvo|detenid\w*)\b"
)
_YEAR = re.compile(r"\b(?:19[89]\d|20\d\d)\b")


def elsewhere(doc: Doc, span: Span) -> bool:
    """Whether the clause `span` speaks of another activity than the event: a future or past one ("the third is
    planned in Conakry", "a first course held in Manta in 2019"), or seizures and other figures of the year."""
    folded = doc.flat[span[0] : span[1]]
    if _OTHER_ACTIVITY.search(folded):
        return True
    if doc.year is not None:
        return any(int(y) != doc.year for y in _YEAR.findall(folded))
    return False


def excerpt(doc: Doc, span: Span, start: int, end: int, limit: int = 200) -> str:
    """The quote for text[start:end]: its clause `span` when short, else the words about it within the clause."""
    text = doc.text
    if span[1] - span[0] <= limit:
        return text[span[0] : span[1]].strip()
    left = span[0] if start - span[0] <= 60 else text.rfind(" ", span[0], start - 60) + 1 or span[0]
    right = text.find(" ", min(span[1], end + 40), span[1])
    return text[max(left, span[0]) : right if right > 0 else span[1]].strip()

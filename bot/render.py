"""Turning answers into text for people: plain text for the terminal, HTML messages for Telegram.

Telegram HTML: every dynamic value is escaped exactly once, here, and a message never exceeds Telegram's
4,096-character limit. A reply is built from `Block`s (a piece of plain text and at most one tag around it);
blocks are escaped, then packed into messages, and a block too long for one message is cut at spaces, so a
split never falls inside a tag or an entity.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bot.engine.models import Answer
from bot.messages import say
from knowledge.facts import Source

MESSAGE_LIMIT = 4096  # Telegram's limit for a message's text
TAGS = ("b", "i", "code", "blockquote")


def plain(answer: Answer, with_sources: bool = False) -> str:
    text = answer.text
    if with_sources and answer.sources:
        quotes = "\n".join(f"  [{s.doc}] “{s.quote}”" for s in answer.sources)
        text += f"\n{say('source', answer.lang)}:\n{quotes}"
    return text


def tg_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units): an emoji outside the BMP counts twice."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True, slots=True)
class Block:
    """Plain text, optionally wrapped in one HTML tag; escaped only when rendered."""

    text: str
    tag: str | None = None

    def __post_init__(self) -> None:
        if self.tag is not None and self.tag not in TAGS:
            raise ValueError(f"unsupported tag {self.tag!r}")

    def html(self, text: str | None = None) -> str:
        body = html.escape(self.text if text is None else text, quote=False)
        return f"<{self.tag}>{body}</{self.tag}>" if self.tag else body

    @property
    def overhead(self) -> int:
        return 2 * len(self.tag) + 5 if self.tag else 0


def pack(blocks: Iterable[Block], limit: int = MESSAGE_LIMIT, sep: str = "\n") -> list[str]:
    """Render `blocks` as HTML messages, each at most `limit` long, splitting only between blocks or words."""
    pieces: list[str] = []
    for block in blocks:
        rendered = block.html()
        if tg_len(rendered) <= limit:
            pieces.append(rendered)
        else:
            pieces.extend(block.html(part) for part in _cut(block.text, limit - block.overhead))
    return _fill(pieces, sep, lambda text: tg_len(text) <= limit) or [""]


def _fill(items: Iterable[str], sep: str, fits: Callable[[str], bool]) -> list[str]:
    """Join `items` with `sep`, in order, into as few groups as `fits` allows (an item alone always goes)."""
    groups: list[str] = []
    current = ""
    for item in items:
        joined = f"{current}{sep}{item}" if current else item
        if fits(joined):
            current = joined
            continue
        if current:
            groups.append(current)
        current = item
    if current:
        groups.append(current)
    return groups


def _cut(text: str, budget: int) -> list[str]:
    """Cut plain `text` so that each part, once escaped, is at most `budget` long; at spaces when possible."""
    words: list[str] = []
    for word in text.split(" "):
        while _escaped_len(word) > budget:  # one "word" longer than a message: cut it by characters
            head = _longest_prefix(word, budget)
            words.append(head)
            word = word[len(head) :]
        words.append(word)
    return _fill(words, " ", lambda part: _escaped_len(part) <= budget)


def _escaped_len(text: str) -> int:
    return tg_len(html.escape(text, quote=False))


def _longest_prefix(word: str, budget: int) -> str:
    size = 0
    for i, ch in enumerate(word):
        size += _escaped_len(ch)
        if size > budget:
            return word[: max(i, 1)]
    return word


def text_html(text: str) -> list[str]:
    """Plain text (lines kept) as Telegram HTML messages (usually one)."""
    return pack(Block(line) for line in text.split("\n"))


def answer_html(answer: Answer) -> list[str]:
    return text_html(answer.text)


def sources_html(sources: Sequence[Source], lang: str) -> list[str]:
    """The quotes behind an answer, each under the title of its document, as written in the source."""
    blocks: list[Block] = []
    seen: set[tuple[str, str]] = set()
    by_doc: dict[str, list[Source]] = {}
    for source in sources:
        if (source.doc, source.quote) not in seen:
            seen.add((source.doc, source.quote))
            by_doc.setdefault(source.doc, []).append(source)
    for doc, quotes in by_doc.items():
        blocks.append(Block(f"{say('source', lang)}: {quotes[0].doc_title or doc}", "b"))
        blocks.extend(Block(f"“{s.quote}”", "blockquote") for s in quotes)
    return pack(blocks)


def title_and_lines(title: str, lines: Iterable[str]) -> list[str]:
    """A bold heading followed by plain lines (lists, cards, reports)."""
    return pack([Block(title, "b"), *(Block(line) for line in lines)])

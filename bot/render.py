"""Turning an `Answer` into text for people: plain for the terminal, HTML for Telegram.

HTML is escaped exactly once, here; long answers are split on line boundaries under Telegram's limit.
"""

from __future__ import annotations

import html

from bot.engine.models import Answer
from bot.messages import say

TELEGRAM_LIMIT = 4096


def plain(answer: Answer, with_sources: bool = False) -> str:
    text = answer.text
    if with_sources and answer.sources:
        quotes = "\n".join(f"  [{s.doc}] “{s.quote}”" for s in answer.sources)
        text += f"\n{say('source', answer.lang)}:\n{quotes}"
    return text


def to_html(answer: Answer) -> str:
    return html.escape(answer.text, quote=False)


def sources_html(answer: Answer, limit: int = TELEGRAM_LIMIT) -> str:
    """The quotes behind an answer, each with its document, for the "Source" button."""
    parts = []
    for source in answer.sources:
        title = source.doc_title or source.doc or source.added_by
        parts.append(f"<i>“{html.escape(source.quote, quote=False)}”</i>\n— {html.escape(title, quote=False)}")
    text = f"<b>{say('source', answer.lang)}</b>\n" + "\n\n".join(parts)
    return split_message(text, limit)[0]


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Split on line breaks (then spaces) so that every part fits `limit`; never inside an HTML entity."""
    parts: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        if cut <= 0:
            cut = text.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
            amp = text.rfind("&", 0, cut)
            if amp != -1 and ";" not in text[amp:cut]:
                cut = amp
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text or not parts:
        parts.append(text)
    return parts

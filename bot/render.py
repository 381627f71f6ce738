"""Turning an `Answer` into text for people. Plain text for the terminal; the Telegram HTML renderer joins it
with the Telegram front end."""

from __future__ import annotations

from bot.engine.models import Answer
from bot.messages import say


def plain(answer: Answer, with_sources: bool = False) -> str:
    text = answer.text
    if with_sources and answer.sources:
        quotes = "\n".join(f"  [{s.doc}] “{s.quote}”" for s in answer.sources)
        text += f"\n{say('source', answer.lang)}:\n{quotes}"
    return text

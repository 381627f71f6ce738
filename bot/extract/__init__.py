"""Reading a press release: the event and the facts it states, each with the words it comes from.

Pure Python over the text (no Telegram, no disk). Used by import, which shows the admin what was found, with
quotes, and what was not, and saves only what the admin keeps. A release is read in English or Spanish, in the
shapes UNODC news items, regional offices, ministries and the press use; each module reads one part of it:

- `dates`: the dateline and the event's dates and length
- `places`: city, country, venue and format (a dateline never says where the event was)
- `people`: participants, groups, women and men, their countries
- `orgs`: organisers, funders, supporters, partners and trainers; a programme's own funder is the programme's
- `names`: the names in a list of organisations ("the Governments of Canada and Norway" is two)
- `speakers`: speakers, their positions and what they said
- `about`: title, kind, topics, objectives and the event's place in a series
- `programmes`: the programmes it belongs to, known or new
- `genre`: language, whether it reports an event at all, whether it is cut short

Libraries are imported when a release is read, never when the bot starts.
"""

from __future__ import annotations

from typing import Any

from bot.extract.model import FLAGS, Extraction, Found

__all__ = ["FLAGS", "Extraction", "Found", "extract", "sentences"]


def __getattr__(name: str) -> Any:
    """`extract` and `sentences` load the readers (and their regular expressions) on first use: the bot
    imports this package's data types at start-up, and reads releases only when an admin imports one."""
    if name == "extract":
        from bot.extract.read import extract

        return extract
    if name == "sentences":
        from bot.extract.text import sentences

        return sentences
    raise AttributeError(name)

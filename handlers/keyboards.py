"""Inline buttons and their callback data.

Callback data is at most 64 bytes and comes back from the client, so it is treated as untrusted input: a small
fixed grammar, parsed and validated by `decode`; anything else (tampered with, or from an older version) is
`None` and gets a polite "stale button" answer. Buttons that act on an answer (source, feedback, "did you
mean") carry no data about it: the answer is looked up by the message the button is under.

    s                 show the sources of this answer
    f:u | f:d         👍 / 👎 on this answer
    q:N               ask suggestion N of this answer ("did you mean ...")
    e:INTENT:EVENT    ask this answer's question (or INTENT) about EVENT
    p:N               page N of /events
    l:LANG            answer in LANG in this chat (en, es, or auto)
    a:y|n:TOKEN       confirm or cancel an admin's proposed change
    n:y|n             confirm or cancel the new event of /newevent (this admin's one draft)
    i:ACTION:N        /import: leave out or take back fact N (t), show page N (p), save (s), save although it
                      looks like a recorded event or not an event (a), cancel (c), read the collected text (r)
    u:ACTION:ARG      /subscribe: show a dimension (d), toggle option N (o), back (b), save (s), cancel (x)
    w:ACTION:SID      /subscriptions: pause (p), resume (r), remove (d) one; remove all (a) or keep them (k)
    b:y|n:EVENT       notify the subscribers about a published event now, or not
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.engine import Answer, EventsPage
from bot.messages import say

MAX_DATA = 64  # bytes, Telegram's limit for callback data
NO_FEEDBACK = frozenset({"fallback", "greeting", "thanks", "help"})


@dataclass(frozen=True, slots=True)
class Press:
    kind: str
    args: tuple[str, ...] = ()


ARITY = {"s": 0, "f": 1, "q": 1, "e": 2, "p": 1, "l": 1, "a": 2, "n": 1, "i": 2, "u": 2, "w": 2, "b": 2}
ACTIONS = {"u": "dobsx", "w": "prdak", "b": "yn"}
LANGUAGE_CHOICES = ("en", "es", "auto")


def encode(kind: str, *args: object) -> str:
    data = ":".join((kind, *map(str, args)))
    if len(data.encode()) > MAX_DATA or ARITY.get(kind) != len(args):
        raise ValueError(f"callback data {data!r} does not fit the grammar")
    return data


def decode(data: object) -> Press | None:
    """The press `data` stands for, or None when it is not data this bot makes."""
    if not isinstance(data, str) or not data or len(data.encode()) > MAX_DATA:
        return None
    kind, *args = data.split(":", 2)
    if ARITY.get(kind) != len(args) or any(not a for a in args):
        return None
    if kind == "n" and args[0] not in ("y", "n"):
        return None
    if kind in ACTIONS and (len(args[0]) != 1 or args[0] not in ACTIONS[kind]):
        return None
    if kind == "i" and (args[0] not in ("t", "p", "s", "a", "c", "r") or not args[1].isdigit() or len(args[1]) > 4):
        return None
    if kind == "f" and args[0] not in ("u", "d"):
        return None
    if kind in ("q", "p") and not (args[0].isdigit() and len(args[0]) <= 6):
        return None
    if kind == "l" and args[0] not in LANGUAGE_CHOICES:
        return None
    if kind == "a" and (args[0] not in ("y", "n") or not re.fullmatch(r"[0-9a-f]{1,16}", args[1])):
        return None
    return Press(kind, tuple(args))


def choices(lang: str, *buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    """One row of buttons, each (catalogue key of its label, callback data): Confirm / Cancel and the like."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(say(key, lang), callback_data=data) for key, data in buttons]])


def answer_keyboard(answer: Answer, feedback: bool = True) -> InlineKeyboardMarkup | None:
    """Choice buttons (events to pick, or questions to try), then Source and 👍/👎."""
    rows: list[list[InlineKeyboardButton]] = []
    for n, choice in enumerate(answer.choices):
        if answer.choice_kind == "events" and choice.event and choice.intent:
            data = _event_data(choice.intent, choice.event)
            if data is None:
                continue
        else:
            data = encode("q", n)
        rows.append([InlineKeyboardButton(choice.label[:64], callback_data=data)])
    tail = []
    if answer.sources:
        tail.append(InlineKeyboardButton(say("btn_source", answer.lang), callback_data=encode("s")))
    if feedback and answer.intent not in NO_FEEDBACK:
        tail += [
            InlineKeyboardButton("👍", callback_data=encode("f", "u")),
            InlineKeyboardButton("👎", callback_data=encode("f", "d")),
        ]
    if tail:
        rows.append(tail)
    return InlineKeyboardMarkup(rows) if rows else None


def without_feedback(markup: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup | None:
    """The same keyboard with the 👍/👎 buttons taken away (after a vote)."""
    if markup is None:
        return None
    rows = [
        [b for b in row if not (isinstance(b.callback_data, str) and b.callback_data.startswith("f:"))]
        for row in markup.inline_keyboard
    ]
    rows = [row for row in rows if row]
    return InlineKeyboardMarkup(rows) if rows else None


def events_keyboard(page: EventsPage, names: list[str], lang: str) -> InlineKeyboardMarkup:
    """One button per event on the page (opens its card), then newer / older."""
    rows = [
        [InlineKeyboardButton(name[:64], callback_data=data)]
        for eid, name in zip(page.events, names, strict=True)
        if (data := _event_data("summary", eid))
    ]
    nav = []
    if page.page > 0:
        nav.append(InlineKeyboardButton(say("btn_prev", lang), callback_data=encode("p", page.page - 1)))
    if page.page < page.pages - 1:
        nav.append(InlineKeyboardButton(say("btn_next", lang), callback_data=encode("p", page.page + 1)))
    if nav:
        rows.append(nav)
    return InlineKeyboardMarkup(rows)


def _event_data(intent: str, eid: str) -> str | None:
    try:
        return encode("e", intent, eid)
    except ValueError:
        return None


def language_keyboard(lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("🇬🇧 English", callback_data=encode("l", "en")),
                InlineKeyboardButton("🇪🇸 Español", callback_data=encode("l", "es")),
            ],
            [InlineKeyboardButton(say("btn_auto", lang), callback_data=encode("l", "auto"))],
        ]
    )

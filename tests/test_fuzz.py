"""Property-based: whatever anyone sends, the bot replies with messages Telegram accepts, and never crashes.

Every reply goes through the fake Bot API, which refuses HTML Telegram would refuse and messages over 4,096
characters, so "accepted" is checked by Telegram's own rules, not by ours.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handlers.menu import COMMANDS
from tests.fake_telegram import parse_html
from tests.tg import ADMIN, Harness

COMMAND_NAMES = sorted({name for c in COMMANDS for name in c.names})
NASTY = st.sampled_from(
    [
        "<b>",
        "</i>",
        "&amp;",
        "&",
        "<script>",
        "*bold*",
        "_x_",
        "[a](http://x)",
        "`",
        "\u202e",
        "\u200f",
        "\x00",
        "\n",
        "💣",
        "👩‍👩‍👧",
        "ñ",
        "¿",
        "١٢٣",
        "שלום",
        "  ",
        "/",
        "@",
        "#",
        "\t",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=200), NASTY), max_size=60).map("".join)
LONG = st.builds(lambda chunk, n: (chunk * n)[:10_000], st.text(min_size=1, max_size=50), st.integers(1, 400))
MESSAGES = st.one_of(
    TEXT,
    LONG,
    st.builds(lambda name, args: f"/{name} {args}", st.sampled_from(COMMAND_NAMES), TEXT),
)


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[asyncio.AbstractEventLoop, Harness]]:
    loop = asyncio.new_event_loop()
    harness = Harness(tmp_path_factory.mktemp("fuzz"))
    loop.run_until_complete(harness.start())
    loop.run_until_complete(asyncio.sleep(0.3))  # let the start-up task of the outbox finish first
    yield loop, harness
    loop.run_until_complete(harness.stop())
    loop.close()


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=MESSAGES, admin=st.booleans())
def test_any_message_gets_a_reply_telegram_accepts(running, caplog, text, admin):
    loop, bot = running
    chat = ADMIN if admin else 777
    caplog.clear()
    with caplog.at_level(logging.ERROR):
        replies = loop.run_until_complete(bot.send(text, chat_id=chat))
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text[-2000:]
    if "something went wrong" in " ".join(m["text"] for m in replies):
        pytest.fail(f"error reply for {text!r}")
    for message in replies:
        parse_html(message.get("html", ""))  # the fake already refused anything invalid; this makes it explicit
    if text.strip() and not text.startswith("/newevent"):
        assert replies, f"no reply to {text!r}"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.text(max_size=80))
def test_any_button_data_is_answered_safely(running, caplog, data):
    loop, bot = running
    (answer,) = loop.run_until_complete(bot.send("who funded the Panama training?", chat_id=778))
    before = len(bot.fake.callback_answers)
    caplog.clear()
    with caplog.at_level(logging.ERROR):
        loop.run_until_complete(bot.press(answer, data))
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text[-2000:]
    assert len(bot.fake.callback_answers) > before  # every press is answered, whatever its data


def test_the_conversation_of_newevent_is_left_cleanly(running):
    loop, bot = running
    loop.run_until_complete(bot.send("/cancel", chat_id=ADMIN))
    (reply,) = loop.run_until_complete(bot.send("who funded the Panama training?", chat_id=ADMIN))
    assert "European Union" in reply["text"]

"""/start and /help say what the bot covers, from its facts; /id tells users their numeric id."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from knowledge.facts import Fact, Source
from tests.tg import ADMIN, GROUP, Harness


def _facts() -> list[Fact]:
    """Three trainings and a workshop, three of them of one programme and one of another."""
    source = Source(doc="test", quote="a quote")
    facts = []
    for n, (kind, programme) in enumerate(
        [("training", "gpml"), ("training", "gpml"), ("training", "gpml"), ("workshop", "maritime")]
    ):
        subject = f"event:e{n}"
        for field, value in (("title", f"Event {n}"), ("kind", kind), ("programmes", programme)):
            facts.append(Fact(f"{subject}/{field}/0", subject, field, value, source))
    for pid, name in (("gpml", "Global Programme against Money Laundering"), ("maritime", "Maritime Crime Programme")):
        facts.append(Fact(f"programme:{pid}/name/0", f"programme:{pid}", "name", name, source))
    return facts


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    harness = await Harness(tmp_path, facts=_facts()).start()
    yield harness
    await harness.stop()


async def test_start_says_how_many_events_of_which_kinds_and_programmes_it_knows(bot):
    (reply,) = await bot.send("/start")
    assert "I have 4 events on record (3 trainings and 1 workshop)." in reply["text"]
    assert "Programmes: Global Programme against Money Laundering and Maritime Crime Programme." in reply["text"]
    assert "CRIMJUST" not in reply["text"]
    (spanish,) = await bot.send("/start", user=bot.fake.user(language_code="es"))
    assert "tengo 4 eventos registrados (3 capacitaciones y 1 taller)." in spanish["text"]


async def test_help_begins_with_what_the_bot_knows(bot):
    (reply,) = await bot.send("/help")
    lines = reply["text"].splitlines()
    assert lines[0] == "What I know"
    assert lines[1].startswith("I have 4 events on record")
    assert "/id" in reply["text"]


async def test_a_bot_with_no_events_says_so(tmp_path):
    harness = await Harness(tmp_path, facts=[]).start()
    try:
        (reply,) = await harness.send("/start")
        assert "I have no events on record yet." in reply["text"]
    finally:
        await harness.stop()


async def test_id_tells_a_user_their_numeric_id_to_copy_in_one_tap(bot):
    (reply,) = await bot.send("/id", chat_id=5150)
    assert reply["text"].splitlines()[1] == "5150"
    assert "<code>5150</code>" in reply["html"]  # Telegram copies a code entity with one tap
    assert "BOT_ADMIN_IDS" in reply["text"]
    (admin,) = await bot.send("/id", chat_id=ADMIN)
    assert str(ADMIN) in admin["text"] and "one of this bot's admins" in admin["text"]


async def test_id_works_in_a_group_and_in_spanish(bot):
    user = bot.fake.user(user_id=777, language_code="es")
    (reply,) = await bot.send("/id", chat_id=GROUP, chat_type="supergroup", user=user)
    assert reply["text"].splitlines()[:2] == ["Su ID de usuario de Telegram:", "777"]


async def test_id_for_someone_writing_as_the_group_says_telegram_does_not_tell(bot):
    update = bot.fake.says("/id", chat_id=GROUP, chat_type="supergroup", queue=False)
    update["message"]["sender_chat"] = {"id": GROUP, "type": "supergroup", "title": "Team group"}
    update["message"]["from"] = {
        "id": 1087968824,
        "is_bot": True,
        "first_name": "Group",
        "username": "GroupAnonymousBot",
    }
    (reply,) = await bot.run(update)
    assert "private chat" in reply["text"]
    assert "1087968824" not in reply["text"]

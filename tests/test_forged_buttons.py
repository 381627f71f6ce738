"""A button acts only where the bot put it, for whom it put it there, whatever its callback data says; admin
deliveries start only from a private chat; an /announce is never silently dropped."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.fake_telegram import BOT_USERNAME
from tests.test_subscriptions import cards, subscribe, until
from tests.tg import ADMIN, GROUP, Harness, buttons

NOTIFY_VIENNA = "b:y:vienna-2017-side-event"


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    harness = await Harness(tmp_path).start()
    yield harness
    await harness.stop()


async def _group_message(bot: Harness) -> dict:
    """A message of the bot's with buttons in a group (an answer), to press forged buttons under."""
    bot.fake.group_admins[GROUP] = {ADMIN, 31}
    question = f"@{BOT_USERNAME} who funded the Panama training?"
    (sent,) = await bot.send(question, chat_id=GROUP, chat_type="group", user=bot.fake.user(ADMIN))
    assert buttons(sent)
    return sent


async def test_remove_all_acts_only_under_its_confirmation_and_for_whoever_asked(bot):
    bot.fake.group_admins[GROUP] = {ADMIN, 31}
    await subscribe(bot, GROUP, [], chat_type="group")
    (listing,) = await bot.send("/subscriptions", chat_id=GROUP, chat_type="group", user=bot.fake.user(ADMIN))
    await bot.press(listing, "w:a:0", user=bot.fake.user(ADMIN))  # forged under the list: no confirmation
    assert bot.fake.callback_answers[-1]["show_alert"] and len(bot.store.subscriptions(GROUP)) == 1
    (confirm,) = await bot.send("/unsubscribe", chat_id=GROUP, chat_type="group", user=bot.fake.user(ADMIN))
    await bot.press(confirm, buttons(confirm)["🗑 Yes, remove all"], user=bot.fake.user(31))  # another admin
    assert len(bot.store.subscriptions(GROUP)) == 1
    await bot.press(confirm, buttons(confirm)["🗑 Yes, remove all"], user=bot.fake.user(ADMIN))
    assert bot.store.subscriptions(GROUP) == []
    assert "Subscription removed" in confirm["text"]


async def test_a_forged_notify_now_in_a_group_starts_no_delivery(bot):
    await subscribe(bot, 11, [])
    group_message = await _group_message(bot)
    await bot.press(group_message, NOTIFY_VIENNA, user=bot.fake.user(ADMIN))
    assert bot.fake.callback_answers[-1]["show_alert"]
    assert bot.store.pending() == [] and cards(bot, 11) == []


async def test_notify_now_acts_only_under_the_offer_made_to_that_admin(bot):
    await subscribe(bot, 11, [])
    (answer,) = await bot.send("who funded the Panama training?", chat_id=ADMIN)
    await bot.press(answer, NOTIFY_VIENNA, user=bot.fake.user(ADMIN))  # no offer was made there
    assert bot.store.pending() == [] and cards(bot, 11) == []


async def test_a_forged_confirmation_outside_the_private_chat_saves_nothing(bot):
    (proposal,) = await bot.send("/addfact panama 2021 fundres Government of Spain", chat_id=ADMIN)
    data = buttons(proposal)["✅ Confirm"]
    group_message = await _group_message(bot)
    await bot.press(group_message, data, user=bot.fake.user(ADMIN))
    assert bot.store.audit_log() == []


async def test_an_announce_with_an_update_number_seen_before_is_delivered_and_a_repeat_is_answered(bot):
    await subscribe(bot, 11, [])
    first = bot.fake.says("/announce vienna", chat_id=ADMIN, queue=False)
    await bot.run(first)
    await until(lambda: cards(bot, 11))
    again = bot.fake.says("/announce vienna", chat_id=ADMIN, queue=False)
    again["update_id"] = first["update_id"]  # as after a change of token on the same database
    (started,) = await bot.run(again)
    assert started["text"].startswith("📣 Delivering")
    await until(lambda: len(cards(bot, 11)) == 2 and len(_reports(bot)) == 2)
    said = await bot.run(first)  # Telegram sends the very same update again
    assert [m["text"] for m in said if "already" in m["text"]] == [
        "That delivery was already asked for by this very message; it is under way or done, and nobody is "
        "notified twice."
    ]
    assert len(cards(bot, 11)) == 2 and len(_reports(bot)) == 2


def _reports(bot: Harness) -> list[str]:
    return [m["text"] for m in bot.fake.replies(ADMIN) if "delivered" in m["text"]]

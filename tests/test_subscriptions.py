"""Partners subscribe; a published event reaches every matching chat once, within Telegram's limits."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.notify import event_tags, matches
from handlers.delivery import Limiter
from tests.conftest import PANAMA, VIENNA
from tests.tg import ADMIN, GROUP, Harness, buttons


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    harness = await Harness(tmp_path).start()
    yield harness
    await harness.stop()


async def until(predicate, timeout: float = 20.0):
    """Let the delivery worker (a background task) run until `predicate()` holds."""
    for _ in range(int(timeout / 0.02)):
        result = predicate()
        if result:
            return result
        await asyncio.sleep(0.02)
    raise AssertionError("timed out waiting for the delivery worker")


def cards(bot: Harness, chat: int) -> list[dict]:
    return [m for m in bot.fake.replies(chat) if m["text"].startswith("🆕")]


async def subscribe(bot: Harness, chat: int, picks: list[tuple[str, str]], lang: str = "en", **kw) -> dict:
    """Run /subscribe in `chat`, pressing (dimension button, option label) pairs, then Subscribe."""
    user = bot.fake.user(chat if chat > 0 else ADMIN, language_code=lang)
    (menu,) = await bot.send("/subscribe", chat_id=chat, user=user, **kw)
    for dimension, option in picks:
        await bot.press(menu, buttons(menu)[dimension], user=user)
        await bot.press(menu, buttons(menu)[option], user=user)
        await bot.press(menu, next(d for label, d in buttons(menu).items() if label.startswith("◀")), user=user)
    save = next(d for label, d in buttons(menu).items() if label.startswith("✅ S"))
    await bot.press(menu, save, user=user)
    return menu


# -- matching --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "panama", "vienna"),
    [
        ({}, True, True),
        ({"countries": ["Costa Rica"]}, True, False),  # a participant country counts
        ({"countries": ["Austria", "Vienna"]}, False, True),
        ({"kinds": ["training"]}, True, False),
        ({"kinds": ["training"], "countries": ["Costa Rica"]}, True, False),
        ({"kinds": ["side event"], "countries": ["Costa Rica"]}, False, False),  # every dimension must match
        ({"programmes": ["crimjust"]}, True, True),
        ({"topics": ["dark net"]}, False, True),
        ({"topics": ["OSINT", "ransomware"]}, True, False),
    ],
)
def test_a_subscription_matches_the_events_its_filters_describe(engine, filters, panama, vienna):
    assert matches(filters, event_tags(engine.index.events[PANAMA])) is panama
    assert matches(filters, event_tags(engine.index.events[VIENNA])) is vienna


# -- subscribing ---------------------------------------------------------------------------------------------------


async def test_subscribe_with_buttons_and_manage_the_subscriptions(bot):
    menu = await subscribe(bot, 7, [("🌍 Countries", "Costa Rica"), ("🏷 Kinds of event", "training")])
    assert menu["text"] == (
        "Subscribed: this chat will be told about Costa Rica · training. /subscriptions shows and changes them."
    )
    (sub,) = bot.store.subscriptions(7)
    assert sub["filters"] == {"countries": ["Costa Rica"], "kinds": ["training"]}
    await subscribe(bot, 7, [])
    (listing,) = await bot.send("/subscriptions", chat_id=7)
    assert listing["text"].splitlines()[1:] == ["1. Costa Rica · training", "2. every new event"]
    await bot.press(listing, buttons(listing)["⏸ 1"])
    assert "1. Costa Rica · training (paused)" in listing["text"]
    await bot.press(listing, buttons(listing)["▶ 1"])
    await bot.press(listing, buttons(listing)["🗑 2"])
    assert listing["text"].splitlines()[1:] == ["1. Costa Rica · training"]
    (confirm,) = await bot.send("/unsubscribe", chat_id=7)
    await bot.press(confirm, buttons(confirm)["Keep them"])
    assert len(bot.store.subscriptions(7)) == 1
    (confirm,) = await bot.send("/unsubscribe", chat_id=7)
    assert "Remove this chat's subscription?" in confirm["text"]
    await bot.press(confirm, buttons(confirm)["🗑 Yes, remove all"])
    assert bot.store.subscriptions(7) == []
    assert "no subscriptions" in (await bot.send("/subscriptions", chat_id=7))[0]["text"]


async def test_in_a_group_only_its_administrators_subscribe(bot):
    bot.fake.group_admins[GROUP] = {ADMIN}
    (refused,) = await bot.send("/subscribe", chat_id=GROUP, chat_type="group", user=bot.fake.user(31))
    assert "administrators" in refused["text"]
    await subscribe(bot, GROUP, [], chat_type="group")
    assert [s["chat_id"] for s in bot.store.subscriptions()] == [GROUP]


async def test_spanish_subscription_menus(bot):
    menu = await subscribe(bot, 8, [("🌍 Países", "Panamá")], lang="es")
    assert menu["text"].startswith("Suscrito: avisaré a este chat de Panamá.")


# -- delivering ----------------------------------------------------------------------------------------------------


async def test_publishing_notifies_each_matching_chat_once_with_a_report(bot):
    await subscribe(bot, 11, [])  # everything
    await subscribe(bot, 12, [("🌍 Países", "Costa Rica")], lang="es")  # Spanish card
    await subscribe(bot, 13, [("🏷 Kinds of event", "side event")])  # does not match Panama
    paused = await subscribe(bot, 14, [])
    (listing,) = await bot.send("/subscriptions", chat_id=14)
    await bot.press(listing, buttons(listing)["⏸ 1"])
    assert paused
    replies = await bot.send("/announce panama 2021", chat_id=ADMIN)
    assert "Delivering Panama 2021 training to 2 chats" in replies[0]["text"]
    report = await until(lambda: [m for m in bot.fake.replies(ADMIN) if "delivered" in m["text"]])
    assert report[0]["text"] == "📣 Panama 2021 training: delivered 2, failed 0, blocked 0, skipped 1."
    (english,) = cards(bot, 11)
    (spanish,) = cards(bot, 12)
    assert cards(bot, 13) == [] and cards(bot, 14) == []
    assert "13 November 2021" in english["text"] and "61 investigating officers and prosecutors" in english["text"]
    assert "13 de noviembre de 2021" in spanish["text"] and "agentes de investigación y fiscales" in spanish["text"]
    assert "Costa Rica, Panamá y República Dominicana" in spanish["text"]
    (answer,) = await bot.press(english, buttons(english)["❓ Ask about it"])
    assert "Panama" in answer["text"] and "61" in answer["text"]


async def test_blocked_and_deleted_chats_are_reported_and_left_out_next_time(bot):
    for chat in (21, 22, 23):
        await subscribe(bot, chat, [])
    bot.fake.blocked.add(22)
    bot.fake.gone.add(23)
    await bot.send("/announce vienna", chat_id=ADMIN)
    report = await until(lambda: [m for m in bot.fake.replies(ADMIN) if "delivered" in m["text"]], timeout=60)
    assert report[0]["text"].endswith("delivered 1, failed 1, blocked 1, skipped 0.")
    assert bot.store.unreachable_chats() == {22, 23}
    await bot.send("/announce vienna", chat_id=ADMIN)
    report = await until(lambda: [m for m in bot.fake.replies(ADMIN) if "delivered" in m["text"]][1:])
    assert report[0]["text"].endswith("delivered 1, failed 0, blocked 0, skipped 2.")
    assert len(cards(bot, 21)) == 2
    bot.fake.blocked.discard(22)
    await bot.send("/start", chat_id=22)  # the user unblocked the bot and came back
    assert bot.store.unreachable_chats() == {23}


async def test_429_pauses_and_network_errors_are_retried_without_losing_anyone(bot):
    for chat in range(31, 36):
        await subscribe(bot, chat, [])
    bot.fake.fail_next("429", "sendmessage", retry_after=1, chat_id=31)
    bot.fake.fail_next("500", "sendmessage", chat_id=31)
    bot.fake.fail_next("timeout", "sendmessage", chat_id=31)
    await bot.send("/announce panama 2021", chat_id=ADMIN)
    await until(lambda: [m for m in bot.fake.replies(ADMIN) if "delivered" in m["text"]], timeout=60)
    assert all(len(cards(bot, chat)) >= 1 for chat in range(31, 36))
    assert sum(len(cards(bot, chat)) for chat in range(31, 36)) <= 6  # a timeout may have delivered once more
    worker = bot.app.bot_data["deliverer"]
    assert worker.retry_after_received == 1


async def test_queued_notifications_are_delivered_after_a_restart(tmp_path):
    first = await Harness(tmp_path).start()
    for chat in (41, 42, 43):
        await subscribe(first, chat, [])
    first.app.bot_data["deliverer"].paused_until = float("inf")  # nothing goes out before the "crash"
    await first.send("/announce panama 2021", chat_id=ADMIN)
    await first.stop()
    assert all(cards(first, chat) == [] for chat in (41, 42, 43))

    second = await Harness(tmp_path).start()
    await until(lambda: all(cards(second, chat) for chat in (41, 42, 43)))
    report = await until(lambda: [m for m in second.fake.replies(ADMIN) if "delivered" in m["text"]])
    assert report[0]["text"].endswith("delivered 3, failed 0, blocked 0, skipped 0.")
    await second.stop()


async def test_publishing_a_new_event_offers_to_notify_the_matching_chats(bot):
    await subscribe(bot, 51, [("🌍 Countries", "Panama")])
    await bot.send("/newevent", chat_id=ADMIN)
    for answer in ["Follow-up OSINT workshop", "workshop", "2024-05-02", "Panama City, Panama"]:
        await bot.send(answer, chat_id=ADMIN)
    for _ in range(7):
        await bot.send("/skip", chat_id=ADMIN)
    (preview,) = await bot.send("https://example.org/release", chat_id=ADMIN)
    _, offer = await bot.press(preview, buttons(preview)["✅ Confirm"], user=bot.fake.user(ADMIN))
    assert "Notify the one subscribed chat that matches" in offer["text"]
    await bot.press(offer, buttons(offer)["📣 Notify now"], user=bot.fake.user(ADMIN))
    (card,) = await until(lambda: cards(bot, 51))
    assert card["text"].startswith("🆕 Follow-up OSINT workshop")


# -- pacing ----------------------------------------------------------------------------------------------------------


def test_the_limiter_paces_overall_per_chat_and_per_group():
    limiter = Limiter(per_second=30, chat_interval=1.0, group_per_minute=20)
    now = 0.0
    for chat in range(100):
        now = max(now, limiter.ready_at(chat))
        limiter.sent(chat, now)
    assert 100 / 30 < now < 100 / 27  # just under 30 a second
    assert limiter.ready_at(5) >= limiter.last[5] + 1.0
    for _ in range(40):
        at = limiter.ready_at(-100)
        limiter.sent(-100, at)
    times = list(limiter.group_sent[-100])
    assert len([t for t in times if t >= times[-1] - 60]) <= 20


async def test_an_announcement_delivered_again_after_a_crash_notifies_nobody_twice(tmp_path):
    """Telegram sends an update again when the bot died before confirming it: the delivery must not double."""
    first = await Harness(tmp_path).start()
    for chat in (44, 45):
        await subscribe(first, chat, [])
    first.app.bot_data["deliverer"].paused_until = float("inf")  # the "crash" comes before anything is sent
    announce = first.fake.says("/announce vienna", chat_id=ADMIN, queue=False)
    await first.run(announce)
    await first.stop()

    second = await Harness(tmp_path).start()
    worker = second.app.bot_data["deliverer"]
    await second.run(announce)  # the same update again

    def reports() -> list[str]:
        return [m["text"] for m in second.fake.replies(ADMIN) if "delivered" in m["text"]]

    # The run is dropped just before its report is sent (handlers/delivery.py, `_report`): wait for the report too.
    await until(lambda: cards(second, 44) and cards(second, 45) and not worker.queue and not worker.runs and reports())
    assert reports() == ["📣 Vienna 2017 side event: delivered 2, failed 0, blocked 0, skipped 0."]
    assert len(cards(second, 44)) == 1 and len(cards(second, 45)) == 1
    await second.send("/announce vienna", chat_id=ADMIN)  # a new request is a new delivery
    await until(lambda: len(cards(second, 44)) == 2 and len(cards(second, 45)) == 2)
    await second.stop()


def test_a_card_says_days_without_a_year_and_approximate_groups_as_the_release_gave_them():
    from bot.edits import new_fact
    from bot.engine import Engine
    from bot.notify import card
    from knowledge.facts import Source

    said = Source("release", "del 22 al 24 de agosto, unos 40 jueces de Honduras")
    subject = "event:tegucigalpa-judges-workshop"
    facts = [
        new_fact(subject, "title", "Taller para jueces", said),
        new_fact(subject, "kind", "workshop", said),
        new_fact(subject, "date", "--08-22", said),
        new_fact(subject, "end_date", "--08-24", said),
        new_fact(subject, "city", "Tegucigalpa", said),
        new_fact(subject, "participant_groups", {"label": "judges", "count": 40, "approx": True}, said),
    ]
    engine = Engine(facts)
    english, spanish = (
        card(engine, "tegucigalpa-judges-workshop", "en"),
        card(engine, "tegucigalpa-judges-workshop", "es"),
    )
    assert "22–24 August" in english[1].replace("\u2009", "") and "unknown" not in english[1].lower()
    assert "22–24 de agosto" in spanish[1].replace("\u2009", "")
    assert "around 40 judges" in english[2]

"""Every command, button and the error path, in-process: the real Application against the fake Telegram."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bench.synth import synthetic_facts
from handlers.keyboards import MAX_DATA
from tests.conftest import PANAMA, VIENNA
from tests.fake_telegram import BOT_USERNAME, FakeRequest, parse_html
from tests.tg import ADMIN, GROUP, Harness, buttons


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    harness = await Harness(tmp_path).start()
    yield harness
    await harness.stop()


def text_of(messages: list[dict]) -> str:
    return "\n".join(m["text"] for m in messages)


# -- start-up and menus ---------------------------------------------------------------------------------


async def test_menus_come_from_one_table_public_for_everyone_admin_for_admins(bot):
    menus = {key: [c["command"] for c in commands] for key, commands in bot.fake.menus.items()}
    default = menus[('{"type": "default"}', "")]
    admin = menus[(json.dumps({"chat_id": ADMIN, "type": "chat"}, sort_keys=True), "")]
    assert {"start", "help", "events", "event", "language"} <= set(default)
    assert "unanswered" not in default and "unanswered" in admin
    spanish = bot.fake.menus[('{"type": "default"}', "es")]
    assert [c["command"] for c in spanish] == [("idioma" if c == "language" else c) for c in default]
    assert "eventos" in " ".join(c["description"] for c in spanish).lower()


async def test_start_greets_and_offers_example_questions_that_answer_when_pressed(bot):
    (reply,) = await bot.send("/start")
    assert reply["text"].startswith("Hello, Ana!")
    examples = buttons(reply)
    assert len(examples) == 3
    label, data = next(iter(examples.items()))
    (answer,) = await bot.press(reply, data)
    assert answer["text"].startswith(f"❓ {label}")
    assert "📄 Source" in buttons(answer)


async def test_help_lists_the_commands_and_admin_commands_only_for_admins(bot):
    (reply,) = await bot.send("/help")
    assert "/events" in reply["text"] and "/event" in reply["text"]
    assert "/unanswered" not in reply["text"]
    (admin_reply,) = await bot.send("/help", chat_id=ADMIN)
    assert "/unanswered" in admin_reply["text"]


async def test_a_spanish_speaking_user_gets_the_bot_in_spanish(bot):
    user = bot.fake.user(2002, "Lucía", "es")
    (reply,) = await bot.send("/start", chat_id=2002, user=user)
    assert reply["text"].startswith("¡Hola, Lucía!")
    (answer,) = await bot.send("¿cuántos fiscales asistieron a la capacitación de Panamá?", chat_id=2002, user=user)
    assert "61" in answer["text"] and "en total" in answer["text"]
    assert "📄 Fuente" in buttons(answer)


# -- questions and answers ------------------------------------------------------------------------------


async def test_a_question_gets_its_answer_with_source_and_feedback_buttons(bot):
    (answer,) = await bot.send("How many prosecutors attended the Panama 2021 training?")
    assert "61" in answer["text"] and "break them down" in answer["text"]
    assert set(buttons(answer)) == {"📄 Source", "👍", "👎"}
    assert "reply_to_message" not in answer  # private chat: no quoting


async def test_the_source_button_shows_the_quote_and_its_document(bot):
    (answer,) = await bot.send("who funded the Panama training?")
    (source,) = await bot.press(answer, buttons(answer)["📄 Source"])
    assert "UNODC press release, Panama" in source["text"]
    assert "European Union" in source["text"] and "“" in source["text"]
    assert "<blockquote>" in source["html"]


async def press_while_its_message_is_still_being_sent(bot, monkeypatch, text: str, label: str) -> tuple[dict, list]:
    """Send `text` with the response to sendMessage slowed down, and press `label` under the reply as soon as
    Telegram shows it: before the bot has learnt the message's id. Returns the message (as it is now) and what
    the press sent."""
    real = FakeRequest.do_request

    async def slow_reply(self, url, *args, **kwargs):  # the response is still on its way back to the bot
        result = await real(self, url, *args, **kwargs)
        if url.endswith("/sendMessage"):
            await asyncio.sleep(0.3)
        return result

    monkeypatch.setattr(FakeRequest, "do_request", slow_reply)
    shown: list[dict] = []
    bot.fake.on_send = lambda message: shown.append(message) if message.get("reply_markup") else None
    sending = asyncio.create_task(bot.send(text))
    while not shown:
        await asyncio.sleep(0.01)
    replies = await bot.press(shown[0], buttons(shown[0])[label])
    await sending
    assert not [a for a in bot.fake.callback_answers if a.get("show_alert")]  # nobody was told "stale"
    return shown[0], replies


async def test_a_button_pressed_before_the_bot_knows_its_answer_was_sent_still_works(bot, monkeypatch):
    """Telegram shows an answer as soon as it has it; the bot learns the message's id a round trip later, and
    updates are handled concurrently. A press in between must wait for the answer, not be called stale."""
    _, replies = await press_while_its_message_is_still_being_sent(bot, monkeypatch, "who funded Panama?", "📄 Source")
    assert any("European Union" in m["text"] and "“" in m["text"] for m in replies)


async def test_a_menu_button_pressed_before_the_bot_knows_the_menu_was_sent_still_works(bot, monkeypatch):
    menu, _ = await press_while_its_message_is_still_being_sent(bot, monkeypatch, "/subscribe", "🌍 Countries")
    assert "Costa Rica" in buttons(menu)  # the menu turned to its list of countries


async def test_feedback_is_recorded_and_the_vote_buttons_go_away(bot):
    (answer,) = await bot.send("who funded the Panama training?")
    await bot.press(answer, buttons(answer)["👎"])
    (kept,) = bot.store.feedback(("down",))
    assert kept["question"] == "who funded the Panama training?" and kept["intent"] == "funders"
    assert set(buttons(answer)) == {"📄 Source"}
    assert bot.fake.callback_answers[-1]["text"].startswith("Thank you")
    await bot.press(bot.fake.sent[-1], "f:u")  # a late vote on the same message is still answered
    assert len(bot.fake.callback_answers) == 2


async def test_ambiguous_question_offers_the_events_and_a_press_answers_for_that_one(bot):
    (answer,) = await bot.send("How many people attended the event?")
    choices = {label: data for label, data in buttons(answer).items() if data.startswith("e:")}
    assert set(choices) == {"Panama 2021 training", "Vienna 2017 side event"}
    (picked,) = await bot.press(answer, choices["Vienna 2017 side event"])
    assert "over 70" in picked["text"] and "61" not in picked["text"]
    (follow_up,) = await bot.send("when was it?")
    assert "23 May 2017" in follow_up["text"]


async def test_below_the_cutoff_did_you_mean_buttons_answer_when_pressed(bot):
    (answer,) = await bot.send("what about the money")
    suggestions = {label: data for label, data in buttons(answer).items() if data.startswith("q:")}
    assert suggestions
    label, data = next(iter(suggestions.items()))
    (reply,) = await bot.press(answer, data)
    assert reply["text"].startswith(f"❓ {label}") and "Sorry" not in reply["text"]


async def test_follow_ups_are_per_chat(bot):
    await bot.send("When was the Vienna side event?", chat_id=1)
    (mine,) = await bot.send("how many came?", chat_id=1)
    assert "over 70" in mine["text"]
    (other,) = await bot.send("When was the Panama training?", chat_id=2)
    (theirs,) = await bot.send("how many came?", chat_id=2)
    assert "61" in theirs["text"] and "70" not in theirs["text"]
    assert all(m["chat"]["id"] == 2 for m in (other, theirs))


@pytest.mark.parametrize(
    "text",
    [
        "<b>who</b> funded & organised the <script>Panama</script> training?",
        "💣" * 2000,
        "x" * 4000,
        "‮who funded it?",
        "\x00\x07",
        "*bold* _it_ [link](http://x) `code`",
    ],
)
async def test_odd_messages_get_a_reply_telegram_accepts(bot, text):
    replies = await bot.send(text)
    assert replies  # every reply passed the fake's strict HTML and length checks


# -- events -------------------------------------------------------------------------------------------------


async def test_events_lists_newest_first_with_a_card_button_for_each(bot):
    (listing,) = await bot.send("/events")
    assert listing["text"].index("13 November 2021") < listing["text"].index("23 May 2017")
    cards = buttons(listing)
    assert cards == {"Panama 2021 training": f"e:summary:{PANAMA}", "Vienna 2017 side event": f"e:summary:{VIENNA}"}
    (card,) = await bot.press(listing, cards["Vienna 2017 side event"])
    assert "23 May 2017" in card["text"] and "Vienna" in card["text"]


async def test_events_are_paged_with_older_and_newer_buttons(tmp_path):
    bot = await Harness(tmp_path, facts=synthetic_facts(12)).start()
    try:
        (listing,) = await bot.send("/events")
        assert "(1 of 3; 12 in all)" in listing["text"]
        assert "◀ Newer" not in buttons(listing)
        first_page = listing["text"]
        await bot.press(listing, buttons(listing)["Older ▶"])
        assert "(2 of 3; 12 in all)" in listing["text"] and listing["text"] != first_page  # edited in place
        assert {"◀ Newer", "Older ▶"} <= set(buttons(listing))
        await bot.press(listing, buttons(listing)["◀ Newer"])
        assert listing["text"] == first_page
    finally:
        await bot.stop()


async def test_event_card_by_name_and_clear_answers_for_no_or_unknown_name(bot):
    (card,) = await bot.send("/event panama 2021")
    assert "13 November 2021" in card["text"] and "61" in card["text"]
    (usage,) = await bot.send("/event")
    assert "/event Panama 2021 training" in usage["text"]
    (unknown,) = await bot.send("/event Nairobi")
    assert "no record" in unknown["text"]


# -- groups -----------------------------------------------------------------------------------------------


async def test_in_groups_the_bot_answers_only_mentions_replies_and_commands(bot):
    assert await bot.send("who funded the Panama training?", chat_id=GROUP, chat_type="supergroup") == []
    (mentioned,) = await bot.send(f"@{BOT_USERNAME} who funded the Panama training?", chat_id=GROUP, chat_type="group")
    assert "European Union" in mentioned["text"]
    assert mentioned["reply_to_message"]["text"].startswith(f"@{BOT_USERNAME}")  # quotes whom it answers
    (follow_up,) = await bot.send("and how many attended?", chat_id=GROUP, chat_type="group", reply_to=mentioned)
    assert "61" in follow_up["text"]
    (command,) = await bot.send(f"/events@{BOT_USERNAME}", chat_id=GROUP, chat_type="group")
    assert "Panama" in command["text"]
    other_bot = {
        "message_id": 1,
        "date": 0,
        "chat": {"id": GROUP, "type": "group"},
        "from": {"id": 5, "is_bot": True, "first_name": "Other"},
    }
    assert await bot.send("hi", chat_id=GROUP, chat_type="group", reply_to=other_bot) == []
    assert await bot.send("/events@some_other_bot", chat_id=GROUP, chat_type="group") == []


async def test_private_chats_get_help_for_unknown_commands_and_non_text(bot):
    (reply,) = await bot.send("/frobnicate")
    assert "/help" in reply["text"]
    sticker = bot.fake.says("", queue=False)
    del sticker["message"]["text"]
    sticker["message"]["sticker"] = {
        "file_id": "x",
        "file_unique_id": "y",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
    }
    (reply,) = await bot.run(sticker)
    assert "only read text" in reply["text"]


# -- admins ------------------------------------------------------------------------------------------------


async def test_unanswered_is_for_admins_in_private_and_groups_questions(bot, caplog):
    await bot.send("What is the capital of France?")
    await bot.send("what is the capital of france")
    (answer,) = await bot.send("who funded the Panama training?")
    await bot.press(answer, buttons(answer)["👎"])
    with caplog.at_level(logging.WARNING):
        (refused,) = await bot.send("/unanswered", chat_id=777)
    assert "administrators" in refused["text"] and "777" in caplog.text
    (in_group,) = await bot.send("/unanswered", chat_id=GROUP, chat_type="group", user=bot.fake.user(ADMIN))
    assert "private chat" in in_group["text"]
    (report,) = await bot.send("/unanswered", chat_id=ADMIN)
    lines = report["text"].splitlines()
    assert "2 distinct" in lines[0]
    assert lines[1].startswith("2× “What is the capital of France?” — unanswered")
    assert lines[2].startswith("1× “who funded the Panama training?” — 👎")


async def test_unanswered_with_nothing_to_show(bot):
    (reply,) = await bot.send("/unanswered", chat_id=ADMIN)
    assert "No unanswered questions" in reply["text"]


# -- buttons that are stale or tampered with -----------------------------------------------------------------


@pytest.mark.parametrize(
    "data", ["x", "s:1", "f:maybe", "q:abc", "q:99", "e:summary:no-such-event", "p:-1", "", "é" * 40]
)
async def test_stale_or_tampered_buttons_get_a_clear_note_and_change_nothing(bot, data):
    (answer,) = await bot.send("who funded the Panama training?")
    replies = await bot.press(answer, data)
    assert len(bot.fake.callback_answers) == 1  # the press is always answered
    note = bot.fake.callback_answers[0].get("text", "")
    assert "earlier conversation" in note or "no record" in text_of(replies)
    assert bot.store.feedback(("up", "down")) == []


async def test_buttons_of_an_answer_from_before_a_restart_are_stale(bot):
    (answer,) = await bot.send("who funded the Panama training?")
    bot.app.bot_data["deps"].answers._items.clear()  # what a restart forgets
    assert await bot.press(answer, "s") == []
    assert "earlier conversation" in bot.fake.callback_answers[-1]["text"]


def test_callback_data_always_fits_telegram_limit():
    from handlers.keyboards import decode, encode

    longest = encode("e", "total_attendance", "x" * 40)
    assert len(longest.encode()) <= MAX_DATA and decode(longest) is not None
    with pytest.raises(ValueError):
        encode("e", "summary", "x" * 80)


# -- errors -------------------------------------------------------------------------------------------------


async def test_an_unexpected_error_is_logged_the_user_told_and_admins_told(bot, caplog, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("index exploded")

    monkeypatch.setattr(bot.engine, "ask", broken)
    with caplog.at_level(logging.ERROR):
        replies = await bot.send("who funded it?", chat_id=55)
    assert "Traceback" in caplog.text and "index exploded" in caplog.text
    to_user = [m for m in replies if m["chat"]["id"] == 55]
    to_admin = [m for m in replies if m["chat"]["id"] == ADMIN]
    assert "something went wrong" in to_user[0]["text"]
    assert "RuntimeError" in to_admin[0]["text"] and "index exploded" in to_admin[0]["text"]
    parse_html(to_admin[0]["html"])


async def test_a_user_who_blocked_the_bot_is_not_an_error(bot, caplog):
    bot.fake.blocked.add(66)
    with caplog.at_level(logging.INFO):
        assert await bot.send("who funded the Panama training?", chat_id=66) == []
    assert "blocked" in caplog.text
    assert not [m for m in bot.fake.sent if m["chat"]["id"] == ADMIN]


async def test_telegram_429_and_a_timeout_are_waited_out_and_the_answer_still_arrives(bot):
    bot.fake.fail_next("429", "sendmessage", retry_after=1)
    bot.fake.fail_next("timeout", "sendmessage")
    (answer,) = await bot.send("who funded the Panama training?")
    assert "European Union" in answer["text"]
    assert bot.fake.faults_injected == {"429": 1, "timeout": 1}


async def test_an_admin_who_never_started_the_bot_does_not_stop_startup(tmp_path, caplog):
    harness = Harness(tmp_path, admins=frozenset({ADMIN, 31337}))
    harness.fake.gone.add(31337)
    with caplog.at_level(logging.WARNING):
        await harness.start()
    assert "31337" in caplog.text
    (reply,) = await harness.send("/help", chat_id=ADMIN)
    assert "/unanswered" in reply["text"]
    await harness.stop()


# -- language ------------------------------------------------------------------------------------------------


async def test_language_fixes_the_answers_language_for_the_chat_and_survives_a_restart(tmp_path):
    bot = await Harness(tmp_path).start()
    (prompt,) = await bot.send("/language", chat_id=9)
    assert "Now: the language of each question" in prompt["text"]
    await bot.press(prompt, buttons(prompt)["🇪🇸 Español"])
    assert prompt["text"].startswith("Listo") and "español" in prompt["text"]  # the prompt is edited in place
    (answer,) = await bot.send("who funded the Panama training?", chat_id=9)
    assert "financiación" in answer["text"] and "Unión Europea" in answer["text"]
    (other_chat,) = await bot.send("who funded the Panama training?", chat_id=10)
    assert "funded by" in other_chat["text"]
    await bot.stop()

    restarted = await Harness(tmp_path).start()
    (answer,) = await restarted.send("when was the Vienna side event?", chat_id=9)
    assert "23 de mayo de 2017" in answer["text"]
    (prompt,) = await restarted.send("/idioma", chat_id=9)
    assert "Ahora: español" in prompt["text"]
    await restarted.press(prompt, buttons(prompt)["🔤 Idioma de cada pregunta"])
    (answer,) = await restarted.send("when was the Vienna side event?", chat_id=9)
    assert "23 May 2017" in answer["text"]
    await restarted.stop()


async def test_in_a_group_only_its_administrators_change_the_language(bot):
    bot.fake.group_admins[GROUP] = {ADMIN}
    (prompt,) = await bot.send("/language", chat_id=GROUP, chat_type="group")
    await bot.press(prompt, "l:es", user=bot.fake.user(31))
    assert "administrators" in bot.fake.callback_answers[-1]["text"]
    assert bot.store.chat_languages() == {}
    await bot.press(prompt, "l:es", user=bot.fake.user(ADMIN))
    assert bot.store.chat_languages() == {GROUP: "es"}


async def test_help_names_the_spanish_command_for_spanish_speakers(bot):
    (reply,) = await bot.send("/help", chat_id=12, user=bot.fake.user(12, "Lucía", "es"))
    assert "/idioma /language" in reply["text"] and "Qué puede preguntar" in reply["text"]

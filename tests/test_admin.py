"""Admins keep the knowledge current from the chat: changes, validation, confirmation, undo, history, refusals."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from handlers.menu import COMMANDS
from knowledge.store import Store
from tests.fake_telegram import parse_html
from tests.tg import ADMIN, GROUP, Harness, buttons

ADMIN_COMMANDS = sorted(c.name for c in COMMANDS if c.admin)


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    harness = await Harness(tmp_path).start()
    yield harness
    await harness.stop()


async def admin_says(bot: Harness, text: str) -> str:
    replies = await bot.send(text, chat_id=ADMIN)
    return "\n".join(m["text"] for m in replies)


async def ask(bot: Harness, question: str) -> str:
    (answer,) = await bot.send(question, chat_id=5)
    return answer["text"]


# -- who may -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ADMIN_COMMANDS)
async def test_every_admin_command_is_refused_to_others_and_logged(bot, command, caplog):
    before = Store(bot.settings.db_path).audit_log()
    with caplog.at_level(logging.WARNING):
        (reply,) = await bot.send(f"/{command} panama 2021 funders Government of Canada", chat_id=31)
    assert "for the bot's administrators" in reply["text"]
    assert f"/{command}" in caplog.text and "31" in caplog.text
    assert bot.store.audit_log() == before


@pytest.mark.parametrize("command", ADMIN_COMMANDS)
async def test_every_admin_command_is_refused_in_groups_even_to_admins(bot, command):
    (reply,) = await bot.send(
        f"/{command} panama 2021 funders Government of Canada",
        chat_id=GROUP,
        chat_type="group",
        user=bot.fake.user(ADMIN),
    )
    assert "private chat" in reply["text"]
    assert bot.store.audit_log() == []


# -- changes ---------------------------------------------------------------------------------------------------


async def test_an_added_fact_is_answered_at_once_with_the_admins_source(bot):
    reply = await admin_says(bot, "/addfact panama 2021 funders Government of Canada -- https://example.org/release")
    assert reply.startswith("Saved: Panama 2021 training: add funders “Government of Canada”")
    answer = await ask(bot, "who funded the Panama training?")
    assert "the Government of Canada" in answer
    fact = next(f for f in bot.store.facts() if f.value == "Government of Canada")
    assert fact.source.quote == "https://example.org/release" and fact.source.added_by == f"Ana ({ADMIN})"
    assert fact.source.added_on and fact.origin == "admin"


async def test_a_correction_replaces_the_value_and_undo_brings_it_back(bot):
    await admin_says(bot, "/editfact vienna date 24 May 2017")
    assert "24 May 2017" in await ask(bot, "When was the Vienna side event?")
    reply = await admin_says(bot, "/undo")
    assert "date: “2017-05-24” → “2017-05-23”" in reply
    assert "23 May 2017" in await ask(bot, "When was the Vienna side event?")
    assert "no change left" in await admin_says(bot, "/undo")


async def test_deleting_an_item_of_a_list_needs_its_number(bot):
    reply = await admin_says(bot, "/delfact panama 2021 funders")
    assert "1. European Union; 2. Government of the United Kingdom" in reply
    await admin_says(bot, "/delfact panama 2021 funders 2")
    answer = await ask(bot, "who funded the Panama training?")
    assert "European Union" in answer and "United Kingdom" not in answer
    assert "no funders number 9" in await admin_says(bot, "/delfact panama 2021 funders 9")


async def test_a_role_count_is_answered_as_recorded_and_must_fit_the_total(bot):
    assert "add up to 81, more than the 61" in await admin_says(bot, "/addfact panama 2021 groups 20 judges")
    await admin_says(bot, "/editfact panama 2021 participants 81")
    await admin_says(bot, "/addfact panama 2021 groups 20 judges")
    assert "20 judges attended" in await ask(bot, "How many judges attended the Panama training?")


async def test_a_fuzzy_field_is_confirmed_before_saving_and_cancel_changes_nothing(bot):
    (proposal,) = await bot.send("/addfact panama 2021 fundres Government of Spain", chat_id=ADMIN)
    assert "not sure" in proposal["text"] and "add funders “Government of Spain”" in proposal["text"]
    assert bot.store.audit_log() == []
    (saved,) = await bot.press(proposal, buttons(proposal)["✅ Confirm"], user=bot.fake.user(ADMIN))
    assert saved["text"].startswith("Saved")
    assert "Government of Spain" in await ask(bot, "who funded the Panama training?")
    assert buttons(proposal) == {}  # the buttons are gone once used
    (second,) = await bot.send("/addfact osint topics ransomware", chat_id=ADMIN)
    (cancelled,) = await bot.press(second, buttons(second)["✖ Cancel"], user=bot.fake.user(ADMIN))
    assert "nothing was changed" in cancelled["text"]
    assert await bot.press(second, "a:y:" + buttons(second).get("x", "00")) == []  # a replayed press is stale


async def test_history_shows_who_changed_what_and_when(bot):
    await admin_says(bot, "/addfact panama 2021 topics ransomware")
    await admin_says(bot, "/undo")
    reply = await admin_says(bot, "/history panama 2021")
    lines = reply.splitlines()
    assert lines[0] == "Changes to Panama 2021 training, newest first"
    assert "Ana: topics: “ransomware” → “—” (undo)" in lines[1]
    assert "Ana: topics: “—” → “ransomware”" in lines[2]
    assert "has not been changed" in await admin_says(bot, "/history vienna")


async def test_facts_lists_an_events_facts_with_their_sources(bot):
    reply = await admin_says(bot, "/facts vienna 2017")
    assert "participants: over 70" in reply
    assert "speakers 2: Neil Walsh, UNODC Senior Expert on CyberCrime" in reply
    assert "“Through this side event attended by over 70 participants" in reply


# -- bad input changes nothing ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/addfact nairobi 2020 date 2020-01-01", "No event matches"),
        ("/addfact panama 2021 colour blue", "Which field?"),
        ("/addfact panama 2021", "Which field?"),
        ("/addfact", "Write the event, the field and the value"),
        ("/editfact panama 2021 date next tuesday", "not a date I can read"),
        ("/editfact panama 2021 date 2021-02-30", "does not exist"),
        ("/editfact panama 2021 date 1066-10-14", "outside the years"),
        ("/editfact panama 2021 participants -5", "negative"),
        ("/editfact panama 2021 participants many", "not a number of people"),
        ("/editfact panama 2021 participants 40", "61 investigating officers and prosecutors is more than the 40"),
        ("/addfact panama 2021 groups 80 judges", "more than the 61 participants"),
        ("/addfact panama 2021 kind hackathon", "not a kind of event"),
        ("/addfact panama 2021 date 2021-11-14", "already has a date"),
        ("/addfact panama 2021 funders European Union", "already lists"),
        ("/addfact panama 2021 topics " + "x" * 600, "too long"),
        ("/addfact 2019 topics ransomware", "No event matches"),
    ],
)
async def test_bad_input_gets_a_clear_message_and_changes_nothing(bot, command, expected):
    assert expected in await admin_says(bot, command)
    assert bot.store.audit_log() == []


async def test_html_and_control_characters_are_stored_as_plain_text_and_shown_escaped(bot):
    await admin_says(bot, "/addfact panama 2021 topics <b>dark</b> & \x07net <script>")
    fact = next(f for f in bot.store.facts() if "dark" in str(f.value) and f.origin == "admin")
    assert fact.value == "<b>dark</b> & net <script>"
    (answer,) = await bot.send("what was the Panama training about?", chat_id=5)
    assert "<b>dark</b> & net <script>" in parse_html(answer["html"])


async def test_an_acknowledged_change_is_on_disk_before_the_reply(bot):
    await admin_says(bot, "/addfact panama 2021 topics ransomware")
    reopened = Store(bot.settings.db_path)
    assert any(f.value == "ransomware" for f in reopened.facts())


# -- export and backups -------------------------------------------------------------------------------------------


async def test_export_sends_the_knowledge_as_json_and_the_events_as_csv(bot):
    import csv
    import io
    import json

    await admin_says(bot, "/addfact panama 2021 funders Government of Canada")
    replies = await bot.send("/export", chat_id=ADMIN)
    documents = {m["document"]["file_name"].split("-")[0]: m for m in replies}
    knowledge = json.loads(documents["knowledge"]["content"])
    panama = knowledge["subjects"]["event:panama-2021-osint-training"]
    assert any(f["value"] == "Government of Canada" and f["origin"] == "admin" for f in panama)
    assert "facts about 2 events" in documents["knowledge"]["caption"]
    rows = list(csv.DictReader(io.StringIO(documents["events"]["content"].decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == ["panama-2021-osint-training", "vienna-2017-side-event"]
    assert rows[0]["funders"].endswith("| Government of Canada") and rows[1]["participants"] == "over 70"


def test_a_large_export_goes_compressed_and_holds_the_same_knowledge(bot):
    import gzip
    import json

    from handlers.backup import export_json

    facts = bot.store.facts()
    plain, compressed = export_json(facts)
    packed, was_compressed = export_json(facts, plain_limit=1000)
    assert not compressed and was_compressed and len(packed) < len(plain) / 3
    unpacked = json.loads(gzip.decompress(packed))
    assert unpacked["subjects"] == json.loads(plain)["subjects"]
    assert sum(len(v) for v in unpacked["subjects"].values()) == len(facts)


async def test_backups_copy_the_database_and_keep_the_newest(tmp_path, monkeypatch):
    from dataclasses import replace

    import handlers.backup

    monkeypatch.setattr(handlers.backup, "FIRST_BACKUP_AFTER", 0.0)
    harness = Harness(tmp_path)
    harness.settings = replace(harness.settings, backup_keep=2)
    harness.app.bot_data["deps"].settings = harness.settings
    await harness.start()
    try:
        backups = tmp_path / "backups"
        for _ in range(100):  # the automatic one, made in the background (here at once after start-up)
            if len(list(backups.glob("*"))) == 2:
                break
            await asyncio.sleep(0.05)
        first = harness.store.backups(backups)
        assert len(first) == 1
        await harness.send("/subscribe", chat_id=ADMIN)
        harness.store.subscribe(ADMIN, "private", {}, "en", by=ADMIN)
        for _ in range(3):
            (reply,) = await harness.send("/backup", chat_id=ADMIN)
            assert "keeping the last 2" in reply["text"]
        kept = harness.store.backups(backups)
        assert len(kept) == 2 and first[0] not in kept
        assert len(list(backups.iterdir())) == 4  # each with the state beside it
        restored = Store(kept[-1])
        assert restored.fact("event:panama-2021-osint-training/title") is not None
        assert [s["chat_id"] for s in restored.subscriptions()] == [ADMIN]
    finally:
        await harness.stop()


# -- /newevent ---------------------------------------------------------------------------------------------------

NEW_EVENT = [
    ("OSINT training for prosecutors in Guatemala", "step 2 of 12"),
    ("workshp", "step 3 of 12"),  # a typo of a kind is understood
    ("2023-02-30", "does not exist. Please try again."),
    ("15 March 2023", "step 4 of 12"),
    ("Guatemala City, Guatemala", "step 5 of 12"),
    ("UNODC ROPAN; CRIMJUST", "step 6 of 12"),
    ("/skip", "step 7 of 12"),
    ("-4", "negative"),
    ("45", "step 8 of 12"),
    ("30 prosecutors; 20 judges", "add up to 50, more than the 45"),
    ("30 prosecutors; 15 judges", "step 9 of 12"),
    ("Guatemala, Honduras and El Salvador", "step 10 of 12"),
    ("Jane Doe, Programme Officer", "step 11 of 12"),
    ("/back", "step 10 of 12"),
    ("Jane Doe, Programme Officer; Dr. John Smith, Expert", "step 11 of 12"),
    ("open source investigation; dark net", "step 12 of 12"),
    ("/skip", "This one is needed"),
    ("https://www.unodc.org/ropan/en/osint-2023.html", "Please check the new event"),
]


async def test_newevent_guides_the_admin_and_publishes_the_event_at_once(bot):
    assert "step 1 of 12" in await admin_says(bot, "/newevent")
    for answer, expected in NEW_EVENT:
        assert expected in await admin_says(bot, answer), answer
    preview = bot.fake.replies(ADMIN)[-1]
    assert "participant countries: Guatemala; Honduras; El Salvador" in preview["text"]
    assert "looks like an event already recorded" not in preview["text"]
    published, offer = await bot.press(preview, buttons(preview)["✅ Confirm"], user=bot.fake.user(ADMIN))
    assert published["text"].startswith("Published: OSINT training for prosecutors in Guatemala (17 facts)")
    assert "No subscription matches" in offer["text"]
    assert "15 judges attended" in await ask(bot, "How many judges attended the Guatemala workshop?")
    assert "Jane Doe" in await ask(bot, "who spoke at the guatemala 2023 workshop?")
    fact = next(f for f in bot.store.facts() if f.field == "title" and "Guatemala" in str(f.value))
    assert fact.source.quote == "https://www.unodc.org/ropan/en/osint-2023.html"
    await admin_says(bot, "/undo")  # the whole event was one change
    assert not [f for f in bot.store.facts() if "guatemala" in f.subject]


async def test_newevent_warns_about_an_event_already_recorded_and_cancel_saves_nothing(bot):
    answers = ["Training on cyber elements of drug trafficking", "training", "13 November 2021", "Panama"]
    await admin_says(bot, "/newevent")
    for answer in answers:
        await admin_says(bot, answer)
    for _ in range(7):
        await admin_says(bot, "/skip")
    await admin_says(bot, "https://example.org")
    preview = bot.fake.replies(ADMIN)[-1]
    assert "already recorded: Panama 2021 training (same place and date)" in preview["text"]
    (cancelled,) = await bot.press(preview, buttons(preview)["✖ Cancel"], user=bot.fake.user(ADMIN))
    assert "nothing was saved" in cancelled["text"]
    assert bot.store.audit_log() == []


async def test_newevent_can_be_cancelled_at_any_step_and_questions_work_again(bot):
    await admin_says(bot, "/newevent")
    await admin_says(bot, "A title")
    assert "cancelled" in await admin_says(bot, "/cancel")
    assert "European Union" in await admin_says(bot, "who funded the Panama training?")
    assert "nothing to cancel" in await admin_says(bot, "/cancel")

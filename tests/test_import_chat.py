"""/import in the chat, as an admin does it: pasted, in parts, as a document, as a link; the preview's pages and
buttons, corrections, and what is saved."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot import import_run
from bot.extract import Extraction, extract
from tests.import_fixtures import article_html, corpus_release, docx_bytes, html, pdf_bytes, seed_release, web
from tests.tg import ADMIN, Harness, buttons

SEED = "vienna-2017-side-event"


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    harness = await Harness(tmp_path).start()
    yield harness
    await harness.stop()


async def admin(bot: Harness, text: str) -> list[dict]:
    return await bot.send(text, chat_id=ADMIN)


async def press(bot: Harness, message: dict, label: str) -> list[dict]:
    return await bot.press(message, buttons(message)[label], user=bot.fake.user(ADMIN))


def preview_of(replies: list[dict]) -> dict:
    return next(m for m in reversed(replies) if any(k.startswith("✅") or k.startswith("⬜") for k in buttons(m)))


def imported(bot: Harness) -> list:
    return [f for f in bot.store.facts() if f.source.doc.startswith("document:")]


async def test_a_seed_release_is_a_look_alike_saved_only_anyway_and_the_same_text_again_saves_nothing(bot):
    text = seed_release(SEED)
    preview = preview_of(await admin(bot, f"/import {text}"))
    assert (
        "It looks like an event already recorded" in preview["text"] and "(vienna-2017-side-event)" in preview["text"]
    )
    assert "💾 Save selected" not in buttons(preview)
    saved = await press(bot, preview, "💾 Save anyway")
    assert saved[0]["text"].startswith("Imported:")
    facts = imported(bot)
    assert facts and all(f.source.added_by == f"Ana ({ADMIN})" for f in facts)
    assert all(f.source.quote in text for f in facts if f.subject.startswith("event:") and f.field != "title")
    before = len(bot.store.audit_log())
    again = preview_of(await admin(bot, f"/import {text}"))
    assert "imported already" in again["text"] and set(buttons(again)) & {"💾 Save anyway", "💾 Save selected"} == set()
    assert len(bot.store.audit_log()) == before


async def test_a_fact_left_out_is_not_saved_and_a_typed_correction_is(bot):
    text = corpus_release("07")
    preview = preview_of(await admin(bot, f"/import {text}"))
    lines = [line for line in preview["text"].splitlines() if line[:1] in "✅⬜"]
    kind = next(line.split()[1].rstrip(".") for line in lines if " kind: " in line)
    await press(bot, preview, f"✅ {kind}")
    assert f"⬜ {kind}. kind:" in bot.fake.messages[(ADMIN, preview["message_id"])]["text"]  # the same message
    replies = await admin(bot, "place Guayaquil, Ecuador")
    assert replies[0]["text"] == "Changed: city, country."
    assert "⚠" not in replies[0]["text"]
    bad = await admin(bot, "date 31 February 2021")
    assert "does not exist" in bad[0]["text"]
    latest = preview_of(replies)
    assert buttons(bot.fake.messages[(ADMIN, preview["message_id"])]) == {}  # the old preview's buttons are gone
    await press(bot, latest, "💾 Save selected")
    (subject,) = {f.subject for f in imported(bot) if f.subject.startswith("event:")}
    event = {f.field: f for f in bot.store.facts() if f.subject == subject}
    assert "kind" not in event
    assert event["city"].value == "Guayaquil" and event["country"].value == "Ecuador"
    assert event["city"].source.quote == "Guayaquil, Ecuador" and event["city"].source.doc == "admin"


async def test_a_long_release_is_sent_in_parts_and_read_whole(bot):
    text = corpus_release("10") + "\n" + corpus_release("02")  # two releases' worth of text: over 4,000 characters
    parts, rest = [], text
    while rest:  # cut as Telegram's apps cut a long text: at a space, under the limit
        cut = rest.rfind(" ", 0, 1500) if len(rest) > 1500 else len(rest)
        parts.append(rest[:cut])
        rest = rest[cut:].lstrip(" ")
    (start,) = await admin(bot, "/import")
    assert "in as many messages as you need" in start["text"]
    for part in parts:
        (ack,) = await admin(bot, part)
    assert ack["text"].startswith(f"Got part {len(parts)}: ")
    replies = await press(bot, ack, "📖 Read it")
    preview = preview_of(replies)
    await press(bot, preview, "💾 Save selected")
    (document,) = [f for f in imported(bot) if f.field == "text"]
    assert document.value.split() == text.split()  # every word, none lost at the cuts


async def test_a_message_cut_at_telegrams_limit_waits_for_the_rest(bot):
    text = (corpus_release("10") + "\n") * 3
    first, rest = text[:4000], text[4000:]
    (reply,) = await admin(bot, f"/import {first}")
    assert "limit of 4,096 characters" in reply["text"]
    await admin(bot, rest)
    replies = await admin(bot, "/done")
    assert preview_of(replies)


async def test_a_preview_of_many_pages_keeps_buttons_on_each_page_that_act_on_that_page(bot, monkeypatch):
    text = corpus_release("01")
    real = extract
    found: list[int] = []

    def many_topics(*args, **kwargs) -> Extraction:
        result = real(*args, **kwargs)
        sentence = text.split("\n")[2]
        found.append(sum(1 for f in result.facts if f.field == "topics" and not f.flag))
        result.facts += [type(result.facts[0])("topics", f"topic {n}", sentence) for n in range(30)]
        return result

    monkeypatch.setattr(import_run, "extract", many_topics)
    preview = preview_of(await admin(bot, f"/import {text}"))
    assert "page 1 of" in preview["text"] and "Next ▶" in buttons(preview)
    await press(bot, preview, "Next ▶")
    page2 = bot.fake.messages[(ADMIN, preview["message_id"])]
    assert "page 2 of" in page2["text"]
    number = next(label for label in buttons(page2) if label.startswith("✅"))
    await bot.press(page2, buttons(page2)[number], user=bot.fake.user(ADMIN))
    page2 = bot.fake.messages[(ADMIN, preview["message_id"])]
    assert "page 2 of" in page2["text"] and f"⬜ {number[2:]}." in page2["text"]
    await bot.press(page2, buttons(page2)["💾 Save selected"], user=bot.fake.user(ADMIN))
    left_out = next(line for line in page2["text"].splitlines() if line.startswith(f"⬜ {number[2:]}."))
    field, _, value = left_out.split(". ", 1)[1].partition(": ")
    saved = [(f.field.replace("_", " "), str(f.value)) for f in imported(bot)]
    topics = [v for name, v in saved if name == "topics"]
    assert len(topics) == found[0] + 30 - (field == "topics")  # every topic but one left out
    assert (field, value) not in saved


async def test_a_text_that_is_not_an_event_is_saved_only_when_the_admin_insists(bot, monkeypatch):
    def statement(*args, **kwargs) -> Extraction:
        result = extract(*args, **kwargs)
        result.is_event, result.not_event_why = False, "a policy statement"
        return result

    monkeypatch.setattr(import_run, "extract", statement)
    preview = preview_of(await admin(bot, f"/import {corpus_release('09')}"))
    assert "does not seem to report an event (a policy statement)" in preview["text"]
    assert "💾 Save selected" not in buttons(preview)
    await press(bot, preview, "💾 Save anyway")
    assert imported(bot)


async def test_a_document_is_imported_with_or_without_a_caption(bot):
    text = corpus_release("11")
    lines = text.split("\n")
    data = docx_bytes(lines[0], [line for line in lines[1:] if line.strip()])
    replies = await bot.run(
        bot.fake.sends_document(data, "release.docx", chat_id=ADMIN, user=bot.fake.user(ADMIN), queue=False)
    )
    assert replies[0]["text"] == "Reading release.docx…"
    assert lines[0] in preview_of(replies)["text"]
    pdf = pdf_bytes([line.encode("latin-1", "replace").decode("latin-1") for line in lines[:3]])
    update = bot.fake.sends_document(
        pdf, "x.pdf", caption="/import", chat_id=ADMIN, user=bot.fake.user(ADMIN), queue=False
    )
    assert preview_of(await bot.run(update))


@pytest.mark.parametrize(
    ("content", "name", "says"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "photo.png", "I cannot read photo.png", id="image"),
        pytest.param(b"\xd0\xcf\x11\xe0" + b"\0" * 64, "old.doc", "old Word format", id="old-word"),
        pytest.param(b"x" * (6 * 1024 * 1024), "huge.txt", "too big", id="too-big"),
        pytest.param(b"   ", "empty.txt", "it is empty", id="empty"),
    ],
)
async def test_a_document_that_cannot_be_read_gets_a_clear_message(bot, content, name, says):
    update = bot.fake.sends_document(content, name, chat_id=ADMIN, user=bot.fake.user(ADMIN), queue=False)
    replies = await bot.run(update)
    assert says in replies[-1]["text"] and imported(bot) == []


async def test_a_document_from_someone_else_gets_a_polite_answer(bot):
    (reply,) = await bot.run(bot.fake.sends_document(b"hello", "a.txt", chat_id=77, queue=False))
    assert "only the bot's administrators can import documents" in reply["text"]
    assert not [c for c, _ in bot.fake.calls if c == "getfile"]


async def test_a_link_is_read_from_its_page_and_a_bare_link_from_an_admin_is_an_import(bot):
    text = corpus_release("06")
    with web({"/news.html": html(article_html(text))}) as base:
        preview = preview_of(await admin(bot, f"/import {base}/news.html"))
        assert text.split("\n")[0] in preview["text"] and f"Read from {base}/news.html" in preview["text"]
        assert preview_of(await admin(bot, f"{base}/news.html"))
        (missing,) = (await admin(bot, f"/import {base}/gone.html"))[1:]
        assert "does not exist" in missing["text"]
        (answer,) = await bot.send(f"{base}/news.html", chat_id=55)  # anyone else's link is a question
        assert "Reading" not in answer["text"]
    await press(bot, preview_of(bot.fake.replies(ADMIN)[-3:-1]), "✖ Cancel")


async def test_cancel_leaves_the_import_and_questions_are_answered_again(bot):
    await admin(bot, f"/import {corpus_release('05')}")
    (reply,) = await admin(bot, "/cancel")
    assert "Import cancelled" in reply["text"]
    (answer,) = await admin(bot, "who funded the Panama training?")
    assert "European Union" in answer["text"] and imported(bot) == []


async def test_one_flow_at_a_time_so_that_cancel_ends_the_one_running(bot):
    """/import during /newevent (or the other way round) is refused: /cancel then ends what runs, and the next
    message is a question again, not a step of a flow left open."""
    await admin(bot, "/newevent")
    (refused,) = await admin(bot, "/import")
    assert refused["text"].startswith("You are adding a new event")
    await admin(bot, "/cancel")
    (answer,) = await admin(bot, "who funded the Panama training?")
    assert "European Union" in answer["text"]
    await admin(bot, "/import")
    (refused,) = await admin(bot, "/newevent")
    assert refused["text"].startswith("You are importing a release")
    await admin(bot, "/cancel")
    (answer,) = await admin(bot, "who funded the Panama training?")
    assert "European Union" in answer["text"]

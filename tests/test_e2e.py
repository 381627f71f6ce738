"""End to end: the real bot process (`python -m bot run`) against the fake Bot API over HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from tests.botprocess import ADMIN, BotProcess
from tests.fake_telegram import BOT_USERNAME, TOKEN, FakeBotAPIServer, FakeTelegram

GROUP = -100555


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeTelegram, BotProcess]]:
    """One bot process for the module, logging at DEBUG (so the token check covers every level)."""
    with FakeBotAPIServer() as server:
        bot = BotProcess(tmp_path_factory.mktemp("live"), server.base_url, BOT_LOG_LEVEL="DEBUG")
        try:
            server.fake.wait_polling()
            yield server.fake, bot
        finally:
            code = bot.stop()
            output = bot.output()
            assert TOKEN not in output, "the token leaked into the logs"
            assert code == 0, output[-3000:]


def test_startup_sets_the_menus_and_starts_long_polling(live):
    fake, bot = live
    methods = [method for method, _ in fake.calls]
    assert methods[0] == "getme"
    assert {"setmycommands", "deletewebhook", "getupdates"} <= set(methods)
    assert len(fake.menus) == 4  # public and admin menus, in English and Spanish
    assert f"Connected to Telegram as @{BOT_USERNAME}" in bot.output()


def test_the_bot_connects_while_its_knowledge_loads_and_takes_questions_once_it_has_loaded(tmp_path):
    release = tmp_path / "release"
    with FakeBotAPIServer() as server:
        fake = server.fake
        fake.says("Who funded the Panama 2021 training?", chat_id=501)
        bot = BotProcess(tmp_path, server.base_url, module="tests.held_knowledge", HELD_KNOWLEDGE_UNTIL=str(release))
        try:
            fake.wait_for(lambda: len(fake.menus) == 4)  # connected, menus published: the knowledge still held
            assert fake.polls == 0 and not fake.replies(501)
            release.touch()
            (reply,) = fake.wait_replies(501)
            assert "European Union" in reply["text"]
        finally:
            assert bot.stop() == 0, bot.output()[-3000:]


def test_a_question_gets_its_answer_and_a_button_press_works(live):
    fake, _ = live
    fake.says("How many investigators and prosecutors attended the Panama training?", chat_id=501)
    (answer,) = fake.wait_replies(501)
    assert "61" in answer["text"]
    source = next(b for row in answer["reply_markup"]["inline_keyboard"] for b in row if b["text"] == "📄 Source")
    fake.press(answer, source["callback_data"])
    quote = fake.wait_replies(501, 2)[1]
    assert "61 investigating officers and prosecutors" in quote["text"]
    assert fake.wait_for(lambda: fake.callback_answers)


def test_in_a_group_only_a_mention_is_answered(live):
    fake, _ = live
    fake.says("who funded the Panama training?", chat_id=GROUP, chat_type="supergroup")
    fake.says(f"@{BOT_USERNAME} who funded the Panama training?", chat_id=GROUP, chat_type="supergroup")
    (reply,) = fake.wait_replies(GROUP)
    assert "European Union" in reply["text"]
    assert reply["reply_to_message"]["text"].startswith(f"@{BOT_USERNAME}")
    time.sleep(0.5)
    assert len(fake.replies(GROUP)) == 1


def test_two_chats_each_get_only_their_own_replies(live):
    fake, _ = live
    fake.says("When was the Vienna side event?", chat_id=601)
    fake.says("When was the Panama training?", chat_id=602)
    fake.wait_replies(601)
    fake.wait_replies(602)
    fake.says("how many attended?", chat_id=601)
    fake.says("how many attended?", chat_id=602)
    vienna = fake.wait_replies(601, 2)
    panama = fake.wait_replies(602, 2)
    assert "23 May 2017" in vienna[0]["text"] and "over 70" in vienna[1]["text"]
    assert "13 November 2021" in panama[0]["text"] and "61" in panama[1]["text"]
    assert all("Panama" not in m["text"] for m in vienna)


def test_a_wrong_token_is_a_clear_error_not_a_traceback(tmp_path):
    with FakeBotAPIServer() as server:
        bot = BotProcess(tmp_path, server.base_url, TELEGRAM_BOT_TOKEN="999:not-the-token")
        code = bot.proc.wait(60)
    output = bot.output()
    assert code == 3
    assert "rejected TELEGRAM_BOT_TOKEN" in output and "@BotFather" in output
    assert "Traceback" not in output and "999:not-the-token" not in output


def test_an_unreachable_bot_api_is_a_clear_error(tmp_path):
    bot = BotProcess(tmp_path, f"http://127.0.0.1:{free_port()}/bot")
    assert bot.proc.wait(60) == 4
    assert "Could not reach the Bot API" in bot.output() and "Traceback" not in bot.output()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post(url: str, update: dict, secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, data=json.dumps(update).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, ConnectionError):
        return 0  # not listening yet


def test_webhook_mode_refuses_requests_without_the_secret(tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram-hook"
    with FakeBotAPIServer() as server:
        fake = server.fake
        bot = BotProcess(
            tmp_path,
            server.base_url,
            "run",
            "--webhook",
            url,
            "--listen",
            "127.0.0.1",
            "--port",
            str(port),
            TELEGRAM_WEBHOOK_SECRET="s3cret-hook",
        )
        try:
            fake.wait_for(lambda: fake.webhook.get("url") == url, timeout=60)
            assert fake.webhook["secret_token"] == "s3cret-hook"
            update = fake.says("who funded the Panama training?", chat_id=701, queue=False)
            deadline = time.monotonic() + 30
            while (status := post(url, update, None)) not in (403,) and time.monotonic() < deadline:
                time.sleep(0.2)  # the web server may still be starting
            assert status == 403
            assert post(url, update, "wrong") == 403
            assert fake.replies(701) == []
            assert post(url, update, "s3cret-hook") == 200
            (reply,) = fake.wait_replies(701)
            assert "European Union" in reply["text"]
        finally:
            assert bot.stop() == 0
        assert "s3cret-hook" not in bot.output()


def test_webhook_mode_needs_a_secret(tmp_path):
    bot = BotProcess(tmp_path, "http://127.0.0.1:9/bot", "run", "--webhook", "https://example.org/hook")
    assert bot.proc.wait(60) == 2
    assert "TELEGRAM_WEBHOOK_SECRET" in bot.output()


def test_an_admin_change_is_answered_at_once_and_export_sends_files(live):
    fake, _ = live
    fake.says("/addfact panama 2021 funders Government of Canada -- https://example.org/r", chat_id=ADMIN)
    (saved,) = fake.wait_replies(ADMIN)
    assert saved["text"].startswith("Saved")
    fake.says("who funded the Panama training?", chat_id=801)
    (answer,) = fake.wait_replies(801)
    assert "Government of Canada" in answer["text"]
    fake.says("/export", chat_id=ADMIN)
    files = fake.wait_replies(ADMIN, 3)[1:]
    assert [f["document"]["file_name"].split("-")[0] for f in files] == ["knowledge", "events"]
    assert b"Government of Canada" in files[0]["content"] and b"panama-2021-osint-training" in files[1]["content"]


def test_a_change_acknowledged_to_an_admin_survives_kill_9(tmp_path):
    from knowledge.store import Store

    with FakeBotAPIServer() as server:
        fake = server.fake
        for trial in range(3):
            mark = fake.polls
            bot = BotProcess(tmp_path, server.base_url)
            try:
                fake.wait_polling(mark)
                fake.says(f"/addfact panama 2021 topics crash topic {trial}", chat_id=ADMIN)
                acknowledged = f"Saved: Panama 2021 training: add topics “crash topic {trial}”"
                fake.wait_for(lambda ack=acknowledged: any(m["text"].startswith(ack) for m in fake.replies(ADMIN)))
                bot.proc.kill()  # SIGKILL, right after the acknowledgement reached the admin
                bot.proc.wait(30)
            finally:
                bot.stop()
            store = Store(tmp_path / "db.json", load_bundled=False)
            topics = {f.value for f in store.facts() if f.field == "topics"}
            assert {f"crash topic {n}" for n in range(trial + 1)} <= topics
            store.close()

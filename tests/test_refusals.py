"""What an operator sees when the database cannot be used: a message naming the file, what is wrong and what to do,
a documented exit code, never a traceback; the files kept as they were. One bot per database; `ask` and `chat`
beside it, and in a folder they may not write to."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Settings
from bot.logs import redact, safe_url
from knowledge.store import Store, state_path
from tests.botprocess import ROOT, BotProcess
from tests.fake_telegram import FakeBotAPIServer
from tests.test_cli import run_bot

QUESTION = "who funded the Panama training?"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.endswith((".lock", ".pid"))}


def _cut(path: Path) -> None:
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])


def test_ask_on_a_cut_file_says_what_is_wrong_and_how_to_restore_the_newest_whole_backup(tmp_path):
    db = tmp_path / "db.json"
    store = Store(db)
    whole = store.backup(tmp_path / "backups", keep=5)
    assert whole is not None
    store.backup(tmp_path / "backups", keep=5)
    newest = store.backups(tmp_path / "backups")[-1]
    _cut(newest)  # the newest backup is damaged too: the one named must be whole
    store.close()
    _cut(db)
    before = _files(tmp_path)
    result = run_bot("ask", QUESTION, tmp_path=tmp_path)
    assert result.returncode == 5, result.stderr
    assert f"The database file {db} is cut short" in result.stderr
    assert "left exactly as it is" in result.stderr and "Traceback" not in result.stderr
    assert str(whole) in result.stderr and str(newest) not in result.stderr
    assert _files(tmp_path) == before
    for line in result.stderr.splitlines():  # the operator does what the message says
        if line.startswith(("    mv ", "    cp ")):
            subprocess.run(shlex.split(line), check=True)
    assert (tmp_path / "db.json.damaged").read_bytes() == before["db.json"]
    again = run_bot("ask", QUESTION, tmp_path=tmp_path)
    assert again.returncode == 0 and "European Union" in again.stdout


def test_a_damaged_state_file_names_its_own_backup(tmp_path):
    db = tmp_path / "db.json"
    store = Store(db)
    store.subscribe(7, "private", {}, "en", by=7)
    backup = store.backup(tmp_path / "backups", keep=5)
    store.close()
    assert backup is not None
    _cut(state_path(db))
    result = run_bot("ask", QUESTION, tmp_path=tmp_path)
    assert result.returncode == 5
    assert f"The database file {state_path(db)}" in result.stderr and str(state_path(backup)) in result.stderr


@pytest.mark.parametrize("content", [b"", b"{}"], ids=["empty", "no tables"])
def test_run_on_an_empty_file_refuses_before_polling_and_keeps_it(tmp_path, content):
    (tmp_path / "db.json").write_bytes(content)
    with FakeBotAPIServer() as server:
        bot = BotProcess(tmp_path, server.base_url)
        code = bot.proc.wait(60)
        assert server.fake.polls == 0
    assert code == 5, bot.output()
    assert "No backup of it" in bot.output() and "Traceback" not in bot.output()
    assert (tmp_path / "db.json").read_bytes() == content


def test_a_second_bot_on_the_same_database_is_refused_and_ask_works_beside_the_first(tmp_path):
    with FakeBotAPIServer() as server:
        first = BotProcess(tmp_path, server.base_url)
        try:
            server.fake.wait_polling()
            second_log = tmp_path / "second"
            second_log.mkdir()
            second = BotProcess(second_log, server.base_url, BOT_DB_PATH=str(tmp_path / "db.json"))
            assert second.proc.wait(60) == 6
            assert f"pid {first.proc.pid}" in second.output() and "Traceback" not in second.output()
            asked = run_bot("ask", QUESTION, tmp_path=tmp_path)
            assert asked.returncode == 0 and "European Union" in asked.stdout
            assert first.proc.poll() is None
        finally:
            assert first.stop() == 0, first.output()[-2000:]


@pytest.fixture
def read_only(tmp_path: Path) -> list[str]:
    """A command prefix that runs a process with `tmp_path` read-only: a read-only mount where the test runs as
    root (whom permissions do not stop), the folder's permissions otherwise."""
    Store(tmp_path / "db.json").close()
    if os.geteuid() != 0:
        tmp_path.chmod(0o555)
        return []
    remount = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && exec "$@"'
    prefix = ["unshare", "-m", "sh", "-c", remount, str(tmp_path)]
    probe = subprocess.run([*prefix, "touch", str(tmp_path / "probe")], capture_output=True)
    if probe.returncode == 0 or b"Read-only" not in probe.stderr:
        pytest.skip("no way here to make a folder read-only for root")
    return prefix


def _bot(prefix: list[str], folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    environ |= {"BOT_DB_PATH": str(folder / "db.json"), **env}
    command = [*prefix, sys.executable, "-m", "bot", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=environ, timeout=60)


def test_ask_works_in_a_read_only_folder_and_run_says_why_it_cannot(tmp_path, read_only):
    before = _files(tmp_path)
    asked = _bot(read_only, tmp_path, "ask", QUESTION)
    assert asked.returncode == 0, asked.stderr
    assert "European Union" in asked.stdout
    api = {"TELEGRAM_BOT_TOKEN": "1:x", "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"}
    ran = _bot(read_only, tmp_path, "run", **api)
    assert ran.returncode == 7, ran.stderr
    assert "needs to write in" in ran.stderr and "Traceback" not in ran.stderr
    tmp_path.chmod(0o755)
    assert _files(tmp_path) == before


def test_a_database_path_that_cannot_be_read_is_a_clear_error(tmp_path):
    (tmp_path / "db.json").mkdir()  # a folder where the file should be
    result = run_bot("ask", QUESTION, tmp_path=tmp_path)
    assert result.returncode == 7, result.stderr
    assert f"Could not use the database at {tmp_path / 'db.json'}" in result.stderr
    assert "Traceback" not in result.stderr


def test_credentials_in_the_api_url_are_never_printed(tmp_path):
    with FakeBotAPIServer() as server:
        url = server.base_url.replace("http://", "http://operator:hunter2-secret@")
        bot = BotProcess(tmp_path, url, TELEGRAM_BOT_TOKEN="999:not-the-token", BOT_LOG_LEVEL="DEBUG")
        assert bot.proc.wait(60) == 3
    output = bot.output()
    assert f"The Bot API at {server.base_url} rejected" in output
    assert "hunter2" not in output and "operator:" not in output


def test_every_secret_of_a_url_is_left_out_of_what_is_printed():
    url = "https://operator:hunter2-secret@bots.example.org:8443/bot?key=s3cr3t-key&v=1"
    settings = Settings.from_env({"TELEGRAM_API_BASE_URL": url, "TELEGRAM_BOT_TOKEN": "123:abc"})
    assert safe_url(url) == "https://bots.example.org:8443/bot"
    said = redact(f"calling {url}/getMe with 123:abc", settings.secrets)
    assert "hunter2" not in said and "s3cr3t-key" not in said and "123:abc" not in said
    assert "bots.example.org" in said

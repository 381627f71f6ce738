"""`python -m bot check`, run as README and the service's pre-start check run it, against the fake Bot API."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.store import Store
from tests.fake_telegram import TOKEN, FakeBotAPIServer

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBotAPIServer]:
    with FakeBotAPIServer() as server:
        yield server


def check(tmp_path: Path, api_url: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    environ |= {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api_url,
        "BOT_DB_PATH": str(tmp_path / "data" / "knowledge.json"),
        "BOT_ADMIN_IDS": "4242",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", "check"], capture_output=True, text=True, cwd=ROOT, env=environ, timeout=120
    )


def made_database(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "knowledge.json"
    path.parent.mkdir()
    Store(path).close()
    return path


def test_all_is_well_with_a_database_and_a_token_the_api_accepts(tmp_path, api):
    made_database(tmp_path)
    result = check(tmp_path, api.base_url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAIL" not in result.stdout
    assert "ok    database:" in result.stdout and "2 events" in result.stdout
    assert "the Bot API answers as @crimjust_test_bot; privacy mode is on" in result.stdout
    assert result.stdout.rstrip().endswith("All is well.")


def test_a_first_start_with_no_database_yet_is_well_and_makes_nothing(tmp_path, api):
    (tmp_path / "data").mkdir()
    result = check(tmp_path, api.base_url)
    assert result.returncode == 0, result.stdout
    assert "the bot makes it on its first start" in result.stdout
    assert list((tmp_path / "data").iterdir()) == []


def test_a_token_the_bot_api_rejects_is_a_problem_said_without_the_token(tmp_path, api):
    made_database(tmp_path)
    wrong = "123456789:WRONG-token-that-is-not-the-bots"
    result = check(tmp_path, api.base_url, TELEGRAM_BOT_TOKEN=wrong)
    assert result.returncode == 1
    assert (
        "FAIL  Telegram: the Bot API at 127.0.0.1" in result.stdout and "rejected TELEGRAM_BOT_TOKEN" in result.stdout
    )
    assert "@BotFather" in result.stdout
    assert wrong not in result.stdout + result.stderr and "WRONG" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_database_folder_is_a_problem_with_how_to_fix_it(tmp_path, api):
    result = check(tmp_path, api.base_url, BOT_DB_PATH=str(tmp_path / "no-such-folder" / "knowledge.json"))
    assert result.returncode == 1
    assert f"FAIL  database: the folder {tmp_path / 'no-such-folder'} does not exist." in result.stdout
    assert "mkdir -p" in result.stdout and "BOT_DB_PATH" in result.stdout
    assert not (tmp_path / "no-such-folder").exists()


@pytest.mark.parametrize("damage", ["not JSON", "cut short", "a byte changed"])
def test_a_damaged_database_is_reported_with_its_backup_and_left_as_it_is(tmp_path, api, damage):
    path = made_database(tmp_path)
    store = Store(path)
    store.backup(tmp_path / "data" / "backups", keep=3)  # a whole one, to be named
    store.close()
    raw = path.read_bytes()
    if damage == "not JSON":
        raw = b"this is not JSON at all\n"
    elif damage == "cut short":
        raw = raw[: len(raw) // 2]
    else:  # bit rot inside a table: same length, still JSON
        at = raw.index(b'"value":"') + len(b'"value":"')
        raw = raw[:at] + (b"X" if raw[at : at + 1] != b"X" else b"Y") + raw[at + 1 :]
    path.write_bytes(raw)
    result = check(tmp_path, api.base_url)
    assert result.returncode == 1
    assert f"FAIL  database: The database file {path}" in result.stdout
    assert "It was left exactly as it is" in result.stdout and "backups/knowledge-" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert path.read_bytes() == raw


def test_an_unreachable_bot_api_and_a_missing_token_are_problems(tmp_path):
    made_database(tmp_path)
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{free.getsockname()[1]}/bot"
    result = check(tmp_path, closed)
    assert result.returncode == 1
    assert "FAIL  Telegram: could not reach the Bot API at 127.0.0.1" in result.stdout
    result = check(tmp_path, closed, TELEGRAM_BOT_TOKEN="", BOT_ADMIN_IDS="")
    assert result.returncode == 1
    assert "FAIL  settings: TELEGRAM_BOT_TOKEN is not set." in result.stdout
    assert "note  settings: BOT_ADMIN_IDS is empty" in result.stdout and "/id" in result.stdout

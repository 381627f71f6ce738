"""The command line, run as a user runs it: ``python -m bot ...`` in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_bot(*args: str, stdin: str = "", tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    environ |= {"BOT_DB_PATH": str(tmp_path / "db.json"), **env}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environ,
        timeout=60,
    )


def test_ask_prints_the_answer(tmp_path):
    result = run_bot("ask", "How many people attended the Panama training?", tmp_path=tmp_path)
    assert result.returncode == 0
    assert "61" in result.stdout


def test_ask_json_reads_one_conversation_from_stdin(tmp_path):
    result = run_bot("ask", "--json", stdin="When was the Vienna side event?\nhow many came?\n", tmp_path=tmp_path)
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["intent"] for r in replies] == ["date", "participants"]
    assert replies[1]["event"] == "vienna-2017-side-event" and "70" in replies[1]["answer"]
    assert {"answer", "intent", "event", "confidence", "sources"} <= set(replies[0])
    assert replies[0]["sources"][0]["quote"]


def test_the_database_path_comes_from_the_environment(tmp_path):
    run_bot("ask", "hello", tmp_path=tmp_path)
    assert (tmp_path / "db.json").exists()


def test_run_without_a_token_explains_how_to_get_one(tmp_path):
    result = run_bot("run", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "@BotFather" in result.stderr and "python -m bot chat" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_token_and_no_command_starts_the_terminal_chat(tmp_path):
    result = run_bot(stdin="who funded the panama training?\nquit\n", tmp_path=tmp_path)
    assert result.returncode == 0
    assert "European Union" in result.stdout


def test_bad_admin_ids_are_a_clear_configuration_error(tmp_path):
    result = run_bot("ask", "hi", tmp_path=tmp_path, BOT_ADMIN_IDS="12, @alice")
    assert result.returncode == 2
    assert "BOT_ADMIN_IDS" in result.stderr and "Traceback" not in result.stderr

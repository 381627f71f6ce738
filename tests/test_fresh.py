"""The running bot reads a change another process made to the knowledge file (`handlers.fresh`), and only
those: its own changes refresh the engine with their write, and a damaged file is not read again and again."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, cast

import pytest
from telegram.ext import Application

import handlers.fresh as fresh
from bot.config import Settings
from bot.startup import open_knowledge
from handlers.changes import written
from handlers.context import DEPS, BotDeps, Context
from knowledge.facts import Fact, Source
from knowledge.store import Store

PANAMA = "event:panama-2021-osint-training"


def funder(n: int) -> Fact:
    return Fact(
        f"{PANAMA}/funders/x{n}", PANAMA, "funders", f"Government of Chile {n}", Source("admin", "test"), "admin"
    )


@pytest.fixture
async def bot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The application's shared objects over a database on disk, with one worker thread as the bot has."""
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=1))
    monkeypatch.setattr(fresh, "WATCH_EVERY", 0.005)
    store, engine = open_knowledge(tmp_path / "db.json")
    application = Application.builder().token("1:test").build()
    application.bot_data[DEPS] = BotDeps(Settings.from_env({"TELEGRAM_BOT_TOKEN": "1:test"}), store, engine)
    fresh.start_watching(application)
    yield application
    await fresh.stop_watching(application)
    store.close()


async def test_a_change_another_process_saves_is_answered_without_a_restart(bot: Application, tmp_path) -> None:
    other = Store(tmp_path / "db.json")
    other.save_fact(funder(1), "42")
    other.close()
    engine = bot.bot_data[DEPS].engine
    for _ in range(400):
        if "Chile 1" in engine.ask("who funded the Panama training?").text:
            break
        await asyncio.sleep(0.005)
    assert "Chile 1" in engine.ask("who funded the Panama training?").text


async def test_the_bots_own_changes_are_not_taken_for_another_process(bot: Application, caplog) -> None:
    bot_deps: BotDeps = bot.bot_data[DEPS]
    with caplog.at_level(logging.INFO, logger="handlers.fresh"):
        for n in range(20):
            await written(cast(Context, bot), lambda n=n: bot_deps.store.save_fact(funder(n), "42"))
            assert bot_deps.store.is_of(bot_deps.engine.version)  # answered from the change at once
            await asyncio.sleep(0.006)
    assert "another process" not in caplog.text
    assert "Chile 19" in bot_deps.engine.ask("who funded the Panama training?").text


async def test_a_damaged_file_is_read_once_until_it_changes_again(bot: Application, tmp_path, caplog) -> None:
    path, store = tmp_path / "db.json", bot.bot_data[DEPS].store
    reads: list[object] = []
    read_all = Store.versioned_facts

    def counted(self: Store) -> Any:
        reads.append(self)
        return read_all(self)

    with pytest.MonkeyPatch.context() as patch, caplog.at_level(logging.ERROR, logger="handlers.fresh"):
        patch.setattr(Store, "versioned_facts", counted)
        data = bytearray(path.read_bytes())
        data[len(data) // 3] ^= 0x01  # inside a table: it does not match its checksum
        (tmp_path / "damaged").write_bytes(bytes(data))
        (tmp_path / "damaged").replace(path)
        await asyncio.sleep(0.3)  # some sixty looks at the file
    assert len(reads) == 1
    assert caplog.text.count("Could not read the knowledge file") == 1
    original = Store(tmp_path / "whole.json")  # then a whole file is put in its place: read at once
    original.save_fact(funder(7), "42")
    original.close()
    (tmp_path / "whole.json").replace(path)
    for _ in range(400):
        if "Chile 7" in bot.bot_data[DEPS].engine.ask("who funded the Panama training?").text:
            break
        await asyncio.sleep(0.005)
    assert "Chile 7" in bot.bot_data[DEPS].engine.ask("who funded the Panama training?").text
    assert store.is_of(bot.bot_data[DEPS].engine.version)

"""Answers come from the knowledge file as it is now: a change another process made while the bot runs
(`python -m bot import`, which the docs offer for archives) is read within a second, not at the next start.

A task looks at the file every `WATCH_EVERY` seconds (a stat, on the worker thread like every store call) and
refreshes the engine when the file is not the version the engine's facts were read from. The bot's own changes
refresh the engine as they are saved (`handlers.changes.settle`), so they are never read twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram.ext import Application

from bot.engine import Engine
from bot.startup import keep_caches
from handlers.context import DEPS, BotDeps
from knowledge.store import Store

log = logging.getLogger(__name__)

WATCH_EVERY = 1.0  # seconds between two looks at the knowledge file
WATCH_TASK = "fresh_task"


def start_watching(application: Application) -> None:
    application.bot_data[WATCH_TASK] = asyncio.get_running_loop().create_task(_watch(application))


async def stop_watching(application: Application) -> None:
    task = application.bot_data.pop(WATCH_TASK, None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _watch(application: Application) -> None:
    while True:
        await asyncio.sleep(WATCH_EVERY)
        bot_deps: BotDeps = application.bot_data[DEPS]
        try:
            await asyncio.to_thread(refresh_if_changed, bot_deps.store, bot_deps.engine)
        except Exception:  # a file another process left damaged: answers go on from what was read; told
            log.exception("Could not read the knowledge file another process changed")


def refresh_if_changed(store: Store, engine: Engine) -> bool:
    """Refresh `engine` if the knowledge file is not the version its facts were read from (True when it did)."""
    if store.is_of(engine.version):
        return False
    log.info("The knowledge file was changed by another process: reading it again")
    facts, version = store.versioned_facts()
    engine.refresh(facts, version)
    keep_caches(store, engine)
    return True

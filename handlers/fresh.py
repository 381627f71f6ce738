"""Answers come from the knowledge file as it is now: a change another process made while the bot runs
(`python -m bot import`, which the docs offer for archives) is read within a second or two (the look, then
reading every fact again: 0.5 s at 10,000 events), not at the next start.

A task looks at the file every `WATCH_EVERY` seconds (a stat, on the worker thread like every store call) and
refreshes the engine when the file is not the version the engine's facts were read from. The bot's own changes
refresh the engine in the same job on the worker as their write (`handlers.changes.written`), so this task
never takes them for another process's. A file it could not read (damaged) is read again only once it changes.
"""

from __future__ import annotations

import asyncio
import logging

from telegram.ext import Application

from bot.engine import Engine
from handlers.context import DEPS, BotDeps, start_task, stop_task
from knowledge.store import Store

log = logging.getLogger(__name__)

WATCH_EVERY = 1.0  # seconds between two looks at the knowledge file
WATCH_TASK = "fresh_task"


def start_watching(application: Application) -> None:
    start_task(application, WATCH_TASK, _watch(application))


async def stop_watching(application: Application) -> None:
    await stop_task(application, WATCH_TASK)


async def _watch(application: Application) -> None:
    failed: object = None  # the stamp of a file that could not be read: not tried again until it changes
    while True:
        await asyncio.sleep(WATCH_EVERY)
        bot_deps: BotDeps = application.bot_data[DEPS]
        try:
            if await asyncio.to_thread(_changed_elsewhere, bot_deps.store, bot_deps.engine, failed):
                log.info("The knowledge file was changed by another process: read again")
                failed = None
        except Exception:  # answers go on from what was read; the operator is told, once per version of the file
            failed = await asyncio.to_thread(bot_deps.store.stamp)
            log.exception("Could not read the knowledge file another process changed")


def _changed_elsewhere(store: Store, engine: Engine, failed: object) -> bool:
    if failed is not None and store.stamp() == failed:
        return False
    return refresh_if_changed(store, engine)


def refresh_if_changed(store: Store, engine: Engine, *, unnamed: bool = False) -> bool:
    """Refresh `engine` if the knowledge file is not the version its facts were read from (True when it did);
    `unnamed`: also when the engine names no version of a file (a database in memory: no stat tells a change
    there). Blocking: run it on the worker."""
    if store.is_of(engine.version) and not (unnamed and not isinstance(engine.version, tuple)):
        return False
    facts, version = store.versioned_facts()
    engine.refresh(facts, version)
    return True

"""/export (the knowledge as JSON and a CSV of events, sent as documents) and backups: /backup now, and a copy
of the database file every day (BOT_BACKUP_EVERY_HOURS), keeping the newest BOT_BACKUP_KEEP."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import json
import logging
import time
from datetime import UTC, datetime
from typing import Any

from telegram import InputFile, Update
from telegram.ext import Application

from bot.engine import Engine
from bot.messages import say
from handlers.admin import admin_only
from handlers.context import Context, deps, reply_text, retrying, user_lang
from handlers.editing import describe
from knowledge.facts import EVENT_FIELDS, Fact

log = logging.getLogger(__name__)

CSV_FIELDS = [name for name in EVENT_FIELDS if name not in ("statements", "series", "objectives")]
BACKUP_TASK = "backup_task"


def export_json(facts: list[Fact]) -> bytes:
    by_subject: dict[str, list[dict[str, Any]]] = {}
    for fact in sorted(facts, key=lambda f: f.fid):
        by_subject.setdefault(fact.subject, []).append(fact.to_record())
    document = {"exported": datetime.now(UTC).isoformat(timespec="seconds"), "subjects": by_subject}
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def export_csv(engine: Engine) -> bytes:
    """One row per event, newest first; list fields joined with " | "."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", *CSV_FIELDS])
    for eid in engine.index.newest_first:
        event = engine.index.events[eid]
        writer.writerow([eid, *(" | ".join(describe(n, f.value) for f in event.many(n)) for n in CSV_FIELDS)])
    return out.getvalue().encode("utf-8-sig")  # with a BOM, so spreadsheet programs read the accents right


@admin_only
async def on_export(update: Update, context: Context) -> None:
    bot_deps, lang = deps(context), user_lang(update, context)
    message = update.effective_message
    assert message is not None
    facts = await asyncio.to_thread(bot_deps.store.facts)
    stamp = datetime.now(UTC).strftime("%Y%m%d")
    caption = say("export_caption", lang, facts=len(facts), events=len(bot_deps.engine.index.events))
    knowledge = InputFile(export_json(facts), filename=f"knowledge-{stamp}.json")
    events = InputFile(export_csv(bot_deps.engine), filename=f"events-{stamp}.csv")
    await retrying(lambda: message.reply_document(knowledge, caption=caption))
    await retrying(lambda: message.reply_document(events))


@admin_only
async def on_backup(update: Update, context: Context) -> None:
    bot_deps, lang = deps(context), user_lang(update, context)
    settings = bot_deps.settings
    path = await asyncio.to_thread(bot_deps.store.backup, settings.backups, settings.backup_keep)
    name = path.name if path else "-"
    await reply_text(update, say("backup_done", lang, name=name, keep=settings.backup_keep))


async def backup_loop(application: Application, check_every: float = 3600.0) -> None:
    """Back the database up when the newest backup is older than the configured period; check hourly."""
    bot_deps = deps(application)
    settings = bot_deps.settings
    while True:
        try:
            existing = bot_deps.store.backups(settings.backups)
            age = time.time() - existing[-1].stat().st_mtime if existing else float("inf")
            if age >= settings.backup_every_hours * 3600:
                path = await asyncio.to_thread(bot_deps.store.backup, settings.backups, settings.backup_keep)
                log.info("Backed up the database to %s", path)
        except OSError:
            log.exception("Backup failed; trying again later")
        await asyncio.sleep(check_every)


def start_backups(application: Application) -> None:
    application.bot_data[BACKUP_TASK] = asyncio.get_running_loop().create_task(backup_loop(application))


async def stop_backups(application: Application) -> None:
    task = application.bot_data.pop(BACKUP_TASK, None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

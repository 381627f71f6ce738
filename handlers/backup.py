"""/export (the knowledge as JSON and a CSV of events, sent as documents) and backups: /backup now, and a copy
of the database file every day (BOT_BACKUP_EVERY_HOURS), keeping the newest BOT_BACKUP_KEEP."""

from __future__ import annotations

import asyncio
import csv
import gzip
import io
import logging
import time
from datetime import UTC, datetime
from operator import attrgetter

import orjson
from telegram import InputFile, Update
from telegram.ext import Application

from bot.engine import Engine
from bot.messages import say
from handlers.admin import admin_only
from handlers.changes import describe
from handlers.context import Context, deps, reply_text, retrying, start_task, stop_task, user_lang
from knowledge.facts import EVENT_FIELDS, Fact
from knowledge.tablefile import DamagedFile

log = logging.getLogger(__name__)

CSV_FIELDS = [name for name in EVENT_FIELDS if name not in ("statements", "series", "objectives")]
BACKUP_TASK = "backup_task"
PLAIN_LIMIT = 10 * 1024 * 1024
FIRST_BACKUP_AFTER = 60.0  # seconds after start-up


def export_json(facts: list[Fact], plain_limit: int = PLAIN_LIMIT) -> tuple[bytes, bool]:
    """The knowledge as JSON, by subject, one fact a line; gzip-compressed (True) when it would be larger than
    `plain_limit`, since Telegram takes documents up to 50 MB (10,000 events make about 60 MB of JSON).

    Written a subject at a time: memory holds the output, never a parsed copy of every fact."""
    by_subject: dict[str, list[Fact]] = {}
    for fact in facts:
        by_subject.setdefault(fact.subject, []).append(fact)
    packed = io.BytesIO()
    plain: list[bytes] | None = []
    size = 0
    with gzip.GzipFile(fileobj=packed, mode="wb", mtime=0) as compressed:

        def emit(chunk: bytes) -> None:
            nonlocal plain, size
            compressed.write(chunk)
            size += len(chunk)
            if plain is not None:
                plain.append(chunk)
                if size > plain_limit:
                    plain = None

        exported = datetime.now(UTC).isoformat(timespec="seconds")
        emit(b'{"exported": ' + orjson.dumps(exported) + b', "subjects": {\n')
        for n, subject in enumerate(sorted(by_subject)):
            facts_of = sorted(by_subject[subject], key=attrgetter("fid"))
            lines = b",\n  ".join(orjson.dumps(fact.to_record()) for fact in facts_of)
            emit((b",\n" if n else b"") + orjson.dumps(subject) + b": [\n  " + lines + b"\n]")
        emit(b"\n}}\n")
    return (b"".join(plain), False) if plain is not None else (packed.getvalue(), True)


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
    document, compressed = await asyncio.to_thread(export_json, facts)
    knowledge = InputFile(document, filename=f"knowledge-{stamp}.json" + (".gz" if compressed else ""))
    events = InputFile(export_csv(bot_deps.engine), filename=f"events-{stamp}.csv")
    await retrying(lambda: message.reply_document(knowledge, caption=caption))
    await retrying(lambda: message.reply_document(events))


@admin_only
async def on_backup(update: Update, context: Context) -> None:
    bot_deps, lang = deps(context), user_lang(update, context)
    settings = bot_deps.settings
    try:
        path = await asyncio.to_thread(bot_deps.store.backup, settings.backups, settings.backup_keep)
    except (DamagedFile, OSError) as exc:
        log.error("Backup failed: %s", exc)
        failed = "damaged_read" if isinstance(exc, DamagedFile) else "backup_failed"
        await reply_text(update, say(failed, lang, error=getattr(exc, "strerror", "") or str(exc)))
        return
    name = path.name if path else "-"
    await reply_text(update, say("backup_done", lang, name=name, keep=settings.backup_keep))


async def backup_loop(application: Application, check_every: float = 3600.0) -> None:
    """Back the database up when the newest backup is older than the configured period; check hourly.

    The first check waits a minute: copying a large database is no work for the first seconds after a start,
    when the questions that queued up meanwhile are waiting for answers."""
    bot_deps = deps(application)
    settings = bot_deps.settings
    await asyncio.sleep(FIRST_BACKUP_AFTER)
    while True:
        try:
            existing = await asyncio.to_thread(bot_deps.store.backups, settings.backups)
            age = time.time() - existing[-1].stat().st_mtime if existing else float("inf")
            if age >= settings.backup_every_hours * 3600:
                path = await asyncio.to_thread(bot_deps.store.backup, settings.backups, settings.backup_keep)
                log.info("Backed up the database to %s", path)
        except (DamagedFile, OSError) as exc:  # the older backups are kept
            log.error("Backup failed; trying again later: %s", exc)
        await asyncio.sleep(check_every)


def start_backups(application: Application) -> None:
    start_task(application, BACKUP_TASK, backup_loop(application))


async def stop_backups(application: Application) -> None:
    await stop_task(application, BACKUP_TASK)

"""`python -m bot check`: is everything in place for the bot to run? Usable as a service's pre-start check.

It checks the settings, that the database can be opened the way the bot opens it (and holds what the bot
needs), that the backups folder can be written, and that the Bot API answers with this token. Each problem is
printed with how to fix it; the exit code is 0 only when there is none. Notes (no admins yet, a database not
made yet) are printed but are not problems. The token is never printed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

from bot.config import Settings
from bot.wording import plural
from knowledge.store import state_path

API_TIMEOUT = 15.0  # seconds for getMe


@dataclass(frozen=True)
class Finding:
    topic: str
    text: str
    fix: str = ""  # empty: all is well (or a note)
    problem: bool = False


def ok(topic: str, text: str) -> Finding:
    return Finding(topic, text)


def note(topic: str, text: str, fix: str) -> Finding:
    return Finding(topic, text, fix)


def problem(topic: str, text: str, fix: str) -> Finding:
    return Finding(topic, text, fix, problem=True)


def check_settings(settings: Settings) -> Iterator[Finding]:
    if not settings.token:
        yield problem(
            "settings",
            "TELEGRAM_BOT_TOKEN is not set.",
            "Create the bot with @BotFather (/newbot) and put the token it gives in TELEGRAM_BOT_TOKEN.",
        )
    admins = sorted(settings.admin_ids)
    if admins:
        yield ok("settings", f"admins: {', '.join(map(str, admins))}")
    else:
        yield note(
            "settings",
            "BOT_ADMIN_IDS is empty: nobody can use the admin commands.",
            "Send /id to the bot, put the number it answers in BOT_ADMIN_IDS and restart it.",
        )


def _missing(topic: str, folder: Path, setting: str) -> Finding:
    return problem(
        topic,
        f"the folder {folder} does not exist.",
        f"Create it (mkdir -p {folder}, owned by the user the bot runs as), or set {setting} to the one you mean.",
    )


def _unwritable(topic: str, folder: Path, setting: str) -> Finding | None:
    if os.access(folder, os.W_OK | os.X_OK):
        return None
    return problem(
        topic,
        f"the folder {folder} cannot be written by this user.",
        f"Give it to the user the bot runs as (chown -R USER {folder}), or set {setting} to a folder it can write.",
    )


def check_database(settings: Settings) -> Iterator[Finding]:
    path = settings.db_path
    folder = path.parent
    if not folder.is_dir():
        yield _missing("database", folder, "BOT_DB_PATH")
        return
    unwritable = _unwritable("database", folder, "BOT_DB_PATH")
    if unwritable:
        yield unwritable
        return
    if not path.exists():
        yield ok("database", f"{path} is not made yet: the bot makes it on its first start, with the bundled facts.")
        return
    from bot.startup import refusal, verify_database

    try:
        verify_database(path)  # both files whole, as `run` checks them before it connects
        summary = _open_as_the_bot_does(path)
    except Exception as exc:  # whatever the store refuses, said in plain words (never a traceback)
        refused = refusal(exc, settings)
        if refused is not None:  # what start-up would say: the file, what is wrong, the backup to restore
            yield problem("database", refused[1], "Follow the steps above (README, Back up and restore).")
            return
        yield problem(
            "database",
            f"{path} cannot be read as the bot's database ({type(exc).__name__}: {_first_line(exc)}).",
            "Stop the bot, move the damaged files aside (to keep them) and restore the newest backup (README, "
            "Back up and restore).",
        )
        return
    yield ok("database", f"{path}: {summary}")
    if not state_path(path).exists():
        yield note(
            "database",
            f"{state_path(path).name} is missing: subscriptions, chat languages and queued notifications start empty.",
            "If you restored a backup, copy its .state.json file back too; otherwise nothing needs doing.",
        )


def _open_as_the_bot_does(path: Path) -> str:
    from bot.startup import open_knowledge

    store, engine = open_knowledge(path)  # every fact read and indexed, as at start-up
    try:
        store.subscriptions()  # and the state file: subscriptions, the outbox
        store.pending()
        events, programmes, facts = len(engine.index.events), len(engine.index.programmes), len(store.facts())
        return ", ".join(
            plural(n, forms, "en")
            for n, forms in (
                (events, ("# event", "# events")),
                (programmes, ("# programme", "# programmes")),
                (facts, ("# fact", "# facts")),
            )
        )
    finally:
        store.close()


def check_backups(settings: Settings) -> Iterator[Finding]:
    folder = settings.backups
    if folder.is_dir():
        unwritable = _unwritable("backups", folder, "BOT_BACKUP_DIR")
        if unwritable:
            yield unwritable
            return
        copies = sorted(p for p in folder.glob(f"{settings.db_path.stem}-*.json") if ".state." not in p.name)
        if not copies:
            yield ok("backups", f"{folder}: no backup yet (the first is made a minute after the bot starts).")
            return
        newest = copies[-1]
        when = datetime.fromtimestamp(newest.stat().st_mtime, UTC).strftime("%Y-%m-%d %H:%M UTC")
        kept = plural(len(copies), ("# backup", "# backups"), "en")
        yield ok("backups", f"{folder}: {kept}, the newest {newest.name} of {when}")
        if not state_path(newest).exists():
            yield note(
                "backups",
                f"{newest.name} has no {state_path(newest).name} beside it.",
                "A backup is two files; copy both when you restore (the bot's /backup makes both).",
            )
        return
    parent = next((p for p in folder.parents if p.exists()), None)
    if parent is None or _unwritable("backups", parent, "BOT_BACKUP_DIR"):
        yield _missing("backups", folder, "BOT_BACKUP_DIR")
        return
    yield ok("backups", f"{folder} is not made yet: the first backup makes it.")


def check_telegram(settings: Settings) -> Iterator[Finding]:
    if not settings.token:
        yield note("Telegram", "not asked: there is no token.", "Set TELEGRAM_BOT_TOKEN (see above).")
        return
    import httpx  # python-telegram-bot's HTTP client

    host = urlparse(settings.api_base_url).netloc or settings.api_base_url
    try:
        response = httpx.get(f"{settings.api_base_url}{settings.token}/getMe", timeout=API_TIMEOUT)
    except httpx.HTTPError as exc:
        yield problem(
            "Telegram",
            f"could not reach the Bot API at {host} ({type(exc).__name__}).",
            "Check the network, the firewall and any proxy (HTTPS_PROXY); TELEGRAM_API_BASE_URL if you set it.",
        )
        return
    if response.status_code in (401, 404):  # Telegram answers 404 to a token that is not one at all
        yield problem(
            "Telegram",
            f"the Bot API at {host} rejected TELEGRAM_BOT_TOKEN ({response.status_code}).",
            "Copy the token again from @BotFather (/mybots, your bot, API Token); if you revoked it, use the new one.",
        )
        return
    try:
        me = response.json()["result"]
        username = me["username"]
    except (ValueError, KeyError, TypeError):
        yield problem(
            "Telegram",
            f"{host} did not answer as the Bot API does (HTTP {response.status_code}).",
            "Check TELEGRAM_API_BASE_URL (normally unset: https://api.telegram.org/bot).",
        )
        return
    privacy = (
        "off: in groups it sees every message"
        if me.get("can_read_all_group_messages")
        else "on: in groups it sees commands, replies to it and messages that mention it"
    )
    yield ok("Telegram", f"the Bot API answers as @{username}; privacy mode is {privacy}")


CHECKS: tuple[Callable[[Settings], Iterator[Finding]], ...] = (
    check_settings,
    check_database,
    check_backups,
    check_telegram,
)


def run_checks(settings: Settings, out: Callable[[str], None] = print) -> int:
    """Run every check, print what it found; 0 when nothing is wrong, 1 otherwise."""
    problems = 0
    for check in CHECKS:
        for finding in check(settings):
            mark = "FAIL" if finding.problem else "note" if finding.fix else "ok"
            text = finding.text.replace("\n", "\n      ")  # a message of several lines stays under its mark
            out(f"{mark:<5} {finding.topic}: {text}")
            if finding.fix:
                out(f"      {'Fix' if finding.problem else 'Hint'}: {finding.fix}")
            problems += finding.problem
    if problems:
        out(
            plural(problems, ("One problem: fix it", "# problems: fix them"), "en")
            + " and run `python -m bot check` again."
        )
        return 1
    out("All is well.")
    return 0


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or ["(no details)"])[0][:300]

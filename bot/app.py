"""The Telegram application: built from settings, the store and the engine; run by long polling or webhook.

`assemble` is the one place the python-telegram-bot `Application` is assembled, so the real bot, the
in-process handler tests (with a fake `BaseRequest`, through `build_application`) and the end-to-end tests all
run the same thing. `attach` gives it the store and the engine: `run` connects before they are loaded.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any
from urllib.parse import urlparse

# httpx imports these when it makes its first client (in `assemble`): imported here instead, before the knowledge
# starts loading beside the main thread, so that `assemble` can run beside the loading (see `_serve`).
import certifi  # noqa: F401
import httpcore  # noqa: F401
from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError
from telegram.ext import Application, Defaults
from telegram.request import BaseRequest

from bot.config import Settings
from bot.engine import Engine
from bot.logs import safe_url
from bot.startup import keep_caches, open_knowledge, refuse, take_database, tell, verify_database
from handlers import register
from handlers.backup import start_backups, stop_backups
from handlers.context import DEPS, BotDeps
from handlers.delivery import start_delivery, stop_delivery
from handlers.fresh import start_watching, stop_watching
from handlers.menu import set_menus
from knowledge.locks import DatabaseInUse
from knowledge.store import Store
from knowledge.tablefile import DamagedFile

# Opt in now to python-telegram-bot's coming behaviour (time periods as timedelta): no deprecation warnings,
# and `handlers.context.retry_seconds` reads both forms.
os.environ.setdefault("PTB_TIMEDELTA", "true")

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
BOOTSTRAP_RETRIES = 5  # a few network errors while starting are retried (a rejected token is not)


def build_application(
    settings: Settings, store: Store, engine: Engine, *, request: BaseRequest | None = None
) -> Application:
    application = assemble(settings, request=request)
    attach(application, settings, store, engine)
    return application


def assemble(settings: Settings, *, request: BaseRequest | None = None) -> Application:
    """The application with its handlers, not yet given the knowledge (`attach`): enough to connect."""
    builder = (
        Application.builder()
        .token(settings.token)
        .base_url(settings.api_base_url)
        .base_file_url(file_url(settings.api_base_url))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                allow_sending_without_reply=True,
            )
        )
        .concurrent_updates(True)
        .post_init(on_startup)
        .post_shutdown(on_shutdown)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application = builder.build()
    register(application)
    return application


def attach(application: Application, settings: Settings, store: Store, engine: Engine) -> None:
    """Give the handlers what they share: before the first update, since they all need it."""
    application.bot_data[DEPS] = BotDeps(settings, store, engine)


def file_url(api_base_url: str) -> str:
    """Telegram serves files beside its methods: https://host/bot -> https://host/file/bot."""
    base = api_base_url.rstrip("/")
    return base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file/bot"


async def on_startup(application: Application) -> None:
    start_backups(application)
    start_delivery(application)
    start_watching(application)
    log.info("Connected to Telegram as @%s", application.bot.username)


async def on_shutdown(application: Application) -> None:
    await stop_watching(application)
    await stop_delivery(application)
    await stop_backups(application)


async def _connect(application: Application, settings: Settings) -> None:
    """Connect (getMe), trying again a few times when the network fails (a rejected token fails at once), and
    publish the command menus."""
    for attempt in range(1, BOOTSTRAP_RETRIES + 1):
        try:
            await application.initialize()
            break
        except InvalidToken:
            raise
        except NetworkError:
            if attempt == BOOTSTRAP_RETRIES:
                raise
            log.warning("Could not connect to the Bot API (attempt %d); trying again", attempt)
            await asyncio.sleep(attempt)
    await set_menus(application.bot, settings.admin_ids)


class Unusable(Exception):
    """The database cannot be used (`DamagedFile`, `OSError`): the bot does not start."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


async def _start(
    application: Application, settings: Settings, loading: Future[tuple[Store, Engine]], checking: Future[None]
) -> tuple[Store, Engine]:
    """Connect while the knowledge loads and the database files are checked; the first to fail stops the
    start (a damaged file is told at once, not after connecting)."""
    connecting = asyncio.ensure_future(_connect(application, settings))
    database = asyncio.gather(asyncio.wrap_future(loading), asyncio.wrap_future(checking))
    both: list[asyncio.Future[Any]] = [connecting, database]
    await asyncio.wait(both, return_when=asyncio.FIRST_EXCEPTION)
    try:
        if not database.done() or database.exception() is None:
            await connecting
        (store, engine), _ = await database
    except (DamagedFile, OSError) as exc:
        raise Unusable(exc) from exc
    finally:
        connecting.cancel()
    return store, engine


def run(settings: Settings, webhook_url: str | None = None, listen: str = "127.0.0.1", port: int = 8443) -> int:
    """Run until stopped (Ctrl-C, SIGTERM). Returns the process exit code (see `bot.startup` for 5 to 7)."""
    if webhook_url and not settings.webhook_secret:
        print("Webhook mode needs TELEGRAM_WEBHOOK_SECRET, so that requests without it are refused.", file=sys.stderr)
        return 2
    try:
        holding = take_database(settings.db_path)  # one bot process per database, in folders it can write to
    except (DatabaseInUse, OSError) as exc:
        return refuse(exc, settings)
    try:
        return _serve(settings, webhook_url, listen, port)
    finally:
        holding.release()


def _close(store: Store, engine: Engine) -> None:
    """Keep the caches for the next start, then close the store (whatever keeping them met)."""
    try:
        keep_caches(store, engine)
    finally:
        store.close()


def _serve(settings: Settings, webhook_url: str | None, listen: str, port: int) -> int:
    host = safe_url(settings.api_base_url)
    # The knowledge is read on the worker thread while this one connects and publishes the menus: making the
    # HTTPS clients (loading CA certificates) and the round trips to Telegram wait on other things than Python,
    # so the two overlap, and the first question waits for the longer of them rather than for both. A third
    # thread checks both database files whole against their own CRC meanwhile (`verify_database`: a megabyte at
    # a time, in C without holding the GIL), so that a damaged table start-up does not read refuses the start.
    # The same one worker thread then does all the blocking work (`asyncio.to_thread`: the store, refreshing
    # the index), in order. One thread allocates from one malloc arena, so each index built after an admin
    # change reuses the memory of the one before (spread over a pool's threads, peak memory grew by 40 MB over
    # 15 changes at 10,000 events), and two changes never build two indexes at once.
    with (
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="worker") as worker,
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="check") as checker,
    ):
        # Every module is imported before the loading starts: imported beside it, each would wait its turn for
        # the interpreter behind the facts being read, and take five times as long. Making the application then
        # overlaps the loading: its two HTTPS clients load their CA certificates (0.07 s) outside the GIL.
        loading = worker.submit(open_knowledge, settings.db_path)
        checking = checker.submit(verify_database, settings.db_path)
        try:
            application = assemble(settings)
            # Connect first, to tell a rejected token or an unreachable server clearly (PTB would log a
            # traceback); run_polling / run_webhook then use this loop and this already initialised application.
            asyncio.set_event_loop(loop := asyncio.new_event_loop())
            loop.set_default_executor(worker)
            store, engine = loop.run_until_complete(_start(application, settings, loading, checking))
            attach(application, settings, store, engine)
            worker.submit(keep_caches, store, engine)  # if start-up could not use them, the next one will
            if webhook_url:
                application.run_webhook(
                    listen=listen,
                    port=port,
                    url_path=urlparse(webhook_url).path.lstrip("/"),
                    webhook_url=webhook_url,
                    secret_token=settings.webhook_secret,
                    allowed_updates=ALLOWED_UPDATES,
                    bootstrap_retries=BOOTSTRAP_RETRIES,
                )
            else:
                application.run_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=BOOTSTRAP_RETRIES)
        except Unusable as exc:
            return refuse(exc.error, settings)
        except InvalidToken:
            tell(
                f"The Bot API at {host} rejected TELEGRAM_BOT_TOKEN (401 Unauthorized).\n"
                "Check the token with @BotFather (/mybots -> API Token) and set it again.",
                settings,
            )
            return 3
        except NetworkError as exc:
            tell(f"Could not reach the Bot API at {host}: {type(exc).__name__}. Is the network up?", settings)
            return 4
        finally:
            if loading.exception() is None:  # (waits for the knowledge when connecting failed first)
                worker.shutdown(wait=True)  # after any job still running there (a refresh the watcher started)
                _close(*loading.result())
    return 0

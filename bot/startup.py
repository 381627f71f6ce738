"""What every command starts with: the store and the engine over its facts; and, when the database cannot be
used, what the operator is told and with which exit code.

Exit codes (`run`, `ask`, `chat`; 2, 3 and 4 are the configuration's and Telegram's, see `bot.app`):

- 5: a database file is damaged or not one the bot writes (cut short, emptied, changed in place, another
  shape). It is left exactly as it is; the message names it, says what is wrong, and how to put the newest
  backup that is whole in its place.
- 6: another bot process runs on this database (`knowledge.locks`); the message names it.
- 7: the database cannot be read or written (permissions, a read-only folder, a full disk, an I/O error).
"""

from __future__ import annotations

import contextlib
import errno
import gc
import logging
import os
import shlex
import sys
import tempfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from bot.config import Settings
from bot.engine import Engine
from bot.logs import redact
from knowledge.facts import bulk
from knowledge.files import source_digest
from knowledge.indexcache import IndexCache, index_path
from knowledge.locks import DatabaseInUse, Holding, hold
from knowledge.store import Store, backups_of, state_path
from knowledge.tablefile import DamagedFile, verify_file

log = logging.getLogger(__name__)

EXIT_DAMAGED = 5
EXIT_IN_USE = 6
EXIT_STORAGE = 7
READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)
ROOT = Path(__file__).resolve().parents[1]
# The code an index is built with: every module of ours building one loads, the country names it reads, and
# the code that reads the facts from the knowledge file.
INDEX_CODE = (
    "bot/__init__.py",
    "bot/engine/*.py",
    "bot/countries.json",
    "bot/geo.py",
    "bot/messages.py",
    "bot/vocab.py",
    "bot/wording.py",
    "knowledge/*.py",
)


def open_knowledge(db_path: str | os.PathLike[str] | None, *, read_only: bool = False) -> tuple[Store, Engine]:
    """Open the store at `db_path` and index every fact it holds.

    `read_only` (``ask``, ``chat``): a database the process may not write to is answered from as it is; only
    creating one, on first use, needs to write.

    Everything made here lives until the process ends or an admin change replaces it, and then reference
    counting frees it (the index holds no cycles: tested). So the garbage collector is kept from walking those
    million objects: not while they are made, and never after (`gc.freeze`), which at 10,000 events saves a
    tenth of a second of start-up and keeps later collections short.
    """
    with bulk():
        store = _open_store(db_path, read_only)
        facts, version = store.versioned_facts()
        saved, code = _saved_index(store), index_code()
        kept = saved.load(version, code) if saved is not None and version is not None and code else None
        engine = Engine(facts, kept, version)
        gc.freeze()
    return store, engine


def keep_caches(store: Store, engine: Engine) -> None:
    """Keep what start-up would otherwise make again: the facts (`Store.keep_cache`) and the engine's index
    (`knowledge.indexcache`), each only when the one kept is not of the current version already. Called after
    an admin change once the admin has the answer, at start-up, and when the bot stops."""
    store.keep_cache()
    saved, version, code = _saved_index(store), engine.version, index_code()
    if saved is not None and isinstance(version, tuple) and code and not saved.holds(version, code):
        kept, version = engine.kept()
        if isinstance(version, tuple):
            saved.save(kept, version, code)


def _saved_index(store: Store) -> IndexCache | None:
    return IndexCache(index_path(store.path)) if store.path is not None else None


@cache
def index_code() -> str:
    """A digest of the source of the code the index is built by (the engine, and the words and names it reads):
    a saved index is used only by the code that saved it. Read once per process (1 ms); "" when a file cannot
    be read, and then no index is restored or saved."""
    try:
        return source_digest(ROOT, INDEX_CODE)
    except OSError as exc:
        log.warning("The saved index is not used: %s", exc)
        return ""


def _open_store(db_path: str | os.PathLike[str] | None, read_only: bool) -> Store:
    if not read_only or db_path is None or not Path(db_path).exists():
        return Store(db_path)
    store = Store(db_path, load_bundled=False)
    try:
        store.load_bundled()  # writes only when the bundled knowledge changed since (an upgrade)
    except OSError as exc:
        if exc.errno not in READ_ONLY:
            raise
        log.warning("%s cannot be written (%s): answering from it as it is", db_path, exc.strerror)
    return store


def take_database(db_path: Path) -> Holding:
    """Hold the database for this bot process (`DatabaseInUse` when another does) and check that its folders
    can be written to (`OSError` otherwise): a running bot keeps its state and deliveries there."""
    holding = hold(db_path)
    try:
        for folder in _folders(db_path):
            fd, probe = tempfile.mkstemp(prefix=".write-check.", dir=folder)
            os.close(fd)
            os.unlink(probe)
    except BaseException:
        holding.release()
        raise
    return holding


def _folders(db_path: Path) -> list[Path]:
    files = (db_path, state_path(db_path))
    return list(dict.fromkeys([db_path.parent, *(Path(os.path.realpath(f)).parent for f in files)]))


def verify_database(db_path: Path) -> None:
    """Check both files of the database whole against their own CRC (`DamagedFile` otherwise, naming the table
    that does not match when one does)."""
    for path in (db_path, state_path(db_path)):
        verify_file(path)


def refuse(exc: Exception, settings: Settings) -> int:
    """Tell the operator why the database cannot be used and return the exit code (an error that is not one of
    those is raised again)."""
    refused = refusal(exc, settings)
    if refused is None:
        raise exc
    tell(refused[1], settings)
    return refused[0]


def tell(message: str, settings: Settings) -> None:
    """Print a message for the operator, without any secret in it."""
    print(redact(message, settings.secrets), file=sys.stderr)


def refusal(exc: BaseException, settings: Settings) -> tuple[int, str] | None:
    """The exit code and the operator's message for an error that keeps the database from being used (None
    for any other error)."""
    if isinstance(exc, DamagedFile):
        return EXIT_DAMAGED, _damaged(exc, settings)
    if isinstance(exc, DatabaseInUse):
        return EXIT_IN_USE, (
            f"Another bot process is running on the database {exc.path} ({exc.holder or 'see its .pid file'}), "
            f"so this one does not start (exit code {EXIT_IN_USE}): two would both send the queued "
            "notifications.\nStop that one first, or give this one its own BOT_DB_PATH. `python -m bot ask` "
            "and `python -m bot chat` work beside it."
        )
    if isinstance(exc, OSError):
        return EXIT_STORAGE, _unusable(exc, settings)
    return None


def _damaged(exc: DamagedFile, settings: Settings) -> str:
    path = exc.path
    lines = [
        f"The database file {path} {exc.problem}.",
        f"It is damaged, or not a file this bot wrote. It was left exactly as it is (exit code {EXIT_DAMAGED}).",
    ]
    backup = newest_whole_backup(path, settings)
    q = shlex.quote
    if backup is not None:
        when = datetime.fromtimestamp(backup.stat().st_mtime, UTC).strftime("%Y-%m-%d %H:%M UTC")
        lines += [
            f"The newest backup of it that is whole is {backup} ({when}).",
            "To restore it, stop every bot process on this database, then:",
            f"    mv {q(str(path))} {q(str(path) + '.damaged')}",
            f"    cp {q(str(backup))} {q(str(path))}",
            "What changed after that backup is lost; the damaged file stays beside it, renamed.",
        ]
    else:
        what = "the bundled knowledge, without any admin's change" if path == settings.db_path else "no state"
        lines += [
            f"No backup of it in {settings.backups} is whole. If you have a copy of it elsewhere, put it in its place.",
            f"To start afresh instead ({what}), move it away:",
            f"    mv {q(str(path))} {q(str(path) + '.damaged')}",
        ]
    return "\n".join(lines)


def newest_whole_backup(damaged: Path, settings: Settings) -> Path | None:
    """The newest backup of the file `damaged` (the knowledge file or the state file) that verifies."""
    for backup in reversed(backups_of(settings.db_path, settings.backups)):
        copy = backup if damaged != state_path(settings.db_path) else state_path(backup)
        with contextlib.suppress(DamagedFile, OSError):
            if copy.exists():
                verify_file(copy)
                return copy
    return None


def _unusable(exc: OSError, settings: Settings) -> str:
    where = Path(exc.filename) if exc.filename else settings.db_path
    reason = exc.strerror or str(exc)
    text = f"Could not use the database at {where}: {reason} (exit code {EXIT_STORAGE})."
    if exc.errno in READ_ONLY:
        text += (
            f"\nThe bot keeps its state, its deliveries and the admins' changes beside {settings.db_path.name}, "
            f"so `python -m bot run` needs to write in {where.parent if where.suffix else where}. Make it "
            "writable for this user, or set BOT_DB_PATH to a file in a folder that is."
        )
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
        text += f"\nThe disk holding {settings.db_path.parent} is full: free some space, then start again."
    elif exc.errno == errno.EIO:
        text += "\nThe disk reports an input/output error: check it before trusting its files."
    return text

"""What every command starts with: the store, and the engine over its facts."""

from __future__ import annotations

import gc
import os

from bot.engine import Engine
from knowledge.facts import bulk
from knowledge.store import Store


def open_knowledge(db_path: str | os.PathLike[str] | None) -> tuple[Store, Engine]:
    """Open the store at `db_path` and index every fact it holds.

    Everything made here lives until the process ends or an admin change replaces it, and then reference
    counting frees it (the index holds no cycles: tested). So the garbage collector is kept from walking those
    million objects: not while they are made, and never after (`gc.freeze`), which at 10,000 events saves a
    tenth of a second of start-up and keeps later collections short.
    """
    with bulk():
        store = Store(db_path)
        engine = Engine(store.facts())
        gc.freeze()
    return store, engine

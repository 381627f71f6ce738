"""``python -m tests.held_knowledge run``: the bot, with its knowledge held back until the file named by
``HELD_KNOWLEDGE_UNTIL`` exists, to see what start-up does while the knowledge loads."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import bot.app
from bot.cli import main

_open_knowledge = bot.app.open_knowledge


def held_open_knowledge(*args: Any) -> Any:
    release = Path(os.environ["HELD_KNOWLEDGE_UNTIL"])
    while not release.exists():
        time.sleep(0.02)
    return _open_knowledge(*args)


if __name__ == "__main__":
    bot.app.open_knowledge = held_open_knowledge
    sys.exit(main())

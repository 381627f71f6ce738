"""An append-only journal of finished deliveries: one JSON line per message, fsynced before the next send.

Marking a delivery done must be durable at once (so a restart does not send it again) and cheap (Telegram
allows 30 messages a second), so it is not a rewrite of the database: it is one appended line. A line cut short
by a crash is ignored: that message was in flight, and is sent again (at most that one).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from pathlib import Path
from typing import Any


class Journal:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._memory: dict[str, dict[str, Any]] = {}

    def record(self, key: str, **entry: Any) -> None:
        """Append `entry` for `key` and make it durable before returning."""
        line = json.dumps({"key": key, **entry}, ensure_ascii=False, separators=(",", ":")) + "\n"
        with self._lock:
            if self.path is None:
                self._memory[key] = {"key": key, **entry}
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line.encode())
                os.fsync(fd)
            finally:
                os.close(fd)

    def entries(self) -> dict[str, dict[str, Any]]:
        """Every complete entry, by key (the last one wins)."""
        with self._lock:
            if self.path is None:
                return dict(self._memory)
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                return {}
        found: dict[str, dict[str, Any]] = {}
        for line in raw.split(b"\n"):
            with contextlib.suppress(ValueError):
                entry = json.loads(line)
                if isinstance(entry, dict) and "key" in entry:
                    found[str(entry["key"])] = entry
        return found

    def clear(self) -> None:
        with self._lock:
            self._memory.clear()
            if self.path is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.truncate(self.path, 0)

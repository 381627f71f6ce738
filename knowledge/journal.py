"""An append-only journal of finished deliveries: one JSON line per message, fsynced before the next send.

Marking a delivery done must be durable at once (so a restart does not send it again) and cheap (Telegram
allows 30 messages a second), so it is not a rewrite of the database: it is one appended line.

Only whole lines count. A line cut short (by a crash, or by a disk that filled up or failed in the middle of
the write) is never read as a record, and is cut off before the next line is appended, so two records never
merge into one unreadable line: a write that fails takes its partial line back at once, and one left by a
crash is cut at the next record. A line that could not be written raises `OSError`, and the caller does not
go on as if it were recorded (see `handlers.delivery`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class Journal:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._memory: dict[str, dict[str, Any]] = {}

    def record(self, key: str, **entry: Any) -> None:
        """Append `entry` for `key` and make it durable before returning (`OSError` when it could not be:
        then nothing of it is left in the journal, or what is left is cut off before the next record)."""
        line = (json.dumps({"key": key, **entry}, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        with self._lock:
            if self.path is None:
                self._memory[key] = {"key": key, **entry}
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                whole = self._whole_lines(fd)
                try:
                    written = 0
                    while written < len(line):
                        written += os.write(fd, line[written:])
                    os.fsync(fd)
                except OSError:
                    with contextlib.suppress(OSError):  # if this fails too, the next record cuts it
                        os.ftruncate(fd, whole)
                    raise
            finally:
                os.close(fd)

    def _whole_lines(self, fd: int) -> int:
        """The length of the journal up to its last whole line, cutting off a line cut short after it."""
        size = os.fstat(fd).st_size
        if size == 0 or os.pread(fd, 1, size - 1) == b"\n":
            return size
        whole, at = 0, size
        while at > 0 and not whole:
            start = max(0, at - (1 << 16))
            newline = os.pread(fd, at - start, start).rfind(b"\n")
            whole, at = (start + newline + 1 if newline >= 0 else 0), start
        os.ftruncate(fd, whole)
        log.warning("Cut off a line cut short at the end of %s (%d bytes)", self.path, size - whole)
        return whole

    def entries(self) -> dict[str, dict[str, Any]]:
        """Every whole entry, by key (the last one wins)."""
        with self._lock:
            if self.path is None:
                return dict(self._memory)
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                return {}
        found: dict[str, dict[str, Any]] = {}
        for line in raw.split(b"\n")[:-1]:  # what follows the last newline is not a whole line
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

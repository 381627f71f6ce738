"""The store: the knowledge and the bot's state, two TinyDB files, written atomically, one writer at a time.

This package is the only code that touches TinyDB. `Store` is what the rest of the bot uses; it is made of
one module per job:

- `knowledge.tablefile`: the file format and its integrity (one table per line, a table of contents with a CRC
  per table and one for the whole file; `DamagedFile`), and `knowledge.storage`, the TinyDB storage over it
  (tables parsed when used, atomic writes that copy and check);
- `knowledge.database`: the two files and the one way to change them (`_mutation`: the writer lock of
  `knowledge.locks`, one atomic write per file per change);
- `knowledge.audit`: the facts and their audit (admin changes, /undo, /history, the bundled knowledge);
- `knowledge.state`: feedback, chat languages, subscriptions, the outbox;
- `knowledge.migrate`: databases kept in an earlier layout.

See docs/storage.md.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from knowledge.audit import AuditedFacts, ChangedMeanwhile, UndoConflict, subject_of
from knowledge.database import state_path
from knowledge.files import atomic_write, copy_chunks
from knowledge.migrate import migrate
from knowledge.state import BotState
from knowledge.tablefile import DamagedFile, verify_file

log = logging.getLogger(__name__)

__all__ = ["ChangedMeanwhile", "Store", "UndoConflict", "backups_of", "state_path", "subject_of"]


class Store(AuditedFacts, BotState):
    """The knowledge (facts, their audit, admin changes) and the bot's state, each in one TinyDB file.

    ``path=None`` keeps everything in memory (tests, benchmarks); otherwise the files are created on first use
    and the bundled knowledge is loaded into them.
    """

    def __init__(self, path: str | os.PathLike[str] | None, *, load_bundled: bool = True) -> None:
        first_use = path is not None and not Path(path).exists()
        super().__init__(path)
        migrate(self)
        if load_bundled:
            added = self.load_bundled()
            if first_use:
                log.info("Created %s with the bundled knowledge (%d facts)", path, added)

    def backup(self, folder: Path, keep: int) -> Path | None:
        """Copy both database files into `folder` (atomically, under the writer lock), keeping the newest `keep`.

        Returns the knowledge file's copy (None for a store in memory); the state's copy is beside it. A copy
        that is not whole (the file was damaged) is removed and `DamagedFile` raised: older backups are kept."""
        if self.path is None:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{self.path.stem}-{stamp}.json"
        copies = [(self.path, target), (state_path(self.path), state_path(target))]
        with self._lock, self._file_lock():
            for source, copy in copies:
                if source.exists():
                    atomic_write(copy, copy_chunks(source))
        try:
            for _, copy in copies:
                verify_file(copy)  # a damaged copy is no backup: it must not push a whole one out
        except DamagedFile:
            for _, copy in copies:
                copy.unlink(missing_ok=True)
            raise
        for old in self.backups(folder)[:-keep] if keep > 0 else []:
            old.unlink(missing_ok=True)
            state_path(old).unlink(missing_ok=True)
        return target

    def backups(self, folder: Path) -> list[Path]:
        """This database's backups in `folder` (the knowledge files), oldest first."""
        return [] if self.path is None else backups_of(self.path, folder)


def backups_of(path: Path, folder: Path) -> list[Path]:
    """The backups of the database `path` in `folder` (the knowledge files; each one's state file is beside it,
    `state_path`), oldest first."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{path.stem}-*.json") if not p.name.endswith(".state.json"))

"""Running `python -m bot ...` (or another module) as its own process against a fake Bot API."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.fake_telegram import TOKEN

ROOT = Path(__file__).resolve().parents[1]
ADMIN = 4242


class BotProcess:
    """`python -m bot ...` in its own process, its output kept in a file."""

    def __init__(self, tmp: Path, base_url: str, *args: str, module: str = "bot", **env: str) -> None:
        self.log = tmp / "bot.log"
        environ = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
        environ |= {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": base_url,
            "BOT_DB_PATH": str(tmp / "db.json"),
            "BOT_ADMIN_IDS": str(ADMIN),
            **env,
        }
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", module, *(args or ("run",))], cwd=ROOT, env=environ, stdout=out, stderr=out
            )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self, timeout: float = 30) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout)

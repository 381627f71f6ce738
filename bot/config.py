"""Settings, read once from environment variables (all documented in README)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from bot.logs import url_secrets

DEFAULT_DB_PATH = Path(__file__).resolve().parent.parent / "data" / "knowledge.json"
TELEGRAM_API = "https://api.telegram.org/bot"


class ConfigError(ValueError):
    """A setting has a value the bot cannot use; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    token: str = ""
    admin_ids: frozenset[int] = field(default_factory=frozenset)
    db_path: Path = DEFAULT_DB_PATH
    api_base_url: str = TELEGRAM_API
    webhook_secret: str = ""
    log_level: str = "INFO"
    backup_dir: Path | None = None  # default: a "backups" folder beside the database
    backup_keep: int = 14
    backup_every_hours: float = 24.0
    delivery_per_second: float = 30.0  # Telegram: about 30 messages a second overall
    delivery_chat_interval: float = 1.0  # at most one message a second to one chat
    delivery_group_per_minute: int = 20  # at most 20 messages a minute to one group

    @property
    def backups(self) -> Path:
        return self.backup_dir or self.db_path.parent / "backups"

    @property
    def secrets(self) -> tuple[str, ...]:
        """What must never be printed or logged: the token, the webhook secret, credentials in the API's URL."""
        return (self.token, self.webhook_secret, *url_secrets(self.api_base_url))

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        return cls(
            token=env.get("TELEGRAM_BOT_TOKEN", "").strip(),
            admin_ids=parse_admin_ids(env.get("BOT_ADMIN_IDS", "")),
            db_path=Path(env.get("BOT_DB_PATH") or DEFAULT_DB_PATH),
            api_base_url=(env.get("TELEGRAM_API_BASE_URL") or TELEGRAM_API).strip(),
            webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET", "").strip(),
            log_level=parse_log_level(env.get("BOT_LOG_LEVEL", "INFO")),
            backup_dir=Path(env["BOT_BACKUP_DIR"]) if env.get("BOT_BACKUP_DIR") else None,
            backup_keep=parse_positive(env, "BOT_BACKUP_KEEP", 14),
            backup_every_hours=parse_positive(env, "BOT_BACKUP_EVERY_HOURS", 24),
            delivery_per_second=parse_positive(env, "BOT_DELIVERY_PER_SECOND", 30),
            delivery_chat_interval=1.0 / parse_positive(env, "BOT_DELIVERY_PER_CHAT_PER_SECOND", 1),
            delivery_group_per_minute=parse_positive(env, "BOT_DELIVERY_GROUP_PER_MINUTE", 20),
        )


def parse_admin_ids(raw: str) -> frozenset[int]:
    """'123, 456' -> {123, 456}; anything that is not a numeric id is an error, not silently dropped."""
    ids = set()
    for part in raw.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.lstrip("-").isdigit():
            raise ConfigError(f"BOT_ADMIN_IDS must be numeric Telegram user ids, got {part!r}")
        ids.add(int(part))
    return frozenset(ids)


def parse_log_level(raw: str) -> str:
    level = (raw or "INFO").strip().upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise ConfigError(f"BOT_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {raw!r}")
    return level


def parse_positive(env: dict[str, str], name: str, default: float) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return int(default)
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"{name} must be a whole number of at least 1, got {raw!r}")
    return int(raw)

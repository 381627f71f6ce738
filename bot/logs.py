"""Logging set-up. Secrets (the bot token, the webhook secret, credentials in a URL) never reach a log line, at
any level, nor a message printed to the operator (`redact`)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlsplit

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REDACTED = "[REDACTED]"


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then blanks out every secret, in the message and in tracebacks alike."""

    def __init__(self, fmt: str, secrets: Iterable[str]) -> None:
        super().__init__(fmt)
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.secrets)


def url_secrets(url: str) -> list[str]:
    """What in a URL is secret: its user and password ("user:pass@host", and each alone), and the values of
    its query."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:  # not a URL that parses: nothing to pick out of it (the whole of it is not printed)
        return []
    found = [parts.username or "", password or "", *(value for _, value in parse_qsl(parts.query))]
    pair = [f"{parts.username}:{password}"] if password else []
    return pair + [secret for secret in found if len(secret) >= 4]  # shorter ones would blank out common words


def safe_url(url: str) -> str:
    """The URL without its user, password and query ("https://user:pass@host/bot?k=v" -> "https://host/bot")."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "(a URL that does not parse)"
    return f"{parts.scheme}://{host}{port}{parts.path}" if parts.scheme else host + parts.path


def redact(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


def setup_logging(level: str = "INFO", secrets: Iterable[str] = ()) -> None:
    """Log to stderr through the redacting formatter. httpx logs every request URL (which holds the token) at
    INFO, so it is kept to warnings; the formatter still redacts whatever it or anything else writes."""
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(FORMAT, secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper() if isinstance(level, str) else level)
    if root.level > logging.DEBUG:
        logging.getLogger("httpx").setLevel(logging.WARNING)

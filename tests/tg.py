"""Running the real Application in-process against the fake Telegram (``Application.process_update``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.config import Settings
from bot.engine import Engine
from handlers.menu import set_menus
from knowledge.facts import Fact
from knowledge.store import Store
from tests.fake_telegram import TOKEN, FakeRequest, FakeTelegram

ADMIN = 4242
GROUP = -100777


class Harness:
    """A bot wired to a fake Telegram; `send` and `press` run an update through it and return what it sent."""

    def __init__(self, tmp_path: Path, facts: list[Fact] | None = None, admins: frozenset[int] = frozenset({ADMIN})):
        self.fake = FakeTelegram()
        self.settings = Settings(token=TOKEN, admin_ids=admins, db_path=tmp_path / "db.json")
        self.store = Store(self.settings.db_path, load_bundled=facts is None)
        self.engine = Engine(facts if facts is not None else self.store.facts())
        self.app: Application = build_application(  # type: ignore[type-arg]
            self.settings, self.store, self.engine, request=FakeRequest(self.fake)
        )

    async def start(self) -> Harness:
        await self.app.initialize()
        await set_menus(self.app.bot, self.settings.admin_ids)
        assert self.app.post_init is not None
        await self.app.post_init(self.app)
        return self

    async def stop(self) -> None:
        await self.app.shutdown()
        if self.app.post_shutdown is not None:
            await self.app.post_shutdown(self.app)
        self.store.close()

    async def run(self, update: dict[str, Any]) -> list[dict[str, Any]]:
        before = len(self.fake.sent)
        await self.app.process_update(Update.de_json(update, self.app.bot))
        return self.fake.sent[before:]

    async def send(self, text: str, **kwargs: Any) -> list[dict[str, Any]]:
        return await self.run(self.fake.says(text, queue=False, **kwargs))

    async def press(self, message: dict[str, Any], data: str, **kwargs: Any) -> list[dict[str, Any]]:
        return await self.run(self.fake.press(message, data, queue=False, **kwargs))


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """Button label -> callback data, for the keyboard under `message` (as it is now)."""
    markup = message.get("reply_markup") or {}
    return {b["text"]: b.get("callback_data", "") for row in markup.get("inline_keyboard", []) for b in row}

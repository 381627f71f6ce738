"""Store calls made from handlers run off the event loop: a slow disk never holds up every other chat."""

from __future__ import annotations

import functools
import threading
from pathlib import Path

from knowledge.store import Store
from tests.test_subscriptions import subscribe, until
from tests.tg import ADMIN, Harness, buttons

PUBLIC = [name for name in dir(Store) if not name.startswith("_") and callable(getattr(Store, name))]


async def test_no_handler_calls_the_store_on_the_event_loop(tmp_path: Path):
    bot = await Harness(tmp_path).start()
    loop_thread = threading.get_ident()
    on_the_loop: list[str] = []

    def watched(name: str, method):
        @functools.wraps(method)
        def call(*args, **kwargs):
            if threading.get_ident() == loop_thread:
                on_the_loop.append(name)
            return method(*args, **kwargs)

        return call

    for name in PUBLIC:
        setattr(bot.store, name, watched(name, getattr(bot.store, name)))
    try:
        await bot.send("/start", chat_id=9)
        await subscribe(bot, 9, [])
        (listing,) = await bot.send("/subscriptions", chat_id=9)
        await bot.press(listing, buttons(listing)["⏸ 1"])
        (confirm,) = await bot.send("/unsubscribe", chat_id=9)
        await bot.press(confirm, buttons(confirm)["Keep them"])
        (answer,) = await bot.send("how many judges attended the vienna side event?", chat_id=9)
        await bot.press(answer, buttons(answer)["👎"])
        await bot.send("zzqx nothing to answer", chat_id=9)
        for command in (
            "/import",
            "/cancel",
            "/unanswered",
            "/addfact panama 2021 topics ransomware",
            "/history panama 2021",
            "/undo",
        ):
            await bot.send(command, chat_id=ADMIN)
        await bot.send("/backup", chat_id=ADMIN)
        await bot.send("/language", chat_id=9)
        await bot.send("/announce vienna", chat_id=ADMIN)
        await until(lambda: any("delivered" in m["text"] for m in bot.fake.replies(ADMIN)))
        assert on_the_loop == []
    finally:
        await bot.stop()

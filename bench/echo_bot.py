"""A bare echo bot: the same python-telegram-bot set-up as ours (HTML, concurrent updates), no answering.

`bench.e2e_throughput` runs it beside the real bot so that the cost of our answering is visible.
Run: TELEGRAM_BOT_TOKEN=... TELEGRAM_API_BASE_URL=... python -m bench.echo_bot
"""

from __future__ import annotations

import html
import os

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, ContextTypes, Defaults, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None and message.text:
        await message.reply_text(html.escape(message.text), do_quote=False)


def main() -> None:
    application = (
        Application.builder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .concurrent_updates(True)
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling(allowed_updates=[Update.MESSAGE])


if __name__ == "__main__":
    main()

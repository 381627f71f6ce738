"""/id: tell users their numeric Telegram id, so that an operator can make them admins (BOT_ADMIN_IDS) without
asking a third-party bot."""

from __future__ import annotations

from telegram import Update

from bot.messages import say
from bot.render import Block, pack
from handlers.context import Context, deps, reply_all, reply_text, user_lang


async def on_id(update: Update, context: Context) -> None:
    """Send the user's numeric id, in a form that is copied with one tap."""
    lang = user_lang(update, context)
    user, message = update.effective_user, update.effective_message
    # An anonymous group admin or a channel writes as a chat: Telegram does not say which person it is.
    if user is None or user.is_bot or (message is not None and message.sender_chat is not None):
        await reply_text(update, say("id_anonymous", lang))
        return
    status = "id_admin" if deps(context).is_admin(user.id) else "id_hint"
    await reply_all(update, pack([Block(say("your_id", lang)), Block(str(user.id), "code"), Block(say(status, lang))]))

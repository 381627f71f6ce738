"""Telegram handlers: thin adapters between updates and the engine.

`register` adds them in order: the commands of the table in `handlers.menu`, button presses, questions
(text addressed to the bot), then the catch-alls for other messages in private chats, and the error handler.
"""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from handlers import importing, newevent
from handlers.buttons import on_button
from handlers.errors import on_error
from handlers.menu import COMMANDS
from handlers.questions import AddressedToBot, on_other_message, on_question, on_unknown_command


def register(application: Application) -> None:
    new_messages = filters.UpdateType.MESSAGE  # edits of old messages are not new questions
    application.add_handler(newevent.conversation())  # first: while it runs, it takes the admin's answers
    application.add_handler(importing.conversation())  # then /import: documents, links, a text in parts, edits
    for command in COMMANDS:
        if not command.conversation:
            application.add_handler(CommandHandler(command.names, command.callback, filters=new_messages))
    application.add_handler(CallbackQueryHandler(on_button))
    questions = new_messages & filters.TEXT & ~filters.COMMAND & AddressedToBot()
    application.add_handler(MessageHandler(questions, on_question))
    private = new_messages & filters.ChatType.PRIVATE
    application.add_handler(MessageHandler(private & filters.COMMAND, on_unknown_command))
    application.add_handler(MessageHandler(private & ~filters.TEXT & ~filters.StatusUpdate.ALL, on_other_message))
    application.add_error_handler(on_error)

"""The command line: ``python -m bot ask|chat|run|import|check`` (and ``crimjust-bot``, the same entry point)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from bot import __version__
from bot.config import ConfigError, Settings
from bot.engine import Conversation, Engine
from bot.logs import setup_logging
from bot.render import plain
from bot.startup import open_knowledge, refuse
from knowledge.tablefile import DamagedFile

NO_TOKEN = (
    "No TELEGRAM_BOT_TOKEN is set, so the bot cannot connect to Telegram.\n"
    "Get a token from @BotFather (https://t.me/BotFather: send /newbot), then run:\n"
    "    TELEGRAM_BOT_TOKEN=123456:ABC... python -m bot run\n"
    "Meanwhile, `python -m bot chat` lets you talk to the bot here in the terminal, no token needed."
)


def knowledge_or_refusal(settings: Settings) -> Engine | int:
    """The engine over the database, for `ask` and `chat` (which only read); or, when the database cannot be
    used, the exit code, once the operator was told why (`bot.startup.refuse`)."""
    try:
        return open_knowledge(settings.db_path, read_only=True)[1]
    except (DamagedFile, OSError) as exc:
        return refuse(exc, settings)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    engine = knowledge_or_refusal(settings)
    if isinstance(engine, int):
        return engine
    conv = Conversation()
    if args.question:
        questions: Sequence[str] = [" ".join(args.question)]
    else:
        questions = [line.rstrip("\n") for line in sys.stdin]
    for question in questions:
        answer = engine.ask(question, conv)
        if args.json:
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        else:
            print(plain(answer, with_sources=args.sources), flush=True)
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    engine = knowledge_or_refusal(settings)
    if isinstance(engine, int):
        return engine
    conv = Conversation()
    print("CRIMJUST events bot — ask a question (Ctrl-D or 'quit' to leave, '/sources' after an answer).")
    last = None
    while True:
        try:
            question = input("you> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if question.strip().lower() in ("quit", "exit", "/quit"):
            return 0
        if question.strip() == "/sources":
            print(plain(last, with_sources=True) if last else "Ask a question first.")
            continue
        last = engine.ask(question, conv)
        print(f"bot> {plain(last)}")


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.token:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    from bot.app import run  # python-telegram-bot is only loaded when the bot runs on Telegram

    return run(settings, webhook_url=args.webhook, listen=args.listen, port=args.port)


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    from bot.import_cli import cmd_import as run_import  # the importer is not loaded to answer questions

    return run_import(args, settings)


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from bot.check import run_checks

    return run_checks(settings)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crimjust-bot", description="UNODC programme activities bot")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")
    ask = sub.add_parser("ask", help="answer a question (or, with none, one question per line of stdin)")
    ask.add_argument("question", nargs="*")
    ask.add_argument("--json", action="store_true", help="print one JSON object per answer")
    ask.add_argument("--sources", action="store_true", help="print the quotes behind the answer")
    sub.add_parser("chat", help="talk to the bot in the terminal (no Telegram token needed)")
    run = sub.add_parser("run", help="run the Telegram bot (long polling, or --webhook)")
    run.add_argument("--webhook", metavar="URL", help="public HTTPS URL Telegram should post updates to")
    run.add_argument("--listen", default="127.0.0.1", help="address the webhook server listens on")
    run.add_argument("--port", type=int, default=8443, help="port the webhook server listens on")
    imports = sub.add_parser("import", help="import press releases from files or web pages (docs/importing.md)")
    imports.add_argument(
        "sources", nargs="+", metavar="PATH_OR_URL", help="a .txt .md .html .pdf .docx file, or a link"
    )
    imports.add_argument("--yes", action="store_true", help="save what was found (without it, nothing is saved)")
    imports.add_argument("--force", action="store_true", help="with --yes, save look-alikes and non-event texts too")
    sub.add_parser(
        "check", help="check the settings, the database, the backups folder and the token; exit 0 if all is well"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level, secrets=settings.secrets)
    command = args.command or ("run" if settings.token else "chat")
    if command == "chat" and args.command is None:
        print("No TELEGRAM_BOT_TOKEN set: starting a chat in the terminal (see README to run on Telegram).\n")
    if command == "run" and args.command is None:
        args.webhook, args.listen, args.port = None, "127.0.0.1", 8443
    handler = {"ask": cmd_ask, "chat": cmd_chat, "run": cmd_run, "import": cmd_import, "check": cmd_check}[command]
    return handler(args, settings)

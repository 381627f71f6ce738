"""A small fake Telegram Bot API, strict where Telegram is strict, for tests and benchmarks.

`FakeTelegram` holds the state (chats, messages the bot sent, menus, pending updates) and answers Bot API
methods as Telegram does, including its errors: HTML it would refuse to parse, messages over 4,096
characters, callback data over 64 bytes, blocked users, unknown methods. It can be told to fail on purpose
(429 with retry_after, 500, timeouts, dropped connections) and to enforce Telegram's flood limits.

It is reached two ways: in-process through `FakeRequest` (a python-telegram-bot `BaseRequest`, for handler
tests with `Application.process_update`), and over HTTP through `FakeBotAPIServer` on 127.0.0.1 (for the real
bot process). Both go through the same `FakeTelegram.call`.
"""

from __future__ import annotations

import html
import itertools
import json
import random
import re
import socket
import sys
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlparse

from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

TOKEN = "123456789:TEST-ABCdefGHIjklMNOpqrSTUvwxYZ012345"
BOT_ID = 123456789
BOT_USERNAME = "crimjust_test_bot"
JSON_FIELDS = {
    "reply_markup",
    "reply_parameters",
    "link_preview_options",
    "commands",
    "scope",
    "allowed_updates",
    "entities",
}
INT_FIELDS = {"chat_id", "message_id", "offset", "limit", "timeout", "user_id", "message_thread_id", "cache_time"}
ALLOWED_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "tg-spoiler",
    "span",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-emoji",
}
_TAG = re.compile(r"<(/?)([a-z-]+)((?:\s+[a-z-]+(?:=\"[^\"<>]*\")?)*)\s*>")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")


class BadHTML(ValueError):
    pass


def parse_html(text: str) -> str:
    """The text Telegram would show for `text` in HTML mode, or BadHTML where Telegram answers 400."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "<":
            match = _TAG.match(text, i)
            if not match:
                raise BadHTML(f"Can't parse entities: unexpected '<' at byte offset {i}")
            closing, name = match.group(1), match.group(2)
            if name not in ALLOWED_TAGS:
                raise BadHTML(f'Can\'t parse entities: unsupported start tag "{name}" at byte offset {i}')
            if closing:
                if not stack or stack.pop() != name:
                    raise BadHTML(f'Can\'t parse entities: unmatched end tag at byte offset {i}, expected "{name}"')
            else:
                stack.append(name)
            i = match.end()
        elif ch == "&":
            match = _ENTITY.match(text, i)
            if not match:
                raise BadHTML(f"Can't parse entities: unescaped '&' at byte offset {i}")
            out.append(html.unescape(match.group(0)))
            i = match.end()
        elif ch == ">":
            raise BadHTML(f"Can't parse entities: unexpected '>' at byte offset {i}")
        else:
            out.append(ch)
            i += 1
    if stack:
        raise BadHTML(f"Can't parse entities: can't find end tag corresponding to start tag \"{stack[-1]}\"")
    return "".join(out)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class Fault(Exception):
    """A failure the transport should produce: 'timeout' or 'drop' (the HTTP status ones are plain replies)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


@dataclass
class Limits:
    """Telegram's flood limits as the fake enforces them (429 with retry_after when exceeded)."""

    per_second: float = 30.0
    per_chat_second: float = 1.0
    per_group_minute: float = 20.0


@dataclass
class FakeTelegram:
    token: str = TOKEN
    bot: dict[str, Any] = field(
        default_factory=lambda: {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "CRIMJUST events",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
    )
    limits: Limits | None = None
    fault_rate: float = 0.0
    fault_kinds: tuple[str, ...] = ("429", "500", "timeout", "drop")
    seed: int = 7

    def __post_init__(self) -> None:
        self.cond = threading.Condition()
        self.updates: list[dict[str, Any]] = []
        self.update_ids = itertools.count(1)
        self.message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.sent: list[dict[str, Any]] = []  # every message the bot sent, in order
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.callback_answers: list[dict[str, Any]] = []
        self.menus: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.webhook: dict[str, Any] = {}
        self.blocked: set[int] = set()
        self.gone: set[int] = set()  # chats that no longer exist ("chat not found")
        self.group_admins: dict[int, set[int]] = {}
        self.scripted: deque[tuple[str, str, float, int | None]] = deque()  # (method or "*", kind, retry_after, chat)
        self.faults_injected: defaultdict[str, int] = defaultdict(int)
        self.polls_waiting = 0
        self.polls = 0  # getUpdates calls so far (a bot that polls is up)
        self._random = random.Random(self.seed)
        self._recent: deque[tuple[float, int]] = deque()  # (time, chat) of sent messages, for limits
        self.retry_after_sent = 0
        self.on_send: Callable[[dict[str, Any]], None] | None = None  # called (under the lock) per message sent
        self.files: dict[str, tuple[str, bytes]] = {}  # file id -> (file path, content): documents users sent

    # -- what tests do -----------------------------------------------------------------------------------

    def user(self, user_id: int = 1001, first_name: str = "Ana", language_code: str = "en") -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": language_code}

    def says(
        self,
        text: str,
        *,
        chat_id: int = 1001,
        user: dict[str, Any] | None = None,
        chat_type: str = "private",
        reply_to: dict[str, Any] | None = None,
        queue: bool = True,
    ) -> dict[str, Any]:
        """A user's message as an update (queued for getUpdates unless `queue` is False)."""
        user = user or self.user(chat_id if chat_type == "private" else 1001)
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = user["first_name"]
        else:
            chat["title"] = "Team group"
        message: dict[str, Any] = {
            "message_id": next(self.message_ids[chat_id]),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            "text": text,
        }
        entities = _entities(text)
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        self.messages[(chat_id, message["message_id"])] = message
        return self._update({"message": message}, queue)

    def sends_document(
        self,
        content: bytes,
        file_name: str,
        *,
        mime_type: str = "",
        caption: str | None = None,
        chat_id: int = 1001,
        user: dict[str, Any] | None = None,
        chat_type: str = "private",
        queue: bool = True,
    ) -> dict[str, Any]:
        """A user's message with a document (the bot can then getFile and download it)."""
        update = self.says("", chat_id=chat_id, user=user, chat_type=chat_type, queue=False)
        message = update["message"]
        del message["text"]
        file_id = f"file{len(self.files) + 1}"
        self.files[file_id] = (f"documents/{file_id}_{file_name}", content)
        message["document"] = {
            "file_id": file_id,
            "file_unique_id": f"unique-{file_id}",
            "file_name": file_name,
            "file_size": len(content),
            **({"mime_type": mime_type} if mime_type else {}),
        }
        if caption is not None:
            message["caption"] = caption
        return self._update({"message": message}, queue) if queue else update

    def file_content(self, path: str) -> bytes | None:
        """What a file download (``/file/bot<token>/<file path>``) returns, or None when there is no such file."""
        return next((content for file_path, content in self.files.values() if file_path == path), None)

    def press(
        self, message: dict[str, Any], data: str, *, user: dict[str, Any] | None = None, queue: bool = True
    ) -> dict[str, Any]:
        """A press on an inline button under `message` (one the bot sent)."""
        user = user or self.user(message["chat"]["id"] if message["chat"]["type"] == "private" else 1001)
        current = self.messages.get((message["chat"]["id"], message["message_id"]), message)
        query = {
            "id": str(next(self.update_ids) * 7919),
            "from": user,
            "message": current,
            "chat_instance": str(message["chat"]["id"]),
            "data": data,
        }
        return self._update({"callback_query": query}, queue)

    def _update(self, body: dict[str, Any], queue: bool) -> dict[str, Any]:
        update = {"update_id": next(self.update_ids), **body}
        if queue:
            with self.cond:
                self.updates.append(update)
                self.cond.notify_all()
        return update

    def replies(self, chat_id: int) -> list[dict[str, Any]]:
        with self.cond:
            return [m for m in self.sent if m["chat"]["id"] == chat_id]

    def wait_for(self, predicate: Callable[[], Any], timeout: float = 30.0) -> Any:
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                result = predicate()
                if result:
                    return result
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("the fake Telegram did not see what the test waited for")
                self.cond.wait(min(left, 0.5))

    def wait_polling(self, since: int = 0, timeout: float = 60.0) -> None:
        """Wait until a bot polls for updates (after the `since`-th poll: a bot started after that count)."""
        self.wait_for(lambda: self.polls > since, timeout)

    def wait_replies(self, chat_id: int, n: int = 1, timeout: float = 30.0) -> list[dict[str, Any]]:
        return self.wait_for(lambda: (r := self.replies(chat_id)) and len(r) >= n and r, timeout)  # type: ignore[no-any-return]

    def fail_next(
        self, kind: str, method: str = "*", times: int = 1, retry_after: float = 1, chat_id: int | None = None
    ) -> None:
        """Make the next `times` calls of `method` (to `chat_id`, if given) fail with `kind`."""
        with self.cond:
            self.scripted.extend((method, kind, retry_after, chat_id) for _ in range(times))

    # -- the Bot API -------------------------------------------------------------------------------------

    def call(self, token: str, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API request: (HTTP status, JSON body). May raise `Fault` for transport failures."""
        if token != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = method.lower()
        with self.cond:
            self.calls.append((method, params))
            fault = self._fault(method, params.get("chat_id"))
        if fault is not None:
            return fault
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        if method == "getupdates":
            return 200, {"ok": True, "result": self._m_getupdates(params)}
        with self.cond:
            try:
                result = handler(params)
            except ApiError as exc:
                return exc.status, exc.body()
            self.cond.notify_all()
        return 200, {"ok": True, "result": result}

    def _fault(self, method: str, chat_id: Any) -> tuple[int, dict[str, Any]] | None:
        kind, retry_after = None, 1.0
        head = self.scripted[0] if self.scripted else None
        if head and head[0] in ("*", method) and head[3] in (None, chat_id):
            _, kind, retry_after, _ = self.scripted.popleft()
        elif self.fault_rate and method != "getupdates" and self._random.random() < self.fault_rate:
            kind = self._random.choice(self.fault_kinds)
        if kind is None:
            return None
        self.faults_injected[kind] += 1
        if kind == "429":
            self.retry_after_sent += 1
            return 429, _flood(retry_after)
        if kind == "500":
            return 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
        raise Fault(kind)

    def _m_getme(self, params: dict[str, Any]) -> dict[str, Any]:
        return self.bot

    def _m_getupdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        with self.cond:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            self.polls_waiting += 1
            self.polls += 1
            self.cond.notify_all()
            try:
                while not self.updates and (left := deadline - time.monotonic()) > 0:
                    self.cond.wait(min(left, 0.5))
            finally:
                self.polls_waiting -= 1
            return self.updates[:limit]

    def _m_deletewebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {}
        return True

    def _m_setwebhook(self, params: dict[str, Any]) -> bool:
        if not str(params.get("url", "")).startswith(("https://", "http://")):
            raise ApiError(400, "Bad Request: bad webhook: an HTTPS URL must be provided for webhook")
        self.webhook = dict(params)
        return True

    def _m_getwebhookinfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"url": self.webhook.get("url", ""), "has_custom_certificate": False, "pending_update_count": 0}

    def _m_setmycommands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands") or []
        if not 1 <= len(commands) <= 100:
            raise ApiError(400, "Bad Request: BOT_COMMANDS_TOO_MUCH")
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command.get("command", "")):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        scope = params.get("scope") or {"type": "default"}
        if scope.get("type") == "chat" and int(scope["chat_id"]) in self.gone:
            raise ApiError(400, "Bad Request: chat not found")
        self.menus[(json.dumps(scope, sort_keys=True), params.get("language_code") or "")] = commands
        return True

    def _m_getmycommands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        scope = params.get("scope") or {"type": "default"}
        return self.menus.get((json.dumps(scope, sort_keys=True), params.get("language_code") or ""), [])

    def _m_deletemycommands(self, params: dict[str, Any]) -> bool:
        scope = params.get("scope") or {"type": "default"}
        self.menus.pop((json.dumps(scope, sort_keys=True), params.get("language_code") or ""), None)
        return True

    def _m_sendchataction(self, params: dict[str, Any]) -> bool:
        self._chat_ok(int(params["chat_id"]))
        return True

    def _m_sendmessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        self._chat_ok(chat_id)
        text = self._text(params)
        markup = self._markup(params)
        self._flood_check(chat_id)
        message: dict[str, Any] = {
            "message_id": next(self.message_ids[chat_id]),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": self.bot,
            "text": text,
            "html": params["text"],
        }
        if markup:
            message["reply_markup"] = markup
        reply = params.get("reply_parameters")
        if reply:
            original = self.messages.get((chat_id, int(reply["message_id"])))
            if original is None and not reply.get("allow_sending_without_reply"):
                raise ApiError(400, "Bad Request: message to be replied not found")
            if original is not None:
                message["reply_to_message"] = original
        self.messages[(chat_id, message["message_id"])] = message
        self.sent.append(message)
        if self.on_send is not None:
            self.on_send(message)
        return message

    def _m_editmessagetext(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._own_message(params)
        text, markup = self._text(params), self._markup(params)
        if message["text"] == text and message.get("reply_markup") == markup:
            raise ApiError(400, "Bad Request: message is not modified")
        message.update(text=text, html=params["text"], edited=True)
        message.pop("reply_markup", None)
        if markup:
            message["reply_markup"] = markup
        return message

    def _m_editmessagereplymarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._own_message(params)
        markup = self._markup(params)
        if message.get("reply_markup") == markup:
            raise ApiError(400, "Bad Request: message is not modified")
        message.pop("reply_markup", None)
        if markup:
            message["reply_markup"] = markup
        return message

    def _m_getchatmember(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        self._chat_ok(chat_id)
        user = {"id": user_id, "is_bot": False, "first_name": f"user{user_id}"}
        if user_id not in self.group_admins.get(chat_id, set()):
            return {"status": "member", "user": user}
        rights = (
            "can_be_edited is_anonymous can_manage_chat can_delete_messages can_manage_video_chats "
            "can_restrict_members can_promote_members can_change_info can_invite_users can_post_stories "
            "can_edit_stories can_delete_stories"
        ).split()
        return {"status": "administrator", "user": user, **dict.fromkeys(rights, False)}

    def _m_senddocument(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        self._chat_ok(chat_id)
        document = params.get("document")
        if not isinstance(document, dict) or not document.get("content"):
            raise ApiError(400, "Bad Request: file must be non-empty")
        if len(document["content"]) > 50 * 1024 * 1024:
            raise ApiError(413, "Request Entity Too Large")
        raw_caption = params.get("caption") or ""
        caption = self._text({"text": raw_caption, "parse_mode": params.get("parse_mode")}) if raw_caption else ""
        message: dict[str, Any] = {
            "message_id": next(self.message_ids[chat_id]),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": self.bot,
            "caption": caption.strip(),
            "text": "",
            "document": {
                "file_id": f"doc{len(self.sent)}",
                "file_unique_id": f"u{len(self.sent)}",
                "file_name": document["file_name"],
            },
        }
        self.messages[(chat_id, message["message_id"])] = message
        self.sent.append(message | {"content": document["content"]})  # what the test reads; not sent back
        return message

    def _m_getfile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = str(params.get("file_id"))
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        path, content = self.files[file_id]
        if len(content) > 20 * 1024 * 1024:  # what the real Bot API refuses to hand out
            raise ApiError(400, "Bad Request: file is too big")
        return {"file_id": file_id, "file_unique_id": f"unique-{file_id}", "file_size": len(content), "file_path": path}

    def _m_answercallbackquery(self, params: dict[str, Any]) -> bool:
        if len(str(params.get("text") or "")) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        self.callback_answers.append(dict(params))
        return True

    # -- checks Telegram makes ---------------------------------------------------------------------------

    def _chat_ok(self, chat_id: int) -> None:
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat_id in self.gone:
            raise ApiError(400, "Bad Request: chat not found")

    def _text(self, params: dict[str, Any]) -> str:
        raw = str(params.get("text") or "")
        if params.get("parse_mode") == "HTML":
            try:
                text = parse_html(raw)
            except BadHTML as exc:
                raise ApiError(400, f"Bad Request: {exc}") from None
        else:
            text = raw
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(text) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return text

    def _markup(self, params: dict[str, Any]) -> dict[str, Any] | None:
        markup = params.get("reply_markup")
        if not markup:
            return None
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if not button.get("text"):
                    raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        return dict(markup)

    def _own_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        message = self.messages.get((chat_id, int(params["message_id"])))
        if message is None or message.get("from", {}).get("id") != self.bot["id"]:
            raise ApiError(400, "Bad Request: message to edit not found")
        return message

    def _flood_check(self, chat_id: int) -> None:
        if self.limits is None:
            return
        now = time.monotonic()
        recent = self._recent
        while recent and now - recent[0][0] > 60:
            recent.popleft()
        last_second = [c for t, c in recent if now - t < 1]
        too_many = len(last_second) >= self.limits.per_second
        chat_second = sum(1 for c in last_second if c == chat_id) >= self.limits.per_chat_second
        group_minute = chat_id < 0 and sum(1 for _, c in recent if c == chat_id) >= self.limits.per_group_minute
        if too_many or chat_second or group_minute:
            self.retry_after_sent += 1
            raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
        recent.append((now, chat_id))


class ApiError(Exception):
    def __init__(self, status: int, description: str, retry_after: float | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.retry_after = status, description, retry_after

    def body(self) -> dict[str, Any]:
        if self.retry_after is not None:
            return _flood(self.retry_after)
        return {"ok": False, "error_code": self.status, "description": self.description}


def _flood(retry_after: float) -> dict[str, Any]:
    seconds = max(1, round(retry_after))
    return {
        "ok": False,
        "error_code": 429,
        "description": f"Too Many Requests: retry after {seconds}",
        "parameters": {"retry_after": seconds},
    }


def _entities(text: str) -> list[dict[str, Any]]:
    """Telegram marks commands and @mentions in what users type (offsets in UTF-16 code units)."""
    found = []
    for match in re.finditer(r"(?<![\w/@])(/[A-Za-z0-9_]+(?:@\w+)?|@\w{4,})", text):
        offset = utf16_len(text[: match.start()])
        kind = "bot_command" if match.group(0).startswith("/") else "mention"
        if kind == "bot_command" and match.start() != 0:
            continue
        found.append({"type": kind, "offset": offset, "length": utf16_len(match.group(0))})
    return found


def decode_params(raw: dict[str, Any]) -> dict[str, Any]:
    """Bot API parameters arrive as strings; objects are JSON. Decode the fields this fake looks into.

    Uploaded files arrive as parts ("attach:NAME": {"file_name", "content"}); a parameter "attach://NAME" is
    replaced by its file."""
    params: dict[str, Any] = {}
    files = {k.removeprefix("attach:"): v for k, v in raw.items() if k.startswith("attach:")}
    for key, value in raw.items():
        if key.startswith("attach:"):
            continue
        if isinstance(value, str) and value.startswith("attach://") and value[9:] in files:
            params[key] = files[value[9:]]
            continue
        if key in JSON_FIELDS and isinstance(value, str):
            params[key] = json.loads(value)
        elif key in INT_FIELDS and isinstance(value, str) and re.fullmatch(r"-?\d+", value):
            params[key] = int(value)
        else:
            params[key] = value
    for name, file in files.items():  # a file sent directly as the parameter of that name
        params.setdefault(name, file)
    return params


class FakeRequest(BaseRequest):
    """A python-telegram-bot transport that talks to a `FakeTelegram` in memory (no sockets)."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        path = urlparse(url).path
        if "/file/bot" in path:  # a file download, beside the methods
            content = self.fake.file_content(path.split("/file/bot", 1)[1].partition("/")[2])
            return (200, content) if content is not None else (404, b"Not Found")
        token, api_method = path.rsplit("/", 2)[-2:]
        raw: dict[str, Any] = dict(request_data.json_parameters) if request_data else {}
        if request_data is not None and request_data.contains_files:
            for part, (filename, content, _mime) in request_data.multipart_data.items():  # type: ignore[misc]
                data = content if isinstance(content, bytes) else content.read()
                raw[f"attach:{part}"] = {"file_name": filename, "content": data}
        params = decode_params(raw)
        try:
            status, body = self.fake.call(token.removeprefix("bot"), api_method, params)
        except Fault as fault:
            if fault.kind == "timeout":
                raise TimedOut("fake timeout") from None
            raise NetworkError("fake dropped connection") from None
        return status, json.dumps(body).encode()


class FakeBotAPIServer:
    """`FakeTelegram` over HTTP on 127.0.0.1 (an ephemeral port), in a background thread."""

    def __init__(self, fake: FakeTelegram | None = None, timeout_after: float = 30.0) -> None:
        self.fake = fake or FakeTelegram()
        fake_ref, hang = self.fake, timeout_after

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # Headers and body go out in two writes: without this, Nagle's algorithm and delayed ACKs add
                # about 40 ms to every request on a kept-alive connection (which Telegram does not).
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def log_message(self, format: str, *args: Any) -> None:
                return None

            def do_GET(self) -> None:
                if self.path.startswith("/file/bot"):  # a file download
                    content = fake_ref.file_content(self.path.split("/file/bot", 1)[1].partition("/")[2])
                    self.send_response(200 if content is not None else 404)
                    self.send_header("Content-Length", str(len(content or b"")))
                    self.end_headers()
                    self.wfile.write(content or b"")
                    return
                self.do_POST()

            def do_POST(self) -> None:
                url = urlparse(self.path)
                parts = url.path.strip("/").split("/")
                if len(parts) != 2 or not parts[0].startswith("bot"):
                    self._send(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                    return
                raw = dict(parse_qsl(url.query))
                raw.update(self._body())
                try:
                    status, body = fake_ref.call(parts[0][3:], parts[1], decode_params(raw))
                except Fault as fault:
                    if fault.kind == "timeout":
                        time.sleep(hang)
                    self.close_connection = True
                    self.connection.close()
                    return
                self._send(status, body)

            def _body(self) -> dict[str, Any]:
                length = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(length) if length else b""
                kind = self.headers.get("Content-Type", "")
                if kind.startswith("application/json"):
                    return {k: v if isinstance(v, str) else json.dumps(v) for k, v in json.loads(data or b"{}").items()}
                if kind.startswith("multipart/form-data"):
                    return _multipart(data, kind)
                return dict(parse_qsl(data.decode()))

            def _send(self, status: int, body: dict[str, Any]) -> None:
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, name="fake-bot-api", daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/bot"

    def __enter__(self) -> FakeBotAPIServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class _QuietServer(ThreadingHTTPServer):
    """A client that goes away mid-request (a bot stopping during a long poll) is normal here, not an error."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _multipart(data: bytes, content_type: str) -> dict[str, Any]:
    """Form fields of a multipart body; a part with a file name is a file ("attach:NAME")."""
    boundary = content_type.split("boundary=", 1)[1].strip('"').encode()
    fields: dict[str, Any] = {}
    for part in data.split(b"--" + boundary):
        head, _, body = part.partition(b"\r\n\r\n")
        match = re.search(rb'name="([^"]+)"', head)
        if not match:
            continue
        name, body = match.group(1).decode(), body.removesuffix(b"\r\n")
        filename = re.search(rb'filename="([^"]*)"', head)
        if filename:
            fields[f"attach:{name}"] = {"file_name": filename.group(1).decode(), "content": body}
        else:
            fields[name] = body.decode(errors="replace")
    return fields

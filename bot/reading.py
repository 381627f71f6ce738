"""Reading a release from where an admin has it: pasted text, a file (plain text, Markdown, HTML, PDF, Word
.docx) or a web page. Each comes back as one `Release`: its text as the importer will quote it, a title when
the source gives one, and where it came from.

Pure Python over bytes and URLs (no Telegram, no store). Every failure a user can cause raises `Unreadable`
with a catalogue key (the `/import` block of `bot.messages`) and its values, so the chat and the command line
say the same clear thing. The libraries that read documents and pages are imported only when one is read:
none of them is on the bot's start-up path.
"""

from __future__ import annotations

import io
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

MAX_BYTES = 5 * 1024 * 1024  # a file or page: press releases are kilobytes, a PDF with pictures a few MB
MAX_CHARS = 100_000  # the text read from it: about 15,000 words, far more than any release
MAX_REDIRECTS = 5
TIMEOUT = 15.0  # seconds for a page: to connect, and between two pieces of it
TOTAL_TIMEOUT = 30.0  # seconds for the whole page
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PAGE_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "text/markdown": "md",
    "application/pdf": "pdf",
    DOCX_TYPE: "docx",
}
SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
SUFFIXES |= {".pdf": "pdf", ".docx": "docx"}
UNREADABLE_SUFFIXES = (".doc", ".odt", ".rtf", ".pages", ".xls", ".xlsx", ".ppt", ".pptx", ".jpg", ".png", ".zip")


class Unreadable(ValueError):
    """A source that gives no text to import; `key` is the catalogue message saying why, `values` fill it in."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Release:
    """A release's text, ready to be read: `title` is the source's own (a page's or document's), if any."""

    text: str
    origin: str = ""  # the file name or URL it was read from ("" for pasted text)
    title: str = ""
    url: str = ""  # the page it was read from, when it was one


def is_link(text: str) -> bool:
    """Whether `text` is one web address and nothing else ("https://www.unodc.org/...")."""
    return bool(re.fullmatch(r"(?i)(https?://|www\.)\S+", text.strip()))


def from_text(text: str, origin: str = "") -> Release:
    """Pasted or collected text, tidied (`tidy`) and checked (empty, too long)."""
    return Release(_checked(tidy(text)), origin)


def tidy(text: str) -> str:
    """Text as the importer quotes it: one normal form of Unicode, no control characters, no trailing spaces,
    at most one empty line between paragraphs."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]", "", text)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _checked(text: str) -> str:
    if not text.strip():
        raise Unreadable("read_empty")
    if len(text) > MAX_CHARS:
        raise Unreadable("read_too_long", chars=len(text), limit=MAX_CHARS)
    return text


# -- files ----------------------------------------------------------------------------------------------------


def read_file(path: Path) -> Release:
    """A file on disk (the command line)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise Unreadable("read_too_big", size=_megabytes(size), limit=_megabytes(MAX_BYTES))
        data = path.read_bytes()
    except FileNotFoundError:
        raise Unreadable("read_no_file", name=str(path)) from None
    except IsADirectoryError:
        raise Unreadable("read_no_file", name=str(path)) from None
    except OSError as exc:
        raise Unreadable("read_os_error", name=str(path), error=exc.strerror or type(exc).__name__) from None
    return read_bytes(data, path.name)


def read_bytes(data: bytes, name: str, mime: str = "") -> Release:
    """A document's bytes, read by its format: from its content first (a PDF or .docx is known by its first
    bytes whatever its name), then its name, then its declared type."""
    if len(data) > MAX_BYTES:
        raise Unreadable("read_too_big", size=_megabytes(len(data)), limit=_megabytes(MAX_BYTES))
    kind = format_of(data, name, mime)
    if kind == "pdf":
        text, title = _pdf(data, name)
    elif kind == "docx":
        text, title = _docx(data, name)
    elif kind == "html":
        text, title = _html(_decode(data, name))
    elif kind == "md":
        text, title = markdown_text(_decode(data, name)), ""
    else:
        text, title = _decode(data, name), ""
    return Release(_checked(tidy(text)), name, tidy(title))


def format_of(data: bytes, name: str, mime: str = "") -> str:
    """ "pdf", "docx", "html", "md" or "txt"; `Unreadable` for anything else (an image, an old .doc, a zip)."""
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if b"word/" in data[:4096] or suffix == ".docx":
            return "docx"
        raise Unreadable("read_format", name=name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # the old binary Word (and Excel) format
        raise Unreadable("read_old_word", name=name)
    if suffix in SUFFIXES and SUFFIXES[suffix] not in ("pdf", "docx"):
        return SUFFIXES[suffix]
    if suffix in UNREADABLE_SUFFIXES or suffix in (".pdf", ".docx"):  # a .pdf that is not one is damaged
        raise Unreadable("read_format", name=name)
    declared = PAGE_TYPES.get(mime.split(";")[0].strip().lower())
    if declared in ("html", "md", "txt"):
        return declared
    if _looks_like_text(data):
        head = data[:2048].lstrip().lower()
        return "html" if head.startswith((b"<!doctype html", b"<html")) else "txt"
    raise Unreadable("read_format", name=name)


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(sample) - 4  # a character cut at the end of the sample
    return True


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without its mark), else the Windows Western encoding that Word and old sites use."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise Unreadable("read_encoding", name=name) from None


def markdown_text(text: str) -> str:
    """Markdown as the plain text a reader sees: headings, emphasis, links and list marks without their marks."""
    text = re.sub(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", r"\1", text)  # "# Title" -> "Title"
    text = re.sub(r"(?m)^[ \t]{0,3}(?:[-*+]|\d+[.)])[ \t]+", "", text)  # list marks
    text = re.sub(r"(?m)^[ \t]{0,3}>[ \t]?", "", text)  # block quotes
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)  # images: their alt text
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links: their text
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", r"\2", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    return re.sub(r"(?m)^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", "", text)  # horizontal rules


def _pdf(data: bytes, name: str) -> tuple[str, str]:
    """The text of every page (pypdf: pure Python, reads the text layer; a scanned PDF has none)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("read_pdf_locked", name=name)
        pages = [page.extract_text() or "" for page in reader.pages]
        title = str(reader.metadata.title or "") if reader.metadata else ""
    except Unreadable:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise Unreadable("read_damaged", name=name) from None
    text = "\n\n".join(_unwrap(page) for page in pages)
    if not text.strip():
        raise Unreadable("read_pdf_no_text", name=name)
    return text, title


def _unwrap(page: str) -> str:
    """A PDF page's lines joined back into paragraphs: a line that does not end a sentence goes on in the next;
    a word broken by a hyphen at the end of a line is mended."""
    lines = [line.strip() for line in page.split("\n")]
    out: list[str] = []
    for line in lines:
        if out and out[-1] and line and not re.search(r"[.!?:;”\"»)]$", out[-1]) and len(out[-1]) > 40:
            joined = out[-1][:-1] + line if re.search(r"\w-$", out[-1]) else f"{out[-1]} {line}"
            out[-1] = joined
        else:
            out.append(line)
    return "\n".join(out)


def _docx(data: bytes, name: str) -> tuple[str, str]:
    """Paragraphs and table cells of a Word document, in order (python-docx)."""
    from zipfile import BadZipFile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (BadZipFile, PackageNotFoundError, KeyError, ValueError):
        raise Unreadable("read_damaged", name=name) from None
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(dict.fromkeys(cell.text.strip() for cell in row.cells if cell.text.strip())))
    return "\n".join(parts), str(document.core_properties.title or "")


def _html(html: str) -> tuple[str, str]:
    """The article of a page, without its menus, footers and sharing buttons (trafilatura), and its title."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True) or ""
    meta = trafilatura.extract_metadata(html)
    title = (meta.title if meta else "") or ""
    if len(text.split()) < 20:
        raise Unreadable("read_no_article")
    if title and not text.lstrip().startswith(title[:40]):
        text = f"{title}\n\n{text}"  # the headline is the release's first line, as when it is pasted
    return text, title


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


# -- pages ----------------------------------------------------------------------------------------------------


def fetch(url: str, *, transport: Any = None) -> Release:
    """The release on the web page at `url`: http(s) only, redirects followed (each checked, at most
    `MAX_REDIRECTS`), at most `MAX_BYTES`, `TIMEOUT` seconds. `transport` is for tests (an httpx transport)."""
    import httpx

    url = url.strip()
    if url.lower().startswith("www."):
        url = "https://" + url
    _check_scheme(url)
    deadline = _Deadline(TOTAL_TIMEOUT)
    timeout = httpx.Timeout(TIMEOUT)
    headers = {"User-Agent": "crimjust-bot (press release import)", "Accept": ", ".join(PAGE_TYPES)}
    try:
        with httpx.Client(timeout=timeout, headers=headers, transport=transport, follow_redirects=False) as client:
            for _ in range(MAX_REDIRECTS + 1):
                with client.stream("GET", url) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        _check_scheme(url)
                        continue
                    return _page(response, url, deadline)
    except httpx.TimeoutException:
        raise Unreadable("link_timeout", url=url, seconds=int(TIMEOUT)) from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol):
        raise Unreadable("link_invalid", url=url) from None
    except httpx.HTTPError as exc:
        raise Unreadable("link_unreachable", url=url, error=_reason(exc)) from None
    raise Unreadable("link_redirects", url=url, limit=MAX_REDIRECTS)


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise Unreadable("link_scheme", url=url)
    if not parts.hostname:
        raise Unreadable("link_invalid", url=url)


def _page(response: Any, url: str, deadline: _Deadline) -> Release:
    if response.status_code == 404 or response.status_code == 410:
        raise Unreadable("link_not_found", url=url)
    if response.status_code >= 400:
        raise Unreadable("link_status", url=url, status=response.status_code)
    mime = response.headers.get("content-type", "").split(";")[0].strip().lower()
    kind = PAGE_TYPES.get(mime)
    if kind is None and mime not in ("", "application/octet-stream"):
        raise Unreadable("link_type", url=url, type=mime)
    declared = int(response.headers.get("content-length") or 0)
    if declared > MAX_BYTES:
        raise Unreadable("read_too_big", size=_megabytes(declared), limit=_megabytes(MAX_BYTES))
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > MAX_BYTES:
            raise Unreadable("read_too_big", size=f"> {_megabytes(MAX_BYTES)}", limit=_megabytes(MAX_BYTES))
        deadline.check(url)
    name = Path(urlsplit(url).path).name or urlsplit(url).hostname or url
    if kind == "html" and not Path(name).suffix:
        name += ".html"
    data = bytes(body)
    if kind == "html" and response.charset_encoding and response.charset_encoding.lower() not in ("utf-8", "utf8"):
        data = data.decode(response.charset_encoding, errors="replace").encode("utf-8")
    try:
        release = read_bytes(data, name, mime)
    except Unreadable as exc:
        if exc.key in ("read_no_article", "read_empty"):
            raise Unreadable("link_no_article", url=url) from None
        raise
    return Release(release.text, url, release.title, url)


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self._end = time.monotonic() + seconds
        self._seconds = seconds

    def check(self, url: str) -> None:
        if time.monotonic() > self._end:
            raise Unreadable("link_timeout", url=url, seconds=int(self._seconds))


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return re.sub(r"\s+", " ", text)[:160]

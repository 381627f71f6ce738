"""What the import tests read: PDF and Word files made here, and a web server on 127.0.0.1 serving pages."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
SEEDS = SHARED / "seeds"


def corpus_release(prefix: str) -> str:
    return next(CORPUS.glob(f"{prefix}*.txt")).read_text(encoding="utf-8")


def seed_release(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (Latin-1), written object by object with its xref."""

    def escape(line: str) -> str:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    shown = " T* ".join(f"({escape(line)}) Tj" for line in lines)
    stream = f"BT /F1 10 Tf 14 TL 40 800 Td {shown} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def docx_bytes(title: str, paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A Word document made with python-docx: a heading, paragraphs, and a table."""
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def article_html(text: str, title: str = "") -> bytes:
    """A release as a news site serves it: menus, share buttons and a footer around the article."""
    lines = text.strip().split("\n")
    headline = title or lines[0]
    body = "".join(f"<p>{line}</p>" for line in lines[1:] if line.strip())
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
        f"{headline} | UNODC</title></head><body><nav><a href='/'>Home</a> | <a href='/news'>News</a> | "
        "<a href='/about'>About us</a></nav><div class='share'>Share on Facebook Share on X</div>"
        f"<article><h1>{headline}</h1>{body}</article>"
        "<footer>© United Nations Office on Drugs and Crime. All rights reserved. Terms of use. Privacy.</footer>"
        "</body></html>"
    ).encode()


Route = Callable[[BaseHTTPRequestHandler], None]


@contextmanager
def web(routes: dict[str, tuple[int, dict[str, str], bytes] | Route]) -> Iterator[str]:
    """Serve `routes` (path -> (status, headers, body), or a function of the request) on 127.0.0.1; yields the
    base URL ("http://127.0.0.1:PORT")."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return None

        def do_GET(self) -> None:
            route = routes.get(self.path)
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "9")
                self.end_headers()
                self.wfile.write(b"not found")
                return
            if callable(route):
                route(self)
                return
            status, headers, body = route
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def slow(seconds: float) -> Route:
    """A page that answers its headers, then waits before its body."""

    def route(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", "100")
        request.end_headers()
        request.wfile.flush()
        time.sleep(seconds)
        with suppress(OSError):
            request.wfile.write(b"<p>late</p>".ljust(100))

    return route


def html(body: bytes) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "text/html; charset=utf-8"}, body

"""Reading a release from a file or a web page: every format admins send, and a clear reason when it fails."""

from __future__ import annotations

import pytest

import bot.reading as reading
from bot.messages import say
from bot.reading import MAX_BYTES, Unreadable, fetch, from_text, is_link, read_bytes, read_file
from tests.import_fixtures import article_html, corpus_release, docx_bytes, html, pdf_bytes, slow, web

RELEASE = corpus_release("07")


def reason(exc: pytest.ExceptionInfo[Unreadable]) -> str:
    return say(exc.value.key, "en", **exc.value.values)


# -- files -------------------------------------------------------------------------------------------------


def test_plain_text_keeps_the_release_word_for_word_and_tidies_only_spacing():
    release = read_bytes(("\ufeff" + RELEASE.replace("\n", "\r\n")).encode(), "release.txt")
    assert release.text == RELEASE.strip()
    assert read_bytes(RELEASE.encode("cp1252", errors="ignore"), "old.txt").text.split()[:5] == RELEASE.split()[:5]


def test_markdown_is_read_as_the_words_a_reader_sees():
    text = "# A workshop in Freetown\n\nIt was **organised** by [UNODC](https://unodc.org).\n\n- 20 judges\n"
    assert read_bytes(text.encode(), "r.md").text == "A workshop in Freetown\n\nIt was organised by UNODC.\n\n20 judges"


def test_a_pdf_is_read_from_its_text_layer_with_lines_joined_into_sentences():
    lines = [
        "UNODC trains prosecutors in Freetown",
        "",
        "Freetown, 14 March 2018 - Thirty-two prosecutors and",
        "investigators took part in the workshop.",
    ]
    release = read_bytes(pdf_bytes(lines), "release.pdf")
    assert release.text.startswith("UNODC trains prosecutors in Freetown")
    assert "Thirty-two prosecutors and investigators took part in the workshop." in release.text


def test_a_word_document_gives_its_heading_paragraphs_and_tables():
    data = docx_bytes(
        "Workshop in Bissau", ["Around 40 magistrates attended.", "It lasted three days."], [["Funder", "EU"]]
    )
    release = read_bytes(data, "note.docx")
    assert release.text.split("\n")[:3] == [
        "Workshop in Bissau",
        "Around 40 magistrates attended.",
        "It lasted three days.",
    ]
    assert "Funder | EU" in release.text


def test_a_format_is_known_by_its_content_whatever_its_name():
    assert "Thirty" in read_bytes(pdf_bytes(["Thirty officers were trained in Lima."]), "scan.bin").text


@pytest.mark.parametrize(
    ("data", "name", "says"),
    [
        pytest.param(b"\xd0\xcf\x11\xe0" + b"\0" * 100, "old.doc", "old Word format", id="old-word"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "photo.png", "I cannot read photo.png", id="image"),
        pytest.param(b"%PDF-1.4 garbage", "broken.pdf", "seems damaged", id="damaged-pdf"),
        pytest.param(b"PK\x03\x04word/ garbage", "broken.docx", "seems damaged", id="damaged-docx"),
        pytest.param(pdf_bytes([]), "scan.pdf", "no text I can read", id="pdf-without-text"),
        pytest.param(b"  \n\n ", "empty.txt", "it is empty", id="empty"),
        pytest.param(b"x" * (MAX_BYTES + 1), "huge.txt", "too big", id="too-big"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(data, name, says):
    with pytest.raises(Unreadable) as exc:
        read_bytes(data, name)
    assert says in reason(exc)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(Unreadable) as exc:
        read_file(tmp_path / "nope.txt")
    assert "nope.txt" in reason(exc)


def test_pasted_text_that_is_empty_or_far_too_long_is_refused():
    with pytest.raises(Unreadable):
        from_text("   ")
    with pytest.raises(Unreadable) as exc:
        from_text("word " * 30_000)
    assert "too long" in reason(exc)


def test_a_link_is_one_web_address_alone():
    assert is_link("https://www.unodc.org/news/x.html") and is_link(" www.unodc.org/x ")
    assert not is_link("see https://unodc.org for more") and not is_link("ftp://x.org/file")


# -- pages -------------------------------------------------------------------------------------------------


def test_a_page_gives_its_article_without_menus_or_footer():
    with web({"/news/release.html": html(article_html(RELEASE))}) as base:
        release = fetch(f"{base}/news/release.html")
    assert release.url == release.origin == f"{base}/news/release.html"
    assert release.text.split("\n")[0] == RELEASE.split("\n")[0]
    assert "42" in release.text and "All rights reserved" not in release.text and "Share on" not in release.text


def test_redirects_are_followed_but_not_forever_and_only_to_web_pages():
    routes = {
        "/old": (301, {"Location": "/new"}, b""),
        "/new": html(article_html(RELEASE)),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/away": (302, {"Location": "file:///etc/passwd"}, b""),
    }
    with web(routes) as base:
        assert fetch(f"{base}/old").url == f"{base}/new"
        with pytest.raises(Unreadable) as loop:
            fetch(f"{base}/loop")
        with pytest.raises(Unreadable) as away:
            fetch(f"{base}/away")
    assert "more than 5 times" in reason(loop)
    assert "only read web pages" in reason(away)


@pytest.mark.parametrize(
    ("route", "says"),
    [
        pytest.param(None, "does not exist", id="not-found"),
        pytest.param((500, {}, b"oops"), "error 500", id="server-error"),
        pytest.param((200, {"Content-Type": "image/png"}, b"\x89PNG"), "it is image/png", id="an-image"),
        pytest.param(html(b"<html><body><nav>Home</nav><p>Short.</p></body></html>"), "no article", id="no-article"),
        pytest.param(
            (200, {"Content-Type": "text/html", "Content-Length": str(MAX_BYTES + 10)}, b""), "too big", id="too-big"
        ),
    ],
)
def test_a_page_that_cannot_be_read_says_why(route, says):
    with web({"/page": route} if route else {}) as base, pytest.raises(Unreadable) as exc:
        fetch(f"{base}/page")
    assert says in reason(exc)


def test_a_pdf_behind_a_link_is_read_as_a_pdf():
    with web(
        {"/release.pdf": (200, {"Content-Type": "application/pdf"}, pdf_bytes(["Forty judges met in Quito."]))}
    ) as base:
        assert "Forty judges met in Quito." in fetch(f"{base}/release.pdf").text


def test_a_slow_page_times_out_with_a_clear_message(monkeypatch):
    monkeypatch.setattr(reading, "TIMEOUT", 0.3)
    with web({"/slow": slow(2)}) as base, pytest.raises(Unreadable) as exc:
        fetch(f"{base}/slow")
    assert "did not answer within" in reason(exc)


@pytest.mark.parametrize("url", ["ftp://example.org/release.txt", "file:///etc/passwd", "javascript:alert(1)"])
def test_only_http_and_https_links_are_fetched(url):
    with pytest.raises(Unreadable) as exc:
        fetch(url)
    assert "only read web pages" in reason(exc)


def test_a_site_that_cannot_be_reached_is_said_to_be_unreachable():
    with web({}) as base:
        pass  # the server is gone: nothing listens on its port any more
    with pytest.raises(Unreadable) as exc:
        fetch(f"{base}/release.html")
    assert "could not reach" in reason(exc)

"""Telegram HTML: escaped once, never over 4,096 characters, never cut inside a tag or an entity."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.engine import Answer
from bot.render import MESSAGE_LIMIT, Block, answer_html, pack, sources_html, tg_len
from knowledge.facts import Source
from tests.fake_telegram import parse_html


def test_dynamic_values_are_escaped_so_telegram_shows_them_as_typed():
    answer = Answer('R&D <script>alert("x")</script> & more', "summary", "en")
    (message,) = answer_html(answer)
    assert "<script>" not in message
    assert parse_html(message) == answer.text


def test_a_long_answer_is_split_into_messages_under_the_limit_at_line_breaks():
    lines = [f"• line {i}: " + "drug trafficking & the dark net " * 5 for i in range(200)]
    messages = answer_html(Answer("\n".join(lines), "list_events", "en"))
    assert len(messages) > 1
    assert all(tg_len(m) <= MESSAGE_LIMIT for m in messages)
    assert "\n".join(parse_html(m) for m in messages) == "\n".join(lines)


def test_one_huge_line_is_cut_at_spaces_and_tags_stay_balanced():
    text = "word " * 3000
    messages = pack([Block(text.strip(), "b")])
    assert len(messages) >= 4
    for message in messages:
        assert message.startswith("<b>") and message.endswith("</b>")
        assert tg_len(message) <= MESSAGE_LIMIT
        parse_html(message)


def test_emoji_count_twice_as_telegram_counts_them():
    messages = pack([Block("😀" * 3000)])
    assert all(tg_len(m) <= MESSAGE_LIMIT for m in messages)
    assert "".join(parse_html(m) for m in messages) == "😀" * 3000


def test_sources_show_each_quote_under_its_document_once():
    quote = Source("panama", "attended by 61 <investigating> officers", "Panama release")
    other = Source("panama", "funded by the European Union", "Panama release")
    (message,) = sources_html([quote, other, quote], "en")
    shown = parse_html(message)
    assert shown.count("Panama release") == 1
    assert shown.count("61 <investigating> officers") == 1 and "European Union" in shown


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=10_000), st.sampled_from([None, "b", "i", "code", "blockquote"]))
def test_any_text_becomes_messages_telegram_accepts(text, tag):
    messages = pack([Block(line, tag) for line in text.split("\n")])
    for message in messages:
        assert tg_len(message) <= MESSAGE_LIMIT
        parse_html(message)  # raises where Telegram would answer 400

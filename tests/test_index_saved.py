"""Start-up restores the index saved beside the facts cache instead of building it: what a restored index knows
and answers is exactly what one built anew knows; it is used only for the very knowledge and code that saved
it, and a saved index that is damaged, stale or in the way is never used: the index is built, and the bot
answers as before."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

import bot.startup
from bot.engine import Conversation, Engine
from bot.engine.index import KnowledgeIndex
from bot.engine.saved import restored
from bot.startup import INDEX_CODE, ROOT, keep_caches, open_knowledge
from knowledge import audit
from knowledge.facts import Fact, Source, bundled_facts
from knowledge.indexcache import MAGIC, IndexCache, index_path
from knowledge.store import Store
from tests.botprocess import BotProcess
from tests.corpus import DEV, all_gold_facts, conversations, items
from tests.fake_telegram import FakeBotAPIServer
from tests.test_index_refresh import knowledge

ADMIN = Source("admin", "test")
STAMP = (1, 2, 3)


@pytest.fixture(scope="module")
def facts() -> list[Fact]:
    return [*bundled_facts(), *all_gold_facts()]


def questions() -> list[str]:
    asked = [conv["turns"] for conv in conversations(DEV)] + [q["turns"] for item in items() for q in item.questions]
    return [turn["q"] for turns in asked for turn in turns]


def saved_and_read(engine: Engine, tmp_path: Path, code: str = "code") -> dict[str, object]:
    cache = IndexCache(tmp_path / "db.index")
    cache.save(engine.kept()[0], STAMP, code)
    kept = cache.load(STAMP, code)
    assert kept is not None
    return kept


def test_an_index_restored_from_the_file_knows_what_one_built_anew_knows(facts, tmp_path) -> None:
    built = Engine(facts)
    kept = saved_and_read(built, tmp_path)
    again = Engine(facts, kept)
    assert again.restored
    assert knowledge(again.index) == knowledge(KnowledgeIndex(facts))


def test_a_restored_index_answers_every_question_as_a_built_one_does(facts, tmp_path) -> None:
    built = Engine(facts)
    again = Engine(facts, saved_and_read(built, tmp_path))
    asked = questions()
    assert len(asked) > 100
    for question in asked:
        a, b = built.ask(question, Conversation()), again.ask(question, Conversation())
        assert (b.text, b.intent, b.events) == (a.text, a.intent, a.events), question


def test_an_admin_change_after_a_restored_start_refreshes_as_after_a_built_one(facts, tmp_path) -> None:
    engine = Engine(facts, saved_and_read(Engine(facts), tmp_path))
    subject = next(f.subject for f in facts if f.subject.startswith("event:"))
    changed = [*facts, Fact(f"{subject}/funders/x", subject, "funders", "Government of Chile", ADMIN, "admin")]
    engine.refresh(changed)
    assert knowledge(engine.index) == knowledge(KnowledgeIndex(changed))
    assert "Chile" in engine.ask("which events did Chile fund?", Conversation()).text


def test_what_was_kept_of_other_events_is_not_used(facts, tmp_path) -> None:
    kept = saved_and_read(Engine(facts), tmp_path)
    fewer = [f for f in facts if f.subject != next(s.subject for s in facts if s.subject.startswith("event:"))]
    assert restored(fewer, kept) is None
    assert not Engine(fewer, kept).restored
    assert knowledge(Engine(fewer, kept).index) == knowledge(KnowledgeIndex(fewer))
    assert restored(facts, {**kept, "people": 7}) is None  # not the shape the code reads: built instead


def test_the_file_is_used_only_for_the_knowledge_version_and_code_that_saved_it(facts, tmp_path) -> None:
    cache = IndexCache(tmp_path / "db.index")
    cache.save(Engine(facts).kept()[0], STAMP, "code")
    assert cache.holds(STAMP, "code")
    assert cache.load(STAMP, "code") is not None
    assert cache.load((1, 2, 4), "code") is None  # the knowledge file changed since
    assert cache.load(STAMP, "other") is None  # the code was upgraded since
    assert not cache.holds(STAMP, "other")


@pytest.mark.parametrize("damage", ["cut", "flipped", "empty", "trailer", "length"])
def test_a_damaged_file_is_not_used(facts, tmp_path, damage: str) -> None:
    path = tmp_path / "db.index"
    IndexCache(path).save(Engine(facts).kept()[0], STAMP, "code")
    data = bytearray(path.read_bytes())
    if damage == "cut":
        data = data[: len(data) * 2 // 3]
    elif damage == "flipped":
        data[len(data) // 2] ^= 0x55
    elif damage == "empty":
        data = bytearray()
    elif damage == "trailer":
        data = data[:-3] + b"}\n"
    else:  # the first block's length made 4 GB: not read into memory, nor waited for
        at = data.index(b"\n", len(MAGIC)) + 1
        data[at : at + 4] = b"\xf0\xff\xff\xff"
    path.write_bytes(bytes(data))
    assert IndexCache(path).load(STAMP, "code") is None
    assert not IndexCache(path).holds(STAMP, "code")


def test_a_saved_index_cut_short_is_written_again(tmp_path) -> None:
    path = tmp_path / "db.json"
    store, engine = open_knowledge(path)
    keep_caches(store, engine)
    store.close()
    saved = index_path(path)
    saved.write_bytes(saved.read_bytes()[:-100])  # its header whole: a write that stopped part way
    store, engine = open_knowledge(path)
    assert not engine.restored
    keep_caches(store, engine)
    store.close()
    assert open_knowledge(path)[1].restored


def test_a_big_table_is_written_in_parts_and_read_back_whole(tmp_path) -> None:
    table = {f"word{i}": {f"event-{j}" for j in range(i % 7)} for i in range(25_000)}
    cache = IndexCache(tmp_path / "db.index")
    cache.save({"by_keyword": table, "newest_first": ["a", "b"]}, STAMP, "code")
    assert cache.load(STAMP, "code") == {"by_keyword": table, "newest_first": ["a", "b"]}


def test_start_up_restores_the_index_saved_for_this_knowledge_and_builds_it_after_a_change(tmp_path) -> None:
    path = tmp_path / "db.json"
    store, engine = open_knowledge(path)
    assert not engine.restored
    keep_caches(store, engine)
    store.close()
    assert index_path(path).exists()

    store, engine = open_knowledge(path)
    assert engine.restored
    assert "61" in engine.ask("How many people attended the Panama training?", Conversation()).text
    subject = "event:panama-2021-osint-training"
    store.save_fact(Fact(f"{subject}/funders/x", subject, "funders", "Government of Chile", ADMIN, "admin"), "42")
    store.close()  # as a kill -9 would leave it: the saved index is of the knowledge before the change

    store, engine = open_knowledge(path)
    assert not engine.restored  # built: the knowledge changed since the index was saved
    assert "Chile" in engine.ask("who funded the Panama training?", Conversation()).text
    keep_caches(store, engine)
    store.close()
    assert open_knowledge(path)[1].restored


def test_an_upgrade_that_changes_the_engine_builds_the_index_again(tmp_path, monkeypatch) -> None:
    path = tmp_path / "db.json"
    store, engine = open_knowledge(path)
    keep_caches(store, engine)
    store.close()
    monkeypatch.setattr(bot.startup, "index_code", lambda: "the next version")
    store, engine = open_knowledge(path)
    assert not engine.restored
    keep_caches(store, engine)  # saved again, by the new code
    store.close()
    assert open_knowledge(path)[1].restored


def test_a_saved_index_that_cannot_be_written_is_logged_and_start_up_goes_on(tmp_path, caplog) -> None:
    path = tmp_path / "db.json"
    store, engine = open_knowledge(path)
    index_path(path).mkdir()  # in the way: cannot be replaced by a file
    with caplog.at_level(logging.WARNING):
        keep_caches(store, engine)
    assert "Could not write the saved index" in caplog.text
    store.close()
    store, engine = open_knowledge(path)
    assert not engine.restored
    assert "61" in engine.ask("How many people attended the Panama training?", Conversation()).text


def test_the_digest_covers_every_module_an_index_is_built_with() -> None:
    """A change to any code that builds the index gives another digest, so an upgrade never restores an index
    the old code built: every module of ours loaded to build one is in `INDEX_CODE`."""
    script = (
        "import sys\n"
        "from bot.engine import Engine\n"
        "from knowledge.facts import bundled_facts\n"
        "Engine(bundled_facts())\n"
        "print('\\n'.join(getattr(m, '__file__', None) or '' for m in list(sys.modules.values())))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    ours = {Path(f).resolve() for f in out.split() if f and Path(f).resolve().is_relative_to(ROOT)}
    ours = {f for f in ours if ".venv" not in f.parts and "site-packages" not in f.parts}
    covered = {p.resolve() for pattern in INDEX_CODE for p in ROOT.glob(pattern)}
    assert ours and ours <= covered, sorted(str(f.relative_to(ROOT)) for f in ours - covered)
    assert (ROOT / "bot" / "countries.json").resolve() in covered  # the country names it reads


def test_the_bot_saves_its_index_as_it_starts_and_the_next_start_restores_it(tmp_path) -> None:
    with FakeBotAPIServer() as server:
        bot = BotProcess(tmp_path, server.base_url)
        try:
            server.fake.wait_polling()
            server.fake.wait_for(index_path(tmp_path / "db.json").exists)
            bot.proc.kill()  # nothing written on the way out
            bot.proc.wait(30)
        finally:
            bot.stop()
    engine = open_knowledge(tmp_path / "db.json")[1]
    assert engine.restored
    assert "61" in engine.ask("How many people attended the Panama training?", Conversation()).text


def test_facts_read_while_another_process_replaces_the_file_are_kept_under_the_file_they_came_from(
    tmp_path, monkeypatch
) -> None:
    """`python -m bot import` may save while the bot reads every fact again (0.4 s at 10,000 events): what the
    bot read, and the index it built from it, belong to the file it read, never to the one that replaced it."""
    path, subject = tmp_path / "db.json", "event:panama-2021-osint-training"
    writer, reader = Store(path), Store(path)

    def funder(name: str) -> Fact:
        return Fact(f"{subject}/funders/{name}", subject, "funders", f"Government of {name}", ADMIN, "admin")

    writer.save_fact(funder("Chile"), "42")  # the reader will read every fact again
    read_one = audit.FactReader.live
    replaced: list[bool] = []

    def live(self: audit.FactReader, *args: object) -> object:
        if not replaced:  # midway through the reading, the other process saves
            replaced.append(True)
            writer.save_fact(funder("Peru"), "42")
        return read_one(self, *args)

    monkeypatch.setattr(audit.FactReader, "live", live)
    facts, version = reader.versioned_facts()
    monkeypatch.undo()
    assert replaced and "Government of Peru" not in [f.value for f in facts]
    keep_caches(reader, Engine(facts, None, version))
    reader.close()
    writer.close()
    engine = open_knowledge(path)[1]
    assert "Peru" in engine.ask("who funded the Panama training?", Conversation()).text
    assert engine.ask("which events did Peru fund?", Conversation()).events == ("panama-2021-osint-training",)

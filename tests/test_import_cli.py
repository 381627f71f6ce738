"""`python -m bot import`, run as an admin runs it over an archive: what it prints, what it saves, and what not."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter

from knowledge.store import Store
from tests.botprocess import BotProcess
from tests.fake_telegram import FakeBotAPIServer
from tests.import_fixtures import CORPUS, SEEDS, docx_bytes
from tests.test_cli import ROOT, run_bot

RELEASES = sorted(str(p) for p in CORPUS.glob("*.txt"))


def imported(db) -> Counter[str]:
    """Facts per imported document, read back from the database."""
    store = Store(db, load_bundled=False)
    try:
        return Counter(f.source.doc for f in store.facts() if f.source.doc.startswith("document:"))
    finally:
        store.close()


def test_without_yes_it_prints_what_it_found_and_saves_nothing(tmp_path):
    result = run_bot("import", RELEASES[0], tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    first_line = (CORPUS / RELEASES[0]).read_text(encoding="utf-8").split("\n")[0]
    assert f"title: {first_line}" in result.stdout and "“" in result.stdout
    assert "not found:" in result.stdout and "not saved (add --yes to save)" in result.stdout
    assert not (tmp_path / "db.json").exists()  # no database made for a dry run
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("db.")] == []


def test_the_corpus_is_imported_once_and_a_second_run_saves_nothing(tmp_path):
    first = run_bot("import", "--yes", *RELEASES, tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    assert f"{len(RELEASES)} sources: {len(RELEASES)} saved, 0 not saved" in first.stdout
    after_first = imported(tmp_path / "db.json")
    assert len(after_first) == len(RELEASES)
    second = run_bot("import", "--yes", "--force", *RELEASES, tmp_path=tmp_path)
    assert second.stdout.count("skipped: this text was imported already") == len(RELEASES)
    assert imported(tmp_path / "db.json") == after_first
    store = Store(tmp_path / "db.json")
    changes = [e for e in store.audit_log() if e["actor"] == "command line"]
    store.close()
    assert changes and all(e["by"] == "command line" for e in changes)


def test_the_seed_releases_are_look_alikes_of_the_bundled_events_and_skipped_unless_forced(tmp_path):
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    result = run_bot("import", "--yes", *seeds, tmp_path=tmp_path)
    assert result.stdout.count("looks like an event already recorded") == 2
    assert "(panama-2021-osint-training)" in result.stdout and "(vienna-2017-side-event)" in result.stdout
    assert imported(tmp_path / "db.json") == Counter()
    forced = run_bot("import", "--yes", "--force", seeds[0], tmp_path=tmp_path)
    assert "saved as event:" in forced.stdout and len(imported(tmp_path / "db.json")) == 1


def test_an_unreadable_source_is_named_and_the_others_are_still_imported(tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 64)
    (tmp_path / "release.docx").write_bytes(
        docx_bytes("Forty judges trained in Quito", ["Quito, 3 May 2022 - Forty judges attended the workshop."])
    )
    sources = [
        str(tmp_path / "missing.txt"),
        str(tmp_path / "old.doc"),
        str(tmp_path / "release.docx"),
        "ftp://x.org/a",
    ]
    result = run_bot("import", "--yes", *sources, tmp_path=tmp_path)
    assert result.returncode == 1
    assert "unreadable: " in result.stdout and "missing.txt" in result.stdout.splitlines()[-1]
    assert "old Word format" in result.stdout and "only read web pages" in result.stdout
    assert "Traceback" not in result.stderr
    assert len(imported(tmp_path / "db.json")) == 1


def test_imported_events_are_answered_by_ask(tmp_path):
    run_bot("import", "--yes", *RELEASES, tmp_path=tmp_path)
    store = Store(tmp_path / "db.json")
    titles = {f.subject: f.value for f in store.facts() if f.field == "title" and f.subject.startswith("event:")}
    store.close()
    subject, title = next(iter(sorted(titles.items())))
    result = run_bot("ask", "--json", f"When was {title}?", tmp_path=tmp_path)
    assert json.loads(result.stdout)["event"] == subject.removeprefix("event:")


def test_kill_9_during_an_import_leaves_each_release_saved_whole_or_not_at_all(tmp_path):
    clean = tmp_path / "clean"
    clean.mkdir()
    run_bot("import", "--yes", *RELEASES, tmp_path=clean)
    whole = imported(clean / "db.json")
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"} | {
        "BOT_DB_PATH": str(tmp_path / "db.json")
    }
    env["PYTHONUNBUFFERED"] = "1"
    interrupted = 0
    for delay in (0.0, 0.002, 0.005, 0.01, 0.02):
        command = [sys.executable, "-m", "bot", "import", "--yes", *RELEASES]
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:  # kill it while it saves: just after one release is saved, before the next
            if line.startswith("   -> saved"):
                break
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        partial = imported(tmp_path / "db.json")
        assert all(partial[doc] == whole[doc] for doc in partial), "a release was saved in part"
        interrupted += len(partial) < len(whole)
    assert interrupted  # the kills did land mid-import
    resumed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert resumed.returncode == 0
    assert imported(tmp_path / "db.json") == whole


def test_a_release_imported_while_the_bot_runs_is_answered_at_once(tmp_path):
    """The docs offer the command line for archives: a bot running on the same database answers from what it
    saved within a second or so, not after a restart."""
    with FakeBotAPIServer() as server:
        bot = BotProcess(tmp_path, server.base_url)
        try:
            server.fake.wait_polling()
            result = run_bot("import", "--yes", RELEASES[0], tmp_path=tmp_path)
            assert result.returncode == 0, result.stderr
            store = Store(tmp_path / "db.json", load_bundled=False)
            imported = {f.field: f.value for f in store.facts() if f.source.doc.startswith("document:")}
            store.close()
            year, answer = str(imported["date"])[:4], ""
            deadline = time.monotonic() + 10  # the bot looks at the file every second
            while year not in answer and time.monotonic() < deadline:
                asked = len(server.fake.replies(501))
                server.fake.says(f"When was the {imported['title']}?", chat_id=501)
                server.fake.wait_replies(501, asked + 1)
                answer = server.fake.replies(501)[-1]["text"]
                time.sleep(0.2)
            assert year in answer and "no record" not in answer, answer
        finally:
            bot.stop()

"""The shared corpus imported as an admin would (every release, no correction, with the seeds beside it), then
asked its own questions: at least nine in ten are answered right, the dev questions all still are, and no
answer has a number that is not in the facts of the events it names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.engine import Conversation, Engine
from bot.startup import open_knowledge
from tests.corpus import CORPUS, DEV, conversations, problems
from tests.test_cli import run_bot

SHARE = 0.9  # the must-hold: nine questions in ten


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    tmp = tmp_path_factory.mktemp("corpus")
    releases = sorted(str(p) for p in CORPUS.glob("*.txt"))
    seeds = sorted(str(p) for p in (CORPUS.parent / "seeds").glob("*.txt"))
    result = run_bot("import", "--yes", *releases, *seeds, tmp_path=tmp)
    assert result.returncode == 0, result.stderr
    store, engine = open_knowledge(tmp / "db.json")
    store.close()
    return engine


def ask_all(engine: Engine, path: Path) -> tuple[list[str], list[dict]]:
    failed, answers = [], []
    for case in conversations(path):
        conv = Conversation()
        wrong = []
        for turn in case["turns"]:
            answer = engine.ask(turn["q"], conv).to_json()
            answers.append(answer)
            wrong += problems(turn, answer)
        if wrong:
            failed.append(f"{case['id']}: {wrong}")
    return failed, answers


def test_the_seeds_are_not_imported_twice(imported):
    assert len(imported.index.events) == len(list(CORPUS.glob("*.txt"))) + 2


def test_nine_corpus_questions_in_ten_are_answered_right_after_import(imported):
    failed = []
    total = 0
    for path in sorted(CORPUS.glob("*.questions.jsonl")):
        wrong, _ = ask_all(imported, path)
        failed += wrong
        total += len(conversations(path))
    assert (total - len(failed)) / total >= SHARE, "\n".join(failed)


def test_the_dev_questions_all_pass_beside_the_imported_corpus(imported):
    failed, _ = ask_all(imported, DEV)
    assert not failed, "\n".join(failed)


def test_no_answer_about_imported_events_has_a_number_of_its_own(imported):
    """Every number is in a fact (value or quote) of an event the answer names, a count of what it lists, or a
    year in an event's name."""
    for path in sorted(CORPUS.glob("*.questions.jsonl")):
        _, answers = ask_all(imported, path)
        for answer in answers:
            known = " ".join(
                f"{f.value} {f.source.quote}" for e in answer["events"] for f in imported.index.events[e].all()
            )
            listed = re.finditer(
                r"\b(\d+) (?:countries|speakers|funders|organisers|days|países|días)", answer["answer"]
            )
            counted = {m.group(1) for m in listed}
            for number in re.findall(r"\d+", answer["answer"]):
                assert number in known or number in counted, f"{number} in {answer['answer']!r}"

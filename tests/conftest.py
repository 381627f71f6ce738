"""Fixtures shared by the tests: an engine on the bundled knowledge, stores in memory and on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.engine import Answer, Conversation, Engine
from knowledge.facts import bundled_facts
from knowledge.store import Store

PANAMA = "panama-2021-osint-training"
VIENNA = "vienna-2017-side-event"


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(bundled_facts())


@pytest.fixture
def ask(engine: Engine) -> Callable[..., Answer]:
    """Ask one question in a fresh conversation (or in the one given)."""

    def _ask(question: str, conv: Conversation | None = None) -> Answer:
        return engine.ask(question, conv if conv is not None else Conversation())

    return _ask


@pytest.fixture(params=["memory", "json"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    """The same store tests run over memory and over the atomic JSON file."""
    return Store(None if request.param == "memory" else tmp_path / "db.json")

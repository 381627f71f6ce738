"""Two admins at once: a change is made only to the value its admin saw; the other is told what it is now and
asked again. No acknowledged change is overwritten without its author being told."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from knowledge.facts import Fact, Source
from knowledge.store import ChangedMeanwhile, Store
from tests.tg import ADMIN, Harness, buttons

OTHER = 4343  # a second admin
PANAMA = "event:panama-2021-osint-training"


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    harness = await Harness(tmp_path, admins=frozenset({ADMIN, OTHER})).start()
    yield harness
    await harness.stop()


def _user(bot: Harness, admin: int) -> dict:
    return bot.fake.user(admin, "Ana" if admin == ADMIN else "Bo")


async def says(bot: Harness, admin: int, text: str) -> list[dict]:
    return await bot.send(text, chat_id=admin, user=_user(bot, admin))


def _last_replies(bot: Harness) -> list[str]:
    """What each admin was told last (two commands sent at once: each sees both replies go out)."""
    return [bot.fake.replies(admin)[-1]["text"] for admin in (ADMIN, OTHER)]


async def confirm(bot: Harness, admin: int, proposal: dict) -> list[dict]:
    return await bot.press(proposal, buttons(proposal)["✅ Confirm"], user=_user(bot, admin))


def test_a_change_made_on_a_value_changed_meanwhile_is_refused_and_names_it(tmp_path):
    path = tmp_path / "db.json"
    store = Store(path)
    seen = store.fact(f"{PANAMA}/participants")
    assert seen is not None
    changed = seen._replace(value={"count": 65, "at_least": False})
    store.apply([changed], [], actor=str(OTHER), actor_name="Bo")
    before, audit = path.read_bytes(), store.audit_log()
    mine = seen._replace(value={"count": 70, "at_least": False})
    with pytest.raises(ChangedMeanwhile) as refused:
        store.apply([mine], [], actor=str(ADMIN), actor_name="Ana", expect={seen.fid: seen})
    assert refused.value.by == "Bo" and refused.value.now == store.fact(seen.fid)
    assert path.read_bytes() == before and store.audit_log() == audit
    new = Fact(f"{PANAMA}/venue", PANAMA, "venue", "Hotel", Source("admin", "q"), "admin")
    store.apply([new], [], actor=str(OTHER), expect={new.fid: None})
    with pytest.raises(ChangedMeanwhile):
        store.apply([new._replace(value="Academy")], [], actor=str(ADMIN), expect={new.fid: None})
    assert store.fact(new.fid).value == "Hotel"


async def test_a_confirmation_after_another_admins_change_is_refused_and_asked_again(bot):
    (proposal,) = await says(bot, ADMIN, "/editfact panama 2021 participnts 70")  # unsure: asks to confirm
    (saved,) = await says(bot, OTHER, "/editfact panama 2021 participants 65")
    assert saved["text"].startswith("Saved")
    (again,) = await confirm(bot, ADMIN, proposal)
    assert again["text"].startswith("Not saved: since you looked, Bo changed participants of Panama 2021 training")
    assert "it is now “65”" in again["text"] and "participants “65” → “70”" in again["text"]
    assert bot.store.fact(f"{PANAMA}/participants").value["count"] == 65
    (done,) = await confirm(bot, ADMIN, again)
    assert done["text"].startswith("Saved") and bot.store.fact(f"{PANAMA}/participants").value["count"] == 70
    assert [e["by"] for e in bot.store.history(PANAMA)] == ["Ana", "Bo"]


async def test_a_list_item_edited_by_two_admins_is_not_kept_twice(bot):
    (proposal,) = await says(bot, ADMIN, "/editfact panama 2021 fundres 2 Government of Canada")
    await says(bot, OTHER, "/editfact panama 2021 funders 2 Government of Norway")
    (again,) = await confirm(bot, ADMIN, proposal)
    assert "Bo changed funders" in again["text"] and "“Government of Norway” → “Government of Canada”" in again["text"]
    funders = [f.value for f in bot.store.facts() if f.subject == PANAMA and f.field == "funders"]
    assert funders == ["European Union", "Government of Norway"]
    await confirm(bot, ADMIN, again)
    funders = [f.value for f in bot.store.facts() if f.subject == PANAMA and f.field == "funders"]
    assert sorted(funders) == ["European Union", "Government of Canada"]


async def test_a_deletion_confirmed_after_the_item_is_gone_says_so(bot):
    (proposal,) = await says(bot, ADMIN, "/delfact panama 2021 fundres 2")
    await says(bot, OTHER, "/delfact panama 2021 funders 2")
    (refused,) = await confirm(bot, ADMIN, proposal)
    assert refused["text"].startswith("Not saved: since you looked, Bo deleted funders of Panama 2021 training.")
    assert "has no funders number 2" in refused["text"] and buttons(refused) == {}


async def test_two_quick_commands_on_the_same_fact_are_never_both_acknowledged(bot):
    await asyncio.gather(
        says(bot, ADMIN, "/editfact vienna date 24 May 2017"), says(bot, OTHER, "/editfact vienna date 25 May 2017")
    )
    texts = _last_replies(bot)
    assert sum(t.startswith("Saved") for t in texts) == 1
    refused = next(t for t in texts if not t.startswith("Saved"))
    assert refused.startswith("Not saved: since you looked") and "Is this still the change you want?" in refused
    date = bot.store.fact("event:vienna-2017-side-event/date").value
    assert f"it is now “{date}”" in refused
    assert len(bot.store.history("event:vienna-2017-side-event")) == 1


async def test_two_admins_adding_the_same_field_at_once_leave_one_and_tell_the_other(bot):
    await asyncio.gather(
        says(bot, ADMIN, "/addfact panama 2021 venue National Police Academy"),
        says(bot, OTHER, "/addfact panama 2021 venue Hotel Central"),
    )
    texts = _last_replies(bot)
    assert sum(t.startswith("Saved") for t in texts) == 1
    refused = next(t for t in texts if not t.startswith("Saved"))
    venue = bot.store.fact(f"{PANAMA}/venue").value
    assert f"it is now “{venue}”" in refused and "Use /editfact" in refused

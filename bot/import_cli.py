"""``python -m bot import PATH_OR_URL... [--yes] [--force]``: import releases in bulk from files or web pages.

For each release it prints what it found (field, value, quote), what it did not find, the flags and any
look-alike of a recorded event. Without --yes nothing is saved. With --yes each release is saved as one
change audited as made by the command line, except: a text imported already (never saved twice), a look-alike
of a recorded event and a text that does not report an event (both saved only with --force). Flagged guesses
are left out, and a date whose year the release does not give is saved without it. The exit code is 1 when a
file or page could not be read (each is named), 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from bot.config import Settings
from bot.import_preview import alike_line, field_label, short, show_value
from bot.import_run import Known, prepare, save
from bot.importer import LEFT_OUT_FLAGS, Draft, Who
from bot.messages import say
from bot.reading import Release, Unreadable, fetch, read_file
from knowledge.store import ChangedMeanwhile, Store

ACTOR = "command line"


def read_source(source: str) -> Release:
    if source.lower().startswith(("http://", "https://", "www.")) or "://" in source:
        return fetch(source)
    return read_file(Path(source))


def cmd_import(args: argparse.Namespace, settings: Settings, out: TextIO = sys.stdout) -> int:
    # Without --yes nothing is saved: a database that does not exist yet is not made for it (the releases are
    # compared with the bundled knowledge, in memory).
    exists = settings.db_path is not None and Path(settings.db_path).exists()
    store = Store(settings.db_path if args.yes or exists else None)
    try:
        known = Known.of(store.facts())
        unreadable: list[str] = []
        counts = {"saved": 0, "skipped": 0}
        for source in args.sources:
            print(f"== {source}", file=out)
            try:
                release = read_source(source)
            except Unreadable as exc:
                print(f"   could not be read: {say(exc.key, 'en', **exc.values)}", file=out)
                unreadable.append(source)
                continue
            draft = prepare(release, known)
            report(draft, out)
            outcome = decide(draft, args)
            if outcome == "save":
                try:
                    saved = save(store, draft, known, Who(ACTOR), ACTOR, sure_only=True)
                except ChangedMeanwhile:
                    saved, outcome = None, "skipped: another event was saved under the same id meanwhile; run again"
                else:
                    outcome = f"saved as {saved[0]} ({len(saved[1])} facts)" if saved else "skipped: imported already"
            counts["saved" if outcome.startswith("saved") else "skipped"] += 1
            print(f"   -> {outcome}", file=out, flush=True)
        summary = f"{len(args.sources)} sources: {counts['saved']} saved, {counts['skipped']} not saved"
        print(summary + (f", {len(unreadable)} unreadable: {', '.join(unreadable)}" if unreadable else ""), file=out)
        return 1 if unreadable else 0
    finally:
        store.close()


def decide(draft: Draft, args: argparse.Namespace) -> str:
    """ "save", or why the release is not saved."""
    if draft.imported:
        return "skipped: this text was imported already"
    if not args.yes:
        return "not saved (add --yes to save)"
    if draft.alikes and not args.force:
        return "skipped: looks like a recorded event (--force saves it anyway)"
    if not draft.extraction.is_event and not args.force:
        return "skipped: does not report an event (--force saves it anyway)"
    return "save"


def report(draft: Draft, out: TextIO) -> None:
    """What was found, flagged, not found, and looked like, in plain English."""
    print(
        f"   {draft.title or '(no title)'}" + ("  [title made up: no headline]" if draft.made_title else ""), file=out
    )
    if not draft.extraction.is_event:
        print(f"   not an event: {draft.extraction.not_event_why or 'no event is described'}", file=out)
    for item in draft.items:
        about = f" ({item.found.subject})" if item.found.subject else ""
        line = f"   {field_label(item.field)}{about}: {show_value(item.field, item.found.value)}"
        quote = f"  “{short(item.found.quote, 120)}”" if item.found.quote else ""
        print(line + quote, file=out)
        if item.found.flag:
            left = " (left out)" if item.found.flag in LEFT_OUT_FLAGS else ""
            print(f"      flagged{left}: {say('import_flag_' + item.found.flag, 'en')}", file=out)
    missing = draft.missing()
    print(f"   not found: {', '.join(map(field_label, missing)) if missing else 'nothing'}", file=out)
    if draft.extraction.truncated:
        print("   the text stops mid-sentence", file=out)
    for alike in draft.alikes:
        print("   " + alike_line(alike, "en").removeprefix("⚠ "), file=out)

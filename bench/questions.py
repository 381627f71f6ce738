"""How many question sets the engine answers right, in process: the shared dev set and the corpus questions.

    python -m bench.questions [--corpus gold|none] [-v] [FILE.jsonl ...]

The engine holds the bundled knowledge and, with ``--corpus gold`` (the default), every corpus release's gold
facts as if imported perfectly. Turns are checked the way ``../shared/eval/score.py`` checks them (same rules),
without starting a process per conversation, so a change can be judged in a second.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.engine import Conversation, Engine
from knowledge.facts import bundled_facts
from tests.corpus import problems

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*")
    parser.add_argument("--corpus", choices=["gold", "none"], default="gold")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    facts = bundled_facts()
    if args.corpus == "gold":
        from tests.corpus import all_gold_facts

        facts += all_gold_facts({f.fid for f in facts})
    engine = Engine(facts)
    files = args.files or [str(SHARED / "eval" / "dev.jsonl"), *map(str, sorted((SHARED / "corpus").glob("*.jsonl")))]
    total = passed = 0
    by_tag: dict[str, list[int]] = {}
    for name in files:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            conv = Conversation()
            wrong = []
            for turn in case["turns"]:
                answer = engine.ask(turn["q"], conv).to_json()
                found = problems(turn, answer)
                if found:
                    wrong.append((turn["q"], answer["answer"], found))
            total += 1
            ok = not wrong
            passed += ok
            tag = case.get("tag", "?")
            by_tag.setdefault(tag, [0, 0])[0] += ok
            by_tag[tag][1] += 1
            if args.verbose and not ok:
                for q, a, found in wrong:
                    print(f"FAIL {case['id']}: {q}\n   -> {a[:300]}\n   {found}")
    for tag, (ok, n) in sorted(by_tag.items()):
        print(f"{tag:12} {ok}/{n}")
    print(f"{passed} passed, {total - passed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

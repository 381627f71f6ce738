"""Answer latency of the engine against a naive baseline, by knowledge-base size.

    python -m bench.answer_latency [--sizes 1000 10000 100000] [--questions 2000] [--baseline-questions 20]
                                  [--rounds 3]

For each N: p50/p99 latency and questions per second of our engine (in-memory index), and of the naive
baseline the issue names: a TinyDB search on JSON storage (re-reading the file, as TinyDB does) plus rapidfuzz
WRatio of the question against every fact, per question. Prints a table; asserts nothing. The engine's heap is
frozen from the garbage collector after it is built, as the bot's start-up does. Each size is measured in
`--rounds` rounds, each on a freshly built engine, and the round with the middle p50 is shown.
"""

from __future__ import annotations

import argparse
import functools
import gc
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz, process
from tinydb import TinyDB

from bench.synth import synthetic_facts, synthetic_questions
from bot.engine import Conversation, Engine


def measure(answer: Callable[[str], object], questions: list[str]) -> tuple[float, float, float]:
    """(p50 ms, p99 ms, questions per second)."""
    times = []
    for question in questions:
        start = time.perf_counter()
        answer(question)
        times.append(time.perf_counter() - start)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return statistics.median(times) * 1e3, p99 * 1e3, len(times) / sum(times)


def baseline(path: Path) -> Callable[[str], object]:
    db = TinyDB(path)  # default JSONStorage: every search parses the whole file again

    def answer(question: str) -> object:
        facts = db.table("facts").all()
        texts = [f"{f['field']} {f['value']}" for f in facts]
        return process.extractOne(question, texts, scorer=fuzz.WRatio)

    return answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--baseline-questions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    print(f"{'events':>8} {'impl':>9} {'p50 ms':>9} {'p99 ms':>9} {'q/s':>10} {'build s':>8}")
    ours_p50: dict[int, float] = {}
    for n in args.sizes:
        facts = synthetic_facts(n)
        questions = synthetic_questions(args.questions, n)
        rounds = []
        for _ in range(args.rounds):  # each round on a fresh engine: what is made on first use counts each time
            gc.collect()
            started = time.perf_counter()
            engine = Engine(facts)
            build = time.perf_counter() - started
            gc.freeze()  # as the bot does once it has read its knowledge (`bot.startup.open_knowledge`)
            conv = Conversation()
            rounds.append((*measure(functools.partial(engine.ask, conv=conv), questions), build))
            del engine, conv
            gc.unfreeze()
        # The middle round by p50: a machine shared with other work slows a whole round down, not one question.
        p50, p99, qps, build = sorted(rounds)[len(rounds) // 2]
        ours_p50[n] = p50
        print(f"{n:>8} {'engine':>9} {p50:>9.3f} {p99:>9.3f} {qps:>10.0f} {build:>8.2f}", flush=True)
        if args.baseline_questions <= 0:  # --baseline-questions 0: the engine alone
            continue
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "naive.json"
            TinyDB(path).table("facts").insert_multiple(f.to_record() for f in facts)
            b50, b99, bqps = measure(baseline(path), questions[: args.baseline_questions])
        print(
            f"{n:>8} {'baseline':>9} {b50:>9.3f} {b99:>9.3f} {bqps:>10.1f} {'':>8}   "
            f"(engine is {b50 / p50:,.0f}x faster at p50)",
            flush=True,
        )
    if len(ours_p50) > 1:
        lo, hi = min(ours_p50), max(ours_p50)
        print(f"engine p50 growth from {lo} to {hi} events: {ours_p50[hi] / ours_p50[lo]:.2f}x")


if __name__ == "__main__":
    main()

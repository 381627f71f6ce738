"""End-to-end throughput: N simulated users chatting with the real bot process through the fake Bot API.

Each user asks a question, waits for the answer, then asks the next (a closed loop, as people chat). The same
run is made against a bare echo bot (`bench.echo_bot`), so the figure shows what our answering costs on top
of python-telegram-bot and HTTP. Goal: at least 0.8x the echo bot's answers per second.

    python -m bench.e2e_throughput [--users 50] [--questions 20]
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from tests.botprocess import BotProcess
from tests.fake_telegram import FakeBotAPIServer

QUESTIONS = [
    "How many people attended the Panama 2021 training?",
    "how many prosecutors attended?",
    "who funded it?",
    "When was the Vienna side event?",
    "who spoke there?",
    "what was it about?",
    "¿Cuántos fiscales asistieron a la capacitación en Panamá?",
    "¿quién lo financió?",
    "which countries took part in the OSINT training?",
    "what happened in 2017?",
    "list all trainings",
    "Was Costa Rica represented at the 2021 training?",
]


def run(module: str, users: int, per_user: int) -> dict[str, float]:
    """Start `module`, let `users` users ask `per_user` questions each, return the figures."""
    with FakeBotAPIServer() as server, tempfile.TemporaryDirectory() as tmp:
        fake = server.fake
        bot = BotProcess(Path(tmp), server.base_url, "run" if module == "bot" else "", module=module)
        try:
            fake.wait_polling()
            done = threading.Event()
            asked_at: dict[int, float] = {}
            left = dict.fromkeys(range(1, users + 1), per_user)
            latencies: list[float] = []
            questions = itertools.cycle(QUESTIONS)

            def ask(chat: int) -> None:
                asked_at[chat] = time.perf_counter()
                fake.says(next(questions), chat_id=chat)

            def on_send(message: dict[str, Any]) -> None:  # runs in the fake server, under its lock
                chat = message["chat"]["id"]
                latencies.append(time.perf_counter() - asked_at[chat])
                left[chat] -= 1
                if left[chat]:
                    ask(chat)
                elif not any(left.values()):
                    done.set()

            fake.on_send = on_send
            start = time.perf_counter()
            with fake.cond:
                for chat in left:
                    ask(chat)
            if not done.wait(600):
                raise TimeoutError(f"{module}: not every question was answered")
            elapsed = time.perf_counter() - start
        finally:
            bot.stop()
    ordered = sorted(latencies)
    return {
        "answers": len(latencies),
        "per_second": len(latencies) / elapsed,
        "p50": statistics.median(ordered) * 1000,
        "p95": ordered[int(0.95 * (len(ordered) - 1))] * 1000,
        "p99": ordered[int(0.99 * (len(ordered) - 1))] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--questions", type=int, default=20, help="questions per user")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each, alternating; the best one counts")
    args = parser.parse_args()
    runs: dict[str, list[dict[str, float]]] = {"echo": [], "bot": []}
    for _ in range(args.rounds):  # alternate, so that a busy moment of the machine hits both alike
        for name, module in (("echo", "bench.echo_bot"), ("bot", "bot")):
            runs[name].append(run(module, args.users, args.questions))
    best = {name: max(found, key=lambda r: r["per_second"]) for name, found in runs.items()}
    print(f"{args.users} concurrent users x {args.questions} questions through the fake Bot API over HTTP")
    print(f"(best of {args.rounds} alternating runs; every run: {_spread(runs)})")
    print(f"{'':6} {'answers':>8} {'answers/s':>10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name, r in best.items():
        print(f"{name:6} {r['answers']:8.0f} {r['per_second']:10.1f} {r['p50']:8.1f} {r['p95']:8.1f} {r['p99']:8.1f}")
    ratio = best["bot"]["per_second"] / best["echo"]["per_second"]
    print(f"bot / echo throughput: {ratio:.2f}x (goal: at least 0.8x)")


def _spread(runs: dict[str, list[dict[str, float]]]) -> str:
    return "; ".join(f"{name} " + ", ".join(f"{r['per_second']:.0f}/s" for r in found) for name, found in runs.items())


if __name__ == "__main__":
    main()

"""How well the importer reads the corpus (`../shared/corpus`, 18 releases with gold facts) and the two seeds
(`../shared/seeds`, whose facts are the bundled knowledge): recall and precision per field, and the time to
read one release once the libraries are loaded.

    python -m bench.extract_accuracy [-v]

Precision counts a value that the gold does not hold as wrong, even where the gold is silent rather than
contrary (a topic worded differently, a trainer the gold leaves out): it is a floor.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict

from bench.extract_gold import SEEDS, Field, compare, gold_of, releases
from bot.engine import Engine
from bot.extract import extract
from handlers.editing import programme_names
from knowledge.facts import bundled_facts


def main() -> None:
    verbose = "-v" in sys.argv
    facts = bundled_facts()
    organisations = sorted({str(f.value) for f in facts if f.field in ("organisers", "funders")})
    programmes = programme_names(Engine(facts))
    extract("Warm-up, 3 May 2021 - A workshop in Lima, Peru.", organisations, programmes)  # load the libraries
    totals: dict[str, Field] = defaultdict(Field)
    timings = []
    for path in releases():
        text = path.read_text(encoding="utf-8")
        start = time.perf_counter()
        result = extract(text, organisations, programmes)
        timings.append(time.perf_counter() - start)
        for name, field in compare(result, gold_of(path)).items():
            total = totals[name]
            total.agree, total.wrong, total.missed = (
                total.agree + field.agree,
                total.wrong + field.wrong,
                total.missed + field.missed,
            )
            if verbose and (field.wrong or field.missed):
                print(f"{path.stem[:40]:40} {name:22} wrong {list(field.wrong_values)} missed {field.missed}")
    print(f"{'field':24} {'recall':>8} {'precision':>10}   (agree / gold, agree / found)")
    for name, f in totals.items():
        gold, found = f.agree + f.missed, f.agree + f.wrong
        recall = f"{f.agree / gold:.0%}" if gold else "-"
        precision = f"{f.agree / found:.0%}" if found else "-"
        print(f"{name:24} {recall:>8} {precision:>10}   ({f.agree}/{gold}, {f.agree}/{found})")
    agree = sum(f.agree for f in totals.values())
    gold = sum(f.agree + f.missed for f in totals.values())
    found = sum(f.agree + f.wrong for f in totals.values())
    print(f"{'all fields':24} {agree / gold:>8.0%} {agree / found:>10.0%}   ({agree}/{gold}, {agree}/{found})")
    timings.sort()
    print(
        f"one release: median {timings[len(timings) // 2] * 1000:.1f} ms, slowest {timings[-1] * 1000:.1f} ms "
        f"({len(timings)} releases, libraries loaded)"
    )
    _seeds(organisations, programmes)


def _seeds(organisations: list[str], programmes: dict[str, str]) -> None:
    """The seeds against the bundled facts, field by field (the bundled facts predate the schema's "name as
    written" and "a dateline is not the place": those differences are shown, not hidden)."""
    for seed in sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []:
        result = extract(seed.read_text(encoding="utf-8"), organisations, programmes)
        event = seed.stem
        bundled = defaultdict(list)
        for fact in bundled_facts():
            if fact.subject == f"event:{event}":
                bundled[fact.field].append(fact.value)
        same = [n for n in bundled if sorted(map(repr, result.values(n))) == sorted(map(repr, bundled[n]))]
        differ = [n for n in bundled if n not in same]
        print(f"seed {event}: {len(same)}/{len(bundled)} bundled fields identical; differ: {', '.join(differ)}")


if __name__ == "__main__":
    main()

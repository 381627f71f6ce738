"""When no stored fact answers a question about an event, the sentence of its release that does, quoted.

Only above a tested relevance (`RELEVANT`): most of the question's own words (not the ones that found the
event) must be in the sentence, and for an attribute the facts never hold ("budget"), its word must be
there. The sentence is said as the release's words ("The release says: “...”"), never as a figure of the
bot's own.
"""

from __future__ import annotations

import math

from bot.engine import lexicon
from bot.engine.attributes import BY_NAME
from bot.engine.index import KnowledgeIndex
from bot.engine.models import Finding
from bot.engine.phrase import Ev
from bot.engine.query import Clause, Query
from bot.engine.text import fold
from bot.engine.understand import is_cue_word
from knowledge.facts import Fact, Source

RELEVANT = 0.6  # share of the question's weighted words a sentence must hold to be quoted
LEAST_WORDS = 2  # and at least this many of them: one shared word ("results") is a coincidence
STEM = 6  # words are compared by their first letters ("trained" = "training")


def release_says(query: Query, clause: Clause, index: KnowledgeIndex, eid: str) -> Finding | None:
    sentences = index.sentences(eid)
    if not sentences:
        return None
    locating = {s.start for s in query.spans if s.kind != "keyword"}
    wanted = {
        w[:STEM]
        for i, w in enumerate(clause.words, clause.start)
        if len(w) > 3 and i not in locating and w not in lexicon.STOPWORDS and w not in lexicon.FILLER_WORDS
    }
    event_words = _event_words(index, eid)
    wanted -= event_words
    needed = _needed(clause)
    if len(wanted) < LEAST_WORDS:
        return None
    stems = [{w[:STEM] for w in fold(text).split()} for text, _, _ in sentences]
    df = {w: sum(1 for s in stems if w in s) for w in wanted}
    weights = {w: math.log(1 + len(stems) / df[w]) if df[w] else 1.0 for w in wanted}
    best, best_score = -1, 0.0
    for n, have in enumerate(stems):
        if needed and not needed & have:
            continue
        hits = [w for w in wanted if w in have]
        if len(hits) < LEAST_WORDS:
            continue
        score = sum(weights[w] for w in hits) / (sum(weights.values()) or 1)
        if score > best_score:
            best, best_score = n, score
    if best < 0 or best_score < RELEVANT:
        return None
    text, doc, title = sentences[best]
    fact = Fact(f"{doc}#quote", f"event:{eid}", "quote", text, Source(doc=doc, quote=text, doc_title=title))
    return Finding(
        "release_says",
        {"event": Ev(eid), "sentence": text},
        [fact],
        (eid,),
        clause.attribute or "quote",
        confidence=0.6,
    )


def _needed(clause: Clause) -> set[str]:
    """For an attribute the facts never hold, the stems of its cue words the sentence must contain."""
    if clause.counted:  # "how many containers": a sentence with "containers" in it
        return {fold(clause.counted)[:STEM]}
    row = BY_NAME.get(clause.attribute)
    if row is None or row.fields:
        return set()
    words = {w[:STEM] for w in clause.words if len(w) > 3 and is_cue_word(w)}
    cues = {p.rstrip("*")[:STEM] for p, _ in row.cues}
    return {w for w in words if any(w.startswith(c) or c.startswith(w) for c in cues)}


def _event_words(index: KnowledgeIndex, eid: str) -> set[str]:
    event = index.events[eid]
    words: set[str] = set()
    for name in ("title", "kind", "city", "country", "venue"):
        words |= {w[:STEM] for w in fold(event.text(name)).split()}
    return words

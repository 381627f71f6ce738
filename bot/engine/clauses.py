"""What each question of a message asks: the message split into clauses ("When and where ...?", "..., and who
funded it?"), and each clause's form (how many, when, yes or no ...) and attributes, from the cues of
`attributes` and `forms` and the spans the clause holds.
"""

from __future__ import annotations

import re

from bot.engine import lexicon
from bot.engine.attributes import ASKED, BY_NAME, WEAK
from bot.engine.forms import ATTRIBUTE_CUES, DOMAIN_CUES, FORM_CUES, FORMS
from bot.engine.query import Clause, Query

SURE = 0.9  # a cue that cannot mean much else ("women", "online", "which trainings")
NAMED = 0.1  # a role span that is women or men makes that attribute the one asked, over "attended"
ROLE_NAMED = 0.3  # another role span ("how many prosecutors") makes it a question about attendance
PERSON_NAMED = 0.25  # a person named makes their position or words what is asked, over the event's
FORM_SURE = 0.8  # a how-many, list, total or comparison cue this strong shapes the answer, whatever else
FORM_LEAST = 0.7  # the least a question word's cue must be to give the clause its form
JOINED = 0.85  # a second attribute this sure, joined by "and", is asked too ("who organised and funded it")
JOINED_GAP = 0.15  # ... when it is about as sure as the first
SMALL_TALK_LEAST = 0.6  # a greeting or thanks at least this clear, with nothing else asked, is small talk

_BREAK = re.compile(r"[?;¿!]|[,:](?=\s)")
_RELATIVE_YEAR = (
    (re.compile(r"\b(the )?(year|año) (before|earlier|previous|anterior|antes)\b|\bel año anterior\b"), -1),
    (re.compile(r"\b(the )?(previous|prior) year\b|\blast year\b|\bel año pasado\b"), -1),
    (re.compile(r"\b(the )?(year after|next year|following year)\b|\bel año siguiente\b|\bal año siguiente\b"), 1),
    (re.compile(r"\b(\w+) years? (later|after|despues)\b|\b(\w+) años (despues|mas tarde)\b"), 0),
    (re.compile(r"\b(\w+) years? (before|earlier|antes)\b|\b(\w+) años antes\b"), 0),
)
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "un": 1,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "a": 1,
}


def clauses(query: Query, cleaned: str, bigrams: frozenset[str] | set[str]) -> list[Clause]:
    """The questions of the message: a new one starts at a question word after a break ("?", ",", ";") or a
    joining word ("and", "y"), as in "When and where ...?" or "..., and who funded it?"; a preposition before
    the question word goes with it ("..., with whose support", "y de qué países")."""
    words = query.words
    breaks = _break_positions(cleaned, query.original)
    starts = [0]
    for i in range(1, len(words)):
        word = words[i]
        with_whose = word == "with" and i + 1 < len(words) and words[i + 1] == "whose"
        if word not in lexicon.QUESTION_STARTS and not with_whose:
            continue
        start = i - 1 if words[i - 1] in lexicon.PREPOSITIONS and i >= 2 else i
        if start > starts[-1] and (words[start - 1] in lexicon.JOINERS or start in breaks):
            starts.append(start)
    clauses = [Clause(a, b, words[a:b]) for a, b in zip(starts, [*starts[1:], len(words)], strict=True)]
    for clause in clauses:
        _ask(clause, query, bigrams)
    return _merge_bare(clauses)


def _break_positions(cleaned: str, original: list[str]) -> set[int]:
    """Word positions that follow a "?", ";", "," or ":" in the text."""
    out: set[int] = set()
    at = 0
    for i, word in enumerate(original):
        found = cleaned.find(word, at)
        if found < 0:
            continue
        if i and _BREAK.search(cleaned[at:found]):
            out.add(i)
        at = found + len(word)
    return out


def _describes(words: list[str], i: int, bigrams: frozenset[str] | set[str]) -> bool:
    """Whether word i is part of a phrase some event's title or topics hold ("virtual assets", "financial
    investigations", "Drugs Online"): then it describes the event and is not a cue ("virtual", "financial")."""
    return (i > 0 and f"{words[i - 1]} {words[i]}" in bigrams) or (
        i + 1 < len(words) and f"{words[i]} {words[i + 1]}" in bigrams
    )


def _ask(clause: Clause, query: Query, bigrams: frozenset[str] | set[str]) -> None:
    """The clause's form and the attributes it asks, by their cues and the spans it holds. Words of a name
    ("Container Control Programme", the port of Tema) are not cues, nor are the words of a phrase that
    describes events ("financial investigations", "virtual assets")."""
    named = {i for s in query.spans if s.kind in _NAMES for i in range(s.start, s.end)}  # "Tema" is no "tema*"
    words = [
        "_" if i in named or _describes(query.words, i, bigrams) else w
        for i, w in enumerate(clause.words, clause.start)
    ]
    padded = f" {' '.join(words)} "
    clause.form = _form(words, padded)
    if not clause.form and _spanish_verb_question(query, clause):
        clause.form = "yes_no"  # "¿Financió la UE ...?", "¿Participaron fiscales ...?"
    scores = ATTRIBUTE_CUES.scores(words, padded)
    roles = _asked_roles(query, clause)
    if "women" in roles:
        scores["women"] = max(scores.get("women", 0), SURE) + NAMED
    if "men" in roles:
        scores["men"] = max(scores.get("men", 0), SURE) + NAMED
    if [r for r in roles if r not in ("women", "men")] and clause.form in ("how_many", "yes_no", ""):
        scores["participants"] = max(scores.get("participants", 0), WEAK) + ROLE_NAMED
    if query.of("person", clause):
        for name in ("position", "statements"):
            if name in scores:
                scores[name] += PERSON_NAMED
    if "trainers" in scores and "countries" in scores:
        scores["trainers"] += 0.3  # "which countries did the trainers come from": the trainers' countries
    if "format" in scores and "place" in scores and scores["format"] >= SURE:
        scores["place"] -= 0.3  # "was it held in person": the format, not the place
    if clause.form == "how_many" and "countries" in scores and not _names_countries(words):
        scores["participants"] = max(scores.get("participants", 0), scores.pop("countries"))  # "how many came from X"
    default = next((f.default for f in FORMS if f.name == clause.form), "")
    of_programmes = any(BY_NAME[n].about == {"programme"} and s >= SURE for n, s in scores.items())
    if default and default in scores and clause.form in ("when", "where") and not of_programmes:
        scores[default] += 0.2  # "when was the 'Drugs Online' webinar held": the date, whatever the title says
    strong = max(scores.values(), default=0.0)
    if strong >= ASKED:
        scores = {n: s for n, s in scores.items() if s >= WEAK or s == strong}
    clause.scores = scores
    ranked = sorted((n for n, s in scores.items() if s >= ASKED), key=lambda n: -scores[n])
    if clause.form == "how_many" and ranked and ranked[0] == "participants":
        countable = [n for n in ranked[1:] if BY_NAME[n].counts and scores[n] >= FORM_SURE]
        ranked = countable[:1] + [n for n in ranked if n not in countable[:1]]  # "how many speakers attended"
    counted = _counted_unknown(query, clause) if clause.form == "how_many" else ""
    if counted:  # "how many containers were seized?": whatever verb is there, containers are what is counted
        clause.counted, clause.attributes = counted, ["count_of"]
        return
    asked = _which_unknown(query, clause) if clause.form == "which" and not ranked else ""
    if asked:  # "what platform did they practise with?", "¿qué plataforma usaron?"
        clause.counted, clause.attributes = asked, ["which_of"]
        return
    kinds = [sp.kind for sp in query.spans if clause.start <= sp.start < clause.end]
    lists = _asks_which_events(words, kinds)
    strong = (
        clause.form in ("how_many", "total") and bool(ranked) and scores[ranked[0]] >= SURE and ranked[0] != "events"
    )
    if lists == DIRECTLY or (lists and not strong):  # "which trainings were funded by the UK": funders filter
        ranked = ["events", *[n for n in ranked if n != "events"]]
        scores["events"] = max(scores.get("events", 0.0), SURE)
    if ranked:
        clause.attributes = _joined(ranked, scores, words)
    elif clause.yes_no:
        clause.attributes = _checks(query, clause)
    else:
        clause.attributes = [default] if default else []


def _counted_unknown(query: Query, clause: Clause) -> str:
    """The thing "how many" / "cuántos" counts, as typed, when it is nothing the knowledge counts ("how many
    containers were seized", "¿cuántas toneladas ...?"); "" for people, roles, kinds, countries, days ...."""
    words = query.words
    for i in range(clause.start, clause.end - 1):
        if words[i] in _HOW_MANY and (words[i] != "many" or (i > 0 and words[i - 1] == "how")):
            break
    else:
        return ""
    j = i + 1
    while j < clause.end and words[j] in _BEFORE_NOUN:
        j += 1
    if j >= clause.end or any(s.start <= j < s.end and s.kind != "keyword" for s in query.spans):  # a role, kind ...
        return ""
    noun = words[j]
    if noun in lexicon.PREPOSITIONS or noun in lexicon.STOPWORDS:  # "how many from the border service?"
        return ""
    if noun in _COUNTED or ATTRIBUTE_CUES.scores([noun], f" {noun} ") or len(noun) < 4 or not noun.isalpha():
        return ""
    return query.original[j] if j < len(query.original) else noun


def _which_unknown(query: Query, clause: Clause) -> str:
    """The thing "what X" / "qué X" asks for, as typed, when it is nothing the knowledge holds ("what platform
    did they use"): a noun right after the question word, then a verb ("did", "usaron"); "" otherwise."""
    words = query.words
    start = clause.start
    if start + 2 >= clause.end or words[start] not in _WHAT:
        return ""
    noun, after = words[start + 1], words[start + 2]
    if any(s.start == start + 1 and s.kind != "keyword" for s in query.spans) or not noun.isalpha() or len(noun) < 4:
        return ""
    if noun in lexicon.STOPWORDS or noun in lexicon.FILLER_WORDS or ATTRIBUTE_CUES.scores([noun], f" {noun} "):
        return ""
    verb = after in lexicon.AUXILIARIES or after in ("se", "le", "les", "lo", "la") or bool(_VERB.fullmatch(after))
    return (query.original[start + 1] if start + 1 < len(query.original) else noun) if verb else ""


_WHAT = frozenset({"what", "which", "que", "cual", "cuales"})
_VERB = re.compile(r"\w+(?:aron|ieron|aba|aban|ia|ian|o|an|en|aran|eran)")  # "usaron", "usaba" (folded)


_HOW_MANY = frozenset({"many", "cuantos", "cuantas", "cuanta", "cuanto"})
_BEFORE_NOUN = frozenset(
    "of the de los las total in en them they those these ellos ellas estos estas esos esas".split()
)
# What people count that is the attendance or the list of events, in any words: never "not recorded".
_COUNTED = frozenset(
    "people persons person participants attendees delegates individuals times personas participantes asistentes "
    "delegados veces gente total were was did are asistieron participaron hubo fueron eran son estuvieron".split()
)


def _checks(query: Query, clause: Clause) -> list[str]:
    """What a yes/no question with no cue asks, by what it names: "was El Salvador at ...?" (a country: the
    participants' countries), "was INTERPOL at ...?" (an organisation), "did Walsh ...?" (a speaker),
    "was it the second ...?" (a place in a series)."""
    kinds = [s.kind for s in query.spans if clause.start <= s.start < clause.end]
    for kind, attribute in (("ordinal", "series"), ("person", "speakers"), ("organisation", "organisers")):
        if kind in kinds:
            return [attribute]
    if "name" in kinds:
        return ["organisers"]
    if "place" in kinds:
        # "was the Freetown workshop held in Sierra Leone?": a place after "held"/"in" is where it was held
        held = {"held", "take", "took", "realizo", "celebro", "realizado", "celebrado", "in", "en"}
        places = [s for s in query.spans if s.kind == "place" and clause.start <= s.start < clause.end]
        after_held = any(s.start and query.words[s.start - 1] in held for s in places)
        return ["place"] if after_held or (len(kinds) == 1 and held & set(clause.words)) else ["countries"]
    return []


_NAMES = frozenset({"place", "programme", "organisation", "person"})
_WHICH = frozenset({"which", "what", "que", "cuales", "cuantos", "cuantas", "how"})
_PLURAL_EVENTS = frozenset(
    "events trainings workshops courses webinars seminars meetings conferences activities forums eventos "
    "capacitaciones talleres cursos seminarios reuniones conferencias actividades foros".split()
)


DIRECTLY, INDIRECTLY = 2, 1  # "which trainings ...?" / "events funded by Germany" (unless it asks something else)


def _asks_which_events(words: list[str], spans: list[str]) -> int:
    """ "Which trainings ...", "what events ...", "¿qué capacitaciones ...", "how many workshops ...", "hybrid
    events", "events funded by Germany", "what did the UK fund?": a list of events, what else is said is
    its filter."""
    content = [w for w in words if w not in lexicon.FILLER_WORDS]
    for i, word in enumerate(content[:4]):
        if word in _PLURAL_EVENTS and i > 0 and (content[i - 1] in _WHICH or content[i - 1] == "many"):
            return DIRECTLY
    first = content[0] if content else ""
    for i, word in enumerate(content):  # "online trainings", "events funded by Germany"; not "a series of trainings"
        if word in _PLURAL_EVENTS and first not in _ASKS_SOMETHING_ELSE and (i == 0 or content[i - 1] not in _OF):
            return INDIRECTLY
    # "what did the UK fund?", "¿qué financió Alemania?": an organisation and what it did, no event named
    return DIRECTLY * (
        first in ("what", "que")
        and "organisation" in spans
        and "kind" not in spans
        and any(w.startswith(_DID) for w in content)
        and len(content) <= 6
    )


_OF = frozenset({"of", "de", "series", "serie", "among", "entre"})
_DID = ("fund", "financ", "sponsor", "organi", "host", "support", "apoy", "patrocin")


_ASKS_SOMETHING_ELSE = frozenset({"who", "when", "where", "quien", "quienes", "cuando", "donde", "how"})


_COUNTRY_NOUNS = ("countr", "nation", "pais", "nacion")


def _names_countries(words: list[str]) -> bool:
    return any(w.startswith(_COUNTRY_NOUNS) for w in words)


def _asked_roles(query: Query, clause: Clause) -> list[str]:
    """The roles a clause asks about: with several, the one right after "how many" ("¿Cuántos fiscales
    participan en el curso para investigadores?" asks about prosecutors)."""
    spans = [s for s in query.spans if s.kind == "role" and clause.start <= s.start < clause.end]
    if len(spans) <= 1:
        return [str(s.value) for s in spans]
    words = query.words
    asked = [
        s for s in spans if s.start > 0 and words[s.start - 1] in _COUNT_WORDS | {"were", "eran", "fueron", "many"}
    ]
    return [str(s.value) for s in (asked or spans[:1])]


_COUNT_WORDS = frozenset({"many", "cuantos", "cuantas", "of", "de"})


def _joined(ranked: list[str], scores: dict[str, float], words: list[str]) -> list[str]:
    """The best attribute, and a second one joined to it ("who organised and funded it")."""
    first = ranked[0]
    for other in ranked[1:]:
        close = scores[first] - scores[other] <= JOINED_GAP
        if scores[other] >= JOINED and close and lexicon.JOINERS & set(words):
            return [first, other]
    return [first]


def _form(words: list[str], padded: str) -> str:
    skip = lexicon.FILLER_WORDS | lexicon.JOINERS | lexicon.PREPOSITIONS
    content = [w for w in words if w not in skip]
    first = content[0] if content else ""
    scores = FORM_CUES.scores(words, padded)
    for form in ("compare", "total", "how_many", "list"):  # these decide the answer's shape, whatever else is asked
        if scores.get(form, 0.0) >= FORM_SURE:
            return form
    if first in lexicon.AUXILIARIES:
        return "yes_no"
    best = max(((s, f) for f, s in scores.items() if f != "yes_no"), default=(0.0, ""))
    return best[1] if best[0] >= FORM_LEAST else ""


_PAST = re.compile(r"¿\s*(\w+(?:ó|aron|ieron|ía|ían))\b", re.IGNORECASE)


def _spanish_verb_question(query: Query, clause: Clause) -> bool:
    """A Spanish question with no question word and a verb in the past is a yes/no one: "¿Financió ...?",
    "¿el taller de Montevideo se realizó en Uruguay?"."""
    if clause.start >= len(query.original):
        return False
    match = _PAST.search(query.text)
    if match is not None and query.original[clause.start] == match.group(1):
        return True
    if not query.text.lstrip().startswith("¿"):
        return False
    words = query.original[clause.start : clause.end]
    return any(_PRETERITE.fullmatch(w) or w.lower() in _WAS for w in words[1:])


_PRETERITE = re.compile(r"[a-záéíóúñ]+(?:ó|aron|ieron)")  # "realizó", "participaron": lower-case, not "Limón"
_WAS = frozenset({"hubo", "fue", "fueron", "estuvo", "estuvieron"})


def _merge_bare(clauses: list[Clause]) -> list[Clause]:
    """A clause that is only a question word ("When" in "When and where ...?") shares the next one's words."""
    out: list[Clause] = []
    for clause in clauses:
        if out and len([w for w in out[-1].words if w not in lexicon.JOINERS]) <= 1 and out[-1].form:
            bare = out.pop()
            clause.attributes = [*bare.attributes, *[a for a in clause.attributes if a not in bare.attributes]]
            clause.start = bare.start
            clause.words = bare.words + clause.words
        out.append(clause)
    return [c for c in out if c.words]


def small_talk(words: list[str]) -> str:
    """ "greeting", "thanks" or "help" when that is all the message says."""
    scores = DOMAIN_CUES.scores(words, f" {' '.join(words)} ")
    scores.pop("out", None)
    best = max(scores.items(), key=lambda kv: kv[1], default=("", 0.0))
    return best[0] if best[1] >= SMALL_TALK_LEAST else ""


def relative_year(folded: str) -> int:
    for pattern, step in _RELATIVE_YEAR:
        match = pattern.search(folded)
        if not match:
            continue
        if step:
            return step
        number = next((g for g in match.groups() if g and g not in ("the",)), "")
        n = int(number) if number.isdigit() else _NUMBER_WORDS.get(number, 0)
        if not n:
            continue
        return -n if re.search(r"before|earlier|antes", match.group(0)) else n
    return 0

"""The shapes a question comes in (its form: how many, when, yes or no ...), what puts a message outside what the
bot knows or makes it small talk, and the matcher that finds every row's cues in a clause in one pass.

Forms and attributes (`attributes`) combine freely: "how many funders", "was X among the funders".
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.attributes import ATTRIBUTES, UNRECORDED, _cues

# Words that put a question outside what the bot knows, whatever place it names ("will it rain in Panama?").
OUT_OF_DOMAIN = _cues(
    "weather:1 | rain*:1 | temperature:1 | forecast:1 | sunny:1 | hot:0.6 | cold:0.6 | capital of:1 | population:0.9 "
    "| football:1 | world cup:1 | restaurant*:1 | hotel*:1 | flight*:0.8 | exchange rate:1 | stock:0.8 "
    "| recipe:1 | movie*:1 | song*:1 | joke:1 | clima:1 | lluvia:1 | llover*:1 | llueve:1 | temperatura:1 "
    "| pronostico:1 | calor:0.8 | frio:0.8 | futbol:1 | mundial:0.6 | restaurante*:1 | vuelo*:0.8 | receta:1 "
    "| pelicula*:1 | cancion*:1 | chiste:1 | capital de:0.9 | poblacion:0.8 | tipo de cambio:1 | que tiempo hara:1 "
    "| que tiempo hace:1 | hara calor:1 | what time is it:1 | que hora es:1 | right now:0.6 | ahora mismo:0.6 "
    "| accommodation:1 | alojamiento:1 | hospedaje:1 | taxi*:1 | visa*:0.9 | traffic:0.9 | trafico vehicular:1"
)


@dataclass(frozen=True, slots=True)
class Form:
    """The shape of a question: what kind of answer it wants."""

    name: str
    cues: tuple[tuple[str, float], ...]
    default: str = ""  # the attribute it asks when no cue names one ("when" -> date)


FORMS: tuple[Form, ...] = (
    Form(
        "how_many",
        _cues(
            "how many:1 | how much:0.8 | number of:0.9 | count:0.8 | cuantos:1 | cuantas:1 | numero de:0.9"
            " | cantidad:0.85 | what share:1 | what percentage:1 | what proportion:1 | porcentaje:1"
            " | que proporcion:1"
        ),
        "participants",
    ),
    Form(
        "when",
        _cues(
            "when:1 | cuando:1 | what date*:1 | which date*:1 | en que fecha*:1 | que fecha*:1 | what day:1"
            " | on which day*:1"
        ),
        "date",
    ),
    Form(
        "where",
        _cues("where:1 | donde:1 | in which city:1 | en que ciudad:1 | en que lugar:1 | en que pais:1"),
        "place",
    ),
    Form("who", _cues("who:1 | whom:1 | whose:1 | quien:1 | quienes:1"), ""),
    Form("which", _cues("which:1 | what:0.8 | cual:1 | cuales:1 | que:0.7 | de que:0.9 | en que:0.9"), ""),
    Form(
        "yes_no",
        _cues(
            "was:1 | were:1 | did:1 | is:1 | are:1 | has:1 | had:1 | does:1 | do:1 | fue:1 | fueron:1 | hubo:1"
            " | estuvo:1 | estuvieron:1 | participo:1 | participaron:1 | era:1 | es:1 | tuvo:1 | se hizo:1"
        ),
        "",
    ),
    Form(
        "list",
        _cues(
            "list:1 | show:0.9 | enumerate:1 | give me:0.8 | lista*:1 | muestra*:1 | muestrame:1 | enumera*:1"
            " | dame:0.8"
        ),
        "events",
    ),
    Form(
        "compare",
        _cues(
            "bigger:1 | larger:1 | biggest:1 | largest:1 | more people:1 | more participants:1 | fewer:1"
            " | smaller:1 | smallest:1 | compare:1 | comparison:1 | versus:1 | vs:1 | better attended:1"
            " | more attended:1 | most attended:1 | mas grande:1 | mayor:0.8 | mas participantes:1"
            " | mas personas:1 | menor:0.8 | mas pequeño:1 | compar*:1 | mas concurrid*:1 | had more:0.95"
            " | had the most:0.95 | more women:1 | more speakers:1 | more countries:1 | more funders:1"
            " | tuvo mas:0.95 | hubo mas:0.9 | mas mujeres:1 | mas oradores:1 | mas paises:1 | mas financiadores:1"
        ),
        "participants",
    ),
    Form(
        "total",
        _cues(
            "in total:1 | total:0.8 | overall:0.9 | altogether:1 | combined:0.7 | across:0.8 | all together:1"
            " | en total:1 | en conjunto:0.9 | sum:0.8 | suma*:0.8"
        ),
        "participants",
    ),
)

# Messages that are not questions about the events at all.
SMALL_TALK: dict[str, tuple[tuple[str, float], ...]] = {
    "greeting": _cues(
        "hi:0.9 | hello:0.9 | hey:0.8 | good morning:0.9 | good afternoon:0.9 | good evening:0.9 | greetings:0.9 "
        "| hola:0.9 | buenos dias:0.9 | buenas:0.8 | buenas tardes:0.9 | buenas noches:0.9 | saludos:0.9 | start:0.6"
    ),
    "thanks": _cues(
        "thanks:0.9 | thank you:0.95 | thx:0.9 | cheers:0.7 | great:0.6 | perfect:0.6 | gracias:0.95 "
        "| muchas gracias:0.95 | genial:0.6 | perfecto:0.6"
    ),
    "help": _cues(
        "help:0.9 | what can you do:0.95 | what can i ask:0.95 | how do i:0.5 | commands:0.7 | ayuda:0.9 "
        "| que puedes hacer:0.95 | que puedo preguntar:0.95 | como funciona:0.7 | how does this work:0.8 | usage:0.6"
    ),
}


# Every cue of every attribute and form (what makes a word a cue, not a name).
EVERY_CUE: tuple[tuple[str, float], ...] = (
    *(cue for row in (*ATTRIBUTES, *UNRECORDED) for cue in row.cues),
    *(cue for form in FORMS for cue in form.cues),
)


class CueMatcher:
    """Every row's cues compiled once, so that a clause is matched against all of them in one pass over its
    words: single words by look-up, prefixes by their stems, and only phrases by substring search."""

    def __init__(self, rows: dict[str, tuple[tuple[str, float], ...]]) -> None:
        self.words: dict[str, list[tuple[str, float]]] = {}
        self.stems: dict[str, list[tuple[str, float]]] = {}
        self.phrases: dict[str, list[tuple[str, str, float]]] = {}  # by their first word
        for name, cues in rows.items():
            for phrase, weight in cues:
                if phrase.endswith("*"):
                    self.stems.setdefault(phrase[:-1], []).append((name, weight))
                elif " " in phrase:
                    self.phrases.setdefault(phrase.split()[0], []).append((f" {phrase} ", name, weight))
                else:
                    self.words.setdefault(phrase, []).append((name, weight))
        self.lengths = sorted({len(stem) for stem in self.stems})

    def scores(self, words: list[str], padded: str) -> dict[str, float]:
        """Each row's score: its best cue's weight, plus a little for each further one (at most two)."""
        hits: dict[str, list[float]] = {}
        for word in words:
            best: dict[str, float] = {}  # one hit per word and row ("participants" is participant* and participa*)
            for name, weight in self.words.get(word, ()):
                best[name] = max(best.get(name, 0.0), weight)
            for n in self.lengths:
                stem = word[:n]
                if len(stem) == n and stem in self.stems:
                    for name, weight in self.stems[stem]:
                        best[name] = max(best.get(name, 0.0), weight)
            for name, weight in best.items():
                hits.setdefault(name, []).append(weight)
        for first in set(padded.split()):  # only the phrases a word of the clause begins
            for phrase, name, weight in self.phrases.get(first, ()):
                if phrase in padded:
                    hits.setdefault(name, []).append(weight)
        out = {}
        for name, found in hits.items():
            found.sort(reverse=True)
            out[name] = min(1.0, found[0] + 0.05 * min(2, len(found) - 1))
        return out


ATTRIBUTE_CUES = CueMatcher({row.name: row.cues for row in (*ATTRIBUTES, *UNRECORDED)})
FORM_CUES = CueMatcher({form.name: form.cues for form in FORMS})
DOMAIN_CUES = CueMatcher({"out": OUT_OF_DOMAIN, **SMALL_TALK})

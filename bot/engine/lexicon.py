"""The words the engine knows, in English and Spanish, already folded (see `text.fold`): kinds of event, roles
of participants, place names, months and ordinals, filler words, and what marks a language.

What a question asks (its attributes and forms, with their cue words) is in `bot.engine.attributes`; this
module holds the vocabularies entities are found with.
"""

from __future__ import annotations

from bot import vocab
from bot.engine.text import Rewrites

_MORE_KIND_FORMS: dict[str, tuple[str, ...]] = {
    "training": ("adiestramiento",),
    "webinar": ("webinarios", "seminarios web"),
    "exercise": ("exercise", "exercises", "simulation", "ejercicio", "ejercicios", "simulacion"),
    "forum": ("forums", "foros"),
    "side event": ("eventos paralelos",),
}
_SAME_ROLE = {"investigators": "investigating officers"}  # the seeds' name for them
_NOT_ASKED = frozenset({"officials", "officers", "agents"})  # "how many officers attended": everyone
_MORE_ROLE_FORMS: dict[str, tuple[str, ...]] = {
    "investigating officers": ("oficiales de investigacion", "agentes investigadores"),
    "customs officers": ("customs", "aduanas", "aduana"),
    "police officers": ("cops",),
    "magistrates": (),
}
_MORE_ROLES: dict[str, list[str]] = {
    "law enforcement officers": ["law enforcement", "law enforcement officers", "fuerzas del orden"],
    "gendarmes": ["gendarmes", "gendarmerie", "gendarme", "gendarmeria"],
    "migration officers": ["migration officers", "immigration officers", "agentes de migracion", "migracion"],
    "coast guard officers": ["coast guard", "coast guards", "guardacostas"],
    "forensic experts": ["forensic experts", "forensic", "peritos", "forenses"],
    "military officers": ["military", "soldiers", "navy", "naval officers", "militares", "marina"],
}

# Canonical kind -> its folded surface forms, from `bot.vocab` (the importer's words), plus a few the
# questions use ("trainings", "webinarios").
KINDS: dict[str, list[str]] = {
    kind: sorted(set(forms) | set(_MORE_KIND_FORMS.get(kind, ()))) for kind, (_, forms) in vocab.KINDS.items()
}

# Kinds that name the same sort of event: "the Panama workshop" may be the Panama training.
KIND_FAMILY: dict[str, str] = {
    **dict.fromkeys(
        ("workshop", "seminar", "course", "webinar", "exercise", "training course", "online course", "mentoring"),
        "training",
    ),
    "conference": "meeting",
    "forum": "meeting",
}
# A kind asked for that covers narrower ones exactly: "the course" is also a "training course".
NARROWER_KINDS: dict[str, tuple[str, ...]] = {
    "course": ("training course", "online course"),
    "training": ("training course",),
}

# Canonical role -> surface forms (folded): `bot.vocab`'s roles that say what people do, and a few more.
# Roles recorded in a participant group are matched against these.
ROLES: dict[str, list[str]] = {
    _SAME_ROLE.get(role, role): sorted(set(forms) | set(_MORE_ROLE_FORMS.get(_SAME_ROLE.get(role, role), ())))
    for role, (_, forms) in vocab.ROLES.items()
    if role not in vocab.GENERIC_ROLES and role not in _NOT_ASKED
}
ROLES |= {role: forms for role, forms in _MORE_ROLES.items() if role not in ROLES}

# A role that is not recorded alone but overlaps a recorded one: answered with the recorded combined figure.
RELATED_ROLES: dict[str, set[str]] = {
    "police officers": {"investigating officers"},
    "law enforcement officers": {"investigating officers", "police officers"},
}

MONTHS: dict[str, int] = {
    **{
        m: i
        for i, m in enumerate(
            "january february march april may june july august september october november december".split(), 1
        )
    },
    **{
        m: i
        for i, m in enumerate(
            "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(), 1
        )
    },
    **{m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)},
    "sept": 9,
    "setiembre": 9,
}
ORDINALS: dict[str, int] = {
    **{w: i for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)},
    **{
        w: i
        for i, w in enumerate("primero segundo tercero cuarto quinto sexto septimo octavo noveno decimo".split(), 1)
    },
    **{
        w: i
        for i, w in enumerate("primera segunda tercera cuarta quinta sexta septima octava novena decima".split(), 1)
    },
    "primer": 1,
    "tercer": 3,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

# Polite openers, greetings and fillers (folded phrases): they never name anything.
FILLERS = tuple(
    sorted(
        (
            " ".join(phrase.split())
            for phrase in """buenas tardes|buenos dias|buenas noches|buenas|hola|hello|hi|hey|good morning
        |good afternoon|good evening
        |una consulta|una pregunta|una duda|consulta|pregunta rapida|quick question|question|a question|one question
        |por favor|please|pls|gracias|thanks|thank you|disculpe|perdon|excuse me|sorry|dear|estimado|estimada
        |quisiera saber|quisiera preguntar|me gustaria saber|me podria decir|me podrias decir|me puede decir
        |me puedes decir|podria decirme|podrias decirme|puede decirme|sabe usted|sabes|do you know|can you tell me
        |could you tell me|tell me please|i would like to know|i want to know|i wonder|just wondering|quick one
        |by the way|btw|ok|okay|so|well|bueno|entonces|oye|mira|señor|señora|saludos|cordial saludo|regards
        |according to the release|according to the report|according to the note|segun la nota|segun el comunicado
        |segun el informe|segun la informacion""".split("|")
        ),
        key=lambda p: -len(p.split()),
    )
)
FILLER_WORDS = frozenset(word for phrase in FILLERS for word in phrase.split())
# Capitalised first words of a question that are not names ("Tell me ...", "Kindly ...").
COMMON_OPENERS = frozenset("tell give show could can would will kindly name find let and also any".split())

# Words that start a question, so that "..., and who funded it?" starts a new clause.
QUESTION_STARTS = frozenset(
    "how what which who whom whose when where was were did is are does do has had cuanto cuantos cuanta cuantas "
    "que quien quienes cual cuales cuando donde fue fueron hubo estuvo estuvieron era eran participo "
    "participaron tuvo".split()
)

JOINERS = frozenset({"and", "y", "e", "also", "as", "plus", "then", "tambien"})

PREPOSITIONS = frozenset(
    {"with", "by", "for", "in", "at", "on", "from", "con", "de", "en", "por", "para", "a", "desde"}
)

AUXILIARIES = frozenset("was were did is are does do has had fue fueron hubo estuvo estuvieron era eran tuvo".split())

# Surface form -> canonical form, applied to folded text before matching.
SYNONYMS: dict[str, str] = {
    "darknet": "dark net",
    "dark web": "dark net",
    "darkweb": "dark net",
    "deep web": "dark net",
    "red oscura": "dark net",
    "web oscura": "dark net",
    "sidevent": "side event",
    "sideevent": "side event",
    "uk": "united kingdom",
    "u k": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "reino unido": "united kingdom",
    "eu": "european union",
    "e u": "european union",
    "union europea": "european union",
    "ue": "european union",
    "open source intelligence": "osint",
    "open source investigation": "osint",
    "open sources investigation": "osint",
    "fuentes abiertas": "osint",
    "ccpcj": "commission on crime prevention and criminal justice",
    "comision de prevencion del delito y justicia penal": "commission on crime prevention and criminal justice",
    "cybercrime programme": "global cybercrime programme",
    "cybercrime program": "global cybercrime programme",
    "global cybercrime program": "global cybercrime programme",
    "programa mundial contra el delito cibernetico": "global cybercrime programme",
    "programa global de ciberdelito": "global cybercrime programme",
    "gcp": "global cybercrime programme",
    "ti": "transparency international",
    # one topic, however it is called: a question in one language finds the releases written in the other
    "cryptocurrency": "virtual assets",
    "cryptocurrencies": "virtual assets",
    "crypto assets": "virtual assets",
    "crypto": "virtual assets",
    "criptomonedas": "virtual assets",
    "criptomoneda": "virtual assets",
    "criptoactivos": "virtual assets",
    "activos virtuales": "virtual assets",
    "criptodivisas": "virtual assets",
    "contenedores": "containers",
    "contenedor": "container",
}

# The synonyms in the order they are applied: longest surface form first.
SYNONYM_RULES = Rewrites.of(SYNONYMS)

# Gazetteer of cities: folded surface form -> canonical English name, English and Spanish. Countries come from
# CLDR, in both languages (`bot.geo.cldr_country_forms`, added to the index with these).
PLACES: dict[str, str] = {
    "panama city": "Panama",
    "ciudad de panama": "Panama",
    "vienna": "Vienna",
    "viena": "Vienna",
    "wien": "Vienna",
    "salvador": "El Salvador",
    "santo domingo": "Dominican Republic",
    "bogota": "Bogota",
    "lima": "Lima",
    "quito": "Quito",
    "la paz": "La Paz",
    "santiago": "Santiago",
    "buenos aires": "Buenos Aires",
    "montevideo": "Montevideo",
    "caracas": "Caracas",
    "havana": "Havana",
    "la habana": "Havana",
    "trinidad and tobago": "Trinidad and Tobago",
    "san jose": "San Jose",
    "tegucigalpa": "Tegucigalpa",
    "managua": "Managua",
    "san salvador": "San Salvador",
    "guatemala city": "Guatemala",
    "ciudad de guatemala": "Guatemala",
    "new york": "New York",
    "nueva york": "New York",
    "washington": "Washington",
    "madrid": "Madrid",
    "paris": "Paris",
    "berlin": "Berlin",
    "rome": "Rome",
    "roma": "Rome",
    "lisbon": "Lisbon",
    "lisboa": "Lisbon",
    "the hague": "The Hague",
    "brussels": "Brussels",
    "geneva": "Geneva",
    "ginebra": "Geneva",
    "london": "London",
    "londres": "London",
    "lagos": "Lagos",
    "abuja": "Abuja",
    "nairobi": "Nairobi",
    "accra": "Accra",
    "dakar": "Dakar",
    "cairo": "Cairo",
    "tokyo": "Tokyo",
    "bangkok": "Bangkok",
    "moscow": "Moscow",
    "istanbul": "Istanbul",
}

# Words that carry no meaning for matching (folded, both languages).
STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or is was were are be been did do does has have had it its
    this that these those there what which who whom whose when where how why me my we our you your i tell
    about as into than then so any all event events one ones please can could would will shall unodc un
    united nations office drugs crime""".split()
    + """el la los las un una unos unas de del en a al y o que quien quienes cual cuales cuando donde como
    por para con sin es fue fueron era eran ser se su sus lo le les mi me nos este esta estos estas ese esa
    hay hubo evento eventos favor puedes podrias onudd desde sobre entre hasta contra durante segun mediante tras
    ante bajo cuyo cuya cuyos cuyas muy mas menos tambien""".split()
    + """through during between against among including within without upon onto also very more less
    their them they those whose which while""".split()
)

# Words that mark a message as Spanish or English (for language detection).
SPANISH_MARKERS = frozenset(
    """que quien quienes cual cuales cuando donde como cuanto cuantos cuantas hubo fue fueron el la los las
    del al y en de es son era hola gracias buenos buenas dias tardes noches ayuda evento eventos
    capacitacion taller curso paises pais participantes personas asistieron financio organizo objetivo
    tema se realizo sobre por para con cuantas dime hablame muestra lista viena idioma año""".split()
)
ENGLISH_MARKERS = frozenset(
    """what who whom which when where how many much did was were is are the of at to for from attended
    attend training event events people participants funded organised organized hello hi thanks thank you
    help list show tell about speakers countries date with and there""".split()
)

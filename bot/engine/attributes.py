"""What can be asked: one row per attribute, one row per question form. Everything else follows from here.

An attribute is something a question asks about a subject ("who funded it" asks `funders` of an event). Each
row says which words signal it (its cues, English and Spanish, folded; a cue ending in ``*`` is a prefix), an
example question in each language (for "did you mean" and /help), which stored fields answer it (none: the
knowledge never holds it, and the answer says it is not recorded, naming it), which subjects it can be asked
of, and how to name it in "... is not recorded". How each attribute is answered is in `bot.engine.answers`,
under the same name; `ANSWERS` there is checked against this table by the tests.

A form is the shape of a question ("how many", "when", "yes or no"); forms and attributes combine freely:
"how many funders", "was X among the funders", "which countries". Weights say how sure a cue is (1.0: it
cannot mean anything else; below `WEAK`, it only counts when nothing stronger is there).
"""

from __future__ import annotations

from dataclasses import dataclass, field

WEAK = 0.5  # a cue below this only counts when no other attribute is signalled
ASKED = 0.55  # the least score at which an attribute counts as asked


@dataclass(frozen=True, slots=True)
class Attribute:
    name: str
    cues: tuple[tuple[str, float], ...]
    examples: dict[str, str]
    fields: tuple[str, ...] = ()
    about: frozenset[str] = frozenset({"event"})
    label: dict[str, str] = field(default_factory=dict)
    counts: str = ""  # the field whose items "how many ..." counts ("speakers"); "" when it is a figure itself


def _cues(text: str) -> tuple[tuple[str, float], ...]:
    """ "attend*:0.9 | how many:0.55" -> (("attend*", 0.9), ("how many", 0.55))."""
    out = []
    for part in text.split("|"):
        phrase, _, weight = part.strip().rpartition(":")
        out.append((phrase.strip(), float(weight)))
    return tuple(out)


EVENT = frozenset({"event"})
EVENTS = frozenset({"event", "events"})
PROGRAMME = frozenset({"programme"})

ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute(
        "participants",
        _cues(
            "attend*:0.9 | participant*:0.8 | people:0.6 | came:0.6 | turnout:0.9 | audience:0.8 | attendees:0.9 "
            "| took part:0.85 | take part:0.8 | trained:0.6 | delegates:0.6 | headcount:0.9 | how big:0.7 "
            "| size:0.5 | joined:0.5 | present:0.45 | completed:0.5 | followed:0.45 | officers:0.35 | officials:0.35 "
            "| asist*:0.9 | participa*:0.8 | personas:0.6 | acudieron:0.85 | vinieron:0.6 | gente:0.6 "
            "| capacitad*:0.5 | formad*:0.45 | recibieron:0.5 | cuantos:0.4 | cuantas:0.4 | how many:0.4"
            # people counted by what they are ("how many practitioners"): weak alone, they say who is counted
            "| practitioner*:0.35 | professional*:0.35 | agents:0.35 | experts:0.3 | staff:0.35 | members:0.3 "
            "| student*:0.35 | trainee*:0.4 | representative*:0.35 | operators:0.35 | personnel:0.35 "
            "| agentes:0.35 | funcionari*:0.35 | operador*:0.35 | profesional*:0.35 | expertos:0.3 | servidor*:0.35 "
            "| miembros:0.3 | alumn*:0.35 | estudiant*:0.35 | representant*:0.35 | especialist*:0.35 "
            "| oficiales:0.35 | tecnicos:0.3 | personal:0.3 | integrantes:0.35"
        ),
        {"en": "how many people attended {event}", "es": "cuántas personas asistieron a {event}"},
        ("participants", "participant_groups"),
        EVENTS,
        {"en": "number of participants", "es": "el número de participantes"},
    ),
    Attribute(
        "women",
        _cues("women:0.95 | woman:0.9 | female:0.9 | mujeres:0.95 | mujer:0.9 | gender:0.8 | genero:0.8"),
        {"en": "how many women took part in {event}", "es": "cuántas mujeres participaron en {event}"},
        ("women",),
        EVENT,
        {"en": "number of women", "es": "el número de mujeres"},
    ),
    Attribute(
        "men",
        _cues("men:0.9 | male:0.85 | hombres:0.95 | varones:0.9"),
        {"en": "how many men took part in {event}", "es": "cuántos hombres participaron en {event}"},
        ("men",),
        EVENT,
        {"en": "number of men", "es": "el número de hombres"},
    ),
    Attribute(
        "countries",
        _cues(
            "countr*:0.95 | nations:0.85 | nationals:0.6 | come from:0.85 | came from:0.85 | where from:0.9"
            " | represented:0.9 "
            "| nationalit*:0.9 | nacionalidad*:0.9 | pais*:0.95 | de donde:0.85 | procedencia:0.9"
            " | procedian:0.9 | procedentes:0.85 "
            "| representad*:0.9 | venian:0.6 | vinieron de:0.85 | among them:0.8 | among the participants:0.85 "
            "| entre ellos:0.8 | entre los participantes:0.85"
        ),
        {
            "en": "which countries were the participants of {event} from",
            "es": "de qué países eran los participantes de {event}",
        },
        ("participant_countries", "country_count"),
        EVENTS,
        {"en": "participants' countries", "es": "los países de los participantes"},
        counts="participant_countries",
    ),
    Attribute(
        "trainers",
        _cues(
            "trainer*:0.97 | instructor*:0.97 | facilitator*:0.95 | experts:0.7 | expert:0.6 | taught by:0.9 "
            "| formador*:0.95 | capacitador*:0.95 | instructores:0.97 | facilitador*:0.95 | expertos:0.7 "
            "| docentes:0.9 | profesores:0.85 | design*:0.6 | disen*:0.6 | who trained:0.9 | who taught:0.9 "
            "| delivered by:0.85 | led by:0.7 | taught:0.8 | impartid*:0.85 | impartieron:0.9 | dictad*:0.8 "
            "| dictaron:0.9 | quien capacito:0.9 | quienes capacitaron:0.9 | a cargo de:0.7"
        ),
        {"en": "who were the trainers of {event}", "es": "quiénes fueron los instructores de {event}"},
        ("trainers",),
        EVENT,
        {"en": "trainers", "es": "los instructores"},
        counts="trainers",
    ),
    Attribute(
        "date",
        _cues(
            "when:0.85 | date*:0.9 | what day:0.95 | which day:0.95 | what year:0.9 | which year:0.9 "
            "| what month:0.9 | which month:0.9 | held on:0.6 | cuando:0.85 | fecha*:0.9 | que dia:0.95 "
            "| que año:0.9 | en que mes:0.9 | que mes:0.85 | en que año:0.9"
        ),
        {"en": "when was {event}", "es": "cuándo fue {event}"},
        ("date", "end_date", "date_text"),
        EVENTS,
        {"en": "date", "es": "la fecha"},
    ),
    Attribute(
        "duration",
        _cues(
            "how long:0.95 | duration:0.95 | how many days:0.97 | lasted:0.9 | last:0.4 | days:0.5 "
            "| duracion:0.95 | cuanto duro:0.97 | cuantos dias:0.97 | duro:0.7 | dias:0.5"
        ),
        {"en": "how long did {event} last", "es": "cuánto duró {event}"},
        ("duration", "date", "end_date"),
        EVENT,
        {"en": "duration", "es": "la duración"},
    ),
    Attribute(
        "place",
        _cues(
            "where:0.85 | venue:0.95 | location:0.9 | what city:0.95 | which city:0.95 | in which city:0.95 "
            "| place:0.5 | located:0.8 | held in:0.4 | premises:0.8 | building:0.8 | institution:0.5"
            " | which institution:0.9 "
            "| donde:0.85 | lugar:0.85 | sede:0.85 | que ciudad:0.95 | en que ciudad:0.95 | ubicacion:0.9 "
            "| aeropuerto:0.5 | airport:0.5 | institucion:0.5 | en que institucion:0.9 | en que aeropuerto:0.9"
            " | en que pais:0.9 | in which country:0.9 "
            "| what country:0.6"
        ),
        {"en": "where was {event} held", "es": "dónde se realizó {event}"},
        ("venue", "city", "country", "format", "dateline"),
        EVENTS,
        {"en": "place", "es": "el lugar"},
    ),
    Attribute(
        "format",
        _cues(
            "online:0.9 | virtual:0.6 | virtually:0.9 | in person:0.9 | in-person:0.9 | hybrid:0.95 | format:0.9"
            " | remote*:0.8 "
            "| stream*:0.9 | zoom:0.7 | video*:0.6 | en linea:0.9 | presencial*:0.9 | hibrid*:0.95 "
            "| modalidad:0.95 | formato:0.9 | a distancia:0.9 | face to face:0.9"
        ),
        {"en": "was {event} held online", "es": "fue {event} presencial"},
        ("format",),
        EVENT,
        {"en": "format (in person or online)", "es": "la modalidad (presencial o en línea)"},
    ),
    Attribute(
        "organisers",
        _cues(
            "organise*:0.9 | organize*:0.9 | co-organi*:0.95 | coorgani*:0.95 | host*:0.85 | conduct*:0.8 "
            "| convened:0.85 | convene*:0.85 | ran:0.6 | run by:0.8 | led:0.6 | behind:0.55 | arrang*:0.75 "
            "| in charge:0.7 | put on:0.6 | delivered:0.6 | implement*:0.6 | organi*:0.9 | convoc*:0.9 "
            "| dirig*:0.6 | a cargo:0.8 | quien hizo:0.6 | impartio:0.5 | imparti*:0.45"
        ),
        {"en": "who organised {event}", "es": "quién organizó {event}"},
        ("organisers",),
        EVENTS,
        {"en": "organisers", "es": "los organizadores"},
        counts="organisers",
    ),
    Attribute(
        "funders",
        _cues(
            "fund*:0.95 | financ*:0.95 | cofinanc*:0.97 | co-financ*:0.97 | paid:0.9 | pay:0.8 | sponsor*:0.95 "
            "| donor*:0.95 | money:0.5 | backed:0.6 | pago:0.9 | pagaron:0.9 | patrocin*:0.95 | donant*:0.95 "
            "| costeo:0.8"
        ),
        {"en": "who funded {event}", "es": "quién financió {event}"},
        ("funders",),
        frozenset({"event", "events", "programme"}),
        {"en": "funders", "es": "los financiadores"},
        counts="funders",
    ),
    Attribute(
        "supporters",
        _cues("support*:0.8 | apoy*:0.8 | with whose support:0.97 | con el apoyo:0.9 | respaldo:0.7"),
        {"en": "who supported {event}", "es": "quién apoyó {event}"},
        ("supporters",),
        EVENT,
        {"en": "support", "es": "el apoyo"},
        counts="supporters",
    ),
    Attribute(
        "partners",
        _cues(
            "partner*:0.95 | in partnership:0.9 | collaborat*:0.85 | work with:0.7 | works with:0.7 | allies:0.8 "
            "| socio*:0.95 | aliad*:0.9 | colabor*:0.85 | alianza:0.8 | agency:0.5 | agencia:0.5"
        ),
        {"en": "who were the partners of {event}", "es": "quiénes fueron los socios de {event}"},
        ("partners",),
        frozenset({"event", "programme"}),
        {"en": "partners", "es": "los socios"},
        counts="partners",
    ),
    Attribute(
        "speakers",
        _cues(
            "speaker*:0.95 | spoke:0.9 | speak:0.7 | panelist*:0.95 | remarks:0.75 | addressed:0.7 "
            "| gave the welcome:0.9 | welcom*:0.7 | opened:0.6 | opening:0.55 | presenter*:0.85 | keynote:0.9 "
            "| orador*:0.95 | ponente*:0.95 | hablo:0.8 | hablaron:0.9 | expositor*:0.95 | panelista*:0.95 "
            "| intervin*:0.8 | bienvenida:0.85 | inaugur*:0.7 | who gave:0.6 | talk*:0.45"
        ),
        {"en": "who spoke at {event}", "es": "quiénes hablaron en {event}"},
        ("speakers",),
        EVENT,
        {"en": "speakers", "es": "los oradores"},
        counts="speakers",
    ),
    Attribute(
        "position",
        _cues(
            "position:0.9 | role:0.7 | job:0.8 | title:0.55 | works as:0.85 | who is:0.75 | who was:0.5 "
            "| what does:0.4 | post:0.6 | cargo:0.9 | puesto:0.9 | quien es:0.75 | quien era:0.5 | funcion:0.6 "
            "| ocupa:0.6 | desempeña:0.7"
        ),
        {"en": "what position does {person} hold", "es": "qué cargo tiene {person}"},
        ("speakers",),
        frozenset({"person"}),
        {"en": "position", "es": "el cargo"},
    ),
    Attribute(
        "statements",
        _cues(
            "say:0.85 | said:0.9 | says:0.85 | quote*:0.95 | stated:0.85 | claim*:0.6 | insist*:0.8 "
            "| highlight*:0.7 | stress*:0.7 | words:0.6 | told:0.6 | talk about:0.9 | talk:0.5 | speech:0.85 "
            "| message:0.5 | dijo:0.9 | dice:0.8 | cita*:0.85 | afirm*:0.85 | declar*:0.85 | destaco:0.8 "
            "| subrayo:0.8 | señalo:0.75 | sostuvo:0.75 | discurso:0.85 | palabras:0.6 | explain*:0.45 "
            "| announc*:0.85 | propos*:0.8 | call* for:0.8 | urged:0.8 | warn*:0.75 | recommend*:0.7 | anunci*:0.85 "
            "| propus*:0.8 | propone*:0.8 | pidio:0.75 | insto:0.8 | advirtio:0.8 | recomend*:0.7 | expres*:0.6"
        ),
        {"en": "what did {person} say", "es": "qué dijo {person}"},
        ("statements",),
        frozenset({"event", "person"}),
        {"en": "statements", "es": "las declaraciones"},
    ),
    Attribute(
        "topics",
        _cues(
            "about:0.55 | topic*:0.95 | subject*:0.85 | discuss*:0.9 | cover*:0.75 | theme*:0.9 | focus*:0.8 "
            "| content:0.8 | taught:0.7 | learn*:0.6 | what was covered:0.95 | tema*:0.95 | trato:0.75 "
            "| sobre que:0.9 | de que trato:0.95 | discuti*:0.9 | contenido*:0.85 | abord*:0.8 | aprend*:0.6"
        ),
        {"en": "what was {event} about", "es": "de qué trató {event}"},
        ("topics", "objectives"),
        EVENT,
        {"en": "topics", "es": "los temas"},
        counts="topics",
    ),
    Attribute(
        "objectives",
        _cues(
            "aim*:0.9 | objective*:0.95 | goal*:0.95 | purpose:0.95 | why:0.6 | intend*:0.6 | point of:0.6 "
            "| objetivo*:0.95 | proposito:0.95 | finalidad:0.95 | para que:0.7 | por que:0.6 | meta*:0.7 "
            "| busca*:0.5"
        ),
        {"en": "what was the aim of {event}", "es": "cuál era el objetivo de {event}"},
        ("objectives",),
        frozenset({"event", "programme"}),
        {"en": "aims", "es": "los objetivos"},
    ),
    Attribute(
        "series",
        _cues(
            "series:0.9 | continuation:0.9 | previous:0.6 | edition:0.75 | which number:0.95 | what number:0.95 "
            "| in a row:0.7 | part of:0.55 | follow up:0.6 | follow-up:0.6 | serie:0.9 | continuacion:0.9 "
            "| edicion:0.75 | que numero:0.95 | lugar ocupa:0.9 | que lugar:0.8 | of the year:0.5 | del año:0.5"
        ),
        {"en": "was {event} part of a series", "es": "formaba {event} parte de una serie"},
        ("series",),
        EVENT,
        {"en": "place in a series", "es": "su lugar en una serie"},
    ),
    Attribute(
        "kind",
        _cues(
            "what kind:0.9 | what type:0.9 | which kind:0.9 | kind of event:0.95 | type of event:0.95 "
            "| que tipo:0.9 | tipo de evento:0.95 | que clase:0.85"
        ),
        {"en": "what kind of event was {event}", "es": "qué tipo de evento fue {event}"},
        ("kind",),
        EVENT,
        {"en": "kind of event", "es": "el tipo de evento"},
    ),
    Attribute(
        "title",
        _cues(
            "called:0.8 | title of:0.8 | name of:0.6 | full title:0.95 | titled:0.9 | titulo:0.9 | llamaba:0.9 "
            "| se llamo:0.9 | nombre del:0.6"
        ),
        {"en": "what was {event} called", "es": "cómo se llamaba {event}"},
        ("title",),
        EVENT,
        {"en": "title", "es": "el título"},
    ),
    Attribute(
        "occasion",
        _cues(
            "occasion:0.9 | in the margins:0.9 | margins:0.8 | on the sidelines:0.9 | during which:0.8 "
            "| en el marco:0.9 | al margen:0.9 | ocasion:0.9"
        ),
        {"en": "during what was {event} held", "es": "en el marco de qué se realizó {event}"},
        ("occasion",),
        EVENT,
        {"en": "occasion", "es": "la ocasión"},
    ),
    Attribute(
        "identity",
        _cues(
            "what is:0.5 | what does:0.45 | stand for:0.95 | full name:0.95 | acronym:0.9 | mean*:0.6 | que es:0.5 "
            "| significa:0.8 | nombre completo:0.95 | sigla*:0.9 | mandate:0.8 | mission:0.6 | mision:0.6 "
            "| mandato:0.8"
        ),
        {"en": "what is {programme}", "es": "qué es {programme}"},
        ("name", "full_name", "aims"),
        PROGRAMME,
        {"en": "description", "es": "la descripción"},
    ),
    Attribute(
        "events",
        _cues(
            "list:0.9 | events:0.75 | activities:0.8 | trainings:0.7 | workshops:0.7 | courses:0.7 "
            "| webinars:0.7 | meetings:0.6 | what happened:0.85 | what took place:0.85 | which events:0.95 "
            "| what events:0.95 | all events:0.95 | show:0.5 | latest:0.7 | recent:0.6 | newest:0.7 | lista*:0.9 "
            "| eventos:0.75 | actividades:0.8 | capacitaciones:0.7 | talleres:0.7 | cursos:0.7 | reuniones:0.6 "
            "| que paso:0.85 | muestra*:0.5 | ultimos:0.6 | recientes:0.6 | catalog*:0.7 | any:0.3 "
            "| were there:0.5 | hubo:0.3"
        ),
        {"en": "list all events", "es": "lista de eventos"},
        (),
        frozenset({"events"}),
        {"en": "events", "es": "los eventos"},
        counts="events",
    ),
    Attribute(
        "summary",
        _cues(
            "tell me about:0.9 | tell me more:0.85 | info*:0.7 | detail*:0.7 | describe:0.85 | overview:0.9 "
            "| summar*:0.9 | what was:0.3 | what happened at:0.8 | hablame:0.9 | cuentame:0.9 | resumen:0.9 "
            "| resume:0.8 | descri*:0.85 | que fue:0.4 | datos:0.5"
        ),
        {"en": "tell me about {event}", "es": "háblame de {event}"},
        ("title", "kind", "date", "city", "country", "participants"),
        frozenset({"event", "programme"}),
        {"en": "details", "es": "los detalles"},
    ),
)

# What a programme's facts never hold: said not to be recorded, by name ("when was CRIMJUST founded?").
FOUNDED = Attribute(
    "founded",
    _cues(
        "founded:1.1 | established:0.85 | created:0.75 | launched:0.85 | since when:0.85 | set up:0.8 "
        "| fundad*:1.1 | se fundo:1.1 | se creo:1 | se establecio:1 | se lanzo:1 | cread*:0.75 | lanzad*:0.85 "
        "| establecid*:0.85 | desde cuando:0.85"
    ),
    {"en": "when was {programme} founded", "es": "cuándo se fundó {programme}"},
    (),
    PROGRAMME,
    {"en": "when it was founded", "es": "cuándo se fundó"},
)

# Attributes the knowledge never holds: asked about an event (or a programme: `FOUNDED`), they are said not to be
# recorded, by name.
_NEVER_OF_EVENTS = tuple(
    Attribute(name, _cues(cues), {}, (), EVENT, {"en": en, "es": es})
    for name, cues, en, es in (
        ("budget", "budget:0.95 | presupuesto:0.95", "budget", "el presupuesto"),
        (
            "cost",
            "cost*:0.9 | how much money:0.95 | spent:0.85 | price:0.8 | fee*:0.7 | costo:0.9 | cuanto costo:0.95 "
            "| precio:0.8 | gasto*:0.8",
            "cost",
            "el costo",
        ),
        (
            "agenda",
            "agenda:0.9 | programme of the day:0.9 | schedule:0.85 | timetable:0.9 | horario:0.85",
            "agenda",
            "la agenda",
        ),
        ("hours", "hours:0.85 | what time:0.9 | horas:0.85 | a que hora:0.9", "hours", "el horario"),
        ("language", "language*:0.8 | idioma*:0.85 | lengua:0.7", "language", "el idioma"),
        ("certificates", "certificat*:0.85 | diploma*:0.85 | certificad*:0.85", "certification", "la certificación"),
        (
            "winners",
            "winner*:0.9 | won:0.8 | prize*:0.85 | award*:0.8 | ganador*:0.9 | premio*:0.85",
            "winners",
            "los ganadores",
        ),
        ("age", "age:0.6 | how old:0.85 | edad:0.8", "participants' age", "la edad de los participantes"),
        (
            "outcome",
            "outcome*:0.8 | result*:0.7 | impact:0.7 | evaluation:0.8 | feedback:0.7 | resultado*:0.75 | impacto:0.7 "
            "| evaluacion:0.8",
            "outcome",
            "el resultado",
        ),
        (
            "registration",
            "regist*:0.8 | sign up:0.85 | apply:0.6 | inscrip*:0.85 | inscrib*:0.85",
            "registration",
            "la inscripción",
        ),
        ("contact", "contact*:0.85 | email:0.9 | phone:0.85 | telefono:0.85 | correo:0.85", "contact", "el contacto"),
        (
            "recording",
            "recording*:0.9 | slides:0.9 | material*:0.7 | video recording:0.95 | grabacion:0.9 | diapositivas:0.9",
            "recording or material",
            "la grabación o el material",
        ),
    )
)
UNRECORDED: tuple[Attribute, ...] = (*_NEVER_OF_EVENTS, FOUNDED)

# "How many containers were seized?": a count of something no attribute holds, said not to be recorded with the
# user's own word (`Clause.counted`), or quoted from the release when a sentence of it has that word.
COUNT_OF = Attribute("count_of", (), {}, (), EVENT, {"en": "number", "es": "el número"})
WHICH_OF = Attribute("which_of", (), {}, (), EVENT, {"en": "which", "es": "cuál"})  # "what platform ...?"

BY_NAME: dict[str, Attribute] = {a.name: a for a in (*ATTRIBUTES, *UNRECORDED, COUNT_OF, WHICH_OF)}

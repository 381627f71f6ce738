"""The words of the domain, as data: kinds of event and roles of participants, each with its canonical English
name, its Spanish name and the forms releases use for it in either language.

No logic here. The importer (`bot.extract`) reads releases with it; the engine will answer with it. Forms are
folded (lower case, no accents: `bot.engine.text.fold`) so that "capacitación" and "Capacitacion" are one form.
"""

from __future__ import annotations

# Canonical kind -> (Spanish name, forms in English and Spanish). A form names the kind when it is the head of
# the phrase ("a four-day specialised course", "el tercer encuentro interregional").
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "training": (
        "capacitación",
        ("training", "trainings", "capacitacion", "capacitaciones", "formacion", "entrenamiento"),
    ),
    "training course": ("curso de capacitación", ("training course", "training courses", "curso de capacitacion")),
    "online course": (
        "curso virtual",
        ("online course", "virtual course", "e-learning course", "curso virtual", "curso en linea"),
    ),
    "course": ("curso", ("course", "courses", "curso", "cursos", "diplomado")),
    "workshop": ("taller", ("workshop", "workshops", "taller", "talleres")),
    "webinar": ("seminario web", ("webinar", "webinars", "seminario web", "webinario", "conversatorio virtual")),
    "seminar": ("seminario", ("seminar", "seminars", "seminario", "seminarios")),
    "side event": ("evento paralelo", ("side event", "side events", "evento paralelo", "evento al margen")),
    "conference": ("conferencia", ("conference", "conferences", "conferencia", "congress", "congreso")),
    "meeting": (
        "reunión",
        (
            "meeting",
            "meetings",
            "reunion",
            "reuniones",
            "encuentro",
            "encuentros",
            "expert group meeting",
            "roundtable",
            "round table",
            "mesa redonda",
            "consultation",
            "consulta",
        ),
    ),
    "forum": ("foro", ("forum", "foro")),
    "exercise": ("ejercicio", ("simulation exercise", "mock trial", "ejercicio de simulacion", "simulacro")),
    "mentoring": ("mentoría", ("mentoring", "mentoring session", "mentoria")),
    "study visit": ("visita de estudio", ("study visit", "study tour", "visita de estudio")),
}

# Canonical role -> (Spanish name, forms). Singular and plural; the head noun of a group ("16 prosecutors of
# the Attorney General's Office" is prosecutors). A group of people named by something else keeps its words.
ROLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "prosecutors": ("fiscales", ("prosecutor", "prosecutors", "fiscal", "fiscales", "procurador", "procuradores")),
    "investigators": (
        "investigadores",
        (
            "investigator",
            "investigators",
            "investigating officer",
            "investigating officers",
            "detectives",
            "investigador",
            "investigadores",
            "agentes de investigacion",
        ),
    ),
    "financial investigators": (
        "investigadores financieros",
        ("financial investigator", "financial investigators", "investigadores financieros"),
    ),
    "police officers": (
        "policías",
        ("police officer", "police officers", "policemen", "police", "policia", "policias", "agentes de policia"),
    ),
    "customs officers": (
        "funcionarios de aduanas",
        ("customs officer", "customs officers", "customs officials", "aduaneros", "funcionarios de aduanas"),
    ),
    "border officers": (
        "agentes de fronteras",
        ("border officer", "border officers", "border guards", "guardias de frontera"),
    ),
    "judges": ("jueces", ("judge", "judges", "juez", "jueces", "jueza", "juezas")),
    "magistrates": ("magistrados", ("magistrate", "magistrates", "magistrado", "magistrados")),
    "analysts": ("analistas", ("analyst", "analysts", "analista", "analistas")),
    "lawyers": ("abogados", ("lawyer", "lawyers", "attorneys", "abogado", "abogados")),
    "experts": ("expertos", ("expert", "experts", "experto", "expertos", "especialistas", "specialists")),
    "officials": ("funcionarios", ("official", "officials", "funcionario", "funcionarios", "servidores publicos")),
    "officers": ("oficiales", ("officer", "officers", "oficial", "oficiales", "efectivos")),
    "agents": ("agentes", ("agent", "agents", "agente", "agentes")),
    "delegates": ("delegados", ("delegate", "delegates", "delegado", "delegados", "delegations", "delegaciones")),
    "representatives": ("representantes", ("representative", "representatives", "representante", "representantes")),
    "practitioners": ("operadores", ("practitioner", "practitioners", "operador", "operadores")),
    "students": ("estudiantes", ("student", "students", "estudiante", "estudiantes")),
    "journalists": ("periodistas", ("journalist", "journalists", "periodista", "periodistas")),
    "diplomats": ("diplomáticos", ("diplomat", "diplomats", "diplomatico", "diplomaticos")),
    "trainees": ("participantes", ("trainees", "cadets", "cadetes")),
    "participants": ("participantes", ("participant", "participants", "participante", "participantes", "attendees")),
    "people": ("personas", ("people", "persons", "personas", "integrantes", "members", "miembros", "staff")),
    "women": ("mujeres", ("women", "woman", "female", "mujeres", "mujer")),
    "men": ("hombres", ("men", "male", "hombres")),
}

# Roles that say who came without saying what they do: a count of "participants" is a total, not a group.
GENERIC_ROLES = frozenset({"participants", "people", "delegates", "representatives", "practitioners", "trainees"})

# Words that head a person's position ("Deputy Director of ...", "la coordinadora de UNODC en Bolivia"), folded.
POSITION_WORDS = frozenset(
    """director directora deputy head chief officer coordinator representative minister prosecutor judge attorney
    president commissioner expert adviser advisor specialist mentor chairman chairperson chair secretary ambassador
    consultant manager colonel lieutenant general captain commander inspector superintendent governor mayor
    counsellor envoy focal point analyst investigator magistrate jefe jefa coordinador coordinadora oficial
    representante ministro ministra viceministro viceministra fiscal juez jueza presidente presidenta comisionado
    comisionada experto experta asesor asesora especialista secretario secretaria embajador embajadora consultor
    consultora gerente comandante coronel capitan procurador procuradora magistrado magistrada subdirector
    subdirectora comptroller controller auditor registrar solicitor commandant principal administrator justice
    gobernador gobernadora alcalde alcaldesa intendente vicefiscal subcomisionado
    agregado agregada encargado encargada delegado delegada titular decano decana rector rectora
    undersecretary under-secretary subsecretario subsecretaria vicepresident vicepresidente vicepresidenta
    viceminister vice-minister""".split()
)

"""Every sentence the bot says, in English and Spanish, in one catalogue.

Logic asks for a message by key (`say("not_recorded", lang, ...)`); adding a language is adding a column.
A template is filled with `str.format` placeholders and two more forms, so that it reads right whatever the
values are:

- ``{n:# event|# events}``: the plural form that fits the number `n` in the language (CLDR's rules; "#" is the
  number), so no message says "event(s)";
- ``{funder:the}``: a name as it reads inside a sentence, in the language and with its article when it takes
  one ("funded by the European Union", "de la Unión Europea", "by CRIMJUST").

In Spanish "a el" and "de el" become "al" and "del" once a message is filled. Numbers, lists, dates and names
are put into words by `bot.wording` (CLDR data through Babel, loaded on first use).
"""

from __future__ import annotations

import string
from functools import cache
from typing import Any

from bot.wording import (
    KIND_NOUNS,
    MONTHS_EN,
    MONTHS_ES,
    PLACE_NAMES_ES,
    ROLE_NAMES_ES,
    contract,
    format_date,
    format_dates,
    format_day,
    format_days,
    join,
    kind_count,
    kind_name,
    month_name,
    org_name,
    place_name,
    plural,
    role_name,
    the_event,
)

__all__ = [
    "CATALOGUE",
    "DEFAULT_LANG",
    "KIND_NOUNS",
    "LANGS",
    "MONTHS_EN",
    "MONTHS_ES",
    "PLACE_NAMES_ES",
    "ROLE_NAMES_ES",
    "UNRECORDED_NAMES",
    "format_date",
    "format_dates",
    "format_day",
    "format_days",
    "join",
    "kind_count",
    "kind_name",
    "month_name",
    "noun",
    "org_name",
    "place_name",
    "role_name",
    "say",
    "the_event",
]

LANGS = ("en", "es")
DEFAULT_LANG = "en"

CATALOGUE: dict[str, dict[str, str]] = {
    # -- small talk -----------------------------------------------------------------------------------
    "greeting": {
        "en": "Hello! I answer questions about the UNODC programme events I have on record. Try: {examples}",
        "es": "¡Hola! Respondo preguntas sobre los eventos de programas de UNODC que tengo registrados. "
        "Pruebe: {examples}",
    },
    "thanks": {
        "en": "You're welcome! Ask me anything else about the events.",
        "es": "¡De nada! Pregúnteme lo que quiera sobre los eventos.",
    },
    "help": {
        "en": "Ask me a question in plain words about a programme event: who attended and from which "
        "countries, when and where it was, who organised or funded it, who spoke and what they said, what it "
        "was about, or list events by year, place or kind. For example: {examples}",
        "es": "Hágame una pregunta sobre un evento de los programas: quién asistió y de qué países, cuándo y "
        "dónde fue, quién lo organizó o financió, quién habló y qué dijo, de qué trató, o pida una lista de "
        "eventos por año, lugar o tipo. Por ejemplo: {examples}",
    },
    "fallback": {
        "en": "Sorry, I can only answer questions about the programme events I know. You can ask, for "
        "example: {examples}",
        "es": "Lo siento, solo puedo responder preguntas sobre los eventos de los programas que conozco. "
        "Puede preguntar, por ejemplo: {examples}",
    },
    "unsure": {
        "en": "I'm not sure what you mean. Did you mean: {examples}",
        "es": "No estoy seguro de lo que quiere decir. Quizá quiso preguntar: {examples}",
    },
    "empty": {
        "en": "Please type a question, for example: {examples}",
        "es": "Escriba una pregunta, por ejemplo: {examples}",
    },
    # -- which event -------------------------------------------------------------------------------------
    "unknown_event_closest": {
        "en": 'I have no record of an event matching "{what}". The closest I know: {events}.',
        "es": 'No tengo registro de ningún evento que coincida con "{what}". Los más parecidos que conozco: {events}.',
    },
    "programme_unrecorded": {
        "en": "{name}: {what} is not recorded.",
        "es": "{name}: no consta {what}.",
    },
    "unknown_place_dateline": {
        "en": "I have no record of an event held in {what}; releases issued there are about: {events}.",
        "es": "No tengo registro de un evento realizado en {what}; los comunicados fechados allí tratan de: {events}.",
    },
    "unknown_event": {
        "en": 'I have no record of an event matching "{what}". The events I know: {events}.',
        "es": 'No tengo registro de ningún evento que coincida con "{what}". Los eventos que conozco: {events}.',
    },
    "which_event": {
        "en": "Which event do you mean? {events}",
        "es": "¿A qué evento se refiere? {events}",
    },
    "for_each": {"en": "That fits {n:one event|# events}:", "es": "Eso corresponde a {n:un evento|# eventos}:"},
    # -- attendance ----------------------------------------------------------------------------------------
    "attendance": {
        "en": "{event}: attended by {count} {who}.",
        "es": "{event}: asistieron {count} {who}.",
    },
    "attendance_from": {"en": "from {countries}", "es": "de {countries}"},
    "participants": {"en": "participants", "es": "participantes"},
    "at_least": {"en": "over {n}", "es": "más de {n}"},
    "role_exact": {
        "en": "{event}: {count} {role} attended.",
        "es": "{event}: asistieron {count} {role}.",
    },
    "role_combined": {
        "en": "{event}: {count} {label} in total; the release does not break them down, so the number of "
        "{role} alone is not recorded.",
        "es": "{event}: {count} {label} en total; el comunicado no los desglosa, así que el número de "
        "{role} por separado no consta.",
    },
    "role_related": {
        "en": "{event}: the number of {role} is not recorded separately. What the release gives is {count} "
        "{label} in total.",
        "es": "{event}: el número de {role} no consta por separado. El comunicado da {count} {label} en total.",
    },
    "role_unrecorded": {
        "en": "{event}: the number of {role} is not recorded.{described}",
        "es": "{event}: el número de {role} no consta.{described}",
    },
    "role_described": {
        "en": " The release describes the participants only as {label}.",
        "es": " El comunicado describe a los participantes solo como {label}.",
    },
    "attendance_unrecorded": {
        "en": "{event}: the number of participants is not recorded.",
        "es": "{event}: el número de participantes no consta.",
    },
    "by_country_unrecorded": {
        "en": "{event}: {count} {who} came from {countries} together; the release does not give a figure per country.",
        "es": "{event}: {count} {who} vinieron de {countries} en conjunto; el comunicado no da cifras por país.",
    },
    "total_attendance": {
        "en": "Across the {n:one event|# events} I know of, {total} people attended: {parts}.",
        "es": "En {n:el único evento|los # eventos} que conozco asistieron {total} personas: {parts}.",
    },
    "total_unrecorded": {"en": " ({events}: not recorded)", "es": " ({events}: no consta)"},
    "compare": {
        "en": "{bigger} was larger: {a} participants, against {b} at {smaller}.",
        "es": "{bigger} fue más grande: {a} participantes, frente a {b} en {smaller}.",
    },
    "compare_unknown": {
        "en": "I can't compare them by {what}: it is not recorded for {events}.",
        "es": "No puedo compararlos por {what}: no consta para {events}.",
    },
    "compare_same": {
        "en": "{a} and {b} had the same recorded attendance: {n}.",
        "es": "{a} y {b} tuvieron la misma asistencia registrada: {n}.",
    },
    "more_than": {"en": "more than {n}", "es": "más de {n}"},
    # -- countries -----------------------------------------------------------------------------------------
    "countries": {
        "en": "{event}: participants came from {countries}.",
        "es": "{event}: los participantes vinieron de {countries}.",
    },
    "countries_unrecorded": {
        "en": "{event}: the participants' countries are not recorded.",
        "es": "{event}: los países de los participantes no constan.",
    },
    "country_yes": {
        "en": "Yes, {country} was among the participants' countries at {event} ({countries}).",
        "es": "Sí, {country} estuvo entre los países de los participantes en {event} ({countries}).",
    },
    "country_no": {
        "en": "No, {country} is not among the recorded participants' countries at {event} ({countries}).",
        "es": "No, {country} no figura entre los países registrados de los participantes en {event} ({countries}).",
    },
    # -- when, where, who --------------------------------------------------------------------------------
    "date": {"en": "{event} took place on {date}.", "es": "{event} se realizó el {date}."},
    "date_range": {"en": "{event} took place on {dates}.", "es": "{event} se realizó los días {dates}."},
    "date_unrecorded": {"en": "{event}: the date is not recorded.", "es": "{event}: la fecha no consta."},
    "location": {"en": "{event} took place {place}.", "es": "{event} se realizó {place}."},
    "location_at": {"en": "at {venue:the} in {city}", "es": "en {venue:the}, en {city}"},
    "location_in": {"en": "in {place}", "es": "en {place}"},
    "location_unrecorded": {"en": "{event}: the place is not recorded.", "es": "{event}: el lugar no consta."},
    "occasion": {"en": ", during {occasion:the}", "es": ", durante {occasion:the}"},
    "organisers": {"en": "{event} was organised by {names}.", "es": "{event} estuvo a cargo de {names}."},
    "organisers_unrecorded": {
        "en": "{event}: the organisers are not recorded.",
        "es": "{event}: los organizadores no constan.",
    },
    "funders": {"en": "{event} was funded by {names}.", "es": "{event} contó con financiación de {names}."},
    "funders_via_programme": {
        "en": "The release does not name a funder for {event} itself; its organiser {programme} is funded by {names}.",
        "es": "El comunicado no nombra un financiador para {event} en sí; su organizador {programme} está "
        "financiado por {names}.",
    },
    "funders_unrecorded": {
        "en": "{event}: the funders are not recorded.",
        "es": "{event}: los financiadores no constan.",
    },
    "speakers": {"en": "Speakers at {event}: {names}.", "es": "Oradores en {event}: {names}."},
    "speakers_unrecorded": {"en": "{event}: no speakers are recorded.", "es": "{event}: no constan oradores."},
    "person": {"en": "{name} — {position}; spoke at {event}.", "es": "{name} — {position}; habló en {event}."},
    "person_unknown": {
        "en": 'I have no record of a person called "{what}". People I know of: {names}.',
        "es": 'No tengo registro de una persona llamada "{what}". Personas que conozco: {names}.',
    },
    "which_person": {"en": "Which person do you mean? {names}", "es": "¿A qué persona se refiere? {names}"},
    "quotes": {"en": "{name} at {event}: {said}", "es": "{name} en {event}: {said}"},
    "quotes_none": {"en": "No statements by {name} are recorded.", "es": "No constan declaraciones de {name}."},
    "quotes_event": {"en": "What was said at {event}: {said}", "es": "Lo que se dijo en {event}: {said}"},
    "quotes_event_none": {"en": "{event}: no statements are recorded.", "es": "{event}: no constan declaraciones."},
    "reported": {"en": "{text}", "es": "{text}"},
    # -- what it was about ---------------------------------------------------------------------------------
    "topics": {"en": "{event} was about {items}.", "es": "{event} trató sobre {items}."},
    "topics_unrecorded": {"en": "{event}: the topics are not recorded.", "es": "{event}: los temas no constan."},
    "objectives": {"en": "The aims of {event} were to {items}.", "es": "Los objetivos de {event} eran: {items}."},
    "objectives_unrecorded": {"en": "{event}: the aims are not recorded.", "es": "{event}: los objetivos no constan."},
    "series": {"en": "{event} was {items}.", "es": "{event} fue {items}."},
    "series_unrecorded": {
        "en": "{event}: nothing is recorded about a series.",
        "es": "{event}: no consta que forme parte de una serie.",
    },
    "unrecorded": {
        "en": "{event}: the {what} is not recorded in the sources I have.",
        "es": "{event}: {what} no consta en las fuentes que tengo.",
    },
    "summary": {"en": "{title} — {kind}, {when}, {where}.", "es": "{title} — {kind}, {when}, {where}."},
    "summary_attendance": {"en": " Attended by {count} {who}.", "es": " Asistieron {count} {who}."},
    "summary_funders": {"en": " Funded by {names}.", "es": " Con financiación de {names}."},
    "summary_organisers": {"en": " Organised by {names}.", "es": " A cargo de {names}."},
    "summary_topics": {"en": " Topics: {items}.", "es": " Temas: {items}."},
    "date_unknown": {"en": "date not recorded", "es": "fecha no registrada"},
    "place_unknown": {"en": "place not recorded", "es": "lugar no registrado"},
    # -- programmes ----------------------------------------------------------------------------------------
    "programme": {
        "en": "{name}{full}: a UNODC programme.{funders}{aims}",
        "es": "{name}{full}: un programa de UNODC.{funders}{aims}",
    },
    "programme_funders": {"en": " Funded by {names}.", "es": " Financiado por {names}."},
    "programme_funders_unrecorded": {
        "en": "{name}: its funders are not recorded.",
        "es": "{name}: sus financiadores no constan.",
    },
    # For answers about one side of a programme (its funders, its aims): a sentence of their own.
    "programme_funded": {"en": "{name} is funded by {names}.", "es": "{name} está financiado por {names}."},
    "programme_aimed": {"en": "The aims of {name}: {items}.", "es": "Los objetivos de {name}: {items}."},
    "programme_aims": {"en": " Its aims: {items}.", "es": " Sus objetivos: {items}."},
    "programme_aims_unrecorded": {
        "en": "{name}: its aims are not recorded.",
        "es": "{name}: sus objetivos no constan.",
    },
    "partners": {"en": "{name} works with its partners {names}.", "es": "{name} trabaja con sus socios {names}."},
    "partners_unrecorded": {"en": "{name}: no partners are recorded.", "es": "{name}: no constan socios."},
    "which_programme": {"en": "Which programme do you mean? {names}", "es": "¿A qué programa se refiere? {names}"},
    # -- lists ---------------------------------------------------------------------------------------------
    "list": {"en": "{n:# event|# events}{filter}:\n{items}", "es": "{n:# evento|# eventos}{filter}:\n{items}"},
    "list_more": {"en": "… and {n} more.", "es": "… y {n} más."},
    "list_none": {
        "en": "I have no record of events{filter}. The events I know: {events}.",
        "es": "No tengo registro de eventos{filter}. Los eventos que conozco: {events}.",
    },
    "filter_year": {"en": " in {year}", "es": " en {year}"},
    "filter_place": {"en": " in {place}", "es": " en {place}"},
    "filter_kind": {"en": " ({kind})", "es": " ({kind})"},
    "filter_funder": {"en": " funded by {funder:the}", "es": " con financiación de {funder:the}"},
    "filter_programme": {"en": " of {programme:the}", "es": " de {programme:the}"},
    "filter_keyword": {"en": " about {keyword}", "es": " sobre {keyword}"},
    # -- sources -------------------------------------------------------------------------------------------
    "source": {"en": "Source", "es": "Fuente"},
    "no_sources": {
        "en": "This answer rests on no particular fact, so there is no quote to show.",
        "es": "Esta respuesta no se basa en ningún dato concreto, así que no hay cita que mostrar.",
    },
    # -- Telegram: commands and the menu -----------------------------------------------------------------
    "start": {
        "en": "Hello{name}! I answer questions about UNODC programme events: {coverage}\n\nAsk me who attended "
        "and from which countries, when and where, who organised and funded them, who spoke and what about. "
        "Every answer comes with its source.\n\nTry asking:",
        "es": "¡Hola{name}! Respondo preguntas sobre eventos de programas de UNODC: {coverage}\n\nPregúnteme "
        "quién asistió y de qué países, cuándo y dónde, quién los organizó y financió, quién habló y sobre qué. "
        "Cada respuesta lleva su fuente.\n\nPruebe a preguntar:",
    },
    "coverage": {
        "en": "I have {n:one event|# events} on record ({kinds}).{programmes}",
        "es": "tengo {n:un evento registrado|# eventos registrados} ({kinds}).{programmes}",
    },
    "coverage_none": {
        "en": "I have no events on record yet.",
        "es": "todavía no tengo eventos registrados.",
    },
    "coverage_programmes": {
        "en": " {n:Programme|Programmes}: {names}.",
        "es": " {n:Programa|Programas}: {names}.",
    },
    "coverage_more": {"en": "{n:one more|# more}", "es": "{n:uno más|# más}"},
    "help_coverage": {"en": "What I know", "es": "Lo que sé"},
    "help_title": {"en": "What you can ask", "es": "Qué puede preguntar"},
    "help_body": {
        "en": "Write a question in plain words, in English or Spanish: who attended and from which countries, "
        "when and where an event was, who organised or funded it, who spoke and what they said, what it was "
        "about; or ask for events by year, place or kind. Follow-ups work: after a question about an event, "
        'ask "who funded it?". In a group, mention me or reply to my message.',
        "es": "Escriba una pregunta con sus palabras, en español o en inglés: quién asistió y de qué países, "
        "cuándo y dónde fue un evento, quién lo organizó o financió, quién habló y qué dijo, de qué trató; o "
        "pida eventos por año, lugar o tipo. Puede seguir la conversación: tras una pregunta sobre un evento, "
        'pregunte "¿quién lo financió?". En un grupo, mencióneme o responda a mi mensaje.',
    },
    "help_examples": {"en": "For example:", "es": "Por ejemplo:"},
    "help_commands": {"en": "Commands", "es": "Comandos"},
    "help_admin": {"en": "Admin commands", "es": "Comandos de administración"},
    "cmd_start": {"en": "Introduction and example questions", "es": "Presentación y preguntas de ejemplo"},
    "cmd_help": {"en": "What you can ask, and the commands", "es": "Qué puede preguntar y los comandos"},
    "cmd_events": {"en": "All events, newest first", "es": "Todos los eventos, del más reciente al más antiguo"},
    "cmd_event": {"en": "An event's card: /event NAME", "es": "La ficha de un evento: /event NOMBRE"},
    "cmd_unanswered": {
        "en": "Questions the bot could not answer, and 👎 answers",
        "es": "Preguntas sin respuesta y respuestas con 👎",
    },
    "unknown_command": {
        "en": "I don't know that command. /help lists what I can do.",
        "es": "No conozco ese comando. /help muestra lo que puedo hacer.",
    },
    "text_only": {
        "en": "I can only read text. Please type your question.",
        "es": "Solo puedo leer texto. Escriba su pregunta, por favor.",
    },
    "cmd_language": {
        "en": "Answer in English, in Spanish, or in the language of each question",
        "es": "Responder en español, en inglés o en el idioma de cada pregunta",
    },
    # -- Telegram: /id --------------------------------------------------------------------------------------
    "cmd_id": {
        "en": "Your numeric Telegram ID (for BOT_ADMIN_IDS)",
        "es": "Su ID numérico de Telegram (para BOT_ADMIN_IDS)",
    },
    "your_id": {"en": "Your Telegram user ID:", "es": "Su ID de usuario de Telegram:"},
    "id_admin": {"en": "You are one of this bot's admins.", "es": "Usted es uno de los administradores de este bot."},
    "id_hint": {
        "en": "To make you an admin of this bot, whoever runs it adds this number to BOT_ADMIN_IDS.",
        "es": "Para hacerle administrador de este bot, quien lo gestiona añade este número a BOT_ADMIN_IDS.",
    },
    "id_anonymous": {
        "en": "Telegram does not tell me who you are here (you may be writing anonymously, as the group). "
        "Send /id in a private chat with me.",
        "es": "Telegram no me dice quién es usted aquí (puede que escriba de forma anónima, como el grupo). "
        "Envíeme /id en un chat privado.",
    },
    # -- Telegram: language -----------------------------------------------------------------------------
    "language_prompt": {
        "en": "In which language should I answer in this chat? Now: {current}.",
        "es": "¿En qué idioma respondo en este chat? Ahora: {current}.",
    },
    "language_auto": {
        "en": "the language of each question",
        "es": "el idioma de cada pregunta",
    },
    "language_name_en": {"en": "English", "es": "inglés"},
    "language_name_es": {"en": "Spanish", "es": "español"},
    "language_set": {
        "en": "Done: from now on I answer in {language} in this chat.",
        "es": "Listo: a partir de ahora respondo en {language} en este chat.",
    },
    "language_set_auto": {
        "en": "Done: I answer in the language of each question.",
        "es": "Listo: respondo en el idioma de cada pregunta.",
    },
    "language_group_admins": {
        "en": "Only the group's administrators can change its language.",
        "es": "Solo los administradores del grupo pueden cambiar su idioma.",
    },
    "btn_auto": {"en": "🔤 Each question's language", "es": "🔤 Idioma de cada pregunta"},
    # -- Telegram: buttons --------------------------------------------------------------------------------
    "btn_source": {"en": "📄 Source", "es": "📄 Fuente"},
    "btn_prev": {"en": "◀ Newer", "es": "◀ Más recientes"},
    "btn_next": {"en": "Older ▶", "es": "Anteriores ▶"},
    "feedback_thanks": {
        "en": "Thank you! Your feedback helps us improve the answers.",
        "es": "¡Gracias! Su opinión nos ayuda a mejorar las respuestas.",
    },
    "button_stale": {
        "en": "This button is from an earlier conversation and no longer works. Please ask the question again.",
        "es": "Este botón es de una conversación anterior y ya no funciona. Vuelva a hacer la pregunta.",
    },
    # -- Telegram: events ----------------------------------------------------------------------------------
    "events_title": {
        "en": "Events, newest first ({page} of {pages}; {total} in all)",
        "es": "Eventos, del más reciente al más antiguo ({page} de {pages}; {total} en total)",
    },
    "events_none": {"en": "No events are recorded yet.", "es": "Todavía no hay eventos registrados."},
    "event_usage": {
        "en": "Which event? Write its name after the command, for example: /event {example}",
        "es": "¿Qué evento? Escriba su nombre después del comando, por ejemplo: /event {example}",
    },
    # -- Telegram: admins ----------------------------------------------------------------------------------
    "admin_only": {
        "en": "Sorry, that command is for the bot's administrators.",
        "es": "Lo siento, ese comando es solo para los administradores del bot.",
    },
    "admin_private_only": {
        "en": "Admin commands work only in a private chat with me, not in groups.",
        "es": "Los comandos de administración solo funcionan en un chat privado conmigo, no en grupos.",
    },
    "unanswered_none": {
        "en": "No unanswered questions and no 👎 so far.",
        "es": "Por ahora no hay preguntas sin respuesta ni respuestas con 👎.",
    },
    "unanswered_title": {
        "en": "Questions to improve the knowledge ({n:one question|# distinct questions}, most asked first)",
        "es": "Preguntas para mejorar el conocimiento ({n:una pregunta|# preguntas distintas}, las más frecuentes "
        "primero)",
    },
    "unanswered_line": {
        "en": "{count}× “{question}” — {verdicts}, last {when}",
        "es": "{count}× «{question}» — {verdicts}, última vez {when}",
    },
    "verdict_unanswered": {"en": "unanswered", "es": "sin respuesta"},
    "verdict_down": {"en": "👎", "es": "👎"},
    "cmd_facts": {
        "en": "An event's facts and their sources: /facts EVENT",
        "es": "Los datos de un evento y sus fuentes: /facts EVENTO",
    },
    "cmd_addfact": {
        "en": "Add a fact: /addfact EVENT FIELD VALUE [-- quote or link]",
        "es": "Añadir un dato: /addfact EVENTO CAMPO VALOR [-- cita o enlace]",
    },
    "cmd_editfact": {
        "en": "Correct a fact: /editfact EVENT FIELD [N] VALUE [-- quote or link]",
        "es": "Corregir un dato: /editfact EVENTO CAMPO [N] VALOR [-- cita o enlace]",
    },
    "cmd_delfact": {"en": "Delete a fact: /delfact EVENT FIELD [N]", "es": "Borrar un dato: /delfact EVENTO CAMPO [N]"},
    "cmd_undo": {"en": "Undo your last change", "es": "Deshacer su último cambio"},
    "cmd_history": {"en": "Who changed what: /history EVENT", "es": "Quién cambió qué: /history EVENTO"},
    "cmd_export": {"en": "The whole knowledge base as JSON and CSV", "es": "Todo el conocimiento en JSON y CSV"},
    "cmd_backup": {"en": "Back up the database now", "es": "Hacer ahora una copia de la base de datos"},
    "cmd_newevent": {"en": "Add a new event, step by step", "es": "Añadir un evento nuevo, paso a paso"},
    "cmd_import": {
        "en": "Propose an event from a press release's text",
        "es": "Proponer un evento a partir del texto de un comunicado",
    },
    "cmd_cancel": {"en": "Stop what you are doing", "es": "Dejar lo que está haciendo"},
    # -- Telegram: admin changes -------------------------------------------------------------------------
    "usage_facts": {
        "en": "Which event? For example: /facts {example}",
        "es": "¿Qué evento? Por ejemplo: /facts {example}",
    },
    "usage_history": {
        "en": "Which event? For example: /history {example}",
        "es": "¿Qué evento? Por ejemplo: /history {example}",
    },
    "usage_change": {
        "en": "Write the event, the field and the value, for example:\n{example}\nFields: {fields}",
        "es": "Escriba el evento, el campo y el valor, por ejemplo:\n{example}\nCampos: {fields}",
    },
    "admin_unknown_event": {
        "en": 'No event matches "{what}". Events: {events}',
        "es": 'Ningún evento coincide con "{what}". Eventos: {events}',
    },
    "admin_which_event": {
        "en": '"{what}" fits several events: {events}. Please name one more precisely.',
        "es": '"{what}" corresponde a varios eventos: {events}. Indique uno con más precisión.',
    },
    "unknown_field": {
        "en": "Which field? I know: {fields}",
        "es": "¿Qué campo? Conozco: {fields}",
    },
    "already_recorded": {
        "en": "{event} already has a {field}: “{value}”. Use /editfact to change it.",
        "es": "{event} ya tiene {field}: «{value}». Use /editfact para cambiarlo.",
    },
    "which_item": {
        "en": "{event} has several {field}; say which by its number (see /facts): {items}",
        "es": "{event} tiene varios {field}; indique cuál por su número (vea /facts): {items}",
    },
    "no_such_item": {
        "en": "{event} has no {field} number {n}. See /facts.",
        "es": "{event} no tiene {field} número {n}. Vea /facts.",
    },
    "nothing_recorded": {
        "en": "{event} has nothing recorded under {field}.",
        "es": "{event} no tiene nada registrado en {field}.",
    },
    "duplicate_item": {
        "en": "{event} already lists “{value}” under {field}.",
        "es": "{event} ya tiene «{value}» en {field}.",
    },
    "change_add": {"en": "{event}: add {field} “{value}”", "es": "{event}: añadir {field} «{value}»"},
    "change_set": {"en": "{event}: {field} “{old}” → “{new}”", "es": "{event}: {field} «{old}» → «{new}»"},
    "change_delete": {"en": "{event}: delete {field} “{value}”", "es": "{event}: borrar {field} «{value}»"},
    "confirm_change": {
        "en": "I am not sure I understood; is this the change you want?\n{change}",
        "es": "No estoy seguro de haber entendido; ¿es este el cambio que quiere?\n{change}",
    },
    "btn_confirm": {"en": "✅ Confirm", "es": "✅ Confirmar"},
    "btn_cancel": {"en": "✖ Cancel", "es": "✖ Cancelar"},
    "saved": {
        "en": "Saved: {change}\nAnswers use it from now on; /undo reverts it.",
        "es": "Guardado: {change}\nLas respuestas ya lo usan; /undo lo revierte.",
    },
    "cancelled": {"en": "Cancelled; nothing was changed.", "es": "Cancelado; no se cambió nada."},
    "undo_done": {"en": "Undone:\n{changes}", "es": "Deshecho:\n{changes}"},
    "undo_nothing": {"en": "You have no change left to undo.", "es": "No le queda ningún cambio que deshacer."},
    "changed_meanwhile": {
        "en": "Not saved: since you looked, {by} changed {field} of {event}; it is now “{now}”.",
        "es": "No se guardó: desde que usted lo vio, {by} cambió {field} de {event}; ahora es «{now}».",
    },
    "deleted_meanwhile": {
        "en": "Not saved: since you looked, {by} deleted {field} of {event}.",
        "es": "No se guardó: desde que usted lo vio, {by} borró {field} de {event}.",
    },
    "someone": {"en": "another admin", "es": "otro administrador"},
    "confirm_again": {
        "en": "{conflict}\nIs this still the change you want?\n{change}",
        "es": "{conflict}\n¿Sigue siendo este el cambio que quiere?\n{change}",
    },
    "send_again": {
        "en": "Send the command again if you still want a change.",
        "es": "Vuelva a enviar el comando si aún quiere un cambio.",
    },
    "not_saved_write": {
        "en": "Not saved: the database could not be written ({error}). Nothing was changed; please try again "
        "later, and tell whoever runs the bot if it goes on.",
        "es": "No se guardó: no se pudo escribir la base de datos ({error}). No se cambió nada; inténtelo más "
        "tarde y avise a quien administra el bot si sigue pasando.",
    },
    "not_saved_damaged": {
        "en": "Not saved: the database file is damaged. It is kept as it is and nothing was changed; whoever "
        "runs the bot must restore it from a backup.",
        "es": "No se guardó: el archivo de la base de datos está dañado. Se conserva tal como está y no se "
        "cambió nada; quien administra el bot debe restaurarlo desde una copia de seguridad.",
    },
    "damaged_read": {
        "en": "I cannot read that: the database file is damaged. It is kept as it is; whoever runs the bot must "
        "restore it from a backup.",
        "es": "No puedo leer eso: el archivo de la base de datos está dañado. Se conserva tal como está; quien "
        "administra el bot debe restaurarlo desde una copia de seguridad.",
    },
    "undo_conflict": {
        "en": "Not undone: {fact} was changed since by {actor}, and undoing would lose that change.",
        "es": "No se deshizo: {actor} cambió {fact} después, y deshacer perdería ese cambio.",
    },
    "history_title": {"en": "Changes to {event}, newest first", "es": "Cambios en {event}, del más reciente"},
    "history_line": {"en": "{when} {actor}: {change}", "es": "{when} {actor}: {change}"},
    "history_undo": {"en": "(undo)", "es": "(deshacer)"},
    "history_none": {
        "en": "{event} has not been changed by admins.",
        "es": "Ningún administrador ha cambiado {event} hasta ahora.",
    },
    "facts_title": {"en": "Facts of {event}", "es": "Datos de {event}"},
    "export_caption": {
        "en": "The knowledge base: {facts:one fact|# facts} about {events:one event|# events}.",
        "es": "La base de conocimiento: {facts:un dato|# datos} sobre {events:un evento|# eventos}.",
    },
    "backup_done": {
        "en": "Backed up to {name} ({keep:keeping only this one|keeping the last #}).",
        "es": "Copia guardada como {name} ({keep:solo se guarda esta|se guardan las # últimas}).",
    },
    "backup_failed": {
        "en": "No backup was made: {error}. The older backups are kept.",
        "es": "No se hizo la copia: {error}. Las copias anteriores se conservan.",
    },
    # -- Telegram: /newevent ------------------------------------------------------------------------------
    "new_step": {
        "en": "New event, step {n} of {total}: {prompt}\n{hint}",
        "es": "Evento nuevo, paso {n} de {total}: {prompt}\n{hint}",
    },
    "new_hint_required": {"en": "(/cancel stops)", "es": "(/cancel para salir)"},
    "new_hint_optional": {
        "en": "(/skip if it is not known, /back to correct the previous answer, /cancel stops)",
        "es": "(/skip si no se sabe, /back para corregir la respuesta anterior, /cancel para salir)",
    },
    "new_ask_title": {"en": "What is the event's title?", "es": "¿Cuál es el título del evento?"},
    "new_ask_kind": {
        "en": "What kind of event was it? ({kinds})",
        "es": "¿Qué tipo de evento fue? ({kinds})",
    },
    "new_ask_date": {
        "en": "When was it? For example 2021-11-13 or 13 November 2021.",
        "es": "¿Cuándo fue? Por ejemplo 2021-11-13 o 13 de noviembre de 2021.",
    },
    "new_ask_place": {
        "en": "Where was it? City and country, for example: Panama City, Panama",
        "es": "¿Dónde fue? Ciudad y país, por ejemplo: Ciudad de Panamá, Panamá",
    },
    "new_ask_organisers": {
        "en": "Who organised it? Separate several with ;",
        "es": "¿Quién lo organizó? Separe varios con ;",
    },
    "new_ask_funders": {
        "en": "Who funded it? Separate several with ;",
        "es": "¿Quién lo financió? Separe varios con ;",
    },
    "new_ask_participants": {
        "en": "How many people attended in total? For example 61, or over 70.",
        "es": "¿Cuántas personas asistieron en total? Por ejemplo 61, o más de 70.",
    },
    "new_ask_participant_groups": {
        "en": "Who were they, by role? For example: 40 investigators; 21 prosecutors",
        "es": "¿Quiénes eran, por perfil? Por ejemplo: 40 investigadores; 21 fiscales",
    },
    "new_ask_participant_countries": {
        "en": "From which countries? Separate them with commas.",
        "es": "¿De qué países? Sepárelos con comas.",
    },
    "new_ask_speakers": {
        "en": "Who spoke? Name, position; separate speakers with ;",
        "es": "¿Quién habló? Nombre, cargo; separe los oradores con ;",
    },
    "new_ask_topics": {
        "en": "What was it about? Separate topics with ;",
        "es": "¿De qué trató? Separe los temas con ;",
    },
    "new_ask_source": {
        "en": "Finally, the source: a link to the press release, or the sentence the facts come from.",
        "es": "Por último, la fuente: un enlace al comunicado o la frase de la que salen los datos.",
    },
    "new_skip_required": {
        "en": "This one is needed; please answer it (or /cancel).",
        "es": "Este dato es necesario; respóndalo, por favor (o /cancel).",
    },
    "new_try_again": {"en": "{error} Please try again.", "es": "{error} Inténtelo de nuevo."},
    "new_preview": {
        "en": "Please check the new event, then confirm:",
        "es": "Revise el evento nuevo y confírmelo:",
    },
    "new_duplicate": {
        "en": "⚠ It looks like an event already recorded: {event} ({why}). Confirm only if it is a different one.",
        "es": "⚠ Se parece a un evento ya registrado: {event} ({why}). Confirme solo si es otro distinto.",
    },
    "dup_same_place_date": {"en": "same place and date", "es": "mismo lugar y fecha"},
    "dup_similar_title": {"en": "similar title", "es": "título parecido"},
    "new_published": {
        "en": "Published: {event} ({facts:one fact|# facts}). It is answered from now on; /undo removes it again.",
        "es": "Publicado: {event} ({facts:un dato|# datos}). Ya se responde sobre él; /undo lo quita de nuevo.",
    },
    "busy_importing": {
        "en": "You are importing a release: save it or /cancel it first.",
        "es": "Está importando un comunicado: guárdelo o use /cancel antes.",
    },
    "busy_newevent": {
        "en": "You are adding a new event: finish it or /cancel it first.",
        "es": "Está añadiendo un evento nuevo: termínelo o use /cancel antes.",
    },
    "new_cancelled": {
        "en": "New event cancelled; nothing was saved.",
        "es": "Evento nuevo cancelado; no se guardó nada.",
    },
    "nothing_to_cancel": {"en": "There is nothing to cancel.", "es": "No hay nada que cancelar."},
    # -- Telegram: /import --------------------------------------------------------------------------------
    "import_usage": {
        "en": "To import a press release, do one of these:\n• /import followed by its text, in the same message\n"
        "• /import followed by the link to its web page\n• send me its file (.txt, .md, .html, .pdf or .docx)\n"
        "• /import alone, then its text in as many messages as you need, then /done\n"
        "I show you what I found before anything is saved.",
        "es": "Para importar un comunicado, haga una de estas cosas:\n• /import seguido de su texto, en el mismo "
        "mensaje\n• /import seguido del enlace a su página web\n• envíeme su archivo (.txt, .md, .html, .pdf o "
        ".docx)\n• /import solo, luego su texto en tantos mensajes como necesite, y luego /done\n"
        "Le muestro lo que encontré antes de guardar nada.",
    },
    "import_collecting": {
        "en": "Send me the release now, in as many messages as you need (a long text can go in several). Then "
        "press “Read it” or send /done. /cancel stops.",
        "es": "Envíeme ahora el comunicado, en tantos mensajes como necesite (un texto largo puede ir en varios). "
        "Luego pulse «Leerlo» o envíe /done. /cancel para salir.",
    },
    "import_cut": {
        "en": "Your message is at Telegram's limit of 4,096 characters, so the release probably goes on. Send me "
        "the rest, then press “Read it” or send /done.",
        "es": "Su mensaje llega al límite de Telegram de 4096 caracteres, así que el comunicado probablemente "
        "sigue. Envíeme el resto y luego pulse «Leerlo» o envíe /done.",
    },
    "import_collected": {
        "en": "Got part {parts}: {chars} characters so far. Send more, or press “Read it” (/done).",
        "es": "Recibida la parte {parts}: {chars} caracteres hasta ahora. Envíe más, o pulse «Leerlo» (/done).",
    },
    "import_collect_empty": {
        "en": "You have not sent any text yet. Send the release, or /cancel.",
        "es": "Todavía no ha enviado ningún texto. Envíe el comunicado, o /cancel.",
    },
    "import_reading": {"en": "Reading {origin}…", "es": "Leyendo {origin}…"},
    "import_document_admins": {
        "en": "Thank you, but only the bot's administrators can import documents. You can ask me about the "
        "events in words.",
        "es": "Gracias, pero solo los administradores del bot pueden importar documentos. Puede preguntarme por "
        "los eventos con palabras.",
    },
    "import_preview": {
        "en": "Import, page {page} of {pages}. Tap a number to leave a fact out or take it back:",
        "es": "Importación, página {page} de {pages}. Toque un número para dejar fuera un dato o recuperarlo:",
    },
    "import_preview_one": {
        "en": "From this release I would save these facts. Tap a number to leave one out or take it back:",
        "es": "De este comunicado guardaría estos datos. Toque un número para dejar uno fuera o recuperarlo:",
    },
    "import_pasted": {"en": "the text you sent", "es": "el texto que envió"},
    "import_source": {
        "en": "Read from {origin} ({chars} characters).",
        "es": "Leído de {origin} ({chars} caracteres).",
    },
    "import_meanwhile": {
        "en": "✋ Another admin saved an event under the same name while you were checking this one, so nothing "
        "was saved. Send the release again to review it against what is recorded now.",
        "es": "✋ Otro administrador guardó un evento con el mismo nombre mientras usted revisaba este, así que no "
        "se guardó nada. Envíe el comunicado otra vez para revisarlo frente a lo que consta ahora.",
    },
    "import_already": {
        "en": "✋ This text was imported already: saving it again would record its event twice, so nothing will "
        "be saved.",
        "es": "✋ Este texto ya se importó: guardarlo otra vez registraría su evento dos veces, así que no se "
        "guardará nada.",
    },
    "import_not_event": {
        "en": "⚠ This text does not seem to report an event ({why}). Save it only if it does: “Save anyway”.",
        "es": "⚠ Este texto no parece informar de un evento ({why}). Guárdelo solo si lo hace: «Guardar de todos "
        "modos».",
    },
    "import_not_event_unsaid": {"en": "no event is described", "es": "no se describe ningún evento"},
    "import_alike": {
        "en": "⚠ It looks like an event already recorded: {event} ({id}): {why}. Save only if it is a different one.",
        "es": "⚠ Se parece a un evento ya registrado: {event} ({id}): {why}. Guárdelo solo si es otro distinto.",
    },
    "alike_date": {"en": "same dates", "es": "mismas fechas"},
    "alike_place": {"en": "same place", "es": "mismo lugar"},
    "alike_count": {"en": "same number of participants", "es": "mismo número de participantes"},
    "alike_people": {"en": "same speakers", "es": "mismos oradores"},
    "alike_title": {"en": "similar title", "es": "título parecido"},
    "import_truncated": {
        "en": "ℹ The text stops mid-sentence: it may be an excerpt, and facts after the cut are missing.",
        "es": "ℹ El texto se corta a mitad de frase: puede ser un extracto, y faltan los datos posteriores al corte.",
    },
    "import_missing": {
        "en": "Not found in the release: {fields}.",
        "es": "No están en el comunicado: {fields}.",
    },
    "import_how_to_edit": {
        "en": "To correct a fact, type its number and the value (“4 14 March 2018”). To add what is missing, type "
        "the field and the value (“date 14-16 March 2018”, “place Freetown, Sierra Leone”, “funders European "
        "Union”).",
        "es": "Para corregir un dato, escriba su número y el valor («4 14 de marzo de 2018»). Para añadir lo que "
        "falta, escriba el campo y el valor («fecha 14-16 March 2018», «lugar Freetown, Sierra Leona», "
        "«financiadores Unión Europea»).",
    },
    "import_flag_no_year": {
        "en": "the release gives no year: saved without one unless you type the full date",
        "es": "el comunicado no da el año: se guarda sin año salvo que escriba la fecha completa",
    },
    "import_flag_relative_date": {
        "en": "a relative date (“this Monday”): no calendar date can be made from it",
        "es": "una fecha relativa («este lunes»): no se puede sacar de ella una fecha de calendario",
    },
    "import_flag_approximate": {
        "en": "an approximate figure, kept as approximate",
        "es": "una cifra aproximada, que se guarda como aproximada",
    },
    "import_flag_ambiguous": {
        "en": "the text allows more than one reading: left out unless you tick it",
        "es": "el texto admite más de una lectura: queda fuera salvo que lo marque",
    },
    "import_flag_elsewhere": {
        "en": "read from a part of the text that may be about another activity: left out unless you tick it",
        "es": "leído de una parte del texto que puede tratar de otra actividad: queda fuera salvo que lo marque",
    },
    "import_typed": {"en": "typed by you: {typed}", "es": "escrito por usted: {typed}"},
    "import_made_title": {
        "en": "(the release has no headline: this title is made from its kind, place and date; type “1 …” to "
        "change it)",
        "es": "(el comunicado no tiene titular: este título sale de su tipo, lugar y fecha; escriba «1 …» para "
        "cambiarlo)",
    },
    "import_no_year": {"en": "{day}, year not stated", "es": "{day}, sin año"},
    "import_about": {"en": "about {n}", "es": "unos {n}"},
    "import_edit_unclear": {
        "en": "I could not tell what to change. Type a fact's number and its value (“4 14 March 2018”), or a "
        "field and its value (“city Freetown”). /cancel leaves the import.",
        "es": "No entendí qué cambiar. Escriba el número de un dato y su valor («4 14 de marzo de 2018»), o un "
        "campo y su valor («ciudad Freetown»). /cancel sale de la importación.",
    },
    "import_no_item": {
        "en": "There is no fact number {n}: the facts go from 1 to {count}.",
        "es": "No hay ningún dato número {n}: los datos van del 1 al {count}.",
    },
    "import_edited": {"en": "Changed: {fields}.", "es": "Cambiado: {fields}."},
    "import_needs_title": {
        "en": "An event needs its title; keep it ticked, or type “title …”.",
        "es": "Un evento necesita su título; manténgalo marcado, o escriba «título …».",
    },
    "import_not_event_save": {
        "en": "This text does not read as an event. Press “Save anyway” if it is one.",
        "es": "Este texto no parece un evento. Pulse «Guardar de todos modos» si lo es.",
    },
    "import_saved": {
        "en": "Imported: {event} ({facts} facts). It is answered from now on; /undo removes it again.",
        "es": "Importado: {event} ({facts} datos). Ya se responde sobre él; /undo lo quita de nuevo.",
    },
    "import_cancelled": {
        "en": "Import cancelled; nothing was saved.",
        "es": "Importación cancelada; no se guardó nada.",
    },
    "btn_save_selected": {"en": "💾 Save selected", "es": "💾 Guardar lo elegido"},
    "btn_save_anyway": {"en": "💾 Save anyway", "es": "💾 Guardar de todos modos"},
    "btn_read_it": {"en": "📖 Read it", "es": "📖 Leerlo"},
    "btn_page_prev": {"en": "◀ Previous", "es": "◀ Anterior"},
    "btn_page_next": {"en": "Next ▶", "es": "Siguiente ▶"},
    "bad_share": {
        "en": '"{value}" is not a number or a percentage of participants. Write 12, or 40%.',
        "es": '"{value}" no es un número ni un porcentaje de participantes. Escriba 12, o 40%.',
    },
    "bad_length": {
        "en": '"{value}" is not a length. Write it like 5 days, 2 weeks or 3 hours.',
        "es": '"{value}" no es una duración. Escríbala como 5 días, 2 semanas o 3 horas.',
    },
    "bad_format": {
        "en": '"{value}" is not a format I know: in person, online or hybrid.',
        "es": '"{value}" no es una modalidad que conozca: presencial, en línea o híbrida.',
    },
    "bad_language": {
        "en": '"{value}" is not a language I know: en or es.',
        "es": '"{value}" no es un idioma que conozca: en o es.',
    },
    # reading files and pages
    "read_empty": {"en": "There is no text to import: it is empty.", "es": "No hay texto que importar: está vacío."},
    "read_too_long": {
        "en": "The text is too long to be one release ({chars} characters; at most {limit}).",
        "es": "El texto es demasiado largo para ser un comunicado ({chars} caracteres; como máximo {limit}).",
    },
    "read_no_file": {"en": "There is no file {name}.", "es": "No existe el archivo {name}."},
    "read_os_error": {"en": "{name} cannot be read: {error}.", "es": "No se puede leer {name}: {error}."},
    "read_too_big": {
        "en": "The file is too big to import ({size} MB; at most {limit} MB). Send the release's text instead.",
        "es": "El archivo es demasiado grande para importarlo ({size} MB; como máximo {limit} MB). Envíe el texto "
        "del comunicado.",
    },
    "read_format": {
        "en": "I cannot read {name}: I read plain text (.txt), Markdown (.md), HTML (.html), PDF (.pdf) and Word "
        "(.docx).",
        "es": "No puedo leer {name}: leo texto (.txt), Markdown (.md), HTML (.html), PDF (.pdf) y Word (.docx).",
    },
    "read_old_word": {
        "en": "{name} is in the old Word format (.doc), which I cannot read. Save it as .docx or PDF and send it "
        "again.",
        "es": "{name} está en el formato antiguo de Word (.doc), que no puedo leer. Guárdelo como .docx o PDF y "
        "envíelo de nuevo.",
    },
    "read_encoding": {
        "en": "{name} is not in an encoding I can read. Save it as UTF-8 text.",
        "es": "{name} no tiene una codificación que pueda leer. Guárdelo como texto UTF-8.",
    },
    "read_pdf_locked": {
        "en": "{name} is protected by a password, so I cannot read it.",
        "es": "{name} está protegido con contraseña, así que no puedo leerlo.",
    },
    "read_damaged": {
        "en": "{name} seems damaged: I could not open it. Try saving it again, or send its text.",
        "es": "{name} parece dañado: no pude abrirlo. Pruebe a guardarlo de nuevo, o envíe su texto.",
    },
    "read_pdf_no_text": {
        "en": "{name} has no text I can read (it may be a scan). Send the release's text instead.",
        "es": "{name} no tiene texto que pueda leer (puede ser un escaneo). Envíe el texto del comunicado.",
    },
    "read_no_article": {
        "en": "I found no article in that page: no text long enough to be a release.",
        "es": "No encontré ningún artículo en esa página: ningún texto tan largo como un comunicado.",
    },
    "link_scheme": {
        "en": "I only read web pages (http:// or https:// links), not {url}.",
        "es": "Solo leo páginas web (enlaces http:// o https://), no {url}.",
    },
    "link_invalid": {"en": "{url} is not a link I can open.", "es": "{url} no es un enlace que pueda abrir."},
    "link_not_found": {
        "en": "The page {url} does not exist (not found). Check the link.",
        "es": "La página {url} no existe (no encontrada). Revise el enlace.",
    },
    "link_status": {
        "en": "The site would not give me {url} (error {status}). Try again later, or send the release's text.",
        "es": "El sitio no me dio {url} (error {status}). Inténtelo más tarde, o envíe el texto del comunicado.",
    },
    "link_timeout": {
        "en": "{url} did not answer within {seconds} seconds. Try again later, or send the release's text.",
        "es": "{url} no respondió en {seconds} segundos. Inténtelo más tarde, o envíe el texto del comunicado.",
    },
    "link_unreachable": {
        "en": "I could not reach {url} ({error}). Check the link, or send the release's text.",
        "es": "No pude llegar a {url} ({error}). Revise el enlace, o envíe el texto del comunicado.",
    },
    "link_redirects": {
        "en": "{url} sends me on to other pages more than {limit} times, so I stopped. Send the final link.",
        "es": "{url} me redirige a otras páginas más de {limit} veces, así que paré. Envíe el enlace final.",
    },
    "link_type": {
        "en": "{url} is not a page or a document I can read (it is {type}).",
        "es": "{url} no es una página ni un documento que pueda leer (es {type}).",
    },
    "link_no_article": {
        "en": "I found no article in {url}: no text long enough to be a release. Send its text instead.",
        "es": "No encontré ningún artículo en {url}: ningún texto tan largo como un comunicado. Envíe su texto.",
    },
    # -- Telegram: subscriptions -------------------------------------------------------------------------
    "cmd_subscribe": {"en": "Get told about new events", "es": "Recibir avisos de eventos nuevos"},
    "cmd_subscriptions": {
        "en": "Your subscriptions: pause, resume or remove them",
        "es": "Sus suscripciones: pausarlas, reanudarlas o quitarlas",
    },
    "cmd_unsubscribe": {"en": "Stop all notifications", "es": "Dejar de recibir avisos"},
    "cmd_announce": {
        "en": "Notify subscribers about an event: /announce EVENT",
        "es": "Avisar a los suscriptores de un evento: /announce EVENTO",
    },
    "sub_everything": {"en": "every new event", "es": "todos los eventos nuevos"},
    "sub_intro": {
        "en": "What should I tell this chat about? Choose filters (any number), then Subscribe. "
        "With no filter you get every new event.\nNow: {current}",
        "es": "¿De qué aviso a este chat? Elija filtros (los que quiera) y luego Suscribirse. "
        "Sin filtros recibe todos los eventos nuevos.\nAhora: {current}",
    },
    "sub_pick": {
        "en": "Choose {dimension} (tap again to take one back).\nNow: {current}",
        "es": "Elija {dimension} (vuelva a tocar para quitar uno).\nAhora: {current}",
    },
    "dim_countries": {"en": "🌍 Countries", "es": "🌍 Países"},
    "dim_programmes": {"en": "📚 Programmes", "es": "📚 Programas"},
    "dim_kinds": {"en": "🏷 Kinds of event", "es": "🏷 Tipos de evento"},
    "dim_topics": {"en": "🔎 Topics", "es": "🔎 Temas"},
    "btn_subscribe": {"en": "✅ Subscribe", "es": "✅ Suscribirse"},
    "btn_back": {"en": "◀ Back", "es": "◀ Volver"},
    "sub_saved": {
        "en": "Subscribed: this chat will be told about {what}. /subscriptions shows and changes them.",
        "es": "Suscrito: avisaré a este chat de {what}. /subscriptions las muestra y cambia.",
    },
    "sub_group_admins": {
        "en": "Only the group's administrators can change its subscriptions.",
        "es": "Solo los administradores del grupo pueden cambiar sus suscripciones.",
    },
    "sub_none": {
        "en": "This chat has no subscriptions. /subscribe adds one.",
        "es": "Este chat no tiene suscripciones. /subscribe añade una.",
    },
    "sub_list_title": {"en": "Subscriptions of this chat", "es": "Suscripciones de este chat"},
    "sub_line": {"en": "{n}. {what}{paused}", "es": "{n}. {what}{paused}"},
    "sub_paused": {"en": " (paused)", "es": " (en pausa)"},
    "unsub_confirm": {
        "en": "{n:Remove this chat's subscription|Remove all # subscriptions of this chat}?",
        "es": "{n:¿Quitar la suscripción de este chat|¿Quitar las # suscripciones de este chat}?",
    },
    "btn_remove_all": {"en": "🗑 Yes, remove all", "es": "🗑 Sí, quitar todas"},
    "btn_keep": {"en": "Keep them", "es": "Mantenerlas"},
    "unsub_done": {
        "en": "{n:Subscription removed|# subscriptions removed}; this chat gets no more notifications.",
        "es": "{n:Se quitó la suscripción|Se quitaron # suscripciones}; este chat ya no recibe avisos.",
    },
    "unsub_kept": {"en": "Nothing changed.", "es": "No se cambió nada."},
    # -- Telegram: notifications ---------------------------------------------------------------------------
    "btn_ask_event": {"en": "❓ Ask about it", "es": "❓ Preguntar sobre él"},
    "notify_prompt": {
        "en": "Notify {n:the one subscribed chat that matches|the # subscribed chats that match} this event now?",
        "es": "¿Aviso ahora {n:al chat suscrito al que corresponde|a los # chats suscritos a los que corresponde} "
        "este evento?",
    },
    "notify_nobody": {
        "en": "No subscription matches this event, so nobody is notified.",
        "es": "Ninguna suscripción corresponde a este evento, así que no se avisa a nadie.",
    },
    "btn_notify": {"en": "📣 Notify now", "es": "📣 Avisar ahora"},
    "btn_not_now": {"en": "Not now", "es": "Ahora no"},
    "not_notified": {
        "en": "Not notified. /announce {event} does it later.",
        "es": "Sin avisos. /announce {event} lo hace más tarde.",
    },
    "delivery_started": {
        "en": "📣 Delivering {event} to {n:one chat|# chats}…",
        "es": "📣 Enviando {event} a {n:un chat|# chats}…",
    },
    "delivery_progress": {
        "en": "📣 Delivering {event}: {done} of {n} done…",
        "es": "📣 Enviando {event}: van {done} de {n}…",
    },
    "delivery_report": {
        "en": "📣 {event}: delivered {sent}, failed {failed}, blocked {blocked}, skipped {skipped}.",
        "es": "📣 {event}: entregados {sent}, fallidos {failed}, bloqueados {blocked}, omitidos {skipped}.",
    },
    "announce_usage": {
        "en": "Which event? For example: /announce {example}",
        "es": "¿Qué evento? Por ejemplo: /announce {example}",
    },
    "delivery_already": {
        "en": "That delivery was already asked for by this very message; it is under way or done, and nobody "
        "is notified twice.",
        "es": "Ese envío ya se pidió con este mismo mensaje; está en curso o terminado, y nadie recibe el aviso "
        "dos veces.",
    },
    "not_queued_write": {
        "en": "Nobody was notified: the delivery could not be queued, the database could not be written "
        "({error}). Please try again later.",
        "es": "No se avisó a nadie: no se pudo poner el envío en cola, no se pudo escribir la base de datos "
        "({error}). Inténtelo más tarde.",
    },
    "delivery_held": {
        "en": "⚠️ Notifications are on hold: I could not record that a notification went out ({error}). Nothing "
        "more goes out until I can, so that nobody gets one twice; I keep trying by myself.",
        "es": "⚠️ Los avisos están en espera: no pude registrar que un aviso salió ({error}). No sale ninguno más "
        "hasta que pueda, para que nadie reciba uno dos veces; sigo intentándolo por mi cuenta.",
    },
    "delivery_resumed": {
        "en": "▶ Notifications resumed: what went out is recorded, and delivery goes on.",
        "es": "▶ Avisos reanudados: lo enviado quedó registrado y el envío continúa.",
    },
    # -- Telegram: validation ----------------------------------------------------------------------------
    "value_empty": {"en": "The value is empty.", "es": "El valor está vacío."},
    "value_too_long": {
        "en": "That is too long: at most {limit} characters.",
        "es": "Es demasiado largo: como máximo {limit} caracteres.",
    },
    "bad_date": {
        "en": '"{value}" is not a date I can read. Write it like 2021-11-13 or 13 November 2021.',
        "es": '"{value}" no es una fecha que pueda leer. Escríbala como 2021-11-13 o 13 de noviembre de 2021.',
    },
    "impossible_date": {"en": '"{value}" does not exist.', "es": '"{value}" no existe.'},
    "implausible_date": {
        "en": '"{value}" is outside the years the programmes ran (1990-2100).',
        "es": '"{value}" está fuera de los años de los programas (1990-2100).',
    },
    "bad_count": {
        "en": '"{value}" is not a number of people. Write a number, like 61 or "over 70".',
        "es": '"{value}" no es un número de personas. Escriba un número, como 61 o "más de 70".',
    },
    "negative_count": {
        "en": '"{value}" is negative; a number of people cannot be.',
        "es": '"{value}" es negativo; un número de personas no puede serlo.',
    },
    "bad_group": {
        "en": 'Write a group as its number and who they were, like "20 prosecutors".',
        "es": 'Escriba un grupo como número y quiénes eran, por ejemplo "20 fiscales".',
    },
    "group_exceeds_total": {
        "en": "{count} {label} is more than {total:the one participant|the # participants} recorded in total.",
        "es": "La cifra de {count} {label} supera {total:al único participante registrado|a los # participantes "
        "registrados} en total.",
    },
    "groups_exceed_total": {
        "en": "The groups add up to {count}, more than {total:the one participant|the # participants} recorded in "
        "total.",
        "es": "Los grupos suman {count}, más que {total:el único participante registrado|los # participantes "
        "registrados} en total.",
    },
    "bad_speaker": {
        "en": 'Write a speaker as "Name, position".',
        "es": 'Escriba un orador como "Nombre, cargo".',
    },
    "bad_statement": {
        "en": 'Write a statement as "Name: what they said".',
        "es": 'Escriba una declaración como "Nombre: lo que dijo".',
    },
    "bad_kind": {
        "en": '"{value}" is not a kind of event I know: {kinds}.',
        "es": '"{value}" no es un tipo de evento que conozca: {kinds}.',
    },
    "bad_programme": {
        "en": '"{value}" is not a programme I know: {programmes}.',
        "es": '"{value}" no es un programa que conozca: {programmes}.',
    },
    # -- Telegram: errors ----------------------------------------------------------------------------------
    # -- answers: what the facts say (bot.engine.answers, people, sets) -------------------------------------
    "approx": {"en": "around {n}", "es": "unos {n}"},
    "and_word": {"en": "and", "es": "y"},
    "countries_among": {"en": "{n}, among them {countries}", "es": "{n}, entre ellos {countries}"},
    "or_word": {"en": "or", "es": "o"},
    "day_range_same_month": {"en": "{a} to {b}", "es": "del {a} al {b}"},
    "day_range": {"en": "{a} to {b}", "es": "del {a} al {b}"},
    "several": {"en": "{items}", "es": "{items}"},
    "it": {"en": "it", "es": "el evento"},
    "for_each_items": {"en": "That fits {n} events:\n{items}", "es": "Eso corresponde a {n} eventos:\n{items}"},
    "attendance_groups": {
        "en": "{event}: attended by {count} participants: {groups}.",
        "es": "{event}: asistieron {count} participantes: {groups}.",
    },
    "attendance_countries": {
        "en": "{event}: attended by {count} {who} from {countries}.",
        "es": "{event}: asistieron {count} {who} de {countries}.",
    },
    "date_on": {"en": "{event} took place on {dates}.", "es": "{event} se realizó el {dates}."},
    "attendance_groups_countries": {
        "en": "{event}: attended by {count} participants ({groups}) from {countries}.",
        "es": "{event}: asistieron {count} participantes ({groups}) de {countries}.",
    },
    "groups_no_total": {
        "en": "{event}: the release gives no total; it reports {groups}.",
        "es": "{event}: el comunicado no da un total; informa de {groups}.",
    },
    "role_unrecorded_groups": {
        "en": "{event}: the number of {role} is not recorded. The release gives only {groups}.",
        "es": "{event}: el número de {role} no consta. El comunicado solo da {groups}.",
    },
    "role_unrecorded_total": {
        "en": "{event}: the number of {role} is not recorded; the release gives only the total, {count} participants.",
        "es": "{event}: el número de {role} no consta; el comunicado solo da el total, {count} participantes.",
    },
    "per_country_total": {
        "en": "{event}: the number of participants from {country} is not recorded; the release gives {count} "
        "participants in all, together, from {countries}.",
        "es": "{event}: el número de participantes de {country} no consta; el comunicado da {count} participantes "
        "en conjunto, de {countries}.",
    },
    "per_country_unrecorded": {
        "en": "{event}: the number of participants from {country} is not recorded; they came from {countries}.",
        "es": "{event}: el número de participantes de {country} no consta; vinieron de {countries}.",
    },
    "women_count": {
        "en": "{event}: {n} of the participants were women.",
        "es": "{event}: {n} de los participantes eran mujeres.",
    },
    "women_percent": {
        "en": "{event}: women were {percent}% of the participants.",
        "es": "{event}: las mujeres fueron el {percent} % de los participantes.",
    },
    "women_unrecorded": {
        "en": "{event}: the number of women is not recorded.",
        "es": "{event}: el número de mujeres no consta.",
    },
    "men_count": {
        "en": "{event}: {n} of the participants were men.",
        "es": "{event}: {n} de los participantes eran hombres.",
    },
    "men_percent": {
        "en": "{event}: men were {percent}% of the participants.",
        "es": "{event}: los hombres fueron el {percent} % de los participantes.",
    },
    "men_unrecorded": {
        "en": "{event}: the number of men is not recorded.",
        "es": "{event}: el número de hombres no consta.",
    },
    "country_count": {
        "en": "{event}: participants came from {n} countries; the release does not name them.",
        "es": "{event}: los participantes vinieron de {n} países; el comunicado no los nombra.",
    },
    "country_count_named": {
        "en": "{event}: participants came from {n} countries; the release names {countries}.",
        "es": "{event}: los participantes vinieron de {n} países; el comunicado menciona {countries}.",
    },
    "country_count_listed": {
        "en": "{event}: the release names {n}: {countries}.",
        "es": "{event}: el comunicado menciona {n}: {countries}.",
    },
    "countries_some": {
        "en": "{event}: participants came from {n} countries, among them {countries}.",
        "es": "{event}: los participantes vinieron de {n} países, entre ellos {countries}.",
    },
    "country_nowhere": {
        "en": "No event I know records participants from {country}.",
        "es": "Ningún evento que conozco registra participantes de {country}.",
    },
    "country_events": {
        "en": "Participants from {country} are recorded at {n}: {events}.",
        "es": "Constan participantes de {country} en {n}: {events}.",
    },
    "trainers": {"en": "{event}: the trainers were {names}.", "es": "{event}: los instructores fueron {names}."},
    "trainers_unrecorded": {
        "en": "{event}: the trainers are not recorded.",
        "es": "{event}: los instructores no constan.",
    },
    "which_unrecorded": {
        "en": "{event}: which {what} is not recorded.",
        "es": "{event}: no consta qué {what}.",
    },
    "count_unrecorded": {
        "en": "{event}: the number of {what} is not recorded.",
        "es": "{event}: no consta el número de {what}.",
    },
    "date_no_year": {
        "en": "{event} took place on {dates}; the release does not give the year.",
        "es": "{event} se realizó el {dates}; el comunicado no indica el año.",
    },
    "date_no_year_range": {
        "en": "{event} took place on {dates}; the release does not give the year.",
        "es": "{event} se realizó los días {dates}; el comunicado no indica el año.",
    },
    "date_relative": {
        "en": "{event}: the date is not recorded; the release says only “{said}”.",
        "es": "{event}: la fecha no consta; el comunicado dice solo «{said}».",
    },
    "duration_stated": {"en": "{event} lasted {length}.", "es": "{event} duró {length}."},
    "duration_dates": {"en": "{event} lasted {length}, from {dates}.", "es": "{event} duró {length}, {dates}."},
    "duration_unrecorded_date": {
        "en": "{event}: how long it lasted is not recorded; the release gives only its date, {dates}.",
        "es": "{event}: la duración no consta; el comunicado solo da la fecha, {dates}.",
    },
    "place_yes": {"en": "Yes, {event} took place in {where}.", "es": "Sí, {event} se realizó en {where}."},
    "place_no": {
        "en": "No, {event} did not take place in {asked}: it took place in {where}.",
        "es": "No, {event} no se realizó en {asked}, sino en {where}.",
    },
    "place_online": {"en": "{event} was held online.", "es": "{event} se realizó en línea."},
    "place_online_venue": {"en": "{event} was held online ({venue}).", "es": "{event} se realizó en línea ({venue})."},
    "place_dateline_only": {
        "en": "{event}: where it took place is not recorded; the release is datelined “{dateline}”.",
        "es": "{event}: el lugar donde se realizó no consta; el comunicado está fechado en «{dateline}».",
    },
    "place_format_only": {
        "en": "{event}: the place is not recorded; it was held {format}.",
        "es": "{event}: el lugar no consta; se realizó {format}.",
    },
    "place_venue": {"en": "{event} took place at {venue:the}.", "es": "{event} se realizó en {venue:the}."},
    "place_in": {"en": "{event} took place in {where}.", "es": "{event} se realizó en {where}."},
    "place_at": {
        "en": "{event} took place at {venue:the}, {where}.",
        "es": "{event} se realizó en {venue:the}, {where}.",
    },
    "place_in_hybrid": {
        "en": "{event} took place in {where}, in person and online.",
        "es": "{event} se realizó en {where}, de forma presencial y en línea.",
    },
    "place_at_hybrid": {
        "en": "{event} took place at {venue:the}, {where}, in person and online.",
        "es": "{event} se realizó en {venue:the}, {where}, de forma presencial y en línea.",
    },
    "place_venue_hybrid": {
        "en": "{event} took place at {venue:the}, in person and online.",
        "es": "{event} se realizó en {venue:the}, de forma presencial y en línea.",
    },
    "format": {"en": "{event} was held {format}.", "es": "{event} se realizó {format}."},
    "format_yes": {"en": "Yes: {event} was held {format}.", "es": "Sí: {event} se realizó {format}."},
    "format_no": {"en": "No: {event} was held {format}.", "es": "No: {event} se realizó {format}."},
    "format_unrecorded": {
        "en": "{event}: whether it was held in person or online is not recorded.",
        "es": "{event}: no consta si se realizó de forma presencial o en línea.",
    },
    "format_online": {"en": "online", "es": "en línea"},
    "format_in_person": {"en": "in person", "es": "de forma presencial"},
    "format_hybrid": {"en": "in person and online (hybrid)", "es": "de forma híbrida (presencial y en línea)"},
    "org_organisers": {"en": "{event} was organised by {names}.", "es": "{event} estuvo a cargo de {names}."},
    "org_organisers_unrecorded": {
        "en": "{event}: the organisers are not recorded.",
        "es": "{event}: los organizadores no constan.",
    },
    "org_funders": {"en": "{event} was funded by {names}.", "es": "{event} contó con financiación de {names}."},
    "org_funders_unrecorded": {
        "en": "{event}: the funders are not recorded.",
        "es": "{event}: los financiadores no constan.",
    },
    "org_supporters": {"en": "{event} had the support of {names}.", "es": "{event} contó con el apoyo de {names}."},
    "org_supporters_unrecorded": {
        "en": "{event}: no support other than its organisers and funders is recorded.",
        "es": "{event}: no consta otro apoyo que el de sus organizadores y financiadores.",
    },
    "org_partners": {"en": "{event}: its partners were {names}.", "es": "{event}: sus socios fueron {names}."},
    "org_partners_unrecorded": {"en": "{event}: no partners are recorded.", "es": "{event}: no constan socios."},
    "org_trainers": {"en": "{event}: the trainers were {names}.", "es": "{event}: los instructores fueron {names}."},
    "count_of": {
        "en": "{event}: the release names {n}: {names}.",
        "es": "{event}: el comunicado menciona {n}: {names}.",
    },
    "member_yes": {
        "en": "Yes: {name} is recorded among the {what} of {event}.",
        "es": "Sí: {name} consta entre los {what} de {event}.",
    },
    "member_elsewhere": {
        "en": "No: {name} is not recorded among the {what} of {event}, but among its {other}.",
        "es": "No: {name} no consta entre los {what} de {event}, sino entre sus {other}.",
    },
    "member_no": {
        "en": "No: {name} is not recorded among the organisers, funders, partners or trainers of {event}.",
        "es": "No: {name} no consta entre los organizadores, financiadores, socios ni instructores de {event}.",
    },
    "speaker_yes": {"en": "Yes: {name} spoke at {event}.", "es": "Sí: {name} habló en {event}."},
    "speaker_no": {
        "en": "No: {name} is not recorded among the speakers of {event}.",
        "es": "No: {name} no consta entre los oradores de {event}.",
    },
    "speaker_elsewhere": {
        "en": "No: {name} is not recorded among the speakers of {event}; {name} spoke at {other}.",
        "es": "No: {name} no consta entre los oradores de {event}; habló en {other}.",
    },
    "series_yes": {"en": "Yes: {event} was {items}.", "es": "Sí: {event} fue {items}."},
    "series_no": {"en": "No: {event} was {items}.", "es": "No: {event} fue {items}."},
    "kind": {"en": "{event} was a {kind}.", "es": "{event} fue un evento de tipo «{kind}»."},
    "title": {"en": "{event} is recorded as “{title}”.", "es": "{event} consta como «{title}»."},
    "occasion_of": {"en": "{event} was held during the {occasion}.", "es": "{event} se realizó durante: {occasion}."},
    "occasion_unrecorded": {
        "en": "{event}: no occasion it was held during is recorded.",
        "es": "{event}: no consta que se realizara en el marco de otro evento.",
    },
    "summary_head": {"en": "{title} — {kind}, {when}, {where}.", "es": "{title} — {kind}, {when}, {where}."},
    "count_events": {"en": "I know {n}{filter}.", "es": "Conozco {n}{filter}."},
    "events_list": {
        "en": "{n}{filter}, newest first:\n{items}{more}",
        "es": "{n}{filter}, del más reciente al más antiguo:\n{items}{more}",
    },
    "events_more": {
        "en": "\n… and {n} more (/events lists them all).",
        "es": "\n… y {n} más (/events los muestra todos).",
    },
    "list_nothing": {
        "en": "I have no record of events{filter}. The events I know: {events}.",
        "es": "No tengo registro de eventos{filter}. Los eventos que conozco: {events}.",
    },
    "filter_topic": {"en": " about “{topic}”", "es": " sobre «{topic}»"},
    "filter_role": {"en": " with {role} among the participants", "es": " con {role} entre los participantes"},
    "of_kind": {"en": " of the kind “{kind}”", "es": " del tipo «{kind}»"},
    "event_line": {"en": "• {when} — {name}: {title}", "es": "• {when} — {name}: {title}"},
    "filter_organisation": {"en": " with {name}", "es": " con {name}"},
    "filter_person": {"en": " where {name} spoke", "es": " en los que habló {name}"},
    "filter_month": {"en": " in {month}", "es": " en {month}"},
    "total_none": {
        "en": "The {what} is not recorded for {events}.",
        "es": "{what} no consta para {events}.",
    },
    "total_of_women": {
        "en": "Across the {n} I know with a recorded number of women, {total} women took part: {parts}.{missing}",
        "es": "En los {n} que conozco con número de mujeres registrado participaron {total} mujeres: {parts}.{missing}",
    },
    "total_of_men": {
        "en": "Across the {n} I know with a recorded number of men, {total} men took part: {parts}.{missing}",
        "es": "En los {n} que conozco con número de hombres registrado participaron {total} hombres: {parts}.{missing}",
    },
    "total_of": {
        "en": "Across the {n} I know with a recorded attendance, {total} people attended: {parts}.{missing}",
        "es": "En los {n} que conozco con asistencia registrada asistieron {total} personas: {parts}.{missing}",
    },
    "compare_of": {
        "en": "{bigger} was the largest: {a} participants, against {others}{unknown}.",
        "es": "{bigger} fue el evento más concurrido: {a} participantes, frente a {others}{unknown}.",
    },
    "compare_same_of": {
        "en": "{a} and {b} had the same recorded attendance: {n}.",
        "es": "{a} y {b} tuvieron la misma asistencia registrada: {n}.",
    },
    "compare_some_unknown": {
        "en": " ({what}: not recorded for {events})",
        "es": " ({what}: no consta para {events})",
    },
    "compare_same_most": {
        "en": "{a} and {b} had the same number: {n}.",
        "es": "{a} y {b} tuvieron el mismo número: {n}.",
    },
    "compare_most": {
        "en": "{bigger} had the most: {a}, against {others}{unknown}.",
        "es": "{bigger} tuvo más: {a}, frente a {others}{unknown}.",
    },
    "programme_funders_of": {"en": "{name} is funded by {names}.", "es": "{name} está financiado por {names}."},
    "programme_aims_of": {"en": "{name} aims to {items}.", "es": "Objetivos de {name}: {items}."},
    "programme_full": {"en": " ({full})", "es": " ({full})"},
    "programme_partners": {"en": " Its partners: {names}.", "es": " Sus socios: {names}."},
    "programme_events": {"en": " I know {n} of its events.", "es": " Conozco {n} de sus eventos."},
    "fallback_unknown": {
        "en": "I have no record of a programme matching that.",
        "es": "No tengo registro de un programa que coincida.",
    },
    "release_says": {
        "en": "No fact recorded for {event} answers that directly. The release says: “{sentence}”",
        "es": "Ningún dato registrado de {event} responde a eso directamente. El comunicado dice: «{sentence}»",
    },
    "error": {
        "en": "Sorry, something went wrong on my side. The team has been told; please try again in a moment.",
        "es": "Lo siento, algo falló de mi lado. El equipo ya está avisado; inténtelo de nuevo en un momento.",
    },
}

UNRECORDED_NAMES: dict[str, dict[str, str]] = {
    "budget": {"en": "budget", "es": "el presupuesto"},
    "cost": {"en": "cost", "es": "el costo"},
    "duration": {"en": "duration", "es": "la duración"},
    "language": {"en": "language", "es": "el idioma"},
    "certificates": {"en": "certification", "es": "la certificación"},
    "age": {"en": "participants' age", "es": "la edad de los participantes"},
}


class _Filler(string.Formatter):
    """`str.format` with the two forms of the module docstring: plurals ("|") and names in a sentence ("the")."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            return plural(value, format_spec.split("|"), self.lang)
        if format_spec == "the":
            return org_name(str(value), self.lang)
        return str(super().format_field(value, format_spec))


_FILLERS = {lang: _Filler(lang) for lang in LANGS}


def say(key: str, lang: str, **values: object) -> str:
    """The message `key` in `lang` (English when missing), filled with `values`."""
    entry = CATALOGUE[key]
    lang = lang if lang in entry else DEFAULT_LANG
    template = entry[lang]
    if _plain(template):  # no plural and no "the": str.format does it, many times faster than a Formatter
        return contract(template.format(**values), lang)
    filler = _FILLERS.get(lang) or _Filler(lang)
    return contract(filler.format(template, **values), lang)


@cache
def _plain(template: str) -> bool:
    return all(not spec for _, _, spec, _ in string.Formatter().parse(template))


# Nouns said with a number ("3 speakers", "1 país"): singular and plural, by language.
NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "speakers": {"en": ("speaker", "speakers"), "es": ("orador", "oradores")},
    "organisers": {"en": ("organiser", "organisers"), "es": ("organizador", "organizadores")},
    "funders": {"en": ("funder", "funders"), "es": ("financiador", "financiadores")},
    "supporters": {"en": ("supporter", "supporters"), "es": ("institución de apoyo", "instituciones de apoyo")},
    "partners": {"en": ("partner", "partners"), "es": ("socio", "socios")},
    "trainers": {"en": ("trainer", "trainers"), "es": ("instructor", "instructores")},
    "countries": {"en": ("country", "countries"), "es": ("país", "países")},
    "events": {"en": ("event", "events"), "es": ("evento", "eventos")},
    "topics": {"en": ("topic", "topics"), "es": ("tema", "temas")},
    "participants": {"en": ("participant", "participants"), "es": ("participante", "participantes")},
    "day": {"en": ("day", "days"), "es": ("día", "días")},
    "week": {"en": ("week", "weeks"), "es": ("semana", "semanas")},
    "month": {"en": ("month", "months"), "es": ("mes", "meses")},
    "hour": {"en": ("hour", "hours"), "es": ("hora", "horas")},
}


def noun(what: str, n: int, lang: str) -> str:
    """`what` ("speakers") in the form that goes with the number `n` in `lang` (CLDR's plural rules)."""
    forms = NOUNS.get(what, {}).get(lang) or NOUNS.get(what, {}).get(DEFAULT_LANG)
    if forms is None:
        return what
    return plural(n, forms, lang)

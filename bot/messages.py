"""Every sentence the bot says, in English and Spanish, in one catalogue.

Logic asks for a message by key (`say("not_recorded", lang, ...)`); adding a language is adding a column.
Dates and place names are localised here too, so answers never mix languages.
"""

from __future__ import annotations

from datetime import date

LANGS = ("en", "es")
DEFAULT_LANG = "en"

CATALOGUE: dict[str, dict[str, str]] = {
    # -- small talk -----------------------------------------------------------------------------------
    "greeting": {
        "en": "Hello! I answer questions about UNODC CRIMJUST and Global Cybercrime Programme events. Try: {examples}",
        "es": "¡Hola! Respondo preguntas sobre los eventos de los programas CRIMJUST y Global Cybercrime de "
        "UNODC. Pruebe: {examples}",
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
        "es": "No estoy seguro de lo que quiere decir. ¿Quiso decir: {examples}",
    },
    "empty": {
        "en": "Please type a question, for example: {examples}",
        "es": "Escriba una pregunta, por ejemplo: {examples}",
    },
    # -- which event -------------------------------------------------------------------------------------
    "unknown_event": {
        "en": 'I have no record of an event matching "{what}". The events I know: {events}.',
        "es": 'No tengo registro de ningún evento que coincida con "{what}". Los eventos que conozco: {events}.',
    },
    "which_event": {
        "en": "Which event do you mean? {events}",
        "es": "¿A qué evento se refiere? {events}",
    },
    "for_each": {"en": "That fits {n} events:", "es": "Eso corresponde a {n} eventos:"},
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
        "en": "Across the {n} events I know, {total} people attended: {parts}.",
        "es": "En los {n} eventos que conozco asistieron {total} personas: {parts}.",
    },
    "total_unrecorded": {"en": " ({events}: not recorded)", "es": " ({events}: no consta)"},
    "compare": {
        "en": "{bigger} was larger: {a} participants, against {b} at {smaller}.",
        "es": "{bigger} fue más grande: {a} participantes, frente a {b} en {smaller}.",
    },
    "compare_unknown": {
        "en": "I can't compare them: the number of participants is not recorded for {events}.",
        "es": "No puedo compararlos: el número de participantes no consta para {events}.",
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
    "date_unrecorded": {"en": "{event}: the date is not recorded.", "es": "{event}: la fecha no consta."},
    "location": {"en": "{event} took place {place}.", "es": "{event} se realizó {place}."},
    "location_at": {"en": "at the {venue} in {city}", "es": "en la {venue} en {city}"},
    "location_in": {"en": "in {place}", "es": "en {place}"},
    "location_unrecorded": {"en": "{event}: the place is not recorded.", "es": "{event}: el lugar no consta."},
    "occasion": {"en": ", during the {occasion}", "es": ", durante el {occasion}"},
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
    "summary_funders": {"en": " Funded by {names}.", "es": " Financiado por {names}."},
    "summary_organisers": {"en": " Organised by {names}.", "es": " Organizado por {names}."},
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
    "programme_aims": {"en": " It aims to {items}.", "es": " Su objetivo: {items}."},
    "programme_aims_unrecorded": {
        "en": "{name}: its aims are not recorded.",
        "es": "{name}: sus objetivos no constan.",
    },
    "partners": {"en": "{name} works with its partners {names}.", "es": "{name} trabaja con sus socios {names}."},
    "partners_unrecorded": {"en": "{name}: no partners are recorded.", "es": "{name}: no constan socios."},
    "which_programme": {"en": "Which programme do you mean? {names}", "es": "¿A qué programa se refiere? {names}"},
    # -- lists ---------------------------------------------------------------------------------------------
    "list": {"en": "{n} event(s){filter}:\n{items}", "es": "{n} evento(s){filter}:\n{items}"},
    "list_more": {"en": "… and {n} more.", "es": "… y {n} más."},
    "list_none": {
        "en": "I have no record of events{filter}. The events I know: {events}.",
        "es": "No tengo registro de eventos{filter}. Los eventos que conozco: {events}.",
    },
    "filter_year": {"en": " in {year}", "es": " en {year}"},
    "filter_place": {"en": " in {place}", "es": " en {place}"},
    "filter_kind": {"en": " of kind {kind}", "es": " de tipo {kind}"},
    "filter_funder": {"en": " funded by {funder}", "es": " financiados por {funder}"},
    "filter_programme": {"en": " of {programme}", "es": " de {programme}"},
    "filter_keyword": {"en": " about {keyword}", "es": " sobre {keyword}"},
    # -- joining words -----------------------------------------------------------------------------------
    "and": {"en": "and", "es": "y"},
    "or": {"en": "or", "es": "o"},
    # -- sources -------------------------------------------------------------------------------------------
    "source": {"en": "Source", "es": "Fuente"},
    "no_sources": {
        "en": "This answer rests on no particular fact, so there is no quote to show.",
        "es": "Esta respuesta no se basa en ningún dato concreto, así que no hay cita que mostrar.",
    },
    # -- Telegram: commands and the menu -----------------------------------------------------------------
    "start": {
        "en": "Hello{name}! I answer questions about the trainings, workshops and side events of UNODC's "
        "CRIMJUST and Global Cybercrime programmes: who attended, when and where, who organised and funded "
        "them, who spoke and what about. Every answer comes with its source.\n\nTry asking:",
        "es": "¡Hola{name}! Respondo preguntas sobre las capacitaciones, talleres y eventos paralelos de los "
        "programas CRIMJUST y Global Cybercrime de UNODC: quién asistió, cuándo y dónde, quién los organizó y "
        "financió, quién habló y sobre qué. Cada respuesta lleva su fuente.\n\nPruebe a preguntar:",
    },
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
        "en": "Questions to improve the knowledge ({n} distinct, most asked first)",
        "es": "Preguntas para mejorar el conocimiento ({n} distintas, las más frecuentes primero)",
    },
    "unanswered_line": {
        "en": "{count}× “{question}” — {verdicts}, last {when}",
        "es": "{count}× «{question}» — {verdicts}, última vez {when}",
    },
    "verdict_unanswered": {"en": "unanswered", "es": "sin respuesta"},
    "verdict_down": {"en": "👎", "es": "👎"},
    "cmd_facts": {
        "en": "An event's facts and their sources: /facts EVENT",
        "es": "Los datos de un evento y sus fuentes",
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
    "nothing_recorded": {"en": "{event} has no {field} recorded.", "es": "{event} no tiene {field} registrado."},
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
    "history_none": {"en": "{event} has not been changed by admins.", "es": "{event} no ha sido cambiado por admins."},
    "facts_title": {"en": "Facts of {event}", "es": "Datos de {event}"},
    "export_caption": {
        "en": "The knowledge base: {facts} facts about {events} events.",
        "es": "La base de conocimiento: {facts} datos sobre {events} eventos.",
    },
    "backup_done": {
        "en": "Backed up to {name} (keeping the last {keep}).",
        "es": "Copia guardada como {name} (se guardan las últimas {keep}).",
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
        "en": "Published: {event} ({facts} facts). It is answered from now on; /undo removes it again.",
        "es": "Publicado: {event} ({facts} datos). Ya se responde sobre él; /undo lo quita de nuevo.",
    },
    "new_cancelled": {
        "en": "New event cancelled; nothing was saved.",
        "es": "Evento nuevo cancelado; no se guardó nada.",
    },
    "nothing_to_cancel": {"en": "There is nothing to cancel.", "es": "No hay nada que cancelar."},
    # -- Telegram: /import --------------------------------------------------------------------------------
    "import_usage": {
        "en": "Paste the press release's text after /import, in the same message.",
        "es": "Pegue el texto del comunicado después de /import, en el mismo mensaje.",
    },
    "import_preview": {
        "en": "From this release I would save these facts (tap a number to leave one out):",
        "es": "De este comunicado guardaría estos datos (toque un número para dejar uno fuera):",
    },
    "import_missing": {
        "en": "Not found in the release: {fields}. You can add them afterwards with /addfact.",
        "es": "No están en el comunicado: {fields}. Puede añadirlos después con /addfact.",
    },
    "import_made_title": {
        "en": "(the release has no headline: this title is made from its kind, place and date; /editfact changes it)",
        "es": "(el comunicado no tiene titular: este título sale de su tipo, lugar y fecha; /editfact lo cambia)",
    },
    "import_nothing": {
        "en": "I found no date and no place in this text, so I cannot propose an event from it.",
        "es": "No encontré fecha ni lugar en este texto, así que no puedo proponer un evento a partir de él.",
    },
    "import_needs": {
        "en": "An event needs its title and its date or place; keep them selected.",
        "es": "Un evento necesita su título y su fecha o lugar; manténgalos seleccionados.",
    },
    "import_saved": {
        "en": "Imported: {event} ({facts} facts). It is answered from now on; /undo removes it again.",
        "es": "Importado: {event} ({facts} datos). Ya se responde sobre él; /undo lo quita de nuevo.",
    },
    "btn_save_selected": {"en": "💾 Save selected", "es": "💾 Guardar lo elegido"},
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
        "en": "Remove all {n} subscriptions of this chat?",
        "es": "¿Quitar las {n} suscripciones de este chat?",
    },
    "btn_remove_all": {"en": "🗑 Yes, remove all", "es": "🗑 Sí, quitar todas"},
    "btn_keep": {"en": "Keep them", "es": "Mantenerlas"},
    "unsub_done": {
        "en": "Removed {n} subscription(s); this chat gets no more notifications.",
        "es": "Se quitaron {n} suscripción(es); este chat ya no recibe avisos.",
    },
    "unsub_kept": {"en": "Nothing changed.", "es": "No se cambió nada."},
    # -- Telegram: notifications ---------------------------------------------------------------------------
    "btn_ask_event": {"en": "❓ Ask about it", "es": "❓ Preguntar sobre él"},
    "notify_prompt": {
        "en": "Notify the {n} subscribed chat(s) that match this event now?",
        "es": "¿Aviso ahora a los {n} chats suscritos a los que corresponde este evento?",
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
        "en": "📣 Delivering {event} to {n} chat(s)…",
        "es": "📣 Enviando {event} a {n} chat(s)…",
    },
    "delivery_progress": {
        "en": "📣 Delivering {event}: {done} of {n} done…",
        "es": "📣 Enviando {event}: {done} de {n} hechos…",
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
        "en": "{count} {label} is more than the {total} participants recorded in total.",
        "es": "{count} {label} son más que los {total} participantes registrados en total.",
    },
    "groups_exceed_total": {
        "en": "The groups add up to {count}, more than the {total} participants recorded in total.",
        "es": "Los grupos suman {count}, más que los {total} participantes registrados en total.",
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
    "error": {
        "en": "Sorry, something went wrong on my side. The team has been told; please try again in a moment.",
        "es": "Lo siento, algo falló de mi lado. El equipo ya está avisado; inténtelo de nuevo en un momento.",
    },
}

KIND_NAMES: dict[str, dict[str, str]] = {
    "training": {"en": "training", "es": "capacitación"},
    "workshop": {"en": "workshop", "es": "taller"},
    "side event": {"en": "side event", "es": "evento paralelo"},
    "seminar": {"en": "seminar", "es": "seminario"},
    "conference": {"en": "conference", "es": "conferencia"},
    "meeting": {"en": "meeting", "es": "reunión"},
}

ROLE_NAMES_ES: dict[str, str] = {
    "prosecutors": "fiscales",
    "investigating officers": "agentes de investigación",
    "investigating officers and prosecutors": "agentes de investigación y fiscales",
    "police officers": "policías",
    "law enforcement officers": "agentes de las fuerzas del orden",
    "judges": "jueces",
    "women": "mujeres",
    "men": "hombres",
    "lawyers": "abogados",
    "experts": "expertos",
    "officials": "funcionarios",
    "students": "estudiantes",
    "journalists": "periodistas",
    "diplomats": "diplomáticos",
}

UNRECORDED_NAMES: dict[str, dict[str, str]] = {
    "budget": {"en": "budget", "es": "el presupuesto"},
    "cost": {"en": "cost", "es": "el costo"},
    "duration": {"en": "duration", "es": "la duración"},
    "language": {"en": "language", "es": "el idioma"},
    "certificates": {"en": "certification", "es": "la certificación"},
    "age": {"en": "participants' age", "es": "la edad de los participantes"},
}

# Spanish names of places and organisations (for answers in Spanish; quotes stay as written).
PLACE_NAMES_ES: dict[str, str] = {
    "Panama": "Panamá",
    "Vienna": "Viena",
    "Dominican Republic": "República Dominicana",
    "Mexico": "México",
    "Peru": "Perú",
    "Brazil": "Brasil",
    "Belize": "Belice",
    "Bogota": "Bogotá",
    "United Kingdom": "Reino Unido",
    "United States": "Estados Unidos",
    "Spain": "España",
    "France": "Francia",
    "Germany": "Alemania",
    "Geneva": "Ginebra",
    "London": "Londres",
    "Havana": "La Habana",
    "Haiti": "Haití",
    "Austria": "Austria",
    "European Union": "Unión Europea",
    "European Union Cocaine Route Programme": "Programa Ruta de la Cocaína de la Unión Europea",
    "Government of the United Kingdom": "Gobierno del Reino Unido",
    "UNODC Global Cybercrime Programme": "Programa Mundial contra el Delito Cibernético de UNODC",
    "UNODC Office for Central America and the Caribbean (UNODC ROPAN)": (
        "Oficina de UNODC para Centroamérica y el Caribe (UNODC ROPAN)"
    ),
    "UNODC Headquarters": "Sede de UNODC",
    "26th session of the Commission on Crime Prevention and Criminal Justice (CCPCJ)": (
        "26.º período de sesiones de la Comisión de Prevención del Delito y Justicia Penal (CCPCJ)"
    ),
}

MONTHS_ES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def say(key: str, lang: str, **values: object) -> str:
    """The message `key` in `lang` (English when missing), filled with `values`."""
    entry = CATALOGUE[key]
    template = entry.get(lang) or entry[DEFAULT_LANG]
    return template.format(**values)


def format_date(day: date, lang: str) -> str:
    if lang == "es":
        return f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def join(items: list[str], lang: str, word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' in the language's own way."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {say(word, lang)} {items[-1]}"


ARTICLES = {
    "en": (("the", ("European ", "Government ", "United ", "Office ", "Commission ", "UNODC ")),),
    "es": (
        ("la", ("Unión ", "Oficina ", "Sede ", "Comisión ")),
        ("el", ("Gobierno ", "Programa ")),
    ),
}


def org_name(name: str, lang: str) -> str:
    """An organisation's name as it reads inside a sentence: "funded by the European Union" / "de la Unión
    Europea". Names that take no article (CRIMJUST, UNODC ...) are left as they are."""
    local = PLACE_NAMES_ES.get(name, name) if lang == "es" else name
    for article, starts in ARTICLES.get(lang, ()):
        if local.startswith(starts):
            return f"{article} {local}"
    return local


def kind_name(kind: str, lang: str) -> str:
    return KIND_NAMES.get(kind, {}).get(lang, kind)


def role_name(role: str, lang: str) -> str:
    return ROLE_NAMES_ES.get(role, role) if lang == "es" else role

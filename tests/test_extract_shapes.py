"""What import reads from each shape a release comes in, in English and Spanish: short made-up sentences, one
shape each (the corpus is read whole in test_extract_corpus)."""

from __future__ import annotations

import pytest

from bot.extract import extract


def values(text: str, name: str) -> list:
    return extract(text).values(name)


def flagged(text: str, name: str) -> list[str]:
    return [f.flag for f in extract(text).facts if f.field == name and not f.subject]


# -- datelines and dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "end", "dateline"),
    [
        (
            "2-4 April 2019 - Forty judges met in Accra, Ghana, for a workshop.",
            "2019-04-02",
            "2019-04-04",
            "2-4 April 2019",
        ),
        ("Nairobi (Kenya), 30 June 2022 – The course was held from 20 to 24 June.", "2022-06-20", "2022-06-24", None),
        ("Lima, 5 de mayo de 2021. El taller se realizó del 3 al 5 de mayo en Lima.", "2021-05-03", "2021-05-05", None),
        (
            "Quito, 12 de diciembre de 2022. Del 30 de noviembre al 2 de diciembre se realizó el curso.",
            "2022-11-30",
            "2022-12-02",
            None,
        ),
        (
            "Bogotá, 20 de junio de 2023. Participaron el lunes 12 y el martes 13 de junio en el taller.",
            "2023-06-12",
            "2023-06-13",
            None,
        ),
        (
            "Manila, March 9, 2020. The workshop ran from February 26 to March 2, 2020.",
            "2020-02-26",
            "2020-03-02",
            None,
        ),
        (
            "Accra, 10 January 2024 - A training held from 28 December to 3 January ended.",
            "2023-12-28",
            "2024-01-03",
            None,
        ),
    ],
    ids=[
        "date-range-dateline",
        "body-range-year-in-body",
        "del-al-de",
        "across-months-es",
        "lunes-y-martes",
        "us-style-across-months",
        "across-new-year",
    ],
)
def test_dates_of_the_usual_shapes(text, date, end, dateline):
    result = extract(text)
    assert result.values("date") == [date]
    assert result.values("end_date") == [end]
    if dateline:
        assert result.values("dateline") == [dateline]


def test_a_year_missing_from_the_body_is_taken_from_the_dateline():
    text = "Dakar (Senegal), 21 March 2022 – A workshop for prosecutors was held from 14 to 16 March in Dakar."
    assert values(text, "date") == ["2022-03-14"]


def test_a_date_without_a_year_anywhere_is_kept_without_one_and_flagged():
    text = "Tegucigalpa. Treinta agentes recibieron del 4 al 6 de julio una capacitación en Tegucigalpa."
    result = extract(text)
    assert result.values("date") == ["--07-04"] and result.values("end_date") == ["--07-06"]
    assert flagged(text, "date") == ["no_year"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Some 30 police officers attended a workshop in Kigali last week.", "last week"),
        ("Veinte fiscales participan desde este lunes en un taller en Asunción.", "desde este lunes"),
    ],
    ids=["last-week", "este-lunes"],
)
def test_a_relative_date_gives_words_flagged_and_no_date(text, words):
    result = extract(text)
    assert result.values("date") == []
    assert result.values("date_text") == [words]
    assert flagged(text, "date_text") == ["relative_date"]


def test_a_date_of_another_activity_is_not_the_event_s():
    text = "A workshop for 20 judges took place in Accra. A follow-up session will be held on 4 May 2025."
    assert values(text, "date") == []


# -- places -----------------------------------------------------------------------------------------------------


def test_a_dateline_from_elsewhere_is_not_the_event_s_place():
    text = "Nairobi (Kenya), 3 May 2021 – Twenty officers completed a course held in Mombasa from 26 to 30 April."
    result = extract(text)
    assert result.values("city") == ["Mombasa"] and result.values("country") == ["Kenya"]
    assert result.values("dateline") == ["Nairobi (Kenya), 3 May 2021"]


def test_a_dateline_alone_fills_no_place():
    result = extract("Abuja, 4 May 2021 – Twenty prosecutors completed a course on asset recovery.")
    assert result.values("city") == [] and result.values("country") == []
    assert any("Abuja" in note for note in result.notes)


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("Veinte agentes participaron en un taller realizado en Cochabamba.", "Cochabamba", "Bolivia"),
        ("The workshop was held in Mombasa for 25 judges.", "Mombasa", "Kenya"),
        ("El curso se realizó en la ciudad de Guatemala con 30 fiscales.", "Guatemala City", "Guatemala"),
        ("The meeting took place in Lisboa with 40 delegates.", "Lisbon", "Portugal"),
    ],
    ids=["city-only-es", "city-only-en", "ciudad-de", "exonym"],
)
def test_a_city_is_resolved_to_its_country(text, city, country):
    result = extract(text)
    assert result.values("city") == [city] and result.values("country") == [country]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("The training was held at the National Police Academy in Accra.", "National Police Academy"),
        ("El taller se realizó en el auditorio de la Corte Suprema, en Lima.", "auditorio de la Corte Suprema"),
    ],
    ids=["at-the", "en-el"],
)
def test_a_venue_is_found(text, venue):
    assert values(text, "venue") == [venue]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("The webinar gathered 80 participants on the Zoom platform.", "online"),
        ("El curso se impartió de forma virtual a 50 fiscales.", "online"),
        ("The meeting took place in Dakar in a hybrid format with 30 delegates.", "hybrid"),
        ("The workshop was held in Accra for 30 judges.", "in person"),
    ],
    ids=["zoom", "de-forma-virtual", "hybrid", "in-person"],
)
def test_online_hybrid_or_in_person(text, form):
    assert values(text, "format") == [form]


# -- participants -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count", "at_least", "approx"),
    [
        ("Thirty-one prosecutors attended the workshop.", 31, False, False),
        ("Cuarenta y dos fiscales participaron en el taller.", 42, False, False),
        ("More than 120 officers joined the webinar.", 120, True, False),
        ("Over 70 participants attended the side event.", 70, True, False),
        ("Some 25 judges took part in the seminar.", 25, False, True),
        ("Participaron unas 60 personas en el curso.", 60, False, True),
        ("Más de 30 investigadores participaron en el curso.", 30, True, False),
    ],
    ids=["words-en", "words-es", "more-than", "over", "some", "unas", "mas-de"],
)
def test_a_total_in_digits_or_words_with_its_bounds(text, count, at_least, approx):
    assert values(text, "participants") == [{"count": count, "at_least": at_least, "approx": approx}]


def test_a_count_of_several_roles_is_kept_combined():
    (group,) = values("The course was attended by 24 judges, prosecutors and customs officers.", "participant_groups")
    assert group["count"] == 24 and group["roles"] == ["judges", "prosecutors", "customs officers"]


def test_a_breakdown_with_a_total_keeps_both_and_adds_nothing():
    text = "A total of 30 officials, including 18 police officers and 12 prosecutors, attended the workshop."
    result = extract(text)
    assert result.values("participants") == [{"count": 30, "at_least": False, "approx": False}]
    assert [(g["count"], g["roles"]) for g in result.values("participant_groups")] == [
        (18, ["police officers"]),
        (12, ["prosecutors"]),
    ]


def test_a_breakdown_without_a_total_is_never_summed():
    text = "Participaron 12 fiscales de la Fiscalía General y 9 agentes de la Policía Nacional en el curso."
    result = extract(text)
    assert result.values("participants") == []
    assert [g["count"] for g in result.values("participant_groups")] == [12, 9]


@pytest.mark.parametrize(
    ("text", "women"),
    [
        ("Thirty prosecutors attended the workshop, including 12 women.", {"count": 12}),
        ("Nine of the participants were women. The workshop gathered 20 judges.", {"count": 9}),
        ("El 40 por ciento de los participantes son mujeres. Participaron 30 fiscales en el taller.", {"percent": 40}),
        ("Participaron unas 50 personas (22 mujeres y 28 hombres) en el curso.", {"count": 22}),
    ],
    ids=["including-women", "of-the-participants", "por-ciento", "mujeres-y-hombres"],
)
def test_women_as_a_count_or_a_share(text, women):
    assert values(text, "women") == [women]


def test_men_are_counted_too():
    assert values("Participaron unas 50 personas (22 mujeres y 28 hombres) en el curso.", "men") == [{"count": 28}]


def test_participant_countries_and_a_stated_number_of_countries():
    text = (
        "More than 60 officers from 12 countries met in Lisbon for a meeting. Delegations came from Europe and "
        "Africa, among them Spain, Cabo Verde and Saint Vincent and the Grenadines."
    )
    result = extract(text)
    assert result.values("country_count") == [{"count": 12, "at_least": False, "approx": False}]
    assert result.values("participant_countries") == ["Spain", "Cape Verde", "St. Vincent & Grenadines"]


@pytest.mark.parametrize(
    "text",
    [
        "A workshop for 20 judges was held in Accra. Police seized 3.2 tonnes of cocaine in 2020.",
        "A workshop for 20 judges was held in Accra. It built on a first course in 2019, which trained 40 officers.",
        "A workshop for 20 judges was held in Accra. The unit has made 137 seizures since 2016.",
        "A workshop for 20 judges was held in Accra. A follow-up training for 60 prosecutors will be held next year.",
    ],
    ids=["tonnes", "earlier-phase", "seizures", "future-activity"],
)
def test_no_figure_is_taken_from_a_distractor(text):
    result = extract(text)
    assert result.values("participants") == [{"count": 20, "at_least": False, "approx": False}]
    assert [g["count"] for g in result.values("participant_groups")] == [20]


# -- organisations --------------------------------------------------------------------------------------------


def test_organisers_and_co_organisers():
    text = "The workshop, organized by the Ministry of Justice together with the UNODC Regional Office, had 30 judges."
    assert values(text, "organisers") == ["Ministry of Justice", "UNODC Regional Office"]


def test_an_organiser_as_the_subject_of_the_event():
    text = "On 3 May 2022, the Global Maritime Crime Programme delivered a workshop for 25 coast guard officers."
    assert values(text, "organisers") == ["Global Maritime Crime Programme"]


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        (
            "The workshop was funded by the Governments of Germany and Norway.",
            ["Government of Germany", "Government of Norway"],
        ),
        (
            "El curso fue posible gracias al financiamiento del Gobierno de Francia y de la Unión Europea.",
            ["Gobierno de Francia", "Unión Europea"],
        ),
        (
            "The training was made possible with financial support from Japan, Canada and the European Union.",
            ["Japan", "Canada", "European Union"],
        ),
    ],
    ids=["governments-of", "gracias-al-financiamiento", "financial-support"],
)
def test_all_funders(text, funders):
    assert values(text, "funders") == funders


def test_support_is_not_funding():
    text = "The workshop was held in Accra with the support of the Ghana Police Service and funded by Japan."
    result = extract(text)
    assert result.values("supporters") == ["Ghana Police Service"]
    assert result.values("funders") == ["Japan"]


def test_a_programme_s_boilerplate_funder_is_the_programme_s():
    text = "A workshop for 20 judges was held in Accra. SEACOP is funded by the European Union."
    result = extract(text, programmes={"seacop": "seacop"})
    assert result.values("funders") == []
    assert [(f.subject, f.value) for f in result.facts if f.field == "funders"] == [
        ("programme:seacop", "European Union")
    ]


def test_a_new_programme_is_proposed_with_its_names():
    text = "The Global Programme on Maritime Crime (GMCP) delivered a course for 20 coast guard officers in Accra."
    result = extract(text)
    assert result.values("programmes") == ["gmcp"]
    facts = {f.field: f.value for f in result.facts if f.subject == "programme:gmcp"}
    assert facts == {"name": "GMCP", "full_name": "Global Programme on Maritime Crime"}


def test_trainers_are_institutions_or_countries():
    text = "A course for 20 officers was held in Accra. Trainers from the Spanish Guardia Civil and the FBI led it."
    assert values(text, "trainers") == ["Spanish Guardia Civil", "FBI"]


# -- speakers and statements --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Mr. Kofi ANNAN-MENSAH, Director of Public Prosecutions, opened the workshop.",
            {"name": "Kofi ANNAN-MENSAH", "position": "Director of Public Prosecutions", "honorific": "Mr."},
        ),
        (
            "The workshop was opened by the Chief Justice of Ghana, Ms. Ama Owusu.",
            {"name": "Ama Owusu", "position": "Chief Justice of Ghana", "honorific": "Ms."},
        ),
        (
            "UNODC Programme Officer João Pereira said the course was timely.",
            {"name": "João Pereira", "position": "UNODC Programme Officer"},
        ),
        (
            "Durante la apertura, la fiscal general adjunta María José GÓMEZ afirmó que el curso era útil.",
            {"name": "María José GÓMEZ", "position": "fiscal general adjunta"},
        ),
        (
            "Por su parte, el Sr. Andrés Núñez, director de la Policía Nacional, destacó el trabajo conjunto.",
            {"name": "Andrés Núñez", "position": "director de la Policía Nacional", "honorific": "Sr."},
        ),
        (
            "La directora de la Escuela Judicial, Dra. Lucía Peña Ruiz, inauguró el taller.",
            {"name": "Lucía Peña Ruiz", "position": "directora de la Escuela Judicial", "honorific": "Dra."},
        ),
    ],
    ids=["honorific-then-position", "position-then-honorific", "position-before-name", "la-fiscal", "sr", "dra"],
)
def test_speakers_with_their_positions_in_either_order(text, speaker):
    assert values(text, "speakers") == [speaker]


@pytest.mark.parametrize(
    ("text", "said", "direct"),
    [
        (
            'Ms. Ama Owusu, Chief Justice, said: "Evidence must travel as fast as the traffickers do."',
            "Evidence must travel as fast as the traffickers do.",
            True,
        ),
        (
            "«La cooperación entre fiscalías es indispensable», afirmó la Sra. Ana Ruiz, fiscal general.",
            "La cooperación entre fiscalías es indispensable",
            True,
        ),
        (
            "Mr. Kofi Mensah, Deputy Director, stressed that prosecutors need shared procedures.",
            "stressed that prosecutors need shared procedures",
            False,
        ),
    ],
    ids=["straight-quotes", "guillemets", "reported"],
)
def test_statements_direct_or_reported(text, said, direct):
    (statement,) = values(text, "statements")
    assert statement["text"] == said and statement["direct"] is direct


# -- topics, series, length, kind, language ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "position", "of"),
    [
        ("The second of three regional workshops on cybercrime was held in Accra.", 2, 3),
        ("La tercera edición del curso de perfilamiento se realizó en Lima.", 3, None),
        ("El curso, el primero de tres módulos previstos, se realizó en Quito.", 1, 3),
    ],
    ids=["second-of-three", "tercera-edicion", "primero-de-tres"],
)
def test_the_place_in_a_series(text, position, of):
    (series,) = values(text, "series")
    assert series["position"] == position and series.get("of") == of


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("A four-day course was held in Accra.", {"amount": 4, "unit": "day"}),
        ("The two-week training was held in Accra.", {"amount": 2, "unit": "week"}),
        ("Durante cinco días, los fiscales analizaron casos en el taller.", {"amount": 5, "unit": "day"}),
    ],
    ids=["four-day", "two-week", "durante-cinco-dias"],
)
def test_a_stated_length(text, length):
    assert values(text, "duration") == [length]


def test_topics_and_objectives():
    text = "A workshop on maritime interdiction was held in Accra. The objectives were to share practice and to agree."
    result = extract(text)
    assert "maritime interdiction" in result.values("topics")
    assert result.values("objectives") == ["share practice", "agree"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A workshop was held in Accra.", "workshop"),
        ("Se realizó el tercer encuentro regional de fiscales en Quito.", "meeting"),
        ("UNODC imparte curso virtual sobre criptoactivos", "online course"),
        ("Veinte agentes recibieron una capacitación en Lima.", "training"),
    ],
    ids=["workshop", "encuentro", "curso-virtual", "capacitacion"],
)
def test_the_kind_of_event(text, kind):
    assert values(text, "kind") == [kind]


def test_the_language_of_the_release():
    assert extract("El taller se realizó en Lima con 20 fiscales.").lang == "es"
    assert extract("The workshop was held in Lima for 20 prosecutors.").lang == "en"


# -- what kind of text ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Statement by the Executive Director on the International Day against Drug Abuse\n\nVienna, 26 June 2023 - "
        "Today we call on all States to strengthen prevention and treatment.",
        "About the Programme\n\nThe Global Maritime Crime Programme supports States in countering crime at sea. It "
        "works with coast guards, navies and prosecutors across four oceans.",
    ],
    ids=["dated-statement", "programme-overview"],
)
def test_a_text_that_reports_no_event_is_said_to_be_one(text):
    result = extract(text)
    assert result.is_event is False and result.not_event_why


def test_a_text_cut_mid_sentence_is_said_to_be_cut():
    cut = "A workshop for 20 judges was held in Accra. At the close, participants agreed to draft a regional guide for"
    assert extract(cut).truncated is True
    assert extract("A workshop for 20 judges was held in Accra.").truncated is False

"""What admins type for a value, for every kind of field: in the import preview and with /addfact alike."""

from __future__ import annotations

import pytest

from bot.edits import InvalidValue, parse_date_range, parse_value


@pytest.mark.parametrize(
    ("field", "typed", "value"),
    [
        ("date", "13 November 2021", "2021-11-13"),
        ("date", "13 de noviembre", "--11-13"),
        ("date", "--03-08", "--03-08"),
        ("end_date", "November 15, 2021", "2021-11-15"),
        ("participants", "around 40", {"count": 40, "at_least": False, "approx": True}),
        ("participants", "más de 50", {"count": 50, "at_least": True}),
        ("women", "12", {"count": 12}),
        ("women", "40%", {"percent": 40}),
        ("duration", "five days", {"amount": 5, "unit": "day"}),
        ("duration", "2 semanas", {"amount": 2, "unit": "week"}),
        ("format", "en línea", "online"),
        ("format", "in-person", "in person"),
        ("format", "híbrido", "hybrid"),
        ("language", "español", "es"),
        ("series", "2 of 3", {"text": "2 of 3", "position": 2, "of": 3}),
        ("country", "Panamá", "Panama"),
        ("participant_countries", "Kirguistán", "Kyrgyzstan"),
        ("supporters", "Government of Japan", "Government of Japan"),
    ],
)
def test_a_typed_value_is_read_as_the_schema_keeps_it(field, typed, value):
    assert parse_value(field, typed) == value


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("7-9 May 2021", ("2021-05-07", "2021-05-09")),
        ("from 7 to 9 May", ("--05-07", "--05-09")),
        ("28 February to 3 March 2023", ("2023-02-28", "2023-03-03")),
        ("del 3 al 5 de octubre de 2023", ("2023-10-03", "2023-10-05")),
        ("del 30 de septiembre al 4 de octubre de 2024", ("2024-09-30", "2024-10-04")),
        ("28 December to 3 January 2024", ("2023-12-28", "2024-01-03")),
        ("12 May 2022", ("2022-05-12", "")),
    ],
)
def test_a_range_gives_its_first_and_last_day(typed, days):
    assert parse_date_range(typed) == days


@pytest.mark.parametrize(
    ("field", "typed", "key"),
    [
        ("date", "31 February 2021", "impossible_date"),
        ("date", "13/11", "bad_date"),
        ("women", "140%", "bad_share"),
        ("duration", "a while", "bad_length"),
        ("format", "by carrier pigeon", "bad_format"),
        ("language", "klingon", "bad_language"),
    ],
)
def test_a_value_that_does_not_fit_says_why(field, typed, key):
    with pytest.raises(InvalidValue) as exc:
        parse_value(field, typed)
    assert exc.value.key == key


def test_a_range_that_runs_backwards_is_refused():
    with pytest.raises(InvalidValue):
        parse_date_range("9-7 May 2021")

"""Kinds of failure a tester met importing new releases, each read from short releases written for these tests
(English and Spanish, other places and names than the corpus): what import proposes, and what it must never."""

from __future__ import annotations

import pytest

from bot.extract import extract

# Programmes as the knowledge base passes them in: folded names and aliases to ids. "unodc" is there as a past
# import might have left it: the agency recorded as a programme.
KNOWN = {
    "crimjust": "crimjust",
    "global programme on cybercrime": "global-cybercrime-programme",
    "glo act": "glo-act",
    "unodc": "unodc",
}


def read(text: str):
    return extract(text, (), KNOWN)


def event(text: str, name: str) -> list:
    return read(text).values(name)


def of_programmes(text: str, name: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in read(text).facts:
        if f.subject.startswith("programme:") and f.field == name:
            out.setdefault(f.subject.partition(":")[2], []).append(f.value)
    return out


# -- 1. the agency is never a programme ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Lusaka, 4 May 2023 - UNODC organised a three-day workshop for 20 prosecutors in Lusaka, Zambia.",
        "Kampala, 9 March 2022 - The course for 18 judges was co-organised by UNODC and the Judiciary of Uganda.",
        "Asunción, 2 de junio de 2021. El taller, organizado por la Oficina de las Naciones Unidas contra la Droga "
        "y el Delito (UNODC), reunió a 25 fiscales en Asunción.",
        "Tegucigalpa, 5 de julio de 2022. La ONUDD organizó un curso para 30 policías en Tegucigalpa.",
    ],
    ids=["unodc-organised", "co-organised-by-unodc", "oficina-de-las-naciones-unidas", "onudd"],
)
def test_the_agency_is_never_proposed_as_a_programme(text):
    result = read(text)
    assert result.values("programmes") == []
    assert not [f for f in result.facts if f.subject.startswith("programme:")]


def test_an_organisation_in_capitals_is_no_programme_unless_the_text_calls_it_one():
    plain = "Dakar, 3 May 2023 - INTERPOL organised a workshop for 20 police officers in Dakar."
    called = (
        "Lomé, 3 May 2023 - SEACOP organised a workshop for 20 customs officers in Lomé. SEACOP is a project "
        "that links seaports along the route."
    )
    assert event(plain, "programmes") == []
    assert event(called, "programmes") == ["seacop"]


def test_programmes_are_still_found_by_their_names():
    text = (
        "Manila, 8 August 2023 - Twenty-two investigators took part in a workshop on electronic evidence held "
        "in Manila under UNODC's Global Programme on Cybercrime."
    )
    assert event(text, "programmes") == ["global-cybercrime-programme"]

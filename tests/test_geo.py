"""Countries are found by any usual name, in English or Spanish, and said in the reader's language."""

import pytest

from bot.geo import city, country, country_name


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Kyrgyz Republic", "Kyrgyzstan"),
        ("Kirguistán", "Kyrgyzstan"),
        ("Republic of Moldova", "Moldova"),
        ("the Netherlands", "Netherlands"),
        ("Reino de los Países Bajos", "Netherlands"),
        ("Cote d'Ivoire", "Côte d’Ivoire"),
        ("República Dominicana", "Dominican Republic"),
        ("Dominica", "Dominica"),
        ("Guinea-Bissau", "Guinea-Bissau"),
        ("Turkey", "Türkiye"),
        ("Cabo Verde", "Cape Verde"),
        ("Plurinational State of Bolivia", "Bolivia"),
        ("EE.UU.", "United States"),
    ],
)
def test_a_country_is_found_by_its_usual_names(written: str, canonical: str) -> None:
    assert country(written) == canonical


@pytest.mark.parametrize("written", ["Vienna", "European Union", "Latin America", "Korea", ""])
def test_what_is_not_a_country_is_not_one(written: str) -> None:
    assert country(written) is None


def test_a_country_is_said_in_spanish() -> None:
    assert country_name("Kyrgyzstan", "es") == "Kirguistán"
    assert country_name("Dominican Republic", "es") == "República Dominicana"
    assert country_name("Kyrgyzstan", "en") == "Kyrgyzstan"
    assert country_name("Atlantis", "es") == "Atlantis"


@pytest.mark.parametrize(
    ("written", "name", "country_name"),
    [
        ("San Pedro Sula", "San Pedro Sula", "Honduras"),
        ("Ciudad de Panamá", "Panama City", "Panama"),
        ("Lisboa", "Lisbon", "Portugal"),
        ("Thiès", "Thiès", "Senegal"),
        ("Santa Cruz de la Sierra", "Santa Cruz de la Sierra", "Bolivia"),
        ("Georgetown", "Georgetown", "Guyana"),
    ],
)
def test_a_city_is_found_with_its_country(written: str, name: str, country_name: str) -> None:
    found = city(written)
    assert found is not None and (found.name, found.country) == (name, country_name)


def test_a_city_name_shared_across_countries_is_settled_by_the_text_or_not_at_all() -> None:
    assert city("Santa Cruz") is None  # too many alike
    found = city("San José", lang="es")
    assert found is not None and found.country == "Costa Rica"
    found = city("Georgetown", countries={"Malaysia"})
    assert found is not None and found.country == "Malaysia"
    assert city("Qwertyville") is None and city("Springfield") is None  # no such city; too many alike


def test_the_country_table_is_the_installed_cldrs() -> None:
    """`countries.json` is what Babel's CLDR says now (after a Babel upgrade: `python -m bot.geo` writes it)."""
    import json

    from bot.geo import COUNTRY_TABLE, cldr_territories

    assert json.loads(COUNTRY_TABLE.read_text(encoding="utf-8")) == cldr_territories()

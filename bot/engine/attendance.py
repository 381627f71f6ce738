"""Who attended an event, by the facts: the total and its groups (a combined count stays combined), a role asked
about, women and men, the countries participants came from, and who trained them."""

from __future__ import annotations

from typing import Any

from bot.engine import lexicon
from bot.engine.ask import (
    Ask,
    _groups,
    _groups_label,
    _number,
    _participants_word,
    _places,
    _stems,
    _with_bound,
)
from bot.engine.models import Finding
from bot.engine.phrase import Counted, Names, Num
from knowledge.facts import Fact


def participants(ask: Ask) -> Finding:
    event = ask.event
    total, groups = event.one("participants"), event.many("participant_groups")
    roles = [r for r in ask.query.strs("role", ask.clause) if r not in ("women", "men")]
    if roles:
        return _roles(ask, roles, total, groups)
    places = ask.checked("place") or [s for s in ask.query.spans if s.kind == "place" and "from" in ask.clause.words]
    if places and ask.clause.attribute == "participants":
        return _from_country(ask, str(places[0].value), total, groups)
    named = _named_group(ask, groups)
    if named is not None:  # "how many from the border service?": the group the release counts them in
        return ask.found(
            "role_exact", [named], count=Num(named.value), role=Names((str(named.value["label"]),), "role")
        )
    if total is None and groups:
        return ask.found("groups_no_total", groups, groups=_groups(groups))
    if total is None:
        return ask.found("attendance_unrecorded", [])
    facts = [total, *groups]
    who = _groups_label(groups) if len(groups) == 1 else None
    countries = event.many("participant_countries")
    key = "attendance"
    values: dict[str, Any] = {"count": Num(total.value), "who": who or _participants_word()}
    if len(groups) > 1:
        key, values["groups"] = "attendance_groups", _groups(groups)
    if countries:
        values["countries"] = Names(tuple(str(f.value) for f in countries), "place")
        stated = event.one("country_count")
        if stated is not None and int(stated.value.get("count", 0)) > len(countries):  # "from 18 countries, ..."
            among = {"n": Counted(int(stated.value["count"]), "countries"), "countries": values["countries"]}
            values["countries"] = Finding("countries_among", among)
            facts.append(stated)
        key += "_countries"
        facts += countries
    return ask.found(key, facts, **values)


def _named_group(ask: Ask, groups: list[Fact]) -> Fact | None:
    """The one group whose label holds two or more of the topic words the question names, more than any other
    group's ("the border service": "6 officers of the Border Service of ...")."""
    clause = ask.clause
    spans = [s for s in ask.query.spans if s.kind == "keyword" and clause.start <= s.start < clause.end]
    words = {w for s in spans for w in _stems(s.text)}
    shared = [(len(words & _stems(str(g.value.get("label", "")))), g) for g in groups if isinstance(g.value, dict)]
    best = max((n for n, _ in shared), default=0)
    hits = [g for n, g in shared if n == best]
    return hits[0] if best >= 2 and len(hits) == 1 and "count" in hits[0].value else None


def _roles(ask: Ask, roles: list[str], total: Fact | None, groups: list[Fact]) -> Finding:
    parts = [_role(ask, role, total, groups) for role in roles]
    if len(parts) == 1:
        return parts[0]
    facts = [f for p in parts for f in p.facts]
    return Finding("joined", {"parts": parts, "sep": "\n"}, facts, (ask.eid,), "participants")


def _role(ask: Ask, role: str, total: Fact | None, groups: list[Fact]) -> Finding:
    # the role in every form the lexicon knows, both languages: "coast guard officers" is "guardacostas"
    stems = _stems(role).union(*(_stems(form) for form in lexicon.ROLES.get(role, ())))
    for fact in groups:
        group = fact.value
        covered = [r for r in group.get("roles", []) if _stems(r) & stems or r == role]
        if not covered and not (_stems(str(group.get("label", ""))) & stems):
            continue
        if len(group.get("roles", [])) <= 1:  # one group of them, as the release words it
            count = Num(_with_bound(group, total))
            return ask.found("role_exact", [fact], count=count, role=Names((str(group["label"]),), "role"))
        label = Names((str(group["label"]),), "role")
        return ask.found("role_combined", [fact], count=Num(group), label=label, role=Names((role,), "role"))
    related = lexicon.RELATED_ROLES.get(role, set())
    for fact in groups:
        if related & set(fact.value.get("roles", [])):
            label = Names((str(fact.value["label"]),), "role")
            return ask.found("role_related", [fact], role=Names((role,), "role"), count=Num(fact.value), label=label)
    if groups:
        return ask.found("role_unrecorded_groups", groups, role=Names((role,), "role"), groups=_groups(groups))
    if total is not None:
        return ask.found("role_unrecorded_total", [total], role=Names((role,), "role"), count=Num(total.value))
    return ask.found("role_unrecorded", [], role=Names((role,), "role"))


def _from_country(ask: Ask, country: str, total: Fact | None, groups: list[Fact]) -> Finding:
    countries = ask.event.many("participant_countries")
    names = [str(f.value) for f in countries]
    if country not in names:
        if not names:
            return ask.found("countries_unrecorded", [])
        return ask.found("country_no", countries, country=Names((country,), "place"), countries=_places(countries))
    if ask.clause.yes_no:  # "did participants from Liberia attend?": yes, it is among their countries
        return ask.found("country_yes", countries, country=Names((country,), "place"), countries=_places(countries))
    if len(names) == 1 and total is not None:
        facts = [total, *countries]
        return ask.found(
            "attendance_countries",
            facts,
            count=Num(total.value),
            who=_participants_word(),
            countries=_places(countries),
        )
    facts = ([total] if total else []) + countries
    named = Names((country,), "place")
    if total is None:
        return ask.found("per_country_unrecorded", facts, countries=_places(countries), country=named)
    return ask.found("per_country_total", facts, count=Num(total.value), countries=_places(countries), country=named)


def women(ask: Ask) -> Finding:
    return _share(ask, "women")


def men(ask: Ask) -> Finding:
    return _share(ask, "men")


def _share(ask: Ask, field: str) -> Finding:
    fact = ask.event.one(field)
    if fact is None:
        groups = ask.event.many("participant_groups")
        for group in groups:  # a group of women counted on its own
            if field in group.value.get("roles", []) and len(group.value.get("roles", [])) == 1:
                return ask.found(f"{field}_count", [group], n=Num(group.value))
        return ask.found(f"{field}_unrecorded", [])
    value = fact.value
    if "percent" in value:
        return ask.found(f"{field}_percent", [fact], percent=_number(value["percent"]))
    return ask.found(f"{field}_count", [fact], n=Num(value))


def countries(ask: Ask) -> Finding:
    event = ask.event
    facts = event.many("participant_countries")
    stated = event.one("country_count")
    checked = ask.checked("place")
    if checked:
        country = str(checked[0].value)
        if not facts:
            return ask.found("countries_unrecorded", [])
        names = [str(f.value) for f in facts]
        key = "country_yes" if country in names else "country_no"
        return ask.found(key, facts, country=Names((country,), "place"), countries=_places(facts))
    if ask.how_many and stated is not None:
        if facts:
            return ask.found("country_count_named", [stated, *facts], n=Num(stated.value), countries=_places(facts))
        return ask.found("country_count", [stated], n=Num(stated.value))
    if not facts:
        if stated is not None:
            return ask.found("country_count", [stated], n=Num(stated.value))
        return ask.found("countries_unrecorded", [])
    if ask.how_many:
        return ask.found("country_count_listed", facts, n=Counted(len(facts), "countries"), countries=_places(facts))
    if stated is not None and int(stated.value.get("count", 0)) > len(facts):
        return ask.found("countries_some", [stated, *facts], n=Num(stated.value), countries=_places(facts))
    return ask.found("countries", facts, countries=_places(facts))


def trainers(ask: Ask) -> Finding:
    facts = ask.event.many("trainers")
    if not facts:  # experts named as partners that delivered or designed it
        facts = [f for f in ask.event.many("partners") if _stems(str(f.value)) & _TRAINER_STEMS]
    if not facts:
        return ask.found("trainers_unrecorded", [])
    return ask.found("trainers", facts, names=Names(tuple(str(f.value) for f in facts)))


_TRAINER_STEMS = frozenset({"expert", "trainer", "instruc", "facilit", "formad", "docent", "design", "disen"})

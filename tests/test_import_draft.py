"""The import draft, its preview and what it saves, on extractions made here (the extractor's contract), and the
look-alike check on real recorded events."""

from __future__ import annotations

import pytest

from bot.edits import InvalidValue
from bot.extract import FLAGS, Extraction, Found
from bot.import_preview import PAGE_CHARS, pages
from bot.importer import Who, apply_edit, blocked, document_id, facts_to_save, new_draft, read_edit
from bot.lookalike import look_alikes, profile, recorded_profiles
from bot.messages import say
from bot.reading import Release
from knowledge.facts import bundled_facts

TEXT = (
    "Judges trained in Freetown\n"
    "14-16 March 2018 - Thirty-two prosecutors, central authority officials and investigators took part."
)
WHO = Who("Ana (4242)", "2024-05-01")


def found(field, value, quote="Thirty-two prosecutors", flag="", subject=""):
    return Found(field, value, quote, flag, subject)


def extraction(*facts: Found, **kw) -> Extraction:
    return Extraction(facts=list(facts), missing=kw.pop("missing", ["funders", "speakers"]), **kw)


def draft_of(*facts: Found, text: str = TEXT, recorded=None, imported=False, **kw):
    return new_draft(Release(text, "release.txt"), extraction(*facts, **kw), recorded or {}, imported)


BASIC = (
    found("title", "Judges trained in Freetown", "Judges trained in Freetown"),
    found("date", "2018-03-14", "14-16 March 2018"),
    found("end_date", "2018-03-16", "14-16 March 2018"),
    found("participants", {"count": 32, "at_least": False}),
)


def test_the_same_text_has_the_same_id_whatever_its_spacing_and_case():
    assert document_id(TEXT) == document_id("  " + TEXT.upper().replace(" ", "  \n"))
    assert document_id(TEXT) != document_id(TEXT.replace("Thirty-two", "Thirty-three"))


def test_every_fact_is_saved_with_the_release_as_its_source_and_its_verbatim_quote():
    draft = draft_of(*BASIC, found("programmes", "crimjust", "central authority officials"))
    subject, facts = facts_to_save(draft, WHO, set(), set())
    doc = f"document:{document_id(TEXT)}"
    assert {f.field for f in facts if f.subject == doc} == {"title", "text", "language"}
    assert next(f.value for f in facts if f.subject == doc and f.field == "text") == TEXT
    event = [f for f in facts if f.subject == subject]
    assert subject.startswith("event:2018-judges-trained-in-freetown")
    assert {f.source.doc for f in event} == {doc}
    assert all(f.source.quote in TEXT and f.source.added_by == "Ana (4242)" for f in event)
    assert all(f.source.doc_title == "Judges trained in Freetown" and f.source.added_on == "2024-05-01" for f in event)


def test_a_programme_the_release_names_is_created_when_new_and_never_renamed_when_known():
    programme = [
        found("name", "WACAP", "WACAP", subject="programme:wacap"),
        found("aliases", "West African Network", "WACAP", subject="programme:wacap"),
        found("name", "CRIMJUST (renamed)", "CRIMJUST", subject="programme:crimjust"),
        found("aliases", "CRIMJUST Programme", "CRIMJUST", subject="programme:crimjust"),
    ]
    known = {f.fid for f in bundled_facts() if f.subject.startswith("programme:")}
    _, facts = facts_to_save(draft_of(*BASIC, *programme), WHO, set(), known)
    saved = {(f.subject, f.field, f.value) for f in facts if f.subject.startswith("programme:")}
    assert saved == {
        ("programme:wacap", "name", "WACAP"),
        ("programme:wacap", "aliases", "West African Network"),
        ("programme:crimjust", "aliases", "CRIMJUST Programme"),
    }


def test_guesses_are_proposed_unticked_and_the_command_line_keeps_only_what_the_text_states():
    draft = draft_of(
        found("title", "Judges trained", "Judges trained in Freetown"),
        found("date", "2018-03-14", "14-16 March", flag="no_year"),
        found("participants", {"count": 40, "at_least": False, "approx": True}, flag="approximate"),
        found("participant_groups", {"label": "officers", "roles": ["officers"], "count": 35}, flag="elsewhere"),
        found("funders", "European Union", "European Union", flag="ambiguous"),
    )
    assert [i.kept for i in draft.items[:5]] == [True, True, True, False, False]
    subject, facts = facts_to_save(draft, WHO, set(), set(), sure_only=True)
    values = {f.field: f.value for f in facts if f.subject == subject}
    assert values["date"] == "--03-14"  # what the text states: no year
    assert values["participants"]["approx"] is True
    assert "participant_groups" not in values and "funders" not in values
    text = pages(draft, "en")[0].text
    assert text.count("⚠") >= 4 and say("import_flag_elsewhere", "en") in text


@pytest.mark.parametrize("flag", FLAGS)
def test_every_flag_has_a_message_in_both_languages(flag):
    assert say(f"import_flag_{flag}", "en") and say(f"import_flag_{flag}", "es") != say(f"import_flag_{flag}", "en")


def test_a_release_without_a_headline_gets_a_title_said_to_be_made_up():
    draft = draft_of(found("kind", "workshop", "the workshop"), found("city", "Freetown", "in Freetown"), BASIC[1])
    assert draft.made_title and draft.title == "Workshop, Freetown, 14 March 2018"
    assert "made from its kind, place and date" in pages(draft, "en")[0].text


def test_a_text_that_reports_no_event_is_saved_only_when_the_admin_insists():
    draft = draft_of(*BASIC, is_event=False, not_event_why="a policy statement")
    assert "does not seem to report an event (a policy statement)" in pages(draft, "en")[0].text
    assert blocked(draft) == "import_not_event_save"
    draft.insist = True
    assert blocked(draft) == ""


def test_a_text_imported_before_cannot_be_saved_again():
    draft = draft_of(*BASIC, imported=True)
    assert blocked(draft) == "import_already"
    assert "imported already" in pages(draft, "en")[0].text


def test_the_admin_corrects_a_value_and_fills_in_what_is_missing_checked_like_addfact():
    draft = draft_of(*BASIC, missing=["place", "funders"])
    assert "Not found in the release: place, funders" in pages(draft, "en")[0].text
    apply_edit(draft, read_edit(draft, "4 30"), {})
    assert draft.items[3].found.value == {"count": 30, "at_least": False} and draft.items[3].typed == "30"
    assert apply_edit(draft, read_edit(draft, "place Freetown, Sierra Leone"), {}) == ["city", "country"]
    assert apply_edit(draft, read_edit(draft, "funders European Union"), {}) == ["funders"]
    assert "Not found" not in pages(draft, "en")[0].text
    with pytest.raises(InvalidValue) as bad:
        apply_edit(draft, read_edit(draft, "date 31 February 2018"), {})
    assert bad.value.key == "impossible_date"
    with pytest.raises(InvalidValue) as too_many:
        apply_edit(draft, read_edit(draft, "participant_groups 50 judges"), {})
    assert too_many.value.key == "group_exceeds_total"
    with pytest.raises(InvalidValue) as unclear:
        read_edit(draft, "who funded it?")
    assert unclear.value.key == "import_edit_unclear"
    _subject, facts = facts_to_save(draft, WHO, set(), set())
    typed = next(f for f in facts if f.field == "funders")
    assert typed.source.doc == "admin" and typed.source.quote == "European Union"


def test_a_date_range_typed_for_a_missing_date_fills_both_days():
    draft = draft_of(BASIC[0], missing=["date"])
    assert apply_edit(draft, read_edit(draft, "date del 3 al 5 de octubre de 2023"), {}) == ["date", "end_date"]
    values = {i.field: i.found.value for i in draft.items}
    assert values["date"] == "2023-10-03" and values["end_date"] == "2023-10-05"


def test_a_long_preview_is_cut_into_pages_that_each_fit_one_message_with_their_own_facts():
    topics = [found("topics", f"topic number {n} " + "about digital evidence " * 5, "x" * 150) for n in range(40)]
    draft = draft_of(*BASIC, *topics)
    shown = pages(draft, "en")
    assert len(shown) > 2
    assert all(len(p.text) <= PAGE_CHARS for p in shown)
    assert sorted(n for p in shown for n in p.items) == list(range(len(draft.items)))
    assert all(f"page {p.number + 1} of {len(shown)}" in p.text for p in shown)


# -- look-alikes -------------------------------------------------------------------------------------------

RECORDED = recorded_profiles(bundled_facts())
PANAMA = {
    "title": "Cyber elements of drug trafficking: training continues",
    "date": "2021-11-13",
    "country": "Panama",
    "participants": {"count": 61, "at_least": False},
}
VIENNA_ES = [
    ("title", "Evento paralelo sobre el narcotráfico e internet en la CCPCJ"),
    ("date", "2017-05-23"),
    ("city", "Viena"),
    ("speakers", {"name": "Neil WALSH", "position": "Experto principal"}),
    ("speakers", {"name": "Tofik Murshudlu", "position": "Jefe"}),
]


def test_a_reworded_release_of_a_recorded_event_is_a_look_alike_and_says_why():
    (alike,) = look_alikes(profile(PANAMA.items()), RECORDED)
    assert alike.event == "panama-2021-osint-training"
    assert set(alike.reasons) >= {"date", "place", "count"}


def test_the_spanish_version_of_a_recorded_event_is_a_look_alike_by_its_date_and_speakers():
    (alike,) = look_alikes(profile(VIENNA_ES), RECORDED)
    assert alike.event == "vienna-2017-side-event" and {"date", "people"} <= set(alike.reasons)


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"date": "2021-03-02"}, id="same-place-and-count-other-month"),
        pytest.param({"date": "--11-20", "participants": {"count": 25}}, id="no-year-other-day"),
        pytest.param({"country": "Guatemala", "participants": {"count": 30}, "date": "2023-11-13"}, id="another-event"),
    ],
)
def test_another_event_in_the_same_place_or_with_the_same_count_is_not_a_look_alike(changes):
    assert look_alikes(profile((PANAMA | changes).items()), RECORDED) == []


def test_two_imports_that_would_record_the_same_event_id_never_overwrite_each_other(tmp_path):
    from bot.import_run import Known, save
    from knowledge.store import ChangedMeanwhile, Store

    store = Store(tmp_path / "knowledge.json")
    try:
        seen_by_both = Known.of(store.facts())  # two admins read the knowledge before either saved
        first = draft_of(*BASIC)
        second = draft_of(*BASIC, text=TEXT + "\nA second wording of the same release, sent by another admin.")
        subject, _ = save(store, first, Known.of(store.facts()), WHO, "4242")
        before = {f.fid: f.value for f in store.facts() if f.subject == subject}
        with pytest.raises(ChangedMeanwhile):
            save(store, second, seen_by_both, WHO, "4343")
        assert {f.fid: f.value for f in store.facts() if f.subject == subject} == before
        assert store.fact(f"{second.doc}/text") is None  # nothing of the second import was written
    finally:
        store.close()

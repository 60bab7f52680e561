"""English statement rules, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from csto_kb.extraction import extract
from csto_kb.schemas.extraction import StatementCandidate

PUBLISHED = dt.date(2022, 4, 15)  # a Friday


def statements(body: str) -> list[StatementCandidate]:
    found = extract(body, lang="en", published=PUBLISHED).statements
    for s in found:
        assert body[s.quote_start : s.quote_end] == s.quote
    return found


def only(body: str) -> StatementCandidate:
    found = statements(body)
    assert len(found) == 1, [(s.speaker, s.quote) for s in found]
    return found[0]


def test_quote_then_speaker_then_said() -> None:
    s = only("“We will not send troops abroad,” Defence Minister Ruslan Zhaksylykov said.")
    assert s.quote == "We will not send troops abroad"
    assert (s.speaker, s.speaker_role) == ("Ruslan Zhaksylykov", "Defence Minister")
    assert (s.cue, s.direct, s.mode) == ("said", True, "direct")


def test_quote_then_said_then_speaker() -> None:
    s = only('"The talks were useful and frank," said Ambassador John Harlow.')
    assert s.quote == "The talks were useful and frank"
    assert s.speaker == "John Harlow"


def test_said_that_with_a_weekday() -> None:
    s = only("Foreign Minister Anna Berg said on Wednesday that the alliance would meet in June.")
    assert s.quote == "the alliance would meet in June"
    assert s.speaker == "Anna Berg"
    assert (s.date_text, s.said_on) == ("on Wednesday", "2022-04-13")


def test_content_before_the_speaker() -> None:
    s = only("The deal is no longer on the table, the Kremlin spokesman said on Tuesday.")
    assert s.quote == "The deal is no longer on the table"
    assert "spokesman" in s.speaker_mention
    assert s.said_on == "2022-04-12"


def test_told_with_that_and_a_pronoun_afterwards() -> None:
    found = statements(
        "Secretary General Maria Olsen told reporters that the exercise would begin in May. "
        "She added that the alliance remained united."
    )
    assert [f.cue for f in found] == ["told", "added"]
    assert {f.speaker for f in found} == {"Maria Olsen"}
    assert found[1].speaker_mention == "She"
    assert found[1].quote == "the alliance remained united"


def test_according_to_before_and_after() -> None:
    first = only("According to the Defence Ministry, the drills will last ten days.")
    assert first.quote == "the drills will last ten days"
    assert "Defence Ministry" in first.speaker
    second = only("The drills will last ten days, according to the Defence Ministry.")
    assert second.quote == "The drills will last ten days"


def test_colon_and_quotation() -> None:
    s = only("He warned: “This is a red line for us.”")
    assert s.quote == "This is a red line for us."
    assert s.cue == "warned"


def test_split_quotation() -> None:
    found = statements(
        "“We asked for help,” Prime Minister Tom Varga told parliament. “Nobody answered the call in time.”"
    )
    assert [f.quote for f in found] == ["We asked for help", "Nobody answered the call in time."]
    assert {f.speaker for f in found} == {"Tom Varga"}


def test_apposition_with_commas() -> None:
    s = only("The alliance’s spokesman, Peter Lund, stated that no decision had been taken.")
    assert s.speaker == "Peter Lund"
    assert s.speaker_role == "The alliance’s spokesman"


def test_institution_and_later_definite_mention() -> None:
    found = statements(
        "The Foreign Ministry of Armenia said that the note had been delivered. "
        "The ministry stressed that it expected a reply."
    )
    assert [f.speaker for f in found] == ["Foreign Ministry of Armenia"] * 2


def test_the_relaying_agency_is_not_a_second_speaker() -> None:
    found = statements("«We are ready to talk,» he said, Interfax news agency reported.")
    assert len(found) == 1
    assert found[0].speaker_mention == "he"


def test_reported_action_without_content_is_not_a_statement() -> None:
    assert statements("Kazakhstan refused to send troops to the region.") == []


# --- speakers that are not speakers, titles, compound names ----------------------------------------------


def test_a_nationality_adjective_alone_is_not_a_speaker() -> None:
    s = only(
        "The bloc has no future, Foreign Minister Anna Berg said on Tuesday, according to Polish state media."
    )
    assert s.speaker == "Anna Berg"
    assert s.quote == "The bloc has no future"


def test_the_agency_reporting_is_not_the_speaker_of_a_later_pronoun() -> None:
    found = statements(
        "Kremlin spokesman Ivan Sorokin told a radio station on Monday that talks were possible, Reuters reported. "
        "“Nobody has asked us yet,” he said."
    )
    assert [f.speaker for f in found] == ["Ivan Sorokin", "Ivan Sorokin"]
    assert found[1].confidence_reason == "speaker is a pronoun resolved to Ivan Sorokin"


def test_quoted_as_saying_gives_the_one_quoted() -> None:
    s = only("“We will clarify the matter with our partners,” the agency quoted Ivan Sorokin as saying.")
    assert s.speaker == "Ivan Sorokin"
    assert s.quote == "We will clarify the matter with our partners"


def test_a_participle_attributes_to_the_subject_of_the_main_clause() -> None:
    s = only("The Foreign Ministry reacted quickly, saying on Friday that it expected an explanation.")
    assert s.speaker == "Foreign Ministry"
    assert s.quote == "it expected an explanation"


def test_a_participle_after_a_statement_continues_its_speaker() -> None:
    found = statements(
        "Defence Minister Omar Haddad said that the drills were over, noting that the troops would return home."
    )
    assert [(f.cue, f.speaker) for f in found] == [("said", "Omar Haddad"), ("noting", "Omar Haddad")]
    assert found[0].quote == "the drills were over"
    assert found[1].quote == "the troops would return home"


def test_an_attribution_inside_its_sentence_splits_the_content_in_two() -> None:
    found = statements("The border talks, the minister insisted, were never on the agenda.")
    assert [f.quote for f in found] == ["The border talks", "were never on the agenda"]
    assert {f.cue for f in found} == {"insisted"}


def test_two_attributions_in_one_sentence_are_two_statements() -> None:
    found = statements(
        "Foreign Minister Anna Berg spoke to reporters. The alliance has failed us, she added, "
        "and it must change before the summit, she stressed."
    )
    assert [(f.cue, f.quote) for f in found] == [
        ("added", "The alliance has failed us"),
        ("stressed", "it must change before the summit"),
    ]


def test_dismissed_as() -> None:
    s = only("Prime Minister Tom Varga dismissed the reports as pure fabrication.")
    assert s.speaker == "Tom Varga"
    assert s.quote == "the reports as pure fabrication"


def test_clarified_that() -> None:
    s = only("Asked about the base, Nikol Vardanyan clarified that it was not part of the treaty.")
    assert s.speaker == "Nikol Vardanyan"


def test_compound_names_keep_their_particles() -> None:
    assert only("Ursula von der Leyen said that the sanctions would stay.").speaker == "Ursula von der Leyen"
    assert (
        only("Mohammed bin Salman said that the summit would open on time.").speaker == "Mohammed bin Salman"
    )


def test_a_title_resolves_to_the_person_named_with_it_elsewhere() -> None:
    found = statements(
        "Moldovan President Elena Rusu arrived in Brussels on Monday.\n"
        "“We need more support,” the President stated.\n"
        "“Our neighbours are arming,” the head of state said."
    )
    assert [f.speaker for f in found] == ["Elena Rusu", "Elena Rusu"]
    assert [f.speaker_mention for f in found] == ["the President", "the head of state"]
    assert all("title resolved to Elena Rusu" in f.confidence_reason for f in found)


def test_that_and_that_gives_two_items() -> None:
    found = statements(
        "Foreign Minister Anna Berg said that the talks had stalled and that a new round was unlikely."
    )
    assert [(f.cue, f.quote) for f in found] == [
        ("said", "the talks had stalled"),
        ("said", "a new round was unlikely"),
    ]


def test_a_pronoun_with_no_speaker_before_goes_to_the_person_named_before() -> None:
    s = only(
        "Foreign Minister Anna Berg arrived on Tuesday. On Wednesday, she said that the alliance would meet."
    )
    assert (s.speaker, s.speaker_mention) == ("Anna Berg", "she")
    assert s.said_on == "2022-04-13"


def test_an_unresolved_pronoun_says_so_and_lowers_confidence() -> None:
    s = only("He said that the alliance would meet in June.")
    assert s.confidence <= 0.5
    assert s.confidence_reason == "speaker is a pronoun the article does not resolve"


def test_the_nationality_alone_with_its_article_is_not_a_speaker() -> None:
    assert statements("The Russian said that the talks were over.") == []


def test_an_agency_reporting_that_someone_said_gives_only_that_someone() -> None:
    s = only("Reuters reported that Defence Minister Omar Haddad said the troops would stay.")
    assert (s.speaker, s.quote) == ("Omar Haddad", "the troops would stay")


def test_speech_after_a_colon_with_its_speaker_before_it() -> None:
    found = statements(
        "Prime Minister Tom Varga spoke to parliament on Monday. He was blunt: the alliance has failed us."
    )
    assert [(f.speaker, f.speaker_mention, f.cue, f.quote) for f in found] == [
        ("Tom Varga", "He", ":", "the alliance has failed us")
    ]
    assert found[0].confidence_reason == "speech after a colon, without a speech verb"
    t = only("Tom Varga was clear on one point: no troops will be sent.")
    assert (t.speaker, t.quote) == ("Tom Varga", "no troops will be sent")


def test_an_aside_between_speaker_and_cue_is_skipped() -> None:
    s = only("NATO chief Mark Lund, who spoke in Brussels, said the alliance would not be divided.")
    assert s.speaker == "Mark Lund"
    t = only("The minister, speaking on Thursday, said that Armenia had frozen its participation.")
    assert t.speaker_mention == "The minister"
    assert t.said_on == "2022-04-14"


def test_quoted_an_unnamed_official_as_saying_after_a_colon() -> None:
    s = only("Reuters quoted a senior official as saying: “The talks have collapsed.”")
    assert s.speaker == "senior official"
    assert s.quote == "The talks have collapsed."
    assert s.confidence < 0.8

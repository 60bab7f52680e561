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

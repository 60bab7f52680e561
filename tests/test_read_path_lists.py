"""The review queue (`review list`, `review show`) through the compiled queries, with or without SQLAlchemy.

What the candidates' SQL reads must be what the ORM read (the model's candidates, in the orders and with the
filters `review list` takes, and a candidate's sentence from its source's text), and a ready database answered
by its driver alone must print what the full path prints, byte for byte, on both engines.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from csto_kb.db.unit_of_work import UnitOfWork
from csto_kb.errors import NotFound
from csto_kb.model import Candidate
from csto_kb.schemas.review import CandidateOut
from csto_kb.sql import direct
from csto_kb.sql.browse import candidate_in_context, candidate_list, in_context, place
from tests.helpers import Run, imports_of, ok, one_line_error, printed_alike_either_way

Cli = Callable[..., Run]


@pytest.fixture
def reviewed(cli: Cli, engine: Engine) -> Engine:
    """The seed with its article's proposals: one rejected, one corrected, the rest pending."""
    ok(cli("ingest", "--source", "1"))
    ok(cli("review", "reject", "2", "--reason", "not about the CSTO", "--by", "reviewer"))
    ok(cli("review", "edit", "4", "--said-on", "2022-04-14", "--by", "reviewer"))
    return engine


def orm_candidates(session: Session, **filters: Any) -> list[dict[str, Any]]:
    """`review list --format json` as it read through the ORM."""
    in_text = (Candidate.source_id, Candidate.kind, Candidate.position)
    doubtful_first = filters.get("doubtful_first", True)
    query = select(Candidate).order_by(*((Candidate.confidence, *in_text) if doubtful_first else in_text))
    # Pending ones unless told otherwise, as `review list` shows.
    given = {"status": "pending", **filters}
    for name, column in (
        ("source", Candidate.source_id),
        ("status", Candidate.status),
        ("kind", Candidate.kind),
    ):
        if given.get(name) is not None:
            query = query.where(column == given[name])
    return [CandidateOut.model_validate(c).model_dump(mode="json") for c in session.scalars(query)]


def orm_candidate(session: Session, candidate_id: int) -> dict[str, Any]:
    """`review show --format json` as it read through the ORM."""
    candidate = session.get(Candidate, candidate_id)
    assert candidate is not None
    out = CandidateOut.model_validate(candidate)
    body = candidate.source.body
    if body is not None:
        _, start, end = place(candidate.kind, candidate.payload)
        out = out.model_copy(update={"context": in_context(body, start, end)})
    return out.model_dump(mode="json")


FILTERS: list[dict[str, Any]] = [
    {},
    {"status": None},
    {"status": None, "doubtful_first": False},
    {"status": "rejected"},
    {"kind": "statement", "source": 1},
    {"source": 2, "status": None},
    {"kind": "force_level", "doubtful_first": False},
]


def test_candidates_read_by_the_compiled_queries_are_what_the_orm_read(reviewed: Engine, db_url: str) -> None:
    with UnitOfWork(reviewed, read_only=True) as uow:
        expected_lists = [orm_candidates(uow.session, **f) for f in FILTERS]
        ids = list(uow.session.scalars(select(Candidate.id).order_by(Candidate.id)))
        expected_shown = {i: orm_candidate(uow.session, i) for i in ids}
    for filters, expected in zip(FILTERS, expected_lists, strict=True):
        found = direct.read(db_url, lambda c, d, f=filters: candidate_list(c, d, **f))  # type: ignore[misc]
        assert found is not None
        as_models = [CandidateOut.model_validate(row).model_dump(mode="json") for row in found]
        assert json.dumps(as_models, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False), filters
    for candidate_id, expected_one in expected_shown.items():
        row = direct.read(db_url, lambda c, d, i=candidate_id: candidate_in_context(c, d, i))  # type: ignore[misc]
        assert CandidateOut.model_validate(row).model_dump(mode="json") == expected_one, candidate_id
    everything = expected_lists[1]
    assert len(everything) >= 12
    assert [c["id"] for c in expected_lists[3]] == [2]
    assert [c["confidence"] for c in everything] == sorted(c["confidence"] for c in everything)
    assert {c["status"] for c in expected_lists[0]} == {"pending"}
    assert expected_lists[5] == []
    assert all("⟦" in str(c["context"]) for c in expected_shown.values())
    assert expected_shown[4]["payload"]["said_on"] == "2022-04-14"
    with pytest.raises(NotFound, match="candidate: no candidate has id 999"):
        direct.read(db_url, lambda c, d: candidate_in_context(c, d, 999))


COMMANDS = [
    ("review", "list"),
    ("review", "list", "--status", "all", "--in-text-order", "--format", "json"),
    ("review", "list", "--status", "rejected"),
    ("review", "list", "--source", "1", "--kind", "statement", "--format", "json"),
    ("review", "show", "4"),
    ("review", "show", "2", "--format", "json"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_the_driver_alone_prints_what_the_full_path_prints(
    cli: Cli, reviewed: Engine, db_url: str, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    assert len(printed_alike_either_way(cli, args, db_url, monkeypatch)) > 100


@pytest.mark.parametrize(
    ("args", "code", "needles"),
    [
        (("review", "show", "999"), 1, ("candidate", "999")),
        (("review", "list", "--status", "maybe"), 2, ("status", "maybe")),
        (("review", "list", "--kind", "rumour"), 2, ("kind", "rumour")),
    ],
)
def test_what_is_not_there_or_not_allowed_is_refused_alike_through_either_path(
    cli: Cli,
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    code: int,
    needles: tuple[str, ...],
) -> None:
    through_the_driver = one_line_error(cli(*args), code, *needles)
    monkeypatch.setattr(direct, "open_ready", lambda url: None)
    assert one_line_error(cli(*args), code, *needles) == through_the_driver


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["review", "list", "--status", "all", "--format", "json"], '"kind": "statement"'),
        (["review", "show", "1"], "Candidate 1 ("),
    ],
)
def test_the_review_queue_on_a_ready_database_imports_no_sqlalchemy(
    cli: Cli, db_url: str, backend: str, argv: list[str], needle: str
) -> None:
    ok(cli("ingest", "--source", "1"))
    done = imports_of(argv, ["alembic", "sqlalchemy"], db_url=db_url)
    assert done.loaded == []
    assert needle in done.stdout


def test_extract_resolves_speakers_by_the_names_read_through_the_one_reader(
    cli: Cli, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from csto_kb.resources import seeds_dir

    article = seeds_dir() / "000_a04cb8df2fb7d647.txt"
    args = ("extract", str(article), "--lang", "ar", "--published", "2022-04-15", "--format", "json")
    extraction = json.loads(printed_alike_either_way(cli, args, db_url, monkeypatch))
    # The knowledge base's names find the seeded speakers: Zas by his key, not as a new person.
    assert "stanislav-zas" in {s["speaker_key"] for s in extraction["statements"]}

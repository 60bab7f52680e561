"""The fact sheet's choice of other speakers' statements, ranked over a growing prefix of the newest ones, is
the rule's exact answer: held against a plain computation of the rule over many generated statements."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine, text

from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
from csto_kb.schemas.statements import StatementIn
from csto_kb.services import factsheet
from csto_kb.services.entities import create_entity
from csto_kb.services.statements import add_statements
from tests.helpers import Run, ok

Cli = Callable[..., Run]

SPEAKERS = [f"Probe Analyst {n}" for n in range(7)]


def generate(engine: Engine, count: int, seed: int) -> None:
    """``count`` statements about the CSTO by outside speakers, on dates that often tie, some undated."""
    rng = random.Random(seed)
    with engine.begin() as connection:  # the seed's statements step aside: only these are candidates
        connection.execute(text("UPDATE statement SET retracted_at = recorded_at"))
    with UnitOfWork(engine, by="test") as uow:
        for name in SPEAKERS:
            create_entity(uow.session, name=name, kind="person")
        uow.commit()
        body = uow.session.execute(text("SELECT body FROM source WHERE id = 1")).scalar_one()
    words = [i for i in range(1, len(body) - 40) if body[i - 1] == " " and body[i] != " "]
    items = []
    for n in range(count):
        start = rng.choice(words)
        end = body.find(" ", start + 12)
        day = None if rng.random() < 0.1 else f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 3):02d}"
        items.append(
            StatementIn(
                speaker=rng.choice(SPEAKERS), quote=body[start:end], lang="ar", source=1, said_on=day,
                span_start=start, span_end=end, about=["csto"], distinct=True, note=f"generated {n}",
            )
        )  # fmt: skip
    add_statements(UnitOfWork(engine, by="test"), items)


def by_the_rule(engine: Engine, per_speaker: int, limit: int) -> list[int]:
    """The rule computed plainly: every candidate by an outside speaker, newest first, each speaker's first
    ``per_speaker``, the first ``limit`` of those."""
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT s.id, s.said_on, s.speaker_id FROM statement s JOIN entity e ON e.id = s.speaker_id "
                "WHERE s.retracted_at IS NULL AND e.key LIKE 'probe-analyst-%'"
            )
        ).all()
    ordered: list[Any] = sorted(
        rows, key=lambda r: (r.said_on is not None, r.said_on or "", r.id), reverse=True
    )
    seen: dict[int, int] = {}
    chosen = []
    for row in ordered:
        seen[row.speaker_id] = seen.get(row.speaker_id, 0) + 1
        if seen[row.speaker_id] <= per_speaker:
            chosen.append(row.id)
    return chosen[:limit]


@pytest.mark.parametrize("spelling", ["each", "in"])
@pytest.mark.parametrize(
    ("per_speaker", "limit", "prefix"), [(3, 50, 1000), (2, 9, 4), (1, 5, 2), (4, 30, 7)]
)
def test_the_prefix_ranking_gives_the_rules_answer(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, per_speaker: int, limit: int, prefix: int, spelling: str
) -> None:
    """Both ways of finding the newest candidates (walking the dates, or listing the alliance's statements from
    the subjects' index) give the rule's answer."""
    generate(engine, 120, seed=per_speaker * 100 + limit)
    monkeypatch.setattr(factsheet, "PREFIX_START", prefix)
    monkeypatch.setattr(factsheet._Candidates, "_spelling", lambda self, prefix: spelling)
    rule = factsheet.StatementRule("latest", per_speaker=per_speaker, limit=limit)
    with engine.connect() as connection:
        org_id = int(connection.execute(text("SELECT id FROM entity WHERE key = 'csto'")).scalar_one())
    with UnitOfWork(engine, read_only=True) as uow:
        chosen = factsheet._Candidates(*driver_connection(uow.session), org_id, None)._others(rule)
    expected = by_the_rule(engine, per_speaker, limit)
    assert chosen == expected
    assert len(expected) == min(limit, per_speaker * len(SPEAKERS))


def test_the_candidates_are_listed_when_few_statements_are_about_the_alliance(engine: Engine) -> None:
    """With m statements about the alliance among n, the newest prefix are found by walking the dates when
    m² ≥ prefix·n (the alliance is in many statements), and listed from the subjects' index when not."""
    generate(engine, 120, seed=7)
    with engine.connect() as connection:
        org_id = int(connection.execute(text("SELECT id FROM entity WHERE key = 'csto'")).scalar_one())
        total = int(connection.execute(text("SELECT max(id) FROM statement")).scalar_one())
    with UnitOfWork(engine, read_only=True) as uow:
        candidates = factsheet._Candidates(*driver_connection(uow.session), org_id, None)
        about = candidates.about_count()
        assert about >= 120
        assert candidates._spelling(about * about // total + 1) == "in"
        assert candidates._spelling(about * about // total - 1) == "each"


def test_past_the_count_limit_the_sheet_says_more_than(
    cli: Cli, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(engine, 30, seed=5)
    exact = json.loads(ok(cli("factsheet", "csto", "--format", "json")).stdout)["statement_selection"]
    assert exact["counted_all"] is True
    assert exact["matching"] == 30
    monkeypatch.setattr(factsheet, "COUNT_LIMIT", 10)
    bounded = json.loads(ok(cli("factsheet", "csto", "--format", "json")).stdout)["statement_selection"]
    assert bounded["counted_all"] is False
    assert bounded["matching"] == 11  # the limit and one more: more than the limit match
    assert bounded["shown"] == exact["shown"]  # what is shown does not depend on the count
    markdown = ok(cli("factsheet", "csto", "--format", "md")).stdout
    assert "of more than 10 statements by at least" in markdown

"""evidence as its own record; membership episodes; source kinds; statement date basis

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 10:30:00

Every claim table (statement, membership, role, force_level, event, organisation_fact) carried its one
source, span, method, extractor version and confidence in its own row. They move, row for row, into
``evidence``, where a claim can have as many as there are sources reporting it; the claim tables keep
what the claim itself says. The downgrade moves each claim's first evidence back and refuses to run when
that would lose anything (a second source, a retracted evidence, a status or source kind 0004 lacks).
Statements without a date of their own are dated "not after" their source's publication on the way up,
and undated again on the way down.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from csto_kb.db.search_index import SQLITE_QUOTE_SEARCH_DDL

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CLAIM_TABLES = ("statement", "membership", "role", "force_level", "event", "organisation_fact")
MOVED = ("source_id", "span_start", "span_end", "method", "extractor_version", "confidence")
OLD_STATUSES = ("member", "observer", "suspended", "former")
NEW_STATUSES = ("member", "applicant", "observer", "partner", "suspended", "frozen", "withdrawn", "former")
_SQLITE_TRIGGERS = SQLITE_QUOTE_SEARCH_DDL[1:]  # the FTS5 table survives a batch copy; its triggers do not


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    one_claim = " + ".join(f"(CASE WHEN {t}_id IS NULL THEN 0 ELSE 1 END)" for t in CLAIM_TABLES)
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        *(sa.Column(f"{t}_id", sa.Integer(), nullable=True) for t in CLAIM_TABLES),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("retracted_at", sa.DateTime(), nullable=True),
        sa.Column("retracted_reason", sa.String(length=2000), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(f"{one_claim} = 1", name=op.f("ck_evidence_one_claim")),
        sa.CheckConstraint(
            "(span_start IS NULL AND span_end IS NULL) OR (span_start >= 0 AND span_end > span_start)",
            name=op.f("ck_evidence_span"),
        ),
        sa.CheckConstraint(
            "method IN ('curated', 'extracted', 'entered', 'imported')", name=op.f("ck_evidence_method")
        ),
        sa.CheckConstraint(
            "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)", name=op.f("ck_evidence_confidence")
        ),
        *(
            sa.ForeignKeyConstraint(
                [f"{t}_id"], [f"{t}.id"], name=op.f(f"fk_evidence_{t}_id_{t}"), ondelete="CASCADE"
            )
            for t in CLAIM_TABLES
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_evidence_source_id_source"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        for column in (*(f"{t}_id" for t in CLAIM_TABLES), "source_id"):
            batch_op.create_index(batch_op.f(f"ix_evidence_{column}"), [column], unique=False)

    # Who added each claim's evidence: the statement's recorder, else whoever the change log says inserted
    # the claim (NULL where the log has nothing, as for rows written before the log existed).
    for t in CLAIM_TABLES:
        by = (
            "statement.recorded_by"
            if t == "statement"
            else f"(SELECT c.by FROM change c WHERE c.table_name = '{t}' AND c.row_id = {t}.id "
            "AND c.action = 'insert' ORDER BY c.id LIMIT 1)"
        )
        op.execute(
            f"INSERT INTO evidence ({t}_id, source_id, span_start, span_end, method, extractor_version, "
            f"confidence, recorded_by, recorded_at) SELECT id, source_id, span_start, span_end, method, "
            f"extractor_version, confidence, {by}, recorded_at FROM {t} ORDER BY id"
        )

    for t in CLAIM_TABLES:
        with op.batch_alter_table(t, schema=None) as batch_op:
            for check in ("span", "method", "confidence"):
                batch_op.drop_constraint(op.f(f"ck_{t}_{check}"), type_="check")
            batch_op.drop_index(batch_op.f(f"ix_{t}_source_id"))
            batch_op.drop_constraint(batch_op.f(f"fk_{t}_source_id_source"), type_="foreignkey")
            for column in MOVED:
                batch_op.drop_column(column)
            if t == "statement":
                batch_op.add_column(
                    sa.Column("said_on_basis", sa.String(length=10), server_default="stated", nullable=False)
                )
                batch_op.create_check_constraint(
                    op.f("ck_statement_said_on_basis"), "said_on_basis IN ('stated', 'not_after')"
                )
            if t == "membership":
                batch_op.drop_constraint(op.f("ck_membership_status"), type_="check")
                batch_op.create_check_constraint(op.f("ck_membership_status"), _in("status", NEW_STATUSES))

    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=12), server_default="full_text", nullable=False)
        )
        batch_op.create_check_constraint(
            op.f("ck_source_kind"), "kind IN ('full_text', 'excerpt', 'transcript', 'reference')"
        )
    op.execute("UPDATE source SET kind = 'reference' WHERE body IS NULL")
    # A statement with no date of its own is dated "not after" its first source's publication, as new ones
    # are; skipped where that would make it the same statement as one stated on that day.
    published = (
        "(SELECT s.published_on FROM evidence e JOIN source s ON s.id = e.source_id "
        "WHERE e.statement_id = statement.id ORDER BY e.id LIMIT 1)"
    )
    op.execute(
        f"UPDATE statement SET said_on = {published}, said_on_basis = 'not_after' "
        f"WHERE said_on IS NULL AND {published} IS NOT NULL AND NOT EXISTS ("
        "SELECT 1 FROM statement other WHERE other.speaker_id = statement.speaker_id "
        f"AND other.quote_key = statement.quote_key AND other.said_on = {published} "
        "AND other.retracted_at IS NULL)"
    )
    _recreate_sqlite_triggers()


def downgrade() -> None:
    bind = op.get_bind()
    problems = []
    for t in CLAIM_TABLES:
        several = bind.execute(
            sa.text(
                f"SELECT {t}_id FROM evidence WHERE {t}_id IS NOT NULL GROUP BY {t}_id HAVING count(*) > 1"
            )
        ).first()
        if several is not None:
            problems.append(f"{t} #{several[0]} has more than one evidence")
    if bind.execute(sa.text(f"SELECT id FROM membership WHERE NOT ({_in('status', OLD_STATUSES)})")).first():
        problems.append("a membership has a status revision 0004 does not know")
    if bind.execute(sa.text("SELECT id FROM source WHERE kind IN ('excerpt', 'transcript')")).first():
        problems.append("a source is an excerpt or a transcript")
    if bind.execute(sa.text("SELECT id FROM evidence WHERE retracted_at IS NOT NULL")).first():
        problems.append("an evidence is retracted")
    if problems:
        raise RuntimeError("cannot downgrade below 0005 without losing data: " + "; ".join(problems))

    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_source_kind"), type_="check")
        batch_op.drop_column("kind")
    # "Not after the publication" is worked out again from the source on the way up.
    op.execute("UPDATE statement SET said_on = NULL WHERE said_on_basis = 'not_after'")

    for t in CLAIM_TABLES:
        with op.batch_alter_table(t, schema=None) as batch_op:
            batch_op.add_column(sa.Column("source_id", sa.Integer(), nullable=True))
            batch_op.add_column(sa.Column("span_start", sa.Integer(), nullable=True))
            batch_op.add_column(sa.Column("span_end", sa.Integer(), nullable=True))
            batch_op.add_column(
                sa.Column("method", sa.String(length=16), nullable=False, server_default="curated")
            )
            batch_op.add_column(sa.Column("extractor_version", sa.String(length=32), nullable=True))
            batch_op.add_column(sa.Column("confidence", sa.Float(), nullable=True))
            if t == "statement":
                batch_op.drop_constraint(op.f("ck_statement_said_on_basis"), type_="check")
                batch_op.drop_column("said_on_basis")
            if t == "membership":
                batch_op.drop_constraint(op.f("ck_membership_status"), type_="check")
                batch_op.create_check_constraint(op.f("ck_membership_status"), _in("status", OLD_STATUSES))
        for column in MOVED:
            op.execute(
                f"UPDATE {t} SET {column} = (SELECT e.{column} FROM evidence e WHERE e.{t}_id = {t}.id)"
            )
        with op.batch_alter_table(t, schema=None) as batch_op:
            batch_op.alter_column("source_id", existing_type=sa.Integer(), nullable=False)
            batch_op.alter_column("method", existing_type=sa.String(length=16), server_default=None)
            batch_op.create_foreign_key(
                batch_op.f(f"fk_{t}_source_id_source"), "source", ["source_id"], ["id"], ondelete="RESTRICT"
            )
            batch_op.create_index(batch_op.f(f"ix_{t}_source_id"), ["source_id"], unique=False)
            batch_op.create_check_constraint(
                op.f(f"ck_{t}_span"),
                "(span_start IS NULL AND span_end IS NULL) OR (span_start >= 0 AND span_end > span_start)",
            )
            batch_op.create_check_constraint(
                op.f(f"ck_{t}_method"), "method IN ('curated', 'extracted', 'entered', 'imported')"
            )
            batch_op.create_check_constraint(
                op.f(f"ck_{t}_confidence"), "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)"
            )

    with op.batch_alter_table("evidence", schema=None) as batch_op:
        for column in (*(f"{t}_id" for t in CLAIM_TABLES), "source_id"):
            batch_op.drop_index(batch_op.f(f"ix_evidence_{column}"))
    op.drop_table("evidence")
    _recreate_sqlite_triggers()


def _recreate_sqlite_triggers() -> None:
    """Batch mode recreated ``statement`` on SQLite, dropping the search index's triggers: made again."""
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in _SQLITE_TRIGGERS:
        op.execute(statement)

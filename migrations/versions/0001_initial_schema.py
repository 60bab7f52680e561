"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-29 04:11:42.614547
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=2000), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.CheckConstraint(
            "action IN ('insert', 'update', 'retract', 'merge', 'delete')", name=op.f("ck_change_action")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change")),
    )
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_at"), ["at"], unique=False)
        batch_op.create_index("ix_change_table_row", ["table_name", "row_id"], unique=False)

    op.create_table(
        "entity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("part_of_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=1000), nullable=True),
        sa.Column(
            "recorded_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.CheckConstraint(
            "kind IN ('country', 'alliance', 'organisation', 'body', 'ministry', 'legislature', 'media', 'person')",
            name=op.f("ck_entity_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["part_of_id"], ["entity.id"], name=op.f("fk_entity_part_of_id_entity"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity")),
        sa.UniqueConstraint("key", name=op.f("uq_entity_key")),
    )
    op.create_table(
        "entity_name",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("name_norm", sa.String(length=300), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column(
            "recorded_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entity.id"], name=op.f("fk_entity_name_entity_id_entity"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_name")),
        sa.UniqueConstraint(
            "entity_id", "lang", "name_norm", name=op.f("uq_entity_name_entity_id_lang_name_norm")
        ),
    )
    with op.batch_alter_table("entity_name", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entity_name_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_entity_name_name_norm"), ["name_norm"], unique=False)

    op.create_table(
        "source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("publisher", sa.String(length=300), nullable=True),
        sa.Column("publisher_id", sa.Integer(), nullable=True),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("published_on", sa.String(length=10), nullable=True),
        sa.Column("published_basis", sa.String(length=10), nullable=False),
        sa.Column("published_note", sa.String(length=2000), nullable=True),
        sa.Column("file_name", sa.String(length=300), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("body_chars", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "published_basis IN ('stated', 'inferred', 'unknown')", name=op.f("ck_source_published_basis")
        ),
        sa.CheckConstraint(
            "published_on IS NULL OR length(published_on) IN (4, 7, 10)",
            name=op.f("ck_source_published_on_form"),
        ),
        sa.ForeignKeyConstraint(
            ["publisher_id"], ["entity.id"], name=op.f("fk_source_publisher_id_entity"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
        sa.UniqueConstraint("sha256", name=op.f("uq_source_sha256")),
    )
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("title_ar", sa.String(length=300), nullable=True),
        sa.Column("starts_on", sa.String(length=10), nullable=True),
        sa.Column("ends_on", sa.String(length=10), nullable=True),
        sa.Column("date_text", sa.String(length=300), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.Column("retracted_at", sa.DateTime(), nullable=True),
        sa.Column("retracted_reason", sa.String(length=2000), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column(
            "recorded_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.CheckConstraint(
            "kind IN ('founding', 'incursion', 'intervention', 'war', 'meeting', 'session', 'other')",
            name=op.f("ck_event_kind"),
        ),
        sa.CheckConstraint(
            "method IN ('curated', 'extracted', 'entered', 'imported')", name=op.f("ck_event_method")
        ),
        sa.CheckConstraint(
            "(span_start IS NULL AND span_end IS NULL) OR (span_start >= 0 AND span_end > span_start)",
            name=op.f("ck_event_span"),
        ),
        sa.CheckConstraint(
            "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)", name=op.f("ck_event_confidence")
        ),
        sa.CheckConstraint(
            "ends_on IS NULL OR length(ends_on) IN (4, 7, 10)", name=op.f("ck_event_ends_on_form")
        ),
        sa.CheckConstraint(
            "starts_on IS NULL OR length(starts_on) IN (4, 7, 10)", name=op.f("ck_event_starts_on_form")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_event_source_id_source"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("key", name=op.f("uq_event_key")),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_source_id"), ["source_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_starts_on"), ["starts_on"], unique=False)

    op.create_table(
        "membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("valid_from", sa.String(length=10), nullable=True),
        sa.Column("valid_to", sa.String(length=10), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.Column("retracted_at", sa.DateTime(), nullable=True),
        sa.Column("retracted_reason", sa.String(length=2000), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column(
            "recorded_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.CheckConstraint(
            "method IN ('curated', 'extracted', 'entered', 'imported')", name=op.f("ck_membership_method")
        ),
        sa.CheckConstraint(
            "status IN ('member', 'observer', 'suspended', 'former')", name=op.f("ck_membership_status")
        ),
        sa.CheckConstraint(
            "(span_start IS NULL AND span_end IS NULL) OR (span_start >= 0 AND span_end > span_start)",
            name=op.f("ck_membership_span"),
        ),
        sa.CheckConstraint(
            "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)",
            name=op.f("ck_membership_confidence"),
        ),
        sa.CheckConstraint(
            "valid_from IS NULL OR length(valid_from) IN (4, 7, 10)",
            name=op.f("ck_membership_valid_from_form"),
        ),
        sa.CheckConstraint(
            "valid_to IS NULL OR length(valid_to) IN (4, 7, 10)", name=op.f("ck_membership_valid_to_form")
        ),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["entity.id"], name=op.f("fk_membership_alliance_id_entity"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["entity.id"], name=op.f("fk_membership_member_id_entity"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_membership_source_id_source"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
    )
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.create_index("ix_membership_alliance_member", ["alliance_id", "member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_membership_source_id"), ["source_id"], unique=False)

    op.create_table(
        "role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("title_ar", sa.String(length=300), nullable=True),
        sa.Column("valid_from", sa.String(length=10), nullable=True),
        sa.Column("valid_to", sa.String(length=10), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.Column("retracted_at", sa.DateTime(), nullable=True),
        sa.Column("retracted_reason", sa.String(length=2000), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column(
            "recorded_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.CheckConstraint(
            "method IN ('curated', 'extracted', 'entered', 'imported')", name=op.f("ck_role_method")
        ),
        sa.CheckConstraint(
            "(span_start IS NULL AND span_end IS NULL) OR (span_start >= 0 AND span_end > span_start)",
            name=op.f("ck_role_span"),
        ),
        sa.CheckConstraint(
            "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)", name=op.f("ck_role_confidence")
        ),
        sa.CheckConstraint(
            "valid_from IS NULL OR length(valid_from) IN (4, 7, 10)", name=op.f("ck_role_valid_from_form")
        ),
        sa.CheckConstraint(
            "valid_to IS NULL OR length(valid_to) IN (4, 7, 10)", name=op.f("ck_role_valid_to_form")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["entity.id"],
            name=op.f("fk_role_organisation_id_entity"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["entity.id"], name=op.f("fk_role_person_id_entity"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_role_source_id_source"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role")),
        sa.UniqueConstraint("key", name=op.f("uq_role_key")),
    )
    with op.batch_alter_table("role", schema=None) as batch_op:
        batch_op.create_index("ix_role_person_id", ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_role_source_id"), ["source_id"], unique=False)

    op.create_table(
        "event_participant",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.CheckConstraint(
            "role IN ('subject', 'actor', 'target', 'location')", name=op.f("ck_event_participant_role")
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_event_participant_entity_id_entity"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_event_participant_event_id_event"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("event_id", "entity_id", "role", name=op.f("pk_event_participant")),
    )
    with op.batch_alter_table("event_participant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_participant_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "statement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=True),
        sa.Column("speaker_mention", sa.String(length=300), nullable=False),
        sa.Column("role_text", sa.String(length=500), nullable=False),
        sa.Column("said_on", sa.String(length=10), nullable=True),
        sa.Column("date_text", sa.String(length=300), nullable=False),
        sa.Column("venue", sa.String(length=300), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("quote_norm", sa.Text(), nullable=False),
        sa.Column("quote_key", sa.String(length=32), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("cue", sa.String(length=100), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.Column("retracted_at", sa.DateTime(), nullable=True),
        sa.Column("retracted_reason", sa.String(length=2000), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column(
            "recorded_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.CheckConstraint(
            "method IN ('curated', 'extracted', 'entered', 'imported')", name=op.f("ck_statement_method")
        ),
        sa.CheckConstraint("mode IN ('direct', 'indirect', 'mixed')", name=op.f("ck_statement_mode")),
        sa.CheckConstraint(
            "(span_start IS NULL AND span_end IS NULL) OR (span_start >= 0 AND span_end > span_start)",
            name=op.f("ck_statement_span"),
        ),
        sa.CheckConstraint(
            "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)",
            name=op.f("ck_statement_confidence"),
        ),
        sa.CheckConstraint(
            "said_on IS NULL OR length(said_on) IN (4, 7, 10)", name=op.f("ck_statement_said_on_form")
        ),
        sa.ForeignKeyConstraint(
            ["role_id"], ["role.id"], name=op.f("fk_statement_role_id_role"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_statement_source_id_source"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["entity.id"], name=op.f("fk_statement_speaker_id_entity"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement")),
        sa.UniqueConstraint("uid", name=op.f("uq_statement_uid")),
    )
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.create_index("ix_statement_said_on", ["said_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_statement_source_id"), ["source_id"], unique=False)
        batch_op.create_index("ix_statement_speaker_said_on", ["speaker_id", "said_on"], unique=False)
        batch_op.create_index(
            "uq_statement_live_identity",
            ["speaker_id", "quote_key", "said_on"],
            unique=True,
            sqlite_where=sa.text("retracted_at IS NULL"),
            postgresql_where=sa.text("retracted_at IS NULL"),
        )

    op.create_table(
        "force_level",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=300), nullable=False),
        sa.Column("unit_original", sa.String(length=300), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("readiness", sa.String(length=20), nullable=False),
        sa.Column("as_of", sa.String(length=10), nullable=True),
        sa.Column("statement_id", sa.Integer(), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.Column("retracted_at", sa.DateTime(), nullable=True),
        sa.Column("retracted_reason", sa.String(length=2000), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column(
            "recorded_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.CheckConstraint(
            "method IN ('curated', 'extracted', 'entered', 'imported')", name=op.f("ck_force_level_method")
        ),
        sa.CheckConstraint(
            "readiness IN ('permanent_alert', 'peacekeeping', 'other')", name=op.f("ck_force_level_readiness")
        ),
        sa.CheckConstraint(
            "(span_start IS NULL AND span_end IS NULL) OR (span_start >= 0 AND span_end > span_start)",
            name=op.f("ck_force_level_span"),
        ),
        sa.CheckConstraint(
            "as_of IS NULL OR length(as_of) IN (4, 7, 10)", name=op.f("ck_force_level_as_of_form")
        ),
        sa.CheckConstraint(
            "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)",
            name=op.f("ck_force_level_confidence"),
        ),
        sa.CheckConstraint("count > 0", name=op.f("ck_force_level_count_positive")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["entity.id"],
            name=op.f("fk_force_level_organisation_id_entity"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_force_level_source_id_source"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statement.id"],
            name=op.f("fk_force_level_statement_id_statement"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_force_level")),
    )
    with op.batch_alter_table("force_level", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_force_level_organisation_id"), ["organisation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_force_level_source_id"), ["source_id"], unique=False)

    op.create_table(
        "organisation_fact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=True),
        sa.Column("statement_id", sa.Integer(), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.Column("retracted_at", sa.DateTime(), nullable=True),
        sa.Column("retracted_reason", sa.String(length=2000), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column(
            "recorded_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.CheckConstraint(
            "kind IN ('obligation', 'characterisation', 'practice')", name=op.f("ck_organisation_fact_kind")
        ),
        sa.CheckConstraint(
            "method IN ('curated', 'extracted', 'entered', 'imported')",
            name=op.f("ck_organisation_fact_method"),
        ),
        sa.CheckConstraint(
            "(span_start IS NULL AND span_end IS NULL) OR (span_start >= 0 AND span_end > span_start)",
            name=op.f("ck_organisation_fact_span"),
        ),
        sa.CheckConstraint(
            "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)",
            name=op.f("ck_organisation_fact_confidence"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_organisation_fact_source_id_source"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statement.id"],
            name=op.f("fk_organisation_fact_statement_id_statement"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["entity.id"],
            name=op.f("fk_organisation_fact_subject_id_entity"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation_fact")),
    )
    with op.batch_alter_table("organisation_fact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_fact_source_id"), ["source_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_organisation_fact_subject_id"), ["subject_id"], unique=False)

    op.create_table(
        "statement_about",
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_statement_about_entity_id_entity"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statement.id"],
            name=op.f("fk_statement_about_statement_id_statement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("statement_id", "entity_id", name=op.f("pk_statement_about")),
    )
    with op.batch_alter_table("statement_about", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statement_about_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "translation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("translator", sa.String(length=200), nullable=False),
        sa.Column(
            "recorded_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statement.id"],
            name=op.f("fk_translation_statement_id_statement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_translation")),
        sa.UniqueConstraint(
            "statement_id", "lang", "translator", name=op.f("uq_translation_statement_id_lang_translator")
        ),
    )
    with op.batch_alter_table("translation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_translation_statement_id"), ["statement_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("translation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_translation_statement_id"))

    op.drop_table("translation")
    with op.batch_alter_table("statement_about", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statement_about_entity_id"))

    op.drop_table("statement_about")
    with op.batch_alter_table("organisation_fact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_fact_subject_id"))
        batch_op.drop_index(batch_op.f("ix_organisation_fact_source_id"))

    op.drop_table("organisation_fact")
    with op.batch_alter_table("force_level", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_force_level_source_id"))
        batch_op.drop_index(batch_op.f("ix_force_level_organisation_id"))

    op.drop_table("force_level")
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_statement_live_identity",
            sqlite_where=sa.text("retracted_at IS NULL"),
            postgresql_where=sa.text("retracted_at IS NULL"),
        )
        batch_op.drop_index("ix_statement_speaker_said_on")
        batch_op.drop_index(batch_op.f("ix_statement_source_id"))
        batch_op.drop_index("ix_statement_said_on")

    op.drop_table("statement")
    with op.batch_alter_table("event_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_participant_entity_id"))

    op.drop_table("event_participant")
    with op.batch_alter_table("role", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_role_source_id"))
        batch_op.drop_index("ix_role_person_id")

    op.drop_table("role")
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_membership_source_id"))
        batch_op.drop_index("ix_membership_alliance_member")

    op.drop_table("membership")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_starts_on"))
        batch_op.drop_index(batch_op.f("ix_event_source_id"))

    op.drop_table("event")
    op.drop_table("source")
    with op.batch_alter_table("entity_name", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entity_name_name_norm"))
        batch_op.drop_index(batch_op.f("ix_entity_name_entity_id"))

    op.drop_table("entity_name")
    op.drop_table("entity")
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.drop_index("ix_change_table_row")
        batch_op.drop_index(batch_op.f("ix_change_at"))

    op.drop_table("change")

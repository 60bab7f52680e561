"""Codes stored facts take, in a module of their own so that a renderer can list them without the model
(and SQLAlchemy): the model's CHECK constraints are written from the same tuples."""

from __future__ import annotations

MEMBERSHIP_STATUSES = (
    "member",
    "applicant",
    "observer",
    "partner",
    "suspended",
    "frozen",
    "withdrawn",
    "former",
)
"""A membership episode's status. ``member``: full member; ``applicant``: has applied; ``observer`` and
``partner``: attached without full membership; ``suspended``: rights suspended by the alliance; ``frozen``:
participation frozen by the member itself; ``withdrawn``: has announced or completed its exit; ``former``:
no longer a member, however it ended."""

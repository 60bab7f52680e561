"""Facts about the database that start-up needs without importing SQLAlchemy or Alembic."""

# The newest migration. Start-up compares the database's revision with this constant and loads Alembic
# (half a second) only when an upgrade is due; a test keeps it equal to the migrations' head.
HEAD_REVISION = "0010"

# How long a writer waits for another to finish before giving up (`--wait`), by default and at most (a day:
# SQLite takes its busy timeout as a 32-bit count of milliseconds).
DEFAULT_WAIT_S = 30
MAX_WAIT_S = 86_400
SQLITE_BUSY_TIMEOUT_MS = DEFAULT_WAIT_S * 1000

# What an entity can be: the model's CHECK constraint, and what the read path checks `entity list --kind` by.
ENTITY_KINDS = ("country", "alliance", "organisation", "body", "ministry", "legislature", "media", "person")
# What each table of facts other than statements holds, in the words its errors use ("force_level: no force
# figure has id 9"): the services' and the read path's, which reads it without SQLAlchemy.
CLAIM_NAMES = {
    "membership": "membership",
    "role": "role",
    "force_level": "force figure",
    "event": "event",
    "organisation_fact": "organisation fact",
}
# What a candidate can propose, and where its review stands: the model's CHECK constraints, and what
# `review list` checks its filters by.
CANDIDATE_KINDS = ("statement", "force_level", "founding", "membership", "event")
CANDIDATE_STATUSES = ("pending", "accepted", "rejected")

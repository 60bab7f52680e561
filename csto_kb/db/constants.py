"""Facts about the database that start-up needs without importing SQLAlchemy or Alembic."""

# The newest migration. Start-up compares the database's revision with this constant and loads Alembic
# (half a second) only when an upgrade is due; a test keeps it equal to the migrations' head.
HEAD_REVISION = "0008"

# How long a SQLite writer waits for another to finish before giving up.
SQLITE_BUSY_TIMEOUT_MS = 30_000

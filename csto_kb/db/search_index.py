"""The substring index over ``statement.quote_norm``: its DDL, and the names of the objects it adds.

``who-said --contains`` asks for rows whose normalised quote contains a needle (``quote_norm LIKE
'%needle%'``). Word-based full-text search cannot answer that: a needle may start or end inside a word, and
Arabic clitics (و, ال, ب …) are written joined to the word they belong to. Both engines therefore index the
text's trigrams (every run of three characters):

- SQLite: an FTS5 table with the ``trigram`` tokenizer, holding no copy of the text (external content,
  ``content='statement'``) and kept in step by triggers. A text contains a needle of three or more
  characters exactly when it holds the needle's trigrams one after the other, which is what the FTS5 phrase
  query of the needle asks, so ``statement_fts MATCH '"needle"'`` returns the same rows as the LIKE.
  Needles of one or two characters have no trigram and need the LIKE's scan. The tokenizer folds case,
  which changes nothing here: ``quote_norm`` is case-folded already.
- PostgreSQL: a GIN index with ``pg_trgm``'s ``gin_trgm_ops``, which the planner uses for the LIKE itself.

The module holds plain strings and names, no SQLAlchemy: the migrations, the migration environment and
the backup code all share it, and a later migration that recreates ``statement`` reruns the same DDL.
"""

from __future__ import annotations

SQLITE_QUOTE_SEARCH_TABLE = "statement_fts"

# The triggers follow the external-content pattern of the FTS5 documentation: the index keeps no text of
# its own, so a row leaves it through the 'delete' command given the old values exactly as indexed.
# UPDATE OF covers id as well: a row whose rowid changed would otherwise stay indexed under the old one.
SQLITE_INSERT_TRIGGER = (
    "CREATE TRIGGER statement_fts_ai AFTER INSERT ON statement BEGIN "
    "INSERT INTO statement_fts(rowid, quote_norm) VALUES (new.id, new.quote_norm); "
    "END"
)
SQLITE_INSERT_TRIGGER_DROP = "DROP TRIGGER statement_fts_ai"
SQLITE_INDEX_ROWS_AFTER = (
    "INSERT INTO statement_fts(rowid, quote_norm) SELECT id, quote_norm FROM statement WHERE id > ?"
)
"""Indexes the rows whose id is above the parameter, in one statement: a bulk import drops the insert trigger
for its transaction and indexes its rows this way at the end, which took a seventh of the time the
trigger's row-by-row indexing did (100k statements: 3 s instead of 21 s)."""

SQLITE_QUOTE_SEARCH_DDL: tuple[str, ...] = (
    "CREATE VIRTUAL TABLE statement_fts USING fts5("
    "quote_norm, content='statement', content_rowid='id', tokenize='trigram')",
    SQLITE_INSERT_TRIGGER,
    "CREATE TRIGGER statement_fts_ad AFTER DELETE ON statement BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, quote_norm) VALUES ('delete', old.id, old.quote_norm); "
    "END",
    "CREATE TRIGGER statement_fts_au AFTER UPDATE OF id, quote_norm ON statement BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, quote_norm) VALUES ('delete', old.id, old.quote_norm); "
    "INSERT INTO statement_fts(rowid, quote_norm) VALUES (new.id, new.quote_norm); "
    "END",
)
"""Creates the SQLite index and its triggers; rerun after anything that recreates ``statement`` (batch mode
drops a table's triggers), followed by ``SQLITE_QUOTE_SEARCH_REBUILD``."""

SQLITE_QUOTE_SEARCH_REBUILD = "INSERT INTO statement_fts(statement_fts) VALUES ('rebuild')"
"""Indexes every row of ``statement`` afresh (the triggers only see changes made after they exist)."""

SQLITE_QUOTE_SEARCH_DROP: tuple[str, ...] = (
    "DROP TRIGGER IF EXISTS statement_fts_au",
    "DROP TRIGGER IF EXISTS statement_fts_ad",
    "DROP TRIGGER IF EXISTS statement_fts_ai",
    "DROP TABLE IF EXISTS statement_fts",
)
"""Removes the SQLite index and its triggers (dropping the FTS5 table drops its shadow tables too)."""

PG_QUOTE_TRGM_INDEX = "ix_statement_quote_norm_trgm"


def is_search_index_table(name: str) -> bool:
    """True for the FTS5 table and the shadow tables FTS5 keeps beside it (``statement_fts_data`` …).

    They are not part of the model: schema comparisons, backups and emptiness checks leave them out.
    """
    return name == SQLITE_QUOTE_SEARCH_TABLE or name.startswith(SQLITE_QUOTE_SEARCH_TABLE + "_")

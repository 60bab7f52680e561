"""What the browsing views read beside the records (`csto_kb.sql.records`): the texts of sources, the spans of a
source that support claims, a person's roles, the review queue and its candidates (`review list`, `review
show`), and the newest change.

Standard library only, as `csto_kb.sql.run`; the web's services (`csto_kb.services.browse`) run these with the
connection under their session. Each row comes back in the JSON form of its output schema (``SupportedSpan``,
``RoleOut``, ``CandidateOut``), which the services validate into the views they return.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from csto_kb.errors import NotFound
from csto_kb.sql.compiled import SQL
from csto_kb.sql.run import Lookups, Row, _lookup, _moment, fetch_all, json_value


def source_texts(connection: Any, dialect: str, ids: Iterable[int]) -> dict[int, tuple[str, str | None]]:
    """Each source's language and stored text (None when it stores none), by id."""
    return {int(i): (lang, body) for i, lang, body in _lookup(connection, dialect, "source_texts", set(ids))}


def source_spans(connection: Any, dialect: str, source_id: int) -> list[Row]:
    """Every live span of a source's text that supports a claim, in the order of the text (SupportedSpan's
    JSON form): which claim, labelled, and for a fact the key of the entity it is about."""
    return [
        {
            "evidence_id": evidence_id,
            "claim_table": table,
            "claim_id": int(claim_id),
            "span_start": span_start,
            "span_end": span_end,
            "label": f"{table.replace('_', ' ')} #{claim_id}",
            "entity_key": entity_key,
        }
        for evidence_id, table, claim_id, span_start, span_end, entity_key in fetch_all(
            connection, SQL[dialect]["source_spans"], {"id": source_id}
        )
    ]


def person_roles(connection: Any, dialect: str, person_id: int, lookups: Lookups | None = None) -> list[Row]:
    """A person's live roles, undated last (RoleOut's JSON form, from `Lookups.role`)."""
    lookups = Lookups() if lookups is None else lookups
    ids = [int(r[0]) for r in fetch_all(connection, SQL[dialect]["roles_of_person"], {"id": person_id})]
    lookups.load(connection, dialect, roles=ids)
    return [lookups.role(i) for i in ids]


def _candidate(values: Sequence[Any]) -> Row:
    """A row of CANDIDATE_COLUMNS (csto_kb.sql.definitions) as CandidateOut's JSON form."""
    (
        candidate_id,
        source_id,
        kind,
        status,
        position,
        payload,
        extractor_version,
        confidence,
        recorded_at,
        decided_at,
        decided_by,
        reason,
        statement_id,
        force_level_id,
    ) = values
    return {
        "id": candidate_id,
        "source_id": source_id,
        "kind": kind,
        "status": status,
        "position": position,
        "payload": json_value(payload),
        "extractor_version": extractor_version,
        "confidence": confidence,
        "recorded_at": _moment(recorded_at),
        "decided_at": _moment(decided_at),
        "decided_by": decided_by,
        "reason": reason,
        "statement_id": statement_id,
        "force_level_id": force_level_id,
    }


def pending_candidates(
    connection: Any, dialect: str, *, limit: int, source: int | None = None
) -> tuple[int, list[Row]]:
    """How many candidates are pending (of one source, or of all), and the ``limit`` least confident."""
    sql = SQL[dialect]
    suffix, params = ("", {}) if source is None else ("_of_source", {"source_id": source})
    [(total,)] = fetch_all(connection, sql[f"pending_count{suffix}"], params)
    chosen = fetch_all(connection, sql[f"pending_candidates{suffix}"], {**params, "limit": limit})
    return int(total), [_candidate(values) for values in chosen]


def candidate(connection: Any, dialect: str, candidate_id: int) -> Row:
    """One candidate (CandidateOut's JSON form); NotFound if none has this id."""
    found = fetch_all(connection, SQL[dialect]["candidate"], {"id": candidate_id})
    if not found:
        raise NotFound(f"candidate: no candidate has id {candidate_id}")
    return _candidate(found[0])


def candidate_list(
    connection: Any,
    dialect: str,
    *,
    source: int | None = None,
    status: str | None = "pending",
    kind: str | None = None,
    doubtful_first: bool = True,
) -> list[Row]:
    """Candidates (CandidateOut's JSON form), the least sure first (a reviewer's time goes where the
    extractor doubts), else in the order of the text."""
    sql = SQL[dialect]
    given = {"source": ("source_id", source), "status": ("status", status), "kind": ("kind", kind)}
    where = [sql[f"candidate_filter_{key}"] for key, (_, value) in given.items() if value is not None]
    params = {name: value for name, value in given.values() if value is not None}
    order = sql["candidate_order_doubtful" if doubtful_first else "candidate_order_text"]
    text = sql["candidate_select"] + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {order}"
    return [_candidate(values) for values in fetch_all(connection, text, params)]


def candidate_in_context(connection: Any, dialect: str, candidate_id: int) -> Row:
    """One candidate with the sentence it comes from, its proposed span marked (`in_context`), when its
    source stores its text; NotFound if none has this id."""
    row = candidate(connection, dialect, candidate_id)
    source_id = int(row["source_id"])
    _, body = source_texts(connection, dialect, [source_id]).get(source_id, ("", None))
    if body is None:
        return row
    _, start, end = place(row["kind"], row["payload"])
    return {**row, "context": in_context(body, start, end)}


def place(kind: str, payload: dict[str, Any]) -> tuple[str, int, int]:
    """Where in the text a candidate sits: what makes two proposals the same proposal."""
    if kind == "statement":
        return kind, int(payload["quote_start"]), int(payload["quote_end"])
    return kind, int(payload["start"]), int(payload["end"])


_SENTENCE_END = ".!?؟\n"


def in_context(body: str, start: int, end: int, reach: int = 300) -> str:
    """The sentence(s) holding ``body[start:end]``, at most ``reach`` characters either side, the span
    between ⟦ and ⟧ (marks that do not occur in news text)."""
    before = body[max(0, start - reach) : start]
    cut = max(before.rfind(c) for c in _SENTENCE_END)
    head = before[cut + 1 :] if cut >= 0 else before
    after = body[end : end + reach]
    stops = [i for i in (after.find(c) for c in _SENTENCE_END) if i >= 0]
    tail = after[: min(stops) + 1] if stops else after
    return f"{head.lstrip()}⟦{body[start:end]}⟧{tail.rstrip()}"


def latest_change(connection: Any, dialect: str) -> int:
    """The id of the newest change-log entry (0 before any)."""
    [(newest,)] = fetch_all(connection, SQL[dialect]["latest_change"])
    return int(newest)

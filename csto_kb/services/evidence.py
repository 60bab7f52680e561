"""Evidence: checking a span against a source's stored text, and attaching a source's support to a claim.

Every path that records where a claim comes from (adding a statement or a fact, review, bulk import, the
seed and curated files) goes through `attach`, so the span rule and the one-evidence-per-source rule have
one owner.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from csto_kb.db import history
from csto_kb.errors import Conflict, Duplicate, InvalidInput, NotFound
from csto_kb.model import Evidence, Source
from csto_kb.model.base import Evidenced, utcnow


def check_span(source: Source, start: int, end: int, text: str, *, field: str) -> None:
    """Refuse a span whose characters in the source's stored text are not exactly ``text``."""
    if source.body is None:
        raise InvalidInput(f"{field}: source {source.id} has no stored text to check the span against")
    if end > len(source.body):
        raise InvalidInput(
            f"{field}: span {start}-{end} ends past the source's {len(source.body)} characters"
        )
    found = source.body[start:end]
    if found != text:
        raise InvalidInput(
            f"{field}: span {start}-{end} of source {source.id} reads {found[:60]!r}, not {text[:60]!r}"
        )


def locate(source: Source, text: str, *, field: str) -> tuple[int, int] | None:
    """The span of ``text`` in the source's stored text, or None when the source stores no text.

    Refuses a text that is not there, or that occurs more than once (then the caller must give the span).
    """
    if source.body is None:
        return None
    start = source.body.find(text)
    if start < 0:
        raise InvalidInput(
            f"{field}: not found in the stored text of source {source.id}; it must be quoted exactly as written"
        )
    if source.body.find(text, start + 1) >= 0:
        raise InvalidInput(
            f"{field}: occurs more than once in source {source.id}; give the span's start and end"
        )
    return start, start + len(text)


def resolve_span(
    source: Source, text: str, start: int | None, end: int | None, *, field: str
) -> tuple[int, int] | None:
    """The span of ``text`` in ``source``: the one given, checked, else found; None for a source without text."""
    if start is not None and end is not None:
        check_span(source, start, end, text, field=field)
        return start, end
    return locate(source, text, field=field)


def get_source(session: Session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"source: no source has id {source_id}; `csto-kb source list` shows them")
    return source


def evidence_from(claim: Evidenced, source: Source) -> Evidence | None:
    """The claim's live evidence from this source, if it has one."""
    return next((e for e in claim.live_evidence if e.source_id == source.id), None)


def attach(
    session: Session,
    claim: Evidenced,
    source: Source,
    span: tuple[int, int] | None,
    *,
    method: str,
    by: str | None,
    extractor_version: str | None = None,
    confidence: float | None = None,
    note: str | None = None,
) -> Evidence:
    """Record that ``source`` (at ``span``) supports ``claim``; a source supports a claim at most once."""
    if span is None and source.body is not None:
        raise InvalidInput(
            f"evidence: source {source.id} stores its text; give the words that support the claim"
        )
    claim_id = getattr(claim, "id", None)
    existing = evidence_from(claim, source) if claim_id is not None else None
    if existing is not None:
        table = getattr(type(claim), "__tablename__", "claim")
        raise Duplicate(
            f"evidence: source {source.id} already supports {table} #{claim_id} (evidence #{existing.id})",
            existing.id,
        )
    evidence = Evidence(
        source=source,
        source_id=source.id,
        span_start=span[0] if span else None,
        span_end=span[1] if span else None,
        method=method,
        extractor_version=extractor_version,
        confidence=confidence,
        note=note,
        recorded_by=by,
    )
    claim.evidence.append(evidence)
    session.flush()
    return evidence


def retract_evidence(session: Session, evidence_id: int, reason: str) -> Evidence:
    """Withdraw one source's support for a claim; the claim keeps at least one live evidence."""
    if not reason.strip():
        raise InvalidInput("reason: say why the evidence is retracted")
    evidence = session.get(Evidence, evidence_id)
    if evidence is None:
        raise NotFound(f"evidence: no evidence has id {evidence_id}")
    if evidence.retracted_at is not None:
        raise Conflict(f"evidence: #{evidence_id} is already retracted")
    others = select(Evidence.id).where(
        getattr(Evidence, f"{evidence.claim_table}_id") == evidence.claim_id,
        Evidence.retracted_at.is_(None),
        Evidence.id != evidence.id,
    )
    if session.scalars(others).first() is None:
        raise Conflict(
            f"evidence: #{evidence_id} is the last source of {evidence.claim_table} #{evidence.claim_id}; "
            "retract the claim itself instead"
        )
    history.give_reason(session, reason)
    evidence.retracted_at = utcnow()
    evidence.retracted_reason = reason
    session.flush()
    return evidence

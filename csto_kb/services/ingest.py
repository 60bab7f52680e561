"""Ingesting many articles at once: a folder, a pattern, a feed.

Each article is its own unit of work, so a bad file is reported and leaves nothing behind while the others are
stored; what was stored before an interruption stays stored, and running the batch again skips it (the same
text is stored once). An error of the database itself stops the batch: every article after it would fail the
same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from csto_kb.articles import Article
from csto_kb.db.unit_of_work import UnitOfWork, driver_connection
from csto_kb.errors import DatabaseError, KBError
from csto_kb.schemas.review import ArticleOutcome, BatchReport
from csto_kb.schemas.sources import SourceIn
from csto_kb.schemas.validation import parse
from csto_kb.services.review import ingest_article, knowledge_base_gazetteer


def ingest_articles(
    uow: UnitOfWork, articles: Iterable[Article], *, progress: Callable[[int], None] | None = None
) -> BatchReport:
    """Store every article and its candidates as pending review; ``progress`` is told how many are done."""
    with UnitOfWork(uow.engine, read_only=True) as reader:
        gazetteer = knowledge_base_gazetteer(*driver_connection(reader.session))
    outcomes: list[ArticleOutcome] = []
    candidates: Counter[str] = Counter()
    version: str | None = None
    for article in articles:
        try:
            source = parse(SourceIn, article.read())
            report = ingest_article(uow, source, gazetteer=gazetteer)
        except DatabaseError:
            raise
        except KBError as error:
            outcomes.append(ArticleOutcome(name=article.name, error=str(error)))
        else:
            outcomes.append(
                ArticleOutcome(
                    name=article.name,
                    source_id=report.source_id,
                    already_stored=report.already_stored,
                    candidates={} if report.already_stored else report.candidates,
                )
            )
            if not report.already_stored:
                candidates.update(report.candidates)
                version = report.extractor_version
        if progress is not None:
            progress(len(outcomes))
    return BatchReport(
        articles=len(outcomes),
        ingested=sum(1 for o in outcomes if o.source_id is not None and not o.already_stored),
        already_stored=sum(1 for o in outcomes if o.already_stored),
        failed=sum(1 for o in outcomes if o.error is not None),
        candidates=dict(sorted(candidates.items())),
        extractor_version=version,
        outcomes=outcomes,
    )

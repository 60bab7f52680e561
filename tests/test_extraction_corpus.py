"""The extractor on the curated seed and the annotated dev corpus: exact offsets, and the quality targets."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from csto_kb.extraction import EXTRACTOR_VERSION, extract
from csto_kb.extraction.evaluate import (
    GoldItem,
    names_agree,
    normalise,
    render,
    score_article,
    score_directory,
    score_seed,
    token_f1,
)
from csto_kb.extraction.gazetteer import Gazetteer
from csto_kb.frontmatter import split_front_matter
from csto_kb.schemas.extraction import Extraction, StatementCandidate
from tests.corpus import DEV, dev_articles, require

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_TXT = SEEDS / "000_a04cb8df2fb7d647.txt"
SEED_YAML = SEEDS / "000_a04cb8df2fb7d647.yaml"
ENTITIES = SEEDS / "entities.yaml"
DEV_FILES = dev_articles()


def assert_offsets_exact(body: str, extraction: Extraction) -> None:
    for s in extraction.statements:
        assert body[s.quote_start : s.quote_end] == s.quote
        assert s.quote.strip() == s.quote
        assert s.quote
    for candidate in [
        *extraction.force_levels,
        *extraction.foundings,
        *extraction.memberships,
        *extraction.events,
    ]:
        assert body[candidate.start : candidate.end] == candidate.text


def test_seed_offsets_are_exact_and_version_is_recorded() -> None:
    body = SEED_TXT.read_text(encoding="utf-8")
    extraction = extract(body, lang="ar", published=dt.date(2022, 4, 15))
    assert extraction.extractor_version == EXTRACTOR_VERSION
    assert extraction.published == "2022-04-15"
    assert_offsets_exact(body, extraction)


@pytest.mark.parametrize("path", DEV_FILES, ids=[p.stem for p in DEV_FILES])
def test_dev_offsets_are_exact(path: Path) -> None:
    require(DEV)
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    extraction = extract(
        body, lang=str(meta["lang"]), published=dt.date.fromisoformat(str(meta["published"]))
    )
    assert_offsets_exact(body, extraction)


def test_seed_gives_all_twelve_statements_with_their_speakers() -> None:
    gazetteer = Gazetteer.from_entities_yaml(ENTITIES)
    body = SEED_TXT.read_text(encoding="utf-8")
    statements = extract(body, lang="ar", published=dt.date(2022, 4, 15), gazetteer=gazetteer).statements
    assert Counter(s.speaker_key for s in statements) == {
        "nikol-pashinyan": 1,
        "kazakhstan-defence-ministry": 2,
        "mitchell-belfer": 4,
        "irina-tsukerman": 3,
        "stanislav-zas": 2,
    }
    by_start = {s.quote_start: s for s in statements}
    zas = by_start[2961]
    assert (zas.said_on, zas.mode) == ("2022-02-19", "mixed")
    assert by_start[656].said_on == "2022-04-13"  # "الأربعاء" before a Friday publication


def test_seed_scores_at_least_095() -> None:
    report = score_seed(SEED_TXT, SEED_YAML, ENTITIES, gazetteer=Gazetteer.from_entities_yaml(ENTITIES))
    assert report.overall.quotes.f1 >= 0.95, render(report)
    assert report.overall.attribution.f1 >= 0.95, render(report)


def test_seed_force_figures_founding_and_members() -> None:
    extraction = extract(SEED_TXT.read_text(encoding="utf-8"), lang="ar", published=dt.date(2022, 4, 15))
    assert [(f.count, f.approximate, f.readiness) for f in extraction.force_levels] == [
        (17000, False, "permanent_alert"),
        (4000, True, "peacekeeping"),
    ]
    assert [f.year for f in extraction.foundings] == [2002]
    assert extraction.memberships[0].stated_count == 6
    assert len(extraction.memberships[0].members) == 6


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_dev_corpus_strict_attribution_f1_meets_the_target(lang: str) -> None:
    require(DEV)
    report = score_directory(DEV)
    assert report.by_lang[lang].strict_attribution.f1 >= 0.90, render(report)


# --- the scorer itself ---------------------------------------------------------------------------------


def _statement(quote: str, speaker: str, mention: str = "") -> StatementCandidate:
    return StatementCandidate(
        speaker=speaker, speaker_mention=mention, speaker_role="", quote=quote, quote_start=0,
        quote_end=max(1, len(quote)), direct=False, mode="indirect", cue="قال", date_text="", confidence=0.5,
    )  # fmt: skip


def test_normalisation_follows_the_readme() -> None:
    assert normalise("أَكَّدَ إنّ المنظمةَ، «مستعدة» للـــرد على ذلك!") == "اكد ان المنظمه مستعده للرد علي ذلك"


def test_token_f1_and_name_agreement() -> None:
    assert token_f1("a b c d", "a b c d") == 1.0
    assert token_f1("a b", "c d") == 0.0
    assert names_agree(["ستانيسلاف زاس"], ["زاس"])  # containment
    assert names_agree(["Defense Ministry of Kazakhstan"], ["Ministry of Defence"])  # a shared word
    assert not names_agree(["he"], ["Pashinian"])


def test_score_article_counts_strict_without_flagged_items() -> None:
    gold = [
        GoldItem("the alliance will meet in June", ("Anna Berg", "Berg")),
        GoldItem("a headline claim about the bloc", ("NATO", "NATO"), flagged=True),
    ]
    predicted = [
        _statement("the alliance will meet in June", "Anna Berg"),
        _statement("a headline claim about the bloc", "NATO"),
        _statement("something else entirely", "Someone"),
    ]
    score = score_article(predicted, gold)
    assert (score.quotes.correct, score.quotes.predicted, score.quotes.gold) == (2, 3, 2)
    assert (score.strict_quotes.correct, score.strict_quotes.predicted, score.strict_quotes.gold) == (1, 2, 1)
    assert score.strict_attribution.precision == 0.5

"""Scoring the extractor against annotated articles, by the rule in the corpus README.

A predicted statement matches a gold one when the token-overlap F1 of their quotes is at least 0.5 after
normalising (NFKC; Arabic diacritics and tatweel removed; alef forms unified; ى→ي; ة→ه; punctuation
dropped), one-to-one, best overlap first. Attribution is correct when a predicted name (speaker or
mention) and a gold name contain one another after the same normalisation, or share a word of three or more
letters. "Strict" leaves out gold items flagged headline, borderline, truncated or noise, and the
predictions matched to them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from csto_kb.extraction import extract
from csto_kb.extraction.gazetteer import Gazetteer
from csto_kb.frontmatter import split_front_matter
from csto_kb.schemas.extraction import StatementCandidate

FLAGS = ("headline", "borderline", "truncated", "noise")
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, superscript alef, tatweel
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_PUNCTUATION = re.compile(r"[^\w\s]")


def normalise(text: str) -> str:
    """The README's normalisation, to the letter (no case folding: the README does not ask for it)."""
    text = unicodedata.normalize("NFKC", text)
    text = _ARABIC_MARKS.sub("", text).translate(_LETTERS)
    return " ".join(_PUNCTUATION.sub("", text).split())


def token_f1(a: str, b: str) -> float:
    ta, tb = normalise(a).split(), normalise(b).split()
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(ta), common / len(tb)
    return 2 * precision * recall / (precision + recall)


def names_agree(predicted: Iterable[str], gold: Iterable[str]) -> bool:
    """True when some predicted and gold name contain one another or share a word of ≥ 3 letters."""
    gold_names = [normalise(g) for g in gold if normalise(g)]
    for p in (normalise(p) for p in predicted):
        if not p:
            continue
        p_words = {w for w in p.split() if len(w) >= 3}
        for g in gold_names:
            if p in g or g in p or p_words & {w for w in g.split() if len(w) >= 3}:
                return True
    return False


@dataclass(frozen=True)
class GoldItem:
    quote: str
    names: tuple[str, ...]
    flagged: bool = False


@dataclass
class Score:
    """True positives over predictions and gold items."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.correct += other.correct
        self.predicted += other.predicted
        self.gold += other.gold


@dataclass
class ArticleScore:
    """Quote detection and attribution, over all gold items and strict (flagged items left out)."""

    name: str
    lang: str
    quotes: Score = field(default_factory=Score)
    attribution: Score = field(default_factory=Score)
    strict_quotes: Score = field(default_factory=Score)
    strict_attribution: Score = field(default_factory=Score)
    misses: list[str] = field(default_factory=list)

    def add(self, other: ArticleScore) -> None:
        self.quotes.add(other.quotes)
        self.attribution.add(other.attribution)
        self.strict_quotes.add(other.strict_quotes)
        self.strict_attribution.add(other.strict_attribution)


@dataclass
class Report:
    articles: list[ArticleScore]
    by_lang: dict[str, ArticleScore]
    overall: ArticleScore


def match(predicted: Sequence[StatementCandidate], gold: Sequence[GoldItem]) -> list[tuple[int, int, float]]:
    """One-to-one pairs (prediction, gold, overlap) with overlap ≥ 0.5, best overlap first."""
    pairs = [(token_f1(p.quote, g.quote), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)]
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for overlap, i, j in pairs:
        if overlap < 0.5:
            break
        if i in taken_p or j in taken_g:
            continue
        taken_p.add(i)
        taken_g.add(j)
        out.append((i, j, overlap))
    return out


def score_article(
    predicted: Sequence[StatementCandidate], gold: Sequence[GoldItem], *, name: str = "", lang: str = ""
) -> ArticleScore:
    result = ArticleScore(name, lang)
    pairs = match(predicted, gold)
    flagged_matches = sum(1 for _, j, _ in pairs if gold[j].flagged)
    n_flagged = sum(1 for g in gold if g.flagged)
    quote_ok = len(pairs)
    attr_ok = 0
    strict_quote_ok = strict_attr_ok = 0
    matched_gold = {j for _, j, _ in pairs}
    for i, j, _ in pairs:
        p = predicted[i]
        agree = names_agree([p.speaker, p.speaker_mention], gold[j].names)
        attr_ok += agree
        if not gold[j].flagged:
            strict_quote_ok += 1
            strict_attr_ok += agree
        if not agree:
            result.misses.append(
                f"wrong speaker {p.speaker!r} for gold {gold[j].names[0]!r}: {p.quote[:50]!r}"
            )
    for j, g in enumerate(gold):
        if j not in matched_gold:
            result.misses.append(f"missed{' (flagged)' if g.flagged else ''}: {g.quote[:60]!r}")
    matched_pred = {i for i, _, _ in pairs}
    for i, p in enumerate(predicted):
        if i not in matched_pred:
            result.misses.append(f"spurious: {p.speaker!r} {p.quote[:60]!r}")
    result.quotes = Score(quote_ok, len(predicted), len(gold))
    result.attribution = Score(attr_ok, len(predicted), len(gold))
    result.strict_quotes = Score(strict_quote_ok, len(predicted) - flagged_matches, len(gold) - n_flagged)
    result.strict_attribution = Score(strict_attr_ok, len(predicted) - flagged_matches, len(gold) - n_flagged)
    return result


def gold_from_json(items: list[dict[str, Any]]) -> list[GoldItem]:
    """Gold items of a corpus ``.gold.json`` file."""
    return [
        GoldItem(
            quote=item["quote"],
            names=(item.get("speaker", ""), item.get("speaker_mention", "")),
            flagged=any(item.get(flag) for flag in FLAGS),
        )
        for item in items
    ]


def _published(meta: dict[str, Any]) -> dt.date | None:
    value = meta.get("published")
    return dt.date.fromisoformat(str(value)) if value else None


def _aggregate(articles: list[ArticleScore]) -> Report:
    by_lang: dict[str, ArticleScore] = {}
    overall = ArticleScore("all", "all")
    for article in articles:
        by_lang.setdefault(article.lang, ArticleScore(article.lang, article.lang)).add(article)
        overall.add(article)
    return Report(articles, by_lang, overall)


def score_directory(directory: Path, *, gazetteer: Gazetteer | None = None) -> Report:
    """Score every ``NN_lang_name.txt`` with its ``NN_lang_name.gold.json`` in a corpus directory."""
    articles: list[ArticleScore] = []
    for text_path in sorted(directory.glob("*.txt")):
        gold_path = text_path.with_name(text_path.stem + ".gold.json")
        if not gold_path.exists():
            continue
        meta, body = split_front_matter(text_path.read_text(encoding="utf-8"))
        lang = str(meta.get("lang") or text_path.stem.split("_")[1])
        extraction = extract(body, lang=lang, published=_published(meta), gazetteer=gazetteer)
        gold = gold_from_json(json.loads(gold_path.read_text(encoding="utf-8")))
        articles.append(score_article(extraction.statements, gold, name=text_path.stem, lang=lang))
    return _aggregate(articles)


def seed_gold(seed_yaml: Path, entities_yaml: Path | None = None) -> list[GoldItem]:
    """Gold items from a curated seed file: the mention, the key's words, and the entity's names if known."""
    data = yaml.safe_load(seed_yaml.read_text(encoding="utf-8"))
    names_by_key: dict[str, list[str]] = {}
    if entities_yaml is not None:
        for entity in yaml.safe_load(entities_yaml.read_text(encoding="utf-8"))["entities"]:
            names_by_key[entity["key"]] = [n["name"] for n in entity["names"]]
    return [
        GoldItem(
            quote=s["quote"],
            names=(
                s.get("speaker_mention") or "",
                s["speaker"].replace("-", " "),
                *names_by_key.get(s["speaker"], []),
            ),
        )
        for s in data["statements"]
    ]


def score_seed(
    seed_txt: Path, seed_yaml: Path, entities_yaml: Path | None = None, *, gazetteer: Gazetteer | None = None
) -> Report:
    """Score the extractor on a curated seed article (its YAML gives language and publication date)."""
    data = yaml.safe_load(seed_yaml.read_text(encoding="utf-8"))
    source = data["source"]
    body = seed_txt.read_text(encoding="utf-8")
    published = dt.date.fromisoformat(str(source["published"])) if source.get("published") else None
    extraction = extract(body, lang=source["lang"], published=published, gazetteer=gazetteer)
    article = score_article(
        extraction.statements, seed_gold(seed_yaml, entities_yaml), name=seed_txt.stem, lang=source["lang"]
    )
    return _aggregate([article])


def render(report: Report) -> str:
    """A plain-text table: one row per article, per language and overall."""
    header = f"{'article':44} {'lang':4} {'quote P/R/F1':>17} {'attr P/R/F1':>17} {'strict quote':>17} {'strict attr':>17}"
    lines = [header, "-" * len(header)]

    def row(a: ArticleScore) -> str:
        cells = [
            f"{s.precision:.2f}/{s.recall:.2f}/{s.f1:.2f}"
            for s in (a.quotes, a.attribution, a.strict_quotes, a.strict_attribution)
        ]
        return f"{a.name[:44]:44} {a.lang:4} " + " ".join(f"{c:>17}" for c in cells)

    lines.extend(row(a) for a in report.articles)
    lines.append("-" * len(header))
    lines.extend(row(a) for a in report.by_lang.values())
    lines.append(row(report.overall))
    return "\n".join(lines)

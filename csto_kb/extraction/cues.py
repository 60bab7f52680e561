"""Speech cues: the verbs and markers that attribute content to a speaker, in Arabic and English.

Each Arabic form carries the gender its ending marks (قالت is feminine), because a cue with a dropped
subject ("وأضافت:") is attributed to the last speaker of that gender.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from csto_kb.extraction.quotes import QuoteIndex
from csto_kb.extraction.script import AFTER_WORD, BEFORE_WORD, alternation, fold_arabic

Gender = Literal["m", "f", "p", "?"]
CueKind = Literal["verb", "participle", "nominal", "venue", "object"]


@dataclass(frozen=True)
class CueForm:
    lemma: str
    gender: Gender
    kind: CueKind


def _family(lemma: str, m: list[str], f: list[str], kind: CueKind = "verb") -> dict[str, CueForm]:
    forms = {w: CueForm(lemma, "m", kind) for w in m}
    forms.update({w: CueForm(lemma, "f", kind) for w in f})
    return forms


def _participles(lemma: str, m: str, f: str) -> dict[str, CueForm]:
    return {m: CueForm(lemma, "m", "participle"), f: CueForm(lemma, "f", "participle")}


# Past tense (masculine, feminine, plural) is the reporting tense of news; the imperfect is listed only for
# verbs whose imperfect is not mostly passive-like ("تعتبر المنظمة …" means "the organisation is considered").
ARABIC_CUES: dict[str, CueForm] = {
    **_family("قال", ["قال", "قاله", "يقول"], ["قالت", "قالته", "تقول"]),
    **_family("أكد", ["أكد", "يؤكد"], ["أكدت", "تؤكد"]),
    **_family("أضاف", ["أضاف", "يضيف"], ["أضافت", "تضيف"]),
    **_family("تابع", ["تابع"], ["تابعت"]),
    **_family("أشار", ["أشار", "يشير"], ["أشارت", "تشير"]),
    **_family("أوضح", ["أوضح", "يوضح"], ["أوضحت", "توضح"]),
    **_family("صرح", ["صرح", "صرّح"], ["صرحت"]),
    **_family("أعلن", ["أعلن"], ["أعلنت"]),
    **_family("نفى", ["نفى"], ["نفت"]),
    **_family("اعتبر", ["اعتبر"], ["اعتبرت"]),
    **_family("لفت", ["لفت"], ["لفتت"]),
    **_family("شدد", ["شدد"], ["شددت"]),
    **_family("حذر", ["حذر"], ["حذرت"]),
    **_family("ذكر", ["ذكر"], ["ذكرت"]),
    **_family("أفاد", ["أفاد"], ["أفادت"]),
    **_family("وصف", ["وصف"], ["وصفت"]),
    **_family("رأى", ["رأى", "يرى"], ["رأت", "ترى"]),
    **_family("أعرب", ["أعرب"], ["أعربت"]),
    **_family("اعترف", ["اعترف"], ["اعترفت"]),
    **_family("كشف", ["كشف"], ["كشفت"]),
    **_family("زعم", ["زعم"], ["زعمت"]),
    **_family("علق", ["علق"], ["علقت"]),
    **_family("كتب", ["كتب"], ["كتبت"]),
    **_family("نقل", ["نقل"], ["نقلت"]),  # "نقلت الوكالة عن الوزير قوله إن …"
    **_family("أردف", ["أردف"], ["أردفت"]),
    **_family("استطرد", ["استطرد"], ["استطردت"]),
    **_family("دعا", ["دعا"], ["دعت"], kind="object"),
    **{
        w: CueForm(w, "p", "verb")
        for w in ["قالوا", "أكدوا", "أضافوا", "أشاروا", "أوضحوا", "ذكروا", "أعلنوا"]
    },
    **_participles("قال", "قائلا", "قائلة"),
    **_participles("أكد", "مؤكدا", "مؤكدة"),
    **_participles("أضاف", "مضيفا", "مضيفة"),
    **_participles("أشار", "مشيرا", "مشيرة"),
    **_participles("أوضح", "موضحا", "موضحة"),
    **_participles("لفت", "لافتا", "لافتة"),
    **_participles("شدد", "مشددا", "مشددة"),
    **_participles("حذر", "محذرا", "محذرة"),
    **_participles("اعتبر", "معتبرا", "معتبرة"),
    **_participles("نفى", "نافيا", "نافية"),
    **_participles("أعلن", "معلنا", "معلنة"),
    **_participles("تابع", "متابعا", "متابعة"),
    **_participles("وصف", "واصفا", "واصفة"),
    **_participles("قال", "مستدركا", "مستدركة"),
    **_participles("ذكر", "مذكرا", "مذكرة"),
    **{
        w: CueForm(w, "?", "nominal")
        for w in ["وفق", "وفقا", "طبقا", "بحسب", "حسب", "حسبما", "نقلا عن", "على لسان"]
    },
    **{w: CueForm(w, "?", "venue") for w in ["في تصريحات", "في تصريح", "في حديث", "في مقابلة"]},
}

_FOLDED_AR = {fold_arabic(k): v for k, v in ARABIC_CUES.items()}

ENGLISH_CUES: dict[str, CueForm] = {
    **{w: CueForm("say", "?", "verb") for w in ["said", "says", "say", "told", "tells", "added", "adds"]},
    **{
        w: CueForm(w, "?", "verb")
        for w in [
            "stated",
            "warned",
            "stressed",
            "noted",
            "explained",
            "declared",
            "announced",
            "insisted",
            "argued",
            "claimed",
            "recalled",
            "informed",
            "indicated",
            "emphasized",
            "emphasised",
            "underlined",
            "underscored",
            "pointed out",
            "confirmed",
            "denied",
            "asserted",
            "maintained",
            "reiterated",
            "wrote",
            "suggested",
            "urged",
            "contended",
            "observed",
            "remarked",
            "commented",
            "complained",
            "admitted",
            "conceded",
            "acknowledged",
            "believes",
            "reported",
            "cautioned",
            "clarified",
            "dismissed",
        ]
    },
    "quoted": CueForm("quote", "?", "verb"),  # "Reuters quoted Peskov as saying"
    # a participle after the main clause attributes to its subject: "…, saying that …"
    **{
        w: CueForm(w, "?", "participle")
        for w in [
            "saying",
            "noting",
            "adding",
            "stressing",
            "warning",
            "insisting",
            "arguing",
            "explaining",
            "emphasizing",
            "emphasising",
            "stating",
            "claiming",
            "asserting",
        ]
    },
    **{w: CueForm(w, "?", "object") for w in ["criticized", "criticised", "accused", "blamed"]},
    **{w: CueForm(w, "?", "nominal") for w in ["according to", "as reported by", "cited by", "quoted by"]},
}

_ARABIC_CUE_RE = re.compile(
    rf"{BEFORE_WORD}(?P<prefix>[وف]?)(?P<cue>{alternation(ARABIC_CUES, arabic=True)})(?:ـ)?{AFTER_WORD}"
)
_ENGLISH_CUE_RE = re.compile(
    rf"\b(?P<prefix>)(?P<cue>{alternation(ENGLISH_CUES, arabic=False)})\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Cue:
    """A cue occurrence: [start, end) covers the cue word without its attached و/ف."""

    text: str
    start: int
    end: int
    prefixed: bool
    form: CueForm


def find_cues(body: str, *, lang: str, quotes: QuoteIndex) -> list[Cue]:
    """Cues outside quotation marks (a speaker's own "he said" inside a quote is content, not attribution)."""
    pattern = _ARABIC_CUE_RE if lang == "ar" else _ENGLISH_CUE_RE
    cues: list[Cue] = []
    for match in pattern.finditer(body):
        if quotes.containing(match.start()) is not None:
            continue
        text = match.group("cue")
        if lang == "ar":
            form = _FOLDED_AR.get(fold_arabic(re.sub(r"\s+", " ", text)))
            if form is None:
                continue
        else:
            form = ENGLISH_CUES[re.sub(r"\s+", " ", text.lower())]
        cues.append(Cue(text, match.start("cue"), match.end("cue"), bool(match.group("prefix")), form))
    return cues

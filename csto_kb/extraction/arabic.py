"""Arabic rules: what opens reported content, what ends it, and how a speaker phrase splits into role and name.

News Arabic reports speech verb-first: "قال [role]، [name]، [adverbials]، إن …". The subject phrase is
read segment by segment (segments are separated by commas): a role ("رئيس الوزراء الأرميني"), a name
("نيكول باشينيان"), an apposition ("وهو مدير …"); adverbials ("في جلسة …", "لرويترز") end it.
"""

from __future__ import annotations

import functools
import re

from csto_kb.extraction.cues import Cue
from csto_kb.extraction.gazetteer import Gazetteer
from csto_kb.extraction.script import (
    AFTER_WORD,
    BEFORE_WORD,
    MARKS,
    alternation,
    arabic_word,
    fold_arabic,
    words_with_offsets,
)
from csto_kb.extraction.speakers import Mention

# Reported content starts after a complementiser (أن/إن/بأن, with a governing preposition and attached
# pronouns: "إلى أن", "على أن", "بأنها", "فإنه"), a colon, or an opening quotation mark.
_COMPLEMENTISER = (
    rf"(?:(?:{alternation(['إلى', 'على', 'من', 'عن'], arabic=True)})\s+)?"
    rf"(?:[فبل]?{arabic_word('أن')}|[ف]?{arabic_word('إن')})"
    rf"(?:{alternation(['ه', 'ها', 'هم', 'هما', 'نا', 'ني'], arabic=True)})?"
)
OPENER = re.compile(rf"{BEFORE_WORD}(?P<comp>{_COMPLEMENTISER}){AFTER_WORD}|(?P<colon>:)|(?P<quote>[“«\"])")
# أن after these words is not a complementiser of speech ("بعد أن", "يمكن أن").
_NOT_SPEECH_BEFORE = {
    fold_arabic(w) for w in ["بعد", "قبل", "منذ", "دون", "بدون", "يمكن", "يجب", "لابد", "بد", "ما", "كما"]
}
# A preposition alone before the content of an "object" cue: "حذر من …", "دعا … إلى …".
OBJECT_PREPOSITION = re.compile(
    rf"{BEFORE_WORD}(?:{alternation(['من', 'إلى', 'على'], arabic=True)}){AFTER_WORD}"
)
# Connectives after a comma that start a new clause of the narrative, ending reported content.
CLAUSE_BREAK = re.compile(
    rf"[،,]\s*(?:{alternation(['كما', 'فيما', 'بينما', 'في حين', 'لكن', 'إلا أن', 'حيث', 'وذلك', 'في وقت'], arabic=True)}){AFTER_WORD}"
)
# A repeated complementiser coordinates a second reported clause: "إن … ، وإنه …", "أن … وأن …".
COORDINATED = re.compile(
    rf"[،,]?\s*{BEFORE_WORD}و(?:{arabic_word('أن')}|{arabic_word('إن')}|ب{arabic_word('أن')})"
    rf"(?:{alternation(['ه', 'ها', 'هم', 'هما', 'نا', 'ني'], arabic=True)})?{AFTER_WORD}\s*"
)
COMPLEMENTISER_AHEAD = re.compile(rf"{BEFORE_WORD}{_COMPLEMENTISER}{AFTER_WORD}")
# "جاء ذلك في مؤتمر صحفي … السبت": a sentence that only dates and places the statement before it.
CAME_THAT = re.compile(
    rf"\s*[و]?(?:{alternation(['جاء', 'جاءت'], arabic=True)})\s+(?:{alternation(['ذلك', 'هذا', 'هذه', 'تصريحات', 'كلام', 'حديث'], arabic=True)}){AFTER_WORD}"
)
QUOTED_SAYING = re.compile(
    rf"{BEFORE_WORD}{arabic_word('عن')}\s+(?P<who>[^،,:.]{{2,80}}?)\s+"
    rf"(?:{alternation(['قوله', 'قولها', 'قولهم', 'تأكيده', 'تأكيدها', 'تصريحه'], arabic=True)}){AFTER_WORD}"
)
NOMINAL_OPENER = re.compile(
    rf"{BEFORE_WORD}[ف]{arabic_word('إن')}(?:{alternation(['ه', 'ها', 'هم'], arabic=True)})?{AFTER_WORD}|[،,:]"
)
FA_INNA = re.compile(
    rf"\s*[ف]{arabic_word('إن')}(?:{alternation(['ه', 'ها', 'هم'], arabic=True)})?{AFTER_WORD}"
)


def complementiser_is_speech(body: str, match: re.Match[str]) -> bool:
    if not match.group("comp"):
        return True
    before = body[max(0, match.start() - 12) : match.start()].split()
    return not (before and fold_arabic(before[-1]) in _NOT_SPEECH_BEFORE)


def _fold_set(words: list[str]) -> set[str]:
    return {fold_arabic(w) for w in words}


ROLE_HEADS = _fold_set([
    "رئيس", "رئيسة", "الرئيس", "الرئيسة", "وزير", "وزيرة", "الوزير", "الوزيرة", "نائب", "النائب", "مدير", "مديرة",
    "المدير", "المديرة", "الأمين", "أمين", "المتحدث", "المتحدثة", "متحدث", "الناطق", "الناطقة", "السفير",
    "السفيرة", "سفير", "المحلل", "المحللة", "محلل", "الخبير", "الخبيرة", "خبير", "الباحث", "الباحثة", "باحث",
    "المستشار", "مستشار", "قائد", "القائد", "زعيم", "الزعيم", "زعماء", "الملك", "الأمير", "الجنرال", "اللواء",
    "العميد", "العقيد", "عضو", "الكاتب", "الكاتبة", "الصحفي", "الصحفية", "البروفيسور", "الدكتور", "الدكتورة",
    "المسؤول", "مسؤول", "مسؤولون", "المندوب", "مندوب", "الممثل", "ممثل", "رئيسا", "الأستاذ", "أستاذ", "المحامي",
    "الأمينة", "مساعد", "مساعدو", "المبعوث", "مبعوث", "السيناتور", "النواب",
])  # fmt: skip
INSTITUTION_HEADS = _fold_set([
    "وزارة", "الوزارة", "الخارجية", "الحكومة", "حكومة", "الرئاسة", "الكرملين", "البيت", "البنتاغون", "منظمة",
    "المنظمة", "حلف", "الحلف", "مجلس", "المجلس", "اللجنة", "لجنة", "الجيش", "القسم", "الدائرة", "المكتب",
    "مكتب", "السفارة", "سفارة", "البرلمان", "الجمعية", "وكالة", "الوكالة", "الأمانة", "هيئة", "الهيئة",
    "قيادة", "القيادة", "الناتو", "الاتحاد", "المجموعة", "مجموعة", "الجامعة", "جامعة", "المفوضية", "مفوضية", "الأمم", "المتمردون", "المتمردين", "الانفصاليون", "السلطات",
    "مصادر", "مصدر", "الدفاع", "الاستخبارات", "المخابرات", "قوات", "القوات", "الشرطة", "المحكمة", "البنك",
])  # fmt: skip
# Countries and capitals: inside a role phrase ("رئيس وزراء أرمينيا") they are not the name; alone, they
# speak for their government ("ذكرت يريفان").
PLACES = _fold_set([
    "روسيا", "أرمينيا", "أذربيجان", "أوكرانيا", "بيلاروس", "بيلاروسيا", "كازاخستان", "قرغيزستان",
    "قيرغيزستان", "طاجيكستان", "أوزبكستان", "تركمانستان", "جورجيا", "مولدوفا", "الصين", "تركيا", "إيران",
    "فرنسا", "ألمانيا", "بريطانيا", "إيطاليا", "إسبانيا", "بولندا", "فنلندا", "السويد", "النرويج", "أمريكا",
    "أميركا", "مصر", "سوريا", "العراق", "لبنان", "الأردن", "السعودية", "الإمارات", "قطر", "الكويت", "اليابان",
    "الهند", "باكستان", "أفغانستان", "إسرائيل", "فلسطين", "ليبيا", "تونس", "الجزائر", "المغرب", "السودان",
"موسكو", "يريفان", "باكو", "كييف", "مينسك", "أستانا", "بيشكيك", "دوشنبه", "واشنطن", "بروكسل", "روما",
])  # fmt: skip
# Words that sit inside a role phrase without starting with the article: compass points, ordinals, "ministers".
COUNTRIES = PLACES | _fold_set([
    "شمال", "جنوب", "شرق", "غرب", "وزراء", "الوزراء", "العام", "عام", "أول", "ثاني", "شؤون", "دولة",
])  # fmt: skip
PREPOSITIONS = _fold_set([
    "في", "خلال", "أمام", "عبر", "من", "على", "مع", "بعد", "قبل", "لدى", "عند", "إلى", "عن", "حول", "أثناء",
    "بشأن", "بخصوص", "وفي", "ومن", "وخلال", "وأمام", "يوم", "اليوم", "أمس", "حيث", "الذي", "التي", "الذين",
    "اللذين", "ومقرها", "ومقره", "وهو", "وهي", "هو", "هي", "بدوره", "بدورها", "أيضا", "كذلك", "مجددا",
    "قائلا", "قائلة", "له", "لها", "لهم", "إن", "أن", "بأن", "قد", "لقد", "ثم", "عليه", "عليها", "نفسه", "نفسها",
    "بيان", "تصريح", "تصريحات", "حديث", "مقابلة", "كلمة", "رسالة", "تقرير", "وقت", "لاحق", "تعقيبا",
    # attribution markers: a channel inside the attribution ("، وفقا لبيان …") is no part of the speaker
    "وفقا", "وفق", "بحسب", "حسب", "طبقا", "نقلا",
    # quantifiers open the object of the verb ("دعا الاتحاد جميع الدول"), not more of the subject
    "جميع", "كل", "كافة", "بعض",
    # prepositions with an attached pronoun ("الدول الأعضاء فيه")
    "فيه", "فيها", "فيهم", "منه", "منها", "إليه", "إليها", "عنه", "عنها", "معه", "معها", "لديه", "لديها",
])  # fmt: skip
# Words that never name a speaker on their own: demonstratives and relative pronouns ("مهمة تلك القوات"),
# weekdays and time words ("الأربعاء", "مساء").
NOT_A_SPEAKER = _fold_set([
    "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "أولئك", "هذان", "هاتان", "الذي", "التي", "الذين", "اللتين", "اللذان",
    "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "صباح", "مساء", "ظهر",
    "أمس", "اليوم", "غدا", "الليلة", "فجر", "ليل", "ليلة", "صباحا", "مساء", "عصر",
])  # fmt: skip
DEMONSTRATIVES = _fold_set(["هذا", "هذه", "ذلك", "تلك", "هؤلاء", "أولئك", "هذان", "هاتان"])
# Particles of compound names: the word after them belongs to the name even with the article ("أبو الغيط",
# "عبد الله", "بن سلمان", "آل ثاني").
NAME_PARTICLES = _fold_set(
    ["أبو", "أبي", "أبا", "بن", "ابن", "بنت", "عبد", "آل", "ذو", "ذي", "ولد", "دي", "فون", "فان"]
)
# Nouns for an occasion of speech; with a pronoun suffix ("خطابه", "كلمتها") they end a speaker phrase.
_SPEECH_NOUNS = _fold_set(["خطاب", "كلمة", "بيان", "تصريح", "تصريحات", "حديث", "مقابلة", "رسالة", "تغريدة",
                           "منشور", "مؤتمر", "لقاء", "اجتماع", "زيارة", "جولة", "اتصال", "مكتب", "حساب", "صفحة",
                           "موقع", "قناة", "رد", "تعليق", "تقرير", "وزارة", "حكومة", "بلاد", "دولة", "جانب",
                           # what is expressed: "أعرب عن أمله", "عن قلقه", "عن ترحيبه"
                           "أمل", "قلق", "ارتياح", "ترحيب", "رفض", "استعداد", "تقدير", "شكر", "أسف", "دعم",
                           "موقف", "رأي", "رغبة", "تطلع", "إدانة", "استياء", "تضامن", "قول", "تأكيد"])  # fmt: skip
_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه", "نا")
# Where a title may begin in running text (the leader heads only: other titles name few people once).
TITLE_HEAD = re.compile(
    rf"{BEFORE_WORD}[و]?(?:{alternation(['الرئيس', 'رئيس', 'الزعيم', 'زعيم', 'الأمين العام', 'أمين', 'رئيس الوزراء', 'وزير', 'الوزير', 'رئيسة', 'وزيرة'], arabic=True)}){AFTER_WORD}"
)
APPOSITION = _fold_set(["وهو", "وهي", "هو", "هي"])
# Short particles that begin a clause before a verb-first cue and are not its subject.
CLAUSE_PARTICLES = _fold_set(["حيث", "كما", "ثم", "وقد", "قد", "لقد", "فيما", "بينما", "إذ", "بدوره", "بدورها",
                              "أيضا", "وكان", "كان", "ما", "وما", "كذلك", "فقد", "لكن", "ولكن", "أن", "إن"])  # fmt: skip
_FEMININE_ROLES = _fold_set(["رئيسة", "الرئيسة", "وزيرة", "الوزيرة", "مديرة", "المديرة", "المتحدثة",
                             "الناطقة", "السفيرة", "المحللة", "الخبيرة", "الباحثة", "الكاتبة", "الصحفية",
                             "الدكتورة", "الأمينة"])  # fmt: skip
_PAREN = re.compile(r"\([^()\n]*\)")


_OUTLETS = _fold_set(["رويترز", "وكالة", "صحيفة", "موقع", "قناة", "تلفزيون", "إذاعة", "سكاي", "نوفوستي", "تاس",
                      "سبوتنيك", "الجزيرة", "العربية", "وسائل", "نا", "ه", "ها", "هم", "مجلة", "شبكة"])  # fmt: skip
_SOURCES = _fold_set(["مصادر", "مصدر"])  # "مصادر مقربة من الوفد": the preposition describes the sources
_OUTLETS_FOR_CUT = _fold_set(["وكالة", "صحيفة", "قناة", "موقع", "تلفزيون", "إذاعة", "رويترز", "مجلة", "شبكة",
                               "وسائل", "الصحفيين", "لصحفيين", "الصحافة"])  # fmt: skip
_ROLE_PREPOSITIONS = _fold_set(["في", "من", "على", "عن", "مع"])
_OCCASIONS = _fold_set(["منصة", "حساب", "صفحة", "موقع", "تويتر", "إكس", "فيسبوك", "تلغرام", "مقابلة", "تصريحات", "تصريح", "حديث", "بيان", "جلسة", "اجتماع", "مؤتمر", "كلمة",
                        "رسالة", "لقاء", "خطاب", "قمة", "اتصال", "منشور", "تغريدة"])  # fmt: skip


@functools.lru_cache(maxsize=16384)
def pronoun_suffixed_noun(word: str) -> bool:
    """A noun with an attached pronoun ("خطابه", "كلمتها", "مكتبه"): never a name."""
    folded = fold_arabic(word)
    for suffix in _PRONOUN_SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 2:
            stem = folded[: -len(suffix)]
            if stem.endswith("ت"):
                stem = stem[:-1] + "ه"  # كلمته is كلمة + ه: the teh marbuta is written open before a suffix
            if stem in _SPEECH_NOUNS or stem.removeprefix("و") in _SPEECH_NOUNS:
                return True
    return False


def _has_article(word: str) -> bool:
    """The definite article as written: bare alef + lam (أل with hamza starts a name: ألكسندر، إلهام)."""
    bare = re.sub(f"[{MARKS}]", "", word)
    return bare.startswith(("ال", "لل", "وال", "فال", "بال"))


_OUTLET_WORDS = _fold_set(["وكالة", "الوكالة", "صحيفة", "الصحيفة", "قناة", "القناة", "موقع", "الموقع", "رويترز",
                           "تاس", "انترفاكس", "إنترفاكس", "نوفوستي", "الأناضول", "شينخوا", "مجلة", "المجلة",
                           "وسائل", "التلفزيون", "تلفزيون", "إذاعة", "الإذاعة"])  # fmt: skip


def is_outlet(text: str) -> bool:
    """Whether a speaker phrase names a news outlet (which reports speech rather than making it)."""
    return any(_strip_conj(fold_arabic(w).strip('“”«»"')) in _OUTLET_WORDS for w in text.split()[:2])


def _is_preposition(word: str) -> bool:
    # Folding ى to ي would make the name علي the preposition على, so the final yeh is compared as written.
    folded = fold_arabic(word)
    if folded in ("علي", "الي", "لدي"):
        return word.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ى")
    return folded in PREPOSITIONS


def _strip_conj(folded: str) -> str:
    """Drop an attached و/ف unless the word itself is a known head (وزارة starts with و)."""
    if folded in ROLE_HEADS or folded in INSTITUTION_HEADS:
        return folded
    return folded[1:] if folded[:1] in "وف" and len(folded) > 3 else folded


@functools.lru_cache(maxsize=16384)
def _is_name_word(word: str, in_parens: bool, position: int, previous: str = "") -> bool:
    folded = fold_arabic(word)
    if in_parens or not folded or folded.isdigit():
        return False
    if previous and fold_arabic(previous) in NAME_PARTICLES and not _is_preposition(word):
        return True
    if _is_preposition(word) or folded in ROLE_HEADS or folded in INSTITUTION_HEADS or folded in COUNTRIES:
        return False
    if folded in NOT_A_SPEAKER or pronoun_suffixed_noun(word):
        return False
    if _has_article(word):
        return False
    # "زاس لرويترز": ل before an outlet or the article is an adverbial; لافروف is a name.
    return not (folded.startswith("ل") and (folded[1:2] == "ل" or folded[1:] in _OUTLETS))


def _segments(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated segments of [start, end), ignoring commas inside parentheses."""
    text = body[start:end]
    masked = _PAREN.sub(lambda m: "x" * len(m.group()), text)
    out: list[tuple[int, int]] = []
    seg_start = 0
    for i, char in enumerate(masked):
        if char in "،,":
            out.append((start + seg_start, start + i))
            seg_start = i + 1
    out.append((start + seg_start, end))
    return out


def _classify(body: str, start: int, end: int) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None]:
    """Read one segment: its kind ('role', 'name', 'institution', 'apposition', 'adverbial' or ''),
    the span of its name part and the span of its role part (either may be None)."""
    words = words_with_offsets(body[start:end], start)
    if not words:
        return "", None, None
    parens = [(m.start() + start, m.end() + start) for m in _PAREN.finditer(body, start, end)]

    def in_parens(s: int) -> bool:
        return any(a <= s < b for a, b in parens)

    first = fold_arabic(words[0][0])
    if first in NOT_A_SPEAKER or pronoun_suffixed_noun(words[0][0]):
        return "adverbial", None, None
    if first in APPOSITION:
        return ("apposition", None, (words[1][1], words[-1][2])) if len(words) > 1 else ("", None, None)
    head = _strip_conj(first)
    # A role may open with an adjective alone ("الدبلوماسي فيكتور أوربان"): any article-initial word.
    role_first = head in ROLE_HEADS or (
        head.startswith("ال") and head not in INSTITUTION_HEADS and head not in PLACES
    )
    # An adverbial word ends the phrase: keep only what precedes it. Inside a role, "في" and "من" belong to
    # the title ("المختصة في الشؤون الاستراتيجية") unless they introduce the occasion ("في مقابلة").
    cut = len(words)
    for i, (w, _, _) in enumerate(words):
        folded = fold_arabic(w)
        nxt = fold_arabic(words[i + 1][0]) if i + 1 < len(words) else ""
        if i == 0 and folded.startswith("لل"):
            cut = i
            break
        if i > 0 and folded.startswith("ل") and folded[1:] in _OUTLETS_FOR_CUT:
            cut = i  # "مصدر دبلوماسي لوكالة فرانس برس": the outlet spoken to ends the speaker phrase
            break
        if i > 0 and folded in DEMONSTRATIVES:
            return "adverbial", None, None  # "مهمة تلك القوات" is an object phrase, not a subject
        if pronoun_suffixed_noun(w) or (i > 0 and folded in NOT_A_SPEAKER):
            cut = i
            break
        if _is_preposition(w):
            if (
                (role_first or head in _SOURCES)
                and folded in _ROLE_PREPOSITIONS
                and nxt not in _OCCASIONS
                and not nxt.startswith("ل")
            ):
                continue
            cut = i
            break
    if cut == 0:
        return "adverbial", None, None
    words = words[:cut]
    while len(words) > 1 and _is_preposition(words[-1][0]):
        words = words[:-1]  # "… لوكاشينكو في خطابه": the preposition went with the occasion
    if head in PLACES and len(words) <= 2:
        return "institution", None, (words[0][1], words[-1][2])
    if head in INSTITUTION_HEADS or (head.startswith("ل") and head[1:] in INSTITUTION_HEADS):
        return "institution", None, (words[0][1], words[-1][2])
    if role_first:
        n = len(words)
        k = n
        while k > 1 and _is_name_word(
            words[k - 1][0], in_parens(words[k - 1][1]), k - 1, words[k - 2][0] if k > 1 else ""
        ):
            k -= 1
        # "أحمد أبو الغيط": a name particle left in the role belongs to the name that follows it
        while k > 1 and k < n and fold_arabic(words[k - 1][0]) in NAME_PARTICLES:
            k -= 1
        # Only the run of name words at the end is the name; a role alone has none.
        if k < n:
            return "role", (words[k][1], words[-1][2]), (words[0][1], words[k - 1][2])
        return "role", None, (words[0][1], words[-1][2])
    k = 0
    while (
        k < len(words)
        and k < 5
        and _is_name_word(words[k][0], in_parens(words[k][1]), k, words[k - 1][0] if k else "")
    ):
        k += 1
    if k == 0:
        return "", None, None
    name = (words[0][1], words[k - 1][2])
    if k < len(words) and _strip_conj(fold_arabic(words[k][0])) in ROLE_HEADS:
        return "name", name, (words[k][1], words[-1][2])
    return "name", name, None


def feminine_role(role: str) -> bool:
    words = role.split()
    return bool(words) and fold_arabic(words[0]) in _FEMININE_ROLES


def parse_subject(body: str, start: int, end: int, gazetteer: Gazetteer | None) -> Mention | None:
    """The speaker phrase in body[start:end] (the words between a cue and its content), or None."""
    name: tuple[int, int] | None = None
    role: tuple[int, int] | None = None
    institution: tuple[int, int] | None = None
    for seg_start, seg_end in _segments(body, start, end):
        kind, name_span, role_span = _classify(body, seg_start, seg_end)
        if kind == "":
            continue
        if kind == "adverbial":
            if name or role or institution:
                break
            continue
        if kind == "apposition":
            if (name or role) and role is None:
                role = role_span  # "بيلفر، وهو مدير …": the apposition states the role
            break
        if kind == "institution":
            if name or role or institution:
                break
            institution = role_span
            continue
        if name is None and role is None and institution is None:
            name, role = name_span, role_span
            if name and role:
                continue
            continue
        if name is None and name_span and role is not None and kind == "name":
            name = name_span
            if role_span and not role:
                role = role_span
            continue
        if role is None and name is not None and kind == "role" and name_span is None:
            role = role_span
            continue
        break
    if gazetteer is not None and name is None and institution is None:
        # A known name inside a role phrase without a comma: "الأمين العام … ستانيسلاف زاس".
        matches = gazetteer.find_all(body[start:end], start)
        people = [m for m in matches if role is None or m.start >= role[0]]
        if people and role is not None:
            last = people[-1]
            if last.end <= role[1] and last.start > role[0]:
                name, role = (last.start, last.end), (role[0], last.start)
    if institution:
        text = body[institution[0] : institution[1]]
        s = institution[0]
        if fold_arabic(text).startswith("ل") and fold_arabic(text)[1:].split()[0] in INSTITUTION_HEADS:
            s += 1  # "لوزارة الدفاع …": the mention is the ministry, without the preposition
        text = body[s : institution[1]].strip()
        return Mention(text, s, institution[1], "", "", "institution")
    if name is None and role is None:
        return None
    role_text = body[role[0] : role[1]].strip(" ،,") if role else ""
    if name is not None:
        text = body[name[0] : name[1]]
        return Mention(
            text, name[0], name[1], text, role_text, "person", "f" if feminine_role(role_text) else "?"
        )
    assert role is not None
    return Mention(role_text, role[0], role[0] + len(role_text), "", role_text, "person",
                   "f" if feminine_role(role_text) else "?")  # fmt: skip


_AUXILIARIES = _fold_set(["وكان", "كان", "وكانت", "كانت", "فكان", "فكانت"])
_FOLDED_QAD = _fold_set(["قد", "لقد"])
# The verb after حسبما/كما ("حسبما ذكرت وكالة …") reports; the source is its subject.
_REPORTING_VERBS = _fold_set(["ذكرت", "ذكر", "أفادت", "أفاد", "قالت", "قال", "أوردت", "أورد", "نقلت", "نقل",
                              "أعلنت", "أعلن", "أكدت", "أكد"])  # fmt: skip


def _reporting_verb(word: str) -> bool:
    folded = fold_arabic(word)
    for suffix in ("", "ه", "ها"):
        if folded.endswith(suffix) and folded[: len(folded) - len(suffix)] in _REPORTING_VERBS:
            return True
    return False


_SOURCE_NOUNS = _fold_set(["بيان", "تصريحات", "تقرير", "ما", "لـ", "ل", "مصادر في"])


def svo_subject(body: str, clause_start: int, cue_start: int, gazetteer: Gazetteer | None) -> Mention | None:
    """A subject written before its verb ("بوتين دعا …"): one to three name words opening the clause."""
    words = words_with_offsets(body[clause_start:cue_start], clause_start)
    # "وكان زيلينسكي قد كتب": the auxiliary and its particle frame the subject
    framed = bool(words) and fold_arabic(words[0][0]) in _AUXILIARIES
    if framed:
        words = words[1:]
    if words and fold_arabic(words[-1][0]) in _FOLDED_QAD:
        words = words[:-1]
    if not 1 <= len(words) <= 3:
        return None
    if any(fold_arabic(w) in CLAUSE_PARTICLES or _is_preposition(w) for w, _, _ in words):
        return None
    if not all(_is_name_word(w, False, 0) for w, _, _ in words):
        if not framed:
            return None
        # "وكان الرئيس زيلينسكي قد كتب": inside the frame a title may precede the name
        mention = parse_subject(body, words[0][1], words[-1][2], gazetteer)
        return mention if mention is not None and mention.name and mention.end == words[-1][2] else None
    text = body[words[0][1] : words[-1][2]]
    return Mention(text, words[0][1], words[-1][2], text, "", "person")


_RELATIVES = _fold_set(["الذي", "التي", "الذين", "اللذين", "اللتين"])


def relative_antecedent(body: str, clause_start: int, cue: Cue) -> Mention | None:
    """The name a relative pronoun before the cue stands for: "بالوزير سامي حداد الذي قال" → سامي حداد."""
    words = words_with_offsets(body[clause_start : cue.start - cue.prefixed], clause_start)
    if not words or fold_arabic(words[-1][0]) not in _RELATIVES:
        return None
    relative = words[-1]
    k = len(words) - 1
    while (
        k > 0
        and k > len(words) - 5
        and _is_name_word(words[k - 1][0], False, 1, words[k - 2][0] if k > 1 else "")
    ):
        k -= 1
    if k == len(words) - 1:
        return None
    name = body[words[k][1] : words[-2][2]]
    return Mention(relative[0], relative[1], relative[2], name, "", "person")


def nominal_source(body: str, start: int, end: int, gazetteer: Gazetteer | None) -> Mention | None:
    """The source after وفق/بحسب: "بيان لوزارة الدفاع …" names the ministry, "القسم الأرمني" itself."""
    words = words_with_offsets(body[start:end], start)
    while words and (fold_arabic(words[0][0]) in _SOURCE_NOUNS or _reporting_verb(words[0][0])):
        words = words[1:]
    # "وفق ما نقلته وكالة تاس عن الأمين العام": the outlet relays, the one it quotes is the source
    if words and is_outlet(" ".join(w for w, _, _ in words[:2])):
        relay = next((i for i, (w, _, _) in enumerate(words) if fold_arabic(w) == "عن"), -1)
        if 0 < relay < len(words) - 1:
            words = words[relay + 1 :]
    if not words:
        return None
    return parse_subject(body, words[0][1], end, gazetteer) or Mention(
        body[words[0][1] : end].strip(), words[0][1], end, "", "", "institution"
    )

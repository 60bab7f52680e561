"""Arabic statement rules, on sentences written for these tests: cues, quotation marks, speakers, continuations."""

from __future__ import annotations

import datetime as dt

import pytest

from csto_kb.extraction import extract
from csto_kb.schemas.extraction import StatementCandidate

PUBLISHED = dt.date(2022, 4, 15)  # a Friday


def statements(body: str) -> list[StatementCandidate]:
    found = extract(body, lang="ar", published=PUBLISHED).statements
    for s in found:
        assert body[s.quote_start : s.quote_end] == s.quote
    return found


def only(body: str) -> StatementCandidate:
    found = statements(body)
    assert len(found) == 1, [(s.speaker, s.quote) for s in found]
    return found[0]


@pytest.mark.parametrize(
    ("masculine", "feminine", "complementiser"),
    [
        ("قال", "قالت", "إن"),
        ("أكد", "أكدت", "أن"),
        ("أضاف", "أضافت", "أن"),
        ("تابع", "تابعت", "أن"),
        ("أشار", "أشارت", "إلى أن"),
        ("أوضح", "أوضحت", "أن"),
        ("صرح", "صرحت", "بأن"),
        ("أعلن", "أعلنت", "أن"),
        ("نفى", "نفت", "أن"),
        ("اعتبر", "اعتبرت", "أن"),
        ("لفت", "لفتت", "إلى أن"),
        ("شدد", "شددت", "على أن"),
        ("حذر", "حذرت", "من أن"),
        ("ذكر", "ذكرت", "أن"),
        ("أفاد", "أفادت", "بأن"),
    ],
)
def test_each_cue_family_in_both_genders_with_the_conjunction_attached(
    masculine: str, feminine: str, complementiser: str
) -> None:
    he = only(
        f"و{masculine} رئيس البرلمان القرغيزي، تالانت ماميتوف، {complementiser} المنظمة تحتاج إلى إصلاح عميق."
    )
    assert he.cue == masculine
    assert "ماميتوف" in he.speaker
    assert he.quote == "المنظمة تحتاج إلى إصلاح عميق"
    assert (he.direct, he.mode) == (False, "indirect")
    she = only(f"ف{feminine} رئيسة الوفد، ماريا نوفاك، {complementiser} الاتفاق لم يعد قائما.")
    assert she.cue == feminine
    assert she.speaker == "ماريا نوفاك"
    assert she.speaker_role == "رئيسة الوفد"
    assert she.quote == "الاتفاق لم يعد قائما"


def test_harakat_and_tanween_do_not_hide_a_cue() -> None:
    marked = statements(
        "قَالَ الوزير سامي حداد إنّ المحادثات كانت مثمرةً، لافتاً إلى أن الجولة المقبلة ستعقد في مينسك."
    )
    assert [(m.cue, m.speaker) for m in marked] == [("قَالَ", "سامي حداد"), ("لافتاً", "سامي حداد")]
    assert marked[0].quote == "المحادثات كانت مثمرةً"
    found = statements(
        "قال الوزير سامي حداد إن المحادثات كانت مثمرة، مشيرا إلى أن الجولة المقبلة ستعقد في مينسك."
    )
    assert [f.cue for f in found] == ["قال", "مشيرا"]
    assert found[0].quote == "المحادثات كانت مثمرة"
    assert found[1].speaker == "سامي حداد"
    assert found[1].quote == "الجولة المقبلة ستعقد في مينسك"


@pytest.mark.parametrize(("opening", "closing"), [("«", "»"), ("“", "”"), ('"', '"')])
def test_each_quotation_mark_style_gives_a_direct_quote(opening: str, closing: str) -> None:
    s = only(f"وقال الجنرال أندريه كوزلوف: {opening}القوات جاهزة للانتشار خلال ساعات{closing}.")
    assert s.quote == "القوات جاهزة للانتشار خلال ساعات"
    assert (s.direct, s.mode) == (True, "direct")
    assert s.speaker == "أندريه كوزلوف"


def test_a_quote_split_by_its_attribution_gives_two_items_for_one_speaker() -> None:
    found = statements("«لن نرسل جنودا إلى هناك»، قال الوزير يوري بيتروف. «هذا قرار نهائي لا رجعة فيه».")
    assert [f.quote for f in found] == ["لن نرسل جنودا إلى هناك", "هذا قرار نهائي لا رجعة فيه"]
    assert {f.speaker for f in found} == {"يوري بيتروف"}
    assert all(f.direct for f in found)


def test_role_then_name_and_name_then_role() -> None:
    first = only("أكد رئيس الوزراء الأرميني، نيكول باشينيان، أن بلاده لن تغادر المنظمة.")
    assert (first.speaker, first.speaker_role) == ("نيكول باشينيان", "رئيس الوزراء الأرميني")
    second = only("قال جوزيب بوريل مسؤول السياسة الخارجية في الاتحاد الأوروبي إن العقوبات ستستمر.")
    assert second.speaker == "جوزيب بوريل"
    assert second.speaker_role.startswith("مسؤول السياسة الخارجية")
    third = only("قال الأمين العام للحلف ينس ستولتنبرغ إن الباب مفتوح.")
    assert third.speaker == "ينس ستولتنبرغ"


def test_apposition_gives_the_role() -> None:
    s = only("وقال كارلو ريتشي، وهو باحث في معهد الدراسات الدولية، إن الأزمة ستطول.")
    assert s.speaker == "كارلو ريتشي"
    assert s.speaker_role == "باحث في معهد الدراسات الدولية"


def test_an_institution_speaks() -> None:
    s = only("وأعلنت وزارة الدفاع الطاجيكية أن المناورات انتهت بنجاح.")
    assert s.speaker == "وزارة الدفاع الطاجيكية"
    assert s.speaker_mention == "وزارة الدفاع الطاجيكية"


def test_a_capital_speaks_for_its_government() -> None:
    assert only("وذكرت موسكو أنها لم تتلق أي طلب رسمي.").speaker == "موسكو"


def test_according_to_a_statement_and_according_to_sources() -> None:
    s = only("وبحسب بيان لوزارة الخارجية الأرمنية، فإن يريفان تلقت الرد المكتوب.")
    assert s.speaker == "وزارة الخارجية الأرمنية"
    assert s.quote == "يريفان تلقت الرد المكتوب"
    assert s.cue == "بحسب"
    t = only("ووفقا لمصادر دبلوماسية، فإن الاجتماع تأجل إلى الشهر المقبل.")
    assert "مصادر" in t.speaker
    assert t.quote == "الاجتماع تأجل إلى الشهر المقبل"


def test_occasion_phrases_are_not_part_of_the_speaker() -> None:
    s = only("وأكد المحلل يان كوفاتش، في حديث لوكالة الأنباء المحلية، أن العقوبات فشلت.")
    assert s.speaker == "يان كوفاتش"
    t = only("وقال الدبلوماسي فيكتور أوربان في تصريحات لصحيفة محلية إن الحوار هو الحل.")
    assert t.speaker == "فيكتور أوربان"
    assert t.quote == "الحوار هو الحل"


def test_dropped_subject_goes_to_the_last_speaker_of_the_same_gender() -> None:
    body = (
        "قالت الخبيرة سارة ليندن إن الحلف يمر بمرحلة صعبة.\n"
        "وقال الباحث عمر نصار إن الحلف ما زال متماسكا.\n"
        "وأضافت: «التدريبات المشتركة لن تكفي».\n"
        "وتابع أن الدول الأعضاء ستجتمع قريبا."
    )
    found = statements(body)
    assert [(f.cue, f.speaker) for f in found] == [
        ("قالت", "سارة ليندن"),
        ("قال", "عمر نصار"),
        ("أضافت", "سارة ليندن"),
        ("تابع", "عمر نصار"),
    ]
    assert found[2].speaker_mention == ""


def test_a_surname_resolves_to_the_full_name_met_earlier() -> None:
    found = statements(
        "قال الرئيس قاسم جومارت توكاييف إن بلاده ملتزمة.\nوأكد توكاييف أن القوات ستغادر خلال أيام."
    )
    assert [f.speaker for f in found] == ["قاسم جومارت توكاييف"] * 2
    assert found[1].speaker_mention == "توكاييف"


def test_subject_before_the_verb() -> None:
    s = only("لوكاشينكو حذر من أن أي هجوم على بيلاروس سيقابل برد حاسم.")
    assert s.speaker == "لوكاشينكو"
    assert s.quote == "أي هجوم على بيلاروس سيقابل برد حاسم"


def test_headline_attribution() -> None:
    s = only("ستولتنبرغ: الحلف لن يتدخل عسكريا في النزاع\n\nنص الخبر هنا.")
    assert s.cue == ":"
    assert s.speaker == "ستولتنبرغ"
    assert s.quote == "الحلف لن يتدخل عسكريا في النزاع"


def test_quoted_fragment_inside_indirect_speech_is_mixed() -> None:
    s = only("وقال المتحدث إيغور كونوفالوف إن القوات ستبقى “طالما لزم الأمر”.")
    assert s.mode == "mixed"
    assert s.quote == "القوات ستبقى “طالما لزم الأمر”"


def test_speech_verbs_inside_a_quotation_are_content_not_attribution() -> None:
    s = only("وقال الوزير علي رضا: «قال لنا الشركاء إن الدعم قادم، وأكدوا ذلك مرارا».")
    assert s.speaker == "علي رضا"
    assert s.quote.startswith("قال لنا الشركاء")


def test_no_content_no_statement() -> None:
    assert statements("أعلن زعماء المعارضة الإضراب العام في العاصمة.") == []


def test_the_statement_date_comes_from_the_attribution() -> None:
    s = only("وقال الوزير سامي حداد، الأربعاء، إن المحادثات ستستأنف.")
    assert (s.date_text, s.said_on) == ("الأربعاء", "2022-04-13")
    t = only("وفي 19 فبراير الماضي، أي قبل الحرب بخمسة أيام، قال الجنرال أندريه كوزلوف إن القوات مستعدة.")
    assert t.said_on == "2022-02-19"
    assert "قبل الحرب بخمسة أيام" in t.date_text


# --- speakers that are not speakers, compound names, titles ----------------------------------------------


def test_an_occasion_noun_with_a_pronoun_suffix_is_not_the_speaker() -> None:
    s = only("وقال رئيس البرلمان سامي حداد في كلمته أمام النواب اليوم الجمعة، إن الجلسة ستعقد غدا.")
    assert s.speaker == "سامي حداد"
    assert s.speaker_role == "رئيس البرلمان"


def test_a_name_beginning_with_hamza_alef_is_not_taken_for_the_article() -> None:
    s = only("قال رئيس الوفد إلهام كريموف إن المحادثات انتهت.")
    assert s.speaker == "إلهام كريموف"


@pytest.mark.parametrize("name", ["عمرو أبو العينين", "خالد بن الوليد", "يوسف عبد الرحمن", "حمد آل ثاني"])
def test_compound_names_stay_whole(name: str) -> None:
    s = only(f"قال الأمين العام للمجلس، {name}، إن الاجتماع المقبل سيعقد في الرياض.")
    assert s.speaker == name


def test_a_demonstrative_object_is_not_the_speaker_of_a_dropped_subject() -> None:
    found = statements(
        "قال الوزير سامي حداد إن القوات ستنسحب.\nووصف مهمة تلك القوات بأنها ناجحة في كل المقاييس."
    )
    assert [f.speaker for f in found] == ["سامي حداد", "سامي حداد"]
    assert found[1].confidence < found[0].confidence
    assert found[1].confidence_reason.startswith("speaker not named")


def test_a_quantifier_ends_an_institution_subject() -> None:
    found = statements(
        "ودعا المجلس الإقليمي جميع الدول الأعضاء فيه إلى ضبط النفس، وقال إنه يرفض أي تدخل أجنبي."
    )
    assert [f.speaker for f in found] == ["المجلس الإقليمي"]


def test_a_title_with_the_same_nationality_resolves_to_the_person_named_before() -> None:
    found = statements(
        "قال رئيس بولندا أندريه ماليك إن الحوار ضروري.\nوشدد الزعيم البولندي على أن العقوبات لن تكفي."
    )
    assert [f.speaker for f in found] == ["أندريه ماليك"] * 2
    assert found[1].speaker_mention == "الزعيم البولندي"


def test_a_title_resolves_to_the_person_the_article_names_with_it_later() -> None:
    found = statements(
        "قال الرئيس الفنلندي إن الحلف سيتوسع.\nوكان الرئيس يوهان ميكولا قد زار العاصمة في وقت سابق."
    )
    assert [f.speaker for f in found] == ["يوهان ميكولا"]
    assert found[0].speaker_mention == "الرئيس الفنلندي"
    assert "title resolved to يوهان ميكولا" in found[0].confidence_reason
    assert found[0].confidence < 0.9


def test_a_title_of_another_country_is_not_resolved_to_that_person() -> None:
    found = statements(
        "قال رئيس بولندا أندريه ماليك إن الحوار ضروري.\nوأكد الرئيس الفنلندي أن العقوبات لن تكفي."
    )
    assert found[1].speaker == "الرئيس الفنلندي"
    assert "does not name" in found[1].confidence_reason


def test_a_channel_inside_the_attribution_leaves_the_speaker_speaking() -> None:
    s = only('وصرح الوزير سامي حداد، وفقا لبيان صدر عن مكتبه: "ستبدأ الجولة الثانية من المحادثات غدا".')
    assert s.speaker == "سامي حداد"
    assert s.cue == "صرح"
    assert s.quote == "ستبدأ الجولة الثانية من المحادثات غدا"


def test_the_agency_that_relays_is_not_the_speaker_when_the_sentence_names_one() -> None:
    s = only("ووفقا لوكالة الأنباء الفرنسية، قال مجلس الأمن الإقليمي إنه قرر تعليق عضوية البلاد.")
    assert s.speaker == "مجلس الأمن الإقليمي"
    assert s.quote == "قرر تعليق عضوية البلاد"


def test_an_outlet_quoting_sources_gives_the_sources_as_speaker() -> None:
    s = only("وقالت الوكالة، نقلا عن مصادر مقربة من الوفد، إن موعد الجولة لم يحدد بعد.")
    assert "مصادر مقربة من الوفد" in s.speaker
    assert s.quote == "موعد الجولة لم يحدد بعد"


@pytest.mark.parametrize(
    ("sentence", "cue", "quote"),
    [
        ("وأردف الوزير سامي حداد أن الجولة المقبلة ستعقد في مينسك.", "أردف", "الجولة المقبلة ستعقد في مينسك"),
        ("وكتب الوزير سامي حداد على منصة إكس: «لن نتراجع عن موقفنا».", "كتب", "لن نتراجع عن موقفنا"),
        ("وشدد الوزير سامي حداد على أن الحوار هو السبيل الوحيد.", "شدد", "الحوار هو السبيل الوحيد"),
        ("وحذر الوزير سامي حداد من أن التصعيد سيضر بالجميع.", "حذر", "التصعيد سيضر بالجميع"),
    ],
)
def test_more_cue_shapes(sentence: str, cue: str, quote: str) -> None:
    s = only(sentence)
    assert (s.cue, s.speaker, s.quote) == (cue, "سامي حداد", quote)


def test_participles_continue_the_speaker() -> None:
    found = statements(
        "قال الوزير سامي حداد إن الاتفاق صامد، واصفا المحادثات بأنها بناءة، معتبرا أن الجولة المقبلة حاسمة."
    )
    assert [(f.cue, f.speaker) for f in found] == [
        ("قال", "سامي حداد"),
        ("واصفا", "سامي حداد"),
        ("معتبرا", "سامي حداد"),
    ]
    assert found[2].quote == "الجولة المقبلة حاسمة"


def test_the_source_after_hasabama_is_the_subject_of_its_verb() -> None:
    s = only("والتقى الوفدان في العاصمة صباح اليوم، حسبما ذكرت وكالة الأنباء المحلية.")
    assert s.speaker.startswith("وكالة الأنباء المحلية")
    assert s.cue == "حسبما"


def test_subject_framed_by_kana_and_qad() -> None:
    found = statements(
        "قال الأمين العام للحلف ينس هولم إن الباب مفتوح.\n"
        "وكان الرئيس زيلينسكي قد كتب في وقت سابق “لا نرى أي نية لدعوتنا”."
    )
    assert [f.speaker for f in found] == ["ينس هولم", "زيلينسكي"]


def test_a_bare_title_resolves_to_the_person_named_just_before() -> None:
    found = statements(
        "وجاء هذا الإعلان على لسان ميرزاييف خلال اجتماع في العاصمة.\n"
        "وصرح الرئيس: «ستبدأ عملية الانسحاب غدا».\n"
        "ووصف مهمة تلك القوات بأنها ناجحة جدا."
    )
    assert [f.speaker for f in found] == ["ميرزاييف", "ميرزاييف"]
    assert found[0].speaker_mention == "الرئيس"
    assert found[0].confidence_reason == "speaker is a title resolved to ميرزاييف"


def test_a_repeated_complementiser_gives_two_items_with_the_same_cue() -> None:
    found = statements("وقال الوزير سامي حداد إن المحادثات كانت مثمرة، وإنه يتوقع اتفاقا قبل نهاية العام.")
    assert [(f.cue, f.speaker, f.quote) for f in found] == [
        ("قال", "سامي حداد", "المحادثات كانت مثمرة"),
        ("قال", "سامي حداد", "يتوقع اتفاقا قبل نهاية العام"),
    ]


def test_a_name_in_quotation_marks_after_the_cue_is_the_speaker_not_the_content() -> None:
    found = statements(
        "قال الأمين العام للمجلس، عمرو أبو العينين، إن القمة ناجحة.\n"
        "وأوضح «أبو العينين»، أن الأزمة الإنسانية تتفاقم في المنطقة."
    )
    assert found[1].speaker == "عمرو أبو العينين"
    assert found[1].speaker_mention == "أبو العينين"
    assert found[1].quote == "الأزمة الإنسانية تتفاقم في المنطقة"


def test_a_relative_pronoun_speaks_for_the_name_before_it() -> None:
    s = only("والتقى الوفد بالوزير سامي حداد الذي قال إن الجولة المقبلة ستعقد في مينسك.")
    assert (s.speaker, s.speaker_mention) == ("سامي حداد", "الذي")
    assert s.confidence_reason == "speaker is a relative pronoun resolved to سامي حداد"


def test_an_agency_reporting_a_named_speaker_gives_way_to_that_speaker() -> None:
    s = only("وقالت وكالة رويترز إن وزير الخارجية سامي حداد أكد أن بلاده لن تنسحب من المعاهدة.")
    assert (s.speaker, s.cue, s.quote) == ("سامي حداد", "أكد", "بلاده لن تنسحب من المعاهدة")


def test_what_an_agency_relays_from_someone_is_theirs() -> None:
    s = only("وأكد على أن المنظمة ستتدخل عند الحاجة، وفق ما نقلته وكالة تاس عن الأمين العام.")
    assert s.speaker == "الأمين العام"
    assert s.quote == "المنظمة ستتدخل عند الحاجة"
    assert s.confidence < 0.8


def test_an_outlet_quoting_someone_as_saying_gives_that_someone() -> None:
    s = only("ونقلت وكالة الأنباء الرسمية عن الوزير سامي حداد قوله إن البلاد لن تنسحب من المعاهدة.")
    assert (s.speaker, s.cue, s.quote) == ("سامي حداد", "نقلت", "البلاد لن تنسحب من المعاهدة")


def test_what_is_expressed_with_a_pronoun_suffix_is_not_the_speaker() -> None:
    s = only("وأعرب وزير الخارجية التركي عن أمله في أن تنتهي الحرب قريبا.")
    assert s.speaker == "وزير الخارجية التركي"
    assert s.quote == "تنتهي الحرب قريبا"


def test_the_outlet_spoken_to_is_not_part_of_the_source() -> None:
    assert only("وأكد مصدر دبلوماسي لوكالة فرانس برس أن الاجتماع تأجل.").speaker == "مصدر دبلوماسي"


def test_a_word_ending_in_wan_is_no_repeated_complementiser() -> None:
    s = only("وأكد الوزير سامي حداد أن الرد على العدوان على أرمينيا هو فشل رئيسي.")
    assert s.quote == "الرد على العدوان على أرمينيا هو فشل رئيسي"

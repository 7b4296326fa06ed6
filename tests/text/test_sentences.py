"""Sentence splitting with offsets: numbers, abbreviations, quotes, Persian marks, line breaks."""

import pytest

from kg.text.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_sentences_split_on_persian_and_latin_marks():
    text = "ظریف با لاوروف دیدار کرد. آیا توافق شد؟ بله! مذاکرات ادامه دارد…"
    assert sentences(text) == ["ظریف با لاوروف دیدار کرد.", "آیا توافق شد؟", "بله!",
                               "مذاکرات ادامه دارد…"]


def test_sentences_do_not_split_inside_numbers():
    assert sentences("رشد اقتصادی 3.5 درصد بود. تورم 1,200.75 واحد.") == \
        ["رشد اقتصادی 3.5 درصد بود.", "تورم 1,200.75 واحد."]


def test_sentences_keep_a_closing_quote_with_its_sentence():
    text = "پزشکیان گفت: «ایران حامی همکاری است.» بردی‌محمدوف استقبال کرد."
    assert sentences(text) == ["پزشکیان گفت: «ایران حامی همکاری است.»", "بردی‌محمدوف استقبال کرد."]


def test_sentences_do_not_split_after_english_abbreviations_and_initials():
    text = "Dr. Zarif met Mr. J. Smith of the U.S. delegation in Muscat. Talks went well."
    assert sentences(text) == ["Dr. Zarif met Mr. J. Smith of the U.S. delegation in Muscat.",
                               "Talks went well."]


def test_sentences_an_initialism_ends_a_sentence_before_a_capital():
    assert sentences("Iran rejected talks with the U.S. The ministry said so.") == \
        ["Iran rejected talks with the U.S.", "The ministry said so."]


def test_sentences_ellipsis_before_a_lower_case_word_goes_on():
    assert sentences('Russia "gives maximum priority ... to peace." He added.') == \
        ['Russia "gives maximum priority ... to peace."', "He added."]


def test_sentences_split_a_point_without_a_space_between_persian_words():
    assert sentences("گفتگو انجام شد.وی افزود که همکاری ادامه دارد.") == \
        ["گفتگو انجام شد.", "وی افزود که همکاری ادامه دارد."]


def test_sentences_keep_one_letter_persian_abbreviations():
    assert sentences("در سال 1403 ه.ش قرارداد امضا شد.") == ["در سال 1403 ه.ش قرارداد امضا شد."]


def test_sentences_split_on_line_breaks_and_skip_blank_lines():
    assert sentences("عنوان خبر\n\n  متن اول بدون نقطه\nمتن دوم.") == \
        ["عنوان خبر", "متن اول بدون نقطه", "متن دوم."]


def test_sentences_offsets_are_into_the_text_and_trimmed():
    text = "  اول.   دوم.  "
    assert split_sentences(text) == [(2, 6), (9, 13)]


def test_sentences_of_a_part_of_the_text_keep_offsets_of_the_whole():
    text = "عنوان\nجمله یک. جمله دو."
    assert split_sentences(text, 6, len(text)) == [(6, 14), (15, 23)]


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_sentences_of_empty_text_are_none(text):
    assert split_sentences(text) == []

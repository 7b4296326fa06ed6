"""Normalisation of Persian and English text, and the alignment back to the original."""

import pytest

from kg.text import normalise

ZWNJ = "\u200c"


def plus(text: str) -> str:
    """ZWNJ shown as «+» so that failures read."""
    return text.replace(ZWNJ, "+")


def test_normalise_maps_arabic_yeh_and_kaf_to_persian():
    assert normalise("كشورهاي همسايه و ملي", "fa").text == "کشورهای همسایه و ملی"


def test_normalise_keeps_teh_marbuta_and_hamza_forms():
    assert normalise("دائرة المعارف، تأکید و مؤسسه", "fa").text == "دائرة المعارف، تأکید و مؤسسه"


def test_normalise_maps_persian_and_arabic_digits_to_ascii():
    assert normalise("۲۲ بهمن ۱۴۰۳ و ٢٠٢٥ و ۳٫۵ درصد", "fa").text == "22 بهمن 1403 و 2025 و 3.5 درصد"


def test_normalise_removes_diacritics_and_tatweel():
    assert normalise("اَلْحَمْدُ و مـــذاکـره و فوراً", "fa").text == "الحمد و مذاکره و فورا"


def test_normalise_heh_with_ezafe_mark_becomes_heh():
    assert normalise("خانۀ ملت و نامهٔ رسمی", "fa").text == "خانه ملت و نامه رسمی"


def test_normalise_joins_a_separate_ezafe_yeh_with_zwnj():
    assert plus(normalise("درباره ی روابط", "fa").text) == "درباره+ی روابط"


def test_normalise_collapses_every_kind_of_space():
    text = "ایران\u00a0\u00a0و   ترکمنستان\tهمکاری \n  کردند  "
    assert normalise(text, "fa").text == "ایران و ترکمنستان همکاری\nکردند"


def test_normalise_removes_zwnj_beside_space_doubled_or_after_non_joining_letter():
    text = f"گسترده{ZWNJ} گفت{ZWNJ}{ZWNJ}وگو کشور{ZWNJ}ها {ZWNJ}ایران"
    assert plus(normalise(text, "fa", restore_zwnj=False).text) == "گسترده گفت+وگو کشورها ایران"


def test_normalise_soft_hyphen_and_zwj_used_for_zwnj():
    assert plus(normalise("می\u00adگیرد و می\u200dرود", "fa").text) == "می+گیرد و میرود".replace(
        "میرود", "می+رود")


def test_normalise_restores_lost_zwnj():
    assert plus(normalise("همکاریهای گستردهتر میان کشورها", "fa").text) == \
        "همکاری+های گسترده+تر میان کشورها"


def test_normalise_can_leave_zwnj_unrestored():
    assert normalise("همکاریها", "fa", restore_zwnj=False).text == "همکاریها"


def test_normalise_english_touches_only_spaces_and_quotes():
    text = "\u201cIran\u2019s\u201d  minister\u00a0said\u200b \r\nmore"
    assert normalise(text, "en").text == "\"Iran's\" minister said\nmore"


def test_normalise_english_keeps_arabic_letter_forms():
    assert normalise("Caf\u00e9 كتاب 12", "en").text == "Caf\u00e9 كتاب 12"


@pytest.mark.parametrize("text", [
    "رئیسجمهور  ايران، مسعود پزشکیان، حمایت ميكند.",
    "اَلْحَمْدُ\u00a0\u00a0لِلّه ـــ  ۱۲۳",
    " \u200c سلام\r\n\r\n  خداحافظ \u200c",
    "Iran\u2019s  \u00a0minister\r\nsaid",
])
def test_normalise_every_character_maps_back_to_its_source(text):
    lang = "en" if "Iran" in text else "fa"
    norm = normalise(text, lang)
    for start in range(len(norm.text)):
        ostart, oend = norm.to_original(start, start + 1)
        char = norm.text[start]
        if char == ZWNJ and ostart == oend:
            continue  # an inserted ZWNJ has no source
        source = normalise(text[ostart:oend], lang, restore_zwnj=False).text
        assert char in source or (char == " " and not source.strip()) or char == "\n", (char, source)


def test_to_original_of_a_restored_word_is_the_word_as_read():
    text = "گفت: همكاريها ادامه دارد"
    norm = normalise(text, "fa")
    start = norm.text.index("همکاری")
    end = norm.text.index(" ادامه")
    assert norm.original_text(start, end) == "همكاريها"


def test_to_original_skips_deleted_spaces_and_keeps_trailing_marks():
    text = "الف   بُ\u0640 ج"
    norm = normalise(text, "fa")
    assert norm.text == "الف ب ج"
    assert norm.original_text(4, 5) == "بُ\u0640"
    assert norm.original_text(0, 3) == "الف"


def test_to_original_of_an_empty_span_is_empty():
    norm = normalise("a  b", "en")
    assert norm.to_original(2, 2) == (3, 3)


def test_normalise_arabic_gets_letters_and_digits_but_no_persian_zwnj():
    assert normalise("قالت الوزارة ميكند ٢٠٢٥", "ar").text == "قالت الوزارة میکند 2025"

"""Language from the script: Persian by default, Arabic only when clearly Arabic, English for Latin."""

import pytest

from kg.text import detect_lang


@pytest.mark.parametrize(("text", "lang"), [
    ("رئیس‌جمهور ایران در تماس تلفنی با رهبر ملی ترکمنستان گفتگو کرد.", "fa"),
    ("وزير الخارجية الإيراني يبحث مع نظيره العماني العلاقات الثنائية", "ar"),
    ("وقالت الوزارة في بيان إن المحادثات تناولت العلاقات الثنائية والقضايا الإقليمية ذات الأهمية", "ar"),
    ("The foreign ministers of Iran and Oman met in Muscat on Monday.", "en"),
    ("۱۴۰۳/۱۱/۲۲", "fa"),
    ("", "fa"),
])
def test_detect_lang_reads_the_script(text, lang):
    assert detect_lang(text) == lang


def test_detect_lang_persian_with_arabic_letter_forms_stays_persian():
    # Fars News writes Arabic ي and ك; the Persian letters پ چ ژ گ decide.
    assert detect_lang("رئيس جمهور پيام تبريك به همتاي تركمنستاني فرستاد كه گفتگو") == "fa"


def test_detect_lang_arabic_with_persian_letters_is_persian():
    assert detect_lang("الجمهورية الإسلامية والقضية الفلسطينية گفتگو") == "fa"


def test_detect_lang_latin_majority_is_english_even_with_persian_names():
    assert detect_lang("Pezeshkian (پزشکیان) spoke with the Turkmen leader about the Caspian Sea.") == "en"


def test_detect_lang_one_arabic_letter_in_a_long_persian_text_is_not_enough():
    # No پ چ ژ گ here, but a single ة among ~150 letters is a loan word, not Arabic text.
    text = ("وزیر امور خارجه ایران در سفر به مسقط با همتای عمانی خود دیدار و درباره روابط دوجانبه "
            "و مسائل منطقه و همکاری در حوزه انرژی و دائرة المعارف اسلامی و تجارت و امنیت خلیج فارس "
            "و تنگه هرمز و مبادلات اقتصادی رایزنی کرد")
    assert detect_lang(text) == "fa"

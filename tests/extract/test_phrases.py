"""The phrase matcher: ZWNJ/space tolerance, word boundaries, suffixes, longest match."""

from kg.extract.phrases import PhraseMatcher


def texts(matcher, text):
    return [(m.text, m.payloads) for m in matcher.find(text)]


def test_phrases_match_with_space_zwnj_or_nothing_between_parts():
    m = PhraseMatcher([("رئیس‌جمهور", "president")])
    for written in ("رئیس‌جمهور", "رئیس جمهور", "رئیسجمهور"):
        assert texts(m, f"{written} ایران گفت") == [(written, ("president",))]


def test_phrases_prefer_the_longest_match():
    m = PhraseMatcher([("رئیس", "head"), ("رئیس‌جمهور", "president")])
    assert texts(m, "رئیس جمهور") == [("رئیس جمهور", ("president",))]
    assert texts(m, "رئیس مجلس") == [("رئیس", ("head",))]


def test_phrases_do_not_match_inside_words():
    m = PhraseMatcher([("ترک", "TUR"), ("ایران", "IRN")])
    assert texts(m, "ترکمنستان و ایرانشهر") == []


def test_phrases_letters_without_a_separator_in_the_phrase_stay_contiguous():
    assert texts(PhraseMatcher([("وام", "loan")]), "و امان") == []


def test_phrases_accept_persian_suffixes_only_when_asked():
    words = [("همکاری", "coop")]
    assert texts(PhraseMatcher(words, suffixes=True), "همکاری‌های اقتصادی") == [("همکاری\u200cهای", ("coop",))]
    assert texts(PhraseMatcher(words, suffixes=True), "همکاریها") == [("همکاریها", ("coop",))]
    assert texts(PhraseMatcher(words), "همکاریهای اقتصادی") == []


def test_phrases_zwnj_ends_a_word():
    # «ترکیه‌ای» (Turkish) names Turkey: the ZWNJ is a word boundary, like a space.
    assert texts(PhraseMatcher([("ترکیه", "TUR")]), "همتای ترکیه‌ای خود") == [("ترکیه", ("TUR",))]


def test_phrases_keep_every_payload_of_a_phrase():
    m = PhraseMatcher([("آذربایجان", "AZE"), ("آذربایجان", "province")])
    assert texts(m, "آذربایجان") == [("آذربایجان", ("AZE", "province"))]


def test_phrases_match_latin_case_insensitively():
    m = PhraseMatcher([("United States", "USA")])
    assert texts(m, "the UNITED STATES said") == [("UNITED STATES", ("USA",))]


def test_phrases_empty_lexicon_finds_nothing():
    assert PhraseMatcher([]).find("هر متنی") == []

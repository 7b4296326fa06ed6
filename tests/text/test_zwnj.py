"""ZWNJ restoration: learned forms, affix rules for unseen words, words that must stay whole."""

import pytest

from kg.text.zwnj import ZwnjRestorer, stem_final

ZWNJ = "\u200c"


def plus(text: str) -> str:
    return text.replace(ZWNJ, "+")


@pytest.fixture(scope="module")
def restorer() -> ZwnjRestorer:
    return ZwnjRestorer.default()


@pytest.mark.parametrize(("word", "expected"), [
    ("همکاریها", "همکاری+ها"),          # plural
    ("حوزههای", "حوزه+های"),             # plural with ezafe after a final ه
    ("میکند", "می+کند"),                 # verbal prefix
    ("نمیتواند", "نمی+تواند"),            # negative verbal prefix
    ("رئیسجمهور", "رئیس+جمهور"),          # compound
    ("نشاندهنده", "نشان+دهنده"),
    ("زیستمحیطی", "زیست+محیطی"),
    ("بینالمللی", "بین+المللی"),
    ("داشتهاند", "داشته+اند"),            # clitic after a final ه
    ("گستردهتر", "گسترده+تر"),            # comparative
    ("بردیمحمدوف", "بردی+محمدوف"),        # a name from the gazetteer
])
def test_zwnj_restores_the_words_web_text_loses(restorer, word, expected):
    assert plus(restorer.restore_word(word)) == expected


@pytest.mark.parametrize("word", ["میز", "میلیون", "میان", "همه", "تهران", "هند", "ماهی", "تنها",
                                  "کشورها", "بیشتر", "همچنین", "میدان", "کبوتر", "دفتر"])
def test_zwnj_leaves_words_that_are_one_word(restorer, word):
    assert restorer.restore_word(word) == word


def test_zwnj_leaves_words_that_already_have_a_zwnj(restorer):
    assert restorer.restore_word("همکاری" + ZWNJ + "هایشان") == "همکاری" + ZWNJ + "هایشان"


def test_zwnj_restore_text_leaves_latin_digits_and_punctuation(restorer):
    text, _ = restorer.restore_text("HDR 2019، میکند؛ «همکاریها» iPhone")
    assert plus(text) == "HDR 2019، می+کند؛ «همکاری+ها» iPhone"


def test_zwnj_restore_text_joins_split_affixes(restorer):
    text, _ = restorer.restore_text("همکاری ها ادامه می یابد")
    assert plus(text) == "همکاری+ها ادامه می+یابد"


def test_zwnj_restore_text_does_not_join_a_word_that_merely_looks_like_an_affix(restorer):
    # «می» after a letter is the end of a word («دائمی»), not the verbal prefix.
    text, _ = restorer.restore_text("حضور دائمی کشور")
    assert text == "حضور دائمی کشور"


# -- the rules, on small data of their own -------------------------------------------------------

@pytest.fixture()
def small() -> ZwnjRestorer:
    forms = {"میفرستاد": "می‌فرستاد", "ارائهشده": "ارائه‌شده", "نشاندهنده": "نشان‌دهنده"}
    words = {"همکاری", "خانه", "شعبه", "شعب", "کتاب", "ارائه", "دهنده", "تنها", "تن", "کشور",
             "فرستاد"}
    rules = {("suffix", "های", "ی"): 0.95, ("suffix", "ها", "ب"): 0.9, ("suffix", "ای", "ه"): 0.9,
             ("suffix", "های", "ب"): 0.9, ("suffix", "ها", "ر"): 0.1, ("second", "دهنده", ""): 0.9,
             ("suffix", "ها", "ت"): 0.85, ("suffix", "ها", "ن"): 0.5}
    return ZwnjRestorer(forms, words, rules)


def test_zwnj_rule_prefix_needs_a_verb_body_seen_after_mi(small):
    assert plus(small.restore_word("میفرستادیم")) == "می+فرستادیم"
    assert small.restore_word("میراثها") == "میراثها"  # «راثها» was never seen after «می»


def test_zwnj_rule_suffix_needs_a_known_stem_and_a_high_rate(small):
    assert plus(small.restore_word("همکاریهای")) == "همکاری+های"
    assert plus(small.restore_word("کتابهای")) == "کتاب+های"
    assert small.restore_word("کشورهایی") == "کشورهایی"  # no rule for «هایی» after «ر»


def test_zwnj_rule_prefers_a_silent_heh_with_a_clitic(small):
    assert plus(small.restore_word("شعبهای")) == "شعبه+ای"


def test_zwnj_rule_plural_after_an_unknown_stem_only_with_a_very_high_rate(small):
    assert plus(small.restore_word("لندنیهای")) == "لندنی+های"    # 0.95 after «ی»
    assert small.restore_word("ایمپلنتها") == "ایمپلنتها"         # 0.85 after «ت»: stem must be known
    assert small.restore_word("تنها") == "تنها"                   # a known word


def test_zwnj_rule_compound_of_known_parts(small):
    assert plus(small.restore_word("ارائهدهنده")) == "ارائه+دهنده"


def test_zwnj_known_plain_word_wins_over_every_rule(small):
    assert small.restore_word("خانه") == "خانه"


def test_zwnj_rule_stem_seen_before_a_zwnj_takes_a_suffix_at_a_lower_rate(small):
    # «شان» after «ی» at 0.6 is below the general bar of 0.8…
    restorer = ZwnjRestorer(dict(small.forms), set(small.words),
                            {**small.rules, ("suffix", "شان", "ی"): 0.6})
    assert restorer.restore_word("همکاریشان") == "همکاریشان"
    # …until a form shows the stem before a ZWNJ: its own habit lowers the bar to 0.5.
    restorer.forms["همکاریها"] = "همکاری‌ها"
    restorer.__post_init__()
    assert plus(restorer.restore_word("همکاریشان")) == "همکاری+شان"


def test_zwnj_rule_verb_run_into_the_next_word_keeps_its_prefix(small):
    # a lost space too: «میفرستادکشور» is «می‌فرستاد» + «کشور»; the rest is left as written
    assert plus(small.restore_word("میفرستادکشور")) == "می+فرستادکشور"
    assert small.restore_word("میفرستکشور") == "میفرستکشور"  # «فرست» is no verb seen


@pytest.mark.parametrize(("stem", "final"), [("زندگی", "ی"), ("جای", "ای"), ("نیروی", "وی"),
                                             ("کشور", "ر"), ("خانه", "ه")])
def test_zwnj_stem_final_keeps_a_glide_yeh_apart(stem, final):
    assert stem_final(stem) == final


def test_zwnj_load_reads_a_learned_folder(tmp_path):
    (tmp_path / "zwnj-forms.tsv").write_text(
        "# a comment\nstripped\tform\tcount\tplain\nکتابها\tکتاب‌ها\t3\t0\n", encoding="utf-8")
    (tmp_path / "zwnj-words.tsv").write_text("word\tcount\nتنها\t9\n", encoding="utf-8")
    (tmp_path / "zwnj-rules.tsv").write_text(
        "kind\taffix\tfinal\twith_zwnj\twithout\nsuffix\tها\tب\t9\t1\nsuffix\tها\tن\t1\t9\n",
        encoding="utf-8")
    restorer = ZwnjRestorer.load(tmp_path)
    assert plus(restorer.restore_word("کتابها")) == "کتاب+ها"
    assert restorer.rules == {("suffix", "ها", "ب"): 0.9, ("suffix", "ها", "ن"): 0.0}
    assert restorer.restore_word("تنها") == "تنها"


def test_zwnj_rule_silent_heh_ends_a_compound_part():
    # «جعبه» is seen before a ZWNJ and never joined to «ی»: its «ه» is silent, so «جعبهچوبی» splits;
    # «سیاه» is joined in «سیاهی»: a consonant «ه», so «سیاهپوستی» is left whole.
    restorer = ZwnjRestorer({"جعبهها": "جعبه‌ها", "سیاهها": "سیاه‌ها"},
                            {"جعبه", "چوبی", "سیاه", "سیاهی", "پوستی"})
    assert plus(restorer.restore_word("جعبهچوبی")) == "جعبه+چوبی"
    assert restorer.restore_word("سیاهپوستی") == "سیاهپوستی"

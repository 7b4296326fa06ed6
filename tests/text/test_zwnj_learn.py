"""Learning the ZWNJ data (scripts/learn_zwnj.py): the splits it keeps apart and hazm's word list."""

from collections import Counter

from scripts.learn_zwnj import hazm_forms, is_dev, is_training, learn_forms, learn_rules

ZWNJ = "\u200c"


def test_zwnj_learn_never_reads_the_held_out_articles():
    held_out = [i for i in range(20) if i % 5 == 0]
    assert not any(is_training(i) or is_training(i, dev=True) for i in held_out)


def test_zwnj_learn_dev_split_is_left_out_only_when_asked():
    assert [i for i in range(10) if is_dev(i)] == [1, 6]
    assert is_training(1) and not is_training(1, dev=True)
    assert is_training(2, dev=True)


def test_zwnj_learn_hazm_forms_only_for_unseen_words_preferring_zwnj(tmp_path):
    words = tmp_path / "words.dat"
    words.write_text("پیش\u200cبالینی\t3\tAJ\n"     # only with a ZWNJ: taken
                     "هم\u200cچنین\t5\tADV\nهمچنین\t90\tADV\n"  # plain more frequent: not taken
                     "کتاب\u200cها\t9\tN\n", encoding="utf-8")   # already known: ours wins
    found = hazm_forms(words, known={"کتابها"})
    assert found == {"پیشبالینی": ("پیش\u200cبالینی", 0, 0)}


def test_zwnj_learn_forms_by_majority_and_suffix_rules_by_stem_ending():
    with_zwnj = Counter({"زندگی\u200cشان": 3, "کتاب\u200cها": 2})
    plain = Counter({"زندگی": 5, "جای": 4, "جایشان": 2, "کتابها": 1, "کتاب": 3})
    forms, words = learn_forms(with_zwnj, plain, min_count=1)
    assert set(forms) == {"زندگیشان", "کتابها"} and "جایشان" in words
    rules = learn_rules(forms, words)
    assert rules[("suffix", "شان", "ی", True)] == 1       # after a consonant + «ی»
    assert rules[("suffix", "شان", "ای", False)] == 1     # after the glide of «جای»

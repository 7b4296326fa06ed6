"""Alignment of rewritten text to its source: deletions, insertions, replacements, chains."""

import re

from kg.text.align import Alignment, Stage, rewrite, substitute


def test_align_rewrite_records_only_length_changes():
    text, stage = rewrite("abc", [(1, 2, "X")])
    assert text == "aXc" and stage == Stage()


def test_align_deletion_is_skipped_at_a_start_and_not_counted_at_an_end():
    text, stage = rewrite("ab---cd", [(2, 5, "")])
    alignment = Alignment((stage,))
    assert text == "abcd"
    assert alignment.to_original(2, 4) == (5, 7)   # «cd»
    assert alignment.to_original(0, 2) == (0, 2)   # «ab», the dashes after it not included


def test_align_insertion_maps_to_an_empty_span_where_it_was_inserted():
    text, stage = rewrite("ab", [(1, 1, "+")])
    alignment = Alignment((stage,))
    assert text == "a+b"
    assert alignment.to_original(1, 2) == (1, 1)
    assert alignment.to_original(0, 3) == (0, 2)


def test_align_collapsed_run_maps_to_the_whole_run():
    text, stage = rewrite("a   b", [(1, 4, " ")])
    assert text == "a b"
    assert Alignment((stage,)).to_original(1, 2) == (1, 4)


def test_align_chain_of_stages_maps_to_the_first_text():
    first, one = substitute(re.compile(" +"), lambda m: " ", "a   bb  c")
    second, two = rewrite(first, [(2, 2, "+")])
    assert (first, second) == ("a bb c", "a +bb c")
    alignment = Alignment((one, two))
    assert alignment.to_original(3, 5) == (4, 6)   # «bb»
    assert alignment.to_original(6, 7) == (8, 9)   # «c»


def test_align_substitute_leaves_unchanged_matches_alone():
    text, stage = substitute(re.compile("b"), lambda m: None, "abc")
    assert text == "abc" and stage == Stage()


def test_align_then_skips_empty_stages():
    assert Alignment().then(Stage()) == Alignment()

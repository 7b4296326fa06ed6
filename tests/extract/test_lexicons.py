"""Every lexicon line is data with a test: each trigger codes its own example sentence."""

import pytest

from kg.errors import KGError
from kg.extract.lexicons import PLOVER_CATEGORIES, load_cues, load_triggers, read_tsv
from kg.extract.triggers import TriggerFinder

TRIGGERS = load_triggers("fa")


def test_lexicons_triggers_cover_every_plover_category():
    assert {t.category for t in TRIGGERS} == set(PLOVER_CATEGORIES)


@pytest.mark.parametrize("trigger", [t for t in TRIGGERS if t.example], ids=lambda t: f"{t.line}-{t.category}")
def test_lexicons_trigger_finds_its_example(trigger):
    hits = TriggerFinder(TRIGGERS).find(trigger.example)
    found = {(h.trigger.category, h.trigger.mode) for h in hits}
    assert (trigger.category, trigger.mode) in found, f"line {trigger.line}: {trigger.phrase!r} not found"


def test_lexicons_gap_trigger_stays_inside_one_clause():
    finder = TriggerFinder(TRIGGERS)
    hits = finder.find("ایران قصد دارد روابط خود را گسترش دهد. همکاری با عمان ادامه دارد.")
    assert not any(h.trigger.phrase == "قصد … همکاری" for h in hits)


def test_lexicons_cues_have_the_known_kinds():
    kinds = {c.kind for c in load_cues("fa")}
    assert {"negation", "hypothetical", "future", "recipient", "location"} <= kinds


def test_lexicons_malformed_line_names_file_and_line(tmp_path):
    path = tmp_path / "triggers-xx.tsv"
    path.write_text("category\tmode\tphrase\troles\tconfidence\talt\texample\nNOPE\t\tx\tto\t0.5\t\t\n", encoding="utf-8")
    with pytest.raises(KGError, match=r"KG101.*triggers-xx.tsv:2.*NOPE"):
        load_triggers.__wrapped__("xx", tmp_path)


def test_lexicons_too_many_cells_is_an_error(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text("a\tb\n1\t2\t3\n", encoding="utf-8")
    with pytest.raises(KGError, match="x.tsv:2"):
        read_tsv(path)

"""English extraction: lexicons whose lines code their own examples, the English word-order rules,
dates, and the pipeline on real Tehran Times articles with gold events (tests/fixtures/gold/en).

The fixtures are read from the repository (tests/fixtures/articles/en), never from ../shared.
"""

import json
from datetime import date
from pathlib import Path

import pytest

from kg.extract.cues import CueFinder
from kg.extract.dates import DateFinder
from kg.extract.lexicons import PLOVER_CATEGORIES, load_cues, load_triggers
from kg.extract.phrases import PhraseMatcher, english_forms
from kg.extract.pipeline import extract
from kg.extract.triggers import TriggerFinder
from kg.facts import Article
from kg.io import read_articles

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "fixtures" / "articles" / "en"
GOLD = ROOT / "tests" / "fixtures" / "gold" / "en"
TRIGGERS = load_triggers("en")
FINDER = TriggerFinder(TRIGGERS)


def events_of(text, day=None):
    return extract(Article(id="t", lang="en", title="", text=text, date=day)).events


def coded(text, day=None):
    """(category, sorted state parties, actor parties) of each event of a one-article text."""
    return {(e.category, e.state_parties, tuple(sorted({m.actor.party for m in e.actors})))
            for e in events_of(text, day)}


# -- lexicons ------------------------------------------------------------------------------------
def test_english_triggers_cover_every_plover_category():
    assert {t.category for t in TRIGGERS} == set(PLOVER_CATEGORIES)


@pytest.mark.parametrize("trigger", [t for t in TRIGGERS if t.example], ids=lambda t: f"{t.line}-{t.category}")
def test_english_trigger_finds_its_example(trigger):
    hits = FINDER.find(trigger.example)
    found = {(h.trigger.category, h.trigger.mode) for h in hits}
    assert (trigger.category, trigger.mode) in found, f"line {trigger.line}: {trigger.phrase!r} not found"


def test_english_every_trigger_has_an_example():
    assert all(t.example for t in TRIGGERS)


def test_english_cues_have_the_known_kinds():
    kinds = {c.kind for c in load_cues("en")}
    assert {"negation", "hypothetical", "future", "recipient", "location", "about", "place-head",
            "place-tail", "dyad-reference", "clause-break"} <= kinds


# -- inflection ----------------------------------------------------------------------------------
def test_english_forms_follow_spelling_rules():
    assert {"urged", "urging", "urges"} <= english_forms("urge")
    assert {"denied", "denies", "denying"} <= english_forms("deny")
    assert {"expelled", "expelling"} <= english_forms("expel")
    assert english_forms("UN") == {"UN"}


def test_english_phrases_inflect_first_and_last_word_only_for_latin_phrases():
    m = PhraseMatcher([("call on", "R"), ("hold talks", "C")], suffixes=True)
    assert [x.text for x in m.find("Iran called on Iraq; they are holding talks")] == ["called on", "holding talks"]
    assert PhraseMatcher([("call on", "R")]).find("Iran called on Iraq") == []


def test_english_listed_phrase_wins_over_an_inflected_form():
    m = PhraseMatcher([("talk", "verb"), ("talks", "noun")], suffixes=True)
    assert m.find("talks")[0].payloads == ("noun",)


# -- cues and dates ------------------------------------------------------------------------------
def test_english_negation_before_the_verb():
    cues = CueFinder.default("en")
    text = "Zarif did not meet Lavrov in Moscow."
    start = text.index("meet")
    assert cues.is_negated(text, start, start + 4)
    text = "Zarif met Lavrov and said Iran will not accept the terms."
    assert not cues.is_negated(text, 6, 9)


def test_english_not_only_is_no_negation():
    cues = CueFinder.default("en")
    text = "Iran not only met Iraq but also signed a deal."
    start = text.index("met")
    assert not cues.is_negated(text, start, start + 3)


def test_english_clause_ends_at_that_and_commas():
    cues = CueFinder.default("en")
    text = "Aliyev said that Azerbaijan is ready to expand relations with Iran."
    start = text.index("ready to expand")
    left, _ = cues.clause(text, start, start + 15)
    assert text[left:].startswith(" Azerbaijan")


def test_english_preposition_skips_determiners():
    cues = CueFinder.default("en")
    text = "Zarif met with the United Arab Emirates' foreign minister"
    assert cues.preposition_before(text, text.index("United")) == "with"


@pytest.mark.parametrize("text, expected", [
    ("Zarif met Lavrov on Monday.", date(2019, 5, 6)),
    ("They met last Monday.", date(2019, 5, 6)),
    ("The deal was signed on March 5, 2019 in Tehran.", date(2019, 3, 5)),
    ("The deal was signed on 5 March 2019.", date(2019, 3, 5)),
    ("Yesterday, the two ministers spoke by phone.", date(2019, 5, 7)),
])
def test_english_dates_resolve_against_the_article_date(text, expected):
    assert DateFinder.default("en").find(text, date(2019, 5, 8)).value == expected


def test_english_may_as_a_verb_is_no_date():
    assert DateFinder.default("en").find("Iran may visit Iraq soon.", date(2019, 5, 8)) is None


# -- word order ----------------------------------------------------------------------------------
def test_english_object_of_a_verb_receives():
    events = events_of("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi.")
    meeting = next(e for e in events if e.category == "CONSULT")
    assert meeting.state_parties == ("RUS", "TUR")
    assert {m.actor.party for m in meeting.actors} == {"RUS"}


def test_english_possessive_owner_of_a_noun_trigger_acts():
    found = coded("Iranian President Hassan Rouhani's visit to Baku strengthened ties with Azerbaijan.")
    assert ("CONSULT", ("AZE", "IRN"), ("IRN",)) in found


def test_english_agent_after_by_acts():
    found = coded("The normalization of relations with Israel was strongly condemned by Iran.")
    assert any(c == "ACCUSE" and actors == ("IRN",) for c, _, actors in found)


def test_english_talks_between_name_both_sides():
    found = coded("Talks between Iran and Saudi Arabia resumed in Baghdad on Wednesday.")
    assert any(c == "CONSULT" and parties == ("IRN", "SAU") for c, parties, _ in found)


def test_english_dateline_city_is_no_party():
    found = coded("TEHRAN – Turkish Foreign Minister Mevlut Cavusoglu held talks with his Russian counterpart Sergei Lavrov.")
    assert {(c, p) for c, p, _ in found} == {("CONSULT", ("RUS", "TUR"))}


def test_english_place_after_a_demonym_is_no_party():
    found = coded("Iraqi Prime Minister Mustafa al-Kadhimi met Saudi Crown Prince Mohammed bin Salman in the Iranian capital.")
    assert all("IRN" not in parties for _, parties, _ in found)


def test_english_negated_and_hypothetical_meetings_are_not_coded():
    assert not coded("Zarif did not meet Pompeo in New York.")
    assert not coded("If Iran and the United States held talks, the crisis might end.")


def test_english_future_meeting_is_an_intent():
    found = coded("Pakistani Prime Minister Imran Khan will visit Tehran next week.")
    assert {c for c, _, _ in found} == {"AGREE"}


def test_english_separate_calls_are_separate_events():
    found = coded("Zarif held separate telephone conversations with the foreign ministers of Iraq, Oman and Turkey.")
    pairs = {p for c, p, _ in found if c == "CONSULT"}
    assert pairs == {("IRN", "IRQ"), ("IRN", "OMN"), ("IRN", "TUR")}


def test_english_persian_genitive_rule_does_not_apply():
    # Persian «دیدار ظریف» makes Zarif act; in English the name after a verb receives.
    events = events_of("Omani Foreign Minister Badr Albusaidi met Zarif in Muscat.")
    meeting = next(e for e in events if e.category == "CONSULT")
    assert {m.actor.party for m in meeting.actors} == {"OMN"}
    assert {m.actor.party for m in meeting.recipients} == {"IRN"}


def test_english_state_before_title_and_new_person_recalled_by_surname():
    text = ("Iranian Interior Minister Abdolreza Rahmani Fazli met with Azeri President Ilham Aliyev in Baku. "
            "Rahmani Fazli called on Azerbaijan to fight drug trafficking.")
    article = Article(id="t", lang="en", title="", text=text)
    facts = extract(article)
    minister = [m for m in facts.mentions if "Rahmani Fazli" in m.text]
    assert len(minister) == 2 and all(m.actor.party == "IRN" for m in minister)
    assert minister[0].text.startswith("Iranian Interior Minister")
    assert {(e.category, e.state_parties) for e in facts.events} >= {("CONSULT", ("AZE", "IRN")),
                                                                    ("REQUEST", ("AZE", "IRN"))}


def test_english_envoys_host_state_is_no_party():
    found = coded("Iran's Ambassador to London Hamid Baeidinejad criticized the Saudi attack on Yemen.")
    assert all("GBR" not in parties for _, parties, _ in found)


def test_english_counterpart_takes_the_state_before_it():
    found = coded("Russian Energy Minister Alexander Novak and his Iranian counterpart discussed energy cooperation through OPEC.")
    assert ("CONSULT", ("IRN", "RUS"), ("IRN", "RUS")) in found


# -- the fixtures with gold ----------------------------------------------------------------------
def _fixtures() -> dict[str, Article]:
    return {a.id: a for a in read_articles([ARTICLES]) if isinstance(a, Article)}


FIXTURES = _fixtures()
GOLDS = {g["article"]: g for g in (json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json")))}
CONSULT_GOLD = [(article, tuple(ev["actors"])) for article, gold in GOLDS.items()
                for ev in gold["events"] if ev["event"] == ["CONSULT"] and len(ev["actors"]) >= 2]


def test_english_fixtures_have_gold_for_every_article_and_are_english():
    assert set(FIXTURES) == set(GOLDS) and len(FIXTURES) >= 8
    assert all(a.lang == "en" for a in FIXTURES.values())
    assert len({a for a, _ in CONSULT_GOLD}) >= 8


@pytest.fixture(scope="module")
def found():
    return {article: {(e.category, e.state_parties) for e in extract(FIXTURES[article]).events}
            for article in FIXTURES}


def test_english_pipeline_finds_most_gold_calls_meetings_and_visits(found):
    hits = [(a, parties) for a, parties in CONSULT_GOLD if ("CONSULT", parties) in found[a]]
    # measured 2026: 21 of 22 records, 10 of 11 articles (the miss: "U.S." ends a sentence before
    # "President Donald Trump", so the call loses its Saudi side)
    assert len(hits) >= 0.85 * len(CONSULT_GOLD), sorted(set(CONSULT_GOLD) - set(hits))
    articles = {a for a, _ in CONSULT_GOLD}
    assert len({a for a, _ in hits}) >= 0.8 * len(articles)


def test_english_pipeline_events_have_two_parties_and_provenance():
    for article in FIXTURES.values():
        for event in extract(article).events:
            assert len(event.parties) >= 2
            assert event.provenance.article == article.id and 0 < event.provenance.confidence <= 1

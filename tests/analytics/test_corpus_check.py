"""The analytics on real news agree with counts taken directly with SPARQL.

Ingests 1,000 articles of ``../shared/corpus/fa-irnews.jsonl`` (or ``$KG_SHARED/corpus/...``)
— the world-news, foreign-policy and politics desks first (about 730), then the rest in corpus
order — into an embedded Oxigraph store, then checks ``summary()``, every edge weight of the
interaction graph (actor and state level), the strongest dyads, the monthly scores of every dyad
and its domain profile against SPARQL queries written independently of ``kg.analytics``.
Skipped when the shared folder is absent (a fresh clone). About 40 s, most of it the ingest.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kg.analytics import dyad_domain_profile, dyad_scores, interaction_graph, summary
from kg.analytics.projections import actor_key
from kg.ingest import ingest
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "fa-irnews.jsonl"
ARTICLES = int(os.environ.get("KG_CHECK_ARTICLES", "1000"))
# Desk names of the corpus for world news, foreign policy, security and politics.
DESKS = {"بین الملل", "بین‌الملل", "سیاست خارجی", "سياست‌خارجی", "خارجی", "جهان", "سیاسی",
         "سیاسی،مجلس", "سیاست", "امنیتی و دفاعی"}

pytestmark = pytest.mark.skipif(not CORPUS.is_file(), reason=f"{CORPUS} is absent (no ../shared)")

PREFIXES = """PREFIX rr: <https://w3id.org/rrkg/ontology#>
"""

# The body of one row per (event, source, target) the network should hold, written without
# kg.analytics: actor → recipient, or, for an event without recipient, every actor to every other.
PAIRS_BODY = """
  GRAPH ?g { ?event a rr:Event ; rr:category ?category ; rr:actor ?source . }
  {
    GRAPH ?g { ?event rr:recipient ?target }
  } UNION {
    GRAPH ?g { ?event rr:actor ?target FILTER NOT EXISTS { ?event rr:recipient ?anyone } }
  }
  FILTER(?source != ?target)
"""
PAIRS = PREFIXES + "SELECT DISTINCT ?event ?source ?target WHERE {" + PAIRS_BODY + "}"

# The unordered pair of each event (?x before ?y by IRI), once per event.
DYADS = """{ SELECT DISTINCT ?event ?x ?y WHERE {""" + PAIRS_BODY + """
    BIND(IF(STR(?source) < STR(?target), ?source, ?target) AS ?x)
    BIND(IF(STR(?source) < STR(?target), ?target, ?source) AS ?y)
  } }"""


def _sample(path: Path, count: int) -> None:
    """The first ``count`` articles of the desks in ``DESKS``, then of the others, to ``path``."""
    first, rest = [], []
    with CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            desks = json.loads(line).get("category") or []
            desks = [desks] if isinstance(desks, str) else desks
            (first if any(desk.strip() in DESKS for desk in desks) else rest).append(line)
    path.write_text("".join((first + rest)[:count]), encoding="utf-8")


def _count(store, query: str) -> int:
    return int(store.query(PREFIXES + query).rows[0][0])


def _dyad(x, y) -> frozenset:
    return frozenset((actor_key(str(x)), actor_key(str(y))))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    _sample(folder / "sample.jsonl", ARTICLES)
    with open_store(folder / "store") as kg_store:
        # Without SHACL validation: it is checked elsewhere, and here it would double the time.
        ingest([folder / "sample.jsonl"], kg_store, validate=False)
        yield kg_store


def test_the_sample_has_events_to_check(store):
    assert _count(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?a { ?x a rr:Article } }") >= 0.9 * ARTICLES
    assert _count(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a rr:Event } }") >= ARTICLES


def test_summary_counts_match_sparql(store):
    result = summary(store, level="actor")
    pairs = store.query(PAIRS).rows
    assert result["events"] == len({event for event, _, _ in pairs})
    assert result["interactions"] == len({(s, t) for _, s, t in pairs})
    assert result["actors"] == len({s for _, s, _ in pairs} | {t for _, _, t in pairs})


def test_every_edge_weight_matches_a_sparql_count(store):
    rows = store.query(PREFIXES + f"""
SELECT ?source ?target (COUNT(DISTINCT ?event) AS ?events) WHERE {{ {PAIRS_BODY} }}
GROUP BY ?source ?target""").rows
    expected = {(actor_key(str(s)), actor_key(str(t))): int(n) for s, t, n in rows}
    graph = interaction_graph(store, level="actor")
    assert {(u, v): d["weight"] for u, v, d in graph.edges(data=True)} == expected


def test_strongest_dyads_count_each_event_once(store):
    rows = store.query(PREFIXES + f"SELECT ?x ?y (COUNT(?event) AS ?n) WHERE {{ {DYADS} }} GROUP BY ?x ?y").rows
    expected = {_dyad(x, y): int(n) for x, y, n in rows}
    strongest = summary(store, level="actor", top=10)["strongest dyads"]
    assert len(strongest) == 10
    assert [row["events"] for row in strongest] == sorted(expected.values(), reverse=True)[:10]
    for row in strongest:
        assert row["events"] == expected[frozenset((row["a"], row["b"]))]


def test_state_level_edge_weights_match_sparql_folding_people_into_their_states(store):
    # A person counts for the state of its rr:country; two officials of one state make no edge.
    rows = store.query(PREFIXES + f"""
SELECT ?from ?to (COUNT(DISTINCT ?event) AS ?events) WHERE {{
  {PAIRS_BODY}
  OPTIONAL {{ GRAPH ?a {{ ?source a rr:Person }} GRAPH ?b {{ ?source rr:country ?source_state }} }}
  OPTIONAL {{ GRAPH ?c {{ ?target a rr:Person }} GRAPH ?d {{ ?target rr:country ?target_state }} }}
  BIND(COALESCE(?source_state, ?source) AS ?from)
  BIND(COALESCE(?target_state, ?target) AS ?to)
  FILTER(?from != ?to)
}} GROUP BY ?from ?to""").rows
    expected = {(actor_key(str(s)), actor_key(str(t))): int(n) for s, t, n in rows}
    graph = interaction_graph(store, level="state")
    assert {(u, v): d["weight"] for u, v, d in graph.edges(data=True)} == expected
    assert summary(store, level="state")["interactions"] == len(expected)


def test_monthly_dyad_scores_match_sparql_sums_of_plover_scores(store):
    # An event's month is that of its earliest rr:date; its score and quad class are its PLOVER
    # category's, as the ontology in the store gives them. Undated events have no month.
    rows = store.query(PREFIXES + f"""
SELECT ?x ?y ?month (COUNT(?event) AS ?events) (SUM(?score) AS ?total)
       (SUM(IF(?quad <= 2, 1, 0)) AS ?cooperative) (SUM(IF(?quad >= 3, 1, 0)) AS ?conflictual) WHERE {{
  {DYADS}
  {{ SELECT ?event (MIN(?d) AS ?day) WHERE {{ GRAPH ?g {{ ?event rr:date ?d }} }} GROUP BY ?event }}
  GRAPH ?h {{ ?event rr:category ?category }}
  GRAPH ?o {{ ?category rr:quadClass ?quad ; rr:score ?score }}
  BIND(SUBSTR(STR(?day), 1, 7) AS ?month)
}} GROUP BY ?x ?y ?month""").rows
    expected = {(_dyad(x, y), str(month)): (int(n), float(total), int(coop), int(conf))
                for x, y, month, n, total, coop, conf in rows}
    found = {(frozenset((r["a"], r["b"])), r["period"]): r
             for r in dyad_scores(store, level="actor", freq="month")}
    assert len(expected) > 100
    assert found.keys() == expected.keys()
    for key, (events, total, cooperative, conflictual) in expected.items():
        row = found[key]
        assert (row["events"], row["cooperative"], row["conflictual"]) == (events, cooperative, conflictual)
        assert row["score_sum"] == pytest.approx(total)
        assert row["score_mean"] == pytest.approx(total / events)


def test_domain_profile_matches_sparql_counts_per_dyad_and_topic(store):
    rows = store.query(PREFIXES + f"""
SELECT ?x ?y ?topic (COUNT(?event) AS ?events) WHERE {{
  {DYADS}
  GRAPH ?h {{ ?event rr:topic ?topic }}
}} GROUP BY ?x ?y ?topic""").rows
    expected = {(_dyad(x, y), str(topic).rsplit("/", 1)[-1]): int(n) for x, y, topic, n in rows}
    found = {(frozenset((r["a"], r["b"])), r["topic"]): r["events"]
             for r in dyad_domain_profile(store, level="actor")}
    assert len(expected) > 100
    assert found == expected

"""The analytics on real news agree with counts taken directly with SPARQL.

Ingests 300 international and political articles of ``../shared/corpus/fa-irnews.jsonl`` (or
``$KG_SHARED/corpus/...``) into an embedded Oxigraph store, then checks ``summary()`` and every
edge weight of the interaction graph against SPARQL COUNT queries written independently of
``kg.analytics``. Skipped when the shared folder is absent (a fresh clone).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kg.analytics import interaction_graph, summary
from kg.analytics.projections import actor_key
from kg.ingest import ingest
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "fa-irnews.jsonl"
ARTICLES = 300
# Desk names of the corpus for world news, foreign policy and politics.
DESKS = ("بین الملل", "بین‌الملل", "سیاست خارجی", "خارجی", "سیاسی")

pytestmark = pytest.mark.skipif(not CORPUS.is_file(), reason=f"{CORPUS} is absent (no ../shared)")

PREFIXES = """PREFIX rr: <https://w3id.org/rrkg/ontology#>
"""

# One row per (event, source, target) the network should hold, written without kg.analytics:
# actor → recipient, or, for an event without recipient, every actor to every other actor.
PAIRS = PREFIXES + """
SELECT DISTINCT ?event ?source ?target WHERE {
  GRAPH ?g { ?event a rr:Event ; rr:category ?category ; rr:actor ?source . }
  {
    GRAPH ?g { ?event rr:recipient ?target }
  } UNION {
    GRAPH ?g { ?event rr:actor ?target FILTER NOT EXISTS { ?event rr:recipient ?anyone } }
  }
  FILTER(?source != ?target)
}"""


def _count(store, query: str) -> int:
    return int(store.query(PREFIXES + query).rows[0][0])


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    sample = folder / "sample.jsonl"
    with CORPUS.open(encoding="utf-8") as lines, sample.open("w", encoding="utf-8") as out:
        taken = 0
        for line in lines:
            desks = json.loads(line).get("category") or []
            if any(desk.strip() in DESKS for desk in ([desks] if isinstance(desks, str) else desks)):
                out.write(line)
                taken += 1
                if taken == ARTICLES:
                    break
    with open_store(folder / "store") as kg_store:
        ingest([sample], kg_store)
        yield kg_store


def test_the_sample_has_events_to_check(store):
    assert _count(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a rr:Event } }") >= 50


def test_summary_counts_match_sparql(store):
    result = summary(store, level="actor")
    pairs = store.query(PAIRS).rows
    assert result["events"] == len({event for event, _, _ in pairs})
    assert result["interactions"] == len({(s, t) for _, s, t in pairs})
    assert result["actors"] == len({s for _, s, _ in pairs} | {t for _, _, t in pairs})


def test_every_edge_weight_matches_a_sparql_count(store):
    rows = store.query(PREFIXES + f"""
SELECT ?source ?target (COUNT(DISTINCT ?event) AS ?events) WHERE {{ {{ {PAIRS.split(PREFIXES, 1)[1]} }} }}
GROUP BY ?source ?target""").rows
    expected = {(actor_key(str(s)), actor_key(str(t))): int(n) for s, t, n in rows}
    graph = interaction_graph(store, level="actor")
    assert {(u, v): d["weight"] for u, v, d in graph.edges(data=True)} == expected


def test_strongest_dyads_count_each_event_once(store):
    pairs = store.query(PAIRS).rows
    events: dict[frozenset, set] = {}
    for event, source, target in pairs:
        events.setdefault(frozenset((actor_key(str(source)), actor_key(str(target)))), set()).add(event)
    for row in summary(store, level="actor", top=5)["strongest dyads"]:
        assert row["events"] == len(events[frozenset((row["a"], row["b"]))])


def test_state_level_edge_weights_match_sparql_folding_people_into_their_states(store):
    # A person counts for the state of its rr:country; two officials of one state make no edge.
    body = PAIRS.split(PREFIXES, 1)[1].replace("SELECT DISTINCT ?event ?source ?target WHERE {", "{", 1)
    rows = store.query(PREFIXES + f"""
SELECT ?from ?to (COUNT(DISTINCT ?event) AS ?events) WHERE {{
  {body}
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

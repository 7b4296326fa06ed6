"""The interaction graph: edges are events between actors, counted as a direct SPARQL COUNT does."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analytics.projections import actor_key, interaction_graph
from kg.errors import KGError
from small_graph import ARAGHCHI, PEZESHKIAN, SERDAR

# Events between two parties: actor → recipient, or both actors of an event without recipient.
_PAIRS = """
  GRAPH ?g {
    { ?e a rr:Event ; rr:actor ?a ; rr:recipient ?b }
    UNION
    { ?e a rr:Event ; rr:actor ?a, ?b . FILTER NOT EXISTS { ?e rr:recipient ?r } }
  }
"""

ACTOR_COUNT = f"""PREFIX rr: <https://w3id.org/rrkg/ontology#>
SELECT ?a ?b (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {_PAIRS} FILTER(?a != ?b) }} GROUP BY ?a ?b"""

STATE_COUNT = f"""PREFIX rr: <https://w3id.org/rrkg/ontology#>
SELECT ?A ?B (COUNT(DISTINCT ?e) AS ?n) WHERE {{
  {_PAIRS}
  OPTIONAL {{ GRAPH ?x {{ ?a rr:country ?ac }} }}
  OPTIONAL {{ GRAPH ?y {{ ?b rr:country ?bc }} }}
  BIND(COALESCE(?ac, ?a) AS ?A)
  BIND(COALESCE(?bc, ?b) AS ?B)
  FILTER(?A != ?B)
}} GROUP BY ?A ?B"""


def _weights(graph: nx.DiGraph) -> dict[tuple[str, str], int]:
    return {(u, v): d["weight"] for u, v, d in graph.edges(data=True)}


def _counted(store, query: str) -> dict[tuple[str, str], int]:
    return {(actor_key(a), actor_key(b)): n for a, b, n in
            (tuple(row.values()) for row in store.query(query).to_dicts())}


def test_interaction_edge_weights_equal_sparql_counts_at_actor_level(store):
    assert _weights(interaction_graph(store)) == _counted(store, ACTOR_COUNT)


def test_interaction_edge_weights_equal_sparql_counts_at_state_level(store):
    assert _weights(interaction_graph(store, level="state")) == _counted(store, STATE_COUNT)


def test_interaction_state_level_folds_persons_into_their_states(store):
    graph = interaction_graph(store, level="state")
    assert not [n for n in graph if n.startswith("person:")]
    # the presidents' call, the joint AGREE, a SUPPORT, Pezeshkian's call to TKM
    assert graph["IRN"]["TKM"]["weight"] == 4
    assert graph["IRN"]["TKM"]["categories"] == {"AGREE": 1, "CONSULT": 2, "SUPPORT": 1}


def test_interaction_state_level_drops_a_states_own_officials_talking(store):
    assert interaction_graph(store)[PEZESHKIAN][ARAGHCHI]["weight"] == 1
    assert not interaction_graph(store, level="state").has_edge("IRN", "IRN")


def test_interaction_joint_event_links_its_actors_both_ways(store):
    graph = interaction_graph(store, categories=["AGREE"])
    assert _weights(graph) == {("IRN", "TKM"): 1, ("TKM", "IRN"): 1}
    assert graph.graph["events"] == 1


def test_interaction_nodes_carry_labels_type_and_party(store):
    graph = interaction_graph(store)
    assert graph.nodes["IRN"] == {"label_en": "Iran", "label_fa": "ایران", "type": "Country", "party": "IRN",
                                  "iri": "https://w3id.org/rrkg/id/actor/IRN"}
    assert graph.nodes[SERDAR]["party"] == "TKM"
    assert graph.nodes[SERDAR]["type"] == "Person"
    assert graph.nodes["CASPIAN"]["type"] == "Group"


def test_interaction_edges_list_their_events(store):
    edge = interaction_graph(store, level="state")["RUS"]["TUR"]
    assert len(edge["events"]) == edge["weight"] == 3
    assert edge["events"] == sorted(edge["events"])


def test_interaction_category_filter_keeps_only_those_categories(store):
    graph = interaction_graph(store, level="state", categories=["consult"])
    assert {c for *_, d in graph.edges(data=True) for c in d["categories"]} == {"CONSULT"}


def test_interaction_quad_class_filter_keeps_conflict(store):
    graph = interaction_graph(store, level="state", quad_classes=[3, 4])
    assert _weights(graph) == {("RUS", "TUR"): 2, ("TUR", "RUS"): 1}


def test_interaction_dates_bound_both_ends_and_drop_undated_events(store):
    graph = interaction_graph(store, level="state", since="2025-03-01", until="2025-03-31")
    assert _weights(graph) == {("RUS", "TUR"): 2, ("IRN", "OMN"): 1, ("OMN", "IRN"): 1}
    assert not graph.has_edge("IRN", "RUS")  # that event has no date


def test_interaction_topic_filter_includes_narrower_topics(store):
    # energy: the call (gas, energy), the call to TKM (gas: narrower), IRN → RUS (oil: narrower)
    graph = interaction_graph(store, level="state", topics=["energy"])
    assert _weights(graph) == {("IRN", "TKM"): 2, ("IRN", "RUS"): 1}


def test_interaction_multi_gives_one_edge_per_event(store):
    graph = interaction_graph(store, level="state", multi=True)
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_edges("IRN", "TKM") == 4
    assert {d["category"] for *_, d in graph.edges("RUS", data=True)} == {"CONSULT", "ACCUSE", "SANCTION"}


@pytest.mark.parametrize("options", [
    {"categories": ["CONSULT } DROP ALL"]},
    {"categories": ["GREET"]},
    {"quad_classes": [5]},
    {"topics": ["gas> } <x"]},
    {"since": "last week"},
    {"level": "city"},
])
def test_interaction_refuses_bad_filter_values_with_kg403(memory_store, options):
    with pytest.raises(KGError) as caught:
        interaction_graph(memory_store, **options)
    assert caught.value.code == "KG403"


def test_interaction_empty_filters_match_nothing(store):
    assert interaction_graph(store, topics=[]).number_of_edges() == 0
    assert interaction_graph(store, categories=["CONSULT"], quad_classes=[4]).number_of_edges() == 0

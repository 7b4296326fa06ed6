"""Centrality, communities and ego networks on small graphs whose answers are known."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analytics.measures import (
    betweenness, communities, community_sets, ego_network, pagerank, weighted_degree,
)
from kg.errors import KGError


def _graph(edges: list[tuple[str, str, int]]) -> nx.DiGraph:
    graph = nx.DiGraph()
    for u, v, w in edges:
        graph.add_edge(u, v, weight=w)
    for node in graph:
        graph.nodes[node].update(label_en=f"{node} en", label_fa=f"{node} فا")
    return graph


def test_weighted_degree_adds_events_both_ways_and_counts_partners():
    rows = weighted_degree(_graph([("IRN", "TKM", 3), ("TKM", "IRN", 1), ("IRN", "OMN", 2)]))
    assert rows[0] == {"node": "IRN", "label": "IRN en", "out": 5, "in": 1, "events": 6, "partners": 2}
    assert [r["node"] for r in rows] == ["IRN", "TKM", "OMN"]


def test_pagerank_ranks_the_actor_everyone_turns_to_first_and_sums_to_one():
    rows = pagerank(_graph([("TKM", "IRN", 1), ("OMN", "IRN", 1), ("RUS", "IRN", 1), ("IRN", "RUS", 1)]))
    assert rows[0]["node"] == "IRN"
    assert sum(r["pagerank"] for r in rows) == pytest.approx(1.0)


def test_pagerank_weights_edges_by_events():
    rows = pagerank(_graph([("A", "B", 9), ("A", "C", 1)]))
    rank = {r["node"]: r["pagerank"] for r in rows}
    assert rank["B"] > rank["C"]


def test_betweenness_finds_the_broker_on_a_path():
    rows = betweenness(_graph([("A", "B", 1), ("B", "C", 1), ("C", "D", 1)]))
    assert [r["node"] for r in rows[:2]] == ["B", "C"]
    assert rows[-1]["betweenness"] == 0.0


def test_betweenness_prefers_strong_ties():
    # A reaches D through B (strong ties, short) rather than through C (weak ties, long).
    rows = betweenness(_graph([("A", "B", 5), ("B", "D", 5), ("A", "C", 1), ("C", "D", 1)]))
    value = {r["node"]: r["betweenness"] for r in rows}
    assert value["B"] > 0 and value["C"] == 0


def test_betweenness_sample_is_reproducible():
    graph = nx.DiGraph(nx.gnm_random_graph(60, 200, seed=1, directed=True))
    graph = nx.relabel_nodes(graph, str)
    assert betweenness(graph, k=20, seed=3) == betweenness(graph, k=20, seed=3)


def test_communities_split_two_cliques_joined_by_one_tie_and_number_the_bigger_first():
    big = [(u, v, 3) for u in "ABCD" for v in "ABCD" if u < v]
    small = [(u, v, 3) for u in "XYZ" for v in "XYZ" if u < v]
    graph = _graph(big + small + [("D", "X", 1)])
    assert community_sets(graph) == [set("ABCD"), set("XYZ")]
    rows = communities(graph, lang="fa")
    assert rows[0] == {"node": "A", "label": "A فا", "community": 1}
    assert {r["node"] for r in rows if r["community"] == 2} == set("XYZ")


def test_communities_are_the_same_on_every_run():
    graph = nx.relabel_nodes(nx.DiGraph(nx.gnm_random_graph(80, 240, seed=7, directed=True)), str)
    assert communities(graph) == communities(graph)


def test_ego_network_lists_partners_by_distance_with_events_each_way():
    graph = _graph([("IRN", "TKM", 3), ("TKM", "IRN", 1), ("OMN", "IRN", 2), ("TKM", "KAZ", 1)])
    rows = ego_network(graph, "IRN", radius=2)
    assert [(r["node"], r["distance"], r["to"], r["from"]) for r in rows] == [
        ("TKM", 1, 3, 1), ("OMN", 1, 0, 2), ("KAZ", 2, 0, 0)]


def test_ego_network_of_an_unknown_actor_is_kg403():
    with pytest.raises(KGError) as caught:
        ego_network(_graph([("A", "B", 1)]), "ZZZ")
    assert caught.value.code == "KG403"


def test_measures_on_an_empty_graph_give_no_rows():
    empty = nx.DiGraph()
    assert pagerank(empty) == betweenness(empty) == communities(empty) == weighted_degree(empty) == []

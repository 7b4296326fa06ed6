"""The actor–domain bipartite graph and the time slices of the interaction graph."""

from __future__ import annotations

from datetime import date

from networkx.algorithms import bipartite

from kg.analytics.projections import actor_domain_graph, period_of, time_slices


def test_actor_domain_graph_is_bipartite_actors_and_topics(store):
    graph = actor_domain_graph(store, level="state")
    actors = {n for n, d in graph.nodes(data=True) if d["bipartite"] == 0}
    assert bipartite.is_bipartite_node_set(graph, actors)
    assert {"IRN", "TKM", "RUS", "TUR", "OMN", "CASPIAN"} == actors


def test_actor_domain_graph_weights_count_events_per_actor_and_topic(store):
    graph = actor_domain_graph(store, level="state")
    assert graph["TKM"]["topic:gas"]["weight"] == 2      # the two calls
    assert graph["RUS"]["topic:security"]["weight"] == 2
    assert graph["IRN"]["topic:nuclear"]["weight"] == 1  # an event inside IRN still concerns IRN


def test_actor_domain_graph_topic_nodes_have_scheme_labels_or_their_key(store):
    graph = actor_domain_graph(store)
    assert (graph.nodes["topic:gas"]["label_en"], graph.nodes["topic:gas"]["label_fa"]) == ("Gas", "گاز")
    assert graph.nodes["topic:diplomacy"]["label_en"] == "diplomacy"  # not in the test scheme


def test_actor_domain_graph_filters_by_quad_class(store):
    graph = actor_domain_graph(store, level="state", quad_classes=[3, 4])
    # RUS–TUR's quarrels, and the REQUEST between two Iranian officials (about nuclear)
    assert sorted(graph.nodes) == ["IRN", "RUS", "TUR", "topic:nuclear", "topic:security", "topic:trade"]


def test_time_slices_by_month_in_time_order(store):
    slices = time_slices(store, "month", level="state")
    assert list(slices) == ["2025-02", "2025-03", "2025-04"]  # 2024-11 holds only an IRN-internal event
    assert slices["2025-02"]["IRN"]["TKM"]["weight"] == 3
    assert slices["2025-04"]["IRN"]["TKM"]["weight"] == 1


def test_time_slices_leave_out_undated_events(store):
    slices = time_slices(store, "year", level="state")
    assert list(slices) == ["2025"]
    assert not slices["2025"].has_edge("IRN", "RUS")


def test_period_of_month_and_year():
    assert period_of(date(2025, 2, 10)) == "2025-02"
    assert period_of(date(2025, 2, 10), "year") == "2025"

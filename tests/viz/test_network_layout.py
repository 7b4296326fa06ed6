"""Node placement of the network figure: discs inside the box and none overlapping."""

from __future__ import annotations

import itertools
import math

import networkx as nx

from kg.viz.network import network_layout, place_nodes


def _discs_apart(pos, radius, gap=0.0):
    return all(math.dist(pos[a], pos[b]) >= radius[a] + radius[b] + gap - 1e-6
               for a, b in itertools.combinations(pos, 2))


def test_a_crowded_star_is_pulled_apart_inside_the_box():
    graph = nx.star_graph(60)
    radius = {node: 18.0 if node == 0 else 6.0 for node in graph}
    pos = place_nodes(network_layout(graph), radius, 600, 400)
    assert _discs_apart(pos, radius, gap=1.5)
    assert all(radius[n] <= x <= 600 - radius[n] and radius[n] <= y <= 400 - radius[n]
               for n, (x, y) in pos.items())


def test_nodes_at_one_spot_are_parted():
    radius = dict.fromkeys("abcd", 10.0)
    pos = place_nodes(dict.fromkeys("abcd", (0.0, 0.0)), radius, 300, 300)
    assert _discs_apart(pos, radius)


def test_labels_get_room_at_the_sides():
    radius = {"a": 5.0, "b": 5.0}
    pos = place_nodes({"a": (0.0, 0.0), "b": (1.0, 0.0)}, radius, 400, 200,
                      label_widths={"a": 120.0, "b": 120.0})
    assert pos["a"][0] - 60 >= 0 and pos["b"][0] + 60 <= 400


def test_placement_is_the_same_on_every_run():
    graph = nx.les_miserables_graph()
    radius = dict.fromkeys(graph, 7.0)
    assert place_nodes(network_layout(graph), radius, 700, 500) == \
        place_nodes(network_layout(graph), radius, 700, 500)

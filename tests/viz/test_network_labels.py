"""Node labels of the network figure: the hubs are named even in a crowded core, none overlap."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import pytest

from kg.viz.figure import new_figure
from kg.viz.network import network_layout, place_labels, place_nodes


def _crowded_figure(graph: nx.Graph):
    """A figure laid out as draw_network does: the axes in points, nodes sized by degree."""
    fig = new_figure(8, 6)
    ax = fig.add_subplot()
    ax.set_axis_off()
    fig.draw_without_rendering()
    box = ax.get_window_extent()
    width, height = box.width * 72 / fig.dpi, box.height * 72 / fig.dpi
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    sizes = {node: 60.0 + 25.0 * graph.degree(node) for node in graph}
    radius = {node: math.sqrt(area) / 2 for node, area in sizes.items()}
    return ax, place_nodes(network_layout(graph), radius, width, height), sizes


def _hub_graph() -> nx.Graph:
    graph = nx.relabel_nodes(nx.barabasi_albert_graph(150, 3, seed=2), lambda n: f"n{n:03d}")
    for node in graph:
        graph.nodes[node]["label_en"] = f"Actor number {node[1:]}"
    return graph


@pytest.fixture(scope="module")
def crowded():
    """A scale-free graph of 150 nodes (hubs in a dense core) and its labels' spots."""
    graph = _hub_graph()
    ax, pos, sizes = _crowded_figure(graph)
    return graph, ax, pos, sizes, place_labels(ax, graph, pos, sizes, lang="en", max_labels=30)


def test_the_biggest_nodes_of_a_crowded_core_are_all_named(crowded):
    graph, _, _, sizes, spots = crowded
    biggest = sorted(graph, key=lambda n: (-sizes[n], n))[:8]
    assert set(biggest) <= set(spots)
    assert len(spots) == 30


def test_labels_do_not_overlap_one_another(crowded):
    graph, ax, pos, _, spots = crowded
    ax.figure.draw_without_rendering()
    renderer = ax.figure.canvas.get_renderer()
    boxes = []
    for node, (dx, dy, _) in spots.items():
        text = ax.annotate(graph.nodes[node]["label_en"], pos[node], xytext=(dx, dy),
                           textcoords="offset points", ha="center", va="center_baseline", fontsize=10)
        boxes.append(text.get_window_extent(renderer))
    assert not [pair for pair in itertools.combinations(boxes, 2) if pair[0].overlaps(pair[1])]


def test_hubs_with_no_free_side_get_their_label_moved_out_with_a_line(crowded):
    graph, _, _, sizes, spots = crowded
    moved = [node for node, (_, _, out) in spots.items() if out]
    assert moved  # the core of this graph is too crowded for every hub's label beside it
    biggest = sorted(graph, key=lambda n: (-sizes[n], n))[:12]
    assert set(moved) <= set(biggest)  # only the biggest few may be moved out
    for node in moved:  # farther than the spots beside the node (radius + 2 + half the text)
        dx, dy, _ = spots[node]
        assert math.hypot(dx, dy) > math.sqrt(sizes[node]) / 2 + 14


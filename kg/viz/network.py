"""Draw an interaction network: actors sized by centrality, coloured by community or country.

Example
-------
>>> import tempfile, pathlib
>>> from kg.analytics.projections import EventRecord, build_interaction_graph
>>> graph = build_interaction_graph([EventRecord("e1", "CONSULT", None, ("IRN",), ("TKM",))], {})
>>> out = draw_network(graph, pathlib.Path(tempfile.mkdtemp()) / "net.png", lang="en")
>>> out.read_bytes()[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

import networkx as nx
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D

from kg.analytics.measures import betweenness, community_sets, label, pagerank, weighted_degree
from kg.errors import Errors, QueryError
from kg.viz.figure import caption, check_lang, new_figure, save

__all__ = ["draw_network", "network_layout", "node_values", "node_groups", "SIZE_BY", "COLOR_BY",
           "PALETTE", "OTHER_COLOUR"]

SIZE_BY = ("pagerank", "degree", "betweenness", None)
COLOR_BY = ("community", "country", "type")

# Qualitative colours (matplotlib's tab10, then tab20's light shades) for groups in legend order.
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5"]
OTHER_COLOUR = "#bbbbbb"
_MIN_SIZE, _MAX_SIZE = 250.0, 2600.0


def network_layout(graph: nx.Graph, *, seed: int = 42) -> dict[str, tuple[float, float]]:
    """Node positions that are the same on every run, components side by side.

    Each connected component (of the undirected graph) is laid out on its own — Kamada–Kawai up
    to 300 nodes, a spring layout seeded with ``seed`` above — then the components are packed in
    rows, biggest first, each in a square whose side grows with the square root of its size.
    (networkx lays a disconnected graph out as one, pushing small components to the far edges.)
    """
    undirected = nx.Graph()
    undirected.add_nodes_from(sorted(graph.nodes))
    undirected.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    components = sorted((sorted(c) for c in nx.connected_components(undirected)),
                        key=lambda c: (-len(c), c[0]))
    if not components:
        return {}
    sides = [math.sqrt(len(c)) for c in components]
    row_width = max(sides[0], math.sqrt(sum(s * s for s in sides)) * 1.25)
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for nodes, side in zip(components, sides):
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        for node, (px, py) in _component_layout(undirected.subgraph(nodes), seed).items():
            pos[node] = (x + side * (0.5 + 0.4 * px), y - side * (0.5 - 0.4 * py))
        x += side
        row_height = max(row_height, side)
    return pos


def _component_layout(component: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """One connected component in [-1, 1]²."""
    if component.number_of_nodes() == 1:
        return {next(iter(component)): (0.0, 0.0)}
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(component.nodes))
    ordered.add_edges_from(sorted(component.edges))
    if ordered.number_of_nodes() <= 300:
        raw = nx.kamada_kawai_layout(ordered, weight=None)
    else:
        raw = nx.spring_layout(ordered, seed=seed, iterations=100)
    return nx.rescale_layout_dict(raw, scale=1.0)


def node_values(graph: nx.DiGraph, measure: str) -> dict[str, float]:
    """Each node's ``pagerank``, ``degree`` (events, in + out) or ``betweenness``."""
    rows = {"pagerank": pagerank, "degree": weighted_degree, "betweenness": betweenness}[measure](graph)
    column = {"pagerank": "pagerank", "degree": "events", "betweenness": "betweenness"}[measure]
    return {row["node"]: float(row[column]) for row in rows}


def _sizes(graph: nx.DiGraph, size_by: str | None) -> dict[str, float]:
    """Marker areas (points²); smaller when there are many nodes, so that they do not overlap."""
    shrink = min(1.0, 30.0 / max(graph.number_of_nodes(), 1))
    if size_by is None:
        return dict.fromkeys(graph, 900.0 * shrink)
    values = node_values(graph, size_by)
    high = max(values.values(), default=0.0)
    low = min(values.values(), default=0.0)
    span = (high - low) or 1.0
    low_size, high_size = _MIN_SIZE * max(shrink, 0.25), _MAX_SIZE * math.sqrt(shrink)
    return {node: low_size + (high_size - low_size) * math.sqrt((value - low) / span)
            for node, value in values.items()}


def node_groups(graph: nx.DiGraph, color_by: str, lang: str, seed: int = 42) -> tuple[dict[str, int], list[str]]:
    """Each node's group number and the groups' legend labels, biggest group first.

    ``color_by``: ``community`` (Louvain with ``seed``; a community is named by its busiest
    member), ``country`` (the node's party) or ``type``. Group ``i`` is drawn in ``PALETTE[i]``,
    groups beyond the palette in ``OTHER_COLOUR``.
    """
    if color_by == "community":
        sets = community_sets(graph, seed=seed)
        names = []
        for number, members in enumerate(sets, start=1):
            # A community is named by its busiest member, so the legend says who is in it.
            lead = max(sorted(members), key=lambda m: graph.degree(m, weight="weight"))
            names.append(f"{caption('community', lang, n=number)}: {label(graph.nodes[lead], lead, lang)}")
        return {node: i for i, members in enumerate(sets) for node in members}, names
    attribute = "party" if color_by == "country" else "type"
    values = {node: data.get(attribute) or node for node, data in graph.nodes(data=True)}
    counts: dict[str, int] = {}
    for value in values.values():
        counts[value] = counts.get(value, 0) + 1
    order = sorted(counts, key=lambda v: (-counts[v], v))
    index = {value: i for i, value in enumerate(order)}
    if color_by == "country":
        names = [label(graph.nodes[v], v, lang) if v in graph else v for v in order]
    else:
        names = order
    return {node: index[value] for node, value in values.items()}, names


def _check(size_by: str | None, color_by: str, lang: str) -> None:
    check_lang(lang)
    if size_by not in SIZE_BY:
        raise QueryError(Errors.E403, name="viz", param="size_by", value=size_by,
                         kind="size measure (pagerank, degree, betweenness or None)")
    if color_by not in COLOR_BY:
        raise QueryError(Errors.E403, name="viz", param="color_by", value=color_by,
                         kind="colouring (community, country or type)")


def draw_network(graph: nx.DiGraph, out_path: Path | str, *, lang: str = "fa",
                 size_by: str | None = "pagerank", color_by: str = "community",
                 title: str | None = None, max_labels: int = 40, seed: int = 42,
                 width: float = 11.0, height: float = 8.5) -> Path:
    """Draw ``graph`` (an interaction graph) to ``out_path``: PNG, SVG or PDF by the suffix.

    Parameters
    ----------
    graph: from :func:`~kg.analytics.projections.interaction_graph` (nodes with ``label_fa``,
        ``label_en``, ``party``, ``type``; edges with ``weight``).
    out_path: the file to write (its folder is created).
    lang: ``"fa"`` or ``"en"``: node labels, legend and captions.
    size_by: node size by ``"pagerank"``, ``"degree"`` (events), ``"betweenness"`` or None.
    color_by: ``"community"`` (Louvain, fixed seed), ``"country"`` (party: a person takes its
        state's colour) or ``"type"``.
    title: the figure's title; default "Who interacts with whom" in ``lang``.
    max_labels: label at most this many nodes, the biggest first; a label that would overlap
        one already drawn is left out, so that every label shown can be read.
    seed: for the layout and the communities (same graph, same figure).

    Returns the path written. Raises ``KG403`` for a bad option, ``KG502`` when it cannot write.
    """
    _check(size_by, color_by, lang)
    fig = new_figure(width, height)
    ax = fig.add_subplot()
    ax.set_axis_off()
    events = graph.graph.get("events") or sum(d.get("weight", 1) for *_, d in graph.edges(data=True))
    fig.suptitle(title or caption("network.title", lang), fontsize=15, fontweight="bold")
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, caption("network.empty", lang), ha="center", va="center", fontsize=14,
                transform=ax.transAxes)
        return save(fig, out_path)
    ax.set_title(caption("network.subtitle", lang, nodes=graph.number_of_nodes(), events=events),
                 fontsize=11, color="#444444")
    pos = network_layout(graph, seed=seed)
    sizes = _sizes(graph, size_by)
    group, names = node_groups(graph, color_by, lang, seed)
    colours = {node: PALETTE[g] if g < len(PALETTE) else OTHER_COLOUR for node, g in group.items()}
    nodes = sorted(graph.nodes)
    _draw_edges(ax, graph, pos, sizes)
    nx.draw_networkx_nodes(graph, pos, nodelist=nodes, node_size=[sizes[n] for n in nodes],
                           node_color=[colours[n] for n in nodes], edgecolors="white",
                           linewidths=1.5, alpha=0.92, ax=ax)
    _legend(ax, names, lang)
    note = "network.note" if graph.number_of_edges() <= 300 else "network.note_dense"  # no arrowheads
    fig.text(0.5, 0.005, caption(note, lang, size=caption(f"size.{size_by or 'none'}", lang)),
             ha="center", va="bottom", fontsize=8.5, color="#666666")
    ax.set_aspect("equal", adjustable="datalim")
    ax.margins(0.08)
    _draw_labels(ax, graph, pos, sizes, lang, max_labels)  # last: it measures the final layout
    return save(fig, out_path)


def _draw_edges(ax, graph: nx.DiGraph, pos: Mapping, sizes: Mapping[str, float]) -> None:
    edges = sorted((u, v) for u, v in graph.edges() if u != v)
    if not edges:
        return
    weights = [graph.get_edge_data(u, v).get("weight", 1) if not graph.is_multigraph()
               else graph.number_of_edges(u, v) for u, v in edges]
    top = max(weights)
    many = len(edges) > 300  # a dense graph: fainter, thinner edges and no arrowheads
    widths = [(0.3 if many else 0.8) + (2.0 if many else 4.2) * math.log1p(w) / math.log1p(top) for w in weights]
    alpha = max(0.06, 0.55 * math.sqrt(300 / len(edges))) if many else 0.55
    simple = nx.DiGraph(edges) if graph.is_directed() else nx.Graph(edges)
    nodes = sorted(simple)  # node_size goes with nodelist: arrows stop at the target's rim
    arrows = graph.is_directed() and not many
    style = {"arrowstyle": "-|>", "arrowsize": 14, "connectionstyle": "arc3,rad=0.12"} if arrows else {}
    nx.draw_networkx_edges(simple, pos, edgelist=edges, width=widths, edge_color="#7a7a7a", alpha=alpha,
                           arrows=arrows, nodelist=nodes, node_size=[sizes[n] for n in nodes], ax=ax,
                           **style)


def _draw_labels(ax, graph: nx.DiGraph, pos: Mapping, sizes: Mapping[str, float], lang: str,
                 max_labels: int) -> None:
    """Label the biggest nodes first; a label that would overlap one already drawn is left out."""
    figure = ax.get_figure()
    figure.draw_without_rendering()  # settle the layout, so that label extents are final
    renderer = figure.canvas.get_renderer()
    placed = []
    for node in sorted(graph.nodes, key=lambda n: (-sizes[n], n)):
        if len(placed) >= max_labels:
            break
        x, y = pos[node]
        # Below the node, by about its radius (node_size is an area in points²).
        offset = math.sqrt(sizes[node]) / 2 + 3
        text = ax.annotate(label(graph.nodes[node], node, lang), (x, y), xytext=(0, -offset),
                           textcoords="offset points", ha="center", va="top", fontsize=10,
                           bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.75},
                           zorder=5)
        box = text.get_window_extent(renderer)
        if any(box.overlaps(other) for other in placed):
            text.remove()
        else:
            placed.append(box)


def _legend(ax, names: list[str], lang: str) -> None:
    shown = names[:len(PALETTE)]
    handles = [Line2D([], [], marker="o", linestyle="", markersize=10, color=to_hex(PALETTE[i]), label=name)
               for i, name in enumerate(shown)]
    if len(names) > len(shown):
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=10, color=OTHER_COLOUR,
                              label=caption("other", lang)))
    ax.legend(handles=handles, loc="upper right" if lang == "en" else "upper left", fontsize=9,
              frameon=True, framealpha=0.85)

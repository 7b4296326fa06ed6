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
import numpy as np
from matplotlib import patheffects
from matplotlib.colors import to_hex
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from kg.analytics.measures import betweenness, community_sets, label, pagerank, weighted_degree
from kg.errors import Errors, QueryError
from kg.viz.figure import caption, check_lang, new_figure, save

__all__ = ["draw_network", "network_layout", "place_nodes", "place_labels", "node_values", "node_groups",
           "SIZE_BY", "COLOR_BY",
           "PALETTE", "OTHER_COLOUR"]

SIZE_BY = ("pagerank", "degree", "betweenness", None)
COLOR_BY = ("community", "country", "type")

# Qualitative colours (matplotlib's tab10, then tab20's light shades) for groups in legend order.
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5"]
OTHER_COLOUR = "#bbbbbb"
_MIN_SIZE, _MAX_SIZE = 250.0, 2600.0
_STRETCH = 1.5  # how much more one axis of a layout may be scaled than the other


def network_layout(graph: nx.Graph, *, seed: int = 42) -> dict[str, tuple[float, float]]:
    """Node positions that are the same on every run: the biggest component first, the others
    in rows below it.

    Each connected component (of the undirected graph) is laid out on its own — Kamada–Kawai up
    to 300 nodes, a spring layout seeded with ``seed`` above — turned so that its widest spread
    runs along x, and scaled so that its area grows with its number of nodes (nodes of all
    components about equally far apart). The biggest takes the top; the rest are packed in rows
    under it, no wider than it, biggest first. (networkx lays a disconnected graph out as one,
    pushing small components to the far edges, and a side-by-side packing leaves a pair of nodes
    a column of its own: either way the main component shrinks.)
    """
    undirected = nx.Graph()
    undirected.add_nodes_from(sorted(graph.nodes))
    undirected.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    components = sorted((sorted(c) for c in nx.connected_components(undirected)),
                        key=lambda c: (-len(c), c[0]))
    if not components:
        return {}
    laid = [_component_layout(undirected.subgraph(nodes), seed) for nodes in components]
    pad = 1.0  # room between components, in the layout's units (about a node's spacing)
    extents = [_extent(points) for points in laid]
    row_width = max(extents[0][0], 4 * pad)
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for number, (points, (width, height)) in enumerate(zip(laid, extents)):
        if number == 1 or (x > 0 and x + width > row_width):
            x, y, row_height = 0.0, y - row_height - pad, 0.0
        low = np.min(np.array(list(points.values())), axis=0)
        for node, (px, py) in points.items():
            pos[node] = (float(x + px - low[0]), float(y - height + py - low[1]))
        x += width + pad
        row_height = max(row_height, height)
    return pos


def _extent(points: Mapping[str, tuple[float, float]]) -> tuple[float, float]:
    """Width and height of a laid-out component."""
    array = np.array(list(points.values()), dtype=float)
    return tuple(float(v) for v in array.max(axis=0) - array.min(axis=0))


def _component_layout(component: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """One connected component, widest along x, nodes about one unit apart on average."""
    if component.number_of_nodes() == 1:
        return {next(iter(component)): (0.0, 0.0)}
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(component.nodes))
    ordered.add_edges_from(sorted(component.edges))
    if ordered.number_of_nodes() <= 300:
        raw = nx.kamada_kawai_layout(ordered, weight=None)
    else:
        raw = nx.spring_layout(ordered, seed=seed, iterations=100)
    names = sorted(raw)
    points = _principal_axes(np.array([raw[n] for n in names], dtype=float))
    # Scale so that the component's spread (its bounding box's diagonal) grows with √nodes.
    spread = float(np.hypot(*(points.max(axis=0) - points.min(axis=0)))) or 1.0
    points = points * (1.2 * math.sqrt(len(names)) / spread)
    return {name: (float(px), float(py)) for name, (px, py) in zip(names, points)}


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
    member), ``country`` (the node's party) or ``type``; countries and types are ranked by the
    events of their members, so the hubs' groups get colours. Group ``i`` is drawn in
    ``PALETTE[i]``, groups beyond the palette in ``OTHER_COLOUR``.
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
    # The busiest groups (by events of their members, then members) get the palette's colours:
    # ranked by members alone, countries with many minor officials took them from the hubs.
    events: dict[str, float] = {}
    counts: dict[str, int] = {}
    for node, value in values.items():
        events[value] = events.get(value, 0) + graph.degree(node, weight="weight")
        counts[value] = counts.get(value, 0) + 1
    order = sorted(counts, key=lambda v: (-events[v], -counts[v], v))
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
    # Title and subtitle centred over the plot, not the figure: the legend takes one side.
    ax.set_title(title or caption("network.title", lang), fontsize=15, fontweight="bold", pad=22)
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, caption("network.empty", lang), ha="center", va="center", fontsize=14,
                transform=ax.transAxes)
        return save(fig, out_path)
    ax.annotate(caption("network.subtitle", lang, nodes=graph.number_of_nodes(), events=events),
                (0.5, 1.0), xycoords="axes fraction", xytext=(0, 4), textcoords="offset points",
                ha="center", va="bottom", fontsize=11, color="#444444")
    group, names = node_groups(graph, color_by, lang, seed)
    colours = {node: PALETTE[g] if g < len(PALETTE) else OTHER_COLOUR for node, g in group.items()}
    _legend(fig, names, lang)
    note = "network.note" if graph.number_of_edges() <= 300 else "network.note_dense"  # no arrowheads
    # supxlabel, not fig.text: constrained layout keeps the plot clear of it.
    fig.supxlabel(caption(note, lang, size=caption(f"size.{size_by or 'none'}", lang)),
                  fontsize=8.5, color="#666666")
    # Lay the nodes out in the axes' own units (points), now that title and legend took their
    # room: then marker sizes and distances compare, and no two markers overlap.
    fig.draw_without_rendering()
    box = ax.get_window_extent()
    box_w, box_h = box.width * 72 / fig.dpi, box.height * 72 / fig.dpi
    sizes = _fit_sizes(_sizes(graph, size_by), box_w, box_h)
    radius = {node: math.sqrt(area) / 2 for node, area in sizes.items()}
    pos = place_nodes(network_layout(graph, seed=seed), radius, box_w, box_h,
                      label_widths=_label_widths(fig, graph, sizes, lang, max_labels))
    ax.set_xlim(0, box_w)
    ax.set_ylim(0, box_h)
    ax.set_autoscale_on(False)
    nodes = sorted(graph.nodes)
    _draw_edges(ax, graph, pos, sizes)
    nx.draw_networkx_nodes(graph, pos, nodelist=nodes, node_size=[sizes[n] for n in nodes],
                           node_color=[colours[n] for n in nodes], edgecolors="white",
                           linewidths=1.5, alpha=0.92, ax=ax)
    _draw_labels(ax, graph, pos, sizes, lang, max_labels)  # last: it measures the final layout
    return save(fig, out_path)


def _label_widths(fig, graph: nx.DiGraph, sizes: Mapping[str, float], lang: str,
                  max_labels: int) -> dict[str, float]:
    """Widths (points) of the labels that may be drawn: those of the biggest nodes."""
    renderer = fig.canvas.get_renderer()
    font = FontProperties(size=10)
    widths = {}
    for node in sorted(graph.nodes, key=lambda n: (-sizes[n], n))[:max_labels]:
        width, _, _ = renderer.get_text_width_height_descent(label(graph.nodes[node], node, lang), font,
                                                             ismath=False)
        widths[node] = width * 72 / fig.dpi + 6  # the label's box pads it
    return widths


def _fit_sizes(sizes: dict[str, float], width: float, height: float, *, fill: float = 0.22) -> dict[str, float]:
    """Shrink all marker areas alike when together they would cover more than ``fill`` of the box."""
    covered = sum(math.pi * area / 4 for area in sizes.values())  # a marker's area is its diameter²
    factor = min(1.0, fill * width * height / covered) if covered else 1.0
    return {node: area * factor for node, area in sizes.items()}


def place_nodes(pos: Mapping[str, tuple[float, float]], radius: Mapping[str, float], width: float,
                height: float, *, label_widths: Mapping[str, float] | None = None, gap: float = 2.0,
                margin: float = 6.0, label_room: float = 14.0, rounds: int = 8) -> dict[str, tuple[float, float]]:
    """Fit a layout into a ``width`` × ``height`` box (points) and push overlapping nodes apart.

    A force layout puts nodes as points; drawn as discs of ``radius`` (points) the busy centre of
    a network overlaps. Each round scales the layout into the box, keeping its aspect, then moves
    every pair of discs closer than ``gap`` apart along the line between them until none is
    (pairs found with scipy's k-d tree). ``label_room`` keeps space under the lowest node and
    ``label_widths`` (points) room for each node's label at the sides, so no label runs off.

    >>> placed = place_nodes({"a": (0, 0), "b": (0.001, 0)}, {"a": 10, "b": 10}, 200, 100)
    >>> placed["b"][0] - placed["a"][0] >= 22   # radii 10 + 10 and the gap of 2 points
    True
    """
    from scipy.spatial import cKDTree

    names = sorted(pos)
    if not names:
        return {}
    points = np.array([pos[n] for n in names], dtype=float)
    if width < height:
        points = points[:, ::-1]  # the long side of the layout along the long side of the box
    radii = np.array([radius[n] for n in names], dtype=float)
    half = np.array([(label_widths or {}).get(n, 0.0) / 2 for n in names], dtype=float)
    rng = np.random.default_rng(0)
    for _ in range(rounds):
        points = _fit_box(points, radii, width, height, margin, label_room, half)
        moved = False
        for _ in range(60):
            pairs = cKDTree(points).query_pairs(2 * radii.max() + gap, output_type="ndarray")
            if not len(pairs):
                break
            i, j = pairs[:, 0], pairs[:, 1]
            delta = points[j] - points[i]
            dist = np.hypot(delta[:, 0], delta[:, 1])
            overlap = radii[i] + radii[j] + gap - dist
            keep = overlap > 1e-6
            if not keep.any():
                break
            i, j, delta, dist, overlap = i[keep], j[keep], delta[keep], dist[keep], overlap[keep]
            same = dist < 1e-9  # two nodes at one spot: part them in a seeded random direction
            delta[same] = rng.normal(size=(int(same.sum()), 2))
            dist[same] = np.hypot(delta[same, 0], delta[same, 1])
            step = delta / dist[:, None] * (overlap / 2)[:, None]
            shift = np.zeros_like(points)
            np.add.at(shift, i, -step)
            np.add.at(shift, j, step)
            points += shift
            moved = True
        if not moved:
            break
    points = _fit_box(points, radii, width, height, margin, label_room, half)
    return {name: (float(x), float(y)) for name, (x, y) in zip(names, points)}


def _principal_axes(points: np.ndarray) -> np.ndarray:
    """The layout turned so that its widest spread runs along x (a force layout has no up)."""
    if len(points) < 3:
        return points - points.mean(axis=0)
    centred = points - points.mean(axis=0)
    _, vectors = np.linalg.eigh(np.cov(centred.T))
    turned = centred @ vectors[:, ::-1]  # eigh sorts ascending: the widest axis first
    # Fix each axis' sign by the layout itself, so the same graph always comes out the same way.
    signs = np.where(np.sum(turned ** 3, axis=0) < 0, -1.0, 1.0)
    return turned * signs


def _fit_box(points: np.ndarray, radii: np.ndarray, width: float, height: float, margin: float,
             label_room: float, half_widths: np.ndarray | None = None) -> np.ndarray:
    """Scale and move ``points`` so that every disc lies in the box, and every label
    (``half_widths`` to each side, ``label_room`` below) too.

    One axis may be stretched up to ``_STRETCH`` times the other, so that a layout fills a box
    of another shape without distorting it much.
    """
    sides = radii if half_widths is None else np.maximum(radii, half_widths)
    below = radii + label_room
    scale_x = _largest_scale(points[:, 0], sides, sides, width - 2 * margin)
    scale_y = _largest_scale(points[:, 1], below, radii, height - 2 * margin)
    scale_x, scale_y = min(scale_x, _STRETCH * scale_y), min(scale_y, _STRETCH * scale_x)
    x, y = points[:, 0] * scale_x, points[:, 1] * scale_y
    shift_x = margin + ((width - 2 * margin) - (np.max(x + sides) - np.min(x - sides))) / 2 - np.min(x - sides)
    shift_y = margin + ((height - 2 * margin) - (np.max(y + radii) - np.min(y - below))) / 2 - np.min(y - below)
    return np.column_stack([x + shift_x, y + shift_y])


def _largest_scale(values: np.ndarray, low: np.ndarray, high: np.ndarray, room: float) -> float:
    """The largest s with max(s·v + high) − min(s·v − low) ≤ room (bisection: it grows with s)."""
    def extent(s: float) -> float:
        return float(np.max(s * values + high) - np.min(s * values - low))

    if extent(0.0) >= room:
        return 1e-9
    lo, hi = 0.0, 1.0
    while extent(hi) < room and hi < 1e12:
        hi *= 2
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if extent(mid) <= room else (lo, mid)
    return lo


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


_LEADER_LABELS = 12  # the biggest nodes that may have their label moved out, with a line to it


def _label_spots(diameter: float, width: float, height: float, *,
                 leader: bool = False) -> list[tuple[float, float, bool]]:
    """Where a label's centre may go, best first: offsets (points) from its node's centre, and
    whether the label is away from the node (to be drawn with a line to it).

    On the node when the disc is at least as tall as the text (a hub in the crowded centre has
    no free side), else below, above, right or left of it, and on the node as the last resort.
    With ``leader``, then farther out in 16 directions (drawn with a line to the node), so that
    the hubs of a dense core, whose every side is taken, are still named.
    """
    r = diameter / 2 + 2
    sides = [(0.0, -(r + height / 2)), (0.0, r + height / 2), (r + width / 2, 0.0), (-(r + width / 2), 0.0)]
    spots = [(0.0, 0.0), *sides] if diameter >= 14 else [*sides, (0.0, 0.0)]
    spots = [(dx, dy, False) for dx, dy in spots]
    if leader:
        for reach in (1.0, 2.0, 3.0, 4.5):
            for step in range(16):
                angle = math.pi / 2 + step * math.pi / 8  # from above, round
                dx, dy = math.cos(angle), math.sin(angle)
                distance = r + reach * 14 + abs(dx) * width / 2 + abs(dy) * height / 2
                spots.append((distance * dx, distance * dy, True))
    return spots


def place_labels(ax, graph: nx.Graph, pos: Mapping, sizes: Mapping[str, float], *, lang: str = "fa",
                 max_labels: int = 40) -> dict[str, tuple[float, float, bool]]:
    """Where to write node labels: ``{node: (dx, dy, moved_out)}`` for the nodes that get one,
    ``dx, dy`` the label's centre in points from the node's, ``moved_out`` true for a label to
    be joined to its node by a line.

    The biggest nodes (``sizes``: marker areas, points²) come first; each takes the first free
    spot of :func:`_label_spots` (on its disc, beside it, or — for the biggest few — farther out,
    to be drawn with a line). A spot is free when the label stays inside the figure, keeps clear
    of the labels already placed and covers no node's centre, though a label on its own disc may
    cover smaller nodes (they show around the text). A label with no free spot is left out, so
    that every label drawn can be read. ``pos`` is in ``ax``'s data units; the figure's layout
    must be final (it is settled here).

    >>> from kg.viz.figure import new_figure
    >>> ax = new_figure(4, 3).add_subplot()
    >>> graph = nx.Graph([("a", "b")])
    >>> spots = place_labels(ax, graph, {"a": (0.2, 0.5), "b": (0.8, 0.5)}, {"a": 400, "b": 100})
    >>> sorted(spots), spots["a"]       # both named; the big disc holds its own label
    (['a', 'b'], (0.0, 0.0, False))
    """
    figure = ax.get_figure()
    figure.draw_without_rendering()  # settle the layout, so that label extents are final
    renderer = figure.canvas.get_renderer()
    scale = figure.dpi / 72  # points → pixels
    order = sorted(graph.nodes, key=lambda n: (-sizes[n], n))
    centres = np.array([ax.transData.transform(pos[n]) for n in order]).reshape(-1, 2)
    area = np.array([sizes[n] for n in order])
    font = FontProperties(size=10)
    placed: list[Bbox] = []
    spots: dict[str, tuple[float, float, bool]] = {}
    for rank, node in enumerate(order):
        if len(placed) >= max_labels:
            break
        width, height, _ = renderer.get_text_width_height_descent(label(graph.nodes[node], node, lang), font,
                                                                  ismath=False)
        width, height = width / scale + 4, height / scale + 4  # points, with the halo
        for dx, dy, moved in _label_spots(math.sqrt(sizes[node]), width, height, leader=rank < _LEADER_LABELS):
            cx, cy = centres[rank] + np.array([dx, dy]) * scale
            box = Bbox.from_extents(cx - width * scale / 2, cy - height * scale / 2,
                                    cx + width * scale / 2, cy + height * scale / 2)
            if _free(box, figure.bbox, placed, 3 * scale, centres, area, rank, own=(dx, dy) == (0.0, 0.0)):
                placed.append(box)
                spots[node] = (dx, dy, moved)
                break
    return spots


def _draw_labels(ax, graph: nx.DiGraph, pos: Mapping, sizes: Mapping[str, float], lang: str,
                 max_labels: int) -> None:
    """Write the labels :func:`place_labels` found room for, with a white halo that keeps them
    readable over edges and discs, and a line to the node from a label moved out."""
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    for node, (dx, dy, moved) in place_labels(ax, graph, pos, sizes, lang=lang, max_labels=max_labels).items():
        line = {"arrowprops": {"arrowstyle": "-", "color": "#555555", "linewidth": 0.8,
                               "shrinkA": 0, "shrinkB": math.sqrt(sizes[node]) / 2}} if moved else {}
        annotation = ax.annotate(label(graph.nodes[node], node, lang), pos[node], xytext=(dx, dy),
                                 textcoords="offset points", ha="center", va="center_baseline",
                                 fontsize=10, zorder=5, path_effects=halo, **line)
        annotation.set_in_layout(False)  # labels must not make constrained layout move the axes


def _free(box: Bbox, frame: Bbox, placed: list[Bbox], apart: float, centres: np.ndarray,
          area: np.ndarray, rank: int, *, own: bool) -> bool:
    """Whether a label's ``box`` may be drawn (see :func:`_draw_labels`); ``centres`` and
    ``area`` are of all nodes, biggest first, the label's own node at ``rank``."""
    if not (frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1):
        return False
    padded = box.padded(apart)
    if any(padded.overlaps(other) for other in placed):
        return False
    covered = (box.x0 <= centres[:, 0]) & (centres[:, 0] <= box.x1) & \
              (box.y0 <= centres[:, 1]) & (centres[:, 1] <= box.y1)
    covered[rank] = False
    if own:  # on its own disc: smaller nodes may lie under the text
        covered &= area >= area[rank]
    return not covered.any()


def _legend(fig, names: list[str], lang: str) -> None:
    """The colour legend outside the plot, on the side a reader starts from (fa: left)."""
    shown = names[:len(PALETTE)]
    handles = [Line2D([], [], marker="o", linestyle="", markersize=10, color=to_hex(PALETTE[i]), label=name)
               for i, name in enumerate(shown)]
    if len(names) > len(shown):
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=10, color=OTHER_COLOUR,
                              label=caption("other", lang)))
    fig.legend(handles=handles, loc="outside right upper" if lang == "en" else "outside left upper",
               fontsize=9, frameon=False)

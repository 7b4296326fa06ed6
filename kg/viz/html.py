"""The interaction network as one interactive HTML page that works offline.

:func:`write_network_html` writes a single self-contained file: the graph, its layout and the
events behind every edge are embedded as JSON, and a small renderer (``kg/viz/assets/network.js``,
plain JavaScript drawing SVG, with ``network.css``) is inlined — no CDN, no web font, nothing is
fetched when the page is opened. In the page a reader can

- pan (drag) and zoom (wheel, buttons); node markers and labels keep their size on screen, so
  zooming in pulls crowded nodes apart;
- hover a node (labels in Persian and English, party, type, events, partners, PageRank,
  community) or an edge (its events: category, date, article, evidence sentence); a click pins
  the box so that its article links can be followed;
- filter by PLOVER category and by period (a month or year range; undated events on or off);
  edge widths, node degrees and faded nodes follow the filter.

Node size is a centrality measured in Python (PageRank by default), colour a Louvain community
(or the party or type), positions those of :func:`~kg.viz.network.network_layout` — the same
as the static figure's. Persian labels run right to left (``dir="rtl"`` in a Persian page, each
text ``dir="auto"``) in a font stack with Persian glyphs.

The page state lives in its URL fragment, so a view can be shared or opened directly:
``network.html#cat=CONSULT,AGREE&from=2025-01&to=2025-06&undated=0&node=IRN`` (or
``edge=IRN>TKM``; ``freq=year`` for years).

The renderer is written by hand rather than inlining a graph library (sigma.js, vis-network,
cytoscape.js): none ships with the Python packages installed here, and about 400 lines of
JavaScript do what the page needs without a second licence to carry.

Example
-------
>>> import tempfile, pathlib
>>> from kg.store import open_store
>>> with open_store("memory:") as store:
...     page = write_network_html(store, pathlib.Path(tempfile.mkdtemp()) / "net.html", lang="en")
>>> "<script src" in page.read_text(encoding="utf-8")
False
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from kg.analytics.details import category_labels, event_details
from kg.analytics.measures import community_sets, label, pagerank, weighted_degree
from kg.analytics.projections import interaction_graph, period_of
from kg.analytics.scores import category_table
from kg.errors import Errors, KGError, QueryError
from kg.viz.figure import caption, check_lang
from kg.viz.network import OTHER_COLOUR, PALETTE, _check, network_layout, node_groups, node_values
from kg.viz.timeline import period_axis

__all__ = ["write_network_html", "network_page_data", "render_network_html", "PAGE_CAPTIONS"]

#: Words of the page's controls and boxes: key → (en, fa). Filled in by the script.
PAGE_CAPTIONS: dict[str, tuple[str, str]] = {
    "categories": ("PLOVER categories", "دسته‌های PLOVER"),
    "all": ("all", "همه"),
    "none": ("none", "هیچ"),
    "period": ("Period", "دوره"),
    "by": ("by", "بر پایه"),
    "month": ("month", "ماه"),
    "year": ("year", "سال"),
    "from": ("from", "از"),
    "to": ("to", "تا"),
    "undated": ("events without a date", "رویدادهای بی‌تاریخ"),
    "groups": ("Colours", "رنگ‌ها"),
    "reset": ("Reset view", "نمای آغازین"),
    "zoom_in": ("Zoom in", "بزرگ‌نمایی"),
    "zoom_out": ("Zoom out", "کوچک‌نمایی"),
    "shown": ("{nodes} actors, {edges} ties, {events} events shown",
              "{nodes} کنشگر، {edges} پیوند، {events} رویداد نمایش داده شده"),
    "nothing": ("No events match the filters", "رویدادی با این پالایه‌ها نیست"),
    "party": ("party", "طرف"),
    "type": ("type", "نوع"),
    "events": ("events", "رویدادها"),
    "partners": ("partners", "طرف‌های تعامل"),
    "pagerank": ("PageRank", "پیج‌رنک"),
    "betweenness": ("betweenness", "میانیگری"),
    "degree": ("events (all)", "رویدادها (همه)"),
    "community": ("community", "گروه"),
    "Country": ("state", "کشور"),
    "Person": ("person", "شخص"),
    "Organization": ("international organisation", "سازمان بین‌المللی"),
    "Group": ("group", "گروه‌بندی"),
    "group": ("colour", "رنگ"),
    "more": ("… and {n} more", "… و {n} رویداد دیگر"),
    "undated_event": ("no date", "بی‌تاریخ"),
    "article": ("article", "خبر"),
    "help": ("Drag to pan, wheel to zoom; hover a node or a tie, click to pin its box.",
             "برای جابه‌جایی بکشید، با چرخ موشواره بزرگ‌نمایی کنید؛ نشانگر را روی کنشگر یا پیوند ببرید و برای ثابت ماندن کادر کلیک کنید."),
    "edges_note": ("tie: actor → recipient · width: events · colour: green cooperation, red conflict",
                   "پیوند: کنشگر ← گیرنده؛ ضخامت: شمار رویدادها؛ رنگ: سبز همکاری، سرخ تنش"),
}

_QUAD_COLOURS = {1: "#6aa84f", 2: "#2e7d32", 3: "#e69138", 4: "#c62828", 0: "#888888"}
_FILTERS = ("categories", "quad_classes", "since", "until", "topics")


def _text(key: str, lang: str) -> str:
    en, fa = PAGE_CAPTIONS[key]
    return fa if lang == "fa" else en


def _nodes(graph: nx.DiGraph, *, lang: str, size_by: str | None, color_by: str,
           seed: int) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """The page's nodes (positions, sizes, colours, measures) and its colour legend."""
    pos = network_layout(graph, seed=seed)
    ranks = {row["node"]: row["pagerank"] for row in pagerank(graph)}
    degree = {row["node"]: row for row in weighted_degree(graph)}
    community = {n: i for i, members in enumerate(community_sets(graph, seed=seed), start=1) for n in members}
    values = node_values(graph, size_by) if size_by else dict.fromkeys(graph, 1.0)
    low, high = min(values.values(), default=0.0), max(values.values(), default=0.0)
    group, names = node_groups(graph, color_by, lang, seed)
    nodes = []
    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        nodes.append({
            "id": node, "fa": data.get("label_fa", ""), "en": data.get("label_en", ""),
            "label": label(data, node, lang), "party": data.get("party", ""), "type": data.get("type", ""),
            "x": round(pos[node][0], 4), "y": round(pos[node][1], 4),
            "size": round((values[node] - low) / ((high - low) or 1.0), 4) if size_by else 0.5,
            "value": values[node], "pagerank": ranks.get(node, 0.0), "degree": degree[node]["events"],
            "community": community.get(node, 0), "group": group[node],
            "colour": PALETTE[group[node]] if group[node] < len(PALETTE) else OTHER_COLOUR,
        })
    legend = [{"name": name, "colour": PALETTE[i]} for i, name in enumerate(names[:len(PALETTE)])]
    if len(names) > len(PALETTE):
        legend.append({"name": caption("other", lang), "colour": OTHER_COLOUR})
    return nodes, legend


def _events(store, graph: nx.DiGraph) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The events behind the graph's edges, with details read from the store, and their index."""
    iris = sorted({iri for *_, data in graph.edges(data=True) for iri in data.get("events", ())})
    details = event_details(store, iris)
    table = category_table(store)
    known = graph.graph.get("event_categories", {})
    events = []
    for iri in iris:
        found = details.get(iri)
        row = found.as_dict() if found else {"iri": iri, "category": known.get(iri, ""), "date": None}
        info = table.get(row["category"])
        row["quad"] = info.quad_class if info else 0
        events.append(row)
    return events, {row["iri"]: i for i, row in enumerate(events)}


def _periods(events: list[dict[str, Any]]) -> dict[str, list[str]]:
    days = [date.fromisoformat(row["date"]) for row in events if row.get("date")]
    return {freq: period_axis(period_of(day, freq) for day in days) for freq in ("month", "year")}


def network_page_data(store, *, lang: str = "fa", level: str = "actor", size_by: str | None = "pagerank",
                      color_by: str = "community", title: str | None = None, max_labels: int = 60,
                      seed: int = 42, **filters: Any) -> dict[str, Any]:
    """Everything the page embeds, as a JSON-ready dict (see :func:`write_network_html`).

    Keys: ``lang``, ``level``, ``title``, ``subtitle``, ``size_by``, ``max_labels``, ``nodes``
    (id, labels, party, type, x, y, size in [0, 1], measures, colour), ``edges`` (source and
    target node indexes, ``events``: event indexes), ``events`` (iri, category, quad, date,
    article, headline, url, evidence), ``categories`` (those present: name, quad, label,
    colour), ``periods`` (``month`` and ``year`` lists, gaps filled), ``legend``, ``text``.
    """
    check_lang(lang)
    _check(size_by, color_by, lang)
    graph = interaction_graph(store, level=level, **{k: v for k, v in filters.items() if v is not None})
    nodes, legend = _nodes(graph, lang=lang, size_by=size_by, color_by=color_by, seed=seed)
    events, index = _events(store, graph)
    where = {node["id"]: i for i, node in enumerate(nodes)}
    edges = [{"s": where[u], "t": where[v], "events": [index[iri] for iri in data.get("events", ())]}
             for u, v, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1]))]
    names = category_labels(store)
    table = category_table(store)
    present = sorted({row["category"] for row in events},
                     key=lambda c: (table[c].quad_class if c in table else 9, c))
    categories = []
    for name in present:
        en, fa = names.get(name, ("", ""))
        quad = table[name].quad_class if name in table else 0
        shown = (fa if lang == "fa" else en) or name
        categories.append({"name": name, "quad": quad, "colour": _QUAD_COLOURS[quad],
                           "label": shown if shown.upper() == name else f"{shown} ({name})"})
    subtitle = caption("network.subtitle", lang, nodes=len(nodes), events=graph.graph.get("events", 0))
    return {
        "lang": lang, "level": level, "title": title or caption("network.title", lang),
        "subtitle": subtitle, "size_by": size_by, "size_label": caption(f"size.{size_by or 'none'}", lang),
        "max_labels": max_labels, "nodes": nodes, "edges": edges, "events": events,
        "categories": categories, "periods": _periods(events), "legend": legend,
        "text": {key: _text(key, lang) for key in PAGE_CAPTIONS},
    }


def _asset(name: str) -> str:
    return resources.files("kg.viz").joinpath("assets", name).read_text(encoding="utf-8")


def _script_json(data: Mapping[str, Any]) -> str:
    """JSON that can sit inside a <script> element: no ``</`` or ``<!--`` to end it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def render_network_html(data: Mapping[str, Any]) -> str:
    """The page for ``data`` (from :func:`network_page_data`) as one HTML string."""
    lang = data["lang"]
    direction = "rtl" if lang == "fa" else "ltr"
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="{direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="regional-relations-kg">
<title>{html.escape(data["title"])}</title>
<style>
{_asset("network.css")}
</style>
</head>
<body>
<div id="kg-app">
  <aside id="kg-panel"></aside>
  <main id="kg-stage"><svg id="kg-svg" role="img" aria-label="{html.escape(data["title"])}"></svg>
    <div id="kg-zoom"><button type="button" data-zoom="in">+</button><button type="button" data-zoom="out">−</button><button type="button" data-zoom="reset">⟲</button></div>
    <div id="kg-tip" dir="auto" hidden></div>
  </main>
</div>
<script type="application/json" id="kg-data">{_script_json(data)}</script>
<script>
{_asset("network.js")}
</script>
</body>
</html>
"""


def write_network_html(store, out: Path | str, *, lang: str = "fa", level: str = "actor",
                       size_by: str | None = "pagerank", color_by: str = "community",
                       title: str | None = None, max_labels: int = 60, seed: int = 42,
                       **filters: Any) -> Path:
    """Write the interaction network of ``store`` as one self-contained, offline HTML page.

    Parameters
    ----------
    store: a :class:`~kg.store.Store`.
    out: the ``.html`` file to write (its folder is created).
    lang: ``"fa"`` (a right-to-left page, Persian labels) or ``"en"``.
    level: ``"actor"`` or ``"state"`` (persons folded into their states).
    size_by: node size by ``"pagerank"``, ``"degree"``, ``"betweenness"`` or None.
    color_by: ``"community"``, ``"country"`` or ``"type"``.
    title: the page's title; default "Who interacts with whom" in ``lang``.
    max_labels: label at most this many nodes at a time (biggest first, none overlapping).
    seed: for the layout and the communities.
    filters: which events the page holds at all — ``categories``, ``quad_classes``, ``since``,
        ``until``, ``topics`` of :func:`~kg.analytics.projections.interaction_graph`; the
        page's own controls filter further.

    Returns the path written. Raises ``KG403`` for a bad option, ``KG502`` when it cannot write.

    Example
    -------
    >>> write_network_html(store, "network.html", lang="fa", level="state", since="2020-01-01")  # doctest: +SKIP
    PosixPath('network.html')
    """
    unknown = sorted(set(filters) - set(_FILTERS))
    if unknown:
        raise QueryError(Errors.E403, name="viz", param=unknown[0], value=filters[unknown[0]],
                         kind="option of the HTML page")
    page = render_network_html(network_page_data(store, lang=lang, level=level, size_by=size_by,
                                                 color_by=color_by, title=title, max_labels=max_labels,
                                                 seed=seed, **filters))
    path = Path(out)
    try:
        if path.parent != Path(""):
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise KGError(Errors.E502, path=path, detail=str(exc)) from exc
    return path

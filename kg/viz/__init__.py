"""Figures of the knowledge graph (matplotlib, Agg canvas; PNG, SVG or PDF by the file's suffix),
and the network as an interactive, offline HTML page (``.html``).

:data:`FIGURES` maps a figure kind to a function ``(store, out, **options) -> Path`` that reads
what it needs from the store (:mod:`kg.analytics`) and draws it; :func:`draw` picks one by name
(``kg viz KIND``). The drawing functions themselves take a graph or rows and can be used alone:

- :func:`~kg.viz.network.draw_network` — the interaction network;
- :func:`~kg.viz.timeline.draw_dyad_timeline` — cooperation–conflict score of pairs by period;
- :func:`~kg.viz.heatmap.draw_domain_heatmap` — events per pair and domain;
- :func:`~kg.viz.html.write_network_html` — the network as one interactive HTML page (pan, zoom,
  the events behind each tie, filters by category and period); ``draw("network", store,
  "x.html")`` writes it.

Example
-------
>>> import tempfile, pathlib
>>> from kg.store import open_store
>>> with open_store("memory:") as store:
...     path = draw("network", store, pathlib.Path(tempfile.mkdtemp()) / "net.png", lang="en")
>>> path.suffix
'.png'
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.analytics.measures import dyad_domain_profile, dyad_scores
from kg.analytics.projections import interaction_graph
from kg.errors import Errors, KGError, QueryError
from kg.viz.heatmap import draw_domain_heatmap
from kg.viz.html import write_network_html
from kg.viz.network import draw_network
from kg.viz.timeline import draw_dyad_timeline

__all__ = ["FIGURES", "draw", "draw_network", "draw_dyad_timeline", "draw_domain_heatmap",
           "write_network_html", "network_figure", "timeline_figure", "heatmap_figure"]

_FILTERS = ("categories", "quad_classes", "since", "until", "topics")


def _split(options: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """Take the options named ``names`` out of ``options`` (those not None)."""
    return {name: options.pop(name) for name in names if options.get(name) is not None}


def network_figure(store, out: Path | str, *, lang: str = "fa", level: str = "actor", **options: Any) -> Path:
    """The interaction network of the store's events: a figure, or an HTML page for ``.html``.

    Options: ``level`` (actor | state), the event filters of
    :func:`~kg.analytics.projections.interaction_graph` (``categories``, ``quad_classes``,
    ``since``, ``until``, ``topics``) and those of :func:`~kg.viz.network.draw_network`
    (``size_by``, ``color_by``, ``title``, ``max_labels``, ``seed``) or of
    :func:`~kg.viz.html.write_network_html` (the same but ``width``/``height``).
    """
    if Path(out).suffix.lower() in (".html", ".htm"):
        return write_network_html(store, out, lang=lang, level=level, **options)
    graph = interaction_graph(store, level=level, **_split(options, _FILTERS))
    return draw_network(graph, out, lang=lang, **options)


def timeline_figure(store, out: Path | str, *, lang: str = "fa", level: str = "state",
                    freq: str = "month", **options: Any) -> Path:
    """Cooperation–conflict score of the busiest pairs, by month or year (``freq``).

    Options: ``level``, ``freq``, the event filters, and ``value``, ``top``, ``title`` of
    :func:`~kg.viz.timeline.draw_dyad_timeline`.
    """
    rows = dyad_scores(store, freq=freq, level=level, lang=lang, **_split(options, _FILTERS))
    return draw_dyad_timeline(rows, out, lang=lang, **options)


def heatmap_figure(store, out: Path | str, *, lang: str = "fa", level: str = "state", **options: Any) -> Path:
    """Events per pair and domain for the busiest pairs and domains.

    Options: ``level``, the event filters but ``topics``, and ``value``, ``top_dyads``,
    ``top_topics``, ``title`` of :func:`~kg.viz.heatmap.draw_domain_heatmap`.
    """
    if options.get("topics") is not None:  # the domains are the heat map's columns
        raise QueryError(Errors.E403, name="viz", param="topics", value=options["topics"],
                         kind="filter of the network or timeline (the heat map shows every domain)")
    options.pop("topics", None)
    rows = dyad_domain_profile(store, level=level, lang=lang,
                               **_split(options, ("categories", "quad_classes", "since", "until")))
    return draw_domain_heatmap(rows, out, lang=lang, **options)


#: Figure kinds of :func:`draw` and ``kg viz``.
FIGURES: dict[str, Callable[..., Path]] = {
    "network": network_figure,
    "timeline": timeline_figure,
    "heatmap": heatmap_figure,
}


def draw(kind: str, store, out: Path | str, **options: Any) -> Path:
    """Draw figure ``kind`` of the store's graph to ``out`` and return the path written.

    Raises :class:`~kg.errors.KGError` ``KG503`` for an unknown kind, ``KG502`` when the file
    cannot be written, ``KG403`` for a bad option value.
    """
    try:
        figure = FIGURES[kind]
    except KeyError:
        raise KGError(Errors.E503, kind=kind, known=", ".join(FIGURES)) from None
    return figure(store, out, **options)

"""Draw which pairs of actors work together in which domains: a dyad × topic heat map.

Example
-------
>>> import tempfile, pathlib
>>> rows = [{"a": "IRN", "b": "TKM", "a_label": "Iran", "b_label": "Turkmenistan", "topic": "gas",
...          "topic_label": "Gas", "events": 2}]
>>> out = draw_domain_heatmap(rows, pathlib.Path(tempfile.mkdtemp()) / "h.png", lang="en")
>>> out.read_bytes()[:4] == b"\\x89PNG"
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
from matplotlib.ticker import FuncFormatter, MaxNLocator

from kg.viz.figure import caption, check_lang, digits, new_figure, save

__all__ = ["draw_domain_heatmap"]


def draw_domain_heatmap(rows: Iterable[Mapping[str, Any]], out: Path | str, *, lang: str = "fa",
                        value: str = "events", top_dyads: int = 15, top_topics: int = 15,
                        title: str | None = None) -> Path:
    """Draw events per dyad (rows) and topic (columns) from
    :func:`~kg.analytics.measures.dyad_domain_profile` rows.

    The ``top_dyads`` pairs and ``top_topics`` topics with most events are kept; each cell shows
    its count.

    Parameters
    ----------
    rows: dicts with ``a``, ``b``, ``a_label``, ``b_label``, ``topic``, ``topic_label`` and ``value``.
    out: a .png, .svg or .pdf file.
    lang: captions in ``fa`` or ``en`` (the row labels are drawn as they are).
    value: the column counted (``events``, ``cooperative`` or ``conflictual``).
    """
    check_lang(lang)
    rows = [row for row in rows if row.get(value)]
    dyad_total: Counter = Counter()
    topic_total: Counter = Counter()
    names: dict[Any, str] = {}
    for row in rows:
        dyad, topic = (row["a"], row["b"]), row["topic"]
        dyad_total[dyad] += row[value]
        topic_total[topic] += row[value]
        names.setdefault(dyad, f"{row.get('a_label') or row['a']} – {row.get('b_label') or row['b']}")
        names.setdefault(("topic", topic), row.get("topic_label") or topic)
    dyads = sorted(dyad_total, key=lambda d: (-dyad_total[d], d))[:top_dyads]
    topics = sorted(topic_total, key=lambda t: (-topic_total[t], t))[:top_topics]
    fig = new_figure(max(6.0, 1.2 + 0.75 * len(topics) + 2.5), max(3.5, 1.6 + 0.45 * len(dyads)))
    ax = fig.add_subplot()
    fig.suptitle(title or caption("heatmap.title", lang), fontsize=14, fontweight="bold")
    if not dyads:
        ax.set_axis_off()
        ax.text(0.5, 0.5, caption("heatmap.empty", lang), ha="center", va="center", fontsize=13,
                transform=ax.transAxes)
        return save(fig, out)
    grid = np.zeros((len(dyads), len(topics)))
    row_of = {d: i for i, d in enumerate(dyads)}
    column_of = {t: j for j, t in enumerate(topics)}
    for row in rows:
        dyad, topic = (row["a"], row["b"]), row["topic"]
        if dyad in row_of and topic in column_of:
            grid[row_of[dyad], column_of[topic]] += row[value]
    # Empty cells white, so that "no events" does not read as a small number.
    cmap = matplotlib.colormaps["YlGnBu"].with_extremes(bad="white")
    image = ax.imshow(np.ma.masked_equal(grid, 0), cmap=cmap, aspect="auto", vmin=0)
    ax.set_xticks(np.arange(len(topics) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(dyads) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="#e6e6e6", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    high = grid.max() or 1
    for i in range(len(dyads)):
        for j in range(len(topics)):
            if grid[i, j]:
                ax.text(j, i, digits(f"{grid[i, j]:g}", lang), ha="center", va="center", fontsize=9,
                        color="white" if grid[i, j] > 0.6 * high else "#222222")
    ax.set_xticks(range(len(topics)), [names[("topic", t)] for t in topics],
                  rotation=40, ha="right")
    ax.set_yticks(range(len(dyads)), [names[d] for d in dyads])
    ax.tick_params(length=0)
    colorbar = fig.colorbar(image, ax=ax, shrink=0.8)
    colorbar.locator = MaxNLocator(integer=True)
    colorbar.formatter = FuncFormatter(lambda x, _: digits(f"{x:g}", lang))
    colorbar.update_ticks()
    colorbar.set_label(caption("heatmap.colorbar", lang))
    return save(fig, out)

"""Draw how pairs of actors move between cooperation and conflict, period by period.

Example
-------
>>> import tempfile, pathlib
>>> rows = [{"period": "2025-02", "a": "IRN", "b": "TKM", "a_label": "Iran", "b_label": "Turkmenistan",
...          "events": 3, "score_mean": 3.3},
...         {"period": "2025-04", "a": "IRN", "b": "TKM", "a_label": "Iran", "b_label": "Turkmenistan",
...          "events": 1, "score_mean": 2.5}]
>>> out = draw_dyad_timeline(rows, pathlib.Path(tempfile.mkdtemp()) / "t.svg", lang="en")
>>> out.stat().st_size > 0
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from matplotlib.ticker import FuncFormatter

from kg.viz.figure import caption, check_lang, digits, new_figure, save

__all__ = ["draw_dyad_timeline", "period_axis"]

_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]


def period_axis(periods: Iterable[str]) -> list[str]:
    """Every period from the first to the last, gaps filled: months ``YYYY-MM`` or years ``YYYY``.

    >>> period_axis(["2025-02", "2024-12"])
    ['2024-12', '2025-01', '2025-02']
    """
    found = sorted(set(periods))
    if not found:
        return []
    if all(len(p) == 4 for p in found):
        return [str(y) for y in range(int(found[0]), int(found[-1]) + 1)]
    (y, m), (last_y, last_m) = (map(int, found[0].split("-")[:2]), map(int, found[-1].split("-")[:2]))
    out = []
    while (y, m) <= (last_y, last_m):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def draw_dyad_timeline(rows: Iterable[Mapping[str, Any]], out: Path | str, *, lang: str = "fa",
                       value: str = "score_mean", top: int = 6, title: str | None = None) -> Path:
    """Plot each pair's score per period (rows of :func:`~kg.analytics.measures.dyad_scores`).

    One line per dyad, for the ``top`` dyads with most events; a marker's area shows the period's
    number of events; periods without events are gaps. The band above zero is cooperation, below
    conflict.

    Parameters
    ----------
    rows: dicts with ``period``, ``a``, ``b``, ``a_label``, ``b_label``, ``events`` and ``value``.
    out: a .png, .svg or .pdf file.
    lang: captions in ``fa`` or ``en`` (the row labels are drawn as they are).
    value: the column to plot (``score_mean`` or ``score_sum``).
    """
    check_lang(lang)
    rows = [row for row in rows if row.get(value) is not None]
    fig = new_figure(11, 6)
    ax = fig.add_subplot()
    fig.suptitle(title or caption("timeline.title", lang), fontsize=15, fontweight="bold")
    if not rows:
        ax.set_axis_off()
        ax.text(0.5, 0.5, caption("timeline.empty", lang), ha="center", va="center", fontsize=14,
                transform=ax.transAxes)
        return save(fig, out)
    series: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        series[(row["a"], row["b"])].append(row)
    totals = {pair: sum(r.get("events", 1) for r in found) for pair, found in series.items()}
    chosen = sorted(series, key=lambda pair: (-totals[pair], pair))[:top]
    axis = period_axis(row["period"] for pair in chosen for row in series[pair])
    where = {period: i for i, period in enumerate(axis)}
    for i, pair in enumerate(chosen):
        found = sorted(series[pair], key=lambda r: r["period"])
        first = found[0]
        name = f"{first.get('a_label') or pair[0]} – {first.get('b_label') or pair[1]}"
        xs, ys, sizes = [], [], []
        dodge = (i - (len(chosen) - 1) / 2) * 0.05  # pairs with equal scores stay visible
        for row in found:
            xs.append(where[row["period"]] + dodge)
            ys.append(row[value])
            sizes.append(30 + 25 * row.get("events", 1))
        # Break the line where periods are missing, so a gap does not look like a trend.
        segment_x, segment_y = [xs[0]], [ys[0]]
        colour = _COLOURS[i % len(_COLOURS)]
        for x, y in zip(xs[1:], ys[1:]):
            if round(x - segment_x[-1]) != 1:
                ax.plot(segment_x, segment_y, color=colour, linewidth=2)
                segment_x, segment_y = [], []
            segment_x.append(x)
            segment_y.append(y)
        ax.plot(segment_x, segment_y, color=colour, linewidth=2)
        ax.scatter(xs, ys, s=sizes, color=colour, edgecolors="white", zorder=3, label=name)
    ax.axhline(0, color="#555555", linewidth=1)
    low, high = ax.get_ylim()
    bound = max(abs(low), abs(high), 1.0) * 1.1
    ax.set_ylim(-bound, bound)
    ax.axhspan(0, bound, color="#2ca02c", alpha=0.06)
    ax.axhspan(-bound, 0, color="#d62728", alpha=0.06)
    step = max(1, len(axis) // 12)
    ax.set_xticks(range(0, len(axis), step), [digits(p, lang) for p in axis[::step]],
                  rotation=45 if len(axis) > 6 else 0)
    ax.set_xlim(-0.5, len(axis) - 0.5)
    if lang == "fa":  # Persian digits on the score axis too, as on the period axis
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: digits(f"{v:g}".replace("-", "−"), lang)))
    ax.set_xlabel(caption("timeline.x", lang))
    ax.set_ylabel(caption("timeline.y", lang))
    ax.grid(axis="y", alpha=0.3)
    # Below the plot, outside it: a legend inside would sit on some pair's points.
    fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncols=min(3, len(chosen)),
               fontsize=9, frameon=False, markerscale=0.6)
    return save(fig, out)

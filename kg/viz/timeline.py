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

from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from kg.viz.figure import caption, check_lang, digits, join_notes, new_figure, save

__all__ = ["draw_dyad_timeline", "period_axis", "main_span", "skip_gaps", "GAP"]

#: The slot of a stretch of empty periods left out of the time axis (:func:`skip_gaps`).
GAP = "…"

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


def skip_gaps(axis: list[str], present: Iterable[str], longest: int = 6) -> list[str]:
    """``axis`` with each run of more than ``longest`` periods without events replaced by one
    :data:`GAP` slot, so that a pair seen in 2020 and again in 2025 does not leave the plot empty
    in between.

    >>> skip_gaps(period_axis(["2020-01", "2021-03"]), ["2020-01", "2021-03"])
    ['2020-01', '…', '2021-03']
    >>> skip_gaps(["2020-01", "2020-02", "2020-03"], ["2020-01", "2020-03"])
    ['2020-01', '2020-02', '2020-03']
    """
    found = set(present)
    out: list[str] = []
    empty: list[str] = []
    for period in axis:
        if period in found:
            out += [GAP] if len(empty) > longest else empty
            empty = []
            out.append(period)
        else:
            empty.append(period)
    return out + ([GAP] if len(empty) > longest else empty)


def main_span(counts: Mapping[str, int], trim: float = 0.01) -> tuple[str, str] | None:
    """The first and last period that hold all but ``trim`` of the events at each end.

    News dates a few events years back (a treaty of 1995 recalled in 2020); one such event would
    stretch the time axis over decades and squeeze the rest into one edge. The ends are cut where
    fewer than ``trim`` of the events lie beyond them (with few events nothing is cut: an end is
    cut only while the events beyond it stay below ``trim`` of all).

    >>> main_span({"1995-03": 1, "2019-11": 60, "2020-01": 40})
    ('2019-11', '2020-01')
    >>> main_span({"1995-03": 1, "2020-01": 4})
    ('1995-03', '2020-01')
    """
    periods = sorted(p for p, n in counts.items() if n > 0)
    if not periods:
        return None
    allowed = trim * sum(counts[p] for p in periods)
    first, last, cut = 0, len(periods) - 1, 0
    while first < last and cut + counts[periods[first]] < allowed:
        cut += counts[periods[first]]
        first += 1
    cut = 0
    while last > first and cut + counts[periods[last]] < allowed:
        cut += counts[periods[last]]
        last -= 1
    return periods[first], periods[last]


def _legend_handle(colour: str) -> Line2D:
    """A legend marker of one size for every pair (a scatter's own handle takes its first size)."""
    return Line2D([], [], color=colour, linewidth=2, marker="o", markersize=8, markeredgecolor="white")


def draw_dyad_timeline(rows: Iterable[Mapping[str, Any]], out: Path | str, *, lang: str = "fa",
                       value: str = "score_mean", top: int = 6, title: str | None = None,
                       trim: float = 0.01) -> Path:
    """Plot each pair's score per period (rows of :func:`~kg.analytics.measures.dyad_scores`).

    One line per dyad, for the ``top`` dyads with most events; a marker's area shows the period's
    number of events; periods without events are gaps, and a stretch of more than six of them is
    left out of the axis (a dashed line, :func:`skip_gaps`). The band above zero is cooperation,
    below conflict.

    Parameters
    ----------
    rows: dicts with ``period``, ``a``, ``b``, ``a_label``, ``b_label``, ``events`` and ``value``.
    out: a .png, .svg or .pdf file.
    lang: captions in ``fa`` or ``en`` (the row labels are drawn as they are).
    value: the column to plot (``score_mean`` or ``score_sum``).
    top: how many pairs to draw.
    trim: the share of the pairs' events that may be left out at each end of the time axis
        (:func:`main_span`); the figure says how many were. 0 shows every period.
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
    counts: dict[str, int] = defaultdict(int)
    for pair in chosen:
        for row in series[pair]:
            counts[row["period"]] += row.get("events", 1)
    first_period, last_period = main_span(counts, trim)
    left_out = sum(n for p, n in counts.items() if not first_period <= p <= last_period)
    axis = skip_gaps(period_axis([first_period, last_period]), counts)
    where = {period: i for i, period in enumerate(axis)}
    busiest = max(row.get("events", 1) for pair in chosen for row in series[pair])
    handles, names = [], []
    for i, pair in enumerate(chosen):
        found = sorted((r for r in series[pair] if r["period"] in where), key=lambda r: r["period"])
        first = series[pair][0]
        colour = _COLOURS[i % len(_COLOURS)]
        handles.append(_legend_handle(colour))
        names.append(f"{first.get('a_label') or pair[0]} – {first.get('b_label') or pair[1]}")
        if not found:
            continue
        dodge = (i - (len(chosen) - 1) / 2) * 0.05  # pairs with equal scores stay visible
        xs = [where[row["period"]] + dodge for row in found]
        ys = [row[value] for row in found]
        # Area by events, up to a disc of about 22 points across: big enough to compare,
        # small enough not to hide the neighbouring months.
        sizes = [25 + 375 * (row.get("events", 1) / busiest) ** 0.5 for row in found]
        # Break the line where periods are missing, so a gap does not look like a trend.
        segment_x, segment_y = [xs[0]], [ys[0]]
        for x, y in zip(xs[1:], ys[1:]):
            if round(x - segment_x[-1]) != 1:
                ax.plot(segment_x, segment_y, color=colour, linewidth=2)
                segment_x, segment_y = [], []
            segment_x.append(x)
            segment_y.append(y)
        ax.plot(segment_x, segment_y, color=colour, linewidth=2)
        ax.scatter(xs, ys, s=sizes, color=colour, edgecolors="white", zorder=3, alpha=0.9)
    ax.axhline(0, color="#555555", linewidth=1)
    low, high = ax.get_ylim()
    bound = max(abs(low), abs(high), 1.0) * 1.1
    ax.set_ylim(-bound, bound)
    ax.axhspan(0, bound, color="#2ca02c", alpha=0.06)
    ax.axhspan(-bound, 0, color="#d62728", alpha=0.06)
    step = max(1, len(axis) // 12)
    ticks = sorted(set(range(0, len(axis), step)) | {i for i, p in enumerate(axis) if p == GAP})
    ax.set_xticks(ticks, [digits(axis[i], lang) for i in ticks], rotation=45 if len(axis) > 6 else 0)
    for i in ticks:
        if axis[i] == GAP:  # a dashed line where empty periods were left out
            ax.axvline(i, color="#999999", linewidth=1, linestyle=(0, (3, 3)))
    ax.set_xlim(-0.5, len(axis) - 0.5)
    if lang == "fa":  # Persian digits and decimal sign «٫» on the score axis too
        ax.yaxis.set_major_formatter(FuncFormatter(
            lambda v, _: digits(f"{v:g}".replace("-", "−").replace(".", "٫"), lang)))
    ax.set_xlabel(caption("timeline.x", lang))
    ax.set_ylabel(caption("timeline.y", lang))
    ax.grid(axis="y", alpha=0.3)
    # Below the plot, outside it: a legend inside would sit on some pair's points.
    fig.legend(handles, names, loc="outside lower center", ncols=min(3, len(chosen)), fontsize=9,
               frameon=False)
    notes = [caption("timeline.size", lang)]
    if left_out:
        notes.append(caption("timeline.trimmed", lang, n=left_out, first=first_period, last=last_period))
    ax.set_title(join_notes(notes, lang), fontsize=8.5, color="#666666")
    return save(fig, out)

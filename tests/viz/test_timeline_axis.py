"""The timeline's time axis: a lone old event or a long quiet stretch does not empty the plot."""

from __future__ import annotations

from kg.viz.timeline import GAP, draw_dyad_timeline, main_span, period_axis, skip_gaps


def test_main_span_leaves_out_an_event_dated_decades_before_the_news():
    counts = {"1995-03": 1, "2019-05": 4, "2019-11": 28, "2020-01": 173, "2020-02": 155, "2020-06": 46}
    assert main_span(counts) == ("2019-05", "2020-06")


def test_main_span_cuts_nothing_when_every_event_is_one_percent_or_more():
    assert main_span({"2019-01": 3, "2020-01": 100}) == ("2019-01", "2020-01")


def test_main_span_with_trim_zero_keeps_every_period():
    assert main_span({"1956-11": 1, "2020-01": 1000}, trim=0) == ("1956-11", "2020-01")


def test_main_span_of_nothing_is_none():
    assert main_span({}) is None


def test_a_long_quiet_stretch_becomes_one_gap_slot():
    axis = period_axis(["2020-02", "2025-02"])
    assert skip_gaps(axis, ["2020-02", "2020-03", "2025-02"]) == ["2020-02", "2020-03", GAP, "2025-02"]


def test_a_short_quiet_stretch_stays_on_the_axis():
    axis = period_axis(["2020-01", "2020-05"])
    assert skip_gaps(axis, ["2020-01", "2020-05"]) == axis


def test_years_get_gaps_too():
    assert skip_gaps(period_axis(["1990", "2020"]), ["1990", "2020"], longest=3) == ["1990", GAP, "2020"]


def test_a_timeline_with_an_outlier_and_a_gap_is_drawn(tmp_path):
    rows = [{"period": p, "a": "IRN", "b": "USA", "a_label": "Iran", "b_label": "United States",
             "events": n, "score_mean": s}
            for p, n, s in [("1995-03", 1, -4.0), ("2020-01", 90, -2.5), ("2020-02", 60, -1.0),
                            ("2024-02", 10, 1.5)]]
    out = draw_dyad_timeline(rows, tmp_path / "t.png", lang="fa")
    assert out.read_bytes().startswith(b"\x89PNG")

"""Dyads: strongest pairs, their domains and their cooperation–conflict score by period."""

from __future__ import annotations

import json

import pytest

from kg.analytics.measures import dyad_domain_profile, dyad_scores, strongest_dyads, summary
from kg.analytics.projections import EventRecord, build_interaction_graph, interaction_graph
from kg.errors import KGError


def test_strongest_dyads_count_a_joint_event_once():
    graph = build_interaction_graph([EventRecord("e1", "AGREE", None, ("IRN", "TKM")),
                                     EventRecord("e2", "CONSULT", None, ("IRN",), ("TKM",))], {})
    (row,) = strongest_dyads(graph)
    assert (row["events"], row["a_to_b"], row["b_to_a"]) == (2, 2, 1)
    assert row["categories"] == "AGREE 1, CONSULT 1"
    assert row["score_mean"] == 2.5


def test_strongest_dyads_of_the_small_graph(store):
    rows = strongest_dyads(interaction_graph(store, level="state"), top=3, lang="fa")
    assert [(r["a"], r["b"], r["events"]) for r in rows] == [("IRN", "TKM", 4), ("RUS", "TUR", 4), ("IRN", "OMN", 2)]
    assert (rows[0]["a_label"], rows[0]["b_label"]) == ("ایران", "ترکمنستان")
    # CONSULT 2.5, ACCUSE -3, SANCTION -6, THREATEN -3.5
    assert rows[1]["score_mean"] == pytest.approx((2.5 - 3 - 6 - 3.5) / 4)


def test_dyad_scores_by_month_follow_the_plover_scores(store):
    rows = {(r["a"], r["b"], r["period"]): r for r in dyad_scores(store)}
    march, april = rows[("RUS", "TUR", "2025-03")], rows[("RUS", "TUR", "2025-04")]
    assert (march["events"], march["cooperative"], march["conflictual"]) == (2, 1, 1)
    assert march["score_sum"] == pytest.approx(2.5 - 3.0)
    assert april["score_mean"] == pytest.approx((-6.0 - 3.5) / 2)  # from cooperation to conflict
    assert rows[("IRN", "TKM", "2025-02")]["score_mean"] == pytest.approx((2.5 + 2.5 + 5) / 3)


def test_dyad_scores_by_year_leave_out_undated_events(store):
    rows = dyad_scores(store, freq="year")
    assert {r["period"] for r in rows} == {"2025"}
    assert ("IRN", "RUS") not in {(r["a"], r["b"]) for r in rows}


def test_dyad_domain_profile_counts_events_per_pair_and_topic(store):
    rows = dyad_domain_profile(store, lang="fa")
    first = rows[0]
    assert (first["a"], first["b"], first["topic"], first["events"]) == ("IRN", "TKM", "gas", 2)
    assert first["topic_label"] == "گاز"
    security = next(r for r in rows if r["topic"] == "security")
    assert (security["a"], security["b"], security["cooperative"], security["conflictual"]) == ("RUS", "TUR", 1, 1)


def test_dyad_domain_profile_of_cooperation_only(store):
    rows = dyad_domain_profile(store, quad_classes=[1, 2])
    assert all(r["conflictual"] == 0 for r in rows)
    assert ("RUS", "TUR", "security", 1) in {(r["a"], r["b"], r["topic"], r["events"]) for r in rows}


def test_summary_gives_sizes_and_tables_that_serialise_to_json(store):
    result = summary(store, top=3, level="state")
    assert (result["events"], result["actors"], result["interactions"]) == (12, 6, 8)
    assert [r["node"] for r in result["central actors"]] == ["RUS", "TUR", "IRN"]
    assert result["strongest dyads"][0]["events"] == 4
    assert result["communities"][0]["size"] == 4
    json.dumps(result, ensure_ascii=False)


def test_summary_names_each_strong_dyads_domains_and_months(store):
    result = summary(store, top=3, level="state")
    domains = {(r["a"], r["b"]): r["domains"] for r in result["dyad domains"]}
    assert list(domains) == [(r["a"], r["b"]) for r in result["strongest dyads"]]
    assert domains[("IRN", "TKM")].startswith("Gas 2")
    months = [(r["month"], r["events"]) for r in result["dyad months"] if r["dyad"].startswith("Russia")]
    assert months == [("2025-03", 2), ("2025-04", 2)]


def test_summary_with_an_ego_lists_its_partners_and_rejects_a_stranger(store):
    result = summary(store, top=3, level="state", ego="IRN")
    assert result["ego network"][0]["node"] == "TKM"
    with pytest.raises(KGError) as caught:
        summary(store, level="state", ego="ATLANTIS")
    assert caught.value.code == "KG403"


def test_summary_names_at_most_five_categories_of_a_dyad():
    records = [EventRecord(f"e{i}", category, None, ("IRN",), ("TKM",))
               for i, category in enumerate(["AGREE", "CONSULT", "SUPPORT", "AID", "REQUEST", "ACCUSE", "REJECT"])]
    from kg.analytics.measures import _compact

    (row,) = strongest_dyads(build_interaction_graph(records, {}))
    assert _compact(row)["categories"].endswith(", … 2 more")

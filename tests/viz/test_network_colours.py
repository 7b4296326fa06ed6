"""Network colours: the first colours of the palette go to the busiest countries."""

from __future__ import annotations

from kg.analytics.projections import ActorInfo, EventRecord, build_interaction_graph
from kg.viz.network import node_groups


def test_the_busiest_country_gets_the_first_colour_not_the_one_with_most_officials():
    actors = {"USA": ActorInfo("USA", "", "Country", "United States", "آمریکا", "USA"),
              "OMN": ActorInfo("OMN", "", "Country", "Oman", "عمان", "OMN"),
              **{f"person:o{i}": ActorInfo(f"person:o{i}", "", "Person", f"Official {i}", "", "OMN")
                 for i in range(3)}}
    records = [EventRecord(f"u{i}", "CONSULT", None, ("USA",), ("IRN" if i % 2 else "TKM",)) for i in range(10)]
    records += [EventRecord(f"o{i}", "CONSULT", None, (f"person:o{i}",), ("OMN",)) for i in range(3)]
    group, names = node_groups(build_interaction_graph(records, actors), "country", "en")
    assert group["USA"] == 0 and names[0] == "United States"
    assert group["person:o0"] == group["OMN"]  # officials take their state's colour

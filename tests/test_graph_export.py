"""Graph exports read back: GraphML and GEXF with networkx, the CSV edge list, JSON-LD with rdflib."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.analytics.projections import interaction_graph
from kg.errors import KGError
from kg.graph_export import export_graph, jsonld_graph, plain_graph, write_graph, write_jsonld
from kg.rdf.namespaces import RDF, RR, article_iri, event_iri
from kg.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent / "analytics"))
from small_graph import graphs  # noqa: E402


@pytest.fixture(scope="module")
def store():
    with open_store("memory:") as kg_store:
        kg_store.write_batch(graphs())
        yield kg_store


def _same_weights(graph: nx.DiGraph, back: nx.Graph) -> None:
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    for u, v, data in graph.edges(data=True):
        assert float(back[u][v]["weight"]) == data["weight"]


@pytest.mark.parametrize("level", ["actor", "state"])
def test_graphml_reads_back_with_the_same_nodes_edges_and_weights(store, tmp_path, level):
    graph = interaction_graph(store, level=level)
    back = nx.read_graphml(write_graph(graph, tmp_path / "g.graphml", "graphml"))
    _same_weights(graph, back)
    assert back.nodes["IRN"]["label_fa"] == "ایران" and back.nodes["IRN"]["label"] == "Iran"
    assert back.nodes["IRN"]["community"] >= 1 and 0 < back.nodes["IRN"]["pagerank"] < 1


def test_gexf_reads_back_with_the_same_nodes_edges_and_weights(store, tmp_path):
    graph = interaction_graph(store, level="state")
    back = nx.read_gexf(write_graph(graph, tmp_path / "g.gexf", "gexf", lang="fa"))
    _same_weights(graph, back)
    assert back.nodes["TKM"]["label"] == "ترکمنستان"
    assert back["RUS"]["TUR"]["categories"] == "ACCUSE:1;CONSULT:1;SANCTION:1"


def test_csv_edge_list_has_one_row_per_edge_with_categories_and_labels(store, tmp_path):
    graph = interaction_graph(store, level="state")
    rows = list(csv.DictReader(write_graph(graph, tmp_path / "g.csv", "csv").open(encoding="utf-8")))
    assert len(rows) == graph.number_of_edges()
    row = next(r for r in rows if (r["source"], r["target"]) == ("IRN", "TKM"))
    assert row == {"source": "IRN", "target": "TKM", "weight": "4",
                   "categories": "AGREE:1;CONSULT:2;SUPPORT:1", "source_label": "Iran",
                   "target_label": "Turkmenistan"}


def test_one_edge_per_event_in_a_multigraph_export(store, tmp_path):
    graph = interaction_graph(store, level="state", multi=True)
    back = nx.read_graphml(write_graph(graph, tmp_path / "m.graphml", "graphml"))
    assert back.is_multigraph() and back.number_of_edges() == graph.number_of_edges() == 13
    assert back.number_of_edges("IRN", "TKM") == 4


def test_rdflib_terms_and_dates_are_written_as_text():
    # networkx #3663: its writers fail on rdflib terms as ids or attribute values.
    graph = nx.DiGraph()
    graph.add_edge(URIRef("https://example.org/a"), URIRef("https://example.org/b"),
                   weight=2, label=Literal("x", lang="en"), events={"e2", "e1"})
    plain = plain_graph(graph)
    assert list(plain.edges(data=True)) == [("https://example.org/a", "https://example.org/b",
                                             {"weight": 2, "label": "x", "events": "e1 e2"})]
    out = io.BytesIO()
    nx.write_graphml(plain, out)
    assert b"https://example.org/a" in out.getvalue()


def test_export_graph_writes_to_an_open_binary_file(store):
    out = io.BytesIO()
    edges = export_graph(store, out, "csv", level="state", categories=["CONSULT"])
    lines = out.getvalue().decode("utf-8").splitlines()
    assert edges == len(lines) - 1 == 5  # IRN to CASPIAN, OMN, RUS, TKM; RUS to TUR
    assert not out.closed


def test_jsonld_of_an_article_reads_back_to_the_same_triples(store, tmp_path):
    out = tmp_path / "a1.jsonld"
    count = write_jsonld(store, out, article=str(article_iri("a1")))
    back = Graph().parse(out, format="json-ld")
    assert len(back) == count and isomorphic(back, jsonld_graph(store, article=str(article_iri("a1"))))
    assert (event_iri("a1", 0), RR.category, URIRef("https://w3id.org/rrkg/plover/CONSULT")) in back
    assert (URIRef("https://w3id.org/rrkg/id/person/masoud-pezeshkian"), RDF.type, RR.Person) not in back
    assert '"rr:category"' in out.read_text(encoding="utf-8")  # compacted with the project's prefixes


def test_jsonld_of_an_actor_holds_its_events_and_those_of_its_people(store, tmp_path):
    out = tmp_path / "tkm.jsonld"
    write_jsonld(store, out, actor="TKM")
    back = Graph().parse(out, format="json-ld")
    assert isomorphic(back, jsonld_graph(store, actor="TKM"))
    events = set(back.subjects(RDF.type, RR.Event))
    assert events == {event_iri("a1", 0), event_iri("a1", 1), event_iri("a2", 0), event_iri("a8", 1)}
    assert (URIRef("https://w3id.org/rrkg/id/actor/TKM"), RR.iso3, Literal("TKM")) in back


def test_jsonld_of_everything_leaves_the_ontology_out(store):
    graph = jsonld_graph(store)
    assert len(graph) == store.count_triples() - len(graphs()[URIRef("https://w3id.org/rrkg/id/graph/ontology")])
    assert isomorphic(Graph().parse(data=graph.serialize(format="json-ld"), format="json-ld"), graph)


@pytest.mark.parametrize("options", [{"actor": "XXX"}, {"article": "no-such-article"},
                                     {"actor": "IRN", "article": "a1"}])
def test_jsonld_of_something_the_store_lacks_is_kg403(store, tmp_path, options):
    with pytest.raises(KGError) as caught:
        write_jsonld(store, tmp_path / "x.jsonld", **options)
    assert caught.value.code == "KG403"


def test_unknown_format_is_kg501(store, tmp_path):
    with pytest.raises(KGError) as caught:
        export_graph(store, tmp_path / "x.dot", "dot")
    assert caught.value.code == "KG501"

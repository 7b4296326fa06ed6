"""write_batch on every local backend: replace and add semantics, idempotence, atomicity."""

from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef

from kg.errors import StoreError
from kg.store import Store, open_store

EX = "urn:example:"
G1, G2, G3 = URIRef(EX + "g1"), URIRef(EX + "g2"), URIRef(EX + "g3")
S, P, Q = URIRef(EX + "s"), URIRef(EX + "p"), URIRef(EX + "q")


def objects(store: Store, graph: URIRef) -> list[object]:
    rows = store.query(f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} ORDER BY ?o").to_dicts()
    return [row["o"] for row in rows]


def snapshot(store: Store) -> tuple[list[URIRef], int, dict[URIRef, int]]:
    graphs = store.graphs()
    return graphs, store.count_triples(), {g: store.count_triples(g) for g in graphs}


def test_write_batch_replace_sets_the_whole_graph(store: Store) -> None:
    store.write_batch({G1: [(S, P, Literal(1)), (S, P, Literal(2))]})
    store.write_batch({G1: [(S, P, Literal(3))]})
    assert objects(store, G1) == [3]


def test_write_batch_add_keeps_what_the_graph_held(store: Store) -> None:
    store.write_batch({G1: [(S, P, Literal(1))]})
    store.write_batch({}, add={G1: [(S, P, Literal(2)), (S, P, Literal(1))]})
    assert objects(store, G1) == [1, 2]


def test_write_batch_replace_and_add_in_one_batch(store: Store) -> None:
    store.write_batch({G1: [(S, P, Literal(1))], G2: [(S, P, Literal(1))]})
    store.write_batch({G1: [(S, P, Literal(5))]}, add={G2: [(S, P, Literal(6))], G3: [(S, P, Literal(7))]})
    assert (objects(store, G1), objects(store, G2), objects(store, G3)) == ([5], [1, 6], [7])


def test_write_batch_twice_gives_the_same_triple_count(mini_store: Store, mini_batch) -> None:
    before = snapshot(mini_store)
    mini_store.write_batch(mini_batch)
    assert snapshot(mini_store) == before
    assert before[1] == 437


def test_write_batch_empty_replacement_drops_the_graph(store: Store) -> None:
    store.write_batch({G1: [(S, P, Literal(1))], G2: [(S, P, Literal(1))]})
    store.write_batch({G1: []})
    assert store.graphs() == [G2]
    assert not store.has_graph(G1)


def test_write_batch_accepts_generators(store: Store) -> None:
    store.write_batch({G1: ((S, P, Literal(i)) for i in range(5))})
    assert store.count_triples(G1) == 5


@pytest.mark.parametrize("bad", [
    (S, P, URIRef("http://example.org/a b")),          # an IRI with a space cannot be written
    (Literal("x"), P, Literal(1)),                     # a literal subject
    (S, Literal("p"), Literal(1)),                     # a literal predicate
    (S, P, "a plain Python str"),                      # not an RDF term
    (S, P),                                            # not a triple
], ids=["iri-with-space", "literal-subject", "literal-predicate", "python-str", "pair"])
def test_write_batch_with_a_bad_triple_changes_nothing(mini_store: Store, bad) -> None:
    before = snapshot(mini_store)
    existing = before[0][0]
    good = [(S, P, Literal(i)) for i in range(50)]
    with pytest.raises(StoreError) as info:
        mini_store.write_batch({existing: good + [bad], G2: good}, add={G3: good})
    assert info.value.code == "KG304"
    assert snapshot(mini_store) == before


def test_write_batch_with_a_failing_iterable_changes_nothing(mini_store: Store) -> None:
    def triples():
        yield (S, P, Literal(1))
        raise RuntimeError("the extractor crashed half-way")

    before = snapshot(mini_store)
    with pytest.raises(StoreError, match="KG304.*crashed half-way"):
        mini_store.write_batch({before[0][0]: [(S, P, Literal(0))], G1: triples()})
    assert snapshot(mini_store) == before


def test_write_batch_refuses_a_graph_name_that_is_not_an_iri(store: Store) -> None:
    with pytest.raises(StoreError, match="KG304"):
        store.write_batch({"urn:example:g": [(S, P, Literal(1))]})  # a str, not a URIRef
    assert store.graphs() == []


def test_write_batch_blank_nodes_are_fresh_per_batch(store: Store) -> None:
    node = BNode("b1")
    store.write_batch({G1: [(node, P, Literal(1)), (S, Q, node)]})
    store.write_batch({}, add={G1: [(node, P, Literal(2))]})
    rows = store.query(f"SELECT ?o WHERE {{ GRAPH <{G1}> {{ <{S}> <{Q}> ?b . ?b <{P}> ?o }} }}").to_dicts()
    assert rows == [{"o": 1}]  # within a batch the label joins; across batches it does not


def test_write_batch_replaces_a_graph_holding_blank_nodes(store: Store) -> None:
    store.write_batch({G1: [(BNode("a"), P, Literal(1)), (S, P, Literal(1))]})
    store.write_batch({G1: [(BNode("a"), P, Literal(2)), (S, P, Literal(1))]})
    assert objects(store, G1) == [1, 2]


def test_write_batch_replace_keeps_unchanged_triples_and_changes_the_rest(store: Store) -> None:
    store.write_batch({G1: [(S, P, Literal(i)) for i in range(10)], G2: [(S, P, Literal(0))]})
    store.write_batch({G1: [(S, P, Literal(i)) for i in range(5, 15)], G2: [(S, P, Literal(0))]})
    assert (objects(store, G1), objects(store, G2)) == (list(range(5, 15)), [0])


def test_drop_graph_removes_only_that_graph(mini_store: Store) -> None:
    graphs = mini_store.graphs()
    mini_store.drop_graph(graphs[0])
    mini_store.drop_graph(URIRef(EX + "never-there"))
    assert mini_store.graphs() == graphs[1:]


def test_graphs_and_counts_of_the_mini_graph(mini_store: Store, mini_batch) -> None:
    assert mini_store.graphs() == sorted(mini_batch)
    assert {g: mini_store.count_triples(g) for g in mini_batch} == {g: len(t) for g, t in mini_batch.items()}
    assert mini_store.count_triples(URIRef(EX + "missing")) == 0


def test_graph_value_reads_one_metadata_value(mini_store: Store) -> None:
    meta, store_iri = URIRef("https://w3id.org/rrkg/id/graph/meta"), URIRef("https://w3id.org/rrkg/id/store")
    version = URIRef("https://w3id.org/rrkg/ontology#ontologyVersion")
    assert mini_store.graph_value(meta, store_iri, version) == Literal("0.1.0")
    assert mini_store.graph_value(meta, store_iri, URIRef(EX + "nothing")) is None
    assert mini_store.graph_value(URIRef(EX + "no-graph"), store_iri, version) is None


def test_read_only_store_refuses_writes(store_url: str) -> None:
    with open_store(store_url) as store:
        store.write_batch({G1: [(S, P, Literal(1))]})
    with open_store(store_url, read_only=True) as store:
        with pytest.raises(StoreError, match="KG302.*read-only"):
            store.write_batch({G1: []})
        with pytest.raises(StoreError, match="KG302"):
            store.drop_graph(G1)

"""write_batch on real servers: replace/add semantics, idempotence, what happens when a request
fails half-way (Oxigraph server: nothing; Virtuoso: repaired by writing the batch again)."""

from __future__ import annotations

import io

import pytest
from rdflib import BNode, Dataset, Literal, URIRef

from kg.errors import StoreError
from kg.store.sparql import SparqlStore

pytestmark = pytest.mark.server

EX = "urn:example:"
G1, G2, G3 = URIRef(EX + "g1"), URIRef(EX + "g2"), URIRef(EX + "g3")
S, P = URIRef(EX + "s"), URIRef(EX + "p")


def objects(store: SparqlStore, graph: URIRef) -> list:
    rows = store.query(f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} ORDER BY ?o").to_dicts()
    return [row["o"] for row in rows]


def snapshot(store: SparqlStore) -> dict[URIRef, int]:
    return store.graph_counts()


def big_batch(graphs: int = 4, triples: int = 30) -> dict[URIRef, list]:
    return {URIRef(f"{EX}big{g}"): [(URIRef(f"{EX}s{i}"), P, Literal(f"{g}-{i}")) for i in range(triples)]
            for g in range(graphs)}


def test_replace_and_add_semantics(server_store: SparqlStore) -> None:
    server_store.write_batch({G1: [(S, P, Literal(1)), (S, P, Literal(2))], G2: [(S, P, Literal(1))]})
    server_store.write_batch({G1: [(S, P, Literal(5))]}, add={G2: [(S, P, Literal(6))], G3: [(S, P, Literal(7))]})
    assert (objects(server_store, G1), objects(server_store, G2), objects(server_store, G3)) == ([5], [1, 6], [7])
    server_store.write_batch({G3: []})                      # an empty replacement drops the graph
    assert server_store.graphs() == [G1, G2]


def test_writing_the_same_batch_twice_changes_nothing(server_store: SparqlStore, mini_batch) -> None:
    server_store.write_batch(mini_batch)
    before = snapshot(server_store)
    server_store.write_batch(mini_batch)
    assert snapshot(server_store) == before and sum(before.values()) == 437


def test_blank_nodes_stay_connected_and_fresh(server_store: SparqlStore) -> None:
    node = BNode()
    batch = {G1: [(S, P, node), (node, P, Literal("inside"))]}
    server_store.write_batch(batch)
    server_store.write_batch({}, add=batch)                  # added again: new blank nodes
    rows = server_store.query(f"SELECT ?v WHERE {{ GRAPH <{G1}> {{ <{S}> <{P}> ?b . ?b <{P}> ?v }} }}")
    assert [row["v"] for row in rows.to_dicts()] == ["inside", "inside"]


def test_oxigraph_server_batch_is_one_all_or_nothing_request(oxigraph_server, backend_store,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    store = backend_store("oxigraph-server")
    store.write_batch({G1: [(S, P, Literal(1))]})
    sent = store.requests
    store.write_batch(big_batch())
    assert store.requests == sent + 1
    before = snapshot(store)
    # make the server fail the LAST operation of the batch's request: nothing of it may remain
    real = SparqlStore._update
    monkeypatch.setattr(SparqlStore, "_update", lambda self, text: real(self, text + f" ;\nCREATE GRAPH <{G1}>"))
    with pytest.raises(StoreError) as info:
        store.write_batch({G1: [(S, P, Literal(2))], **big_batch(graphs=2, triples=5)})
    assert info.value.code == "KG305" and "nothing changed" in str(info.value)
    assert snapshot(store) == before and objects(store, G1) == [1]


def test_virtuoso_commits_each_operation_on_its_own(virtuoso_server, backend_store) -> None:
    """Why Virtuoso batches are not atomic: a request whose last operation fails keeps the rest."""
    store = backend_store("virtuoso")
    store.write_batch({G1: [(S, P, Literal(1))]})
    store._update(f"CREATE SILENT GRAPH <{G3}>")
    with pytest.raises(StoreError):
        store._update(f"INSERT DATA {{ GRAPH <{G2}> {{ <{S}> <{P}> 2 }} }} ;\nCREATE GRAPH <{G3}>")
    assert objects(store, G2) == [2]


def test_virtuoso_batch_failing_half_way_is_repaired_by_writing_it_again(
        virtuoso_server, backend_store, monkeypatch: pytest.MonkeyPatch) -> None:
    store = backend_store("virtuoso")
    store.flavour = store.flavour.__class__(**{**store.flavour.__dict__, "request_triples": 50})
    old = big_batch(triples=30)
    store.write_batch(old)
    new = {g: triples[:20] + [(S, P, Literal("new"))] for g, triples in old.items()}
    assert len(store.plan_batch(new, {})) == 2
    real, calls = SparqlStore._update, []

    def fail_second(self, text):
        calls.append(text)
        if len(calls) == 2:
            raise StoreError(__import__("kg.errors").errors.Errors.E305, url="test", status=500, detail="boom")
        return real(self, text)

    monkeypatch.setattr(SparqlStore, "_update", fail_second)
    with pytest.raises(StoreError) as info:
        store.write_batch(new)
    assert "write the same batch again" in str(info.value)
    monkeypatch.setattr(SparqlStore, "_update", real)
    assert snapshot(store) != {g: 21 for g in new}            # half old, half new
    store.write_batch(new)
    assert snapshot(store) == {g: 21 for g in new}


def test_dump_reads_back_what_was_written(server_store: SparqlStore, mini_batch) -> None:
    server_store.write_batch(mini_batch)
    out = io.BytesIO()
    server_store.dump(out, "nquads")
    dataset = Dataset()
    dataset.parse(data=out.getvalue().decode("utf-8"), format="nquads")
    assert sum(len(g) for g in dataset.graphs() if isinstance(g.identifier, URIRef)) == 437


def test_virtuoso_row_cap_is_an_error_and_reads_page_under_it(virtuoso_server, backend_store) -> None:
    VIRTUOSO_MAX_ROWS = virtuoso_server.max_rows  # the cap the fixture started the server with

    store = backend_store("virtuoso")
    big = URIRef(EX + "capped")
    store.write_batch({big: [(URIRef(f"{EX}s{i}"), P, Literal(i)) for i in range(VIRTUOSO_MAX_ROWS + 500)]})
    with pytest.raises(StoreError) as info:
        store.query(f"SELECT ?s WHERE {{ GRAPH <{big}> {{ ?s ?p ?o }} }}")
    assert info.value.code == "KG305" and "cap" in str(info.value)
    assert len(store.query(f"SELECT ?s WHERE {{ GRAPH <{big}> {{ ?s ?p ?o }} }} LIMIT 10")) == 10
    assert [len(t) for _, t in store.read_graphs([big])] == [VIRTUOSO_MAX_ROWS + 500]
    assert store.graphs() == [big] and store.count_triples() == VIRTUOSO_MAX_ROWS + 500


def test_virtuoso_partial_answer_is_an_error(virtuoso_server, backend_store) -> None:
    store = backend_store("virtuoso")
    store.write_batch({G1: [(URIRef(f"{EX}s{i}"), P, Literal(i)) for i in range(300)]})
    store.endpoints.params.append(("timeout", "50"))       # Virtuoso's anytime limit, in ms
    with pytest.raises(StoreError) as info:
        # a three-way join whose filter ties all three (no shortcut by multiplying counts)
        store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{G1}> {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i "
                    "FILTER (CONCAT(STR(?c), STR(?f)) != STR(?i)) } }")
    # Virtuoso either cuts the answer (refused by the store as partial) or, under load, kills the
    # statement (SR203): never a silently cut answer.
    assert info.value.code == "KG305" and ("partial" in str(info.value) or "SR203" in str(info.value))

"""dump: every format re-parses to what was written."""

from __future__ import annotations

import io

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.errors import StoreError
from kg.store import Store


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_dump_of_the_dataset_reparses_graph_by_graph(mini_store: Store, mini_batch, fmt: str) -> None:
    out = io.BytesIO()
    mini_store.dump(out, fmt)
    dataset = Dataset()
    dataset.parse(data=out.getvalue(), format=fmt)
    for graph, triples in mini_batch.items():
        expected = Graph()
        expected += triples
        assert isomorphic(dataset.graph(graph), expected), graph


def test_dump_turtle_is_the_union_of_the_graphs(mini_store: Store, mini_batch) -> None:
    out = io.BytesIO()
    mini_store.dump(out, "turtle")
    union = Graph().parse(data=out.getvalue(), format="turtle")
    expected = Graph()
    for triples in mini_batch.values():
        expected += triples
    assert isomorphic(union, expected)
    assert b"@prefix rr:" in out.getvalue()


def test_dump_refuses_unknown_formats(mini_store: Store) -> None:
    with pytest.raises(StoreError, match="KG302.*xml"):
        mini_store.dump(io.BytesIO(), "xml")

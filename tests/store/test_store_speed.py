"""The embedded Oxigraph store at 100k triples: the bulk path loads them, writing the same
again changes nothing, every named query answers (with its example parameters).

It prints the rates it saw (``pytest -m slow tests/store/test_store_speed.py -s``) but asserts
none: speed is measured in ``benchmarks/stores.py``, never in a timed test.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from kg.queries import load_queries, run_query
from kg.store import open_store

pytestmark = pytest.mark.slow
KEYS = ("0a1b2c3d4e5f60718293a4b5c6d7e8f9", "1b2c3d4e5f60718293a4b5c6d7e8f90a", "2c3d4e5f60718293a4b5c6d7e8f90a1b")


def copies(target: int) -> tuple[dict, dict]:
    """The mini graph's article graphs copied under new content keys until ``target`` triples."""
    dataset = Dataset()
    dataset.parse(Path(__file__).resolve().parents[1] / "fixtures" / "mini-graph.trig", format="trig")
    graphs = {g.identifier: list(g) for g in dataset.graphs() if isinstance(g.identifier, URIRef) and len(g)}
    shared = {g: t for g, t in graphs.items() if not any(k in g for k in KEYS)}
    articles = {g: t for g, t in graphs.items() if any(k in g for k in KEYS)}
    batch: dict = {}
    n = 0
    while sum(map(len, batch.values())) < target:
        def renamed(term, n=n):
            if isinstance(term, URIRef):
                for key in KEYS:
                    if key in term:
                        return URIRef(term.replace(key, f"{key[:24]}{n:08x}"))
            return term
        for graph, triples in articles.items():
            batch[renamed(graph)] = [(renamed(s), p, renamed(o)) for s, p, o in triples]
        n += 1
    return shared, batch


def rate(seconds: float, triples: int) -> str:
    return f"{seconds:.2f} s = {triples / seconds:,.0f} triples/s"


def test_oxigraph_loads_100k_triples_in_bulk_and_answers_every_query(tmp_path: Path) -> None:
    shared, batch = copies(100_000)
    total = sum(map(len, batch.values()))
    with open_store(tmp_path / "kg") as store:
        store.write_batch(shared)
        start = time.perf_counter()
        store.write_batch(batch)                     # new graphs: the bulk path
        bulk = time.perf_counter() - start
        start = time.perf_counter()
        store.write_batch(batch)                     # the same again: nothing changes
        again = time.perf_counter() - start
        assert store.count_triples() == total + sum(map(len, shared.values()))
        latencies = {}
        for name, query in load_queries().items():
            start = time.perf_counter()
            run_query(store, name, dict(query.example))
            latencies[name] = time.perf_counter() - start
    print(f"\n{len(batch)} graphs, {total} triples: bulk {rate(bulk, total)}; unchanged again {rate(again, total)}")
    print("query latencies (ms): " + ", ".join(f"{n} {t * 1000:.0f}" for n, t in latencies.items()))
    # rates are measured in benchmarks/stores.py, not asserted here (no timed tests)
    assert set(latencies) == set(load_queries())

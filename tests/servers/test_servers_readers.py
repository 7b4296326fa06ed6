"""Readers are not blocked by a writer on a server: while one client writes a big batch, another
one's queries keep being answered, and on Oxigraph server they see the batch whole or not at all.
"""

from __future__ import annotations

import threading
import time

import pytest
from rdflib import Literal, URIRef

from kg.store.sparql import SparqlStore

pytestmark = pytest.mark.server

EX = "urn:example:readers:"
BATCH = {URIRef(f"{EX}g{g}"): [(URIRef(f"{EX}s{i}"), URIRef(EX + "p"), Literal(f"{g}-{i}"))
                               for i in range(20_000)] for g in range(5)}
TOTAL = sum(map(len, BATCH.values()))


def test_queries_are_answered_while_a_batch_is_written(server_store: SparqlStore, backend_store,
                                                       request: pytest.FixtureRequest) -> None:
    reader = server_store
    name = request.node.callspec.params["server_store"]
    writer = backend_store(name)   # another client of the same server
    done = threading.Event()
    failure: list[BaseException] = []

    def write() -> None:
        try:
            writer.write_batch(BATCH)
        except BaseException as err:  # noqa: BLE001 - reported by the test
            failure.append(err)
        finally:
            done.set()

    thread = threading.Thread(target=write)
    thread.start()
    seen, answered_during = set(), 0
    while not done.is_set():
        began = time.perf_counter()
        count = reader.count_triples()
        if not done.is_set():
            answered_during += 1
            seen.add(count)
        assert time.perf_counter() - began < 5, "a query waited for the writer"
    thread.join()
    assert not failure, failure
    assert answered_during >= 1, "the batch was written before a query could run: make it bigger"
    if name == "oxigraph-server":   # one request, one transaction: nothing or everything
        assert seen <= {0, TOTAL}
    assert reader.count_triples() == TOTAL

"""Named queries run in the store's own engine: with rdflib's SPARQL evaluator made to fail,
every named query (with its example values) still answers on embedded Oxigraph, Oxigraph server
and Virtuoso; on the rdflib memory store, the one backend that uses that evaluator, the same
trap fires (so the test can fail)."""

from __future__ import annotations

import pytest
import rdflib.plugins.sparql.evaluate
import rdflib.plugins.sparql.processor

from kg.errors import QueryError
from kg.queries import load_queries, run_query

pytestmark = pytest.mark.server

CALLS = [(name, dict(query.example)) for name, query in sorted(load_queries().items())]


class RdflibEvaluatorCalled(AssertionError):
    pass


@pytest.fixture
def no_rdflib_evaluator(monkeypatch: pytest.MonkeyPatch) -> None:
    def trap(*args, **kwargs):
        raise RdflibEvaluatorCalled("rdflib's SPARQL evaluator was called")

    monkeypatch.setattr(rdflib.plugins.sparql.evaluate, "evalQuery", trap)
    monkeypatch.setattr(rdflib.plugins.sparql.processor, "evalQuery", trap)


@pytest.mark.parametrize("backend", ["oxigraph", "oxigraph-server", "virtuoso"])
def test_named_queries_never_use_rdflibs_evaluator(backend_store, mini_batch, backend: str,
                                                   no_rdflib_evaluator) -> None:
    store = backend_store(backend)
    store.write_batch(mini_batch)
    for name, values in CALLS:
        assert run_query(store, name, values) is not None, name
    assert run_query(store, "stats").to_dicts()[0]["graphs"] == len(mini_batch)


def test_the_trap_catches_the_memory_store(backend_store, mini_batch, no_rdflib_evaluator) -> None:
    store = backend_store("memory")
    store.write_batch(mini_batch)
    with pytest.raises(QueryError, match="evaluator was called"):   # the memory store wraps it
        run_query(store, "stats")

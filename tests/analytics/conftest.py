"""Fixtures: the small graph of ``small_graph.py`` in a memory store and in an Oxigraph folder."""

from __future__ import annotations

import pytest

from kg.store import open_store
from small_graph import graphs


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def store(request, tmp_path_factory):
    """The small graph, in each backend (the SPARQL must give the same answers in both engines)."""
    url = "memory:" if request.param == "memory" else str(tmp_path_factory.mktemp("kg") / "store")
    with open_store(url) as kg_store:
        kg_store.write_batch(graphs())
        yield kg_store


@pytest.fixture(scope="module")
def memory_store():
    """The small graph in a memory store only (for tests that need one backend)."""
    with open_store("memory:") as kg_store:
        kg_store.write_batch(graphs())
        yield kg_store

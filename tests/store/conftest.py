"""Fixtures for the store tests: one store per registered local backend (rdflib-plugin style).

A new backend registered with ``register_store`` and ``local = True`` is tested by every test
here that takes ``store`` or ``store_url``, with the same expected answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from kg.store import Store, open_store, registered_stores
from kg.store.base import Triple

MINI_GRAPH = Path(__file__).resolve().parents[1] / "fixtures" / "mini-graph.trig"

LOCAL_BACKENDS = sorted(name for name, factory in registered_stores().items()
                        if isinstance(factory, type) and factory.local)


def read_trig(path: Path = MINI_GRAPH) -> dict[URIRef, list[Triple]]:
    """The named graphs of a TriG file as a ``write_batch`` argument."""
    dataset = Dataset()
    dataset.parse(path, format="trig")
    return {g.identifier: sorted(g) for g in dataset.graphs()
            if isinstance(g.identifier, URIRef) and len(g)}


@pytest.fixture(params=LOCAL_BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def store_url(backend: str, tmp_path: Path) -> str:
    """A URL for a new, empty store of the backend under test."""
    return registered_stores()[backend].scratch_url(tmp_path)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def mini_batch() -> dict[URIRef, list[Triple]]:
    return read_trig()


@pytest.fixture
def mini_store(store: Store, mini_batch: dict[URIRef, list[Triple]]) -> Store:
    """A store of the backend under test holding tests/fixtures/mini-graph.trig."""
    store.write_batch(mini_batch)
    return store

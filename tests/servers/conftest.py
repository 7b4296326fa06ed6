"""Real SPARQL servers for the tests: one Oxigraph server and one Virtuoso per test session.

Each is started on a free loopback port by :mod:`kg.store.servers` and stopped at the end. A
test that needs one is skipped (with the reason) only when its binary is not installed;
``.ci/install-servers.sh`` installs both, so they run in CI.

``backend_store(name)`` gives an empty store of any backend, so that the same test runs on
rdflib memory, embedded Oxigraph, Oxigraph server and Virtuoso with the same expectations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from kg.store import Store, open_store
from kg.store.base import Triple
from kg.store.servers import VIRTUOSO_TEMPLATE, OxigraphServer, VirtuosoServer, find_oxigraph, find_virtuoso
from kg.store.sparql import SparqlStore

MINI_GRAPH = Path(__file__).resolve().parents[1] / "fixtures" / "mini-graph.trig"
BACKENDS = ["memory", "oxigraph", "oxigraph-server", "virtuoso"]
SERVERS = ["oxigraph-server", "virtuoso"]
#: Virtuoso's row cap in these tests: low enough that a test can reach it with a few thousand triples.
VIRTUOSO_MAX_ROWS = 2000


def read_trig(path: Path = MINI_GRAPH) -> dict[URIRef, list[Triple]]:
    """The named graphs of a TriG file as a ``write_batch`` argument."""
    dataset = Dataset()
    dataset.parse(path, format="trig")
    return {g.identifier: sorted(g) for g in dataset.graphs()
            if isinstance(g.identifier, URIRef) and len(g)}


@pytest.fixture(scope="session")
def mini_batch() -> dict[URIRef, list[Triple]]:
    return read_trig()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    if find_oxigraph() is None:
        pytest.skip("the oxigraph binary is not installed (pip install oxigraph, or .ci/install-servers.sh)")
    with OxigraphServer(tmp_path_factory.mktemp("servers") / "oxigraph") as server:
        yield server


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    if find_virtuoso() is None or not VIRTUOSO_TEMPLATE.is_file():
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource, or "
                    ".ci/install-servers.sh)")
    with VirtuosoServer(tmp_path_factory.mktemp("servers") / "virtuoso",
                        max_rows=VIRTUOSO_MAX_ROWS) as server:
        yield server


def clear(store: Store) -> Store:
    """Drop every named graph of ``store`` (a server's own graphs are not listed, so stay)."""
    for graph in store.graphs():
        store.drop_graph(graph)
    return store


@pytest.fixture
def backend_store(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[str], Store]:
    """``backend_store(name)``: an empty store of backend ``name`` (one of BACKENDS)."""
    opened: list[Store] = []

    def make(name: str) -> Store:
        if name == "memory":
            store = open_store("memory:")
        elif name == "oxigraph":
            store = open_store(tmp_path / f"oxigraph-{len(opened)}")
        elif name == "oxigraph-server":
            store = clear(request.getfixturevalue("oxigraph_server").open_store())
        elif name == "virtuoso":
            store = clear(request.getfixturevalue("virtuoso_server").open_store())
        else:
            raise ValueError(name)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture(params=SERVERS)
def server_store(request: pytest.FixtureRequest, backend_store) -> SparqlStore:
    """An empty store on each real server."""
    return backend_store(request.param)

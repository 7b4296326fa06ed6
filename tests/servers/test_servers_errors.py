"""Failures a remote store reports: a server that is down (KG306), one that answers 500 (KG305),
a query the server refuses (KG405), a URL or option that is wrong (KG301/KG302)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rdflib import Literal, URIRef

from kg.errors import QueryError, StoreError
from kg.store import open_store
from kg.store.servers import free_port
from kg.store.sparql import SparqlStore

G, S, P = URIRef("urn:example:g"), URIRef("urn:example:s"), URIRef("urn:example:p")


class Broken(BaseHTTPRequestHandler):
    """Stands for a broken server: every request gets 500 and a short error text."""

    def _fail(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b"boom: the database is on fire" + b" and more" * 100
        self.send_response(500)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _fail

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def broken_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Broken)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("flavour", ["oxigraph", "virtuoso", "generic"])
def test_a_server_that_is_down_is_kg306(flavour: str) -> None:
    store = open_store(f"http://127.0.0.1:{free_port()}/sparql?flavour={flavour}")
    for action in (lambda: store.query("ASK {}"), lambda: store.write_batch({G: [(S, P, Literal(1))]}),
                   store.graphs, store.ping):
        with pytest.raises(StoreError) as info:
            action()
        assert info.value.code == "KG306"
        assert "refused" in str(info.value).lower()


@pytest.mark.parametrize("flavour", ["oxigraph", "generic"])
def test_a_server_that_answers_500_is_kg305_with_the_status_and_a_short_excerpt(broken_url: str,
                                                                                 flavour: str) -> None:
    store = open_store(f"{broken_url}?flavour={flavour}")
    for action in (lambda: store.query("SELECT * WHERE { ?s ?p ?o }"),
                   lambda: store.query("CONSTRUCT WHERE { ?s ?p ?o }"),
                   lambda: store.write_batch({G: [(S, P, Literal(1))]})):
        with pytest.raises(StoreError) as info:
            action()
        message = str(info.value)
        assert info.value.code == "KG305" and "answered 500" in message and "boom: the database is on fire" in message
        assert len(message) < 400


@pytest.mark.server
def test_a_query_the_server_refuses_is_kg405(server_store: SparqlStore) -> None:
    with pytest.raises(QueryError) as info:
        server_store.query("SELECT ?x WHERE { ?x ?y }")
    assert info.value.code == "KG405"


def test_an_update_is_not_a_query() -> None:
    store = SparqlStore(f"http://127.0.0.1:{free_port()}", flavour="oxigraph")
    with pytest.raises(QueryError):
        store.query("DROP ALL")


@pytest.mark.server
def test_virtuoso_refuses_anonymous_updates(virtuoso_server) -> None:
    anonymous = SparqlStore(virtuoso_server.url, flavour="virtuoso", user=None, password=None)
    anonymous.user = anonymous._password = None
    anonymous.endpoints.update = anonymous.endpoints.query
    with pytest.raises(StoreError) as info:
        anonymous.write_batch({G: [(S, P, Literal(1))]})
    assert info.value.code == "KG305"


@pytest.mark.parametrize(("url", "code"), [
    ("http://127.0.0.1:1/sparql?flavour=nosuch", "KG302"),
    ("http://dba:secret@127.0.0.1:1/sparql", "KG302"),      # no passwords in URLs
    ("http://127.0.0.1:1/sparql?timeout=soon", "KG302"),
])
def test_bad_urls_are_refused(url: str, code: str) -> None:
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert info.value.code == code
    assert "secret" not in str(info.value)


def test_a_read_only_remote_store_refuses_writes() -> None:
    store = open_store(f"http://127.0.0.1:{free_port()}?flavour=oxigraph", read_only=True)
    with pytest.raises(StoreError) as info:
        store.write_batch({G: [(S, P, Literal(1))]})
    assert info.value.code == "KG302"


def test_an_invalid_triple_is_kg304_before_anything_is_sent() -> None:
    store = open_store(f"http://127.0.0.1:{free_port()}?flavour=oxigraph")
    with pytest.raises(StoreError) as info:
        store.write_batch({G: [(S, Literal("not a predicate"), Literal(1))]})
    assert info.value.code == "KG304" and store.requests == 0

"""SparqlStore without a server: URL options and flavours, credentials, how batches become requests,
answers read from the SPARQL JSON results format."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.store import open_store
from kg.store.sparql import SparqlStore, _json_term, find_credentials

G1, G2 = URIRef("urn:example:g1"), URIRef("urn:example:g2")
S, P = URIRef("urn:example:s"), URIRef("urn:example:p")


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("KG_SPARQL_USER", "KG_SPARQL_PASSWORD", "KG_SPARQL_AUTH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KG_SPARQL_CREDENTIALS", str(tmp_path / "none.toml"))


@pytest.mark.parametrize(("url", "query", "update", "gsp"), [
    ("http://127.0.0.1:7878?flavour=oxigraph", "http://127.0.0.1:7878/query",
     "http://127.0.0.1:7878/update", "http://127.0.0.1:7878/store"),
    ("http://127.0.0.1:7878/query?flavour=oxigraph", "http://127.0.0.1:7878/query",
     "http://127.0.0.1:7878/update", "http://127.0.0.1:7878/store"),
    ("https://example.org/sparql", "https://example.org/sparql", "https://example.org/sparql", None),
    ("https://example.org/ds/sparql?update=/ds/update&gsp=https://example.org/ds/data",
     "https://example.org/ds/sparql", "https://example.org/ds/update", "https://example.org/ds/data"),
])
def test_urls_name_the_endpoints(url: str, query: str, update: str, gsp: str | None) -> None:
    store = open_store(url)
    assert isinstance(store, SparqlStore) and not store.local
    assert (store.endpoints.query, store.endpoints.update, store.endpoints.gsp) == (query, update, gsp)


def test_virtuoso_updates_go_to_the_authenticated_endpoint_when_credentials_are_known(
        monkeypatch: pytest.MonkeyPatch) -> None:
    anonymous = open_store("http://127.0.0.1:8890/sparql?flavour=virtuoso")
    assert anonymous.endpoints.update == "http://127.0.0.1:8890/sparql"      # refused by the server
    monkeypatch.setenv("KG_SPARQL_USER", "dba")
    monkeypatch.setenv("KG_SPARQL_PASSWORD", "s3cret")
    store = open_store("http://127.0.0.1:8890/sparql?flavour=virtuoso&max_rows=500&timeout=5")
    assert (store.endpoints.update, store.user, store.auth, store.max_rows, store.timeout) == (
        "http://127.0.0.1:8890/sparql-auth", "dba", "digest", 500, 5.0)
    assert "s3cret" not in repr(store) + store.url


def test_other_query_parameters_stay_on_the_endpoint() -> None:
    store = open_store("http://127.0.0.1:7878/sparql?default-graph-uri=urn:x&flavour=generic")
    assert store.endpoints.params == [("default-graph-uri", "urn:x")]


def test_credentials_file_is_looked_up_by_endpoint_then_origin(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "credentials.toml"
    path.write_text('["http://127.0.0.1:8890"]\nuser = "dba"\npassword = "from-file"\n\n'
                    '["https://example.org/ds/sparql"]\nuser = "me"\npassword = "pw"\nauth = "basic"\n')
    os.chmod(path, 0o600)
    monkeypatch.setenv("KG_SPARQL_CREDENTIALS", str(path))
    assert find_credentials("http://127.0.0.1:8890/sparql") == ("dba", "from-file", None)
    assert find_credentials("https://example.org/ds/sparql") == ("me", "pw", "basic")
    assert find_credentials("https://other.org/sparql") == (None, None, None)
    monkeypatch.setenv("KG_SPARQL_USER", "env-user")
    monkeypatch.setenv("KG_SPARQL_PASSWORD", "env-pw")
    assert find_credentials("http://127.0.0.1:8890/sparql")[:2] == ("env-user", "env-pw")


def test_a_credentials_file_others_can_read_gives_a_warning(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "credentials.toml"
    path.write_text('["http://h:1"]\nuser = "u"\npassword = "p"\n')
    os.chmod(path, 0o644)
    monkeypatch.setenv("KG_SPARQL_CREDENTIALS", str(path))
    with pytest.warns(UserWarning, match="chmod 600"):
        find_credentials("http://h:1/sparql")


def test_an_atomic_flavour_sends_a_batch_as_one_request() -> None:
    store = SparqlStore("http://127.0.0.1:7878", flavour="oxigraph")
    replace = {G1: [(S, P, Literal(i)) for i in range(50_000)]}
    requests = store.plan_batch(replace, {G2: [(S, P, Literal("x"))]})
    assert len(requests) == 1
    assert requests[0].startswith("DROP SILENT GRAPH <urn:example:g1> ;\nINSERT DATA {")
    assert store.plan_batch({}, {}) == []


def test_virtuoso_batches_are_split_graph_by_graph_with_blank_nodes_first() -> None:
    store = SparqlStore("http://127.0.0.1:8890/sparql", flavour="virtuoso", request_triples=10)
    node = BNode()
    replace = {G1: [(S, P, Literal(i)) for i in range(15)], G2: [(S, P, node), (node, P, Literal("b"))]}
    requests = store.plan_batch(replace, {})
    assert len(requests) == 2
    first, second = requests
    # G2 (blank nodes) is dropped and written first, with a template (fresh blank nodes)
    assert first.index("DROP SILENT GRAPH <urn:example:g2>") < first.index("INSERT {")
    assert "WHERE {}" in first and first.index("DROP SILENT GRAPH <urn:example:g1>") < first.index("INSERT DATA")
    assert second.count("<urn:example:s>") == 7 and "DROP" not in second   # 2 + 8 triples, then 7
    assert sum(r.count("<urn:example:p>") for r in requests) == 17


def test_json_terms_become_the_terms_local_backends_give() -> None:
    assert _json_term({"type": "uri", "value": "urn:x"}) == URIRef("urn:x")
    assert _json_term({"type": "literal", "value": "x", "datatype": str(XSD.string)}) == Literal("x")
    assert _json_term({"type": "literal", "value": "ایران", "xml:lang": "fa"}) == Literal("ایران", lang="fa")
    assert _json_term({"type": "typed-literal", "value": "3", "datatype": str(XSD.integer)}).toPython() == 3
    assert isinstance(_json_term({"type": "bnode", "value": "b0"}), BNode)
    assert _json_term(None) is None
    with pytest.raises(ValueError):
        _json_term({"type": "triple", "value": {}})


def test_project_prefixes_are_declared_for_the_server_unless_the_query_declares_them() -> None:
    store = SparqlStore("http://127.0.0.1:7878", flavour="oxigraph")
    text = store._prologue("PREFIX rr: <urn:mine#>\nSELECT * { ?s rr:x ?o }")
    assert "PREFIX rr: <https://w3id.org" not in text and "PREFIX id: <https://w3id.org/rrkg/id/>" in text

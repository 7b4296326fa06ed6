"""kg.serve: the read-only endpoint over an embedded store answers SPARQL over HTTP and serves
its query page (no server binary needed)."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.serve import make_server
from kg.store import open_store


@pytest.fixture
def endpoint(tmp_path: Path, mini_batch) -> Iterator[str]:
    with open_store(tmp_path / "kg") as store:
        store.write_batch(mini_batch)
    server = make_server(tmp_path / "kg", port=0)            # opened read-only, any free port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    server.store.close()


def get(url: str, accept: str = "*/*", data: bytes | None = None,
        content_type: str = "application/x-www-form-urlencoded") -> tuple[int, str, str]:
    request = urllib.request.Request(url, data=data, headers={"Accept": accept, "Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.headers["Content-Type"], answer.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read().decode("utf-8")


def test_select_over_http_in_json_and_csv(endpoint: str) -> None:
    query = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    status, mime, body = get(f"{endpoint}/query?query={query}", "application/sparql-results+json")
    assert (status, mime) == (200, "application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "437"
    status, mime, body = get(f"{endpoint}/sparql?query={query}", "text/csv")
    assert mime.startswith("text/csv") and body.splitlines() == ["n", "437"]


def test_post_forms_and_construct_as_turtle(endpoint: str) -> None:
    form = urllib.parse.urlencode({"query": "ASK { GRAPH ?g { ?e rr:category plover:ACCUSE } }"}).encode()
    status, _, body = get(f"{endpoint}/query", "application/json", form)
    assert (status, json.loads(body)["boolean"]) == (200, True)
    construct = b"CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/rrkg/id/graph/meta> { ?s ?p ?o } }"
    status, mime, body = get(f"{endpoint}/query", "text/turtle", construct, "application/sparql-query")
    assert (status, mime) == (200, "text/turtle") and "0.1.0" in body


def test_updates_and_bad_queries_are_refused(endpoint: str) -> None:
    update = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    assert get(f"{endpoint}/update", data=update)[0] == 403
    assert get(f"{endpoint}/query", data=update)[0] == 403
    status, _, body = get(f"{endpoint}/query?query=" + urllib.parse.quote("SELECT WHERE {"))
    assert status == 400 and "KG405" in body
    assert get(f"{endpoint}/query")[0] == 400
    assert get(f"{endpoint}/nothing")[0] == 404
    query = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert '"437"' in get(f"{endpoint}/query?query={query}")[2]


def test_the_page_works_offline_and_lists_the_named_queries(endpoint: str) -> None:
    status, mime, page = get(f"{endpoint}/")
    assert (status, mime) == (200, "text/html; charset=utf-8")
    assert '<textarea id="query"' in page and 'fetch("query"' in page
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page   # no CDN
    names = [q["name"] for q in json.loads(get(f"{endpoint}/queries")[2])]
    assert "who-called" in names


def test_a_store_being_written_cannot_be_served(tmp_path: Path) -> None:
    from kg.errors import StoreError

    with open_store(tmp_path / "kg"):
        with pytest.raises(StoreError) as info:
            make_server(tmp_path / "kg", port=0)
    assert info.value.code == "KG303"
